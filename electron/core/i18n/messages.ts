// Messages in the interface's languages: one catalogue per language (en.ts, zh-CN.ts), the same
// keys in each (zh-CN.ts is typed by en.ts, and test/unit/core/i18n.test.ts checks the
// placeholders too). Used by the page, the CLI and the service's errors alike.
//
// A message is a string with `{name}` placeholders and, for counts, a small ICU-like plural:
//   '{count, plural, one {# photo} other {# photos}}'
// (`#` is the number; Chinese needs only `other`).

import { en } from './en';
import type { MessageKey } from './en';
import { zhCN } from './zh-CN';

export type { MessageKey } from './en';

export type Locale = 'en' | 'zh-CN';
export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];
/** Each language's own name, as its speakers read it (never translated). */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文' };

export type Param = string | number | Msg;
/** A message to be said in whichever language the reader uses: a key and its values. */
export interface Msg {
  key: MessageKey;
  params?: Readonly<Record<string, Param>>;
}

export const CATALOGUES: Record<Locale, Readonly<Record<MessageKey, string>>> = { en, 'zh-CN': zhCN };

/**
 * Whether `locale`'s words are here. Node has every catalogue; the page has English and loads
 * the others when it needs them (its build stands in an empty one: renderer/ui/zh-CN-later.ts).
 */
export function hasCatalogue(locale: Locale): boolean {
  return Object.keys(CATALOGUES[locale]).length > 0;
}

/** Puts a catalogue the page loaded later in place. */
export function addCatalogue(locale: Locale, catalogue: Readonly<Record<MessageKey, string>>): void {
  CATALOGUES[locale] = catalogue;
}

export function msg(key: MessageKey, params?: Readonly<Record<string, Param>>): Msg {
  return params ? { key, params } : { key };
}

export function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(en, value);
}

export function isLocale(value: unknown): value is Locale {
  return value === 'en' || value === 'zh-CN';
}

/**
 * The language for a list of BCP 47 tags in order of preference (navigator.languages, or
 * the CLI's LANG): any Chinese → Simplified Chinese, English → English, else English.
 */
export function pickLocale(tags: readonly string[]): Locale {
  for (const raw of tags) {
    const tag = raw.toLowerCase().replace(/_/g, '-');
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return 'en';
}

/** The CLI's language from its environment (LC_ALL, LC_MESSAGES, LANG, as POSIX reads them). */
export function localeFromEnv(env: Readonly<Record<string, string | undefined>>): Locale {
  const value = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  const tag = value.split('.')[0] ?? '';
  return tag && tag !== 'C' && tag !== 'POSIX' ? pickLocale([tag]) : 'en';
}

// Made once per language: making an Intl object costs far more than using it, and a screen of
// cards says a count on each. (NumberFormat's format is what toLocaleString does.)
const plurals = new Map<Locale, Intl.PluralRules>();
const numbers = new Map<Locale, Intl.NumberFormat>();

function pluralRules(locale: Locale): Intl.PluralRules {
  let rules = plurals.get(locale);
  if (!rules) plurals.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules;
}

function numberFormat(locale: Locale): Intl.NumberFormat {
  let f = numbers.get(locale);
  if (!f) numbers.set(locale, (f = new Intl.NumberFormat(locale)));
  return f;
}

/**
 * A number as the language writes it. A whole number from 0 to 999 reads the same in every
 * language we ship (ASCII digits, no grouping), so it skips Intl: a page's first
 * `Intl.NumberFormat` costs 20–40 ms in Chromium (its locale data loads), which the home
 * screen's "40 photos" would otherwise pay before its first cards show.
 */
export function formatNumber(locale: Locale, value: number): string {
  if (Number.isInteger(value) && value >= 0 && value < 1000 && !Object.is(value, -0)) return String(value);
  return numberFormat(locale).format(value);
}

function paramText(locale: Locale, value: Param | undefined, name: string): string {
  if (value === undefined) return `{${name}}`;
  if (typeof value === 'object') return format(locale, value.key, value.params);
  if (typeof value === 'number') return formatNumber(locale, value);
  return value;
}

/** Index of the `}` closing the `{` at `open`, counting nested braces. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

const PLURAL_HEAD = /^\s*(\w+)\s*,\s*plural\s*,/;

function pluralText(locale: Locale, body: string, params: Readonly<Record<string, Param>>): string | null {
  const head = PLURAL_HEAD.exec(body);
  if (!head) return null;
  const name = head[1] ?? '';
  const count = Number(params[name]);
  const rule = pluralRules(locale).select(count);
  const forms = new Map<string, string>();
  let rest = body.slice(head[0].length);
  for (;;) {
    const m = /^\s*(=\d+|\w+)\s*\{/.exec(rest);
    if (!m) break;
    const open = m[0].length - 1;
    const end = closing(rest, open);
    if (end < 0) break;
    forms.set(m[1] ?? '', rest.slice(open + 1, end));
    rest = rest.slice(end + 1);
  }
  const form = forms.get(`=${count}`) ?? forms.get(rule) ?? forms.get('other') ?? '';
  return fill(locale, form.replace(/#/g, Number.isFinite(count) ? formatNumber(locale, count) : '#'), params);
}

function fill(locale: Locale, text: string, params: Readonly<Record<string, Param>>): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{', i);
    if (open < 0) break;
    const end = closing(text, open);
    if (end < 0) break;
    out += text.slice(i, open);
    const body = text.slice(open + 1, end);
    const plural = pluralText(locale, body, params);
    out += plural ?? paramText(locale, params[body.trim()], body.trim());
    i = end + 1;
  }
  return out + text.slice(i);
}

/** The message `key` in `locale`, its placeholders filled. An unknown key reads as itself. */
export function format(locale: Locale, key: MessageKey, params: Readonly<Record<string, Param>> = {}): string {
  const text = CATALOGUES[locale][key] ?? en[key] ?? key;
  return fill(locale, text, params);
}

export function formatMsg(locale: Locale, m: Msg): string {
  return format(locale, m.key, m.params);
}

/** The placeholder names of a catalogue text (plural variables included), for the parity test. */
export function placeholders(text: string): string[] {
  const names = new Set<string>();
  const walk = (t: string): void => {
    let i = 0;
    while (i < t.length) {
      const open = t.indexOf('{', i);
      if (open < 0) return;
      const end = closing(t, open);
      if (end < 0) return;
      const body = t.slice(open + 1, end);
      const head = PLURAL_HEAD.exec(body);
      if (head) {
        names.add(head[1] ?? '');
        const inner = body.slice(head[0].length);
        for (const m of inner.matchAll(/\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}/g)) walk(m[1] ?? '');
      } else names.add(body.trim());
      i = end + 1;
    }
  };
  walk(text);
  return [...names].sort();
}
