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
  'templates.unreadableFrontMatter': '这篇回顾的 front matter 无法解析，因此不能存为模板。请先修正它（问题面板会指出位置）。',
  'templates.nameEmpty': '请为模板起一个名字。',
  'templates.nameTooLong': '模板名称最多 {max} 个字符。',
  'templates.nameChars': '“{name}”不能作为模板名称：请使用字母、数字、空格、- _ 和 .，并以字母或数字开头。',
  'templates.nameReserved': '“{name}”不能作为模板名称：Windows 将它保留给设备使用。',
  'templates.notFound': '没有名为“{name}”的模板。',
  'templates.refused': '模板 {name} 不是其文件夹内的普通 Markdown 文件（指向别处的链接，或不是文本），因此不会读取。',
  'templates.tooLarge': '模板 {name} 超过 {max}；模板只应包含 front matter 和标题。',
  'templates.noArchetype': '网站 {site} 没有原型“{name}”（archetypes/{name}.md）。',
  'templates.siteUnknown': '{site} 不在你的网站列表中：先导出到它一次（或在导出对话框中选择它），才能使用它的模板。',
  'templates.folderRefused': '{folder} 是指向别处的链接或不是文件夹：不会通过它写入任何内容。请用真实的文件夹替换它。',
  'templates.exists': '名为“{name}”的模板已存在。',
  'templates.leftForYou': '以下内容保持原样，留给你填写：{list}。',
  'templates.cliNotSite': '--site “{dir}”不是网站检出目录（没有 hugo.toml、config.toml、_config.yml、docusaurus.config.* 或 .recap-studio.yml）。',
  'templates.cliUnknown': '--template “{name}”不在以下模板中：{names}',
  'templates.cliFromArchetype': '（来自网站的原型 {file}）',
  'templates.cliFromTemplate': '（来自模板 {name}）',
  'templates.cliHelpTemplate': '--template NAME 按名称选择模板：event-recap（内置）、网站的 .recap-studio/templates/NAME.md、它的 archetypes/NAME.md，或在 Recap Studio 中保存的模板；FILE 不在网站内时用 --site DIR 指定网站。',
  'templates.cliHelpPlaceholders': '{{title}}、{{date}} 和 {{slug}}（以及 Hugo 的 {{ .Title }}、{{ .Date }}、{{ .Name }}）会被填入；其他 {{ … }} 保持原样，并在标准错误输出中列出。',
  'templates.cliOptionTemplate': 'event-recap，或网站的已保存模板或 Hugo 原型的名称。',
  'templates.cliOptionSite': '--template 从中选择模板的网站（默认：FILE 所在的网站）。',
  'linkCard.toggle': '链接卡片',
  'linkCard.toggleTitle': '分享回顾时读者看到的卡片，显示在预览旁',
  'linkCard.loading': '正在绘制链接卡片…',
  'linkCard.intro': '当文章在社交网站或聊天中被分享时，读者会看到这张卡片。图片按 1.91:1 裁剪，与这些网站的做法相同。',
  'linkCard.cardLabel': '链接卡片',
  'linkCard.noCover': '没有封面图片：网站会显示其默认图片，或不显示图片。',
  'linkCard.remoteCover': '封面位于其他网站：此处不加载。',
  'linkCard.coverMissing': '无法显示封面图片：请查看下方的检查结果。',
  'linkCard.noSite': '你的网站',
  'linkCard.noTitle': '尚无标题',
  'linkCard.noDescription': '尚无描述：网站会显示文章开头的文字。',
  'linkCard.urlPath': '网站上的地址：{path}',
  'linkCard.urlUnknown': '回顾保存到网站或导出到网站后，才能知道它在网站上的地址。',
  'linkCard.noProblems': '标题、描述和封面都没有问题。',
  'templates.pickLabel': '新回顾的模板',
  'templates.builtinLabel': '活动回顾（内置）',
  'templates.appLabel': '{name} — 保存在 Recap Studio 中',
  'templates.siteLabel': '{site} — 模板 {name}',
  'templates.archetypeLabel': '{site} — archetypes/{name}.md',
  'templates.saveButton': '存为模板…',
  'templates.saveTitle': '将这篇回顾的字段和标题保存为新回顾的模板',
  'templates.saveDialogTitle': '存为模板',
  'templates.saveIntro': '模板保留 front matter 的字段（值会被清空）以及正文的标题。它会保存到回顾所在的网站（.recap-studio/templates）；如果回顾不在网站中，则保存在 Recap Studio 中。之后“新建回顾”会提供这个模板。',
  'templates.nameLabel': '模板名称',
  'templates.namePlaceholder': '例如 meetup',
  'templates.nameHint': '可使用字母、数字、空格、- _ 和 .；它将成为文件名。',
  'templates.existsAsk': '名为“{name}”的模板已存在。要用这篇回顾的字段和标题替换它吗？',
  'templates.cancel': '取消',
  'templates.save': '保存模板',
  'templates.replace': '替换',
  'templates.savedInSite': '模板“{name}”已保存到网站：{path}',
  'templates.savedInApp': '模板“{name}”已保存在 Recap Studio 中：新建任何回顾时都会提供它。',

  // ── accessibility ───────────────────────────────────────────────────────────────────

  // ── end ─────────────────────────────────────────────────────────────────────────────
};
