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

/** Hugo's publish date, in the order its front matter config reads it by default; Jekyll's date. */
const PUBLISH_KEYS = { hugo: hugoDateChain('publishdate', null), jekyll: ['date'], docusaurus: [] };
const EXPIRY_KEYS = hugoDateChain('expirydate', null);
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
  if (out.future) {
    const date = field(generator === 'hugo' ? profile.dateKeys?.publish ?? PUBLISH_KEYS.hugo : PUBLISH_KEYS[generator]);
    const day = dayOf(date?.value);
    const option = generator === 'jekyll' ? 'future: true' : 'buildFuture = true';
    if (date !== undefined && day !== null && day > today.latest) {
      problems.push(problemOf('unpublished-future', 'warning', msg('lint.publish.future', { day, key: date.key, generator: name, option }), { field: date.key, line: date.line }));
    }
    // A Jekyll post that writes no date is dated by its file's name (`_posts/2027-01-15-kcd.md`).
    const byName = generator === 'jekyll' && isEmpty(date?.value) ? profile.dateFromName?.date : undefined;
    if (byName !== undefined && byName > today.latest) {
      problems.push(problemOf('unpublished-future', 'warning', msg('lint.publish.futureByName', { day: byName, generator: name, option }), profile.dateField !== null ? { field: profile.dateField } : {}));
    }
  }
  if (out.expired && generator === 'hugo') {
    const expiry = field(profile.dateKeys?.expiry ?? EXPIRY_KEYS);
    const day = dayOf(expiry?.value);
    if (expiry !== undefined && day !== null && day < today.earliest) problems.push(problemOf('unpublished-expired', 'warning', msg('lint.publish.expired', { day, key: expiry.key }), { field: expiry.key, line: expiry.line }));
  }
  return problems;
}
