// The shapes the photo hooks share: the batch panel's rows, the tray's handle, and the
// import batch's own bookkeeping.

import type { MutableRefObject } from 'react';
import type { AppInfo, ImportPhotoResult, LinkedPhoto, Photo, PhotoFolderInfo, PhotoSettings, RecapApi } from '../../electron/core/contract';
import type { PhotoUse, Splice } from '../../electron/core/markdown/photo-text';
import type { FieldValue } from '../../electron/core/frontmatter/values';
import type { MarkdownReading } from '../../electron/core/markdown/site-reading';
import type { Transport } from '../api';
import type { FieldUse } from './linkedUrls';
import type { RecapDocument, TextEdit } from '../workspace/useRecapDocument';

export type RowStatus = 'queued' | 'importing' | 'done' | 'reused' | 'refused' | 'cancelled';

export interface BatchRow {
  id: number;
  /** The author's file name. */
  name: string;
  status: RowStatus;
  /** Why the file was refused. */
  message: string | null;
  result: ImportPhotoResult | null;
  /** Alt text of the link: the service's suggestion, then whatever the author types. */
  alt: string;
  /** The row's links are in the text (alt edits then update them there). */
  placed: boolean;
}

export interface PhotoBatch {
  rows: BatchRow[];
  running: boolean;
  cancelled: boolean;
  /** Some rows will get links in the text (false when photos only go to the tray). */
  placing: boolean;
}

export interface RemovedPhoto {
  name: string;
  trashId: string;
  links: number;
  recapPath: string;
  imageDir: string;
  splices: Splice[];
  /** The body right after the links were taken out, to follow the author's later typing. */
  afterBody: string;
  /**
   * The front-matter fields that named it, cleared with it (the cover field first, then a theme's
   * header image…): each field's value before, whether the first is the cover, and the front
   * matter before and after.
   */
  cleared?: { fields: Array<{ field: string; value: FieldValue | null }>; cover: boolean; before: string; after: string };
}

export interface SourceItem {
  name: string;
  file: File | null;
  path: string | null;
}

/** Where a group's links go: an offset of `body` (the body when the gesture happened). */
export interface Placement {
  body: string;
  offset: number;
}

export interface Group {
  rowIds: number[];
  placement: Placement | null;
  recapPath: string;
  done: boolean;
}

export type RowState = BatchRow & { source: SourceItem; group: number };

export interface BatchState {
  rows: Map<number, RowState>;
  groups: Group[];
  queue: number[];
  active: number;
  cancelled: boolean;
  folder: { recapPath: string; imageDir: string };
}

export interface PhotosOptions {
  api: RecapApi;
  transport: Transport;
  info: AppInfo | null;
  /** Deferred body of the open recap (for the tray's "used" marks). */
  body: string;
  /** The text before the body, as of `body`: the tray's cover and the post's switches are read from it. */
  deferredHead: string;
  /** The text before the body now: the photo folder's name follows it. */
  head: string;
  path: string | null;
  coverField: string | null;
  /** The post is a Hugo page bundle with its photos beside it: Hugo takes one of them as its card by its name (hugoCardByName). */
  bundleCard: boolean;
  /** How an inserted photo is written (the profile's photos.insertAs). */
  insertAs: PhotoSettings['insertAs'];
  /** The path the site is published under, which a site-absolute link carries (the profile's baseUrlPath: Jekyll's baseurl, the path of Hugo's baseURL). */
  baseUrlPath?: string | undefined;
  /** How the post's site reads its Markdown (Liquid, MDX): which links are uses of a photo. */
  reading: MarkdownReading;
  /** The front-matter fields whose photos the site's posts write from its root without the first `/` (the profile's photos.rootPathFields). */
  rootPathFields?: readonly string[] | undefined;
  /** Changes whenever another recap is loaded. */
  loadSerial: number;
  current(): RecapDocument | null;
  edit(change: TextEdit, group?: string): boolean;
  /** Saves a recap that was never saved (the photos' folder is beside it); false if the author declines. */
  ensureSaved(): Promise<boolean>;
  toast(kind: 'error' | 'info', message: string): void;
}

export interface PhotosHandle {
  folder: PhotoFolderInfo | null;
  folderError: string | null;
  photos: Photo[] | null;
  listError: string | null;
  /** "Also in this recap": images the text links from outside the folder. */
  linked: LinkedPhoto[];
  uses: Map<string, PhotoUse>;
  cover: string | null;
  /** The photos the front matter's other fields name (a theme's header image, its gallery: field-photos.ts). */
  fields: readonly FieldUse[];
  /** The URL of the folder's photo Hugo takes as the page's card by its name while the front matter names no `images` (hugoCardByName): used, though no link names it. */
  cardByName: string | null;
  coverField: string | null;
  batch: PhotoBatch | null;
  removed: RemovedPhoto | null;
  /** Bumped whenever files changed, so the preview asks again for images it could not find. */
  previewRefresh: PreviewRefresh;
  /** The recap has a file, so photos have a folder. */
  canImport: boolean;

  /** Files dropped on the text at a body offset (null: not over the text, so at the caret). */
  dropOnEditor(files: File[], offset: number | null): void;
  pasteInEditor(files: File[]): void;
  /** Photos dropped anywhere else in the window go to the caret. */
  dropAtCursor(files: File[]): void;
  dropOnTray(files: File[]): void;
  /** "Insert photos…": choose files, links at the caret. */
  insertPhotos(): void;
  /** The tray's "Add…": choose files, into the folder only. */
  addPhotos(): void;

  altOf(photo: Photo): string;
  insertPhoto(photo: Photo): void;
  setAlt(photo: Photo, alt: string): void;
  setCover(photo: Photo): void;
  replacePhoto(photo: Photo): void;
  removePhoto(photo: Photo): void;
  undoRemove(): void;
  /** Selects the linked photo's next link in the text. */
  showUses(photo: LinkedPhoto): void;
  /** Takes the linked photo's links out of the text (the file stays; Ctrl+Z undoes). */
  removeLinks(photo: LinkedPhoto): void;
  /** Copies the linked photo into the folder and points its links (and the cover) at the copy. */
  copyIntoFolder(photo: LinkedPhoto): void;
  dismissRemoved(): void;
  setImageDir(dir: string): Promise<string | null>;
  refresh(): void;

  setRowAlt(id: number, alt: string): void;
  cancelBatch(): void;
  closeBatch(): void;
}

/** What the photo hooks share: the latest options, and two facts about the open recap. */
export interface PhotoShared {
  /** Async flows read the latest options, not the render they started in. */
  opts: MutableRefObject<PhotosOptions>;
  /** The author placed the caret in the text (before that, "at the cursor" is the Photos section). */
  caretKnown: MutableRefObject<boolean>;
  /** Alt texts typed for photos not linked (yet), by URL. */
  pendingAlt: MutableRefObject<Map<string, string>>;
}

/** The preview asks again for images it could not find, and reloads the `replaced` ones. */
export interface PreviewRefresh {
  version: number;
  replaced: string[];
}
