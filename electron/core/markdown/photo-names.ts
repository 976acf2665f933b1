// Names for imported photos: the file name in the site, the alt text prefilled for the author,
// and the image folder a recap uses. Site repositories are cloned on Linux, macOS and Windows,
// so a name must be safe on all three: lowercase ASCII, no separators, no reserved devices.
//
// Pure module (no Node imports, no Markdown parser): the service, the CLI and the renderer share it.

import { slugify } from '../recap/slug';

/**
 * A file a site serves as an image, as the tray lists a folder's photos and export takes them: a
 * JPEG, PNG, GIF, WebP, AVIF or SVG, not a hidden one.
 */
export function isSiteImageName(name: string): boolean {
  return /^[^.].*\.(jpe?g|png|gif|webp|avif|svg)$/i.test(name);
}

/** Names Windows reserves for devices, whatever the extension: `con.jpg` cannot be checked out. */
const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/;

/** Shorter than a recap slug: a photo name is one part of a longer URL. */
const NAME_MAX = 60;

/** The last path segment of a name that may come from any platform (`C:\x\y.jpg`, `../y.jpg`). */
function baseName(name: string): string {
  const parts = name.split(/[\\/]/);
  return parts[parts.length - 1] ?? '';
}

/** The slug of a text, or null when it has no letter or digit that survives slugging ("会场"). */
export function slugOrNull(text: string): string | null {
  // slugify answers 'recap' for an empty result, which cannot be told from a text "recap".
  const probe = slugify(`x ${text}`);
  return probe === 'x' ? null : probe.slice(2);
}

/** The name without its extension; a dot file like `.jpg` has no stem. */
export function stemOf(name: string): string {
  const base = baseName(name);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : dot === 0 ? '' : base;
}

/**
 * The site file name for a photo: "Día 1 Keynote.JPG" → "dia-1-keynote.jpg". `ext` is the
 * extension of the encoded output (a HEIC becomes `.jpg`), not the one the author's file had.
 */
export function photoFileName(originalName: string, ext: string): string {
  let slug = slugOrNull(stemOf(originalName)) ?? 'photo';
  if (slug.length > NAME_MAX) slug = slug.slice(0, NAME_MAX).replace(/-+$/, '');
  if (RESERVED.test(slug)) slug = `${slug}-photo`;
  const cleanExt = ext.toLowerCase().replace(/^\.+/, '').replace(/[^a-z0-9]/g, '');
  return cleanExt === '' ? slug : `${slug}.${cleanExt}`;
}

/**
 * `name` itself when the folder does not have it yet, else `name-2.ext`, `name-3.ext`, …
 * Compared without case: macOS and Windows folders treat `A.jpg` and `a.jpg` as one file.
 */
export function uniqueName(name: string, taken: ReadonlySet<string>): string {
  const lower = new Set([...taken].map((n) => n.toLowerCase()));
  if (!lower.has(name.toLowerCase())) return name;
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  for (let i = 2; ; i++) {
    const candidate = `${stem}-${i}${ext}`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

/** What cameras and phones put in front of a counter: IMG_2041, DSC01234, _MG_1234, PXL_2024…. */
const CAMERA_WORD = /^(img|dsc|dscn|dscf|pxl|mvimg|vid|dji|gopr|mg|mmexport)\d*$/i;
/** Words that are a camera prefix only when glued to a counter: P1010001, WA0003, Photo123. */
const CAMERA_COUNTER = /^(p|wa|gp|gh|sam|wp|photo|image|pic|scan)\d+$/i;
/** File types left inside a name by earlier conversions: `_MG_1234.CR2.jpg`. */
const TYPE_WORD = /^(cr2|cr3|nef|arw|dng|raf|orf|rw2|heic|heif|jpe?g|png|tiff?|webp)$/i;
/** Small words left dangling once dates and counters are gone ("Screenshot … at …"). */
const DANGLING = /^(at|on|from|of|the|and|with|um|am|pm)$/i;

export const FALLBACK_ALT = 'Event photo';

/** Alt text to start from: "IMG_2041 stage-keynote.JPG" → "stage keynote". The author edits it. */
export function altFromFileName(name: string): string {
  const words = stemOf(name)
    .split(/[\s_\-.+~,;()[\]{}]+/u)
    .filter((w) => w !== '' && !/^\d+[a-z]?$/i.test(w) && !CAMERA_WORD.test(w) && !CAMERA_COUNTER.test(w) && !TYPE_WORD.test(w));
  while (words.length > 0 && DANGLING.test(words[words.length - 1] ?? '')) words.pop();
  while (words.length > 0 && DANGLING.test(words[0] ?? '')) words.shift();
  // A name made only of a camera word and numbers says nothing about the picture.
  return words.length === 0 ? FALLBACK_ALT : words.join(' ');
}

/** Whether Windows reserves the name for a device (`con`, `aux.jpg`, `LPT1.tar.gz`): such a file cannot be checked out there. */
export function isReservedName(name: string): boolean {
  return RESERVED.test((name.split('.')[0] ?? '').toLowerCase());
}

/** An image folder name that is safe in a path and a URL on every platform: one ASCII segment, not `.` or `..`, not a reserved name. */
export function isSafeImageDir(dir: string): boolean {
  return /^[A-Za-z0-9_][A-Za-z0-9._-]*$/.test(dir) && dir.length <= 120 && !isReservedName(dir);
}

/** A post slug that makes a file or folder name on every platform (`con` is a device on Windows). */
export function isSafeSlug(slug: string): boolean {
  return /^[a-z0-9][a-z0-9._-]*$/i.test(slug) && !slug.includes('..') && !isReservedName(slug);
}

/**
 * The name an exported file gets in the site: `name` itself when Linux, macOS and Windows can
 * all check it out; else with `:`, `\` and the other characters Windows forbids replaced, no
 * trailing dot or space, and a reserved device name suffixed (`aux.jpg` → `aux-photo.jpg`).
 */
export function safeFileName(name: string): string {
  let out = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '-');
  const dot = out.lastIndexOf('.');
  let stem = dot > 0 ? out.slice(0, dot) : out;
  const ext = dot > 0 ? out.slice(dot) : '';
  stem = stem.replace(/[. ]+$/, '').replace(/^[. ]+/, '');
  if (stem === '') stem = 'photo';
  if (isReservedName(stem)) stem = `${stem}-photo`;
  out = `${stem}${ext.replace(/[. ]+$/, '')}`;
  return out;
}
