// A first recap from the first keystroke to the site, as an organizer writes it: home → New →
// form → text → three photos → alt text → cover → Problems → export into a Hugo site → a new
// title → export again → save. At each step, what the author sees is true: no false "missing
// image", the Problems panel and export agree, one post in the site, no false conflict.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickExportKind, startSession, type Session } from './harness';

let session: Session;
const savedCache = process.env['XDG_CACHE_HOME'];

beforeAll(async () => {
  process.env['XDG_CACHE_HOME'] = path.join(await fs.mkdtemp('/tmp/recap-journey-cache-'), 'cache');
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
  if (savedCache === undefined) delete process.env['XDG_CACHE_HOME'];
  else process.env['XDG_CACHE_HOME'] = savedCache;
});

const editor = (page: Page) => page.locator('.editor-pane .w-md-editor-text-input');

async function photoBytes(color: string): Promise<string> {
  const buf = await sharp({ create: { width: 900, height: 600, channels: 3, background: color } }).jpeg({ quality: 85 }).toBuffer();
  return buf.toString('base64');
}

/** Pastes files (real JPEG bytes) into the editor at its caret, as the clipboard would. */
async function paste(page: Page, files: Array<{ name: string; data: string }>): Promise<void> {
  const dt = await page.evaluateHandle((list) => {
    const t = new DataTransfer();
    for (const f of list) t.items.add(new File([Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0))], f.name, { type: 'image/jpeg' }));
    return t;
  }, files);
  await editor(page).evaluate((ta, data) => {
    ta.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, dt);
}

async function problemsText(page: Page): Promise<string> {
  await page.getByTestId('problems-button').click();
  const text = (await page.locator('.problems-panel').textContent()) ?? '';
  await page.keyboard.press('Escape');
  return text;
}

async function posts(site: string): Promise<string[]> {
  return (await fs.readdir(path.join(site, 'content', 'en', 'news'))).sort();
}

