// Every site shape of other-sites.ts walked through export as its author does: add a photo in
// the tray, then export into its own checkout, into a second checkout of the same site (a clone
// without the post), to a folder and to a .zip. Each time the post lands at the path it has in
// its own site and its photos (the new one too) where that site keeps them: `git status
// --porcelain` of the target shows exactly those files, and `recap lint` passes on the exported
// post where it landed.

import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecapService, type RecapService } from '../../../electron/service/service';
import { detectSite } from '../../../electron/service/site/site';
import { cliInProcess } from '../support/cli-run';
import { listFiles, tempDir } from '../support/site-fixture';
import { docusaurusBlog, docusaurusDatedFolders, docusaurusFlatPosts, docusaurusSiteAlias, hugoBlogPostsFolder, hugoDatedBundles, put, hugoLanguageFolders, hugoPlainBlogLanguages, hugoPlainNews, hugoTomlBundles, jekyllSubfolders, jekyllYearFolders, photo, type OtherSite } from '../site/other-sites';
import { readZipEntries } from './read-zip';

let tmp: string;
let service: RecapService;

beforeEach(async () => {
  tmp = await tempDir('checkouts');
  service = createRecapService({ home: path.join(tmp, 'data') });
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'core.fsmonitor=false', '-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd: dir, encoding: 'utf8' });
}

/** Makes `dir` a repository with every file committed. */
function commitAll(dir: string): void {
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'site');
}

/** The target's changes since its commit, one `XY path` a line (untracked files one by one). */
function porcelain(dir: string): string[] {
  return git(dir, 'status', '--porcelain', '--untracked-files=all').split('\n').filter((l) => l !== '').sort();
}

interface Shape {
  name: string;
  make: (root: string) => Promise<OtherSite>;
  /** The post walked, when not the builder's own post. */
  post?: (site: OtherSite) => string;
  /** The post's photos, relative to the site, as its site keeps them. */
  photos: string[];
  /** Where a photo the author adds in the tray goes, relative to the site. */
  added: string;
  /** The findings the text with that photo rightly gets (their codes), none by default. */
  findings?: string[];
}

const SHAPES: Shape[] = [
  { name: 'Jekyll, a post in a _posts subfolder (_posts/events/)', make: jekyllSubfolders, photos: ['assets/images/kcd/keynote.jpg'], added: 'assets/images/kcd/new.jpg' },
  { name: 'Jekyll, a post in a category folder (events/_posts/)', make: jekyllSubfolders, post: (s) => (s as OtherSite & { categoryPost: string }).categoryPost, photos: [], added: 'assets/images/meetup/new.jpg' },
  { name: "Jekyll, a post in a year's folder (_posts/2024/)", make: jekyllYearFolders, photos: ['assets/images/kcd-quito/keynote.jpg'], added: 'assets/images/kcd-quito/new.jpg' },
  { name: "Jekyll, a post left in _posts/ on a site of years' folders", make: jekyllYearFolders, post: (s) => (s as OtherSite & { loose: string }).loose, photos: [], added: 'assets/images/hello/new.jpg' },
  { name: 'Hugo, a TOML page bundle', make: hugoTomlBundles, photos: ['content/posts/kcd-hangzhou/cover.jpg', 'content/posts/kcd-hangzhou/stage.jpg'], added: 'content/posts/kcd-hangzhou/new.jpg' },
  { name: 'Hugo, a JSON page bundle in a language and dated folder', make: hugoDatedBundles, photos: ['content/en/blog/_posts/2023/kcs-shanghai/stage.jpg'], added: 'content/en/blog/_posts/2023/kcs-shanghai/new.jpg' },
  { name: 'Hugo, a YAML news post in its language folder (content/zh/news/)', make: hugoLanguageFolders, photos: ['static/images/news/kcd-shenzhen/hall.jpg'], added: 'static/images/news/kcd-shenzhen/new.jpg' },
  { name: 'Hugo, a plain-file post (content/news/)', make: hugoPlainNews, photos: [], added: 'static/images/news/autumn-meetup/new.jpg' },
  { name: 'Hugo, a plain-file post in a language folder (content/zh/blog/)', make: hugoPlainBlogLanguages, photos: [], added: 'static/images/blog/qiu-ji/new.jpg' },
  { name: 'Hugo, a dated plain-file post below the section (content/en/blog/_posts/, kubernetes.io)', make: hugoBlogPostsFolder, photos: ['static/images/blog/2024-03-19-kcd-porto/hall.jpg'], added: 'static/images/blog/2024-03-19-kcd-porto/new.jpg' },
  { name: 'Hugo, a page bundle among plain-file posts (kubernetes.io): its photos stay beside it', make: hugoBlogPostsFolder, post: (s) => (s as OtherSite & { bundle: string }).bundle, photos: ['content/en/blog/_posts/2024-03-01-gateway/diagram.jpg'], added: 'content/en/blog/_posts/2024-03-01-gateway/new.jpg' },
  { name: 'Docusaurus, a post in its dated folder', make: docusaurusBlog, photos: ['blog/2024-05-01-kcd-recap/hallway.jpg'], added: 'blog/2024-05-01-kcd-recap/new.jpg' },
  { name: 'Docusaurus, a translation (i18n/zh-CN/…)', make: docusaurusBlog, post: (s) => (s as OtherSite & { translation: string }).translation, photos: ['i18n/zh-CN/docusaurus-plugin-content-blog/2024-05-01-kcd-recap/hallway.jpg'], added: 'i18n/zh-CN/docusaurus-plugin-content-blog/2024-05-01-kcd-recap/new.jpg', findings: ['translation-images'] },
  { name: "Docusaurus, a post linking its site's static/ photo through @site/", make: docusaurusSiteAlias, photos: ['static/img/kcd-porto/stage.jpg'], added: 'blog/2024-06-01-kcd-porto/new.jpg' },
  { name: 'Docusaurus, a post in blog/YYYY/MM/DD/<slug>/', make: docusaurusDatedFolders, photos: ['blog/2024/05/01/kcd/stage.jpg'], added: 'blog/2024/05/01/kcd/new.jpg' },
  { name: 'Docusaurus, a flat post whose site keeps images in static/img/<slug>/', make: docusaurusFlatPosts, photos: ['static/img/kcd/stage.jpg'], added: 'static/img/kcd/new.jpg' },
  { name: 'Docusaurus, a flat post of a site with no hint, its photo linked beside it (./pizza.jpg)', make: docusaurusDatedFolders, post: (s) => (s as OtherSite & { flat: string }).flat, photos: ['blog/pizza.jpg'], added: 'static/img/blog/meetup/new.jpg' },
];

