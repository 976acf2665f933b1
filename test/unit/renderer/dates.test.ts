// The home screen's and History's days and times, in each interface language.
import { afterEach, describe, expect, it } from 'vitest';
import { edited, eventDate } from '../../../renderer/home/dates';
import { dayAndTime, dayMonth } from '../../../renderer/ui/format';
import { setLocaleChoice } from '../../../renderer/ui/locale';
import { LOCALES } from '../../../electron/core/i18n/messages';

const now = new Date(2025, 10, 3, 15, 30, 0);
const ago = (ms: number): string => new Date(now.getTime() - ms).toISOString();

afterEach(() => setLocaleChoice('en'));

describe('days and times in English', () => {
  it('reads the event day, day first, and keeps a date the calendar lacks as written', () => {
    setLocaleChoice('en');
    expect(eventDate('2021-11-02')).toBe('2 Nov 2021');
    expect(eventDate('2021-02-30')).toBe('2021-02-30');
    expect(eventDate(null)).toBe('No event date');
  });

  it('says how long ago a draft was edited', () => {
    setLocaleChoice('en');
    expect(edited(ago(10_000), now.getTime())).toBe('just now');
    expect(edited(ago(5 * 60_000), now.getTime())).toBe('5 min ago');
    expect(edited(ago(2 * 3600_000), now.getTime())).toBe('today 13:30');
    expect(edited(ago(20 * 3600_000), now.getTime())).toBe('yesterday 19:30');
    expect(edited(new Date(2025, 6, 14, 9, 0).toISOString(), now.getTime())).toBe('14 Jul');
    expect(edited(new Date(2024, 6, 14, 9, 0).toISOString(), now.getTime())).toBe('14 Jul 2024');
  });

  it('reads History’s times', () => {
    setLocaleChoice('en');
    expect(dayAndTime(new Date(2025, 10, 3, 9, 5, 7), now)).toBe('Today 09:05:07');
    expect(dayAndTime(new Date(2025, 10, 2, 9, 5, 7), now)).toBe('Yesterday 09:05:07');
    expect(dayAndTime(new Date(2024, 0, 9, 9, 5, 7), now)).toBe('9 Jan 2024 09:05:07');
  });
});

describe('days and times in Simplified Chinese', () => {
  it('reads the event day and the edit times in Chinese', () => {
    setLocaleChoice('zh-CN');
    expect(eventDate('2021-11-02')).toBe('2021年11月2日');
    expect(eventDate(null)).toBe('没有活动日期');
    expect(edited(ago(10_000), now.getTime())).toBe('刚刚');
    expect(edited(ago(5 * 60_000), now.getTime())).toBe('5 分钟前');
    expect(edited(ago(2 * 3600_000), now.getTime())).toBe('今天 13:30');
    expect(edited(ago(20 * 3600_000), now.getTime())).toBe('昨天 19:30');
    expect(dayMonth(new Date(2025, 6, 14), false)).toBe('7月14日');
  });

  it('reads History’s times in Chinese', () => {
    setLocaleChoice('zh-CN');
    expect(dayAndTime(new Date(2025, 10, 3, 9, 5, 7), now)).toBe('今天 09:05:07');
    expect(dayAndTime(new Date(2025, 10, 2, 9, 5, 7), now)).toBe('昨天 09:05:07');
    expect(dayAndTime(new Date(2024, 0, 9, 9, 5, 7), now)).toBe('2024年1月9日 09:05:07');
  });
});

describe('days without Intl', () => {
  const INTL_LOCALES = { en: 'en-GB', 'zh-CN': 'zh-CN' } as const;
  it.each(LOCALES)('%s writes every day of a year as Intl.DateTimeFormat does, with and without the year', (locale) => {
    const short = new Intl.DateTimeFormat(INTL_LOCALES[locale], { day: 'numeric', month: 'short' });
    const long = new Intl.DateTimeFormat(INTL_LOCALES[locale], { day: 'numeric', month: 'short', year: 'numeric' });
    const days = Array.from({ length: 366 }, (_, i) => new Date(2024, 0, 1 + i));
    days.push(new Date(1000, 0, 1), new Date(9999, 11, 31), new Date(999, 5, 3), new Date(10_000, 5, 3));
    days[days.length - 2]?.setFullYear(999);
    const differ = days.filter((d) => dayMonth(d, false, locale) !== short.format(d) || dayMonth(d, true, locale) !== long.format(d));
    expect(differ.map((d) => d.toDateString())).toEqual([]);
  });
});
