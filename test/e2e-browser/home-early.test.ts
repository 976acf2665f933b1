// The home screen is up before the editor's session (its own chunk, workspace/editorSession.tsx)
// has loaded: what the author does in that moment waits for it, nothing is lost. The test holds
// the session's chunk back until the keys and the drop are in, so that this path is the one taken.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ready, startSession, type Session } from './harness';

let session: Session;

beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

describe('before the editor’s session is here', () => {
  it('Ctrl+N and a dropped file on the home screen wait for it, then act as they would after', async () => {
    const context = await session.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    const page = await context.newPage();
    page.on('pageerror', (err) => console.error('[page error]', err.message));
    let release = (): void => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const held: string[] = [];
    await page.route('**/assets/editorSession-*.js', async (route) => {
      held.push(route.request().url());
      await released;
      await route.continue();
    });
    await page.goto(session.server.url);
    await ready(page);
    await page.getByTestId('home').waitFor({ state: 'visible' });
    // The page's own address, less the token, which the app moves to sessionStorage at its first
    // idle moment (history.replaceState, no navigation): that may come before or after this line.
    const place = (u: string): string => {
      const at = new URL(u);
      at.searchParams.delete('token');
      return at.href;
    };
    const url = place(page.url());

    await page.keyboard.press('Control+n');
    const dropped = await page.evaluateHandle(() => {
      const data = new DataTransfer();
      data.items.add(new File(['# Notes\n'], 'notes.md', { type: 'text/markdown' }));
      return data;
    });
    await page.dispatchEvent('body', 'dragover', { dataTransfer: dropped });
    await page.dispatchEvent('body', 'drop', { dataTransfer: dropped });
    // Nothing acted yet: the session's code was asked for and is held; the page stayed.
    await expect.poll(() => held.length).toBeGreaterThan(0);
    expect(await page.getByTestId('field-title').count()).toBe(0);
    expect(place(page.url())).toBe(url);

    release();
    // The key opened a new recap, and the drop was answered as the browser mode answers it.
    await page.getByTestId('field-title').waitFor({ state: 'visible' });
    await page.getByText('The browser does not tell the page where notes.md lives. Use Open… (Ctrl+O) to open it.').waitFor({ state: 'visible' });
    await context.close();
  });
});
