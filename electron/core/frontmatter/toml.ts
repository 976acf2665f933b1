// TOML front matter (`+++`, Hugo's default archetype format), read with smol-toml and edited
// by splicing: a scanner finds where each key and its value sit in the text, so setting a
// field replaces that value's characters only, and comments, tables, blank lines and every
// other byte stay as they are.
//
// Pure module (no Node imports): the renderer's form uses it too. It works on the text between
// the `+++` lines; frontmatter.ts cuts the file and picks the format.

import { parse, TomlDate, type TomlError } from 'smol-toml';
import type { FieldValue, FrontMatterField, QuoteStyle, YamlProblem } from './values';
import { listLines } from './list-edits';
import { RecapError } from '../errors';
import { msg } from '../i18n/messages';
import { fmProblem, tomlErrorMsg } from './parse-errors';

/** A `key = value` line: its key path (table headers included) and where its parts are. */
interface Entry {
  path: string[];
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  valueEnd: number;
  /** The whole line(s), line ending included. */
  lineStart: number;
  lineEnd: number;
}

interface Header {
  path: string[];
  array: boolean;
  lineStart: number;
  lineEnd: number;
}

interface Scan {
  entries: Entry[];
  headers: Header[];
}

const BARE = /[A-Za-z0-9_-]/;
/** A path that cannot match any field: keys under [[array tables]] are not edited by name. */
const ARRAY_MARK = '\u0000[]';

function lineEndAt(src: string, pos: number): number {
  const nl = src.indexOf('\n', pos);
  return nl === -1 ? src.length : nl + 1;
}

function skipBlank(src: string, pos: number, newlines: boolean): number {
  let i = pos;
  for (;;) {
    const ch = src[i];
    if (ch === ' ' || ch === '\t' || (newlines && (ch === '\n' || ch === '\r'))) i++;
    else if (newlines && ch === '#') i = lineEndAt(src, i);
    else return i;
  }
}

function unescapeBasic(s: string): string {
  try {
    return JSON.parse(`"${s.replace(/\\U([0-9a-fA-F]{8})/g, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)).replace(/"/g, '\\"'))}"`) as string;
  } catch {
    return s;
  }
}

/** One key segment at `pos`: bare, "basic" or 'literal'; [name, end]. */
function keySegment(src: string, pos: number): [string, number] {
  const ch = src[pos];
  if (ch === '"' || ch === "'") {
    let i = pos + 1;
    while (i < src.length && src[i] !== ch && src[i] !== '\n') i += ch === '"' && src[i] === '\\' ? 2 : 1;
    const raw = src.slice(pos + 1, i);
    return [ch === '"' ? unescapeBasic(raw) : raw, i + 1];
  }
  let i = pos;
  while (i < src.length && BARE.test(src[i] ?? '')) i++;
  return [src.slice(pos, i), i];
}

function keyPath(src: string, pos: number): [string[], number] {
  const path: string[] = [];
  let i = pos;
  for (;;) {
    i = skipBlank(src, i, false);
    const [seg, end] = keySegment(src, i);
    if (end === i) return [path, i];
    path.push(seg);
    i = skipBlank(src, end, false);
    if (src[i] !== '.') return [path, end];
    i++;
  }
}

