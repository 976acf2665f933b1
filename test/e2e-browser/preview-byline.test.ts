// The preview's byline dates a Jekyll or Docusaurus post by its file or folder name while its
// front matter has no date, as the site does (and as the form's date help says); a date in the
// front matter takes its place; Hugo, which reads no date from a name, shows none.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sessionForFile } from './harness';

const { session, write } = sessionForFile();

/** The preview's header once the post's title is in it: the byline's text, or null without one. */
async function bylineOf(file: string): Promise<string | null> {
  const page: Page = await session().open({ file });
  await expect.poll(() => page.locator('.pv-title').textContent()).toBe('KCD China');
  const byline = page.locator('.pv-header .pv-byline');
  const text = (await byline.count()) === 0 ? null : await byline.textContent();
  await page.context().close();
  return text;
}

describe('the preview\'s byline and a post dated by its name', () => {
  it('Jekyll: a dated file in _posts; a date in the front matter takes its place', async () => {
    await write('jekyll/_config.yml', 'title: KCD\n');
    expect(await bylineOf(await write('jekyll/_posts/2021-11-02-kcd-china.md', '---\ntitle: KCD China\nauthor: Lindsay\n---\n\nThe day.\n'))).toBe('November 2, 2021 · Lindsay');
    expect(await bylineOf(await write('jekyll/_posts/2021-11-03-kcd-again.md', '---\ntitle: KCD China\ndate: 2021-11-05\n---\n\nThe day.\n'))).toBe('November 5, 2021');
  });

  it('Docusaurus: a dated folder post', async () => {
    await write('docusaurus/docusaurus.config.js', "module.exports = { title: 'KCD', url: 'https://kcd.example.org', baseUrl: '/' };\n");
    expect(await bylineOf(await write('docusaurus/blog/2024-05-01-kcd-recap/index.md', '---\ntitle: KCD China\nauthors: [lindsay, kevin]\n---\n\nThe day.\n'))).toBe('May 1, 2024 · lindsay, kevin');
  });

  it('a date with its time shows as the long date; Docusaurus inline authors by name', async () => {
    expect(await bylineOf(await write('jekyll/_posts/2021-11-04-kcd-timed.md', '---\ntitle: KCD China\ndate: 2021-11-02 10:00:00 +0800\n---\n\nThe day.\n'))).toBe('November 2, 2021');
    const inline = '---\ntitle: KCD China\ndate: 2024-05-02T10:00:00+08:00\nauthors:\n  - lindsay\n  - name: Ann Lee\n    title: Maintainer\n    image_url: https://example.org/ann.png\n---\n\nThe day.\n';
    expect(await bylineOf(await write('docusaurus/blog/2024-05-02-kcd-inline/index.md', inline))).toBe('May 2, 2024 · lindsay, Ann Lee');
  });

  it('Hugo reads no date from a name: the byline has none', async () => {
    await write('hugo/hugo.toml', 'baseURL = "https://example.org/"\n');
    expect(await bylineOf(await write('hugo/content/en/news/2021-11-02-kcd-china.md', '---\ntitle: KCD China\nauthor: Lindsay\n---\n\nThe day.\n'))).toBe('Lindsay');
  });
});
