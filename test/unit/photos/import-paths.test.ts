// The import's quick paths keep their promises: a JPEG's header is read without libvips and a
// bomb is still refused before decoding; the folder's sizes are remembered between photos, yet a
// file the author adds, replaces or removes meanwhile is seen as it is now.

import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { createPhotoLibrary, type PhotoLibrary } from '../../../electron/service/photos/photos';
import { refusal } from '../support/refusal';

let dir: string;
let recapPath: string;
let lib: PhotoLibrary;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'recap-import-paths-'));
  recapPath = path.join(dir, 'drafts', 'kcd.md');
  await fs.mkdir(path.dirname(recapPath), { recursive: true });
  await fs.writeFile(recapPath, '---\ntitle: KCD\n---\n\nIt was great.\n');
  lib = createPhotoLibrary({ cacheDir: path.join(dir, 'cache') });
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const folder = (): string => path.join(dir, 'drafts', 'static', 'images', 'news', 'kcd');
const names = async (): Promise<string[]> => (await fs.readdir(folder()).catch(() => [] as string[])).sort();

/** A small camera JPEG of one colour. */
async function jpeg(name: string, colour: string, size = { width: 300, height: 200 }): Promise<string> {
  const file = path.join(dir, 'camera', name);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await sharp({ create: { ...size, channels: 3, background: colour } }).withMetadata({ orientation: 6 }).jpeg({ quality: 90 }).toFile(file);
  return file;
}

const importFile = (file: string): ReturnType<PhotoLibrary['importPhoto']> => lib.importPhoto({ recapPath, imageDir: 'kcd', source: { path: file } });

describe('the JPEG header read without libvips', () => {
  it('refuses a JPEG whose frame header claims 400 megapixels, before decoding', async () => {
    const bytes = await fs.readFile(await jpeg('small.jpg', '#336699', { width: 64, height: 48 }));
    const sof = bytes.indexOf(Buffer.from([0xff, 0xc0]));
    expect(sof).toBeGreaterThan(0);
    bytes.writeUInt16BE(20000, sof + 5);
    bytes.writeUInt16BE(20000, sof + 7);
    const bomb = path.join(dir, 'camera', 'bomb.jpg');
    await fs.writeFile(bomb, bytes);
    expect(await refusal(importFile(bomb))).toBe('BAD_PHOTO: bomb.jpg is 400 megapixels; the limit is 100.');
    expect(await names()).toEqual([]);
  });

  it('still orients and measures a JPEG from its header (stored 300 × 200, turned 90°)', async () => {
    const { photo } = await importFile(await jpeg('turned.jpg', '#336699'));
    expect([photo.width, photo.height]).toEqual([200, 300]);
    const meta = await sharp(photo.localPath).metadata();
    expect([meta.width, meta.height, meta.orientation]).toEqual([200, 300, undefined]);
  });
});

describe('the folder as it is now, between photos of one library', () => {
  it('reuses a file the author copied into the folder after an earlier import', async () => {
    const red = await jpeg('red.jpg', '#cc0000');
    const blue = await jpeg('blue.jpg', '#0000cc');
    expect((await importFile(red)).reused).toBe(false);
    // The same photo made by another library, then copied in by hand under another name.
    const elsewhere = await createPhotoLibrary({ cacheDir: path.join(dir, 'cache2') }).importPhoto({ recapPath, imageDir: 'other', source: { path: blue } });
    await fs.copyFile(elsewhere.photo.localPath, path.join(folder(), 'by-hand.jpg'));
    const again = await importFile(blue);
    expect([again.reused, again.photo.name]).toEqual([true, 'by-hand.jpg']);
    expect(await names()).toEqual(['by-hand.jpg', 'red.jpg']);
  });

  it('writes a removed photo again instead of pointing at the file that is gone', async () => {
    const red = await jpeg('red.jpg', '#cc0000');
    await importFile(red);
    await lib.removePhoto({ recapPath, imageDir: 'kcd', name: 'red.jpg' });
    expect(await names()).toEqual([]);
    const again = await importFile(red);
    expect([again.reused, again.photo.name]).toEqual([false, 'red.jpg']);
    expect(await names()).toEqual(['red.jpg']);
  });

  it('never reuses a file whose bytes the author replaced since it was seen', async () => {
    const red = await jpeg('red.jpg', '#cc0000');
    const blue = await jpeg('blue.jpg', '#0000cc');
    const first = await importFile(red);
    const redBytes = await fs.readFile(first.photo.localPath);
    // Overwritten in place with other bytes: the folder's listing does not change.
    const other = await createPhotoLibrary({ cacheDir: path.join(dir, 'cache2') }).importPhoto({ recapPath, imageDir: 'other', source: { path: blue } });
    await fs.copyFile(other.photo.localPath, first.photo.localPath);
    const again = await importFile(red);
    expect([again.reused, again.photo.name]).toEqual([false, 'red-2.jpg']);
    expect((await fs.readFile(again.photo.localPath)).equals(redBytes)).toBe(true);
  });
});
