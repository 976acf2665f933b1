import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ready, startSession, type Session } from './harness';

let session: Session;

beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

describe('the link’s token', () => {
  it('leaves the address once the home screen is up, stays for the tab, and a reload still reaches the service', async () => {
    const page = await session.open();
    await page.getByTestId('home').waitFor({ state: 'visible' });
    // Moved after the start-up's work, not before its first screen: poll for it.
    await expect.poll(() => new URL(page.url()).searchParams.has('token')).toBe(false);
    expect(await page.evaluate(() => sessionStorage.getItem('recap-studio-token'))).toBe(session.server.token);

    await page.reload();
    await ready(page);
    await page.getByTestId('home').waitFor({ state: 'visible' });
    // The home screen's calls went through with the kept token: its list answered (an empty data
    // folder), and no "open Recap Studio from its current link" page.
    await page.getByText('No recaps yet').waitFor({ state: 'visible' });
    expect(await page.getByTestId('link-needed').count()).toBe(0);
    expect(new URL(page.url()).searchParams.has('token')).toBe(false);
    await page.context().close();
  });
});

describe('calls the browser door answers with nothing', () => {
  it('are not sent: the start-up asks only what it shows, and the theme and language still switch', async () => {
    const page = await session.open();
    const asked: string[] = [];
    page.on('request', (r) => {
      const m = /\/api\/(\w+)$/.exec(new URL(r.url()).pathname);
      if (m?.[1]) asked.push(m[1]);
    });
    await page.reload();
    await ready(page);
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
    await expect.poll(() => page.evaluate(() => document.documentElement.getAttribute('data-theme'))).toBe('dark');
    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    // The start-up's own questions went out; none of the window's (title, theme, menus' language).
    expect(asked).toEqual(expect.arrayContaining(['appInfo', 'recoverSession', 'homeData']));
    expect(asked.filter((m) => ['setDocumentState', 'setTheme', 'setLocale'].includes(m))).toEqual([]);
    await page.context().close();
  });
});
