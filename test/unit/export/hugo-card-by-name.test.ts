// A Hugo page bundle's card photo, taken by its name: Hugo's own card templates (Open Graph,
// Twitter cards, schema) take the bundle's first image named *feature*, else *cover* or
// *thumb* (themes after it; Congo's default `*thumb*`), while the front matter names no `images`. Export's preflight does not call it
// unused, and leaving the unused photos out still exports it.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hugoCardByName } from '../../../electron/core/recap/cover';
import { png, writeText } from '../support/site-fixture';
import { serviceInTempDir } from '../support/temp-service';

const temp = serviceInTempDir('hugo-card');

describe('hugoCardByName', () => {
  it('takes *feature* first, else *cover* or *thumb*, in name order and any case; none while images names a photo', () => {
    expect(hugoCardByName(['a.png', 'cover.jpg', 'featured.jpg'], undefined)).toBe('featured.jpg');
    expect(hugoCardByName(['b.png', 'stage-Thumb.jpg'], undefined)).toBe('stage-Thumb.jpg');
    expect(hugoCardByName(['b-thumbnail.png', 'a-cover.png'], undefined)).toBe('a-cover.png');
    expect(hugoCardByName(['Featured-Sunset.JPG', 'hall.png'], '')).toBe('Featured-Sunset.JPG');
    expect(hugoCardByName(['hall.png', 'stage.png'], undefined)).toBeNull();
    expect(hugoCardByName(['featured.jpg'], ['hall.png'])).toBeNull();
    expect(hugoCardByName(['featured.jpg'], 'hall.png')).toBeNull();
    expect(hugoCardByName(['featured.jpg'], [])).toBe('featured.jpg');
    // Images only, and no hidden file: the same names the tray and export list.
    expect(hugoCardByName(['featured.txt', '.featured.png', 'a-cover.svg'], undefined)).toBe('a-cover.svg');
  });
});

/** A Hugo site with the bundle content/blog/kcd/ holding `front` and featured.png, spare.png beside it. */
async function bundle(name: string, front: string): Promise<{ root: string; post: string }> {
  const root = path.join(temp.dir(), name);
  await writeText(path.join(root, 'hugo.toml'), 'baseURL = "https://example.org/"\ntitle = "KCD"\n');
  await png(path.join(root, 'content/blog/kcd/featured.png'), 1);
  await png(path.join(root, 'content/blog/kcd/spare.png'), 2);
  const post = await writeText(path.join(root, 'content/blog/kcd/index.md'), `---\ntitle: KCD\ndate: 2024-05-01\n${front}---\n\nA day of talks.\n`);
  return { root, post };
}

describe("export of a Hugo page bundle with a photo named as Hugo's card", () => {
  it('lists only the other photos as unused, and exports the card photo when the unused ones are left out', async () => {
    const { post } = await bundle('named', '');
    const text = await fs.readFile(post, 'utf8');
    const out = path.join(temp.dir(), 'named-out');
    const plan = await temp.service().planExport({ recapPath: post, text, target: { kind: 'folder', dir: out } });
    expect(plan.unused).toEqual(['spare.png']);
    const report = await temp.service().exportRecap({ recapPath: post, text, target: { kind: 'folder', dir: out }, leaveOutUnused: true });
    expect(report.written).toBe(true);
    expect(report.added.sort()).toEqual(['content/blog/kcd/featured.png', 'content/blog/kcd/index.md']);
  });

  it('calls it unused like any other once the front matter names images', async () => {
    const { post } = await bundle('images', 'images: [spare.png]\n');
    const text = await fs.readFile(post, 'utf8');
    const plan = await temp.service().planExport({ recapPath: post, text, target: { kind: 'folder', dir: path.join(temp.dir(), 'images-out') } });
    expect(plan.unused).toEqual(['featured.png']);
  });

  it('is a Hugo rule: a Docusaurus post with featured.png beside it still calls it unused', async () => {
    const root = path.join(temp.dir(), 'docusaurus');
    await writeText(path.join(root, 'docusaurus.config.js'), "module.exports = { title: 'KCD', url: 'https://example.org', baseUrl: '/' };\n");
    await png(path.join(root, 'blog/2024-05-01-kcd/featured.png'), 1);
    const post = await writeText(path.join(root, 'blog/2024-05-01-kcd/index.md'), '---\ntitle: KCD\n---\n\nA day of talks.\n');
    const plan = await temp.service().planExport({ recapPath: post, text: await fs.readFile(post, 'utf8'), target: { kind: 'folder', dir: path.join(temp.dir(), 'docusaurus-out') } });
    expect(plan.unused).toEqual(['featured.png']);
  });
});
