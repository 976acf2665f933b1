// JSON front matter (a `{ … }` object at the top of the file, as Hugo allows), edited by
// splicing like YAML and TOML: a small parser records where each member's key and value sit,
// so setting a field replaces that value's characters only.
//
// Pure module (no Node imports): the renderer's form uses it too.

import type { FieldValue, FrontMatterField, YamlProblem } from './values';
import { RecapError } from '../errors';
import { format, msg } from '../i18n/messages';
import type { Msg } from '../i18n/messages';
import { fmProblem, jsonParseError, LIST, OBJECT } from './parse-errors';

interface Member {
  key: string;
  keyStart: number;
  keyEnd: number;
  value: JsonNode;
}

type JsonNode =
  | { kind: 'object'; start: number; end: number; members: Member[] }
  | { kind: 'array'; start: number; end: number; items: JsonNode[] }
  | { kind: 'scalar'; start: number; end: number };

class JsonSyntaxError extends Error {
  constructor(readonly what: Msg, readonly pos: number, readonly syntax = true) {
    super(format('en', what.key, what.params));
  }
}

function ws(src: string, pos: number): number {
  let i = pos;
  while (i < src.length && /\s/.test(src[i] ?? '')) i++;
  return i;
}

function stringEnd(src: string, pos: number): number {
  let i = pos + 1;
  while (i < src.length && src[i] !== '"') {
    if (src[i] === '\n') break;
    i += src[i] === '\\' ? 2 : 1;
  }
  if (src[i] !== '"') throw new JsonSyntaxError(msg('parser.jsonUnclosedString'), pos);
  return i + 1;
}

function node(src: string, pos: number): JsonNode {
  const i = ws(src, pos);
  const ch = src[i];
  if (ch === '{') {
    const members: Member[] = [];
    let j = ws(src, i + 1);
    if (src[j] === '}') return { kind: 'object', start: i, end: j + 1, members };
    for (;;) {
      j = ws(src, j);
      if (src[j] !== '"') throw new JsonSyntaxError(msg('parser.jsonName'), j);
      const keyEnd = stringEnd(src, j);
      const key = JSON.parse(src.slice(j, keyEnd)) as string;
      const colon = ws(src, keyEnd);
      if (src[colon] !== ':') throw new JsonSyntaxError(msg('parser.jsonColon', { key }), colon);
      const value = node(src, colon + 1);
      members.push({ key, keyStart: j, keyEnd, value });
      j = ws(src, value.end);
      if (src[j] === ',') {
        j++;
        continue;
      }
      if (src[j] === '}') return { kind: 'object', start: i, end: j + 1, members };
      throw new JsonSyntaxError(msg('parser.jsonCommaOr', { close: '}' }), j);
    }
  }
  if (ch === '[') {
    const items: JsonNode[] = [];
    let j = ws(src, i + 1);
    if (src[j] === ']') return { kind: 'array', start: i, end: j + 1, items };
    for (;;) {
      const item = node(src, j);
      items.push(item);
      j = ws(src, item.end);
      if (src[j] === ',') {
        j++;
        continue;
      }
      if (src[j] === ']') return { kind: 'array', start: i, end: j + 1, items };
      throw new JsonSyntaxError(msg('parser.jsonCommaOr', { close: ']' }), j);
    }
  }
  if (ch === '"') return { kind: 'scalar', start: i, end: stringEnd(src, i) };
  const m = /^(?:true|false|null|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(src.slice(i, i + 64));
  if (!m) throw new JsonSyntaxError(msg('parser.jsonValue', { list: LIST, object: OBJECT }), i);
  return { kind: 'scalar', start: i, end: i + m[0].length };
}

/** End (exclusive) of the JSON object that starts the text at `start`, or -1 when it is not closed. */
export function jsonObjectEnd(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    } else if (ch === '{' || ch === '[') {
      depth++;
    } else if ((ch === '}' || ch === ']') && --depth === 0) {
      return i + 1;
    }
  }
  return -1;
}

function position(src: string, pos: number): { line: number; column: number } {
  const before = src.slice(0, pos);
  const line = before.split('\n').length;
  return { line, column: pos - before.lastIndexOf('\n') };
}

function parseTree(src: string): { root: JsonNode & { kind: 'object' }; data: Record<string, unknown> } | { problem: YamlProblem } {
  let start = 0;
  try {
    const root = node(src, 0);
    if (root.kind !== 'object') throw new JsonSyntaxError(msg('parser.jsonNotObject', { object: OBJECT }), root.start, false);
    start = root.start;
    const data = JSON.parse(src.slice(root.start, root.end)) as Record<string, unknown>;
    return { root, data };
  } catch (err) {
    if (err instanceof JsonSyntaxError) {
      const at = position(src, err.pos);
      return { problem: fmProblem(err.what, at.line, at.column, err.syntax) };
    }
    // What JSON.parse refuses after our reader let it through (an unknown escape, a control character).
    const { m, pos } = jsonParseError(err instanceof Error ? err.message : String(err));
    const at = position(src, start + (pos ?? 0));
    return { problem: fmProblem(m, at.line, at.column) };
  }
}

function toFieldValue(value: unknown): FieldValue {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(toFieldValue);
  if (typeof value === 'object') {
    const out: { [key: string]: FieldValue } = {};
    for (const [k, v] of Object.entries(value)) out[k] = toFieldValue(v);
    return out;
  }
  return null;
}

