// Duplicate (the home screen's) of a post opened from a site: the copy is a draft with its own
// photos, and its text links them where the copy keeps them — a Jekyll post's
// /assets/images/… and a page bundle's ./photo.jpg alike — so the copy shows no missing image
// while its tray holds the photo, and the original post is left as it was.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { writeText } from '../support/site-fixture';
import { serviceInTempDir } from '../support/temp-service';

const temp = serviceInTempDir('duplicate-post');

async function jpeg(file: string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c2410c' } }).jpeg().toFile(file);
}

/** Opens the post, duplicates it, and answers the copy as the editor finds it: text, problems, tray. */
async function duplicated(post: string) {
  const service = temp.service();
  const before = await fs.readFile(post);
  const opened = await service.openRecap({ path: post });
  const copy = await service.duplicateDraft({ id: opened.draft.id });
  const { text, draft } = await service.openDraft({ id: copy.id });
  const folder = await service.photoFolder({ recapPath: draft.recapPath, text });
  const tray = await service.listPhotos({ recapPath: draft.recapPath, imageDir: folder.imageDir });
  const problems = await service.lintRecap({ path: draft.recapPath, text });
  expect(await fs.readFile(post)).toEqual(before);
  return { text, folder, tray: tray.map((p) => p.url), errors: problems.filter((p) => p.severity === 'error').map((p) => p.message) };
}

describe('a copy of a post keeps its photos linked', () => {
  it("Jekyll: the body's link and the cover field name the copy's own photo folder; no missing image, the tray shows the photo", async () => {
    const site = path.join(temp.dir(), 'jekyll');
    await writeText(path.join(site, '_config.yml'), 'title: Meetups\n');
    const post = await writeText(path.join(site, '_posts', '2026-03-02-spring.md'), '---\nlayout: post\ntitle: Spring meetup\ndate: 2026-03-02\nimage: /assets/images/2026-03-02-spring/crowd.jpg\n---\n\n![The crowd](/assets/images/2026-03-02-spring/crowd.jpg "Hall B")\n\n![Logo](/assets/images/shared/logo.jpg)\n');
    await jpeg(path.join(site, 'assets', 'images', '2026-03-02-spring', 'crowd.jpg'));
    await jpeg(path.join(site, 'assets', 'images', 'shared', 'logo.jpg'));
    const copy = await duplicated(post);
    const url = `${copy.folder.url}/crowd.jpg`;
    expect(url).toBe('/images/news/2026-03-02-spring/crowd.jpg');
    expect(copy.text).toBe(`---\nlayout: post\ntitle: Spring meetup (copy)\ndate: 2026-03-02\nimage: ${url}\n---\n\n![The crowd](${url} "Hall B")\n\n![Logo](/assets/images/shared/logo.jpg)\n`);
    expect(copy.tray).toEqual([url]);
    // The shared logo was not the post's own photo: not copied, and found where the site keeps it (the copy is a draft for that site).
    expect(copy.errors).toEqual([]);
  });

  it("a Hugo page bundle: the copy's ./photo links follow the photo into the copy's folder", async () => {
    const site = path.join(temp.dir(), 'bundles');
    await writeText(path.join(site, 'hugo.toml'), 'title = "Blog"\n');
    const post = await writeText(path.join(site, 'content', 'posts', 'kcd', 'index.md'), '---\ntitle: KCD\ndate: 2026-05-01\n---\n\n![Stage](./stage.jpg)\n');
    await jpeg(path.join(site, 'content', 'posts', 'kcd', 'stage.jpg'));
    const copy = await duplicated(post);
    expect(copy.text).toContain(`![Stage](${copy.folder.url}/stage.jpg)`);
    expect(copy.tray).toEqual([`${copy.folder.url}/stage.jpg`]);
    expect(copy.errors).toEqual([]);
  });

  it("a post whose site keeps photos as a draft does (the reference's Hugo news layout): the copy's links are the original's", async () => {
    const site = path.join(temp.dir(), 'news');
    await writeText(path.join(site, 'hugo.toml'), 'title = "News"\n');
    const text = '---\ntitle: "KCD"\ndescription: "Recap"\ncreateTime: "2026-05-01"\nauthor: "Jane"\nkeywords: ["kcd"]\n---\n\n![Hall](/images/news/kcd/hall.jpg)\n';
    const post = await writeText(path.join(site, 'content', 'en', 'news', 'kcd.md'), text);
    await jpeg(path.join(site, 'static', 'images', 'news', 'kcd', 'hall.jpg'));
    const copy = await duplicated(post);
    expect(copy.text).toBe(text.replace('title: "KCD"', 'title: "KCD (copy)"'));
    expect(copy.tray).toEqual(['/images/news/kcd/hall.jpg']);
    expect(copy.errors).toEqual([]);
  });
});
