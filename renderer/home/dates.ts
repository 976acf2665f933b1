// How dates read on the home screen, in the interface's language: the event's day, and how long
// ago a draft was edited.

import { clockTime, dayMonth } from '../ui/format';
import { t } from '../ui/locale';

export function eventDate(value: string | null): string {
  if (!value) return t('home.noEventDate');
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return value;
  const day = new Date(2000, 0, 1);
  day.setFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // A day the calendar does not have (2021-02-30) reads as written.
  return day.getMonth() === Number(m[2]) - 1 ? dayMonth(day, true) : value;
}

/** "just now", "5 min ago", "yesterday 14:05", "3 Nov" — how long ago the draft was edited. */
export function edited(iso: string, now: number = Date.now()): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return '';
  const s = Math.max(0, Math.round((now - time) / 1000));
  if (s < 45) return t('home.justNow');
  if (s < 3600) return t('home.minutesAgo', { count: Math.max(1, Math.round(s / 60)) });
  const d = new Date(time);
  const hm = clockTime(d);
  const today = new Date(now);
  const startOfToday = new Date(today.getFullYear(), today.getMonth(), today.getDate()).getTime();
  if (time >= startOfToday) return t('home.todayAt', { time: hm });
  if (time >= startOfToday - 86_400_000) return t('home.yesterdayAt', { time: hm });
  return dayMonth(d, d.getFullYear() !== today.getFullYear());
}
