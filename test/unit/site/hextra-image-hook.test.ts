// A theme's image render hook that the site's checkout does not hold (a Hugo module fetched at
// build time) is read as the theme's current hook reads images where the theme is known: Hextra's
// and Blowfish's look a site-absolute image up in the site's assets/ after the page's own files.
// Hextra's also links a plain page's relative image one level up (`stage.png` on
// content/docs/meetup.md, published at /docs/meetup/, is `../stage.png`: /docs/stage.png), where
// Hugo publishes content/docs/stage.png as a resource of the docs section: lint calls it
// published there, and export leaves it where it is. Each claim on real files in a temp dir.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hugoImageHook } from '../../../electron/service/site/hugo-image-hook';
import { detectGenerator, profileForRecap } from '../../../electron/service/site/site';
import { cliInProcess } from '../support/cli-run';
import { listFiles, png, writeText } from '../support/site-fixture';
import { serviceInTempDir } from '../support/temp-service';

const temp = serviceInTempDir('hextra');

const HEXTRA = 'title: Meetups\nmodule:\n  imports:\n    - path: github.com/imfing/hextra\n';
const hookOf = (site: string): ReturnType<typeof hugoImageHook> => hugoImageHook(site, detectGenerator(site)?.config ?? null);
const post = (title: string, ...body: string[]): string => ['---', `title: ${title}`, ...(body[0]?.startsWith('url:') ? [body.shift() ?? ''] : []), '---', '', ...body, ''].join('\n');
const problemsOf = async (file: string): Promise<Array<[string, string, number | undefined]>> =>
  (await temp.service().lintRecap({ text: await fs.readFile(file, 'utf8'), path: file })).map((p) => [p.code, p.severity, p.line]);

/** A Hugo site on Hextra as a module (not in the checkout), with a docs section (its _index.md) and a blog without one. */
async function hextraSite(config = HEXTRA): Promise<string> {
  const site = path.join(temp.dir(), 'site');
  await writeText(path.join(site, 'hugo.yaml'), config);
  await writeText(path.join(site, 'content/docs/_index.md'), post('Docs'));
  await png(path.join(site, 'content/docs/stage.png'), 1);
  await png(path.join(site, 'content/docs/shots/hall.png'), 2);
  await png(path.join(site, 'content/blog/crowd.png'), 3);
  await png(path.join(site, 'assets/images/cover.png'), 4);
  return site;
}

describe("a theme's image hook the checkout does not hold", () => {
  it("is known for Hextra and Blowfish, by a module's path or a theme's name; any other theme's is not guessed, and the site's own hook comes first", async () => {
    const site = await hextraSite();
    expect(hookOf(site)).toEqual({ by: 'theme', theme: 'Hextra', siblings: true });
    await writeText(path.join(site, 'hugo.yaml'), 'theme: hextra\n');
    expect(hookOf(site)).toEqual({ by: 'theme', theme: 'Hextra', siblings: true });
    await writeText(path.join(site, 'hugo.yaml'), 'module:\n  imports:\n    - path: github.com/nunocoracao/blowfish/v2\n');
    expect(hookOf(site)).toEqual({ by: 'theme', theme: 'Blowfish' });
    await writeText(path.join(site, 'hugo.yaml'), 'module:\n  imports:\n    - path: github.com/example/unknown-theme\n');
    expect(hookOf(site)).toBeNull();
    // The site's own hook, as written: Markdown images are read as written.
    await writeText(path.join(site, 'hugo.yaml'), HEXTRA);
    await writeText(path.join(site, 'layouts/_markup/render-image.html'), '<img src="{{ .Destination }}">\n');
    expect(hookOf(site)).toBeNull();
    // Hextra's hook in the checkout (a theme folder): read from its text.
    await fs.rm(path.join(site, 'layouts'), { recursive: true });
    await writeText(path.join(site, 'hugo.yaml'), 'theme: hextra\n');
    const HOOK = '{{- if hasPrefix $dest "/" -}}{{- with or (.PageInner.Resources.Get $url.Path) (resources.Get $url.Path) -}}{{ $dest = .RelPermalink }}{{ end }}\n{{- else if $isPage -}}{{ $dest = (printf "../%s" $dest) }}{{- end -}}\n<img src="{{ $dest }}">\n';
    await writeText(path.join(site, 'themes/hextra/layouts/_markup/render-image.html'), HOOK);
    expect(hookOf(site)).toEqual({ by: 'own', file: 'themes/hextra/layouts/_markup/render-image.html', siblings: true });
    await writeText(path.join(site, 'themes/hextra/layouts/_markup/render-image.html'), HOOK.replace('(printf "../%s" $dest)', '$dest'));
    expect(hookOf(site)).toEqual({ by: 'own', file: 'themes/hextra/layouts/_markup/render-image.html' });
  });

  it("finds a site-absolute image in the site's assets/ (it was an error that stopped export), and its rules say whose hook", async () => {
    const site = await hextraSite();
    const file = await writeText(path.join(site, 'content/docs/kcd.md'), post('KCD', '![The cover](/images/cover.png)'));
    expect(profileForRecap(file).rules?.details.join('\n')).toContain("as its theme's image render hook (Hextra's, which Hugo fetches when it builds) looks them up");
    expect(await problemsOf(file)).toEqual([]);
    const plan = await temp.service().planExport({ recapPath: file, target: { kind: 'site', dir: site } });
    expect([plan.problems, plan.files.map((f) => [f.path, f.status])]).toEqual([[], [['content/docs/kcd.md', 'unchanged']]]);
    // A site of another theme reads it as written: the file in assets/ is not where Hugo looks.
    await writeText(path.join(site, 'hugo.yaml'), 'theme: ananke\n');
    expect(await problemsOf(file)).toEqual([['image-missing', 'error', 5]]);
  });
});

