// Navigation and links: the page never navigates away from app://recap/ and never opens a
// window. A link the author clicks in the preview (an <a target="_blank">, which Electron hands
// to the window-open handler) may open in the OS browser, but only an http(s) or mailto link,
// and only after the author confirmed a dialog that shows the full URL.

import { dialog, shell, type BrowserWindow, type WebContents } from 'electron';
import { isAppUrl } from './protocol';

const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** An http(s) or mailto URL (parsed, not matched by prefix); anything else is never opened. */
export function isExternalLink(url: string): boolean {
  try {
    return EXTERNAL_PROTOCOLS.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** Windows (by their web contents) that are showing the confirmation: one question at a time. */
const asking = new WeakSet<WebContents>();

/** Shows the URL and opens it in the OS browser (or mail program) only if the author says so. */
export async function confirmOpenExternal(contents: WebContents, url: string, parent: BrowserWindow | null): Promise<boolean> {
  if (!isExternalLink(url) || asking.has(contents)) return false;
  asking.add(contents);
  try {
    const options = {
      type: 'question' as const,
      buttons: ['Open', 'Cancel'],
      defaultId: 0,
      cancelId: 1,
      message: url.startsWith('mailto:') ? 'Write an email with your mail program?' : 'Open this link in your browser?',
      detail: url,
    };
    const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
    if (response !== 0) return false;
    await shell.openExternal(url);
    return true;
  } finally {
    asking.delete(contents);
  }
}

/**
 * Locks a web contents in place: navigation to anything but our own page is cancelled (a
 * reload of app://recap/ stays allowed), window.open is always denied, and a clicked external
 * link goes through confirmOpenExternal. Installed for every web contents the app creates.
 */
export function guardContents(contents: WebContents, windowOf: (contents: WebContents) => BrowserWindow | null): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLink(url)) {
      void confirmOpenExternal(contents, url, windowOf(contents)).catch((err: unknown) => console.error('[recap] could not open the link:', err));
    }
    return { action: 'deny' };
  });
}
