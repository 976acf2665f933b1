// Electron entry: windows, menu, the close guard and the security switches. All real work is in
// the service (electron/service), reached through electron/ipc.ts.

import { app, BrowserWindow, dialog, Menu, session, shell, type MenuItemConstructorOptions } from 'electron';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AppCommand } from './service/contract';
import { grantPath, installIpc, markSessionClean, noteQuitRequested, windowState } from './ipc';
import { handleAssetProtocol, registerAssetScheme } from './protocol';
import { isRecapFileName } from './service/service';

const rendererIndex = path.join(__dirname, '..', 'renderer', 'index.html');
const rendererPrefix = pathToFileURL(path.dirname(rendererIndex)).toString() + '/';
const preload = path.join(__dirname, 'preload.js');

registerAssetScheme();

function send(win: BrowserWindow | null | undefined, command: AppCommand): void {
  win?.webContents.send('recap:command', command);
}

function isExternal(url: string): boolean {
  return /^https?:\/\//i.test(url) || /^mailto:/i.test(url);
}

function createWindow(file: string | null): BrowserWindow {
  const win = new BrowserWindow({
    width: 1320,
    height: 880,
    minWidth: 760,
    minHeight: 520,
    show: false,
    title: 'Recap Studio',
    icon: path.join(__dirname, '..', '..', 'assets', 'icon.png'),
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
    },
  });
  win.once('ready-to-show', () => win.show());

  // The page never navigates and never opens windows; web links go to the OS browser.
  win.webContents.on('will-navigate', (event, url) => {
    event.preventDefault();
    if (isExternal(url)) void shell.openExternal(url);
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (isExternal(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });

  // Closing asks about changes not saved to the file, and always lets the page write its draft
  // first (the page answers with closeWindow). A page that does not answer is closed anyway.
  const flushAndClose = (command: AppCommand): void => {
    send(win, command);
    setTimeout(() => {
      if (win.isDestroyed()) return;
      windowState(win).allowClose = true;
      win.close();
    }, 4000).unref();
  };
  win.on('close', (event) => {
    const state = windowState(win);
    if (state.allowClose) return;
    event.preventDefault();
    if (!state.doc.dirty) return flushAndClose('flush-and-close');
    const name = state.doc.path ? path.basename(state.doc.path) : 'this recap';
    const choice = dialog.showMessageBoxSync(win, {
      type: 'warning',
      buttons: ['Save', "Don't Save", 'Cancel'],
      defaultId: 0,
      cancelId: 2,
      message: `Do you want to save the changes you made to ${name}?`,
      detail: state.doc.path
        ? "If you don't save, the file stays as it was and your changes stay in the draft, on the home screen."
        : "If you don't save, the recap stays in your drafts, on the home screen.",
    });
    if (choice === 0) flushAndClose('save-and-close');
    else if (choice === 1) flushAndClose('flush-and-close');
    else noteQuitRequested(false);
  });

  if (file) grantPath(file);
  void win.loadFile(rendererIndex, file ? { query: { file } } : {});
  return win;
}

function buildMenu(): void {
  const focused = (): BrowserWindow | null => BrowserWindow.getFocusedWindow();
  // The page handles the shortcuts itself (same code in both doors); the menu shows them.
  const item = (label: string, accelerator: string | undefined, command: AppCommand): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    registerAccelerator: false,
    click: () => send(focused(), command),
  });
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        item('New Recap', 'CmdOrCtrl+N', 'new'),
        item('Open…', 'CmdOrCtrl+O', 'open'),
        { type: 'separator' },
        item('Save', 'CmdOrCtrl+S', 'save'),
        item('Save As…', 'CmdOrCtrl+Shift+S', 'save-as'),
        { type: 'separator' },
        item('Insert Photos…', undefined, 'insert-photos'),
        item('Export…', 'CmdOrCtrl+E', 'export'),
        item('History…', 'CmdOrCtrl+Shift+Y', 'history'),
        item('All Recaps (Home)', 'CmdOrCtrl+Shift+H', 'home'),
        { type: 'separator' },
        process.platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [{ label: 'Recap Studio on the web', click: () => void shell.openExternal('https://github.com/recap-studio/recap-studio') }],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function fileFromArgv(argv: string[]): string | null {
  const candidate = argv.slice(app.isPackaged ? 1 : 2).find((a) => !a.startsWith('-') && isRecapFileName(a));
  return candidate && existsSync(candidate) ? path.resolve(candidate) : null;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => {
    createWindow(fileFromArgv(argv));
  });

  app.on('open-file', (event, file) => {
    event.preventDefault();
    if (app.isReady()) createWindow(file);
  });

  void app.whenReady().then(() => {
    // No page of ours needs a camera, notifications or anything else a site may ask for.
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    handleAssetProtocol();
    installIpc(rendererPrefix);
    buildMenu();
    createWindow(fileFromArgv(process.argv));
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow(null);
    });
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
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
