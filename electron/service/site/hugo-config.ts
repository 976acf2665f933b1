// A Hugo site's config as one map, read without running Hugo: its config file (TOML, YAML or
// JSON), or config/_default/ with the files Hugo merges into it (markup.*, languages.*, module.*,
// frontmatter.*),
// and config/production/ over either, as `hugo` builds the published site.
// Hugo's keys are not case-sensitive (`renderHooks` and `renderhooks` are one key): read them with
// configValue. A file is read each time and parsed again only when its text changed.

import { lstatSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parse as parseToml } from 'smol-toml';
import { plainBasePath } from '../../core/markdown/site-reading';
import { isRecord as isMap } from '../../core/is-record';
import type { SiteProfile } from '../../core/contract';
import { hugoDateChain, hugoFileNameDate, type HugoDateHandler } from '../../core/recap/lint-publish';
import { isInside, realOrNull } from '../files/containment';
import { HUGO_CONFIGS } from './profile';

export type HugoConfig = Record<string, unknown>;

const MAX_CONFIG_BYTES = 1024 * 1024;
const EXTENSIONS = ['toml', 'yaml', 'yml', 'json'];
const MAX_CACHED = 32;


/** The value at `keys` in a config map, each key matched without regard to case; undefined when absent. */
export function configValue(data: unknown, ...keys: string[]): unknown {
  let at: unknown = data;
  for (const key of keys) {
    if (!isMap(at)) return undefined;
    const want = key.toLowerCase();
    const found = Object.keys(at).find((k) => k.toLowerCase() === want);
    at = found === undefined ? undefined : at[found];
  }
  return at;
}

/** Parsed files by path, with the text they were parsed from. */
const parsed = new Map<string, { text: string; data: HugoConfig | null }>();

/** A regular file's parsed config (TOML, YAML or JSON by its extension); null when it is not one or does not parse. */
function readConfigFile(file: string): HugoConfig | null {
  try {
    const st = lstatSync(file, { throwIfNoEntry: false });
    if (!st?.isFile() || st.size > MAX_CONFIG_BYTES) return null;
    const text = readFileSync(file, 'utf8');
    const hit = parsed.get(file);
    if (hit?.text === text) return hit.data;
    let data: HugoConfig | null = null;
    try {
      const value: unknown = file.endsWith('.toml') ? parseToml(text) : file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
      data = isMap(value) ? value : null;
    } catch {
      data = null;
    }
    parsed.delete(file);
    parsed.set(file, { text, data });
    if (parsed.size > MAX_CACHED) parsed.delete(parsed.keys().next().value ?? '');
    return data;
  } catch {
    return null;
  }
}

/**
 * A config folder's files as one map (config/_default/, config/production/): hugo.* or config.*,
 * with markup.*, languages.*, module.* as those keys; null when it has none, or when the folder
 * leads out of the site (`root`) by its real path.
 */
function configFolder(dir: string, root: string): HugoConfig | null {
  const real = realOrNull(dir);
  const realRoot = realOrNull(root);
  if (real === null || realRoot === null || !isInside(realRoot, real)) return null;
  const first = (base: string): HugoConfig | null => {
    for (const ext of EXTENSIONS) {
      const data = readConfigFile(path.join(dir, `${base}.${ext}`));
      if (data) return data;
    }
    return null;
  };
  const top = first('hugo') ?? first('config');
  const main: HugoConfig = { ...(top ?? {}) };
  let any = top !== null;
  for (const key of ['markup', 'languages', 'module', 'frontmatter']) {
    const part = first(key);
    if (part) main[key] = part;
    any ||= part !== null;
  }
  return any ? main : null;
}

/** `over` merged into `base` as Hugo merges an environment's config: maps key by key (without regard to case), any other value replaced. */
function mergedConfig(base: HugoConfig, over: HugoConfig): HugoConfig {
  const out: HugoConfig = { ...base };
  // Each key by its lower case, once: a config of many keys is merged in one pass.
  const spellings = new Map<string, string[]>();
  for (const k of Object.keys(out)) spellings.set(k.toLowerCase(), [...(spellings.get(k.toLowerCase()) ?? []), k]);
  for (const [key, value] of Object.entries(over)) {
    const same = spellings.get(key.toLowerCase()) ?? [];
    const before = same.length > 0 ? out[same[same.length - 1] ?? key] : undefined;
    for (const k of same) delete out[k];
    out[key] = isMap(before) && isMap(value) ? mergedConfig(before, value) : value;
    spellings.set(key.toLowerCase(), [key]);
  }
  return out;
}

