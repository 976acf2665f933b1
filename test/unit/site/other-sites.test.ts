// The journeys of recaps of other real sites, as their authors walk them through the service:
// open an existing post, see its photos in the tray, add a photo, lint, export into the site
// checkout (or another one). Each site is built as real files by other-sites.ts.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecapService, type RecapService } from '../../../electron/service/service';
import { detectSite, sitePlaces } from '../../../electron/service/site/site';
import { listFiles, tempDir } from '../support/site-fixture';
import { docusaurusBlog, docusaurusDatedFolders, docusaurusMdxBlog, docusaurusFlatPosts, hugoLanguageFolders, hugoPlainBlogLanguages, hugoPlainNews, hugoFromJekyll, hugoTomlBundles, jekyllNewSite, jekyllSubfolders, photo, put, type OtherSite } from './other-sites';

let tmp: string;
let service: RecapService;

beforeEach(async () => {
  tmp = await tempDir('other-sites');
  service = createRecapService({ home: path.join(tmp, 'data') });
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

interface Walk {
  file: string;
  text: string;
  lint: string[];
  folder: { imageDir: string; dir: string; url: string };
  tray: Array<{ url: string; localPath: string }>;
}

/** Opens a post of the site as the author does: its text, the Problems panel, the photo folder and the tray. */
async function openPost(site: OtherSite, rel: string = site.post): Promise<Walk> {
  const file = path.join(site.root, ...rel.split('/'));
  const { text } = await service.openRecap({ path: file });
  const lint = (await service.lintRecap({ text, path: file })).map((p) => `${p.severity}: ${p.message}`);
  const folder = await service.photoFolder({ recapPath: file, text });
  const tray = (await service.listPhotos({ recapPath: file, imageDir: folder.imageDir })).map((p) => ({ url: p.url, localPath: p.localPath }));
  return { file, text, lint, folder, tray };
}

/** Adds a new photo to the post (as a drop does) and answers the text with its link at the end. */
async function addPhoto(walk: Walk, name: string, seed: number): Promise<{ text: string; url: string; localPath: string }> {
  const source = await photo(path.join(tmp, 'camera', name), seed);
  const imported = await service.importPhoto({ recapPath: walk.file, imageDir: walk.folder.imageDir, source: { path: source } });
  return { text: `${walk.text}\n${imported.markdown}\n`, url: imported.photo.url, localPath: imported.photo.localPath };
}

describe('Jekyll posts in _posts subfolders and category folders', () => {
  it('a post in _posts/events/ finds its site: its slug and photo folder from the path, the tray, a new photo, lint and export back in place', async () => {
    const site = await jekyllSubfolders(path.join(tmp, 'jekyll'));
    const walk = await openPost(site);
    expect(walk.lint).toEqual([]);
    expect(walk.folder).toEqual({ imageDir: 'kcd', dir: path.join(site.root, 'assets', 'images', 'kcd'), url: '/assets/images/kcd', fixed: null });
    expect(walk.tray).toEqual([{ url: '/assets/images/kcd/keynote.jpg', localPath: path.join(site.root, 'assets/images/kcd/keynote.jpg') }]);

    const added = await addPhoto(walk, 'Group Photo.jpg', 3);
    expect(added.url).toBe('/assets/images/kcd/group-photo.jpg');
    expect(added.localPath).toBe(path.join(site.root, 'assets/images/kcd/group-photo.jpg'));
    expect(await service.lintRecap({ text: added.text, path: walk.file })).toEqual([]);

    const before = await listFiles(site.root);
    const report = await service.exportRecap({ recapPath: walk.file, text: added.text, target: { kind: 'site', dir: site.root } });
    expect(report).toMatchObject({ written: true, post: '_posts/events/2021-11-02-kcd.md', slug: 'kcd', problems: [] });
    expect(report.changed).toEqual(['_posts/events/2021-11-02-kcd.md']);
    expect(await listFiles(site.root)).toEqual(before);
    expect(await fs.readFile(walk.file, 'utf8')).toBe(added.text);
  });

  it('a post in a category folder (events/_posts/) belongs to the site above the category, not to the category', async () => {
    const site = await jekyllSubfolders(path.join(tmp, 'jekyll'));
    const walk = await openPost(site, site.categoryPost);
    expect(walk.lint).toEqual([]);
    expect(walk.folder).toEqual({ imageDir: 'meetup', dir: path.join(site.root, 'assets', 'images', 'meetup'), url: '/assets/images/meetup', fixed: null });
    const added = await addPhoto(walk, 'pizza.jpg', 4);
    expect(added.localPath).toBe(path.join(site.root, 'assets/images/meetup/pizza.jpg'));
    const report = await service.exportRecap({ recapPath: walk.file, text: added.text, target: { kind: 'site', dir: site.root } });
    expect(report).toMatchObject({ written: true, post: site.categoryPost, problems: [] });
    expect(report.added).toEqual([]);
    expect(report.unchanged).toEqual(['assets/images/meetup/pizza.jpg']);
    expect(await listFiles(path.join(site.root, 'events'))).toEqual(['_posts/2022-06-10-meetup.md']);
  });
});

/**
 * A new recap (its draft's front matter `lines`, a photo beside it, linked `stage.jpg`) exported
 * into the site: it is written at `post` with its photo at `photoAt` and nothing else, and the
 * post reopens from the site linting clean, its photo (linked `photoUrl`) in the tray.
 */
async function exportsNewRecap(site: OtherSite, lines: string[], want: { post: string; photoAt: string; photoUrl: string }): Promise<string> {
  const text = ['---', ...lines, '---', '', 'A day of talks.', '', '![The stage](stage.jpg)', ''].join('\n');
  const recap = await put(tmp, 'drafts/kcd-porto/recap.md', text);
  await photo(path.join(tmp, 'drafts/kcd-porto/stage.jpg'), 12);
  const report = await service.exportRecap({ recapPath: recap, text, target: { kind: 'site', dir: site.root } });
  expect([report.written, report.post, report.problems, report.added.sort()]).toEqual([true, want.post, [], [want.post, want.photoAt].sort()]);
  const exported = await openPost(site, want.post);
  expect([exported.lint, exported.tray.map((p) => p.url)]).toEqual([[], [want.photoUrl]]);
  return recap;
}

describe('a site whose posts are not .md files', () => {
  it('Jekyll, named .markdown as `jekyll new` names them: a new recap is exported so, _posts/<date>-<slug>.markdown, with its photo, and reopens clean; a collection of .markdown documents gets one too', async () => {
    const site = await jekyllNewSite(path.join(tmp, 'jekyll-new'));
    const opened = await openPost(site);
    expect([opened.lint, opened.tray.map((p) => p.url)]).toEqual([[], ['/assets/images/spring-meetup/hall.jpg']]);
    const info = detectSite(site.root);
    expect([info.profile.post, info.profile.label]).toEqual(['_posts/{date}-{slug}.markdown', 'Jekyll blog (_posts/YYYY-MM-DD-<slug>.markdown)']);
    expect(sitePlaces(info)?.map((p) => p.post)).toEqual(['_posts/{date}-{slug}.markdown', '_events/{slug}.markdown']);

    const lines = ['layout: post', 'title: "KCD Porto"', 'date: 2024-05-01'];
    const recap = await exportsNewRecap(site, lines, { post: '_posts/2024-05-01-kcd-porto.markdown', photoAt: 'assets/images/kcd-porto/stage.jpg', photoUrl: '/assets/images/kcd-porto/stage.jpg' });
    const text = await fs.readFile(recap, 'utf8');
    const event = await service.exportRecap({ recapPath: recap, text, target: { kind: 'site', dir: site.root }, section: '_events', dryRun: true });
    expect([event.post, event.problems]).toEqual(['_events/kcd-porto.markdown', []]);
  });

  it('Hugo, brought over from Jekyll with its .markdown names: a new recap is exported so, in the section and the shape its posts have, and reopens clean', async () => {
    const site = await hugoFromJekyll(path.join(tmp, 'hugo-from-jekyll'));
    const opened = await openPost(site);
    expect([opened.lint, opened.tray.map((p) => p.url)]).toEqual([[], ['/images/posts/spring-meetup/hall.jpg']]);
    const info = detectSite(site.root);
    expect([info.profile.post, sitePlaces(info)?.map((p) => p.post)]).toEqual(['content/{section}/{date}-{slug}.markdown', ['content/{section}/{date}-{slug}.markdown', 'content/events/{date}-{slug}.markdown']]);
    const lines = ['title: "KCD Porto"', 'date: 2024-05-01'];
    await exportsNewRecap(site, lines, { post: 'content/posts/2024-05-01-kcd-porto.markdown', photoAt: 'static/images/posts/kcd-porto/stage.jpg', photoUrl: '/images/posts/kcd-porto/stage.jpg' });
  });

  it("Docusaurus, in MDX as the Docusaurus blog's own (index.mdx): a new recap is exported so, blog/<year>/<MM-DD>-<slug>/index.mdx with its photo beside it, and reopens clean", async () => {
    const site = await docusaurusMdxBlog(path.join(tmp, 'docusaurus-mdx'));
    const opened = await openPost(site);
    expect([opened.lint, opened.tray.map((p) => p.url)]).toEqual([[], ['./hall.png']]);
    expect(detectSite(site.root).profile.post).toBe('blog/{year}/{month}-{day}-{slug}/index.mdx');
    const lines = ['title: KCD Porto', 'date: 2024-05-01', 'tags: [kcd]'];
    await exportsNewRecap(site, lines, { post: 'blog/2024/05-01-kcd-porto/index.mdx', photoAt: 'blog/2024/05-01-kcd-porto/stage.jpg', photoUrl: './stage.jpg' });
  });
});

describe('a photo added to a plain-file Hugo post', () => {
  it('goes where the site keeps such images (static/images/news/<slug>/, linked /images/news/<slug>/…), not beside the post where Hugo does not publish it', async () => {
    const site = await hugoPlainNews(path.join(tmp, 'hugo'));
    const older = await openPost(site, 'content/news/spring-meetup.md');
    expect(older.tray.map((p) => p.url)).toEqual(['/images/news/spring-meetup/crowd.jpg']);

    const walk = await openPost(site);
    expect(walk.lint).toEqual([]);
    expect(walk.folder).toEqual({ imageDir: 'autumn-meetup', dir: path.join(site.root, 'static/images/news/autumn-meetup'), url: '/images/news/autumn-meetup', fixed: null });
    const added = await addPhoto(walk, 'stage.jpg', 5);
    expect(added).toMatchObject({ url: '/images/news/autumn-meetup/stage.jpg', localPath: path.join(site.root, 'static/images/news/autumn-meetup/stage.jpg') });
    expect((await service.listPhotos({ recapPath: walk.file, imageDir: walk.folder.imageDir })).map((p) => p.url)).toEqual([added.url]);
    expect(await service.lintRecap({ text: added.text, path: walk.file })).toEqual([]);

    const report = await service.exportRecap({ recapPath: walk.file, text: added.text, target: { kind: 'site', dir: site.root } });
    expect(report).toMatchObject({ written: true, post: site.post, problems: [], changed: [site.post], unchanged: ['static/images/news/autumn-meetup/stage.jpg'], added: [] });
    expect(await listFiles(path.join(site.root, 'content'))).toEqual(['news/autumn-meetup.md', 'news/spring-meetup.md']);

    // Into another checkout: the same layout, the link as written.
    const other = path.join(tmp, 'other');
    await hugoPlainNews(other);
    const copy = await service.exportRecap({ recapPath: walk.file, text: added.text, target: { kind: 'folder', dir: path.join(tmp, 'out') } });
    expect(copy.files.map((f) => f.path)).toEqual([site.post, 'static/images/news/autumn-meetup/stage.jpg']);
    expect(await fs.readFile(path.join(tmp, 'out', site.post), 'utf8')).toBe(added.text);
  });

  it('without a hint from the site, goes where Hugo publishes it: static/images/<section>/<slug>/', async () => {
    const root = path.join(tmp, 'bare');
    await put(root, 'hugo.toml', 'title = "Bare"\n');
    const post = 'content/blog/first-day.md';
    await put(root, post, '---\ntitle: First day\ndate: 2024-01-02\ndescription: The first day.\n---\n\nHello.\n');
    const walk = await openPost({ root, post });
    expect(walk.folder).toEqual({ imageDir: 'first-day', dir: path.join(root, 'static/images/blog/first-day'), url: '/images/blog/first-day', fixed: null });
    const added = await addPhoto(walk, 'hello.jpg', 6);
    expect(added.localPath).toBe(path.join(root, 'static/images/blog/first-day/hello.jpg'));
    expect(await service.lintRecap({ text: added.text, path: walk.file })).toEqual([]);
  });

  // A plain post of a site whose other posts keep their photos under static/, by their slugs: the post opened from the site, a photo added, lint clean, exported back in place.
  it.each([
    {
      name: "in a dated folder (content/blog/2024/x.md), by its section (blog), as the other sections' posts keep theirs (/images/news/<slug>/)",
      root: 'dated',
      other: { post: 'content/news/2023/spring.md', folder: '/images/news/spring' },
      post: 'content/blog/2024/autumn.md',
      folder: { imageDir: 'autumn', url: '/images/blog/autumn' },
    },
    {
      // Its own file stays where it is, whatever date its front matter gives (2024-05-02).
      name: "named by its date, as the site's posts are (content/posts/2024-03-01-spring.md): by its slug, as theirs are (/images/posts/spring/), and exported in place",
      root: 'dated-names',
      other: { post: 'content/posts/2024-03-01-spring.md', folder: '/images/posts/spring' },
      post: 'content/posts/2024-05-01-kcd-porto.md',
      folder: { imageDir: 'kcd-porto', url: '/images/posts/kcd-porto' },
    },
  ])('$name', async ({ root: name, other, post, folder }) => {
    const root = path.join(tmp, name);
    await put(root, 'hugo.toml', 'title = "Dated"\n');
    await put(root, other.post, `---\ntitle: Spring\ndate: 2023-03-01\ndescription: Spring.\n---\n\n![Crowd](${other.folder}/crowd.jpg)\n`);
    await photo(path.join(root, `static${other.folder}/crowd.jpg`), 1);
    await put(root, post, '---\ntitle: Autumn\ndate: 2024-05-02\ndescription: Autumn.\n---\n\nText.\n');
    const walk = await openPost({ root, post });
    expect(walk.folder).toEqual({ ...folder, dir: path.join(root, `static${folder.url}`), fixed: null });
    const added = await addPhoto(walk, 'leaves.jpg', 2);
    expect(await service.lintRecap({ text: added.text, path: walk.file })).toEqual([]);
    const report = await service.exportRecap({ recapPath: walk.file, text: added.text, target: { kind: 'site', dir: root } });
    expect(report).toMatchObject({ post, changed: [post], unchanged: [`static${folder.url}/leaves.jpg`], added: [], problems: [] });
  });

  it('a page bundle keeps its photos beside index.md', async () => {
    const site = await hugoTomlBundles(path.join(tmp, 'bundles'));
    const walk = await openPost(site);
    expect(walk.folder).toEqual({ imageDir: 'kcd-hangzhou', dir: path.join(site.root, 'content/posts/kcd-hangzhou'), url: '.', fixed: 'beside' });
  });
});

describe("export's language from the language folder", () => {
  it('a plain-file Hugo post in content/zh/blog/ exports to zh in another checkout of the site, not to the default language', async () => {
    const site = await hugoPlainBlogLanguages(path.join(tmp, 'hugo'));
    const walk = await openPost(site);
    expect(walk.lint).toEqual([]);
    const added = await addPhoto(walk, 'hall.jpg', 7);
    expect(added).toMatchObject({ url: '/images/blog/qiu-ji/hall.jpg', localPath: path.join(site.root, 'static/images/blog/qiu-ji/hall.jpg') });
    const out = path.join(tmp, 'clone');
    await hugoPlainBlogLanguages(out, false);
    const report = await service.exportRecap({ recapPath: walk.file, text: added.text, target: { kind: 'site', dir: out } });
    expect(report).toMatchObject({ written: true, lang: 'zh', post: site.post, problems: [] });
    expect(report.added.sort()).toEqual([site.post, 'static/images/blog/qiu-ji/hall.jpg']);
    expect(await fs.readFile(path.join(out, site.post), 'utf8')).toBe(added.text);
  });

  it('a Hugo bundle translation index.zh.md is named by its bundle and exports beside the bundle of another checkout', async () => {
    const site = await hugoTomlBundles(path.join(tmp, 'bundles'), 'cover.jpg', 'image');
    await put(site.root, 'hugo.toml', 'baseURL = "https://events.example/"\ndefaultContentLanguage = "en"\n[languages.en]\n[languages.zh]\n');
    const post = 'content/posts/kcd-hangzhou/index.zh.md';
    await put(site.root, post, '+++\ntitle = "KCD 杭州回顾"\ndate = 2023-05-20\ndescription = "KCD 杭州。"\nimage = "cover.jpg"\n+++\n\n![主舞台](stage.jpg)\n');
    const walk = await openPost(site, post);
    expect(walk.lint).toEqual([]);
    expect(walk.folder.imageDir).toBe('kcd-hangzhou');
    const clone = path.join(tmp, 'clone');
    await put(clone, 'hugo.toml', 'defaultContentLanguage = "en"\n[languages.en]\n[languages.zh]\n');
    await put(clone, 'content/posts/older/index.md', '+++\ntitle = "Older"\ndate = 2022-01-01\ndescription = "An older post."\n+++\n');
    const report = await service.exportRecap({ recapPath: walk.file, target: { kind: 'site', dir: clone } });
    expect(report).toMatchObject({ written: true, lang: 'zh', slug: 'kcd-hangzhou', post, problems: [] });
    expect(report.added).toEqual([post, 'content/posts/kcd-hangzhou/cover.jpg', 'content/posts/kcd-hangzhou/stage.jpg']);
  });

  it('a Hugo news post in content/zh/news/ exports to content/zh/news/ of another checkout', async () => {
    const site = await hugoLanguageFolders(path.join(tmp, 'hugo'));
    const walk = await openPost(site);
    expect(walk.lint).toEqual([]);
    const out = path.join(tmp, 'out');
    const report = await service.exportRecap({ recapPath: walk.file, target: { kind: 'folder', dir: out } });
    expect(report).toMatchObject({ written: true, lang: 'zh', post: site.post, problems: [] });
    expect(await listFiles(out)).toEqual([site.post, 'static/images/news/kcd-shenzhen/hall.jpg']);
  });
});

describe('a Docusaurus blog post and its translation', () => {
  it('the post: its photo beside it in the tray, a new photo beside it, lint clean, export back in place', async () => {
    const site = await docusaurusBlog(path.join(tmp, 'docusaurus'));
    const walk = await openPost(site);
    expect(walk.lint).toEqual([]);
    expect(walk.tray).toEqual([{ url: './hallway.jpg', localPath: path.join(site.root, 'blog/2024-05-01-kcd-recap/hallway.jpg') }]);
    const added = await addPhoto(walk, 'keynote.jpg', 8);
    expect(added.localPath).toBe(path.join(site.root, 'blog/2024-05-01-kcd-recap/keynote.jpg'));
    const report = await service.exportRecap({ recapPath: walk.file, text: added.text, target: { kind: 'site', dir: site.root } });
    expect(report).toMatchObject({ written: true, post: site.post, lang: 'en', changed: [site.post], added: [] });
  });

  it('a flat post (blog/2024-05-01-kcd.md) keeps its photos where the site\'s flat posts do: static/img/<slug>/, not loose in blog/', async () => {
    const site = await docusaurusFlatPosts(path.join(tmp, 'flat'));
    const walk = await openPost(site);
    expect(walk.lint).toEqual([]);
    expect(walk.folder).toEqual({ imageDir: 'kcd', dir: path.join(site.root, 'static/img/kcd'), url: '/img/kcd', fixed: null });
    expect(walk.tray.map((p) => p.url)).toEqual(['/img/kcd/stage.jpg']);
    const added = await addPhoto(walk, 'crowd.jpg', 13);
    expect(added).toMatchObject({ url: '/img/kcd/crowd.jpg', localPath: path.join(site.root, 'static/img/kcd/crowd.jpg') });
    expect(await service.lintRecap({ text: added.text, path: walk.file })).toEqual([]);
    const report = await service.exportRecap({ recapPath: walk.file, text: added.text, target: { kind: 'site', dir: site.root } });
    expect(report).toMatchObject({ post: site.post, changed: [site.post], added: [], problems: [] });
    expect(report.unchanged.sort()).toEqual(['static/img/kcd/crowd.jpg', 'static/img/kcd/stage.jpg']);
  });

  it('a flat post of a site that gives no hint puts new photos in static/img/blog/<slug>/, not loose in blog/; its own ./ link keeps working and stays as written', async () => {
    const site = await docusaurusDatedFolders(path.join(tmp, 'dated'));
    const walk = await openPost(site, site.flat);
    expect(walk.lint).toEqual([]);
    expect(walk.folder).toEqual({ imageDir: 'meetup', dir: path.join(site.root, 'static/img/blog/meetup'), url: '/img/blog/meetup', fixed: null });
    // The tray lists the post's photo folder, not every loose photo of blog/.
    expect(walk.tray).toEqual([]);
    const added = await addPhoto(walk, 'crowd.jpg', 18);
    expect(added).toMatchObject({ url: '/img/blog/meetup/crowd.jpg', localPath: path.join(site.root, 'static/img/blog/meetup/crowd.jpg') });
    expect(await service.lintRecap({ text: added.text, path: walk.file })).toEqual([]);
    // The preview finds both photos.
    const images = await service.resolveImages({ recapPath: walk.file, urls: ['./pizza.jpg', added.url] });
    expect(images.map((i) => [i.localPath, i.src !== null])).toEqual([[path.join(site.root, 'blog/pizza.jpg'), true], [added.localPath, true]]);

    const report = await service.exportRecap({ recapPath: walk.file, text: added.text, target: { kind: 'site', dir: site.root } });
    expect(report).toMatchObject({ post: site.flat, changed: [site.flat], added: [], problems: [] });
    expect(report.unchanged.sort()).toEqual(['blog/pizza.jpg', 'static/img/blog/meetup/crowd.jpg']);
    expect(await fs.readFile(walk.file, 'utf8')).toBe(added.text);
    // To a folder: the post's own photo beside it, the new one under static/, the text as written.
    const out = path.join(tmp, 'out');
    await service.exportRecap({ recapPath: walk.file, text: added.text, target: { kind: 'folder', dir: out } });
    expect(await listFiles(out)).toEqual(['blog/2024-06-01-meetup.md', 'blog/pizza.jpg', 'static/img/blog/meetup/crowd.jpg']);
    expect(await fs.readFile(path.join(out, site.flat), 'utf8')).toBe(added.text);
  });

  it('the translation (i18n/zh-CN/docusaurus-plugin-content-blog/…) exports to its own language in another checkout, its date from its folder name', async () => {
    const site = await docusaurusBlog(path.join(tmp, 'docusaurus'));
    const walk = await openPost(site, site.translation);
    expect(walk.lint).toEqual([]);
    const clone = path.join(tmp, 'clone');
    await put(clone, 'docusaurus.config.js', "module.exports = { i18n: { defaultLocale: 'en', locales: ['en', 'zh-CN'] } };\n");
    // A checkout whose blog does not know the post's author (its build would stop): export says so and writes nothing.
    const refused = await service.exportRecap({ recapPath: walk.file, target: { kind: 'site', dir: clone } });
    expect([refused.written, refused.problems.map((p) => p.code)]).toEqual([false, ['author-key']]);
    expect(refused.problems[0]?.message).toContain('Author "lin" is an authors.yml key, but this blog has no blog/authors.yml');
    await put(clone, 'blog/authors.yml', 'lin:\n  name: Lin\n');
    const report = await service.exportRecap({ recapPath: walk.file, target: { kind: 'site', dir: clone } });
    expect(report).toMatchObject({ written: true, lang: 'zh-CN', post: site.translation, problems: [] });
    expect(await listFiles(clone)).toEqual(['blog/authors.yml', 'docusaurus.config.js', site.translation.replace('index.md', 'hallway.jpg'), site.translation]);
  });
});

describe('a Hugo page bundle: its cover and its relative links', () => {
  it('images = ["cover.jpg"] is the link card\'s cover too', async () => {
    const site = await hugoTomlBundles(path.join(tmp, 'bundles'), 'cover.jpg', 'images');
    const opened = await service.openRecap({ path: path.join(site.root, site.post) });
    const card = await service.linkCard({ id: opened.draft.id, text: opened.text });
    expect(card.cover?.localPath).toBe(path.join(site.root, 'content/posts/kcd-hangzhou/cover.jpg'));
    expect(card.problems).toEqual([]);
  });

  it('images = ["cover.jpg"] exported where images are served from static/ becomes a list of the served photo', async () => {
    const site = await hugoTomlBundles(path.join(tmp, 'bundles'), 'cover.jpg', 'images');
    const out = path.join(tmp, 'news');
    const file = path.join(site.root, site.post);
    // The fields that layout requires.
    const text = (await fs.readFile(file, 'utf8')).replace('+++\n', '+++\ncreateTime = "2023-05-20"\nauthor = "Lin"\n');
    const report = await service.exportRecap({ recapPath: file, text, target: { kind: 'folder', dir: out }, profile: 'hugo-news', slug: 'kcd-hangzhou' });
    expect(report.files.map((f) => f.path).sort()).toEqual(['content/en/news/kcd-hangzhou.md', 'static/images/news/kcd-hangzhou/cover.jpg', 'static/images/news/kcd-hangzhou/stage.jpg']);
    const written = await fs.readFile(path.join(out, 'content/en/news/kcd-hangzhou.md'), 'utf8');
    expect(written).toContain('images = ["/images/news/kcd-hangzhou/cover.jpg"]\n');
    expect(written).toContain('![The main stage](/images/news/kcd-hangzhou/stage.jpg)');
  });

  for (const [field, cover] of [['cover', 'cover.jpg'], ['cover', './cover.jpg'], ['image', 'cover.jpg'], ['image', './cover.jpg'], ['images', 'cover.jpg']] as const) {
    it(`${field} = ${field === 'images' ? `["${cover}"]` : `"${cover}"`} is the bundle's cover.jpg to lint, the tray and export, copied once`, async () => {
      const site = await hugoTomlBundles(path.join(tmp, 'bundles'), cover, field);
      const walk = await openPost(site);
      expect(walk.lint).toEqual([]);
      expect(walk.tray.map((p) => p.url)).toEqual(['cover.jpg', 'stage.jpg']);
      expect((await service.planExport({ recapPath: walk.file, target: { kind: 'site', dir: site.root } })).problems).toEqual([]);
      // The body links the stage photo both ways: one photo, one copy.
      const text = `${walk.text}\n![The stage again](./stage.jpg)\n`;
      const out = path.join(tmp, 'out');
      const report = await service.exportRecap({ recapPath: walk.file, text, target: { kind: 'folder', dir: out } });
      expect(report.problems).toEqual([]);
      expect(await listFiles(out)).toEqual(['content/posts/kcd-hangzhou/cover.jpg', 'content/posts/kcd-hangzhou/index.md', 'content/posts/kcd-hangzhou/stage.jpg']);
      expect(await fs.readFile(path.join(out, site.post), 'utf8')).toBe(text);
    });
  }
});
