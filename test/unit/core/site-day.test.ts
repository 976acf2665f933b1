// The day a site publishes a date on: a moment (time and offset) in the site's zone, else the day written.
import { describe, expect, it } from 'vitest';
import { momentOf, publishedDay } from '../../../electron/core/recap/site-day';

describe('publishedDay', () => {
  it("takes a moment's day in the zone, in Jekyll's and RFC 3339's spellings", () => {
    expect(publishedDay('2021-11-02 23:30:00 -0800', 'Asia/Shanghai')).toBe('2021-11-03');
    expect(publishedDay('2021-11-02T23:30-08:00', 'Asia/Shanghai')).toBe('2021-11-03');
    expect(publishedDay('2021-11-03T00:30:00.5+08:00', 'America/Los_Angeles')).toBe('2021-11-02');
    expect(publishedDay('2021-12-31T20:00:00Z', 'Asia/Tokyo')).toBe('2022-01-01');
  });

  it('keeps the day written without a zone, without an offset, or in a zone this runtime does not know', () => {
    expect(publishedDay('2021-11-02 23:30:00 -0800', undefined)).toBe('2021-11-02');
    expect(publishedDay('2021-11-02 23:30:00', 'Asia/Shanghai')).toBe('2021-11-02');
    expect(publishedDay('2021-11-02', 'Asia/Shanghai')).toBe('2021-11-02');
    expect(publishedDay('2021-11-02 23:30:00 -0800', 'Mars/Olympus')).toBe('2021-11-02');
    expect(momentOf('next Tuesday')).toBeNull();
  });
});
