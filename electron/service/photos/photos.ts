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
// Format choices (the profile can only move WebP/AVIF/HEIC, via photos.convertTo):
// - JPEG stays JPEG (mozjpeg's quantisation table: smaller files at the same quality setting).
// - PNG stays PNG: both a full-colour and a palette-quantised PNG are made; the smaller wins.
// - GIF stays GIF, animation included, re-encoded so its metadata goes and it fits the long
//   edge; every frame counts against the pixel limit, so a many-frame bomb is refused.
// - WebP, AVIF, HEIC and TIFF become JPEG ('jpeg'), or WebP ('webp'), or keep their format
//   ('keep'; HEIC and TIFF, which browsers do not show, still become JPEG). A file with
//   transparency becomes PNG instead of JPEG, which would lose it.
// - SVG is refused: it can carry scripts, and a sanitiser we could trust is not worth it here.

import { createHash, randomBytes } from 'node:crypto';
import { constants as fsConstants, promises as fs, type Dirent } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp, { type Metadata, type OutputInfo, type Sharp } from 'sharp';
import type { ImportPhotoResult, Photo, PhotoFolderRequest, PhotoSettings, PhotoSource, SiteProfile } from '../../core/contract';
import { RecapError, describeFsError } from '../../core/errors';
import { splitRecap, toLf, withBody } from '../../core/frontmatter/frontmatter';
import { findImageRefs } from '../recap/markdown-images';
import { altFromFileName, isSafeImageDir, photoFileName, uniqueName } from '../../core/markdown/photo-names';
import { imageDirFromText } from '../recap/image-dir';
import { sniffImageType, type SniffedType } from '../files/image-header';

export { sniffImageType, type SniffedType } from '../files/image-header';
import { imageFolderFor, loadProfile } from '../site/profile';
import { writeFileAtomic } from '../files/atomic-write';
import { readRecapFile } from '../files/recap-file';
import { createKeyLock } from '../files/key-lock';
import { photoMarkdown } from '../../core/markdown/photo-text';

/** Photos processed at once by a batch: one per core on the 2-core machines authors use. */
export const PARALLEL_PHOTOS = 2;
const THUMB_EDGE = 320;
const TRASH_MAX_AGE_MS = 30 * 24 * 3600 * 1000;

// Each photo is new to libvips, so its operation cache would only hold memory (peak RSS).
sharp.cache(false);
// Parallelism comes from PARALLEL_PHOTOS photos at once; more libvips threads per photo would
// only compete with the other photo for the same cores.
sharp.concurrency(Math.max(1, Math.floor(os.availableParallelism() / PARALLEL_PHOTOS)));

export interface PhotoLibraryOptions {
  /** Turns a local file (a thumbnail) into a URL the door's renderer can load. Default: file://. */
  assetUrl?: (absPath: string) => string;
  /** Thumbnails and the undo trash live here, never in the site. Default: ~/.cache/recap-studio. */
  cacheDir?: string;
  /** The site profile of a recap. Default: the built-in profile; tests pass tiny limits. */
  profileFor?: (recapPath: string) => SiteProfile;
}

export type { PhotoFolderRequest };

export interface AddPhotosResult {
  imported: ImportPhotoResult[];
  refused: Array<{ source: string; message: string }>;
}

export interface PhotoLibrary {
  importPhoto(req: PhotoFolderRequest & { source: PhotoSource; alt?: string }): Promise<ImportPhotoResult>;
  listPhotos(req: PhotoFolderRequest): Promise<Photo[]>;
  removePhoto(req: PhotoFolderRequest & { name: string }): Promise<{ trashId: string }>;
  restorePhoto(req: PhotoFolderRequest & { trashId: string }): Promise<Photo>;
  /** Same name when the output keeps the extension; otherwise a new name, and the old file stays. */
  replacePhoto(req: PhotoFolderRequest & { name: string; source: PhotoSource }): Promise<Photo>;
  addPhotosToRecap(recapPath: string, photoPaths: string[], opts?: { imageDir?: string; alts?: string[] }): Promise<AddPhotosResult>;
}

