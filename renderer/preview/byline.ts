// The date in the preview's byline: the front matter's, else the one the site gives the post from
// its file or folder name. That one is the profile's `dateFromName`, set by the service's
// rulesForPost, which also writes the form's date help: the name is read there alone, never here.

import type { SiteProfile } from '../../electron/core/contract';
import type { Locale } from '../../electron/core/i18n/messages';

export function bylineDate(frontMatterDate: string, profile: Pick<SiteProfile, 'dateFromName'>): string {
  return frontMatterDate !== '' ? frontMatterDate : (profile.dateFromName?.date ?? '');
}

/** One long-date format per language: `toLocaleDateString` with options builds a new one (5–19 ms) on every call. */
const dateFormats = new Map<Locale, Intl.DateTimeFormat>();

/**
 * A date as the byline shows it: the long date in the interface's language. A date with its time
 * (Hugo's `2021-11-02T10:00:00+08:00`, Jekyll's `2021-11-02 10:00:00 +0800`) shows its day as
 * written, the day the post says it is from; text that is no date is shown as written.
 */
export function bylineDateText(date: string, locale: Locale): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\s*\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?$)/i.exec(date.trim());
  if (!m) return date;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const d = new Date(Date.UTC(year, month - 1, day));
  // A day the calendar lacks (2021-02-30) would roll over to another one: shown as written.
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return date;
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
    dateFormats.set(locale, format);
  }
  return format.format(d);
}
