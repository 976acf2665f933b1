// The walk of an author of another real site, through the real page: open an existing post of a
// Hugo TOML page bundle, a Hugo language folder, a Jekyll _posts subfolder and a Docusaurus blog;
// edit the title in the form; see the Problems panel empty (and a bundle's photos used in the
// tray); export into the site checkout (and a Jekyll post into a second checkout); check the
// files written. The sites are built by
// test/unit/site/other-sites.ts.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shoot, startSession, type Session } from './harness';
import { docusaurusBlog, hugoCongoBundle, hugoLanguageFolders, hugoPlainNews, hugoTomlBundles, jekyllAlFolio, jekyllChirpy, jekyllMinimalMistakes, jekyllSubfolders, photo, put, type OtherSite } from '../unit/site/other-sites';
import { listFiles } from '../unit/support/site-fixture';

let session: Session;

beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

/** Opens the post, sets its title in the form, waits for an empty Problems panel, exports into its own site. */
async function walk(site: OtherSite, title: string, photos: string[]): Promise<Page> {
  const file = path.join(site.root, ...site.post.split('/'));
  const before = await fs.readFile(file, 'utf8');
  const page = await session.open({ file });
  await page.getByTestId('field-title').fill(title);
  await expect.poll(() => page.getByTestId('problems-button').getAttribute('data-count')).toBe('0');
  // The tray shows the post's photos, each used by the text.
  await expect.poll(() => page.getByTestId('photo-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-name')))).toEqual(photos);
  expect(await page.getByTestId('photo-unused').count()).toBe(0);

  const filesBefore = await listFiles(site.root);
  await page.keyboard.press('Control+E');
  await expect.poll(() => page.getByTestId('export-site').inputValue()).toBe(site.root);
  await expect.poll(() => page.getByTestId('export-post').textContent()).toContain(`${site.post} — its own file in this site`);
  await expect.poll(() => page.getByTestId('export-checks-ok').count()).toBe(1);
  await page.getByTestId('export-run').click();
  await page.getByTestId('export-done').waitFor();
  // The post is written where it lives, with the title changed and nothing else; no file added or moved.
  const after = await fs.readFile(file, 'utf8');
  expect(after).not.toBe(before);
  expect(after.split('\n').filter((line, i) => line !== before.split('\n')[i])).toEqual([expect.stringContaining(title)]);
  expect(await listFiles(site.root)).toEqual(filesBefore);
  return page;
}

/** Opens a site's post as the author does: its file and its page. */
async function openPost(site: OtherSite): Promise<{ file: string; page: Page }> {
  const file = path.join(site.root, ...site.post.split('/'));
  return { file, page: await session.open({ file }) };
}

/** The natural width of each of the preview's images matching `selector` (0 for one not loaded). */
function shownWidths(page: Page, selector: string): Promise<number[]> {
  return page.getByTestId('preview').locator(selector).evaluateAll((imgs) => imgs.map((img) => ((img as HTMLImageElement).complete ? (img as HTMLImageElement).naturalWidth : 0)));
}

/** Each site, the title the author gives its post and how its front matter writes it, and the photos of its tray. */
const WALKS: Array<{ name: string; make: (root: string) => Promise<OtherSite>; title: string; line: string; photos: string[] }> = [
  { name: 'a Hugo TOML page bundle whose cover and photo are linked without ./', make: (root) => hugoTomlBundles(root, 'cover.jpg', 'image'), title: 'KCD Hangzhou 2023', line: 'title = "KCD Hangzhou 2023"', photos: ['cover.jpg', 'stage.jpg'] },
  { name: 'a Hugo post in its language folder (content/zh/news/)', make: hugoLanguageFolders, title: 'KCD 深圳 2023 回顾', line: 'title: "KCD 深圳 2023 回顾"', photos: ['hall.jpg'] },
  { name: 'a Jekyll post in a _posts subfolder (_posts/events/)', make: jekyllSubfolders, title: 'KCD 2021 Recap', line: 'title: "KCD 2021 Recap"', photos: ['keynote.jpg'] },
  { name: 'a Docusaurus blog post in its dated folder', make: docusaurusBlog, title: 'KCD Recap 2024', line: 'title: KCD Recap 2024', photos: ['hallway.jpg'] },
  { name: "a Chirpy post whose photos are below its media_subpath, linked by their names", make: jekyllChirpy, title: 'BoardLight (HTB)', line: 'title: BoardLight (HTB)', photos: ['login page.jpg', 'room_card.jpg', 'room.jpg'] },
];

