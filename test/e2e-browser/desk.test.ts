// The desk's page side (issue 15) on the real renderer and server. The browser mode shows no
// Electron-only control; then a stand-in for Electron's preload (window.recap, the one thing
// this machine cannot run: it forwards every call to the real server and plays the main
// process's part for the Electron-only ones) shows the page's wiring: the spelling choice per
// recap, "Search in preview" through findInPage, and the View menu's choices applied.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceRecap, root, startSession, type Session } from './harness';

let session: Session;
let zhRecap: string;

beforeAll(async () => {
  session = await startSession();
  const news = path.join(session.dir, 'site', 'content', 'zh', 'news');
  await fs.mkdir(news, { recursive: true });
  await fs.writeFile(path.join(session.dir, 'site', 'hugo.toml'), 'title = "site"\n');
  zhRecap = path.join(news, 'kcd-china.md');
  await fs.copyFile(referenceRecap, zhRecap);
});
afterAll(async () => {
  await session?.close();
});

interface Calls {
  calls: { method: string; req: unknown }[];
  emit(channel: 'found' | 'view', value: unknown): void;
}

/** Electron's preload, played in the page: the real server answers, the main process's own calls are recorded. */
function fakePreload(): void {
  const token = new URL(window.location.href).searchParams.get('token') ?? '';
  const listeners: Record<string, Set<(v: unknown) => void>> = { found: new Set(), view: new Set() };
  const calls: { method: string; req: unknown }[] = [];
  let requestId = 0;
  const main: Record<string, (req: { languages?: string[] }) => unknown> = {
    // Like main: the dictionaries it has, else the system's (this machine has no Chinese one).
    setSpellcheckLanguages: (req) => {
      const kept = (req.languages ?? []).filter((l) => l !== 'zh-CN');
      return { languages: kept.length > 0 ? kept : ['en-US'], available: ['de-DE', 'en-GB', 'en-US', 'fr-FR'] };
    },
    findInPage: () => ({ requestId: ++requestId }),
    stopFindInPage: () => null,
    setLocale: () => null,
    setTheme: () => null,
  };
  const invoke = async (method: string, req: unknown): Promise<unknown> => {
    calls.push({ method, req });
    const own = main[method];
    if (own) return { ok: true, value: own((req ?? {}) as { languages?: string[] }) };
    const r = await fetch(`/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-recap-token': token }, body: JSON.stringify(req ?? {}) });
    return r.json();
  };
  const on = (channel: string) => (listener: (v: unknown) => void) => {
    listeners[channel]!.add(listener);
    return () => listeners[channel]!.delete(listener);
  };
  (window as unknown as { recap: unknown }).recap = {
    invoke,
    onCommand: () => () => undefined,
    pathForFile: () => '',
    findInPage: (text: string, options: object) => invoke('findInPage', { ...options, text }),
    stopFindInPage: () => invoke('stopFindInPage', undefined),
    onFoundInPage: on('found'),
    onViewChoice: on('view'),
  };
  (window as unknown as { __desk: Calls }).__desk = { calls, emit: (channel, value) => listeners[channel]!.forEach((l) => l(value)) };
}

async function openInElectron(file: string): Promise<Page> {
  const context = await session.browser.newContext({ viewport: { width: 1440, height: 860 } });
  await context.addInitScript(fakePreload);
  const page = await context.newPage();
  await page.goto(`${session.server.url}&file=${encodeURIComponent(file)}`);
  await page.waitForFunction(() => (window as unknown as { __recapReady?: boolean }).__recapReady === true, null, { timeout: 20_000 });
  await page.locator('.editor-pane .w-md-editor-text-input').waitFor({ state: 'visible' });
  return page;
}

const calls = (page: Page, method: string) => page.evaluate((m) => (window as unknown as { __desk: Calls }).__desk.calls.filter((c) => c.method === m).map((c) => c.req), method);
const emit = (page: Page, channel: 'found' | 'view', value: unknown) => page.evaluate(([c, v]) => (window as unknown as { __desk: Calls }).__desk.emit(c as 'found' | 'view', v), [channel, value] as const);
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(root, 'test-results', 'screenshots', name) });

describe('desk in the browser mode', () => {
  it('shows neither the spelling choice nor "Search in preview": the browser has its own', async () => {
    const page = await session.open({ file: zhRecap });
    await page.locator('.editor-pane .w-md-editor-text-input').click();
    await page.keyboard.press('Control+F');
    await page.getByTestId('find-bar').waitFor({ state: 'visible' });
    expect(await page.getByTestId('find-in-preview').count()).toBe(0);
    expect(await page.getByTestId('spelling-select').count()).toBe(0);
    await shot(page, 'desk-browser-mode.png');
    // Ctrl+F after a click in the preview is the browser's own Find: the bar stays closed …
    await page.getByTestId('find-close').click();
    await page.getByTestId('preview').locator('h2').first().click();
    const taken = await page.evaluate(() => {
      const e = new KeyboardEvent('keydown', { key: 'f', code: 'KeyF', ctrlKey: true, bubbles: true, cancelable: true });
      document.body.dispatchEvent(e);
      return e.defaultPrevented;
    });
    expect(taken).toBe(false);
    expect(await page.getByTestId('find-bar').count()).toBe(0);
    // … and in the text it is the app's find bar again.
    await page.locator('.editor-pane .w-md-editor-text-input').click();
    await page.keyboard.press('Control+F');
    await page.getByTestId('find-bar').waitFor({ state: 'visible' });
    await page.context().close();
  });
});

describe('desk in Electron (the page\'s side, with the preload played in the page)', () => {
  it('asks for the recap\'s language from its site folder, and remembers the author\'s pick per recap', async () => {
    const page = await openInElectron(zhRecap);
    await expect.poll(() => calls(page, 'setSpellcheckLanguages')).toContainEqual({ languages: ['zh-CN'] });
    const select = page.getByTestId('spelling-select');
    await expect.poll(() => select.locator('option').first().textContent()).toMatch(/^Automatic \(Chinese/);
    // No Chinese dictionary here: the select says the system's languages are used instead.
    await expect.poll(() => page.locator('.spelling-select').getAttribute('title')).toMatch(/^Spelling: No dictionary for Chinese/);
    await shot(page, 'desk-spelling-topbar.png');
    await select.selectOption('fr-FR');
    await expect.poll(async () => (await calls(page, 'setSpellcheckLanguages')).at(-1)).toEqual({ languages: ['fr-FR'] });
    await page.reload();
    await page.waitForFunction(() => (window as unknown as { __recapReady?: boolean }).__recapReady === true);
    await expect.poll(() => calls(page, 'setSpellcheckLanguages')).toContainEqual({ languages: ['fr-FR'] });
    expect(await page.getByTestId('spelling-select').inputValue()).toBe('fr-FR');
    await page.getByTestId('spelling-select').selectOption('');
    await expect.poll(async () => (await calls(page, 'setSpellcheckLanguages')).at(-1)).toEqual({ languages: ['zh-CN'] });
    // The home screen has no recap: the system's languages again, and no choice shown.
    await page.getByTestId('btn-home').click();
    await page.getByTestId('home').waitFor({ state: 'visible' });
    await expect.poll(async () => (await calls(page, 'setSpellcheckLanguages')).at(-1)).toEqual({ languages: [] });
    expect(await page.getByTestId('spelling-select').count()).toBe(0);
    await page.context().close();
  });

  it('searches the preview through findInPage, shows its count, and stops when closed', async () => {
    const page = await openInElectron(zhRecap);
    await page.locator('.editor-pane .w-md-editor-text-input').click();
    await page.keyboard.press('Control+F');
    const toggle = page.getByTestId('find-in-preview');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    // The text is inert meanwhile: the window's find sees the rendered preview, not the Markdown twice.
    expect(await page.locator('.editor-pane .w-md-editor-text').getAttribute('inert')).toBe('');
    expect(await page.getByTestId('find-regex').isDisabled()).toBe(true);
    // Typing does not search (Chromium's find would take the focus from the field); Enter does.
    await page.getByTestId('find-query').fill('Beijing');
    expect(await calls(page, 'findInPage')).toEqual([]);
    await page.getByTestId('find-query').press('Enter');
    await expect.poll(async () => (await calls(page, 'findInPage')).at(-1)).toEqual({ findNext: true, forward: true, matchCase: false, text: 'Beijing' });
    // The field is out of find's way (a password field) until the final answer.
    expect(await page.getByTestId('find-query').getAttribute('type')).toBe('password');
    const first = (await calls(page, 'findInPage')).length;
    await emit(page, 'found', { requestId: first, activeMatchOrdinal: 1, matches: 3, finalUpdate: true });
    await expect.poll(() => page.getByTestId('find-count').textContent()).toBe('1 of 3');
    expect(await page.getByTestId('find-query').getAttribute('type')).toBe('text');
    expect(await page.getByTestId('find-query').inputValue()).toBe('Beijing');
    await page.getByTestId('find-query').press('Enter');
    await page.getByTestId('find-query').press('Shift+Enter');
    const steps = (await calls(page, 'findInPage')).slice(-2);
    expect(steps).toEqual([
      { findNext: false, forward: true, matchCase: false, text: 'Beijing' },
      { findNext: false, forward: false, matchCase: false, text: 'Beijing' },
    ]);
    await emit(page, 'found', { requestId: first + 2, activeMatchOrdinal: 3, matches: 3, finalUpdate: true });
    await expect.poll(() => page.getByTestId('find-count').textContent()).toBe('3 of 3');
    await shot(page, 'desk-find-in-preview.png');
    // Another query ends that search; its next Enter starts a new one.
    await page.getByTestId('find-query').fill('Shanghai');
    await expect.poll(() => page.getByTestId('find-count').textContent()).toBe('');
    await page.getByTestId('find-query').press('Enter');
    await expect.poll(async () => (await calls(page, 'findInPage')).at(-1)).toEqual({ findNext: true, forward: true, matchCase: false, text: 'Shanghai' });
    const stops = (await calls(page, 'stopFindInPage')).length;
    await page.getByTestId('find-close').click();
    await expect.poll(async () => (await calls(page, 'stopFindInPage')).length).toBeGreaterThan(stops);
    expect(await page.locator('.editor-pane .w-md-editor-text').getAttribute('inert')).toBeNull();
    await page.context().close();
  });

  it('applies the View menu\'s Theme and Language, and reports the page\'s choices back', async () => {
    const page = await openInElectron(zhRecap);
    await expect.poll(() => calls(page, 'setLocale')).toContainEqual({ locale: 'en', choice: 'system' });
    await emit(page, 'view', { theme: 'dark' });
    await expect.poll(() => page.evaluate(() => document.documentElement.getAttribute('data-theme'))).toBe('dark');
    await expect.poll(() => calls(page, 'setTheme')).toContainEqual({ theme: 'dark' });
    await emit(page, 'view', { locale: 'zh-CN' });
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await expect.poll(() => calls(page, 'setLocale')).toContainEqual({ locale: 'zh-CN', choice: 'zh-CN' });
    await expect.poll(() => page.getByTestId('spelling-select').locator('option').first().textContent()).toMatch(/^自动（中文/);
    await shot(page, 'desk-view-menu-zh.png');
    await page.context().close();
  });
});
