// Hugo's figure shortcode finds its src as Hugo's own figure does: the page's resource (beside a
// bundle's post), then the site's assets/ (a global resource, which Hugo publishes when a figure
// names it), and only then as written (static/). A Markdown image of the same path is published
// as written, so an image that lives in assets/ only is missing there. Lint, the preview's
// lookups, the tray's "Also in this recap" and export read it alike; real sites in temp dirs.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { editorBody } from '../../../electron/core/frontmatter/split';
import { photoUses } from '../../../electron/core/markdown/photo-text';
import { readingOfPost } from '../../../electron/core/markdown/post-reading';
import { findFigureShortcodes } from '../../../electron/core/markdown/hugo-figure';
import { validateRequest } from '../../../electron/core/validate';
import { createRecapService, type RecapService } from '../../../electron/service/service';
import { findImageRefs } from '../../../electron/service/recap/markdown-images';
import { profileForRecap } from '../../../electron/service/site/site';
import { figureUrls, linkedUrls } from '../../../renderer/photos/linkedUrls';
import { previewImgs } from '../support/preview-html';
import { png, tempDir, writeText } from '../support/site-fixture';
import { refusal } from '../support/refusal';

let tmp: string;
let service: RecapService;
beforeEach(async () => {
  tmp = await tempDir('figure-assets');
  service = createRecapService({ cacheDir: path.join(tmp, 'cache'), home: path.join(tmp, 'home') });
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

const FRONT = ['---', 'title: "KCD Porto"', 'keywords: "Community, Kubernetes"', 'description: "KCD Porto in photos"', 'createTime: "2026-05-01"', 'author: "Ana"', '---', ''];
const FIGURES = [
  '{{< figure src="/images/kcd/hall.png" alt="The hall" >}}',
  '',
  '{{< figure src="images/kcd/crowd.png" alt="The crowd" >}}',
  '',
  '{{< figure src="/images/kcd/stage.png" alt="The stage" >}}',
  '',
];

/** A Hugo site with hall.png and crowd.png in assets/ only, stage.png in static/. */
async function hugoSite(name = 'site'): Promise<string> {
  const site = path.join(tmp, name);
  await writeText(path.join(site, 'hugo.toml'), 'title = "Events"\n');
  await png(path.join(site, 'assets/images/kcd/hall.png'), 1);
  await png(path.join(site, 'assets/images/kcd/crowd.png'), 2);
  await png(path.join(site, 'static/images/kcd/stage.png'), 3);
  return site;
}

const errorsOf = async (text: string, file: string) => (await service.lintRecap({ text, path: file })).filter((p) => p.severity === 'error').map((p) => [p.code, p.line, p.message]);

describe("Hugo's figure finds its src in the site's assets/", () => {
  it('lint and the preview find it there, as a figure only: the same path as a Markdown image is missing from static/', async () => {
    const site = await hugoSite();
    const text = [...FRONT, ...FIGURES, '![The hall](/images/kcd/hall.png)', ''].join('\n');
    const post = await writeText(path.join(site, 'content/en/news/kcd-porto.md'), text);
    expect(findImageRefs(editorBody(text), readingOfPost(profileForRecap(post), text)).map((r) => [r.url, r.figure ?? false])).toEqual([
      ['/images/kcd/hall.png', true],
      ['images/kcd/crowd.png', true],
      ['/images/kcd/stage.png', true],
      ['/images/kcd/hall.png', false],
    ]);
    // The Markdown image is published as written: static/ has no hall.png, and lint says where it
    // looked, where the file is, and the figure to write instead.
    expect(await errorsOf(text, post)).toEqual([['image-missing', 15, expect.stringContaining(path.join(site, 'static/images/kcd/hall.png'))]]);
    const [missing] = await errorsOf(text, post);
    expect(missing?.[2]).toContain(`the site has it in its assets folder (${path.join(site, 'assets/images/kcd/hall.png')}), where Hugo looks only for the src of its figure shortcode. Write {{< figure src="/images/kcd/hall.png" alt="The hall" >}}`);
    // Export's checks say the same.
    const plan = await service.planExport({ recapPath: post, text, target: { kind: 'site', dir: site } });
    expect(plan.problems.filter((p) => p.severity === 'error').map((p) => p.message)).toEqual([missing?.[2]]);

    const lookups = await service.resolveImages(validateRequest('resolveImages', { recapPath: post, urls: ['/images/kcd/hall.png'], figureUrls: ['/images/kcd/hall.png', 'images/kcd/crowd.png', '/images/kcd/stage.png'] }));
    expect(lookups.map((l) => [l.url, l.figure ?? false, l.src !== null, l.localPath])).toEqual([
      ['/images/kcd/hall.png', false, false, path.join(site, 'static/images/kcd/hall.png')],
      ['/images/kcd/hall.png', true, true, path.join(site, 'assets/images/kcd/hall.png')],
      ['images/kcd/crowd.png', true, true, path.join(site, 'assets/images/kcd/crowd.png')],
      ['/images/kcd/stage.png', true, true, path.join(site, 'static/images/kcd/stage.png')],
    ]);
    expect(() => validateRequest('resolveImages', { recapPath: post, urls: [], figureUrls: 'x' })).toThrow(/INVALID|urls/i);

    // A figure missing everywhere is reported where its path is published from: static/.
    const gone = [...FRONT, '{{< figure src="/images/kcd/gone.png" alt="Gone" >}}', ''].join('\n');
    expect(await errorsOf(gone, post)).toEqual([['image-missing', 9, expect.stringContaining(path.join(site, 'static/images/kcd/gone.png'))]]);
  });

  it('the mark is the figure\'s alone: an <img data-hugo-figure> written in the text is the plain image its site publishes, to every reader', async () => {
    const site = await hugoSite();
    const tag = '<img DATA-hugo-figure="" src="/images/kcd/hall.png" alt="Hall">';
    const call = '{{< figure src="/images/kcd/hall.png" alt="Hall" caption="data-hugo-figure" >}}';
    const text = [...FRONT, tag, '', call, ''].join('\n');
    const post = await writeText(path.join(site, 'content/en/news/kcd-porto.md'), text);
    const reading = readingOfPost(profileForRecap(post), text);
    expect(findImageRefs(editorBody(text), reading).map((r) => [r.source, r.figure ?? false])).toEqual([
      ['html', false],
      ['html', true],
    ]);
    expect(await errorsOf(text, post)).toEqual([['image-missing', 9, expect.stringContaining(path.join(site, 'static/images/kcd/hall.png'))]]);
    const imgs = previewImgs(editorBody(text), reading);
    expect(imgs.map((p) => 'dataHugoFigure' in p)).toEqual([false, true]);
    expect(figureUrls(photoUses(editorBody(text), reading))).toEqual(['/images/kcd/hall.png']);
    expect(photoUses(editorBody(text), reading).get('/images/kcd/hall.png')?.count).toBe(2);
  });

  it("never through a symlink out of assets/, and only on Hugo: Jekyll publishes a figure as text", async () => {
    const site = await hugoSite();
    const outside = path.join(tmp, 'outside');
    await png(path.join(outside, 'secret.png'), 9);
    await fs.symlink(outside, path.join(site, 'assets/images/out'));
    const text = [...FRONT, '{{< figure src="/images/out/secret.png" alt="x" >}}', ''].join('\n');
    const post = await writeText(path.join(site, 'content/en/news/kcd-porto.md'), text);
    expect(await errorsOf(text, post)).toEqual([['image-refused', 9, expect.stringMatching(/secret\.png, outside the site's assets folder/)]]);
    const [looked] = await service.resolveImages({ recapPath: post, urls: [], figureUrls: ['/images/out/secret.png'] });
    expect(looked).toMatchObject({ src: null, localPath: null, figure: true, refused: expect.stringMatching(/assets folder/) });

    const jekyll = path.join(tmp, 'jekyll');
    await writeText(path.join(jekyll, '_config.yml'), 'title: KCD\n');
    await png(path.join(jekyll, 'assets/images/kcd/hall.png'), 1);
    const jtext = [...FRONT, FIGURES[0], ''].join('\n');
    const jpost = await writeText(path.join(jekyll, '_posts/2026-05-01-kcd-porto.md'), jtext);
    expect((await errorsOf(jtext, jpost)).map(([code]) => code)).toEqual(['image-unread']);
  });

  it("the tray lists it under Also in this recap, with its folder in assets/, and copies it into the recap's folder", async () => {
    const site = await hugoSite();
    const text = [...FRONT, ...FIGURES].join('\n');
    const post = await writeText(path.join(site, 'content/en/news/kcd-porto.md'), text);
    const uses = photoUses(editorBody(text), readingOfPost(profileForRecap(post), text));
    expect(figureUrls(uses)).toEqual(['/images/kcd/hall.png', '/images/kcd/stage.png', 'images/kcd/crowd.png']);
    const folder = await service.photoFolder({ recapPath: post, text });
    const req = validateRequest('linkedPhotos', { recapPath: post, imageDir: folder.imageDir, urls: linkedUrls(uses, []), figureUrls: figureUrls(uses) });
    const list = await service.linkedPhotos(req);
    expect(list.map((p) => [p.name, p.folder, p.urls, p.figure ?? false]).sort()).toEqual([
      ['crowd.png', 'assets/images/kcd', ['images/kcd/crowd.png'], true],
      ['hall.png', 'assets/images/kcd', ['/images/kcd/hall.png'], true],
      ['stage.png', 'static/images/kcd', ['/images/kcd/stage.png'], false],
    ]);
    // Asked as a plain link, the assets/ file is no image of the recap.
    expect(await refusal(service.copyLinkedPhoto({ recapPath: post, imageDir: folder.imageDir, url: '/images/kcd/hall.png' }))).toMatch(/^NOT_FOUND/);
    const copied = await service.copyLinkedPhoto(validateRequest('copyLinkedPhoto', { recapPath: post, imageDir: folder.imageDir, url: '/images/kcd/hall.png', figure: true }));
    expect(copied.photo.localPath).toBe(path.join(folder.dir, 'hall.png'));
    expect((await fs.stat(path.join(site, 'assets/images/kcd/hall.png'))).isFile()).toBe(true);
    expect(() => validateRequest('copyLinkedPhoto', { recapPath: post, imageDir: folder.imageDir, url: '/x.png', figure: 'yes' })).toThrow();
  });

  it('export into its own site leaves the figures and the assets/ files as they are; into a folder it lays them out as the site does', async () => {
    const site = await hugoSite();
    const text = [...FRONT, ...FIGURES].join('\n');
    const post = await writeText(path.join(site, 'content/en/news/kcd-porto.md'), text);
    const plan = await service.planExport({ recapPath: post, text, target: { kind: 'site', dir: site } });
    expect(plan.problems.filter((p) => p.severity === 'error')).toEqual([]);
    // Only the post, unchanged: the site serves each photo where the figures name it.
    expect(plan.files.map((f) => [f.path, f.status])).toEqual([['content/en/news/kcd-porto.md', 'unchanged']]);

    const out = path.join(tmp, 'out');
    const report = await service.exportRecap({ recapPath: post, text, target: { kind: 'folder', dir: out } });
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(report.written).toBe(true);
    const written = await fs.readFile(path.join(out, report.post ?? ''), 'utf8');
    // The folder holds the post as the site lays it out: the figures as written, each photo where the site has it.
    expect(findFigureShortcodes(written).map((c) => c.src?.raw)).toEqual(['/images/kcd/hall.png', 'images/kcd/crowd.png', '/images/kcd/stage.png']);
    expect(report.files.map((f) => f.path).sort()).toEqual(['assets/images/kcd/crowd.png', 'assets/images/kcd/hall.png', 'content/en/news/kcd-porto.md', 'static/images/kcd/stage.png']);
    for (const f of report.files) expect((await fs.stat(path.join(out, f.path))).isFile()).toBe(true);
  });

  it("a draft for the site (from its posts' template) finds a figure's photo in that site's assets/, as a post there does", async () => {
    const site = await hugoSite();
    await writeText(path.join(site, 'content/en/news/kcd-lisbon.md'), ['---', 'title: "KCD Lisbon"', 'date: 2025-05-01', '---', '', 'Hello.', ''].join('\n'));
    await service.rememberSite({ dir: site });
    const made = await service.newRecap({ template: { source: 'posts', name: 'event-recap', site }, title: 'KCD Porto' });
    const recapPath = made.draft.recapPath;
    const text = `${made.text}\n${FIGURES.join('\n')}`;
    const images = (await service.lintRecap({ path: recapPath, text })).filter((p) => p.code.startsWith('image-'));
    expect(images).toEqual([]);
    const lookups = await service.resolveImages({ recapPath, urls: [], figureUrls: ['/images/kcd/hall.png', 'images/kcd/crowd.png'] });
    expect(lookups.map((l) => l.localPath)).toEqual([path.join(site, 'assets/images/kcd/hall.png'), path.join(site, 'assets/images/kcd/crowd.png')]);
    // Not a figure: the draft has no such photo, and the site does not publish assets/ as written.
    expect((await service.lintRecap({ path: recapPath, text: `${made.text}\n![Hall](/images/kcd/hall.png)\n` })).filter((p) => p.code.startsWith('image-')).map((p) => p.code)).toEqual(['image-missing']);
  });

  it("a draft's figure naming an image of the target site's assets/ exports as it is, nothing copied", async () => {
    const site = await hugoSite();
    await fs.mkdir(path.join(site, 'content/en/news'), { recursive: true });
    const text = [...FRONT, FIGURES[0], ''].join('\n');
    const draft = await writeText(path.join(tmp, 'draft', 'kcd-porto.md'), text);
    const report = await service.exportRecap({ recapPath: draft, text, target: { kind: 'site', dir: site } });
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(report.written).toBe(true);
    expect(report.files.filter((f) => f.kind === 'image')).toEqual([]);
    expect(await fs.readFile(path.join(site, report.post ?? ''), 'utf8')).toContain(FIGURES[0]);
  });
});