describe('walks through other real sites', () => {
  for (const [i, w] of WALKS.entries()) {
    it(w.name, async () => {
      const site = await w.make(path.join(session.dir, `site-${i}`));
      const page = await walk(site, w.title, w.photos);
      expect((await fs.readFile(path.join(site.root, site.post), 'utf8')).split('\n')).toContain(w.line);
      await page.context().close();
    });
  }
});

describe("a site whose posts name the cover in Hugo's images list", () => {
  it('the tray marks the listed cover, and "use as cover" puts another photo first in the list, a list still', async () => {
    const site = await hugoTomlBundles(path.join(session.dir, 'hugo-images'), 'cover.jpg', 'images');
    const file = path.join(site.root, ...site.post.split('/'));
    const page = await session.open({ file });
    const card = (name: string) => page.locator(`[data-testid="photo-card"][data-name="${name}"]`);
    await card('cover.jpg').waitFor();
    expect(await card('cover.jpg').locator('.photo-badge.is-cover').count()).toBe(1);
    expect(await page.getByTestId('photo-unused').count()).toBe(0);
    await card('stage.jpg').locator('.photo-thumb').click();
    await card('stage.jpg').getByTestId('photo-cover').click();
    await expect.poll(() => card('stage.jpg').locator('.photo-badge.is-cover').count()).toBe(1);
    await page.keyboard.press('Control+S');
    // Named as Hugo finds a bundle's resource (and as this site's posts write it): no ./ (core/recap/cover.ts coverUrl).
    await expect.poll(() => fs.readFile(file, 'utf8')).toContain('images = ["stage.jpg"]\n');
    await page.context().close();
  });
});

describe("a PaperMod site, whose posts name the cover in a cover: map's image", () => {
  it('the tray marks that cover, and "use as cover" writes the map\'s image (bare), its alt kept', async () => {
    const root = path.join(session.dir, 'papermod');
    await put(root, 'hugo.yaml', 'baseURL: https://example.org/\ntheme: PaperMod\n');
    const post = await put(root, 'content/posts/spring/index.md', '---\ntitle: Spring\ndate: 2026-03-01\ncover:\n  image: cover.jpg\n  alt: The crowd\n---\n\n![The crowd](cover.jpg)\n\n![The stage](stage.jpg)\n');
    await photo(path.join(root, 'content/posts/spring/cover.jpg'), 4);
    await photo(path.join(root, 'content/posts/spring/stage.jpg'), 5);
    const page = await session.open({ file: post });
    const card = (name: string) => page.locator(`[data-testid="photo-card"][data-name="${name}"]`);
    await card('cover.jpg').waitFor();
    await expect.poll(() => card('cover.jpg').locator('.photo-badge.is-cover').count()).toBe(1);
    await card('stage.jpg').locator('.photo-thumb').click();
    await card('stage.jpg').getByTestId('photo-cover').click();
    await expect.poll(() => card('stage.jpg').locator('.photo-badge.is-cover').count()).toBe(1);
    await page.keyboard.press('Control+S');
    await expect.poll(() => fs.readFile(post, 'utf8')).toContain('cover:\n  image: stage.jpg\n  alt: The crowd\n');
    await expect.poll(() => page.getByTestId('problems-button').getAttribute('data-count')).toBe('0');
    await page.context().close();
  });
});

