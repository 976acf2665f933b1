// Themes (the system's prefers-color-scheme, the switch, a reload), the word count and the
// accessible names of the form, the top bar and the home screen, in the real page.
// SCREENSHOTS_DIR=dir also writes the home screen and the editor in both themes there.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceRecap, shoot, startSession, type Session } from './harness';

let session: Session;
let post: string;

const LIGHT_BG = 'rgb(245, 246, 248)';
const DARK_BG = 'rgb(21, 24, 29)';
const LIGHT_SURFACE = 'rgb(255, 255, 255)';
const DARK_SURFACE = 'rgb(28, 32, 39)';

/** A picture like an event photo: a gradient with its name, so screenshots look like a recap. */
function photo(name: string, hue: number): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="600"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue},70%,52%)"/><stop offset="1" stop-color="hsl(${hue + 30},75%,68%)"/></linearGradient></defs><rect width="1200" height="600" fill="url(#g)"/><circle cx="1040" cy="120" r="190" fill="rgba(255,255,255,0.16)"/><text x="60" y="100" font-family="sans-serif" font-size="40" fill="rgba(255,255,255,0.85)">KCD China · Beijing 2021</text><text x="60" y="530" font-family="sans-serif" font-weight="bold" font-size="64" fill="white">${name}</text></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** A Hugo site whose only post is the reference recap: its fields are required there. */
async function site(): Promise<string> {
  const root = path.join(session.dir, 'site');
  const file = path.join(root, 'content', 'en', 'news', 'kubernetes-community-days-china.md');
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(path.join(root, 'hugo.toml'), 'baseURL = "https://example.org/"\ntitle = "Community"\n');
  await fs.copyFile(referenceRecap, file);
  const images = path.join(root, 'static', 'images', 'news', 'kcd-china');
  await fs.mkdir(images, { recursive: true });
  const names = ['kcd-china-event', 'kcd-beijing-organizers', 'guest-speakers', 'kcd-event', 'kcd-event-2', 'kcd-event-3'];
  for (const [i, name] of names.entries()) await fs.writeFile(path.join(images, `${name}.png`), await photo(name, 200 + i * 25));
  return file;
}

beforeAll(async () => {
  session = await startSession();
  post = await site();
});
afterAll(async () => {
  await session?.close();
});

/** A page in a browser whose system is set to `scheme`; `file` opens that recap. */
async function openIn(scheme: 'light' | 'dark', file?: string): Promise<Page> {
  const context = await session.browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: scheme, locale: 'en-US' });
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error('[page error]', err.message));
  // The theme the page had when <body> first appeared: what its first paint used.
  await page.addInitScript(() => {
    const seen = new MutationObserver(() => {
      if (!document.body) return;
      (window as unknown as { __themeAtBody?: string | null }).__themeAtBody = document.documentElement.getAttribute('data-theme');
      seen.disconnect();
    });
    seen.observe(document, { childList: true, subtree: true });
  });
  await page.goto(session.server.url + (file ? `&file=${encodeURIComponent(file)}` : ''));
  await ready(page);
  return page;
}

async function ready(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { __recapReady?: boolean }).__recapReady === true, null, { timeout: 20_000 });
}

/** Computed background colours of the page, the text editor and the preview. */
async function colours(page: Page): Promise<{ page: string; editor: string; preview: string; previewText: string }> {
  await page.getByTestId('preview').waitFor();
  await page.locator('.w-md-editor-content').waitFor();
  return page.evaluate(() => {
    const bg = (sel: string): string => getComputedStyle(document.querySelector(sel) as Element).backgroundColor;
    return {
      page: bg('body'),
      editor: bg('.w-md-editor-content'),
      preview: bg('.preview-pane'),
      previewText: getComputedStyle(document.querySelector('[data-testid="preview"]') as Element).color,
    };
  });
}


