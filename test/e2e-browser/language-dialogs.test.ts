// The photo tray and import panel, the export dialog, History and the find bar in Simplified
// Chinese, in a browser whose language is zh-CN: their own words are Chinese, and no visible
// text (nor a placeholder, title or accessible name) in them is left in English — file names,
// paths, numbers, key names and brands aside.
// SCREENSHOTS_DIR=dir also writes the export dialog and the photo tray, light and dark, there.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickExportKind, referenceRecap, startSession, type Session } from './harness';

let session: Session;

/**
 * The reference recap as a post of a Hugo site of its own (`name`) that has all its photos:
 * export's checks pass, whatever another test imported or typed.
 */
async function hugoSiteWithPhotos(name: string): Promise<string> {
  const root = path.join(session.dir, name);
  const file = path.join(root, 'content', 'en', 'news', 'kubernetes-community-days-china.md');
  const images = path.join(root, 'static', 'images', 'news', 'kcd-china');
  await Promise.all([fs.mkdir(path.dirname(file), { recursive: true }), fs.mkdir(images, { recursive: true })]);
  await fs.writeFile(path.join(root, 'hugo.toml'), 'baseURL = "https://example.org/"\n');
  await fs.copyFile(referenceRecap, file);
  const names = [...(await fs.readFile(referenceRecap, 'utf8')).matchAll(/\/images\/news\/kcd-china\/([\w-]+\.png)/g)].map((m) => m[1] ?? '');
  await Promise.all(
    [...new Set(names)].map((name, i) =>
      sharp({ create: { width: 480, height: 300, channels: 3, background: { r: 60 + 30 * i, g: 120, b: 210 } } })
        .png()
        .toFile(path.join(images, name)),
    ),
  );
  return file;
}

beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

/** The recap in a browser whose language (navigator.language) is Chinese. */
async function openInChinese(site: string, scheme: 'light' | 'dark' = 'light', height = 800): Promise<Page> {
  const file = await hugoSiteWithPhotos(site);
  const context = await session.browser.newContext({ viewport: { width: 1280, height }, locale: 'zh-CN', colorScheme: scheme });
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error('[page error]', err.message));
  await page.goto(`${session.server.url}&file=${encodeURIComponent(file)}`);
  await page.waitForFunction(() => (window as unknown as { __recapReady?: boolean }).__recapReady === true, null, { timeout: 20_000 });
  await page.getByTestId('field-title').waitFor();
  return page;
}

/** Words that read the same in Chinese: brands, key names, units and formats. */
const KEPT = /Recap Studio|Hugo|git (?:status --short|add)|Shift|Enter|Escape|Ctrl|Cmd|F3|KB|MB|UTF-8|URL|slug|\.zip|Zip|PNG|JPEG/g;
/** Paths, URLs and file names. */
const NAMES = /\S*\/\S*|[\w-]+\.(?:png|jpe?g|md|zip)\b/gi;
/** What the author or the site named (paths, file names, the recap's own text): never translated. */
const DATA = 'code, .diff-text, .photo-name, .batch-name';
/**
 * History's times come from renderer/ui/format.ts (dayAndTime), which the ui part of the
 * translation converts; until it is merged they read "Today 14:05:09".
 */
const CJK = /\p{Script=Han}/u;

/**
 * Visible text, placeholders, titles and accessible names inside `root` that still read as
 * English: an English phrase, or an English word with no Chinese around it (a single name in a
 * Chinese sentence, like a front-matter field's, is the author's).
 */
async function english(root: Locator): Promise<string[]> {
  const texts = await root.evaluate((el, data) => {
    const out: string[] = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      if (!parent || parent.closest(data) || parent.getClientRects().length === 0 || getComputedStyle(parent).visibility === 'hidden') continue;
      out.push(n.textContent ?? '');
    }
    for (const e of [el, ...el.querySelectorAll('[placeholder], [title], [aria-label]')]) {
      for (const a of ['placeholder', 'title', 'aria-label']) out.push(e.getAttribute(a) ?? '');
    }
    return out;
  }, DATA);
  return texts
    .map((s) => s.replace(NAMES, ' ').replace(KEPT, ' ').trim())
    .filter((s) => /[A-Za-z]{3,}\s+[A-Za-z]{3,}/.test(s) || (/[A-Za-z]{3,}/.test(s) && !CJK.test(s)));
}

async function shoot(target: Page | Locator, name: string): Promise<void> {
  const dir = process.env['SCREENSHOTS_DIR'];
  if (!dir) return;
  await fs.mkdir(dir, { recursive: true });
  await target.screenshot({ path: path.join(dir, `${name}.png`) });
}

