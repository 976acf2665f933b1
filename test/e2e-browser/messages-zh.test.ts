// Problems in the reader's language: with the interface in Simplified Chinese, the Problems
// panel and the form's field messages say lint's findings in Chinese (their catalogue
// messages), in the real page. SCREENSHOTS_DIR=dir also writes the open panel there.
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession, type Session } from './harness';

const CHINESE = /[\u4e00-\u9fff]/;
let session: Session;

beforeAll(async () => {
  session = await startSession();
}, 60_000);
afterAll(async () => {
  await session.close();
});

describe('problems in Simplified Chinese', () => {
  it('the Problems panel says each finding in Chinese', async () => {
    const page = await session.openNew();
    await page.evaluate(() => window.localStorage.setItem('recap-studio.locale', 'zh-CN'));
    await page.reload();
    await page.waitForFunction(() => (window as unknown as { __recapReady?: boolean }).__recapReady === true, null, { timeout: 20_000 });
    await page.getByTestId('problems-button').click();
    const messages = page.locator('.problems-panel .problem-message');
    await expect.poll(() => messages.count()).toBeGreaterThan(0);
    for (const text of await messages.allTextContents()) expect(text).toMatch(CHINESE);
    const dir = process.env['SCREENSHOTS_DIR'];
    if (dir) await page.screenshot({ path: path.join(dir, 'problems-zh.png') });
  }, 60_000);
});
