// Site rules read from the site itself. The built-in profiles are defaults; what a site's own
// posts show decides what is required: a field the profile lists is required only when every
// post the site already has carries it (kubernetes.io posts without a description are valid
// there), and the generator's own rules apply (Jekyll and Docusaurus take a post's date from
// its file name; Docusaurus accepts `author` for `authors`). A site's .recap-studio.yml is an
// override and is applied as written. Every profile handed out says which rules apply and why
// (`rules`), so lint and the form can tell the author.
//
// The scan reads the front matter of up to MAX_POSTS posts; it is cached per site and reused
// while none of the folders or files it read has changed (one stat each).

import { hookNamed, linksUpOneLevel, looksUpInPageDir, type ImageHook } from './hugo-image-hook';
import { hugoContentDir } from './hugo-config';
import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { RulesInfo, SiteGenerator, SiteProfile } from '../../core/contract';
import { joinRecap, readFrontMatter, splitRecap, type FrontMatterField, type FrontMatterFormat, type RecapParts } from '../../core/frontmatter/frontmatter';
import { acceptedKeys } from '../../core/recap/lint';
import { DATE_FIELDS, dateErrorMsg } from '../../core/recap/lint-problem';
import { hugoFileNameDate } from '../../core/recap/lint-publish';
import { format, formatMsg, msg, type Msg, type Param } from '../../core/i18n/messages';
import { kindOf, type ValueKind } from '../../core/frontmatter/field-types';
import { countValue, knownValues, type ValueCounts } from './known-values';
import { isPhotoPath } from '../../core/recap/field-photos';
import { isBarePath } from '../../core/recap/cover';
import { HUGO_CONTENT } from '../../core/site-paths';
import { isLangCode } from '../../core/translation/layout';
import { GENERATOR_NAMES, markdownReading, postSubpath, readingOf, withHugoSite } from '../../core/markdown/site-reading';
import { mayHaveFigure } from '../../core/markdown/hugo-figure';
import { jekyllFolderOf, publicDirs } from './profile';
import { docusaurusBlogChecks } from './docusaurus-blog-checks';
import { docusaurusBlogsIn, docusaurusPathDate, jekyllCollectionsDir } from './site-data';
import { isInside, realOrNull } from '../files/containment';

const MAX_POSTS = 400;
const MAX_DEPTH = 8;
const HEAD_BYTES = 16 * 1024;
const POST_FILE = /\.(md|markdown|mdx)$/i;
/** A post whose file (or bundle folder) name starts with its date: 2020-03-02-x.md, 2019-12-30-x/index.md. */
export const DATED_NAME = /^(\d{4}-\d{2}-\d{2})-/;
/** A name Jekyll reads as a post's in `_posts/` (its DATE_FILENAME_MATCHER): a date of 2–4, 1–2 and 1–2 digits, a dash, a title, an extension. */
const JEKYLL_DATED_NAME = /^(\d{2,4})-(\d{1,2})-(\d{1,2})-.*\.[^.]+$/s;

/**
 * The day a file name in Jekyll's `_posts/` starts with, as YYYY-MM-DD (`2024-5-1-kcd.md`:
 * 2024-05-01), and whether that day exists; null for a name Jekyll does not read as a post's
 * (`kcd.md`) or whose year is not written in full (`24-05-01-…`, left to Jekyll).
 */
export function jekyllNameDay(name: string): { day: string; exists: boolean } | null {
  const m = JEKYLL_DATED_NAME.exec(name);
  if (m === null) return null;
  const [, year = '', month = '', date = ''] = m;
  if (year.length !== 4) return null;
  const day = `${year}-${month.padStart(2, '0')}-${date.padStart(2, '0')}`;
  return { day, exists: dateErrorMsg(day) === null };
}

/** Whether Jekyll reads a file of `_posts/` so named as a post: its name starts with a date. */
export const isJekyllPostName = (name: string): boolean => JEKYLL_DATED_NAME.test(name);

export interface FieldUsage {
  key: string;
  /** Posts that have the field. */
  posts: number;
  /** The kind most of them give it. */
  kind: ValueKind;
}

export interface SiteScan {
  /** Posts whose front matter was read. */
  posts: number;
  formats: Record<FrontMatterFormat, number>;
  /** The format of the site's archetypes (Hugo), when it has any. */
  archetypeFormat: FrontMatterFormat | null;
  /** Folders (relative, forward slashes) holding posts, most posts first: how many, how many of them page bundles, how many named by their date, how many plain files named `.markdown` (what `jekyll new` writes), how many (bundles or files) written in `.mdx`. */
  sections: Array<{ dir: string; posts: number; bundles: number; datedNames: number; markdownNames: number; mdxNames: number }>;
  fields: FieldUsage[];
  /** Posts named after their date (YYYY-MM-DD-…). */
  datedNames: number;
  /** Posts whose cover is a map naming its photo, by that key (COVER_MAP_KEYS: PaperMod's `cover.image`, Chirpy's `image.path`). */
  coverMaps: Map<string, number>;
  /** Posts that are page bundles (…/index.md); the others are plain files. */
  bundles: number;
  /**
   * Where plain-file posts (not bundles) keep their images, as the site-absolute folder their
   * links name with the post's slug in it (`/images/{section}/{imageDir}` for a post
   * content/news/spring.md linking /images/news/spring/crowd.jpg), most posts first.
   */
  imageFolders: Array<{ url: string; posts: number }>;
  /** Posts whose text (as far as read) shows a photo as a Markdown image, and as Hugo's figure shortcode. */
  photoForms: { markdown: number; figure: number };
  /**
   * The front matter (fences included) of the site's newest post read, by the date its name or
   * its date field gives, for a new post shaped like the site's own; null when no post was read.
   */
  newest: { rel: string; frontMatter: string } | null;
  /** Fields every post read has, with the same value in each (`layout: post`), when at least two were read. */
  shared: string[];
  /** The values the posts give each key (list items, short strings), for the form to offer (see known-values.ts). */
  values: Map<string, ValueCounts>;
}

