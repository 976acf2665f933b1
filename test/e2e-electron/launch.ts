// Starts the real Electron app for the end-to-end specs. They need an Electron binary, which a
// machine without GitHub releases cannot download: then every spec prints one skip line and
// skips. Point ELECTRON_OVERRIDE_DIST_PATH at an unpacked Electron to run them anyway.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';

export const root = path.join(__dirname, '..', '..');

function findBinary(): string | null {
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  const pathFile = path.join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile) && !override) return null;
  const exe = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : process.platform === 'win32' ? 'electron.exe' : process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron';
  const full = override ? path.join(override, exe) : path.join(root, 'node_modules', 'electron', 'dist', exe);
  return existsSync(full) ? full : null;
}

export const binary = findBinary();

let said = false;
/** Prints the skip line once per spec file when there is no binary. */
export function sayIfSkipped(what: string): void {
  if (binary || said) return;
  said = true;
  console.log(`SKIPPED Electron end-to-end specs: ${what}, no Electron binary (set ELECTRON_OVERRIDE_DIST_PATH or run npm install where GitHub releases are reachable).`);
}

export interface Launched {
  app: ElectronApplication;
  page: Page;
}

/** Launches dist/electron/main/index.js with its own data folder and waits for the page to be ready. */
export async function launch(userData: string, args: string[] = []): Promise<Launched> {
  if (!binary) throw new Error('No Electron binary.');
  const app = await _electron.launch({
    executablePath: binary,
    args: [path.join(root, 'dist', 'electron', 'main', 'index.js'), `--user-data-dir=${userData}`, ...(process.env['CI'] ? ['--no-sandbox'] : []), ...args],
    env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' },
  });
  const page = await app.firstWindow();
  await page.waitForFunction(() => (window as unknown as { __recapReady?: boolean }).__recapReady === true);
  return { app, page };
}

/** The title of the app's first window, read in the main process. */
export function windowTitle(app: ElectronApplication): Promise<string | undefined> {
  return app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle());
}

export const editor = (page: Page) => page.locator('.w-md-editor-text-input');