/** The site built twice: the author's checkout and a second clone without the post and its photos. */
async function checkouts(shape: Shape): Promise<{ site: OtherSite; post: string; file: string; clone: string; files: string[] }> {
  const site = await shape.make(path.join(tmp, 'site'));
  const post = shape.post?.(site) ?? site.post;
  const clone = path.join(tmp, 'clone');
  await shape.make(clone);
  const files = [post, ...shape.photos, shape.added].sort();
  for (const f of files) await fs.rm(path.join(clone, f), { force: true });
  commitAll(clone);
  return { site, post, file: path.join(site.root, post), clone, files };
}

describe('a post of each site shape, exported as its author does', () => {
  for (const shape of SHAPES) {
    it(shape.name, async () => {
      const { site, post, file, clone, files } = await checkouts(shape);
      commitAll(site.root);
      // The author adds a photo in the tray and links it at the end of the text.
      const { text: opened } = await service.openRecap({ path: file });
      const folder = await service.photoFolder({ recapPath: file, text: opened });
      const imported = await service.importPhoto({ recapPath: file, imageDir: folder.imageDir, source: { path: await photo(path.join(tmp, 'camera', 'new.jpg'), 30) } });
      expect(path.relative(site.root, imported.photo.localPath).split(path.sep).join('/')).toBe(shape.added);
      const text = `${opened}\n${imported.markdown}\n`;
      const findings = shape.findings ?? [];
      const codes = (problems: Array<{ code: string }>): string[] => problems.map((p) => p.code);
      expect(codes(await service.lintRecap({ text, path: file }))).toEqual(findings);

      // Into its own checkout: the post changes and the new photo is there, nothing else.
      const own = await service.exportRecap({ recapPath: file, text, target: { kind: 'site', dir: site.root } });
      expect(own).toMatchObject({ written: true, post, postFrom: 'own' });
      expect(codes(own.problems)).toEqual(findings);
      expect(porcelain(site.root)).toEqual([` M ${post}`, `?? ${shape.added}`].sort());

      // Into a second checkout of the site: the same paths as in its own.
      const second = await service.exportRecap({ recapPath: file, text, target: { kind: 'site', dir: clone } });
      expect(second).toMatchObject({ written: true, post, postFrom: 'place' });
      expect(codes(second.problems)).toEqual(findings);
      expect(porcelain(clone)).toEqual(files.map((f) => `?? ${f}`));
      expect(await fs.readFile(path.join(clone, post), 'utf8')).toBe(text);
      const lint = await cliInProcess('lint', path.join(clone, post));
      expect([lint.code, lint.err]).toEqual([findings.length > 0 ? 1 : 0, '']);
      for (const code of findings) expect(lint.out).toContain(code);

      // To a folder and to a .zip: the same layout.
      const out = path.join(tmp, 'out');
      expect(await service.exportRecap({ recapPath: file, text, target: { kind: 'folder', dir: out } })).toMatchObject({ written: true, post });
      expect(await listFiles(out)).toEqual(files);
      // Again, where that export put it: nothing moves (a photo kept at its place is not relinked).
      const again = await service.planExport({ recapPath: file, text, target: { kind: 'folder', dir: out } });
      expect(again.postFrom).toBe('pinned');
      expect(again.files.map((f) => [f.path, f.status]).sort()).toEqual(files.map((f) => [f, 'unchanged']));
      const zip = path.join(tmp, 'recap.zip');
      await service.exportRecap({ recapPath: file, text, target: { kind: 'zip', file: zip } });
      expect((await readZipEntries(zip)).map((e) => e.name).filter((n) => !n.endsWith('/')).sort()).toEqual(files);
    });
  }
});