describe('a first recap, from the first keystroke to the site', () => {
  it('walks the whole journey and tells the author only what is true', async () => {
    const site = path.join(session.dir, 'website');
    await fs.mkdir(path.join(site, 'content', 'en', 'news'), { recursive: true });
    await fs.writeFile(path.join(site, 'hugo.toml'), 'baseURL = "https://example.org/"\ntitle = "Community"\n');

    // Home → New recap → the form.
    const page = await session.openNew();
    // Template prompts are flagged, each at its line, and the event date is asked for.
    await expect.poll(() => problemsText(page)).toContain("This is the template's prompt");
    await page.getByTestId('field-title').fill('KCD Hangzhou 2026');
    await page.getByTestId('field-keywords').fill('Kubernetes');
    await page.getByTestId('field-keywords').press('Enter');
    await page.getByTestId('field-description').fill('The first KCD in Hangzhou gathered 400 people for talks and workshops.');
    await page.getByTestId('field-createTime').fill('2026-05-16');
    await page.getByTestId('field-author').fill('Lindsay');
    await page.getByTestId('field-author').press('Enter');

    // The text, written over the template's prompts.
    await editor(page).fill('## KCD Hangzhou 2026\n\nOver 400 people came to the first KCD in Hangzhou.\n\n## Photos\n\n');
    await editor(page).focus();
    await editor(page).press('Control+End');

    // Three photos pasted at the caret go to the draft's folder; the preview shows each one.
    await paste(page, [
      { name: 'keynote.jpg', data: await photoBytes('#2f6fde') },
      { name: 'IMG_2041.jpg', data: await photoBytes('#0f766e') },
      { name: 'IMG_2042.jpg', data: await photoBytes('#9333ea') },
    ]);
    await page.locator('[data-testid="photo-batch"][data-running="false"]').waitFor({ timeout: 30_000 });
    const rows = page.getByTestId('photo-row-alt');
    await expect.poll(() => rows.count()).toBe(3);
    await rows.nth(0).fill('Keynote on the main stage');
    await rows.nth(1).fill('Workshop on eBPF tooling');
    await rows.nth(2).fill('Volunteers after the closing talk');
    await page.getByTestId('photo-batch-done').click();
    await expect.poll(() => page.locator('.preview-pane img').count()).toBe(3);
    for (const alt of ['Keynote on the main stage', 'Workshop on eBPF tooling', 'Volunteers after the closing talk']) {
      await expect.poll(() => page.locator(`.preview-pane img[alt="${alt}"]`).evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(900);
    }
    expect(await page.locator('.preview-pane .img-notice.is-missing').count()).toBe(0);

    // The cover: a photo of the tray.
    const card = page.locator('[data-testid="photo-card"][data-name="keynote.jpg"]');
    await card.locator('.photo-thumb').click();
    await card.getByTestId('photo-cover').click();
    await expect.poll(() => page.getByTestId('field-title').inputValue()).toBe('KCD Hangzhou 2026');

    // Problems: none, and export says the same.
    await expect.poll(() => problemsText(page)).toContain('No problems found');

    // Export into the website checkout (typed, as the browser mode has no folder dialog).
    await page.keyboard.press('Control+E');
    await pickExportKind(page, 'site');
    await page.getByTestId('export-site-path').fill(site);
    await page.getByTestId('export-site-path').press('Enter');
    await expect.poll(() => page.getByTestId('export-post').textContent()).toContain('content/en/news/kcd-hangzhou-2026.md');
    expect(await page.getByTestId('export-checks-ok').count()).toBe(1);
    await page.getByTestId('export-run').click();
    await page.getByTestId('export-done').waitFor();
    await page.getByTestId('export-close').click();
    expect(await posts(site)).toEqual(['kcd-hangzhou-2026.md']);
    expect((await fs.readdir(path.join(site, 'static', 'images', 'news', 'kcd-hangzhou-2026'))).sort()).toEqual(['img-2041.jpg', 'img-2042.jpg', 'keynote.jpg']);
    // The recap is that post now, not a bare draft; and nothing is unsaved.
    await expect.poll(() => page.title()).toBe('kcd-hangzhou-2026.md — Recap Studio');
    const post = path.join(site, 'content', 'en', 'news', 'kcd-hangzhou-2026.md');
    expect(await page.getByTestId('dirty-marker').count()).toBe(0);
    expect(await fs.readFile(post, 'utf8')).toContain('![Keynote on the main stage](/images/news/kcd-hangzhou-2026/keynote.jpg)');

    // A new title, exported again: the same post is updated, never a second one, never a conflict.
    await page.getByTestId('field-title').fill('KCD Hangzhou 2026: eBPF and platform engineering');
    await page.keyboard.press('Control+E');
    await expect.poll(() => page.getByTestId('export-post').textContent()).toContain('its own file in this site');
    expect(await page.getByTestId('export-replace').count()).toBe(0);
    expect(await page.getByTestId('export-files').textContent()).toContain('changed content/en/news/kcd-hangzhou-2026.md');
    await page.getByTestId('export-run').click();
    await page.getByTestId('export-done').waitFor();
    await page.getByTestId('export-close').click();
    expect(await posts(site)).toEqual(['kcd-hangzhou-2026.md']);
    expect(await fs.readFile(post, 'utf8')).toContain('title: "KCD Hangzhou 2026: eBPF and platform engineering"');
    await expect.poll(() => page.title()).toBe('kcd-hangzhou-2026.md — Recap Studio');

    // Save knows the export's write was its own: no "changed on disk".
    await editor(page).focus();
    await editor(page).press('Control+End');
    await page.keyboard.type('Thanks to every volunteer.');
    await page.keyboard.press('Control+S');
    await expect.poll(() => fs.readFile(post, 'utf8')).toContain('Thanks to every volunteer.');
    // The window knows it is saved once the answer is back (the file is written a moment before).
    await expect.poll(() => page.getByTestId('dirty-marker').count()).toBe(0);
    expect(await page.getByTestId('toast').allTextContents()).not.toContainEqual(expect.stringContaining('changed'));
    expect(await page.locator('[data-testid="disk-banner"]').count()).toBe(0);

    // Reopened from the home screen: the post, with its photos, and no problem.
    await page.getByTestId('btn-home').click();
    await page.getByTestId('home').waitFor();
    await page.context().close();
    const again = await session.open({ file: post });
    await expect.poll(() => again.locator('.preview-pane img').count()).toBe(3);
    expect(await again.locator('.preview-pane .img-notice.is-missing').count()).toBe(0);
    await expect.poll(() => problemsText(again)).toContain('No problems found');
    await again.context().close();
  });
});
