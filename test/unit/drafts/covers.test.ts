// The home screen's cover of a draft whose site names its covers in Hugo's `images` list (the
// cover field site-rules finds for such sites): the list's first image, resolved under the same
// containment as every other link of the recap, on real files in a temp site.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecapService, type RecapService } from '../../../electron/service/service';
import { tempDir } from '../support/site-fixture';
import { photo, put } from '../site/other-sites';

let tmp: string;
let service: RecapService;

beforeEach(async () => {
  tmp = await tempDir('covers');
  service = createRecapService({ home: path.join(tmp, 'data'), cacheDir: path.join(tmp, 'cache') });
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

/** A Hugo news site whose posts name their cover in `images`; the post's photo folder holds a-hall.png (first by name) and cover.png. */
async function imagesListSite(images: string, format: 'yaml' | 'toml' = 'yaml'): Promise<string> {
  const root = path.join(tmp, 'site');
  await put(root, 'hugo.toml', 'title = "News"\n');
  await put(root, 'content/en/news/older.md', '---\ntitle: "Older"\ncreateTime: 2020-01-01\nimages: ["/images/news/older/x.png"]\n---\n\nText.\n');
  const fm = format === 'yaml' ? `---\ntitle: "KCD"\ncreateTime: 2021-11-02\nimages: ${images}\n---\n` : `+++\ntitle = "KCD"\ncreateTime = "2021-11-02"\nimages = ${images}\n+++\n`;
  const post = await put(root, 'content/en/news/kcd.md', `${fm}\n![Hall](/images/news/kcd/a-hall.png)\n`);
  await photo(path.join(root, 'static/images/news/kcd/a-hall.png'), 1);
  await photo(path.join(root, 'static/images/news/kcd/cover.png'), 2, 120, 80);
  return post;
}

async function cardOf(post: string): Promise<{ coverPath: string | null; thumb: string | null }> {
  const opened = await service.openRecap({ path: post });
  const card = (await service.homeData({})).drafts.find((d) => d.id === opened.draft.id);
  // The service answers the thumbnail as the URL the page loads (a file: URL here).
  const url = await service.coverThumbnail({ id: opened.draft.id });
  return { coverPath: card?.coverPath ?? null, thumb: url === null ? null : fileURLToPath(url) };
}

describe("a draft whose cover is the first of Hugo's images list", () => {
  for (const format of ['yaml', 'toml'] as const) {
    it(`shows that image on its card and thumbnails it (${format})`, async () => {
      const post = await imagesListSite('["/images/news/kcd/cover.png", "/images/news/kcd/a-hall.png"]', format);
      const { coverPath, thumb } = await cardOf(post);
      expect(coverPath).toBe(path.join(tmp, 'site/static/images/news/kcd/cover.png'));
      // The thumbnail is the cover's (120×80), not the folder's first photo (96×64).
      expect(thumb).not.toBeNull();
      const meta = await sharp(thumb ?? '').metadata();
      expect([meta.width, meta.height]).toEqual([120, 80]);
    });
  }

  it('a first image that leads out of the recap\'s folders is never used: the folder\'s first photo is the cover', async () => {
    await photo(path.join(tmp, 'secret.png'), 9);
    const post = await imagesListSite('["../../../../secret.png", "/images/news/kcd/cover.png"]');
    expect((await cardOf(post)).coverPath).toBe(path.join(tmp, 'site/static/images/news/kcd/a-hall.png'));
  });

  it('an empty list gives the folder\'s first photo', async () => {
    const post = await imagesListSite('[]');
    expect((await cardOf(post)).coverPath).toBe(path.join(tmp, 'site/static/images/news/kcd/a-hall.png'));
  });
});
