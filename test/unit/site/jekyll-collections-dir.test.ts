// A Jekyll site whose `_config.yml` says `collections_dir: collections`: Jekyll reads its posts
// and drafts from collections/_posts/ and collections/_drafts/ alone (none at the root). Its rules
// come from the posts there, a new post is exported there, a post or draft left at the root is a
// warning (Jekyll never publishes it), and a collections folder that leads out of the site is not read.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectSite } from '../../../electron/service/site/site';
import { cliInProcess } from '../support/cli-run';
import { png, writeText } from '../support/site-fixture';
import { serviceInTempDir } from '../support/temp-service';

const temp = serviceInTempDir('jekyll-collections');

const post = (title: string, date: string): string => ['---', 'layout: event', `title: "${title}"`, `date: ${date}`, 'tags: meetup', '---', '', 'The day.', '', '![The hall](/assets/images/kcd/hall.png)', ''].join('\n');

/** A Jekyll site (its `_config.yml` text) with two posts in `posts` (relative to the site) and the photo they link. */
async function jekyllSite(config: string, posts = 'collections/_posts', name = 'site'): Promise<string> {
  const site = path.join(temp.dir(), name);
  await writeText(path.join(site, '_config.yml'), config);
  await png(path.join(site, 'assets/images/kcd/hall.png'), 3);
  await writeText(path.join(site, posts, '2024-03-01-spring.md'), post('Spring meetup', '2024-03-01'));
  await writeText(path.join(site, posts, '2024-05-02-summer.md'), post('Summer meetup', '2024-05-02'));
  return site;
}

