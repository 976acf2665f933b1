// The journeys only the desktop app has: native Open dialog (answered from the main process),
// a recap dropped from the desktop (a File the OS gave the page, its path from
// webUtils.getPathForFile), the close guard, and crash recovery when the app starts again.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { binary, editor, launch, root, sayIfSkipped, windowTitle, type Launched } from './launch';

sayIfSkipped('journeys');

const fixture = path.join(root, 'test', 'fixtures', 'kubernetes-community-days-china.md');

describe.skipIf(!binary)('Electron-only journeys', () => {
  let dir: string;
  let running: Launched | null = null;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'recap-electron-journeys-'));
  });
  afterEach(async () => {
    await running?.app.close().catch(() => undefined);
    running = null;
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('opens a recap chosen in the native Open dialog', async () => {
    const file = path.join(dir, 'opened.md');
    await fs.copyFile(fixture, file);
    running = await launch(path.join(dir, 'open-data'));
    const { app, page } = running;
    await app.evaluate(({ dialog }, filePath) => {
      dialog.showOpenDialog = (() => Promise.resolve({ canceled: false, filePaths: [filePath] })) as typeof dialog.showOpenDialog;
    }, file);
    await page.keyboard.press('Control+O');
    await expect.poll(() => windowTitle(app)).toBe('opened.md — Recap Studio');
    expect(await editor(page).inputValue()).toContain('Kubernetes Community Days');
  });

  it('opens a recap dropped from the desktop, by the path webUtils gives for a real file', async () => {
    const file = path.join(dir, 'dropped.md');
    await fs.copyFile(fixture, file);
    running = await launch(path.join(dir, 'drop-data'));
    const { app, page } = running;
    // A file input is how a test gets a File backed by a real file on disk (the same kind of
    // File a drop from the desktop carries); a File made up in the page has no path.
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.type = 'file';
      input.id = 'e2e-file';
      document.body.append(input);
    });
    await page.setInputFiles('#e2e-file', file);
    await page.evaluate(() => {
      const input = document.getElementById('e2e-file') as HTMLInputElement;
      const dt = new DataTransfer();
      dt.items.add(input.files![0]!);
      input.remove();
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    await expect.poll(() => windowTitle(app)).toBe('dropped.md — Recap Studio');
    // A made-up File is not opened: the page says where to go instead.
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['# fake'], 'made-up.md', { type: 'text/markdown' }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    await expect.poll(() => page.getByTestId('toast').allTextContents()).toContainEqual(expect.stringContaining('made-up.md'));
    expect(await windowTitle(app)).toBe('dropped.md — Recap Studio');
  });

  it('asks before closing with unsaved changes: Cancel keeps the window, Don’t Save closes and keeps the draft', async () => {
    const file = path.join(dir, 'guarded.md');
    await fs.copyFile(fixture, file);
    running = await launch(path.join(dir, 'close-data'), [file]);
    const { app, page } = running;
    await expect.poll(() => windowTitle(app)).toBe('guarded.md — Recap Studio');
    await editor(page).click();
    await editor(page).press('Control+End');
    await editor(page).pressSequentially('\nNot saved to the file.');
    await expect.poll(() => page.getByTestId('draft-status').textContent()).toMatch(/^Draft saved/);
    // Answer the native question from the main process, and remember what it asked.
    const answer = (response: number) =>
      app.evaluate(({ dialog }, r) => {
        const g = globalThis as unknown as { asked?: string[] };
        g.asked = g.asked ?? [];
        dialog.showMessageBoxSync = ((_w: unknown, options: { message: string }) => {
          g.asked!.push(options.message);
          return r;
        }) as typeof dialog.showMessageBoxSync;
      }, response);
    await answer(2);
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
    expect(await app.evaluate(() => (globalThis as unknown as { asked?: string[] }).asked)).toEqual(['Do you want to save the changes you made to guarded.md?']);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);

    await answer(1);
    const closed = app.waitForEvent('close');
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
    await closed;
    running = null;
    expect(await fs.readFile(file, 'utf8')).toBe(await fs.readFile(fixture, 'utf8'));
  });

  it('after a crash, the next start reopens the draft with every autosaved change and says so', async () => {
    const userData = path.join(dir, 'crash-data');
    running = await launch(userData);
    const first = running;
    await first.page.getByTestId('home-new').click();
    await first.page.getByTestId('field-title').fill('Crash in Electron');
    await editor(first.page).click();
    await editor(first.page).press('Control+End');
    await editor(first.page).pressSequentially('\nThe last sentence before the crash.');
    await expect.poll(() => first.page.getByTestId('draft-status').textContent()).toMatch(/^Draft saved/);
    const gone = first.app.waitForEvent('close');
    first.app.process().kill('SIGKILL');
    await gone;

    running = await launch(userData);
    const { page } = running;
    await expect.poll(() => editor(page).inputValue()).toContain('The last sentence before the crash.');
    expect(await page.getByTestId('field-title').inputValue()).toBe('Crash in Electron');
    await expect.poll(() => page.getByTestId('toast').allTextContents()).toContainEqual(expect.stringMatching(/^Recovered 1 draft with changes up to \d\d:\d\d/));
  });
});
