// A Docusaurus site whose blog reads another folder (`blog: { path: 'events' }` in the classic
// preset's options, or the one blog plugin's `path` where the preset has `blog: false`): its posts
// are read there, a new post is exported there, its translation goes to the blog's i18n folder and
// knows its source there, and its authors.yml is the one in that folder. The config is read as
// text, never run; a path it computes, or one that is not a plain folder inside the site, is `blog/`.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectSite, profileForRecap } from '../../../electron/service/site/site';
import { docusaurusBlogDir, docusaurusBlogRoute } from '../../../electron/service/site/site-data';
import { cardPlace } from '../../../electron/service/recap/link-card';
import { cliInProcess } from '../support/cli-run';
import { png, writeText } from '../support/site-fixture';
import { serviceInTempDir } from '../support/temp-service';

const temp = serviceInTempDir('docusaurus-blog-dir');

const preset = (blog: string): string => `module.exports = {\n  title: 'Meetups',\n  i18n: { defaultLocale: 'en', locales: ['en', 'zh'] },\n  presets: [['classic', { docs: false, blog: ${blog} }]],\n};\n`;

const POST = ['---', 'title: KCD Porto', 'authors: [lin]', 'tags: [kcd]', '---', '', 'The day.', '', '![The hall](./hall.png)', ''].join('\n');

/** A Docusaurus site (its config's text) with a folder post and its photo in `events/`, and the blog's authors.yml. */
async function eventsSite(config: string, name = 'site'): Promise<{ site: string; post: string }> {
  const site = path.join(temp.dir(), name);
  await writeText(path.join(site, 'docusaurus.config.js'), config);
  const post = await writeText(path.join(site, 'events/2024-05-01-kcd-porto/index.md'), POST);
  await png(path.join(site, 'events/2024-05-01-kcd-porto/hall.png'), 3);
  await writeText(path.join(site, 'events/authors.yml'), 'lin:\n  name: Lin Wei\n  title: Organizer\n');
  return { site, post };
}

