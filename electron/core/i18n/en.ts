// The interface in English: every string the page, the CLI and the service's errors show.
// Keys are grouped by room; keep each group's keys together and in the same order in zh-CN.ts.
// Syntax: `{name}` placeholders; counts as '{count, plural, one {# photo} other {# photos}}'.

export const en = {
  // ── app ─────────────────────────────────────────────────────────────────────────────
  'app.name': 'Recap Studio',
  'app.opening': 'Opening Recap Studio…',
  'language.label': 'Language',
  'language.title': 'The language of the interface, or as the system is set',
  'language.system': 'System',
  'theme.label': 'Theme',
  'theme.title': 'Light or dark, or as the system is set',
  'theme.system': 'System',
  'theme.light': 'Light',
  'theme.dark': 'Dark',
  // ── ui (renderer/ui, App.tsx) ───────────────────────────────────────────────────────

  // ── home ────────────────────────────────────────────────────────────────────────────

  // ── workspace ───────────────────────────────────────────────────────────────────────

  // ── photos ──────────────────────────────────────────────────────────────────────────

  // ── export ──────────────────────────────────────────────────────────────────────────

  // ── history, preview, find ──────────────────────────────────────────────────────────

  // ── errors (electron/core/errors.ts and the service) ────────────────────────────────

  // ── lint (Problems panel, recap lint) ───────────────────────────────────────────────

  // ── cli ─────────────────────────────────────────────────────────────────────────────

  // ── electron (menus, spelling, native dialogs) ──────────────────────────────────────
  'electron.menuFile': '&File',
  'electron.menuNewRecap': 'New Recap',
  'electron.menuOpen': 'Open…',
  'electron.menuSave': 'Save',
  'electron.menuSaveAs': 'Save As…',
  'electron.menuInsertPhotos': 'Insert Photos…',
  'electron.menuExport': 'Export…',
  'electron.menuHistory': 'History…',
  'electron.menuHome': 'All Recaps (Home)',
  'electron.menuView': '&View',
  'electron.menuTheme': 'Theme',
  'electron.menuLanguage': 'Language',
  'electron.menuResetZoom': 'Actual Size',
  'electron.menuZoomIn': 'Zoom In',
  'electron.menuZoomOut': 'Zoom Out',
  'electron.menuFullScreen': 'Toggle Full Screen',
  'electron.menuDevTools': 'Toggle Developer Tools',
  'electron.menuHelp': '&Help',
  'electron.menuWebsite': 'Recap Studio on the web',
  'electron.contextNoSuggestions': 'No spelling suggestions',
  'electron.contextAddToDictionary': 'Add “{word}” to Dictionary',
  'electron.contextCut': 'Cut',
  'electron.contextCopy': 'Copy',
  'electron.contextPaste': 'Paste',
  'electron.contextSelectAll': 'Select All',
  'electron.findInBrowser': 'In the browser mode, the browser’s own Find (Ctrl+F) searches the preview.',
  'spelling.label': 'Spelling',
  'spelling.title': 'The language the spellchecker uses for this recap',
  'spelling.automatic': 'Automatic ({language})',
  'spelling.system': 'System languages',
  'spelling.unavailable': 'No dictionary for {language}: the system’s languages are used',
  'find.previewScope': 'Search in preview',
  'find.previewScopeTitle': 'Search the preview instead of the text (the text cannot be edited meanwhile)',
  'find.previewMatchCount': '{current} of {total}',
  'find.previewNoMatches': 'No results in the preview',

  // ── translations (issue 14) ─────────────────────────────────────────────────────────

  // ── templates and link card (issue 14) ──────────────────────────────────────────────

  // ── accessibility ───────────────────────────────────────────────────────────────────

  // ── end ─────────────────────────────────────────────────────────────────────────────
};

export type MessageKey = keyof typeof en;