describe("Hextra's plain pages and the photos beside them", () => {
  it('a photo beside a plain page, or below its folder, is published where the hook links it: no warning, and export leaves it where it is', async () => {
    const site = await hextraSite();
    const meetup = await writeText(path.join(site, 'content/docs/meetup.md'), post('Meetup', '![The stage](stage.png)', '', '![The hall](shots/hall.png)'));
    // A top-level folder is a section without an _index.md too; a folder below one is in its section.
    const blog = await writeText(path.join(site, 'content/blog/crowd.md'), post('Crowd', '![The crowd](crowd.png)'));
    await png(path.join(site, 'content/docs/guide/room.png'), 5);
    const guide = await writeText(path.join(site, 'content/docs/guide/rooms.md'), post('Rooms', '![The room](room.png)'));
    for (const file of [meetup, blog, guide]) expect(await problemsOf(file)).toEqual([]);

    const own = await temp.service().planExport({ recapPath: meetup, target: { kind: 'site', dir: site } });
    expect(own.problems).toEqual([]);
    expect(own.files.map((f) => [f.path, f.status]).sort()).toEqual([['content/docs/meetup.md', 'unchanged'], ['content/docs/shots/hall.png', 'unchanged'], ['content/docs/stage.png', 'unchanged']]);
    // To a folder: the site's layout, the photos at their places and the links as written; again, nothing moves.
    const out = path.join(temp.dir(), 'out');
    expect(await temp.service().exportRecap({ recapPath: meetup, target: { kind: 'folder', dir: out } })).toMatchObject({ written: true, problems: [] });
    expect(await listFiles(out)).toEqual(['content/docs/meetup.md', 'content/docs/shots/hall.png', 'content/docs/stage.png']);
    expect(await fs.readFile(path.join(out, 'content/docs/meetup.md'), 'utf8')).toBe(await fs.readFile(meetup, 'utf8'));
    const again = await temp.service().planExport({ recapPath: meetup, target: { kind: 'folder', dir: out } });
    expect(again.files.every((f) => f.status === 'unchanged')).toBe(true);
  });

  it("a page published elsewhere (its own url, the section's permalinks) is warned, saying where the hook links the photo and where Hugo publishes it; export moves it under static/", async () => {
    const site = await hextraSite();
    const moved = await writeText(path.join(site, 'content/docs/moved.md'), post('Moved', 'url: /elsewhere/moved/', '![The stage](stage.png)'));
    const lint = await cliInProcess('lint', moved);
    // A warning: the exit code says so, as for any warning.
    expect(lint.code).toBe(1);
    expect(lint.out).toContain('moved.md is published at /elsewhere/moved/, so the theme\'s image hook links stage.png to /elsewhere/stage.png, but Hugo publishes the photo at /docs/stage.png: it will be missing on the site.');
    const plan = await temp.service().planExport({ recapPath: moved, target: { kind: 'site', dir: site } });
    expect(plan.files.map((f) => [f.path, f.status])).toEqual([['content/docs/moved.md', 'changed'], ['static/images/docs/moved/stage.png', 'added']]);

    await writeText(path.join(site, 'hugo.yaml'), `${HEXTRA}permalinks:\n  docs: /d/:slug/\n`);
    const meetup = await writeText(path.join(site, 'content/docs/meetup.md'), post('Meetup', '![The stage](stage.png)'));
    expect(await problemsOf(meetup)).toEqual([['image-unpublished', 'warning', 5]]);
  });

  it('on a site whose hook does not link up one level, a photo beside a plain page is still unpublished', async () => {
    const site = await hextraSite('module:\n  imports:\n    - path: github.com/nunocoracao/blowfish/v2\n');
    const meetup = await writeText(path.join(site, 'content/docs/meetup.md'), post('Meetup', '![The stage](stage.png)'));
    const lint = await cliInProcess('lint', meetup);
    expect(lint.out).toContain('meetup.md is a plain file, published at /docs/meetup/, so stage.png asks for /docs/meetup/stage.png, but Hugo publishes the photo at /docs/stage.png');
  });
});
