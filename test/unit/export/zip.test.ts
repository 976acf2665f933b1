// The export's .zip, written with yazl: photos stored as they are, text deflated, every entry a
// plain -rw-r--r-- file, no ZIP64 (refused before anything is written past 65,534 files or
// 4 GB), no unsafe or repeated entry name, and a photo that changed since the plan refused.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RecapError } from '../../../electron/core/errors';
import { checkZipEntries, writeZipFile, ZIP_MAX_ENTRIES, type ZipEntry } from '../../../electron/service/export/zip';
import { png, tempDir } from '../support/site-fixture';
import { readZipEntries as readEntries } from './read-zip';

let tmp: string;
beforeEach(async () => {
  tmp = await tempDir('zip');
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('the export zip', () => {
  it('stores photos as they are and deflates text, each a -rw-r--r-- file, without ZIP64', async () => {
    const photo = path.join(tmp, 'photo.png');
    await png(photo, 3);
    await fs.chmod(photo, 0o755);
    const bytes = (await fs.stat(photo)).size;
    const text = Buffer.from('# Recap\n\n'.repeat(200), 'utf8');
    const file = path.join(tmp, 'out.zip');
    const written = await writeZipFile(file, [
      { name: 'content/en/news/recap.md', data: text, deflate: true },
      { name: 'static/images/news/kcd/photo.png', file: photo, bytes },
    ]);
    const raw = await fs.readFile(file);
    expect(written.bytes).toBe(raw.length);
    const entries = await readEntries(file);
    expect(entries.map((e) => [e.name, e.method, e.mode])).toEqual([
      ['content/en/news/recap.md', 8, 0o100644],
      ['static/images/news/kcd/photo.png', 0, 0o100644],
    ]);
    expect(entries[0]?.data.equals(text)).toBe(true);
    expect(entries[1]?.data.equals(await fs.readFile(photo))).toBe(true);
    // The classic end record closes the file; no ZIP64 locator before it.
    expect(raw.readUInt32LE(raw.length - 22)).toBe(0x06054b50);
    expect(raw.indexOf(Buffer.from([0x50, 0x4b, 0x06, 0x07]))).toBe(-1);
  });

  it.each([['../escape.md'], ['/etc/passwd'], ['C:/windows.md'], ['a\\b.md'], ['a//b.md'], ['./a.md'], ['a/../../b.md'], ['']])('refuses the entry name %j before writing anything', async (name) => {
    const file = path.join(tmp, 'slip.zip');
    const err: unknown = await writeZipFile(file, [{ name, data: Buffer.from('x') }]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RecapError);
    expect(err).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('cannot be a path inside a zip') });
    await expect(fs.access(file)).rejects.toThrow();
  });

  it('refuses a name twice', () => {
    expect(() => checkZipEntries([{ name: 'a.md', data: Buffer.from('1') }, { name: 'a.md', data: Buffer.from('2') }])).toThrow('The zip would hold a.md twice.');
  });

  it('refuses more files than a zip holds without ZIP64, before writing anything', async () => {
    const entries: ZipEntry[] = Array.from({ length: ZIP_MAX_ENTRIES + 1 }, (_, i) => ({ name: `f${i}.txt`, data: Buffer.alloc(0) }));
    expect(() => checkZipEntries(entries.slice(0, ZIP_MAX_ENTRIES))).not.toThrow();
    const file = path.join(tmp, 'many.zip');
    await expect(writeZipFile(file, entries)).rejects.toMatchObject({ code: 'BAD_REQUEST', message: `A zip of ${ZIP_MAX_ENTRIES + 1} files needs ZIP64, which exports do not write.` });
    await expect(fs.access(file)).rejects.toThrow();
  });

  it('refuses an export over 4 GB, before reading or writing anything', async () => {
    const file = path.join(tmp, 'big.zip');
    const huge: ZipEntry[] = [
      { name: 'a.jpg', file: path.join(tmp, 'not-read-a.jpg'), bytes: 3 * 1024 ** 3 },
      { name: 'b.jpg', file: path.join(tmp, 'not-read-b.jpg'), bytes: 1024 ** 3 + 1 },
    ];
    await expect(writeZipFile(file, huge)).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'The export is over 4 GB, more than a zip without ZIP64 can hold.' });
    await expect(fs.access(file)).rejects.toThrow();
    expect(() => checkZipEntries([{ name: 'a.jpg', file: 'x', bytes: 4 * 1024 ** 3 - 1024 * 1024 }])).not.toThrow();
  });

  it('fails when a photo no longer has the bytes the plan saw', async () => {
    const photo = path.join(tmp, 'photo.png');
    await png(photo, 4);
    const bytes = (await fs.stat(photo)).size;
    await expect(writeZipFile(path.join(tmp, 'changed.zip'), [{ name: 'photo.png', file: photo, bytes: bytes + 1 }])).rejects.toThrow('unexpected number of bytes');
    await expect(writeZipFile(path.join(tmp, 'gone.zip'), [{ name: 'photo.png', file: path.join(tmp, 'gone.png'), bytes }])).rejects.toThrow('ENOENT');
  });
});
