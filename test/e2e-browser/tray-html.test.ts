// A post that shows its photos with raw HTML `<img>` tags (a contributor's habit, or a `<figure>`
// with a caption): the tray counts the tags as uses, its alt text sets the tag's alt attribute,
// "Copy into this recap's folder" relinks a tag over several lines, and removing a photo takes
// its tag out (Undo puts it back) — as it does for Markdown links.
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { sessionForFile, shoot } from './harness';

const { session, write } = sessionForFile();

const editor = (page: Page) => page.locator('.editor-pane .w-md-editor-text-input');
const folderCard = (page: Page, name: string) => page.locator(`[data-testid="photo-card"][data-name="${name}"]`);
const linkedCard = (page: Page, name: string) => page.locator(`[data-testid="linked-photo-card"][data-name="${name}"]`);

const png = (file: string, r: number) =>
  fs.mkdir(path.dirname(file), { recursive: true }).then(() =>
    sharp({ create: { width: 400, height: 300, channels: 3, background: { r, g: 90, b: 160 } } })
      .png()
      .toFile(file),
  );

const STAGE_TAG = '<img src="/images/news/kcd/stage.png" alt="Stage">';
const LOGO_TAG = '<img\n  src="/images/shared/logo.png"\n  alt="Logo"\n/>';

describe('photos shown with <img> tags', () => {
  it('are uses in the tray: alt text, copy into the folder and removal reach the tags', async () => {
    await write('site/hugo.toml', 'title = "Events"\ndefaultContentLanguage = "en"\n');
    const text = ['---', 'title: KCD Recap', 'description: A day of talks in the main hall.', '---', '', 'The keynote filled the hall.', '', STAGE_TAG, '', '<figure>', LOGO_TAG, '<figcaption>Our sponsors</figcaption>', '</figure>', ''].join('\n');
    const post = await write('site/content/en/news/kcd.md', text);
    const statics = path.join(path.dirname(post), '..', '..', '..', 'static', 'images');
    await png(path.join(statics, 'news', 'kcd', 'stage.png'), 200);
    await png(path.join(statics, 'shared', 'logo.png'), 40);

    const page = await session().open({ file: post });
    await expect.poll(() => editor(page).inputValue()).toContain(STAGE_TAG);
    const stage = folderCard(page, 'stage.png');
    await stage.waitFor({ state: 'visible' });
    // Used once, by its tag: no "Not used", and its alt text is the tag's.
    expect(await stage.getAttribute('data-used')).toBe('1');
    expect(await stage.getByTestId('photo-unused').count()).toBe(0);
    await stage.locator('.photo-thumb').click();
    expect(await stage.getByTestId('photo-alt').inputValue()).toBe('Stage');

    // Alt text: the tag's alt attribute, escaped as HTML reads it.
    await stage.getByTestId('photo-alt').fill('Main stage & crowd');
    await expect.poll(() => editor(page).inputValue()).toContain('<img src="/images/news/kcd/stage.png" alt="Main stage &amp; crowd">');

    // The logo, shown from a shared folder by a tag over four lines: copied into the recap's folder, the tag follows.
    const logo = linkedCard(page, 'logo.png');
    await logo.waitFor({ state: 'visible' });
    await logo.locator('.photo-thumb').click();
    expect(await logo.getByTestId('photo-alt').inputValue()).toBe('Logo');
    await logo.getByTestId('linked-copy').click();
    await expect.poll(() => editor(page).inputValue()).toContain('<img\n  src="/images/news/kcd/logo.png"\n  alt="Logo"\n/>');
    await folderCard(page, 'logo.png').waitFor({ state: 'visible' });
    expect(existsSync(path.join(statics, 'news', 'kcd', 'logo.png'))).toBe(true);
    // The preview shows both photos from the folder, and the Problems panel has nothing to say.
    await expect.poll(() => page.locator('.preview-pane .img-notice').count()).toBe(0);
    await expect.poll(() => page.locator('.preview-pane img[src*="logo.png"]').count()).toBe(1);
    await expect.poll(() => page.getByText('No problems').count()).toBe(1);
    await shoot(page, 'tray-html-tags');

    // Removing the stage photo takes its tag out with its line; Undo brings both back.
    const before = await editor(page).inputValue();
    await stage.locator('.photo-thumb').click();
    await stage.getByTestId('photo-remove').click();
    await page.getByTestId('photo-undo-toast').waitFor();
    await expect.poll(() => editor(page).inputValue()).not.toContain('stage.png');
    expect(await editor(page).inputValue()).toBe(before.replace('<img src="/images/news/kcd/stage.png" alt="Main stage &amp; crowd">\n\n', ''));
    expect(existsSync(path.join(statics, 'news', 'kcd', 'stage.png'))).toBe(false);
    await page.getByTestId('photo-undo').click();
    await expect.poll(() => editor(page).inputValue()).toBe(before);
    await expect.poll(() => existsSync(path.join(statics, 'news', 'kcd', 'stage.png'))).toBe(true);
    await page.context().close();
  });
});

