// A Hugo theme whose image hook looks a Markdown image up below the page's own folder in assets/
// (Terminal's: the page's resource, then `resources.Get` of `path.Join .Page.File.Dir
// .Destination`, then the address as written) and whose own figure shortcode shows its src as
// written. `![](stage.png)` of content/posts/kcd.md is assets/posts/stage.png, never
// assets/stage.png; `{{< figure src="x" >}}` is a link like any other. Lint, export, the preview and
// the tray read them so. Where the site keeps Hugo's own figure (which looks in assets/ itself),
// such a hook is read as the embedded one: one figure lookup serves both.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { editorBody } from '../../../electron/core/frontmatter/split';
import { photoUses } from '../../../electron/core/markdown/photo-text';
import { readingOfPost } from '../../../electron/core/markdown/post-reading';
import { findImageRefs } from '../../../electron/service/recap/markdown-images';
import { profileForRecap } from '../../../electron/service/site/site';
import { figureUrls } from '../../../renderer/photos/linkedUrls';
import { previewImgs } from '../support/preview-html';
import { png, writeText } from '../support/site-fixture';
import { serviceInTempDir } from '../support/temp-service';

const temp = serviceInTempDir('terminal-hook');

// Templates of our own that look images up as the theme's do (not copies of them).
const HOOK = [
  '{{- $img := .Page.Resources.GetMatch .Destination -}}',
  '{{- if and (not $img) .Page.File -}}{{- $img = resources.Get (path.Join .Page.File.Dir .Destination) -}}{{- end -}}',
  '{{- with $img }}<img src="{{ .RelPermalink }}" alt="{{ $.Text }}">{{ else }}<img src="{{ $.Destination | safeURL }}" alt="{{ $.Text }}">{{ end -}}',
  '',
].join('\n');
const FIGURE = '<figure><img src="{{ .Get "src" | safeURL }}" alt="{{ .Get "alt" }}"></figure>\n';

const TEXT = ['---', 'title: "KCD Porto"', 'date: 2026-05-01', '---', '', 'The day.', '', '![The stage](stage.png)', '', '{{< figure src="/img/hall.png" alt="The hall" >}}', ''].join('\n');

/** A site on the theme (in themes/terminal/, or `own`: in the site's layouts/), stage.png at `stageAt`, hall.png in static/img/. */
async function terminalSite(stageAt: string, opts: { figure?: boolean; name?: string } = {}): Promise<{ site: string; post: string }> {
  const site = path.join(temp.dir(), opts.name ?? 'site');
  await writeText(path.join(site, 'hugo.toml'), 'title = "Events"\ntheme = "terminal"\n');
  await writeText(path.join(site, 'themes/terminal/layouts/_default/_markup/render-image.html'), HOOK);
  if (opts.figure !== false) await writeText(path.join(site, 'themes/terminal/layouts/shortcodes/figure.html'), FIGURE);
  await png(path.join(site, stageAt), 1);
  await png(path.join(site, 'static/img/hall.png'), 2);
  const post = await writeText(path.join(site, 'content/posts/kcd.md'), TEXT);
  return { site, post };
}

const problemsOf = async (post: string, text = TEXT): Promise<Array<[string, number | undefined]>> => (await temp.service().lintRecap({ text, path: post })).map((p) => [p.code, p.line]);

