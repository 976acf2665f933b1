// A Jekyll site published under its `baseurl` (a GitHub Pages project site, user.github.io/events):
// a link `/events/assets/a.png` is the site's assets/a.png, one written `/assets/a.png` is missing
// on the published site (a warning saying what to write), and every link the app writes — a photo
// inserted or added, a post exported into the site — carries the base as `{{ site.baseurl }}`.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { editorBody } from '../../../electron/core/frontmatter/split';
import { linkedAs, photoUseOf, photoUses, removePhotoLinks, replacePhotoUrl, setPhotoAlt } from '../../../electron/core/markdown/photo-text';
import { readingOfPost } from '../../../electron/core/markdown/post-reading';
import { detectSite, profileForRecap } from '../../../electron/service/site/site';
import { addedWithCli } from '../support/cli-run';
import { png, writeText } from '../support/site-fixture';
import { serviceInTempDir } from '../support/temp-service';

const temp = serviceInTempDir('jekyll-baseurl');

const FRONT = ['---', 'layout: post', 'title: "KCD Porto"', 'date: 2024-05-01', '---', ''];

/** A Jekyll site (its `_config.yml`), with the shared photo assets/images/kcd/stage.png. */
async function jekyllSite(config: string, name = 'site'): Promise<string> {
  const site = path.join(temp.dir(), name);
  await writeText(path.join(site, '_config.yml'), config);
  await png(path.join(site, 'assets/images/kcd/stage.png'), 3);
  return site;
}

describe("a Jekyll site's baseurl", () => {
  it('is read from _config.yml without its slashes; none when empty or not a plain path', async () => {
    expect(detectSite(await jekyllSite('title: Events\nbaseurl: "/events"\n')).profile.baseUrlPath).toBe('events');
    expect(detectSite(await jekyllSite('baseurl: /org/events/\n', 'deep')).profile.baseUrlPath).toBe('org/events');
    for (const [i, config] of ['baseurl: ""\n', 'title: x\n', 'baseurl: /../up\n', 'baseurl: "/a b"\n', 'baseurl: [x]\n'].entries()) {
      expect(detectSite(await jekyllSite(config, `none-${i}`)).profile.baseUrlPath, config).toBeUndefined();
    }
  });

  it('lint: `/events/assets/…` is the site\'s file, Liquid links with the base are fine, `/assets/…` and `{{ site.url }}/assets/…` are warnings saying what to write', async () => {
    const site = await jekyllSite('title: Events\nbaseurl: /events\n');
    const text = [
      ...FRONT,
      '![With the base](/events/assets/images/kcd/stage.png)',
      '',
      '![Liquid]({{ site.baseurl }}/assets/images/kcd/stage.png)',
      '',
      '![Filter]({{ "/assets/images/kcd/stage.png" | relative_url }})',
      '',
      '![Without](/assets/images/kcd/stage.png)',
      '',
      '![Missing](/events/assets/images/kcd/gone.png)',
      '',
      '![Host and base]({{ site.url }}{{ site.baseurl }}/assets/images/kcd/stage.png)',
      '',
      '![Host alone]({{ site.url }}/assets/images/kcd/stage.png)',
      '',
    ].join('\n');
    const { post, problems } = await temp.lintWritten(path.join(site, '_posts/2024-05-01-kcd-porto.md'), text);
    expect(problems.map((p) => [p.code, p.severity, p.line])).toEqual([
      ['image-baseurl', 'warning', 13],
      ['image-missing', 'error', 15],
      ['image-baseurl', 'warning', 19],
    ]);
    // `{{ site.url }}` is the site's host, without its base.
    expect(problems[2]?.message).toBe('This site is published under /events/ (its baseurl), so the link {{ site.url }}/assets/images/kcd/stage.png will be missing there. Write {{ "/assets/images/kcd/stage.png" | absolute_url }}.');
    expect(problems[1]?.message).toContain(`looked for ${path.join(site, 'assets/images/kcd/gone.png')}`);
    expect(problems[0]?.message).toBe('This site is published under /events/ (its baseurl), so the link /assets/images/kcd/stage.png will be missing there. Write {{ site.baseurl }}/assets/images/kcd/stage.png.');
    // A post whose Liquid does not run is told the path itself.
    const noLiquid = text.replace('date: 2024-05-01', 'date: 2024-05-01\nrender_with_liquid: false');
    const without = (await temp.service().lintRecap({ text: noLiquid, path: post })).find((p) => p.code === 'image-baseurl');
    expect(without?.message).toContain('Write /events/assets/images/kcd/stage.png.');
  });

  it('a photo added or inserted is linked `{{ site.baseurl }}/…`, which the tray counts as its use; export into the site links a draft\'s photos so too', async () => {
    const site = await jekyllSite('title: Events\nbaseurl: /events\n');
    const post = await writeText(path.join(site, '_posts/2024-05-01-kcd-porto.md'), [...FRONT, 'The day.', ''].join('\n'));
    const camera = path.join(temp.dir(), 'camera', 'hall.png');
    await png(camera, 5);
    const text = await addedWithCli(post, camera);
    expect(text).toContain('![hall]({{ site.baseurl }}/assets/images/kcd-porto/hall.png)');
    expect(await temp.service().lintRecap({ text, path: post })).toEqual([]);
    // The tray: the photo's URL is the site path, which the Liquid link is a use of.
    const profile = profileForRecap(post);
    expect(photoUseOf(photoUses(editorBody(text), readingOfPost(profile, text)), '/assets/images/kcd-porto/hall.png')?.count).toBe(1);
    // …and so is a link with the base written out (the post's reading knows the base).
    const literal = text.replace('{{ site.baseurl }}/assets', '/events/assets');
    expect(photoUseOf(photoUses(editorBody(literal), readingOfPost(profile, literal)), '/assets/images/kcd-porto/hall.png')?.count).toBe(1);
    const imported = await temp.service().importPhoto({ recapPath: post, imageDir: 'kcd-porto', source: { path: camera } });
    expect(imported.markdown).toBe('![hall]({{ site.baseurl }}/assets/images/kcd-porto/hall.png)');

    // A draft outside the site, exported into it as a new post.
    const draft = await writeText(path.join(temp.dir(), 'draft', 'kcd-lisbon.md'), [...FRONT.map((l) => l.replace('KCD Porto', 'KCD Lisbon')), '![The hall](photos/hall.png)', ''].join('\n'));
    await png(path.join(temp.dir(), 'draft', 'photos', 'hall.png'), 6);
    const draftText = await fs.readFile(draft, 'utf8');
    const report = await temp.service().exportRecap({ recapPath: draft, text: draftText, target: { kind: 'site', dir: site } });
    expect(report).toMatchObject({ written: true, post: '_posts/2024-05-01-kcd-lisbon.md', problems: [] });
    const written = await fs.readFile(path.join(site, '_posts/2024-05-01-kcd-lisbon.md'), 'utf8');
    expect(written).toContain('![The hall]({{ site.baseurl }}/assets/images/kcd-lisbon/hall.png)');
  });

  it('a draft for the site (from its template) is told in Jekyll\'s words, as export\'s checks tell it', async () => {
    const site = await jekyllSite('title: Events\nbaseurl: /events\n');
    await writeText(path.join(site, '_posts/2024-05-01-kcd-porto.md'), [...FRONT, 'The day.', ''].join('\n'));
    await temp.service().rememberSite({ dir: site });
    const made = await temp.service().newRecap({ template: { source: 'posts', name: 'event-recap', site }, title: 'KCD Braga' });
    const text = `${made.text}\n![The stage](/assets/images/kcd/stage.png)\n`;
    const said = (await temp.service().lintRecap({ path: made.draft.recapPath, text })).filter((p) => p.code === 'image-baseurl').map((p) => p.message);
    // Before: the Hugo wording (a draft's own profile is the built-in's).
    expect(said).toEqual(['This site is published under /events/ (its baseurl), so the link /assets/images/kcd/stage.png will be missing there. Write {{ site.baseurl }}/assets/images/kcd/stage.png.']);
    const plan = await temp.service().planExport({ recapPath: made.draft.recapPath, text, target: { kind: 'site', dir: site } });
    expect(plan.problems.filter((p) => p.code === 'image-baseurl').map((p) => p.message)).toEqual(said);
  });

  it("export's checks warn of a link without the base that stays as written", async () => {
    const site = await jekyllSite('title: Events\nbaseurl: /events\n');
    const text = [...FRONT, '![The stage](/assets/images/kcd/stage.png)', ''].join('\n');
    const post = await writeText(path.join(site, '_posts/2024-05-01-kcd-porto.md'), text);
    const plan = await temp.service().planExport({ recapPath: post, text, target: { kind: 'site', dir: site } });
    expect(plan.problems.map((p) => [p.code, p.line])).toEqual([['image-baseurl', 7]]);
  });
});

