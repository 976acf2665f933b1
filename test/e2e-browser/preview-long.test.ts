// The preview of a long recap follows every edit: a recap of many blocks is rendered in groups
// that skip re-rendering when none of their blocks changed, and a block changed, added or taken
// away anywhere must show in its place, with the body line scroll sync pairs it with.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession, type Session } from './harness';

let session: Session;

beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

const PARAGRAPHS = 90;
const paragraph = (n: number): string => `Paragraph ${n} of the day, about talks and demos.`;

const editor = (page: Page) => page.locator('.editor-pane .w-md-editor-text-input');

/** The preview's blocks, in order: their text and the body line each says it starts on. */
const previewBlocks = (page: Page) =>
  page.getByTestId('preview').evaluate((root) => [...root.querySelectorAll<HTMLElement>('.pv-block')].map((b) => ({ text: (b.textContent ?? '').trim(), line: Number(b.dataset['line']) })));

/** The body's paragraphs, in order, with the line (1-based, in the body) each starts on. */
const bodyBlocks = (page: Page) =>
  editor(page).evaluate((ta) => {
    const lines = (ta as HTMLTextAreaElement).value.split('\n');
    const blocks: { text: string; line: number }[] = [];
    lines.forEach((text, i) => {
      if (text.trim() === '') return;
      if (i > 0 && lines[i - 1]!.trim() !== '') blocks[blocks.length - 1]!.text += `\n${text.trim()}`;
      else blocks.push({ text: text.trim(), line: i + 1 });
    });
    return blocks;
  });

/** Puts the caret at the end of the line that starts with `start`. */
const caretAfter = (page: Page, start: string) =>
  editor(page).evaluate((ta, start) => {
    const textarea = ta as HTMLTextAreaElement;
    const at = textarea.value.indexOf(start);
    const end = textarea.value.indexOf('\n', at);
    textarea.focus();
    textarea.setSelectionRange(end, end);
  }, start);

describe('the preview of a long recap', () => {
  it('shows a block typed into, added or taken away anywhere in its place, and no other block changes', async () => {
    const file = path.join(session.dir, 'long.md');
    await fs.writeFile(file, `---\ntitle: A long day\n---\n\n${Array.from({ length: PARAGRAPHS }, (_, i) => paragraph(i)).join('\n\n')}\n`);
    const page = await session.open({ file });
    await expect.poll(async () => (await previewBlocks(page)).length).toBe(PARAGRAPHS);
    expect(await previewBlocks(page)).toEqual(await bodyBlocks(page));

    // Typed into a block far down: that block changes, in its place.
    // The block's element is updated in place, not replaced (its images are not loaded again): a mark put on it stays.
    await page.getByTestId('preview').evaluate((root, text) => {
      const block = [...root.querySelectorAll('.pv-block')].find((b) => (b.textContent ?? '').trim() === text);
      (block as unknown as { recapProbe?: boolean }).recapProbe = true;
    }, paragraph(70));
    await caretAfter(page, paragraph(70));
    await page.keyboard.type(' Zebra');
    await expect.poll(() => previewBlocks(page)).toEqual(await bodyBlocks(page));
    expect((await previewBlocks(page)).filter((b) => b.text.includes('Zebra')).map((b) => b.text)).toEqual([`${paragraph(70)} Zebra`]);
    const kept = await page.getByTestId('preview').evaluate((root) => [...root.querySelectorAll('.pv-block')].filter((b) => (b as unknown as { recapProbe?: boolean }).recapProbe).map((b) => (b.textContent ?? '').trim()));
    expect(kept).toEqual([`${paragraph(70)} Zebra`]);

    // A line added inside a block near the top: every later block, unchanged, starts a line further down.
    await caretAfter(page, paragraph(2));
    await page.keyboard.press('Enter');
    await page.keyboard.type('and a second line.');
    await expect.poll(() => previewBlocks(page)).toEqual(await bodyBlocks(page));
    expect((await previewBlocks(page))[2]!.text).toBe(`${paragraph(2)}\nand a second line.`);

    // A block added near the top moves every later block down a place and two lines.
    await caretAfter(page, paragraph(3));
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('A new paragraph.');
    await expect.poll(() => previewBlocks(page)).toEqual(await bodyBlocks(page));
    const added = await previewBlocks(page);
    expect(added).toHaveLength(PARAGRAPHS + 1);
    expect(added[4]!.text).toBe('A new paragraph.');

    // Undone: the block goes, and the later ones come back to their places.
    await page.keyboard.press('Control+Z');
    await expect.poll(() => previewBlocks(page)).toEqual(await bodyBlocks(page));
    expect(await previewBlocks(page)).toHaveLength(PARAGRAPHS);
    await page.context().close();
  });
});
