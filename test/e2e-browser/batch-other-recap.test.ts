// The photo batch panel stays on screen when the author opens another recap. Its alt text belongs
// to the recap the photos were added to: typed there after the switch, it must not change the
// recap now open, even when that one links the same image (a translation does).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession, type Session } from './harness';

let session: Session;

beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

const post = (title: string, body: string): string => `---\ntitle: "${title}"\nkeywords: "x"\ndescription: "A recap of the day, long enough for the checks to pass."\ncreateTime: "2026-05-16"\nauthor: "Lindsay"\n---\n\n${body}\n`;

describe('the photo batch panel after another recap is opened', () => {
  it('changes no alt text in the recap now open', async () => {
    const site = path.join(session.dir, 'site');
    await fs.mkdir(path.join(site, 'content', 'en', 'news'), { recursive: true });
    await fs.writeFile(path.join(site, 'hugo.toml'), 'baseURL = "https://example.org/"\n');
    const first = path.join(site, 'content', 'en', 'news', 'kcd-hangzhou.md');
    await fs.writeFile(first, post('KCD Hangzhou', '## Photos\n'));
    // The other recap already links the photo the batch will add (as a translation would).
    const second = path.join(site, 'content', 'en', 'news', 'kcd-hangzhou-notes.md');
    const secondText = post('KCD Hangzhou notes', '![The stage](/images/news/kcd-hangzhou/stage.jpg)');
    await fs.writeFile(second, secondText);
    const camera = path.join(session.dir, 'stage.jpg');
    await sharp({ create: { width: 900, height: 600, channels: 3, background: '#2f6fde' } }).jpeg().toFile(camera);

    const page = await session.open({ file: first });
    const editor = page.locator('.editor-pane .w-md-editor-text-input');
    await editor.click();
    await editor.press('Control+End');
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('btn-insert-photos').click();
    await (await chooser).setFiles([camera]);
    await page.locator('[data-testid="photo-batch"][data-running="false"]').waitFor({ timeout: 30_000 });
    await expect.poll(() => editor.inputValue()).toContain('](/images/news/kcd-hangzhou/stage.jpg)');

    // Open the other recap; the panel is still there.
    await page.getByTestId('btn-open').click();
    await page.getByTestId('picker-path').fill(second);
    await page.getByTestId('picker-ok').click();
    await expect.poll(() => editor.inputValue()).toContain('![The stage](/images/news/kcd-hangzhou/stage.jpg)');
    await page.getByTestId('photo-row-alt').fill('Hands up for the keynote');
    await expect.poll(() => page.getByText('this alt text belongs to the recap the photos were added to').count()).toBe(1);
    expect(await editor.inputValue()).toContain('![The stage](/images/news/kcd-hangzhou/stage.jpg)');
    expect(await editor.inputValue()).not.toContain('Hands up');
    await page.keyboard.press('Control+S');
    expect(await fs.readFile(second, 'utf8')).toBe(secondText);
    await page.context().close();
  });
});
