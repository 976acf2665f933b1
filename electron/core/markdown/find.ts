// Find and replace in a recap's Markdown: matching with match case, whole word and regular
// expressions, and the replacement text with `$1` groups. Pure, so the page and the tests run
// the same code. Whole words follow the writing system: Chinese and Japanese put no spaces
// between words, so next to a CJK character every position is a word boundary.

import { formatMsg, msg } from '../i18n/messages';
import type { Msg } from '../i18n/messages';

export interface FindOptions {
  matchCase: boolean;
  wholeWord: boolean;
  regex: boolean;
}

export interface FindMatch {
  start: number;
  end: number;
  /** The regular expression's numbered groups ($1…); empty outside regex mode. */
  groups: Array<string | undefined>;
  /** Named groups ($<name>). */
  named: Record<string, string | undefined>;
}

export type FindResult =
  | { ok: true; matches: FindMatch[]; /** More matches than `limit`: the rest were not counted. */ truncated: boolean }
  | { ok: false; /** In English. */ error: string; /** The same, for the reader's language. */ msg: Msg };

export const MAX_MATCHES = 10_000;

const WORD = /[\p{L}\p{N}\p{M}_]/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\u3000-\u303f\uff00-\uffef]/u;

/** The character (a whole code point) ending before `i`, and the one starting at `i`. */
function charBefore(text: string, i: number): string {
  if (i <= 0) return '';
  const low = text.charCodeAt(i - 1);
  if (i >= 2 && low >= 0xdc00 && low <= 0xdfff) return text.slice(i - 2, i);
  return text[i - 1] ?? '';
}

function charAt(text: string, i: number): string {
  const cp = text.codePointAt(i);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

/** A word boundary between the two characters: not two letters of a spaced script side by side. */
function boundary(before: string, after: string): boolean {
  if (before === '' || after === '') return true;
  if (!WORD.test(before) || !WORD.test(after)) return true;
  return CJK.test(before) || CJK.test(after);
}

/** The match stands as a whole word: a boundary at its start and at its end. */
export function isWholeWord(text: string, start: number, end: number): boolean {
  if (end <= start) return false;
  return boundary(charBefore(text, start), charAt(text, start)) && boundary(charBefore(text, end), charAt(text, end));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** The query as a regular expression, or the reason it is not one. */
export function compileQuery(query: string, options: FindOptions): RegExp | Msg {
  const source = options.regex ? query : escapeRegExp(query);
  try {
    return new RegExp(source, `gmu${options.matchCase ? '' : 'i'}`);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // "Invalid regular expression: /(/gmu: Unterminated group" → "Unterminated group"
    const reason = message.includes(': ') ? message.slice(message.lastIndexOf(': ') + 2) : message;
    return msg('find.invalidRegex', { reason: `${reason.charAt(0).toLowerCase()}${reason.slice(1)}` });
  }
}

/** Every match of `query` in `text`, in order; empty matches (`^`, `a*`) are not matches. */
export function findMatches(text: string, query: string, options: FindOptions, limit = MAX_MATCHES): FindResult {
  if (query === '') return { ok: true, matches: [], truncated: false };
  const re = compileQuery(query, options);
  if (!(re instanceof RegExp)) return { ok: false, error: formatMsg('en', re), msg: re };
  const matches: FindMatch[] = [];
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (end === start) {
      // Step past the empty match (a whole code point, as the u flag reads the text).
      re.lastIndex = start + (charAt(text, start).length || 1);
      continue;
    }
    if (options.wholeWord && !isWholeWord(text, start, end)) {
      // A longer or later match may still stand alone: try again one character on.
      re.lastIndex = start + (charAt(text, start).length || 1);
      continue;
    }
    if (matches.length === limit) return { ok: true, matches, truncated: true };
    matches.push({ start, end, groups: options.regex ? m.slice(1) : [], named: options.regex && m.groups ? { ...m.groups } : {} });
  }
  return { ok: true, matches, truncated: false };
}

/**
 * The text that replaces `match`. Outside regex mode the replacement is taken as written; in
 * regex mode `$&` is the match, `$1`…`$99` and `$<name>` its groups, `$$` a dollar sign, and
 * `\n` and `\t` a new line and a tab.
 */
export function expandReplacement(text: string, match: FindMatch, replacement: string, options: FindOptions): string {
  if (!options.regex) return replacement;
  const whole = text.slice(match.start, match.end);
  return replacement.replace(/\$(\$|&|<([^>]*)>|(\d{1,2}))|\\([nt\\])/g, (all, dollar: string | undefined, name: string | undefined, digits: string | undefined, escape: string | undefined) => {
    if (escape !== undefined) return escape === 'n' ? '\n' : escape === 't' ? '\t' : '\\';
    if (dollar === '$') return '$';
    if (dollar === '&') return whole;
    if (name !== undefined) return name in match.named ? (match.named[name] ?? '') : all;
    if (digits !== undefined) {
      // "$12" with one group is "$1" then "2", as in JavaScript's own replace.
      let n = Number(digits);
      let rest = '';
      if (n > match.groups.length && digits.length === 2) {
        n = Number(digits[0]);
        rest = digits[1] ?? '';
      }
      if (n >= 1 && n <= match.groups.length) return (match.groups[n - 1] ?? '') + rest;
    }
    return all;
  });
}

/** The text with one match replaced, and where the replacement ends (the search goes on from there). */
export function replaceMatch(text: string, match: FindMatch, replacement: string, options: FindOptions): { text: string; end: number } {
  const inserted = expandReplacement(text, match, replacement, options);
  return { text: text.slice(0, match.start) + inserted + text.slice(match.end), end: match.start + inserted.length };
}

/** The text with every match replaced (all of them, past the count's limit too), and how many. */
export function replaceAll(text: string, query: string, replacement: string, options: FindOptions): { text: string; count: number } | { error: string } {
  const found = findMatches(text, query, options, Number.POSITIVE_INFINITY);
  if (!found.ok) return { error: found.error };
  if (found.matches.length === 0) return { text, count: 0 };
  const parts: string[] = [];
  let at = 0;
  for (const m of found.matches) {
    parts.push(text.slice(at, m.start), expandReplacement(text, m, replacement, options));
    at = m.end;
  }
  parts.push(text.slice(at));
  return { text: parts.join(''), count: found.matches.length };
}

/** The match to go to from `offset`: the first starting at or after it (wrapping), or the last before it. */
export function matchIndexFrom(matches: readonly FindMatch[], offset: number, direction: 'next' | 'previous'): number {
  if (matches.length === 0) return -1;
  let lo = 0;
  let hi = matches.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (matches[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  // lo: the first match starting at or after offset.
  if (direction === 'next') return lo === matches.length ? 0 : lo;
  return lo === 0 ? matches.length - 1 : lo - 1;
}
