// An image file as the app opens it to judge it: its stat, its type by its first bytes, its pixel
// size from its header. Export copies a file only when it is an image (an allowed extension, an
// image's header, not empty, within the photo limit); lint says the same of each file a post
// links, so the Problems panel never calls ready what export will refuse.

import { closeSync, constants as fsConstants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import * as path from 'node:path';
import type { SiteProfile } from '../../core/contract';
import { msg, type Msg } from '../../core/i18n/messages';
import { HEADER_BYTES, imageSizeFromHeader, SHOWN_BY_CONTENT, sniffImageType, WEB_IMAGE_TYPES, type PixelSize, type SniffedType } from './image-header';

/** The extension a photo of each type SHOWN_BY_CONTENT is named with. */
const EXT_OF: Partial<Record<SniffedType, string>> = { jpeg: '.jpg', png: '.png', gif: '.gif', webp: '.webp' };

/** One buffer for every header read: the reads are synchronous, so never two at once. */
const probeBuffer = Buffer.allocUnsafe(HEADER_BYTES);

export interface ProbedImage {
  stat: Stats;
  size: PixelSize | null;
  type: SniffedType;
}

/**
 * An image file, opened once: its stat and its pixel size from the header (null when the
 * header is not one we parse). Null when there is no file there.
 */
export function probeImage(file: string): ProbedImage | null {
  let fd: number;
  try {
    // O_NONBLOCK: a FIFO where an image should be must not hang the export.
    fd = openSync(file, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
  } catch {
    return null;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return null;
    let size: PixelSize | null = null;
    let type: SniffedType = 'unknown';
    // Web-ready photos have their frame header in the first KB; camera files after their EXIF.
    for (const want of [4096, HEADER_BYTES]) {
      const bytesRead = readSync(fd, probeBuffer, 0, want, 0);
      if (want === 4096) type = sniffImageType(probeBuffer.subarray(0, bytesRead));
      size = imageSizeFromHeader(probeBuffer.subarray(0, bytesRead));
      if (size || bytesRead < want) break;
    }
    return { stat, size, type };
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/**
 * Why a file found for a link is not exported (a phrase that follows the link), or null: an
 * export copies images only — an allowed extension, a header of that type, not empty, and no
 * larger than the profile's photo limit.
 */
export function notAnImage(probed: { stat: Stats; type: SniffedType }, file: string, profile: SiteProfile): Msg | null {
  const ext = path.extname(file).toLowerCase();
  const want = WEB_IMAGE_TYPES[ext];
  if (want === undefined) return msg('lint.notImage.type', { name: path.basename(file), allowed: Object.keys(WEB_IMAGE_TYPES).join(', ') });
  if (probed.stat.size === 0) return msg('lint.notImage.empty', { name: path.basename(file) });
  // Another image type than its name says (a PNG screenshot saved as .jpg) is still a photo:
  // browsers show it, and misnamedImage says so. Anything else under an image's name is not one.
  if (probed.type !== want && !SHOWN_BY_CONTENT.has(probed.type)) {
    const content = probed.type === 'text' ? msg('lint.notImage.text') : msg('lint.notImage.other', { type: probed.type });
    return msg('lint.notImage.content', { ext, type: ext.slice(1).toUpperCase(), content });
  }
  const limit = profile.photos.maxInputBytes;
  if (probed.stat.size > limit) return msg('lint.notImage.size', { size: String(Math.round(probed.stat.size / (1024 * 1024))), limit: String(Math.round(limit / (1024 * 1024))) });
  return null;
}

/**
 * A photo whose content is another image type than its name says (`stage.jpg` holding a PNG):
 * exported, but a warning names the name it should have. Null for any other file.
 */
export function misnamedImage(probed: { type: SniffedType }, file: string): { name: string; content: string; rename: string } | null {
  const ext = path.extname(file);
  const want = WEB_IMAGE_TYPES[ext.toLowerCase()];
  const right = EXT_OF[probed.type];
  if (want === undefined || want === probed.type || right === undefined || !SHOWN_BY_CONTENT.has(probed.type)) return null;
  const name = path.basename(file);
  return { name, content: probed.type.toUpperCase(), rename: `${name.slice(0, name.length - ext.length)}${right}` };
}
