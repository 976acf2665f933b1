// Reading and recognising a source: the bytes of a photo, checked against the profile's
// limits before any decoding, and refused early when the file is not an image we import.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { PhotoSettings } from '../../core/contract';
import { RecapError, describeFsErrorMsg } from '../../core/errors';
import type { SniffedType } from '../files/image-header';
import { isRecord } from './requests';
import { msg } from '../../core/i18n/messages';
import { type Msg } from '../../core/i18n/messages';

export interface SourceBytes {
  /** The author's file name, for messages and for naming the output. */
  name: string;
  bytes: Buffer;
}

export const refuse = (message: Msg): RecapError => new RecapError('BAD_PHOTO', message);

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 10 ? mb.toFixed(0) : mb >= 1 ? mb.toFixed(1) : mb.toFixed(2);
}

export function megapixels(pixels: number): string {
  const mp = pixels / 1_000_000;
  return mp >= 10 ? mp.toFixed(0) : String(Number(mp.toPrecision(2)));
}

/** "… is 120 megapixels; the limit is 100", exact when rounding would make both look the same. */
export function overPixelLimit(name: string, pixels: number, limit: number, frames: number): Msg {
  const [a, b] = [megapixels(pixels), megapixels(limit)];
  const frameNote = frames > 1 ? msg('error.photo.frames', { count: String(frames) }) : '';
  if (a === b) return msg('error.photo.overPixels', { name, pixels: pixels.toLocaleString('en'), limit: limit.toLocaleString('en'), frames: frameNote });
  return msg('error.photo.overMegapixels', { name, pixels: a, limit: b, frames: frameNote });
}

export async function readSource(source: unknown, settings: PhotoSettings): Promise<SourceBytes> {
  if (isRecord(source) && typeof source['path'] === 'string' && source['path'] !== '') {
    const file = source['path'];
    const name = path.basename(file);
    let stat;
    try {
      stat = await fs.stat(file);
    } catch (err) {
      throw new RecapError('BAD_PHOTO', msg('error.photo.cannotRead', { name, reason: describeFsErrorMsg(err) }), { cause: err });
    }
    if (stat.isDirectory()) throw refuse(msg('error.photo.isFolder', { name }));
    if (!stat.isFile()) throw refuse(msg('error.photo.notRegular', { name }));
    checkSize(name, stat.size, settings);
    let bytes: Buffer;
    try {
      bytes = await readWhole(file, stat.size, settings.maxInputBytes);
    } catch (err) {
      throw new RecapError('BAD_PHOTO', msg('error.photo.cannotRead', { name, reason: describeFsErrorMsg(err) }), { cause: err });
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
    if (!/^[A-Za-z0-9+/\r\n]*={0,2}\s*$/.test(data)) throw new RecapError('BAD_REQUEST', msg('error.photo.badBase64', { name }));
    const bytes = Buffer.from(data, 'base64');
    checkSize(name, bytes.length, settings);
    return { name, bytes };
  }
  throw new RecapError('BAD_REQUEST', msg('error.photo.badSource', { path: '{ path }', data: '{ name, dataBase64 }' }));
}

/**
 * The whole file in one buffer, in as few reads as its size allows: fs.readFile reads in 512 kB
 * chunks into growing buffers, which costs a 5 MB photo 3–4× the time of one read. A file that
 * grew since its stat is read on, up to one byte over the limit (checkSize then refuses it).
 */
async function readWhole(file: string, expected: number, limit: number): Promise<Buffer> {
  const handle = await fs.open(file, 'r');
  try {
    let buf = Buffer.allocUnsafe(Math.min(expected, limit) + 1);
    let length = 0;
    for (;;) {
      if (length === buf.length) {
        if (buf.length > limit) break;
        const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2, limit + 1));
        buf.copy(bigger, 0, 0, length);
        buf = bigger;
      }
      const { bytesRead } = await handle.read(buf, length, buf.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return buf.subarray(0, length);
  } finally {
    await handle.close();
  }
}

function checkSize(name: string, size: number, settings: PhotoSettings, estimate = false): void {
  if (size === 0) throw refuse(msg('error.photo.empty', { name }));
  // The base64 estimate may be over by two bytes; only the exact size decides near the limit.
  if (size > settings.maxInputBytes + (estimate ? 2 : 0)) {
    throw refuse(msg('error.photo.tooLarge', { name, size: megabytes(size), limit: megabytes(settings.maxInputBytes) }));
  }
}

export function refuseType(name: string, type: SniffedType): RecapError | null {
  switch (type) {
    case 'text':
      return refuse(msg('error.photo.isText', { name }));
    case 'svg':
      return refuse(msg('error.photo.isSvg', { name }));
    case 'pdf':
      return refuse(msg('error.photo.isPdf', { name }));
    case 'bmp':
    case 'ico':
      return refuse(msg('error.photo.oldFormat', { name, type: type.toUpperCase() }));
    case 'unknown':
      return refuse(msg('error.photo.unknownType', { name }));
    default:
      return null;
  }
}
