// The cover photo a front-matter field names: a text (`image: cover.jpg`), or the first item of
// a list (Hugo's `images = ["cover.jpg"]`; Beautiful Jekyll's `cover-img`, whose item may be a
// photo with its caption, `"/assets/img/hall.jpg" : "The hall"`). Lint, export and the photo tray read, set and clear it
// through these, so a list stays a list. Pure: the page runs it too.

import type { MarkdownReading } from '../contract';
import { mediaLinkOf, mediaUrlOf } from '../markdown/site-reading';
import { samePhotoUrl } from '../markdown/photo-text';
import { isSiteImageName } from '../markdown/photo-names';
import type { FieldValue, FrontMatterField } from '../frontmatter/values';
import { fieldPatterns, isResourcePattern, matchResource } from './field-photos';

/** The photo a cover field's value names, or null (no value, an empty one, or not a text). */
export function coverOf(value: FieldValue | undefined): string | null {
  const first = Array.isArray(value) ? (captioned(value[0])?.photo ?? value[0]) : value;
  return typeof first === 'string' && first.trim() !== '' ? first.trim() : null;
}

/**
 * A list item that is a photo with its caption, the map's one key and value (Beautiful Jekyll's
 * `cover-img: ["/assets/img/hall.jpg" : "The hall"]`, a list whose photos its theme shows in turn).
 */
function captioned(item: FieldValue | undefined): { photo: string; caption: FieldValue } | null {
  if (item === null || item === undefined || typeof item !== 'object' || Array.isArray(item)) return null;
  const entries = Object.entries(item);
  const [photo, caption] = entries[0] ?? [];
  return entries.length === 1 && photo !== undefined && caption !== undefined ? { photo, caption } : null;
}

/**
 * What naming a cover depends on: the post's generator, a Chirpy post's media_subpath
 * (MarkdownReading.media), and the fields its site writes from its root without the first `/`
 * (PhotoSettings.rootPathFields).
 */
export type CoverReading = Pick<MarkdownReading, 'generator' | 'media' | 'pageCover'> & { rootPathFields?: readonly string[] };

/**
 * How a cover field names the photo at `url` for a post read as `reading` says. Chirpy makes
 * the cover's address as it makes a link's (mediaLinkOf: below the post's media_subpath). Hugo's themes find a
 * page bundle's cover among its resources by name (`.Resources.GetMatch`, as its own Open Graph
 * and Twitter card templates do with `images`, PaperMod with `cover.image`), and a resource's name
 * has no `./`: `./stage.jpg` matches nothing there, and the card falls back to the site's root.
 * So beside a Hugo post the cover is written `stage.jpg`, as Hugo's own posts write it (and as
 * the tray and export now link a bundle's photos: photoLinkPrefix); a `./` a post already writes
 * is taken off here.
 */
export function coverUrl(url: string, reading: CoverReading, field?: string): string {
  if (reading.media !== undefined) return mediaLinkOf(url, reading);
  if (field !== undefined && reading.rootPathFields?.includes(field) === true) return url.replace(/^\/+/, '');
  return reading.generator === 'hugo' && url.startsWith('./') ? url.slice(2) : url;
}

/**
 * The address of the photo a field's `value` names, as the tray names photos: coverUrl's inverse.
 * A Chirpy post's below its media_subpath (mediaUrlOf); in a field the site writes from its root
 * without the first `/` (`rootPathFields`), a relative value is the root's (`img/bg.jpg` is `/img/bg.jpg`).
 */
export function fieldPhotoUrl(value: string, reading: CoverReading, field?: string): string {
  if (reading.media !== undefined) return mediaUrlOf(value, reading);
  if (field !== undefined && reading.rootPathFields?.includes(field) === true && isBarePath(value)) return `/${value.trim()}`;
  return value;
}

/** A path written with neither a first `/` nor `.` (`img/bg.jpg`), nor a scheme. */
export function isBarePath(value: string): boolean {
  const v = value.trim();
  return v !== '' && !/^[./]/.test(v) && !v.includes(':');
}

