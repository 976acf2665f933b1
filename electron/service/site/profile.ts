// Site profiles say where a recap and its images live in a website repository and which
// front-matter fields the site expects. They are data files in assets/profiles/.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { FieldSpec, FieldType, PhotoSettings, SiteGenerator, SiteProfile, StaticMount } from '../../core/contract';
import { RecapError } from '../../core/errors';
import { isRecord } from '../../core/is-record';
import { msg } from '../../core/i18n/messages';
import { pathUnderBase } from '../../core/markdown/site-reading';

export const DEFAULT_PROFILE = 'hugo-news';

let assetsRoot: string | null = null;

/** The assets folder, found from this file whether it runs from source, dist/ or an asar. */
export function assetPath(...parts: string[]): string {
  if (!assetsRoot) {
    let dir = __dirname;
    for (;;) {
      if (existsSync(path.join(dir, 'assets', 'profiles'))) {
        assetsRoot = path.join(dir, 'assets');
        break;
      }
      const up = path.dirname(dir);
      if (up === dir) throw new Error(`assets/ not found above ${__dirname}`);
      dir = up;
    }
  }
  return path.join(assetsRoot, ...parts);
}

const FIELD_TYPES: readonly FieldType[] = ['string', 'text', 'tags', 'names', 'date'];

type Raw = Record<string, unknown>;

const TOP_KEYS = ['name', 'label', 'post', 'images', 'defaultLang', 'section', 'dateField', 'themePrintsTitle', 'generator', 'fields', 'photos'];
const IMAGE_KEYS = ['dir', 'url', 'maxBytes'];
const GENERATORS: readonly SiteGenerator[] = ['hugo', 'jekyll', 'docusaurus'];
const POST_VARS = ['lang', 'slug', 'section', 'date', 'year', 'month', 'day'];
const IMAGE_VARS = ['imageDir', ...POST_VARS];
/** Default soft limit on one web-ready image file. */
export const DEFAULT_IMAGE_MAX_BYTES = 1024 * 1024;

/** The checks of one profile file; each refusal names the file and the key that is wrong. */
interface ProfileChecks {
  bad(key: string, want: string, found?: unknown): never;
  /** Refuses a key the map may not have. */
  unknown(obj: Raw, known: string[], at: string): void;
  str(obj: Raw, key: string, at: string): string;
  /** A relative path pattern: forward slashes, no `..`, only the placeholders it may use. */
  pattern(value: string, at: string, vars: string[]): string;
}

function profileChecks(source: string): ProfileChecks {
  const bad = (key: string, want: string, found?: unknown): never => {
    const got = found === undefined ? msg('error.profile.missing') : msg('error.profile.found', { value: JSON.stringify(found) });
    throw new RecapError('BAD_PROFILE', msg('error.profile.badKey', { source, key, want, got }));
  };
  return {
    bad,
    unknown: (obj, known, at) => {
      const extra = Object.keys(obj).find((k) => !known.includes(k));
      if (extra !== undefined) {
        throw new RecapError('BAD_PROFILE', msg('error.profile.unknownKey', { source, key: `${at}${extra}`, known: known.join(', ') }));
      }
    },
    str: (obj, key, at) => {
      const v = obj[key];
      return typeof v === 'string' && v.trim() !== '' ? v : bad(at, 'a non-empty string', v);
    },
    pattern: (value, at, vars) => {
      for (const m of value.matchAll(/\{([^}]*)\}/g)) {
        if (!vars.includes(m[1] ?? '')) bad(at, `a path whose placeholders are among ${vars.map((v) => `{${v}}`).join(', ')}`, value);
      }
      if (value.includes('\\') || value.startsWith('/') || value.split('/').some((s) => s === '..')) {
        bad(at, 'a path relative to the site, with / between folders and no ..', value);
      }
      return value;
    },
  };
}

