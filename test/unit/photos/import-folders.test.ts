// The image folder and the thumbnail cache are made by the import that first needs them, not by
// a mkdir before every photo: made when missing, made again when removed between two imports,
// and a folder that cannot be made is named in the error, as before.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPhotoLibrary } from '../../../electron/service/photos/photos';
import { refusal } from '../support/refusal';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'recap-import-folders-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function draft(): Promise<string> {
  const file = path.join(dir, 'drafts', 'kcd.md');
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, '---\ntitle: "KCD China"\n---\n\nIt was great.\n');
  return file;
}

async function jpeg(name: string, colour: string): Promise<string> {
  const file = path.join(dir, 'camera', name);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await sharp({ create: { width: 640, height: 480, channels: 3, background: colour } }).jpeg().toFile(file);
  return file;
}

const folder = (): string => path.join(dir, 'drafts', 'static', 'images', 'news', 'kcd');
const cache = (): string => path.join(dir, 'cache');
const thumbs = async (): Promise<string[]> => (await fs.readdir(path.join(cache(), 'thumbs'))).filter((n) => n.endsWith('.jpg'));

describe('importPhoto makes the folders it writes into', () => {
  it('makes the image folder and the thumbnail cache when missing, and again after both were removed', async () => {
    const recapPath = await draft();
    const library = createPhotoLibrary({ cacheDir: cache() });
    const first = await library.importPhoto({ recapPath, imageDir: 'kcd', source: { path: await jpeg('stage.jpg', '#cc3300') } });
    expect(await fs.readdir(folder())).toEqual(['stage.jpg']);
    expect(first.photo.thumbnail).not.toBeNull();
    expect(await thumbs()).toHaveLength(1);

    await fs.rm(folder(), { recursive: true });
    await fs.rm(cache(), { recursive: true });
    const second = await library.importPhoto({ recapPath, imageDir: 'kcd', source: { path: await jpeg('crowd.jpg', '#0033cc') } });
    expect(second.reused).toBe(false);
    expect(await fs.readdir(folder())).toEqual(['crowd.jpg']);
    expect(second.photo.thumbnail).not.toBeNull();
    expect(await thumbs()).toHaveLength(1);
    expect((await sharp(path.join(folder(), 'crowd.jpg')).metadata()).width).toBe(640);
  });

  it('names the image folder it cannot make, and leaves no file behind', async () => {
    const recapPath = await draft();
    // A file where the images folder should be.
    await fs.writeFile(path.join(dir, 'drafts', 'static'), 'not a folder');
    const library = createPhotoLibrary({ cacheDir: cache() });
    const error = await refusal(library.importPhoto({ recapPath, imageDir: 'kcd', source: { path: await jpeg('stage.jpg', '#cc3300') } }));
    expect(error).toMatch(/^SAVE_FAILED: Cannot create the image folder .*kcd/);
    expect(await fs.readFile(path.join(dir, 'drafts', 'static'), 'utf8')).toBe('not a folder');
  });
});
