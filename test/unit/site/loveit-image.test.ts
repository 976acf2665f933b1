// The LoveIt family of Hugo themes (LoveIt, FixIt, DoIt): its `{{< image src="…" >}}` shortcode
// (named parameters, or `"src" "alt" "caption"` by position; `src_s` and `src_l` for the srcset's
// small and large versions) looks each photo up as Hugo's figure does its src (its
// partials/function/resource.html: the page's resource, the site's assets/, else as written), and
// its image hook reaches `resources.Get` through the partials it calls. Lint, export, the tray and
// the preview read them so: the photos are used and carried, a missing one is an error.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Photo } from '../../../electron/core/contract';
import { findShortcodePhotos, themeShortcodesOf } from '../../../electron/core/markdown/theme-shortcodes';
import { hugoImageHook } from '../../../electron/service/site/hugo-image-hook';
import { detectGenerator } from '../../../electron/service/site/site';
import { shortcodeUses } from '../../../renderer/photos/shortcodeUses';
import { previewHtml } from '../support/preview-html';
import { serviceInTempDir } from '../support/temp-service';
import { writeText } from '../support/site-fixture';
import { photo } from './other-sites';

const temp = serviceInTempDir('loveit');
const FIXIT = '[module]\n[[module.imports]]\npath = "github.com/hugo-fixit/FixIt"\n';
const LIGHTHOUSE = '{{< image src="/images/lighthouse.jpg" caption="Lighthouse (`image`)" src_s="/images/lighthouse-small.jpg" src_l="/images/lighthouse-large.jpg" >}}';
const problemsOf = async (text: string, post: string) => (await temp.service().lintRecap({ text, path: post })).map((p) => [p.code, p.severity, p.line]);

describe("the LoveIt family's image shortcode", () => {
  it('is read with its named or positional parameters, its small and large versions apart from the photo', () => {
    const calls = (text: string) => findShortcodePhotos(text, ['image']).map((c) => [c.value, c.pattern, c.version ?? false, c.alt, c.caption]);
    expect(calls(LIGHTHOUSE)).toEqual([
      ['/images/lighthouse.jpg', null, false, null, 'Lighthouse (`image`)'],
      ['/images/lighthouse-small.jpg', null, true, null, 'Lighthouse (`image`)'],
      ['/images/lighthouse-large.jpg', null, true, null, 'Lighthouse (`image`)'],
    ]);
    expect(calls('{{< image "./stage.jpg" "The stage" "Day **one**" >}}')).toEqual([['./stage.jpg', null, false, 'The stage', 'Day **one**']]);
    // By their folders or module paths, in any case.
    for (const theme of ['LoveIt', 'github.com/hugo-fixit/FixIt', 'github.com/HEIGE-PCloud/DoIt']) expect(themeShortcodesOf([theme])).toEqual(['image']);
    // The preview shows the photo once, with its caption: its versions are its srcset's.
    const html = previewHtml(`${LIGHTHOUSE}\n`, { liquid: false, mdx: false, generator: 'hugo', themeShortcodes: ['image'] });
    expect(html.match(/<img /g)).toHaveLength(1);
    expect(html).toContain('src="/images/lighthouse.jpg"');
    expect(html).toContain('Lighthouse (<code>image</code>)');
  });

  it("finds a bundle's photo and the site's assets/ versions: used, carried, each alt counted once; a missing one is an error", async () => {
    const root = path.join(temp.dir(), 'fixit');
    await writeText(path.join(root, 'hugo.toml'), FIXIT);
    const bundle = path.join(root, 'content/posts/pwa-support');
    await photo(path.join(bundle, 'install.jpg'), 1);
    await photo(path.join(bundle, 'spare.jpg'), 2);
    for (const [i, name] of ['lighthouse.jpg', 'lighthouse-small.jpg', 'lighthouse-large.jpg'].entries()) await photo(path.join(root, 'assets/images', name), 3 + i);
    const text = ['---', 'title: PWA support', '---', '', '{{< image src="./install.jpg" caption="Install the app" >}}', '', LIGHTHOUSE, '', LIGHTHOUSE, ''].join('\n');
    const post = await writeText(path.join(bundle, 'index.en.md'), text);
    expect(await problemsOf(text, post)).toEqual([]);
    const out = path.join(temp.dir(), 'fixit-out');
    const report = await temp.service().exportRecap({ recapPath: post, text, target: { kind: 'folder', dir: out }, leaveOutUnused: true });
    expect(report.files.map((f) => f.path).sort()).toEqual([
      'assets/images/lighthouse-large.jpg',
      'assets/images/lighthouse-small.jpg',
      'assets/images/lighthouse.jpg',
      'content/posts/pwa-support/index.en.md',
      'content/posts/pwa-support/install.jpg',
    ]);
    expect(await fs.readFile(path.join(out, 'content/posts/pwa-support/index.en.md'), 'utf8')).toBe(text);
    expect(await problemsOf(text.replace('./install.jpg', './gone.jpg').replace('lighthouse-small.jpg" src_l', 'nope.jpg" src_l'), post)).toEqual([
      ['image-missing', 'error', 5],
      ['image-missing', 'error', 7],
    ]);
    // The tray counts the bundle's photo as used by the call; the spare one stays unused.
    const photos = ['install.jpg', 'spare.jpg'].map((name) => ({ name, url: name }) as Photo);
    expect(shortcodeUses(text, { themeShortcodes: ['image'] }, photos).map((u) => [u.key, u.url])).toEqual([['{{< image >}}', 'install.jpg']]);
  });

  it('an <img> and its srcset are one photo with one alt: not "the same alt for another photo"', async () => {
    const root = path.join(temp.dir(), 'srcset');
    await photo(path.join(root, 'stage.jpg'), 7);
    await photo(path.join(root, 'stage-2x.jpg'), 8);
    const text = '---\ntitle: KCD\n---\n\n<img src="stage.jpg" srcset="stage.jpg 1x, stage-2x.jpg 2x" alt="Speakers on the stage">\n\n![Speakers on the stage](stage-2x.jpg)\n';
    const post = await writeText(path.join(root, 'kcd.md'), text);
    // The Markdown image of the other file with that alt is still told apart.
    expect(await problemsOf(text, post)).toEqual([['alt-repeated', 'warning', 7]]);
  });
});

