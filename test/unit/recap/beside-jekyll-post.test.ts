// A photo a Jekyll post links beside itself in _posts/: Jekyll copies nothing out of a _posts
// folder, so the site would show it missing. Lint warns (saying what export does); export into
// the site copies it where the site keeps images and links it there, after which lint is clean.
// A site with the jekyll-postfiles plugin publishes such photos: no warning there. A draft in
// _drafts/ the same (and it needs no date: Jekyll dates it when it is published).

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { png, writeText } from '../support/site-fixture';
import { serviceInTempDir } from '../support/temp-service';

const temp = serviceInTempDir('beside-jekyll');

const TEXT = ['---', 'layout: post', 'title: "KCD Porto"', 'date: 2024-05-01', '---', '', 'The day.', '', '![The stage](stage.png)', '', '![The logo]({{ site.baseurl }}/assets/logo.png)', ''].join('\n');

/** A Jekyll site (its `_config.yml` text) with a post in _posts/2024/ that links a photo beside it and one the site serves. */
async function jekyllSite(config: string, name = 'site'): Promise<{ site: string; post: string }> {
  const site = path.join(temp.dir(), name);
  await writeText(path.join(site, '_config.yml'), config);
  await png(path.join(site, '_posts/2024/stage.png'), 3);
  await png(path.join(site, 'assets/logo.png'), 4);
  const post = await writeText(path.join(site, '_posts/2024/2024-05-01-kcd-porto.md'), TEXT);
  return { site, post };
}

/** Export of `post` (at `rel` in `site`) into its site: the photo linked `moved[0]` copied to `moved[1]` and linked there, nothing else changed, and then lint is clean. */
async function exportsIntoSite(site: string, post: string, text: string, rel: string, moved: [string, string]): Promise<void> {
  const report = await temp.service().exportRecap({ recapPath: post, text, target: { kind: 'site', dir: site } });
  expect(report.problems).toEqual([]);
  expect(report.files.map((f) => [f.path, f.status])).toEqual([[rel, 'changed'], [moved[1], 'added']]);
  const exported = await fs.readFile(post, 'utf8');
  expect(exported).toBe(text.replace(`](${moved[0]})`, `](/${moved[1]})`));
  expect(await temp.service().lintRecap({ text: exported, path: post })).toEqual([]);
}

describe("a photo beside a Jekyll post in _posts/", () => {
  it('is a warning in lint saying where export puts it; export into the site copies it to assets/images/<slug>/ and links it there, then lint is clean', async () => {
    const { site, post } = await jekyllSite('title: Events\n');
    const lint = await temp.service().lintRecap({ text: TEXT, path: post });
    expect(lint.map((p) => [p.code, p.severity, p.line])).toEqual([['image-unpublished', 'warning', 9]]);
    expect(lint[0]?.message).toBe('Jekyll publishes no file from a _posts folder, so stage.png (beside 2024-05-01-kcd-porto.md) shows here but will be missing on the site. Export into the site: it copies the photo to assets/images/… and links it from there.');

    await exportsIntoSite(site, post, TEXT, '_posts/2024/2024-05-01-kcd-porto.md', ['stage.png', 'assets/images/kcd-porto/stage.png']);
  });

  it('a site with the jekyll-postfiles plugin (in _config.yml or its Gemfile) publishes it: no warning', async () => {
    const { post } = await jekyllSite('title: Events\nplugins:\n  - jekyll-feed\n  - jekyll-postfiles\n');
    expect(await temp.service().lintRecap({ text: TEXT, path: post })).toEqual([]);
    const other = await jekyllSite('title: Events\n', 'gemfile-site');
    await writeText(path.join(temp.dir(), 'gemfile-site/Gemfile'), 'source "https://rubygems.org"\ngroup :jekyll_plugins do\n  gem "jekyll-postfiles", "~> 3.1"\nend\n');
    expect(await temp.service().lintRecap({ text: TEXT, path: other.post })).toEqual([]);
  });

  it('a draft in _drafts/: no date required (Jekyll dates it when published), a photo beside it is the same warning; export keeps the draft in _drafts/ and copies the photo', async () => {
    const { site } = await jekyllSite('title: Events\n');
    await png(path.join(site, '_drafts/hall.png'), 5);
    const draft = ['---', 'layout: post', 'title: "KCD Braga"', '---', '', '![The hall](hall.png)', ''].join('\n');
    const { post, problems } = await temp.lintWritten(path.join(site, '_drafts/kcd-braga.md'), draft);
    // Before: "Date is required", and no word of the photo.
    expect(problems.map((p) => [p.code, p.line, p.message])).toEqual([
      ['image-unpublished', 6, 'Jekyll publishes no file from a _drafts folder, so hall.png (beside kcd-braga.md) shows here but will be missing on the site. Export into the site: it copies the photo to assets/images/… and links it from there.'],
    ]);
    await exportsIntoSite(site, post, draft, '_drafts/kcd-braga.md', ['hall.png', 'assets/images/kcd-braga/hall.png']);
  });
});