/** Drops the photo `file` (named stage.jpg) on the tray, then inserts it from its card at the end of the text: its card. */
async function dropAndInsert(page: Page, file: string): Promise<Locator> {
  const bytes = (await fs.readFile(file)).toString('base64');
  const dt = await page.evaluateHandle((data) => {
    const t = new DataTransfer();
    t.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], 'stage.jpg', { type: 'image/jpeg' }));
    return t;
  }, bytes);
  await page.getByTestId('photo-tray').dispatchEvent('drop', { dataTransfer: dt });
  const card = page.locator('[data-testid="photo-card"][data-name="stage.jpg"]');
  await card.locator('.photo-thumb').click();
  await page.locator('.editor-pane .w-md-editor-text-input').evaluate((ta) => {
    const t = ta as HTMLTextAreaElement;
    t.focus();
    t.setSelectionRange(t.value.length, t.value.length);
  });
  await card.getByTestId('photo-insert').click();
  return card;
}

/** On a site published under a base path: the post `post` opened (its photo folder kcd-porto), the photo `file` dropped and inserted is linked as `link` says, its card used, the preview shows it and nothing is a problem. */
async function insertedUnderBase(post: string, file: string, link: RegExp): Promise<Page> {
  const page = await session.open({ file: post });
  await expect.poll(() => page.getByTestId('photo-folder').textContent()).toBe('kcd-porto');
  const card = await dropAndInsert(page, file);
  await expect.poll(() => page.locator('.editor-pane .w-md-editor-text-input').inputValue()).toMatch(link);
  await expect.poll(() => card.getAttribute('data-used')).toBe('1');
  await expect.poll(() => page.getByTestId('preview').locator('img').evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
  await expect.poll(() => page.getByTestId('problems-button').getAttribute('data-count')).toBe('0');
  return page;
}

describe('a photo added to a plain-file Hugo post', () => {
  it('dropped on the tray and inserted, it lands in static/images/news/<slug>/ with a site-absolute link, lints clean and exports in place', async () => {
    const site = await hugoPlainNews(path.join(session.dir, 'hugo-plain'));
    const file = path.join(site.root, ...site.post.split('/'));
    const page = await session.open({ file });
    await expect.poll(() => page.getByTestId('photo-folder').textContent()).toBe('autumn-meetup');
    await dropAndInsert(page, await photo(path.join(session.dir, 'camera', 'stage.jpg'), 3));
    await expect.poll(() => page.getByTestId('problems-button').getAttribute('data-count')).toBe('0');
    await page.keyboard.press('Control+E');
    await expect.poll(() => page.getByTestId('export-checks-ok').count()).toBe(1);
    await page.getByTestId('export-run').click();
    await page.getByTestId('export-done').waitFor();
    expect(await fs.readFile(file, 'utf8')).toMatch(/!\[[^\]]*\]\(\/images\/news\/autumn-meetup\/stage\.jpg\)\n$/);
    expect(await listFiles(site.root)).toEqual(['config.yaml', 'content/news/autumn-meetup.md', 'content/news/spring-meetup.md', 'static/images/news/autumn-meetup/stage.jpg', 'static/images/news/spring-meetup/crowd.jpg']);
    await page.context().close();
  });
});