/** How recent a post is, as text that sorts: the date its name starts with, else its date field's day. */
function postDay(name: string, fields: readonly { key: string; value: unknown }[]): string {
  const named = DATED_NAME.exec(name)?.[1];
  if (named !== undefined) return named;
  for (const key of DATE_FIELDS) {
    const v = fields.find((f) => f.key === key)?.value;
    const day = typeof v === 'string' ? /^\d{4}-\d{2}-\d{2}/.exec(v.trim())?.[0] : undefined;
    if (day !== undefined) return day;
  }
  return '';
}

/**
 * A Hugo post's section: the first folder under content/ (under content/<lang>/ in a site of
 * language folders): `news` for content/news/x.md, content/en/news/x.md and
 * content/en/news/2021/x.md alike. The post's folders (relative to the site) are given, and the
 * site's content folder where its config names another (`src/content`).
 */
export function hugoSection(dirs: readonly string[], contentDir: string = HUGO_CONTENT): string | undefined {
  const rest = dirs.slice(contentDir.split('/').length);
  return rest.length >= 2 && isLangCode(rest[0] ?? '') ? rest[1] : rest[0];
}

/** A site-absolute image link in Markdown, HTML or Hugo's figure shortcode: its folder and file name. */
const ABSOLUTE_IMAGE = /(?:!\[[^\]\n]*\]\(\s*<?|<img\s[^>]*?src\s*=\s*["']?|\{\{[<%][ \t]*figure\s[^}]*?\bsrc=["`]?)(\/[^\s)"'`<>]*\/)[^\s)"'`<>/]+\.(?:jpe?g|png|gif|webp|avif)/gi;

/** A Markdown image (`![alt](…)`): how a post shows a photo, counted against Hugo's figure. */
const MARKDOWN_IMAGE = /!\[[^\]\n]*\]\(/;

/**
 * The image folders a plain-file post's links show, as templates: its slug's segment becomes
 * {imageDir}, its section folder's {section}. Links without the slug say nothing of a layout.
 * `subpath`: a Chirpy post's media_subpath (`/assets/img/htb/BoardLight`), a folder of its images too.
 */
function imageFoldersOf(head: string, rel: string, contentDir: string, subpath?: string): string[] {
  const dirs = rel.split('/');
  const stem = (dirs.pop() ?? '').replace(POST_FILE, '');
  // A post named by its date (Docusaurus' blog/2024-05-01-kcd.md) keeps its images under its slug, kcd.
  const slugs = [stem, stem.replace(DATED_NAME, '')];
  const section = hugoSection(dirs, contentDir);
  const out = new Set<string>();
  const folders = [...head.matchAll(ABSOLUTE_IMAGE)].map((m) => m[1] ?? '');
  if (subpath !== undefined && subpath.startsWith('/')) folders.push(`${subpath}/`);
  for (const folder of folders) {
    const segs = folder.split('/').filter((x) => x !== '');
    const at = segs.findIndex((x) => slugs.includes(x));
    if (at < 0 || at !== segs.length - 1) continue;
    out.add(`/${segs.map((x, i) => (i === at ? '{imageDir}' : x === section ? '{section}' : x)).join('/')}`);
  }
  return [...out];
}

/** Folders Jekyll never reads posts from, beside the ones it skips by name (`_site`, `.git`). */
const JEKYLL_SKIPPED = new Set(['node_modules', 'vendor']);

/**
 * A Jekyll site's `_posts` folders: its own (in its `collections_dir`), and each category
 * folder's beside it (`events/_posts/`: Jekyll reads those too and gives their posts the
 * category), one level down.
 */
function jekyllPostDirs(root: string): string[] {
  const own = jekyllPostsDir(root);
  const base = path.posix.dirname(own);
  let names: string[];
  try {
    names = readdirSync(path.join(root, base), { withFileTypes: true })
      .filter((e) => e.isDirectory() && /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(e.name) && !JEKYLL_SKIPPED.has(e.name))
      .map((e) => e.name);
  } catch {
    return [own];
  }
  const categories = names.filter((n) => statSync(path.join(root, base, n, '_posts'), { throwIfNoEntry: false })?.isDirectory() === true);
  return [own, ...categories.sort().map((n) => (base === '.' ? `${n}/_posts` : `${base}/${n}/_posts`))];
}

/** Where a generator keeps its posts, relative to the site root (a Jekyll site's `collections_dir` holds its `_posts`, beside category folders' `_posts`; a Docusaurus site's blogs' folders are their configs' `path`). */
function postRoots(root: string, generator: SiteGenerator | null): string[] {
  if (generator === 'jekyll') return jekyllPostDirs(root);
  if (generator === 'docusaurus') return docusaurusBlogsIn(root).map((b) => b.dir);
  return generator === 'hugo' ? [hugoContentDir(root)] : ['content'];
}

function readHead(file: string): string {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return '';
  }
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const n = readSync(fd, buf, 0, HEAD_BYTES, 0);
    return buf.subarray(0, n).toString('utf8');
  } catch {
    return '';
  } finally {
    closeSync(fd);
  }
}

