// Hugo's embedded image render hook (Hugo 0.123 and later) reads a post's Markdown images on a
// multilingual single-host site by default, or wherever the config asks for it: each is looked up
// as the figure shortcode's src is (the page's resource, the site's assets/, then as written). A
// raw <img> is never read by it. Lint, the preview, the tray and export read such a site's
// Markdown images alike; a site or theme with its own image hook keeps them as written.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { editorBody } from '../../../electron/core/frontmatter/split';
import { photoUses } from '../../../electron/core/markdown/photo-text';
import { readingOfPost } from '../../../electron/core/markdown/post-reading';
import { createRecapService, type RecapService } from '../../../electron/service/service';
import { findImageRefs } from '../../../electron/service/recap/markdown-images';
import { hugoImageHook } from '../../../electron/service/site/hugo-image-hook';
import { detectGenerator, profileForRecap } from '../../../electron/service/site/site';
import { figureUrls, linkedUrls } from '../../../renderer/photos/linkedUrls';
import { previewImgs } from '../support/preview-html';
import { png, tempDir, writeText } from '../support/site-fixture';

let tmp: string;
let service: RecapService;
beforeEach(async () => {
  tmp = await tempDir('image-hook');
  service = createRecapService({ cacheDir: path.join(tmp, 'cache'), home: path.join(tmp, 'home') });
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

const TWO_LANGUAGES = ['title = "Events"', 'defaultContentLanguage = "en"', '[languages.en]', 'weight = 1', '[languages.zh]', 'weight = 2', ''].join('\n');
const FRONT = ['---', 'title: "KCD Porto"', 'keywords: "Community, Kubernetes"', 'description: "KCD Porto in photos"', 'createTime: "2026-05-01"', 'author: "Ana"', '---', ''];
const IMAGES = ['![The hall](/images/kcd/hall.png)', '', '![The crowd](images/kcd/crowd.png)', '', '![The stage](/images/kcd/stage.png)', ''];

/** A Hugo site (config file `hugo.toml` by default) with hall.png and crowd.png in assets/ only, stage.png in static/. */
async function hugoSite(config: string, name = 'site', file = 'hugo.toml'): Promise<string> {
  const site = path.join(tmp, name);
  await writeText(path.join(site, file), config);
  await png(path.join(site, 'assets/images/kcd/hall.png'), 1);
  await png(path.join(site, 'assets/images/kcd/crowd.png'), 2);
  await png(path.join(site, 'static/images/kcd/stage.png'), 3);
  return site;
}

const hookOf = (site: string): boolean => hugoImageHook(site, detectGenerator(site)?.config ?? null) !== null;
const errorsOf = async (text: string, file: string) => (await service.lintRecap({ text, path: file })).filter((p) => p.severity === 'error').map((p) => [p.code, p.line, p.message]);

describe("when Hugo's embedded image render hook reads a site's Markdown images", () => {
  it('by default on a multilingual single-host site, unless it duplicates shared resources or a language has its own host', async () => {
    expect(hookOf(await hugoSite('title = "Events"\n', 'one'))).toBe(false);
    expect(hookOf(await hugoSite(TWO_LANGUAGES, 'two'))).toBe(true);
    expect(hookOf(await hugoSite(`${TWO_LANGUAGES}baseURL = "https://zh.example.org/"\n`, 'multihost'))).toBe(false);
    expect(hookOf(await hugoSite(`[markup.goldmark]\nduplicateResourceFiles = true\n${TWO_LANGUAGES}`, 'duplicated'))).toBe(false);
    expect(hookOf(await hugoSite(`disableLanguages = ["zh"]\n${TWO_LANGUAGES}`, 'one-left'))).toBe(false);
    // YAML, keys in any case, as Hugo reads them.
    expect(hookOf(await hugoSite('Languages:\n  EN: {weight: 1}\n  de: {weight: 2}\n', 'yaml', 'hugo.yaml'))).toBe(true);
    // config/_default/ with languages.toml and markup.yaml beside hugo.toml.
    const split = await hugoSite('title = "Events"\n', 'split', 'config/_default/hugo.toml');
    await writeText(path.join(split, 'config/_default/languages.toml'), '[en]\nweight = 1\n[pt]\nweight = 2\n');
    expect(hookOf(split)).toBe(true);
    await writeText(path.join(split, 'config/_default/markup.yaml'), 'goldmark:\n  renderHooks:\n    image:\n      useEmbedded: never\n');
    expect(hookOf(split)).toBe(false);
  });

  it('as the config asks (useEmbedded, or enableDefault before Hugo 0.148), and an image hook of the site or its theme only where it looks images up in assets/ too', async () => {
    const asks = (value: string): string => `[markup.goldmark.renderHooks.image]\n${value}\n`;
    expect(hookOf(await hugoSite(asks('useEmbedded = "always"'), 'always'))).toBe(true);
    expect(hookOf(await hugoSite(asks('useEmbedded = "fallback"'), 'fallback'))).toBe(true);
    expect(hookOf(await hugoSite(asks('enableDefault = true'), 'enabled'))).toBe(true);
    expect(hookOf(await hugoSite(`${asks('enableDefault = false')}${TWO_LANGUAGES}`, 'disabled'))).toBe(false);
    expect(hookOf(await hugoSite(`${asks('useEmbedded = "never"')}${TWO_LANGUAGES}`, 'never'))).toBe(false);

    const own = await hugoSite(TWO_LANGUAGES, 'own');
    await writeText(path.join(own, 'layouts/_markup/render-image.html'), '<img src="{{ .Destination }}">\n');
    expect(hookOf(own)).toBe(false);
    const old = await hugoSite(asks('useEmbedded = "fallback"'), 'old-layout');
    await writeText(path.join(old, 'layouts/_default/_markup/render-image.html'), '<img src="{{ .Destination }}">\n');
    expect(hookOf(old)).toBe(false);
    const always = await hugoSite(asks('useEmbedded = "always"'), 'always-own');
    await writeText(path.join(always, 'layouts/_markup/render-image.html'), '<img src="{{ .Destination }}">\n');
    expect(hookOf(always)).toBe(true);

    // A theme's hook counts; a theme that cannot be looked into (missing, a Hugo module) may have one.
    const themed = await hugoSite(`theme = "paper"\n${TWO_LANGUAGES}`, 'themed');
    await writeText(path.join(themed, 'themes/paper/layouts/_default/single.html'), '{{ .Content }}\n');
    expect(hookOf(themed)).toBe(true);
    await writeText(path.join(themed, 'themes/paper/layouts/_default/_markup/render-image.html'), '<img src="{{ .Destination }}" loading="lazy">\n');
    expect(hookOf(themed)).toBe(false);
    expect(hookOf(await hugoSite(`theme = "gone"\n${TWO_LANGUAGES}`, 'no-theme'))).toBe(false);
    expect(hookOf(await hugoSite(`[[module.imports]]\npath = "github.com/x/theme"\n${TWO_LANGUAGES}`, 'module'))).toBe(false);

    // Themes kept where the config says (kubernetes.io: themesDir = "node_modules"); one outside the site is not looked into.
    const npm = await hugoSite(`theme = ["docsy"]\nthemesDir = "node_modules"\n${TWO_LANGUAGES}`, 'themes-dir');
    await writeText(path.join(npm, 'node_modules/docsy/layouts/_default/_markup/render-link.html'), '<a href="{{ .Destination }}">{{ .Text }}</a>\n');
    expect(hookOf(npm)).toBe(true);
    await writeText(path.join(npm, 'themes/docsy/layouts/_markup/render-image.html'), '<img src="{{ .Destination }}">\n');
    expect(hookOf(npm)).toBe(true);
    await writeText(path.join(npm, 'node_modules/docsy/layouts/_markup/render-image.html'), '<img src="{{ .Destination }}">\n');
    expect(hookOf(npm)).toBe(false);
    // A hook that looks the image up in the site's resources (assets/) as the embedded one does
    // (Blowfish's, Congo's) reads Markdown images so on any site, one language or more.
    const RESOURCES_HOOK = '{{- $u := .Destination | safeURL -}}\n{{- $r := or ($.Page.Resources.GetMatch $u) (resources.Get $u) -}}\n<img src="{{ with $r }}{{ .RelPermalink }}{{ else }}{{ $u }}{{ end }}" alt="{{ .Text }}">\n';
    const blowfish = await hugoSite('theme = "blowfish"\n', 'blowfish');
    await writeText(path.join(blowfish, 'themes/blowfish/layouts/_default/_markup/render-image.html'), RESOURCES_HOOK);
    expect(hugoImageHook(blowfish, detectGenerator(blowfish)?.config ?? null)).toEqual({ by: 'own', file: 'themes/blowfish/layouts/_default/_markup/render-image.html' });
    expect(profileForRecap(await writeText(path.join(blowfish, 'content/posts/kcd.md'), FRONT.join('\n'))).rules?.details.join('\n')).toContain("as this site's image render hook (themes/blowfish/layouts/_default/_markup/render-image.html) looks them up");
    // The page's resources alone, or a hook of the site's own over the theme's: as written.
    const pageOnly = await hugoSite('title = "Events"\n', 'page-only');
    await writeText(path.join(pageOnly, 'layouts/_markup/render-image.html'), '{{ with .Page.Resources.GetMatch .Destination }}<img src="{{ .RelPermalink }}">{{ end }}\n');
    expect(hookOf(pageOnly)).toBe(false);
    await writeText(path.join(blowfish, 'layouts/_markup/render-image.html'), '<img src="{{ .Destination }}">\n');
    expect(hookOf(blowfish)).toBe(false);
    await writeText(path.join(blowfish, 'layouts/_markup/render-image.html'), RESOURCES_HOOK);
    expect(hookOf(blowfish)).toBe(true);
    await writeText(path.join(blowfish, 'layouts/blog/_markup/render-image.html'), '<img src="{{ .Destination }}">\n');
    expect(hookOf(blowfish)).toBe(false);

    const outside = await hugoSite(`theme = "docsy"\nthemesDir = "../shared-themes"\n${TWO_LANGUAGES}`, 'themes-outside');
    await writeText(path.join(tmp, 'shared-themes/docsy/layouts/_default/single.html'), '{{ .Content }}\n');
    expect(hookOf(outside)).toBe(false);
    const linked = await hugoSite(`theme = "docsy"\nthemesDir = "vendor"\n${TWO_LANGUAGES}`, 'themes-linked');
    await fs.symlink(path.join(tmp, 'shared-themes'), path.join(linked, 'vendor'));
    expect(hookOf(linked)).toBe(false);
  });
});

describe("a multilingual Hugo site's Markdown images, found as Hugo finds them", () => {
  it('lint, the preview and the tray find them in assets/ as figures are; a raw <img> of the same path is published as written, missing', async () => {
    const site = await hugoSite(TWO_LANGUAGES);
    const text = [...FRONT, ...IMAGES, '<img src="/images/kcd/hall.png" alt="The hall again">', ''].join('\n');
    const post = await writeText(path.join(site, 'content/en/news/kcd-porto.md'), text);
    const profile = profileForRecap(post);
    expect(profile.rules?.details.join('\n')).toMatch(/embedded image render hook/);
    const reading = readingOfPost(profile, text);
    expect(reading.imageHook).toBe(true);
    expect(findImageRefs(editorBody(text), reading).map((r) => [r.url, r.source, r.figure ?? false])).toEqual([
      ['/images/kcd/hall.png', 'markdown', true],
      ['images/kcd/crowd.png', 'markdown', true],
      ['/images/kcd/stage.png', 'markdown', true],
      ['/images/kcd/hall.png', 'html', false],
    ]);
    expect(await errorsOf(text, post)).toEqual([['image-missing', 15, expect.stringContaining(path.join(site, 'static/images/kcd/hall.png'))]]);
    // It says what Hugo reads from assets/ here, and the Markdown image to write instead.
    expect((await errorsOf(text, post))[0]?.[2]).toMatch(/where Hugo looks only for its figure shortcode's src and Markdown images \(not an <img> tag\)\. Write !\[The hall again\]\(\/images\/kcd\/hall\.png\), or move the photo to /);

    // The preview marks the Markdown images' <img> (its lookups ask for them as figures), not the raw one.
    const imgs = previewImgs(editorBody(text), reading);
    expect(imgs.map((p) => [p['src'], 'dataHugoFigure' in p])).toEqual([
      ['/images/kcd/hall.png', true],
      ['images/kcd/crowd.png', true],
      ['/images/kcd/stage.png', true],
      ['/images/kcd/hall.png', false],
    ]);
    const lookups = await service.resolveImages({ recapPath: post, urls: ['/images/kcd/hall.png'], figureUrls: ['/images/kcd/hall.png', 'images/kcd/crowd.png'] });
    expect(lookups.map((l) => [l.figure ?? false, l.localPath])).toEqual([
      [false, path.join(site, 'static/images/kcd/hall.png')],
      [true, path.join(site, 'assets/images/kcd/hall.png')],
      [true, path.join(site, 'assets/images/kcd/crowd.png')],
    ]);

    const uses = photoUses(editorBody(text), reading);
    const folder = await service.photoFolder({ recapPath: post, text });
    const list = await service.linkedPhotos({ recapPath: post, imageDir: folder.imageDir, urls: linkedUrls(uses, []), figureUrls: figureUrls(uses) });
    expect(list.map((p) => [p.name, p.folder]).sort()).toEqual([
      ['crowd.png', 'assets/images/kcd'],
      ['hall.png', 'assets/images/kcd'],
      ['stage.png', 'static/images/kcd'],
    ]);
  });

  it('export into the site leaves them where they are; to a folder it lays them out as the site has them', async () => {
    const site = await hugoSite(TWO_LANGUAGES);
    const text = [...FRONT, ...IMAGES].join('\n');
    const post = await writeText(path.join(site, 'content/en/news/kcd-porto.md'), text);
    const plan = await service.planExport({ recapPath: post, text, target: { kind: 'site', dir: site } });
    expect(plan.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(plan.files.map((f) => [f.path, f.status])).toEqual([['content/en/news/kcd-porto.md', 'unchanged']]);

    const out = path.join(tmp, 'out');
    const report = await service.exportRecap({ recapPath: post, text, target: { kind: 'folder', dir: out } });
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(report.files.map((f) => f.path).sort()).toEqual(['assets/images/kcd/crowd.png', 'assets/images/kcd/hall.png', 'content/en/news/kcd-porto.md', 'static/images/kcd/stage.png']);
    expect(await fs.readFile(path.join(out, 'content/en/news/kcd-porto.md'), 'utf8')).toBe(text);
  });

  it("a draft for the site finds a Markdown image's photo in its assets/; a site with its own image hook keeps reading them as written", async () => {
    const site = await hugoSite(TWO_LANGUAGES);
    await writeText(path.join(site, 'content/en/news/kcd-lisbon.md'), ['---', 'title: "KCD Lisbon"', 'date: 2025-05-01', '---', '', 'Hello.', ''].join('\n'));
    await service.rememberSite({ dir: site });
    const made = await service.newRecap({ template: { source: 'posts', name: 'event-recap', site }, title: 'KCD Porto' });
    const draftText = `${made.text}\n${IMAGES.join('\n')}`;
    expect((await service.lintRecap({ path: made.draft.recapPath, text: draftText })).filter((p) => p.code.startsWith('image-'))).toEqual([]);

    const own = await hugoSite(TWO_LANGUAGES, 'own-hook');
    await writeText(path.join(own, 'layouts/_default/_markup/render-image.html'), '<img src="{{ .Destination }}">\n');
    const text = [...FRONT, ...IMAGES].join('\n');
    const post = await writeText(path.join(own, 'content/en/news/kcd-porto.md'), text);
    expect((await errorsOf(text, post)).map(([code, line]) => [code, line])).toEqual([
      ['image-missing', 9],
      ['image-missing', 11],
    ]);
  });

  it("a one-language site whose theme's hook looks images up in assets/ (Blowfish): lint, the preflight and export find them there", async () => {
    const site = await hugoSite('theme = "blowfish"\n', 'blowfish');
    await writeText(path.join(site, 'themes/blowfish/layouts/_default/_markup/render-image.html'), '{{- $r := or ($.Page.Resources.GetMatch .Destination) (resources.Get .Destination) -}}\n<img src="{{ with $r }}{{ .RelPermalink }}{{ else }}{{ .Destination }}{{ end }}">\n');
    const text = [...FRONT, ...IMAGES].join('\n');
    const post = await writeText(path.join(site, 'content/posts/kcd-porto.md'), text);
    expect(await errorsOf(text, post)).toEqual([]);
    const plan = await service.planExport({ recapPath: post, text, target: { kind: 'site', dir: site } });
    expect(plan.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(plan.files.map((f) => [f.path, f.status])).toEqual([['content/posts/kcd-porto.md', 'unchanged']]);
  });
});

describe("a plain-file Hugo post's photo linked beside it", () => {
  it('is a warning in lint (Hugo publishes nothing beside such a post), which export into the site settles; a bundle, a site-absolute link and a figure found in assets/ are fine', async () => {
    const site = await hugoSite('title = "Events"\n');
    await png(path.join(site, 'content/news/stage.png'), 4);
    const text = [...FRONT, '![The stage](stage.png)', '', '![The hall](/images/kcd/stage.png)', '', '{{< figure src="images/kcd/hall.png" alt="The hall, full" >}}', ''].join('\n');
    const post = await writeText(path.join(site, 'content/news/kcd-porto.md'), text);
    const lint = await service.lintRecap({ text, path: post });
    expect(lint.map((p) => [p.code, p.severity, p.line])).toEqual([['image-unpublished', 'warning', 9]]);
    expect(lint[0]?.message).toBe('kcd-porto.md is a plain file, published at /news/kcd-porto/, so stage.png asks for /news/kcd-porto/stage.png, but Hugo publishes the photo at /news/stage.png: it shows here but will be missing on the site. Export into the site: it copies the photo under static/ and links it from there. Or make the post a page bundle (a folder with index.md and its photos).');

    // Export's checks have nothing to say: it writes the photo where the site serves it, and the post as written links it there.
    const report = await service.exportRecap({ recapPath: post, text, target: { kind: 'site', dir: site } });
    expect(report.problems).toEqual([]);
    expect(report.files.map((f) => [f.path, f.status])).toEqual([['content/news/kcd-porto.md', 'changed'], ['static/images/news/kcd-porto/stage.png', 'added']]);
    const exported = await fs.readFile(post, 'utf8');
    expect(exported).toContain('![The stage](/images/news/kcd-porto/stage.png)');
    expect(await service.lintRecap({ text: exported, path: post })).toEqual([]);

    // The same photo beside a page bundle's index.md is the bundle's own.
    const bundle = await writeText(path.join(site, 'content/news/kcd-braga/index.md'), text);
    await png(path.join(site, 'content/news/kcd-braga/stage.png'), 5);
    expect(await service.lintRecap({ text, path: bundle })).toEqual([]);
  });
});
