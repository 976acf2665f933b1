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

  // ── translations (issue 14) ─────────────────────────────────────────────────────────

  // ── templates and link card (issue 14) ──────────────────────────────────────────────

  // ── accessibility ───────────────────────────────────────────────────────────────────
  'accessibility.skipLinks': 'Skip links',
  'accessibility.skipToForm': 'Skip to the form',
  'accessibility.skipToText': 'Skip to the text',
  'accessibility.syncScroll': 'Sync: scroll the preview with the text',

  // ── end ─────────────────────────────────────────────────────────────────────────────
};

export type MessageKey = keyof typeof en;
