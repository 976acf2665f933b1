// A Docusaurus site published under its baseUrl (`baseUrl: '/events/'`, a GitHub Pages project
// site): Docusaurus bundles a Markdown image and links it under the base itself, but leaves an
// <img> tag's src as written, so `<img src="/img/a.png">` is missing on the published site — a
// warning saying what to write; a tag with the base written out is the site's file, and a Markdown
// image with it is a warning (Docusaurus puts the base before it itself). Code (require, imports)
// and a site at `/` are fine.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { editorBody } from '../../../electron/core/frontmatter/split';
import { photoUseOf, photoUses } from '../../../electron/core/markdown/photo-text';
import { readingOfPost } from '../../../electron/core/markdown/post-reading';
import { detectSite, profileForRecap } from '../../../electron/service/site/site';
import { png, writeText } from '../support/site-fixture';
import { serviceInTempDir } from '../support/temp-service';

const temp = serviceInTempDir('docusaurus-baseurl');

/** A Docusaurus site whose config says `config`, with the photo static/img/kcd/stage.png. */
async function docusaurusSite(config: string, name = 'site'): Promise<string> {
  const site = path.join(temp.dir(), name);
  await writeText(path.join(site, 'docusaurus.config.ts'), `export default {\n  title: 'Events',\n  url: 'https://porto.github.io',\n${config}};\n`);
  await png(path.join(site, 'static/img/kcd/stage.png'), 3);
  await writeText(path.join(site, 'blog/authors.yml'), 'ann:\n  name: Ann\n');
  return site;
}

describe("a Docusaurus site's baseUrl", () => {
  it('is read from the config as written; none for `/`, none, or one the config computes', async () => {
    expect(detectSite(await docusaurusSite("  baseUrl: '/events/',\n")).profile.tagBaseUrlPath).toBe('events');
    for (const [i, config] of ["  baseUrl: '/',\n", '', '  baseUrl: `/${process.env.BASE}/`,\n', '  baseUrl: process.env.BASE_URL,\n'].entries()) {
      expect(detectSite(await docusaurusSite(config, `none-${i}`)).profile.tagBaseUrlPath, config).toBeUndefined();
    }
  });

  it('an <img> tag whose src starts with / but not the base is a warning, and so is a Markdown image with the base; a tag with it, Markdown images, require() and useBaseUrl() are fine', async () => {
    const site = await docusaurusSite("  baseUrl: '/events/',\n");
    const text = [
      '---',
      'title: KCD Porto',
      'authors: [ann]',
      '---',
      '',
      '![The stage](/img/kcd/stage.png)',
      '',
      '<img src={require(\'@site/static/img/kcd/stage.png\').default} alt="Required" />',
      '',
      '<img src="/img/kcd/stage.png" alt="The stage, wide" width="800" />',
      '',
      '<img src="/events/img/kcd/stage.png" alt="With the base" width="800" />',
      '',
      '![Markdown with the base](/events/img/kcd/stage.png)',
      '',
      "import useBaseUrl from '@docusaurus/useBaseUrl';",
      '',
      '<img src={useBaseUrl(\'/img/kcd/stage.png\')} alt="Based" width="800" />',
      '',
    ].join('\n');
    const { post, problems } = await temp.lintWritten(path.join(site, 'blog/2024-05-01-kcd-porto/index.md'), text);
    expect(problems.map((p) => [p.code, p.severity, p.line])).toEqual([
      ['image-baseurl', 'warning', 10],
      ['image-baseurl', 'warning', 14],
    ]);
    expect(problems[1]?.message).toBe(
      'This site is published under /events/ (its baseUrl), which Docusaurus puts before a Markdown image’s link itself, so it looks for /events/img/kcd/stage.png in its static folder and will not find it. Write /img/kcd/stage.png.',
    );
    // The tray counts every one of them (require() and useBaseUrl() too) as the photo's use.
    expect(photoUseOf(photoUses(editorBody(text), readingOfPost(profileForRecap(post), text)), '/img/kcd/stage.png')?.count).toBe(6);
    expect(problems[0]?.message).toBe(
      'This site is published under /events/ (its baseUrl), which Docusaurus puts before a Markdown image’s link but not before an <img> tag’s src, so /img/kcd/stage.png will be missing there. Write it as a Markdown image, ![The stage, wide](/img/kcd/stage.png), or give the tag the base itself (useBaseUrl).',
    );
    // Its links without the base on a site at `/`: nothing to say.
    const root = await docusaurusSite('', 'root-site');
    const atRoot = text.split('\n').slice(0, 11).join('\n');
    expect(atRoot).not.toContain('/events/');
    expect((await temp.lintWritten(path.join(root, 'blog/2024-05-01-kcd-porto/index.md'), atRoot)).problems).toEqual([]);
    // Export's checks say the same.
    const plan = await temp.service().planExport({ recapPath: post, text, target: { kind: 'site', dir: site } });
    expect(plan.problems.map((p) => [p.code, p.line])).toEqual([
      ['image-baseurl', 10],
      ['image-baseurl', 14],
    ]);
    // Export into its site leaves every link as written.
    await temp.service().exportRecap({ recapPath: post, text, target: { kind: 'site', dir: site } });
    expect(await fs.readFile(post, 'utf8')).toBe(text);
  });

  it("a draft for the site (from its template) is told the same in the Problems panel as in export's checks", async () => {
    const site = await docusaurusSite("  baseUrl: '/events/',\n");
    await writeText(path.join(site, 'blog/2024-05-01-kcd-porto/index.md'), '---\ntitle: KCD Porto\nauthors: [ann]\n---\n\nThe day.\n');
    await temp.service().rememberSite({ dir: site });
    const made = await temp.service().newRecap({ template: { source: 'posts', name: 'event-recap', site }, title: 'KCD Braga' });
    const text = `${made.text}\n<img src="/img/kcd/stage.png" alt="The stage" />\n`;
    const said = (list: Array<{ code: string; message: string }>): string[] => list.filter((p) => p.code === 'image-baseurl').map((p) => p.message);
    const lint = said(await temp.service().lintRecap({ path: made.draft.recapPath, text }));
    expect(lint).toEqual([expect.stringContaining('which Docusaurus puts before a Markdown image’s link but not before an <img> tag’s src')]);
    const plan = await temp.service().planExport({ recapPath: made.draft.recapPath, text, target: { kind: 'site', dir: site } });
    expect(said(plan.problems)).toEqual(lint);
  });
});