/** The profile's `images` map: where a recap's image folder is, and the URL it is linked by. */
function parseImages(images: unknown, c: ProfileChecks): SiteProfile['images'] {
  const { bad, str, pattern } = c;
  if (!isRecord(images)) return bad('images', 'a map with "dir" and "url"', images);
  c.unknown(images, IMAGE_KEYS, 'images.');
  const url = str(images, 'url', 'images.url').replace(/(.)\/+$/, '$1');
  if (!url.startsWith('/') && !url.startsWith('.')) bad('images.url', 'a site-absolute (/…) or relative (./…) URL', url);
  pattern(url.replace(/^\/+/, ''), 'images.url', IMAGE_VARS);
  const beside = url.startsWith('.');
  let dir: string;
  if (beside) {
    // Images beside the post: the folder is the URL's own path from the post's folder.
    if (images['dir'] !== undefined && images['dir'] !== url) bad('images.dir', `left out when images.url is relative (the images are at ${url} from the post)`, images['dir']);
    if (url.split('/').includes('..')) bad('images.url', 'a folder inside the post\'s folder (no ..)', url);
    dir = url;
  } else {
    dir = pattern(str(images, 'dir', 'images.dir').replace(/\/+$/, ''), 'images.dir', IMAGE_VARS);
  }
  const maxBytes = images['maxBytes'] ?? DEFAULT_IMAGE_MAX_BYTES;
  if (typeof maxBytes !== 'number' || !Number.isInteger(maxBytes) || maxBytes < 1) bad('images.maxBytes', 'a whole number of bytes', maxBytes);
  return { dir, url, beside, maxBytes: maxBytes as number };
}

/** One entry of the profile's `fields` list. */
function parseField(f: unknown, i: number, c: ProfileChecks): FieldSpec {
  const { bad, str } = c;
  const at = `fields[${i}]`;
  if (!isRecord(f)) return bad(at, 'a map with key, label and type', f);
  const type = f['type'];
  if (typeof type !== 'string' || !FIELD_TYPES.includes(type as FieldType)) bad(`${at}.type`, `one of ${FIELD_TYPES.join(', ')}`, type);
  const required = f['required'] ?? false;
  if (typeof required !== 'boolean') bad(`${at}.required`, 'true or false', required);
  const warnAbove = f['warnAbove'];
  if (warnAbove !== undefined && (typeof warnAbove !== 'number' || warnAbove <= 0)) bad(`${at}.warnAbove`, 'a positive number', warnAbove);
  const format = f['format'];
  if (format !== undefined && format !== 'YYYY-MM-DD') bad(`${at}.format`, '"YYYY-MM-DD"', format);
  const help = f['help'];
  if (help !== undefined && typeof help !== 'string') bad(`${at}.help`, 'a string', help);
  const separator = f['separator'];
  if (separator !== undefined && separator !== 'space' && separator !== 'none' && separator !== 'list') bad(`${at}.separator`, '"space", "none" or "list" (a one-string list split at spaces, one item, or one item and always written as a list; commas otherwise)', separator);
  const spec: FieldSpec = { key: str(f, 'key', `${at}.key`), label: str(f, 'label', `${at}.label`), type: type as FieldType, required: required as boolean };
  if (typeof warnAbove === 'number') spec.warnAbove = warnAbove;
  if (format === 'YYYY-MM-DD') spec.format = format;
  if (typeof help === 'string') spec.help = help;
  if (separator === 'space' || separator === 'none' || separator === 'list') spec.separator = separator;
  return spec;
}

/** The site's conventions: label, language and section folders, the date field, the theme, the generator. */
function parseSiteKeys(
  raw: Raw,
  c: ProfileChecks,
  known: { name: string; post: string; fields: FieldSpec[] },
): Pick<SiteProfile, 'label' | 'defaultLang' | 'section' | 'dateField' | 'themePrintsTitle' | 'generator'> {
  const { bad, str } = c;
  const optionalString = (key: string): string | undefined => {
    const v = raw[key];
    return v === undefined ? undefined : str(raw, key, key);
  };
  const label = optionalString('label') ?? known.name;
  const defaultLang = optionalString('defaultLang') ?? 'en';
  if (!/^[A-Za-z0-9_][A-Za-z0-9._-]*$/.test(defaultLang)) bad('defaultLang', 'a language folder name such as en or zh-cn', defaultLang);
  const section = optionalString('section') ?? 'posts';
  if (!/^[A-Za-z0-9_][A-Za-z0-9._/-]*$/.test(section) || section.split('/').includes('..')) bad('section', 'a folder name such as news or blog', section);
  const dateField: string | null = raw['dateField'] === null ? null : optionalString('dateField') ?? known.fields.find((f) => f.type === 'date')?.key ?? null;
  if (/\{(date|year|month|day)\}/.test(known.post) && dateField === null) bad('dateField', 'the front-matter field that holds the date, since "post" uses {date}, {year}, {month} or {day}', raw['dateField']);
  const themePrintsTitle = raw['themePrintsTitle'] ?? true;
  if (typeof themePrintsTitle !== 'boolean') bad('themePrintsTitle', 'true or false', themePrintsTitle);
  const generator = raw['generator'] ?? null;
  if (generator !== null && !GENERATORS.includes(generator as SiteGenerator)) bad('generator', `one of ${GENERATORS.join(', ')}`, generator);
  return { label, defaultLang, section, dateField, themePrintsTitle: themePrintsTitle as boolean, generator: generator as SiteGenerator | null };
}

