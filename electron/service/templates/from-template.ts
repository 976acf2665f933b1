// The text of a new recap from a template of any source, its placeholders filled: one place for
// the app's New recap and `recap new --template NAME`.

import type { TemplateRef } from '../../core/contract';
import { fillTemplate } from '../../core/recap/placeholders';
import { newRecapText, slugify, UNTITLED_HEADING } from '../../core/recap/template';
import { fillArchetype, templateBody } from '../site/archetypes';
import { detectSite } from '../site/site';
import { siteRecapText } from './site-recap';
import { readTemplate } from './templates';
import { RecapError } from '../../core/errors';
import { msg } from '../../core/i18n/messages';

export interface FromTemplateVars {
  title?: string;
  /** The file's base name (a bundle's folder name); default: the title's slug, else `recap`. */
  name?: string;
  section: string;
  /** RFC 3339: `{{ .Date }}`; its first ten characters are `{{date}}`. */
  dateTime: string;
  /** The built-in event-recap template's text (its sections fill an archetype without a body). */
  builtin: string;
  dataDir: string;
}

export interface FromTemplate {
  text: string;
  /** Expressions left as written for the author. */
  left: string[];
}

export function textFromTemplate(ref: TemplateRef, vars: FromTemplateVars): FromTemplate {
  const title = vars.title?.replace(/\s+/g, ' ').trim() ?? '';
  if (ref.source === 'builtin') return { text: newRecapText(vars.builtin, title !== '' ? { title } : {}), left: [] };
  if (ref.source === 'posts') {
    const site = detectSite(ref.site ?? '');
    const text = siteRecapText(site, { title, date: vars.dateTime.slice(0, 10), builtin: vars.builtin });
    if (text === null) throw new RecapError('NOT_FOUND', msg('templates.noPosts', { site: site.root }));
    return { text, left: [] };
  }
  const name = vars.name ?? (title !== '' ? slugify(title) : 'recap');
  const raw = readTemplate(ref, vars.dataDir);
  if (ref.source === 'archetype') {
    const filled = fillArchetype(raw, { name, section: vars.section, date: vars.dateTime, ...(title !== '' ? { title } : {}) }, templateBody(vars.builtin));
    return { text: filled.text, left: filled.unknown };
  }
  const filled = fillTemplate(raw, { title, name, slug: vars.name ?? (title !== '' ? slugify(title) : ''), section: vars.section, dateTime: vars.dateTime }, UNTITLED_HEADING);
  return { text: filled.text, left: filled.left };
}
