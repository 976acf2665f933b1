// The photo import: camera files in, web-ready files out, in the recap's image folder.
//
// Every photo is decoded with limits (bytes, then pixels read from the header before any pixel
// is decoded), auto-oriented, scaled inside the profile's long edge, converted to sRGB,
// re-encoded, and stripped of metadata (GPS, serial numbers, face regions) unless the profile
// keeps it. The author's file is only ever read. The output is hashed so that importing the
// same photo twice reuses the file already in the folder instead of writing a copy.
//
// Decoding and encoding run in libvips through sharp, on libuv's thread pool: the Node event
// loop (the Electron main process, the web server) only waits, so the window stays responsive.
//
// The rooms of this folder, in the order a photo meets them:
// - requests.ts: the checks of what a renderer asks (recap, image folder, file name);
// - source.ts: reading a source with the byte limit, and refusing what is not a photo;
// - process.ts: decoding with the pixel limit, orienting, resizing, encoding, hashing;
// - import-photo.ts: dedupe by hash and the atomic write into the image folder;
// - thumbnails.ts: the tray's thumbnails (in the cache) and a listed file's description;
// - listing.ts, linked.ts (the images linked from outside the folder), replace.ts, trash.ts (remove and restore), add-to-recap.ts (the CLI's batch);
// - library-context.ts: what the jobs of one library share; folder-files.ts: plain file jobs.

import type { ImportPhotoResult, LinkedPhoto, Photo, PhotoFolderRequest, PhotoSource } from '../../core/contract';
import { photoMarkdown } from '../../core/markdown/photo-text';
import { addPhotosToRecap, type AddPhotosResult } from './add-to-recap';
import { importPhoto } from './import-photo';
import { createLibraryContext, type PhotoLibraryOptions } from './library-context';
import { copyLinkedPhoto, linkedPhotos } from './linked';
import { listPhotos } from './listing';
import { replacePhoto } from './replace';
import { removePhoto, restorePhoto } from './trash';

export { sniffImageType, type SniffedType } from '../files/image-header';
export { PARALLEL_PHOTOS } from './process';
export { defaultCacheDir, type PhotoLibraryOptions } from './library-context';
export { insertPhotoMarkdown } from './insert-markdown';
export type { AddPhotosResult } from './add-to-recap';
export type { PhotoFolderRequest };
export { photoMarkdown };

export interface PhotoLibrary {
  importPhoto(req: PhotoFolderRequest & { source: PhotoSource; alt?: string }): Promise<ImportPhotoResult>;
  listPhotos(req: PhotoFolderRequest): Promise<Photo[]>;
  /** The images the links name outside the folder (see linked.ts). */
  linkedPhotos(req: PhotoFolderRequest & { urls: string[]; figureUrls?: string[]; coverUrls?: string[] }): Promise<LinkedPhoto[]>;
  copyLinkedPhoto(req: PhotoFolderRequest & { url: string; alt?: string; figure?: boolean; cover?: boolean }): Promise<ImportPhotoResult>;
  removePhoto(req: PhotoFolderRequest & { name: string }): Promise<{ trashId: string }>;
  restorePhoto(req: PhotoFolderRequest & { trashId: string }): Promise<Photo>;
  /** Same name when the output keeps the extension; otherwise a new name, and the old file stays. */
  replacePhoto(req: PhotoFolderRequest & { name: string; source: PhotoSource }): Promise<Photo>;
  addPhotosToRecap(recapPath: string, photoPaths: string[], opts?: { imageDir?: string; alts?: string[] }): Promise<AddPhotosResult>;
}

export function createPhotoLibrary(options: PhotoLibraryOptions = {}): PhotoLibrary {
  const ctx = createLibraryContext(options);
  return {
    importPhoto: (req) => importPhoto(ctx, req),
    listPhotos: (req) => listPhotos(ctx, req),
    linkedPhotos: (req) => linkedPhotos(ctx, req),
    copyLinkedPhoto: (req) => copyLinkedPhoto(ctx, req),
    removePhoto: (req) => removePhoto(ctx, req),
    restorePhoto: (req) => restorePhoto(ctx, req),
    replacePhoto: (req) => replacePhoto(ctx, req),
    addPhotosToRecap: (recapPath, photoPaths, opts) => addPhotosToRecap(ctx, recapPath, photoPaths, opts),
  };
}
