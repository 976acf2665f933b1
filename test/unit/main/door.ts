// Starts the real Electron door (electron/main/index.ts) against fake-electron: temp userData, the
// app made ready, the first window created. Each test file gets its own copy of the modules.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { vi } from 'vitest';
import * as fake from './fake-electron';

export interface Door {
  dir: string;
  userData: string;
  win: fake.BrowserWindow;
  /** Calls recap:invoke as the page (or as `frame`, to play another sender). */
  invoke(method: string, req?: unknown, opts?: { win?: fake.BrowserWindow; frame?: fake.FakeFrame | null }): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;
  /** Sends recap:dropped-file as the page (or as `frame`). */
  drop(p: unknown, opts?: { win?: fake.BrowserWindow; frame?: fake.FakeFrame | null }): void;
}

export async function startDoor(): Promise<Door> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'recap-door-'));
  const userData = path.join(dir, 'user-data');
  fake.app.paths = { userData, documents: path.join(dir, 'documents'), home: dir };
  await import('../../../electron/main/index');
  fake.app.becomeReady();
  await vi.waitFor(() => {
    if (fake.BrowserWindow.windows.length === 0) throw new Error('no window yet');
  }, { timeout: 10_000 });
  const win = fake.BrowserWindow.windows[0]!;
  const senderOf = (opts?: { win?: fake.BrowserWindow; frame?: fake.FakeFrame | null }) => {
    const w = opts?.win ?? win;
    return { sender: w.webContents, senderFrame: opts?.frame === undefined ? w.webContents.mainFrame : opts.frame };
  };
  return {
    dir,
    userData,
    win,
    invoke: async (method, req, opts) => {
      const handler = fake.ipcMain.handlers.get('recap:invoke');
      if (!handler) throw new Error('recap:invoke is not handled');
      return (await handler(senderOf(opts), method, req)) as Awaited<ReturnType<Door['invoke']>>;
    },
    drop: (p, opts) => {
      const listener = fake.ipcMain.listeners.get('recap:dropped-file');
      if (!listener) throw new Error('recap:dropped-file is not handled');
      listener(senderOf(opts), p);
    },
  };
}