describe('linkedAs and replacePhotoUrl', () => {
  const liquid = { liquid: true, mdx: false, generator: 'jekyll' as const };
  it('put the base before a site-absolute URL only, as Liquid where it runs', () => {
    expect(linkedAs('/assets/a.png', liquid, 'events')).toBe('{{ site.baseurl }}/assets/a.png');
    expect(linkedAs('/assets/a.png', { ...liquid, liquid: false }, 'events')).toBe('/events/assets/a.png');
    for (const url of ['/events/assets/a.png', './a.png', 'https://x.example/a.png', '//cdn.example/a.png']) expect(linkedAs(url, liquid, 'events')).toBe(url);
    expect(linkedAs('/assets/a.png', liquid, undefined)).toBe('/assets/a.png');
  });
  it('a Liquid link keeps its Liquid, one with the base written out keeps it; a plain one takes the plain form', () => {
    const body = '![a]({{ site.baseurl }}/assets/old/a.png)\n\n![b](/assets/old/a.png)\n\n![c](/events/assets/old/a.png)\n';
    const under = { ...liquid, baseUrl: 'events' };
    expect(replacePhotoUrl(body, '/assets/old/a.png', '/assets/new/a.png', under, '{{ site.baseurl }}/assets/new/a.png')).toBe(
      '![a]({{ site.baseurl }}/assets/new/a.png)\n\n![b]({{ site.baseurl }}/assets/new/a.png)\n\n![c](/events/assets/new/a.png)\n',
    );
  });

  it("the tray reads a link with the base written out as its photo's: counted, its alt text set, removed", () => {
    const under = { ...liquid, baseUrl: 'events' };
    const body = '![The stage](/events/assets/kcd/stage.png)\n\n<img src="/events/assets/kcd/stage.png" alt="Again">\n';
    expect(photoUseOf(photoUses(body, under), '/assets/kcd/stage.png')).toMatchObject({ count: 2, alt: 'The stage' });
    expect(photoUseOf(photoUses(body, liquid), '/assets/kcd/stage.png')).toBeUndefined();
    expect(setPhotoAlt(body, '/assets/kcd/stage.png', 'The main stage', under)).toBe('![The main stage](/events/assets/kcd/stage.png)\n\n<img src="/events/assets/kcd/stage.png" alt="The main stage">\n');
    expect(removePhotoLinks(body, '/assets/kcd/stage.png', under).removed).toBe(2);
  });
});