/** End of the value starting at `pos` (strings, arrays and inline tables may span lines). */
function valueEnd(src: string, pos: number): number {
  const rest = src.slice(pos, pos + 3);
  if (rest === '"""' || rest === "'''") {
    const q = rest[0] ?? '"';
    let i = pos + 3;
    while (i < src.length) {
      if (q === '"' && src[i] === '\\') {
        i += 2;
        continue;
      }
      if (src.startsWith(rest, i)) {
        let end = i + 3;
        // Up to two quotes of the content may sit right before the closing three.
        while (src[end] === q && end - i < 5) end++;
        return end;
      }
      i++;
    }
    return src.length;
  }
  const ch = src[pos];
  if (ch === '"' || ch === "'") {
    let i = pos + 1;
    while (i < src.length && src[i] !== ch && src[i] !== '\n') i += ch === '"' && src[i] === '\\' ? 2 : 1;
    return Math.min(i + 1, src.length);
  }
  if (ch === '[' || ch === '{') {
    const close = ch === '[' ? ']' : '}';
    let i = skipBlank(src, pos + 1, true);
    while (i < src.length && src[i] !== close) {
      if (ch === '{') {
        const [, afterKey] = keyPath(src, i);
        i = skipBlank(src, afterKey, false);
        if (src[i] === '=') i = skipBlank(src, i + 1, false);
      }
      const end = valueEnd(src, i);
      i = skipBlank(src, end === i ? i + 1 : end, true);
      if (src[i] === ',') i = skipBlank(src, i + 1, true);
    }
    return Math.min(i + 1, src.length);
  }
  let i = pos;
  while (i < src.length && !/[\s,\]}#]/.test(src[i] ?? '')) i++;
  // A local date-time may separate the date and the time with a space.
  if (/^\d{4}-\d{2}-\d{2}$/.test(src.slice(pos, i)) && / \d{2}:/.test(src.slice(i, i + 4))) {
    i++;
    while (i < src.length && !/[\s,\]}#]/.test(src[i] ?? '')) i++;
  }
  return i;
}

function scan(src: string): Scan {
  const entries: Entry[] = [];
  const headers: Header[] = [];
  let table: string[] = [];
  let pos = 0;
  while (pos < src.length) {
    const lineStart = pos;
    const i = skipBlank(src, pos, false);
    const ch = src[i];
    if (ch === undefined) break;
    if (ch === '\n' || ch === '\r' || ch === '#') {
      pos = lineEndAt(src, i);
      continue;
    }
    if (ch === '[') {
      const array = src[i + 1] === '[';
      const [path, end] = keyPath(src, i + (array ? 2 : 1));
      table = array ? [...path, ARRAY_MARK] : path;
      pos = lineEndAt(src, end);
      headers.push({ path, array, lineStart, lineEnd: pos });
      continue;
    }
    const [path, afterKey] = keyPath(src, i);
    const eq = skipBlank(src, afterKey, false);
    if (path.length === 0 || src[eq] !== '=') {
      pos = lineEndAt(src, i);
      continue;
    }
    const valueStart = skipBlank(src, eq + 1, false);
    const end = valueEnd(src, valueStart);
    pos = lineEndAt(src, end);
    entries.push({ path: [...table, ...path], keyStart: i, keyEnd: afterKey, valueStart, valueEnd: end, lineStart, lineEnd: pos });
  }
  return { entries, headers };
}

/** A TOML value as a front-matter value: dates keep the text they are written as. */
function toFieldValue(value: unknown): FieldValue {
  if (value instanceof TomlDate) return value.toISOString();
  if (value === null || value === undefined) return null;
  // Multi-line strings hold the file's line endings; the form and the CLI speak \n.
  if (typeof value === 'string') return value.replace(/\r\n/g, '\n');
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(toFieldValue);
  const out: { [key: string]: FieldValue } = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = toFieldValue(v);
  return out;
}

function lineOf(src: string, offset: number): number {
  let n = 1;
  for (let i = 0; i < offset && i < src.length; i++) if (src.charCodeAt(i) === 10) n++;
  return n;
}

function parseToml(src: string): { data: Record<string, unknown> | null; problem: YamlProblem | null } {
  try {
    return { data: parse(src) as Record<string, unknown>, problem: null };
  } catch (err) {
    const e = err as TomlError;
    const m = tomlErrorMsg(err instanceof Error ? err.message : String(err));
    return { data: null, problem: fmProblem(m, typeof e.line === 'number' ? e.line : 1, typeof e.column === 'number' ? e.column : 1) };
  }
}

