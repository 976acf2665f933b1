// The last English corners, in Simplified Chinese in the real page: a front matter the YAML
// parser refuses is explained in Chinese at its line and column (the form and the Problems
// panel), and the preview says why it blocked an image in Chinese. SCREENSHOTS_DIR=dir writes
// both screens there.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHostileSite, type HostileSite } from '../unit/support/hostile-fixture';
import { shoot, startSession, type Session } from './harness';

let session: Session;
let h: HostileSite;

beforeAll(async () => {
  session = await startSession();
  h = await makeHostileSite(path.join(session.dir, 'corpus'));
}, 60_000);
afterAll(async () => {
  await session?.close();
});

describe('the parser and the preview in Simplified Chinese', () => {
  it('a repeated field is explained in Chinese in the form and the Problems panel', async () => {
    const file = path.join(session.dir, 'broken.md');
    await fs.writeFile(file, '---\ntitle: "KCD China"\ntitle: "Again"\ndescription: "A day of talks"\n---\n\nThe day.\n');
    const page = await session.open({ file }, { locale: 'zh-CN' });
    const note = page.getByTestId('yaml-error');
    await expect.poll(() => note.textContent()).toBe('第 3 行第 1 列：字段名必须唯一：“title”重复了。请保留一个，删除另一个。');
    await page.getByTestId('problems-button').click();
    const panel = page.locator('.problems-panel');
    await expect.poll(() => panel.textContent()).toContain('前言不是有效的 YAML：字段名必须唯一：“title”重复了。');
    expect(await panel.textContent()).not.toMatch(/unique|repeated/);
    await shoot(page, 'parser-zh');
  }, 60_000);

  it('the preview says why it blocked an image in Chinese', async () => {
    const page = await session.open({ file: h.recap }, { locale: 'zh-CN' });
    const blocked = page.getByTestId('preview').locator('.img-notice', { hasText: '已阻止图片' });
    await expect.poll(() => blocked.count()).toBeGreaterThanOrEqual(3);
    const text = (await blocked.allTextContents()).join('\n');
    expect(text).toContain('../../../../secret/.ssh/id_rsa 指向');
    expect(text).not.toMatch(/leads outside|is a link to|hidden file/);
    await shoot(page, 'blocked-zh');
  }, 60_000);
});
