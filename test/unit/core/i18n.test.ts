import { describe, expect, it } from 'vitest';
import { en } from '../../../electron/core/i18n/en';
import { CATALOGUES, LOCALES, format, formatNumber, localeFromEnv, msg, pickLocale, placeholders } from '../../../electron/core/i18n/messages';
import type { MessageKey } from '../../../electron/core/i18n/messages';
import { RecapError } from '../../../electron/core/errors';

const keys = Object.keys(en) as MessageKey[];
/** Names that read the same in every language. */
const SAME_IN_EVERY_LANGUAGE = new Set<MessageKey>([]);

describe('the message catalogues', () => {
  it.each(LOCALES)('%s has every key of English and no other', (locale) => {
    const catalogue = CATALOGUES[locale] as Record<string, string>;
    expect(Object.keys(catalogue).filter((k) => !(k in en))).toEqual([]);
    expect(keys.filter((k) => typeof catalogue[k] !== 'string' || catalogue[k].trim() === '')).toEqual([]);
  });

  it.each(LOCALES)('%s uses the same placeholders as English in every message', (locale) => {
    const differ = keys.filter((k) => placeholders(CATALOGUES[locale][k]).join() !== placeholders(en[k]).join());
    expect(differ).toEqual([]);
  });

  it('has a Chinese text for every message, not a copy of the English (names and symbols aside)', () => {
    const same = keys.filter((k) => !SAME_IN_EVERY_LANGUAGE.has(k) && CATALOGUES['zh-CN'][k] === en[k] && /[a-z]{3,}\s+[a-z]{3,}/i.test(en[k]));
    expect(same).toEqual([]);
  });
});

describe('format', () => {
  it.each(LOCALES)('%s writes numbers as Intl.NumberFormat does, with or without Intl', (locale) => {
    const intl = new Intl.NumberFormat(locale);
    const values = [...Array.from({ length: 1100 }, (_, i) => i), -0, -1, -999, 0.5, 999.5, 1234, 1_000_000, Number.NaN, Infinity];
    expect(values.filter((v) => formatNumber(locale, v) !== intl.format(v))).toEqual([]);
    expect(format(locale, 'home.photoCount', { count: 1234 })).toContain(intl.format(1234));
  });

  it('fills placeholders, nested messages and plurals in each language', () => {
    expect(format('en', 'theme.dark')).toBe('Dark');
    expect(format('zh-CN', 'theme.dark')).toBe('深色');
    const fake = 'x' as MessageKey;
    expect(format('en', fake)).toBe('x');
  });

  it('reads a plural by the language’s rules, with # as the number', () => {
    // The catalogues' own plurals are exercised through their callers; the syntax is checked here.
    expect(placeholders('{count, plural, one {# photo of {name}} other {# photos}}')).toEqual(['count', 'name']);
  });

  it('agrees the verb with the number in the export’s replace question', () => {
    expect(format('en', 'export.replaceConflicts', { count: 1, names: 'a.md' })).toBe('Replace the existing file that differs (a.md)');
    expect(format('en', 'export.replaceConflicts', { count: 2, names: 'a.md, b.png' })).toBe('Replace the 2 existing files that differ (a.md, b.png)');
  });
});

describe('choosing the language', () => {
  it('takes any Chinese as Simplified Chinese and anything else as English', () => {
    expect(pickLocale(['zh-CN'])).toBe('zh-CN');
    expect(pickLocale(['zh-Hans-CN', 'en'])).toBe('zh-CN');
    expect(pickLocale(['fr-FR', 'zh-TW'])).toBe('zh-CN');
    expect(pickLocale(['en-GB', 'zh-CN'])).toBe('en');
    expect(pickLocale(['fr-FR'])).toBe('en');
    expect(pickLocale([])).toBe('en');
  });

  it('reads the CLI’s language from LC_ALL, LC_MESSAGES and LANG, in that order', () => {
    expect(localeFromEnv({ LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(localeFromEnv({ LANG: 'zh_CN.UTF-8', LC_ALL: 'C' })).toBe('en');
    expect(localeFromEnv({ LC_MESSAGES: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(localeFromEnv({})).toBe('en');
  });
});

describe('an error built from a message', () => {
  it('keeps the key for the doors and English as its message', () => {
    const err = new RecapError('NOT_FOUND', msg('theme.label'));
    expect(err.message).toBe('Theme');
    expect(err.toJSON()).toEqual({ code: 'NOT_FOUND', message: 'Theme', msg: { key: 'theme.label' } });
    expect(new RecapError('NOT_FOUND', 'plain').toJSON()).toEqual({ code: 'NOT_FOUND', message: 'plain' });
  });
});