/** Validates a parsed profile; errors name the file and the key that is wrong. */
export function parseProfile(raw: unknown, source: string): SiteProfile {
  const c = profileChecks(source);
  const { bad, str, pattern } = c;
  if (!isRecord(raw)) return bad('(top level)', 'a map of keys', raw);
  c.unknown(raw, TOP_KEYS, '');
  const name = str(raw, 'name', 'name');
  const post = pattern(str(raw, 'post', 'post'), 'post', POST_VARS);
  if (!post.includes('{slug}')) bad('post', 'a path pattern containing {slug}', post);
  if (!/\.(md|markdown|mdx)$/.test(post)) bad('post', 'a path to a Markdown file (.md, .markdown or .mdx)', post);
  const images = parseImages(raw['images'], c);
  const fieldsRaw = raw['fields'];
  if (!Array.isArray(fieldsRaw)) return bad('fields', 'a list of fields', fieldsRaw);
  const fields: FieldSpec[] = fieldsRaw.map((f: unknown, i): FieldSpec => parseField(f, i, c));
  const photos = parsePhotoSettings(raw['photos'], bad);
  const site = parseSiteKeys(raw, c, { name, post, fields });
  return {
    name,
    label: site.label,
    post,
    images,
    defaultLang: site.defaultLang,
    section: site.section,
    dateField: site.dateField,
    themePrintsTitle: site.themePrintsTitle,
    generator: site.generator,
    fields,
    photos,
  };
}

export const DEFAULT_PHOTO_SETTINGS: PhotoSettings = {
  maxEdge: 2000,
  quality: 82,
  maxInputPixels: 100_000_000,
  maxInputBytes: 64 * 1024 * 1024,
  convertTo: 'jpeg',
  keepMetadata: false,
  coverField: null,
  insertAs: 'markdown',
};

function parsePhotoSettings(raw: unknown, bad: (key: string, want: string, found?: unknown) => never): PhotoSettings {
  if (raw === undefined) return DEFAULT_PHOTO_SETTINGS;
  if (!isRecord(raw)) return bad('photos', 'a map of photo settings', raw);
  const out: PhotoSettings = { ...DEFAULT_PHOTO_SETTINGS };
  const int = (key: 'maxEdge' | 'quality' | 'maxInputPixels' | 'maxInputBytes', min: number, max: number): void => {
    const v = raw[key];
    if (v === undefined) return;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) bad(`photos.${key}`, `a whole number from ${min} to ${max}`, v);
    out[key] = v as number;
  };
  int('maxEdge', 16, 20000);
  int('quality', 1, 100);
  int('maxInputPixels', 1, 1_000_000_000);
  int('maxInputBytes', 1, 2 ** 31);
  const convertTo = raw['convertTo'];
  if (convertTo !== undefined) {
    if (convertTo !== 'jpeg' && convertTo !== 'webp' && convertTo !== 'keep') bad('photos.convertTo', 'jpeg, webp or keep', convertTo);
    out.convertTo = convertTo as PhotoSettings['convertTo'];
  }
  const keep = raw['keepMetadata'];
  if (keep !== undefined) {
    if (typeof keep !== 'boolean') bad('photos.keepMetadata', 'true or false', keep);
    out.keepMetadata = keep as boolean;
  }
  const cover = raw['coverField'];
  if (cover !== undefined && cover !== null && (typeof cover !== 'string' || cover === '')) bad('photos.coverField', 'a field name or null', cover);
  out.coverField = (cover as string | null | undefined) ?? null;
  const insertAs = raw['insertAs'];
  if (insertAs !== undefined) {
    if (insertAs !== 'markdown' && insertAs !== 'figure') bad('photos.insertAs', 'markdown or figure', insertAs);
    out.insertAs = insertAs as PhotoSettings['insertAs'];
  }
  return out;
}

