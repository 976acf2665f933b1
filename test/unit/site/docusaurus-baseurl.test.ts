// A Docusaurus site published under its baseUrl (`baseUrl: '/events/'`, a GitHub Pages project
// site): Docusaurus bundles a Markdown image and links it under the base itself, but leaves an
// <img> tag's src as written, so `<img src="/img/a.png">` is missing on the published site — a
// warning saying what to write. Markdown images, code (require, imports) and a site at `/` are fine.

import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectSite } from '../../../electron/service/site/site';
import { png, writeText } from '../support/site-fixture';
import { serviceInTempDir } from '../support/temp-service';

const temp = serviceInTempDir('docusaurus-baseurl');

/** A Docusaurus site whose config says `config`, with the photo static/img/kcd/stage.png. */
async function docusaurusSite(config: string, name = 'site'): Promise<string> {
  const site = path.join(temp.dir(), name);
  await writeText(path.join(site, 'docusaurus.config.ts'), `export default {\n  title: 'Events',\n  url: 'https://porto.github.io',\n${config}};\n`);
  await png(path.join(site, 'static/img/kcd/stage.png'), 3);
  return site;
}

describe("a Docusaurus site's baseUrl", () => {
  it('is read from the config as written; none for `/`, none, or one the config computes', async () => {
    expect(detectSite(await docusaurusSite("  baseUrl: '/events/',\n")).profile.tagBaseUrlPath).toBe('events');
    for (const [i, config] of ["  baseUrl: '/',\n", '', '  baseUrl: `/${process.env.BASE}/`,\n', '  baseUrl: process.env.BASE_URL,\n'].entries()) {
      expect(detectSite(await docusaurusSite(config, `none-${i}`)).profile.tagBaseUrlPath, config).toBeUndefined();
    }
  });

  it('an <img> tag (or a srcset) whose src starts with / but not the base is a warning; Markdown images and require() are fine', async () => {
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
    ].join('\n');
    const { post, problems } = await temp.lintWritten(path.join(site, 'blog/2024-05-01-kcd-porto/index.md'), text);
    expect(problems.map((p) => [p.code, p.severity, p.line])).toEqual([['image-baseurl', 'warning', 10]]);
    expect(problems[0]?.message).toBe(
      'This site is published under /events/ (its baseUrl), which Docusaurus puts before a Markdown image’s link but not before an <img> tag’s src, so /img/kcd/stage.png will be missing there. Write it as a Markdown image, ![The stage, wide](/img/kcd/stage.png), or give the tag the base itself (useBaseUrl).',
    );
    // The same post on a site at `/`: nothing to say.
    const root = await docusaurusSite('', 'root-site');
    expect((await temp.lintWritten(path.join(root, 'blog/2024-05-01-kcd-porto/index.md'), text)).problems).toEqual([]);
    // Export's checks say the same.
    const plan = await temp.service().planExport({ recapPath: post, text, target: { kind: 'site', dir: site } });
    expect(plan.problems.map((p) => [p.code, p.line])).toEqual([['image-baseurl', 10]]);
  });
});
