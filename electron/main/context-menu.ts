// The page's context menu: spelling suggestions and "Add to Dictionary" on a misspelled word,
// Cut/Copy/Paste/Select All in text fields (each as the field allows), Copy on selected text
// elsewhere. Links get no entries: a link opens only by a click, through links.ts's question.
// Labels are in the interface language the page reported (menu.ts).

import { BrowserWindow, Menu, type ContextMenuParams, type MenuItemConstructorOptions, type WebContents } from 'electron';
import { format } from '../core/i18n/messages';
import type { Locale } from '../core/i18n/messages';

/** At most this many suggestions for a misspelled word. */
export const MAX_SUGGESTIONS = 5;

export type ContextParams = Pick<ContextMenuParams, 'misspelledWord' | 'dictionarySuggestions' | 'isEditable' | 'selectionText' | 'editFlags'>;

/** What the menu's spelling entries do (the web contents' and the session's, in the app). */
export interface ContextActions {
  replaceMisspelling(word: string): void;
  addToDictionary(word: string): void;
}

function spellingItems(params: ContextParams, locale: Locale, actions: ContextActions): MenuItemConstructorOptions[] {
  const word = params.misspelledWord;
  if (!params.isEditable || word === '') return [];
  const suggestions = params.dictionarySuggestions.slice(0, MAX_SUGGESTIONS).map(
    (s): MenuItemConstructorOptions => ({ label: s, click: () => actions.replaceMisspelling(s) }),
  );
  return [
    ...(suggestions.length > 0 ? suggestions : [{ label: format(locale, 'electron.contextNoSuggestions'), enabled: false }]),
    { type: 'separator' },
    { label: format(locale, 'electron.contextAddToDictionary', { word }), click: () => actions.addToDictionary(word) },
    { type: 'separator' },
  ];
}

/** The context menu for a right-click described by `params` (empty: no menu). */
export function contextMenuTemplate(params: ContextParams, locale: Locale, actions: ContextActions): MenuItemConstructorOptions[] {
  const t = (key: 'electron.contextCut' | 'electron.contextCopy' | 'electron.contextPaste' | 'electron.contextSelectAll'): string => format(locale, key);
  const flags = params.editFlags;
  if (params.isEditable) {
    return [
      ...spellingItems(params, locale, actions),
      { role: 'cut', label: t('electron.contextCut'), enabled: flags.canCut },
      { role: 'copy', label: t('electron.contextCopy'), enabled: flags.canCopy },
      { role: 'paste', label: t('electron.contextPaste'), enabled: flags.canPaste },
      { type: 'separator' },
      { role: 'selectAll', label: t('electron.contextSelectAll'), enabled: flags.canSelectAll },
    ];
  }
  if (params.selectionText.trim() !== '') return [{ role: 'copy', label: t('electron.contextCopy'), enabled: flags.canCopy }];
  return [];
}

/** Shows the context menu on every right-click in `contents`. */
export function installContextMenu(contents: WebContents, locale: () => Locale): void {
  contents.on('context-menu', (_event, params) => {
    const template = contextMenuTemplate(params, locale(), {
      replaceMisspelling: (word) => contents.replaceMisspelling(word),
      addToDictionary: (word) => void contents.session.addWordToSpellCheckerDictionary(word),
    });
    if (template.length === 0) return;
    const win = BrowserWindow.fromWebContents(contents);
    Menu.buildFromTemplate(template).popup(win ? { window: win } : {});
  });
}