export function defaultCacheDir(): string {
  const base = process.env['XDG_CACHE_HOME'] || path.join(os.homedir(), '.cache');
  return path.join(base, 'recap-studio');
}

type OutputFormat = 'jpeg' | 'png' | 'webp' | 'avif' | 'gif';

const EXTENSION: Record<OutputFormat, string> = { jpeg: 'jpg', png: 'png', webp: 'webp', avif: 'avif', gif: 'gif' };

/** What the tray lists: the files a site serves as images. */
const IMAGE_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png', '.gif', '.webp', '.avif', '.svg']);

/** A web-ready photo, encoded but not yet written. */
interface Processed {
  bytes: Buffer;
  sha: string;
  format: OutputFormat;
  width: number;
  height: number;
}

interface SourceBytes {
  /** The author's file name, for messages and for naming the output. */
  name: string;
  bytes: Buffer;
}

const refuse = (message: string): RecapError => new RecapError('BAD_PHOTO', message);

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 10 ? mb.toFixed(0) : mb >= 1 ? mb.toFixed(1) : mb.toFixed(2);
}

function megapixels(pixels: number): string {
  const mp = pixels / 1_000_000;
  return mp >= 10 ? mp.toFixed(0) : String(Number(mp.toPrecision(2)));
}

/** "is 120 megapixels; the limit is 100", exact when rounding would make both look the same. */
function overPixelLimit(pixels: number, limit: number): string {
  const [a, b] = [megapixels(pixels), megapixels(limit)];
  return a === b ? `${pixels.toLocaleString('en')} pixels; the limit is ${limit.toLocaleString('en')}` : `${a} megapixels; the limit is ${b}`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A plain file name of the folder: what removePhoto and replacePhoto accept from a renderer. */
function checkFileName(name: unknown): string {
  if (
    typeof name !== 'string' ||
    name === '' ||
    name.length > 255 ||
    /[\\/\0]/.test(name) ||
    name.startsWith('.') ||
    path.basename(name) !== name
  ) {
    throw new RecapError('BAD_REQUEST', `"${String(name)}" is not the name of a photo in the image folder.`);
  }
  return name;
}

function checkFolderRequest(req: unknown): PhotoFolderRequest {
  if (!isRecord(req) || typeof req['recapPath'] !== 'string' || req['recapPath'] === '' || typeof req['imageDir'] !== 'string') {
    throw new RecapError('BAD_REQUEST', 'A photo request needs the recap path and its image folder.');
  }
  const imageDir = req['imageDir'];
  if (!isSafeImageDir(imageDir)) {
    throw new RecapError('BAD_REQUEST', `The image folder name "${imageDir}" may only use letters, digits, dots, dashes and underscores (e.g. kcd-china).`);
  }
  return { recapPath: path.resolve(req['recapPath']), imageDir };
}

// ---------------------------------------------------------------------------------------------
// Reading and recognising a source

async function readSource(source: unknown, settings: PhotoSettings): Promise<SourceBytes> {
  if (isRecord(source) && typeof source['path'] === 'string' && source['path'] !== '') {
    const file = source['path'];
    const name = path.basename(file);
    let stat;
    try {
      stat = await fs.stat(file);
    } catch (err) {
      throw new RecapError('BAD_PHOTO', `${name} cannot be read: ${describeFsError(err)}.`, { cause: err });
    }
    if (stat.isDirectory()) throw refuse(`${name} is a folder, not a photo.`);
    if (!stat.isFile()) throw refuse(`${name} is not a regular file.`);
    checkSize(name, stat.size, settings);
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(file);
    } catch (err) {
      throw new RecapError('BAD_PHOTO', `${name} cannot be read: ${describeFsError(err)}.`, { cause: err });
    }
    // The file may have changed between stat and read.
    checkSize(name, bytes.length, settings);
    return { name, bytes };
  }
  if (isRecord(source) && typeof source['name'] === 'string' && typeof source['dataBase64'] === 'string') {
    const name = path.basename(source['name'].replace(/\\/g, '/')) || 'photo';
    const data = source['dataBase64'];
    // Checked on the text's length first, so an oversized payload is never decoded.
    checkSize(name, Math.floor((data.length * 3) / 4), settings, true);
    if (!/^[A-Za-z0-9+/\r\n]*={0,2}\s*$/.test(data)) throw new RecapError('BAD_REQUEST', `The bytes sent for ${name} are not valid base64.`);
    const bytes = Buffer.from(data, 'base64');
    checkSize(name, bytes.length, settings);
    return { name, bytes };
  }
  throw new RecapError('BAD_REQUEST', 'A photo source is either { path } or { name, dataBase64 }.');
}

