// What Hugo's build refuses in a post's front matter, said first, as errors on the field's line:
// - a date field (date, publishDate, lastmod, expiryDate and their aliases, any case; or the keys
//   the site's `[frontmatter]` config reads as dates) whose value Hugo cannot read as a date ("the
//   "lastmod" front matter field is not a parsable date"): text with no digit at all (`TBD`), a
//   day written YYYY-MM-DD that does not exist (`2024-13-01`), or yes/no (Jekyll's `published:
//   false`, which Hugo reads as a publish date); other spellings Hugo may read (`02 Jan 2006`) are
//   left to it, and empty is absent to Hugo;
// - `url` given a full address (`https://…`): it sets the page's path in the site ("URLs with
//   protocol (http*) not supported");
// - an alias that is a full address: an alias is an old path of the page ("http* aliases not supported").
// Pure module: the page runs it live; lint and export's preflight alike.

import type { Problem } from '../contract';
import type { FieldValue, FrontMatterField as Field } from '../frontmatter/values';
import { msg } from '../i18n/messages';
import { dateErrorMsg, problemOf } from './lint-problem';
import { HUGO_DATE_KEYS } from './lint-publish';

/** A full address, as Hugo tells one (its test is case-sensitive). */
const withProtocol = (v: string): boolean => v.startsWith('http://') || v.startsWith('https://');

function dateProblem({ key, value, line }: Field): Problem[] {
  const at = { field: key, line };
  if (typeof value === 'boolean') return [problemOf('hugo-date', 'error', msg('lint.hugo.yesNo', { key, value: String(value), lower: key.toLowerCase() }), at)];
  if (typeof value !== 'string' || value.trim() === '') return [];
  const text = value.trim();
  const day = /^(\d{4}-\d{2}-\d{2})(?![\d])/.exec(text)?.[1];
  const why = day !== undefined ? dateErrorMsg(day) : /\d/.test(text) ? null : msg('lint.hugo.noDigits');
  return why === null ? [] : [problemOf('hugo-date', 'error', msg('lint.hugo.notDate', { key, value: text, lower: key.toLowerCase(), why }), at)];
}

/** The aliases Hugo reads from a value (cast.ToStringSlice: a list's items, a string's words). */
function aliasesOf(value: FieldValue): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? value.split(/\s+/).filter((v) => v !== '') : [];
}

/** Each field of `fields` Hugo's build stops on; `dateKeys`, the keys the site reads as dates (Hugo's defaults where unset). */
export function hugoFrontMatterProblems(fields: readonly Field[], dateKeys: readonly string[] = HUGO_DATE_KEYS): Problem[] {
  return fields.flatMap((field) => {
    const { key, value, line } = field;
    const lower = key.toLowerCase();
    if (dateKeys.includes(lower)) return dateProblem(field);
    if (lower === 'url' && typeof value === 'string' && withProtocol(value.trim())) {
      return [problemOf('hugo-url', 'error', msg('lint.hugo.urlProtocol', { key, value: value.trim() }), { field: key, line })];
    }
    if (lower === 'aliases') {
      const full = aliasesOf(value).find(withProtocol);
      if (full !== undefined) return [problemOf('hugo-url', 'error', msg('lint.hugo.aliasProtocol', { key, value: full }), { field: key, line })];
    }
    return [];
  });
}
