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
  'templates.unreadableFrontMatter': 'The front matter of this recap does not parse, so it cannot become a template. Fix it first (the Problems panel says where).',
  'templates.nameEmpty': 'Give the template a name.',
  'templates.nameTooLong': 'A template name has at most {max} characters.',
  'templates.nameChars': '"{name}" cannot be a template name: use letters, digits, spaces, - _ and ., starting with a letter or digit.',
  'templates.nameReserved': '"{name}" cannot be a template name: Windows reserves it for a device.',
  'templates.notFound': 'There is no template "{name}".',
  'templates.refused': 'The template {name} is not a plain Markdown file inside its folder (a link to elsewhere, or not text), so it is not read.',
  'templates.tooLarge': 'The template {name} is larger than {max}; a template holds front matter and headings only.',
  'templates.noArchetype': 'The site {site} has no archetype "{name}" (archetypes/{name}.md).',
  'templates.siteUnknown': '{site} is not one of your sites: export to it once (or choose it in the export dialog) to use its templates.',
  'templates.folderRefused': '{folder} is a link to another place or not a folder: nothing is written through it. Replace it with a real folder.',
  'templates.exists': 'A template called "{name}" already exists.',
  'templates.leftForYou': 'Left as written for you to fill in: {list}.',
  'templates.cliNotSite': '--site "{dir}" is not a website checkout (no hugo.toml, config.toml, _config.yml, docusaurus.config.* or .recap-studio.yml).',
  'templates.cliUnknown': '--template "{name}" is not one of {names}',
  'templates.cliFromArchetype': 'from the site\'s archetype {file}',
  'templates.cliFromTemplate': 'from the template {name}',
  'templates.cliHelpTemplate': '--template NAME picks a template by name: event-recap (built-in), the site\'s .recap-studio/templates/NAME.md, its archetypes/NAME.md, or one saved in Recap Studio; --site DIR names the site when FILE is outside it.',
  'templates.cliHelpPlaceholders': '{{title}}, {{date}} and {{slug}} (and Hugo\'s {{ .Title }}, {{ .Date }}, {{ .Name }}) are filled in; any other {{ … }} is left as written and listed on stderr.',
  'templates.cliOptionTemplate': 'event-recap, or the name of a saved template or Hugo archetype of the site.',
  'templates.cliOptionSite': 'The site whose templates --template picks from (default: the site FILE is in).',
  'linkCard.toggle': 'Link card',
  'linkCard.toggleTitle': 'The card a reader sees when the recap is shared, beside the preview',
  'linkCard.loading': 'Drawing the link card…',
  'linkCard.intro': 'When the post is shared on a social site or in a chat, readers see this card. The image is cropped to 1.91:1, as those sites do.',
  'linkCard.cardLabel': 'Link card',
  'linkCard.noCover': 'No cover image: the site shows its default image, or none.',
  'linkCard.remoteCover': 'The cover is on another website: it is not loaded here.',
  'linkCard.coverMissing': 'The cover image cannot be shown: see the checks below.',
  'linkCard.noSite': 'Your website',
  'linkCard.noTitle': 'No title yet',
  'linkCard.noDescription': 'No description yet: sites then show the first words of the post.',
  'linkCard.urlPath': 'Address on the site: {path}',
  'linkCard.urlUnknown': 'The address on the site is known once the recap is saved in or exported to a site.',
  'linkCard.noProblems': 'No problems with the title, description or cover.',
  'templates.pickLabel': 'Template for a new recap',
  'templates.builtinLabel': 'Event recap (built-in)',
  'templates.appLabel': '{name} — saved in Recap Studio',
  'templates.siteLabel': '{site} — template {name}',
  'templates.archetypeLabel': '{site} — archetypes/{name}.md',
  'templates.saveButton': 'Save as template…',
  'templates.saveTitle': 'Keep this recap\'s fields and headings as a template for new recaps',
  'templates.saveDialogTitle': 'Save as template',
  'templates.saveIntro': 'The template keeps the front matter\'s fields with their values cleared, and the text\'s headings. It goes to the recap\'s site (.recap-studio/templates), or into Recap Studio when the recap is not in a site; New recap then offers it.',
  'templates.nameLabel': 'Template name',
  'templates.namePlaceholder': 'e.g. meetup',
  'templates.nameHint': 'Letters, digits, spaces, - _ and .; it becomes the file name.',
  'templates.existsAsk': 'A template called "{name}" already exists. Replace it with this recap\'s fields and headings?',
  'templates.cancel': 'Cancel',
  'templates.save': 'Save template',
  'templates.replace': 'Replace',
  'templates.savedInSite': 'Template "{name}" saved in the site: {path}',
  'templates.savedInApp': 'Template "{name}" saved in Recap Studio: New recap offers it for every recap.',

  // ── accessibility ───────────────────────────────────────────────────────────────────

  // ── end ─────────────────────────────────────────────────────────────────────────────
};

export type MessageKey = keyof typeof en;
