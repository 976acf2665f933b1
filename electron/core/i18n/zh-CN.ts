// The interface in Simplified Chinese: the same keys as en.ts, in the same groups and order.
// Typed by en.ts, so a missing key fails the typecheck (and test/unit/core/i18n.test.ts).

import type { MessageKey } from './en';

export const zhCN: Record<MessageKey, string> = {
  // ── app ─────────────────────────────────────────────────────────────────────────────
  'app.name': 'Recap Studio',
  'app.opening': '正在打开 Recap Studio…',
  'language.label': '语言',
  'language.title': '界面语言，或跟随系统设置',
  'language.system': '跟随系统',
  'theme.label': '主题',
  'theme.title': '浅色或深色，或跟随系统设置',
  'theme.system': '跟随系统',
  'theme.light': '浅色',
  'theme.dark': '深色',
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
  'accessibility.skipLinks': '跳转链接',
  'accessibility.skipToForm': '跳到表单',
  'accessibility.skipToText': '跳到正文',
  'accessibility.syncScroll': '同步：预览随正文滚动',

  // ── end ─────────────────────────────────────────────────────────────────────────────
};