describe("Terminal's image hook and figure", () => {
  it("a Markdown image is assets/<the page's folder>/<name>; a figure's src is as written; the rules say so", async () => {
    const { site, post } = await terminalSite('assets/posts/stage.png');
    // Before: a false image-missing error (looked for at assets/stage.png only), export refused.
    expect(await problemsOf(post)).toEqual([]);
    const details = profileForRecap(post).rules?.details.join('\n') ?? '';
    expect(details).toContain("Markdown images are looked up as this site's image render hook (themes/terminal/layouts/_default/_markup/render-image.html) looks them up: the page bundle's own file, then assets/ below the page's own folder");
    expect(details).toContain('Its figure shortcode shows its src as written');

    // At the site's assets/ itself the hook finds nothing, and the page links stage.png as written: missing.
    await fs.rename(path.join(site, 'assets/posts/stage.png'), path.join(site, 'assets/stage.png'));
    const missing = await temp.service().lintRecap({ text: TEXT, path: post });
    expect(missing.map((p) => [p.code, p.line])).toEqual([['image-missing', 8]]);
    expect(missing[0]?.message).toContain(path.join(site, 'content/posts/stage.png'));

    // A figure's src in assets/ is not found there: the figure shows it as written.
    const crowd = TEXT.replace('{{< figure src="/img/hall.png"', '{{< figure src="/images/crowd.png"');
    await png(path.join(site, 'assets/images/crowd.png'), 3);
    await fs.rename(path.join(site, 'assets/stage.png'), path.join(site, 'assets/posts/stage.png'));
    expect(await problemsOf(post, crowd)).toEqual([['image-missing', 10]]);
  });

  it('the preview, the tray and export read them alike: the Markdown image as the hook finds it, the figure as a link', async () => {
    const { site, post } = await terminalSite('assets/posts/stage.png');
    const reading = readingOfPost(profileForRecap(post), TEXT);
    expect([reading.imageHook, reading.figureAsWritten, reading.hookPageDirs]).toEqual([true, true, ['content']]);
    expect(findImageRefs(editorBody(TEXT), reading).map((r) => [r.url, r.figure ?? false])).toEqual([
      ['stage.png', true],
      ['/img/hall.png', false],
    ]);
    const imgs = previewImgs(editorBody(TEXT), reading);
    expect(imgs.map((p) => [p['src'], 'dataHugoFigure' in p])).toEqual([
      ['stage.png', true],
      ['/img/hall.png', false],
    ]);
    expect(figureUrls(photoUses(editorBody(TEXT), reading))).toEqual(['stage.png']);
    const lookups = await temp.service().resolveImages({ recapPath: post, urls: ['/img/hall.png'], figureUrls: ['stage.png'] });
    expect(lookups.map((l) => l.localPath)).toEqual([path.join(site, 'static/img/hall.png'), path.join(site, 'assets/posts/stage.png')]);

    // Export into the site leaves both where the site has them (the hook's photo is the post's, carried where it is); to a folder, laid out so.
    const plan = await temp.service().planExport({ recapPath: post, text: TEXT, target: { kind: 'site', dir: site } });
    expect(plan.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(plan.files.map((f) => [f.path, f.status])).toEqual([['content/posts/kcd.md', 'unchanged'], ['assets/posts/stage.png', 'unchanged']]);
    const out = path.join(temp.dir(), 'out');
    const report = await temp.service().exportRecap({ recapPath: post, text: TEXT, target: { kind: 'folder', dir: out } });
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(await fs.readFile(path.join(out, 'content/posts/kcd.md'), 'utf8')).toBe(TEXT);
    expect((await fs.stat(path.join(out, 'assets/posts/stage.png'))).isFile()).toBe(true);
  });

  it('a theme not checked out (theme = "hugo-theme-terminal" as a module) is read as the theme reads', async () => {
    const site = path.join(temp.dir(), 'module');
    await writeText(path.join(site, 'hugo.toml'), 'title = "Events"\n[module]\n[[module.imports]]\npath = "github.com/panr/hugo-theme-terminal/v4"\n');
    await png(path.join(site, 'assets/posts/stage.png'), 1);
    await png(path.join(site, 'static/img/hall.png'), 2);
    const post = await writeText(path.join(site, 'content/posts/kcd.md'), TEXT);
    expect(await problemsOf(post)).toEqual([]);
    expect(profileForRecap(post).rules?.details.join('\n')).toContain("as its theme's image render hook (Terminal's, which Hugo fetches when it builds) looks them up: the page bundle's own file, then assets/ below the page's own folder");
  });

  it("beside Hugo's own figure, such a hook is read as the embedded one (assets/<name>), as before", async () => {
    const { post } = await terminalSite('assets/stage.png', { figure: false });
    expect(await problemsOf(post)).toEqual([]);
    const reading = readingOfPost(profileForRecap(post), TEXT);
    expect([reading.figureAsWritten, reading.hookPageDirs]).toEqual([undefined, undefined]);
    // A figure of the site's own that calls a partial (which may look the file up) is not known to show its src as written.
    const { post: other } = await terminalSite('assets/stage.png', { name: 'partial' });
    await writeText(path.join(temp.dir(), 'partial/layouts/shortcodes/figure.html'), '{{ partial "figure-img.html" . }}\n');
    expect(readingOfPost(profileForRecap(other), TEXT).figureAsWritten).toBeUndefined();
    expect(await problemsOf(other)).toEqual([]);
  });

  it("Docsy's figure to 0.11 looks the bundle's file up but shows its src as written: as written; kubernetes.io's, which shows the file it finds, is not", async () => {
    const site = path.join(temp.dir(), 'docsy');
    await writeText(path.join(site, 'hugo.toml'), 'title = "Docs"\ntheme = "docsy"\n');
    // Templates of our own that do what each does.
    const docsy = '{{ $src := (.Page.Resources.GetMatch (printf "**%s*" (.Get "src"))) }}\n<figure>\n  <img src="{{ .Get "src" }}"\n    alt="{{ .Get "alt" }}" />\n</figure>\n';
    await writeText(path.join(site, 'themes/docsy/layouts/shortcodes/figure.html'), docsy);
    await png(path.join(site, 'assets/images/hall.png'), 1);
    const text = ['---', 'title: "KCD Porto"', 'date: 2026-05-01', '---', '', '{{< figure src="/images/hall.png" alt="The hall" >}}', ''].join('\n');
    const post = await writeText(path.join(site, 'content/en/blog/kcd.md'), text);
    expect(readingOfPost(profileForRecap(post), text).figureAsWritten).toBe(true);
    // Shown as written, from static/, where it is not: missing (before, found in assets/, and no problem), with no advice to write a figure.
    const missing = await temp.service().lintRecap({ text, path: post });
    expect(missing.map((p) => [p.code, p.line])).toEqual([['image-missing', 6]]);
    expect(missing[0]?.message).toBe(`The image /images/hall.png does not exist (looked for ${path.join(site, 'static/images/hall.png')}). Add the photo, or fix or remove the link.`);
    // On a site of two languages Hugo's own image hook reads Markdown images from assets/: that is what to write.
    const multi = path.join(temp.dir(), 'docsy-two');
    await writeText(path.join(multi, 'hugo.toml'), 'title = "Docs"\ntheme = "docsy"\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n');
    await writeText(path.join(multi, 'themes/docsy/layouts/shortcodes/figure.html'), docsy);
    await png(path.join(multi, 'assets/images/hall.png'), 1);
    const two = await writeText(path.join(multi, 'content/en/blog/kcd.md'), text);
    const advice = (await temp.service().lintRecap({ text, path: two }))[0]?.message ?? '';
    expect(advice).toContain('where Hugo looks only for Markdown images (not an <img> tag, nor its own figure shortcode, which shows its src as written). Write ![The hall](/images/hall.png), or move the photo');

    const k8s = path.join(temp.dir(), 'k8s');
    await writeText(path.join(k8s, 'hugo.toml'), 'title = "Kubernetes"\n');
    await writeText(path.join(k8s, 'layouts/shortcodes/figure.html'), '{{- $r := .Page.Resources.GetMatch (printf "**%s*" (.Get "src")) -}}\n<figure><img src="{{ if $r }}{{ $r.RelPermalink }}{{ else }}{{ .Get "src" }}{{ end }}"></figure>\n');
    const k8sPost = await writeText(path.join(k8s, 'content/en/blog/kcd.md'), text);
    expect(readingOfPost(profileForRecap(k8sPost), text).figureAsWritten).toBeUndefined();
  });

  it("a figure that takes only a fixed stylesheet from assets/ and shows its src as written (Beautiful Hugo's) is read as written; one that looks its src up there is not", async () => {
    const text = ['---', 'title: "KCD Porto"', 'date: 2026-05-01', '---', '', '{{< figure src="/img/fig.png" >}}', ''].join('\n');
    const figureOf = async (name: string, lookup: string): Promise<{ site: string; post: string }> => {
      const site = path.join(temp.dir(), name);
      await writeText(path.join(site, 'hugo.toml'), 'title = "Events"\ntheme = "beautifulhugo"\n');
      const css = '{{- $css := resources.Get "css/gallery.css" | minify | fingerprint }}<link rel="stylesheet" href="{{ $css.RelPermalink }}">\n';
      await writeText(path.join(site, 'themes/beautifulhugo/layouts/shortcodes/figure.html'), `${css}${lookup}{{- $thumb := .Get "src" }}\n<figure><img src="{{ $thumb }}"></figure>\n`);
      await png(path.join(site, 'assets/img/fig.png'), 1);
      return { site, post: await writeText(path.join(site, 'content/post/kcd.md'), text) };
    };
    const { site, post } = await figureOf('beautifulhugo', '');
    expect(readingOfPost(profileForRecap(post), text).figureAsWritten).toBe(true);
    // Before: no problem, while the page asks for /img/fig.png, which nothing publishes.
    const missing = await temp.service().lintRecap({ text, path: post });
    expect(missing.map((p) => [p.code, p.message])).toEqual([['image-missing', `The image /img/fig.png does not exist (looked for ${path.join(site, 'static/img/fig.png')}). Add the photo, or fix or remove the link.`]]);
    const { post: looks } = await figureOf('looks-up', '{{- with resources.Get (.Get "src") }}{{ end }}\n');
    expect(readingOfPost(profileForRecap(looks), text).figureAsWritten).toBeUndefined();
    expect(await problemsOf(looks, text)).toEqual([]);
  });
});