interface Cached {
  stamps: Map<string, number>;
  scan: SiteScan;
}

const cache = new Map<string, Cached>();

function mtime(p: string): number {
  try {
    return statSync(p, { throwIfNoEntry: false })?.mtimeMs ?? -1;
  } catch {
    return -1;
  }
}

function isPostFile(name: string, generator: SiteGenerator | null): boolean {
  if (!POST_FILE.test(name) || name.startsWith('.')) return false;
  // Hugo's _index.md is a section's list page, not a post.
  return !(generator !== 'jekyll' && /^_index\./i.test(name));
}

/** The newest post's front matter and the values every post shares, as the scan reads the posts. */
function postShapes() {
  let newest: { rel: string; frontMatter: string; day: string } | null = null;
  // Each key's value in the first post that has it; a key is left out once a post differs.
  const sameValue = new Map<string, string>();
  const differs = new Set<string>();
  return {
    add(rel: string, name: string, parts: RecapParts, fields: readonly FrontMatterField[]): void {
      // Ties go to the later file in the walk's (alphabetical) order.
      const day = postDay(name, fields);
      if (newest === null || day >= newest.day) newest = { rel, frontMatter: joinRecap({ ...parts, body: '' }), day };
      for (const f of fields) {
        const json = JSON.stringify(f.value);
        const first = sameValue.get(f.key);
        if (first === undefined) sameValue.set(f.key, json);
        else if (first !== json) differs.add(f.key);
      }
    },
    result(posts: number, having: (key: string) => number): Pick<SiteScan, 'newest' | 'shared'> {
      const last: { rel: string; frontMatter: string } | null = newest;
      return {
        newest: last === null ? null : { rel: last.rel, frontMatter: last.frontMatter },
        shared: posts < 2 ? [] : [...sameValue.keys()].filter((k) => !differs.has(k) && having(k) === posts).sort(),
      };
    },
  };
}

/**
 * The folder holding a Jekyll site's posts, relative to its root: `_posts`, or
 * `<collections_dir>/_posts` where `_config.yml` names one (Jekyll then reads no `_posts` at the root).
 */
export function jekyllPostsDir(root: string): string {
  const dir = jekyllCollectionsDir(root);
  return dir === null ? '_posts' : `${dir}/_posts`;
}

/** The site's post files (at most MAX_POSTS, MAX_DEPTH folders down, below roots whose real path is in the site), each folder's mtime in `stamps`. */
function postFiles(root: string, roots: string[], generator: SiteGenerator | null, stamps: Map<string, number>): string[] {
  const files: string[] = [];
  const walk = (dir: string, depth: number): void => {
    if (files.length >= MAX_POSTS || depth > MAX_DEPTH) return;
    stamps.set(dir, mtime(dir));
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    } catch {
      return;
    }
    for (const e of entries) {
      if (files.length >= MAX_POSTS) return;
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full, depth + 1);
      else if (e.isFile() && isPostFile(e.name, generator)) files.push(full);
    }
  };
  const realRoot = realOrNull(root);
  for (const r of roots) {
    const dir = path.join(root, r);
    // Entries below are never followed when links (Dirent types); the folder itself must not lead out.
    const real = realOrNull(dir);
    if (realRoot !== null && real !== null && isInside(realRoot, real)) walk(dir, 0);
  }
  return files;
}

