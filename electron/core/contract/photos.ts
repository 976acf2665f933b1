// The contract's photos: how imported photos are made web-ready, the photos of a recap and its
// photo folder. Type-only.

/** How imported photos are made web-ready. */
export interface PhotoSettings {
  /** Longest edge in pixels; larger photos are scaled down, smaller ones never enlarged. */
  maxEdge: number;
  /** Encoder quality, 1–100, for JPEG (and WebP/AVIF output). */
  quality: number;
  /** Refused before decoding above this many pixels (decompression bombs). */
  maxInputPixels: number;
  /** Refused above this many bytes. */
  maxInputBytes: number;
  /** Output format for WebP, AVIF and HEIC inputs. */
  convertTo: 'jpeg' | 'webp' | 'keep';
  /** Keep EXIF/XMP/IPTC metadata (off by default: GPS and serial numbers must not leak). */
  keepMetadata: boolean;
  /** Front-matter field that names the cover photo, if the site has one. */
  coverField: string | null;
  /**
   * How an inserted photo is written: a Markdown image, or Hugo's figure shortcode
   * (`{{< figure src="…" alt="…" >}}`, on a post Hugo reads) for a Hugo site whose posts show
   * their photos that way (site-rules.ts rulesFromSite).
   */
  insertAs: 'markdown' | 'figure';
  /**
   * Jekyll: the front-matter fields whose photos the site's posts write as a path from the site's
   * root without its first `/` (Hux Blog's `header-img: img/bg.jpg`, which its theme puts after
   * `{{ site.baseurl }}/`): export and the tray name a photo there so (core/recap/cover.ts coverUrl), and the
   * tray reads such a value as the root's photo (fieldPhotoUrl). Set by site-rules.ts rulesFromSite.
   */
  rootPathFields?: string[];
}

/** A web-ready photo of a recap, in the recap's image folder. */
export interface Photo {
  /** File name in the image folder, e.g. `kcd-event.jpg`. */
  name: string;
  /** Public URL the Markdown uses, e.g. `/images/news/kcd-china/kcd-event.jpg`. */
  url: string;
  localPath: string;
  bytes: number;
  width: number;
  height: number;
  format: string;
  /** A URL the renderer can load for a thumbnail. */
  thumbnail: string | null;
}

/**
 * An image the recap links that lives outside its photo folder (a shared logo in another static
 * folder, a photo beside a flat post): found through the same resolver as lint and the preview.
 * `url` is the first of `urls`; the file is not the recap's own, so the tray never deletes it.
 */
export interface LinkedPhoto extends Photo {
  /** Every link of the text (as the page sent it) that names this file. */
  urls: string[];
  /** The folder the file is in, from the site's root (`static/images/shared`), or from the recap's folder outside a site (`.`). */
  folder: string;
  /** Found as the src of Hugo's figure shortcode (in the site's assets/): copyLinkedPhoto is asked with `figure`. */
  figure?: true;
  /** Found as the cover field's value (a Hugo post's relative cover, in its site's assets/ or root): copyLinkedPhoto is asked with `cover`. */
  cover?: true;
}

/** A photo to import: a file path (Electron, CLI) or its bytes (browser mode, clipboard). */
export type PhotoSource = { path: string } | { name: string; dataBase64: string };

export interface ImportPhotoResult {
  photo: Photo;
  /** The same content was already in the folder: that file is used, nothing is written. */
  reused: boolean;
  alt: string;
  /** `![alt](url)` ready to insert. */
  markdown: string;
}

/**
 * Why a recap's photo folder cannot be renamed: the site keeps a post's photos beside it
 * (`beside`: page bundles, Docusaurus), or its profile sets the folder itself (`profile`: an
 * `images.dir` without `{imageDir}`, e.g. `assets/images/{slug}`).
 */
export type PhotoFolderFixed = 'beside' | 'profile';

/** Where a recap's photos go: the folder name, the local folder and its public URL. */
export interface PhotoFolderInfo {
  /** The editable folder name, e.g. `kcd-china`: from the recap's existing image links, else its slug. */
  imageDir: string;
  /** Absolute local folder the files are written to. */
  dir: string;
  /** Public URL prefix the Markdown links use, e.g. `/images/news/kcd-china`. */
  url: string;
  /** Why the folder name cannot be changed (the tray says so instead of offering Change); null when it can. */
  fixed: PhotoFolderFixed | null;
  /**
   * A draft for a site that keeps a post's photos elsewhere than the draft does: the site, and
   * the URL folder export into it gives these photos (null: beside the post).
   */
  inSite?: { site: string; url: string | null };
}

/** Names a recap's photo folder in a request: the recap (granted) and the folder name. */
export interface PhotoFolderRequest {
  recapPath: string;
  imageDir: string;
}
