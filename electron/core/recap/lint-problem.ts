// A lint finding built from a catalogue message: `msg` says it in the reader's language,
// `message` is its English text (for logs, tests and readers that predate the catalogues).

import type { Problem, Severity, SiteGenerator, SiteProfile } from '../contract';
import type { FieldValue } from '../frontmatter/values';
import { format, msg } from '../i18n/messages';
import type { MessageKey, Msg } from '../i18n/messages';

export type ProblemPlace = Pick<Problem, 'line' | 'column' | 'field'>;

export function problemOf(code: string, severity: Severity, m: Msg, at: ProblemPlace = {}): Problem {
  return { code, severity, message: format('en', m.key, m.params), msg: m, ...at };
}

/** What a value is, in words, for messages such as "found a list". */
/** Front-matter fields a post's date is in, as the generators and common themes name them (the reference site's `createTime`). */
export const DATE_FIELDS: readonly string[] = ['date', 'createTime', 'publishDate', 'pubDate'];

/** Whether a front-matter value says nothing: null, blank, or a list of blanks. */
export function isEmpty(value: FieldValue | undefined): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.every((v) => v === null || (typeof v === 'string' && v.trim() === ''));
  return false;
}

/** The YYYY-MM-DD a date value starts with (`2024-05-01`, `2024-05-01T10:00:00Z`), or null. */
export function dayOf(value: FieldValue | undefined): string | null {
  return typeof value === 'string' ? /^\d{4}-\d{2}-\d{2}/.exec(value.trim())?.[0] ?? null : null;
}

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
 * export; its rules say which site it is written for). None for a file outside any site, which
 * gets generic checks alone: Jekyll's `published: false` is no error there for being one to Hugo.
 */
export function rulesGenerator(profile: SiteProfile): SiteGenerator | null {
  if (profile.rules?.source === 'generic') return null;
  return profile.rules?.siteGenerator ?? profile.generator;
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC keeps DST out of it.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Why `value` is not a date written YYYY-MM-DD, or null when it is one. Shared with the CLI's
 * `--date` option so both say the same thing.
 */
export function dateErrorMsg(value: string): Msg | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return msg('lint.date.format');
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12) return msg('lint.date.month', { month: String(month) });
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) {
    return msg('lint.date.day', { month: msg(`lint.month.${month}` as MessageKey), year: String(year), day: String(day), last: String(last) });
  }
  return null;
}

/** dateErrorMsg in English. */
export function dateError(value: string): string | null {
  const m = dateErrorMsg(value);
  return m && format('en', m.key, m.params);
}