function checkSize(name: string, size: number, settings: PhotoSettings, estimate = false): void {
  if (size === 0) throw refuse(`${name} is empty (0 bytes).`);
  // The base64 estimate may be over by two bytes; only the exact size decides near the limit.
  if (size > settings.maxInputBytes + (estimate ? 2 : 0)) {
    throw refuse(`${name} is ${megabytes(size)} MB; the limit is ${megabytes(settings.maxInputBytes)} MB.`);
  }
}

function refuseType(name: string, type: SniffedType): RecapError | null {
  switch (type) {
    case 'text':
      return refuse(`${name} is not an image (it looks like text).`);
    case 'svg':
      return refuse(`${name} is an SVG drawing and was not imported: SVG files can contain scripts; export it as PNG or JPEG first.`);
    case 'pdf':
      return refuse(`${name} is a PDF, not an image; export the page as PNG or JPEG first.`);
    case 'bmp':
    case 'ico':
      return refuse(`${name} is a ${type.toUpperCase()} image, which websites do not use; export it as PNG or JPEG first.`);
    case 'unknown':
      return refuse(`${name} is not an image Recap Studio can read (unknown file type).`);
    default:
      return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Processing

function outputFormatFor(input: SniffedType, meta: Metadata, settings: PhotoSettings): OutputFormat {
  switch (input) {
    case 'jpeg':
    case 'png':
    case 'gif':
      return input;
    default: {
      // WebP, AVIF, HEIC, TIFF.
      if (settings.convertTo === 'webp') return 'webp';
      if (settings.convertTo === 'keep' && input === 'webp') return 'webp';
      if (settings.convertTo === 'keep' && input === 'heif' && meta.compression === 'av1') return 'avif';
      return meta.hasAlpha ? 'png' : 'jpeg';
    }
  }
}

async function encode(pipeline: Sharp, format: OutputFormat, settings: PhotoSettings): Promise<{ data: Buffer; info: OutputInfo }> {
  const q = settings.quality;
  switch (format) {
    case 'jpeg':
      // The mozjpeg encoder's quantisation table 3 with optimised Huffman coding: about 20–30%
      // smaller than libjpeg's (and ImageMagick's) output at the same quality, at no extra cost.
      // Full `mozjpeg: true` (trellis) saves another ~25% but costs ~50% more CPU per photo,
      // which breaks the 100 ms/photo import budget on 2 cores; see bench/photos.
      // JPEG has no alpha: lay it over white.
      return pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: q, quantisationTable: 3, optimiseCoding: true }).toBuffer({ resolveWithObject: true });
    case 'png': {
      // Screenshots with few colours shrink a lot as a palette; photos saved as PNG do not.
      const [full, palette] = await Promise.all([
        pipeline.clone().png({ compressionLevel: 9, adaptiveFiltering: true }).toBuffer({ resolveWithObject: true }),
        pipeline.clone().png({ palette: true, quality: q, compressionLevel: 9 }).toBuffer({ resolveWithObject: true }),
      ]);
      return palette.data.length < full.data.length ? palette : full;
    }
    case 'webp':
      return pipeline.webp({ quality: q }).toBuffer({ resolveWithObject: true });
    case 'avif':
      return pipeline.avif({ quality: q }).toBuffer({ resolveWithObject: true });
    case 'gif':
      return pipeline.gif().toBuffer({ resolveWithObject: true });
  }
}

