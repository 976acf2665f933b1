// What a new recap's author sees while filling the form and opening Export, as walked by hand: a
// name typed into a list field but not yet added is not called missing, and the export dialog's
// focus is on the kind of target it has chosen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession, type Session } from './harness';

let session: Session;

beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

describe('a new recap’s form and export dialog', () => {
  it('says how to add a name typed but not yet added, instead of "Author is required"', async () => {
    const page = await session.openNew();
    const author = page.getByTestId('field-author');
    const messages = page.locator('[data-field="author"] .field-msg');
    await expect.poll(() => messages.allTextContents()).toEqual([expect.stringMatching(/^Author is required\./)]);

    await author.fill('Dana Berg');
    await expect.poll(() => page.getByTestId('field-author-pending').textContent()).toBe('Press Enter to add “Dana Berg”.');
    expect(await messages.count()).toBe(0);
    expect(await author.getAttribute('aria-invalid')).toBeNull();

    // Emptied again, the field is empty: it says so.
    await author.fill('');
    await expect.poll(() => messages.allTextContents()).toEqual([expect.stringMatching(/^Author is required\./)]);
    expect(await page.getByTestId('field-author-pending').count()).toBe(0);

    await author.fill('Dana Berg');
    await author.press('Enter');
    await expect.poll(() => page.locator('[data-field="author"] .chip-label').allTextContents()).toEqual(['Dana Berg']);
    expect(await page.getByTestId('field-author-pending').count()).toBe(0);
    await expect.poll(() => messages.count()).toBe(0);
    await page.context().close();
  });

  it('opens Export with the focus on the chosen kind of target', async () => {
    const page = await session.openNew();
    await page.getByTestId('btn-export').click();
    // No site remembered: the dialog settles on a folder, and the focus is there, not on "Website checkout".
    await expect.poll(() => page.getByTestId('export-kind-folder').isChecked()).toBe(true);
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.dataset['testid'] ?? null)).toBe('export-kind-folder');
    await page.context().close();
  });
});
