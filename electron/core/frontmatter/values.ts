// Front-matter values as the app sees them, whatever the format: fields with their lines, the
// problems that make a front matter read-only, and lists kept in the file's own shape.
//
// Pure module (no Node imports): the renderer's form and the CLI share it.

import type { OneStringSeparator } from '../contract';
import type { Msg } from '../i18n/messages';

export type FieldValue = string | number | boolean | null | FieldValue[] | { [key: string]: FieldValue };

/** How a text value is written: bare (YAML plain), "double" (YAML double-quoted, TOML basic) or 'single' (YAML single-quoted, TOML literal). */
export type QuoteStyle = 'plain' | 'double' | 'single';

export interface FrontMatterField {
  key: string;
  value: FieldValue;
  /** 1-based line of the key in the whole file. */
  line: number;
}

/** Why a front matter cannot be read (parse-errors.ts builds them). */
export interface YamlProblem {
  /** The message in English (logs, tests). */
  message: string;
  /** The message in the catalogue: said in the reader's language. */
  msg: Msg;
  line: number;
  column: number;
  /** A parser's syntax error (true), or a front matter of the wrong shape (not closed, not a map). */
  syntax: boolean;
}

export interface FrontMatter {
  fields: FrontMatterField[];
  problems: YamlProblem[];
  /** False when the YAML is malformed or not a map: the form is read-only, raw YAML is not. */
  editable: boolean;
}

/** A value read by a YAML or TOML parser as plain data: dates as YYYY-MM-DD, maps as objects. */
export function toFieldValue(value: unknown): FieldValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(toFieldValue);
  if (value instanceof Map) {
    const out: { [key: string]: FieldValue } = {};
    for (const [k, v] of value) out[String(k)] = toFieldValue(v);
    return out;
  }
  if (typeof value === 'object') {
    const out: { [key: string]: FieldValue } = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = toFieldValue(v);
    return out;
  }
  return String(value);
}

// Lists kept in the file's own format: a YAML list stays a list, a comma-separated string
// (the reference recap's `keywords: " Community, Kubernetes"`) stays one, leading space included.

/**
 * What a list's entry is called: its text, or, for a map such as a Docusaurus inline author
 * (`{name: Ann, title: Maintainer, image_url: …}`), its `name` (else its authors.yml `key`), or
 * for a Docusaurus tag written as a map (`{label: Lisbon, permalink: /lisbon}`) its `label`.
 * null for a map with none of them, or a nested list.
 */
export function entryName(value: FieldValue): string | null {
  if (value === null || Array.isArray(value)) return null;
  if (typeof value !== 'object') return String(value).trim();
  const named = [value.name, value.key, value.label].find((v) => typeof v === 'string' && v.trim() !== '');
  return typeof named === 'string' ? named.trim() : null;
}

/** True for a map (`{name: Ann, title: Maintainer}`): not text, a number, yes/no, null or a list. */
export function isFieldMap(v: FieldValue | undefined): v is { [key: string]: FieldValue } {
  return v !== null && v !== undefined && typeof v === 'object' && !Array.isArray(v);
}

/** True when a list (or the value itself) holds a map: entries the form shows by name and leaves to raw YAML. */
export function hasMapEntries(value: FieldValue | undefined): boolean {
  return isFieldMap(value) || (Array.isArray(value) && value.some(isFieldMap));
}

/**
 * How a list written as one string separates its items: commas (`keywords: " Community,
 * Kubernetes"`), spaces, as Jekyll reads a `tags` or `categories` string (`tags: gitops flux`
 * is two tags there), or nothing: the string is one item (Docusaurus' `authors: jane`, one
 * authors.yml key, which `jane, li` is not); `list`, one item too, but an edit writes a YAML list
 * whatever the field held (Docusaurus' `tags`, which its build reads as a list only).
 */
export type ListSeparator = 'comma' | OneStringSeparator;

export function listFromValue(value: FieldValue | undefined, separator: ListSeparator = 'comma'): string[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.map((v) => entryName(v) ?? '').filter((v) => v !== '');
  if (typeof value === 'object') {
    const name = entryName(value);
    return name === null || name === '' ? [] : [name];
  }
  if (separator === 'none' || separator === 'list') return String(value).trim() === '' ? [] : [String(value).trim()];
  return String(value)
    .split(separator === 'space' ? /\s+/ : ',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

export function listToValue(items: string[], previous: FieldValue | undefined, prefer: 'list' | 'string' = 'string', separator: ListSeparator = 'comma'): FieldValue {
  const clean = items.map((i) => i.trim()).filter((i) => i !== '');
  if (separator === 'list' || Array.isArray(previous) || ((previous === undefined || previous === null) && prefer === 'list')) return clean;
  if (separator === 'none') {
    // One item stays the string it was; more are a YAML list.
    if (typeof previous !== 'string' || clean.length > 1) return clean;
    return clean[0] ?? '';
  }
  if (separator === 'space') {
    // A space-separated string stays one while it can; a new value, or an item with a space
    // (which such a string cannot hold), is a YAML list.
    if (typeof previous !== 'string' || clean.some((i) => /\s/.test(i))) return clean;
    const lead = /^\s*/.exec(previous)?.[0] ?? '';
    return clean.length === 0 ? '' : lead + clean.join(' ');
  }
  if (typeof previous === 'string') {
    const lead = /^\s*/.exec(previous)?.[0] ?? '';
    const sep = /,(\s*)/.exec(previous);
    const joiner = sep ? `,${sep[1] ?? ''}` : ', ';
    return clean.length === 0 ? '' : lead + clean.join(joiner);
  }
  return clean.join(', ');
}
