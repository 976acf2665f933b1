// The interface's language in the real page: a browser set to Chinese gets the home screen and
// the editor in Simplified Chinese, the switch goes back to English live and is remembered, and
// an English browser stays English. SCREENSHOTS_DIR=dir also writes the home screen and the
// editor in Chinese, light and dark, there.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ready, referenceRecap, startSession, type Session } from './harness';

let session: Session;
let post: string;

/** A Hugo site holding the reference recap and the images it links (plain colour fields). */
async function hugoSite(): Promise<string> {
  const root = path.join(session.dir, 'site');
  const file = path.join(root, 'content', 'en', 'news', 'kubernetes-community-days-china.md');
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(path.join(root, 'hugo.toml'), 'baseURL = "https://example.org/"\ntitle = "Community"\n');
  const text = await fs.readFile(referenceRecap, 'utf8');
  await fs.writeFile(file, text);
  const links = [...text.matchAll(/\]\(\/(images\/news\/kcd-china\/[\w-]+\.png)\)/g)].map((m) => m[1] ?? '');
  for (const [i, link] of links.entries()) {
    const target = path.join(root, 'static', link);
    await fs.mkdir(path.dirname(target), { recursive: true });
    const background = { r: 40 + i * 30, g: 110 + i * 15, b: 190 - i * 20 };
    await sharp({ create: { width: 960, height: 480, channels: 3, background } }).png().toFile(target);
  }
  return file;
}

beforeAll(async () => {
  session = await startSession();
  post = await hugoSite();
});
afterAll(async () => {
  await session?.close();
});

/** A page in a browser whose language is `locale` (navigator.language(s)); `file` opens that recap. */
function openIn(locale: string, file?: string): Promise<Page> {
  return session.open(file ? { file } : {}, { viewport: { width: 1440, height: 900 }, locale, colorScheme: 'light' });
}

async function home(page: Page): Promise<void> {
  if (!(await page.getByTestId('home').isVisible())) await page.getByTestId('btn-home').click();
  await page.getByTestId('home').waitFor();
}

async function shoot(page: Page, name: string): Promise<void> {
  const dir = process.env['SCREENSHOTS_DIR'];
  if (!dir) return;
  await fs.mkdir(dir, { recursive: true });
  await page.waitForFunction(() => [...document.querySelectorAll('img')].every((i) => i.complete));
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
}

/** The page in the light theme, then in the dark one (the browser's setting switched). */
async function shootLightAndDark(page: Page, name: string): Promise<void> {
  await shoot(page, `${name}-light`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => page.evaluate(() => document.documentElement.getAttribute('data-theme'))).toBe('dark');
  await shoot(page, `${name}-dark`);
}

/**
 * What is not the interface's own words: the recap's content and values (the text, the preview,
 * field names and values, file names and paths), the site's rules and lint's messages (those
 * are translated where they are made), and language names in the language switch.
 */
const NOT_CHROME = [
  '.w-md-editor-text',
  '.preview-pane .pv',
  '.field-label',
  '.field .field-help',
  '.field-msg',
  '.fm-rules',
  '.chip-label',
  '.extra-sub-key',
  '.extra-yaml',
  '.switch-text',
  '.doc-file',
  '.brand-name',
  '.draft-title',
  '.draft-file',
  '.draft-cover-empty',
  '.recent-name',
  '.recent-path',
  '.problem-message',
  '.problem-where',
  '[data-testid="language-select"] option',
  'code',
  'textarea',
].join(', ');

/** Names and symbols that read the same in every language, quoted values and field names given as examples. */
const SAME_EVERYWHERE = /Recap Studio|Markdown|YAML|TOML|JSON|Ctrl|Cmd|Shift|Alt|“[^”]*”|\b(?:image|tag)\b|\S*(?:[/\\]|\.\w)\S*|\b[A-Z]\b/g;

/** Texts and names (aria-label, title, placeholder) under `roots` that still have English words in them. */
async function englishLeft(page: Page, roots: string[]): Promise<string[]> {
  await page.locator(roots[0] ?? 'body').first().waitFor();
  return page.evaluate(
    ({ roots, skip, same }) => {
      const english = (text: string): boolean => /[A-Za-z]{2,}/.test(text.replace(new RegExp(same, 'g'), ''));
      const found = new Set<string>();
      for (const root of roots.flatMap((r) => [...document.querySelectorAll(r)])) {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const el = node.parentElement;
          const text = node.textContent?.trim() ?? '';
          if (!el || !text || el.closest(skip) || !el.checkVisibility()) continue;
          if (english(text)) found.add(text);
        }
        for (const el of [root, ...root.querySelectorAll('*')]) {
          if (el.closest(skip)) continue;
          for (const name of ['aria-label', 'title', 'placeholder']) {
            const value = el.getAttribute(name);
            if (value && english(value)) found.add(`${name}="${value}"`);
          }
        }
      }
      return [...found];
    },
    { roots, skip: NOT_CHROME, same: SAME_EVERYWHERE.source },
  );
}

const lang = (page: Page): Promise<string | null> => page.evaluate(() => document.documentElement.getAttribute('lang'));
const languageSwitch = (page: Page): Locator => page.getByTestId('language-select');

