// Scroll sync while the preview settles: the photos above the place the author scrolled to load
// after the scroll and change the preview's height. The pane the author scrolled stays exactly
// where the author left it; the other pane follows it, never the other way round.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { editorTopOf, ready, referenceRecap, sessionForFile } from './harness';

const { session: started, write } = sessionForFile();

const PHOTOS = ['kcd-china-event', 'kcd-beijing-organizers', 'guest-speakers', 'kcd-event', 'kcd-event-2', 'kcd-event-3'];
const paragraph = (n: number): string => `Paragraph ${n} of the afternoon: ${'talks, demos and questions from the audience, '.repeat(6)}and a long queue for coffee.`;

/** A Hugo site with the reference recap (its six photos, tall ones) and two long sections after them. */
async function siteWithPhotos(name: string): Promise<string> {
  const site = path.dirname(await write(`${name}/hugo.toml`, 'baseURL = "https://example.org/"\ntitle = "Community"\n'));
  const images = path.join(site, 'static', 'images', 'news', 'kcd-china');
  await fs.mkdir(images, { recursive: true });
  for (const [i, photo] of PHOTOS.entries()) {
    await sharp({ create: { width: 600, height: 700, channels: 3, background: { r: 30 * i, g: 110, b: 190 } } }).png().toFile(path.join(images, `${photo}.png`));
  }
  const base = await fs.readFile(referenceRecap, 'utf8');
  const more = ['## Photos', ...Array.from({ length: 10 }, (_, i) => paragraph(i)), '## Slides and recordings', ...Array.from({ length: 14 }, (_, i) => paragraph(i + 10))];
  return write(`${name}/content/en/news/${name}.md`, `${base.trimEnd()}\n\n${more.join('\n\n')}\n`);
}

interface Held {
  page: Page;
  /** Lets the photos' bytes through: all of them, or those named (`kcd-event`). */
  release(names?: string[]): void;
  /** Resolves once the named photos have arrived and decoded, and both panes are still. */
  arrived(names: string[]): Promise<void>;
  /** Resolves once every photo asked for has arrived and decoded, and both panes are still. */
  settled(): Promise<void>;
}

/** The recap opened with its photos' bytes held back: the preview lays out without them. */
async function openHoldingPhotos(file: string): Promise<Held> {
  const session = started();
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  // The photos let through (null: all), and the requests waiting for theirs.
  let open: Set<string> | null = new Set();
  const waiting: Array<() => void> = [];
  const photoOf = (url: string): string => /([\w-]+)\.png/.exec(decodeURIComponent(url))?.[1] ?? '';
  const release = (names?: string[]): void => {
    if (names === undefined) open = null;
    else for (const n of names) open?.add(n);
    for (const wake of waiting.splice(0)) wake();
  };
  let asked = 0;
  let answered = 0;
  const arrivedNames = new Set<string>();
  await context.route(/\/asset\?/, async (route) => {
    asked++;
    const name = photoOf(route.request().url());
    while (open !== null && !open.has(name)) await new Promise<void>((wake) => waiting.push(wake));
    await route.continue();
  });
  const page = await context.newPage();
  const answer = (r: { url(): string }): void => {
    if (!/\/asset\?/.test(r.url())) return;
    answered++;
    arrivedNames.add(photoOf(r.url()));
  };
  page.on('requestfinished', answer);
  page.on('requestfailed', answer);
  page.on('pageerror', (err) => console.error('[page error]', err.message));
  await page.goto(`${session.server.url}&file=${encodeURIComponent(file)}`);
  await ready(page);
  await editor(page).waitFor({ state: 'visible' });
  await heading(page, 'Slides and recordings').waitFor({ state: 'visible' });
  // The image lookups answered: every photo is an <img> now, its bytes still held.
  await expect.poll(() => page.locator('.preview-pane .img-notice').count()).toBe(0);
  await expect.poll(() => page.locator('.preview-pane img').count()).toBe(PHOTOS.length);
  const settled = async (): Promise<void> => {
    // A photo that grows can bring a lazy one near the view, which is then asked for: until none is.
    do {
      await expect.poll(() => asked > 0 && answered === asked).toBe(true);
      await still(page);
    } while (answered !== asked);
  };
  const arrived = async (names: string[]): Promise<void> => {
    await expect.poll(() => names.every((n) => arrivedNames.has(n))).toBe(true);
    await still(page);
  };
  return { page, release, arrived, settled };
}

const editor = (page: Page) => page.locator('.editor-pane .w-md-editor-text-input');
const preview = (page: Page) => page.locator('.preview-pane');
const heading = (page: Page, name: string) => page.locator('.preview-pane h2', { hasText: name });

/** Both panes' scroll positions. */
const positions = (page: Page) =>
  page.evaluate(() => ({
    editor: document.querySelector<HTMLElement>('.editor-pane .w-md-editor-text-input')!.scrollTop,
    preview: document.querySelector<HTMLElement>('.preview-pane')!.scrollTop,
  }));

/**
 * Resolves once neither pane has scrolled for 20 frames in a row and every photo that loads has
 * decoded (a condition on the page's own frames, not a wait of a set time).
 */
