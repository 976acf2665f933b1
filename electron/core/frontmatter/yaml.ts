// YAML front matter, read and edited losslessly: an edit splices new text into exactly the
// range of the field it changes, keeping quote style, block scalars, flow or block lists and
// the key's own spelling. The TOML and JSON counterparts are toml.ts and json.ts.
//
// Pure module (no Node imports): the renderer's form and the CLI share it.

import { Document, isMap, isScalar, isSeq, parseDocument, Scalar } from 'yaml';
import type { Node as YamlNode, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { RecapError } from '../errors';
import { closingMark, joinRecap, lineAt, linesBefore, splitRecap, toEol, toLf } from './split';
import type { RecapParts } from './split';
import { listLines } from './list-edits';
import { toFieldValue } from './values';
import type { FieldValue, FrontMatter, FrontMatterField, QuoteStyle, YamlProblem } from './values';
import { msg } from '../i18n/messages';
import { fmProblem, yamlErrorMsg } from './parse-errors';

interface Parsed {
  parts: RecapParts;
  doc: Document.Parsed;
  problems: YamlProblem[];
}

function parse(text: string): Parsed {
  const parts = splitRecap(text);
  const doc = parseDocument(parts.yaml, { prettyErrors: false, uniqueKeys: true });
  const offset = linesBefore(parts);
  const problems: YamlProblem[] = doc.errors.map((e) =>
    fmProblem(yamlErrorMsg(e.code, e.message, parts.yaml, e.pos[0]), lineAt(parts.yaml, e.pos[0]) + offset, e.pos[0] - parts.yaml.lastIndexOf('\n', e.pos[0] - 1)),
  );
  if (parts.unclosed) {
    problems.unshift(fmProblem(msg('parser.notClosed', { mark: closingMark(parts.format) }), 1, 1, false));
  } else if (problems.length === 0 && doc.contents !== null && !isMap(doc.contents)) {
    problems.push(fmProblem(msg('parser.yamlNotMap'), offset + 1, 1, false));
  }
  return { parts, doc, problems };
}

/**
 * A scalar's value as the author reads it: a block (`description: >` over its own lines) clipped
 * to one final line break (`>`, `|`) without that line break, which is the block's syntax, not
 * its text; setYaml gives it back when it writes the block (so a form field shows and edits the
 * text alone, and typing at its end stays on its line).
 */
function textOf(node: Scalar): unknown {
  const value = node.toJSON();
  return (node.type === 'BLOCK_FOLDED' || node.type === 'BLOCK_LITERAL') && typeof value === 'string' && /[^\n]\n$/.test(value) ? value.slice(0, -1) : value;
}

/** The fields of a YAML front matter, each with its line in the whole file. */
export function readYaml(text: string): FrontMatter {
  const { parts, doc, problems } = parse(text);
  if (!parts.hasFrontMatter) return { fields: [], problems, editable: !parts.unclosed };
  const offset = linesBefore(parts);
  const fields: FrontMatterField[] = [];
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (!isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      const start = pair.key.range?.[0] ?? 0;
      fields.push({ key, value: toFieldValue(isScalar(pair.value) ? textOf(pair.value) : isSeq(pair.value) || isMap(pair.value) ? pair.value.toJSON() : pair.value), line: lineAt(parts.yaml, start) + offset });
    }
  }
  return { fields, problems, editable: problems.length === 0 };
}