/**
 * The folder a recap's photos are written to and the public URL they are served at. In a
 * site checkout that is the site's own folder (static/images/news/<dir>); for a draft outside
 * any site, the same layout mirrored beside the draft, ready to be exported. For a profile
 * whose images sit beside the post (page bundles), the recap's own folder.
 */
/**
 * What a link to a photo in the folder served at `folderUrl` (imageFolderFor's url, or the
 * profile's images.url) writes before the photo's name. Beside a Hugo post a relative folder is
 * written without `./` (`stage.jpg`, `img/stage.jpg`), as Hugo's own posts write it: themes find
 * a bundle's photo among its resources by that name (Stack's image hook, Ananke's cover:
 * `.Resources.GetMatch`), where `./stage.jpg` matches none and their fallback names the site's
 * root, a broken image. A browser and Hugo's own image hook read both the same.
 */
export function photoLinkPrefix(folderUrl: string, profile: Pick<SiteProfile, 'generator' | 'images'>): string {
  if (profile.generator !== 'hugo' || !profile.images.beside) return `${folderUrl}/`;
  const rel = folderUrl.replace(/^(?:\.(?:\/+|$))+/, '');
  return rel === '' ? '' : `${rel.replace(/\/+$/, '')}/`;
}

export function imageFolderFor(recapPath: string, profile: SiteProfile, imageDir: string): { dir: string; url: string } {
  if (profile.images.beside) {
    const dir = path.join(path.dirname(path.resolve(recapPath)), ...profile.images.dir.split('/'));
    return { dir, url: profile.images.url };
  }
  const base = siteRootFor(recapPath, profile) ?? path.dirname(path.resolve(recapPath));
  const fill = (pattern: string): string => fillPattern(pattern, { slug: imageDir, ...postVarsFromPath(recapPath, profile), imageDir });
  return { dir: path.join(base, ...fill(profile.images.dir).split('/')), url: fill(profile.images.url).replace(/\/+$/, '') };
}

export interface PatternVars {
  lang?: string;
  slug?: string;
  section?: string;
  date?: string;
  /** The date's year (a post in a year's folder: content/en/blog/_posts/{year}/{slug}.md). */
  year?: string;
  /** The date's month, two digits (a post in a month's folder: content/posts/{year}/{month}/{slug}.md). */
  month?: string;
  /** The date's day of the month, two digits (a Docusaurus post in `blog/{year}/{month}/{day}/{slug}/`). */
  day?: string;
  imageDir?: string;
}

/** Fills `{name}` placeholders; one without a value stays as written. */
export function fillPattern(pattern: string, vars: PatternVars): string {
  return pattern.replace(/\{([a-zA-Z]+)\}/g, (m, key: string) => {
    const v = (vars as Record<string, string | undefined>)[key];
    return v === undefined ? m : v;
  });
}

const VAR_RE: Record<string, string> = {
  lang: '([^/]+)',
  slug: '([^/]+?)',
  section: '([^/]+)',
  date: '(\\d{4}-\\d{2}-\\d{2})',
  year: '(\\d{4})',
  month: '(\\d{2})',
  day: '(\\d{2})',
  imageDir: '([^/]+)',
};

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regular expression matching the paths a pattern makes, and its placeholders in group order. */
function patternRegExp(pattern: string, fixed: PatternVars): { re: RegExp; names: string[] } {
  const names: string[] = [];
  let src = '';
  let last = 0;
  for (const m of pattern.matchAll(/\{([a-zA-Z]+)\}/g)) {
    src += escapeRe(pattern.slice(last, m.index));
    const key = m[1] ?? '';
    const value = (fixed as Record<string, string | undefined>)[key];
    if (value !== undefined) {
      src += escapeRe(value);
    } else {
      names.push(key);
      src += VAR_RE[key] ?? '([^/]+)';
    }
    last = (m.index ?? 0) + m[0].length;
  }
  src += escapeRe(pattern.slice(last));
  return { re: new RegExp(`^${src}$`), names };
}