describe("photos shown with Hugo's figure shortcode", () => {
  it('a Hugo post: figures in the preview with their captions, uses in the tray (alt text, copy, removal), no problems', async () => {
    await write('figures/hugo.toml', 'title = "Events"\n');
    // Hugo's escaped quote in a caption (whose Markdown Hugo reads: a credit's link), and a raw string over two lines as a title.
    const HALL = '{{< figure src="/images/news/kcd/hall.png" alt="The hall" caption="Opening \\"keynote\\", by [Ana](https://example.org/ana)" >}}';
    const CROWD = '{{< figure\n    src="/images/shared/crowd.png"\n    title=`The\n    crowd`\n>}}';
    const text = ['---', 'title: KCD Recap', 'description: A day of talks in the main hall.', '---', '', 'The keynote filled the hall.', '', HALL, '', CROWD, '', 'Written as text: {{</* figure src="/images/news/kcd/hall.png" */>}}', ''].join('\n');
    const post = await write('figures/content/en/news/kcd.md', text);
    const statics = path.join(path.dirname(post), '..', '..', '..', 'static', 'images');
    await png(path.join(statics, 'news', 'kcd', 'hall.png'), 120);
    await png(path.join(statics, 'shared', 'crowd.png'), 60);

    const page = await session().open({ file: post });
    // The preview shows each as Hugo does: a figure, its photo loaded, its title and caption under it; the escaped call as text.
    const figures = page.locator('.preview-pane figure');
    await expect.poll(() => figures.count()).toBe(2);
    await expect.poll(() => figures.nth(0).locator('img').evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth)).toBe(400);
    expect(await figures.nth(0).locator('figcaption').textContent()).toBe('Opening "keynote", by Ana');
    expect(await figures.nth(0).locator('figcaption a').getAttribute('href')).toBe('https://example.org/ana');
    expect(await figures.nth(1).locator('figcaption h4').textContent()).toBe('The crowd');
    await expect.poll(() => page.locator('.preview-pane').textContent()).toContain('Written as text: {{< figure src="/images/news/kcd/hall.png" >}}');
    await expect.poll(() => page.getByTestId('problems-button').getAttribute('data-count')).toBe('0');

    // The tray: the hall is used once, its alt text the figure's; setting it writes the parameter.
    const hall = folderCard(page, 'hall.png');
    await hall.waitFor({ state: 'visible' });
    expect(await hall.getAttribute('data-used')).toBe('1');
    expect(await hall.getByTestId('photo-unused').count()).toBe(0);
    await hall.locator('.photo-thumb').click();
    expect(await hall.getByTestId('photo-alt').inputValue()).toBe('The hall');
    await hall.getByTestId('photo-alt').fill('The "main" hall');
    await expect.poll(() => editor(page).inputValue()).toContain('{{< figure src="/images/news/kcd/hall.png" alt=`The "main" hall` caption="Opening \\"keynote\\", by [Ana](https://example.org/ana)" >}}');

    // The crowd, from a shared folder, over four lines: copied into the recap's folder, the figure follows.
    const crowd = linkedCard(page, 'crowd.png');
    await crowd.waitFor({ state: 'visible' });
    await crowd.locator('.photo-thumb').click();
    await crowd.getByTestId('linked-copy').click();
    await expect.poll(() => editor(page).inputValue()).toContain('{{< figure\n    src="/images/news/kcd/crowd.png"\n    title=`The\n    crowd`\n>}}');
    await folderCard(page, 'crowd.png').waitFor({ state: 'visible' });
    await expect.poll(() => page.locator('.preview-pane figure img[src*="crowd.png"]').count()).toBe(1);
    await expect.poll(() => page.getByTestId('problems-button').getAttribute('data-count')).toBe('0');
    // Both photos in the folder, each used by its figure; nothing left from the shared folder.
    await expect.poll(() => linkedCard(page, 'crowd.png').count()).toBe(0);
    await expect.poll(() => page.getByTestId('photo-unused').count()).toBe(0);
    await shoot(page, 'tray-hugo-figures');

    // Removing the hall takes its figure out with its line; the escaped call stays.
    await hall.locator('.photo-thumb').click();
    await hall.getByTestId('photo-remove').click();
    await page.getByTestId('photo-undo-toast').waitFor();
    await expect.poll(() => editor(page).inputValue()).not.toContain('alt=`The "main" hall`');
    expect(await editor(page).inputValue()).toContain('Written as text: {{</* figure src="/images/news/kcd/hall.png" */>}}');

    // This site's posts show their photos with figures: inserting one writes a figure too.
    const crowdCard = folderCard(page, 'crowd.png');
    await crowdCard.locator('.photo-thumb').click();
    await crowdCard.getByTestId('photo-insert').click();
    await expect.poll(() => editor(page).inputValue()).toMatch(/\n\{\{< figure src="\/images\/news\/kcd\/crowd\.png" alt="[^"\n]+" >\}\}\n/);
    await expect.poll(() => page.locator('.preview-pane figure img[src*="crowd.png"]').count()).toBe(2);
    await expect.poll(() => page.getByTestId('problems-button').getAttribute('data-count')).toBe('0');
    await page.context().close();
  });

  it("a figure whose photo is in the site's assets/: shown as Hugo finds it, listed with its folder, copied into the recap's folder; the same path as a Markdown image is missing", async () => {
    await write('assets-site/hugo.toml', 'title = "Events"\n');
    const HALL = '{{< figure src="/images/kcd/hall.png" alt="The hall" >}}';
    const text = ['---', 'title: KCD Recap', 'description: A day of talks in the main hall.', '---', '', 'The keynote filled the hall.', '', HALL, '', '![The hall again](/images/kcd/hall.png)', ''].join('\n');
    const post = await write('assets-site/content/en/news/kcd.md', text);
    const site = path.join(path.dirname(post), '..', '..', '..');
    await png(path.join(site, 'assets', 'images', 'kcd', 'hall.png'), 90);

    const page = await session().open({ file: post });
    // The figure's photo loads from assets/; the Markdown image, published as written, is missing from static/ — and that is the one problem.
    const figure = page.locator('.preview-pane figure img');
    await expect.poll(() => figure.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth)).toBe(400);
    await expect.poll(() => page.locator('.preview-pane .img-notice.is-missing').count()).toBe(1);
    await expect.poll(() => page.getByTestId('problems-button').getAttribute('data-count')).toBe('1');

    // The tray lists it under "Also in this recap", in the site's assets/ folder.
    const hall = linkedCard(page, 'hall.png');
    await hall.waitFor({ state: 'visible' });
    expect(await hall.textContent()).toContain('assets/images/kcd/');
    await hall.locator('.photo-thumb').click();
    await hall.getByTestId('linked-copy').click();
    // Copied into the recap's folder, both links follow the copy: no problem left, the original stays.
    await expect.poll(() => editor(page).inputValue()).toContain('{{< figure src="/images/news/kcd/hall.png" alt="The hall" >}}');
    expect(await editor(page).inputValue()).toContain('![The hall again](/images/news/kcd/hall.png)');
    await folderCard(page, 'hall.png').waitFor({ state: 'visible' });
    await expect.poll(() => page.getByTestId('problems-button').getAttribute('data-count')).toBe('0');
    await expect.poll(() => page.locator('.preview-pane img[src*="hall.png"]').count()).toBe(2);
    expect(existsSync(path.join(site, 'assets', 'images', 'kcd', 'hall.png'))).toBe(true);
    await page.context().close();
  });

  it("on a multilingual Hugo site a Markdown image is found as its figure is (Hugo's embedded image render hook): shown from assets/, listed there; a raw <img> of the same path is missing", async () => {
    await write('hook-site/hugo.toml', ['title = "Events"', '[languages.en]', 'weight = 1', '[languages.zh]', 'weight = 2', ''].join('\n'));
    const text = ['---', 'title: KCD Recap', 'description: A day of talks in the main hall.', '---', '', 'The keynote filled the hall.', '', '![The hall](/images/kcd/hall.png)', '', '<img src="/images/kcd/hall.png" alt="The hall again">', ''].join('\n');
    const post = await write('hook-site/content/en/news/kcd.md', text);
    const site = path.join(path.dirname(post), '..', '..', '..');
    await png(path.join(site, 'assets', 'images', 'kcd', 'hall.png'), 120);

    const page = await session().open({ file: post });
    const shown = page.locator('.preview-pane img');
    await expect.poll(() => shown.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth)).toBe(400);
    await expect.poll(() => page.locator('.preview-pane .img-notice.is-missing').count()).toBe(1);
    await expect.poll(() => page.getByTestId('problems-button').getAttribute('data-count')).toBe('1');
    const hall = linkedCard(page, 'hall.png');
    await hall.waitFor({ state: 'visible' });
    expect(await hall.textContent()).toContain('assets/images/kcd/');
    await page.context().close();
  });
});

describe('a tag that sizes its photo', () => {
  it('is shown at that size in the preview (`<img width="120">`), as the published page lays it out', async () => {
    await write('sized/hugo.toml', 'title = "Events"\n');
    const post = await write('sized/content/news/kcd.md', '---\ntitle: KCD Recap\n---\n\n<img src="/images/logo.png" alt="Our logo" width="120">\n\n![The stage](/images/logo.png)\n');
    await png(path.join(path.dirname(post), '..', '..', 'static', 'images', 'logo.png'), 90);
    const page = await session().open({ file: post });
    const preview = page.getByTestId('preview');
    // Before: 400 px, the file's own width (the tag's width was dropped).
    await expect.poll(() => preview.locator('img[alt="Our logo"]').evaluate((img) => (img as HTMLImageElement).complete && img.getBoundingClientRect().width)).toBe(120);
    expect(await preview.locator('img[alt="The stage"]').evaluate((img) => img.getBoundingClientRect().width)).toBe(400);
    await page.context().close();
  });
});