/** Reads the posts of a site: formats, folders, fields. Cached until a folder or file read changes. */
export function scanSite(root: string, generator: SiteGenerator | null): SiteScan {
  const roots = postRoots(root, generator);
  const key = `${generator ?? ''}\u0000${root}\u0000${roots.join('\u0000')}`;
  const hit = cache.get(key);
  if (hit && [...hit.stamps].every(([p, m]) => mtime(p) === m)) return hit.scan;
  const stamps = new Map<string, number>();
  // A Hugo site's posts are all in its one content folder (a section is the folder below it).
  const contentDir = generator === 'hugo' ? roots[0] ?? HUGO_CONTENT : HUGO_CONTENT;
  const files = postFiles(root, roots, generator, stamps);
  const formats: Record<FrontMatterFormat, number> = { yaml: 0, toml: 0, json: 0 };
  const usage = new Map<string, { posts: number; kinds: Map<ValueKind, number> }>();
  const values = new Map<string, ValueCounts>();
  const sections = new Map<string, { posts: number; bundles: number; datedNames: number; markdownNames: number; mdxNames: number }>();
  const imageFolders = new Map<string, number>();
  let posts = 0;
  let datedNames = 0;
  const coverMaps = new Map<string, number>();
  let bundles = 0;
  const photoForms = { markdown: 0, figure: 0 };
  const shapes = postShapes();
  for (const file of files) {
    stamps.set(file, mtime(file));
    const head = readHead(file);
    const parts = splitRecap(head);
    if (!parts.hasFrontMatter) continue;
    const fm = readFrontMatter(head);
    if (fm.problems.length > 0) continue;
    posts++;
    formats[parts.format]++;
    const rel = path.relative(root, file).split(path.sep).join('/');
    const bundle = /^index\./i.test(path.basename(file));
    const dir = path.posix.dirname(bundle ? path.posix.dirname(rel) : rel);
    const name = bundle ? path.basename(path.dirname(file)) : path.basename(file);
    const dated = DATED_NAME.test(name);
    const inDir = sections.get(dir) ?? { posts: 0, bundles: 0, datedNames: 0, markdownNames: 0, mdxNames: 0 };
    const ext = path.extname(file).toLowerCase();
    sections.set(dir, {
      posts: inDir.posts + 1,
      bundles: inDir.bundles + (bundle ? 1 : 0),
      datedNames: inDir.datedNames + (dated ? 1 : 0),
      markdownNames: inDir.markdownNames + (!bundle && ext === '.markdown' ? 1 : 0),
      mdxNames: inDir.mdxNames + (ext === '.mdx' ? 1 : 0),
    });
    if (dated) datedNames++;
    shapes.add(rel, name, parts, fm.fields);
    if (bundle) bundles++;
    else for (const url of imageFoldersOf(head, rel, contentDir, generator === 'jekyll' ? postSubpath((key) => fm.fields.find((f) => f.key === key)?.value) : undefined)) imageFolders.set(url, (imageFolders.get(url) ?? 0) + 1);
    for (const key of COVER_MAP_KEYS) if (typeof mapValue(fm.fields, key) === 'string') coverMaps.set(key, (coverMaps.get(key) ?? 0) + 1);
    if (MARKDOWN_IMAGE.test(parts.body)) photoForms.markdown++;
    if (mayHaveFigure(parts.body)) photoForms.figure++;
    for (const f of fm.fields) {
      const u = usage.get(f.key) ?? { posts: 0, kinds: new Map<ValueKind, number>() };
      u.posts++;
      const k = kindOf(f.value);
      u.kinds.set(k, (u.kinds.get(k) ?? 0) + 1);
      usage.set(f.key, u);
      countValue(values, f.key, f.value);
    }
  }
  const archetypeFormat = generator === 'hugo' ? archetypeFormatOf(root, stamps) : null;
  const fields: FieldUsage[] = [...usage]
    .map(([k, u]) => ({ key: k, posts: u.posts, kind: [...u.kinds].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'string' }))
    .sort((a, b) => b.posts - a.posts || a.key.localeCompare(b.key));
  const scan: SiteScan = {
    posts,
    formats,
    archetypeFormat,
    sections: [...sections].map(([dir, n]) => ({ dir, ...n })).sort((a, b) => b.posts - a.posts || a.dir.localeCompare(b.dir)),
    fields,
    datedNames,
    coverMaps,
    bundles,
    imageFolders: [...imageFolders].map(([url, n]) => ({ url, posts: n })).sort((a, b) => b.posts - a.posts || a.url.localeCompare(b.url)),
    photoForms,
    values,
    ...shapes.result(posts, (key) => usage.get(key)?.posts ?? 0),
  };
  cache.set(key, { stamps, scan });
  return scan;
}

function archetypeFormatOf(root: string, stamps: Map<string, number>): FrontMatterFormat | null {
  const dir = path.join(root, 'archetypes');
  stamps.set(dir, mtime(dir));
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => POST_FILE.test(n)).sort((a, b) => (a === 'default.md' ? -1 : b === 'default.md' ? 1 : a.localeCompare(b)));
  } catch {
    return null;
  }
  for (const n of names) {
    const file = path.join(dir, n);
    stamps.set(file, mtime(file));
    const parts = splitRecap(readHead(file));
    if (parts.hasFrontMatter) return parts.format;
  }
  return null;
}

/** The format most of the site's posts use (its archetypes' when it has no posts yet). */
export function siteFormat(scan: SiteScan): FrontMatterFormat {
  const order = (Object.entries(scan.formats) as Array<[FrontMatterFormat, number]>).sort((a, b) => b[1] - a[1]);
  const [top] = order;
  if (top && top[1] > 0) return top[0];
  return scan.archetypeFormat ?? 'yaml';
}

const FORMAT_NAMES: Record<FrontMatterFormat, string> = { yaml: 'YAML (---)', toml: 'TOML (+++)', json: 'JSON ({ … })' };

function describeScan(scan: SiteScan, generator: SiteGenerator | null, languages: string[]): Msg[] {
  const out: Msg[] = [];
  if (scan.posts === 0) return [msg('rules.noPosts')];
  const formats = (Object.entries(scan.formats) as Array<[FrontMatterFormat, number]>).filter(([, n]) => n > 0).map(([f, n]) => format('en', 'rules.formatIn', { format: FORMAT_NAMES[f], count: n }));
  out.push(msg('rules.read', { count: scan.posts, formats: formats.join(', ') }));
  if (scan.archetypeFormat) out.push(msg('rules.archetypes', { format: FORMAT_NAMES[scan.archetypeFormat] }));
  const top = scan.sections.slice(0, 3).map((s) => `${s.dir}/ (${s.posts})`);
  if (top.length > 0) out.push(scan.sections.length > 3 ? msg('rules.sectionsMore', { list: top.join(', '), count: scan.sections.length - 3 }) : msg('rules.sections', { list: top.join(', ') }));
  if (languages.length > 1) out.push(msg('rules.languages', { list: languages.join(', ') }));
  if (scan.datedNames > 0 && (generator === 'jekyll' || generator === 'docusaurus')) out.push(msg('rules.datedNames', { count: scan.datedNames }));
  const common = scan.fields.filter((f) => f.posts * 2 >= scan.posts).slice(0, 12).map((f) => `${f.key} (${f.posts}/${scan.posts})`);
  if (common.length > 0) out.push(msg('rules.fields', { list: common.join(', ') }));
  return out;
}

