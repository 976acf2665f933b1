// The tray's view of a photo: a small JPEG in the cache (never in the site), and the size,
// dimensions and format of a file already in the image folder.

import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import sharp from 'sharp';
import type { Photo, PhotoSettings } from '../../core/contract';
import { fileHash, photoOf, type PhotoFolder, type PhotoLibraryContext } from './library-context';
import type { DecodedPixels } from './process';
import { inFolder } from './folder-files';

const THUMB_EDGE = 320;

/**
 * The thumbnail of a photo: from a file or encoded bytes, or from the pixels an import already
 * decoded (oriented and resized: nothing is decoded again).
 */
export async function thumbnailFor(ctx: PhotoLibraryContext, sha: string, image: Buffer | string | DecodedPixels, settings: PhotoSettings): Promise<string | null> {
  const file = path.join(ctx.thumbsDir, `${sha}.jpg`);
  try {
    await fs.access(file);
    return ctx.assetUrl(file);
  } catch {
    // Not made yet.
  }
  try {
    const input = typeof image === 'string' || Buffer.isBuffer(image) ? sharp(image, { failOn: 'truncated', limitInputPixels: Math.max(1, settings.maxInputPixels), autoOrient: true }) : sharp(image.data, { raw: image.raw });
    const data = await input
      .resize({ width: THUMB_EDGE, height: THUMB_EDGE, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 70 })
      .toBuffer();
    // A cache file: temp + rename so a reader never sees half of it; no fsync needed.
    const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
    await inFolder(ctx.thumbsDir, () => fs.writeFile(tmp, data, { flag: 'wx' }));
    await fs.rename(tmp, file);
    return ctx.assetUrl(file);
  } catch {
    // A thumbnail is a convenience: the tray shows a placeholder.
    return null;
  }
}

/** Size, dimensions and thumbnail of a file already in the folder (header read only). */
export async function describe(ctx: PhotoLibraryContext, folder: PhotoFolder, name: string, settings: PhotoSettings): Promise<Photo> {
  const file = path.join(folder.dir, name);
  const stat = await fs.stat(file);
  const ext = path.extname(name).toLowerCase();
  let width = 0;
  let height = 0;
  let format = ext.replace(/^\./, '').replace('jpg', 'jpeg');
  let thumbnail: string | null = null;
  if (ext === '.svg') {
    // An <img> never runs an SVG's scripts; the file itself is the thumbnail.
    thumbnail = ctx.assetUrl(file);
  }
  try {
    const meta = await sharp(file, { limitInputPixels: false }).metadata();
    width = meta.autoOrient?.width ?? meta.width;
    height = meta.autoOrient?.height ?? meta.pageHeight ?? meta.height;
    format = meta.format === 'heif' && meta.compression === 'av1' ? 'avif' : meta.format;
    if (ext !== '.svg' && stat.size <= settings.maxInputBytes && width * height <= settings.maxInputPixels) {
      thumbnail = await thumbnailFor(ctx, await fileHash(ctx, file, stat.size, stat.mtimeMs), file, settings);
    }
  } catch {
    // Listed anyway, so that the author sees it and can remove it.
  }
  return photoOf(folder, name, { bytes: stat.size, width, height, format, thumbnail });
}