/**
 * The placeholders of the profile's post pattern read back from a post path relative to the
 * site (`content/zh/news/kcd.md` → lang zh, slug kcd), or null when the path does not fit.
 * `fixed` pins placeholders to values (e.g. a slug, to find posts that collide with it).
 */
export function matchPostPath(relPath: string, profile: SiteProfile, fixed: PatternVars = {}, ignoreCase = false): PatternVars | null {
  const { re, names } = patternRegExp(profile.post, fixed);
  // Without case: on macOS and Windows Post.md and post.md are one file.
  const m = (ignoreCase ? new RegExp(re.source, 'i') : re).exec(relPath.split(path.sep).join('/'));
  if (!m) return null;
  const out: PatternVars = { ...fixed };
  names.forEach((n, i) => {
    (out as Record<string, string>)[n] = m[i + 1] ?? '';
  });
  return out;
}

/**
 * A Jekyll post's place: Jekyll reads posts from every `_posts` folder of the site, at any depth
 * below it (`_posts/events/2021-11-02-kcd.md`) and inside category folders
 * (`events/_posts/2021-11-02-kcd.md`), each named by its date and slug alone. For a profile
 * whose posts are `_posts/<name>` (or `_posts/{year}/<name>`): the folders of the path up to its
 * last `_posts` (the site's, with any category folders), and the path as the profile's pattern
 * names it. null otherwise.
 */
function jekyllPlace(recapPath: string, profile: SiteProfile): { above: string[]; prefix: string[]; asPattern: string } | null {
  const whole = profile.post.split('/');
  // A Jekyll site's `collections_dir` comes before its `_posts` (`collections/_posts/{date}-{slug}.md`).
  const prefix = profile.generator === 'jekyll' ? whole.slice(0, Math.max(0, whole.indexOf('_posts'))) : [];
  if (prefix.some((seg) => seg.includes('{'))) return null;
  const pattern = whole.slice(prefix.length);
  // `_posts/{year}/{date}-{slug}.md` (a site whose posts are in years' folders): any post below _posts/ too, its year its date's.
  const years = pattern.length === 3 && pattern[1] === '{year}';
  if ((pattern.length !== 2 && !years) || pattern[0] !== '_posts') return null;
  const segments = path.resolve(recapPath).split(path.sep);
  const at = segments.lastIndexOf('_posts', segments.length - 2);
  if (at <= 0) return null;
  const name = segments[segments.length - 1] ?? '';
  const inPosts = years ? `_posts/${name.slice(0, 4)}/${name}` : `_posts/${name}`;
  return { above: segments.slice(0, at), prefix, asPattern: [...prefix, inPosts].join('/') };
}

/** The config files that make a folder a Jekyll site. */
export const JEKYLL_CONFIGS = ['_config.yml', '_config.yaml', '_config.toml'];

/** The config files that make a folder a Hugo site, at its root (else its config/_default/ folder). */
export const HUGO_CONFIGS = ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml', 'config.yaml', 'config.yml', 'config.json'];

/** The config files that make a folder a Docusaurus site. */
export const DOCUSAURUS_CONFIGS = ['docusaurus.config.js', 'docusaurus.config.ts', 'docusaurus.config.mjs', 'docusaurus.config.cjs', 'docusaurus.config.mts', 'docusaurus.config.cts'];

/**
 * The site holding a Jekyll `_posts` folder: the nearest folder above it with a Jekyll config
 * (category folders and the site's `collections_dir` sit between), else the folder that holds
 * `_posts` (above the profile's `collections_dir` when the path has it).
 */
function jekyllRoot(above: string[], prefix: string[]): string {
  for (let n = above.length; n > 1 && n > above.length - 4 - prefix.length; n--) {
    const dir = above.slice(0, n).join(path.sep) || path.sep;
    if (JEKYLL_CONFIGS.some((c) => existsSync(path.join(dir, c)))) return dir;
  }
  const under = prefix.length > 0 && above.slice(-prefix.length).join('/') === prefix.join('/');
  return above.slice(0, under ? above.length - prefix.length : above.length).join(path.sep) || path.sep;
}