/** Decodes (with limits), orients, resizes, converts, strips and encodes one photo. */
async function processPhoto(source: SourceBytes, settings: PhotoSettings): Promise<Processed> {
  const { name, bytes } = source;
  const type = sniffImageType(bytes);
  const refusal = refuseType(name, type);
  if (refusal) throw refusal;

  // Header only: no pixel is decoded before the pixel limit is checked.
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (err) {
    throw new RecapError('BAD_PHOTO', `${name} is damaged or truncated and cannot be read.`, { cause: err });
  }
  const frames = type === 'gif' ? Math.max(1, meta.pages ?? 1) : 1;
  const frameHeight = meta.pageHeight ?? meta.height;
  const pixels = meta.width * frameHeight * frames;
  if (!(meta.width > 0 && frameHeight > 0)) throw refuse(`${name} is damaged or truncated and cannot be read.`);
  if (pixels > settings.maxInputPixels) {
    const frameNote = frames > 1 ? ` (${frames} frames)` : '';
    throw refuse(`${name} is ${overPixelLimit(pixels, settings.maxInputPixels)}${frameNote}.`);
  }

  const format = outputFormatFor(type, meta, settings);
  const animated = frames > 1 && format === 'gif';
  let pipeline = sharp(bytes, {
    // Truncated data aborts; the minor warnings some cameras' files raise do not.
    failOn: 'truncated',
    limitInputPixels: Math.max(1, settings.maxInputPixels),
    autoOrient: true,
    animated,
    // sequentialRead is left to sharp, which turns it on when the pipeline allows (not for a
    // 90° turn, which needs the whole shrunk image): forcing it measured slower here.
  }).resize({ width: settings.maxEdge, height: settings.maxEdge, fit: 'inside', withoutEnlargement: true });
  if (settings.keepMetadata) {
    // Kept on request only; the pixels are still converted to sRGB and tagged as such.
    pipeline = pipeline.keepMetadata().withIccProfile('srgb');
  }
  // Without keep*, sharp writes no EXIF, XMP, IPTC or ICC and converts the pixels to sRGB.
  let out: { data: Buffer; info: OutputInfo };
  try {
    out = await encode(pipeline, format, settings);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (/pixel limit/i.test(message)) {
      throw new RecapError('BAD_PHOTO', `${name} is over the limit of ${megapixels(settings.maxInputPixels)} megapixels.`, { cause: err });
    }
    if (type === 'heif' && meta.compression === 'hevc') {
      throw new RecapError('BAD_PHOTO', `${name} is a HEIC photo, which this build cannot decode; export it as JPEG first (on an iPhone: Settings › Camera › Formats › Most Compatible).`, { cause: err });
    }
    throw new RecapError('BAD_PHOTO', `${name} is damaged or truncated and cannot be read.`, { cause: err });
  }
  const height = animated ? (out.info.pageHeight ?? out.info.height) : out.info.height;
  return { bytes: out.data, sha: sha256(out.data), format, width: out.info.width, height };
}

function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export { photoMarkdown };

/**
 * Adds image lines to a recap's body (LF text), each as its own paragraph: after the last line
 * of a `## Photos` section when the body has one, else at the end.
 */
