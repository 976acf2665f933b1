// The tray's "Also in this recap": the images a post links from outside its photo folder, found
// through the resolver lint and the preview use (containment by real path, images only, never
// through a symlink), on real sites in temp dirs. The URLs are the ones the page sends: the
// tray's uses of the text (photoUses, as the post's site reads it) and its cover.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateRequest } from '../../../electron/core/validate';
import { photoUses } from '../../../electron/core/markdown/photo-text';
import { readingOfPost } from '../../../electron/core/markdown/post-reading';
import { editorBody } from '../../../electron/core/frontmatter/split';
import { createRecapService, type RecapService } from '../../../electron/service/service';
import { profileForRecap } from '../../../electron/service/site/site';
import { linkCountOf, linkedUrls } from '../../../renderer/photos/linkedUrls';
import { png, tempDir, writeText } from '../support/site-fixture';
import { refusal } from '../support/refusal';

let tmp: string;
let service: RecapService;
beforeEach(async () => {
  tmp = await tempDir('linked-photos');
  service = createRecapService({ cacheDir: path.join(tmp, 'cache'), home: path.join(tmp, 'home') });
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

/** What the page asks about: the text's links as the tray counts them, and the cover. */
async function linkedOf(post: string, text: string, cover: string | null = null) {
  const folder = await service.photoFolder({ recapPath: post, text });
  const urls = linkedUrls(photoUses(editorBody(text), readingOfPost(profileForRecap(post), text)), cover === null ? [] : [cover]);
  return { folder, list: await service.linkedPhotos({ recapPath: post, imageDir: folder.imageDir, urls }) };
}

describe('a flat Docusaurus post', () => {
  const TEXT = '---\ntitle: KCD\n---\n\nThe hall.\n\n![The hall](./hall.png)\n';

  it('lists the photo beside it, outside its tray folder; a copy goes into the folder and the original stays', async () => {
    const site = path.join(tmp, 'docs-site');
    await writeText(path.join(site, 'docusaurus.config.js'), 'module.exports = { title: "Site" };\n');
    const post = await writeText(path.join(site, 'blog', '2024-05-01-kcd.md'), TEXT);
    await png(path.join(site, 'blog', 'hall.png'), 3, 80, 60);

    const { folder, list } = await linkedOf(post, TEXT);
    expect(folder.dir).toBe(path.join(site, 'static', 'img', 'blog', 'kcd'));
    expect(list.map((p) => ({ name: p.name, folder: p.folder, urls: p.urls, url: p.url, width: p.width, height: p.height }))).toEqual([
      // The tray's uses name a relative link without its `./` (the same file either way).
      { name: 'hall.png', folder: 'blog', urls: ['hall.png'], url: 'hall.png', width: 80, height: 60 },
    ]);
    expect(list[0]?.thumbnail).toBeTruthy();
    expect(list[0]?.localPath).toBe(path.join(site, 'blog', 'hall.png'));

    const copied = await service.copyLinkedPhoto({ recapPath: post, imageDir: folder.imageDir, url: './hall.png' });
    expect(copied.photo.localPath).toBe(path.join(folder.dir, 'hall.png'));
    expect(copied.photo.url).toBe('/img/blog/kcd/hall.png');
    expect((await fs.stat(path.join(site, 'blog', 'hall.png'))).isFile()).toBe(true);
    expect((await service.listPhotos({ recapPath: post, imageDir: folder.imageDir })).map((p) => p.name)).toEqual(['hall.png']);

    // Relinked, the photo is the folder's: no longer "also in this recap".
    const relinked = TEXT.replace('./hall.png', copied.photo.url);
    expect((await linkedOf(post, relinked)).list).toEqual([]);
  });
});

describe('a Hugo post with a shared image in another static folder', () => {
  it('lists the shared image once (two spellings, the cover too), not the photos of its own folder', async () => {
    const site = path.join(tmp, 'hugo-site');
    await writeText(path.join(site, 'hugo.toml'), 'title = "Site"\n');
    const text = '---\ntitle: KCD\nimage: /images/shared/logo.png\n---\n\n![Logo](/images/shared/logo.png)\n\n![Logo again](/images/shared/./logo.png)\n\n![Stage](/images/news/kcd/stage.png)\n';
    const post = await writeText(path.join(site, 'content', 'en', 'news', 'kcd.md'), text);
    await png(path.join(site, 'static', 'images', 'shared', 'logo.png'), 4);
    await png(path.join(site, 'static', 'images', 'news', 'kcd', 'stage.png'), 5);

    const { folder, list } = await linkedOf(post, text, '/images/shared/logo.png');
    expect(folder.imageDir).toBe('kcd');
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ name: 'logo.png', folder: 'static/images/shared', localPath: path.join(site, 'static', 'images', 'shared', 'logo.png') });
    expect([...(list[0]?.urls ?? [])].sort()).toEqual(['/images/shared/./logo.png', '/images/shared/logo.png']);
    // The card counts (and its alt text edits) the links of every spelling.
    const uses = photoUses(editorBody(text));
    expect(list[0] && linkCountOf(uses, list[0])).toBe(2);
    expect(list[0] && linkCountOf(uses, { ...list[0], urls: ['/images/shared/logo.png'] })).toBe(1);
    expect(list[0] && linkCountOf(photoUses('![a](./a.png)\n'), { ...list[0], urls: ['./a.png', 'a.png'] })).toBe(1);
  });
});

