// Electron entry: the app's lifecycle. Each job has its own module: windows and the close guard
// (main/windows.ts, with each window's state in window-state.ts), the menu (main/menu.ts),
// navigation and links (main/links.ts), the session's permissions and spellchecker
// (main/session.ts), the context menu, spelling languages and find in the window (desk.ts,
// context-menu.ts), the app:// and recap-asset:// schemes (protocol.ts), IPC (ipc.ts), the
// paths the author granted (grants.ts) and the native dialogs that grant them (dialogs.ts).
// All real work is in the service (electron/service).

import { app, BrowserWindow, session } from 'electron';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { installIpc, markSessionClean, warmService } from './ipc';
import { handleProtocols, registerSchemes } from './protocol';
import { isRecapFileName } from '../service/service';
import { installDesk } from './desk';
import { guardContents } from './links';
import { buildMenu, forgetDocumentOnNavigation } from './menu';
import { lockDownSession } from './session';
import { noteQuitRequested } from './window-state';
import { createWindow } from './windows';

registerSchemes();

function fileFromArgv(argv: string[]): string | null {
  const candidate = argv.slice(app.isPackaged ? 1 : 2).find((a) => !a.startsWith('-') && isRecapFileName(a));
  return candidate && existsSync(candidate) ? path.resolve(candidate) : null;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // Every web contents (windows, and any the app may create later) is locked in place.
  app.on('web-contents-created', (_event, contents) => {
    guardContents(contents, (c) => BrowserWindow.fromWebContents(c));
    installDesk(contents);
    forgetDocumentOnNavigation(contents, (c) => BrowserWindow.fromWebContents(c));
  });

  app.on('second-instance', (_event, argv) => {
    createWindow(fileFromArgv(argv));
  });

  // macOS: a recap opened from Finder or dropped on the Dock icon (before launch, too).
  let fileBeforeReady: string | null = null;
  app.on('open-file', (event, file) => {
    event.preventDefault();
    if (app.isReady()) createWindow(file);
    else fileBeforeReady = file;
  });

  void app.whenReady().then(() => {
    lockDownSession(session.defaultSession);
    handleProtocols();
    installIpc();
    buildMenu();
    const file = fileBeforeReady ?? fileFromArgv(process.argv);
    createWindow(file);
    // The home screen's first list is made ready while the window loads its page.
    if (!file) warmService();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow(null);
    });
  });

  // Quitting closes every window, and each window's close guard asks about unsaved changes.
  app.on('before-quit', () => noteQuitRequested());

  // Every window flushed its draft before closing; record the clean quit, then go.
  let sessionClosed = false;
  app.on('will-quit', (event) => {
    if (sessionClosed) return;
    event.preventDefault();
    sessionClosed = true;
    void markSessionClean()
      .catch((err: unknown) => console.error('[recap] could not record the clean quit:', err))
      .finally(() => app.quit());
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