export function readJson(src: string, lineOffset: number): { fields: FrontMatterField[]; problems: YamlProblem[] } {
  const tree = parseTree(src);
  if ('problem' in tree) return { fields: [], problems: [{ ...tree.problem, line: tree.problem.line + lineOffset }] };
  const fields = tree.root.members.map((m) => ({ key: m.key, value: toFieldValue(tree.data[m.key]), line: position(src, m.keyStart).line + lineOffset }));
  return { fields, problems: [] };
}

function editableJson(src: string): { root: JsonNode & { kind: 'object' }; data: Record<string, unknown> } {
  const tree = parseTree(src);
  if ('problem' in tree) {
    throw new RecapError('BAD_FIELD', msg('error.fm.badJson', { line: String(tree.problem.line), column: String(tree.problem.column), detail: tree.problem.msg }));
  }
  return tree;
}

function indentAt(src: string, pos: number): string {
  const start = src.lastIndexOf('\n', pos - 1) + 1;
  return /^[ \t]*/.exec(src.slice(start, pos))?.[0] ?? '';
}

function eolOf(src: string): string {
  return src.includes('\r\n') ? '\r\n' : '\n';
}

/** A value as JSON, laid out like the one it replaces (on one line, or one item per line). */
function valueText(value: FieldValue, old: string | null, indent: string, eol: string): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (old !== null && old.includes('\n')) {
    const unit = /\n([ \t]+)/.exec(old)?.[1]?.slice(indent.length) || '  ';
    return JSON.stringify(value, null, unit).split('\n').join(eol + indent);
  }
  // Compact (`["a","b"]`) only where the old value was: a one-item `["a"]` says nothing, and JSON written by people is spaced.
  const structure = old?.replace(/"(?:[^"\\]|\\.)*"/g, '""') ?? '';
  const spaced = !/[,:](?! )/.test(structure);
  if (Array.isArray(value)) return `[${value.map((v) => valueText(v, null, indent, eol)).join(spaced ? ', ' : ',')}]`;
  return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${spaced ? ' ' : ''}${valueText(v, null, indent, eol)}`).join(spaced ? ', ' : ',')}}`;
}

function find(root: JsonNode, path: string[]): { member: Member | undefined; parent: (JsonNode & { kind: 'object' }) | undefined } {
  let cur: JsonNode = root;
  for (let i = 0; i < path.length; i++) {
    if (cur.kind !== 'object') return { member: undefined, parent: undefined };
    const member: Member | undefined = cur.members.find((m) => m.key === path[i]);
    if (i === path.length - 1) return { member, parent: cur };
    if (!member) return { member: undefined, parent: undefined };
    cur = member.value;
  }
  return { member: undefined, parent: undefined };
}

function nest(path: string[], value: FieldValue): FieldValue {
  return path.reduceRight<FieldValue>((v, k) => ({ [k]: v }), value);
}

export function setJson(src: string, path: string[], value: FieldValue): string {
  const { root } = editableJson(src);
  const eol = eolOf(src);
  for (let n = path.length; n >= 1; n--) {
    const { member, parent } = find(root, path.slice(0, n));
    if (member && n === path.length) {
      const oldText = src.slice(member.value.start, member.value.end);
      if (JSON.stringify(toFieldValue(JSON.parse(oldText))) === JSON.stringify(value)) return src;
      return src.slice(0, member.value.start) + valueText(value, oldText, indentAt(src, member.keyStart), eol) + src.slice(member.value.end);
    }
    if (!member && parent) {
      // A new member after the last one of its object, on its own line like its neighbours.
      const rest = nest(path.slice(n), value);
      const key = path[n - 1] ?? '';
      const last = parent.members.at(-1);
      if (!last) {
        const inner = parent.start + 1;
        return `${src.slice(0, inner)}${eol}  ${JSON.stringify(key)}: ${valueText(rest, null, '  ', eol)}${eol}${src.slice(inner, parent.end - 1).trim()}${src.slice(parent.end - 1)}`;
      }
      const between = src.slice(parent.members.length > 1 ? (parent.members.at(-2)?.value.end ?? 0) : parent.start + 1, last.keyStart);
      const sep = between.includes('\n') ? `,${eol}${indentAt(src, last.keyStart)}` : ', ';
      return `${src.slice(0, last.value.end)}${sep}${JSON.stringify(key)}: ${valueText(rest, null, indentAt(src, last.keyStart), eol)}${src.slice(last.value.end)}`;
    }
  }
  return src;
}

export function removeJson(src: string, path: string[]): string {
  const { root } = editableJson(src);
  const { member, parent } = find(root, path);
  if (!member || !parent) return src;
  const i = parent.members.indexOf(member);
  const prev = parent.members[i - 1];
  const next = parent.members[i + 1];
  if (next) return src.slice(0, member.keyStart) + src.slice(next.keyStart);
  if (prev) return src.slice(0, prev.value.end) + src.slice(member.value.end);
  return src.slice(0, parent.start + 1) + src.slice(parent.end - 1).replace(/^[^}]*/, '');
}

export function renameJson(src: string, from: string, to: string): string {
  const { root } = editableJson(src);
  if (root.members.some((m) => m.key === to)) throw new RecapError('BAD_FIELD', msg('error.fm.fieldExists', { field: to }));
  const member = root.members.find((m) => m.key === from);
  if (!member) throw new RecapError('BAD_FIELD', msg('error.fm.noField', { field: from }));
  return src.slice(0, member.keyStart) + JSON.stringify(to) + src.slice(member.keyEnd);
}
