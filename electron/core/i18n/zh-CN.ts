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
  'translation.jekyllUnsupported': 'Recap Studio 无法为 {path} 添加翻译：Jekyll 本身没有翻译的约定（各插件的存放方式不同）。支持翻译的是 Hugo 站点（content/<语言>/… 或 名称.<语言>.md）和 Docusaurus 站点（i18n/<语言>/…）。',
  'translation.placeUnsupported': 'Recap Studio 无法为 {path} 添加翻译：它不在 Hugo 站点（content/…）或 Docusaurus 站点（blog/…、docs/…）存放文章的位置。',
  'translation.badLang': '“{lang}”不是语言代码（例如 zh、en 或 pt-br）。',
  'translation.noSite': '{path} 不在网站检出目录中（没有 hugo.toml、docusaurus.config.* 等）：翻译存放在站点的语言目录里。请先把这篇回顾导出到站点。',
  'translation.outsideSite': 'Recap Studio 拒绝写入 {path}：它的目录指向站点之外（链接到了别处）。',
  'translation.exists': '{path} 已有翻译，未做任何改动。请打开它继续翻译。',
  'translation.langUnknown': '站点没有语言“{lang}”。它的语言有 {languages}；请先在站点配置中添加该语言。',
  'translation.sameLang': '这篇回顾已经是 {lang} 版本。',
  'translation.languages': '语言版本',
  'translation.languagesTitle': '这篇回顾在站点其他语言中的版本：打开已有翻译或添加新翻译',
  'translation.saveFirst': '请先把这篇回顾保存到网站检出目录中：翻译会放在站点的语言目录里。',
  'translation.loading': '正在查找翻译…',
  'translation.stateSource': '原文',
  'translation.stateMissing': '未翻译',
  'translation.stateOutdated': '原文有 {count} 段已更改',
  'translation.stateFields': '{count} 个字段待翻译',
  'translation.stateUpToDate': '已是最新',
  'translation.open': '打开',
  'translation.here': '当前打开',
  'translation.add': '添加翻译…',
  'translation.added': '已创建 {lang} 翻译：{path}。图片链接保持不变；请对照原文翻译。',
  'translation.sourcePane': '原文（{lang}），只读',
  'translation.sourceHeading': '原文（{lang}）→ {target}',
  'translation.readOnly': '只读；段落按顺序与译文对应。',
  'translation.changedSummary': '自上次保存这篇翻译以来，原文有 {count} 段已更改',
  'translation.sourceChanged': '原文已更改',
  'translation.needsFields': '待翻译：{fields}',
  'translation.exportSamePath': '无法一起导出翻译：站点的布局会把它们都放在 {post}。请逐个语言分别导出。',
  'translation.exportTogether': '连同翻译一起导出（{languages}）：一次检查，一次写入',
  'translation.lintUndeclared': '语言目录 {folder} 不是站点声明的语言（{languages}）：站点不会生成这篇翻译。请在站点配置中添加“{lang}”，或移动这篇文章。',
  'translation.lintImagesDiffer': '图片与原文（{source}）不同：{details}。翻译应与原文共用图片。',
  'translation.lintImagesMissing': '此处缺少：{urls}',
  'translation.lintImagesExtra': '原文中没有：{urls}',
  'translation.lintFieldMissing': '必填字段“{field}”没有翻译：原文有此字段，这篇翻译却为空。',

  // ── templates and link card (issue 14) ──────────────────────────────────────────────

  // ── accessibility ───────────────────────────────────────────────────────────────────

  // ── end ─────────────────────────────────────────────────────────────────────────────
};