const still = (page: Page) =>
  page.evaluate(async () => {
    const images = [...document.querySelectorAll<HTMLImageElement>('.preview-pane img')];
    await Promise.all(images.filter((i) => i.complete || i.loading !== 'lazy').map((i) => i.decode().catch(() => undefined)));
    const panes = [document.querySelector<HTMLElement>('.editor-pane .w-md-editor-text-input')!, document.querySelector<HTMLElement>('.preview-pane')!];
    const where = (): string => panes.map((p) => p.scrollTop).join(':');
    let last = where();
    let calm = 0;
    while (calm < 20) {
      await new Promise((r) => requestAnimationFrame(r));
      const now = where();
      calm = now === last ? calm + 1 : 0;
      last = now;
    }
  });

/** The author's wheel over a pane, until that pane has come to rest. */
async function wheel(page: Page, pane: 'editor' | 'preview', dy: number): Promise<void> {
  const box = (await (pane === 'editor' ? editor(page) : preview(page)).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 300));
  await page.mouse.wheel(0, dy);
  await still(page);
}

/** How many photos have arrived. */
const loadedPhotos = (page: Page) => page.locator('.preview-pane img').evaluateAll((imgs) => imgs.filter((i) => (i as HTMLImageElement).naturalWidth > 0).length);

/**
 * The author scrolls the text to a few pixels into the line of the fifth photo, so the preview's
 * place is inside that photo's block, which grows as it loads; the preview follows. Both panes'
 * positions then.
 */
async function scrollTextIntoFifthPhoto(page: Page): Promise<{ editor: number; preview: number }> {
  await still(page);
  await wheel(page, 'editor', (await editorTopOf(page, '![kcd-event-2]')) + 10);
  const left = await positions(page);
  expect(left.editor).toBeGreaterThan(0);
  expect(left.preview).toBeGreaterThan(0);
  return left;
}

describe('scroll sync while the preview settles', () => {
  it('leaves the editor where the author scrolled it when the photos above load', async () => {
    const { page, release, settled } = await openHoldingPhotos(await siteWithPhotos('settle-editor'));
    const left = await scrollTextIntoFifthPhoto(page);
    const heightBefore = await preview(page).evaluate((p) => p.scrollHeight);
    release();
    await settled();
    expect(await loadedPhotos(page)).toBeGreaterThan(0);
    // The photos changed the preview's height (else this test proves nothing)...
    expect(await preview(page).evaluate((p) => p.scrollHeight)).not.toBe(heightBefore);
    // ...and the editor is exactly where the author left it.
    expect((await positions(page)).editor).toBe(left.editor);
    // The preview was brought back to the editor's place: the same mapping as a fresh scroll gives.
    const aligned = (await positions(page)).preview;
    await editor(page).evaluate((ta) => (ta.scrollTop -= 1));
    await still(page);
    await editor(page).evaluate((ta) => (ta.scrollTop += 1));
    await still(page);
    expect(Math.abs((await positions(page)).preview - aligned)).toBeLessThanOrEqual(2);
    await page.context().close();
  });

  it('leaves the editor where the author scrolled it when the photos above load one by one, then the one it shows', async () => {
    const { page, release, arrived } = await openHoldingPhotos(await siteWithPhotos('settle-one-by-one'));
    const left = await scrollTextIntoFifthPhoto(page);
    // Each photo above grows alone: the browser keeps the preview's content in place, which is
    // where sync puts it too; then the photo the preview's place is in grows.
    for (const photo of PHOTOS.slice(0, 4)) {
      release([photo]);
      await arrived([photo]);
      expect((await positions(page)).editor).toBe(left.editor);
    }
    release();
    await arrived(['kcd-event-2']);
    expect(await loadedPhotos(page)).toBeGreaterThanOrEqual(5);
    expect((await positions(page)).editor).toBe(left.editor);
    await page.context().close();
  });

  it('leaves the preview where the author scrolled it when the photos above load', async () => {
    const { page, release, settled } = await openHoldingPhotos(await siteWithPhotos('settle-preview'));
    await still(page);
    // The author scrolls the preview to its "Photos" heading; the editor follows.
    const offset = await heading(page, 'Photos').evaluate((h) => h.getBoundingClientRect().top - h.closest('.preview-pane')!.getBoundingClientRect().top);
    await wheel(page, 'preview', offset);
    const headingTop = () => heading(page, 'Photos').evaluate((h) => h.getBoundingClientRect().top - h.closest('.preview-pane')!.getBoundingClientRect().top);
    const shown = await headingTop();
    const heightBefore = await preview(page).evaluate((p) => p.scrollHeight);
    const editorBefore = (await positions(page)).editor;
    expect(editorBefore).toBeGreaterThan(0);

    release();
    await settled();
    expect(await loadedPhotos(page)).toBeGreaterThan(0);
    expect(await preview(page).evaluate((p) => p.scrollHeight)).not.toBe(heightBefore);
    // What the author was reading is still where it was in the preview (the photos above it
    // grew: the browser keeps the content in place, and sync does not pull it back)...
    expect(Math.abs((await headingTop()) - shown)).toBeLessThan(1);
    // ...and the editor still shows the same place in the text.
    expect(Math.abs((await positions(page)).editor - editorBefore)).toBeLessThanOrEqual(2);
    await page.context().close();
  });
});
