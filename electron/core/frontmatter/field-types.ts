// What typed text means for a front-matter field: the CLI's `key=value` and the form's inputs
// arrive as text, and a field keeps the type it has (`draft: true` stays a boolean, `weight: 1`
// a number, `tags: [a]` a list in its own style, a comma-separated string a string).
//
// Pure module (no Node imports): the CLI and the renderer's form share it.

import type { FieldType, OneStringSeparator } from '../contract';
import { listFromValue, listToValue, type FieldValue } from './values';

/** The kind of value a field holds (or, for a new field, the one the site's posts give it). */
export type ValueKind = 'string' | 'list' | 'boolean' | 'number' | 'map' | 'null';

export function kindOf(value: FieldValue): ValueKind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'map';
  return typeof value === 'boolean' ? 'boolean' : typeof value === 'number' ? 'number' : 'string';
}

const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

export function parseBoolean(text: string): boolean | null {
  const t = text.trim().toLowerCase();
  return t === 'true' ? true : t === 'false' ? false : null;
}

export function parseNumber(text: string): number | null {
  const t = text.trim();
  return NUMBER.test(t) ? Number(t) : null;
}

export interface CoerceHints {
  /** The profile's type for the field, if it has one. */
  type?: FieldType;
  /** The kind the site's other posts give this field (for a field the post does not have yet). */
  siteKind?: ValueKind | null;
  /** Written as a list whatever it was (`recap set --list`). */
  asList?: boolean;
  /** The profile's separator for a one-string list (FieldSpec.separator). */
  separator?: OneStringSeparator;
}

/**
 * The value `text` stands for in a field that holds `previous`: true/false in a boolean field
 * is a boolean, a number in a number field a number, `a,b` in a list a list (and in a
 * comma-separated string field, that string with the file's own spacing). Anything else is
 * text, as typed.
 */
export function coerceInput(text: string, previous: FieldValue | undefined, hints: CoerceHints = {}): FieldValue {
  const kind = previous === undefined || previous === null ? (hints.siteKind ?? null) : kindOf(previous);
  const listy = hints.type === 'tags' || hints.type === 'names';
  if (hints.asList) return listToValue(listFromValue(text), previous, 'list');
  if (kind === 'boolean') return parseBoolean(text) ?? text;
  if (kind === 'number') return parseNumber(text) ?? text;
  if (kind === 'list') return listToValue(listFromValue(text), Array.isArray(previous) ? previous : [], 'list');
  // A list whose items are words (Jekyll's tags) takes them apart at commas, the command line's list syntax, and at spaces.
  if (listy) return listToValue(hints.separator === 'space' ? text.split(/[\s,]+/) : listFromValue(text), previous, 'string', hints.separator);
  return text;
}
