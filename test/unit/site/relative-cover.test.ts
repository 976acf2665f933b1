// A Hugo post's cover field with a relative value (`images: [images/card.png]`, as
// gohugoio/hugoDocs' news posts write it; the terminal theme's `cover = "hello.jpg"`). Hugo's own
// Open Graph and Twitter card templates (_partials/_funcs/get-page-images.html) look it up as a
// page resource, then among the site's resources (assets/), and otherwise make its address with
// absURL: the site's root, static/. Jekyll's SEO tag makes a Jekyll post's `image:
// assets/card.png` an absolute_url: the site's root too. Lint, export, the tray and the home card
// find it the same way; before, it was looked for beside the post alone and called missing.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeText } from '../support/site-fixture';
import { serviceInTempDir } from '../support/temp-service';

const temp = serviceInTempDir('relative-cover');

/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

const post = (cover: string): string => ['---', 'title: "HTTP/2 Server Push in Hugo"', 'date: 2017-07-24', 'images:', `- ${cover}`, '---', '', 'Netlify recently announced support for HTTP/2 server push.', ''].join('\n');

/** A Hugo site whose posts name their card image in `images`, and the images it keeps in static/ and assets/. */
async function hugoSite(): Promise<string> {
  const root = path.join(temp.dir(), 'hugo');
  await writeText(path.join(root, 'hugo.toml'), 'baseURL = "https://gohugo.io/"\ntitle = "Hugo"\n');
  for (const file of ['static/images/gohugoio-card-1.png', 'assets/images/from-assets.png', 'content/news/0.62.2-relnotes/poster.png']) {
    await fs.mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await fs.writeFile(path.join(root, file), PNG);
  }
  await writeText(path.join(root, 'content/news/older.md'), post('images/gohugoio-card-1.png'));
  return root;
}

const imageCodes = async (file: string, text: string): Promise<Array<[string, string | undefined]>> =>
  (await temp.lintWritten(file, text)).problems.filter((p) => p.code.startsWith('image-')).map((p) => [p.code, p.field]);