describe('themes', () => {
  it('follows the system: light and dark pages, editor and preview, live when the system switches', async () => {
    const dark = await openIn('dark', post);
    expect(await dark.evaluate(() => (window as unknown as { __themeAtBody?: string }).__themeAtBody)).toBe('dark');
    expect(await colours(dark)).toEqual({ page: DARK_BG, editor: DARK_SURFACE, preview: DARK_SURFACE, previewText: 'rgb(217, 221, 227)' });
    expect(await dark.getByRole('combobox', { name: 'Theme' }).inputValue()).toBe('system');
    // Images in the preview keep their colours (never inverted).
    await dark.locator('.pv img').first().waitFor();
    expect(await dark.locator('.pv img').first().evaluate((img) => getComputedStyle(img).filter)).not.toMatch(/invert/);
    await shoot(dark, 'editor-dark');

    await dark.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => colours(dark)).toEqual({ page: LIGHT_BG, editor: LIGHT_SURFACE, preview: LIGHT_SURFACE, previewText: 'rgb(34, 37, 43)' });
    await shoot(dark, 'editor-light');
    await dark.context().close();
  });

  it('the switch overrides the system, survives a reload from the first paint, and System follows it again', async () => {
    const page = await openIn('light', post);
    expect(await page.evaluate(() => (window as unknown as { __themeAtBody?: string }).__themeAtBody)).toBe('light');
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
    await expect.poll(() => colours(page)).toEqual({ page: DARK_BG, editor: DARK_SURFACE, preview: DARK_SURFACE, previewText: 'rgb(217, 221, 227)' });
    // The Markdown editor's own colours follow too.
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-color-mode'))).toBe('dark');

    await page.reload();
    await ready(page);
    expect(await page.evaluate(() => (window as unknown as { __themeAtBody?: string }).__themeAtBody)).toBe('dark');
    expect(await colours(page)).toMatchObject({ page: DARK_BG, editor: DARK_SURFACE, preview: DARK_SURFACE });
    expect(await page.getByRole('combobox', { name: 'Theme' }).inputValue()).toBe('dark');

    await page.getByRole('combobox', { name: 'Theme' }).selectOption('system');
    await expect.poll(() => colours(page)).toMatchObject({ page: LIGHT_BG, editor: LIGHT_SURFACE, preview: LIGHT_SURFACE });
    expect(await page.evaluate(() => window.localStorage.getItem('recap-studio.theme'))).toBeNull();
    await page.context().close();
  });

  it('the home screen has the switch too, and dialogs are dark in the dark theme', async () => {
    const page = await openIn('light');
    if (!(await page.getByTestId('home').isVisible())) await page.getByTestId('btn-home').click();
    await page.getByTestId('home').waitFor();
    await shoot(page, 'home-light');
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(DARK_BG);
    await shoot(page, 'home-dark');
    // The browser mode's Open dialog (the in-app file picker) is a dark modal too.
    await page.getByTestId('home-open').click();
    const modal = page.locator('.modal');
    await modal.waitFor();
    expect(await modal.evaluate((m) => getComputedStyle(m).backgroundColor)).toBe(DARK_SURFACE);
    await shoot(page, 'open-dialog-dark');
    await page.context().close();
  });
});

describe('word count', () => {
  it('counts the body as the author types, in English and Chinese', async () => {
    const page = await openIn('light', post);
    const count = page.getByTestId('word-count');
    await expect.poll(() => count.textContent()).toBe('296 words · 2 min read');
    const editor = page.locator('.w-md-editor-text-input');
    await editor.click();
    await editor.press('Control+End');
    await editor.pressSequentially('\n\nThanks, [everyone](https://example.org/thanks)!');
    await expect.poll(() => count.textContent()).toBe('298 words · 2 min read');
    await editor.pressSequentially('\n\n感谢所有志愿者');
    await expect.poll(() => count.textContent()).toBe('305 words · 2 min read');
    // A title change is front matter: not counted.
    await page.getByTestId('field-title').fill('KCD China 2021');
    await expect.poll(() => page.title()).toMatch(/•/);
    expect(await count.textContent()).toBe('305 words · 2 min read');
    await page.context().close();
  });
});

/** Lines of an ARIA snapshot for a control with no accessible name (e.g. `- button` or `- textbox: text`). */
function unnamedControls(snapshot: string): string[] {
  return snapshot.split('\n').filter((line) => /^\s*- (button|textbox|combobox|checkbox|switch|searchbox|spinbutton|link|radio|slider)(?: \[[^\]]*\])*(?::.*)?$/.test(line));
}

describe('accessible names', () => {
  it('required fields read "Title (required)", and every control of the form, top bar and home has a name', async () => {
    const page = await openIn('light', post);
    await expect.poll(() => page.getByRole('textbox', { name: 'Title (required)', exact: true }).count()).toBe(1);
    expect(await page.getByRole('textbox', { name: 'Title (required)', exact: true }).getAttribute('data-testid')).toBe('field-title');
    expect(await page.getByRole('textbox', { name: 'Description (required)', exact: true }).count()).toBe(1);
    // The label and the asterisk's words never run together ("Titlerequired").
    expect(await page.getByRole('textbox', { name: /[a-z]required/ }).count()).toBe(0);
    expect(await page.getByRole('textbox', { name: 'Recap text (Markdown)' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Save', exact: true }).count()).toBe(1);
    expect(await page.getByRole('combobox', { name: 'Theme' }).count()).toBe(1);

    const form = await page.locator('.fm-panel').ariaSnapshot();
    expect(form).toContain('Title (required)');
    expect(unnamedControls(form)).toEqual([]);
    expect(unnamedControls(await page.locator('.topbar').ariaSnapshot())).toEqual([]);
    expect(unnamedControls(await page.locator('.editor-pane').ariaSnapshot())).toEqual([]);

    await page.getByTestId('btn-home').click();
    await page.getByTestId('home').waitFor();
    const home = await page.locator('.app').ariaSnapshot();
    expect(home).toContain('Search drafts');
    expect(unnamedControls(home)).toEqual([]);
    await page.context().close();
  });
});
