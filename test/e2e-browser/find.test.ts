// Find and replace in the Markdown text, on the reference recap: the count and the current
// match, match case, whole word and regular expressions, replace one and all (one undo step
// each), and Escape back to the text.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceRecap, root, startSession, type Session } from './harness';

let session: Session;

beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

async function openCopy(name: string): Promise<{ page: Page; errors: string[] }> {
  const file = path.join(session.dir, name);
  await fs.copyFile(referenceRecap, file);
  const page = await session.open({ file });
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  await editor(page).waitFor({ state: 'visible' });
  return { page, errors };
}

const editor = (page: Page) => page.locator('.editor-pane .w-md-editor-text-input');
const query = (page: Page) => page.getByTestId('find-query');
const count = (page: Page) => page.getByTestId('find-count').textContent();
const selection = (page: Page) => editor(page).evaluate((ta) => [(ta as HTMLTextAreaElement).selectionStart, (ta as HTMLTextAreaElement).selectionEnd]);
const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.className ?? '');

/** Offsets of every match of `re` (global) in `text`. */
function offsets(text: string, re: RegExp): number[] {
  return [...text.matchAll(re)].map((m) => m.index);
}

describe('find', () => {
  it('opens on Ctrl+F with the selected words, counts and selects the matches, Enter and F3 go on', async () => {
    const { page, errors } = await openCopy('find.md');
    const text = await editor(page).inputValue();
    const all = offsets(text, /kubernetes/gi);
    expect(all.length).toBeGreaterThan(3);
    // "Kubernetes" in the first heading, selected.
    await editor(page).click();
    await editor(page).evaluate((ta, at) => (ta as HTMLTextAreaElement).setSelectionRange(at, at + 10), all[0]!);
    await page.keyboard.press('Control+F');
    await page.getByTestId('find-bar').waitFor({ state: 'visible' });
    expect(await query(page).inputValue()).toBe('Kubernetes');
    expect(await focused(page)).toBe('find-query');
    await expect.poll(() => count(page)).toBe(`1 of ${all.length}`);
    expect(await selection(page)).toEqual([all[0], all[0]! + 10]);
    // The current match is marked over the text while the focus is in the bar.
    expect(await page.getByTestId('find-highlight').count()).toBe(1);

    await page.keyboard.press('Enter');
    await expect.poll(() => count(page)).toBe(`2 of ${all.length}`);
    expect(await selection(page)).toEqual([all[1], all[1]! + 10]);
    await page.keyboard.press('F3');
    await expect.poll(() => count(page)).toBe(`3 of ${all.length}`);
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.press('Shift+F3');
    await expect.poll(() => count(page)).toBe(`1 of ${all.length}`);
    // Before the first: the last one.
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => count(page)).toBe(`${all.length} of ${all.length}`);
    expect(await selection(page)).toEqual([all.at(-1), all.at(-1)! + 10]);

    // The last match is far down the text: it was scrolled into view.
    const inView = await editor(page).evaluate((ta) => ta.scrollTop > 0);
    expect(inView).toBe(true);

    // Escape: back in the text, at the current match.
    await page.keyboard.press('Escape');
    await page.getByTestId('find-bar').waitFor({ state: 'detached' });
    expect(await editor(page).evaluate((ta) => document.activeElement === ta)).toBe(true);
    expect(await selection(page)).toEqual([all.at(-1), all.at(-1)! + 10]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('matches case, whole words and regular expressions, and says when a pattern is not valid', async () => {
    const { page, errors } = await openCopy('find-options.md');
    const text = await editor(page).inputValue();
    await editor(page).click();
    await editor(page).press('Control+Home');
    await page.keyboard.press('Control+F');
    await query(page).fill('kubernetes');
    await expect.poll(() => count(page)).toBe(`1 of ${offsets(text, /kubernetes/gi).length}`);
    await page.getByTestId('find-matchCase').click();
    expect(await page.getByTestId('find-matchCase').getAttribute('aria-pressed')).toBe('true');
    // Lower case "kubernetes" is only in the links' addresses.
    await expect.poll(() => count(page)).toBe(`1 of ${offsets(text, /kubernetes/g).length}`);
    await page.getByTestId('find-matchCase').click();

    // "organize" is in "organized" and "organizers", never a word of its own.
    await query(page).fill('organize');
    await expect.poll(() => count(page)).toBe(`1 of ${offsets(text, /organize/gi).length}`);
    await page.getByTestId('find-wholeWord').click();
    await expect.poll(() => count(page)).toBe('No results');
    await query(page).fill('KCD');
    await expect.poll(() => count(page)).toBe(`1 of ${offsets(text, /\bKCD\b/gi).length}`);
    await page.getByTestId('find-wholeWord').click();

    await page.getByTestId('find-regex').click();
    await query(page).fill('kcd-(\\w+)');
    const regexMatches = offsets(text, /kcd-(\w+)/gi);
    await expect.poll(() => count(page)).toBe(`1 of ${regexMatches.length}`);
    expect((await selection(page))[0]).toBe(regexMatches[0]);

    await query(page).fill('kcd-(\\w+');
    await expect.poll(() => page.getByTestId('find-error').textContent()).toMatch(/^Not a valid regular expression: .+\.$/);
    expect(await count(page)).toBe('');
    expect(await query(page).getAttribute('aria-invalid')).toBe('true');
    // Fixed: the message goes.
    await query(page).press('End');
    await page.keyboard.type(')');
    await expect.poll(() => count(page)).toBe(`1 of ${regexMatches.length}`);
    expect(await page.getByTestId('find-error').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('replaces one match and then all, each undone by one Ctrl+Z, with the preview following', async () => {
    const { page } = await openCopy('replace.md');
    const original = await editor(page).inputValue();
    const kcd = offsets(original, /KCD/g);
    expect(kcd.length).toBeGreaterThan(2);
    await editor(page).click();
    await editor(page).press('Control+Home');
    await page.keyboard.press('Control+H');
    await page.getByTestId('find-replacement').waitFor({ state: 'visible' });
    expect(await focused(page)).toBe('find-query');
    await query(page).fill('KCD');
    await page.getByTestId('find-matchCase').click();
    await page.getByTestId('find-replacement').fill('Community Days');
    await expect.poll(() => count(page)).toBe(`1 of ${kcd.length}`);

    await page.getByTestId('find-replace-one').click();
    const once = original.slice(0, kcd[0]) + 'Community Days' + original.slice(kcd[0]! + 3);
    expect(await editor(page).inputValue()).toBe(once);
    // The next match is the current one.
    await expect.poll(() => count(page)).toBe(`1 of ${kcd.length - 1}`);
    expect((await selection(page))[0]).toBe(kcd[1]! + 'Community Days'.length - 3);

    // For a look at the bar (test-results/ is not committed).
    const shots = path.join(root, 'test-results', 'screenshots');
    await fs.mkdir(shots, { recursive: true });
    await page.locator('.editor-pane').screenshot({ path: path.join(shots, 'find-replace.png') });

    await page.getByTestId('find-replace-all').click();
    const all = original.replaceAll('KCD', 'Community Days');
    expect(await editor(page).inputValue()).toBe(all);
    await expect.poll(() => count(page)).toBe('No results');
    // Nothing left to replace: the buttons are off, and the focus stays in the bar.
    expect(await focused(page)).toBe('find-replacement');
    expect(await page.getByTestId('find-notice').textContent()).toBe(`Replaced ${kcd.length - 1} matches. Ctrl+Z undoes it.`);
    await expect.poll(() => page.getByTestId('preview').textContent()).toContain('Community Days Beijing set up');

    // One Ctrl+Z undoes the whole Replace all, the next one the single replacement.
    await page.keyboard.press('Escape');
    expect(await editor(page).evaluate((ta) => document.activeElement === ta)).toBe(true);
    await page.keyboard.press('Control+Z');
    expect(await editor(page).inputValue()).toBe(once);
    await page.keyboard.press('Control+Z');
    expect(await editor(page).inputValue()).toBe(original);
    await expect.poll(() => page.getByTestId('preview').textContent()).toContain('KCD Beijing set up');
    await page.context().close();
  });

  it('replaces with regular expression groups', async () => {
    const { page } = await openCopy('replace-groups.md');
    const original = await editor(page).inputValue();
    await editor(page).click();
    await page.keyboard.press('Control+H');
    await page.getByTestId('find-regex').click();
    await query(page).fill('/images/news/kcd-china/([\\w-]+)\\.png');
    await page.getByTestId('find-replacement').fill('/images/news/kcd-2021/$1.jpg');
    await page.getByTestId('find-replace-all').click();
    expect(await editor(page).inputValue()).toBe(original.replace(/\/images\/news\/kcd-china\/([\w-]+)\.png/g, '/images/news/kcd-2021/$1.jpg'));
    expect(await editor(page).inputValue()).toContain('![guest-speakers](/images/news/kcd-2021/guest-speakers.jpg)');
    await page.context().close();
  });
});
