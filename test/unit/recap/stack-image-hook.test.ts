// A Hugo theme whose image hook takes a Markdown image from the page bundle by its address
// (`.Resources.Get`, `.Resources.GetMatch`) and else makes the address one of the site's root
// (`absURL`, `relURL`): Stack's, now through its `helper/image` partial, before v4 in the hook
// itself. `![](img/crowd.png)` of a bundle is the bundle's img/crowd.png, else static/img/crowd.png;
// never assets/. A plain page has no resources: the root's first. Lint, export, the preview's
// lookups and the tray's read them so (one placesOf).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readingOfPost } from '../../../electron/core/markdown/post-reading';
import { detectSite, profileForRecap } from '../../../electron/service/site/site';
import { png, writeText } from '../support/site-fixture';
import { serviceInTempDir } from '../support/temp-service';

const temp = serviceInTempDir('stack-hook');

// Templates of our own that look images up as the theme's do (not copies of them).
const HOOK_NOW = '{{- $image := partial "helper/image" (dict "Resources" .Page.Resources "Image" .Destination) -}}\n<img src="{{ $image.Permalink }}" alt="{{ .PlainText }}">\n';
const HELPER = '{{ $result := dict "Permalink" (.Image | absURL) }}\n{{ with .Resources.Get (printf "%s" (.Image | safeURL)) }}{{ $result = dict "Permalink" .RelPermalink }}{{ end }}\n{{ return $result }}\n';
const HOOK_V3 = '{{- $image := .Page.Resources.GetMatch (printf "%s" (.Destination | safeURL)) -}}\n{{- $src := .Destination | relURL -}}\n{{- with $image }}{{ $src = .RelPermalink }}{{ end -}}\n<img src="{{ $src }}" alt="{{ .PlainText }}">\n';

const TEXT = ['+++', 'title = "KCD Recap"', 'date = "2024-05-02"', '+++', '', 'We met.', '', '![Keynote](stage.png)', '', '![Crowd](img/crowd.png)', ''].join('\n');

/** A site on the theme in themes/hugo-theme-stack/ (its current templates, or v3's), a bundle post with stage.png beside it and img/crowd.png at `crowdAt`. */
async function stackSite(name: string, crowdAt: string, version: 'now' | 'v3' = 'now'): Promise<{ site: string; post: string }> {
  const site = path.join(temp.dir(), name);
  const theme = path.join(site, 'themes/hugo-theme-stack/layouts');
  await writeText(path.join(site, 'hugo.toml'), 'baseURL = "https://example.org/"\ntitle = "Events"\ntheme = "hugo-theme-stack"\n');
  if (version === 'now') {
    await writeText(path.join(theme, '_markup/render-image.html'), HOOK_NOW);
    await writeText(path.join(theme, '_partials/helper/image.html'), HELPER);
  } else {
    await writeText(path.join(theme, '_default/_markup/render-image.html'), HOOK_V3);
  }
  const post = await writeText(path.join(site, 'content/post/kcd-recap/index.md'), TEXT);
  await png(path.join(site, 'content/post/kcd-recap/stage.png'), 1);
  await png(path.join(site, crowdAt), 2);
  return { site, post };
}

const problemsOf = async (post: string, text = TEXT): Promise<Array<[string, number | undefined]>> => (await temp.service().lintRecap({ text, path: post })).map((p) => [p.code, p.line]);

