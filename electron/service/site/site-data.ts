// What a post's profile takes from its site's own files, read as the site reads them: the names
// Docusaurus' `authors.yml` gives author keys, Jekyll's `timezone` (`_config.yml`), and whether
// Docusaurus reads a `.md` post as MDX (`markdown.format` in its config, read as text, never run).
// Each YAML file is read under containment (a regular file, not a link, whose real path is inside
// the site), small; a missing, oversized or broken one gives nothing (keys and days as written).

import { lstatSync, readFileSync, realpathSync } from 'node:fs';
import * as path from 'node:path';
import { DOCUSAURUS_CONFIGS, publicDirs } from './profile';
import { insideName } from './static-dirs';
import { parse as parseYaml } from 'yaml';
import type { MarkdownReading, SiteInfo, SiteMedia, SiteProfile } from '../../core/contract';
import { isRecord as isMap } from '../../core/is-record';
import { markdownReading, plainBasePath, withHugoSite } from '../../core/markdown/site-reading';
import { isInside } from '../files/containment';
import { isLangCode } from '../../core/translation/layout';
import { configValue, hugoConfig } from './hugo-config';

const MAX_BYTES = 512 * 1024;

/** Parsed files by path, kept while their size and mtime stay the same. */
const parsed = new Map<string, { size: number; mtimeMs: number; value: unknown }>();

/** The YAML at `file`, when it is a regular file inside `root` by its real path; null otherwise. */
export function siteYaml(root: string, file: string): unknown {
  try {
    const st = lstatSync(file);
    if (!st.isFile() || st.size > MAX_BYTES) return null;
    if (!isInside(realpathSync(root), realpathSync(file))) return null;
    const hit = parsed.get(file);
    if (hit && hit.size === st.size && hit.mtimeMs === st.mtimeMs) return hit.value;
    let value: unknown = null;
    try {
      value = parseYaml(readFileSync(file, 'utf8')) as unknown;
    } catch {
      value = null;
    }
    parsed.set(file, { size: st.size, mtimeMs: st.mtimeMs, value });
    return value;
  } catch {
    return null;
  }
}

/** Each key's `name` in the authors map at `file` (relative to the site, read under its containment); undefined when there is none to read. */
export function authorNamesIn(root: string, file: string): Record<string, string> | undefined {
  const data = siteYaml(root, path.join(root, ...file.split('/')));
  if (!isMap(data)) return undefined;
  const names: Array<[string, string]> = [];
  for (const [key, entry] of Object.entries(data)) {
    if (isMap(entry) && typeof entry['name'] === 'string' && entry['name'].trim() !== '') names.push([key, entry['name'].trim()]);
  }
  // fromEntries makes each key an own property, `__proto__` included.
  return names.length > 0 ? Object.fromEntries(names) : undefined;
}

/** A Jekyll site's `_config.yml` (or `.yaml`) as a map, read under containment; undefined when there is none to read. */
function jekyllConfig(root: string): Record<string, unknown> | undefined {
  return ['_config.yml', '_config.yaml'].map((n) => siteYaml(root, path.join(root, n))).find(isMap);
}

/** What the site's generator leaves out of its build, from its config (SiteProfile.leavesOut); undefined for no generator. */
export function siteLeavesOut(site: Pick<SiteInfo, 'root' | 'generator'>, config: string | null): SiteProfile['leavesOut'] {
  if (site.generator === 'hugo') {
    const data = config === null ? null : hugoConfig(config);
    return { drafts: configValue(data, 'buildDrafts') !== true, future: configValue(data, 'buildFuture') !== true, expired: configValue(data, 'buildExpired') !== true };
  }
  if (site.generator === 'jekyll') {
    const jekyll = jekyllConfig(site.root);
    return { drafts: jekyll?.['unpublished'] !== true, future: jekyll?.['future'] !== true, expired: false };
  }
  return site.generator === 'docusaurus' ? { drafts: true, future: false, expired: false } : undefined;
}

/**
 * A Jekyll site on the Chirpy theme (`theme: jekyll-theme-chirpy` in `_config.yml`, as its starter
 * and the theme's own repository write it, or a `remote_theme` of it): its images' addresses go
 * through the post's `media_subpath` and the site's `cdn` (MarkdownReading.media). null for any other.
 */
