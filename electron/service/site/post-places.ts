// The folders a site keeps its posts in, where it has several: Hugo's sections (content/<lang>/news,
// content/<lang>/events…), Jekyll's `_posts` folders (`_posts/`, and category folders such as
// `events/_posts/`) and the collections it publishes (`_events/`), and a Docusaurus site's blogs
// (`blog/`, and an `events/` instance of its blog plugin). A new post goes to the site's usual
// place (its profile's pattern) unless the author picks another of these at export; each place
// names its posts as the usual one does (a date in front or not), a Hugo section as its own
// posts are (a page bundle or a plain file, dated or not), in its own years' (and months')
// folders where its posts are (a Jekyll collection: by its date, and `.markdown`, where most of
// its documents are).

import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import type { PostPlace, SiteProfile } from '../../core/contract';
import { belowContent, HUGO_CONTENT } from '../../core/site-paths';
import { isInside, realOrNull } from '../files/containment';
import { jekyllCollectionsDir, jekyllOutputCollections } from './site-data';
import { DATED_NAME, type SiteScan } from './site-rules';

/** At most this many places are offered: a site's main sections, not every folder of its docs. */
const MAX_PLACES = 12;

const FOLDER = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;
const YEAR = /^(19|20)\d\d$/;
const MONTH = /^(0[1-9]|1[0-2])$/;
/** A folder below a section: a name, not a date's number (`2024/` stands for the post's year only as the last, or with its month). */
const BELOW = /^[A-Za-z_][A-Za-z0-9._-]*$/;
const LANG_DIR = /^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/;

/** A pattern's folders and its post's own name (`{slug}.md`, `{date}-{slug}/index.md`): split where the name starts. */
function splitPattern(pattern: string): { folder: string[]; name: string } | null {
  const segments = pattern.split('/');
  const at = segments.findIndex((s) => /\{(slug|date)\}/.test(s));
  return at <= 0 ? null : { folder: segments.slice(0, at), name: segments.slice(at).join('/') };
}

/** How a place is shown: its folder, placeholders as `<lang>`. */
function shown(folder: string[]): string {
  return `${folder.join('/').replace(/\{(\w+)\}/g, '<$1>')}/`;
}

/**
 * The folders below a section as a new post's pattern has them: the last one a year
 * (`2024/` → `{year}/`), or the last two a year and its month (`2024/05/` → `{year}/{month}/`),
 * are its date's; null where another folder is not a plain name.
 */
export function datedFolders(dirs: string[]): string[] | null {
  const n = dirs.length;
  const byMonth = n >= 2 && YEAR.test(dirs[n - 2] ?? '') && MONTH.test(dirs[n - 1] ?? '');
  const byYear = !byMonth && n >= 1 && YEAR.test(dirs[n - 1] ?? '');
  const out = dirs.map((d, i) => (byMonth && i === n - 2 ? '{year}' : byMonth && i === n - 1 ? '{month}' : byYear && i === n - 1 ? '{year}' : d));
  return out.every((d) => d.startsWith('{') || BELOW.test(d)) ? out : null;
}

interface Found {
  name: string;
  folder: string[];
  posts: number;
  /** Of them page bundles, named by their date, and plain files named `.markdown` (a Hugo section's own shape). */
  bundles?: number;
  datedNames?: number;
  markdownNames?: number;
}

/**
 * Where a Hugo site's sections start, by its usual place's folder: `content/<lang>/` where the
 * posts are in language folders, a language's own content folder where the config gives the
 * languages theirs and the usual place is in one (`content/english/`), else `content/` (or the
 * content folder the config names, `contentDir`).
 */
function hugoContentRoot(usual: string[], langDirs: string[], contentDir: string): string[] {
  const top = contentDir.split('/');
  if (belowContent(usual, contentDir)?.[0] === '{lang}') return [...top, '{lang}'];
  const own = langDirs.find((d) => usual.join('/').startsWith(`${d}/`));
  return own !== undefined ? own.split('/') : top;
}

/**
 * Hugo: one place a section below the content root (hugoContentRoot), below it as its most
 * posts are; none in another language's content folder (`content/chinese/`, which the config
 * gives that language: a post there would be in that language).
 */