describe('the interface in Simplified Chinese', () => {
  it('a Chinese browser gets the home screen in Chinese, with nothing left in English', async () => {
    // The recap opened once is a draft on the home screen.
    const page = await openIn('zh-CN', post);
    await home(page);
    expect(await lang(page)).toBe('zh-CN');
    const card = page.getByTestId('draft-card').first();
    await expect.poll(() => card.locator('.draft-meta').first().textContent()).toMatch(/^2021年11月2日 · \d+ 张照片$/);
    expect(await card.locator('.draft-meta').nth(1).textContent()).toMatch(/^编辑于 (刚刚|\d+ 分钟前)/);
    expect(await card.getByTestId('draft-duplicate').textContent()).toBe('复制');
    await expect.poll(() => page.getByTestId('home-new').textContent()).toBe('新建回顾');
    expect(await page.getByTestId('home-open').textContent()).toBe('打开文件…');
    expect(await page.locator('.home-title').textContent()).toBe('你的回顾');
    expect(await page.getByRole('searchbox', { name: '搜索草稿' }).count()).toBe(1);
    expect(await page.getByRole('combobox', { name: '语言' }).inputValue()).toBe('system');
    expect(await englishLeft(page, ['.app-home-bar', '.home'])).toEqual([]);
    await shootLightAndDark(page, 'home-zh');
    await page.context().close();
  });

  it('the editor’s top bar, form and toolbar are in Chinese, with nothing left in English', async () => {
    const page = await openIn('zh-CN', post);
    expect(await lang(page)).toBe('zh-CN');
    expect(await page.getByTestId('btn-save').textContent()).toBe('保存');
    expect(await page.getByTestId('btn-export').textContent()).toBe('导出…');
    expect(await page.getByTestId('btn-history').textContent()).toBe('历史');
    await expect.poll(() => page.getByTestId('word-count').textContent()).toMatch(/^\d+ 字 · 阅读约 \d+ 分钟$/);
    await expect.poll(() => page.getByTestId('draft-status').textContent()).toMatch(/^草稿已/);
    expect(await page.locator('.fm-header .fm-title').textContent()).toBe('前置元数据');
    // A required field's accessible name: the built-in profile's label and "(required)", both in Chinese.
    expect(await page.getByRole('textbox', { name: '标题 （必填）', exact: true }).count()).toBe(1);
    expect(await page.getByTestId('rules-note').locator('summary').textContent()).toMatch(/^(检测到|通用检查|配置)/);
    expect(await page.getByRole('textbox', { name: '回顾正文（Markdown）' }).count()).toBe(1);
    await page.locator('.w-md-editor-toolbar').first().waitFor();
    expect(await page.locator('.w-md-editor-toolbar button[aria-label^="粗体"]').count()).toBe(1);
    await expect.poll(() => page.getByTestId('problems-button').textContent()).not.toBe('正在检查…');
    await shootLightAndDark(page, 'editor-zh');
    // Problems: the panel's own words (the messages are lint's).
    await page.getByTestId('problems-button').click();
    await page.locator('.problems-panel').waitFor();
    expect(await englishLeft(page, ['.topbar', '.fm-panel', '.w-md-editor-toolbar', '.sync-toggle-bar', '.problems-panel'])).toEqual([]);
    await page.keyboard.press('Escape');
    await page.context().close();
  });

  it('the switch changes to English live, is remembered after a reload, and System follows the browser again', async () => {
    const page = await openIn('zh-CN', post);
    expect(await page.getByTestId('btn-save').textContent()).toBe('保存');
    await languageSwitch(page).selectOption('en');
    await expect.poll(() => page.getByTestId('btn-save').textContent()).toBe('Save');
    expect(await lang(page)).toBe('en');
    expect(await page.getByTestId('btn-export').textContent()).toBe('Export…');
    await expect.poll(() => page.getByTestId('word-count').textContent()).toMatch(/^\d+ words · \d+ min read$/);
    expect(await page.locator('.fm-header .fm-title').textContent()).toBe('Front matter');
    expect(await page.getByRole('textbox', { name: 'Title (required)', exact: true }).count()).toBe(1);

    await page.reload();
    await ready(page);
    expect(await lang(page)).toBe('en');
    expect(await page.getByTestId('btn-save').textContent()).toBe('Save');
    expect(await languageSwitch(page).inputValue()).toBe('en');

    await languageSwitch(page).selectOption('system');
    await expect.poll(() => page.getByTestId('btn-save').textContent()).toBe('保存');
    expect(await lang(page)).toBe('zh-CN');
    expect(await page.evaluate(() => window.localStorage.getItem('recap-studio.locale'))).toBeNull();
    await page.context().close();
  });

  it('an English browser stays English, and can switch to Chinese', async () => {
    const page = await openIn('en-US');
    await home(page);
    expect(await lang(page)).toBe('en');
    expect(await page.getByTestId('home-new').textContent()).toBe('New recap');
    expect(await page.locator('.home-title').textContent()).toBe('Your recaps');
    // The check above finds English where there is some.
    expect(await englishLeft(page, ['.app-home-bar', '.home'])).toEqual(expect.arrayContaining(['Your recaps', 'placeholder="Search drafts by title, date or file"']));
    await languageSwitch(page).selectOption('zh-CN');
    await expect.poll(() => page.getByTestId('home-new').textContent()).toBe('新建回顾');
    expect(await lang(page)).toBe('zh-CN');
    await page.context().close();
  });
});