/** Rules said in the catalogue's words: `summary` and `details` in English, `summaryMsg` and `detailsMsg` for every reader. */
function said(source: RulesInfo['source'], summary: Msg, details: Msg[]): RulesInfo {
  return { source, summary: formatMsg('en', summary), details: details.map((d) => formatMsg('en', d)), summaryMsg: summary, detailsMsg: details };
}

function requiredLine(required: string[]): Msg {
  return required.length > 0 ? msg('rules.required', { list: required.join(', ') }) : msg('rules.noneRequired');
}

/**
 * The profile a detected site's posts are checked with: the built-in profile, each field
 * required only when every post of the site has it. `config` names the file that told the
 * generator.
 */
export function rulesFromSite(profile: SiteProfile, site: { root: string; generator: SiteGenerator | null; config: string | null; languages: string[]; fromFile: boolean; imageHook: ImageHook | null; figureAsWritten?: boolean; rootHook?: ImageHook | null }): SiteProfile {
  const scan = scanSite(site.root, site.generator);
  const details = describeScan(scan, site.generator, site.languages);
  const gen: Param = site.generator ? GENERATOR_NAMES[site.generator] : msg('rules.unknownGenerator');
  const from = site.config ? ` (${path.relative(site.root, site.config) || path.basename(site.config)})` : '';
  const known = knownValues(scan.values, profile);
  const offered = Object.keys(known).length > 0 ? { known } : {};
  if (site.fromFile) {
    const rules = said('site-file', msg('rules.siteFile', { profile: profile.name, generator: gen, root: site.root }), details);
    return { ...profile, rules: { ...rules, ...offered } };
  }
  const relaxed: string[] = [];
  const fields = profile.fields.map((spec) => {
    if (!spec.required || scan.posts === 0) return spec;
    const keys = acceptedKeys(profile, spec);
    const having = scan.fields.filter((f) => keys.includes(f.key)).reduce((n, f) => Math.max(n, f.posts), 0);
    if (having >= scan.posts) return spec;
    relaxed.push(`${spec.key} (${having}/${scan.posts})`);
    return { ...spec, required: false };
  });
  if (relaxed.length > 0) details.push(msg('rules.relaxed', { list: relaxed.join(', ') }));
  const cover = coverFieldOf(profile, scan);
  if (cover) details.push(msg('rules.coverField', { field: cover.key, count: cover.posts, posts: scan.posts }));
  // A Hugo site whose posts show their photos with the figure shortcode more than with Markdown
  // images gets its new photos written that way too.
  const figures = site.generator === 'hugo' && scan.photoForms.figure > scan.photoForms.markdown;
  if (figures) details.push(msg('rules.insertFigures', { count: scan.photoForms.figure, posts: scan.posts, markdown: scan.photoForms.markdown }));
  if (site.imageHook?.by === 'embedded') details.push(msg('rules.imageHook'));
  const hook = hookNamed(site.imageHook);
  if (hook !== null) details.push(msg(looksUpInPageDir(site.imageHook) ? 'rules.imageHookPageDir' : 'rules.imageHookLooks', { hook }));
  const rootHook = hookNamed(site.rootHook ?? null);
  if (rootHook !== null) details.push(msg('rules.imageHookFromRoot', { hook: rootHook }));
  if (site.figureAsWritten === true) details.push(msg('rules.figureAsWritten'));
  if (linksUpOneLevel(site.imageHook)) details.push(msg('rules.imageSiblings'));
  const rootPaths = site.generator === 'jekyll' ? rootPathFields(scan.values) : [];
  const photos = { ...profile.photos, ...(cover ? { coverField: cover.key } : {}), ...(figures ? { insertAs: 'figure' as const } : {}), ...(rootPaths.length > 0 ? { rootPathFields: rootPaths } : {}) };
  details.push(requiredLine(fields.filter((f) => f.required).map((f) => f.key)));
  const profileKeys = new Set(profile.fields.flatMap((f) => acceptedKeys(profile, f)));
  const suggested = scan.fields.filter((f) => !profileKeys.has(f.key) && f.posts * 2 > scan.posts && f.kind !== 'map' && f.kind !== 'null').map((f) => ({ key: f.key, kind: f.kind }));
  const rules: RulesInfo = { ...said('site', msg('rules.detected', { generator: gen, from, root: site.root, profile: profile.name }), details), ...(suggested.length > 0 ? { suggested } : {}), ...offered };
  return { ...profile, fields, photos, rules };
}

/**
 * The fields whose photos every post of the site that has one writes as a path from the site's
 * root without its first `/` (`header-img: img/bg.jpg`): a theme that writes
 * `{{ site.baseurl }}/{{ page.header-img }}` makes `//assets/…` of a value with one.
 */
function rootPathFields(values: ReadonlyMap<string, ValueCounts>): string[] {
  const out: string[] = [];
  for (const [key, counts] of values) {
    const photos = [...counts.strings.keys()].filter(isPhotoPath);
    if (photos.length > 0 && photos.every(isBarePath)) out.push(key);
  }
  return out;
}

