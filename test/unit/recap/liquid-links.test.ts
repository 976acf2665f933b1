// Jekyll's Liquid image links ({{ site.baseurl }}/…, {{ "/…" | relative_url }}): the one link
// finder reads them as the site path they render to, at the place they are written; lint,
// the preview's lookups and export's preflight agree on it; export keeps the Liquid as written.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lintText } from '../../../electron/core/recap/lint';
import { findImageRefs } from '../../../electron/service/recap/markdown-images';
import { loadProfile } from '../../../electron/service/site/profile';
import { createRecapService, type RecapService } from '../../../electron/service/service';
import { png, tempDir, writeText } from '../support/site-fixture';

const BASEURL = '![Hall]({{ site.baseurl }}/assets/img/hall.png)';
const FILTER = `Text ![Stage]({{ "/assets/img/stage.png" | relative_url }}) and ![Desk]({{site.url}}{{site.baseurl}}/assets/img/desk.png "Desk").`;

describe('findImageRefs and Liquid links', () => {
  it('reads each Liquid form as its site path, at the column it is written', () => {
    const refs = findImageRefs(`Intro\n\n${BASEURL}\n\n${FILTER}\n\n<img src="{{ '/assets/img/tag.png' | absolute_url }}" alt="tag">\n\n[ref]: {{ site.baseurl }}/assets/img/def.png\n\n![Def][ref]\n`);
    expect(refs.map((r) => [r.url, r.line, r.urlLine])).toEqual([
      ['/assets/img/hall.png', 3, 3],
      ['/assets/img/stage.png', 5, 5],
      ['/assets/img/desk.png', 5, 5],
      ['/assets/img/tag.png', 7, 7],
      ['/assets/img/def.png', 11, 9],
    ]);
    const [hall, stage, desk] = refs;
    expect(hall?.urlColumn).toBe(BASEURL.indexOf('{{') + 1);
    expect(stage?.column).toBe(FILTER.indexOf('![Stage]') + 1);
    expect(stage?.urlColumn).toBe(FILTER.indexOf('{{') + 1);
    expect(desk?.column).toBe(FILTER.indexOf('![Desk]') + 1);
    expect(desk?.urlColumn).toBe(FILTER.indexOf('{{site.url}}') + 1);
  });

  it('reads the prepend filter too', () => {
    expect(findImageRefs("![a]({{ '/assets/img/a.png' | prepend: site.baseurl }})").map((r) => r.url)).toEqual(['/assets/img/a.png']);
  });

  it("reads Jekyll's link tag as the path it names from the site's folder, with or without its first slash or a base before it", () => {
    const text = "![a]({% link assets/img/a.png %}) ![b]({%- link /assets/img/b.png -%})\n\n<img src=\"{{ site.baseurl }}{% link assets/img/c.png %}\" alt=\"c\">\n";
    expect(findImageRefs(text).map((r) => [r.url, r.liquid])).toEqual([
      ['/assets/img/a.png', '{% link assets/img/a.png %}'],
      ['/assets/img/b.png', '{%- link /assets/img/b.png -%}'],
      ['/assets/img/c.png', '{{ site.baseurl }}{% link assets/img/c.png %}'],
    ]);
    // Not a link with spaces: Jekyll renders the tag before the Markdown.
    expect(lintText(`---\ntitle: KCD\n---\n\n${text}`, loadProfile('jekyll')).map((p) => p.code)).not.toContain('image-url-space');
    expect(findImageRefs('![x]({% include a.png %})').map((r) => r.url)).toEqual([]);
  });

  it('leaves other Liquid, and Liquid outside a link, as text', () => {
    expect(findImageRefs('![x]({{ page.image }})\n\n`{{ site.baseurl }}/a.png`\n').map((r) => r.url)).toEqual([]);
  });
});