describe('a post renamed on export stays in its folder', () => {
  const RENAMES: Array<{ name: string; make: (root: string) => Promise<OtherSite>; post?: (site: OtherSite) => string; renamed: string[] }> = [
    { name: 'Jekyll, _posts/events/', make: jekyllSubfolders, renamed: ['_posts/events/2021-11-02-renamed.md'] },
    { name: 'Jekyll, events/_posts/', make: jekyllSubfolders, post: (s) => (s as OtherSite & { categoryPost: string }).categoryPost, renamed: ['events/_posts/2022-06-10-renamed.md'] },
    { name: "Jekyll, _posts/2024/ on a site of years' folders", make: jekyllYearFolders, renamed: ['_posts/2024/2024-05-01-renamed.md'] },
    { name: "Jekyll, _posts/ itself on a site of years' folders", make: jekyllYearFolders, post: (s) => (s as OtherSite & { loose: string }).loose, renamed: ['_posts/2019-02-01-renamed.md'] },
    { name: 'Hugo, a bundle in content/en/blog/_posts/2023/', make: hugoDatedBundles, renamed: ['content/en/blog/_posts/2023/renamed/index.md', 'content/en/blog/_posts/2023/renamed/stage.jpg'] },
    { name: 'Docusaurus, blog/2024/05/01/<slug>/', make: docusaurusDatedFolders, renamed: ['blog/2024/05/01/renamed/index.md', 'blog/2024/05/01/renamed/stage.jpg'] },
  ];
  for (const r of RENAMES) {
    it(`${r.name}: in its own checkout and in another one`, async () => {
      const site = await r.make(path.join(tmp, 'site'));
      const file = path.join(site.root, r.post?.(site) ?? site.post);
      const clone = path.join(tmp, 'clone');
      await r.make(clone);
      for (const dir of [site.root, clone]) {
        const plan = await service.planExport({ recapPath: file, target: { kind: 'site', dir }, slug: 'renamed' });
        expect(plan.problems).toEqual([]);
        expect(plan.files.filter((f) => f.status === 'added').map((f) => f.path)).toEqual(r.renamed);
      }
    });
  }
});

/**
 * A new recap (a draft outside any site: front matter `fm`, a photo beside it) exported into the
 * site at `root`: the post and the photo are the only new files there, and `recap lint` passes on
 * the post where it landed.
 */
async function exportNewRecap(root: string, fm: string[], post: string, image: string): Promise<{ draft: string; text: string }> {
  const draft = path.join(tmp, 'draft', 'kcd-lisbon.md');
  await photo(path.join(tmp, 'draft', 'photos', 'stage.jpg'), 31);
  const text = ['---', ...fm, '---', '', 'The stage.', '', '![The stage at KCD Lisbon](photos/stage.jpg)', ''].join('\n');
  await fs.writeFile(draft, text);
  const exported = await service.exportRecap({ recapPath: draft, text, target: { kind: 'site', dir: root } });
  expect(exported).toMatchObject({ written: true, post, problems: [] });
  expect(porcelain(root)).toEqual([`?? ${post}`, `?? ${image}`]);
  const lint = await cliInProcess('lint', path.join(root, post));
  expect([lint.code, lint.err]).toEqual([0, '']);
  return { draft, text };
}

