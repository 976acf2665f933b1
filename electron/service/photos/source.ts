// Reading and recognising a source: the bytes of a photo, checked against the profile's
// limits before any decoding, and refused early when the file is not an image we import.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { PhotoSettings } from '../../core/contract';
import { RecapError, describeFsError } from '../../core/errors';
import type { SniffedType } from '../files/image-header';
import { isRecord } from './requests';

export interface SourceBytes {
  /** The author's file name, for messages and for naming the output. */
  name: string;
  bytes: Buffer;
}

export const refuse = (message: string): RecapError => new RecapError('BAD_PHOTO', message);

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 10 ? mb.toFixed(0) : mb >= 1 ? mb.toFixed(1) : mb.toFixed(2);
}

export function megapixels(pixels: number): string {
  const mp = pixels / 1_000_000;
  return mp >= 10 ? mp.toFixed(0) : String(Number(mp.toPrecision(2)));
}

/** "is 120 megapixels; the limit is 100", exact when rounding would make both look the same. */
export function overPixelLimit(pixels: number, limit: number): string {
  const [a, b] = [megapixels(pixels), megapixels(limit)];
  return a === b ? `${pixels.toLocaleString('en')} pixels; the limit is ${limit.toLocaleString('en')}` : `${a} megapixels; the limit is ${b}`;
}

export async function readSource(source: unknown, settings: PhotoSettings): Promise<SourceBytes> {
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

export function refuseType(name: string, type: SniffedType): RecapError | null {
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