/** Front-matter fields that name a post's cover photo in common themes. */
const COVER_FIELDS = ['image', 'cover', 'images', 'featured_image', 'featuredImage', 'thumbnail', 'banner', 'thumbnail-img', 'share-img', 'cover-img'];

/**
 * Cover fields that are a key of a map, in the order themes take them: PaperMod's `cover:` with
 * `image`, `alt`, `relative`…; Chirpy's `image:` with `path`, `alt`, `lqip`; Hugo's `[params]`
 * table, whose keys are the page's params as top-level ones are (Stack's `image`); Minimal
 * Mistakes' `header:`, whose seo.html takes `og_image`, else `overlay_image`, else `image`, else `teaser`.
 */
const COVER_MAP_KEYS = ['cover.image', 'image.path', 'params.image', 'header.og_image', 'header.overlay_image', 'header.image', 'header.teaser'];

/** A map field's key (`cover.image`), if the field is a map. */
function mapValue(fields: ReadonlyArray<{ key: string; value: unknown }>, dotted: string): unknown {
  const [key = '', sub = ''] = dotted.split('.');
  const value = fields.find((f) => f.key === key)?.value;
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[sub] : undefined;
}

/**
 * The field the site's posts name their cover photo with: the profile's when its posts use it
 * (or have none), else the text field of COVER_FIELDS most of them use (a theme whose posts say
 * `cover = "cover.jpg"`; Hugo's own `images = ["cover.jpg"]`, a list whose first item is the
 * cover), else the key of a map most posts name it with (PaperMod's `cover.image`, Chirpy's
 * `image.path`), so the cover is one of the post's photos to lint and export.
 */
function coverFieldOf(profile: SiteProfile, scan: SiteScan): FieldUsage | null {
  const current = profile.photos.coverField;
  if (scan.posts === 0 || (current !== null && scan.fields.some((f) => f.key === current && f.kind !== 'map'))) return null;
  // A list's first item is the cover: Hugo's `images`, Beautiful Jekyll's `cover-img` (its photos shown in turn).
  const flat = scan.fields.find((f) => COVER_FIELDS.includes(f.key) && (f.kind === 'string' || ((f.key === 'images' || f.key === 'cover-img') && f.kind === 'list')));
  if (flat) return flat;
  const [key, posts = 0] = [...scan.coverMaps].sort((a, b) => b[1] - a[1] || COVER_MAP_KEYS.indexOf(a[0]) - COVER_MAP_KEYS.indexOf(b[0]))[0] ?? [];
  return key !== undefined && posts * 2 > scan.posts ? { key, posts, kind: 'string' } : null;
}

/**
 * A draft started for a site (DraftMeta.site): that site's fields, required ones, date field,
 * title and cover rules, on the draft's own photo folder and links (`draft`, its profile), which
 * export maps to the site's layout.
 */
export function rulesForSiteDraft(draft: SiteProfile, site: SiteProfile, root: string, generator: SiteGenerator | null): SiteProfile {
  const gen: Param = generator ? GENERATOR_NAMES[generator] : msg('rules.unknownGenerator');
  const details = [...(site.rules?.detailsMsg ?? [])];
  const suggested = site.rules?.suggested;
  const known = site.rules?.known;
  const rules: RulesInfo = { ...said('site', msg('rules.draftFor', { generator: gen, root }), details), site: root, ...(generator !== null ? { siteGenerator: generator } : {}), ...(suggested !== undefined ? { suggested } : {}), ...(known !== undefined ? { known } : {}) };
  // A new post whose path starts with its date (Jekyll's _posts/{date}-{slug}.md) takes it from
  // the front matter: required, as export's preflight requires it, whatever the site's posts do.
  const datedPath = /\{(date|year)\}/.test(site.post);
  // What a Docusaurus blog checks in its new post as in the others (author keys, tags, the truncate
  // marker: docusaurus-blog-checks.ts), and the names its authors map gives (the byline, the chips).
  const newPost = path.join(root, site.post.split('{')[0] ?? '', 'index.md');
  const blogChecks = generator === 'docusaurus' ? docusaurusBlogChecks(root, newPost) : {};
  // And what the site leaves out of its build (a draft, a future date) and the keys it reads as dates, read at its detection.
  const { leavesOut, dateKeys } = site;
  return {
    ...draft,
    fields: site.fields.map((f) => (datedPath && f.key === site.dateField && !f.required ? { ...f, required: true } : f)),
    dateField: site.dateField,
    themePrintsTitle: site.themePrintsTitle,
    photos: { ...draft.photos, coverField: site.photos.coverField, insertAs: site.photos.insertAs },
    ...blogChecks,
    ...(leavesOut !== undefined ? { leavesOut } : {}),
    ...(dateKeys !== undefined ? { dateKeys } : {}),
    ...(site.timezone !== undefined ? { timezone: site.timezone } : {}),
    ...(site.assetsDir !== undefined ? { assetsDir: site.assetsDir } : {}),
    ...(site.baseUrlPath !== undefined ? { baseUrlPath: site.baseUrlPath } : {}),
    ...(site.tagBaseUrlPath !== undefined ? { tagBaseUrlPath: site.tagBaseUrlPath } : {}),
    // Hugo runs no Liquid: a draft for a Hugo site is read so (and its photos linked without it, see linkedAs).
    ...(generator === 'hugo' ? { markdown: { ...readingOf(draft), liquid: false } } : {}),
    // The images the site already serves (a logo its posts share) are found from the draft too.
    ...(generator !== null ? { siteImageRoots: publicDirs(site).map((dir) => path.join(root, dir)) } : {}),
    ...(generator !== null && site.staticMounts !== undefined ? { siteImageMounts: site.staticMounts.map((m) => ({ dir: path.join(root, m.dir), at: m.at })) } : {}),
    rules,
  };
}

