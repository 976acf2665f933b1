// After the page navigates (Reload on the error screen), the main process forgets the recap the
// window showed, as electron/main/index.ts sets it up (electron mocked, everything else real):
// File → Add Translation… is disabled, the title and unsaved mark are reset and the close guard
// has nothing to ask about, until the new page reports its document again.
import { promises as fs } from 'node:fs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, MenuItemConstructorOptions } from 'electron';

vi.mock('electron', () => import('./fake-electron'));

const fake = await import('./fake-electron');
const { startDoor } = await import('./door');
const { windowState } = await import('../../../electron/main/window-state');

const door = await startDoor();

afterAll(async () => {
  await fs.rm(door.dir, { recursive: true, force: true });
});

type Item = MenuItemConstructorOptions;
const addTranslation = (): boolean | undefined => ((fake.Menu.applied!.template as Item[])[0]!.submenu as Item[]).find((i) => i.label === 'Add Translation…')?.enabled;
const POST = '/sites/kcd/content/en/news/kcd.md';
const showing = (path: string | null, dirty = false) => door.invoke('setDocumentState', { title: path ? '• kcd.md — Recap Studio' : 'Recap Studio', path, dirty });

describe('the window after its page navigates', () => {
  it('forgets the recap until the new page says again', async () => {
    expect((await showing(POST, true)).ok).toBe(true);
    expect(addTranslation()).toBe(true);
    expect(windowState(door.win as unknown as BrowserWindow).doc).toEqual({ title: '• kcd.md — Recap Studio', path: POST, dirty: true });
    expect(door.win.title).toBe('• kcd.md — Recap Studio');

    // The error screen's Reload: a new document in the main frame.
    door.win.webContents.fire('did-navigate', door.win.webContents.mainFrame.url, 200, 'OK');
    expect(addTranslation()).toBe(false);
    expect(windowState(door.win as unknown as BrowserWindow).doc).toEqual({ title: 'Recap Studio', path: null, dirty: false });
    expect(door.win.title).toBe('Recap Studio');
    expect(door.win.documentEdited).toBe(false);

    // The new page opens the recap again: the menu follows.
    expect((await showing(POST)).ok).toBe(true);
    expect(addTranslation()).toBe(true);
  });

  it('keeps the recap through an in-page navigation (the address naming the open file)', async () => {
    expect((await showing(POST)).ok).toBe(true);
    door.win.webContents.fire('did-navigate-in-page', `${door.win.webContents.mainFrame.url}#x`, true);
    expect(addTranslation()).toBe(true);
    expect(windowState(door.win as unknown as BrowserWindow).doc.path).toBe(POST);
  });
});
