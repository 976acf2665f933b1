// A PNG is decoded once (electron/service/photos/process.ts encodePng): the full-colour and the
// palette encodings, and the tray's thumbnail, start from the same decoded, oriented, resized
// pixels. The output is byte for byte what encoding the photo twice from its file gives (the
// smaller of the two PNGs), for colour, transparency, grey, 16-bit and a Display P3 profile.

import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PhotoSettings, SiteProfile } from '../../../electron/core/contract';
import { createPhotoLibrary } from '../../../electron/service/photos/photos';
import { processPhoto } from '../../../electron/service/photos/process';
import { loadProfile } from '../../../electron/service/site/profile';

const W = 1200;
const H = 750;
let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'recap-png-once-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Smooth gradients with some texture: neither a flat screenshot nor pure noise. */
function pixels(channels: number): Buffer {
  const b = Buffer.alloc(W * H * channels);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      for (let c = 0; c < channels; c++) {
        const alpha = channels % 2 === 0 && c === channels - 1;
        b[(y * W + x) * channels + c] = alpha ? (x * 255) / W : ((x + y * (c + 1) + ((x * y) % 7)) >> 3) & 255;
      }
    }
  }
  return b;
}

const raw = (channels: 1 | 2 | 3 | 4) => sharp(pixels(channels), { raw: { width: W, height: H, channels } });

const inputs: Array<[string, () => Promise<Buffer>]> = [
  ['colour', () => raw(3).png().toBuffer()],
  ['transparency', () => raw(4).png().toBuffer()],
  ['grey', () => raw(1).toColourspace('b-w').png().toBuffer()],
  ['16-bit', () => raw(3).toColourspace('rgb16').png().toBuffer()],
  ['Display P3', () => raw(3).withIccProfile('p3').png().toBuffer()],
];

/** The reference: each encoding from the file, as a clone of the pipeline does it. */
async function twice(bytes: Buffer, s: PhotoSettings): Promise<Buffer> {
  const from = () => {
    const p = sharp(bytes, { autoOrient: true }).resize({ width: s.maxEdge, height: s.maxEdge, fit: 'inside', withoutEnlargement: true });
    return s.keepMetadata ? p.keepMetadata().withIccProfile('srgb') : p;
  };
  const full = await from().png({ compressionLevel: 9, adaptiveFiltering: true }).toBuffer();
  const palette = await from().png({ palette: true, quality: s.quality, compressionLevel: 9 }).toBuffer();
  return palette.length < full.length ? palette : full;
}

describe('a PNG is decoded once', () => {
  // Resized (to 1000 px), as a photo is; smaller than a camera's so the test stays quick.
  const settings: PhotoSettings = { ...loadProfile().photos, maxEdge: 1000 };

  it.each(inputs)('%s: the same bytes as two encodings from the file, and the decoded pixels kept for the thumbnail', async (_name, make) => {
    const bytes = await make();
    const processed = await processPhoto({ name: 'shot.png', bytes }, settings);
    expect(processed.format).toBe('png');
    expect(Buffer.compare(processed.bytes, await twice(bytes, settings))).toBe(0);
    expect(processed.decoded?.raw).toMatchObject({ width: processed.width, height: processed.height });
    expect([processed.width, processed.height]).toEqual([1000, 625]);
    // Lossless full colour: what was encoded is exactly the pixels kept.
    const written = await sharp(processed.bytes).raw().toBuffer({ resolveWithObject: true });
    if (!(await sharp(processed.bytes).metadata()).isPalette) {
      expect(written.info.channels).toBe(processed.decoded!.raw.channels);
      expect(Buffer.compare(written.data, processed.decoded!.data)).toBe(0);
    }
  });

  it('keeps metadata on request as before (each encoding reads the file, which alone has it)', async () => {
    const keep = { ...settings, keepMetadata: true };
    const bytes = await raw(3).withIccProfile('p3').png().toBuffer();
    const processed = await processPhoto({ name: 'p3.png', bytes }, keep);
    expect(Buffer.compare(processed.bytes, await twice(bytes, keep))).toBe(0);
    expect((await sharp(processed.bytes).metadata()).icc).toBeDefined();
  });

  it('the import\'s thumbnail is made from those pixels: 320 px, transparency over white', async () => {
    const base = loadProfile();
    const profile: SiteProfile = { ...base, photos: settings };
    const lib = createPhotoLibrary({ cacheDir: path.join(dir, 'cache'), profileFor: () => profile });
    const recapPath = path.join(dir, 'drafts', 'kcd.md');
    await fs.mkdir(path.dirname(recapPath), { recursive: true });
    await fs.writeFile(recapPath, '---\ntitle: KCD\n---\n');
    const src = path.join(dir, 'logo.png');
    await raw(4).png().toFile(src);
    const result = await lib.importPhoto({ recapPath, imageDir: 'kcd', source: { path: src } });
    expect(result.photo).toMatchObject({ format: 'png', width: 1000, height: 625 });
    const thumb = await fs.readdir(path.join(dir, 'cache', 'thumbs'));
    expect(thumb).toHaveLength(1);
    const file = path.join(dir, 'cache', 'thumbs', thumb[0]!);
    expect(await sharp(file).metadata()).toMatchObject({ format: 'jpeg', width: 320, height: 200, channels: 3 });
    // The left edge is fully transparent in the photo: white in the thumbnail.
    const { data } = await sharp(file).extract({ left: 0, top: 100, width: 1, height: 1 }).raw().toBuffer({ resolveWithObject: true });
    expect([...data].every((v) => v > 245)).toBe(true);
  });
});