describe("a Jekyll site's collections_dir", () => {
  it('puts the site\'s posts in <dir>/_posts/ (in its years\' folders where the posts are), said in the rules; none for a value that is no plain folder', async () => {
    const site = await jekyllSite('title: Events\ncollections_dir: collections\n');
    const info = detectSite(site);
    expect(info.profile.post).toBe('collections/_posts/{date}-{slug}.md');
    expect(info.profile.label).toBe('Jekyll blog (collections/_posts/YYYY-MM-DD-<slug>.md)');
    expect(info.profile.rules?.details).toContain('The site keeps its posts and drafts in collections/ (collections_dir): Jekyll reads none at the root, and a new post goes to collections/_posts/.');
    // Its posts are read: `layout`, which every post there has, is a field the form suggests.
    expect(info.profile.rules?.details).toContain('Posts live in collections/_posts/ (2).');
    expect(info.profile.rules?.suggested?.map((f) => f.key)).toEqual(['layout']);

    const years = await jekyllSite('collections_dir: /content/\n', 'content/_posts/2024', 'years');
    expect(detectSite(years).profile.post).toBe('content/_posts/{year}/{date}-{slug}.md');

    for (const [i, config] of ['collections_dir: ""\n', 'collections_dir: ../up\n', 'collections_dir: [a]\n', 'collections_dir: "a b"\n'].entries()) {
      expect(detectSite(await jekyllSite(config, '_posts', `plain-${i}`)).profile.post, config).toBe('_posts/{date}-{slug}.md');
    }
  });

  it('a new recap exported into the site goes to <dir>/_posts/, and `recap new` there starts shaped like the site\'s newest post', async () => {
    const site = await jekyllSite('title: Events\ncollections_dir: collections\n');
    const run = await cliInProcess('new', path.join(site, 'collections/_posts/2024-11-01-winter.md'), '--title', 'Winter meetup', '--date', '2024-11-01');
    expect(run.code).toBe(0);
    expect(run.out).toContain("shaped like the site's post collections/_posts/2024-05-02-summer.md");
    expect(await fs.readFile(path.join(site, 'collections/_posts/2024-11-01-winter.md'), 'utf8')).toMatch(/^---\nlayout: event\ntitle: "Winter meetup"\ndate: 2024-11-01\n/);

    const draft = await writeText(path.join(temp.dir(), 'drafts', 'autumn.md'), ['---', 'title: "Autumn meetup"', 'date: 2024-10-01', '---', '', 'The day.', ''].join('\n'));
    const report = await temp.service().exportRecap({ recapPath: draft, text: await fs.readFile(draft, 'utf8'), target: { kind: 'site', dir: site } });
    expect(report.files.map((f) => [f.path, f.status])).toEqual([['collections/_posts/2024-10-01-autumn.md', 'added']]);
    await expect(fs.stat(path.join(site, '_posts'))).rejects.toThrow();
  });

  it('lint: a post in <dir>/_posts/ is clean; one in _posts/ or _drafts/ at the root is a warning saying where Jekyll reads posts; without collections_dir the root is fine', async () => {
    const site = await jekyllSite('title: Events\ncollections_dir: collections\n');
    const text = post('Autumn meetup', '2024-10-01');
    expect((await temp.lintWritten(path.join(site, 'collections/_posts/2024-10-01-autumn.md'), text)).problems).toEqual([]);
    // A category folder inside the collections folder is read too.
    expect((await temp.lintWritten(path.join(site, 'collections/events/_posts/2024-10-01-autumn.md'), text)).problems).toEqual([]);

    const atRoot = await temp.lintWritten(path.join(site, '_posts/2024-10-01-autumn.md'), text);
    expect(atRoot.problems.map((p) => [p.code, p.severity, p.message])).toEqual([
      ['post-place', 'warning', 'Jekyll does not publish _posts/2024-10-01-autumn.md: this site keeps its posts and drafts in collections/_posts/ (collections_dir in _config.yml) and reads no _posts folder outside it. Move the file there.'],
    ]);
    // Export's checks say the same before the post is written in place.
    const report = await temp.service().exportRecap({ recapPath: atRoot.post, text, target: { kind: 'site', dir: site }, dryRun: true });
    expect(report.problems.map((p) => p.code)).toEqual(['post-place']);

    const draft = await temp.lintWritten(path.join(site, '_drafts/autumn.md'), text.replace('date: 2024-10-01\n', ''));
    expect(draft.problems.map((p) => p.message)).toEqual(['Jekyll does not publish _drafts/autumn.md: this site keeps its posts and drafts in collections/_drafts/ (collections_dir in _config.yml) and reads no _drafts folder outside it. Move the file there.']);

    const plain = await jekyllSite('title: Events\n', '_posts', 'plain');
    expect((await temp.lintWritten(path.join(plain, '_posts/2024-10-01-autumn.md'), text)).problems).toEqual([]);
  });

  it('a collections folder that is a link out of the site: its posts are not read, nothing is written through it', async () => {
    const outside = path.join(temp.dir(), 'outside');
    await writeText(path.join(outside, '_posts/2024-01-01-secret.md'), ['---', 'secret_key: hush', 'title: "Secret"', '---', '', 'Private.', ''].join('\n'));
    const site = path.join(temp.dir(), 'linked');
    await writeText(path.join(site, '_config.yml'), 'collections_dir: collections\n');
    await fs.symlink(outside, path.join(site, 'collections'));
    const rules = detectSite(site).profile.rules;
    expect(rules?.details.join('\n')).not.toContain('secret_key');
    expect(rules?.details.join('\n')).not.toContain('Posts live in');

    const draft = await writeText(path.join(temp.dir(), 'drafts', 'autumn.md'), ['---', 'title: "Autumn meetup"', 'date: 2024-10-01', '---', '', 'The day.', ''].join('\n'));
    const report = await temp.service().exportRecap({ recapPath: draft, text: await fs.readFile(draft, 'utf8'), target: { kind: 'site', dir: site } });
    expect([report.written, report.problems.map((p) => p.code)]).toEqual([false, ['target-outside']]);
    expect((await fs.readdir(path.join(outside, '_posts'))).sort()).toEqual(['2024-01-01-secret.md']);
  });
});