function hugoPlaces(scan: SiteScan, root: string[], langDirs: string[], contentDir: string): Found[] {
  const withLang = root[root.length - 1] === '{lang}';
  const bySection = new Map<string, Found>();
  for (const { dir, posts, bundles, datedNames, markdownNames } of scan.sections) {
    const segs = dir.split('/');
    if (withLang && !LANG_DIR.test(belowContent(segs, contentDir)?.[0] ?? '')) continue;
    if (!withLang && segs.slice(0, root.length).join('/') !== root.join('/')) continue;
    if (!withLang && langDirs.some((d) => d !== root.join('/') && `${dir}/`.startsWith(`${d}/`))) continue;
    const rest = segs.slice(root.length);
    const section = rest[0];
    if (section === undefined || !FOLDER.test(section) || (!withLang && LANG_DIR.test(section) && rest.length > 1)) continue;
    const found = bySection.get(section);
    if (found) {
      found.posts += posts;
      found.bundles = (found.bundles ?? 0) + bundles;
      found.datedNames = (found.datedNames ?? 0) + datedNames;
      found.markdownNames = (found.markdownNames ?? 0) + markdownNames;
      continue;
    }
    // The section's folder with most posts comes first (scan.sections is sorted so): the place's shape.
    const below = datedFolders(rest.slice(1));
    if (below === null) continue;
    bySection.set(section, { name: section, folder: [...root, section, ...below], posts, bundles, datedNames, markdownNames });
  }
  return [...bySection.values()];
}

/** Jekyll: each `_posts` folder with its category folders in front (`events/_posts`), in years' folders where most of its posts are. */
function jekyllPlaces(scan: SiteScan, usual: string[]): Found[] {
  const prefix = usual.slice(0, Math.max(0, usual.indexOf('_posts')));
  const byFolder = new Map<string, Found & { inYears: number }>();
  for (const { dir, posts } of scan.sections) {
    const segs = dir.split('/');
    const at = segs.lastIndexOf('_posts');
    if (at === -1 || segs.slice(0, prefix.length).join('/') !== prefix.join('/')) continue;
    const categories = segs.slice(prefix.length, at);
    if (!categories.every((d) => FOLDER.test(d) && !d.startsWith('_'))) continue;
    const key = categories.join('/');
    const found = byFolder.get(key) ?? { name: key === '' ? '_posts' : key, folder: [...prefix, ...categories, '_posts'], posts: 0, inYears: 0 };
    found.posts += posts;
    if (segs.length === at + 2 && YEAR.test(segs[at + 1] ?? '')) found.inYears += posts;
    byFolder.set(key, found);
  }
  return [...byFolder.values()].map(({ inYears, ...f }) => (inYears * 2 > f.posts ? { ...f, folder: [...f.folder, '{year}'] } : f));
}

/**
 * Jekyll: each collection the site publishes as pages (`output: true`), in its folder `_<name>/`
 * (in the `collections_dir`) when that is a real folder inside the site, named by that folder;
 * a new document named by its date where most of the folder's are (Jekyll reads a date from any
 * document's name), else by its slug, and `.markdown` where most of them are.
 */
export function jekyllCollectionPlaces(root: string): PostPlace[] {
  const realRoot = realOrNull(root);
  const base = jekyllCollectionsDir(root);
  const places: PostPlace[] = [];
  for (const { name } of jekyllOutputCollections(root)) {
    const folder = [...(base === null ? [] : [base]), `_${name}`].join('/');
    const real = realOrNull(path.join(root, folder));
    if (realRoot === null || real === null || !isInside(realRoot, real)) continue;
    let docs: string[];
    try {
      docs = readdirSync(real, { withFileTypes: true }).filter((e) => e.isFile() && /\.(md|markdown)$/i.test(e.name)).map((e) => e.name);
    } catch {
      continue;
    }
    const dated = docs.filter((d) => DATED_NAME.test(d)).length;
    const ext = docs.filter((d) => /\.markdown$/i.test(d)).length * 2 > docs.length ? '.markdown' : '.md';
    places.push({ name: `_${name}`, folder: `${folder}/`, post: `${folder}/${dated * 2 > docs.length ? '{date}-' : ''}{slug}${ext}` });
  }
  return places;
}

