// Writing habits in the browser mode: lists that end, undo by typing runs across the text and
// the form, Ctrl/Cmd+K for a link, a date field that cannot write an impossible date.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdRequests, referenceRecap, startSession, type Session } from './harness';

let session: Session;

beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

async function openCopy(name: string): Promise<{ page: Page; file: string }> {
  const file = path.join(session.dir, name);
  await fs.copyFile(referenceRecap, file);
  return { page: await session.open({ file }), file };
}

const editor = (page: Page) => page.locator('.editor-pane .w-md-editor-text-input');
const tail = async (page: Page, n: number) => (await editor(page).inputValue()).slice(-n);

describe('writing habits', () => {
  it('Enter continues a list and ends it on an empty item', async () => {
    const { page } = await openCopy('lists.md');
    await editor(page).click();
    await editor(page).press('Control+End');
    await page.keyboard.type('\n\n- Keynotes');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Workshops');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Thanks to everyone.');
    expect(await tail(page, 55)).toMatch(/\n\n- Keynotes\n- Workshops\n\nThanks to everyone\.$/);
    await page.context().close();
  });

  it('undo steps back by typing runs, across the text and the form, and redo comes back', async () => {
    const { page } = await openCopy('undo.md');
    // A pause of a second ends a typing run: the page's clock stands still while the test
    // types (timers still run), so a busy machine cannot split a run, and moves on on purpose.
    await page.clock.setFixedTime(new Date('2026-05-16T10:00:00Z'));
    const original = await editor(page).inputValue();
    await editor(page).click();
    await editor(page).press('Control+End');
    await page.keyboard.type(' First run of words.');
    // A click elsewhere ends the run; typing there is a run of its own.
    await editor(page).press('Control+Home');
    await page.keyboard.type('Second. ');
    await page.getByTestId('field-title').click();
    await page.getByTestId('field-title').press('End');
    await page.keyboard.type(' (2021');
    await page.clock.setFixedTime(new Date('2026-05-16T10:00:05Z'));
    await page.keyboard.type(')');
    expect(await page.getByTestId('field-title').inputValue()).toBe('Kubernetes Community Days China Recap (2021)');

    await page.keyboard.press('Control+Z');
    expect(await page.getByTestId('field-title').inputValue()).toBe('Kubernetes Community Days China Recap (2021');
    await page.keyboard.press('Control+Z');
    expect(await page.getByTestId('field-title').inputValue()).toBe('Kubernetes Community Days China Recap');
    await editor(page).focus();
    await page.keyboard.press('Control+Z');
    expect((await editor(page).inputValue()).startsWith('Second. ')).toBe(false);
    // The caret stands where the undone words were.
    expect(await editor(page).evaluate((ta) => (ta as HTMLTextAreaElement).selectionStart)).toBe(0);
    await page.keyboard.press('Control+Z');
    expect(await editor(page).inputValue()).toBe(original);
    await page.keyboard.press('Control+Shift+Z');
    expect(await tail(page, 20)).toBe(' First run of words.');
    await page.context().close();
  });

  it('a keystroke is in the undo history at once, even before the frame that shows it is painted', async () => {
    const { page } = await openCopy('undo-same-task.md');
    await page.clock.setFixedTime(new Date('2026-05-16T10:00:00Z'));
    const original = await editor(page).inputValue();
    await editor(page).click();
    await editor(page).press('Control+End');
    await page.keyboard.type(' abc');
    // Each in one task with its keystroke: the document takes a keystroke after the next paint,
    // and an undo, a redo or the end of a run must see it all the same.
    const inOneTask = (steps: string[]) =>
      editor(page).evaluate((ta, list) => {
        for (const step of list) {
          if (step.startsWith('type:')) document.execCommand('insertText', false, step.slice(5));
          else ta.dispatchEvent(new KeyboardEvent('keydown', { key: step.replace(/^(ctrl|ctrl-shift):/, ''), ctrlKey: step.startsWith('ctrl'), shiftKey: step.startsWith('ctrl-shift'), bubbles: true, cancelable: true }));
        }
        return (ta as HTMLTextAreaElement).value;
      }, steps);
    // 'd' continues the run: one undo takes back ' abcd', redo brings back all of it.
    expect(await inOneTask(['type:d', 'ctrl:z'])).toBe(original);
    expect(await inOneTask(['ctrl-shift:z'])).toBe(`${original} abcd`);
    // A caret key between two keystrokes ends the run after the first: undo takes back the second alone.
    expect(await inOneTask(['type:e', 'ArrowLeft', 'type:f', 'ctrl:z'])).toBe(`${original} abcde`);
    await page.context().close();
  });

  it('a word composed with an input method lands in the file and the preview, and one undo takes back the run', async () => {
    const { page, file } = await openCopy('ime.md');
    await page.clock.setFixedTime(new Date('2026-05-16T10:00:00Z'));
    const original = await editor(page).inputValue();
    await editor(page).click();
    await editor(page).press('Control+End');
    await page.keyboard.type(' Tokyo ');
    // The input method's own events: a composition updated twice, then committed.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'に', selectionStart: 1, selectionEnd: 1 });
    await cdp.send('Input.imeSetComposition', { text: 'にほん', selectionStart: 3, selectionEnd: 3 });
    await cdp.send('Input.insertText', { text: '日本' });
    await page.keyboard.type(' 2026');
    expect(await tail(page, 14)).toBe(' Tokyo 日本 2026');
    await expect.poll(() => page.getByTestId('preview').textContent()).toContain('Tokyo 日本 2026');
    await page.keyboard.press('Control+S');
    await expect.poll(async () => (await fs.readFile(file, 'utf8')).slice(-20)).toMatch(/ Tokyo 日本 2026\n*$/);
    // One run: the half-composed word is never an undo step.
    await page.keyboard.press('Control+Z');
    expect(await editor(page).inputValue()).toBe(original);
    await page.context().close();
  });

  it('the text says what to write only while it is empty, also after undo brings text back', async () => {
    const { page } = await openCopy('empty.md');
    const shown = () => editor(page).evaluate((ta) => ta.matches(':placeholder-shown'));
    expect(await shown()).toBe(false);
    await editor(page).click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    expect(await shown()).toBe(true);
    expect(await editor(page).getAttribute('placeholder')).toMatch(/Markdown/);
    await page.keyboard.type('#');
    expect(await shown()).toBe(false);
    await page.keyboard.press('Backspace');
    expect(await shown()).toBe(true);
    // The placeholder is there only while the text is empty (Chromium restyles it on every edit
    // while it exists), also when the text comes back another way than typing (here undo).
    await page.keyboard.type('x');
    expect(await editor(page).getAttribute('placeholder')).toBeNull();
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Control+Z');
    await expect.poll(() => editor(page).inputValue()).toMatch(/Kubernetes/);
    expect(await shown()).toBe(false);
    expect(await editor(page).getAttribute('placeholder')).toBeNull();
    await page.context().close();
  });

  it('Ctrl+K makes the selected words a link', async () => {
    const { page } = await openCopy('link.md');
    await editor(page).click();
    await editor(page).press('Control+End');
    await page.keyboard.type('\n\nSlides');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Control+K');
    expect(await tail(page, 15)).toBe('\n\n[Slides](url)');
    await page.context().close();
  });

  it('the event date takes only possible dates, and Clear empties it', async () => {
    const { page, file } = await openCopy('date.md');
    const date = page.getByTestId('field-createTime');
    expect(await date.inputValue()).toBe('2021-11-02');
    // Typed as the browser's parts (month, day, year), with a year that runs to five digits:
    // the year stays four digits, and only complete dates reach the file.
    await date.focus();
    await page.keyboard.type('12');
    await page.keyboard.type('01');
    await page.keyboard.type('31420');
    await expect.poll(() => date.inputValue()).toMatch(/^[1-9]\d{3}-12-01$/);
    const typed = await date.inputValue();
    await page.keyboard.press('Control+S');
    await expect.poll(async () => (await fs.readFile(file, 'utf8')).match(/^createTime:.*$/m)?.[0]).toBe(`createTime: "${typed}"`);
    // A part emptied: not a date; the file keeps its date and the field says so.
    await page.keyboard.press('Backspace');
    await expect.poll(() => page.getByTestId('field-createTime-unfinished').textContent()).toBe(`Not a date yet; the file keeps “${typed}”.`);
    // Clear empties the field, half-typed parts included, and the file's value.
    await page.getByTestId('field-createTime-clear').click();
    expect(await date.inputValue()).toBe('');
    expect(await page.getByTestId('field-createTime-unfinished').count()).toBe(0);
    expect(await date.evaluate((el) => (el as HTMLInputElement).validity.badInput)).toBe(false);
    await page.keyboard.press('Control+S');
    await expect.poll(async () => (await fs.readFile(file, 'utf8')).match(/^createTime:.*$/m)?.[0]).toBe('createTime: ""');
    await page.context().close();
  });

  it('Ctrl+S pressed while a save is still writing saves the newer text once that save ends', async () => {
    const { page, file } = await openCopy('save-twice.md');
    // The first save's request is held until the second Ctrl+S has been pressed: it is still in
    // flight then, whatever the machine's speed.
    const { asked: saves, release } = await holdRequests(page, '**/api/saveToFile');
    await editor(page).click();
    await editor(page).press('Control+End');
    await page.keyboard.type(' First line saved.');
    await page.keyboard.press('Control+S');
    await expect.poll(() => saves.length).toBe(1);
    await page.keyboard.type(' Then more.');
    await page.keyboard.press('Control+S');
    release();
    await expect.poll(async () => (await fs.readFile(file, 'utf8')).includes(' First line saved. Then more.')).toBe(true);
    expect(saves).toHaveLength(2);
    await page.context().close();
  });

  it('Ctrl+S while an autosave of older text is on its way: the save reaches the service after it, and the draft keeps the saved text', async () => {
    const { page, file } = await openCopy('save-after-autosave.md');
    // The first autosave is held, so that it is still on its way when Ctrl+S is pressed.
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const order: string[] = [];
    await page.route('**/api/autosave', async (route) => {
      const first = !order.includes('autosave');
      order.push('autosave');
      if (first) await held;
      await route.continue();
    });
    await page.route('**/api/saveToFile', async (route) => {
      order.push('saveToFile');
      await route.continue();
    });
    // When the held autosave's answer is back. Typing slowly (a loaded machine) may send another
    // autosave before the save: that is allowed; the save must only never overtake the held one.
    page.on('requestfinished', (req) => {
      if (req.url().endsWith('/api/autosave') && !order.includes('autosave answered')) order.push('autosave answered');
    });
    await editor(page).click();
    await editor(page).press('Control+End');
    await page.keyboard.type(' Older words.');
    await expect.poll(() => order).toEqual(['autosave']);
    await page.keyboard.type(' Newer words.');
    await page.keyboard.press('Control+S');
    // What the page has sent once Ctrl+S has been handled and it is idle: not the save, which
    // waits for the autosave's answer (sent now, the save could reach the service first).
    await page.evaluate(() => new Promise((resolve) => window.requestIdleCallback(() => resolve(null))));
    const sentWhileHeld = [...order];
    release();
    await expect.poll(async () => (await fs.readFile(file, 'utf8')).includes(' Older words. Newer words.')).toBe(true);
    expect(sentWhileHeld).not.toContain('saveToFile');
    expect(order.indexOf('autosave answered')).toBeGreaterThan(0);
    expect(order.indexOf('saveToFile')).toBeGreaterThan(order.indexOf('autosave answered'));
    await page.context().close();
    // The next page reopens the draft (the session was not closed): it has the saved text.
    const again = await session.open();
    await expect.poll(() => editor(again).inputValue()).toContain(' Older words. Newer words.');
    await again.context().close();
  });
});