describe("Stack's image hook: the bundle's file, else the site root's", () => {
  for (const version of ['now', 'v3'] as const) {
    it(`${version === 'now' ? 'its current hook (through helper/image)' : "v3's hook"}: a relative image the bundle lacks is static/'s; lint, the lookups and export agree`, async () => {
      const { site, post } = await stackSite(`stack-${version}`, 'static/img/crowd.png', version);
      expect(detectSite(site).imagesFromRoot).toBe(true);
      expect(readingOfPost(profileForRecap(post), TEXT).imageHook).toBeUndefined();
      // Before: a false image-missing error on line 10, and export refused.
      expect(await problemsOf(post)).toEqual([]);
      const lookups = await temp.service().resolveImages({ recapPath: post, urls: ['stage.png', 'img/crowd.png'] });
      expect(lookups.map((l) => l.localPath)).toEqual([path.join(site, 'content/post/kcd-recap/stage.png'), path.join(site, 'static/img/crowd.png')]);
      const plan = await temp.service().planExport({ recapPath: post, text: TEXT, target: { kind: 'site', dir: site } });
      expect(plan.problems).toEqual([]);
      expect(plan.files.map((f) => [f.path, f.status])).toEqual([['content/post/kcd-recap/index.md', 'unchanged'], ['content/post/kcd-recap/stage.png', 'unchanged']]);
      // To a folder, the photo keeps its place in the site and its link.
      const out = path.join(temp.dir(), `out-${version}`);
      const report = await temp.service().exportRecap({ recapPath: post, text: TEXT, target: { kind: 'folder', dir: out } });
      expect(report.problems).toEqual([]);
      expect(await fs.readFile(path.join(out, 'content/post/kcd-recap/index.md'), 'utf8')).toBe(TEXT);
      expect((await fs.stat(path.join(out, 'static/img/crowd.png'))).isFile()).toBe(true);
      // The tray lists it among the photos of other folders, where the site has it.
      const folder = await temp.service().photoFolder({ recapPath: post, text: TEXT });
      const linked = await temp.service().linkedPhotos({ recapPath: post, imageDir: folder.imageDir, urls: ['img/crowd.png', 'stage.png'] });
      expect(linked.map((p) => [p.url, p.folder])).toEqual([['img/crowd.png', 'static/img']]);
      const hook = version === 'now' ? 'themes/hugo-theme-stack/layouts/_markup/render-image.html' : 'themes/hugo-theme-stack/layouts/_default/_markup/render-image.html';
      expect(profileForRecap(post).rules?.details.join('\n')).toContain(
        `Markdown images are looked up as this site's image render hook (${hook}) looks them up: the page bundle's own file, else the file the site serves at its root (static/: \`img/crowd.jpg\` is /img/crowd.jpg), never the site's assets/ folder.`,
      );
    });
  }

  it("the bundle's own file comes first; one only in assets/ is missing, as it is on the site", async () => {
    const { site, post } = await stackSite('stack-both', 'content/post/kcd-recap/img/crowd.png');
    await png(path.join(site, 'static/img/crowd.png'), 3);
    const [first] = await temp.service().resolveImages({ recapPath: post, urls: ['img/crowd.png'] });
    expect(first?.localPath).toBe(path.join(site, 'content/post/kcd-recap/img/crowd.png'));

    const { site: other, post: inAssets } = await stackSite('stack-assets', 'assets/img/crowd.png');
    const missing = await temp.service().lintRecap({ text: TEXT, path: inAssets });
    expect(missing.map((p) => [p.code, p.line])).toEqual([['image-missing', 10]]);
    expect(missing[0]?.message).toContain(path.join(other, 'content/post/kcd-recap/img/crowd.png'));
    // Without it in assets/ either, the message names both places the site looks.
    await fs.rm(path.join(other, 'assets'), { recursive: true });
    expect((await temp.service().lintRecap({ text: TEXT, path: inAssets }))[0]?.message).toBe(
      `The image img/crowd.png does not exist (looked for ${path.join(other, 'content/post/kcd-recap/img/crowd.png')}, then ${path.join(other, 'static/img/crowd.png')}). Add the photo, or fix or remove the link.`,
    );

  });

  it("a plain page has no resources: the root's file; one beside it only is a warning", async () => {
    const { site } = await stackSite('stack-plain', 'static/img/crowd.png');
    const plain = await writeText(path.join(site, 'content/post/kcd.md'), TEXT.replace('![Keynote](stage.png)', ''));
    expect(await problemsOf(plain, await fs.readFile(plain, 'utf8'))).toEqual([]);
    await fs.rm(path.join(site, 'static/img/crowd.png'));
    await png(path.join(site, 'content/post/img/crowd.png'), 4);
    expect(await problemsOf(plain, await fs.readFile(plain, 'utf8'))).toEqual([['image-unpublished', 10]]);
  });

  it('a theme we cannot see (a module) is read by its name; a hook that reads assets/ (Blowfish-like) is not read so', async () => {
    const site = path.join(temp.dir(), 'stack-module');
    await writeText(path.join(site, 'hugo.toml'), 'title = "Events"\n[module]\n[[module.imports]]\npath = "github.com/CaiJimmy/hugo-theme-stack/v3"\n');
    const post = await writeText(path.join(site, 'content/post/kcd-recap/index.md'), TEXT);
    await png(path.join(site, 'content/post/kcd-recap/stage.png'), 1);
    await png(path.join(site, 'static/img/crowd.png'), 2);
    expect(await problemsOf(post)).toEqual([]);
    expect(profileForRecap(post).rules?.details.join('\n')).toContain("Markdown images are looked up as its theme's image render hook (Stack's, which Hugo fetches when it builds) looks them up: the page bundle's own file, else the file the site serves at its root");

    const { site: assets } = await stackSite('assets-hook', 'static/img/crowd.png');
    await writeText(path.join(assets, 'themes/hugo-theme-stack/layouts/_partials/helper/image.html'), `${HELPER}{{ with resources.Get .Image }}{{ end }}\n`);
    expect(detectSite(assets).imagesFromRoot).toBeUndefined();
  });

  it('what leads out of the site is refused still', async () => {
    const { site, post } = await stackSite('stack-hostile', 'static/img/crowd.png');
    const outside = path.join(temp.dir(), 'outside');
    await png(path.join(outside, 'secret.png'), 5);
    await fs.symlink(outside, path.join(site, 'static/out'));
    const text = `${TEXT}\n![x](../../../../outside/secret.png)\n\n![y](out/secret.png)\n`;
    const problems = await problemsOf(post, text);
    expect(problems.filter(([code]) => code !== 'image-refused')).toEqual([]);
    expect(problems).toHaveLength(2);
  });
});
