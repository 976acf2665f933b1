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
  'translation.jekyllUnsupported': 'Recap Studio cannot add a translation of {path}: Jekyll has no convention of its own for translations (each plugin keeps them differently). Translations are supported on Hugo sites (content/<lang>/… or name.<lang>.md) and Docusaurus sites (i18n/<lang>/…).',
  'translation.placeUnsupported': 'Recap Studio cannot add a translation of {path}: it is not a post where a Hugo site (content/…) or a Docusaurus site (blog/…, docs/…) keeps them.',
  'translation.badLang': '"{lang}" is not a language code such as zh, en or pt-br.',
  'translation.noSite': '{path} is not inside a website checkout (no hugo.toml, docusaurus.config.* …): translations live in a site\'s language folders. Export the recap to the site first.',
  'translation.outsideSite': 'Recap Studio refused to write {path}: its folder leads outside the site (a link to another place).',
  'translation.exists': 'There is already a translation at {path}; it was left as it is. Open it to go on translating.',
  'translation.langUnknown': 'The site has no language "{lang}". Its languages are {languages}; add the language to the site\'s config first.',
  'translation.sameLang': 'This recap is already in {lang}.',
  'translation.languages': 'Languages',
  'translation.languagesTitle': 'This recap in the other languages of its site: open a translation or add one',
  'translation.saveFirst': 'Save the recap in a website checkout first: its translations go in the site\'s language folders.',
  'translation.loading': 'Looking for translations…',
  'translation.stateSource': 'source',
  'translation.stateMissing': 'not translated',
  'translation.stateOutdated': '{count, plural, one {source changed in # paragraph} other {source changed in # paragraphs}}',
  'translation.stateFields': '{count, plural, one {# field to translate} other {# fields to translate}}',
  'translation.stateUpToDate': 'up to date',
  'translation.open': 'Open',
  'translation.here': 'open now',
  'translation.add': 'Add translation…',
  'translation.added': 'Made the {lang} translation: {path}. The same images are linked; translate it beside its source.',
  'translation.sourcePane': 'Source ({lang}), read-only',
  'translation.sourceHeading': 'Source ({lang}) → {target}',
  'translation.readOnly': 'Read-only; paragraphs are paired with the translation\'s, in order.',
  'translation.changedSummary': '{count, plural, one {# paragraph changed since this translation was last saved} other {# paragraphs changed since this translation was last saved}}',
  'translation.sourceChanged': 'Source changed',
  'translation.needsFields': 'Needs translation: {fields}',
  'translation.exportSamePath': 'The translations cannot be exported together: the site layout puts them all at {post}. Export each language alone.',
  'translation.exportTogether': 'Export with its translations ({languages}): one check, one write',
  'translation.lintUndeclared': 'The language folder {folder} is not one the site declares ({languages}): the site will not build this translation. Add "{lang}" to the site\'s config, or move the post.',
  'translation.lintImagesDiffer': 'The images differ from the source\'s ({source}): {details}. A translation shares its source\'s images.',
  'translation.lintImagesMissing': 'not here: {urls}',
  'translation.lintImagesExtra': 'not in the source: {urls}',
  'translation.lintFieldMissing': 'The required field "{field}" has no translation: the source has it, this translation leaves it empty.',

  // ── templates and link card (issue 14) ──────────────────────────────────────────────

  // ── accessibility ───────────────────────────────────────────────────────────────────

  // ── end ─────────────────────────────────────────────────────────────────────────────
};

export type MessageKey = keyof typeof en;
