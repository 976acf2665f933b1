// The first journey against the real Electron app. It needs an Electron binary, which CI here
// cannot download (GitHub releases are out of reach): then it prints a skip line and skips.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElectronApplication, Page } from 'playwright-core';
import { binary, launch, sayIfSkipped, windowTitle } from './launch';

sayIfSkipped('editor');

describe.skipIf(!binary)('Electron: new recap → form → Markdown → Ctrl+S', () => {
  let app: ElectronApplication;
  let page: Page;
  let dir: string;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'recap-electron-'));
    // A fresh data folder: drafts and history of this run only.
    ({ app, page } = await launch(path.join(dir, 'user-data')));
  });

  afterAll(async () => {
    await app?.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('writes what the author typed, with the window title following the file', async () => {
    const target = path.join(dir, 'kcd-electron.md');
    // The native Save dialog cannot be clicked by a test: answer it from the main process.
    await app.evaluate(({ dialog }, filePath) => {
      dialog.showSaveDialog = (() => Promise.resolve({ canceled: false, filePath })) as typeof dialog.showSaveDialog;
    }, target);
    // A fresh start shows the home screen; New opens the event-recap template as a draft.
    await page.getByTestId('home-new').click();
    await page.getByTestId('field-title').fill('KCD Electron');
    await page.getByTestId('field-author').fill('Lindsay');
    await page.getByTestId('field-author').press('Enter');
    const editor = page.locator('.w-md-editor-text-input');
    await editor.click();
    await editor.press('Control+End');
    await editor.pressSequentially('\nTyped in Electron.');
    await expect.poll(() => page.getByTestId('draft-status').textContent()).toMatch(/^Draft saved/);
    expect(await windowTitle(app)).toBe('KCD Electron (draft) — Recap Studio');
    await page.keyboard.press('Control+S');
    await expect.poll(() => fs.readFile(target, 'utf8').catch(() => ''), { timeout: 10_000 }).toContain('Typed in Electron.');
    const written = await fs.readFile(target, 'utf8');
    expect(written).toMatch(/^---\ntitle: "KCD Electron"\n/);
    expect(written).toContain('author: "Lindsay"');
    await expect.poll(() => windowTitle(app)).toBe('kcd-electron.md — Recap Studio');
  });

  it('runs from app://recap/, sandboxed, isolated, without Node in the page, under the CSP', async () => {
    const url = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.webContents.getURL());
    expect(url).toMatch(/^app:\/\/recap\/index\.html/);
    expect(await page.evaluate(() => window.location.origin)).toBe('app://recap');
    // The page cannot reach the network or its own files beyond what it loads.
    expect(await page.evaluate(() => fetch('app://recap/index.html').then(() => 'fetched', () => 'refused'))).toBe('refused');
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (window as unknown as { process?: unknown }).process)).toBe('undefined');
  });
});
