// A page of the browser mode in a browser whose system theme is light or dark, as the
// accessibility and keyboard tests open it.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Session } from './harness';

export type Scheme = 'light' | 'dark';

/** A page in its own context whose system theme is `scheme`; `file` opens that recap. */
export async function openInTheme(session: Session, scheme: Scheme, file?: string): Promise<Page> {
  const context = await session.browser.newContext({ viewport: { width: 1366, height: 860 }, colorScheme: scheme });
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error('[page error]', err.message));
  await page.goto(session.server.url + (file ? `&file=${encodeURIComponent(file)}` : ''));
  await page.waitForFunction(() => (window as unknown as { __recapReady?: boolean }).__recapReady === true, null, { timeout: 20_000 });
  expect(await page.evaluate(() => document.documentElement.getAttribute('data-theme'))).toBe(scheme);
  return page;
}
