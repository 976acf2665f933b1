// The desk against the real Electron app (issue 15): the context menu on a right-click, the
// recap's spelling language from its site folder, "Search in preview" through findInPage and
// its found-in-page results, and the View menu's Theme and Language. Skipped without a binary.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binary, editor, launch, root, sayIfSkipped, type Launched } from './launch';

sayIfSkipped('desk');

const fixture = path.join(root, 'test', 'fixtures', 'kubernetes-community-days-china.md');

describe.skipIf(!binary)('Electron: context menu, spelling, find in the preview, View menu', () => {
  let dir: string;
  let running: Launched;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'recap-electron-desk-'));
    const news = path.join(dir, 'site', 'content', 'en', 'news');
    await fs.mkdir(news, { recursive: true });
    await fs.writeFile(path.join(dir, 'site', 'hugo.toml'), 'title = "site"\n');
    const recap = path.join(news, 'kcd-china.md');
    await fs.copyFile(fixture, recap);
    running = await launch(path.join(dir, 'user-data'), [recap]);
    await editor(running.page).waitFor({ state: 'visible' });
    // Native menus cannot be clicked by a test: each popup's labels are recorded instead.
    await running.app.evaluate(({ Menu }) => {
      const shown: string[][] = [];
      (globalThis as unknown as { __shown: string[][] }).__shown = shown;
      Menu.prototype.popup = function popup(this: Electron.Menu) {
        shown.push(this.items.map((i) => i.label));
      };
    });
  });

  afterAll(async () => {
    await running?.app.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('shows Cut, Copy, Paste and Select All on a right-click in the text', async () => {
    const { app, page } = running;
    await editor(page).click({ button: 'right' });
    await expect.poll(() => app.evaluate(() => (globalThis as unknown as { __shown: string[][] }).__shown.at(-1) ?? [])).toEqual(expect.arrayContaining(['Cut', 'Copy', 'Paste', 'Select All']));
  });

  it('spellchecks the recap in the language of its site folder', async () => {
    const { app } = running;
    const available = await app.evaluate(({ session }) => session.defaultSession.availableSpellCheckerLanguages);
    if (available.includes('en-US')) {
      await expect.poll(() => app.evaluate(({ session }) => session.defaultSession.getSpellCheckerLanguages())).toEqual(['en-US']);
    }
    // The top bar offers the choice in Electron.
    await expect.poll(() => running.page.getByTestId('spelling-select').locator('option').first().textContent()).toMatch(/^Automatic \(/);
  });

  it('searches the preview with findInPage and shows its count', async () => {
    const { page } = running;
    await editor(page).click();
    await page.keyboard.press('Control+F');
    await page.getByTestId('find-in-preview').click();
    await page.getByTestId('find-query').fill('Beijing');
    await page.getByTestId('find-query').press('Enter');
    await expect.poll(() => page.getByTestId('find-count').textContent(), { timeout: 10_000 }).toMatch(/^1 of [1-9]\d*$/);
    await page.getByTestId('find-query').press('Enter');
    await expect.poll(() => page.getByTestId('find-count').textContent()).toMatch(/^2 of /);
    // The field keeps the focus through a search.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('find-query');
    await page.getByTestId('find-query').fill('no such words anywhere');
    await page.getByTestId('find-query').press('Enter');
    await expect.poll(() => page.getByTestId('find-count').textContent()).toBe('No results in the preview');
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('find-bar').count()).toBe(0);
  });

  it('has a View menu whose Theme and Language apply to the page', async () => {
    const { app, page } = running;
    const labels = await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.items.map((i) => i.label) ?? []);
    expect(labels.some((l) => /View/.test(l))).toBe(true);
    await app.evaluate(({ Menu }) => {
      const view = Menu.getApplicationMenu()!.items.find((i) => /View/.test(i.label))!.submenu!;
      const theme = view.items.find((i) => i.label === 'Theme')!.submenu!;
      theme.items.find((i) => i.label === 'Dark')!.click();
    });
    await expect.poll(() => page.evaluate(() => document.documentElement.getAttribute('data-theme'))).toBe('dark');
    await expect.poll(() => app.evaluate(({ nativeTheme }) => nativeTheme.themeSource)).toBe('dark');
    await app.evaluate(({ Menu }) => {
      const view = Menu.getApplicationMenu()!.items.find((i) => /View/.test(i.label))!.submenu!;
      view.items.find((i) => i.label === 'Language')!.submenu!.items.find((i) => i.label === '简体中文')!.click();
    });
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    // The menu is rebuilt in the page's language.
    await expect.poll(() => app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.items.map((i) => i.label) ?? [])).toContain('视图(&V)');
  });
});
