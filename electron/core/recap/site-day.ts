// The day a site publishes a post on. A date with its time and an offset (Jekyll's `2021-11-02
// 23:30:00 -0800`, `2021-11-02T23:30:00Z`) is one moment; a Jekyll site with a `timezone` in its
// `_config.yml` publishes it on the day that moment is in that zone (3 November in
// Asia/Shanghai), in the post's URL and in its file's name. Without a zone, or a time with no
// offset (read in the site's own zone), the day is the one written.
//
// Pure module (no Node imports): export's file name and the page's byline can both ask it.

const WITH_OFFSET = /^(\d{4}-\d{2}-\d{2})[T ]\s*(\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})$/i;

/** One YYYY-MM-DD format per zone (a format is costly to build). */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let f = dayFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, f);
  }
  return f;
}

/** The moment a date with its time and offset names; null for any other text. */
export function momentOf(date: string): Date | null {
  const m = WITH_OFFSET.exec(date.trim());
  if (!m) return null;
  const [, day, hhmm, seconds, offset] = m as unknown as [string, string, string, string | undefined, string];
  const zone = /^z$/i.test(offset) ? 'Z' : `${offset.slice(0, 3)}:${offset.slice(-2)}`;
  const at = new Date(`${day}T${hhmm}${seconds ?? ':00'}${zone}`);
  return Number.isNaN(at.getTime()) ? null : at;
}

/**
 * The YYYY-MM-DD the site publishes `date` on: in `timeZone` (IANA) when the date is a moment
 * (time and offset) and the zone is known, else the day as written (its first ten characters,
 * whatever they hold: the caller checks it is a real day).
 */
export function publishedDay(date: string, timeZone: string | undefined): string {
  const written = date.trim().slice(0, 10);
  const at = timeZone === undefined ? null : momentOf(date);
  if (at === null || timeZone === undefined) return written;
  try {
    const parts = dayFormat(timeZone).formatToParts(at);
    const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
    return `${part('year')}-${part('month')}-${part('day')}`;
  } catch {
    return written;
  }
}
