// The first journey against the real Electron app. It needs an Electron binary, which CI here
// cannot download (GitHub releases are out of reach): then it prints a skip line and skips.
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';

const root = path.join(__dirname, '..', '..');

function electronBinary(): string | null {
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  const pathFile = path.join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile) && !override) return null;
  const exe = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : 'electron';
  const full = override ? path.join(override, exe) : path.join(root, 'node_modules', 'electron', 'dist', exe);
  return existsSync(full) ? full : null;
}

const binary = electronBinary();
if (!binary) {
  console.log('SKIPPED Electron end-to-end specs: no Electron binary (set ELECTRON_OVERRIDE_DIST_PATH or run npm install where GitHub releases are reachable).');
}

describe.skipIf(!binary)('Electron: new recap → form → Markdown → Ctrl+S', () => {
  let app: ElectronApplication;
  let page: Page;
  let dir: string;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'recap-electron-'));
    app = await _electron.launch({
      executablePath: binary ?? undefined,
      // A fresh data folder: drafts and history of this run only.
      args: [path.join(root, 'dist', 'electron', 'main.js'), `--user-data-dir=${path.join(dir, 'user-data')}`, ...(process.env['CI'] ? ['--no-sandbox'] : [])],
      env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' },
    });
    page = await app.firstWindow();
    await page.waitForFunction(() => (window as unknown as { __recapReady?: boolean }).__recapReady === true);
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
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle())).toBe('KCD Electron (draft) — Recap Studio');
    await page.keyboard.press('Control+S');
    await expect.poll(() => fs.readFile(target, 'utf8').catch(() => ''), { timeout: 10_000 }).toContain('Typed in Electron.');
    const written = await fs.readFile(target, 'utf8');
    expect(written).toMatch(/^---\ntitle: "KCD Electron"\n/);
    expect(written).toContain('author: "Lindsay"');
    await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle())).toBe('kcd-electron.md — Recap Studio');
  });

  it('runs sandboxed, isolated, without Node in the page', async () => {
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const wc = BrowserWindow.getAllWindows()[0]?.webContents;
      return { node: typeof (globalThis as { require?: unknown }).require, url: wc?.getURL() };
    });
    expect(prefs.url).toMatch(/^file:.*index\.html/);
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (window as unknown as { process?: unknown }).process)).toBe('undefined');
  });
});