/**
 * The site's config as one map (`config`: its config file, or its config/_default/ folder), with
 * config/production/ over it where the site has one: `hugo` builds the published site in the
 * production environment. Null when there is none to read. Never mutate it.
 */
export function hugoConfig(config: string): HugoConfig | null {
  const folder = lstatSync(config, { throwIfNoEntry: false })?.isDirectory() === true;
  // config/_default/ is in the site's root's config/ folder; a config file at the root.
  const root = folder ? path.dirname(path.dirname(config)) : path.dirname(config);
  const main = folder ? configFolder(config, root) ?? {} : readConfigFile(config);
  const production = configFolder(path.join(root, 'config', 'production'), root);
  if (production === null) return main;
  return mergedConfig(main ?? {}, production);
}

/**
 * How a Hugo site dates its pages where its config's `[frontmatter]` changes Hugo's defaults
 * (`date = [':filename', ':default']`, `lastmod = [':fileModTime']`), as Hugo reads it: each
 * list lower-cased, `:default` the handler's own default, the aliases after each key. Undefined
 * where the config says nothing of them: Hugo's defaults, which lint knows.
 */
export function hugoDateKeys(data: HugoConfig | null): SiteProfile['dateKeys'] {
  const config = configValue(data, 'frontmatter');
  if (!isMap(config)) return undefined;
  const chains = { date: dateChain(config, 'date'), lastmod: dateChain(config, 'lastmod'), publishdate: dateChain(config, 'publishdate'), expirydate: dateChain(config, 'expirydate') };
  const all = [...new Set(Object.values(chains).flat().filter((k) => !k.startsWith(':')))];
  // Where the date list reads a page's name: before any front-matter key, or after them.
  const byName = chains.date.indexOf(':filename');
  const firstKey = chains.date.findIndex((k) => !k.startsWith(':'));
  const fromName = byName < 0 ? null : firstKey < 0 || byName < firstKey ? ('first' as const) : ('fallback' as const);
  return { chains, all, ...(fromName !== null ? { fromName } : {}) };
}

/** What a date handler reads, in order, as the config's `[frontmatter]` (`config`) gives it (hugoDateChain). */
function dateChain(config: unknown, handler: HugoDateHandler): string[] {
  const value = configValue(config, handler);
  return hugoDateChain(handler, typeof value === 'string' ? value.split(/\s+/).filter((v) => v !== '') : Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : null);
}

/**
 * The date and slug a page named `base` (a file's name without its extension, a bundle's folder)
 * takes from its name, as Hugo's `:filename` date handler gives them (`2024-05-01-kcd-porto`:
 * 2024-05-01 and `kcd-porto`), where the site's `[frontmatter]` date list reaches it: before a
 * front-matter date where it comes first, else only for a page without one (`datedInFront`).
 * Null where it does not, or the name starts with no day (hugoFileNameDate).
 */
export function hugoNameDate(data: HugoConfig | null, base: string, datedInFront: boolean): { date: string; slug: string } | null {
  const config = configValue(data, 'frontmatter');
  if (!isMap(config)) return null;
  for (const id of dateChain(config, 'date')) {
    if (id === ':filename') return hugoFileNameDate(base);
    // The file's time or Git's date comes first (a date every page has), or the page's own.
    if (id.startsWith(':') || datedInFront) return null;
  }
  return null;
}

/** The languages a Hugo config turns off (`disableLanguages`), lower-cased. */
export function disabledLanguages(data: HugoConfig | null): Set<string> {
  const disabled = configValue(data, 'disableLanguages');
  return new Set(Array.isArray(disabled) ? disabled.filter((l): l is string => typeof l === 'string').map((l) => l.toLowerCase()) : []);
}

/** The languages a Hugo config declares (`languages.*` keys, as written), less those `disableLanguages` turns off. */
export function enabledLanguages(data: HugoConfig | null): string[] {
  const languages = configValue(data, 'languages');
  if (!isMap(languages)) return [];
  const off = disabledLanguages(data);
  return Object.keys(languages).filter((l) => !off.has(l.toLowerCase()));
}

/**
 * The path a Hugo site is published under, from its `baseURL` (`https://example.org/docs/` is
 * `docs`), when Hugo leaves a link that starts with `/` as written there, so that such a link
 * must carry it: neither `canonifyURLs` nor `relativeURLs` is on (each rewrites such links
 * itself), and no language has a baseURL of its own; and only when it is plain path segments.
 * Null for none.
 */
export function hugoBasePath(data: HugoConfig | null): string | null {
  if (configValue(data, 'canonifyURLs') === true || configValue(data, 'relativeURLs') === true) return null;
  const languages = configValue(data, 'languages');
  if (isMap(languages) && Object.values(languages).some((l) => configValue(l, 'baseURL') !== undefined)) return null;
  return hugoPublishedUnder(data);
}