describe('a Jekyll post exported into a second checkout of its site', () => {
  it('goes to the path it has in its own site (_posts/events/), the dialog says so, its photo where the site keeps it', async () => {
    const site = await jekyllSubfolders(path.join(session.dir, 'jekyll-a'));
    const clone = path.join(session.dir, 'jekyll-b');
    await jekyllSubfolders(clone);
    await fs.rm(path.join(clone, site.post));
    await fs.rm(path.join(clone, 'assets/images/kcd'), { recursive: true });
    const before = await listFiles(clone);
    const page = await session.open({ file: path.join(site.root, ...site.post.split('/')) });
    await expect.poll(() => page.getByTestId('problems-button').getAttribute('data-count')).toBe('0');
    await page.keyboard.press('Control+E');
    await expect.poll(() => page.getByTestId('export-site').inputValue()).toBe(site.root);
    // The second checkout, typed as a path and added to the sites.
    await page.getByTestId('export-site-path').fill(clone);
    await page.getByTestId('export-add-site').click();
    await expect.poll(() => page.getByTestId('export-site').inputValue()).toBe(clone);
    await expect.poll(() => page.getByTestId('export-post').textContent()).toContain(`${site.post} — where it lives in its own site`);
    await expect.poll(() => page.getByTestId('export-checks-ok').count()).toBe(1);
    await page.getByTestId('export-run').click();
    await page.getByTestId('export-done').waitFor();
    expect(await listFiles(clone)).toEqual([...before, 'assets/images/kcd/keynote.jpg', site.post].sort());
    expect(await fs.readFile(path.join(clone, site.post), 'utf8')).toBe(await fs.readFile(path.join(site.root, site.post), 'utf8'));
    await page.context().close();
  });
});

describe('a photo added to a post of a Jekyll site published under its baseurl (a GitHub Pages project site)', () => {
  it('dropped on the tray and inserted, it is linked {{ site.baseurl }}/assets/images/<slug>/…, shown, used and lint clean; a link without the base is a warning', async () => {
    const root = path.join(session.dir, 'jekyll-project');
    await put(root, '_config.yml', 'title: Events\nbaseurl: /events\n');
    const file = await put(root, '_posts/2024-05-01-kcd-porto.md', '---\nlayout: post\ntitle: "KCD Porto"\ndate: 2024-05-01\n---\n\nThe day.\n');
    const page = await insertedUnderBase(file, await photo(path.join(session.dir, 'camera-project', 'stage.jpg'), 4), /!\[[^\]]*\]\(\{\{ site\.baseurl \}\}\/assets\/images\/kcd-porto\/stage\.jpg\)/);
    const editor = page.locator('.editor-pane .w-md-editor-text-input');

    // The same photo linked without the base: the site would show it missing.
    await editor.focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('\n![Again](/assets/images/kcd-porto/stage.jpg)\n');
    await expect.poll(() => page.getByTestId('problems-button').getAttribute('data-count')).toBe('1');
    await page.getByTestId('problems-button').click();
    await expect.poll(() => page.locator('.problems-panel').textContent()).toContain('This site is published under /events/ (its baseurl)');
    await page.context().close();
  });
});

describe('a photo added to a post of a Hugo site published under its baseURL\'s path', () => {
  it('dropped on the tray and inserted, it is linked /<base>/images/news/<slug>/…, shown, used and lint clean, and exports into static/images/news/<slug>/', async () => {
    const root = path.join(session.dir, 'hugo-project');
    await put(root, 'config.yaml', 'baseURL: https://org.github.io/meetups/\ntitle: Meetups\n');
    const file = await put(root, 'content/news/kcd-porto.md', '---\ntitle: "KCD Porto"\ndate: 2024-05-01\ndescription: "KCD Porto: talks and photos."\n---\n\nThe day.\n');
    const page = await insertedUnderBase(file, await photo(path.join(session.dir, 'camera-hugo-project', 'stage.jpg'), 5), /!\[[^\]]*\]\(\/meetups\/images\/news\/kcd-porto\/stage\.jpg\)/);
    await page.keyboard.press('Control+E');
    await expect.poll(() => page.getByTestId('export-checks-ok').count()).toBe(1);
    await page.getByTestId('export-run').click();
    await page.getByTestId('export-done').waitFor();
    expect(await fs.readFile(file, 'utf8')).toMatch(/!\[[^\]]*\]\(\/meetups\/images\/news\/kcd-porto\/stage\.jpg\)\n$/);
    expect(await listFiles(root)).toEqual(['config.yaml', 'content/news/kcd-porto.md', 'static/images/news/kcd-porto/stage.jpg']);
    await page.context().close();
  });
});