/** Docusaurus: each blog of the site (its folder, and its new post's pattern), the main one (the profile's) first, named by its folder. */
export function blogPlaces(profile: SiteProfile, blogs: Array<{ dir: string; post: string }>): PostPlace[] | undefined {
  const segs = profile.post.split('/');
  const at = segs.findIndex((s) => s.includes('{'));
  if (at <= 0) return undefined;
  const main = segs.slice(0, at).join('/');
  const places: PostPlace[] = [{ name: main, folder: `${main}/`, post: profile.post }];
  for (const { dir, post } of blogs) if (!places.some((p) => p.name === dir)) places.push({ name: dir, folder: `${dir}/`, post });
  return places.length > 1 ? places : undefined;
}

/**
 * A Hugo section's post name in its own posts' shape: a page bundle or a plain file (`.md`, or
 * `.markdown` where most of its plain files are), named by its date or not, as most of its posts
 * are (`usual`'s way where they are even).
 */
function ownShape(f: Found, usual: string): string {
  const most = (n: number | undefined, yes: boolean, of = f.posts): boolean => (n === undefined || n * 2 === of ? yes : n * 2 > of);
  const bundle = most(f.bundles, usual.endsWith('/index.md'));
  const dated = most(f.datedNames, usual.startsWith('{date}-'));
  const markdown = most(f.markdownNames, usual.endsWith('.markdown'), f.posts - (f.bundles ?? 0));
  return `${dated ? '{date}-' : ''}{slug}${bundle ? '/index.md' : markdown ? '.markdown' : '.md'}`;
}

/** The usual place's name: its Hugo section (the profile's `{section}`, or the folder after the content root `root`), or the Jekyll category folder of the `_posts` it is. */
function usualName(generator: 'hugo' | 'jekyll', profile: SiteProfile, folder: string[], found: Found[], root: string[]): string {
  if (generator === 'hugo') return folder.includes('{section}') ? profile.section : folder[root.length] ?? profile.section;
  const plain = (dirs: string[]): string => dirs.filter((d) => !d.startsWith('{')).join('/');
  return found.find((f) => plain(f.folder) === plain(folder))?.name ?? '_posts';
}

/**
 * The places a new post of a Hugo or Jekyll site may go, the usual one (the profile's) first,
 * then by their posts, then `others` (a Jekyll site's collections); undefined when there is only
 * one, or the pattern has no folder of its own. `langDirs`: the content folders a Hugo config
 * gives its languages (hugoLanguageContentDirs).
 */
export function postPlaces(generator: 'hugo' | 'jekyll', profile: SiteProfile, scan: SiteScan, others: PostPlace[] = [], langDirs: string[] = [], contentDir: string = HUGO_CONTENT): PostPlace[] | undefined {
  const usual = splitPattern(profile.post);
  if (usual === null) return undefined;
  const root = hugoContentRoot(usual.folder, langDirs, contentDir);
  const found = generator === 'hugo' ? hugoPlaces(scan, root, langDirs, contentDir) : jekyllPlaces(scan, usual.folder);
  const places: PostPlace[] = [{ name: usualName(generator, profile, usual.folder, found, root), folder: shown(usual.folder.map((d) => (d === '{section}' ? profile.section : d))), post: profile.post }];
  for (const f of [...found].sort((a, b) => b.posts - a.posts || a.name.localeCompare(b.name))) {
    if (places.length >= MAX_PLACES) break;
    if (places.some((p) => p.name === f.name)) continue;
    const post = [...f.folder, generator === 'hugo' ? ownShape(f, usual.name) : usual.name].join('/');
    if (places.some((p) => p.post === post)) continue;
    places.push({ name: f.name, folder: shown(f.folder), post });
  }
  for (const o of others) if (places.length < MAX_PLACES && !places.some((p) => p.name === o.name || p.post === o.post)) places.push(o);
  return places.length > 1 ? places : undefined;
}