/** The path of a Hugo site's `baseURL` (`https://example.org/docs/` is `docs`), whatever Hugo does with links: where its pages are. Null for none or one that is not plain segments. */
export function hugoPublishedUnder(data: HugoConfig | null): string | null {
  const base = configValue(data, 'baseURL');
  if (typeof base !== 'string') return null;
  let pathname: string;
  try {
    pathname = new URL(base).pathname;
  } catch {
    // Not a URL: a path (`/docs/`), or nothing Hugo publishes under.
    pathname = base.startsWith('/') ? base : '';
  }
  return plainBasePath(pathname);
}

/** What of a page's front matter its address uses: `slug`, `title`, and its date (Hugo's `date`, `publishDate`, `pubdate`, `published`, as written). */
export interface PageFront {
  slug: string;
  title: string;
  date: string;
}

/** Hugo's urlize of a title for a permalink: lower-cased, spaces as one `-`, letters, digits and `._-~+#` kept. */
function urlize(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, '-').replace(/[^\p{L}\p{M}\p{N}._~+#-]/gu, '');
}

/** A page's path from the site's `permalinks` template for its section (`posts = '/:year/:month/:slug/'`); undefined without one, null when it needs what is not there or names a placeholder not read here. */
function permalinkPath(data: HugoConfig | null, sections: string[], base: string, front: PageFront): string | null | undefined {
  const permalinks = configValue(data, 'permalinks');
  const template = configValue(configValue(permalinks, 'page'), sections[0] ?? '') ?? configValue(permalinks, sections[0] ?? '');
  if (typeof template !== 'string' || sections.length === 0) return undefined;
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(front.date);
  const title = urlize(front.title);
  const values: Record<string, string | undefined> = {
    year: day?.[1], month: day?.[2], day: day?.[3], section: sections[0], sections: sections.join('/'),
    title: title || undefined, slug: front.slug || title || undefined, filename: base, contentbasename: base, slugorfilename: front.slug || base, slugorcontentbasename: front.slug || base,
  };
  let missing = false;
  const filled = template.replace(/:([a-z]+)/g, (all, key: string) => values[key] ?? ((missing = true), all));
  return missing ? null : filled.split('/').filter((s) => s !== '').join('/');
}

/** A config's content folder as a plain relative path (`content/zh`, `./site/`), else null. */
function contentFolder(dir: unknown): string | null {
  if (typeof dir !== 'string') return null;
  const clean = dir.replace(/^\.\/|\/$/g, '');
  return /^[\w.-]+(?:\/[\w.-]+)*$/.test(clean) && !clean.split('/').includes('..') ? clean : null;
}

/** The Hugo config of the site at `root`: its config file, else its config/_default/ folder; null for none. */
export function hugoConfigIn(root: string): string | null {
  for (const name of HUGO_CONFIGS) if (lstatSync(path.join(root, name), { throwIfNoEntry: false })?.isFile() === true) return path.join(root, name);
  const folder = path.join(root, 'config', '_default');
  return lstatSync(folder, { throwIfNoEntry: false })?.isDirectory() === true ? folder : null;
}

/**
 * The folder a Hugo site's posts are read from and written to (relative to `root`): its config's
 * `contentDir` (`src/content`) where that is a folder inside the site by its real path, else
 * `content`. A `contentDir` inside content/ (`content/en`, kubernetes.io's), or one beside
 * languages given content folders of their own inside content/ (`content/english`), is read as
 * the language folders are: from `content`. Where the languages' own folders are not all inside
 * content/ (hugo-book's `content.en`, `content.zh`), Hugo mounts only those: the default
 * language's is where its posts are read from and a new one goes.
 */
export function hugoContentDir(root: string): string {
  const config = hugoConfigIn(root);
  const data = config === null ? null : hugoConfig(config);
  const langDirs = hugoLanguageContentDirs(data);
  const underContent = (d: string): boolean => d === 'content' || d.startsWith('content/');
  const home = langDirs.every((d) => underContent(d.dir)) ? undefined : langDirs.find((d) => d.lang === String(configValue(data, 'defaultContentLanguage') ?? 'en'));
  const dir = home?.dir ?? contentFolder(configValue(data, 'contentDir'));
  if (dir === null || underContent(dir) || (home === undefined && langDirs.length > 0)) return 'content';
  const realRoot = realOrNull(root);
  const real = realOrNull(path.join(root, dir));
  return realRoot !== null && real !== null && isInside(realRoot, real) ? dir : 'content';
}

/** The content folders the config gives its languages (`[languages.zh] contentDir = 'content/chinese'`), each with its language, the longest first; a language turned off has none. */
export function hugoLanguageContentDirs(data: HugoConfig | null): Array<{ dir: string; lang: string }> {
  const languages = configValue(data, 'languages');
  const off = disabledLanguages(data);
  const folders = (isMap(languages) ? Object.entries(languages) : []).flatMap(([lang, settings]) => {
    const dir = off.has(lang.toLowerCase()) ? null : contentFolder(configValue(settings, 'contentDir'));
    return dir === null ? [] : [{ dir, lang }];
  });
  return folders.sort((a, b) => b.dir.length - a.dir.length);
}

/** The folders a Hugo site reads its content from (relative to the site): its languages' own (the longest first), then the site's `contentDir` (else `content`). */
export function hugoContentRoots(data: HugoConfig | null): string[] {
  return [...hugoLanguageContentDirs(data).map((d) => d.dir), contentFolder(configValue(data, 'contentDir')) ?? 'content'];
}

/**
 * Where a Hugo site publishes the page of the content file at `rel` (relative to the site, / between
 * folders), as the path after the site's base: its language's content folder taken off (a
 * language's `contentDir`, `content/zh`; else the site's `contentDir`, `content`), the language
 * before it unless it is the default one (or `defaultContentLanguageInSubdir` puts that in a
 * folder too), a translation by name (`kcd.zh.md`) its language's, then the site's `permalinks`
 * template for the page's section, else its sections and its own name (`slug` when set, a
 * bundle's folder; a section's `_index` none): `/zh/news/kcd/`. Null outside the content folders,
 * or where a permalink needs what the page does not give. With `uglyURLs` (true, or true for the
 * page's section), a page is its name with `.html`: `/news/kcd.html`.
 */
export function hugoPageUrl(rel: string, data: HugoConfig | null, front: PageFront): string | null {
  const languages = configValue(data, 'languages');
  const off = disabledLanguages(data);
  const declared = isMap(languages) ? Object.keys(languages).filter((l) => !off.has(l.toLowerCase())) : [];
  const defaultLang = String(configValue(data, 'defaultContentLanguage') ?? 'en');
  // The content folder holding the file: a language's own first (the longest), then the site's.
  const own = hugoLanguageContentDirs(data).find((f) => rel.startsWith(`${f.dir}/`));
  const top = contentFolder(configValue(data, 'contentDir')) ?? 'content';
  const at = own ?? (rel.startsWith(`${top}/`) ? { dir: top, lang: null } : null);
  if (at === null) return null;
  const sections = rel.slice(at.dir.length + 1).split('/').filter((s) => s !== '');
  let name = sections.pop() ?? '';
  let lang = at.lang ?? defaultLang;
  const suffix = /^(.+)\.([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)\.(?:md|markdown|mdx|html)$/.exec(name);
  if (suffix && declared.includes(suffix[2] ?? '')) {
    lang = suffix[2] ?? defaultLang;
    name = `${suffix[1] ?? ''}.md`;
  }
  const stem = name.replace(/\.(md|markdown|mdx|html)$/i, '');
  // A bundle's index.md is its folder's page, a section's _index.md the section's.
  const base = stem === 'index' ? sections.pop() ?? '' : stem;
  // A site whose config dates pages by their names (`date = [':filename', ':default']`) takes the slug from it too.
  const named = stem === '_index' ? null : hugoNameDate(data, base, front.date !== '');
  const pageFront = named === null ? front : { ...front, date: named.date, slug: front.slug || named.slug };
  const permalink = stem === '_index' ? undefined : permalinkPath(data, sections, base, pageFront);
  if (permalink === null) return null;
  const page = permalink !== undefined ? [permalink] : stem === '_index' ? sections : [...sections, pageFront.slug || base].filter((s) => s !== '');
  const multilingual = declared.length > 1 || configValue(data, 'defaultContentLanguageInSubdir') === true;
  const inFolder = multilingual && (lang !== defaultLang || configValue(data, 'defaultContentLanguageInSubdir') === true);
  const parts = [...(inFolder ? [lang] : []), ...page.flatMap((p) => p.split('/'))].filter((s) => s !== '');
  if (parts.length === 0) return '/';
  // `uglyURLs` (for the whole site, or by section) publishes a page as a file (`/news/kcd.html`); a section's list page stays a folder.
  const ugly = configValue(data, 'uglyURLs');
  if (stem !== '_index' && (ugly === true || configValue(ugly, sections[0] ?? '') === true)) return `/${parts.join('/')}.html`;
  return `/${parts.join('/')}/`;
}
