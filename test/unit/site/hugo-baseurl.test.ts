// A Hugo site published under a path (a GitHub Pages project site: `baseURL =
// "https://org.github.io/meetups/"`), where Hugo leaves a link that starts with `/` as written: a
// link `/meetups/images/news/x.jpg` is the site's static/images/news/x.jpg, one written
// `/images/news/x.jpg` is missing on the published site (a warning saying what to write), and
// every link the app writes carries the base. Where the config has Hugo rewrite such links itself
// (canonifyURLs, relativeURLs), or each language has its own baseURL, nothing changes.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { editorBody } from '../../../electron/core/frontmatter/split';
import { photoInsertText, photoUseOf, photoUses, replacePhotoUrl } from '../../../electron/core/markdown/photo-text';
import { readingOfPost } from '../../../electron/core/markdown/post-reading';
import { detectSite, profileForRecap } from '../../../electron/service/site/site';
import { addedWithCli, cliInProcess } from '../support/cli-run';
import { png, writeText } from '../support/site-fixture';
import { serviceInTempDir } from '../support/temp-service';

const temp = serviceInTempDir('hugo-baseurl');

const front = (title: string): string[] => ['---', `title: "${title}"`, 'date: 2024-05-01', `description: "${title}: talks and photos."`, '---', ''];

/** A Hugo site of plain-file news posts linking static/images/news/<slug>/, with `config` as its config.yaml. */
async function hugoSite(config: string, name = 'site'): Promise<string> {
  const site = path.join(temp.dir(), name);
  await writeText(path.join(site, 'config.yaml'), config);
  await writeText(path.join(site, 'content/news/spring-meetup.md'), [...front('Spring Meetup'), '![Crowd](/meetups/images/news/spring-meetup/crowd.png)', ''].join('\n'));
  await png(path.join(site, 'static/images/news/spring-meetup/crowd.png'), 3);
  return site;
}

const BASE = 'baseURL: https://org.github.io/meetups/\ntitle: Meetups\n';

