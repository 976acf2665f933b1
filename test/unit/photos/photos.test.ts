import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import type { PhotoSettings, SiteProfile } from '../../../electron/core/contract';
import { createPhotoLibrary, insertPhotoMarkdown, sniffImageType, type PhotoLibrary } from '../../../electron/service/photos/photos';
import { loadProfile } from '../../../electron/service/site/profile';
import { refusal } from '../support/refusal';

let dir: string;
let cacheDir: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'recap-photos-'));
  cacheDir = path.join(dir, 'cache');
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function library(photos: Partial<PhotoSettings> = {}): PhotoLibrary {
  const base = loadProfile();
  const profile: SiteProfile = { ...base, photos: { ...base.photos, ...photos } };
  return createPhotoLibrary({ cacheDir, profileFor: () => profile });
}

/** A draft outside any site: its images go to <dir>/drafts/static/images/news/<imageDir>/. */
async function draft(body = '## Kubernetes Community Days China\n\nIt was great.\n'): Promise<string> {
  const file = path.join(dir, 'drafts', 'kcd.md');
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, `---\ntitle: "KCD China"\n---\n\n${body}`);
  return file;
}

const draftFolder = (imageDir = 'kcd'): string => path.join(dir, 'drafts', 'static', 'images', 'news', imageDir);


async function folderNames(folder: string): Promise<string[]> {
  return (await fs.readdir(folder).catch(() => [] as string[])).sort();
}

/**
 * A camera-like JPEG: left half red, right half blue, stored landscape with EXIF orientation,
 * camera serial, GPS position and XMP, like the photos authors bring back from an event.
 */
async function cameraJpeg(file: string, opts: { width?: number; height?: number; orientation?: number; colour?: string } = {}): Promise<string> {
  const width = opts.width ?? 1200;
  const height = opts.height ?? 800;
  const half = Math.floor(width / 2);
  const left = Buffer.from((opts.colour ?? '#ff0000').slice(1), 'hex');
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) pixels.set(x < half ? left : [0, 0, 255], (y * width + x) * 3);
  }
  const bytes = await sharp(pixels, { raw: { width, height, channels: 3 } })
    .withExif({
      IFD0: { Make: 'Canon', Model: 'EOS R5' },
      IFD2: { BodySerialNumber: 'SN-0123456789' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '39/1 54/1 20/1', GPSLongitudeRef: 'E', GPSLongitude: '116/1 23/1 30/1' },
    })
    .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:mwg-rs="http://www.metadataworkinggroup.com/schemas/regions/" mwg-rs:Name="Jane Doe"/></rdf:RDF></x:xmpmeta>')
    .withMetadata({ orientation: opts.orientation ?? 1 })
    .jpeg({ quality: 90 })
    .toBuffer();
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, bytes);
  return file;
}

/** The average colour of a region of an image, as [r, g, b]. */
async function colourAt(file: string, region: { left: number; top: number; width: number; height: number }): Promise<number[]> {
  // stats() reads its input, not the pipeline's result: extract to a buffer first.
  const part = await sharp(file).extract(region).png().toBuffer();
  const { channels } = await sharp(part).stats();
  return channels.slice(0, 3).map((c) => Math.round(c.mean));
}

/** CRC-32 as PNG chunks need it. */
function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

/** A 60-byte PNG whose header claims width × height pixels: a decompression-bomb stand-in. */
function pngHeaderClaiming(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), chunk('IHDR', ihdr), chunk('IDAT', Buffer.alloc(0)), chunk('IEND', Buffer.alloc(0))]);
}

