// Reading and recognising a source: the bytes of a photo, checked against the profile's
// limits before any decoding, and refused early when the file is not an image we import.

import { constants as fsConstants, promises as fs } from 'node:fs';
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

/**
 * Spare read buffers. Each photo is read into one kept from an earlier photo instead of a new
 * allocation of its size: the allocator hands a 5–20 MB block out of fresh pages and returns
 * them to the kernel once V8 frees it, so every photo paid for its bytes again in page faults
 * (measured with 2 photos at a time in a process of its own: 1,300 fewer faults and about 4 ms
 * less system CPU per 5 MB photo with the spares; the bare sharp floor, reading the file itself,
 * never pays them). At most SPARES are kept, none over SPARE_MAX_BYTES, and they are dropped
 * once no photo was read for SPARE_IDLE_MS: the app's memory is not held after a batch.
 */
const spares: Buffer[] = [];
const SPARES = 2;
const SPARE_MAX_BYTES = 32 * 1024 * 1024;
const SPARE_IDLE_MS = 10_000;
let dropSpares: NodeJS.Timeout | null = null;

/**
 * A buffer of at least `size` bytes (at most `cap`): the smallest spare that fits, else a new one
 * a quarter larger, so that the next photos of a camera, a little larger or smaller, fit it too.
 */
function takeBuffer(size: number, cap: number): Buffer {
  let best: Buffer | undefined;
  for (const b of spares) if (b.length >= size && (best === undefined || b.length < best.length)) best = b;
  if (best === undefined) return Buffer.allocUnsafeSlow(Math.min(cap, Math.max(size, Math.ceil((size * 1.25) / 65536) * 65536)));
  spares.splice(spares.indexOf(best), 1);
  return best;
}

function giveBack(buf: Buffer): void {
  if (buf.length > SPARE_MAX_BYTES) return;
  spares.push(buf);
  // The largest are kept: a later photo of the batch fits them.
  if (spares.length > SPARES) spares.sort((a, b) => b.length - a.length).length = SPARES;
  if (dropSpares) clearTimeout(dropSpares);
  dropSpares = setTimeout(() => {
    spares.length = 0;
    dropSpares = null;
  }, SPARE_IDLE_MS);
  dropSpares.unref();
}

/**
 * Reads a source with the profile's byte limit and runs `job` on its bytes. A file's bytes are
 * read into a reused buffer (see spares), given back once the job has settled: the job must be
 * done with them by then (processPhoto is: sharp has released its input when it resolves).
 */
export async function withSource<T>(source: unknown, settings: PhotoSettings, job: (source: SourceBytes) => Promise<T>): Promise<T> {
  if (isRecord(source) && typeof source['path'] === 'string' && source['path'] !== '') {
    const file = source['path'];
    const name = path.basename(file);
    // A file of the site (the tray's copy of a linked photo, by its real path): a link put in its
    // place since it was resolved is not followed. The author's own picks may be links.
    const noFollow = source['noFollow'] === true;
    let stat;
    try {
      stat = noFollow ? await fs.lstat(file) : await fs.stat(file);
    } catch (err) {
      throw new RecapError('BAD_PHOTO', msg('error.photo.cannotRead', { name, reason: describeFsErrorMsg(err) }), { cause: err });
    }
    if (stat.isDirectory()) throw refuse(msg('error.photo.isFolder', { name }));
    if (!stat.isFile()) throw refuse(msg('error.photo.notRegular', { name }));
    checkSize(name, stat.size, settings);
    const read = { buf: takeBuffer(Math.min(stat.size, settings.maxInputBytes) + 1, settings.maxInputBytes + 1), length: 0 };
    try {
      try {
        await readWhole(file, read, settings.maxInputBytes, noFollow);
      } catch (err) {
        throw new RecapError('BAD_PHOTO', msg('error.photo.cannotRead', { name, reason: describeFsErrorMsg(err) }), { cause: err });
      }
      // The file may have changed between stat and read.
      checkSize(name, read.length, settings);
      return await job({ name, bytes: read.buf.subarray(0, read.length) });
    } finally {
      giveBack(read.buf);
    }
  }
  if (isRecord(source) && typeof source['name'] === 'string' && typeof source['dataBase64'] === 'string') {
    const name = path.basename(source['name'].replace(/\\/g, '/')) || 'photo';
    const data = source['dataBase64'];
    // Checked on the text's length first, so an oversized payload is never decoded.
    checkSize(name, Math.floor((data.length * 3) / 4), settings, true);
    if (!/^[A-Za-z0-9+/\r\n]*={0,2}\s*$/.test(data)) throw new RecapError('BAD_REQUEST', msg('error.photo.badBase64', { name }));
    const bytes = Buffer.from(data, 'base64');
    checkSize(name, bytes.length, settings);
    return job({ name, bytes });
  }
  throw new RecapError('BAD_REQUEST', msg('error.photo.badSource', { path: '{ path }', data: '{ name, dataBase64 }' }));
}

/**
 * The whole file into `read.buf` (from its start; `read.length` bytes), in as few reads as its
 * size allows: fs.readFile reads in 512 kB chunks into growing buffers, which costs a 5 MB
 * photo 3–4× the time of one read. A file that grew since its stat is read on into a larger
 * buffer, up to one byte over the limit (checkSize then refuses it).
 */
async function readWhole(file: string, read: { buf: Buffer; length: number }, limit: number, noFollow: boolean): Promise<void> {
  const cap = limit + 1;
  const handle = await fs.open(file, noFollow ? fsConstants.O_RDONLY | fsConstants.O_NOFOLLOW : 'r');
  try {
    while (read.length < cap) {
      if (read.length === read.buf.length) {
        const bigger = Buffer.allocUnsafeSlow(Math.min(read.buf.length * 2, cap));
        read.buf.copy(bigger, 0, 0, read.length);
        read.buf = bigger;
      }
      // A spare may be larger than the file: never more than one byte over the limit is read.
      const { bytesRead } = await handle.read(read.buf, read.length, Math.min(read.buf.length, cap) - read.length, read.length);
      if (bytesRead === 0) break;
      read.length += bytesRead;
    }
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