/** The value that makes `url` the cover (see coverUrl): a list gets it as its first item and keeps the others. */
export function withCover(was: FieldValue | undefined, url: string, reading: CoverReading, field?: string): FieldValue {
  const named = coverUrl(url, reading, field);
  if (!Array.isArray(was)) return named;
  // A photo with its caption keeps the caption.
  const withCaption = captioned(was[0]);
  return [withCaption !== null ? { [named]: withCaption.caption } : named, ...was.slice(1)];
}

/** Reads and writes a front-matter field of a recap's text (core/frontmatter/frontmatter.ts). */
export interface FieldEditor {
  getField(text: string, key: string): FieldValue | undefined;
  setField(text: string, key: string, value: FieldValue): string;
}

/**
 * `text` with the photo at `url` as the cover in `field` (withCover). Where the theme takes the
 * cover from the page's folder only with a flag (MarkdownReading.pageCover: PaperMod's
 * `cover.relative`), the flag says so too: true for a photo named beside the post (`stage.jpg`,
 * else PaperMod shows the root's /stage.jpg), false where it was true for a photo of the site's root.
 */
export function writeCover(text: string, field: string, url: string, reading: CoverReading, fm: FieldEditor): string {
  const out = fm.setField(text, field, withCover(fm.getField(text, field), url, reading, field));
  const page = reading.pageCover;
  if (page === undefined || page.field !== field) return out;
  const relative = !/^(?:\/|[a-z][a-z0-9+.-]*:)/i.test(coverUrl(url, reading, field));
  const was = fm.getField(out, page.flag);
  if (relative) return was === true ? out : fm.setField(out, page.flag, true);
  return was === true ? fm.setField(out, page.flag, false) : out;
}

/**
 * A cover field's value without the photo at `url` (a photo removed from the tray): undefined
 * (the field goes) where it names that photo alone, the list without its first item where it is
 * a list of more (Hugo's `images` keeps the others); `was` itself where it names another photo
 * or a resource pattern (Congo's `cover: "*cover*"` names no photo). `url` is as photos are named
 * (fieldPhotoUrl: a Chirpy post's value at its media_subpath).
 */
export function withoutCover(was: FieldValue | undefined, url: string, reading: CoverReading, field?: string): FieldValue | undefined {
  const value = coverOf(was);
  if (value === null || isResourcePattern(value) || !samePhotoUrl(fieldPhotoUrl(value, reading, field), url)) return was;
  return Array.isArray(was) && was.length > 1 ? was.slice(1) : undefined;
}

/**
 * The photo of a Hugo page bundle that Hugo's own card templates (Open Graph, Twitter cards and
 * schema, through its `_partials/_funcs/get-page-images.html`) take as the page's image while its
 * front matter names no `images` (`images`: that field's value): the first of the bundle's images,
 * in name order, whose name has "feature" (`.Resources.GetMatch "*feature*"`), else "cover" or
 * "thumb" (`featured.jpg`, `cover.png`, Congo's `thumb-stage.jpg`), as themes do after it. Null when the field names a
 * photo or no name matches. Used, though no link names it: the tray and export's preflight say so.
 */
export function hugoCardByName(names: readonly string[], images: FieldValue | undefined): string | null {
  if (coverOf(images) !== null) return null;
  // Of the folder's files, the images a site serves (not a hidden one), as the tray and export list them.
  const sorted = names.filter(isSiteImageName).sort();
  const named = (re: RegExp): string | undefined => sorted.find((n) => re.test(n));
  return named(/feature/i) ?? named(/cover|thumb/i) ?? null;
}

/**
 * The photos of a Hugo page bundle (`names`, its files) that its theme takes by their names, though
 * no link names them: the card Hugo's templates take (hugoCardByName), and the first match of
 * each resource pattern its front matter gives (Congo's `cover: "*cover*"`, `thumbnail:
 * "*thumb*"`, which its templates look up with `.Resources.GetMatch`). Each once.
 */
export function hugoPhotosByName(names: readonly string[], fields: readonly FrontMatterField[]): string[] {
  const card = hugoCardByName(names, fields.find((f) => f.key === 'images')?.value);
  const photos = names.filter(isSiteImageName);
  const matched = fieldPatterns(fields).flatMap((p) => matchResource(photos, p.pattern) ?? []);
  return [...new Set([...(card !== null ? [card] : []), ...matched])];
}