/** A profile given by name (`--profile NAME`, the export's profile): applied as written. */
export function rulesGiven(profile: SiteProfile, why: Msg): SiteProfile {
  const required = profile.fields.filter((f) => f.required).map((f) => f.key);
  return { ...profile, rules: said('profile', msg('rules.given', { profile: profile.name, why }), [requiredLine(required)]) };
}

/** Outside any site: the default profile's formats are checked, nothing is required. */
export function rulesGeneric(profile: SiteProfile): SiteProfile {
  return {
    ...profile,
    fields: profile.fields.map((f) => (f.required ? { ...f, required: false } : f)),
    rules: said('generic', msg('rules.generic'), [msg('rules.genericDetail', { profile: profile.name })]),
  };
}

/**
 * Whether the site reads a date from this file's (or bundle folder's) name: Jekyll for its posts
 * alone (a file in a `_posts` folder, at any depth: a page elsewhere keeps no date from its
 * name), Docusaurus for its posts, Hugo where its config's `[frontmatter]` date list has `:filename`.
 */
function datesByName(profile: SiteProfile, postPath: string): boolean {
  if (profile.generator === 'jekyll') return jekyllFolderOf(postPath) === '_posts';
  if (profile.generator === 'hugo') return profile.dateKeys?.fromName !== undefined;
  return profile.generator === 'docusaurus';
}

/**
 * The day a Hugo or Jekyll post's name (a file's, with its extension; a bundle's folder) dates it
 * by, as its site reads it: Hugo's `:filename` (hugoFileNameDate: `2024-05-01_kcd` too), Jekyll's
 * (jekyllNameDay: `2024-5-1-kcd.md` too); '' where it starts with no day that exists (Jekyll's
 * `2024-13-01-kcd.md`: see needsDate). Docusaurus reads a post's path: docusaurusPathDate.
 */
function nameDate(generator: SiteGenerator | null, name: string, bundle: boolean): string {
  if (generator === 'hugo') return hugoFileNameDate(bundle ? name : name.replace(/\.[^.]+$/, ''))?.date ?? '';
  const named = jekyllNameDay(name);
  return named?.exists === true ? named.day : '';
}

/**
 * The rules for one post of a site: Jekyll and Docusaurus (and Hugo, where its config says
 * `:filename`) take the date from a file (or bundle folder) named YYYY-MM-DD-…, so its date field is then not required, and the profile
 * says that date (`dateFromName`: the form's help and the preview's byline).
 */
export function rulesForPost(site: SiteProfile, postPath: string, inBlog?: string): SiteProfile {
  // How its site reads the post's Markdown: Liquid on Jekyll, MDX on Docusaurus and in a .mdx file;
  // a Hugo site's image hook (site/hugo-image-hook.ts) is the site's, whatever the post.
  const read = markdownReading(site.generator, postPath);
  // A site under a base path (Jekyll's baseurl, Hugo's baseURL; Docusaurus' baseUrl, which its
  // <img> tags carry): a link with it written out names the site path below it.
  const under = site.baseUrlPath ?? site.tagBaseUrlPath;
  // A Chirpy site makes its images' addresses itself (MarkdownReading.media), wherever the post goes.
  const media = site.generator === 'jekyll' ? site.markdown?.media : undefined;
  const reading = media !== undefined ? { ...read, media } : under !== undefined ? { ...read, baseUrl: under } : read;
  const profile: SiteProfile = { ...site, markdown: site.generator === 'hugo' && site.markdown !== undefined ? withHugoSite(reading, site.markdown) : reading };
  if (profile.generator === 'jekyll' && jekyllFolderOf(postPath) !== '_posts') return undated(profile, jekyllFolderOf(postPath) === '_drafts' ? 'draft' : 'page');
  // A Hugo section's own page (`content/about/_index.md`) is a list page, dated by its pages.
  if (profile.generator === 'hugo' && /^_index\.[^.]+(?:\.[^.]+)?$/i.test(path.basename(postPath))) return undated(profile, 'section');
  if (!datesByName(profile, postPath)) return profile;
  const { base, bundle, name } = postName(postPath);
  // A Docusaurus post's path below its blog (`inBlog`; its name alone where no blog is known) is
  // dated as its blog plugin reads it: anywhere in it (`2024/08/09/kcd.md`).
  const inPath = profile.generator === 'docusaurus' ? docusaurusPathDate(inBlog ?? (bundle ? `${name}/${base}` : name)) : null;
  const date = profile.generator === 'docusaurus' ? inPath?.date ?? '' : nameDate(profile.generator, name, bundle);
  // A post named with a day that does not exist (Jekyll's `2024-13-01-kcd.md`, Docusaurus' too)
  // stops its site's build unless its date is written: its date field's error says why.
  const notADay = profile.generator === 'jekyll' ? jekyllNameDay(name) : inPath !== null ? { day: inPath.written, exists: inPath.date !== '' } : null;
  if (date === '' && notADay?.exists === false) return needsDate(profile, notADay.day);
  if (date === '') return profile;
  const where = bundle || (inPath !== null && !inPath.inName) ? 'folder' : 'file';
  // A Hugo site whose config reads the name first dates the post by it whatever its front matter says.
  const first = profile.generator === 'hugo' && profile.dateKeys?.fromName === 'first';
  // A Docusaurus path's day past its month's end (`2024-02-30`) is the next month's to its Date.
  const written = inPath !== null && inPath.written !== date ? inPath.written : undefined;
  const dated: SiteProfile = { ...profile, dateFromName: { date, where, ...(first ? { first: true as const } : {}), ...(written !== undefined ? { written } : {}) } };
  const dateKey = profile.dateField;
  const spec = dateKey === null ? undefined : profile.fields.find((f) => f.key === dateKey);
  if (!spec) return dated;
  // The form says which date the site gives the post while the field is empty.
  const whereMsg = msg(where === 'folder' ? 'rules.where.folder' : 'rules.where.file');
  const helpMsg =
    written !== undefined
      ? msg('rules.dateFromNameRolledHelp', { date, written, where: whereMsg })
      : msg(first ? 'rules.dateFromNameFirstHelp' : 'rules.dateFromNameHelp', { date, where: whereMsg });
  const fields = profile.fields.map((f) => (f.key === dateKey ? { ...f, required: false, helpMsg } : f));
  if (!spec.required) return { ...dated, fields };
  const rules = profile.rules ? withDetail(profile.rules, msg('rules.dateFromName', { date, key: spec.key })) : undefined;
  return { ...dated, fields, ...(rules ? { rules } : {}) };
}

