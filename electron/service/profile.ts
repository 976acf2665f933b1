// Site profiles say where a recap and its images live in a website repository and which
// front-matter fields the site expects. They are data files in assets/profiles/.

import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { FieldSpec, FieldType, PhotoSettings, SiteProfile } from './contract';
import { RecapError } from './errors';

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

function isRecord(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Validates a parsed profile; errors name the file and the key that is wrong. */
export function parseProfile(raw: unknown, source: string): SiteProfile {
  const bad = (key: string, want: string, found?: unknown): never => {
    const got = found === undefined ? 'it is missing' : `found ${JSON.stringify(found)}`;
    throw new RecapError('BAD_PROFILE', `Site profile ${source}: "${key}" must be ${want} (${got}).`);
  };
  if (!isRecord(raw)) return bad('(top level)', 'a map of keys', raw);
  const str = (obj: Raw, key: string, at: string): string => {
    const v = obj[key];
    return typeof v === 'string' && v.trim() !== '' ? v : bad(at, 'a non-empty string', v);
  };
  const name = str(raw, 'name', 'name');
  const post = str(raw, 'post', 'post');
  if (!post.includes('{slug}')) bad('post', 'a path pattern containing {slug}', post);
  const images = raw['images'];
  if (!isRecord(images)) return bad('images', 'a map with "dir" and "url"', images);
  const dir = str(images, 'dir', 'images.dir');
  const url = str(images, 'url', 'images.url');
  if (!url.startsWith('/') && !url.startsWith('.')) bad('images.url', 'a site-absolute (/…) or relative (./…) URL', url);
  const fieldsRaw = raw['fields'];
  if (!Array.isArray(fieldsRaw)) return bad('fields', 'a list of fields', fieldsRaw);
  const fields: FieldSpec[] = fieldsRaw.map((f: unknown, i): FieldSpec => {
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
    const spec: FieldSpec = { key: str(f, 'key', `${at}.key`), label: str(f, 'label', `${at}.label`), type: type as FieldType, required: required as boolean };
    if (typeof warnAbove === 'number') spec.warnAbove = warnAbove;
    if (format === 'YYYY-MM-DD') spec.format = format;
    if (typeof help === 'string') spec.help = help;
    return spec;
  });
  const photos = parsePhotoSettings(raw['photos'], bad);
  const label = typeof raw['label'] === 'string' ? raw['label'] : name;
  const defaultLang = typeof raw['defaultLang'] === 'string' ? raw['defaultLang'] : 'en';
  return { name, label, post, images: { dir, url }, defaultLang, fields, photos };
}

export const DEFAULT_PHOTO_SETTINGS: PhotoSettings = {
  maxEdge: 2000,
  quality: 82,
  maxInputPixels: 100_000_000,
  maxInputBytes: 64 * 1024 * 1024,
  convertTo: 'jpeg',
  keepMetadata: false,
  coverField: null,
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
  return out;
}

/**
 * The folder a recap's photos are written to and the public URL they are served at. In a
 * site checkout that is the site's own folder (static/images/news/<dir>); for a draft outside
 * any site, the same layout mirrored beside the draft, ready to be exported.
 */
export function imageFolderFor(recapPath: string, profile: SiteProfile, imageDir: string): { dir: string; url: string } {
  const base = siteRootFor(recapPath, profile) ?? path.dirname(path.resolve(recapPath));
  const fill = (pattern: string): string => pattern.replace(/\{imageDir\}/g, imageDir);
  return { dir: path.join(base, ...fill(profile.images.dir).split('/')), url: fill(profile.images.url).replace(/\/+$/, '') };
}

const cache = new Map<string, SiteProfile>();

export function loadProfile(name: string = DEFAULT_PROFILE): SiteProfile {
  const hit = cache.get(name);
  if (hit) return hit;
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new RecapError('BAD_PROFILE', `There is no site profile called "${name}".`);
  const file = assetPath('profiles', `${name}.yml`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new RecapError('BAD_PROFILE', `There is no site profile called "${name}".`);
  }
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (err) {
    throw new RecapError('BAD_PROFILE', `Site profile ${name}.yml is not valid YAML: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  }
  const profile = parseProfile(raw, `${name}.yml`);
  cache.set(name, profile);
  return profile;
}

/**
 * The site checkout a recap sits in, when its path matches the profile's post pattern
 * (`content/{lang}/news/{slug}.md` → the folder that holds `content/`). null otherwise.
 */
export function siteRootFor(recapPath: string, profile: SiteProfile): string | null {
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
  const recapDir = path.dirname(path.resolve(recapPath));
  const inside = (root: string, rel: string): string | null => {
    const full = path.resolve(root, rel);
    return full === root || full.startsWith(root + path.sep) ? full : null;
  };
  const out: string[] = [];
  if (clean.startsWith('/')) {
    const rel = clean.replace(/^\/+/, '');
    const pub = publicRoot(profile);
    const site = siteRootFor(recapPath, profile);
    if (site) out.push(inside(path.join(site, pub), rel) ?? '');
    out.push(inside(path.join(recapDir, pub), rel) ?? '');
  } else {
    out.push(path.resolve(recapDir, clean));
  }
  return [...new Set(out.filter((p) => p !== ''))];
}