describe("a new recap exported into a Jekyll site whose posts are in years' folders", () => {
  it("lands in its date's year folder (_posts/2025/), a new one; a site with most posts in _posts/ itself keeps them there", async () => {
    const site = await jekyllYearFolders(path.join(tmp, 'site'));
    commitAll(site.root);
    expect(detectSite(site.root).profile.post).toBe('_posts/{year}/{date}-{slug}.md');
    const { draft, text } = await exportNewRecap(site.root, ['layout: post', 'title: "KCD Lisbon"', 'date: 2025-04-01', 'author: lin'], '_posts/2025/2025-04-01-kcd-lisbon.md', 'assets/images/kcd-lisbon/stage.jpg');

    // Most posts in _posts/ itself: new ones go there too.
    const flat = path.join(tmp, 'flat');
    await put(flat, '_config.yml', 'title: Blog\n');
    for (const name of ['2023-01-01-a', '2023-02-01-b']) await put(flat, `_posts/${name}.md`, '---\ntitle: A\n---\n\nText.\n');
    await put(flat, '_posts/2024/2024-01-01-c.md', '---\ntitle: C\n---\n\nText.\n');
    expect(detectSite(flat).profile.post).toBe('_posts/{date}-{slug}.md');
    expect(await service.exportRecap({ recapPath: draft, text, target: { kind: 'site', dir: flat }, leaveOutUnused: true })).toMatchObject({ written: true, post: '_posts/2025-04-01-kcd-lisbon.md' });
  });
});

describe('a new recap exported into a site whose posts sit below their section', () => {
  it('kubernetes.io: it lands in content/en/blog/_posts/, named by its date as the posts there are', async () => {
    const site = await hugoBlogPostsFolder(path.join(tmp, 'site'));
    commitAll(site.root);
    const fm = ['layout: blog', 'title: "KCD Lisbon 2024: a recap"', 'date: 2024-04-01', 'slug: kcd-lisbon-recap', 'author: >', '  Ana (Org)'];
    await exportNewRecap(site.root, fm, 'content/en/blog/_posts/2024-04-01-kcd-lisbon.md', 'static/images/blog/kcd-lisbon/stage.jpg');
    // The language the config turns off is none of the site's, though its folder is there.
    expect(detectSite(site.root)).toMatchObject({ languages: ['en', 'zh-cn'], profile: { post: 'content/{lang}/{section}/_posts/{date}-{slug}.md' } });
  });

  it("in years' folders (_posts/2024/<slug>.md): it lands in its date's year, a new one if need be; without a date it is refused, saying what to add", async () => {
    const root = path.join(tmp, 'years');
    await put(root, 'hugo.toml', 'title = "Blog"\ndefaultContentLanguage = "en"\n[languages.en]\nweight = 1\n[languages.ja]\nweight = 2\n');
    const fm = (title: string, date: string): string => ['---', `title: "${title}"`, `date: ${date}`, '---', '', 'Text.', ''].join('\n');
    await put(root, 'content/en/blog/_posts/2023/kcd-lima.md', fm('KCD Lima', '2023-05-01'));
    await put(root, 'content/en/blog/_posts/2024/kcd-quito.md', fm('KCD Quito', '2024-05-01'));
    await put(root, 'content/en/blog/_posts/2024/kcd-bogota.md', fm('KCD Bogota', '2024-06-01'));
    await put(root, 'content/ja/blog/_posts/2024/kcd-tokyo.md', fm('KCD Tokyo', '2024-07-01'));
    commitAll(root);
    expect(detectSite(root).profile.post).toBe('content/{lang}/{section}/_posts/{year}/{slug}.md');
    const draft = path.join(tmp, 'draft', 'kcd-lisbon.md');
    const text = fm('KCD Lisbon', '2025-04-01');
    await put(path.join(tmp, 'draft'), 'kcd-lisbon.md', text);
    const exported = await service.exportRecap({ recapPath: draft, text, target: { kind: 'site', dir: root } });
    expect(exported).toMatchObject({ written: true, post: 'content/en/blog/_posts/2025/kcd-lisbon.md', problems: [] });
    expect(porcelain(root)).toEqual(['?? content/en/blog/_posts/2025/kcd-lisbon.md']);
    const undated = ['---', 'title: "KCD Porto"', '---', '', 'Text.', ''].join('\n');
    const refused = await service.exportRecap({ recapPath: draft, text: undated, target: { kind: 'site', dir: root } });
    expect(refused.written).toBe(false);
    expect(refused.problems.map((p) => [p.code, p.field, p.message])).toEqual([['required', 'date', 'Date is required. Add the line "date: …" to the front matter.']]);
    expect(porcelain(root)).toEqual(['?? content/en/blog/_posts/2025/kcd-lisbon.md']);
  });
});