export function insertPhotoMarkdown(body: string, lines: string[]): string {
  if (lines.length === 0) return body;
  const rows = body.split('\n');
  const block = lines.flatMap((l, i) => (i === 0 ? [l] : ['', l]));
  let fence: string | null = null;
  let section = -1;
  let sectionEnd = rows.length;
  rows.forEach((row, i) => {
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(row);
    if (f?.[1]) {
      const mark = f[1][0] ?? '';
      fence = fence === null ? mark : fence === mark ? null : fence;
      return;
    }
    if (fence !== null) return;
    if (section === -1 && /^ {0,3}##[ \t]+photos[ \t]*#*[ \t]*$/i.test(row)) section = i;
    else if (section !== -1 && sectionEnd === rows.length && /^ {0,3}#{1,2}[ \t]/.test(row)) sectionEnd = i;
  });
  if (section !== -1) {
    let last = sectionEnd - 1;
    while (last > section && (rows[last] ?? '').trim() === '') last--;
    rows.splice(last + 1, 0, '', ...block);
    return rows.join('\n');
  }
  const trimmed = body.replace(/\s+$/, '');
  return `${trimmed}${trimmed === '' ? '' : '\n\n'}${block.join('\n')}\n`;
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

async function moveFile(from: string, to: string): Promise<void> {
  try {
    await fs.rename(from, to);
  } catch (err) {
    // The cache may be on another disk than the site: copy, then remove.
    if ((err as { code?: string }).code !== 'EXDEV') throw err;
    await fs.copyFile(from, to, fsConstants.COPYFILE_EXCL);
    await fs.unlink(from);
  }
}

// ---------------------------------------------------------------------------------------------
// The library

interface TrashEntry {
  dir: string;
  name: string;
  removedAt: string;
}

export function createPhotoLibrary(options: PhotoLibraryOptions = {}): PhotoLibrary {
  const cacheDir = path.resolve(options.cacheDir ?? defaultCacheDir());
  const thumbsDir = path.join(cacheDir, 'thumbs');
  const trashDir = path.join(cacheDir, 'trash');
  const assetUrl = options.assetUrl ?? ((p: string): string => pathToFileURL(p).href);
  const profileFor = options.profileFor ?? ((): SiteProfile => loadProfile());

  /** sha256 of files already in image folders, valid while size and mtime stay the same. */
  const hashes = new Map<string, { size: number; mtimeMs: number; sha: string }>();
  /** One writer per folder: choosing a free name and writing it must not interleave. */
  const locked = createKeyLock();

  async function fileHash(file: string, size: number, mtimeMs: number): Promise<string> {
    const hit = hashes.get(file);
    if (hit && hit.size === size && hit.mtimeMs === mtimeMs) return hit.sha;
    const sha = sha256(await fs.readFile(file));
    hashes.set(file, { size, mtimeMs, sha });
    return sha;
  }

  /** The files of a folder (no dot files: those are our temp files or the system's). */
  async function folderFiles(dir: string): Promise<Array<{ name: string; size: number; mtimeMs: number }>> {
    let entries: Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (err) {
      if ((err as { code?: string }).code === 'ENOENT') return [];
      throw new RecapError('UNREADABLE', `Cannot read the image folder ${dir}: ${describeFsError(err)}.`, { cause: err });
    }
    const files = await Promise.all(
      entries
        .filter((e) => !e.name.startsWith('.') && (e.isFile() || e.isSymbolicLink()))
        .map(async (e) => {
          try {
            const s = await fs.stat(path.join(dir, e.name));
            return s.isFile() ? { name: e.name, size: s.size, mtimeMs: s.mtimeMs } : null;
          } catch {
            return null;
          }
        }),
    );
    return files.filter((f): f is { name: string; size: number; mtimeMs: number } => f !== null);
  }

  async function thumbnailFor(sha: string, image: Buffer | string, settings: PhotoSettings): Promise<string | null> {
    const file = path.join(thumbsDir, `${sha}.jpg`);
    try {
      await fs.access(file);
      return assetUrl(file);
    } catch {
      // Not made yet.
    }
    try {
      const data = await sharp(image, { failOn: 'truncated', limitInputPixels: Math.max(1, settings.maxInputPixels), autoOrient: true })
        .resize({ width: THUMB_EDGE, height: THUMB_EDGE, fit: 'inside', withoutEnlargement: true })
        .flatten({ background: '#ffffff' })
        .jpeg({ quality: 70 })
        .toBuffer();
      await fs.mkdir(thumbsDir, { recursive: true });
      // A cache file: temp + rename so a reader never sees half of it; no fsync needed.
      const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
      await fs.writeFile(tmp, data);
      await fs.rename(tmp, file);
      return assetUrl(file);
    } catch {
      // A thumbnail is a convenience: the tray shows a placeholder.
      return null;
    }
  }

  function photoOf(folder: { dir: string; url: string }, name: string, p: { bytes: number; width: number; height: number; format: string; thumbnail: string | null }): Photo {
    return { name, url: `${folder.url}/${encodeURIComponent(name)}`, localPath: path.join(folder.dir, name), ...p };
  }

  /** Size, dimensions and thumbnail of a file already in the folder (header read only). */
  async function describe(folder: { dir: string; url: string }, name: string, settings: PhotoSettings): Promise<Photo> {
    const file = path.join(folder.dir, name);
    const stat = await fs.stat(file);
    const ext = path.extname(name).toLowerCase();
    let width = 0;
    let height = 0;
    let format = ext.replace(/^\./, '').replace('jpg', 'jpeg');
    let thumbnail: string | null = null;
    if (ext === '.svg') {
      // An <img> never runs an SVG's scripts; the file itself is the thumbnail.
      thumbnail = assetUrl(file);
    }
    try {
      const meta = await sharp(file, { limitInputPixels: false }).metadata();
      width = meta.autoOrient?.width ?? meta.width;
      height = meta.autoOrient?.height ?? meta.pageHeight ?? meta.height;
      format = meta.format === 'heif' && meta.compression === 'av1' ? 'avif' : meta.format;
      if (ext !== '.svg' && stat.size <= settings.maxInputBytes && width * height <= settings.maxInputPixels) {
        thumbnail = await thumbnailFor(await fileHash(file, stat.size, stat.mtimeMs), file, settings);
      }
    } catch {
      // Listed anyway, so that the author sees it and can remove it.
    }
    return photoOf(folder, name, { bytes: stat.size, width, height, format, thumbnail });
  }

  function folderOf(req: PhotoFolderRequest): { profile: SiteProfile; folder: { dir: string; url: string } } {
    const profile = profileFor(req.recapPath);
    return { profile, folder: imageFolderFor(req.recapPath, profile, req.imageDir) };
  }

  async function writeNew(folder: { dir: string; url: string }, processed: Processed, wanted: string): Promise<{ name: string; reused: boolean }> {
    return locked(folder.dir, async () => {
      const files = await folderFiles(folder.dir);
      for (const f of files) {
        if (f.size !== processed.bytes.length) continue;
        if ((await fileHash(path.join(folder.dir, f.name), f.size, f.mtimeMs)) === processed.sha) return { name: f.name, reused: true };
      }
      const name = uniqueName(wanted, new Set(files.map((f) => f.name)));
      try {
        await fs.mkdir(folder.dir, { recursive: true });
      } catch (err) {
        throw new RecapError('SAVE_FAILED', `Cannot create the image folder ${folder.dir}: ${describeFsError(err)}.`, { cause: err });
      }
      await writeFileAtomic(path.join(folder.dir, name), processed.bytes);
      return { name, reused: false };
    });
  }

  async function importPhoto(req: PhotoFolderRequest & { source: PhotoSource; alt?: string }): Promise<ImportPhotoResult> {
    const where = checkFolderRequest(req);
    const { profile, folder } = folderOf(where);
    const source = await readSource(isRecord(req) ? req['source'] : undefined, profile.photos);
    const processed = await processPhoto(source, profile.photos);
    const wanted = photoFileName(source.name, EXTENSION[processed.format]);
    const [written, thumbnail] = await Promise.all([writeNew(folder, processed, wanted), thumbnailFor(processed.sha, processed.bytes, profile.photos)]);
    const photo = photoOf(folder, written.name, {
      bytes: processed.bytes.length,
      width: processed.width,
      height: processed.height,
      format: processed.format,
      thumbnail,
    });
    const alt = typeof req.alt === 'string' && req.alt.trim() !== '' ? req.alt.trim() : altFromFileName(source.name);
    return { photo, reused: written.reused, alt, markdown: photoMarkdown(alt, photo.url) };
  }

  async function listPhotos(req: PhotoFolderRequest): Promise<Photo[]> {
    const where = checkFolderRequest(req);
    const { profile, folder } = folderOf(where);
    const names = (await folderFiles(folder.dir))
      .map((f) => f.name)
      .filter((n) => IMAGE_EXTENSIONS.has(path.extname(n).toLowerCase()))
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    const photos = await mapLimit(names, PARALLEL_PHOTOS, async (name) => {
      try {
        return await describe(folder, name, profile.photos);
      } catch {
        return null; // Removed while listing.
      }
    });
    return photos.filter((p): p is Photo => p !== null);
  }

  async function existingFile(dir: string, name: string): Promise<void> {
    try {
      const s = await fs.stat(path.join(dir, name));
      if (!s.isFile()) throw new Error('not a file');
    } catch {
      throw new RecapError('NOT_FOUND', `There is no photo called ${name} in ${dir}.`);
    }
  }

  async function purgeOldTrash(): Promise<void> {
    try {
      const now = Date.now();
      for (const id of await fs.readdir(trashDir)) {
        const s = await fs.stat(path.join(trashDir, id));
        if (now - s.mtimeMs > TRASH_MAX_AGE_MS) await fs.rm(path.join(trashDir, id), { recursive: true, force: true });
      }
    } catch {
      // Best effort: an old trash only takes disk space.
    }
  }

  async function removePhoto(req: PhotoFolderRequest & { name: string }): Promise<{ trashId: string }> {
    const where = checkFolderRequest(req);
    const name = checkFileName(isRecord(req) ? req['name'] : undefined);
    const { folder } = folderOf(where);
    return locked(folder.dir, async () => {
      await existingFile(folder.dir, name);
      const trashId = randomBytes(8).toString('hex');
      const slot = path.join(trashDir, trashId);
      try {
        await fs.mkdir(slot, { recursive: true });
        const entry: TrashEntry = { dir: folder.dir, name, removedAt: new Date().toISOString() };
        await fs.writeFile(path.join(slot, 'entry.json'), JSON.stringify(entry));
        await moveFile(path.join(folder.dir, name), path.join(slot, 'file'));
      } catch (err) {
        await fs.rm(slot, { recursive: true, force: true }).catch(() => undefined);
        throw new RecapError('SAVE_FAILED', `Could not remove ${name}: ${describeFsError(err)}. The photo is still in place.`, { cause: err });
      }
      void purgeOldTrash();
      return { trashId };
    });
  }

  async function restorePhoto(req: PhotoFolderRequest & { trashId: string }): Promise<Photo> {
    const where = checkFolderRequest(req);
    const trashId = isRecord(req) ? req['trashId'] : undefined;
    if (typeof trashId !== 'string' || !/^[0-9a-f]{16}$/.test(trashId)) throw new RecapError('BAD_REQUEST', 'That is not an undo token of a removed photo.');
    const { profile, folder } = folderOf(where);
    const slot = path.join(trashDir, trashId);
    let entry: TrashEntry;
    try {
      const raw: unknown = JSON.parse(await fs.readFile(path.join(slot, 'entry.json'), 'utf8'));
      if (!isRecord(raw) || typeof raw['dir'] !== 'string' || typeof raw['name'] !== 'string') throw new Error('bad entry');
      entry = { dir: raw['dir'], name: checkFileName(raw['name']), removedAt: String(raw['removedAt'] ?? '') };
    } catch {
      throw new RecapError('NOT_FOUND', 'That removed photo is no longer in the trash, so it cannot be restored.');
    }
    if (path.resolve(entry.dir) !== path.resolve(folder.dir)) {
      throw new RecapError('BAD_REQUEST', `That photo was removed from ${entry.dir}, not from this recap's image folder.`);
    }
    const target = path.join(folder.dir, entry.name);
    const trashed = path.join(slot, 'file');
    await locked(folder.dir, async () => {
      let occupied = false;
      try {
        await fs.stat(target);
        occupied = true;
      } catch {
        // Free: the usual case.
      }
      if (occupied) {
        const [now, before] = await Promise.all([fs.readFile(target), fs.readFile(trashed)]);
        if (!now.equals(before)) {
          throw new RecapError('EXISTS', `Cannot restore ${entry.name}: another file with that name is now in the image folder. Rename or remove it first.`);
        }
      } else {
        await fs.mkdir(folder.dir, { recursive: true });
        await moveFile(trashed, target);
      }
      await fs.rm(slot, { recursive: true, force: true }).catch(() => undefined);
    });
    return describe(folder, entry.name, profile.photos);
  }

  async function replacePhoto(req: PhotoFolderRequest & { name: string; source: PhotoSource }): Promise<Photo> {
    const where = checkFolderRequest(req);
    const name = checkFileName(isRecord(req) ? req['name'] : undefined);
    const { profile, folder } = folderOf(where);
    await existingFile(folder.dir, name);
    const source = await readSource(isRecord(req) ? req['source'] : undefined, profile.photos);
    const processed = await processPhoto(source, profile.photos);
    const ext = EXTENSION[processed.format];
    const oldExt = path.extname(name).toLowerCase().replace(/^\./, '');
    const sameKind = oldExt === ext || (ext === 'jpg' && oldExt === 'jpeg');
    const finalName = await locked(folder.dir, async () => {
      if (sameKind) {
        // The author asked for this file to be replaced: the one overwrite we do.
        await writeFileAtomic(path.join(folder.dir, name), processed.bytes);
        return name;
      }
      // Another extension means another file; the caller relinks, then removes the old one.
      const files = await folderFiles(folder.dir);
      const stem = name.slice(0, name.length - path.extname(name).length);
      const fresh = uniqueName(`${stem}.${ext}`, new Set(files.map((f) => f.name)));
      await writeFileAtomic(path.join(folder.dir, fresh), processed.bytes);
      return fresh;
    });
    const thumbnail = await thumbnailFor(processed.sha, processed.bytes, profile.photos);
    return photoOf(folder, finalName, { bytes: processed.bytes.length, width: processed.width, height: processed.height, format: processed.format, thumbnail });
  }

  async function addPhotosToRecap(recapPath: string, photoPaths: string[], opts: { imageDir?: string; alts?: string[] } = {}): Promise<AddPhotosResult> {
    const file = path.resolve(recapPath);
    const { text, mtimeMs } = await readRecapFile(file);
    const profile = profileFor(file);
    const imageDir = opts.imageDir ?? imageDirFromText(text, profile, file);
    type Outcome = { ok: true; result: ImportPhotoResult } | { ok: false; source: string; message: string };
    const outcomes = await mapLimit(photoPaths, PARALLEL_PHOTOS, async (p, i): Promise<Outcome> => {
      try {
        const alt = opts.alts?.[i];
        const result = await importPhoto({ recapPath: file, imageDir, source: { path: p }, ...(alt !== undefined ? { alt } : {}) });
        return { ok: true, result };
      } catch (err) {
        // One bad file must not stop the batch; a bad image folder name stops every file alike.
        if (err instanceof RecapError && err.code === 'BAD_REQUEST') throw err;
        return { ok: false, source: p, message: err instanceof Error ? err.message : String(err) };
      }
    });
    const imported: ImportPhotoResult[] = [];
    const refused: Array<{ source: string; message: string }> = [];
    for (const o of outcomes) {
      if (o.ok) imported.push(o.result);
      else refused.push({ source: o.source, message: o.message });
    }
    const body = toLf(splitRecap(text).body);
    const linked = new Set(findImageRefs(body).map((r) => r.url));
    const lines: string[] = [];
    for (const r of imported) {
      // Importing the same photo again reuses its file; it must not add a second link either.
      if (linked.has(r.photo.url)) continue;
      linked.add(r.photo.url);
      lines.push(r.markdown);
    }
    if (lines.length > 0) {
      const next = withBody(text, insertPhotoMarkdown(body, lines));
      const now = await fs.stat(file).catch(() => null);
      if (now && now.mtimeMs !== mtimeMs) {
        throw new RecapError('CHANGED_ON_DISK', `${file} changed while the photos were imported; the photos are in the image folder, but the links were not added. Run the command again.`);
      }
      await writeFileAtomic(file, next);
    }
    return { imported, refused };
  }

  return { importPhoto, listPhotos, removePhoto, restorePhoto, replacePhoto, addPhotosToRecap };
}
