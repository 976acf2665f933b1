// Lossless front matter. Authors commit what we write, so the file's text is the only source
// of truth: reading derives fields from it, and an edit splices new text into exactly the
// range of the field it changes. Opening and saving an untouched file is therefore
// byte-identical, and changing one field changes that field's line(s) only.
//
// Pure module (no Node imports): the renderer's form and the CLI share it.

import { Document, isMap, isScalar, isSeq, parseDocument, Scalar } from 'yaml';
import type { Node as YamlNode, Pair, YAMLMap } from 'yaml';
import { RecapError } from '../errors';
import { jsonObjectEnd, readJson, removeJson, renameJson, setJson } from './json';
import { readToml, removeToml, renameToml, setToml } from './toml';

export type Eol = '\n' | '\r\n';

/** A recap file cut into its parts; `joinRecap(splitRecap(t)) === t` for every text. */
export type FrontMatterFormat = 'yaml' | 'toml' | 'json';

export interface RecapParts {
  bom: string;
  /** YAML between --- lines, TOML between +++ lines, or a JSON { … } object (open and close are then ''). */
  format: FrontMatterFormat;
  eol: Eol;
  hasFrontMatter: boolean;
  /** The front matter opened on line 1 but was never closed. */
  unclosed: boolean;
  /** The opening `---` line with its line ending ('' when there is no front matter). */
  open: string;
  /** The front matter between the delimiter lines (for JSON the whole object), line endings as in the file. */
  yaml: string;
  /** The closing `---` (or `...`) line with its line ending, if any. */
  close: string;
  body: string;
}

export type FieldValue = string | number | boolean | null | FieldValue[] | { [key: string]: FieldValue };

export interface FrontMatterField {
  key: string;
  value: FieldValue;
  /** 1-based line of the key in the whole file. */
  line: number;
}

export interface YamlProblem {
  message: string;
  line: number;
  column: number;
}

export interface FrontMatter {
  fields: FrontMatterField[];
  problems: YamlProblem[];
  /** False when the YAML is malformed or not a map: the form is read-only, raw YAML is not. */
  editable: boolean;
}

