// A small, strict .zip writer for exports: one post and its photos. Photos are already
// compressed (JPEG, PNG, WebP…), so they are stored as they are; text is deflated. No ZIP64:
// an export over 4 GB or 65,535 files is refused rather than written wrongly.
//
// Format: PKWARE APPNOTE 6.3 — local header + data per entry, then the central directory and
// the end-of-central-directory record. Names are UTF-8 (flag bit 11), paths use forward slashes.

import { promises as fs } from 'node:fs';
import * as zlib from 'node:zlib';
import { RecapError } from '../../core/errors';

export interface ZipEntry {
  /** Path inside the archive, forward slashes, no leading slash. */
  name: string;
  /** The bytes, or a file to read them from. */
  data?: Uint8Array;
  file?: string;
  /** Deflate the entry (text); default: store. */
  deflate?: boolean;
  mtime?: Date;
}

const LIMIT = 0xffffffff;

let table: Uint32Array | null = null;

/** CRC-32 (IEEE), zlib's when Node has it (20.15+), else a table-driven one. */
export function crc32(data: Uint8Array): number {
  const native = (zlib as unknown as { crc32?: (d: Uint8Array) => number }).crc32;
  if (native) return native(data) >>> 0;
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = (table[(crc ^ (data[i] ?? 0)) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.min(Math.max(d.getFullYear(), 1980), 2107);
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

function checkName(name: string): void {
  if (name === '' || name.startsWith('/') || name.includes('\\') || name.split('/').some((s) => s === '..' || s === '.' || s === '')) {
    throw new RecapError('BAD_REQUEST', `"${name}" cannot be a path inside a zip.`);
  }
}

/**
 * Writes `entries` as a zip to `file` (created, must not exist: pass a temp path and rename it
 * into place). Reads of the next files overlap the writing of the current one. `sync` flushes
 * the file to the disk before returning.
 */
export async function writeZipFile(
  file: string,
  entries: ZipEntry[],
  options: { open?: typeof fs.open; sync?: boolean } = {},
): Promise<{ bytes: number }> {
  const openFile = options.open ?? fs.open;
  if (entries.length > 0xffff) throw new RecapError('BAD_REQUEST', `A zip of ${entries.length} files needs ZIP64, which exports do not write.`);
  const seen = new Set<string>();
  for (const e of entries) {
    checkName(e.name);
    if (seen.has(e.name)) throw new RecapError('BAD_REQUEST', `The zip would hold ${e.name} twice.`);
    seen.add(e.name);
  }
  const load = (e: ZipEntry): Promise<Uint8Array> => {
    const read = e.data ? Promise.resolve(e.data) : fs.readFile(e.file ?? '');
    // A read that fails after the writing stopped must not become an unhandled rejection.
    read.catch(() => undefined);
    return read;
  };
  const AHEAD = 4;
  const pending: Array<Promise<Uint8Array>> = entries.slice(0, AHEAD).map(load);
  const central: Buffer[] = [];
  let offset = 0;
  const handle = await openFile(file, 'wx', 0o644);
  try {
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i] as ZipEntry;
      const next = entries[i + AHEAD];
      if (next) pending.push(load(next));
      const raw = await (pending[i] as Promise<Uint8Array>);
      pending[i] = Promise.resolve(new Uint8Array(0)); // let the buffer go
      const crc = crc32(raw);
      let method = 0;
      let payload: Uint8Array = raw;
      if (entry.deflate) {
        const packed = zlib.deflateRawSync(raw, { level: 6 });
        if (packed.length < raw.length) {
          method = 8;
          payload = packed;
        }
      }
      if (raw.length > LIMIT || offset + payload.length > LIMIT) throw new RecapError('BAD_REQUEST', 'The export is over 4 GB, more than a zip without ZIP64 can hold.');
      const name = Buffer.from(entry.name, 'utf8');
      const { time, date } = dosDateTime(entry.mtime ?? new Date());
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4); // version needed: 2.0
      local.writeUInt16LE(0x0800, 6); // UTF-8 names
      local.writeUInt16LE(method, 8);
      local.writeUInt16LE(time, 10);
      local.writeUInt16LE(date, 12);
      local.writeUInt32LE(crc, 14);
      local.writeUInt32LE(payload.length, 18);
      local.writeUInt32LE(raw.length, 22);
      local.writeUInt16LE(name.length, 26);
      local.writeUInt16LE(0, 28);
      await handle.writev([local, name, payload]);

      const cd = Buffer.alloc(46);
      cd.writeUInt32LE(0x02014b50, 0);
      cd.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix, 2.0 (so the mode below is read)
      cd.writeUInt16LE(20, 6);
      cd.writeUInt16LE(0x0800, 8);
      cd.writeUInt16LE(method, 10);
      cd.writeUInt16LE(time, 12);
      cd.writeUInt16LE(date, 14);
      cd.writeUInt32LE(crc, 16);
      cd.writeUInt32LE(payload.length, 20);
      cd.writeUInt32LE(raw.length, 24);
      cd.writeUInt16LE(name.length, 28);
      cd.writeUInt16LE(0, 30); // extra
      cd.writeUInt16LE(0, 32); // comment
      cd.writeUInt16LE(0, 34); // disk
      cd.writeUInt16LE(0, 36); // internal attributes
      cd.writeUInt32LE(((0o100644 << 16) >>> 0), 38); // -rw-r--r-- regular file
      cd.writeUInt32LE(offset, 42);
      central.push(cd, name);
      offset += local.length + name.length + payload.length;
    }
    const cdBytes = central.reduce((n, b) => n + b.length, 0);
    if (offset + cdBytes > LIMIT) throw new RecapError('BAD_REQUEST', 'The export is over 4 GB, more than a zip without ZIP64 can hold.');
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(entries.length, 8);
    end.writeUInt16LE(entries.length, 10);
    end.writeUInt32LE(cdBytes, 12);
    end.writeUInt32LE(offset, 16);
    await handle.writev([Buffer.concat(central), end]);
    if (options.sync) await handle.sync();
    return { bytes: offset + cdBytes + end.length };
  } finally {
    await handle.close();
  }
}