describe("a Hugo post's relative cover, looked up as Hugo's templates do", () => {
  it('is found at the site root, in assets/ or beside a bundle; one nowhere is still missing', async () => {
    const root = await hugoSite();
    const plain = path.join(root, 'content/news/http2-server-push-in-hugo.md');
    expect(await imageCodes(plain, post('images/gohugoio-card-1.png'))).toEqual([]);
    expect(await imageCodes(plain, post('images/from-assets.png'))).toEqual([]);
    expect(await imageCodes(plain, post('images/none.png'))).toEqual([['image-missing', 'images']]);
    const bundle = path.join(root, 'content/news/0.62.2-relnotes/index.md');
    expect(await imageCodes(bundle, post('poster.png'))).toEqual([]);
    expect(await imageCodes(bundle, post('images/gohugoio-card-1.png'))).toEqual([]);
    // A body link of the same text is the page's own relative address: beside the post only, as before.
    const inBody = `${post('images/gohugoio-card-1.png')}\n![The card](images/gohugoio-card-1.png)\n`;
    expect((await temp.lintWritten(plain, inBody)).problems.filter((p) => p.code === 'image-missing').map((p) => p.line)).toEqual([10]);
  });

  it('export into its site leaves it where it is and the value as written; export to a folder takes it along', async () => {
    const root = await hugoSite();
    const plain = await writeText(path.join(root, 'content/news/http2-server-push-in-hugo.md'), post('images/gohugoio-card-1.png'));
    const text = await fs.readFile(plain, 'utf8');
    const inSite = await temp.service().exportRecap({ recapPath: plain, text, target: { kind: 'site', dir: root } });
    // Nothing to write: the post is its own file, its cover served where it is.
    expect([inSite.written, inSite.problems.filter((p) => p.severity === 'error')]).toEqual([false, []]);
    expect(inSite.files.map((f) => [f.path, f.status])).toEqual([['content/news/http2-server-push-in-hugo.md', 'unchanged']]);
    expect(await fs.readFile(plain, 'utf8')).toBe(text);
    expect(await fs.readdir(path.join(root, 'static/images'))).toEqual(['gohugoio-card-1.png']);

    const out = path.join(temp.dir(), 'out');
    const toFolder = await temp.service().exportRecap({ recapPath: plain, text, target: { kind: 'folder', dir: out } });
    expect(toFolder.written).toBe(true);
    // The site's layout: the photo where the site keeps it, the value as written (Hugo finds it at the root there too).
    expect(toFolder.files.map((f) => [f.path, f.status])).toEqual([
      ['content/news/http2-server-push-in-hugo.md', 'added'],
      ['static/images/gohugoio-card-1.png', 'added'],
    ]);
    expect(await fs.readFile(path.join(out, 'content/news/http2-server-push-in-hugo.md'), 'utf8')).toBe(text);
    expect((await fs.readFile(path.join(out, 'static/images/gohugoio-card-1.png'))).equals(PNG)).toBe(true);
  });

  it("the tray lists it under Also in this recap, and the home card shows it", async () => {
    const root = await hugoSite();
    const plain = await writeText(path.join(root, 'content/news/http2-server-push-in-hugo.md'), post('images/gohugoio-card-1.png'));
    const service = temp.service();
    const folder = await service.photoFolder({ recapPath: plain, text: post('images/gohugoio-card-1.png') });
    const asked = { recapPath: plain, imageDir: folder.imageDir, urls: ['images/gohugoio-card-1.png'] };
    expect(await service.linkedPhotos(asked)).toEqual([]);
    const linked = await service.linkedPhotos({ ...asked, coverUrls: ['images/gohugoio-card-1.png'] });
    expect(linked.map((p) => [p.folder, p.cover, p.urls])).toEqual([['static/images', true, ['images/gohugoio-card-1.png']]]);
    // Copied into the post's photo folder as the cover it is (and not as a link of the page, which names nothing there).
    const copy = await service.copyLinkedPhoto({ recapPath: plain, imageDir: folder.imageDir, url: 'images/gohugoio-card-1.png', cover: true });
    expect(copy.photo.name).toBe('gohugoio-card-1.png');
    await expect(service.copyLinkedPhoto({ recapPath: plain, imageDir: folder.imageDir, url: 'images/gohugoio-card-1.png' })).rejects.toThrow(/images\/gohugoio-card-1\.png/);
    const opened = await service.openRecap({ path: plain });
    expect(opened.draft.coverPath).toBe(path.join(root, 'static/images/gohugoio-card-1.png'));
  });
});

describe("a Jekyll post's relative cover, as jekyll-seo-tag reads it", () => {
  it('is found at the site root; export into the site leaves it, to a folder keeps the layout; one nowhere is missing', async () => {
    const root = path.join(temp.dir(), 'jekyll');
    await writeText(path.join(root, '_config.yml'), 'title: Meetups\nbaseurl: /events\n');
    await fs.mkdir(path.join(root, 'assets/images'), { recursive: true });
    await fs.writeFile(path.join(root, 'assets/images/card.png'), PNG);
    const text = (cover: string): string => ['---', 'layout: post', 'title: KCD Porto', 'date: 2024-05-01', `image: ${cover}`, '---', '', 'The day in Porto.', ''].join('\n');
    const file = path.join(root, '_posts/2024-05-01-kcd-porto.md');
    expect(await imageCodes(file, text('assets/images/none.png'))).toEqual([['image-missing', 'image']]);
    expect(await imageCodes(file, text('assets/images/card.png'))).toEqual([]);
    const inSite = await temp.service().exportRecap({ recapPath: file, text: text('assets/images/card.png'), target: { kind: 'site', dir: root } });
    expect(inSite.files.map((f) => [f.path, f.status])).toEqual([['_posts/2024-05-01-kcd-porto.md', 'unchanged']]);
    const out = path.join(temp.dir(), 'out');
    const toFolder = await temp.service().exportRecap({ recapPath: file, text: text('assets/images/card.png'), target: { kind: 'folder', dir: out } });
    expect(toFolder.files.map((f) => [f.path, f.status])).toEqual([
      ['_posts/2024-05-01-kcd-porto.md', 'added'],
      ['assets/images/card.png', 'added'],
    ]);
    expect(await fs.readFile(path.join(out, '_posts/2024-05-01-kcd-porto.md'), 'utf8')).toBe(text('assets/images/card.png'));
  });
});