describe('a post of a Chirpy site, its photos below its media_subpath', () => {
  it('the preview shows them, the tray marks the cover of its image: map and sets another by its name, and a dropped photo goes to that folder, linked by its name, lint clean', async () => {
    const site = await jekyllChirpy(path.join(session.dir, 'chirpy'));
    const { file, page } = await openPost(site);
    await expect.poll(() => page.getByTestId('photo-folder').textContent()).toBe('BoardLight');
    const shown = (): Promise<number[]> => shownWidths(page, 'img');
    await expect.poll(shown).toEqual([96, 96]);
    const card = (name: string) => page.locator(`[data-testid="photo-card"][data-name="${name}"]`);
    await expect.poll(() => card('room.jpg').locator('.photo-badge.is-cover').count()).toBe(1);
    // "Use as cover" writes the map's path, by the name below the media_subpath, its alt kept.
    await card('room_card.jpg').locator('.photo-thumb').click();
    await card('room_card.jpg').getByTestId('photo-cover').click();
    await expect.poll(() => card('room_card.jpg').locator('.photo-badge.is-cover').count()).toBe(1);
    const dropped = await dropAndInsert(page, await photo(path.join(session.dir, 'camera-chirpy', 'stage.jpg'), 8));
    await expect.poll(() => page.locator('.editor-pane .w-md-editor-text-input').inputValue()).toMatch(/!\[[^\]]*\]\(stage\.jpg\)/);
    await expect.poll(() => dropped.getAttribute('data-used')).toBe('1');
    await expect.poll(shown).toEqual([96, 96, 96]);
    await expect.poll(() => page.getByTestId('problems-button').getAttribute('data-count')).toBe('0');
    expect(await listFiles(path.join(site.root, 'assets/img/htb/BoardLight'))).toEqual(['login page.jpg', 'room.jpg', 'room_card.jpg', 'stage.jpg']);
    await page.keyboard.press('Control+S');
    await expect.poll(() => fs.readFile(file, 'utf8')).toContain('image:\n  path: room_card.jpg\n  alt: The room\n');
    await page.context().close();
  });
});

describe("a post of an al-folio site, its photos shown by the theme's figure include", () => {
  it('the preview shows them, the tray counts them as used, sets an alt in the call and copies one into the post\'s folder, relinking the call; lint clean throughout', async () => {
    const site = await jekyllAlFolio(path.join(session.dir, 'al-folio'));
    const { page } = await openPost(site);
    const shown = (): Promise<number[]> => shownWidths(page, 'figure img');
    await expect.poll(shown).toEqual([96, 96]);
    expect(await page.getByTestId('preview').textContent()).not.toContain('include');
    const card = (name: string) => page.locator(`[data-testid="linked-photo-card"][data-name="${name}"]`);
    await expect.poll(() => card('9.jpg').getAttribute('data-used')).toBe('1');
    await expect.poll(() => card('7.jpg').getAttribute('data-used')).toBe('1');
    await expect.poll(() => page.getByTestId('problems-button').getAttribute('data-count')).toBe('0');
    const text = (): Promise<string> => page.locator('.editor-pane .w-md-editor-text-input').inputValue();
    // Its alt text goes into the call, after its path.
    await card('7.jpg').locator('.photo-thumb').click();
    await card('7.jpg').getByTestId('photo-alt').fill('The hallway');
    await expect.poll(text).toContain('{% include figure.liquid path="assets/img/7.jpg" alt="The hallway" class="img-fluid rounded z-depth-1" zoomable=true %}');
    await expect.poll(() => page.getByTestId('preview').locator('figure img').nth(1).getAttribute('alt')).toBe('The hallway');
    await shoot(page, 'al-folio-figure');
    // Copied into the post's own folder (a Jekyll site's assets/images/<slug>/): the call's path names the copy, the rest of it as written.
    await card('9.jpg').locator('.photo-thumb').click();
    await card('9.jpg').getByTestId('linked-copy').click();
    await expect.poll(text).toContain('{% include figure.liquid path="assets/images/images/9.jpg" class="img-fluid rounded z-depth-1" %}');
    await expect.poll(() => page.locator('[data-testid="photo-card"][data-name="9.jpg"]').getAttribute('data-used')).toBe('1');
    await expect.poll(shown).toEqual([96, 96]);
    await expect.poll(() => page.getByTestId('problems-button').getAttribute('data-count')).toBe('0');
    expect(await listFiles(path.join(site.root, 'assets'))).toEqual(['images/images/9.jpg', 'img/7.jpg', 'img/9.jpg']);
    await page.context().close();
  });
});

