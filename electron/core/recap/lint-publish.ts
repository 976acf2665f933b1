// A post its site's generator leaves out when it builds the site (SiteProfile.leavesOut): a
// draft (Hugo's and Docusaurus' `draft: true`, Jekyll's `published: false`), a post dated after
// today (Hugo's publish date, Jekyll's date, without the config's buildFuture / future: true), an
// expired one (Hugo's expiryDate, without buildExpired). Readers will not see it: a warning in the
// Problems panel, lint and export's preflight, which write it all the same (the author may mean it).
// Pure module: the page runs it live.

import type { Problem, SiteProfile } from '../contract';
import { readFrontMatter } from '../frontmatter/frontmatter';
import type { FieldValue, FrontMatterField } from '../frontmatter/frontmatter';
import { msg } from '../i18n/messages';
import { dateErrorMsg, dayOf, isEmpty, problemOf, rulesGenerator } from './lint-problem';

const NAMES = { hugo: 'Hugo', jekyll: 'Jekyll', docusaurus: 'Docusaurus' } as const;

export type HugoDateHandler = 'date' | 'publishdate' | 'lastmod' | 'expirydate';

/** Hugo's date handlers and the front-matter keys each reads by default, in order (a `:` identifier is not a key: `:git`, `:filename`…). */
const HUGO_DATES: Record<HugoDateHandler, readonly string[]> = {
  date: ['date', 'publishdate', 'lastmod'],
  publishdate: ['publishdate', 'date'],
  lastmod: [':git', 'lastmod', 'date', 'publishdate'],
  expirydate: ['expirydate'],
};
/** The keys Hugo adds after each of its own (`modified` after `lastmod`…). */
const HUGO_DATE_ALIASES: Record<string, readonly string[]> = { lastmod: ['modified'], publishdate: ['pubdate', 'published'], expirydate: ['unpublishdate'] };

/**
 * What a Hugo date handler reads, in order, as Hugo reads its list: `given` by the site's
 * `[frontmatter]` config (null: not given), lower-cased, `:default` the handler's own default
 * list, the aliases after each key.
 */
export function hugoDateChain(handler: HugoDateHandler, given: readonly string[] | null): string[] {
  const expanded = (given ?? [':default']).map((v) => v.toLowerCase()).flatMap((v) => (v === ':default' ? HUGO_DATES[handler] : [v]));
  return [...new Set(expanded.flatMap((v) => [v, ...(HUGO_DATE_ALIASES[v] ?? [])]))];
}

/**
 * The date and slug Hugo's `:filename` handler takes from a page's name (a file's without its
 * extension, a bundle's folder): its first ten characters where they are a day that exists
 * (`2024-05-01-kcd-porto`, `2024-05-01_kcd`), and the rest, trimmed of spaces, dashes and
 * underscores, as its slug. Null for a name that starts with no day: Hugo then passes on.
 */
export function hugoFileNameDate(base: string): { date: string; slug: string } | null {
  const m = /^(\d{4}-\d{2}-\d{2})(.*)$/s.exec(base);
  const date = m?.[1];
  if (m === null || date === undefined || dateErrorMsg(date) !== null) return null;
  return { date, slug: (m[2] ?? '').replace(/^[ _-]+|[ _-]+$/g, '') };
}

const HANDLERS: readonly HugoDateHandler[] = ['date', 'lastmod', 'publishdate', 'expirydate'];
/** What Hugo reads each of a page's dates from where its config says nothing (hugoDateChain). */
const HUGO_CHAINS = Object.fromEntries(HANDLERS.map((h) => [h, hugoDateChain(h, null)])) as Record<HugoDateHandler, string[]>;

/** A date Hugo gives a page: its day and the front-matter field it comes from (none: the page's name); `unknown`, a date not known here (the file's time, Git's). */
type SiteDate = { day: string; field?: FrontMatterField } | 'unknown' | null;

/**
 * A page's four dates as Hugo's front-matter handler sets them (page_frontmatter.go), in its
 * order — date, lastmod, the publish date, the expiry date — each the first its list gives: a
 * key of the front matter (an empty or unreadable value passes on to the next), `:filename` the
 * day the page's name gives (`nameDay`; '' none, undefined not known), any other `:` identifier
 * (the file's time, Git's date) a date not known here. A date found for a key the front matter
 * does not have is given to it, where the lists after read it: a page named `2027-01-15-kcd.md`
 * of a site whose date list reads `:filename` is published on that day, its publish date read
 * from `date` by default.
 */
