// Scroll sync between the editor and the preview, by source position: a heading brought to the
// top of one pane comes to the top of the other, both ways, and the switch turns it off.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorTopOf, referenceRecap, root, startSession, type Session } from './harness';

let session: Session;

beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

const paragraph = (n: number): string => `Paragraph ${n} of the afternoon: ${'talks, demos and questions from the audience, '.repeat(6)}and a long queue for coffee.`;

/** The reference recap with two late sections, long enough for both panes to scroll. */
async function openLong(name: string): Promise<Page> {
  const file = path.join(session.dir, name);
  const base = await fs.readFile(referenceRecap, 'utf8');
  const more = ['## Photos', ...Array.from({ length: 8 }, (_, i) => paragraph(i)), '## Slides and recordings', ...Array.from({ length: 14 }, (_, i) => paragraph(i + 8))];
  await fs.writeFile(file, `${base.trimEnd()}\n\n${more.join('\n\n')}\n`);
  const page = await session.open({ file });
  await editor(page).waitFor({ state: 'visible' });
  await heading(page, 'Slides and recordings').waitFor({ state: 'visible' });
  // The preview settles first: image lookups change its layout.
  await expect.poll(() => page.locator('.preview-pane .img-notice.is-pending').count()).toBe(0);
  return page;
}

const editor = (page: Page) => page.locator('.editor-pane .w-md-editor-text-input');
const heading = (page: Page, name: string) => page.locator('.preview-pane h2', { hasText: name });

/** Where a heading's top is below the preview pane's top, in pixels. */
const headingOffset = (page: Page, name: string) =>
  heading(page, name).evaluate((h) => {
    const pane = h.closest('.preview-pane')!;
    return h.getBoundingClientRect().top - pane.getBoundingClientRect().top;
  });


/** Two frames: scroll sync answers a scroll on the next one. */
const frames = (page: Page) => page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));

/** The editor scrolled to `top` and the preview synced to it: the points are measured. */
async function syncedAt(page: Page, top: number, name: string): Promise<void> {
  await editor(page).evaluate((ta, top) => (ta.scrollTop = top), top);
  await expect.poll(async () => Math.abs(await headingOffset(page, name))).toBeLessThan(4);
}

/** The caret at the start of the text, to type above everything. */
const caretAtStart = (page: Page) =>
  editor(page).evaluate((ta) => {
    const textarea = ta as HTMLTextAreaElement;
    textarea.focus();
    textarea.setSelectionRange(0, 0);
  });

