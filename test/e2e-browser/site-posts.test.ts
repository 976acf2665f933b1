// Posts written for Jekyll and Docusaurus open, show and lint as their site renders them: Liquid
// image links, MDX statements, Docusaurus inline authors in the form, a title's quotes kept.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { png } from '../unit/support/site-fixture';
import { sessionForFile } from './harness';

const { session, write } = sessionForFile();

/** A Jekyll site in `folder` with its photo hall.png, and the page open on a post with `field` that links it by Liquid. */
async function openLiquidPost(folder: string, field: string): Promise<Page> {
  await write(`${folder}/_config.yml`, 'title: KCD\n');
  await png(path.join(session().dir, `${folder}/assets/images/kcd/hall.png`), 1);
  const post = await write(`${folder}/_posts/2021-11-02-kcd.md`, `---\ntitle: KCD China\n${field}\n---\n\n![The hall]({{ site.baseurl }}/assets/images/kcd/hall.png)\n`);
  return session().open({ file: post });
}

/** A Docusaurus site in `folder` with `authors` as its blog/authors.yml, and the page open on the post `rel` (under blog/) holding `text`. */
async function openDocusaurusPost(folder: string, authors: string, rel: string, text: string): Promise<{ page: Page; post: string }> {
  await write(`${folder}/docusaurus.config.js`, "module.exports = { title: 'KCD' };\n");
  await write(`${folder}/blog/authors.yml`, authors);
  const post = await write(`${folder}/blog/${rel}`, text);
  return { page: await session().open({ file: post }), post };
}

/** A Hugo site (its config file and text) with a page bundle at `bundle` holding `photos` and its index.md, `text`; the post's path. */
async function hugoBundle(config: [string, string], bundle: string, photos: string[], text: string): Promise<string> {
  await write(...config);
  for (const [i, name] of photos.entries()) await png(path.join(session().dir, bundle, name), i + 1);
  return write(`${bundle}/index.md`, text);
}

