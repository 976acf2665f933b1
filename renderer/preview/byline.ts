// The date in the preview's byline: the front matter's, else the one the site gives the post from
// its file or folder name. That one is the profile's `dateFromName`, set by the service's
// rulesForPost, which also writes the form's date help: the name is read there alone, never here.

import type { SiteProfile } from '../../electron/core/contract';
import type { Locale } from '../../electron/core/i18n/messages';

export function bylineDate(frontMatterDate: string, profile: Pick<SiteProfile, 'dateFromName'>): string {
  return frontMatterDate !== '' ? frontMatterDate : (profile.dateFromName?.date ?? '');
}

/** One long-date format per language and time zone: `toLocaleDateString` with options builds a new one (5–19 ms) on every call. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function longDate(locale: Locale, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale} ${timeZone}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone });
    dateFormats.set(key, format);
  }
  return format;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\s*(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})?$)/i;

/**
 * The moment a date with its time and offset names (`2021-11-02 23:30:00 -0800`); null when it
 * has no offset (the site reads such a time in its own zone: the day as written).
 */
function instantOf(m: RegExpExecArray): Date | null {
  const [, y, mo, d, time, offset] = m;
  if (time === undefined || offset === undefined) return null;
  const zone = /^z$/i.test(offset) ? 'Z' : `${offset.slice(0, 3)}:${offset.slice(-2)}`;
  const at = new Date(`${y}-${mo}-${d}T${time.length === 5 ? `${time}:00` : time}${zone}`);
  return Number.isNaN(at.getTime()) ? null : at;
}

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
  const at = timeZone === undefined ? null : instantOf(m);
  if (at !== null && timeZone !== undefined) {
    try {
      return longDate(locale, timeZone).format(at);
    } catch {
      // A zone this browser does not know: the day as written.
    }
  }
  return longDate(locale, 'UTC').format(d);
}