describe('scroll sync', () => {
  it('brings the heading at the top of the editor to the top of the preview', async () => {
    const page = await openLong('sync-editor.md');
    for (const name of ['Photos', 'Event at a Glance']) {
      const top = await editorTopOf(page, `## ${name}`);
      expect(top).toBeGreaterThan(0);
      await editor(page).evaluate((ta, top) => (ta.scrollTop = top), top);
      await expect.poll(async () => Math.abs(await headingOffset(page, name))).toBeLessThan(4);
      // The preview's scroll did not scroll the editor back (no feedback loop).
      await frames(page);
      expect(await editor(page).evaluate((ta) => ta.scrollTop)).toBe(top);
    }
    await page.context().close();
  });

  it('brings the heading at the top of the preview to the top of the editor', async () => {
    const page = await openLong('sync-preview.md');
    for (const name of ['Slides and recordings', 'Event Organizers']) {
      await heading(page, name).evaluate((h) => {
        const pane = h.closest('.preview-pane')!;
        pane.scrollTop += h.getBoundingClientRect().top - pane.getBoundingClientRect().top;
      });
      const top = await editorTopOf(page, `## ${name}`);
      await expect.poll(async () => Math.abs((await editor(page).evaluate((ta) => ta.scrollTop)) - top)).toBeLessThan(4);
      await frames(page);
      expect(Math.abs(await headingOffset(page, name))).toBeLessThan(4);
    }
    const shots = path.join(root, 'test-results', 'screenshots');
    await fs.mkdir(shots, { recursive: true });
    await page.screenshot({ path: path.join(shots, 'scroll-sync.png') });
    await page.context().close();
  });

  it('measures again once typing pauses: lines typed above a heading still bring it to the top of the preview', async () => {
    const page = await openLong('sync-typed.md');
    const name = 'Photos';
    // Synced once, so the points are measured; then four lines typed at the top of the text
    // (a few characters: the last points serve until typing pauses, then they are measured again).
    let top = await editorTopOf(page, `## ${name}`);
    await syncedAt(page, top, name);
    await caretAtStart(page);
    for (let i = 0; i < 4; i++) await page.keyboard.type('New line\n');
    top = await editorTopOf(page, `## ${name}`);
    // Each try scrolls the editor away and back; the preview follows with whatever points it has.
    await expect
      .poll(async () => {
        await editor(page).evaluate((ta) => (ta.scrollTop = 0));
        await frames(page);
        await editor(page).evaluate((ta, top) => (ta.scrollTop = top), top);
        await frames(page);
        await frames(page);
        return Math.abs(await headingOffset(page, name));
      })
      .toBeLessThan(4);
    await page.context().close();
  });

  it('measures again only once a burst of typing has paused, never between its keys', async () => {
    const page = await openLong('sync-burst.md');
    const name = 'Photos';
    const top = await editorTopOf(page, `## ${name}`);
    await syncedAt(page, top, name);
    // Each measurement lays out a copy of the text in a hidden element added to the body.
    await page.evaluate(() => {
      const w = window as unknown as { mirrors: number };
      w.mirrors = 0;
      new MutationObserver((records) => {
        for (const r of records) for (const n of r.addedNodes) if (n instanceof HTMLDivElement && n.style.left === '-9999px') w.mirrors++;
      }).observe(document.body, { childList: true });
    });
    const mirrors = () => page.evaluate(() => (window as unknown as { mirrors: number }).mirrors);
    // From here the page's timers, frames and idle callbacks run only as the test moves its clock.
    await page.clock.install();
    await page.clock.pauseAt(Date.now() + 1000);
    await caretAtStart(page);
    await page.keyboard.type('New line\n');
    // A scroll after the edit syncs with the last points and asks for new ones after a pause.
    await editor(page).evaluate((ta, top) => (ta.scrollTop = top - 40), top);
    await page.clock.runFor(50);
    // Counted from here, once the text is edited: until then the preview growing (a lazy photo
    // loading in as the sync scrolled to it) is measured at once, as it should be.
    await page.evaluate(() => void ((window as unknown as { mirrors: number }).mirrors = 0));
    // Keys 0.6 s apart, for 2.4 s: the pause never comes, so neither does the measurement.
    for (let i = 0; i < 4; i++) {
      await page.clock.runFor(600);
      await page.keyboard.type('x');
      expect(await mirrors(), `after key ${i}`).toBe(0);
    }
    await page.clock.runFor(600);
    expect(await mirrors()).toBe(0);
    // The pause: measured once (after the second, from the last key, and two idle moments).
    await expect
      .poll(async () => {
        await page.clock.runFor(200);
        return mirrors();
      })
      .toBeGreaterThan(0);
    await page.context().close();
  });

  it('can be turned off, and stays off', async () => {
    const page = await openLong('sync-off.md');
    const toggle = page.getByRole('button', { name: 'Scroll the preview with the text' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    const before = await page.locator('.preview-pane').evaluate((p) => p.scrollTop);
    const top = await editorTopOf(page, '## Photos');
    await editor(page).evaluate((ta, top) => (ta.scrollTop = top), top);
    await frames(page);
    await frames(page);
    expect(await page.locator('.preview-pane').evaluate((p) => p.scrollTop)).toBe(before);

    // Remembered: a new window of the app starts with it off.
    expect(await page.evaluate(() => localStorage.getItem('recap-studio.scroll-sync'))).toBe('0');
    await page.reload();
    await page.waitForFunction(() => (window as unknown as { __recapReady?: boolean }).__recapReady === true);
    await editor(page).waitFor({ state: 'visible' });
    await heading(page, 'Slides and recordings').waitFor({ state: 'visible' });
    await expect.poll(() => page.locator('.preview-pane .img-notice.is-pending').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Scroll the preview with the text' }).getAttribute('aria-pressed')).toBe('false');
    // And on again: the preview comes to where the text is.
    await editor(page).evaluate((ta, top) => (ta.scrollTop = top), top);
    await page.getByRole('button', { name: 'Scroll the preview with the text' }).click();
    await expect.poll(async () => Math.abs(await headingOffset(page, 'Photos'))).toBeLessThan(4);
    await page.context().close();
  });
});