describe("a Hugo site published under its baseURL's path", () => {
  it("is read from the config (file or config/_default/, config/production/ over it); none where Hugo rewrites such links or a language has its own baseURL", async () => {
    const site = await hugoSite(BASE);
    const found = detectSite(site);
    expect(found.profile.baseUrlPath).toBe('meetups');
    expect(found.profile.rules?.details.join('\n')).toContain('published under /meetups/ (the path of its baseURL)');
    const split = path.join(temp.dir(), 'split');
    await writeText(path.join(split, 'config/_default/hugo.toml'), 'baseURL = "https://org.github.io/org/meetups/"\n');
    expect(detectSite(split).profile.baseUrlPath).toBe('org/meetups');
    // config/production/ over either, as `hugo` builds the published site (its key in any case).
    await writeText(path.join(split, 'config/production/hugo.toml'), 'baseurl = "https://org.github.io/prod/"\n');
    expect(detectSite(split).profile.baseUrlPath).toBe('prod');
    const local = await hugoSite('baseURL: http://localhost:1313/\ntitle: Meetups\n', 'local');
    expect(detectSite(local).profile.baseUrlPath).toBeUndefined();
    await writeText(path.join(local, 'config/production/config.yaml'), 'baseURL: https://org.github.io/meetups/\n');
    expect(detectSite(local).profile.baseUrlPath).toBe('meetups');
    await writeText(path.join(local, 'config/production/config.yaml'), 'baseURL: https://org.github.io/meetups/\ncanonifyURLs: true\n');
    expect(detectSite(local).profile.baseUrlPath).toBeUndefined();
    // A production folder that leads out of the site is not read.
    const outside = path.join(temp.dir(), 'outside');
    await writeText(path.join(outside, 'hugo.toml'), 'baseURL = "https://org.github.io/elsewhere/"\n');
    const linked = await hugoSite('baseURL: http://localhost:1313/\n', 'linked');
    await fs.mkdir(path.join(linked, 'config'), { recursive: true });
    await fs.symlink(outside, path.join(linked, 'config/production'));
    expect(detectSite(linked).profile.baseUrlPath).toBeUndefined();
    const none = [
      'baseURL: https://meetups.example/\n',
      'baseURL: https://org.github.io/meetups/\ncanonifyURLs: true\n',
      'baseURL: https://org.github.io/meetups/\nrelativeURLs: true\n',
      'baseURL: https://org.github.io/meetups/\nlanguages:\n  en:\n    baseURL: https://en.example/\n',
      'baseURL: /\n',
      'title: No base\n',
    ];
    for (const [i, config] of none.entries()) expect(detectSite(await hugoSite(config, `none-${i}`)).profile.baseUrlPath, config).toBeUndefined();
  });

  it('lint, the preview and the tray: `/meetups/images/…` is the site\'s file; `/images/…` is a warning saying what to write; a figure is left alone', async () => {
    const site = await hugoSite(BASE);
    await png(path.join(site, 'static/images/news/kcd/stage.png'), 4);
    const text = [
      ...front('KCD Porto'),
      '![The stage](/meetups/images/news/kcd/stage.png)',
      '',
      '![Again](/images/news/kcd/stage.png)',
      '',
      '{{< figure src="/images/news/kcd/stage.png" alt="Figure" >}}',
      '',
    ].join('\n');
    const { post, problems } = await temp.lintWritten(path.join(site, 'content/news/kcd-porto.md'), text);
    expect(problems.map((p) => [p.code, p.line])).toEqual([['image-baseurl', 9]]);
    expect(problems[0]?.message).toBe(
      'This site is published under /meetups/ (the path of its baseURL), and Hugo leaves a link that starts with / as written, so /images/news/kcd/stage.png will be missing there. Write /meetups/images/news/kcd/stage.png.',
    );
    const [shown] = await temp.service().resolveImages({ recapPath: post, urls: ['/meetups/images/news/kcd/stage.png'] });
    expect(shown?.src).toContain(encodeURI(path.join(site, 'static/images/news/kcd/stage.png')).slice(1));
    // The tray: the photo's URL is the site path, which both links and the figure use.
    const reading = readingOfPost(profileForRecap(post), text);
    expect(photoUseOf(photoUses(editorBody(text), reading), '/images/news/kcd/stage.png')?.count).toBe(3);
    // …and a figure whose src has the base written out (before: not counted).
    expect(photoUseOf(photoUses('{{< figure src="/meetups/images/news/kcd/stage.png" alt="Figure" >}}\n', reading), '/images/news/kcd/stage.png')?.count).toBe(1);
    const renamed = replacePhotoUrl(editorBody(text), '/images/news/kcd/stage.png', '/images/news/kcd/main-stage.png', reading, '/meetups/images/news/kcd/main-stage.png');
    expect(renamed).toContain('![The stage](/meetups/images/news/kcd/main-stage.png)');
    expect(renamed).toContain('![Again](/meetups/images/news/kcd/main-stage.png)');
    expect(replacePhotoUrl('{{< figure src="/meetups/images/news/kcd/stage.png" >}}\n', '/images/news/kcd/stage.png', '/images/news/kcd/main-stage.png', reading)).toBe('{{< figure src="/meetups/images/news/kcd/main-stage.png" >}}\n');
    const cli = await cliInProcess('lint', post);
    expect(cli.out).toContain('9:1 warning This site is published under /meetups/');
  });

  it('a photo added, inserted or exported into the site is linked with the base; a draft for the site too', async () => {
    const site = await hugoSite(BASE);
    const post = await writeText(path.join(site, 'content/news/kcd-porto.md'), [...front('KCD Porto'), 'The day.', ''].join('\n'));
    const camera = path.join(temp.dir(), 'camera', 'hall.png');
    await png(camera, 5);
    const text = await addedWithCli(post, camera);
    expect(text).toContain('![hall](/meetups/images/news/kcd-porto/hall.png)');
    expect(await temp.service().lintRecap({ text, path: post })).toEqual([]);
    const profile = profileForRecap(post);
    const reading = readingOfPost(profile, text);
    expect(photoUseOf(photoUses(editorBody(text), reading), '/images/news/kcd-porto/hall.png')?.count).toBe(1);
    expect(photoInsertText('Hall', '/images/news/kcd-porto/hall.png', 'figure', reading, profile.baseUrlPath)).toBe('{{< figure src="/meetups/images/news/kcd-porto/hall.png" alt="Hall" >}}');
    const imported = await temp.service().importPhoto({ recapPath: post, imageDir: 'kcd-porto', source: { path: camera } });
    expect(imported.markdown).toBe('![hall](/meetups/images/news/kcd-porto/hall.png)');

    // A draft outside the site, exported into it as a new post: its photo is linked with the base.
    const draft = await writeText(path.join(temp.dir(), 'draft', 'kcd-lisbon.md'), [...front('KCD Lisbon'), '![The hall](photos/hall.png)', ''].join('\n'));
    await png(path.join(temp.dir(), 'draft', 'photos', 'hall.png'), 6);
    const draftText = await fs.readFile(draft, 'utf8');
    const report = await temp.service().exportRecap({ recapPath: draft, text: draftText, target: { kind: 'site', dir: site } });
    expect(report).toMatchObject({ written: true, post: 'content/news/kcd-lisbon.md', problems: [] });
    expect(await fs.readFile(path.join(site, 'content/news/kcd-lisbon.md'), 'utf8')).toContain('![The hall](/meetups/images/news/kcd-lisbon/hall.png)');

    // A new recap from the site's template: a photo it links from the site is read with the base, never as Liquid.
    await temp.service().rememberSite({ dir: site });
    const made = await temp.service().newRecap({ template: { source: 'posts', name: 'event-recap', site }, title: 'KCD Braga' });
    const withPhoto = `${made.text}\n![Crowd](/meetups/images/news/spring-meetup/crowd.png)\n`;
    const draftProblems = await temp.service().lintRecap({ path: made.draft.recapPath, text: withPhoto });
    expect(draftProblems.filter((p) => p.code.startsWith('image-'))).toEqual([]);
    const folder = await temp.service().photoFolder({ recapPath: made.draft.recapPath, text: withPhoto });
    const added = await temp.service().importPhoto({ recapPath: made.draft.recapPath, imageDir: folder.imageDir, source: { path: camera } });
    expect(added.markdown).toBe('![hall](/meetups/images/news/kcd-braga/hall.png)');
  });
});
