// What the window adds around the page: the interface language its menus speak, the
// spellchecker's languages for the recap in front, find in the window (webContents.findInPage,
// its results sent back to the page) and the context menu (context-menu.ts).

import type { RecapApi } from '../core/contract';
import type { BrowserWindow, WebContents } from 'electron';
import { installContextMenu } from './context-menu';
import { menuLocale, noteView } from './menu';
import { applySpellcheckLanguages } from './session';

/** The languages each window's recap asked for: the session is shared, the window in front wins. */
const recapLanguages = new WeakMap<WebContents, readonly string[]>();

export function deskMethods(win: BrowserWindow): Pick<RecapApi, 'setLocale' | 'setSpellcheckLanguages' | 'findInPage' | 'stopFindInPage'> {
  const contents = win.webContents;
  return {
    setLocale: async (req) => noteView({ locale: req.locale, localeChoice: req.choice }),
    setSpellcheckLanguages: async (req) => {
      recapLanguages.set(contents, req.languages);
      return applySpellcheckLanguages(contents.session, req.languages);
    },
    findInPage: async (req) => {
      const { text, ...options } = req;
      return { requestId: contents.findInPage(text, options) };
    },
    stopFindInPage: async () => contents.stopFindInPage('clearSelection'),
  };
}

/** Installed for every web contents the app creates. */
export function installDesk(contents: WebContents): void {
  installContextMenu(contents, menuLocale);
  contents.on('found-in-page', (_event, result) => {
    if (contents.isDestroyed()) return;
    const { requestId, activeMatchOrdinal, matches, finalUpdate } = result;
    contents.send('recap:found-in-page', { requestId, activeMatchOrdinal, matches, finalUpdate });
  });
  // Back to a window: its recap's dictionaries again.
  contents.on('focus', () => {
    const languages = recapLanguages.get(contents);
    if (languages) applySpellcheckLanguages(contents.session, languages);
  });
}