function editable(text: string): { parts: RecapParts; doc: Document.Parsed } {
  const { parts, doc, problems } = parse(text);
  const first = problems[0];
  if (first) {
    throw new RecapError('BAD_FIELD', msg('error.fm.yamlError', { line: String(first.line), column: String(first.column), detail: first.msg }));
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

const YAML_STYLE: Record<QuoteStyle, Scalar.Type> = { plain: 'PLAIN', double: 'QUOTE_DOUBLE', single: 'QUOTE_SINGLE' };

/** How the one-line value at `path` is written (plain, "double" or 'single'), or null (none, a block scalar, a list). */
export function yamlQuoteStyle(text: string, path: string[]): QuoteStyle | null {
  const { doc, problems } = parse(text);
  if (problems.length > 0) return null;
  const old = findPairAt(doc, path).pair?.value;
  if (!isScalar(old) || (old.type === 'PLAIN' && old.source === '')) return null;
  const found = Object.entries(YAML_STYLE).find(([, type]) => type === old.type);
  return found ? (found[0] as QuoteStyle) : null;
}

/** Quote style of the file, so that a new value looks like its neighbours. */
function scalarStyle(old: unknown, doc: Document.Parsed): Scalar.Type | undefined {
  // A value keeps the style it has.
  if (isScalar(old) && old.type && INLINE_TYPES.has(old.type) && old.value !== '' && (old.type !== 'PLAIN' || old.source !== '')) return old.type;
  if (isSeq(old)) {
    const first = old.items.find((i) => isScalar(i) && i.value !== '');
    if (isScalar(first) && first.type && INLINE_TYPES.has(first.type)) return first.type;
  }
  const house = houseStyle(doc);
  // An empty "" or '' keeps its quotes, unless the file writes its other text otherwise: a field a
  // template cleared (to "") in a site whose posts write their values bare gets a bare value.
  if (isScalar(old) && old.type && old.type !== 'PLAIN' && INLINE_TYPES.has(old.type)) return house ?? old.type;
  return house;
}

/**
 * How the file writes its text: the style most of its non-empty string values have (its prose,
 * values with a space, first: a site that quotes titles and descriptions may leave `layout: post`
 * and its dates bare), or undefined on a tie or when it has none. Empty values say nothing (a
 * template's cleared fields are all "").
 */
function houseStyle(doc: Document.Parsed): Scalar.Type | undefined {
  const prose = new Map<Scalar.Type, number>();
  const all = new Map<Scalar.Type, number>();
  eachValue(doc.contents, (n) => {
    if (isScalar(n) && typeof n.value === 'string' && n.value !== '' && n.type && INLINE_TYPES.has(n.type)) {
      all.set(n.type, (all.get(n.type) ?? 0) + 1);
      if (/\s/.test(n.value)) prose.set(n.type, (prose.get(n.type) ?? 0) + 1);
    }
  });
  return majority(prose) ?? majority(all);
}

/** Calls `fn` on a value and on every value inside it (list items, map values). */
function eachValue(n: unknown, fn: (n: unknown) => void): void {
  fn(n);
  if (isSeq(n)) n.items.forEach((i) => eachValue(i, fn));
  else if (isMap(n)) n.items.forEach((p) => eachValue(p.value, fn));
}

function majority(counts: Map<Scalar.Type, number>): Scalar.Type | undefined {
  let best: Scalar.Type | undefined;
  let n = 0;
  let tie = false;
  for (const [t, c] of counts) {
    if (c > n) [best, n, tie] = [t, c, false];
    else if (c === n) tie = true;
  }
  return tie ? undefined : best;
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
function pairText(key: string, keySource: string | null, value: FieldValue, style: Scalar.Type | undefined, flow: boolean, layout: Layout): string {
  const doc = new Document({});
  const map = doc.contents;
  if (!isMap(map)) throw new Error('unreachable');
  map.set(doc.createNode(key), styled(doc, value, style, flow));
  let out = doc.toString({ lineWidth: 0, indent: layout.indent, indentSeq: layout.indentSeq, flowCollectionPadding: false }).replace(/\n$/, '');
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

/** How the file indents: its maps' step, and whether a block list's dashes sit under its key (`tags:\n- a`) or further in. */
interface Layout {
  indent: number;
  indentSeq: boolean;
}

function layoutOf(yaml: string): Layout {
  const m = /\n( +)(?!- )\S/.exec(yaml) ?? /\n( +)\S/.exec(yaml);
  const indent = m?.[1] ? Math.min(Math.max(m[1].length, 2), 8) : 2;
  // A key, then its list's first dash: at the key's column, or deeper.
  const seq = /^( *)[^\s#-][^\n]*:[ \t]*(?:#[^\n]*)?\r?\n(\1 *)- /m.exec(yaml);
  return { indent, indentSeq: seq ? (seq[2]?.length ?? 0) > (seq[1]?.length ?? 0) : true };
}

/**
 * The layout a block list or map keeps when written anew (`tags:\n    - a` in a file whose maps
 * indent 2 grows at 4): its own first line's indentation under its key, else the file's.
 */
function ownLayout(yaml: string, old: unknown, keyStart: number): Layout {
  const file = layoutOf(yaml);
  if (!(isSeq(old) || isMap(old)) || old.flow) return file;
  const first = old.items[0];
  const at = isSeq(old) ? (first as YamlNode | undefined)?.range?.[0] : ((first as Pair<unknown, unknown> | undefined)?.key as YamlNode | undefined)?.range?.[0];
  if (at === undefined) return file;
  const lineStart = yaml.lastIndexOf('\n', at - 1) + 1;
  const line = yaml.slice(lineStart, at);
  const lead = isSeq(old) ? /^( *)-[ \t]+$/.exec(line)?.[1] : /^( *)$/.exec(line)?.[1];
  if (lead === undefined) return file;
  const depth = lead.length - column(yaml, keyStart);
  if (isSeq(old)) return depth === 0 ? { ...file, indentSeq: false } : depth > 0 && depth <= 8 ? { indent: depth, indentSeq: true } : file;
  return depth > 0 && depth <= 8 ? { ...file, indent: depth } : file;
}

/** Whether the file writes its lists `[a, b]` (true) or a dash a line (false): most of its non-empty ones; undefined on a tie or none. */
function houseFlow(doc: Document.Parsed): boolean | undefined {
  let flow = 0;
  let block = 0;
  eachValue(doc.contents, (n) => {
    if (isSeq(n) && n.items.length > 0) {
      if (n.flow) flow++;
      else block++;
    }
  });
  return flow === block ? undefined : flow > block;
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
export function setYaml(text: string, path: string[], value: FieldValue, quote?: QuoteStyle): string {
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
      const nested = nestValue(path.slice(1), value);
      const line = toEol(pairText(head, null, nested, style, Array.isArray(nested) && houseFlow(doc) === true, layoutOf(parts.yaml)), parts.eol);
      const yaml = parts.yaml === '' || parts.yaml.endsWith('\n') ? parts.yaml + line + parts.eol : parts.yaml + parts.eol + line + parts.eol;
      return joinRecap({ ...parts, yaml });
    }
    // A new key in a nested block map: a line after its last entry, at its indentation.
    const last = map.items[map.items.length - 1];
    const lastValue = last?.value;
    const lastKey = last?.key as Scalar | undefined;
    const lastEnd = isScalar(lastValue) || isSeq(lastValue) || isMap(lastValue) ? trimEnd(parts.yaml, lastValue.range?.[1] ?? 0) : (lastKey?.range?.[1] ?? 0);
    const indent = ' '.repeat(column(parts.yaml, (map.items[0]?.key as Scalar | undefined)?.range?.[0] ?? 0));
    const body = pairText(key, null, value, scalarStyle(undefined, doc), Array.isArray(value) && houseFlow(doc) === true, layoutOf(parts.yaml)).replace(/\n/g, `\n${indent}`);
    const nl = parts.yaml.indexOf('\n', lastEnd);
    const at = nl === -1 ? parts.yaml.length : nl + 1;
    const insert = (nl === -1 ? '\n' : '') + indent + body + '\n';
    return replaceYaml(parts, at, at, insert);
  }
  const old = pair.value;
  if ((isScalar(old) || isSeq(old) || isMap(old)) && sameValue(old.toJSON(), value)) return text;
  if (old === null && value === null) return text;
  const spliced = isSeq(old) && Array.isArray(value) ? spliceBlockList(parts, doc, old, value, pair.key as Scalar) : null;
  if (spliced !== null) return spliced;
  const keyNode = pair.key as Scalar;
  const [keyStart, keyEnd] = keyNode.range ?? [0, 0];
  // A text written as a block (`author: >` over its own lines, as kubernetes.io's posts write it)
  // stays one, with its chomping: clipped to one final line break (`>`, `|`), the new text ends
  // with one too, so only the text's own lines change. An empty text is no block (a bare `>`
  // holding nothing): it is written as the file writes its other values, and so is a text given
  // to a block a template emptied.
  const block = isScalar(old) && (old.type === 'BLOCK_FOLDED' || old.type === 'BLOCK_LITERAL') && typeof value === 'string' && value !== '' && old.value !== '' ? old.type : undefined;
  const clipped = block !== undefined && isScalar(old) && typeof old.value === 'string' && /[^\n]\n$/.test(old.value);
  const newValue = clipped && typeof value === 'string' && !value.endsWith('\n') ? `${value}\n` : value;
  const style = block ?? (quote !== undefined && typeof value === 'string' ? YAML_STYLE[quote] : scalarStyle(old, doc));
  if (isScalar(old) && isScalarValue(value) && old.range && old.type && INLINE_TYPES.has(old.type) && !(typeof value === 'string' && /[\r\n]/.test(value))) {
    const [s, e] = old.range;
    if (s === e) return replaceYaml(parts, s, e, (parts.yaml[s - 1] === ':' ? ' ' : '') + scalarText(value, style));
    return replaceYaml(parts, s, e, scalarText(value, style));
  }
  const oldEnd = isScalar(old) || isSeq(old) || isMap(old) ? trimEnd(parts.yaml, old.range?.[1] ?? keyEnd) : keyEnd;
  // A list keeps its own style; an empty `[]` (a list a template emptied), or a value that becomes
  // a list (`tags: gitops` given a second tag), takes the file's, else stays on its one line.
  const emptied = isSeq(old) && old.flow === true && old.items.length === 0;
  const flow = emptied || (Array.isArray(value) && !isSeq(old) && !isMap(old)) ? (houseFlow(doc) ?? true) : (isSeq(old) || isMap(old)) && old.flow === true;
  const indent = ' '.repeat(column(parts.yaml, keyStart));
  // A comment on the key's line above a block list or map (`tags: # topics`) stays on it, whatever the value becomes (`tags: [] # topics`).
  const keyComment = (isSeq(old) || isMap(old)) && !old.flow ? /^[ \t]*:[ \t]*(#[^\r\n]*)/.exec(parts.yaml.slice(keyEnd))?.[1] : undefined;
  const written = pairText(key, parts.yaml.slice(keyStart, keyEnd), newValue, style, flow, ownLayout(parts.yaml, old, keyStart)).replace(/\n/g, `\n${indent}`);
  const replacement = keyComment === undefined ? written : written.replace(/^[^\n]*/, (line) => `${line.trimEnd()} ${keyComment}`);
  const current = parts.yaml.slice(keyStart, Math.max(oldEnd, keyEnd));
  if (toLf(current) === replacement) return text;
  return replaceYaml(parts, keyStart, Math.max(oldEnd, keyEnd), replacement);
}

/**
 * A dash-a-line list whose lines hold comments (`- k8s # the main one`, or a line of its own above
 * an item), given new items: only the lines of removed items go and new items get lines of their
 * own, so every comment of a kept item stays. An item's lines are its own line and the comment
 * lines just above it (a heading above a group goes with the group's first item). Null (the caller
 * rewrites the whole value) for any other list: flow, nested, empty after the change, without comments.
 */
function spliceBlockList(parts: RecapParts, doc: Document.Parsed, old: YAMLSeq<unknown>, value: FieldValue[], key: Scalar): string | null {
  const yaml = parts.yaml;
  // An item over lines (a value typed with a line break) is not one line: the whole value is written anew.
  if (old.flow || old.items.length === 0 || value.length === 0 || !value.every((v) => v === null || (typeof v !== 'object' && !/[\r\n]/.test(String(v))))) return null;
  const items = old.items;
  if (!items.every((i): i is Scalar => isScalar(i) && i.range !== undefined && i.type !== undefined && INLINE_TYPES.has(i.type))) return null;
  const lineStart = (at: number): number => yaml.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = (at: number): number => {
    const nl = yaml.indexOf('\n', at);
    return nl === -1 ? yaml.length : nl + 1;
  };
  // Each item's lines end with its own line; the first item's start after the key's line.
  const ends = items.map((i) => lineEnd(i.range?.[1] ?? 0));
  const regionStart = lineEnd(key.range?.[1] ?? 0);
  const regionEnd = ends[ends.length - 1] ?? regionStart;
  const segmentStart = (k: number): number => (k === 0 ? regionStart : (ends[k - 1] ?? regionStart));
  // One item a line, below the key's line.
  if (!items.every((i, k) => lineStart(i.range?.[0] ?? 0) >= segmentStart(k))) return null;
  // Comments on the key's line or among the items: else the whole value is written anew, as always.
  if (!yaml.slice(key.range?.[1] ?? regionStart, regionEnd).includes('#')) return null;
  const first = items[0]?.range?.[0] ?? 0;
  const dash = /^([ \t]*-[ \t]+)$/.exec(yaml.slice(lineStart(first), first))?.[1];
  if (dash === undefined) return null;
  // The old items kept in order, the rest removed; new ones inserted where they stand.
  const style = scalarStyle(old, doc);
  const out = listLines(
    items.map((i) => JSON.stringify(i.toJSON())),
    value.map((v) => JSON.stringify(v)),
  ).map((line) => {
    if ('keep' in line) return yaml.slice(segmentStart(line.keep), ends[line.keep]);
    const text = value[line.add] as string | number | boolean | null;
    if (!('edit' in line)) return `${dash}${scalarText(text, style)}\n`;
    // An item edited in place: the new value in its own quotes, on its lines, with their comments.
    const item = items[line.edit] as Scalar;
    const [s, e] = item.range ?? [0, 0];
    return yaml.slice(segmentStart(line.edit), s) + scalarText(text, item.type) + yaml.slice(e, ends[line.edit]);
  });
  const body = out.map((line) => (line.endsWith('\n') ? line : `${line}\n`)).join('');
  return replaceYaml(parts, regionStart, regionEnd, yaml.slice(regionStart, regionEnd).endsWith('\n') ? body : body.slice(0, -1));
}

function deepSet(base: { [key: string]: FieldValue }, path: string[], value: FieldValue): FieldValue {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  const child = base[head];
  const next = rest.length === 0 ? value : deepSet(child !== null && typeof child === 'object' && !Array.isArray(child) ? child : {}, rest, value);
  return { ...base, [head]: next };
}

/** A recap without front matter gets a YAML block holding the one field (`cover.image` nested). */
export function newYamlBlock(parts: RecapParts, key: string, value: FieldValue): string {
  const eol = parts.eol;
  const path = key.includes('.') ? key.split('.').filter((s) => s !== '') : [key];
  const line = pairText(path[0] ?? key, null, nestValue(path.slice(1), value), undefined, false, { indent: 2, indentSeq: true });
  return joinRecap({ ...parts, hasFrontMatter: true, open: `---${eol}`, yaml: toEol(line, eol) + eol, close: `---${eol}` });
}

/** Removes the pair at a key path of a YAML front matter with its line(s). */
export function removeYaml(text: string, path: string[]): string {
  const { parts, doc } = editable(text);
  const { pair } = findPairAt(doc, path);
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


/** Renames a top-level key of a YAML front matter in place, keeping its value text untouched. */
export function renameYaml(text: string, from: string, to: string): string {
  const { parts, doc } = editable(text);
  if (findPair(doc, to)) throw new RecapError('BAD_FIELD', msg('error.fm.fieldExists', { field: to }));
  const pair = findPair(doc, from);
  if (!pair) throw new RecapError('BAD_FIELD', msg('error.fm.noField', { field: from }));
  const [s, e] = (pair.key as Scalar).range ?? [0, 0];
  return replaceYaml(parts, s, e, scalarText(to, undefined));
}

/**
 * Every text scalar (a value, a list's item, or a key) of a YAML front matter that reads `from`,
 * written `to` in its own quotes; nothing else of the text changes. Block scalars are left.
 */
export function replaceYamlText(text: string, from: string, to: string): string {
  const { parts, doc } = editable(text);
  const ranges: Array<{ start: number; end: number; type: Scalar.Type }> = [];
  const walk = (node: unknown): void => {
    if (isScalar(node)) {
      const type = node.type;
      if (typeof node.value === 'string' && node.value.trim() === from && node.range && type !== undefined && INLINE_TYPES.has(type)) ranges.push({ start: node.range[0], end: node.range[1], type });
    } else if (isMap(node)) {
      for (const pair of node.items) {
        walk(pair.key);
        walk(pair.value);
      }
    } else if (isSeq(node)) node.items.forEach(walk);
  };
  walk(doc.contents);
  if (ranges.length === 0) return text;
  let yaml = parts.yaml;
  for (const r of ranges.sort((a, b) => b.start - a.start)) yaml = yaml.slice(0, r.start) + scalarText(to, r.type) + yaml.slice(r.end);
  return joinRecap({ ...parts, yaml });
}
