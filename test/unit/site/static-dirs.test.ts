// A site whose config names the folders it serves at `/` — Docusaurus' `staticDirectories`, Hugo's
// `staticDir`, Hugo's module mounts into static (some below a path) — has its site-absolute links looked for there, in that order, by lint, the
// preview's lookups and export alike; a new photo goes to a folder the site serves; and a name
// that leaves the site is no folder of it. Real sites in temp dirs.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecapService, type RecapService } from '../../../electron/service/service';
import { docusaurusStaticDirs, hugoStaticMounts } from '../../../electron/service/site/static-dirs';
import { profileForRecap } from '../../../electron/service/site/site';
import { REFERENCE, REFERENCE_IMAGES, REFERENCE_NAME, makeDraft, png, tempDir, writeText } from '../support/site-fixture';

let tmp: string;
let service: RecapService;
beforeEach(async () => {
  tmp = await tempDir('static-dirs');
  service = createRecapService({ cacheDir: path.join(tmp, 'cache'), home: path.join(tmp, 'home') });
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

const imageCodes = async (text: string, file: string) => (await service.lintRecap({ text, path: file })).filter((p) => p.code.startsWith('image-')).map((p) => [p.code, p.line]);
const DOCS_POST = ['---', 'title: Meetup', 'authors: [ana]', 'tags: [kcd]', '---', '', 'We met.', '', '![Logo](/img/logo.png)', '', '![Stage](/img/stage.png)', ''].join('\n');

/** A Docusaurus site whose config says `staticDirectories: [dirs]`, with logo.png in public/img/ and stage.png in static/img/. */
async function docusaurusSite(dirs: string): Promise<{ site: string; post: string }> {
  const site = path.join(tmp, 'docs');
  await writeText(path.join(site, 'docusaurus.config.js'), `export default {\n  title: 'KCD',\n  url: 'https://kcd.example.org',\n  staticDirectories: ${dirs},\n  presets: [],\n};\n`);
  await png(path.join(site, 'public/img/logo.png'), 1);
  await png(path.join(site, 'static/img/stage.png'), 2);
  await writeText(path.join(site, 'blog/authors.yml'), 'ana:\n  name: Ana\n');
  const post = await writeText(path.join(site, 'blog/2024-05-01-meetup.md'), DOCS_POST);
  return { site, post };
}

describe("the folders a site's config says it serves at /", () => {
  it("Docusaurus' staticDirectories, read as text: only folders inside the site", () => {
    expect(docusaurusStaticDirs("module.exports = { staticDirectories: ['public', \"static\"] }")).toEqual(['public', 'static']);
    expect(docusaurusStaticDirs("staticDirectories: ['../outside', '/etc', '.git', 'C:/x', 'assets/static/']")).toEqual(['assets/static']);
    expect(docusaurusStaticDirs("staticDirectories: ['..']")).toBeNull();
    expect(docusaurusStaticDirs("export default { title: 'x' }")).toBeNull();
  });

  it('Docusaurus with public/ and static/: an image in either is found, and export into the site copies neither', async () => {
    const { site, post } = await docusaurusSite("['public', 'static']");
    expect(await imageCodes(DOCS_POST, post)).toEqual([]);
    expect(profileForRecap(post).rules?.details).toContain("Site-absolute links (/img/…) are served from public/, static/, in that order, as the site's config names them.");
    const lookups = await service.resolveImages({ recapPath: post, urls: ['/img/logo.png', '/img/stage.png'] });
    expect(lookups.map((l) => l.localPath)).toEqual([path.join(site, 'public/img/logo.png'), path.join(site, 'static/img/stage.png')]);
    const plan = await service.planExport({ recapPath: post, text: DOCS_POST, target: { kind: 'site', dir: site } });
    expect(plan.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(plan.files.map((f) => [f.path, f.status])).toEqual([['blog/2024-05-01-meetup.md', 'unchanged']]);
  });

  it('Docusaurus with public/ alone: static/ is not served, and a new photo goes to public/', async () => {
    const { site, post } = await docusaurusSite("['public']");
    expect(await imageCodes(DOCS_POST, post)).toEqual([['image-missing', 11]]);
    const folder = await service.photoFolder({ recapPath: post, text: DOCS_POST });
    expect(path.relative(site, folder.dir).split(path.sep)[0]).toBe('public');
  });

  it("Hugo's staticDir list: each folder serves /, and a name that leaves the site is none of them", async () => {
    const site = path.join(tmp, 'hugo');
    await writeText(path.join(site, 'hugo.toml'), 'title = "Events"\nstaticDir = ["static", "shared", "../outside"]\n');
    await png(path.join(site, 'shared/images/logo.png'), 3);
    await png(path.join(tmp, 'outside/images/secret.png'), 4);
    const text = ['---', 'title: "KCD"', 'description: "KCD in photos"', '---', '', '![Logo](/images/logo.png)', '', '![Secret](/images/secret.png)', ''].join('\n');
    const post = await writeText(path.join(site, 'content/news/kcd.md'), text);
    expect(await imageCodes(text, post)).toEqual([['image-missing', 8]]);
    const [logo, secret] = await service.resolveImages({ recapPath: post, urls: ['/images/logo.png', '/images/secret.png'] });
    expect(logo?.localPath).toBe(path.join(site, 'shared/images/logo.png'));
    expect(secret?.src).toBeNull();
    expect(secret?.localPath).not.toContain('outside');
  });

  it("Hugo's assetDir: a figure's src is looked for in the folder the config names, never in one outside the site", async () => {
    const site = path.join(tmp, 'hugo-assets');
    await writeText(path.join(site, 'hugo.toml'), 'title = "Events"\nassetDir = "src/assets"\n');
    await png(path.join(site, 'src/assets/images/hall.png'), 5);
    await png(path.join(site, 'assets/images/crowd.png'), 6);
    const text = ['---', 'title: "KCD"', 'description: "KCD in photos"', '---', '', '{{< figure src="/images/hall.png" alt="Hall" >}}', '', '{{< figure src="/images/crowd.png" alt="Crowd" >}}', ''].join('\n');
    const post = await writeText(path.join(site, 'content/news/kcd.md'), text);
    expect(await imageCodes(text, post)).toEqual([['image-missing', 8]]);
    const [hall] = await service.resolveImages({ recapPath: post, urls: [], figureUrls: ['/images/hall.png'] });
    expect(hall?.localPath).toBe(path.join(site, 'src/assets/images/hall.png'));
    const plan = await service.planExport({ recapPath: post, text: text.replace(/\{\{< figure src="\/images\/crowd.png" alt="Crowd" >\}\}\n/, ''), target: { kind: 'site', dir: site } });
    expect(plan.files.filter((f) => f.kind === 'image')).toEqual([]);

    await writeText(path.join(site, 'hugo.toml'), 'title = "Events"\nassetDir = "../outside"\n');
    await png(path.join(tmp, 'outside/images/hall.png'), 7);
    expect((await service.resolveImages({ recapPath: post, urls: [], figureUrls: ['/images/hall.png'] }))[0]?.localPath).not.toContain('outside');
  });

  it("Hugo's module mounts into static: each serves its path (assets/images at /images/), only these are served, a source outside the site is none", async () => {
    const site = path.join(tmp, 'mounts');
    const mounts = (...m: Array<[string, string]>): string => m.map(([source, target]) => `[[module.mounts]]\nsource = "${source}"\ntarget = "${target}"\n`).join('');
    await writeText(path.join(site, 'hugo.toml'), `baseURL = "https://example.org/"\n${mounts(['static', 'static'], ['assets/images', 'static/images'], ['../outside', 'static/secret'], ['/etc', 'static/etc'], ['layouts', 'layouts'])}`);
    expect(hugoStaticMounts(path.join(site, 'hugo.toml'))).toEqual([{ dir: 'static', at: '' }, { dir: 'assets/images', at: 'images' }]);
    // The reference recap, its photos in assets/images/news/kcd-china/ (served at /images/news/kcd-china/), a logo in static/.
    for (const [i, n] of REFERENCE_IMAGES.entries()) await png(path.join(site, 'assets/images/news/kcd-china', n), i);
    await png(path.join(site, 'static/logo.png'), 8);
    await png(path.join(tmp, 'outside/kcd.png'), 9);
    const post = await writeText(path.join(site, 'content/en/news', REFERENCE_NAME), REFERENCE);
    expect(await imageCodes(REFERENCE, post)).toEqual([]);
    expect(profileForRecap(post).rules?.details).toContain("Site-absolute links (/img/…) are served from static/, assets/images/ → /images/, in that order, as the site's config names them.");
    const [photo, logo, secret] = await service.resolveImages({ recapPath: post, urls: [`/images/news/kcd-china/${REFERENCE_IMAGES[0]}`, '/logo.png', '/secret/kcd.png'] });
    expect([photo?.localPath, logo?.localPath, secret?.src]).toEqual([path.join(site, 'assets/images/news/kcd-china', REFERENCE_IMAGES[0] ?? ''), path.join(site, 'static/logo.png'), null]);
    expect(secret?.localPath).not.toContain('outside');
    // Export of the site's own post: its photos where they are, unchanged; a new recap's photos go to the folder mounted at their address.
    const own = await service.planExport({ recapPath: post, text: REFERENCE, target: { kind: 'site', dir: site } });
    expect(own.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(own.files.map((f) => [f.path, f.status]).sort()).toEqual([[`content/en/news/${REFERENCE_NAME}`, 'unchanged'], ...REFERENCE_IMAGES.map((n) => [`assets/images/news/kcd-china/${n}`, 'unchanged'])].sort());
    // Other photos at the same addresses (a copy of the recap with its own photos): refused as a conflict, not written beside them in static/.
    const { recap: copy } = await makeDraft(path.join(tmp, 'copy'));
    await expect(service.exportRecap({ recapPath: copy, target: { kind: 'site', dir: site } })).rejects.toThrow(/6 different files where the export goes: assets\/images\/news\/kcd-china\/guest-speakers.png/);
    const text = ['---', 'title: "KCD Porto"', 'description: "KCD Porto in photos"', 'createTime: "2024-10-12"', 'author: "Ana"', '---', '', '![The hall](./hall.png)', ''].join('\n');
    const recap = await writeText(path.join(tmp, 'draft', 'kcd-porto.md'), text);
    await png(path.join(tmp, 'draft', 'hall.png'), 10);
    const done = await service.exportRecap({ recapPath: recap, text, target: { kind: 'site', dir: site } });
    expect([done.written, done.problems, done.added.sort()]).toEqual([true, [], ['assets/images/news/kcd-porto/hall.png', 'content/en/news/kcd-porto.md']]);
    const exported = path.join(site, done.post ?? '');
    expect(await fs.readFile(exported, 'utf8')).toContain('![The hall](/images/news/kcd-porto/hall.png)');
    expect(await imageCodes(await fs.readFile(exported, 'utf8'), exported)).toEqual([]);

    // Mounts into a path alone: Hugo serves no static/ then (a link to its file is missing), a new photo goes to the mount serving its address.
    await writeText(path.join(site, 'hugo.toml'), `baseURL = "https://example.org/"\n${mounts(['assets/images', 'static/images'])}`);
    const withLogo = `${REFERENCE}\n![Logo](/logo.png)\n`;
    expect(await imageCodes(withLogo, post)).toEqual([['image-missing', withLogo.split('\n').length - 1]]);
    expect(path.relative(site, (await service.photoFolder({ recapPath: post, text: REFERENCE })).dir)).toBe(path.join('assets', 'images', 'news', 'kcd-china'));
    // A draft for the site finds the photos the site serves from its mount.
    await service.rememberSite({ dir: site });
    const made = await service.newRecap({ template: { source: 'posts', name: 'event-recap', site }, title: 'KCD Lisbon' });
    const linked = `${made.text}\n![Organizers](/images/news/kcd-china/${REFERENCE_IMAGES[1]})\n`;
    expect((await service.lintRecap({ path: made.draft.recapPath, text: linked })).filter((p) => p.code.startsWith('image-'))).toEqual([]);
  });

  it("a page bundle's /stage.png is static/stage.png, not the photo beside the post; a draft's own folder keeps serving its /images/", async () => {
    const site = path.join(tmp, 'bundle-root');
    await writeText(path.join(site, 'hugo.toml'), 'baseURL = "https://example.org/"\n');
    const text = ['---', 'title: KCD', 'date: 2024-05-01', '---', '', 'We met.', '', '![Stage](/stage.png)', ''].join('\n');
    const post = await writeText(path.join(site, 'content/posts/kcd/index.md'), text);
    await png(path.join(site, 'content/posts/kcd/stage.png'), 1);
    // Before: no problem, while the site serves /stage.png from static/ alone.
    expect(await imageCodes(text, post)).toEqual([['image-missing', 8]]);
    await png(path.join(site, 'static/stage.png'), 2);
    expect(await imageCodes(text, post)).toEqual([]);
    const { recap } = await makeDraft(path.join(tmp, 'mirror'));
    expect(await imageCodes(await fs.readFile(recap, 'utf8'), recap)).toEqual([]);
  });

  it('a draft for a Docusaurus site with public/ finds the images the site serves there', async () => {
    const { site } = await docusaurusSite("['public', 'static']");
    await service.rememberSite({ dir: site });
    const made = await service.newRecap({ template: { source: 'posts', name: 'event-recap', site }, title: 'KCD Porto' });
    const text = `${made.text}\n![Logo](/img/logo.png)\n`;
    expect((await service.lintRecap({ path: made.draft.recapPath, text })).filter((p) => p.code.startsWith('image-'))).toEqual([]);
  });
});