describe("a Docusaurus blog's folder", () => {
  it("is read from the config's text: the preset's blog path, else the one blog plugin's; `blog/` for none, a computed path or one out of the site", () => {
    expect(docusaurusBlogDir(preset("{ path: 'events', routeBasePath: 'events', feedOptions: { type: 'all' } }"))).toBe('events');
    expect(docusaurusBlogDir(preset('{ "path": "news/posts" /* nested */ }'))).toBe('news/posts');
    // themeConfig's `blog: { sidebar: … }` (before the preset) is not the blog's options; a path in a comment or a nested object is not its path.
    const themed = `module.exports = {\n  themeConfig: { blog: { sidebar: { groupByYear: true } } },\n  presets: [['classic', {\n    blog: {\n      // path: 'old',\n      feedOptions: { path: 'feed' },\n      path: './events/',\n    },\n  }]],\n};\n`;
    expect(docusaurusBlogDir(themed)).toBe('events');
    const plugin = `module.exports = {\n  presets: [['@docusaurus/preset-classic', { blog: false }]],\n  plugins: [['@docusaurus/plugin-content-blog', { id: 'events', path: 'meetups', routeBasePath: 'meetups' }]],\n};\n`;
    expect(docusaurusBlogDir(plugin)).toBe('meetups');
    // Several blog plugins: the first is the site's main blog (see docusaurus-blogs.test.ts).
    expect(docusaurusBlogDir(plugin.replace("plugins: [", "plugins: [['@docusaurus/plugin-content-blog', { id: 'news', path: 'news' }], "))).toBe('news');
    const none = [
      preset("{ showReadingTime: true }"),
      preset("{ path: 'blog' }"),
      preset('{ path: `${process.env.BLOG}` }'),
      preset('{ path: path.join(__dirname, "events") }'),
      preset("{ path: '../elsewhere' }"),
      preset("{ path: '/srv/blog' }"),
      preset("{ path: '{slug}' }"),
    ];
    for (const config of none) expect(docusaurusBlogDir(config), config).toBeNull();
    // A `blog: {` inside another one read before is not the preset's, nor is any after one never closed.
    expect(docusaurusBlogDir("themeConfig: { blog: { sidebar: { blog: { path: 'inner' } } } },\n" + preset("{ path: 'events' }"))).toBe('events');
    expect(docusaurusBlogDir(`module.exports = { ${'blog: { '.repeat(2_000)}path: 'x' }`)).toBeNull();

    // The URL path the blog is published under: its routeBasePath, `` for a blog-only site at /.
    expect(docusaurusBlogRoute(preset("{ path: 'events', routeBasePath: '/meetups/' }"))).toBe('meetups');
    expect(docusaurusBlogRoute(preset("{ routeBasePath: '/' }"))).toBe('');
    expect(docusaurusBlogRoute(preset("{ path: 'events' }"))).toBe('blog');
    expect(docusaurusBlogRoute(preset('{ routeBasePath: process.env.ROUTE }'))).toBe('blog');
  });

  it("holds the site's posts: its rules are read from them, and a new recap is exported there with its photo beside it", async () => {
    const { site } = await eventsSite(preset("{ path: 'events', routeBasePath: 'events' }"));
    const info = detectSite(site);
    expect(info.profile.post).toBe('events/{date}-{slug}/index.md');
    expect(info.profile.rules?.details).toEqual(expect.arrayContaining(['Posts live in events/ (1).', "The site's blog reads its posts from events/ (the blog's path in its config): a new post goes there."]));

    const draft = await writeText(path.join(temp.dir(), 'drafts', 'autumn.md'), ['---', 'title: "Autumn meetup"', 'date: 2024-10-01', 'authors: [lin]', '---', '', '![Stage](stage.png)', ''].join('\n'));
    await png(path.join(temp.dir(), 'drafts', 'stage.png'), 4);
    const report = await temp.service().exportRecap({ recapPath: draft, text: await fs.readFile(draft, 'utf8'), target: { kind: 'site', dir: site } });
    expect(report.problems).toEqual([]);
    expect(report.files.map((f) => [f.path, f.status])).toEqual([
      ['events/2024-10-01-autumn/index.md', 'added'],
      ['events/2024-10-01-autumn/stage.png', 'added'],
    ]);
    await expect(fs.stat(path.join(site, 'blog'))).rejects.toThrow();
  });

  it('of several folders (`news/posts`): a post deeper in it keeps its own folder; a folder beside it is not the blog', async () => {
    const { site } = await eventsSite(preset("{ path: 'news/posts' }"), 'deep');
    await writeText(path.join(site, 'news/posts/2024-03-01-kcd-lisbon/index.md'), POST);
    const deep = await writeText(path.join(site, 'news/posts/archive/kcd/index.md'), POST);
    expect(profileForRecap(deep).post).toBe('news/posts/archive/{slug}/index.md');
    const beside = await writeText(path.join(site, 'news/other/kcd/index.md'), POST);
    expect(profileForRecap(beside).post).toBe('news/posts/{date}-{slug}/index.md');
    // Where most of the blog's posts are dated by folders, that is the site's pattern: a post there fits it.
    for (const day of ['2024/05/01', '2024/06/01', '2024/07/01']) await writeText(path.join(site, `news/posts/${day}/kcd/index.md`), POST);
    expect(profileForRecap(path.join(site, 'news/posts/2024/05/01/kcd/index.md')).post).toBe('news/posts/{year}/{month}/{day}/{slug}/index.md');
  });

  it('a post there lints clean with its authors from the folder\'s authors.yml; its translation goes to the blog\'s i18n folder, with its photo and the same authors', async () => {
    const { site, post } = await eventsSite(preset("{ path: 'events' }"));
    expect(await temp.service().lintRecap({ text: POST, path: post })).toEqual([]);
    expect(profileForRecap(post).authorNames).toEqual({ lin: 'Lin Wei' });
    // The link card's address: the blog's route, dated as Docusaurus dates a post (a blog-only site's at /).
    expect(cardPlace(post, POST).urlPath).toBe('/blog/2024/05/01/kcd-porto');
    await writeText(path.join(site, 'docusaurus.config.js'), preset("{ path: 'events', routeBasePath: '/' }"));
    expect(cardPlace(post, POST).urlPath).toBe('/2024/05/01/kcd-porto');
    expect(cardPlace(post, POST.replace('title: KCD Porto', 'title: KCD Porto\nslug: /kcd-2024')).urlPath).toBe('/kcd-2024');
    await writeText(path.join(site, 'docusaurus.config.js'), preset("{ path: 'events' }"));

    const run = await cliInProcess('translate', post, '--lang', 'zh');
    expect(run.code).toBe(0);
    const translation = path.join(site, 'i18n/zh/docusaurus-plugin-content-blog/2024-05-01-kcd-porto/index.md');
    expect(run.out.trim()).toBe(translation);
    expect((await fs.readdir(path.dirname(translation))).sort()).toEqual(['hall.png', 'index.md']);
    // Read as the translation of events/…: no false problem, the blog's authors by name.
    expect(await temp.service().lintRecap({ text: await fs.readFile(translation, 'utf8'), path: translation })).toEqual([]);
    expect(profileForRecap(translation).authorNames).toEqual({ lin: 'Lin Wei' });
  });
});
