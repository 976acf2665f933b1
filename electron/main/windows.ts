// Windows: the security switches of every window, what it loads, and the close guard.

import { BrowserWindow, nativeTheme } from 'electron';
import type { AppCommand, ViewChoice } from '../core/contract';
import { iconPath, preloadPath } from './app-paths';
import { askToSaveChanges } from './dialogs';
import { grantPath } from './grants';
import { noteQuitRequested, windowState } from './window-state';
import { RENDERER_URL } from './protocol';

/** How long the close guard waits for the page to write its draft before closing anyway. */
export const CLOSE_TIMEOUT_MS = 4000;

export function sendCommand(win: BrowserWindow | null | undefined, command: AppCommand): void {
  if (win && !win.isDestroyed()) win.webContents.send('recap:command', command);
}

/** A theme or language chosen in the View menu, for the page to apply. */
export function sendViewChoice(win: BrowserWindow, choice: ViewChoice): void {
  if (!win.isDestroyed()) win.webContents.send('recap:view', choice);
}

/** The URL a window loads: our page, with the file to open (if any) in its query. */
export function rendererUrl(file: string | null): string {
  const url = new URL(RENDERER_URL);
  if (file) url.searchParams.set('file', file);
  return url.toString();
}

/**
 * Closing asks about changes not saved to the file, and always lets the page write its draft
 * first (the page answers with closeWindow). A page that does not answer within
 * CLOSE_TIMEOUT_MS (hung, crashed) is closed anyway: its last autosave is what recovery has.
 */
export function installCloseGuard(win: BrowserWindow): void {
  const flushAndClose = (command: AppCommand): void => {
    sendCommand(win, command);
    setTimeout(() => {
      if (win.isDestroyed()) return;
      windowState(win).allowClose = true;
      win.close();
    }, CLOSE_TIMEOUT_MS).unref();
  };
  win.on('close', (event) => {
    const state = windowState(win);
    if (state.allowClose) return;
    event.preventDefault();
    if (!state.doc.dirty) return flushAndClose('flush-and-close');
    const choice = askToSaveChanges(win, state.doc);
    if (choice === 'save') flushAndClose('save-and-close');
    else if (choice === 'discard') flushAndClose('flush-and-close');
    else noteQuitRequested(false);
  });
}

/** The page's background (renderer/styles.css --bg) in the theme in use: no white flash on a dark desktop. */
export function windowBackground(): string {
  return nativeTheme.shouldUseDarkColors ? '#15181d' : '#f5f6f8';
}

export function createWindow(file: string | null): BrowserWindow {
  const win = new BrowserWindow({
    width: 1320,
    height: 880,
    minWidth: 760,
    minHeight: 520,
    show: false,
    title: 'Recap Studio',
    icon: iconPath,
    backgroundColor: windowBackground(),
    // The page's switches (a literal, so that Electronegativity reads them too): isolated from
    // the preload, sandboxed, no Node anywhere, same-origin policy on, no <webview>, no
    // middle-click (auxclick) opening links, no navigation by dropping a file, spellcheck with
    // the session's explicit languages (session.ts).
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
    },
  });
  win.once('ready-to-show', () => win.show());
  installCloseGuard(win);
  if (file) grantPath(file);
  void win.loadURL(rendererUrl(file));
  return win;
}
