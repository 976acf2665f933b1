// The .zip of an export (one post and its photos), written with yazl. Photos are already
// compressed (JPEG, PNG, WebP…), so they are stored as they are; text is deflated. Entry
// names are checked here before yazl sees them: no absolute path, no `..`, no backslash, no
// name twice (no zip slip for whoever unpacks it).
//
// No ZIP64: yazl would switch to it past 65,534 files or 4 GB, but the Mac Archive Utility
// cannot open ZIP64 archives, and an export is a post and its photos. An export past those
// limits is refused before anything is written, rather than written in a form some cannot read.

import { createReadStream, promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';
import * as zlib from 'node:zlib';
import { ZipFile } from 'yazl';
import { RecapError } from '../../core/errors';
import { msg } from '../../core/i18n/messages';

/**
 * yazl checksums every byte with `buffer-crc32`, a JavaScript loop that doubled the time of a
 * 100-photo zip; Node's zlib has the same CRC-32 natively (20.15+). yazl calls
 * `crc32.unsigned(buffer, previous)` on the module object, so pointing that one function at
 * zlib's (same arguments, same result: the export tests check every entry's CRC) keeps yazl
 * unchanged otherwise.
 */
function useNativeCrc32(): void {
  const native = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
  if (!native) return;
  const crc = createRequire(require.resolve('yazl'))('buffer-crc32') as { unsigned: (data: Buffer, previous?: number) => number };
  crc.unsigned = (data, previous) => native(data, previous ?? 0) >>> 0;
}
useNativeCrc32();

export type ZipEntry = {
  /** Path inside the archive, forward slashes, no leading slash. */
  name: string;
  /** Deflate the entry (text); default: store. */
  deflate?: boolean;
  mtime?: Date;
} & (
  | { data: Buffer }
  /** A file and its size as planned: the zip is refused if the file holds other bytes when it is read. */
  | { file: string; bytes: number }
);

/** The most entries a zip holds without ZIP64 (yazl uses ZIP64 from 65,535 on). */
export const ZIP_MAX_ENTRIES = 0xfffe;
/** The most bytes a zip's offsets and sizes reach without ZIP64. */
const ZIP_MAX_BYTES = 0xfffffffe;
/** Per entry: local header (30), data descriptor (16), central record (46) and its timestamp field (9), besides the name twice. */
const ENTRY_OVERHEAD = 30 + 16 + 46 + 9;
const END_RECORD = 22;
/** Photos are read in 1 MB pieces: a few reads and writes each instead of one per 64 KB. */
const READ_CHUNK = 1024 * 1024;
/** Every entry is a regular file, -rw-r--r--, whatever the mode of the photo it comes from. */
const FILE_MODE = 0o100644;

function checkName(name: string): void {
  if (name === '' || name.startsWith('/') || /^[a-z]:/i.test(name) || name.includes('\\') || name.split('/').some((s) => s === '..' || s === '.' || s === '')) {
    throw new RecapError('BAD_REQUEST', msg('error.zip.badPath', { name }));
  }
  if (Buffer.byteLength(name, 'utf8') > 0xffff) throw new RecapError('BAD_REQUEST', msg('error.zip.longPath', { name: name.slice(0, 60) }));
}

/** The most bytes deflate can make of `n` (zlib's deflateBound, with its wrapper's margin). */
function deflateBound(n: number): number {
  return n + (n >>> 12) + (n >>> 14) + (n >>> 25) + 13;
}

/** The largest the zip of `entries` can be. */
function sizeBound(entries: ZipEntry[]): number {
  let total = END_RECORD;
  for (const e of entries) {
    const raw = 'data' in e ? e.data.length : e.bytes;
    total += ENTRY_OVERHEAD + 2 * Buffer.byteLength(e.name, 'utf8') + (e.deflate ? deflateBound(raw) : raw);
  }
  return total;
}

/** Refuses, before anything is written, a zip with an unsafe or repeated name, or one past the limits without ZIP64. */
export function checkZipEntries(entries: ZipEntry[]): void {
  if (entries.length > ZIP_MAX_ENTRIES) throw new RecapError('BAD_REQUEST', msg('error.zip.tooMany', { count: String(entries.length) }));
  const seen = new Set<string>();
  for (const e of entries) {
    checkName(e.name);
    if (seen.has(e.name)) throw new RecapError('BAD_REQUEST', msg('error.zip.twice', { name: e.name }));
    seen.add(e.name);
  }
  if (sizeBound(entries) > ZIP_MAX_BYTES) throw new RecapError('BAD_REQUEST', msg('error.zip.tooBig'));
}

/** Adds `entries` to `zip`; any failure (a photo that cannot be read, or has other bytes than planned) goes to `fail`. */
function addEntries(zip: ZipFile, entries: ZipEntry[], fail: (err: Error) => void): void {
  zip.on('error', fail);
  const now = new Date();
  for (const e of entries) {
    const options = { mtime: e.mtime ?? now, mode: FILE_MODE, compress: e.deflate === true };
    if ('data' in e) {
      zip.addBuffer(e.data, e.name, options);
    } else {
      // Opened when its turn comes, one file at a time; `size` makes yazl check the bytes read.
      const { file } = e;
      zip.addReadStreamLazy(e.name, { ...options, size: e.bytes }, (cb) => cb(null, createReadStream(file, { highWaterMark: READ_CHUNK }).on('error', fail)));
    }
  }
  zip.end();
}

/**
 * Writes `entries` as a zip to `file` (created, must not exist: pass a temp path and rename it
 * into place). `sync` flushes the file to the disk before returning.
 */
export async function writeZipFile(file: string, entries: ZipEntry[], options: { open?: typeof fs.open; sync?: boolean } = {}): Promise<{ bytes: number }> {
  checkZipEntries(entries);
  const handle = await (options.open ?? fs.open)(file, 'wx', 0o644);
  try {
    const zip = new ZipFile();
    const output = zip.outputStream as Readable; // yazl's is a PassThrough
    // A photo that cannot be read, or that changed size since the plan, ends the output with that error.
    addEntries(zip, entries, (err) => output.destroy(err));
    // Pulled chunk by chunk: yazl reads the next photo only as fast as the disk takes the last.
    let bytes = 0;
    for await (const chunk of output) {
      const data = chunk as Buffer;
      for (let done = 0; done < data.length; ) done += (await handle.write(data, done)).bytesWritten;
      bytes += data.length;
    }
    if (options.sync) await handle.sync();
    return { bytes };
  } finally {
    await handle.close();
  }
}
