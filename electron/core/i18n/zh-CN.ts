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
  'electron.menuFile': '文件(&F)',
  'electron.menuNewRecap': '新建回顾',
  'electron.menuOpen': '打开…',
  'electron.menuSave': '保存',
  'electron.menuSaveAs': '另存为…',
  'electron.menuInsertPhotos': '插入照片…',
  'electron.menuExport': '导出…',
  'electron.menuHistory': '历史版本…',
  'electron.menuHome': '全部回顾（主页）',
  'electron.menuView': '视图(&V)',
  'electron.menuTheme': '主题',
  'electron.menuLanguage': '语言',
  'electron.menuResetZoom': '实际大小',
  'electron.menuZoomIn': '放大',
  'electron.menuZoomOut': '缩小',
  'electron.menuFullScreen': '切换全屏',
  'electron.menuDevTools': '切换开发者工具',
  'electron.menuHelp': '帮助(&H)',
  'electron.menuWebsite': 'Recap Studio 网站',
  'electron.contextNoSuggestions': '没有拼写建议',
  'electron.contextAddToDictionary': '将“{word}”添加到词典',
  'electron.contextCut': '剪切',
  'electron.contextCopy': '复制',
  'electron.contextPaste': '粘贴',
  'electron.contextSelectAll': '全选',
  'electron.findInBrowser': '在浏览器模式下，请用浏览器自带的查找（Ctrl+F）搜索预览。',
  'spelling.label': '拼写',
  'spelling.title': '拼写检查用于此回顾的语言',
  'spelling.automatic': '自动（{language}）',
  'spelling.system': '系统语言',
  'spelling.unavailable': '没有{language}词典：改用系统语言',
  'find.previewScope': '在预览中搜索',
  'find.previewScopeTitle': '搜索预览而不是正文（期间正文不能编辑）',
  'find.previewMatchCount': '第 {current} 个，共 {total} 个',
  'find.previewNoMatches': '预览中没有结果',

  // ── translations (issue 14) ─────────────────────────────────────────────────────────

  // ── templates and link card (issue 14) ──────────────────────────────────────────────

  // ── accessibility ───────────────────────────────────────────────────────────────────

  // ── end ─────────────────────────────────────────────────────────────────────────────
};
