// Autosave writes the text as it is now: a keystroke is applied to the document only after the
// frame that shows it, so a write that leaves in the same task as the keystroke (the page hiding,
// the window losing focus) must still carry it. Deterministic: the keystroke and the write happen
// in one task of the page, before any frame or React render can come between them.
import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sessionForFile } from './harness';

const { session, write } = sessionForFile();

const editor = (page: Page) => page.locator('.editor-pane .w-md-editor-text-input');

/** The texts of the autosave requests the page sends from now on, in order. */
function autosaves(page: Page): Array<{ text: string; snapshot: boolean }> {
  const sent: Array<{ text: string; snapshot: boolean }> = [];
  page.on('request', (r: Request) => {
    if (!new URL(r.url()).pathname.endsWith('/api/autosave')) return;
    const body = r.postDataJSON() as { text?: unknown; snapshot?: unknown };
    if (typeof body.text === 'string') sent.push({ text: body.text, snapshot: body.snapshot === true });
  });
  return sent;
}

/** Types `words` at the end of the text and, in the same task, sends `event` to the window. */
const typeThen = (page: Page, words: string, event: 'pagehide' | 'blur') =>
  editor(page).evaluate(
    (ta, [words, event]) => {
      const textarea = ta as HTMLTextAreaElement;
      textarea.focus();
      textarea.setSelectionRange(textarea.value.length, textarea.value.length);
      // What a keystroke does to a textarea (beforeinput, the edit, input), as one command.
      document.execCommand('insertText', false, words);
      window.dispatchEvent(new Event(event));
    },
    [words, event] as const,
  );

describe('autosave while a keystroke waits for its render', () => {
  for (const event of ['pagehide', 'blur'] as const) {
    it(`the write that ${event} sends in the keystroke's own task carries the keystroke`, async () => {
      const file = await write(`race-${event}/post.md`, '---\ntitle: "Race"\n---\n\nWritten');
      const page = await session().open({ file });
      await editor(page).waitFor({ state: 'visible' });
      // Nothing on its way: the draft holds the text as opened.
      await expect.poll(() => page.getByTestId('draft-status').textContent()).toMatch(/^Draft saved/);
      const sent = autosaves(page);
      await typeThen(page, ', then saved.', event);
      await expect.poll(() => sent.length).toBeGreaterThan(0);
      // The first write after the keystroke is the one the event sent (a history version), and it
      // holds the keystroke, which the last render had not seen yet.
      expect(sent[0]!.snapshot).toBe(true);
      expect(sent[0]!.text).toContain('Written, then saved.');
      await page.context().close();
    });
  }
});
