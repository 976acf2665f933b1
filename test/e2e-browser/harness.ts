// Starts the browser-mode server on the built renderer and Debian's Chromium, so tests drive
// the real renderer and the real service as a user would.
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { startWebServer, type WebServer } from '../../electron/web/server';
import { chromiumArgs, chromiumPath } from '../chromium.mjs';

export const root = path.join(__dirname, '..', '..');
export const referenceRecap = path.join(root, 'test', 'fixtures', 'kubernetes-community-days-china.md');

export interface Session {
  server: WebServer;
  browser: Browser;
  dir: string;
  /** The data folder the server keeps drafts in. */
  home: string;
  /** A page in a new browser context (English, 1280×800 unless `options` say otherwise), once the app is ready. */
  open(query?: Record<string, string>, options?: BrowserContextOptions): Promise<Page>;
  /** A page on the home screen (after a previous page, the app reopens what was open: go home). */
  openHome(): Promise<Page>;
  /** A page with a new recap (New on the home screen). */
  openNew(): Promise<Page>;
  close(): Promise<void>;
}

export async function startSession(): Promise<Session> {
  const rendererDir = path.join(root, 'dist', 'renderer');
  if (!existsSync(path.join(rendererDir, 'index.html'))) throw new Error('dist/renderer is missing: run npm run build first.');
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'recap-e2e-'));
  const home = path.join(dir, 'data');
  const server = await startWebServer({ rendererDir, home, cacheDir: path.join(dir, 'cache') });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs() });
  const session: Session = {
    server,
    browser,
    dir,
    home,
    async openHome() {
      const page = await session.open();
      if (!(await page.getByTestId('home').isVisible())) await page.getByTestId('btn-home').click();
      await page.getByTestId('home').waitFor({ state: 'visible' });
      return page;
    },
    async openNew() {
      const page = await session.openHome();
      await page.getByTestId('home-new').click();
      await page.getByTestId('field-title').waitFor({ state: 'visible' });
      return page;
    },
    async open(query = {}, options = {}) {
      // English whatever the machine's language: the tests read the interface's English words.
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US', ...options });
      const page = await context.newPage();
      page.on('pageerror', (err) => console.error('[page error]', err.message));
      const extra = Object.entries(query)
        .map(([k, v]) => `&${k}=${encodeURIComponent(v)}`)
        .join('');
      await page.goto(server.url + extra);
      await ready(page);
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
  return session;
}

/** Waits until the app has shown what it opens at start (the home screen or a recap). */
export async function ready(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { __recapReady?: boolean }).__recapReady === true, null, { timeout: 20_000 });
}

/**
 * A screenshot to look at (and the README's), when SCREENSHOTS_DIR is set; after the page's
 * images have loaded (decoded), so the shot shows the post as it reads.
 */
export async function shoot(page: Page, name: string): Promise<void> {
  const dir = process.env['SCREENSHOTS_DIR'];
  if (!dir) return;
  await fs.mkdir(dir, { recursive: true });
  await page.waitForFunction(() => [...document.querySelectorAll('img')].every((i) => i.complete));
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
}

/**
 * Picks an export kind as the author does: a click on its card, which is a choice even when that
 * kind is already the one shown (Playwright's check() would do nothing then, and the dialog's
 * default, still arriving, could replace it).
 */
export async function pickExportKind(page: Page, kind: 'site' | 'folder' | 'zip'): Promise<void> {
  await page.getByTestId(`export-kind-${kind}`).locator('xpath=..').click();
  await expect.poll(() => page.getByTestId(`export-kind-${kind}`).isChecked()).toBe(true);
}

/**
 * Holds the first `count` requests to `url` (a Playwright URL pattern) until `release()`, so that
 * a test decides what arrives first whatever the machine's speed; `asked` gets each request's
 * body as it is made.
 */
export async function holdRequests(page: Page, url: string, count = 1): Promise<{ asked: string[]; release(): void }> {
  let open = (): void => undefined;
  const held = new Promise<void>((resolve) => (open = resolve));
  const asked: string[] = [];
  await page.route(url, async (route) => {
    asked.push(route.request().postData() ?? '');
    if (asked.length <= count) await held;
    await route.continue();
  });
  return { asked, release: () => open() };
}

/** Lines that differ between two texts of the same line count. */
export function changedLines(a: string, b: string): Array<[number, string | undefined, string | undefined]> {
  const x = a.split('\n');
  const y = b.split('\n');
  const out: Array<[number, string | undefined, string | undefined]> = [];
  for (let i = 0; i < Math.max(x.length, y.length); i++) if (x[i] !== y[i]) out.push([i + 1, x[i], y[i]]);
  return out;
}

/** The editor's scroll position that puts the line starting with `line` at its top (measured on a copy of its text). */
export const editorTopOf = (page: Page, line: string) =>
  page.locator('.editor-pane .w-md-editor-text-input').evaluate((ta, line) => {
    const textarea = ta as HTMLTextAreaElement;
    const style = getComputedStyle(textarea);
    const copy = document.createElement('div');
    for (const p of ['fontFamily', 'fontSize', 'lineHeight', 'letterSpacing', 'whiteSpace', 'wordBreak', 'overflowWrap', 'tabSize', 'paddingLeft', 'paddingRight', 'paddingTop'] as const) copy.style[p] = style[p];
    copy.style.cssText += `;position:absolute;visibility:hidden;box-sizing:border-box;width:${textarea.clientWidth}px`;
    copy.textContent = textarea.value.slice(0, textarea.value.indexOf(`\n${line}`) + 1);
    const mark = document.createElement('span');
    mark.textContent = 'x';
    copy.appendChild(mark);
    document.body.appendChild(copy);
    const top = mark.offsetTop - parseFloat(style.paddingTop);
    copy.remove();
    return top;
  }, line);

/**
 * One session for a test file (started before its tests, closed after them), with `write`: a
 * file at a path under the session's folder, folders made as needed; it returns the file's path.
 */
export function sessionForFile(): { session(): Session; write(rel: string, text: string): Promise<string> } {
  let session: Session | undefined;
  beforeAll(async () => {
    session = await startSession();
  });
  afterAll(async () => {
    await session?.close();
  });
  const started = (): Session => {
    if (!session) throw new Error('the session has not started');
    return session;
  };
  return {
    session: started,
    async write(rel, text) {
      const file = path.join(started().dir, rel);
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, text);
      return file;
    },
  };
}
