// A lint finding built from a catalogue message: `msg` says it in the reader's language,
// `message` is its English text (for logs, tests and readers that predate the catalogues).

import type { Problem, Severity, SiteGenerator, SiteProfile } from '../contract';
import type { FieldValue } from '../frontmatter/values';
import { format, msg } from '../i18n/messages';
import type { Msg } from '../i18n/messages';

export type ProblemPlace = Pick<Problem, 'line' | 'column' | 'field'>;

export function problemOf(code: string, severity: Severity, m: Msg, at: ProblemPlace = {}): Problem {
  return { code, severity, message: format('en', m.key, m.params), msg: m, ...at };
}

/** What a value is, in words, for messages such as "found a list". */
export function describeValue(value: FieldValue): Msg {
  if (value === null) return msg('lint.value.nothing');
  if (Array.isArray(value)) return msg('lint.value.list');
  if (typeof value === 'object') return msg('lint.value.group');
  if (typeof value === 'number') return msg('lint.value.number', { value: String(value) });
  if (typeof value === 'boolean') return msg('lint.value.yesNo', { value: String(value) });
  return msg('lint.value.text', { value });
}


/**
 * The generator whose front-matter rules a recap is checked by: its site's, for a post in a site or
 * a draft for one (a draft keeps the built-in profile's photo layout, and its `generator`, until
 * export; its rules say which site it is written for).
 */
export function rulesGenerator(profile: SiteProfile): SiteGenerator | null {
  return profile.rules?.siteGenerator ?? profile.generator;
}