describe('a Jekyll post with Liquid image links', () => {
  let dir: string;
  let service: RecapService;
  beforeEach(async () => {
    dir = await tempDir('liquid');
    service = createRecapService({ home: path.join(dir, 'home'), cacheDir: path.join(dir, 'cache') });
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  const post = ['---', 'title: KCD China', 'date: 2021-11-02', '---', '', BASEURL, '', FILTER, '', '![Gone]({{ site.baseurl }}/assets/img/gone.png)', ''].join('\n');

  it('lints its links as the site serves them: no space error, the missing one named by its path', async () => {
    expect(lintText(post, loadProfile('jekyll')).map((p) => p.code)).not.toContain('image-url-space');
    const site = path.join(dir, 'site');
    await writeText(path.join(site, '_config.yml'), 'title: KCD\nbaseurl: /blog\n');
    for (const [i, name] of ['hall', 'stage', 'desk'].entries()) await png(path.join(site, 'assets/img', `${name}.png`), i);
    const file = await writeText(path.join(site, '_posts/2021-11-02-kcd-china.md'), post);
    await service.openRecap({ path: file });
    const problems = await service.lintRecap({ text: post, path: file });
    expect(problems.filter((p) => p.severity === 'error').map((p) => [p.code, p.line])).toEqual([['image-missing', 10]]);
    expect(problems.find((p) => p.code === 'image-missing')?.message).toContain('/assets/img/gone.png');
    const looked = await service.resolveImages({ recapPath: file, urls: ['/assets/img/hall.png', '/assets/img/stage.png'] });
    expect(looked.map((l) => l.localPath)).toEqual([path.join(site, 'assets/img/hall.png'), path.join(site, 'assets/img/stage.png')]);
    expect(looked.every((l) => l.src !== null)).toBe(true);

    // Export back into its site: the post keeps every Liquid link as written.
    const fixed = post.replace('![Gone]({{ site.baseurl }}/assets/img/gone.png)', 'The end.');
    const report = await service.exportRecap({ recapPath: file, text: fixed, target: { kind: 'site', dir: site } });
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(await fs.readFile(file, 'utf8')).toBe(fixed);

    // Into a folder laid out by the Jekyll profile as written (--profile), where the photos move to the post's own image folder: the Liquid stays around the new path.
    const out = path.join(dir, 'out');
    const copied = await service.exportRecap({ recapPath: file, text: fixed, target: { kind: 'folder', dir: out }, profile: 'jekyll' });
    const written = await fs.readFile(path.join(out, copied.post ?? ''), 'utf8');
    expect(written).toBe(fixed.replace(/\/assets\/img\//g, '/assets/images/kcd-china/'));
    expect(written).toContain('({{ "/assets/images/kcd-china/stage.png" | relative_url }})');
  });

  it("lints a link tag's photo as the site's file (missing: an error, as Jekyll's build stops), and export keeps the tag around the new path", async () => {
    const site = path.join(dir, 'site');
    await writeText(path.join(site, '_config.yml'), 'title: KCD\n');
    await png(path.join(site, 'assets/img/hall.png'), 1);
    const tagged = ['---', 'title: KCD China', 'date: 2021-11-02', '---', '', '![Hall]({% link assets/img/hall.png %})', ''].join('\n');
    const file = await writeText(path.join(site, '_posts/2021-11-02-kcd-china.md'), tagged);
    expect(await service.lintRecap({ text: tagged, path: file })).toEqual([]);

    const out = path.join(dir, 'out');
    const copied = await service.exportRecap({ recapPath: file, target: { kind: 'folder', dir: out }, profile: 'jekyll' });
    expect(copied.problems).toEqual([]);
    expect(await fs.readFile(path.join(out, copied.post ?? ''), 'utf8')).toBe(tagged.replace('assets/img/hall.png', 'assets/images/kcd-china/hall.png'));
    await fs.access(path.join(out, 'assets/images/kcd-china/hall.png'));

    await fs.rm(path.join(site, 'assets/img/hall.png'));
    expect((await service.lintRecap({ text: tagged, path: file })).map((p) => [p.code, p.severity, p.line])).toEqual([['image-missing', 'error', 6]]);
  });
});