describe("the LoveIt family's image hook", () => {
  const hookOf = (site: string) => hugoImageHook(site, detectGenerator(site)?.config ?? null);
  it('reads assets/ through the partials it calls, not through a fixed file one of them loads; by name where the theme is a module', async () => {
    const root = path.join(temp.dir(), 'hook');
    await writeText(path.join(root, 'hugo.toml'), 'theme = "FixIt"\n');
    const theme = path.join(root, 'themes/FixIt/layouts');
    await writeText(path.join(theme, '_default/_markup/render-image.html'), '{{- dict "Src" .Destination "Resources" .Page.Resources | partial "plugin/image.html" -}}\n');
    await writeText(path.join(theme, 'partials/plugin/image.html'), '{{- $loading := resources.Get "svg/loading.svg" -}}\n<img src="{{ .Src }}">\n');
    expect(hookOf(root)).toBeNull();
    await writeText(path.join(theme, 'partials/plugin/image.html'), '{{- $loading := resources.Get "svg/loading.svg" -}}\n{{- with dict "Path" .Src "Resources" .Resources | partial "function/resource.html" -}}{{ .RelPermalink }}{{- end -}}\n');
    expect(hookOf(root)).toBeNull();
    await writeText(path.join(theme, 'partials/function/resource.html'), '{{- $url := urls.Parse .Path -}}\n{{- with .Resources.GetMatch $url.Path -}}{{ return . }}{{- end -}}\n{{- return resources.Get $url.Path -}}\n');
    expect(hookOf(root)).toEqual({ by: 'own', file: 'themes/FixIt/layouts/_default/_markup/render-image.html' });
    // The site's own partial of that name is the one Hugo calls.
    await writeText(path.join(root, 'layouts/partials/plugin/image.html'), '<img src="{{ .Src }}">\n');
    expect(hookOf(root)).toBeNull();
    // A module: the theme's known hook.
    await writeText(path.join(root, 'hugo.toml'), FIXIT);
    expect(hookOf(root)).toEqual({ by: 'theme', theme: 'FixIt' });
  });
});
