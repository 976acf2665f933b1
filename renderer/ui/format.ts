// Times and days as the app shows them everywhere: a 24-hour clock, so the status bar, the home
// screen and History read the same way whatever the system's 12/24-hour setting; days in the
// interface's language ("3 Nov 2025", "2025年11月3日").

import type { Locale } from '../../electron/core/i18n/messages';
import { currentLocale, t } from './locale';

const pad = (n: number): string => String(n).padStart(2, '0');

/** "14:05", or "14:05:09" with seconds. */
export function clockTime(d: Date, seconds = false): string {
  const hm = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return seconds ? `${hm}:${pad(d.getSeconds())}` : hm;
}

/** English days read day first ("3 Nov"), as they always have here. */
const DATE_LOCALES: Record<Locale, string> = { en: 'en-GB', 'zh-CN': 'zh-CN' };

/** en-GB's short month names, as Intl writes them (CLDR: "Sept", not "Sep"). */
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];

/**
 * The day as Intl.DateTimeFormat writes it, without Intl, for the years 1000–9999: a page's
 * first date or number formatter costs Chromium 40 ms or more (ICU loads its locale data), which
 * the home screen would pay before its first cards show. The unit test holds these to Intl's.
 */
function dayMonthWithoutIntl(d: Date, withYear: boolean, locale: Locale): string | null {
  const year = d.getFullYear();
  if (!(year >= 1000 && year <= 9999)) return null;
  if (locale === 'zh-CN') return `${withYear ? `${year}年` : ''}${d.getMonth() + 1}月${d.getDate()}日`;
  return `${d.getDate()} ${EN_MONTHS[d.getMonth()] ?? ''}${withYear ? ` ${year}` : ''}`;
}

/** "3 Nov" / "11月3日", or with the year "3 Nov 2025" / "2025年11月3日" (in the current language). */
export function dayMonth(d: Date, withYear: boolean, locale: Locale = currentLocale()): string {
  const quick = dayMonthWithoutIntl(d, withYear, locale);
  if (quick !== null) return quick;
  // Made once per language and form: a formatter costs far more to make than to use (the home
  // screen dates every card).
  const key = `${locale}|${withYear ? 'y' : ''}`;
  let f = dayFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(DATE_LOCALES[locale], { day: 'numeric', month: 'short', ...(withYear ? { year: 'numeric' } : {}) });
    dayFormats.set(key, f);
  }
  return f.format(d);
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** "Today 14:05:09", "Yesterday 09:12:00", "3 Nov 14:05:09", "3 Nov 2025 14:05:09". */
export function dayAndTime(d: Date, now: Date = new Date()): string {
  const time = clockTime(d, true);
  if (d.toDateString() === now.toDateString()) return t('ui.todayAt', { time });
  const yesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1);
  if (d.toDateString() === yesterday.toDateString()) return t('ui.yesterdayAt', { time });
  return `${dayMonth(d, d.getFullYear() !== now.getFullYear())} ${time}`;
}
