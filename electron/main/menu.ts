// The application menu. The page handles the shortcuts itself (the same code in both doors);
// the menu shows them and sends its commands to the focused window. Its labels are in the
// interface language the page reports (setLocale), Electron's Edit and Window menus included
// (their roles, our labels); its View menu's Theme and Language radios follow the page's
// choices, and choosing one there sends it to every page, which applies it as its own (and
// reports it back). File → Add Translation… is enabled only while the focused window shows a
// recap saved to a file (setDocumentState's path): on the home screen, or for a recap never
// saved, there is no post to translate; a page that navigates (a reload) takes its recap with it
// until the new page says again.

import { app, BrowserWindow, Menu, shell, type MenuItemConstructorOptions, type WebContents } from 'electron';
import type { AppCommand, LocaleChoice, ThemeChoice, ViewChoice } from '../core/contract';
import { format, LOCALE_NAMES, LOCALES, pickLocale } from '../core/i18n/messages';
import type { Locale, MessageKey } from '../core/i18n/messages';
import { forgetDocument, windowState } from './window-state';
import { sendCommand, sendViewChoice } from './windows';

export const PROJECT_URL = 'https://github.com/recap-studio/recap-studio';

/** What the menus show: the page's theme and language choices, and the language in use. */
export interface ViewState {
  theme: ThemeChoice;
  localeChoice: LocaleChoice;
  locale: Locale;
}

export const DEFAULT_VIEW: ViewState = { theme: 'system', localeChoice: 'system', locale: 'en' };

let view: ViewState | null = null;

/** The menus' state; before the page reported its language, the system's. */
export function viewState(): ViewState {
  return (view ??= { ...DEFAULT_VIEW, locale: pickLocale(app.getPreferredSystemLanguages()) });
}

/** The interface language the native parts (menus, context menu) speak. */
export function menuLocale(): Locale {
  return viewState().locale;
}

/** The page's choice (or the language it resolved) changed: the menu is rebuilt to show it. */
export function noteView(change: Partial<ViewState>): void {
  view = { ...viewState(), ...change };
  buildMenu();
}

/** Whether the focused window shows a recap saved to a file: what "Add Translation…" acts on. */
let recapFileFocused = false;
let followingFocus = false;

/**
 * A window's document changed (setDocumentState) or a window took the focus: "Add Translation…"
 * follows the focused window's recap. The menu is rebuilt only when that changes.
 */
export function noteDocument(win: BrowserWindow): void {
  if (win !== BrowserWindow.getFocusedWindow()) return;
  const next = windowState(win).doc.path !== null;
  if (next === recapFileFocused) return;
  recapFileFocused = next;
  buildMenu();
}

/**
 * A window's page navigated (Reload on the error screen, or any new document in its main frame):
 * the recap it showed is forgotten at once, so the items that need one are disabled until the new
 * page reports its document. In-page navigations (the address naming the open file) keep it.
 */
export function forgetDocumentOnNavigation(contents: WebContents, windowOf: (c: WebContents) => BrowserWindow | null): void {
  contents.on('did-navigate', () => {
    const win = windowOf(contents);
    if (!win || win.isDestroyed()) return;
    forgetDocument(win);
    noteDocument(win);
  });
}

/** A choice from the View menu: every page applies it (and reports it back through setTheme/setLocale). */
function choose(choice: ViewChoice): void {
  noteView('theme' in choice ? { theme: choice.theme } : { localeChoice: choice.locale });
  for (const win of BrowserWindow.getAllWindows()) sendViewChoice(win, choice);
}

function fileMenu(platform: NodeJS.Platform, t: (key: MessageKey) => string, recapFile: boolean): MenuItemConstructorOptions {
  const item = (label: MessageKey, accelerator: string | undefined, command: AppCommand, enabled = true): MenuItemConstructorOptions => ({
    label: t(label),
    ...(accelerator ? { accelerator } : {}),
    registerAccelerator: false,
    enabled,
    click: () => sendCommand(BrowserWindow.getFocusedWindow(), command),
  });
  return {
    label: t('electron.menuFile'),
    submenu: [
      item('electron.menuNewRecap', 'CmdOrCtrl+N', 'new'),
      item('electron.menuOpen', 'CmdOrCtrl+O', 'open'),
      { type: 'separator' },
      item('electron.menuSave', 'CmdOrCtrl+S', 'save'),
      item('electron.menuSaveAs', 'CmdOrCtrl+Shift+S', 'save-as'),
      { type: 'separator' },
      item('electron.menuInsertPhotos', undefined, 'insert-photos'),
      item('electron.menuExport', 'CmdOrCtrl+E', 'export'),
      // Only for a recap saved to a file. The menu cannot know its site's languages: the page
      // opens its Languages menu, which says why when the recap has no other language to go to.
      item('electron.menuAddTranslation', undefined, 'add-translation', recapFile),
      item('electron.menuHistory', 'CmdOrCtrl+Shift+Y', 'history'),
      item('electron.menuHome', 'CmdOrCtrl+Shift+H', 'home'),
      { type: 'separator' },
      platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
    ],
  };
}