export function jekyllMedia(root: string): SiteMedia | null {
  const config = jekyllConfig(root);
  const theme = config?.['theme'];
  const remote = config?.['remote_theme'];
  const chirpy = (typeof theme === 'string' && theme.trim() === 'jekyll-theme-chirpy') || (typeof remote === 'string' && /(?:^|\/)jekyll-theme-chirpy(?:@|$)/.test(remote.trim()));
  if (!chirpy) return null;
  const cdn = config?.['cdn'];
  return typeof cdn === 'string' && cdn.trim() !== '' ? { cdn: cdn.trim() } : {};
}

/** Jekyll's `timezone` from `_config.yml`, when it is a zone this runtime knows. */
export function jekyllTimezone(root: string): string | undefined {
  const config = jekyllConfig(root);
  const zone = config?.['timezone'];
  if (typeof zone !== 'string' || zone.trim() === '') return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone.trim() });
    return zone.trim();
  } catch {
    return undefined;
  }
}

/** Jekyll's `baseurl` from `_config.yml`, without its slashes (`/events/` is `events`), when it names a path of plain segments; null for none. */
export function jekyllBaseUrl(root: string): string | null {
  const config = jekyllConfig(root);
  const base = config?.['baseurl'];
  return typeof base === 'string' ? plainBasePath(base) : null;
}

/**
 * Jekyll's `collections_dir` (`_config.yml`): the folder below the site that holds its `_posts`
 * and `_drafts` (`collections/_posts/`) — Jekyll then reads neither at the site's root. Plain
 * relative segments only (a leading `/` is the site's, as Jekyll reads it); null for none.
 */
export function jekyllCollectionsDir(root: string): string | null {
  const config = jekyllConfig(root);
  const dir = config?.['collections_dir'];
  return typeof dir === 'string' ? plainBasePath(dir.replace(/^(?:\.\/)+/, '')) : null;
}

/**
 * The collections a Jekyll site publishes as pages (`collections: { events: { output: true } }` in
 * `_config.yml`), by name, each with its `permalink` template (null: Jekyll's default for a
 * collection): their documents live in `_<name>/` (in the `collections_dir`). Not `posts`,
 * which `_posts/` holds; a name that is not a plain word is left out.
 */
export function jekyllOutputCollections(root: string): Array<{ name: string; permalink: string | null }> {
  const collections = jekyllConfig(root)?.['collections'];
  if (!isMap(collections)) return [];
  return Object.entries(collections).flatMap(([name, options]) => {
    if (name === 'posts' || !/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(name) || !isMap(options) || options['output'] !== true) return [];
    const permalink = options['permalink'];
    return [{ name, permalink: typeof permalink === 'string' && permalink.trim() !== '' ? permalink.trim() : null }];
  });
}

/** Jekyll's `permalink` (`_config.yml`): a built-in style (`date`, the default; `pretty`, `ordinal`, `none`) or a template. */
export function jekyllPermalink(root: string): string {
  const permalink = jekyllConfig(root)?.['permalink'];
  return typeof permalink === 'string' && permalink.trim() !== '' ? permalink.trim() : 'date';
}

/**
 * Whether a Jekyll site publishes the files beside its posts: the jekyll-postfiles plugin, named
 * in `_config.yml`'s `plugins` (or the older `gems`) or in its Gemfile. Jekyll itself copies
 * nothing out of a `_posts` folder.
 */
