// The photos a front matter names beside its cover: a theme's other image fields, read by the
// theme's templates rather than the body (Minimal Mistakes' `header.overlay_image`,
// `header.teaser` and `gallery:` items' `url` and `image_path`; the rest of Hugo's `images` list,
// which its card templates take; a Hugo bundle's `resources` `src`). Any text value of the front
// matter, at any depth, that is a site's photo path (a name ending in a photo's extension, no
// scheme, no Liquid or Hugo template, no glob) is one. Lint, export (checks, copy, relinking), a
// translation's copies and the photo tray read them through this, so they agree on which photos
// the post uses. Pure: the page runs it too.

import type { FieldValue, FrontMatterField } from '../frontmatter/values';

/** A photo a front-matter field names, other than the cover field's. */
export interface FieldPhoto {
  /** The field, its maps' keys joined by dots, a list's items not counted (`header.teaser`, `gallery.url`). */
  key: string;
  /** The photo's address, as written (trimmed). */
  url: string;
  /** 1-based line of the field's top-level key in the whole file. */
  line: number;
}

/** A site's photo by its name: the formats a post's image fields hold, with a query or fragment after it. */
const PHOTO_NAME = /\.(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?|heic|heif|jxl)(?:[?#][^\s]*)?$/i;

/**
 * Keys whose text is words, never a photo to look for, even when it reads like a file name: an
 * image's alt text or caption (`alt: stage.jpg`), a Hugo resource's `name` (its handle in the
 * templates, `name: header.jpg`).
 */
const TEXT_KEYS = new Set(['alt', 'title', 'caption', 'description', 'excerpt', 'summary', 'name', 'label', 'text', 'subtitle', 'credit', 'tags', 'categories', 'keywords']);

/** Deeper than any theme's image fields (Hugo's `params.images`, a list of maps): nothing below is read. */
const MAX_DEPTH = 5;

/** Whether a front-matter text names a photo of the site (not a web address, a template or a glob). */
export function isPhotoPath(value: string): boolean {
  const v = value.trim();
  if (v === '' || v.length > 2048 || /[\r\n]/.test(v)) return false;
  if (/^[a-z][a-z0-9+.-]*:/i.test(v) || v.startsWith('//')) return false;
  if (/\{\{|\{%|[*?[\]]/.test(v.replace(/[?#].*$/, ''))) return false;
  return PHOTO_NAME.test(v);
}

/**
 * Every photo the front matter's fields name, but the cover: `coverField`'s value, or its list's
 * first item (cover.ts coverOf), which lint and export read as the cover. A list of photos with
 * captions (Beautiful Jekyll's `cover-img: ["/a.jpg" : "The hall"]`) names each by its key.
 */
export function fieldPhotos(fields: readonly FrontMatterField[], coverField: string | null): FieldPhoto[] {
  const out: FieldPhoto[] = [];
  for (const field of fields) {
    walk(field.value, [field.key], 0, (key, url, first) => {
      if (!(first && key === coverField)) out.push({ key, url, line: field.line });
    });
  }
  return out;
}

/**
 * Calls `found` with each photo path under `value` (its key, its text, and whether it is the
 * field's own text or its list's first item: the place a cover field's photo is in).
 */
function walk(value: FieldValue, names: string[], depth: number, found: (key: string, url: string, first: boolean) => void, first = true, takes: (text: string) => boolean = isPhotoPath): void {
  if (depth > MAX_DEPTH) return;
  const key = names.join('.');
  if (TEXT_KEYS.has((names[names.length - 1] ?? '').toLowerCase())) return;
  if (typeof value === 'string') {
    if (takes(value)) found(key, value.trim(), first);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(item, names, depth + 1, found, first && i === 0, takes));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const entries = Object.entries(value);
  // A list's photo with its caption: the map's one key is the photo.
  const [only] = entries;
  if (entries.length === 1 && only !== undefined && takes(only[0]) && (typeof only[1] === 'string' || only[1] === null)) {
    found(key, only[0].trim(), first);
    return;
  }
  for (const [k, v] of entries) walk(v, [...names, k], depth + 1, found, first, takes);
}

/**
 * Whether a front-matter text is a Hugo resource pattern, which a theme matches against the page
 * bundle's files (`.Resources.GetMatch`): Congo's `cover: "*cover*"`, `thumbnail: "*thumb*"`.
 */
export function isResourcePattern(value: string): boolean {
  const v = value.trim();
  return /[*?]/.test(v) && v.length <= 256 && /^[\w*?.\-/[\]]+$/.test(v) && !v.startsWith('/');
}

/** The first of `names` (a bundle's files, by name) that `pattern` matches as Hugo's GetMatch does: case-insensitive, `*` within a folder, `**` across. */
export function matchResource(names: readonly string[], pattern: string): string | null {
  return matchResources(names, pattern.trim())[0] ?? null;
}

/** Every one of `names` that `pattern` matches as Hugo's Match does (see matchResource; a space is part of the pattern), in name order. */
export function matchResources(names: readonly string[], pattern: string): string[] {
  const source = pattern
    .toLowerCase()
    .replace(/[.+^${}()|\\]/g, '\\$&')
    .replace(/\*\*/g, '\u0000')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]')
    .replace(/\u0000/g, '.*');
  let re: RegExp;
  try {
    re = new RegExp(`^${source}$`);
  } catch {
    return [];
  }
  return [...names].sort().filter((n) => re.test(n.toLowerCase()));
}

/** The Hugo resource patterns of the front matter's fields (isResourcePattern), each with its field. */
export function fieldPatterns(fields: readonly FrontMatterField[]): Array<{ key: string; pattern: string }> {
  const out: Array<{ key: string; pattern: string }> = [];
  for (const field of fields) walk(field.value, [field.key], 0, (key, pattern) => out.push({ key, pattern }), true, isResourcePattern);
  return out;
}