/** The fields of a TOML front matter, lines counted from `lineOffset` + 1. */
export function readToml(src: string, lineOffset: number): { fields: FrontMatterField[]; problems: YamlProblem[] } {
  const { data, problem } = parseToml(src);
  if (problem) return { fields: [], problems: [{ ...problem, line: problem.line + lineOffset }] };
  const { entries, headers } = scan(src);
  const fields: FrontMatterField[] = Object.keys(data ?? {}).map((key) => {
    const at = [...entries.map((e) => ({ path: e.path, start: e.keyStart })), ...headers.map((h) => ({ path: h.path, start: h.lineStart }))]
      .filter((x) => x.path[0] === key)
      .sort((a, b) => a.start - b.start)[0];
    return { key, value: toFieldValue(data?.[key]), line: lineOf(src, at?.start ?? 0) + lineOffset };
  });
  // A multi-line string closed on a line of its own (`description = """` … `"""`) reads as its
  // text alone, without that last line break, which is the string's layout (stringText gives it back).
  for (const e of entries) {
    const field = e.path.length === 1 ? fields.find((f) => f.key === e.path[0]) : undefined;
    if (field && typeof field.value === 'string' && CLOSED_ON_OWN_LINE.test(src.slice(e.valueStart, e.valueEnd)) && /[^\n]\n$/.test(field.value)) field.value = field.value.slice(0, -1);
  }
  // A date reads as the text it is written as (`2023-06-01 10:00:00+08:00`), not a normalised form.
  for (const e of entries) {
    if (!(valueAt(data, e.path) instanceof TomlDate)) continue;
    const field = fields.find((f) => f.key === e.path[0]);
    if (!field) continue;
    const raw = src.slice(e.valueStart, e.valueEnd);
    if (e.path.length === 1) field.value = raw;
    else {
      let cur = field.value;
      for (const seg of e.path.slice(1, -1)) cur = cur !== null && typeof cur === 'object' && !Array.isArray(cur) ? (cur[seg] ?? null) : null;
      const last = e.path[e.path.length - 1] ?? '';
      if (cur !== null && typeof cur === 'object' && !Array.isArray(cur)) cur[last] = raw;
    }
  }
  return { fields, problems: [] };
}

function editableToml(src: string): Record<string, unknown> {
  const { data, problem } = parseToml(src);
  if (problem || !data) {
    throw new RecapError('BAD_FIELD', msg('error.fm.badToml', { line: String(problem?.line ?? 1), column: String(problem?.column ?? 1), detail: problem?.msg ?? '' }));
  }
  return data;
}

function valueAt(data: unknown, path: string[]): unknown {
  let cur: unknown = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur) || cur instanceof TomlDate) return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur;
}

const DATE_LITERAL = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

function sameDate(old: TomlDate, literal: string): boolean {
  try {
    const v = (parse(`v = ${literal}`) as { v: unknown }).v;
    return v instanceof TomlDate && v.toISOString() === old.toISOString();
  } catch {
    return false;
  }
}

/** How a one-line string value is written at `path`: 'single' (literal), 'double' (basic), or null (not a one-line string). */
export function tomlQuoteStyle(src: string, path: string[]): QuoteStyle | null {
  const hit = scan(src).entries.find((e) => samePath(e.path, path));
  const text = hit ? src.slice(hit.valueStart, hit.valueEnd) : '';
  if (text.startsWith("'") && !text.startsWith("'''")) return 'single';
  if (text.startsWith('"') && !text.startsWith('"""')) return 'double';
  return null;
}

/**
 * How the file writes its one-line strings, for a new key: the style (literal 'single' or basic
 * "double") most of its non-empty ones have, its prose (values with a space) first; null on a tie or none.
 */
function houseQuote(src: string, entries: readonly { valueStart: number; valueEnd: number }[]): QuoteStyle | null {
  const prose = new Map<QuoteStyle, number>();
  const all = new Map<QuoteStyle, number>();
  for (const e of entries) {
    const text = src.slice(e.valueStart, e.valueEnd);
    const strings = text.startsWith('[') ? text.slice(1).split(',').map((t) => t.trim()) : [text];
    for (const t of strings) {
      const style: QuoteStyle | null = /^'[^'\n]+'/.test(t) ? 'single' : /^"(?:[^"\\\n]|\\.)+"/.test(t) ? 'double' : null;
      if (style === null) continue;
      all.set(style, (all.get(style) ?? 0) + 1);
      if (/\s/.test(t.slice(1, -1))) prose.set(style, (prose.get(style) ?? 0) + 1);
    }
  }
  const pick = (m: Map<QuoteStyle, number>): QuoteStyle | null => {
    const [s = 0, d = 0] = [m.get('single'), m.get('double')];
    return s > d ? 'single' : d > s ? 'double' : null;
  };
  return pick(prose) ?? pick(all);
}