function hugoDates(field: (key: string) => FrontMatterField | undefined, chains: Record<HugoDateHandler, readonly string[]>, nameDay: string | undefined): Record<HugoDateHandler, SiteDate> {
  const given = new Map<string, SiteDate>();
  const walk = (chain: readonly string[]): SiteDate => {
    for (const id of chain) {
      if (id === ':filename' && nameDay === '') continue;
      if (id === ':filename' && nameDay !== undefined) return { day: nameDay };
      if (id.startsWith(':')) return 'unknown';
      const written = field(id);
      const day = written === undefined || isEmpty(written.value) ? null : dayOf(written.value);
      if (day !== null && written !== undefined) return { day, field: written };
      const earlier = written === undefined ? given.get(id) : undefined;
      if (earlier !== undefined) return earlier;
    }
    return null;
  };
  const dates = {} as Record<HugoDateHandler, SiteDate>;
  for (const handler of HANDLERS) {
    dates[handler] = walk(chains[handler]);
    if (dates[handler] !== null) given.set(handler, dates[handler]);
  }
  return dates;
}
/** Every front-matter key Hugo reads as a date by default (lower-cased: Hugo's keys are not case-sensitive); a site's config may change them (SiteProfile.dateKeys). */
export const HUGO_DATE_KEYS: readonly string[] = [...new Set((Object.keys(HUGO_DATES) as HugoDateHandler[]).flatMap((h) => hugoDateChain(h, null)).filter((k) => !k.startsWith(':')))];

function isTrue(value: FieldValue | undefined): boolean {
  return value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true');
}

function isFalse(value: FieldValue | undefined): boolean {
  return value === false || (typeof value === 'string' && value.trim().toLowerCase() === 'false');
}

/** Today as YYYY-MM-DD, here and in UTC: a day after both is in the future wherever the site is built, one before both is past. */
function todays(now: Date): { latest: string; earliest: string } {
  const pad = (n: number): string => String(n).padStart(2, '0');
  const local = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  const utc = now.toISOString().slice(0, 10);
  return { latest: local > utc ? local : utc, earliest: local < utc ? local : utc };
}

/** A Jekyll post's date: its front matter's, or while it writes none the day its `_posts/` file's name gives (`_posts/2027-01-15-kcd.md`). */
function jekyllDate(written: FrontMatterField | undefined, profile: SiteProfile): SiteDate {
  const day = dayOf(written?.value);
  if (day !== null) return { day, field: written };
  const byName = isEmpty(written?.value) ? profile.dateFromName?.date : undefined;
  return byName !== undefined ? { day: byName } : null;
}

export function unpublishedProblems(text: string, profile: SiteProfile, now: Date = new Date()): Problem[] {
  const out = profile.leavesOut;
  const generator = rulesGenerator(profile);
  if (out === undefined || generator === null || generator === undefined) return [];
  const fm = readFrontMatter(text);
  if (fm.problems.length > 0) return [];
  const field = (keys: readonly string[]): FrontMatterField | undefined => {
    for (const want of keys) {
      const hit = fm.fields.find((f) => f.key.toLowerCase() === want);
      if (hit !== undefined) return hit;
    }
    return undefined;
  };
  const name = NAMES[generator];
  const problems: Problem[] = [];
  if (out.drafts) {
    const draft = generator === 'jekyll' ? undefined : field(['draft']);
    if (draft !== undefined && isTrue(draft.value)) problems.push(problemOf('unpublished-draft', 'warning', msg('lint.publish.draft', { generator: name, key: draft.key }), { field: draft.key, line: draft.line }));
    const published = generator === 'jekyll' ? field(['published']) : undefined;
    if (published !== undefined && isFalse(published.value)) problems.push(problemOf('unpublished-draft', 'warning', msg('lint.publish.unpublished'), { field: published.key, line: published.line }));
  }
  const today = todays(now);
  const hugo = generator === 'hugo' ? hugoDates((key) => field([key]), profile.dateKeys?.chains ?? HUGO_CHAINS, profile.dateKeys?.nameDay) : null;
  if (out.future) {
    const published = hugo?.publishdate ?? (generator === 'jekyll' ? jekyllDate(field(['date']), profile) : null);
    const option = generator === 'jekyll' ? 'future: true' : 'buildFuture = true';
    if (published !== null && published !== 'unknown' && published.day > today.latest) {
      const { day, field: from } = published;
      problems.push(
        from !== undefined
          ? problemOf('unpublished-future', 'warning', msg('lint.publish.future', { day, key: from.key, generator: name, option }), { field: from.key, line: from.line })
          : problemOf('unpublished-future', 'warning', msg('lint.publish.futureByName', { day, generator: name, option }), profile.dateField !== null ? { field: profile.dateField } : {}),
      );
    }
  }
  const expiry = hugo !== null && out.expired ? hugo.expirydate : null;
  if (expiry !== null && expiry !== 'unknown' && expiry.field !== undefined && expiry.day < today.earliest) {
    problems.push(problemOf('unpublished-expired', 'warning', msg('lint.publish.expired', { day: expiry.day, key: expiry.field.key }), { field: expiry.field.key, line: expiry.field.line }));
  }
  return problems;
}