describe('a Jekyll post read as Jekyll reads it', () => {
  it('lists images under /assets/img/ linked plainly and through Liquid', async () => {
    const site = path.join(tmp, 'jekyll-site');
    await writeText(path.join(site, '_config.yml'), 'title: Site\n');
    const text = '---\ntitle: KCD\n---\n\n![Hall](/assets/img/2023/hall.png)\n\n![Logo]({{ site.baseurl }}/assets/img/common/logo.png)\n';
    const post = await writeText(path.join(site, '_posts', '2023-05-01-kcd.md'), text);
    await png(path.join(site, 'assets', 'img', '2023', 'hall.png'), 6);
    await png(path.join(site, 'assets', 'img', 'common', 'logo.png'), 7);

    const { list } = await linkedOf(post, text);
    expect(list.map((p) => `${p.folder}/${p.name}`).sort()).toEqual(['assets/img/2023/hall.png', 'assets/img/common/logo.png']);

    // Where the post switches Liquid off, the Liquid link is no image of it: not listed.
    const off = text.replace('title: KCD\n', 'title: KCD\nrender_with_liquid: false\n');
    expect((await linkedOf(post, off)).list.map((p) => p.name)).toEqual(['hall.png']);
  });
});

describe('what is not listed', () => {
  it('a symlink out of the site, a file that is not an image, a missing image: lint says what is wrong with each', async () => {
    const site = path.join(tmp, 'hugo-site');
    await writeText(path.join(site, 'hugo.toml'), 'title = "Site"\n');
    const outside = path.join(tmp, 'outside');
    await png(path.join(outside, 'secret.png'), 8);
    await fs.mkdir(path.join(site, 'static', 'images', 'shared'), { recursive: true });
    await fs.symlink(path.join(outside, 'secret.png'), path.join(site, 'static', 'images', 'shared', 'secret.png'));
    await fs.symlink(outside, path.join(site, 'static', 'images', 'out'));
    await writeText(path.join(site, 'static', 'images', 'shared', 'notes.png'), 'not an image at all\n');
    await writeText(path.join(site, 'static', 'images', 'shared', 'notes.txt'), 'plain text\n');
    await png(path.join(site, 'static', 'images', 'shared', 'fine.png'), 9);
    const text =
      '---\ntitle: KCD\n---\n\n![a](/images/shared/secret.png)\n\n![b](/images/out/secret.png)\n\n![c](/images/shared/notes.png)\n\n![d](/images/shared/notes.txt)\n\n![e](/images/shared/gone.png)\n\n![f](/images/shared/fine.png)\n\n![g](https://example.org/x.png)\n';
    const post = await writeText(path.join(site, 'content', 'en', 'news', 'kcd.md'), text);

    const { folder, list } = await linkedOf(post, text);
    expect(list.map((p) => p.name)).toEqual(['fine.png']);

    const problems = await service.lintRecap({ text, path: post });
    const codes = (url: string) => problems.filter((p) => p.message.includes(url)).map((p) => p.code);
    expect(codes('/images/shared/secret.png')).toEqual(['image-refused']);
    expect(codes('/images/out/secret.png')).toEqual(['image-refused']);
    expect(codes('/images/shared/gone.png')).toEqual(['image-missing']);

    // Nor can a page copy what is not listed: nothing behind the link is read.
    for (const url of ['/images/shared/secret.png', '/images/out/secret.png', '/images/shared/notes.png', '/images/shared/gone.png', '../../../../outside/secret.png']) {
      expect(await refusal(service.copyLinkedPhoto({ recapPath: post, imageDir: folder.imageDir, url }))).toMatch(/^NOT_FOUND: .*does not name an image/);
    }
    expect(await fs.readdir(path.join(site, 'static', 'images', 'news')).catch(() => [])).toEqual([]);
  });
});

describe('the requests', () => {
  it('are validated at the door', () => {
    const base = { recapPath: '/site/content/en/news/kcd.md', imageDir: 'kcd' };
    expect(validateRequest('linkedPhotos', { ...base, urls: ['/a.png'] })).toEqual({ ...base, urls: ['/a.png'] });
    expect(() => validateRequest('linkedPhotos', { ...base, urls: '/a.png' })).toThrow(/urls/);
    expect(() => validateRequest('linkedPhotos', { ...base, urls: [42] })).toThrow(/URL/);
    expect(() => validateRequest('linkedPhotos', { ...base, recapPath: 'relative.md', urls: [] })).toThrow(/absolute/);
    expect(validateRequest('copyLinkedPhoto', { ...base, url: './a.png' })).toEqual({ ...base, url: './a.png' });
    expect(() => validateRequest('copyLinkedPhoto', { ...base })).toThrow(/url/);
  });

  it('the page sends each link as the text spells it, encoded once: spaces and a literal % reach their files', async () => {
    const uses = photoUses('![a](a%20b.png)\n\n![b](<100%25.png>)\n\n![c](./c.png)\n\n![d](https://example.org/d.png)\n\n![e](data:image/png;base64,AAAA)\n');
    expect(linkedUrls(uses, [' /cover.png '])).toEqual(['/cover.png', '100%25.png', 'a%20b.png', 'c.png']);
    const site = path.join(tmp, 'docs-site');
    await writeText(path.join(site, 'docusaurus.config.js'), 'module.exports = { title: "Site" };\n');
    const text = '---\ntitle: KCD\n---\n\n![a](a%20b.png)\n\n![b](100%25.png)\n';
    const post = await writeText(path.join(site, 'blog', '2024-05-01-kcd.md'), text);
    await png(path.join(site, 'blog', 'a b.png'), 10);
    await png(path.join(site, 'blog', '100%.png'), 11);
    expect((await linkedOf(post, text)).list.map((p) => p.name).sort()).toEqual(['100%.png', 'a b.png']);
  });
});
