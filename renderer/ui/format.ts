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

/** "3 Nov" / "11月3日", or with the year "3 Nov 2025" / "2025年11月3日" (in the current language). */
export function dayMonth(d: Date, withYear: boolean, locale: Locale = currentLocale()): string {
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
