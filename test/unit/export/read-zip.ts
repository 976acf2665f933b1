// Reads a .zip back entry by entry with yauzl (strict names, sizes checked), for the export tests.

import * as zlib from 'node:zlib';
import yauzl from 'yauzl';

export interface ReadEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  /** The Unix mode from the external attributes. */
  mode: number;
  data: Buffer;
}

export function readZipEntries(file: string): Promise<ReadEntry[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, strictFileNames: true, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no zip'));
      const out: ReadEntry[] = [];
      zip.on('error', reject);
      zip.on('end', () => resolve(out));
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', reject);
          stream.on('end', () => {
            // yauzl does not check checksums: a wrong CRC would make unzip refuse the entry.
            const crc = zlib.crc32(Buffer.concat(chunks)) >>> 0;
            if (crc !== entry.crc32) return reject(new Error(`${entry.fileName}: CRC-32 ${crc.toString(16)}, the zip says ${entry.crc32.toString(16)}`));
            out.push({ name: entry.fileName, method: entry.compressionMethod, mode: entry.externalFileAttributes >>> 16, data: Buffer.concat(chunks) });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

/** The entries by name. */
export async function readZip(file: string): Promise<Map<string, Buffer>> {
  return new Map((await readZipEntries(file)).map((e) => [e.name, e.data]));
}