export function jekyllPublishesPostFiles(root: string): boolean {
  const config = jekyllConfig(root);
  const listed = [config?.['plugins'], config?.['gems']].some((list) => Array.isArray(list) && list.includes('jekyll-postfiles'));
  if (listed) return true;
  try {
    const gemfile = path.join(root, 'Gemfile');
    const st = lstatSync(gemfile);
    return st.isFile() && st.size <= MAX_BYTES && /(['"])jekyll-postfiles\1/.test(readFileSync(gemfile, 'utf8'));
  } catch {
    return false;
  }
}

/**
 * Docusaurus' `markdown.format` from its config's text: `mdx` (the default: every post is MDX),
 * `md` (every post CommonMark) or `detect` (`.mdx` files MDX, `.md` CommonMark).
 */
export function docusaurusFormat(configText: string): 'mdx' | 'md' | 'detect' {
  const at = configText.search(/\bmarkdown\s*:\s*\{/);
  if (at < 0) return 'mdx';
  const m = /\bformat\s*:\s*(['"`])(mdx|md|detect)\1/.exec(configText.slice(at, at + 2000));
  return m?.[2] === 'md' || m?.[2] === 'detect' ? m[2] : 'mdx';
}

/** Configs' texts by path, kept while their size and mtime stay the same. */
const texts = new Map<string, { size: number; mtimeMs: number; text: string }>();

/** A Docusaurus config's text (read, never run); '' when it cannot be read. */
function docusaurusConfigText(config: string | null): string {
  try {
    const st = config === null ? undefined : lstatSync(config, { throwIfNoEntry: false });
    if (config === null || !st?.isFile() || st.size > MAX_BYTES) return '';
    const hit = texts.get(config);
    if (hit && hit.size === st.size && hit.mtimeMs === st.mtimeMs) return hit.text;
    const text = readFileSync(config, 'utf8');
    texts.set(config, { size: st.size, mtimeMs: st.mtimeMs, text });
    return text;
  } catch {
    return '';
  }
}

/**
 * Docusaurus' `baseUrl` (`baseUrl: '/events/'`, as its config writes it), without its slashes,
 * when it names a path of plain segments; null for `/`, none, or one the config computes.
 */
export function docusaurusBaseUrl(config: string | null): string | null {
  const m = /\bbaseUrl\s*:\s*(['"`])([^'"`\n$]*)\1/.exec(docusaurusConfigText(config));
  return m ? plainBasePath(m[2] ?? '') : null;
}

/** The index just past the string literal (`'…'`, `"…"`, `` `…` ``) that opens at `at`. */
function afterString(text: string, at: number): number {
  const quote = text[at];
  for (let i = at + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === quote) return i + 1;
  }
  return text.length;
}

/**
 * The top level of the object literal that opens at `open` (its `{`) in a config's text: each
 * nested object, list or call left out (`{ path: 'events', feed: { type: 'all' } }` is
 * `{ path: 'events', feed: 0 }`), strings and comments kept whole or skipped, and the index just
 * past its `}`. Null when it is never closed.
 */
function objectTopLevel(text: string, open: number): { top: string; end: number } | null {
  let depth = 0;
  let top = '';
  for (let i = open; i < text.length; ) {
    const c = text[i] ?? '';
    if (c === '"' || c === "'" || c === '`') {
      const end = afterString(text, i);
      if (depth === 1) top += text.slice(i, end);
      i = end;
    } else if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
      const end = text[i + 1] === '/' ? text.indexOf('\n', i) : text.indexOf('*/', i + 2) + 1;
      if (end <= 0) return null;
      i = end + 1;
    } else {
      if ('{[('.includes(c)) depth++;
      if (depth === 1 || (depth === 2 && '{[('.includes(c))) top += depth === 1 ? c : '0';
      if ('}])'.includes(c) && --depth === 0) return { top, end: i + 1 };
      i++;
    }
  }
  return null;
}

/** A key's string value at the top level of an object literal (objectTopLevel), when it is written as a plain string. */
function topLevelString(top: string, key: string): string | undefined {
  return new RegExp(`[{,]\\s*['"]?${key}['"]?\\s*:\\s*(['"\`])([^'"\`\\n$]*)\\1\\s*[,}]`).exec(top)?.[2];
}

/**
 * A key's value at the top level of an object literal: its string where written as a plain
 * string, false for `false` or `null`, null where it is written otherwise (code), undefined
 * where the key is not there.
 */
function topLevelValue(top: string, key: string): string | false | null | undefined {
  if (!new RegExp(`[{,]\\s*['"]?${key}['"]?\\s*:`).test(top)) return undefined;
  const text = topLevelString(top, key);
  if (text !== undefined) return text;
  return new RegExp(`[{,]\\s*['"]?${key}['"]?\\s*:\\s*(false|null)\\s*[,}]`).test(top) ? false : null;
}

/** What a Docusaurus blog's build does on a finding (its `onInlineTags`, `onUntruncatedBlogPosts` options). */
export type DocusaurusReport = 'ignore' | 'log' | 'warn' | 'throw';

function reportOf(value: string | false | null | undefined, fallback: DocusaurusReport | undefined): DocusaurusReport | null | undefined {
  if (value === undefined) return fallback;
  return value === 'ignore' || value === 'log' || value === 'warn' || value === 'throw' ? value : null;
}

/** A path a blog's option names relative to its folder (`authors.yml`, `../shared/authors.yml`): relative, plain, a data file; null otherwise. */
function blogFileOption(value: string): string | null {
  const clean = value.trim().replace(/^\.\//, '');
  return /^[^/\\:]/.test(clean) && /\.(ya?ml|json)$/i.test(clean) && !clean.split('/').some((s) => s === '' || s === '.') ? clean : null;
}

function tagsFileOption(value: string): DocusaurusBlog['tags'] {
  const file = blogFileOption(value);
  return file === null ? null : { file, given: true };
}

/** One blog of a Docusaurus site: its plugin instance's `id`, the folder it reads posts from and the URL path it publishes them under. */
export interface DocusaurusBlog {
  /** The instance's `id` (`default` for the classic preset's blog or a plugin without one). */
  id: string;
  /** Its folder, relative to the site (`blog`, `events`, `news/posts`). */
  dir: string;
  /** Its `routeBasePath`, without slashes (`''` for a blog at the site's root). */
  route: string;
  /** Its authors map, relative to its folder (`authorsMapPath`, `authors.yml` by default; `../shared/authors.yml` too); null where the config computes it or names no plain data file. */
  authorsMap: string | null;
  /** Its predefined tags file, relative to its folder (`tags`; `tags.yml` by default, read where it exists); false for none (`tags: false`); null where computed. */
  tags: { file: string; given: boolean } | false | null;
  /** What its build does with a tag its tags file lacks (`onInlineTags`, `warn` by default); null where computed. */
  onInlineTags: DocusaurusReport | null;
  /** What its build does with a post without a truncate marker, where its config says so (`onUntruncatedBlogPosts`, which the classic template writes since Docusaurus 3.5); undefined where it does not, null where computed or the site sets its own `truncateMarker`. */
  onUntruncated?: DocusaurusReport | null;
  /** What its build does with an author written out in a post rather than in its authors map, where its config says so (`onInlineAuthors`, which the classic template writes since 3.5); undefined where it does not, null where computed. */
  onInlineAuthors?: DocusaurusReport | null;
}

/**
 * A Docusaurus site's blogs, read from its config's text (never run), the main one first: the
 * classic preset's (its `blog: { … }` that sets an option of the blog plugin — not, say,
 * themeConfig's `blog: { sidebar }` — unless the preset says `blog: false`), then each
 * `@docusaurus/plugin-content-blog` instance's options. A `path` the config computes, with `..`,
 * a placeholder or a leading `/` is the default `blog`; a second blog with the same `id` or
 * folder as one before is left out (Docusaurus refuses to build such a site).
 */
export function docusaurusBlogs(configText: string): DocusaurusBlog[] {
  // Asked for each scan of the site's posts: the last config's answer is kept.
  if (lastBlogs?.text === configText) return lastBlogs.blogs;
  const blogs = readBlogs(configText);
  lastBlogs = { text: configText, blogs };
  return blogs;
}

let lastBlogs: { text: string; blogs: DocusaurusBlog[] } | null = null;

/** A blog's options (the top level of its options object; null: all defaults) as a DocusaurusBlog. */
function blogOf(options: string | null): DocusaurusBlog {
  const given = options === null ? undefined : topLevelString(options, 'path');
  const inside = given === undefined ? null : insideName(given);
  const route = options === null ? undefined : topLevelString(options, 'routeBasePath');
  const id = options === null ? undefined : topLevelString(options, 'id');
  const option = (key: string): string | false | null | undefined => (options === null ? undefined : topLevelValue(options, key));
  const map = option('authorsMapPath');
  const tags = option('tags');
  const untruncated = option('truncateMarker') !== undefined ? null : reportOf(option('onUntruncatedBlogPosts'), undefined);
  const inlineAuthors = reportOf(option('onInlineAuthors'), undefined);
  return {
    authorsMap: map === undefined ? 'authors.yml' : typeof map === 'string' ? blogFileOption(map) : null,
    tags: tags === undefined ? { file: 'tags.yml', given: false } : typeof tags === 'string' ? tagsFileOption(tags) : tags,
    onInlineTags: reportOf(option('onInlineTags'), 'warn') ?? null,
    ...(untruncated !== undefined ? { onUntruncated: untruncated } : {}),
    ...(inlineAuthors !== undefined ? { onInlineAuthors: inlineAuthors } : {}),
    id: id !== undefined && /^[A-Za-z0-9_-]+$/.test(id) ? id : 'default',
    dir: (inside === null ? null : plainBasePath(inside)) ?? 'blog',
    route: route === undefined ? 'blog' : route.replace(/^\/+|\/+$/g, '') === '' ? '' : plainBasePath(route) ?? 'blog',
  };
}

/** Options of Docusaurus' blog plugin, by which its options object is told from another `blog: { … }`. */
const BLOG_OPTIONS = ['path', 'routeBasePath', 'authorsMapPath', 'tags', 'onInlineTags', 'onInlineAuthors', 'onUntruncatedBlogPosts', 'truncateMarker', 'showReadingTime', 'blogTitle', 'blogDescription', 'blogSidebarCount', 'blogSidebarTitle', 'postsPerPage', 'feedOptions', 'editUrl'];

function readBlogs(configText: string): DocusaurusBlog[] {
  // Each object read once: one inside another read before is skipped, and none after one never closed
  // (so that text of many unclosed `blog: {` is read once, not once per opening).
  const objects = (re: RegExp): string[] => {
    const found: string[] = [];
    let from = 0;
    for (const m of configText.matchAll(re)) {
      const open = (m.index ?? 0) + m[0].length - 1;
      if (open < from) continue;
      const read = objectTopLevel(configText, open);
      if (read === null) break;
      found.push(read.top);
      from = read.end;
    }
    return found;
  };
  // The preset's blog options: the first `blog: { … }` with an option of the blog plugin (not, say, themeConfig's `blog: { sidebar }`).
  const named = (top: string): boolean => BLOG_OPTIONS.some((k) => topLevelValue(top, k) !== undefined);
  const presetOff = /\bblog\s*:\s*false\b/.test(configText);
  const presetOptions = presetOff ? [] : [objects(/\bblog\s*:\s*\{/g).find(named) ?? null];
  const pluginOptions = objects(/(['"`])@docusaurus\/plugin-content-blog\1\s*,\s*\{/g);
  const blogs: DocusaurusBlog[] = [];
  for (const b of [...presetOptions, ...pluginOptions].map(blogOf)) if (!blogs.some((o) => o.id === b.id || o.dir === b.dir)) blogs.push(b);
  const found = blogs.length > 0 ? blogs : [blogOf(null)];
  // An `authorsMapPath` not read with a blog's options (written as code, or in options not taken
  // for a blog's): no blog's authors map is known then.
  const read = [...presetOptions, ...pluginOptions].filter((o) => o !== null && topLevelValue(o, 'authorsMapPath') !== undefined).length;
  return [...configText.matchAll(/\bauthorsMapPath\b/g)].length > read ? found.map((b) => ({ ...b, authorsMap: null })) : found;
}

/** The folder of a Docusaurus site's `i18n/<lang>/` its blog's translations are in (`docusaurus-plugin-content-blog`, `…-blog-<id>` for another instance). */
export function blogI18nDir(blog: Pick<DocusaurusBlog, 'id'>): string {
  return blog.id === 'default' ? 'docusaurus-plugin-content-blog' : `docusaurus-plugin-content-blog-${blog.id}`;
}

/** Where a post sits among a Docusaurus site's blogs (blogOfPath). */
export interface BlogPlace {
  blog: DocusaurusBlog;
  /** The post's path below the blog's folder (or below its translations' folder), as its blog plugin dates it. */
  inBlog: string;
  /** The locale of a translation (`i18n/<lang>/…`); null for the blog's own post. */
  lang: string | null;
}

/**
 * The blog of `blogs` whose posts, or whose translations (`i18n/<lang>/docusaurus-plugin-content-blog[-<id>]/…`),
 * hold the post at `rel` (its path below the site, by segment), the deepest folder where blogs
 * nest; null for a path in none. The one answer for a post's blog: its author names, what its
 * blog checks, its date from its path.
 */
export function blogOfPath(blogs: DocusaurusBlog[], rel: string[]): BlogPlace | null {
  const translated = rel[0] === 'i18n' && rel.length > 3 ? blogs.find((b) => blogI18nDir(b) === rel[2]) : undefined;
  if (translated !== undefined) return { blog: translated, inBlog: rel.slice(3).join('/'), lang: rel[1] ?? '' };
  const holding = blogs.filter((b) => {
    const dirs = b.dir.split('/');
    return rel.length > dirs.length && dirs.every((d, i) => rel[i] === d);
  });
  const blog = holding.sort((a, b) => b.dir.split('/').length - a.dir.split('/').length)[0];
  return blog === undefined ? null : { blog, inBlog: rel.slice(blog.dir.split('/').length).join('/'), lang: null };
}

/**
 * A file a blog names relative to its folder (`authors.yml`, `../shared/authors.yml`), in its own
 * folder (`lang` null) or in a locale's translations folder, as its plugin reads it: relative to
 * the site; null where it climbs out of the site.
 */
export function blogFile(blog: DocusaurusBlog, name: string, lang: string | null): string | null {
  const file = path.posix.normalize(`${lang === null ? blog.dir : `i18n/${lang}/${blogI18nDir(blog)}`}/${name}`);
  return file === '..' || file.startsWith('../') || path.posix.isAbsolute(file) ? null : file;
}

/**
 * The folder a Docusaurus site's main blog reads its posts from (docusaurusBlogs' first): a
 * folder inside the site of plain segments, or null for the default `blog/`.
 */
export function docusaurusBlogDir(configText: string): string | null {
  const dir = docusaurusBlogs(configText)[0]?.dir ?? 'blog';
  return dir === 'blog' ? null : dir;
}

/** The URL path a Docusaurus site publishes its main blog under (`routeBasePath`, without slashes: `''` for a blog-only site at `/`); `blog` by default or for one the config computes. */
export function docusaurusBlogRoute(configText: string): string {
  return docusaurusBlogs(configText)[0]?.route ?? 'blog';
}

/** The text of the Docusaurus config at `root` (its docusaurus.config.*); '' for none. */
export function docusaurusConfigIn(root: string): string {
  for (const name of DOCUSAURUS_CONFIGS) {
    const text = docusaurusConfigText(path.join(root, name));
    if (text !== '') return text;
  }
  return '';
}

/** The quoted strings of a JavaScript array literal's text. */
function quoted(text: string): string[] {
  return [...text.matchAll(/(['"`])([^'"`\n]{1,40})\1/g)].map((m) => m[2] ?? '');
}

/** Docusaurus' i18n block (`defaultLocale`, `locales`), read textually from its config file; null and [] where it does not say. */
export function docusaurusI18n(configText: string): { defaultLocale: string | null; locales: string[] } {
  const at = configText.search(/\bi18n\s*:\s*\{/);
  if (at < 0) return { defaultLocale: null, locales: [] };
  const block = configText.slice(at, at + 2000);
  const def = /\bdefaultLocale\s*:\s*(['"`])([^'"`\n]+)\1/.exec(block)?.[2] ?? null;
  const list = /\blocales\s*:\s*\[([^\]]*)\]/.exec(block)?.[1] ?? '';
  return { defaultLocale: def, locales: quoted(list).filter(isLangCode) };
}

/** docusaurusBlogDir of the site at `root`. */
export function docusaurusBlogDirIn(root: string): string | null {
  return docusaurusBlogDir(docusaurusConfigIn(root));
}

/** docusaurusBlogs of the site at `root`. */
export function docusaurusBlogsIn(root: string): DocusaurusBlog[] {
  return docusaurusBlogs(docusaurusConfigIn(root));
}

function docusaurusMdx(config: string | null, postPath: string): boolean {
  const format = docusaurusFormat(docusaurusConfigText(config));
  return format === 'mdx' || (format === 'detect' && /\.mdx$/i.test(postPath));
}

/**
 * How `site` reads a post at `postPath` (there or to be written there): Docusaurus by its
 * config's `markdown.format`, any other by `profile.markdown` (rulesForPost's), else its generator;
 * a Hugo site's image hook as its detection decided it (SiteInfo.imageHook).
 */
export function siteMarkdown(site: Pick<SiteInfo, 'root' | 'generator' | 'imageHook' | 'siblingImages' | 'hookPageDirs' | 'figureAsWritten' | 'imagesFromRoot' | 'pageCover' | 'themeShortcodes' | 'media'>, config: string | null, postPath: string, profile: SiteProfile): MarkdownReading {
  const reading = profile.markdown ?? markdownReading(site.generator, postPath);
  if (site.generator === 'hugo') return withHugoSite(reading, site);
  // Chirpy makes its images' addresses itself, the base included (mediaUrlOf): no link carries the base.
  if (site.generator === 'jekyll' && site.media !== undefined) {
    const { baseUrl: _base, ...read } = reading;
    return { ...read, media: site.media };
  }
  if (site.generator !== 'docusaurus') return reading;
  // What its `@site/` names: the folders it serves at `/`, and the post's own folder.
  const own = path.relative(site.root, path.dirname(path.resolve(postPath))).split(path.sep).join('/');
  const siteAlias = { own: own.startsWith('..') || path.isAbsolute(own) ? '' : own, served: publicDirs(profile).filter((dir) => dir !== '') };
  const base = reading.baseUrl !== undefined ? { baseUrl: reading.baseUrl } : {};
  return docusaurusMdx(config, postPath) ? { ...reading, mdx: true, siteAlias } : { liquid: false, mdx: false, generator: 'docusaurus', siteAlias, ...base };
}

/**
 * What a post of `site` takes from the site's files: Docusaurus author names and whether it is
 * MDX (its config's `markdown.format`), Jekyll's time zone. `config`: the generator's config file.
 */
export function fromSiteFiles(site: Pick<SiteInfo, 'root' | 'generator' | 'imageHook' | 'siblingImages' | 'hookPageDirs' | 'figureAsWritten' | 'imagesFromRoot' | 'pageCover' | 'themeShortcodes' | 'media'>, config: string | null, postPath: string, profile: SiteProfile): Pick<SiteProfile, 'timezone' | 'markdown'> {
  if (site.generator === 'docusaurus') return { markdown: siteMarkdown(site, config, postPath, profile) };
  if (site.generator === 'jekyll') {
    const timezone = jekyllTimezone(site.root);
    return { ...(timezone ? { timezone } : {}), ...(site.media !== undefined ? { markdown: siteMarkdown(site, config, postPath, profile) } : {}) };
  }
  return site.generator === 'hugo' ? { markdown: siteMarkdown(site, config, postPath, profile) } : {};
}

/** Docusaurus' own pattern for a blog post's date in its path below the blog folder (its blog plugin's DATE_FILENAME_REGEX). */
const DOCUSAURUS_DATED_PATH = /^(?<folder>.*)(?<date>\d{4}[-/]\d{1,2}[-/]\d{1,2})[-/]?(?<text>.*?)(?:\/index)?\.mdx?$/;

/**
 * The date and address a Docusaurus blog gives a post from its path below the blog folder, as its
 * blog plugin reads it: a date anywhere in the path (`2024-08-09-kcd.md`, `2024/08/09/kcd.md`,
 * the Docusaurus blog's own `2024/08-09-kcd/index.mdx`), the last one; `slug` the post's address
 * below the blog's route (`2024/08/09/kcd`). `written` is the path's day (YYYY-MM-DD) and `date`
 * the day Docusaurus makes of it, as its `new Date(…Z)` does (`2024-02-30` is 2024-03-01), or ''
 * where that is an Invalid Date (`2024-13-01`: its build stops on it). Null for a path without one.
 */
export function docusaurusPathDate(inBlog: string): { date: string; written: string; slug: string; inName: boolean } | null {
  const m = DOCUSAURUS_DATED_PATH.exec(inBlog);
  const { folder = '', date = '', text = '' } = m?.groups ?? {};
  if (m === null || date === '') return null;
  const [y, mo, d] = date.split(/[-/]/);
  const written = `${y}-${(mo ?? '').padStart(2, '0')}-${(d ?? '').padStart(2, '0')}`;
  const read = new Date(`${date}Z`);
  const day = Number.isNaN(read.getTime()) ? '' : read.toISOString().slice(0, 10);
  // In the post's own name (its file, or its bundle's folder) or in the folders above it.
  const name = inBlog.replace(/\/index\.mdx?$/i, '').split('/').pop() ?? '';
  return { date: day, written, slug: `${date.replace(/-/g, '/')}/${folder}${text}`, inName: !date.includes('/') && name.includes(date) };
}