describe("a Minimal Mistakes post, its photos named by the theme's front matter", () => {
  it('the preview shows its gallery; the tray counts the header and gallery photos as used, each with its field; a shared one copied into the folder has its field relinked; lint clean throughout', async () => {
    const site = await jekyllMinimalMistakes(path.join(session.dir, 'minimal-mistakes'));
    await photo(path.join(site.root, 'assets/images/kcd-porto/spare.jpg'), 60);
    const { file, page } = await openPost(site);
    const card = (name: string) => page.locator(`[data-testid="photo-card"][data-name="${name}"]`);
    await expect.poll(() => page.getByTestId('photo-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-name')))).toEqual(['hall-th.jpg', 'hall.jpg', 'spare.jpg', 'stage-th.jpg', 'stage.jpg']);
    // Only the photo nothing names is unused.
    await expect.poll(() => page.getByTestId('photo-unused').count()).toBe(1);
    await expect(card('spare.jpg').getByTestId('photo-unused').count()).resolves.toBe(1);
    // The site's posts take header.overlay_image as the cover; the teaser and the gallery are the theme's other fields.
    await expect.poll(() => card('hall.jpg').locator('.photo-badge.is-cover').count()).toBe(1);
    await expect.poll(() => card('hall-th.jpg').getByTestId('photo-field').textContent()).toBe('header.teaser');
    await expect.poll(() => card('stage-th.jpg').getByTestId('photo-field').textContent()).toBe('gallery.image_path');
    await card('hall-th.jpg').locator('.photo-thumb').click();
    await expect.poll(() => card('hall-th.jpg').getByTestId('photo-fields-help').textContent()).toContain('(header.teaser)');
    await expect.poll(() => page.getByTestId('problems-button').getAttribute('data-count')).toBe('0');
    // The preview shows the gallery include as the theme writes it: its photo's thumbnail and the caption.
    await expect.poll(() => shownWidths(page, 'figure.recap-gallery img')).toEqual([96]);
    await expect.poll(() => page.getByTestId('preview').locator('figure.recap-gallery figcaption').textContent()).toBe('The day.');
    expect(await page.getByTestId('preview').textContent()).not.toContain('include gallery');
    await shoot(page, 'minimal-mistakes-fields');
    // The shared logo is "also in this recap"; copied into the post's folder, its field names the copy.
    const logo = page.locator('[data-testid="linked-photo-card"][data-name="logo.png"]');
    await expect.poll(() => logo.getByTestId('photo-field').textContent()).toBe('gallery.url');
    await logo.locator('.photo-thumb').click();
    await logo.getByTestId('linked-copy').click();
    await expect.poll(() => card('logo.png').getByTestId('photo-field').textContent()).toBe('gallery.url');
    await expect.poll(() => page.getByTestId('toast').last().textContent()).toContain('logo.png is in this recap’s folder now; the front matter’s gallery.url names it.');
    await expect.poll(() => page.getByTestId('problems-button').getAttribute('data-count')).toBe('0');
    await page.keyboard.press('Control+S');
    await expect.poll(() => fs.readFile(file, 'utf8')).toContain('  - url: /assets/images/kcd-porto/logo.png\n');
    expect(await listFiles(path.join(site.root, 'assets/images'))).toEqual(['kcd-porto/hall-th.jpg', 'kcd-porto/hall.jpg', 'kcd-porto/logo.png', 'kcd-porto/spare.jpg', 'kcd-porto/stage-th.jpg', 'kcd-porto/stage.jpg', 'shared/logo.png']);
    // The teaser's file gone: a problem on its field, which goes to the field's row in the form.
    await fs.rm(path.join(site.root, 'assets/images/kcd-porto/hall-th.jpg'));
    await page.getByTestId('field-title').fill('KCD Porto 2024');
    await expect.poll(() => page.getByTestId('problems-button').getAttribute('data-count')).toBe('1');
    await page.getByTestId('problems-button').click();
    await expect.poll(() => page.locator('.problem').textContent()).toContain('that the field header.teaser names does not exist');
    await page.locator('.problem').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-sub-key]')?.getAttribute('data-sub-key') ?? null)).toBe('teaser');
    expect(await page.evaluate(() => document.activeElement?.closest('[data-field-key]')?.getAttribute('data-field-key'))).toBe('header');
    await shoot(page, 'minimal-mistakes-field-problem');
    await page.context().close();
  });
});

