// A Docusaurus site with several blogs (the classic preset's `blog/` and an instance of
// `@docusaurus/plugin-content-blog` with its own `id`, `path` and `routeBasePath`): each blog's
// posts are read and lint clean with their own blog's authors, a new recap goes to the main blog
// or to the one the author picks, a translation goes to that blog's own i18n folder
// (`docusaurus-plugin-content-blog-<id>`), and the link card gives the address under its route.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectSite, profileForRecap, sitePlaces } from '../../../electron/service/site/site';
import { docusaurusBlogs } from '../../../electron/service/site/site-data';
import { cardPlace } from '../../../electron/service/recap/link-card';
import { cliInProcess } from '../support/cli-run';
import { png, writeText } from '../support/site-fixture';
import { serviceInTempDir } from '../support/temp-service';

const temp = serviceInTempDir('docusaurus-blogs');

const CONFIG = `module.exports = {
  title: 'Community',
  i18n: { defaultLocale: 'en', locales: ['en', 'zh'] },
  presets: [['classic', { docs: false, blog: { showReadingTime: true } }]],
  plugins: [
    ['@docusaurus/plugin-content-blog', { id: 'events', path: 'events', routeBasePath: 'meetups', blogTitle: 'Meetups' }],
  ],
};
`;

const post = (title: string, author: string): string => ['---', `title: ${title}`, `authors: [${author}]`, '---', '', 'The day.', '', '![The hall](./hall.png)', ''].join('\n');

/** The site: a post in each blog with its photo beside it, each blog's authors.yml. */
async function twoBlogs(name: string): Promise<{ site: string; news: string; event: string }> {
  const site = path.join(temp.dir(), name);
  await writeText(path.join(site, 'docusaurus.config.js'), CONFIG);
  const news = await writeText(path.join(site, 'blog/2024-01-10-release/index.md'), post('Release', 'ann'));
  const event = await writeText(path.join(site, 'events/2024-05-01-kcd-porto/index.md'), post('KCD Porto', 'lin'));
  for (const [i, p] of [news, event].entries()) await png(path.join(path.dirname(p), 'hall.png'), i);
  await writeText(path.join(site, 'blog/authors.yml'), 'ann:\n  name: Ann Lee\n');
  await writeText(path.join(site, 'events/authors.yml'), 'lin:\n  name: Lin Wei\n');
  return { site, news, event };
}

