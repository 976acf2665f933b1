// The one typed contract between the renderer and the service. The renderer codes against
// `RecapApi` only; it never knows whether it talks to Electron IPC or the browser-mode HTTP
// server. Type-only module (no runtime imports), shared by every side.

import type { RecapErrorShape } from './errors';

export type Severity = 'error' | 'warning';

/** One finding of validation or lint, pointing at a line of the file when it can. */
export interface Problem {
  code: string;
  severity: Severity;
  message: string;
  /** 1-based line in the whole file (front matter included). */
  line?: number;
  column?: number;
  /** Front-matter key the problem is about, for inline form messages. */
  field?: string;
}

export type FieldType = 'string' | 'text' | 'tags' | 'names' | 'date';

export interface FieldSpec {
  key: string;
  label: string;
  type: FieldType;
  required: boolean;
  /** Soft limit: past it the form and lint warn. */
  warnAbove?: number;
  /** For type 'date': the format written to the file. */
  format?: 'YYYY-MM-DD';
  help?: string;
}

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
}

export interface SiteProfile {
  name: string;
  label: string;
  /** Post path relative to the site root, e.g. `content/{lang}/news/{slug}.md`. */
  post: string;
  /** Image folder relative to the site root and the public URL it is served at. */
  images: { dir: string; url: string };
  /** Language folder used for `{lang}` when the site does not say otherwise. */
  defaultLang: string;
  fields: FieldSpec[];
  photos: PhotoSettings;
}

export interface OpenedRecap {
  /** Absolute path, or null for a new recap that was never saved. */
  path: string | null;
  /** The whole file exactly as on disk (BOM and line endings included). */
  text: string;
  profile: SiteProfile;
  /** Modification time at open, used to detect changes made by others before saving. */
  mtimeMs: number | null;
}

export interface SaveRequest {
  path: string;
  text: string;
  /** Refuse with CHANGED_ON_DISK when the file's mtime is no longer this one. */
  expectMtimeMs?: number | null;
  /** Refuse with EXISTS when the file exists (Save As without an overwrite confirmation). */
  createOnly?: boolean;
}

export interface SaveResult {
  path: string;
  bytes: number;
  mtimeMs: number;
}

export interface ImageLookup {
  /** The URL as written in the Markdown. */
  url: string;
  /** A URL the renderer can load, when the local file exists. */
  src: string | null;
  /** The local file looked for (absolute), when the URL maps to one. */
  localPath: string | null;
}

export interface DirEntry {
  name: string;
  path: string;
  kind: 'dir' | 'file';
}

export interface DirListing {
  path: string;
  parent: string | null;
  entries: DirEntry[];
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

/** Where a recap's photos go: the folder name, the local folder and its public URL. */
export interface PhotoFolderInfo {
  /** The editable folder name, e.g. `kcd-china`: from the recap's existing image links, else its slug. */
  imageDir: string;
  /** Absolute local folder the files are written to. */
  dir: string;
  /** Public URL prefix the Markdown links use, e.g. `/images/news/kcd-china`. */
  url: string;
}

/** Names a recap's photo folder in a request: the recap (granted) and the folder name. */
export interface PhotoFolderRequest {
  recapPath: string;
  imageDir: string;
}

export interface AppInfo {
  door: 'electron' | 'web';
  /** Electron shows native Open/Save dialogs; the browser mode shows an in-app picker. */
  nativeDialogs: boolean;
  homeDir: string;
  version: string;
}

/** What the title bar and the close guard need to know. */
export interface DocumentState {
  title: string;
  path: string | null;
  dirty: boolean;
}

/** Commands that arrive from outside the page (Electron menu, close guard). */
export type AppCommand = 'new' | 'open' | 'save' | 'save-as' | 'save-and-close';

export interface RecapApi {
  appInfo(): Promise<AppInfo>;
  newRecap(req: { title?: string }): Promise<OpenedRecap>;
  openRecap(req: { path: string }): Promise<OpenedRecap>;
  saveRecap(req: SaveRequest): Promise<SaveResult>;
  /** Front-matter schema and Markdown checks, including links to local images. */
  lintRecap(req: { text: string; path: string | null }): Promise<Problem[]>;
  resolveImages(req: { recapPath: string | null; urls: string[] }): Promise<ImageLookup[]>;
  /** Folders and Markdown files of a folder, for the browser mode's picker. null = home. */
  listDirectory(req: { path: string | null }): Promise<DirListing>;
  /** Native dialogs (Electron). The browser mode answers UNSUPPORTED. */
  showOpenDialog(): Promise<string | null>;
  showSaveDialog(req: { suggestedName: string; defaultDir: string | null }): Promise<string | null>;
  setDocumentState(req: DocumentState): Promise<void>;
  /** The photo folder of a saved recap; the image dir comes from its links, else its slug. */
  photoFolder(req: { recapPath: string; text: string; imageDir?: string }): Promise<PhotoFolderInfo>;
  /** Makes one photo web-ready in the recap's folder; a bad file answers BAD_PHOTO. */
  importPhoto(req: PhotoFolderRequest & { source: PhotoSource; alt?: string }): Promise<ImportPhotoResult>;
  listPhotos(req: PhotoFolderRequest): Promise<Photo[]>;
  /** Moves the file to the app's trash (kept 30 days) so that it can be restored. */
  removePhoto(req: PhotoFolderRequest & { name: string }): Promise<{ trashId: string }>;
  restorePhoto(req: PhotoFolderRequest & { trashId: string }): Promise<Photo>;
  /** Replaces a photo's content with another photo's; same name unless the format changes. */
  replacePhoto(req: PhotoFolderRequest & { name: string; source: PhotoSource }): Promise<Photo>;
  /** Native multi-select dialog for photos (Electron); the browser mode answers UNSUPPORTED. */
  showPhotoDialog(req: { multiple: boolean }): Promise<string[]>;
  /** Called by the renderer after it handled 'save-and-close' (or the author discarded). */
  closeWindow(): Promise<void>;
}

export type RecapMethod = keyof RecapApi;
export type RequestOf<M extends RecapMethod> = Parameters<RecapApi[M]>[0];
export type ResponseOf<M extends RecapMethod> = Awaited<ReturnType<RecapApi[M]>>;

/** The envelope both transports use, so that errors cross the door as values. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: RecapErrorShape };

/** What the preload exposes as `window.recap`. */
export interface RecapBridge {
  invoke<M extends RecapMethod>(method: M, req: RequestOf<M>): Promise<Envelope<ResponseOf<M>>>;
  onCommand(listener: (command: AppCommand) => void): () => void;
  /** Path of a dropped file (Electron `webUtils.getPathForFile`). */
  pathForFile(file: File): string;
}