/** The photo tray, opened (with the first photo's actions shown when `select`). */
async function openTray(page: Page, select = true): Promise<Locator> {
  const tray = page.getByTestId('photo-tray');
  const toggle = page.getByTestId('photo-tray-toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect.poll(() => page.getByTestId('photo-card').count(), { timeout: 10_000 }).toBeGreaterThan(0);
  if (select) {
    await page.getByTestId('photo-card').first().locator('.photo-thumb').click();
    await page.getByTestId('photo-insert').waitFor();
  }
  return tray;
}

/** The export dialog to a new folder `out`, its plan shown. */
async function openExport(page: Page, out: string): Promise<Locator> {
  await page.keyboard.press('Control+E');
  const dialog = page.getByRole('dialog', { name: '导出回顾' });
  await dialog.waitFor();
  await pickExportKind(page, 'folder');
  await page.getByTestId('export-folder').fill(path.join(session.dir, out));
  await page.getByTestId('export-checks-ok').waitFor();
  return dialog;
}

describe('the dialogs in Simplified Chinese', () => {
  it('the photo tray and the import panel', async () => {
    const page = await openInChinese('photo-site');
    const tray = await openTray(page);
    expect(await tray.locator('.fm-title').textContent()).toBe('照片');
    expect(await page.getByTestId('photo-add').textContent()).toBe('添加…');
    expect(await page.getByTestId('photo-insert').textContent()).toBe('插入到光标处');
    expect(await page.getByTestId('photo-remove').textContent()).toBe('删除');
    expect(await english(tray)).toEqual([]);

    // Add… in the browser mode: the page's own file chooser, then the import panel.
    const photo = path.join(session.dir, 'new-photo.png');
    await sharp({ create: { width: 640, height: 400, channels: 3, background: '#2f6fde' } }).png().toFile(photo);
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('photo-add').click();
    await (await chooser).setFiles(photo);
    const panel = page.locator('[data-testid="photo-batch"][data-running="false"]');
    await panel.waitFor({ timeout: 30_000 });
    expect(await panel.getAttribute('aria-label')).toBe('照片导入');
    expect(await panel.locator('.batch-title').textContent()).toBe('已将 1 张照片添加到文件夹');
    expect(await panel.locator('.batch-summary').textContent()).toBe('已导入 1 张');
    expect(await panel.getByTestId('photo-row').locator('.batch-status').textContent()).toBe('已导入');
    expect(await page.getByTestId('photo-batch-done').textContent()).toBe('完成');
    expect(await english(panel)).toEqual([]);
    await shoot(page, 'photo-import-zh-light');
    await page.getByTestId('photo-batch-done').click();
    await page.context().close();
  });

  it('the export dialog', async () => {
    const page = await openInChinese('export-site');
    const dialog = await openExport(page, 'export-out');
    expect(await page.getByTestId('export-kind-site').locator('xpath=..').locator('.export-target-title').textContent()).toBe('网站本地仓库');
    expect(await page.getByTestId('export-checks-ok').textContent()).toBe('✓ 前置元数据、图片、替代文本和布局均无问题。');
    expect(await dialog.locator('.export-heading').allTextContents()).toEqual(['检查', '文件 · 文章位于 content/en/news/']);
    await expect.poll(() => page.getByTestId('export-run').textContent()).toBe('导出');
    expect(await page.getByTestId('export-cancel').textContent()).toBe('取消');
    expect(await english(dialog)).toEqual([]);

    await page.getByTestId('export-run').click();
    const done = page.getByRole('dialog', { name: '已导出' });
    await done.waitFor();
    expect(await page.getByTestId('export-done').locator('p').first().textContent()).toMatch(/^已导出到 .+export-out：新增 \d+ 个，更改 0 个。$/);
    expect(await english(done)).toEqual([]);
    await page.context().close();
  });

  it('the preview, History and the find bar', async () => {
    const page = await openInChinese('history-site');
    const editor = page.locator('.editor-pane .w-md-editor-text-input');
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n\n补充一句结尾。\n\n![合影](/images/news/kcd-china/group.png)');
    // The preview's own words: the date as Chinese writes it, a missing photo said in Chinese.
    await expect.poll(() => page.locator('.pv-byline').textContent()).toMatch(/^2021年11月2日/);
    const missing = page.locator('.img-notice.is-missing');
    await expect.poll(() => missing.textContent(), { timeout: 10_000 }).toMatch(/^缺少图片：\/images\/news\/kcd-china\/group\.png（查找位置：.+group\.png）$/);
    expect(await english(missing)).toEqual([]);
    await page.getByTestId('btn-history').click();
    const history = page.getByRole('dialog', { name: '此回顾的历史版本' });
    await history.waitFor();
    await expect.poll(() => page.getByTestId('history-item').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('history-restore').textContent()).toBe('恢复此版本');
    expect(await page.getByTestId('history-close').textContent()).toBe('关闭');
    expect(await english(history)).toEqual([]);
    await page.getByTestId('history-close').click();

    await editor.click();
    await page.keyboard.press('Control+H');
    const bar = page.getByTestId('find-bar');
    await page.getByTestId('find-query').fill('Kubernetes');
    await expect.poll(() => page.getByTestId('find-count').textContent()).toMatch(/^第 1 项，共 \d+ 项$/);
    expect(await page.getByTestId('find-query').getAttribute('placeholder')).toBe('查找');
    expect(await page.getByTestId('find-replace-all').textContent()).toBe('全部替换');
    expect(await english(bar)).toEqual([]);
    await page.getByTestId('find-regex').click();
    await page.getByTestId('find-query').fill('(unclosed');
    await expect.poll(() => page.getByTestId('find-error').textContent()).toMatch(/^不是有效的正则表达式：.+。$/);
    await page.context().close();
  });

  it('looks right: the export dialog and the photo tray, light and dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await openInChinese(`${scheme}-site`, scheme, 1100);
      // The form folded away, so the tray has the side panel's height.
      await page.locator('[data-testid="photo-tray"]').waitFor();
      const tray = await openTray(page, false);
      await shoot(page.locator('.side'), `photo-tray-zh-${scheme}`);
      await page.getByTestId('photo-card').nth(1).locator('.photo-thumb').click();
      await shoot(page.locator('.side'), `photo-tray-details-zh-${scheme}`);
      expect(await english(tray)).toEqual([]);
      await openExport(page, `export-${scheme}`);
      await shoot(page, `export-zh-${scheme}`);
      // Nothing in the dialog spills out of its box with the Chinese words.
      const overflow = await page.locator('.modal-export').evaluate((el) => el.scrollWidth - el.clientWidth);
      expect(overflow).toBe(0);
      await page.context().close();
    }
  });
});