describe("a Jekyll post's field naming a photo (Hux Blog's `header-img: img/bg.png`, which its theme serves from the site's root)", () => {
  const POST = ['---', 'layout: post', 'title: "KCD Porto"', 'date: 2024-05-01', 'header-img: "img/bg.png"', '---', '', 'The day.', ''].join('\n');

  it("is the site root's file, even with one of that name beside the post; beside it alone, the same warning, and export copies it and names the copy", async () => {
    const site = path.join(temp.dir(), 'hux');
    await writeText(path.join(site, '_config.yml'), 'title: Hux\n');
    const post = await writeText(path.join(site, '_posts/2024-05-01-kcd-porto.md'), POST);
    const lint = async (text = POST): Promise<Array<[string, string, number | undefined]>> => (await temp.service().lintRecap({ text, path: post })).map((p) => [p.code, p.severity, p.line]);
    // Nowhere: the error names the root's place, where the site looks.
    const missing = await temp.service().lintRecap({ text: POST, path: post });
    expect(missing.map((p) => p.message)).toEqual([`The photo img/bg.png that the field header-img names does not exist (looked for ${path.join(site, 'img/bg.png')}). Add the photo, or fix the field.`]);
    // Beside the post alone: shown here, missing on the site.
    await png(path.join(site, '_posts/img/bg.png'), 1);
    expect(await lint()).toEqual([['image-unpublished', 'warning', 5]]);
    // At the root as well: that one is the photo.
    await png(path.join(site, 'img/bg.png'), 2);
    expect(await lint()).toEqual([]);
    await fs.rm(path.join(site, 'img'), { recursive: true });
    const report = await temp.service().exportRecap({ recapPath: post, text: POST, target: { kind: 'site', dir: site } });
    expect(report.files.map((f) => [f.path, f.status])).toEqual([['_posts/2024-05-01-kcd-porto.md', 'changed'], ['assets/images/kcd-porto/bg.png', 'added']]);
    // Named as the site's posts name that field's photos: from the root, without the first `/`
    // (the theme writes `{{ site.baseurl }}/{{ page.header-img }}`: `//assets/…` would be broken).
    const exported = await fs.readFile(post, 'utf8');
    expect(exported).toBe(POST.replace('"img/bg.png"', '"assets/images/kcd-porto/bg.png"'));
    expect(await lint(exported)).toEqual([]);
  });

  it('keeps the first `/` where a post of the site writes that field with one', async () => {
    const site = path.join(temp.dir(), 'mixed');
    await writeText(path.join(site, '_config.yml'), 'title: Mixed\n');
    await writeText(path.join(site, '_posts/2024-04-01-older.md'), POST.replace('"img/bg.png"', '/img/older.png').replace('KCD Porto', 'Older'));
    await png(path.join(site, 'img/older.png'), 3);
    const post = await writeText(path.join(site, '_posts/2024-05-01-kcd-porto.md'), POST);
    await png(path.join(site, '_posts/img/bg.png'), 1);
    const report = await temp.service().exportRecap({ recapPath: post, text: POST, target: { kind: 'site', dir: site } });
    expect(report.problems).toEqual([]);
    expect(await fs.readFile(post, 'utf8')).toBe(POST.replace('"img/bg.png"', '"/assets/images/kcd-porto/bg.png"'));
  });
});
