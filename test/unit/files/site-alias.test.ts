// Docusaurus' `@site/` alias in a post's image links (`![](@site/static/img/a.png)`, as many
// Docusaurus sites write them): found in the site where the site serves it or in the post's own
// folder, through every door (lint, the preview's lookups, the tray, export); refused anywhere
// else in the site or out of it. Elsewhere `@site/` is no alias, and a bundle's site serves
// static/ at `/`, never its own root.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecapService, type RecapService } from '../../../electron/service/service';
import { cliInProcess } from '../support/cli-run';
import { listFiles, tempDir } from '../support/site-fixture';
import { photo, put } from '../site/other-sites';
import { editorBody } from '../../../electron/core/frontmatter/frontmatter';
import { photoUseOf, photoUses, removePhotoLinks, replacePhotoUrl, setPhotoAlt } from '../../../electron/core/markdown/photo-text';
import { readingOfPost } from '../../../electron/core/markdown/post-reading';
import { profileForRecap } from '../../../electron/service/site/site';

let tmp: string;
let service: RecapService;

beforeEach(async () => {
  tmp = await tempDir('site-alias');
  service = createRecapService({ home: path.join(tmp, 'data'), cacheDir: path.join(tmp, 'cache'), assetUrl: (p) => `asset:${p}` });
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

const POST = 'blog/2024-06-01-kcd-porto/index.md';

/** A Docusaurus site whose post links a photo of static/ and one beside it through `@site/`. */
async function docusaurusSite(root: string, body: string[]): Promise<string> {
  await put(root, 'docusaurus.config.ts', "export default { title: 'Docs' };\n");
  await put(root, 'blog/authors.yml', 'lin:\n  name: Lin\n');
  await photo(path.join(root, 'static/img/kcd-porto/stage.jpg'), 11);
  await photo(path.join(root, 'blog/2024-06-01-kcd-porto/hall.jpg'), 12);
  return put(root, POST, ['---', 'title: KCD Porto', 'authors: [lin]', 'tags: [kcd]', '---', '', 'The day.', '', ...body, ''].join('\n'));
}

const CLEAN = ['![Stage](@site/static/img/kcd-porto/stage.jpg)', '', '![Hall](@site/blog/2024-06-01-kcd-porto/hall.jpg)'];

describe("Docusaurus' @site/ links", () => {
  it('are found where the site serves them and beside the post: lint, the preview, the tray and `recap lint` agree', async () => {
    const root = path.join(tmp, 'site');
    const file = await docusaurusSite(root, CLEAN);
    const text = await fs.readFile(file, 'utf8');
    expect(await service.lintRecap({ text, path: file })).toEqual([]);
    const lookups = await service.resolveImages({ recapPath: file, urls: ['@site/static/img/kcd-porto/stage.jpg', '@site/blog/2024-06-01-kcd-porto/hall.jpg'] });
    expect(lookups.map((l) => l.src)).toEqual([`asset:${path.join(root, 'static/img/kcd-porto/stage.jpg')}`, `asset:${path.join(root, 'blog/2024-06-01-kcd-porto/hall.jpg')}`]);
    // The tray: the photo of static/ is one "Also in this recap", from the folder it is in.
    const folder = await service.photoFolder({ recapPath: file, text });
    const linked = await service.linkedPhotos({ recapPath: file, imageDir: folder.imageDir, urls: ['@site/static/img/kcd-porto/stage.jpg'] });
    expect(linked.map((p) => [p.name, p.folder, p.urls])).toEqual([['stage.jpg', 'static/img/kcd-porto', ['@site/static/img/kcd-porto/stage.jpg']]]);
    const lint = await cliInProcess('lint', file);
    expect([lint.code, lint.err]).toEqual([0, '']);
  });

  it('reaching anywhere else are refused with what they name, and a missing one says where it was looked for', async () => {
    const root = path.join(tmp, 'site');
    await photo(path.join(tmp, 'outside.jpg'), 13);
    await photo(path.join(root, 'src/img/logo.jpg'), 14);
    const file = await docusaurusSite(root, ['![a](@site/src/img/logo.jpg)', '', '![b](@site/../outside.jpg)', '', '![c](@site/static/img/link.jpg)', '', '![d](@site/static/img/../../docusaurus.config.ts)', '', '![e](@site/static/img/gone.jpg)']);
    await fs.symlink(path.join(tmp, 'outside.jpg'), path.join(root, 'static/img/link.jpg'));
    const problems = await service.lintRecap({ text: await fs.readFile(file, 'utf8'), path: file });
    const said = (url: string): string => problems.find((p) => p.message.includes(`${url} `))?.message ?? '';
    const reach = `outside the folders a recap's @site/ links may reach (${path.join(root, 'blog/2024-06-01-kcd-porto')}, ${path.join(root, 'static')})`;
    expect(said('@site/src/img/logo.jpg')).toContain(`is ${path.join(root, 'src/img/logo.jpg')}, ${reach}`);
    expect(said('@site/../outside.jpg')).toContain(`is ${path.join(tmp, 'outside.jpg')}, ${reach}`);
    expect(said('@site/static/img/link.jpg')).toContain(`is a link to ${path.join(tmp, 'outside.jpg')}`);
    expect(said('@site/static/img/../../docusaurus.config.ts')).toContain(`is ${path.join(root, 'docusaurus.config.ts')}, ${reach}`);
    expect(said('@site/static/img/gone.jpg')).toContain(`looked for ${path.join(root, 'static/img/gone.jpg')}`);
    expect(problems.map((p) => p.code)).toEqual(['image-refused', 'image-refused', 'image-refused', 'image-refused', 'image-missing']);
    // The preview gets no address for any of them.
    const lookups = await service.resolveImages({ recapPath: file, urls: ['@site/src/img/logo.jpg', '@site/../outside.jpg', '@site/static/img/link.jpg'] });
    expect(lookups.map((l) => l.src)).toEqual([null, null, null]);
    // Export refuses and writes nothing.
    const out = path.join(tmp, 'out');
    const report = await service.exportRecap({ recapPath: file, text: await fs.readFile(file, 'utf8'), target: { kind: 'folder', dir: out } });
    expect(report.written).toBe(false);
    expect(await fs.readdir(out).catch(() => [])).toEqual([]);
  });

  it('export: its own site is already up to date; a folder, a zip-like layout and another site get the photos beside the post, relinked', async () => {
    const root = path.join(tmp, 'site');
    const file = await docusaurusSite(root, CLEAN);
    const text = await fs.readFile(file, 'utf8');
    const own = await service.exportRecap({ recapPath: file, text, target: { kind: 'site', dir: root } });
    expect(own).toMatchObject({ written: false, postFrom: 'own', added: [], changed: [], problems: [] });

    // A folder: the post's place in its site, its photos where the site has them, the links as written.
    const out = path.join(tmp, 'out');
    expect(await service.exportRecap({ recapPath: file, text, target: { kind: 'folder', dir: out } })).toMatchObject({ written: true, post: POST, problems: [] });
    expect(await listFiles(out)).toEqual([POST, 'blog/2024-06-01-kcd-porto/hall.jpg', 'static/img/kcd-porto/stage.jpg'].sort());
    expect(await fs.readFile(path.join(out, POST), 'utf8')).toBe(text);

    // Another Docusaurus site: a new post whose photos sit beside it, linked ./ as its site reads them.
    const other = path.join(tmp, 'other');
    await put(other, 'docusaurus.config.js', "module.exports = { title: 'Other' };\n");
    await put(other, 'blog/authors.yml', 'lin:\n  name: Lin\n');
    const into = await service.exportRecap({ recapPath: file, text, target: { kind: 'site', dir: other }, slug: 'kcd-porto' });
    expect(into).toMatchObject({ written: true, post: 'blog/2024-06-01-kcd-porto/index.md', problems: [] });
    expect(await listFiles(other)).toEqual(['blog/2024-06-01-kcd-porto/hall.jpg', 'blog/2024-06-01-kcd-porto/index.md', 'blog/2024-06-01-kcd-porto/stage.jpg', 'blog/authors.yml', 'docusaurus.config.js']);
    const written = await fs.readFile(path.join(other, 'blog/2024-06-01-kcd-porto/index.md'), 'utf8');
    expect(written).toContain('![Stage](./stage.jpg)');
    expect(written).toContain('![Hall](./hall.jpg)');
  });

  it('a photo the recap lacks, which the target site serves at that @site/ path: the link stays, nothing is copied', async () => {
    const root = path.join(tmp, 'site');
    const file = await docusaurusSite(root, ['![Logo](@site/static/img/logo.jpg)']);
    const text = await fs.readFile(file, 'utf8');
    expect((await service.lintRecap({ text, path: file })).map((p) => p.code)).toEqual(['image-missing']);
    const other = path.join(tmp, 'other');
    await put(other, 'docusaurus.config.js', "module.exports = { title: 'Other' };\n");
    await put(other, 'blog/authors.yml', 'lin:\n  name: Lin\n');
    await photo(path.join(other, 'static/img/logo.jpg'), 17);
    const into = await service.exportRecap({ recapPath: file, text, target: { kind: 'site', dir: other }, slug: 'kcd-porto', leaveOutUnused: true });
    expect(into).toMatchObject({ written: true, added: ['blog/2024-06-01-kcd-porto/index.md'] });
    expect(into.problems.map((p) => p.code)).toEqual(['photos-unused']);
    expect(await fs.readFile(path.join(other, 'blog/2024-06-01-kcd-porto/index.md'), 'utf8')).toBe(text);
  });

  it("a draft for the site (from its template) finds the site's photo through @site/: into the site the link stays, elsewhere the photo goes along", async () => {
    const root = path.join(tmp, 'site');
    await docusaurusSite(root, CLEAN);
    await service.rememberSite({ dir: root });
    const made = await service.newRecap({ template: { source: 'posts', name: 'event-recap', site: root }, title: 'KCD Lisbon' });
    const text = made.text.replace('authors: []', 'authors: [lin]').replace(/Write two or three sentences[^\n]*/, 'A day of talks.\n\n![Stage](@site/static/img/kcd-porto/stage.jpg)');
    expect(text).toContain('authors: [lin]');
    const recapPath = made.draft.recapPath;
    expect((await service.lintRecap({ path: recapPath, text })).filter((p) => p.code.startsWith('image-'))).toEqual([]);
    const [found] = await service.resolveImages({ recapPath, urls: ['@site/static/img/kcd-porto/stage.jpg'] });
    expect(found?.src).toBe(`asset:${path.join(root, 'static/img/kcd-porto/stage.jpg')}`);

    const into = await service.exportRecap({ recapPath, text, target: { kind: 'site', dir: root } });
    expect(into.problems.filter((p) => p.severity === 'error').map((p) => p.message)).toEqual([]);
    expect(into).toMatchObject({ written: true, added: [into.post] });
    expect(await fs.readFile(path.join(root, ...(into.post ?? '').split('/')), 'utf8')).toContain('![Stage](@site/static/img/kcd-porto/stage.jpg)');

    const out = path.join(tmp, 'out');
    const copied = await service.exportRecap({ recapPath, text, target: { kind: 'folder', dir: out } });
    // (A draft's folder export has the draft's own layout.)
    const image = copied.added.find((f) => f.endsWith('/stage.jpg')) ?? '';
    expect(copied.added).toEqual([copied.post, image].sort());
    expect(await fs.readFile(path.join(out, ...image.split('/')))).toEqual(await fs.readFile(path.join(root, 'static/img/kcd-porto/stage.jpg')));
    const exported = await fs.readFile(path.join(out, ...(copied.post ?? '').split('/')), 'utf8');
    expect(exported).not.toContain('@site/');
    expect(exported).toMatch(/!\[Stage\]\([^)]*\/stage\.jpg\)/);
  });
});

describe("the tray reads an @site/ link to one of the recap's own photos as that photo's use", () => {
  it("a flat post's photo in static/img/blog/<slug>/ linked `@site/static/img/…`: counted, its alt set, renamed and removed with `@site/static` kept", async () => {
    const root = path.join(tmp, 'site');
    await put(root, 'docusaurus.config.ts', "export default { title: 'Docs' };\n");
    await put(root, 'blog/authors.yml', 'lin:\n  name: Lin\n');
    await photo(path.join(root, 'static/img/blog/kcd/stage.jpg'), 21);
    const file = await put(root, 'blog/2024-05-01-kcd.md', '---\ntitle: KCD\nauthors: [lin]\n---\n\n![The stage](@site/static/img/blog/kcd/stage.jpg)\n');
    const text = await fs.readFile(file, 'utf8');
    expect(await service.lintRecap({ text, path: file })).toEqual([]);
    const folder = await service.photoFolder({ recapPath: file, text });
    const [own] = await service.listPhotos({ recapPath: file, imageDir: folder.imageDir });
    expect(own?.url).toBe('/img/blog/kcd/stage.jpg');
    const reading = readingOfPost(profileForRecap(file), text);
    const body = editorBody(text);
    // Before: "Not used" (the tray matched `/img/blog/kcd/stage.jpg` against the link as written).
    expect(photoUseOf(photoUses(body, reading), own?.url ?? '')).toMatchObject({ count: 1, alt: 'The stage' });
    expect(setPhotoAlt(body, '/img/blog/kcd/stage.jpg', 'The main stage', reading)).toBe(body.replace('![The stage]', '![The main stage]'));
    expect(replacePhotoUrl(body, '/img/blog/kcd/stage.jpg', '/img/blog/kcd/main-stage.jpg', reading)).toBe(body.replace('kcd/stage.jpg', 'kcd/main-stage.jpg'));
    expect(removePhotoLinks(body, '/img/blog/kcd/stage.jpg', reading).removed).toBe(1);
    // The page asks the service about the path it read: the same file.
    const [found] = await service.resolveImages({ recapPath: file, urls: ['/img/blog/kcd/stage.jpg'] });
    expect(found?.src).toBe(`asset:${path.join(root, 'static/img/blog/kcd/stage.jpg')}`);
  });

  it("a bundle's photo linked through its own folder (`@site/blog/<post>/a.jpg`, in Markdown and an MDX import): counted, renamed with the folder kept; copied elsewhere, the link takes the alias's place", async () => {
    const root = path.join(tmp, 'site');
    const file = await docusaurusSite(root, ['![Hall](@site/blog/2024-06-01-kcd-porto/hall.jpg)', '', "import Hall from '@site/blog/2024-06-01-kcd-porto/hall.jpg';", '', '<img src={Hall} alt="Again" />']);
    const text = await fs.readFile(file, 'utf8');
    expect(await service.lintRecap({ text, path: file })).toEqual([]);
    const folder = await service.photoFolder({ recapPath: file, text });
    const own = (await service.listPhotos({ recapPath: file, imageDir: folder.imageDir })).find((p) => p.name === 'hall.jpg');
    expect(own?.url).toBe('./hall.jpg');
    const reading = readingOfPost(profileForRecap(file), text);
    const body = editorBody(text);
    expect(photoUseOf(photoUses(body, reading), './hall.jpg')?.count).toBe(2);
    const renamed = replacePhotoUrl(body, './hall.jpg', './main-hall.jpg', reading);
    expect(renamed).toContain('![Hall](@site/blog/2024-06-01-kcd-porto/main-hall.jpg)');
    expect(renamed).toContain("import Hall from '@site/blog/2024-06-01-kcd-porto/main-hall.jpg';");
    // A site path in its place (a copy into static/) replaces the whole alias.
    const moved = replacePhotoUrl(body, './hall.jpg', '/img/kcd-porto/hall.jpg', reading);
    expect(moved).toContain('![Hall](/img/kcd-porto/hall.jpg)');
    expect(moved).toContain("import Hall from '/img/kcd-porto/hall.jpg';");
    // And a link through `@site/static` to a relative place the same way.
    const served = '![Stage](@site/static/img/kcd-porto/stage.jpg)\n';
    expect(photoUseOf(photoUses(served, reading), '/img/kcd-porto/stage.jpg')?.count).toBe(1);
    expect(replacePhotoUrl(served, '/img/kcd-porto/stage.jpg', './stage.jpg', reading)).toBe('![Stage](./stage.jpg)\n');
  });
});

describe('@site/ is no alias outside Docusaurus, and a bundle site serves static/, not its root', () => {
  it('a Hugo bundle: `@site/…` is a relative link, `/src/…` is looked for in static/ alone', async () => {
    const root = path.join(tmp, 'hugo');
    await put(root, 'hugo.toml', 'baseURL = "https://example.org/"\n');
    await photo(path.join(root, 'src/logo.jpg'), 15);
    await photo(path.join(root, 'content/posts/kcd/cover.jpg'), 16);
    const file = await put(root, 'content/posts/kcd/index.md', '---\ntitle: KCD\n---\n\n![Cover](cover.jpg)\n\n![Logo](/src/logo.jpg)\n\n![Alias](@site/src/logo.jpg)\n');
    const problems = await service.lintRecap({ text: await fs.readFile(file, 'utf8'), path: file });
    expect(problems.map((p) => [p.code, p.message])).toEqual([
      ['image-missing', expect.stringContaining(`looked for ${path.join(root, 'static/src/logo.jpg')}`)],
      ['image-missing', expect.stringContaining(`looked for ${path.join(root, 'content/posts/kcd/@site/src/logo.jpg')}`)],
    ]);
  });

  it('a Docusaurus post: `/src/…` is looked for in static/ alone', async () => {
    const root = path.join(tmp, 'site');
    await photo(path.join(root, 'src/img/logo.jpg'), 14);
    const file = await docusaurusSite(root, ['![Logo](/src/img/logo.jpg)']);
    const problems = await service.lintRecap({ text: await fs.readFile(file, 'utf8'), path: file });
    expect(problems.map((p) => [p.code, p.message])).toEqual([['image-missing', expect.stringContaining(`looked for ${path.join(root, 'static/src/img/logo.jpg')}`)]]);
  });
});
