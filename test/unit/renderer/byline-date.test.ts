// The preview's byline shows a date as the long date of the interface's language, with or without its time.
import { describe, expect, it } from 'vitest';
import { bylineDate, bylineDateText } from '../../../renderer/preview/byline';

describe('the byline’s date', () => {
  it('shows a plain date as the long date, in English and in Chinese', () => {
    expect(bylineDateText('2021-11-02', 'en')).toBe('November 2, 2021');
    expect(bylineDateText('2021-11-02', 'zh-CN')).toBe('2021年11月2日');
  });

  it('shows a date with its time (Hugo, TOML, Jekyll) as the day it is written with', () => {
    for (const written of ['2021-11-02T10:00:00+08:00', '2021-11-02T01:30:00Z', '2021-11-02 10:00:00 +0800', '2021-11-02 10:00', '2021-11-02T23:30:00-07:00']) {
      expect(bylineDateText(written, 'en')).toBe('November 2, 2021');
    }
    expect(bylineDateText('2019-02-27T11:58:38.897Z', 'en')).toBe('February 27, 2019');
    expect(bylineDateText('2021-11-02 10:00:00 +0800', 'zh-CN')).toBe('2021年11月2日');
  });

  it('keeps text that is no date, or a day the calendar lacks, as written', () => {
    expect(bylineDateText('next Tuesday', 'en')).toBe('next Tuesday');
    expect(bylineDateText('2021-02-30', 'en')).toBe('2021-02-30');
    expect(bylineDateText('2021-11-02 and more', 'en')).toBe('2021-11-02 and more');
  });

  it('on a Jekyll site with a timezone, shows a time with an offset on the day it is there, as Jekyll publishes it', () => {
    expect(bylineDateText('2021-11-02 23:30:00 -0800', 'en', 'Asia/Shanghai')).toBe('November 3, 2021');
    expect(bylineDateText('2021-11-02T23:30:00-08:00', 'zh-CN', 'Asia/Shanghai')).toBe('2021年11月3日');
    expect(bylineDateText('2021-11-03 01:00:00 +0800', 'en', 'America/Los_Angeles')).toBe('November 2, 2021');
    // Without an offset Jekyll reads the time in the site's zone, and a bare date is that day.
    expect(bylineDateText('2021-11-02 23:30:00', 'en', 'Asia/Shanghai')).toBe('November 2, 2021');
    expect(bylineDateText('2021-11-02', 'en', 'Asia/Shanghai')).toBe('November 2, 2021');
    // A zone the runtime does not know: the day as written.
    expect(bylineDateText('2021-11-02 23:30:00 -0800', 'en', 'Mars/Olympus')).toBe('November 2, 2021');
  });

  it("is the front matter's date, else the name's; the name's first where the site reads it first (Hugo's :filename)", () => {
    const named = { dateFromName: { date: '2024-05-01', where: 'file' as const } };
    expect(bylineDate('2024-05-02', named)).toBe('2024-05-02');
    expect(bylineDate('', named)).toBe('2024-05-01');
    expect(bylineDate('2024-05-02', { dateFromName: { ...named.dateFromName, first: true } })).toBe('2024-05-01');
    expect(bylineDate('2024-05-02', {})).toBe('2024-05-02');
    expect(bylineDate('', {})).toBe('');
  });
});