/** What a recap's own path says under a profile: its lang, slug, date in a site checkout; {} when it does not fit. */
export function postVarsFromPath(recapPath: string, profile: SiteProfile): PatternVars {
  const jekyll = jekyllPlace(recapPath, profile);
  if (jekyll) return matchPostPath(jekyll.asPattern, profile) ?? {};
  const segments = path.resolve(recapPath).split(path.sep);
  const depth = profile.post.split('/').length;
  if (segments.length <= depth) return {};
  return matchPostPath(segments.slice(segments.length - depth).join('/'), profile) ?? {};
}

const cache = new Map<string, SiteProfile>();

/** The built-in profiles (assets/profiles/*.yml), the default first. */
export function builtInProfileNames(): string[] {
  try {
    return readdirSync(assetPath('profiles'))
      .filter((f) => f.endsWith('.yml'))
      .map((f) => f.slice(0, -4))
      .sort((a, b) => (a === DEFAULT_PROFILE ? -1 : b === DEFAULT_PROFILE ? 1 : a.localeCompare(b)));
  } catch {
    return [DEFAULT_PROFILE];
  }
}

/** A built-in profile's YAML as parsed, before validation (a site's .recap-studio.yml starts from it). */
export function loadProfileData(name: string): Record<string, unknown> {
  const missing = (): never => {
    throw new RecapError('BAD_PROFILE', msg('error.profile.none', { name, names: builtInProfileNames().join(', ') }));
  };
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) missing();
  let text = '';
  try {
    text = readFileSync(assetPath('profiles', `${name}.yml`), 'utf8');
  } catch {
    missing();
  }
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (err) {
    throw new RecapError('BAD_PROFILE', msg('error.profile.badYaml', { source: `${name}.yml`, at: '', detail: err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err) }));
  }
  if (!isRecord(raw)) throw new RecapError('BAD_PROFILE', msg('error.profile.notMap', { source: `${name}.yml` }));
  return raw;
}

export function loadProfile(name: string = DEFAULT_PROFILE): SiteProfile {
  const hit = cache.get(name);
  if (hit) return hit;
  const profile = parseProfile(loadProfileData(name), `${name}.yml`);
  cache.set(name, profile);
  return profile;
}

/**
 * The site checkout a recap sits in, when its path matches the profile's post pattern
 * (`content/{lang}/news/{slug}.md` → the folder that holds `content/`; a Jekyll post in any
 * `_posts` folder → its site, see jekyllPlace). null otherwise.
 */
export function siteRootFor(recapPath: string, profile: SiteProfile): string | null {
  const jekyll = jekyllPlace(recapPath, profile);
  if (jekyll) return jekyllRoot(jekyll.above, jekyll.prefix);
  const patternDirs = profile.post.split('/').slice(0, -1);
  const dirs = path.resolve(recapPath).split(path.sep).slice(0, -1);
  if (dirs.length <= patternDirs.length) return null;
  for (let i = 1; i <= patternDirs.length; i++) {
    const want = patternDirs[patternDirs.length - i] ?? '';
    const got = dirs[dirs.length - i] ?? '';
    const isVar = /\{[a-zA-Z]+\}/.test(want);
    if (!isVar && want !== got) return null;
  }
  return dirs.slice(0, dirs.length - patternDirs.length).join(path.sep) || path.sep;
}

/** The site folder served at `/` (Hugo's static/): the part of images.dir before images.url's path. */
export function publicRoot(profile: SiteProfile): string {
  const dir = profile.images.dir.split('/');
  const url = profile.images.url.replace(/^\/+/, '').split('/');
  if (dir.length >= url.length && dir.slice(dir.length - url.length).join('/') === url.join('/')) {
    return dir.slice(0, dir.length - url.length).join('/');
  }
  return '';
}

let lastPlaces: { recapPath: string; profile: SiteProfile; recapDir: string; site: string | null; pub: string } | null = null;

/** The recap's folder, its site and the site's public folder; the last answer is kept, as a recap's links ask in a row. */
function recapPlaces(recapPath: string, profile: SiteProfile): { recapDir: string; site: string | null; pub: string } {
  if (lastPlaces?.recapPath !== recapPath || lastPlaces.profile !== profile) {
    lastPlaces = { recapPath, profile, recapDir: path.dirname(path.resolve(recapPath)), site: siteRootFor(recapPath, profile), pub: publicRoot(profile) };
  }
  return lastPlaces;
}

/**
 * Where the local file for an image URL of the recap lives: site-absolute URLs under the
 * site's public folder (or, for a draft outside any site, a mirror of it beside the draft),
 * relative URLs beside the recap. Remote URLs have no local file.
 */