describe('importPhoto: web-ready output', () => {
  it('applies EXIF orientation 6: a landscape file comes out portrait, turned the right way', async () => {
    const recapPath = await draft();
    const src = await cameraJpeg(path.join(dir, 'camera', 'IMG_2041.JPG'), { orientation: 6 });
    const { photo } = await library().importPhoto({ recapPath, imageDir: 'kcd', source: { path: src } });
    expect([photo.width, photo.height]).toEqual([800, 1200]);
    const meta = await sharp(photo.localPath).metadata();
    expect([meta.width, meta.height, meta.orientation]).toEqual([800, 1200, undefined]);
    // Turned 90° clockwise: the file's left (red) half is now on top, the blue half below.
    const [top, bottom] = await Promise.all([
      colourAt(photo.localPath, { left: 100, top: 100, width: 600, height: 300 }),
      colourAt(photo.localPath, { left: 100, top: 800, width: 600, height: 300 }),
    ]);
    expect(top[0]).toBeGreaterThan(200);
    expect(top[2]).toBeLessThan(50);
    expect(bottom[2]).toBeGreaterThan(200);
    expect(bottom[0]).toBeLessThan(50);
  });

  it('strips GPS, serial numbers, XMP face regions and the ICC profile', async () => {
    const recapPath = await draft();
    const src = await cameraJpeg(path.join(dir, 'camera', 'stage.jpg'), { orientation: 6 });
    const before = await sharp(src).metadata();
    // The test photo really carries what must not leak.
    expect(before.exif?.toString('latin1')).toContain('SN-0123456789');
    expect(before.xmpAsString).toContain('Jane Doe');
    expect(before.icc).toBeDefined();
    const { photo } = await library().importPhoto({ recapPath, imageDir: 'kcd', source: { path: src } });
    const after = await sharp(photo.localPath).metadata();
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.iptc).toBeUndefined();
    expect(after.icc).toBeUndefined();
    const raw = (await fs.readFile(photo.localPath)).toString('latin1');
    for (const leak of ['SN-0123456789', 'Canon', 'Jane Doe', 'GPS']) expect(raw).not.toContain(leak);
  });

  it('keeps EXIF only when the profile says keepMetadata, still oriented', async () => {
    const recapPath = await draft();
    const src = await cameraJpeg(path.join(dir, 'camera', 'keep.jpg'), { orientation: 6 });
    const { photo } = await library({ keepMetadata: true }).importPhoto({ recapPath, imageDir: 'kcd', source: { path: src } });
    const after = await sharp(photo.localPath).metadata();
    expect(after.exif?.toString('latin1')).toContain('SN-0123456789');
    expect([after.width, after.height]).toEqual([800, 1200]);
    expect(after.orientation ?? 1).toBe(1);
  });

  it('scales the long edge down to the profile maximum and never enlarges', async () => {
    const recapPath = await draft();
    const big = await cameraJpeg(path.join(dir, 'camera', 'wide.jpg'), { width: 2400, height: 1200 });
    const small = await cameraJpeg(path.join(dir, 'camera', 'small.jpg'), { width: 640, height: 480, colour: '#00ff00' });
    const lib = library();
    const a = await lib.importPhoto({ recapPath, imageDir: 'kcd', source: { path: big } });
    const b = await lib.importPhoto({ recapPath, imageDir: 'kcd', source: { path: small } });
    expect([a.photo.width, a.photo.height]).toEqual([2000, 1000]);
    expect([b.photo.width, b.photo.height]).toEqual([640, 480]);
    const meta = await sharp(a.photo.localPath).metadata();
    expect([meta.width, meta.height, meta.format]).toEqual([2000, 1000, 'jpeg']);
    const c = await library({ maxEdge: 500 }).importPhoto({ recapPath, imageDir: 'other', source: { path: big } });
    expect([c.photo.width, c.photo.height]).toEqual([500, 250]);
  });

  it('keeps a PNG screenshot a PNG, palette-quantised when that is smaller', async () => {
    const recapPath = await draft();
    const src = path.join(dir, 'Screenshot 2024-05-01 at 10.22.33.png');
    await sharp({ create: { width: 800, height: 600, channels: 3, background: '#f0f0f0' } })
      .composite([{ input: { create: { width: 300, height: 40, channels: 3, background: '#1a73e8' } }, left: 20, top: 20 }])
      .png({ compressionLevel: 0 })
      .toFile(src);
    const result = await library().importPhoto({ recapPath, imageDir: 'kcd', source: { path: src } });
    expect(result.photo.name).toBe('screenshot-2024-05-01-at-10-22-33.png');
    expect(result.alt).toBe('Screenshot');
    const meta = await sharp(result.photo.localPath).metadata();
    expect(meta.format).toBe('png');
    expect(meta.isPalette).toBe(true);
    expect(result.photo.bytes).toBeLessThan((await fs.stat(src)).size);
  });

  it('turns WebP into JPEG (and a transparent WebP into PNG), or keeps WebP when the profile says so', async () => {
    const recapPath = await draft();
    const webp = path.join(dir, 'booth.webp');
    await sharp({ create: { width: 400, height: 300, channels: 3, background: '#884422' } }).webp().toFile(webp);
    const clear = path.join(dir, 'logo.webp');
    await sharp({ create: { width: 200, height: 100, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).webp().toFile(clear);
    const lib = library();
    const a = await lib.importPhoto({ recapPath, imageDir: 'kcd', source: { path: webp } });
    expect(a.photo.name).toBe('booth.jpg');
    expect((await sharp(a.photo.localPath).metadata()).format).toBe('jpeg');
    const b = await lib.importPhoto({ recapPath, imageDir: 'kcd', source: { path: clear } });
    expect(b.photo.name).toBe('logo.png');
    const c = await library({ convertTo: 'keep' }).importPhoto({ recapPath, imageDir: 'keep', source: { path: webp } });
    expect(c.photo.name).toBe('booth.webp');
    expect((await sharp(c.photo.localPath).metadata()).format).toBe('webp');
  });

  it('keeps a GIF a GIF', async () => {
    const recapPath = await draft();
    const gif = path.join(dir, 'badge.gif');
    await sharp({ create: { width: 120, height: 80, channels: 3, background: '#22aa22' } }).gif().toFile(gif);
    const { photo } = await library().importPhoto({ recapPath, imageDir: 'kcd', source: { path: gif } });
    expect(photo.name).toBe('badge.gif');
    expect(photo.format).toBe('gif');
  });

  it('accepts bytes (browser mode) and writes the thumbnail to the cache, never into the site', async () => {
    const recapPath = await draft();
    const bytes = await fs.readFile(await cameraJpeg(path.join(dir, 'x', 'panel.jpg'), { width: 1600, height: 900 }));
    const { photo, alt, markdown } = await library().importPhoto({
      recapPath,
      imageDir: 'kcd',
      source: { name: 'Panel Session.jpg', dataBase64: bytes.toString('base64') },
    });
    expect(photo.name).toBe('panel-session.jpg');
    expect(alt).toBe('Panel Session');
    expect(markdown).toBe('![Panel Session](/images/news/kcd/panel-session.jpg)');
    expect(photo.thumbnail).toMatch(/^file:/);
    const thumb = fileURLToPath(photo.thumbnail ?? '');
    expect(thumb.startsWith(path.join(cacheDir, 'thumbs') + path.sep)).toBe(true);
    const meta = await sharp(thumb).metadata();
    expect(Math.max(meta.width, meta.height)).toBe(320);
    expect(await folderNames(draftFolder())).toEqual(['panel-session.jpg']);
  });

  it('never modifies the author\'s original file', async () => {
    const recapPath = await draft();
    const src = await cameraJpeg(path.join(dir, 'camera', 'IMG_1.jpg'), { orientation: 6 });
    const old = new Date('2021-11-02T10:00:00Z');
    await fs.utimes(src, old, old);
    const [bytes, stat] = [await fs.readFile(src), await fs.stat(src)];
    await library().importPhoto({ recapPath, imageDir: 'kcd', source: { path: src } });
    expect((await fs.readFile(src)).equals(bytes)).toBe(true);
    expect((await fs.stat(src)).mtimeMs).toBe(stat.mtimeMs);
    expect(await folderNames(path.dirname(src))).toEqual(['IMG_1.jpg']);
  });
});

describe('importPhoto: place, names and duplicates', () => {
  it('writes into the Hugo site of a recap at content/en/news/', async () => {
    const recapPath = path.join(dir, 'site', 'content', 'en', 'news', 'kcd.md');
    await fs.mkdir(path.dirname(recapPath), { recursive: true });
    await fs.writeFile(recapPath, '---\ntitle: KCD\n---\n');
    const src = await cameraJpeg(path.join(dir, 'camera', 'KCD China Event.jpg'));
    const { photo, markdown } = await library().importPhoto({ recapPath, imageDir: 'kcd-china', source: { path: src } });
    expect(photo.localPath).toBe(path.join(dir, 'site', 'static', 'images', 'news', 'kcd-china', 'kcd-china-event.jpg'));
    expect(photo.url).toBe('/images/news/kcd-china/kcd-china-event.jpg');
    expect(markdown).toBe('![KCD China Event](/images/news/kcd-china/kcd-china-event.jpg)');
    await fs.access(photo.localPath);
  });

  it('writes beside a draft outside any site, in the same layout', async () => {
    const recapPath = await draft();
    const src = await cameraJpeg(path.join(dir, 'camera', 'a.jpg'));
    const { photo } = await library().importPhoto({ recapPath, imageDir: 'kcd-china', source: { path: src } });
    expect(photo.localPath).toBe(path.join(draftFolder('kcd-china'), 'a.jpg'));
  });

  it('reuses the file when the same photo is imported twice, even under another name', async () => {
    const recapPath = await draft();
    const src = await cameraJpeg(path.join(dir, 'camera', 'stage.jpg'));
    const copy = path.join(dir, 'camera', 'stage copy.jpg');
    await fs.copyFile(src, copy);
    const lib = library();
    const first = await lib.importPhoto({ recapPath, imageDir: 'kcd', source: { path: src } });
    const second = await lib.importPhoto({ recapPath, imageDir: 'kcd', source: { path: src } });
    const third = await createPhotoLibrary({ cacheDir }).importPhoto({ recapPath, imageDir: 'kcd', source: { path: copy } });
    expect([first.reused, second.reused, third.reused]).toEqual([false, true, true]);
    expect(second.photo.name).toBe('stage.jpg');
    expect(third.photo.url).toBe(first.photo.url);
    expect(await folderNames(draftFolder())).toEqual(['stage.jpg']);
  });

  it('gives a new name to a different photo with the same name, never overwriting', async () => {
    const recapPath = await draft();
    const a = await cameraJpeg(path.join(dir, 'day1', 'stage.jpg'), { colour: '#ff0000' });
    const b = await cameraJpeg(path.join(dir, 'day2', 'stage.jpg'), { colour: '#00ff00' });
    const lib = library();
    const first = await lib.importPhoto({ recapPath, imageDir: 'kcd', source: { path: a } });
    const before = await fs.readFile(first.photo.localPath);
    const second = await lib.importPhoto({ recapPath, imageDir: 'kcd', source: { path: b } });
    expect(second.reused).toBe(false);
    expect(second.photo.name).toBe('stage-2.jpg');
    expect((await fs.readFile(first.photo.localPath)).equals(before)).toBe(true);
    expect(await folderNames(draftFolder())).toEqual(['stage-2.jpg', 'stage.jpg']);
  });

  it('keeps names unique when photos are imported at the same time', async () => {
    const recapPath = await draft();
    const sources = await Promise.all(['#ff0000', '#00ff00', '#0000ff', '#ffff00'].map((c, i) => cameraJpeg(path.join(dir, `d${i}`, 'same.jpg'), { width: 300, height: 200, colour: c })));
    const lib = library();
    const results = await Promise.all(sources.map((p) => lib.importPhoto({ recapPath, imageDir: 'kcd', source: { path: p } })));
    expect(results.map((r) => r.photo.name).sort()).toEqual(['same-2.jpg', 'same-3.jpg', 'same-4.jpg', 'same.jpg']);
  });

  it('refuses an image folder name that leaves the images folder', async () => {
    const recapPath = await draft();
    const src = await cameraJpeg(path.join(dir, 'camera', 'a.jpg'), { width: 100, height: 100 });
    expect(await refusal(library().importPhoto({ recapPath, imageDir: '../../escape', source: { path: src } }))).toMatch(/^BAD_REQUEST: /);
    expect(await folderNames(path.join(dir, 'drafts'))).toEqual(['kcd.md']);
  });
});

describe('importPhoto: bad files, each with its own message', () => {
  async function attempt(lib: PhotoLibrary, file: string): Promise<string> {
    const recapPath = await draft();
    const message = await refusal(lib.importPhoto({ recapPath, imageDir: 'kcd', source: { path: file } }));
    // Nothing was written for a refused file.
    expect(await folderNames(draftFolder())).toEqual([]);
    return message;
  }

  it('a text file renamed .jpg', async () => {
    const file = path.join(dir, 'IMG_1.jpg');
    await fs.writeFile(file, 'These are my notes from the keynote.\n');
    expect(await attempt(library(), file)).toBe('BAD_PHOTO: IMG_1.jpg is not an image (it looks like text).');
  });

  it('a truncated JPEG', async () => {
    const whole = await fs.readFile(await cameraJpeg(path.join(dir, 'camera', 'whole.jpg'), { width: 600, height: 400 }));
    const file = path.join(dir, 'broken.jpg');
    await fs.writeFile(file, whole.subarray(0, Math.floor(whole.length * 0.6)));
    expect(await attempt(library(), file)).toBe('BAD_PHOTO: broken.jpg is damaged or truncated and cannot be read.');
  });

  it('a truncated JPEG right after its whole self was imported: nothing of the earlier photo is read with it', async () => {
    const whole = await cameraJpeg(path.join(dir, 'camera', 'whole.jpg'), { width: 900, height: 600 });
    const recapPath = await draft();
    // The whole photo is read into a buffer that the next photo's bytes then reuse.
    await library().importPhoto({ recapPath, imageDir: 'first', source: { path: whole } });
    const file = path.join(dir, 'broken.jpg');
    await fs.writeFile(file, (await fs.readFile(whole)).subarray(0, 4000));
    expect(await attempt(library(), file)).toBe('BAD_PHOTO: broken.jpg is damaged or truncated and cannot be read.');
  });

  it('an empty file', async () => {
    const file = path.join(dir, 'empty.jpg');
    await fs.writeFile(file, '');
    expect(await attempt(library(), file)).toBe('BAD_PHOTO: empty.jpg is empty (0 bytes).');
  });

  it('a folder and a path that does not exist', async () => {
    await fs.mkdir(path.join(dir, 'album.jpg'));
    expect(await attempt(library(), path.join(dir, 'album.jpg'))).toBe('BAD_PHOTO: album.jpg is a folder, not a photo.');
    expect(await attempt(library(), path.join(dir, 'gone.jpg'))).toBe('BAD_PHOTO: gone.jpg cannot be read: the file or folder does not exist.');
  });

  it('a path that cannot be read (a file used as a folder)', async () => {
    const file = await cameraJpeg(path.join(dir, 'camera', 'a.jpg'), { width: 100, height: 100 });
    expect(await attempt(library(), path.join(file, 'b.jpg'))).toBe('BAD_PHOTO: b.jpg cannot be read: a part of the path is not a folder.');
  });

  it.skipIf(process.getuid?.() === 0)('a file without read permission', async () => {
    const file = await cameraJpeg(path.join(dir, 'camera', 'locked.jpg'), { width: 100, height: 100 });
    await fs.chmod(file, 0o000);
    expect(await attempt(library(), file)).toBe('BAD_PHOTO: locked.jpg cannot be read: permission denied.');
  });

  it('a decompression bomb: refused from its header, before decoding', async () => {
    const file = path.join(dir, 'huge.png');
    await fs.writeFile(file, pngHeaderClaiming(20000, 20000));
    // Were it decoded, the empty pixel data would make it "damaged"; the header check comes first.
    expect(await attempt(library(), file)).toBe('BAD_PHOTO: huge.png is 400 megapixels; the limit is 100.');
  });

  it('a real photo over a small pixel limit', async () => {
    const file = await cameraJpeg(path.join(dir, 'camera', 'wide.jpg'), { width: 400, height: 300 });
    expect(await attempt(library({ maxInputPixels: 100_000 }), file)).toBe('BAD_PHOTO: wide.jpg is 0.12 megapixels; the limit is 0.1.');
  });

  it('a file over the size limit, from a path or as bytes', async () => {
    const file = await cameraJpeg(path.join(dir, 'camera', 'heavy.jpg'), { width: 400, height: 300 });
    const lib = library({ maxInputBytes: 1024 });
    expect(await attempt(lib, file)).toMatch(/^BAD_PHOTO: heavy\.jpg is 0\.\d\d MB; the limit is 0\.00 MB\.$/);
    const recapPath = await draft();
    const data = (await fs.readFile(file)).toString('base64');
    expect(await refusal(lib.importPhoto({ recapPath, imageDir: 'kcd', source: { name: 'heavy.jpg', dataBase64: data } }))).toMatch(/^BAD_PHOTO: heavy\.jpg is .* MB; the limit is/);
  });

  it('an SVG, with the reason', async () => {
    const file = path.join(dir, 'logo.svg');
    await fs.writeFile(file, '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>\n');
    expect(await attempt(library(), file)).toBe('BAD_PHOTO: logo.svg is an SVG drawing and was not imported: SVG files can contain scripts; export it as PNG or JPEG first.');
    // Named .png, it is still an SVG.
    const disguised = path.join(dir, 'logo.png');
    await fs.copyFile(file, disguised);
    expect(await attempt(library(), disguised)).toMatch(/^BAD_PHOTO: logo\.png is an SVG drawing/);
  });

  it('binary junk', async () => {
    const file = path.join(dir, 'junk.jpg');
    await fs.writeFile(file, Buffer.from([0, 1, 2, 3, 250, 251, 252, 0, 0, 7]));
    expect(await attempt(library(), file)).toBe('BAD_PHOTO: junk.jpg is not an image Recap Studio can read (unknown file type).');
  });

  it('recognises types from bytes, not names', () => {
    expect(sniffImageType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(sniffImageType(pngHeaderClaiming(1, 1))).toBe('png');
    expect(sniffImageType(Buffer.from('\uFEFF  <svg viewBox="0 0 1 1"></svg>'))).toBe('svg');
    expect(sniffImageType(Buffer.from('hello'))).toBe('text');
  });
});

describe('the photo tray', () => {
  it('lists the folder\'s images by name with size, dimensions and thumbnails', async () => {
    const recapPath = await draft();
    const lib = library();
    for (const [name, w, c] of [['b-10.jpg', 300, '#ff0000'], ['b-9.jpg', 200, '#00ff00'], ['a.jpg', 100, '#0000ff']] as const) {
      await lib.importPhoto({ recapPath, imageDir: 'kcd', source: { path: await cameraJpeg(path.join(dir, 'c', name), { width: w, height: 100, colour: c }) } });
    }
    await fs.writeFile(path.join(draftFolder(), 'notes.txt'), 'not a photo');
    const photos = await lib.listPhotos({ recapPath, imageDir: 'kcd' });
    expect(photos.map((p) => [p.name, p.width, p.height, p.format])).toEqual([
      ['a.jpg', 100, 100, 'jpeg'],
      ['b-9.jpg', 200, 100, 'jpeg'],
      ['b-10.jpg', 300, 100, 'jpeg'],
    ]);
    for (const p of photos) {
      expect(p.bytes).toBe((await fs.stat(p.localPath)).size);
      await fs.access(fileURLToPath(p.thumbnail ?? 'file:///missing'));
    }
    expect(await lib.listPhotos({ recapPath, imageDir: 'nothing-yet' })).toEqual([]);
  });

  it('removes a photo to the trash and restores it (undo)', async () => {
    const recapPath = await draft();
    const lib = library();
    const { photo } = await lib.importPhoto({ recapPath, imageDir: 'kcd', source: { path: await cameraJpeg(path.join(dir, 'c', 'stage.jpg')) } });
    const bytes = await fs.readFile(photo.localPath);
    const { trashId } = await lib.removePhoto({ recapPath, imageDir: 'kcd', name: 'stage.jpg' });
    expect(await folderNames(draftFolder())).toEqual([]);
    const back = await lib.restorePhoto({ recapPath, imageDir: 'kcd', trashId });
    expect(back.name).toBe('stage.jpg');
    expect((await fs.readFile(photo.localPath)).equals(bytes)).toBe(true);
    expect(await refusal(lib.restorePhoto({ recapPath, imageDir: 'kcd', trashId }))).toMatch(/^NOT_FOUND: /);
  });

  it('does not restore over a different file that took the name', async () => {
    const recapPath = await draft();
    const lib = library();
    await lib.importPhoto({ recapPath, imageDir: 'kcd', source: { path: await cameraJpeg(path.join(dir, 'a', 'stage.jpg'), { colour: '#ff0000' }) } });
    const { trashId } = await lib.removePhoto({ recapPath, imageDir: 'kcd', name: 'stage.jpg' });
    const other = await lib.importPhoto({ recapPath, imageDir: 'kcd', source: { path: await cameraJpeg(path.join(dir, 'b', 'stage.jpg'), { colour: '#00ff00' }) } });
    const otherBytes = await fs.readFile(other.photo.localPath);
    expect(await refusal(lib.restorePhoto({ recapPath, imageDir: 'kcd', trashId }))).toMatch(/^EXISTS: Cannot restore stage\.jpg/);
    expect((await fs.readFile(other.photo.localPath)).equals(otherBytes)).toBe(true);
  });

  it('refuses names that are not plain files of the folder', async () => {
    const recapPath = await draft();
    await fs.writeFile(path.join(dir, 'drafts', 'secret.jpg'), 'x');
    const lib = library();
    for (const name of ['../secret.jpg', '../../drafts/kcd.md', '.', '..', 'a/b.jpg', '']) {
      expect(await refusal(lib.removePhoto({ recapPath, imageDir: 'kcd', name }))).toMatch(/^BAD_REQUEST: /);
    }
    expect(await refusal(lib.removePhoto({ recapPath, imageDir: 'kcd', name: 'missing.jpg' }))).toMatch(/^NOT_FOUND: /);
    expect(await refusal(lib.restorePhoto({ recapPath, imageDir: 'kcd', trashId: '../../etc' }))).toMatch(/^BAD_REQUEST: /);
    await fs.access(path.join(dir, 'drafts', 'secret.jpg'));
  });

  it('replaces a photo under the same name, or a new one when the format changes', async () => {
    const recapPath = await draft();
    const lib = library();
    const first = await lib.importPhoto({ recapPath, imageDir: 'kcd', source: { path: await cameraJpeg(path.join(dir, 'a', 'stage.jpg'), { colour: '#ff0000' }) } });
    const before = await fs.readFile(first.photo.localPath);
    const same = await lib.replacePhoto({ recapPath, imageDir: 'kcd', name: 'stage.jpg', source: { path: await cameraJpeg(path.join(dir, 'b', 'better.jpg'), { colour: '#00ff00' }) } });
    expect(same.name).toBe('stage.jpg');
    expect((await fs.readFile(first.photo.localPath)).equals(before)).toBe(false);
    const png = path.join(dir, 'b', 'shot.png');
    await sharp({ create: { width: 50, height: 50, channels: 3, background: '#123456' } }).png().toFile(png);
    const other = await lib.replacePhoto({ recapPath, imageDir: 'kcd', name: 'stage.jpg', source: { path: png } });
    expect(other.name).toBe('stage.png');
    expect(other.url).toBe('/images/news/kcd/stage.png');
  });
});

describe('addPhotosToRecap (CLI recap add-photos)', () => {
  it('imports the batch, goes on after a bad file, and links the photos under ## Photos', async () => {
    const recapPath = await draft('## Kubernetes Community Days China\n\n![kcd](/images/news/kcd-china/kcd-china-event.png)\n\n## Photos\n\nSome pictures.\n\n## Thanks\n\nTo all.\n');
    const good1 = await cameraJpeg(path.join(dir, 'c', 'IMG_1 keynote.jpg'), { width: 300, height: 200, colour: '#ff0000' });
    const bad = path.join(dir, 'c', 'notes.jpg');
    await fs.writeFile(bad, 'just text');
    const good2 = await cameraJpeg(path.join(dir, 'c', 'IMG_2.jpg'), { width: 300, height: 200, colour: '#00ff00' });
    const lib = library();
    const result = await lib.addPhotosToRecap(recapPath, [good1, bad, good2]);
    expect(result.imported.map((r) => r.photo.url)).toEqual(['/images/news/kcd-china/img-1-keynote.jpg', '/images/news/kcd-china/img-2.jpg']);
    expect(result.refused).toEqual([{ source: bad, message: 'notes.jpg is not an image (it looks like text).', msg: { key: 'error.photo.isText', params: { name: 'notes.jpg' } } }]);
    expect(await fs.readFile(recapPath, 'utf8')).toBe(
      '---\ntitle: "KCD China"\n---\n\n## Kubernetes Community Days China\n\n![kcd](/images/news/kcd-china/kcd-china-event.png)\n\n## Photos\n\nSome pictures.\n\n' +
        '![keynote](/images/news/kcd-china/img-1-keynote.jpg)\n\n![Event photo](/images/news/kcd-china/img-2.jpg)\n\n## Thanks\n\nTo all.\n',
    );
    // Again: the files are reused and no second link is added.
    const again = await lib.addPhotosToRecap(recapPath, [good1]);
    expect(again.imported[0]?.reused).toBe(true);
    expect((await fs.readFile(recapPath, 'utf8')).match(/keynote\.jpg/g)).toHaveLength(1);
  });

  it('appends at the end without a Photos section, with the given image folder and alts, keeping CRLF', async () => {
    const file = path.join(dir, 'drafts', 'kcd.md');
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, '---\r\ntitle: KCD\r\n---\r\n\r\nIntro.\r\n\r\n');
    const src = await cameraJpeg(path.join(dir, 'c', 'a.jpg'), { width: 120, height: 80 });
    await library().addPhotosToRecap(file, [src], { imageDir: 'kcd-2021', alts: ['The [main] hall'] });
    expect(await fs.readFile(file, 'utf8')).toBe('---\r\ntitle: KCD\r\n---\r\n\r\nIntro.\r\n\r\n![The \\[main\\] hall](/images/news/kcd-2021/a.jpg)\r\n');
    await fs.access(path.join(draftFolder('kcd-2021'), 'a.jpg'));
  });

  it('does not touch the recap when every file is refused', async () => {
    const recapPath = await draft();
    const before = await fs.readFile(recapPath, 'utf8');
    const result = await library().addPhotosToRecap(recapPath, [path.join(dir, 'nope.jpg')]);
    expect(result.imported).toEqual([]);
    expect(result.refused).toHaveLength(1);
    expect(await fs.readFile(recapPath, 'utf8')).toBe(before);
  });

  it('inserts after the last line of the Photos section, outside code fences', () => {
    expect(insertPhotoMarkdown('## Photos\n\n```\n## Not a heading\n```\n\nText.\n', ['![a](/a.jpg)'])).toBe('## Photos\n\n```\n## Not a heading\n```\n\nText.\n\n![a](/a.jpg)\n');
    expect(insertPhotoMarkdown('', ['![a](/a.jpg)', '![b](/b.jpg)'])).toBe('![a](/a.jpg)\n\n![b](/b.jpg)\n');
  });
});
