// Hugo themes' shortcodes that take a bundle photo by its name: Congo's and Blowfish's
// `{{< screenshot src="…" >}}` (GetMatch "*src*") and Docsy's `{{< imgproc NAME Fill "…" >}}`
// (GetMatch "**NAME*"). Where the site's theme has them, lint says when a call finds no photo
// (Hugo's build stops there), the photo it finds is used, and export carries it.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findShortcodePhotos, themeShortcodesOf } from '../../../electron/core/markdown/theme-shortcodes';
import { shortcodeUses } from '../../../renderer/photos/shortcodeUses';
import type { Photo } from '../../../electron/core/contract';
import { writeText } from '../support/site-fixture';
import { previewHtml } from '../support/preview-html';
import { photo } from './other-sites';
import { serviceInTempDir } from '../support/temp-service';
import { validateRequest } from '../../../electron/core/validate';

const temp = serviceInTempDir('theme-shortcodes');

const CONGO_POST = [
  '---',
  'title: "KCD Porto"',
  'date: 2024-05-01',
  '---',
  '',
  'The day, in pictures.',
  '',
  '{{< screenshot src="stage.jpg" alt="Speakers on stage" >}}',
  '',
  '{{< screenshot',
  '  src=`hall`',
  '  caption="The hall" />}}',
  '',
  'How to show one: `{{</* screenshot src="nowhere.jpg" */>}}`.',
  '',
].join('\n');

const DOCSY_POST = ['---', 'title: Meetup recap', 'date: 2024-05-01', '---', '', '{{< imgproc stage Fill "600x300" >}}', 'Speakers on stage.', '{{< /imgproc >}}', ''].join('\n');

describe('theme shortcode calls', () => {
  it('are read as Hugo reads their parameters, named or by position, any quotes; a call written as text is none', () => {
    const calls = (text: string, names = ['screenshot', 'imgproc']) => findShortcodePhotos(text, names).map((c) => [c.shortcode, c.value, c.pattern]);
    expect(calls(CONGO_POST)).toEqual([
      ['screenshot', 'stage.jpg', '*stage.jpg*'],
      ['screenshot', 'hall', '*hall*'],
    ]);
    expect(calls(DOCSY_POST)).toEqual([['imgproc', 'stage', '**stage*']]);
    expect(calls('{{% imgproc "crowd" Fit "300x200" %}}\n{{< imgproc crowd-2 Crop "1x1" />}}')).toEqual([
      ['imgproc', 'crowd', '**crowd*'],
      ['imgproc', 'crowd-2', '**crowd-2*'],
    ]);
    // Only the site's theme's shortcodes; a value with its own template or glob, an unclosed call, a call over a blank line: none.
    expect(calls(CONGO_POST, ['imgproc'])).toEqual([]);
    expect(calls('{{< screenshot src="{{ .Site.Params.x }}" >}}\n{{< screenshot src="a*.jpg" >}}\n{{< screenshot src="b.jpg"\n\n>}}\n{{< screenshots src="c.jpg" >}}')).toEqual([]);
    expect(calls('{{< screenshot alt="no src" >}}')).toEqual([]);
  });

  it("are the site's theme's: by its folder or module path, less those the site writes itself", () => {
    expect(themeShortcodesOf(['congo'])).toEqual(['screenshot']);
    expect(themeShortcodesOf(['github.com/nunocoracao/blowfish/v2'])).toEqual(['carousel', 'screenshot']);
    expect(themeShortcodesOf(['github.com/google/docsy', 'github.com/google/docsy/dependencies'])).toEqual(['imgproc']);
    expect(themeShortcodesOf(['hugo-theme-congo', 'docsy'])).toEqual(['imgproc', 'screenshot']);
    expect(themeShortcodesOf(['congo'], ['screenshot'])).toEqual([]);
    expect(themeShortcodesOf(['PaperMod'])).toEqual([]);
    expect(themeShortcodesOf(['github.com/imfing/hextra'])).toEqual(['card']);
  });

  it('take the first photo of the folder the pattern matches, for the tray as for lint', () => {
    const photos = ['hall-day2.jpg', 'stage.jpg', 'hall-day1.jpg', 'stage-2.jpg'].map((name) => ({ name, url: `./${name}` }) as Photo);
    expect(shortcodeUses(CONGO_POST, { themeShortcodes: ['screenshot'] }, photos)).toEqual([
      { key: '{{< screenshot >}}', url: './stage.jpg', written: 'stage.jpg', pattern: true },
      { key: '{{< screenshot >}}', url: './hall-day1.jpg', written: 'hall', pattern: true },
    ]);
    expect(shortcodeUses(CONGO_POST, {}, photos)).toEqual([]);
  });
});