function viewMenu(isPackaged: boolean, state: ViewState, t: (key: MessageKey) => string): MenuItemConstructorOptions {
  const radio = (label: string, checked: boolean, choice: ViewChoice): MenuItemConstructorOptions => ({ label, type: 'radio', checked, click: () => choose(choice) });
  const themes: { value: ThemeChoice; label: MessageKey }[] = [
    { value: 'system', label: 'theme.system' },
    { value: 'light', label: 'theme.light' },
    { value: 'dark', label: 'theme.dark' },
  ];
  const languages: LocaleChoice[] = ['system', ...LOCALES];
  return {
    label: t('electron.menuView'),
    submenu: [
      { label: t('electron.menuTheme'), submenu: themes.map((o) => radio(t(o.label), state.theme === o.value, { theme: o.value })) },
      // Each language in its own name, as its readers look for it.
      { label: t('electron.menuLanguage'), submenu: languages.map((l) => radio(l === 'system' ? t('language.system') : LOCALE_NAMES[l], state.localeChoice === l, { locale: l })) },
      { type: 'separator' },
      { role: 'resetZoom', label: t('electron.menuResetZoom') },
      { role: 'zoomIn', label: t('electron.menuZoomIn') },
      { role: 'zoomOut', label: t('electron.menuZoomOut') },
      { type: 'separator' },
      { role: 'togglefullscreen', label: t('electron.menuFullScreen') },
      ...(isPackaged ? [] : [{ role: 'toggleDevTools' as const, label: t('electron.menuDevTools') }]),
    ],
  };
}

/** Electron's Edit menu (its items and roles per platform), labelled in the interface language. */
function editMenu(platform: NodeJS.Platform, t: (key: MessageKey) => string): MenuItemConstructorOptions {
  const role = (r: MenuItemConstructorOptions['role'], label: MessageKey): MenuItemConstructorOptions => ({ role: r, label: t(label) });
  const mac: MenuItemConstructorOptions[] = [
    role('pasteAndMatchStyle', 'electron.menuPasteAndMatchStyle'),
    role('delete', 'electron.menuDelete'),
    role('selectAll', 'electron.contextSelectAll'),
    { type: 'separator' },
    { label: t('electron.menuSpeech'), submenu: [role('startSpeaking', 'electron.menuStartSpeaking'), role('stopSpeaking', 'electron.menuStopSpeaking')] },
  ];
  const others: MenuItemConstructorOptions[] = [role('delete', 'electron.menuDelete'), { type: 'separator' }, role('selectAll', 'electron.contextSelectAll')];
  return {
    role: 'editMenu',
    label: t('electron.menuEdit'),
    submenu: [
      role('undo', 'electron.menuUndo'),
      role('redo', 'electron.menuRedo'),
      { type: 'separator' },
      role('cut', 'electron.contextCut'),
      role('copy', 'electron.contextCopy'),
      role('paste', 'electron.contextPaste'),
      ...(platform === 'darwin' ? mac : others),
    ],
  };
}

/** Electron's Window menu (macOS adds Bring All to Front and its list of windows), labelled in the interface language. */
function windowMenu(platform: NodeJS.Platform, t: (key: MessageKey) => string): MenuItemConstructorOptions {
  const extras: MenuItemConstructorOptions[] =
    platform === 'darwin' ? [{ type: 'separator' }, { role: 'front', label: t('electron.menuFront') }] : [{ role: 'close', label: t('electron.menuCloseWindow') }];
  return {
    role: 'windowMenu',
    label: t('electron.menuWindow'),
    submenu: [{ role: 'minimize', label: t('electron.menuMinimize') }, { role: 'zoom', label: t('electron.menuZoom') }, ...extras],
  };
}

/** The application menu; `recapFile`: the focused window shows a recap saved to a file. */
export function menuTemplate(platform: NodeJS.Platform, isPackaged: boolean, state: ViewState = DEFAULT_VIEW, recapFile = false): MenuItemConstructorOptions[] {
  const t = (key: MessageKey): string => format(state.locale, key);
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    fileMenu(platform, t, recapFile),
    editMenu(platform, t),
    viewMenu(isPackaged, state, t),
    windowMenu(platform, t),
    {
      role: 'help',
      label: t('electron.menuHelp'),
      // A fixed address of ours, opened from the main process: not a link from the page.
      submenu: [{ label: t('electron.menuWebsite'), click: () => void shell.openExternal(PROJECT_URL) }],
    },
  ];
}

export function buildMenu(): void {
  if (!followingFocus) {
    followingFocus = true;
    app.on('browser-window-focus', (_event, win) => noteDocument(win));
  }
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform, app.isPackaged, viewState(), recapFileFocused)));
}
