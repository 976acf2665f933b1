// The keyboard alone: the skip links at the top of the Tab order, a dialog opened from the
// keyboard that keeps Tab and Shift+Tab inside and gives the focus back on Escape, and a
// visible focus ring on every stop of the Tab order, in the light and the dark theme.
// SCREENSHOTS_DIR=dir also writes the skip link as it shows there.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceRecap, startSession, type Session } from './harness';
import { openInTheme, type Scheme } from './themed-page';

let session: Session;
let recap: string;

beforeAll(async () => {
  session = await startSession();
  recap = path.join(session.dir, 'kcd.md');
  await fs.copyFile(referenceRecap, recap);
});
afterAll(async () => {
  await session?.close();
});

async function editorPage(scheme: Scheme): Promise<Page> {
  const page = await openInTheme(session, scheme, recap);
  await page.locator('.editor-pane .w-md-editor-text-input').waitFor();
  await page.getByTestId('field-title').waitFor();
  return page;
}

/** What has the focus: its test id, else its accessible name, else its tag and class. */
const focused = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    return el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? `${el.tagName.toLowerCase()}.${el.className}`;
  });

/** The next Tab goes to the first stop of the page (the body takes the focus, as after a load). */
async function fromTop(page: Page): Promise<void> {
  await page.evaluate(() => {
    document.body.tabIndex = -1;
    document.body.focus();
    document.body.removeAttribute('tabindex');
  });
}

const inDialog = (page: Page): Promise<boolean> => page.evaluate(() => document.activeElement?.closest('[role="dialog"][aria-modal="true"]') != null);