describe('the preview of a theme shortcode', () => {
  const hugo = { liquid: false, mdx: false, generator: 'hugo' as const };
  it('shows its photo as the bundle match it looks up, with its caption; in code, and on a site without the theme, the call as written', () => {
    expect(previewHtml('{{< screenshot src="stage.jpg" caption="Day *one*" >}}', { ...hugo, themeShortcodes: ['screenshot'] })).toBe(
      '<figure><img dataThemeMatch="screenshot" src="*stage.jpg*" alt="Day one"></img><figcaption>Day <em>one</em></figcaption></figure>',
    );
    expect(previewHtml(DOCSY_POST.split('---\n')[2] ?? '', { ...hugo, themeShortcodes: ['imgproc'] })).toBe('<figure><img dataThemeMatch="imgproc" src="**stage*" alt=""></img><figcaption>Speakers on stage.</figcaption></figure>');
    expect(previewHtml('```\n{{< screenshot src="stage.jpg" >}}\n```', { ...hugo, themeShortcodes: ['screenshot'] })).toBe('<pre><code>{{< screenshot src="stage.jpg" >}}</code></pre>');
    expect(previewHtml('{{< screenshot src="stage.jpg" >}}', hugo)).toBe('<p>{{< screenshot src="stage.jpg" >}}</p>');
    // Hextra's card: its image looked up as a figure's src, its title under it.
    expect(previewHtml('{{< card link="/" title="The stage" image="/images/stage.jpg" >}}', { ...hugo, themeShortcodes: ['card'] })).toBe(
      '<figure><img dataHugoFigure="" src="/images/stage.jpg" alt="The stage"></img><figcaption>The stage</figcaption></figure>',
    );
    // A carousel: the first photo of each pattern, as its slides start.
    expect(previewHtml('{{< carousel images="{stage.jpg,gallery/*}" >}}', { ...hugo, themeShortcodes: ['carousel'] })).toBe(
      '<figure><img dataThemeMatch="carousel" src="stage.jpg" alt=""></img><img dataThemeMatch="carousel" src="gallery/*" alt=""></img></figure>',
    );
  });
});