const OPEN = /^---[ \t]*(\r?\n)/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;
const TOML_OPEN = /^\+\+\+[ \t]*(\r?\n)/;
const TOML_CLOSE = /^\+\+\+[ \t]*$/;
/** Hugo's JSON front matter: the file starts with `{` and a quoted name (or `{` alone on its line). */
const JSON_OPEN = /^\{[ \t]*(?:\r?\n|")/;

export function detectEol(text: string): Eol {
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}

export function splitRecap(text: string): RecapParts {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const rest = text.slice(bom.length);
  const eol = detectEol(rest);
  const none: RecapParts = { bom, format: 'yaml', eol, hasFrontMatter: false, unclosed: false, open: '', yaml: '', close: '', body: rest };
  if (JSON_OPEN.test(rest)) {
    const end = jsonObjectEnd(rest, 0);
    if (end === -1) return { ...none, format: 'json', unclosed: true };
    const nl = rest.indexOf('\n', end);
    const lineEnd = nl === -1 ? rest.length : nl + 1;
    return { ...none, format: 'json', hasFrontMatter: true, yaml: rest.slice(0, lineEnd), body: rest.slice(lineEnd) };
  }
  const toml = TOML_OPEN.exec(rest);
  const opening = toml ?? OPEN.exec(rest);
  if (!opening) return none;
  const format: FrontMatterFormat = toml ? 'toml' : 'yaml';
  const closing = toml ? TOML_CLOSE : CLOSE;
  const open = opening[0];
  let pos = open.length;
  while (pos <= rest.length) {
    const nl = rest.indexOf('\n', pos);
    const lineEnd = nl === -1 ? rest.length : nl + 1;
    const line = rest.slice(pos, nl === -1 ? rest.length : nl).replace(/\r$/, '');
    if (closing.test(line)) {
      return {
        bom,
        format,
        eol,
        hasFrontMatter: true,
        unclosed: false,
        open,
        yaml: rest.slice(open.length, pos),
        close: rest.slice(pos, lineEnd),
        body: rest.slice(lineEnd),
      };
    }
    if (nl === -1) break;
    pos = lineEnd;
  }
  return { ...none, format, unclosed: true };
}

export function joinRecap(parts: RecapParts): string {
  return parts.bom + parts.open + parts.yaml + parts.close + parts.body;
}

/** Text areas speak `\n`; files may speak `\r\n`. */
export function toLf(text: string): string {
  return text.replace(/\r\n/g, '\n');
}

export function toEol(text: string, eol: Eol): string {
  return eol === '\n' ? text : toLf(text).replace(/\n/g, eol);
}

/** The body as the Markdown editor shows it. */
export function editorBody(text: string): string {
  return toLf(splitRecap(text).body);
}

/** The raw YAML as the raw view shows it. */
export function editorYaml(text: string): string {
  return toLf(splitRecap(text).yaml);
}

/** Replaces the body with what the editor holds, in the file's line endings. */
export function withBody(text: string, body: string): string {
  const parts = splitRecap(text);
  const next = toEol(body, parts.eol);
  if (toLf(parts.body) === toLf(next)) return text;
  return joinRecap({ ...parts, body: next });
}

/** Replaces the raw front matter with what the raw view holds; creates the block if needed. */
export function withYaml(text: string, yaml: string): string {
  const parts = splitRecap(text);
  const eol = parts.eol;
  let next = toEol(yaml, eol);
  if (next !== '' && !next.endsWith(eol)) next += eol;
  if (parts.hasFrontMatter) {
    if (toLf(parts.yaml) === toLf(next)) return text;
    return joinRecap({ ...parts, yaml: next });
  }
  if (next === '') return text;
  if (parts.unclosed) throw new RecapError('BAD_FIELD', 'The front matter is not closed: add a line with --- after it first.');
  return joinRecap({ ...parts, hasFrontMatter: true, open: `---${eol}`, yaml: next, close: `---${eol}` });
}

function lineAt(source: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < source.length; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}

function linesBefore(parts: RecapParts): number {
  return lineAt(parts.bom + parts.open, (parts.bom + parts.open).length) - 1;
}

function toFieldValue(value: unknown): FieldValue {
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

/** The line that closes a front matter of this format. */
export function closingMark(format: FrontMatterFormat): string {
  return format === 'toml' ? '+++' : format === 'json' ? '}' : '---';
}

interface Parsed {
  parts: RecapParts;
  doc: Document.Parsed;
  problems: YamlProblem[];
}

function parse(text: string): Parsed {
  const parts = splitRecap(text);
  const doc = parseDocument(parts.yaml, { prettyErrors: false, uniqueKeys: true });
  const offset = linesBefore(parts);
  const problems: YamlProblem[] = doc.errors.map((e) => ({
    message: e.message.split('\n')[0] ?? e.message,
    line: lineAt(parts.yaml, e.pos[0]) + offset,
    column: e.pos[0] - parts.yaml.lastIndexOf('\n', e.pos[0] - 1),
  }));
  if (parts.unclosed) {
    problems.unshift({ message: `The front matter opened on line 1 is never closed with a ${closingMark(parts.format)} line.`, line: 1, column: 1 });
  } else if (problems.length === 0 && doc.contents !== null && !isMap(doc.contents)) {
    problems.push({ message: 'The front matter must be a list of "key: value" lines.', line: offset + 1, column: 1 });
  }
  return { parts, doc, problems };
}

export function readFrontMatter(text: string): FrontMatter {
  const split = splitRecap(text);
  if (split.format !== 'yaml') {
    if (split.unclosed) {
      return { fields: [], problems: [{ message: `The front matter opened on line 1 is never closed with a ${closingMark(split.format)} line.`, line: 1, column: 1 }], editable: false };
    }
    const read = split.format === 'toml' ? readToml(split.yaml, linesBefore(split)) : readJson(split.yaml, linesBefore(split));
    return { ...read, editable: read.problems.length === 0 };
  }
  const { parts, doc, problems } = parse(text);
  if (!parts.hasFrontMatter) return { fields: [], problems, editable: !parts.unclosed };
  const offset = linesBefore(parts);
  const fields: FrontMatterField[] = [];
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (!isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      const start = pair.key.range?.[0] ?? 0;
      fields.push({ key, value: toFieldValue(isScalar(pair.value) || isSeq(pair.value) || isMap(pair.value) ? pair.value.toJSON() : pair.value), line: lineAt(parts.yaml, start) + offset });
    }
  }
  return { fields, problems, editable: problems.length === 0 };
}

/**
 * A field's value; `cover.image` reaches into the `cover` map when the front matter has no
 * field literally named so.
 */
export function getField(text: string, key: string): FieldValue | undefined {
  const fields = readFrontMatter(text).fields;
  const direct = fields.find((f) => f.key === key);
  if (direct || !key.includes('.')) return direct?.value;
  const [head, ...rest] = key.split('.');
  let cur: FieldValue | undefined = fields.find((f) => f.key === head)?.value;
  for (const seg of rest) {
    if (cur === null || cur === undefined || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = cur[seg];
  }
  return cur;
}

/** The key path a field name stands for: `cover.image` is `cover` → `image` unless a field has that very name. */
export function keyPath(text: string, key: string): string[] {
  if (!key.includes('.') || key.startsWith('.') || key.endsWith('.') || key.includes('..')) return [key];
  return readFrontMatter(text).fields.some((f) => f.key === key) ? [key] : key.split('.');
}

/** Applies an edit to the text between the delimiters of a TOML or JSON front matter. */
function editInner(parts: RecapParts, edit: (inner: string) => string): string {
  const inner = edit(parts.yaml);
  return inner === parts.yaml ? joinRecap(parts) : joinRecap({ ...parts, yaml: inner });
}

function editable(text: string): { parts: RecapParts; doc: Document.Parsed } {
  const { parts, doc, problems } = parse(text);
  const first = problems[0];
  if (first) {
    throw new RecapError('BAD_FIELD', `The front matter has an error on line ${first.line}, column ${first.column}: ${first.message} Fix it in the raw YAML view first.`);
  }
  return { parts, doc };
}

function findPair(doc: Document.Parsed, key: string): Pair<unknown, unknown> | undefined {
  if (!isMap(doc.contents)) return undefined;
  return doc.contents.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
}

const INLINE_TYPES = new Set(['PLAIN', 'QUOTE_SINGLE', 'QUOTE_DOUBLE']);

function isScalarValue(v: FieldValue): v is string | number | boolean | null {
  return v === null || typeof v !== 'object';
}

/** Quote style of the file, so that a new value looks like its neighbours. */
function scalarStyle(old: unknown, doc: Document.Parsed): Scalar.Type | undefined {
  if (isScalar(old) && old.type && INLINE_TYPES.has(old.type) && old.source !== '') return old.type;
  if (isSeq(old)) {
    const first = old.items.find((i) => isScalar(i));
    if (isScalar(first) && first.type && INLINE_TYPES.has(first.type)) return first.type;
  }
  // A new field follows the majority style of the existing string fields.
  const counts = new Map<Scalar.Type, number>();
  if (isMap(doc.contents)) {
    for (const p of doc.contents.items) {
      if (isScalar(p.value) && typeof p.value.value === 'string' && p.value.type && INLINE_TYPES.has(p.value.type)) {
        counts.set(p.value.type, (counts.get(p.value.type) ?? 0) + 1);
      }
    }
  }
  let best: Scalar.Type | undefined;
  let n = 0;
  for (const [t, c] of counts) if (c > n) [best, n] = [t, c];
  return best;
}

function styled(doc: Document, value: FieldValue, style: Scalar.Type | undefined, flow: boolean): YamlNode {
  const node = doc.createNode(value) as YamlNode;
  const apply = (n: unknown): void => {
    if (isScalar(n)) {
      if (typeof n.value === 'string' && style) n.type = style;
    } else if (isSeq(n)) {
      n.items.forEach(apply);
    } else if (isMap(n)) {
      n.items.forEach((p) => apply(p.value));
    }
  };
  apply(node);
  if (flow && (isSeq(node) || isMap(node))) node.flow = true;
  return node;
}

/** `key: value` as YAML text (no trailing newline), the key written as `keySource`. */
function pairText(key: string, keySource: string | null, value: FieldValue, style: Scalar.Type | undefined, flow: boolean, indent: number): string {
  const doc = new Document({});
  const map = doc.contents;
  if (!isMap(map)) throw new Error('unreachable');
  map.set(doc.createNode(key), styled(doc, value, style, flow));
  let out = doc.toString({ lineWidth: 0, indent, indentSeq: true, flowCollectionPadding: false }).replace(/\n$/, '');
  if (keySource !== null) {
    const generatedKey = doc.createNode(key);
    const generated = String(new Document(generatedKey).toString({ lineWidth: 0 })).replace(/\n$/, '');
    if (out.startsWith(generated)) out = keySource + out.slice(generated.length);
  }
  return out;
}

function scalarText(value: string | number | boolean | null, style: Scalar.Type | undefined): string {
  const node = new Scalar(value);
  if (typeof value === 'string' && style) node.type = style;
  return new Document(node).toString({ lineWidth: 0 }).replace(/\n$/, '');
}

function trimEnd(source: string, end: number): number {
  let e = end;
  while (e > 0 && (source[e - 1] === '\n' || source[e - 1] === '\r')) e--;
  return e;
}

function detectIndent(yaml: string): number {
  const m = /\n( +)\S/.exec(yaml);
  return m?.[1] ? Math.min(Math.max(m[1].length, 2), 8) : 2;
}

function replaceYaml(parts: RecapParts, start: number, end: number, insert: string): string {
  const yaml = parts.yaml.slice(0, start) + toEol(insert, parts.eol) + parts.yaml.slice(end);
  return joinRecap({ ...parts, yaml });
}

function column(source: string, offset: number): number {
  return offset - (source.lastIndexOf('\n', offset - 1) + 1);
}

/** The pair at a key path, and the map that holds (or would hold) it. */
function findPairAt(doc: Document.Parsed, path: string[]): { pair: Pair<unknown, unknown> | undefined; map: YAMLMap<unknown, unknown> | null } {
  let map: unknown = doc.contents;
  for (let i = 0; i < path.length; i++) {
    if (!isMap(map)) return { pair: undefined, map: null };
    const pair = map.items.find((p) => isScalar(p.key) && String(p.key.value) === path[i]);
    if (i === path.length - 1) return { pair, map };
    if (!pair) return { pair: undefined, map: null };
    map = pair.value;
  }
  return { pair: undefined, map: null };
}

function nestValue(path: string[], value: FieldValue): FieldValue {
  return path.reduceRight<FieldValue>((v, k) => ({ [k]: v }), value);
}

function sameValue(a: unknown, b: FieldValue): boolean {
  return JSON.stringify(toFieldValue(a)) === JSON.stringify(b);
}

/** Sets a value at a key path of a YAML front matter, splicing only its own text. */
function setYaml(text: string, path: string[], value: FieldValue): string {
  const { parts, doc } = editable(text);
  const { pair, map } = findPairAt(doc, path);
  const key = path[path.length - 1] ?? '';
  if (!pair) {
    if (path.length === 1 || map === null || map.flow || map.items.length === 0) {
      // A new top-level field (or a nested one whose map is missing or written inline): its whole top-level entry.
      const [head = key] = path;
      const top = findPair(doc, head);
      if (path.length > 1 && top) {
        const merged = toFieldValue(isScalar(top.value) || isSeq(top.value) || isMap(top.value) ? top.value.toJSON() : null);
        const base = merged !== null && typeof merged === 'object' && !Array.isArray(merged) ? merged : {};
        return setYaml(text, [head], deepSet(base, path.slice(1), value));
      }
      const style = scalarStyle(undefined, doc);
      const line = toEol(pairText(head, null, nestValue(path.slice(1), value), style, false, detectIndent(parts.yaml)), parts.eol);
      const yaml = parts.yaml === '' || parts.yaml.endsWith('\n') ? parts.yaml + line + parts.eol : parts.yaml + parts.eol + line + parts.eol;
      return joinRecap({ ...parts, yaml });
    }
    // A new key in a nested block map: a line after its last entry, at its indentation.
    const last = map.items[map.items.length - 1];
    const lastValue = last?.value;
    const lastKey = last?.key as Scalar | undefined;
    const lastEnd = isScalar(lastValue) || isSeq(lastValue) || isMap(lastValue) ? trimEnd(parts.yaml, lastValue.range?.[1] ?? 0) : (lastKey?.range?.[1] ?? 0);
    const indent = ' '.repeat(column(parts.yaml, (map.items[0]?.key as Scalar | undefined)?.range?.[0] ?? 0));
    const body = pairText(key, null, value, scalarStyle(undefined, doc), false, detectIndent(parts.yaml)).replace(/\n/g, `\n${indent}`);
    const nl = parts.yaml.indexOf('\n', lastEnd);
    const at = nl === -1 ? parts.yaml.length : nl + 1;
    const insert = (nl === -1 ? '\n' : '') + indent + body + '\n';
    return replaceYaml(parts, at, at, insert);
  }
  const old = pair.value;
  if ((isScalar(old) || isSeq(old) || isMap(old)) && sameValue(old.toJSON(), value)) return text;
  if (old === null && value === null) return text;
  const keyNode = pair.key as Scalar;
  const [keyStart, keyEnd] = keyNode.range ?? [0, 0];
  const block = isScalar(old) && (old.type === 'BLOCK_FOLDED' || old.type === 'BLOCK_LITERAL') && typeof value === 'string' ? old.type : undefined;
  const style = block ?? scalarStyle(old, doc);
  if (isScalar(old) && isScalarValue(value) && old.range && old.type && INLINE_TYPES.has(old.type) && !(typeof value === 'string' && /[\r\n]/.test(value))) {
    const [s, e] = old.range;
    if (s === e) return replaceYaml(parts, s, e, (parts.yaml[s - 1] === ':' ? ' ' : '') + scalarText(value, style));
    return replaceYaml(parts, s, e, scalarText(value, style));
  }
  const oldEnd = isScalar(old) || isSeq(old) || isMap(old) ? trimEnd(parts.yaml, old.range?.[1] ?? keyEnd) : keyEnd;
  const flow = (isSeq(old) || isMap(old)) && old.flow === true;
  const indent = ' '.repeat(column(parts.yaml, keyStart));
  const replacement = pairText(key, parts.yaml.slice(keyStart, keyEnd), value, style, flow, detectIndent(parts.yaml)).replace(/\n/g, `\n${indent}`);
  const current = parts.yaml.slice(keyStart, Math.max(oldEnd, keyEnd));
  if (toLf(current) === replacement) return text;
  return replaceYaml(parts, keyStart, Math.max(oldEnd, keyEnd), replacement);
}

function deepSet(base: { [key: string]: FieldValue }, path: string[], value: FieldValue): FieldValue {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  const child = base[head];
  const next = rest.length === 0 ? value : deepSet(child !== null && typeof child === 'object' && !Array.isArray(child) ? child : {}, rest, value);
  return { ...base, [head]: next };
}

/**
 * Sets one field, changing only its own line(s). A new field is appended at the end of the
 * front matter (a block is created when the file has none). Quote style, block scalars, flow
 * or block lists and the key's own spelling are kept; setting the value a field already holds
 * changes nothing. `cover.image` sets `image` in the `cover` map (see keyPath). YAML, TOML
 * and JSON front matter alike.
 */
export function setField(text: string, key: string, value: FieldValue): string {
  if (key.trim() === '') throw new RecapError('BAD_FIELD', 'A front-matter field needs a name.');
  const parts0 = splitRecap(text);
  if (!parts0.hasFrontMatter && !parts0.unclosed) {
    const eol = parts0.eol;
    const path = key.includes('.') ? key.split('.').filter((s) => s !== '') : [key];
    const line = pairText(path[0] ?? key, null, nestValue(path.slice(1), value), undefined, false, 2);
    return joinRecap({ ...parts0, hasFrontMatter: true, open: `---${eol}`, yaml: toEol(line, eol) + eol, close: `---${eol}` });
  }
  const path = keyPath(text, key);
  if (parts0.format === 'yaml') return setYaml(text, path, value);
  return editInner(editableParts(parts0), (inner) => (parts0.format === 'toml' ? setToml(inner, path, value) : setJson(inner, path, value)));
}

/** A TOML or JSON front matter that can be edited: closed. */
function editableParts(parts: RecapParts): RecapParts {
  if (parts.unclosed) throw new RecapError('BAD_FIELD', `The front matter is not closed: add a line with ${closingMark(parts.format)} after it first.`);
  return parts;
}

/**
 * The same recap with its front matter written in another format (a new recap for a TOML
 * site): an empty block of that format, then each field set in turn. The body is untouched.
 */
export function convertFrontMatter(text: string, format: FrontMatterFormat): string {
  const parts = splitRecap(text);
  if (parts.format === format || !parts.hasFrontMatter) return text;
  const fields = readFrontMatter(text).fields;
  const eol = parts.eol;
  const empty: RecapParts = format === 'toml'
    ? { ...parts, format, open: `+++${eol}`, yaml: '', close: `+++${eol}` }
    : format === 'json'
      ? { ...parts, format, open: '', yaml: `{${eol}}${eol}`, close: '' }
      : { ...parts, format, open: `---${eol}`, yaml: '', close: `---${eol}` };
  return fields.reduce((out, f) => setField(out, f.key, f.value), joinRecap(empty));
}

/** Removes a field and its line(s); `cover.image` removes a key of the `cover` map. */
export function removeField(text: string, key: string): string {
  const parts0 = splitRecap(text);
  if (parts0.format !== 'yaml' && (parts0.hasFrontMatter || parts0.unclosed)) {
    const path = keyPath(text, key);
    return editInner(editableParts(parts0), (inner) => (parts0.format === 'toml' ? removeToml(inner, path) : removeJson(inner, path)));
  }
  const { parts, doc } = editable(text);
  const { pair } = findPairAt(doc, keyPath(text, key));
  if (!pair) return text;
  const keyNode = pair.key as Scalar;
  const start = parts.yaml.lastIndexOf('\n', (keyNode.range?.[0] ?? 0) - 1) + 1;
  const v = pair.value;
  let end = isScalar(v) || isSeq(v) || isMap(v) ? trimEnd(parts.yaml, v.range?.[2] ?? v.range?.[1] ?? 0) : (keyNode.range?.[1] ?? 0);
  end = Math.max(end, keyNode.range?.[1] ?? 0);
  const nl = parts.yaml.indexOf('\n', end);
  end = nl === -1 ? parts.yaml.length : nl + 1;
  return joinRecap({ ...parts, yaml: parts.yaml.slice(0, start) + parts.yaml.slice(end) });
}

/** Renames a field in place, keeping its value text untouched. */
export function renameField(text: string, from: string, to: string): string {
  if (from === to) return text;
  if (to.trim() === '') throw new RecapError('BAD_FIELD', 'A front-matter field needs a name.');
  const parts0 = splitRecap(text);
  if (parts0.format !== 'yaml' && (parts0.hasFrontMatter || parts0.unclosed)) {
    return editInner(editableParts(parts0), (inner) => (parts0.format === 'toml' ? renameToml(inner, from, to) : renameJson(inner, from, to)));
  }
  const { parts, doc } = editable(text);
  if (findPair(doc, to)) throw new RecapError('BAD_FIELD', `The front matter already has a field "${to}".`);
  const pair = findPair(doc, from);
  if (!pair) throw new RecapError('BAD_FIELD', `The front matter has no field "${from}".`);
  const [s, e] = (pair.key as Scalar).range ?? [0, 0];
  return replaceYaml(parts, s, e, scalarText(to, undefined));
}

// Lists kept in the file's own format: a YAML list stays a list, a comma-separated string
// (the reference recap's `keywords: " Community, Kubernetes"`) stays one, leading space included.

export function listFromValue(value: FieldValue | undefined): string[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.map((v) => (v === null ? '' : String(v)).trim()).filter((v) => v !== '');
  if (typeof value === 'object') return [];
  return String(value)
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

export function listToValue(items: string[], previous: FieldValue | undefined, prefer: 'list' | 'string' = 'string'): FieldValue {
  const clean = items.map((i) => i.trim()).filter((i) => i !== '');
  if (Array.isArray(previous) || ((previous === undefined || previous === null) && prefer === 'list')) return clean;
  if (typeof previous === 'string') {
    const lead = /^\s*/.exec(previous)?.[0] ?? '';
    const sep = /,(\s*)/.exec(previous);
    const joiner = sep ? `,${sep[1] ?? ''}` : ', ';
    return clean.length === 0 ? '' : lead + clean.join(joiner);
  }
  return clean.join(', ');
}
