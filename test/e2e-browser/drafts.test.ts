// Drafts in the real renderer: autosave, reopening after a crash, history, the home screen,
// and a file changed on disk by another program.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdRequests, startSession, type Session } from './harness';

let session: Session;

beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

const editor = (page: import('playwright-core').Page) => page.locator('.w-md-editor-text-input');

/** Types at the end of the text and waits for the autosave that holds it. */
async function typeAtEndAndAutosave(page: import('playwright-core').Page, words: string): Promise<void> {
  await editor(page).click();
  await editor(page).press('Control+End');
  await editor(page).pressSequentially(words);
  await expect.poll(() => page.getByTestId('draft-status').textContent(), { timeout: 3000 }).toMatch(/^Draft saved \d\d:\d\d/);
}

const RECOVERED = /^Recovered 1 draft with changes up to \d\d:\d\d/;

describe('drafts in the browser mode', () => {
  it('autosaves within a second and, after the tab dies, reopens the draft with every change and says so', async () => {
    const page = await session.openNew();
    await page.getByTestId('field-title').fill('Crash test recap');
    await typeAtEndAndAutosave(page, '\nThe last sentence before the crash.');
    // No clean quit: the context is simply gone, as when a laptop runs out of battery.
    await page.context().close();

    const again = await session.open();
    await expect.poll(() => editor(again).inputValue()).toContain('The last sentence before the crash.');
    expect(await again.getByTestId('field-title').inputValue()).toBe('Crash test recap');
    await expect.poll(() => again.getByTestId('toast').allTextContents()).toContainEqual(expect.stringMatching(RECOVERED));
    await again.context().close();
  });

  it('a damaged draft is repaired and the page says so in its language (here Chinese)', async () => {
    const page = await session.openNew();
    await page.getByTestId('field-title').fill('Damaged draft');
    await typeAtEndAndAutosave(page, '\nWords kept in the draft.');
    await page.context().close();
    // A failing disk writes garbage over the draft's text.
    const drafts = path.join(session.home, 'drafts');
    const ids = await fs.readdir(drafts);
    const metas = await Promise.all(ids.map(async (id) => ({ id, meta: await fs.readFile(path.join(drafts, id, 'meta.json'), 'utf8').catch(() => '') })));
    const id = metas.find((m) => m.meta.includes('"Damaged draft"'))?.id;
    if (!id) throw new Error('the draft is not in the data folder');
    await fs.writeFile(path.join(drafts, id, 'recap.md'), Buffer.from([0x44, 0x61, 0x6d, 0xff, 0xfe]));

    const zh = await session.open({}, { locale: 'zh-CN' });
    await expect.poll(() => zh.getByTestId('toast').allTextContents()).toContainEqual(expect.stringMatching(/^草稿 “Damaged draft”不是有效的 UTF-8 文本，已另存为 recap\.corrupt-\d{8}T\d{9}Z\.md，/));
    await zh.context().close();
  });

  it('keeps versions: History shows what changed and restores an earlier one', async () => {
    const page = await session.openNew();
    await page.getByTestId('field-title').fill('History recap');
    await editor(page).click();
    await editor(page).press('Control+End');
    await editor(page).pressSequentially('\nFirst version of the ending.');
    await expect.poll(() => page.getByTestId('draft-status').textContent()).toMatch(/^Draft saved/);
    // Leaving the window records a version.
    await page.evaluate(() => window.dispatchEvent(new Event('blur')));
    await editor(page).press('Control+End');
    for (let i = 0; i < 'First version of the ending.'.length; i++) await editor(page).press('Backspace');
    await editor(page).pressSequentially('Second ending, rewritten.');
    await page.getByTestId('btn-history').click();
    await expect.poll(() => page.getByTestId('history-item').count()).toBeGreaterThan(1);
    await expect.poll(() => page.getByTestId('diff').textContent()).toContain('First version of the ending.');
    // Times read on the 24-hour clock, as in the status bar.
    expect(await page.locator('.history-time').first().textContent()).toMatch(/^Today ([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/);
    await page.getByTestId('history-restore').click();
    await expect.poll(() => editor(page).inputValue()).toContain('First version of the ending.');
    expect(await editor(page).inputValue()).not.toContain('Second ending');
    // Restoring is an edit like any other: Ctrl+Z takes it back, Ctrl+Shift+Z restores again.
    await editor(page).focus();
    await page.keyboard.press('Control+Z');
    expect(await editor(page).inputValue()).toContain('Second ending, rewritten.');
    await page.keyboard.press('Control+Shift+Z');
    expect(await editor(page).inputValue()).not.toContain('Second ending');
    // The text that was replaced is a version too.
    await page.getByTestId('btn-history').click();
    const items = page.getByTestId('history-item');
    await expect.poll(() => items.count()).toBeGreaterThan(2);
    await page.getByTestId('history-close').click();
    await page.context().close();
  });

  it('History: a version picked while the first one’s diff is on its way keeps its own diff when that late answer comes', async () => {
    const page = await session.openNew();
    await page.getByTestId('field-title').fill('Late diff recap');
    const ending = async (last: string, next: string): Promise<void> => {
      await editor(page).press('Control+End');
      for (let i = 0; i < last.length; i++) await editor(page).press('Backspace');
      await typeAtEndAndAutosave(page, next);
      await expect.poll(() => editor(page).inputValue()).toMatch(new RegExp(`${next}$`));
    };
    await typeAtEndAndAutosave(page, '\nAlpha ending.');
    await page.evaluate(() => window.dispatchEvent(new Event('blur')));
    await ending('Alpha ending.', 'Beta ending.');
    await page.evaluate(() => window.dispatchEvent(new Event('blur')));
    await ending('Beta ending.', 'Gamma ending.');

    // Which version is which: the first selected is the newest (Beta's); Alpha's is older.
    await page.getByTestId('btn-history').click();
    const items = page.getByTestId('history-item');
    const diff = page.getByTestId('diff');
    // The answer for the version selected (a version with no change shows no diff, only that it is the same).
    const shown = page.locator('[data-testid="history-diff"][data-state="shown"]');
    await expect.poll(() => diff.textContent()).toContain('Beta ending.');
    let alpha = -1;
    for (let i = (await items.count()) - 1; i >= 0 && alpha < 0; i--) {
      if (await items.nth(i).isDisabled()) continue;
      await items.nth(i).click();
      await expect.poll(() => items.nth(i).getAttribute('class')).toContain('is-selected');
      await shown.waitFor();
      const text = (await shown.textContent()) ?? '';
      if (text.includes('Alpha ending.') && !text.includes('Beta ending.')) alpha = i;
    }
    expect(alpha).toBeGreaterThan(0);
    await page.getByTestId('history-close').click();

    // Again, Beta's diff held until Alpha's is shown.
    const { asked, release } = await holdRequests(page, '**/api/diffSnapshot');
    await page.getByTestId('btn-history').click();
    await expect.poll(() => asked.length).toBe(1);
    await items.nth(alpha).click();
    await expect.poll(() => diff.textContent()).toContain('Alpha ending.');
    const late = page.waitForResponse((r) => r.url().endsWith('/api/diffSnapshot') && r.request().postData() === asked[0]);
    release();
    await (await late).finished();
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    expect(await diff.textContent()).toContain('Alpha ending.');
    expect(await diff.textContent()).not.toContain('Beta ending.');
    await page.getByTestId('history-restore').click();
    await expect.poll(() => editor(page).inputValue()).toMatch(/Alpha ending\.$/);
    await page.context().close();
  });

  it('the home screen lists drafts, searches, duplicates, deletes with undo', async () => {
    const page = await session.openHome();
    const cards = page.getByTestId('draft-card');
    await expect.poll(() => cards.count()).toBeGreaterThan(0);
    await page.getByTestId('home-search').fill('history recap');
    await expect.poll(() => page.getByTestId('draft-title').allTextContents()).toEqual(['History recap']);
    await cards.first().getByTestId('draft-duplicate').click();
    await expect.poll(() => page.getByTestId('draft-title').allTextContents()).toEqual(expect.arrayContaining(['History recap', 'History recap (copy)']));
    const copy = cards.filter({ hasText: '(copy)' });
    await copy.getByTestId('draft-delete').click();
    await expect.poll(() => page.getByTestId('draft-title').allTextContents()).toEqual(['History recap']);
    await page.getByTestId('home-undo-button').click();
    await expect.poll(() => page.getByTestId('draft-title').allTextContents()).toHaveLength(2);
    await page.context().close();
  });

  it('a file changed on disk: reloaded when nothing is unsaved; otherwise Save offers compare, reload or keep mine', async () => {
    const file = path.join(session.dir, 'shared.md');
    await fs.writeFile(file, '---\ntitle: "Shared"\n---\n\nOriginal body.\n');
    const page = await session.open({ file });
    await expect.poll(() => editor(page).inputValue()).toContain('Original body.');

    // Nothing unsaved: coming back to the window takes the new file.
    await fs.writeFile(file, '---\ntitle: "Shared"\n---\n\nEdited elsewhere.\n');
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await expect.poll(() => editor(page).inputValue()).toContain('Edited elsewhere.');

    // Unsaved changes and another edit on disk: Save never overwrites silently.
    await editor(page).click();
    await editor(page).press('Control+End');
    await editor(page).pressSequentially('Mine too.');
    await fs.writeFile(file, '---\ntitle: "Shared"\n---\n\nTheirs, again.\n');
    await page.keyboard.press('Control+S');
    await expect.poll(() => page.getByTestId('diff').textContent()).toContain('Theirs, again.');
    expect(await fs.readFile(file, 'utf8')).toContain('Theirs, again.');
    await page.getByTestId('compare-keep').click();
    await expect.poll(() => fs.readFile(file, 'utf8')).toContain('Mine too.');
    await page.context().close();
  });

  it('a recap saved to its file reopens after a reload without "Recovered … with changes"; typed after the save, it says so', async () => {
    const file = path.join(session.dir, 'site', 'content', 'en', 'news', 'saved-before-reload.md');
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, '---\ntitle: "Saved before reload"\n---\n\nOpening paragraph.\n');
    const page = await session.open({ file });
    await editor(page).click();
    await editor(page).press('Control+End');
    await editor(page).pressSequentially('Written, then saved.');
    await page.keyboard.press('Control+S');
    await expect.poll(() => fs.readFile(file, 'utf8')).toContain('Written, then saved.');
    await page.context().close();

    // The next page reopens what was open (the session was not closed): nothing is unsaved.
    const again = await session.open();
    await expect.poll(() => editor(again).inputValue()).toContain('Written, then saved.');
    expect(await again.getByTestId('toast').allTextContents()).not.toContainEqual(expect.stringMatching(/^Recovered/));
    await typeAtEndAndAutosave(again, ' Not saved to the file.');
    await again.context().close();

    const third = await session.open();
    await expect.poll(() => editor(third).inputValue()).toContain('Not saved to the file.');
    await expect.poll(() => third.getByTestId('toast').allTextContents()).toContainEqual(expect.stringMatching(RECOVERED));
    expect(await fs.readFile(file, 'utf8')).not.toContain('Not saved to the file.');
    await third.context().close();

    // In a Chinese interface the same message is in Chinese.
    const fourth = await session.open({}, { locale: 'zh-CN' });
    await expect.poll(() => editor(fourth).inputValue()).toContain('Not saved to the file.');
    await expect.poll(() => fourth.getByTestId('toast').allTextContents()).toContainEqual(expect.stringMatching(/^已恢复 1 篇有更改的草稿，更改截至 \d\d:\d\d/));
    await fourth.context().close();
  });
});