/**
 * How a Hugo site dates one of its posts (`dateKeys`, read from its config): where the config's
 * date lists read `:filename` (any of them: its publish date too), with the day the post's name
 * gives Hugo ('' where it gives none), which lint-publish reads its publish date from.
 */
export function hugoPostDateKeys(dateKeys: NonNullable<SiteProfile['dateKeys']>, postPath: string): NonNullable<SiteProfile['dateKeys']> {
  if (!Object.values(dateKeys.chains).some((chain) => chain.includes(':filename'))) return dateKeys;
  const { bundle, name } = postName(postPath);
  return { ...dateKeys, nameDay: nameDate('hugo', name, bundle) };
}

/** The name a post's site dates it by: its file's (`2024-05-01-kcd.md`), or a bundle's folder's (`2024-05-01-kcd/index.md`). */
function postName(postPath: string): { base: string; bundle: boolean; name: string } {
  const base = path.basename(postPath);
  const bundle = /^index\./i.test(base);
  return { base, bundle, name: bundle ? path.basename(path.dirname(postPath)) : base };
}

/**
 * A Jekyll file outside `_posts`, whose date field is not required: a draft (in `_drafts/`: no
 * date until it is published, when Jekyll gives it one), or a page or a collection's document
 * (`_events/kcd.md`), which Jekyll never needs a date for.
 */
function undated(profile: SiteProfile, kind: 'draft' | 'page' | 'section'): SiteProfile {
  const dateKey = profile.dateField;
  const spec = dateKey === null ? undefined : profile.fields.find((f) => f.key === dateKey);
  if (!spec) return profile;
  const help = { key: kind === 'draft' ? 'rules.jekyllDraftHelp' : kind === 'section' ? 'rules.hugoSectionHelp' : 'rules.jekyllUndatedHelp' } as const;
  const fields = profile.fields.map((f) => (f.key === dateKey ? { ...f, required: false, helpMsg: help } : f));
  if (!spec.required) return { ...profile, fields };
  const rules = profile.rules ? withDetail(profile.rules, msg(kind === 'draft' ? 'rules.jekyllDraft' : kind === 'section' ? 'rules.hugoSection' : 'rules.jekyllUndated', { key: spec.key })) : undefined;
  return { ...profile, fields, ...(rules ? { rules } : {}) };
}

/**
 * A post whose name starts with a day that does not exist (Jekyll's `_posts/2024-13-01-kcd.md`,
 * a Docusaurus blog's `2024-13-01-kcd.md`): its site's build stops unless the front matter writes
 * the date, so the date field is required here, and its error says why (lint-frontmatter's nameDateError).
 */
function needsDate(profile: SiteProfile, day: string): SiteProfile {
  const dateKey = profile.dateField;
  if (dateKey === null || !profile.fields.some((f) => f.key === dateKey)) return profile;
  const helpMsg = { key: profile.generator === 'docusaurus' ? 'rules.docusaurusNameDateHelp' : 'rules.jekyllNameDateHelp' } as const;
  const fields = profile.fields.map((f) => (f.key === dateKey ? { ...f, required: true, helpMsg } : f));
  return { ...profile, fields, nameDateNotADay: day };
}

/** `rules` with one more finding. */
export function withDetail(rules: RulesInfo, line: Msg): RulesInfo {
  return { ...rules, details: [...rules.details, formatMsg('en', line)], ...(rules.detailsMsg ? { detailsMsg: [...rules.detailsMsg, line] } : {}) };
}

/** What existing posts of a site make of a field (kind), for `recap set` and the form. */
export function fieldKind(scan: SiteScan | null, key: string): ValueKind | null {
  return scan?.fields.find((f) => f.key === key)?.kind ?? null;
}