export function localCandidates(url: string, recapPath: string | null, profile: SiteProfile): string[] {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return [];
  let clean: string;
  try {
    clean = decodeURI(url.split(/[?#]/)[0] ?? '');
  } catch {
    clean = url.split(/[?#]/)[0] ?? '';
  }
  if (clean === '' || clean.includes('\0')) return [];
  if (!recapPath) return [];
  const { recapDir, site, pub } = recapPlaces(recapPath, profile);
  const inside = (root: string, rel: string): string | null => {
    const full = path.resolve(root, rel);
    return full === root || full.startsWith(root + path.sep) ? full : null;
  };
  const out: string[] = [];
  if (clean.startsWith('/')) {
    const rel = clean.replace(/^\/+/, '');
    if (site) out.push(inside(path.join(site, pub), rel) ?? '');
    out.push(inside(path.join(recapDir, pub), rel) ?? '');
  } else {
    out.push(path.resolve(recapDir, clean));
  }
  return [...new Set(out.filter((p) => p !== ''))];
}

/** A Hugo site's folder of global resources, where Hugo's figure finds its src before static/ (and publishes what it finds). */
export const HUGO_ASSETS_DIR = 'assets';

/** A Hugo site's assets folder: the one its config names (`assetDir`), else `assets/`. */
export function assetsDirOf(profile: Pick<SiteProfile, 'assetsDir'>): string {
  return profile.assetsDir ?? HUGO_ASSETS_DIR;
}

/**
 * A site-absolute link as a path of the site's public folders: on a Jekyll site published under
 * its `baseurl` (SiteProfile.baseUrlPath), `/events/assets/a.png` is `/assets/a.png`; any other
 * link as it is.
 */
export function sitePathOf(url: string, profile: Pick<SiteProfile, 'baseUrlPath'>): string {
  return pathUnderBase(url, profile.baseUrlPath);
}

/**
 * The path from the site's folder of a link written with Docusaurus' `@site/` alias
 * (`@site/static/img/a.png`: `static/img/a.png`), as written; null for any other link.
 * Only a Docusaurus site reads it so: elsewhere it is a relative link like any other.
 */
export function siteAliasPath(url: string): string | null {
  return /^@site\/+([^?#]+)/.exec(url.trim())?.[1] ?? null;
}

/**
 * Where a site serves a site-absolute URL from: its public folder (Hugo's and Docusaurus'
 * static/, Jekyll's root). An image a site already has there is not missing. `as` (containment's
 * LookedUpAs): `figure`, the src of Hugo's figure shortcode, which a Hugo site finds in its assets/
 * first (a relative src too); `cover`, the cover field's value, which a Hugo site finds there too
 * and, relative, at its root (`images/card.png` is `/images/card.png`), as a Jekyll site does.
 */
export function servedBySite(root: string, profile: SiteProfile, url: string, as: 'link' | 'figure' | 'cover' = 'link'): string[] {
  const alias = profile.generator === 'docusaurus' ? siteAliasPath(url) : null;
  if (alias !== null) {
    // `@site/static/img/a.png`: the file at that path of the site, where the site serves it at `/`.
    let rel = alias;
    try {
      rel = decodeURI(alias);
    } catch {
      // A malformed escape: the path as written.
    }
    const file = path.resolve(root, rel);
    return publicDirs(profile).some((d) => file.startsWith(path.resolve(root, d) + path.sep)) ? [file] : [];
  }
  const coverAtRoot = as === 'cover' && (profile.generator === 'hugo' || profile.generator === 'jekyll') && !url.startsWith('/');
  const assets = profile.generator === 'hugo' && (as === 'figure' || coverAtRoot);
  // A relative link a Hugo site's image hook takes from the root when the bundle lacks it (Stack's).
  const linkAtRoot = as === 'link' && profile.generator === 'hugo' && profile.markdown?.imagesFromRoot === true;
  // Served at `/`: a site-absolute link, or a Hugo or Jekyll post's relative cover.
  const atRoot = url.startsWith('/') || coverAtRoot || linkAtRoot;
  if (url.startsWith('//') || /^[a-z][a-z0-9+.-]*:/i.test(url) || (!atRoot && !assets)) return [];
  const served = sitePathOf(url, profile);
  let rel: string;
  try {
    rel = decodeURI(served.split(/[?#]/)[0] ?? '');
  } catch {
    rel = served.split(/[?#]/)[0] ?? '';
  }
  rel = rel.replace(/^\/+/, '');
  if (rel === '' || rel.includes('\0')) return [];
  const base = path.resolve(root);
  const dirs = [...(assets ? [assetsDirOf(profile)] : []), ...(atRoot ? publicDirs(profile) : [])].map((dir) => ({ dir, rel }));
  // A folder mounted below a path serves the links under it (`/images/a.png` from assets/images/a.png).
  if (atRoot) for (const m of profile.staticMounts ?? []) if (rel.startsWith(`${m.at}/`)) dirs.push({ dir: m.dir, rel: rel.slice(m.at.length + 1) });
  // Each folder serves what is inside it: `/../x.png` is not a file of static/.
  return dirs.flatMap((d) => {
    const dir = path.resolve(base, d.dir);
    const file = path.resolve(dir, d.rel);
    return file.startsWith(dir + path.sep) ? [file] : [];
  });
}

/**
 * The folders of a site (relative to its root) that serve its site-absolute links: the profile's
 * public folder, and Jekyll's root or Hugo's and Docusaurus' static/ (alone, where a bundle
 * profile keeps the photos beside the post).
 */
export function publicDirs(profile: SiteProfile): string[] {
  // Hugo mounts into static alone (staticMounts) may leave no folder served at `/`.
  if (profile.staticDirs !== undefined && (profile.staticDirs.length > 0 || (profile.staticMounts ?? []).length > 0)) return [...profile.staticDirs];
  const served = profile.generator === 'jekyll' ? '' : 'static';
  // Photos beside a Hugo or Docusaurus post (a bundle) give no public folder of their own: the
  // site serves static/ at `/`, never its own root (a link `/src/x.png` is missing there).
  if (profile.images.beside && (profile.generator === 'hugo' || profile.generator === 'docusaurus')) return [served];
  return [...new Set([publicRoot(profile), served])];
}

/**
 * `profile` on a site whose config names the folders it serves at `/` (`dirs`, see
 * SiteProfile.staticDirs) and below a path (`mounts`, Hugo's module mounts: staticMounts): its
 * site-absolute links are looked for there, in that order, and a new photo kept in a public
 * folder the site does not serve (`static/` where the config names only `public/`) goes to the
 * first folder it serves at `/` instead, and a new photo whose address a mount serves
 * (`/images/news/<dir>/` from assets/images/news/<dir>/) to that mount, where the site's photos
 * at that address are; where nothing serves `/`, into the first mount (its address then the mount's).
 */
export function withStaticDirs(profile: SiteProfile, dirs: string[], mounts: StaticMount[] = []): SiteProfile {
  if (dirs.length === 0 && mounts.length === 0) return profile;
  const served = { ...profile, staticDirs: dirs, ...(mounts.length > 0 ? { staticMounts: mounts } : {}) };
  const pub = publicRoot(profile);
  if (pub === '' || !profile.images.dir.startsWith(`${pub}/`)) return served;
  const below = profile.images.dir.slice(pub.length + 1);
  // The folder the site mounts at the photos' address is where its photos there are (the deepest such mount).
  const mount = mounts.filter((m) => below.startsWith(`${m.at}/`)).sort((a, b) => b.at.length - a.at.length)[0];
  if (mount !== undefined) return { ...served, images: { ...profile.images, dir: `${mount.dir}/${below.slice(mount.at.length + 1)}` } };
  if (dirs.includes(pub)) return served;
  const [first] = dirs;
  if (first !== undefined) return { ...served, images: { ...profile.images, dir: `${first}/${below}` } };
  const [into] = mounts;
  return into === undefined ? served : { ...served, images: { ...profile.images, dir: `${into.dir}/{imageDir}`, url: `/${into.at}/{imageDir}` } };
}

/** The Jekyll folder a post is in, at any depth: `_posts` (a post), `_drafts` (a draft), or null (a page). */
export function jekyllFolderOf(postPath: string): '_posts' | '_drafts' | null {
  const dirs = path.dirname(path.resolve(postPath)).split(path.sep);
  return dirs.includes('_posts') ? '_posts' : dirs.includes('_drafts') ? '_drafts' : null;
}