describe('a Docusaurus site with several blogs', () => {
  it("reads every blog from the config's text: the preset's first, then each plugin instance's id, folder and route", () => {
    expect(docusaurusBlogs(CONFIG)).toEqual([
      { id: 'default', dir: 'blog', route: 'blog', authorsMap: 'authors.yml', tags: { file: 'tags.yml', given: false }, onInlineTags: 'warn' },
      { id: 'events', dir: 'events', route: 'meetups', authorsMap: 'authors.yml', tags: { file: 'tags.yml', given: false }, onInlineTags: 'warn' },
    ]);
    const presetOff = CONFIG.replace('blog: { showReadingTime: true }', 'blog: false').replace("plugins: [", "plugins: [['@docusaurus/plugin-content-blog', { path: 'news', routeBasePath: '/' }], ");
    expect(docusaurusBlogs(presetOff)).toEqual([
      { id: 'default', dir: 'news', route: '', authorsMap: 'authors.yml', tags: { file: 'tags.yml', given: false }, onInlineTags: 'warn' },
      { id: 'events', dir: 'events', route: 'meetups', authorsMap: 'authors.yml', tags: { file: 'tags.yml', given: false }, onInlineTags: 'warn' },
    ]);
    // Each blog's authors map: its `authorsMapPath` as written where it names a data file (read only where it stays in the site), none known (null) where computed or another file, and for every blog when one is written where no blog's options are read.
    const maps = CONFIG.replace('blog: { showReadingTime: true }', "blog: { showReadingTime: true, authorsMapPath: 'people/authors.json' }").replace("id: 'events',", "id: 'events', authorsMapPath: '../shared/authors.yml',");
    expect(docusaurusBlogs(maps).map((b) => b.authorsMap)).toEqual(['people/authors.json', '../shared/authors.yml']);
    expect(docusaurusBlogs(maps.replace("'people/authors.json'", 'process.env.AUTHORS').replace("'../shared/authors.yml'", "'/etc/passwd'")).map((b) => b.authorsMap)).toEqual([null, null]);
    expect(docusaurusBlogs(`${CONFIG}\nconst authorsMapPath = 'people.yml';\n`).map((b) => b.authorsMap)).toEqual([null, null]);
    // A second blog with the id or folder of one before is none (Docusaurus refuses to build it); a computed path is `blog/`.
    const clashing = CONFIG.replace("plugins: [", "plugins: [['@docusaurus/plugin-content-blog', { id: 'again', path: process.env.DIR }], ['@docusaurus/plugin-content-blog', { id: 'events', path: 'other' }], ");
    expect(docusaurusBlogs(clashing).map((b) => b.id)).toEqual(['default', 'events']);
    expect(docusaurusBlogs(clashing)[1]?.dir).toBe('other');
  });

  it("each blog's posts are the site's: read for its rules, clean in lint with their own blog's authors, and the card's address under that blog's route", async () => {
    const { site, news, event } = await twoBlogs('read');
    const info = detectSite(site);
    expect(info.profile.post).toBe('blog/{date}-{slug}/index.md');
    expect(sitePlaces(info)).toEqual([
      { name: 'blog', folder: 'blog/', post: 'blog/{date}-{slug}/index.md' },
      { name: 'events', folder: 'events/', post: 'events/{date}-{slug}/index.md' },
    ]);
    expect(info.profile.rules?.details).toEqual(expect.arrayContaining(['Posts live in blog/ (1), events/ (1).']));
    for (const [file, names] of [[news, { ann: 'Ann Lee' }], [event, { lin: 'Lin Wei' }]] as const) {
      expect(await temp.service().lintRecap({ text: await fs.readFile(file, 'utf8'), path: file })).toEqual([]);
      const profile = profileForRecap(file);
      expect([profile.authorNames, profile.dateFromName]).toEqual([names, { date: file === news ? '2024-01-10' : '2024-05-01', where: 'folder' }]);
    }
    expect(cardPlace(event, post('KCD Porto', 'lin')).urlPath).toBe('/meetups/2024/05/01/kcd-porto');
    expect(cardPlace(news, post('Release', 'ann')).urlPath).toBe('/blog/2024/01/10/release');
  });

  it("a translation goes to its blog's own i18n folder, knows its source there and reads that blog's authors", async () => {
    const { site, news, event } = await twoBlogs('translate');
    const run = await cliInProcess('translate', event, '--lang', 'zh');
    expect(run.code).toBe(0);
    const translation = path.join(site, 'i18n/zh/docusaurus-plugin-content-blog-events/2024-05-01-kcd-porto/index.md');
    expect(run.out.trim()).toBe(translation);
    expect((await fs.readdir(path.dirname(translation))).sort()).toEqual(['hall.png', 'index.md']);
    expect(await temp.service().lintRecap({ text: await fs.readFile(translation, 'utf8'), path: translation })).toEqual([]);
    expect(profileForRecap(translation).authorNames).toEqual({ lin: 'Lin Wei' });
    const set = await temp.service().translationsOf({ path: translation });
    expect([path.relative(site, set.source), set.entries.map((e) => [e.lang, path.relative(site, e.path), e.exists])]).toEqual([
      'events/2024-05-01-kcd-porto/index.md',
      [['en', 'events/2024-05-01-kcd-porto/index.md', true], ['zh', 'i18n/zh/docusaurus-plugin-content-blog-events/2024-05-01-kcd-porto/index.md', true]],
    ]);
    // The main blog's translations stay in the preset's folder.
    expect((await cliInProcess('translate', news, '--lang', 'zh')).out.trim()).toBe(path.join(site, 'i18n/zh/docusaurus-plugin-content-blog/2024-01-10-release/index.md'));
  });

  it('a new recap goes to the main blog, or to the blog the author picks, with its photo beside it', async () => {
    const { site } = await twoBlogs('export');
    const draft = await writeText(path.join(temp.dir(), 'drafts', 'autumn', 'recap.md'), ['---', 'title: "Autumn meetup"', 'date: 2024-10-01', 'authors: [lin]', '---', '', '![Stage](stage.png)', ''].join('\n'));
    await png(path.join(path.dirname(draft), 'stage.png'), 4);
    const text = await fs.readFile(draft, 'utf8');
    const usual = await temp.service().exportRecap({ recapPath: draft, text, target: { kind: 'site', dir: site }, dryRun: true });
    expect([usual.post, usual.section]).toEqual(['blog/2024-10-01-autumn-meetup/index.md', 'blog']);
    const report = await temp.service().exportRecap({ recapPath: draft, text, target: { kind: 'site', dir: site }, section: 'events' });
    expect(report.problems).toEqual([]);
    expect(report.files.map((f) => [f.path, f.status])).toEqual([
      ['events/2024-10-01-autumn-meetup/index.md', 'added'],
      ['events/2024-10-01-autumn-meetup/stage.png', 'added'],
    ]);
    await expect(fs.stat(path.join(site, 'blog/2024-10-01-autumn-meetup'))).rejects.toThrow();
  });
});