describe("a Congo page bundle, its cover and thumbnail named by resource patterns", () => {
  it('the tray takes the photos the patterns match as the cover and the thumbnail, the other one unused; no problem', async () => {
    const site = await hugoCongoBundle(path.join(session.dir, 'congo'));
    const { page } = await openPost(site);
    const card = (name: string) => page.locator(`[data-testid="photo-card"][data-name="${name}"]`);
    await expect.poll(() => page.getByTestId('photo-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-name')))).toEqual(['hall-cover.jpg', 'spare.jpg', 'stage-thumb.jpg']);
    await expect.poll(() => card('hall-cover.jpg').locator('.photo-badge.is-cover').count()).toBe(1);
    await expect.poll(() => card('stage-thumb.jpg').getByTestId('photo-field').textContent()).toBe('thumbnail');
    await expect.poll(() => page.getByTestId('photo-unused').count()).toBe(1);
    expect(await card('spare.jpg').getByTestId('photo-unused').count()).toBe(1);
    await expect.poll(() => page.getByTestId('problems-button').getAttribute('data-count')).toBe('0');
    await shoot(page, 'congo-patterns');
    await page.context().close();
  });

  it("the photo its theme's screenshot shortcode finds by name is used, with the call on its card, and shown; a call that finds none is a problem", async () => {
    const site = await hugoCongoBundle(path.join(session.dir, 'congo-screenshot'));
    const post = path.join(site.root, ...site.post.split('/'));
    await fs.appendFile(post, '\n{{< screenshot src="spare" alt="The spare room" >}}\n');
    const { page } = await openPost(site);
    const spare = page.locator('[data-testid="photo-card"][data-name="spare.jpg"]');
    await expect.poll(() => spare.getByTestId('photo-field').textContent()).toBe('{{< screenshot >}}');
    await expect.poll(() => page.getByTestId('photo-unused').count()).toBe(0);
    await spare.locator('.photo-thumb').click();
    await expect.poll(() => spare.getByTestId('photo-shortcodes-help').textContent()).toContain('finds it among the page bundle');
    // The preview shows the photo the call finds, as the theme does.
    await expect.poll(() => shownWidths(page, 'img[alt="The spare room"]')).toEqual([96]);
    await expect.poll(() => page.getByTestId('problems-button').getAttribute('data-count')).toBe('0');
    const editor = page.locator('.editor-pane .w-md-editor-text-input');
    await editor.focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('\n{{< screenshot src="crowd" >}}\n');
    await expect.poll(() => page.getByTestId('problems-button').getAttribute('data-count')).toBe('1');
    await page.getByTestId('problems-button').click();
    await expect.poll(() => page.locator('.problems-panel').textContent()).toContain('The {{< screenshot >}} call names crowd, which matches no file of this page bundle');
    await expect.poll(() => page.getByTestId('preview').textContent()).toContain('no file of this page bundle matches *crowd*, which its {{< screenshot >}} looks for');
    await shoot(page, 'congo-screenshot-shortcode');
    await page.context().close();
  });
});
