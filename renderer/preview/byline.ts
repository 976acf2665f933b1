// The date in the preview's byline: the front matter's, else the one the site gives the post from
// its file or folder name (that one first where the site reads it first: Hugo's `:filename`). That one is the profile's `dateFromName`, set by the service's
// rulesForPost, which also writes the form's date help: the name is read there alone, never here.

import type { SiteProfile } from '../../electron/core/contract';
import type { Locale } from '../../electron/core/i18n/messages';
import { publishedDay } from '../../electron/core/recap/site-day';

export function bylineDate(frontMatterDate: string, profile: Pick<SiteProfile, 'dateFromName'>): string {
  const named = profile.dateFromName;
  return named?.first === true || frontMatterDate === '' ? (named?.date ?? frontMatterDate) : frontMatterDate;
}

/** One long-date format per language: `toLocaleDateString` with options builds a new one (5–19 ms) on every call. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function longDate(locale: Locale): Intl.DateTimeFormat {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
    dateFormats.set(locale, format);
  }
  return format;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\s*(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})?$)/i;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A date as the byline shows it: the long date in the interface's language. A date with its time
 * (Hugo's `2021-11-02T10:00:00+08:00`, Jekyll's `2021-11-02 10:00:00 +0800`) shows its day as
 * written, the day the post says it is from; on a Jekyll site with a `timezone` (`timeZone`), a
 * time with an offset shows the day it is there, as Jekyll publishes it (`2021-11-02 23:30:00
 * -0800` is 3 November in Asia/Shanghai). Text that is no date is shown as written.
 */
export function bylineDateText(date: string, locale: Locale, timeZone?: string): string {
  const m = DATE.exec(date.trim());
  if (!m) return date;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const d = new Date(Date.UTC(year, month - 1, day));
  // A day the calendar lacks (2021-02-30) would roll over to another one: shown as written.
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return date;
  // On a site with a zone, the day it publishes the post on (core/recap/site-day.ts, as export names the file).
  const shown = timeZone === undefined ? null : DAY.exec(publishedDay(date, timeZone));
  return longDate(locale).format(shown === null ? d : new Date(Date.UTC(Number(shown[1]), Number(shown[2]) - 1, Number(shown[3]))));
}