describe('keyboard', () => {
  it('opens the export dialog from the keyboard, keeps Tab inside it, and Escape gives the focus back to Export', async () => {
    const page = await editorPage('light');
    await fromTop(page);
    let presses = 0;
    while ((await focused(page)) !== 'btn-export') {
      await page.keyboard.press('Tab');
      expect(++presses, 'Export is reached by Tab from the top of the page').toBeLessThan(30);
    }
    await page.keyboard.press('Enter');
    await page.getByTestId('export-run').waitFor();
    await expect.poll(() => inDialog(page)).toBe(true);
    // The recap is in no site: the dialog settles on a folder as the target.
    await expect.poll(() => page.getByTestId('export-kind-folder').isChecked()).toBe(true);

    // Tab after Tab: every stop is in the dialog, and the stops come round again and again.
    const stops: string[] = [];
    for (let i = 0; i < 24; i++) {
      await page.keyboard.press('Tab');
      expect(await inDialog(page), `Tab ${i + 1} left the dialog for ${await focused(page)}`).toBe(true);
      stops.push(await focused(page));
    }
    const last = stops.length - 1;
    const round = last - stops.lastIndexOf(stops[last]!, last - 1);
    expect(round, `a cycle in ${stops.join(', ')}`).toBeGreaterThan(2);
    expect(stops.slice(-round)).toEqual(stops.slice(-2 * round, -round));
    expect(stops.slice(-round)).toEqual(expect.arrayContaining(['export-kind-folder', 'export-folder', 'export-cancel']));
    // Shift+Tab goes back through the same stops, across the wrap too.
    for (let i = 2; i <= round + 1; i++) {
      await page.keyboard.press('Shift+Tab');
      expect(await focused(page)).toBe(stops.at(-i));
    }

    await page.keyboard.press('Escape');
    await page.getByTestId('export-run').waitFor({ state: 'detached' });
    expect(await focused(page)).toBe('btn-export');
    await page.context().close();
  });

  it('Ctrl+E pressed while the save Ctrl+S started still runs opens the export dialog once the file is written', async () => {
    const page = await editorPage('light');
    const editor = page.locator('.editor-pane .w-md-editor-text-input');
    await editor.focus();
    await editor.press('Control+End');
    await page.keyboard.type('\nSee you next year.');
    // At once, as a quick hand does: the export waits for the save rather than being lost.
    await page.keyboard.press('Control+S');
    await page.keyboard.press('Control+E');
    await page.getByTestId('export-run').waitFor();
    expect(await fs.readFile(recap, 'utf8')).toContain('See you next year.');
    expect(await page.getByTestId('dirty-marker').count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.getByTestId('export-run').waitFor({ state: 'detached' });
    await page.context().close();
  });

  it('the Problems panel opens from the keyboard onto its first problem, and Escape gives the focus back', async () => {
    const page = await editorPage('light');
    // The recap outside a site misses its photos: the list has problems.
    await expect.poll(() => page.getByTestId('problems-button').getAttribute('data-count')).toMatch(/^[1-9]/);
    await page.getByTestId('problems-button').focus();
    await page.keyboard.press('Enter');
    await page.locator('.problems-panel').waitFor();
    expect(await page.locator('.problems-panel .problem').first().evaluate((b) => b === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    await page.locator('.problems-panel').waitFor({ state: 'detached' });
    expect(await focused(page)).toBe('problems-button');
    await page.context().close();
  });

  it('the skip links come first and go to the form and to the text', async () => {
    const page = await editorPage('dark');
    await fromTop(page);
    await page.keyboard.press('Tab');
    const toForm = page.getByRole('link', { name: 'Skip to the form' });
    expect(await toForm.evaluate((a) => a === document.activeElement)).toBe(true);
    // Shown while it has the focus, inside the window.
    const box = await toForm.boundingBox();
    expect(box && box.y >= 0 && box.x >= 0 && box.width > 20).toBe(true);
    if (process.env['SCREENSHOTS_DIR']) await page.screenshot({ path: path.join(process.env['SCREENSHOTS_DIR'], 'keyboard-skip-link-dark.png') });
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('field-title');

    await fromTop(page);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.getByRole('link', { name: 'Skip to the text' }).evaluate((a) => a === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.locator('.editor-pane .w-md-editor-text-input').evaluate((t) => t === document.activeElement)).toBe(true);
    await page.context().close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`every stop of the Tab order shows a focus ring (${scheme})`, async () => {
      const page = await editorPage(scheme);
        const missing = [...(await ringless(page, 80))];
      await page.getByTestId('btn-home').click();
      await page.getByTestId('home').waitFor();
      missing.push(...(await ringless(page, 30)));
      expect(missing, 'controls without a visible focus ring').toEqual([]);
      await page.context().close();
    });
  }
});

/**
 * Tabs through the first `max` stops from the top of the page; the ones whose outline and box
 * shadow look the same focused as they did before anything had the focus.
 */
async function ringless(page: Page, max: number): Promise<string[]> {
  await page.evaluate(() => {
    const look = (el: Element): string => {
      const s = getComputedStyle(el);
      return `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}|${s.boxShadow}`;
    };
    (document.activeElement as HTMLElement | null)?.blur();
    const rest = new Map<Element, string>();
    for (const el of document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')) {
      rest.set(el, look(el));
      if (el.parentElement) rest.set(el.parentElement, look(el.parentElement));
    }
    (window as unknown as { __ring: (el: Element) => boolean }).__ring = (el: Element) => rest.get(el) !== look(el);
  });
  await fromTop(page);
  const missing = new Set<string>();
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const ok = await page.evaluate(async () => {
      const el = document.activeElement;
      // The text itself shows its caret; everything else needs a ring.
      if (!el || el === document.body || el.classList.contains('w-md-editor-text-input')) return true;
      // A ring that fades in (a 0.12 s transition) reads as its start until the page's clock
      // moves on: judge it once its transitions have ended.
      const moving = [el, el.parentElement].flatMap((e) => e?.getAnimations() ?? []);
      await Promise.all(moving.map((a) => a.finished.catch(() => undefined)));
      // The ring is the control's own, or its frame's (a select inside a labelled box).
      const ring = (window as unknown as { __ring: (el: Element) => boolean }).__ring;
      return ring(el) || (el.parentElement !== null && ring(el.parentElement));
    });
    if (!ok) missing.add(await focused(page));
  }
  return [...missing];
}