describe('posts of other sites in the browser mode', () => {
  it('Jekyll: a Liquid image link shows its photo, and the Problems panel has nothing to say', async () => {
    await write('jekyll/_config.yml', 'title: KCD\nbaseurl: /blog\n');
    await png(path.join(session().dir, 'jekyll/assets/img/hall.png'), 1);
    const post = await write('jekyll/_posts/2021-11-02-kcd.md', '---\ntitle: KCD China\n---\n\n![The hall]({{ site.baseurl }}/assets/img/hall.png)\n\nAnd ![the hall again]({{ "/assets/img/hall.png" | relative_url }}).\n');
    const page = await session().open({ file: post });
    const images = page.getByTestId('preview').locator('img');
    await expect.poll(() => images.count()).toBe(2);
    await expect.poll(() => images.evaluateAll((els) => els.map((e) => (e as HTMLImageElement).complete && (e as HTMLImageElement).naturalWidth))).toEqual([64, 64]);
    expect(await page.getByTestId('preview').locator('.img-notice').count()).toBe(0);
    expect(await page.getByTestId('preview').textContent()).not.toContain('site.baseurl');
    await expect.poll(() => page.getByTestId('problems-button').getAttribute('data-count')).toBe('0');
    await page.context().close();
  });

  it('Jekyll: render_with_liquid switched off in the form shows the Liquid link broken, in Problems, and no use in the tray; on again, the photo is back', async () => {
    const page = await openLiquidPost('jekyll-switch', 'render_with_liquid: true');
    const preview = page.getByTestId('preview');
    const card = page.getByTestId('photo-card');
    const problems = (): Promise<string | null> => page.getByTestId('problems-button').getAttribute('data-count');
    await expect.poll(() => preview.locator('img').count()).toBe(1);
    await expect.poll(() => card.getAttribute('data-used')).toBe('1');
    await expect.poll(problems).toBe('0');

    const liquid = page.getByTestId('value-render_with_liquid');
    expect(await liquid.getAttribute('role')).toBe('switch');
    await liquid.click();
    await expect.poll(() => preview.locator('.img-notice').allTextContents()).toEqual([
      'Jekyll does not process Liquid in this post: the image {{site.baseurl}}/assets/images/kcd/hall.png is published as written and will not show.',
    ]);
    expect(await preview.locator('img').count()).toBe(0);
    await expect.poll(() => card.getAttribute('data-used')).toBe('0');
    await expect.poll(() => page.getByTestId('photo-unused').count()).toBe(1);
    await expect.poll(problems).toBe('1');

    await liquid.click();
    await expect.poll(() => preview.locator('img').count()).toBe(1);
    await expect.poll(() => card.getAttribute('data-used')).toBe('1');
    await expect.poll(problems).toBe('0');
    await page.context().close();
  });

  it("Jekyll: render_with_liquid: off is false as Jekyll's YAML reads it: the Liquid link shows broken, in Problems, and no use in the tray", async () => {
    const page = await openLiquidPost('jekyll-off', 'render_with_liquid: off');
    await expect.poll(() => page.getByTestId('preview').locator('.img-notice').count()).toBe(1);
    expect(await page.getByTestId('preview').locator('img').count()).toBe(0);
    await expect.poll(() => page.getByTestId('photo-card').getAttribute('data-used')).toBe('0');
    await expect.poll(() => page.getByTestId('problems-button').getAttribute('data-count')).toBe('1');
    await page.context().close();
  });

  it("Jekyll: render_with_liquid: 'off' quoted is a string, so Liquid runs: the photo shows, the tray counts its use, no problem", async () => {
    const page = await openLiquidPost('jekyll-quoted-off', "render_with_liquid: 'off'");
    await expect.poll(() => page.getByTestId('preview').locator('img').count()).toBe(1);
    await expect.poll(() => page.getByTestId('photo-card').getAttribute('data-used')).toBe('1');
    expect(await page.getByTestId('photo-unused').count()).toBe(0);
    await expect.poll(() => page.getByTestId('problems-button').getAttribute('data-count')).toBe('0');
    await page.context().close();
  });

  it('Docusaurus MDX: import and export statements show nothing; inline authors are chips; typing the title keeps its quotes and the authors', async () => {
    await write('docusaurus/docusaurus.config.js', "module.exports = { title: 'KCD', url: 'https://kcd.example.org', baseUrl: '/' };\n");
    await write('docusaurus/blog/authors.yml', 'lindsay:\n  name: Lindsay Zhang\n');
    const text = [
      '---',
      'title: "KCD"',
      'authors:',
      '  - lindsay',
      '  - name: Ann Lee',
      '    title: Maintainer',
      '    image_url: https://example.org/ann.png',
      '---',
      '',
      "import Tabs from '@theme/Tabs';",
      "import hall from './hall.png';",
      '',
      'export const year = 2024;',
      '',
      '## The day',
      '',
      '<img src={hall} alt="The hall" />',
      '',
    ].join('\n');
    const post = await write('docusaurus/blog/2024-05-01-kcd/index.mdx', text);
    await png(path.join(path.dirname(post), 'hall.png'), 2);
    const page = await session().open({ file: post });
    const preview = page.getByTestId('preview');
    await expect.poll(() => preview.locator('h2').textContent()).toBe('The day');
    expect(await preview.textContent()).not.toMatch(/import Tabs|export const/);
    // The imported photo shows, and no problem is listed for it.
    await expect.poll(() => preview.locator('img[alt="The hall"]').evaluate((e) => (e as HTMLImageElement).complete && (e as HTMLImageElement).naturalWidth)).toBe(64);
    await expect.poll(() => page.getByTestId('problems-button').getAttribute('data-count')).toBe('0');

    const authors = page.getByTestId('field-authors');
    await expect.poll(() => authors.locator('.chip-label').allTextContents()).toEqual(['Lindsay Zhang', 'Ann Lee']);

    const title = page.getByTestId('field-title');
    await title.fill('');
    await title.pressSequentially('KCD: Hangzhou');
    await page.keyboard.press('Control+S');
    await expect.poll(() => fs.readFile(post, 'utf8')).toBe(text.replace('title: "KCD"', 'title: "KCD: Hangzhou"'));
    await page.context().close();
  });

  it('Docusaurus .md: <img src={require(…).default} /> shows the photo it requires', async () => {
    await write('docusaurus2/docusaurus.config.js', "module.exports = { title: 'KCD' };\n");
    const post = await write('docusaurus2/blog/2024-05-01-kcd/index.md', "---\ntitle: KCD\n---\n\n<img src={require('./stage.png').default} alt=\"The stage\" />\n");
    await png(path.join(path.dirname(post), 'stage.png'), 3);
    const page = await session().open({ file: post });
    const preview = page.getByTestId('preview');
    await expect.poll(() => preview.locator('img[alt="The stage"]').evaluate((e) => (e as HTMLImageElement).complete && (e as HTMLImageElement).naturalWidth)).toBe(64);
    expect(await preview.textContent()).not.toContain('require');
    await expect.poll(() => page.getByTestId('problems-button').getAttribute('data-count')).toBe('0');
    await page.context().close();
  });

  it('Hugo: a Liquid link and an MDX image show broken, as Hugo publishes them, and the Problems panel says why', async () => {
    await write('hugo/hugo.toml', 'title = "Events"\n');
    await png(path.join(session().dir, 'hugo/static/images/kcd/hall.png'), 1);
    const text = "---\ntitle: KCD\n---\n\n![The hall]({{ site.baseurl }}/images/kcd/hall.png)\n\nimport stage from './stage.png';\n\n<img src={stage} alt=\"The stage\" />\n";
    const post = await write('hugo/content/posts/kcd/index.md', text);
    await png(path.join(path.dirname(post), 'stage.png'), 2);
    const page = await session().open({ file: post });
    const notices = page.getByTestId('preview').locator('.img-notice');
    await expect.poll(() => notices.allTextContents()).toEqual([
      'Hugo does not process Liquid in this post: the image {{site.baseurl}}/images/kcd/hall.png is published as written and will not show.',
      'Hugo does not read this post as MDX: the image {stage} is published as written and will not show.',
    ]);
    expect(await page.getByTestId('preview').locator('img').count()).toBe(0);
    await expect.poll(() => page.getByTestId('problems-button').getAttribute('data-count')).toBe('2');
    await page.context().close();
  });

  it('Jekyll: tags written as one string are words, as Jekyll reads them: two chips, a tag added joins them with a space, a tag with a space makes a list', async () => {
    await write('jekyll-tags/_config.yml', 'title: KCD\n');
    const text = '---\nlayout: post\ntitle: KCD\ntags: gitops flux\n---\n\nText.\n';
    const post = await write('jekyll-tags/_posts/2021-11-02-kcd.md', text);
    const page = await session().open({ file: post });
    const tags = page.getByTestId('field-tags').locator('xpath=..');
    await expect.poll(() => tags.locator('.chip-label').allTextContents()).toEqual(['gitops', 'flux']);
    await expect.poll(() => page.getByTestId('preview').locator('.pv-keywords').textContent()).toContain('flux');
    expect(await page.getByTestId('preview').locator('.pv-keywords > *').count()).toBe(2);
    await page.getByTestId('field-tags').fill('k8s');
    await page.getByTestId('field-tags').press('Enter');
    await page.keyboard.press('Control+S');
    await expect.poll(() => fs.readFile(post, 'utf8')).toBe(text.replace('tags: gitops flux', 'tags: gitops flux k8s'));
    // "cloud native" cannot be one word of that string: the tags become a list.
    await page.getByTestId('field-tags').fill('cloud native');
    await page.getByTestId('field-tags').press('Enter');
    await page.keyboard.press('Control+S');
    await expect.poll(() => fs.readFile(post, 'utf8')).toBe(text.replace('tags: gitops flux', 'tags: [gitops, flux, k8s, cloud native]'));
    await page.context().close();
  });

  it('Docusaurus: authors written as one key are one author; a second makes the list Docusaurus reads, never "jane, li"', async () => {
    const text = '---\ntitle: KCD\nauthors: jane\n---\n\nText.\n';
    const { page, post } = await openDocusaurusPost('docusaurus-one', 'jane:\n  name: Jane Doe\nli:\n  name: Li Lei\n', '2024-05-01-kcd.md', text);
    const authors = page.getByTestId('field-authors').locator('xpath=..');
    await expect.poll(() => authors.locator('.chip-label').allTextContents()).toEqual(['Jane Doe']);
    await page.getByTestId('field-authors').fill('li');
    await page.getByTestId('field-authors').press('Enter');
    await page.keyboard.press('Control+S');
    await expect.poll(() => fs.readFile(post, 'utf8')).toBe(text.replace('authors: jane', 'authors: [jane, li]'));
    await expect.poll(() => page.getByTestId('preview').locator('.pv-byline').textContent()).toBe('May 1, 2024 · Jane Doe, Li Lei');
    await page.context().close();
  });

  it('Docusaurus: tags written as text are one tag, an error its build would give; an edit in the chips writes the list it reads', async () => {
    const text = '---\ntitle: KCD\nauthors: jane\ntags: news\n---\n\nText.\n';
    const { page, post } = await openDocusaurusPost('docusaurus-tags', 'jane:\n  name: Jane Doe\n', '2024-05-01-kcd.md', text);
    const tags = page.getByTestId('field-tags').locator('xpath=..');
    await expect.poll(() => tags.locator('.chip-label').allTextContents()).toEqual(['news']);
    await expect.poll(() => page.getByTestId('problems-button').getAttribute('data-count')).toBe('1');
    await tags.locator('.chip-remove').click();
    await page.getByTestId('field-tags').fill('news');
    await page.getByTestId('field-tags').press('Enter');
    await page.keyboard.press('Control+S');
    await expect.poll(() => fs.readFile(post, 'utf8')).toBe(text.replace('tags: news', 'tags: [news]'));
    await expect.poll(() => page.getByTestId('problems-button').getAttribute('data-count')).toBe('0');
    await page.context().close();
  });

  it("Docusaurus: the byline and the author chips show authors.yml's names, and the file keeps the keys; Jekyll: the byline's day is in the site's timezone", async () => {
    const text = '---\ntitle: KCD\nauthors: [slorber, ann]\n---\n\nText.\n';
    const { page, post } = await openDocusaurusPost('docusaurus3', 'slorber:\n  name: Sébastien Lorber\n  title: Maintainer\n', '2024-05-01-kcd/index.md', text);
    const byline = page.getByTestId('preview').locator('.pv-byline');
    await expect.poll(() => byline.textContent()).toBe('May 1, 2024 · Sébastien Lorber, ann');
    const authors = page.getByTestId('field-authors').locator('xpath=..');
    await expect.poll(() => authors.locator('.chip-label').allTextContents()).toEqual(['Sébastien Lorber', 'ann']);
    await page.getByTestId('field-title').fill('KCD 2024');
    await page.keyboard.press('Control+S');
    await expect.poll(() => fs.readFile(post, 'utf8')).toBe(text.replace('title: KCD', 'title: KCD 2024'));
    await page.context().close();

    await write('jekyll-tz/_config.yml', 'title: KCD\ntimezone: Asia/Shanghai\n');
    const jpost = await write('jekyll-tz/_posts/2021-11-02-kcd.md', '---\ntitle: KCD\ndate: 2021-11-02 23:30:00 -0800\n---\n\nText.\n');
    const jpage = await session().open({ file: jpost });
    await expect.poll(() => jpage.getByTestId('preview').locator('.pv-byline').textContent()).toBe('November 3, 2021');
    await jpage.context().close();
  });

  it("Hugo page bundle: the photo Hugo takes as the page's card by its name (featured.png) is marked Card, not Not used, until the front matter names images", async () => {
    const post = await hugoBundle(['hugo-card/hugo.toml', 'baseURL = "https://example.org/"\ntitle = "KCD"\n'], 'hugo-card/content/blog/kcd', ['featured.png', 'spare.png'], '---\ntitle: KCD\ndate: 2024-05-01\n---\n\nA day of talks.\n');
    const page = await session().open({ file: post });
    const card = (name: string) => page.locator(`[data-testid="photo-card"][data-name="${name}"]`);
    await expect.poll(() => card('featured.png').getByTestId('photo-card-by-name').count()).toBe(1);
    expect(await card('featured.png').getByTestId('photo-unused').count()).toBe(0);
    expect(await card('spare.png').getByTestId('photo-unused').count()).toBe(1);
    expect(await card('spare.png').getByTestId('photo-card-by-name').count()).toBe(0);
    await card('featured.png').locator('.photo-thumb').click();
    await expect.poll(() => page.getByTestId('photo-card-help').textContent()).toContain("Hugo shows this photo on the page's card");
    await page.context().close();

    // The front matter names its images: Hugo takes those, and featured.png is one more unused photo.
    await fs.writeFile(post, '---\ntitle: KCD\ndate: 2024-05-01\nimages: [spare.png]\n---\n\nA day of talks.\n');
    const named = await session().open({ file: post });
    const namedCard = (name: string) => named.locator(`[data-testid="photo-card"][data-name="${name}"]`);
    await expect.poll(() => namedCard('featured.png').getByTestId('photo-unused').count()).toBe(1);
    expect(await named.getByTestId('photo-card-by-name').count()).toBe(0);
    expect(await namedCard('spare.png').getByTestId('photo-unused').count()).toBe(0);
    await named.context().close();
  });

  it("PaperMod: a bundle's cover beside the post without cover.relative is a problem (the theme shows the root's); Use as cover writes the flag, and the problem goes", async () => {
    const post = await hugoBundle(['papermod/hugo.yaml', 'baseURL: https://example.org/\ntheme: PaperMod\n'], 'papermod/content/posts/kcd', ['cover.png', 'stage.png'], '---\ntitle: KCD\ndate: 2024-05-01\ncover:\n  image: cover.png\n  alt: The crowd\n---\n\nA day of talks.\n\n![The stage](stage.png)\n');
    const page = await session().open({ file: post });
    await expect.poll(() => page.getByTestId('problems-button').getAttribute('data-count')).toBe('1');
    await page.getByTestId('problems-button').click();
    await expect.poll(() => page.locator('.problems-panel').textContent()).toContain("but without cover.relative: true the theme shows the site root's, /cover.png, which does not exist");
    await page.keyboard.press('Escape');
    // Use as cover: the map's image and its flag, its other keys kept; nothing left to say.
    const card = page.locator('[data-testid="photo-card"][data-name="stage.png"]');
    await card.locator('.photo-thumb').click();
    await card.getByTestId('photo-cover').click();
    await expect.poll(() => page.getByTestId('problems-button').getAttribute('data-count')).toBe('0');
    await page.keyboard.press('Control+S');
    await expect.poll(() => fs.readFile(post, 'utf8')).toContain('cover:\n  image: stage.png\n  alt: The crowd\n  relative: true\n');
    await expect.poll(() => page.getByTestId('dirty-marker').count()).toBe(0);
    await page.context().close();
  });
});