describe("a theme shortcode's photo", () => {
  async function congoSite(name: string, config = 'baseURL = "https://example.org/"\ntitle = "Meetups"\ntheme = "congo"\n'): Promise<{ root: string; post: string }> {
    const root = path.join(temp.dir(), name);
    await writeText(path.join(root, 'hugo.toml'), config);
    for (const [i, n] of ['stage.jpg', 'hall-day1.jpg', 'spare.jpg'].entries()) await photo(path.join(root, 'content/posts/meetup', n), 40 + i);
    const post = await writeText(path.join(root, 'content/posts/meetup/index.md'), CONGO_POST);
    return { root, post };
  }
  const imageProblems = async (text: string, post: string) => (await temp.service().lintRecap({ text, path: post })).filter((p) => p.code.startsWith('image-') || p.code === 'photos-unused');

  it('is used: lint is clean, export carries it whatever is left out, and the call stays as written', async () => {
    const { post } = await congoSite('congo');
    expect(await imageProblems(CONGO_POST, post)).toEqual([]);
    const checks = await temp.service().exportRecap({ recapPath: post, text: CONGO_POST, target: { kind: 'folder', dir: path.join(temp.dir(), 'congo-check') }, dryRun: true });
    expect(checks.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(checks.problems.filter((p) => p.code === 'photos-unused').map((p) => p.message)).toEqual([expect.stringContaining(': spare.jpg.')]);
    const out = path.join(temp.dir(), 'congo-out');
    const report = await temp.service().exportRecap({ recapPath: post, text: CONGO_POST, target: { kind: 'folder', dir: out }, leaveOutUnused: true });
    expect(report.files.map((f) => f.path).sort()).toEqual(['content/posts/meetup/hall-day1.jpg', 'content/posts/meetup/index.md', 'content/posts/meetup/stage.jpg']);
    expect(await fs.readFile(path.join(out, 'content/posts/meetup/index.md'), 'utf8')).toBe(CONGO_POST);
  });

  it('that no file matches is an error on its call, in lint and in export, which writes nothing', async () => {
    const { root, post } = await congoSite('congo-missing');
    await fs.rm(path.join(root, 'content/posts/meetup/hall-day1.jpg'));
    const problems = await imageProblems(CONGO_POST, post);
    expect(problems.map((p) => [p.code, p.severity, p.line])).toEqual([['image-missing', 'error', 10]]);
    expect(problems[0]?.message).toBe(
      `The {{< screenshot >}} call names hall, which matches no file of this page bundle (its theme looks for *hall* in ${path.join(root, 'content/posts/meetup')}), and Hugo's build stops on it. Add the photo to the bundle, or fix the call.`,
    );
    const out = path.join(temp.dir(), 'congo-missing-out');
    const report = await temp.service().exportRecap({ recapPath: post, text: CONGO_POST, target: { kind: 'folder', dir: out } });
    expect(report.written).toBe(false);
    expect(report.problems.filter((p) => p.severity === 'error').map((p) => p.message)).toEqual([problems[0]?.message]);
    await expect(fs.stat(out)).rejects.toThrow();
  });

  it("is read only where the site's theme has the shortcode: another theme's, or the site's own, is text as before", async () => {
    const unusedOf = async (post: string) => {
      const checks = await temp.service().exportRecap({ recapPath: post, text: CONGO_POST, target: { kind: 'folder', dir: path.join(temp.dir(), 'unused-check') }, dryRun: true });
      return checks.problems.filter((p) => p.code.startsWith('image-') || p.code === 'photos-unused').map((p) => p.message);
    };
    const allUnused = [expect.stringContaining(': hall-day1.jpg, spare.jpg, stage.jpg.')];
    const other = await congoSite('papermod', 'title = "Meetups"\ntheme = "PaperMod"\n');
    expect(await unusedOf(other.post)).toEqual(allUnused);
    const own = await congoSite('own-shortcode');
    await writeText(path.join(own.root, 'layouts/shortcodes/screenshot.html'), '<img src="{{ .Get "src" }}">\n');
    expect(await unusedOf(own.post)).toEqual(allUnused);
  });

  it("the preview's lookup of a call's pattern goes through the same resolver, validated as any request", async () => {
    const { root, post } = await congoSite('congo-lookup');
    const req = validateRequest('resolveImages', { recapPath: post, urls: [], matchUrls: ['*stage.jpg*', '*crowd*'] });
    const lookups = await temp.service().resolveImages(req);
    expect(lookups.map((l) => [l.url, l.match, l.localPath])).toEqual([
      ['*stage.jpg*', true, path.join(root, 'content/posts/meetup/stage.jpg')],
      ['*crowd*', true, path.join(root, 'content/posts/meetup')],
    ]);
    expect(lookups[0]?.src).toBeTruthy();
    expect(lookups[1]?.src).toBe(null);
    expect(() => validateRequest('resolveImages', { recapPath: post, urls: [], matchUrls: [7] })).toThrow();
  });

  it("Docsy's imgproc, on a site with content/en and the theme as a module, finds its photo as Hugo does", async () => {
    const root = path.join(temp.dir(), 'docsy');
    await writeText(path.join(root, 'hugo.yaml'), 'contentDir: content/en\nmodule:\n  imports:\n    - path: github.com/google/docsy\n');
    await photo(path.join(root, 'content/en/blog/news/meetup/gallery/stage-2024.jpg'), 50);
    const post = await writeText(path.join(root, 'content/en/blog/news/meetup/index.md'), DOCSY_POST);
    expect(await imageProblems(DOCSY_POST, post)).toEqual([]);
    const inPlace = await temp.service().exportRecap({ recapPath: post, text: DOCSY_POST, target: { kind: 'site', dir: root }, dryRun: true });
    expect(inPlace.files.map((f) => [f.path, f.status])).toEqual([
      ['content/en/blog/news/meetup/index.md', 'unchanged'],
      ['content/en/blog/news/meetup/gallery/stage-2024.jpg', 'unchanged'],
    ]);
  });

  it("Blowfish's carousel takes every photo each of its patterns matches; a pattern matching none is a warning (Hugo builds on), a space after a comma part of the name", async () => {
    const root = path.join(temp.dir(), 'blowfish');
    await writeText(path.join(root, 'config/_default/module.toml'), '[[imports]]\npath = "github.com/nunocoracao/blowfish/v2"\n');
    await writeText(path.join(root, 'config/_default/hugo.toml'), 'title = "Meetups"\n');
    const bundle = path.join(root, 'content/posts/meetup');
    for (const [i, n] of ['gallery/01.jpg', 'gallery/02.jpg', 'gallery/03.jpg', 'stage.jpg', 'spare.jpg'].entries()) await photo(path.join(bundle, n), 20 + i);
    const text = ['---', 'title: Meetup', 'date: 2024-05-01', '---', '', '{{< carousel images="gallery/*" aspectRatio="21-9" >}}', '', '{{< carousel images="{stage.jpg, gallery/01.jpg,https://cdn.example.org/x.jpg}" >}}', ''].join('\n');
    const post = await writeText(path.join(bundle, 'index.md'), text);
    expect(findShortcodePhotos(text, ['carousel']).map((c) => [c.value, c.all])).toEqual([
      ['gallery/*', true],
      ['stage.jpg', true],
      [' gallery/01.jpg', true],
    ]);
    const problems = await imageProblems(text, post);
    expect(problems.map((p) => [p.code, p.severity, p.line])).toEqual([['image-missing', 'warning', 8]]);
    expect(problems[0]?.message).toContain('The {{< carousel >}} call names " gallery/01.jpg", which matches no file of this page bundle');
    const out = path.join(temp.dir(), 'blowfish-out');
    const report = await temp.service().exportRecap({ recapPath: post, text, target: { kind: 'folder', dir: out }, leaveOutUnused: true });
    expect(report.written).toBe(true);
    expect(report.files.map((f) => f.path.replace('content/posts/meetup/', '')).sort()).toEqual(['gallery/01.jpg', 'gallery/02.jpg', 'gallery/03.jpg', 'index.md', 'stage.jpg']);
    const inPlace = await temp.service().exportRecap({ recapPath: post, text, target: { kind: 'site', dir: root }, dryRun: true });
    expect(inPlace.files.every((f) => f.status === 'unchanged')).toBe(true);
    const photos = ['spare.jpg', 'stage.jpg'].map((name) => ({ name, url: name }) as Photo);
    expect(shortcodeUses(text, { themeShortcodes: ['carousel'] }, photos).map((u) => u.url)).toEqual(['stage.jpg']);
  });

  it("Hextra's card looks its image up as Hugo's figure does its src: a static/ or assets/ photo is used and carried, a missing one an error", async () => {
    const root = path.join(temp.dir(), 'hextra');
    await writeText(path.join(root, 'hugo.yaml'), 'title: Hextra\nmodule:\n  imports:\n    - path: github.com/imfing/hextra\n');
    await photo(path.join(root, 'static/images/stage.jpg'), 30);
    await photo(path.join(root, 'assets/images/crowd.jpg'), 31);
    const cards = ['{{< cards >}}', '  {{< card link="/" title="The stage" image="/images/stage.jpg" >}}', '  {{< card link="/" title="The crowd" image="images/crowd.jpg" method="Resize" >}}', '  {{< card link="/" title="Remote" image="https://example.org/a.jpg" >}}', '{{< /cards >}}'];
    const text = ['---', 'title: Meetup', '---', '', ...cards, ''].join('\n');
    const post = await writeText(path.join(root, 'content/docs/meetup.md'), text);
    expect((await imageProblems(text, post)).filter((p) => p.severity === 'error')).toEqual([]);
    const out = path.join(temp.dir(), 'hextra-out');
    const report = await temp.service().exportRecap({ recapPath: post, text, target: { kind: 'folder', dir: out } });
    expect(report.files.map((f) => f.path).sort()).toEqual(['assets/images/crowd.jpg', 'content/docs/meetup.md', 'static/images/stage.jpg']);
    const missing = text.replace('/images/stage.jpg', '/images/nope.jpg');
    const problems = (await imageProblems(missing, post)).filter((p) => p.severity === 'error');
    expect(problems.map((p) => [p.code, p.line])).toEqual([['image-missing', 6]]);
    expect(problems[0]?.message).toContain('/images/nope.jpg does not exist');
    // A recap from outside the site: its card's photo is copied into the post's photo folder, and the card names the copy.
    const draft = path.join(temp.dir(), 'hextra-draft');
    await photo(path.join(draft, 'hall.jpg'), 32);
    const draftText = ['---', 'title: Meetup two', '---', '', '{{< card link="/" title="The hall" image="hall.jpg" >}}', ''].join('\n');
    const draftPost = await writeText(path.join(draft, 'meetup-two.md'), draftText);
    const intoSite = await temp.service().exportRecap({ recapPath: draftPost, text: draftText, target: { kind: 'site', dir: root } });
    expect(intoSite.files.map((f) => [f.path, f.status])).toEqual([
      ['content/docs/meetup-two.md', 'added'],
      ['static/images/docs/meetup-two/hall.jpg', 'added'],
    ]);
    const exported = await fs.readFile(path.join(root, 'content/docs/meetup-two.md'), 'utf8');
    expect(exported).toBe(draftText.replace('image="hall.jpg"', 'image="/images/docs/meetup-two/hall.jpg"'));
    expect((await imageProblems(exported, path.join(root, 'content/docs/meetup-two.md'))).filter((p) => p.severity === 'error')).toEqual([]);
    // The tray: a photo of the folder the card names by its address is used by it.
    expect(shortcodeUses(text, { themeShortcodes: ['card'] }, [{ name: 'stage.jpg', url: '/images/stage.jpg' } as Photo], false).map((u) => [u.key, u.url])).toEqual([['{{< card >}}', '/images/stage.jpg']]);
  });

  it('behind a symlink out of the bundle is refused, never read, and export writes nothing', async () => {
    const { root, post } = await congoSite('congo-hostile');
    const outside = await photo(path.join(temp.dir(), 'outside', 'hall-secret.jpg'), 60);
    await fs.rm(path.join(root, 'content/posts/meetup/hall-day1.jpg'));
    await fs.symlink(outside, path.join(root, 'content/posts/meetup/hall-day1.jpg'));
    expect((await imageProblems(CONGO_POST, post)).map((p) => [p.code, p.line])).toEqual([['image-refused', 10]]);
    const out = path.join(temp.dir(), 'congo-hostile-out');
    const report = await temp.service().exportRecap({ recapPath: post, text: CONGO_POST, target: { kind: 'folder', dir: out } });
    expect(report.written).toBe(false);
    await expect(fs.stat(out)).rejects.toThrow();
  });
});