/** A multi-line string whose closing delimiter stands on a line of its own. */
const CLOSED_ON_OWN_LINE = /^(?:"""|''')[\s\S]*\n(?:"""|''')$/;

function stringText(value: string, old: string | null, eol: string, quote?: QuoteStyle): string {
  const oldText = old ?? '';
  // Such a string stays one, closed on its own line again, whatever the text's lines (readToml
  // reads it without that last line break).
  const ownLine = CLOSED_ON_OWN_LINE.test(oldText.replace(/\r\n/g, '\n')) && value !== '';
  if (value.includes('\n') || ownLine) {
    const lines = (ownLine && !value.endsWith('\n') ? `${value}\n` : value).replace(/\r?\n/g, eol);
    if (oldText.startsWith("'''") && !value.includes("'''")) return `'''${eol}${lines}'''`;
    if (oldText.startsWith('"""')) return `"""${eol}${lines.replace(/\\/g, '\\\\').replace(/"""/g, '""\\"')}"""`;
  }
  // A literal string stays one while it can (it holds no ' nor line break); the form passes the
  // style the author wrote (`quote`), so a value that needed "…" for one keystroke goes back.
  const literal = quote !== undefined ? quote === 'single' : oldText.startsWith("'") && !oldText.startsWith("'''");
  if (literal && !/['\n\r]/.test(value)) return `'${value}'`;
  return JSON.stringify(value).replace(/[\u007f]/g, '\\u007f');
}

const BARE_KEY = /^[A-Za-z0-9_-]+$/;

function keyText(key: string): string {
  return BARE_KEY.test(key) ? key : JSON.stringify(key);
}

/** A value as TOML text, in the style of the value it replaces (`old`, its text) where it has one. */
function valueText(value: FieldValue, old: string | null, oldValue: unknown, indent: string, eol: string, quote?: QuoteStyle): string {
  if (value === null) return '""';
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if ((oldValue instanceof TomlDate || old === null) && DATE_LITERAL.test(value) && oldValue !== undefined) return value;
    return stringText(value, old, eol, quote);
  }
  if (Array.isArray(value)) {
    const firstOld = old === null ? null : /^\[\s*(['"])/.exec(old)?.[1] ?? null;
    const items = value.map((v) => valueText(v, firstOld, undefined, indent, eol, firstOld === null ? quote : undefined));
    if (old !== null && old.includes('\n') && items.length > 0) {
      const itemIndent = /\n([ \t]*)\S/.exec(old)?.[1] ?? `${indent}  `;
      const trailing = /,\s*\]$/.test(old);
      return `[${eol}${items.map((i) => `${itemIndent}${i}`).join(`,${eol}`)}${trailing ? ',' : ''}${eol}${indent}]`;
    }
    const pad = old !== null && /^\[ /.test(old) ? ' ' : '';
    return items.length === 0 ? '[]' : `[${pad}${items.join(', ')}${pad}]`;
  }
  const members = Object.entries(value).map(([k, v]) => `${keyText(k)} = ${valueText(v, null, undefined, indent, eol)}`);
  return members.length === 0 ? '{}' : `{ ${members.join(', ')} }`;
}

function indentOf(src: string, pos: number): string {
  const start = src.lastIndexOf('\n', pos - 1) + 1;
  return /^[ \t]*/.exec(src.slice(start, pos))?.[0] ?? '';
}

function samePath(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

function eolOf(src: string): string {
  return src.includes('\r\n') ? '\r\n' : '\n';
}

/** Sets a value (a key path: top-level key, or table and key), splicing only its text. */
export function setToml(src: string, path: string[], value: FieldValue, quote?: QuoteStyle): string {
  const data = editableToml(src);
  const eol = eolOf(src);
  const old = valueAt(data, path);
  if (old !== undefined) {
    if (old instanceof TomlDate ? typeof value === 'string' && sameDate(old, value) : JSON.stringify(toFieldValue(old)) === JSON.stringify(value)) return src;
  }
  const { entries, headers } = scan(src);
  const hit = entries.find((e) => samePath(e.path, path));
  if (hit) {
    const oldText = src.slice(hit.valueStart, hit.valueEnd);
    // A value with no quotes of its own to keep (an empty list, a number becoming text) takes the file's.
    const own = /^\[?\s*['"]/.test(oldText);
    const style = quote ?? (own ? undefined : (houseQuote(src, entries) ?? undefined));
    const spliced = Array.isArray(value) ? spliceArray(src, hit.valueStart, hit.valueEnd, old, value, eol, style) : null;
    if (spliced !== null) return spliced;
    return src.slice(0, hit.valueStart) + valueText(value, oldText, old, indentOf(src, hit.keyStart), eol, style) + src.slice(hit.valueEnd);
  }
  if (headers.some((h) => samePath(h.path, path))) {
    // A whole [table] set to another value: written as an inline table in place of it.
    throw new RecapError('BAD_FIELD', msg('error.fm.tomlTable', { key: path.join('.') }));
  }
  // A new key: into its table when the file has that [table], else as a (dotted) key before the
  // first table; its strings quoted as the file's others are.
  const house = houseQuote(src, entries) ?? undefined;
  const line = (key: string[]): string => `${key.map(keyText).join('.')} = ${valueText(value, null, undefined, '', eol, house)}`;
  for (let n = path.length - 1; n >= 1; n--) {
    const table = headers.find((h) => !h.array && samePath(h.path, path.slice(0, n)));
    if (!table) continue;
    const next = headers.find((h) => h.lineStart > table.lineStart);
    const inTable = entries.filter((e) => e.lineStart >= table.lineEnd && (next === undefined || e.lineStart < next.lineStart));
    const last = inTable.reduce<(typeof inTable)[number] | undefined>((a, e) => (a === undefined || e.lineEnd > a.lineEnd ? e : a), undefined);
    // At the table's last key's indentation (a table written indented keeps its look).
    return insertLine(src, last ? last.lineEnd : table.lineEnd, (last ? indentOf(src, last.keyStart) : '') + line(path.slice(n)), eol);
  }
  const firstTable = headers[0];
  const top = entries.filter((e) => firstTable === undefined || e.lineStart < firstTable.lineStart);
  const at = top.length > 0 ? Math.max(...top.map((e) => e.lineEnd)) : firstTable ? firstTable.lineStart : src.length;
  return insertLine(src, at, line(path), eol);
}

const isScalarItem = (v: unknown): boolean => v === null || typeof v !== 'object' || v instanceof TomlDate;

/**
 * An array written one item a line with comments (`"jane", # organiser`, a line of its own above an
 * item, or after its `[`), given new items: only the lines of removed items go and new items get
 * lines of their own, so every comment of a kept item stays (an item's lines: its own and the
 * comment lines just above it); emptied, it keeps the comment after its `[` (`[] # people`). Null
 * (the caller writes the whole value anew) for any other array: on one line, without comments,
 * nested, two items on a line.
 */
function spliceArray(src: string, start: number, end: number, old: unknown, value: FieldValue[], eol: string, quote?: QuoteStyle): string | null {
  const text = src.slice(start, end);
  if (!Array.isArray(old) || !text.startsWith('[') || !text.endsWith(']') || !text.includes('\n') || !text.includes('#')) return null;
  if (!old.every(isScalarItem) || !value.every(isScalarItem)) return null;
  const lineStart = (at: number): number => src.lastIndexOf('\n', at - 1) + 1;
  const openComment = /^\[[ \t]*(#[^\r\n]*)/.exec(text)?.[1];
  if (value.length === 0) {
    // Only when nothing but the line's end follows the array.
    if (openComment === undefined || !/^[ \t]*(?:\r?\n|$)/.test(src.slice(end))) return null;
    return `${src.slice(0, start)}[] ${openComment}${src.slice(end)}`;
  }
  const items: { start: number; end: number; comma: number | null }[] = [];
  let i = skipBlank(src, start + 1, true);
  while (i < end - 1) {
    const e = valueEnd(src, i);
    if (e === i) return null;
    const after = skipBlank(src, e, false);
    const comma = src[after] === ',' ? after : null;
    items.push({ start: i, end: e, comma });
    i = skipBlank(src, comma !== null ? comma + 1 : e, true);
  }
  const first = items[0];
  const last = items[items.length - 1];
  if (first === undefined || last === undefined || items.length !== old.length) return null;
  // Each item's lines end with its own line (its comma and comment); the first item's start after the `[`'s line.
  const ends = items.map((it) => lineEndAt(src, it.comma ?? it.end));
  const bodyStart = lineEndAt(src, start);
  const segmentStart = (k: number): number => (k === 0 ? bodyStart : (ends[k - 1] ?? bodyStart));
  const closeLine = lineStart(end - 1);
  // One item a line, below the `[`'s line; the `]` on a line of its own.
  if (!items.every((it, k) => lineStart(it.start) >= segmentStart(k)) || closeLine < (ends[ends.length - 1] ?? end) || src.slice(closeLine, end - 1).trim() !== '') return null;
  const indent = src.slice(lineStart(first.start), first.start);
  const firstText = src.slice(first.start, first.end);
  // The old items kept in order, the rest removed; new ones inserted where they stand. Each line
  // as the text up to its value's end and what follows its comma (spaces, a comment, the line's end).
  const out = listLines(
    old.map((v) => JSON.stringify(toFieldValue(v))),
    value.map((v) => JSON.stringify(v)),
  ).map((line): { value: string; rest: string } => {
    if ('add' in line && !('edit' in line)) {
      const v = value[line.add] as FieldValue;
      return { value: indent + valueText(v, typeof v === 'string' ? firstText : null, undefined, indent, eol, quote), rest: eol };
    }
    const at = 'edit' in line ? line.edit : line.keep;
    const it = items[at] as (typeof items)[number];
    const rest = src.slice(it.comma !== null ? it.comma + 1 : it.end, ends[at]);
    if (!('edit' in line)) return { value: src.slice(segmentStart(at), it.end), rest };
    // An item edited in place: the new value in its own quotes, on its lines, with their comments.
    const v = value[line.add] as FieldValue;
    return { value: src.slice(segmentStart(at), it.start) + valueText(v, typeof v === 'string' ? src.slice(it.start, it.end) : null, undefined, indent, eol), rest };
  });
  // A comma after every item, and after the last one only where the array had one there.
  const trailing = last.comma !== null;
  const body = out.map((line, k) => `${line.value}${k < out.length - 1 || trailing ? ',' : ''}${line.rest.endsWith('\n') ? line.rest : line.rest + eol}`).join('');
  return src.slice(0, bodyStart) + body + src.slice(ends[ends.length - 1] ?? bodyStart);
}

function insertLine(src: string, at: number, line: string, eol: string): string {
  const before = src.slice(0, at);
  const needsBreak = before !== '' && !before.endsWith('\n');
  return `${before}${needsBreak ? eol : ''}${line}${eol}${src.slice(at)}`;
}

/** Removes a key's line(s), or a whole [table] with its keys. */
export function removeToml(src: string, path: string[]): string {
  editableToml(src);
  const { entries, headers } = scan(src);
  const hit = entries.find((e) => samePath(e.path, path));
  if (hit) return src.slice(0, hit.lineStart) + src.slice(hit.lineEnd);
  const table = headers.find((h) => samePath(h.path, path));
  if (!table) return src;
  const next = headers.find((h) => h.lineStart > table.lineStart && !(h.path.length > path.length && samePath(h.path.slice(0, path.length), path)));
  return src.slice(0, table.lineStart) + src.slice(next?.lineStart ?? src.length);
}

/** Renames a top-level key in place. */
export function renameToml(src: string, from: string, to: string): string {
  const data = editableToml(src);
  if (data[to] !== undefined) throw new RecapError('BAD_FIELD', msg('error.fm.fieldExists', { field: to }));
  const { entries, headers } = scan(src);
  const hit = entries.find((e) => e.path.length === 1 && e.path[0] === from);
  if (hit) return src.slice(0, hit.keyStart) + keyText(to) + src.slice(hit.keyEnd);
  if (headers.some((h) => h.path[0] === from) || data[from] !== undefined) {
    throw new RecapError('BAD_FIELD', msg('error.fm.tomlTableRename', { field: from }));
  }
  throw new RecapError('BAD_FIELD', msg('error.fm.noField', { field: from }));
}
