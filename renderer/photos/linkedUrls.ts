// What the tray's "Also in this recap" asks the service about: the image URLs the text links (as
// the tray counts its uses, photoUsesCache.ts) and the cover field's. The service resolves them as
// lint and the preview do and answers the ones outside the photo folder (service/photos/linked.ts).
import type { LinkedPhoto, Photo } from '../../electron/core/contract';
import { photoUseOf, samePhotoUrl } from '../../electron/core/markdown/photo-text';
import type { PhotoUse } from '../../electron/core/markdown/photo-text';

/** A photo a front-matter field names beside the cover (field-photos.ts FieldPhoto), for the tray. */
export interface FieldUse {
  /** The field (`header.teaser`, `gallery.url`). */
  key: string;
  /** The photo's address as the site publishes it (mediaUrlOf), as the tray's photos are named. */
  url: string;
  /** The value as written, which a relink replaces (replaceFieldText). */
  written: string;
  /** A Hugo resource pattern the photo matches by its name (Congo's `cover: "*cover*"`), or a theme shortcode's call (`key`: its label, shortcodeUses.ts): never rewritten. */
  pattern?: true;
}

/** Longer URLs are not files a recap links (a data: URL), and the request's limit is 4096. */
const MAX_URL = 2048;
const MAX_URLS = 5000;

/** A link to another website or inline data: never a file of the site. */
const NOT_A_FILE = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/** A URL the service is asked about: one that can name a file of the site. */
const asksFor = (url: string): boolean => url !== '' && url.length <= MAX_URL && !url.includes('\n') && !NOT_A_FILE.test(url);

/**
 * The local image URLs of `uses` (decoded, as photoUses keys them: encoded again so that the
 * service reads each as the link did) and the front matter's photos (`covers`: the cover, a theme's other image fields), sorted: the same list while no link changes.
 */
export function linkedUrls(uses: ReadonlyMap<string, PhotoUse>, covers: readonly string[]): string[] {
  const out = new Set<string>();
  const add = (url: string): void => {
    if (asksFor(url)) out.add(url);
  };
  for (const key of uses.keys()) add(encodeURI(key));
  for (const cover of covers) add(cover.trim());
  return [...out].sort().slice(0, MAX_URLS);
}

/** The front-matter fields that name the photo at one of `urls` (PhotosHandle.fields), each once. */
export function fieldsNaming(fields: readonly FieldUse[], urls: readonly string[]): string[] {
  return [...new Set(fields.filter((f) => urls.some((u) => samePhotoUrl(f.url, u))).map((f) => f.key))];
}

/** The URLs of `linkedUrls` that a use writes as the src of Hugo's figure shortcode (looked for as Hugo does: in assets/ too). */
export function figureUrls(uses: ReadonlyMap<string, PhotoUse>): string[] {
  return [...uses]
    .filter(([, use]) => use.figure === true)
    .map(([key]) => encodeURI(key))
    .filter(asksFor)
    .sort()
    .slice(0, MAX_URLS);
}

/** Every URL that names a photo: a linked photo's spellings, else its one URL. */
export function urlsOf(photo: Photo | LinkedPhoto): string[] {
  const urls = (photo as Partial<{ urls: unknown }>).urls;
  return Array.isArray(urls) && urls.every((u) => typeof u === 'string') ? (urls as string[]) : [photo.url];
}

/** A linked photo's folder as a path: `static/images/shared/`, `./` for the recap's own. */
export const folderPath = (folder: string): string => (folder === '.' ? './' : `${folder}/`);

/** How many links of the text name the photo, whichever way each is spelled (a linked photo may have more than one spelling). */
export function linkCountOf(uses: Map<string, PhotoUse>, photo: Photo | LinkedPhoto): number {
  // `./a.png` (the cover's spelling) and `a.png` (the uses' key) are one use: count it once.
  const found = new Set<PhotoUse>();
  for (const u of urlsOf(photo)) {
    const use = photoUseOf(uses, u);
    if (use) found.add(use);
  }
  return [...found].reduce((n, use) => n + use.count, 0);
}
