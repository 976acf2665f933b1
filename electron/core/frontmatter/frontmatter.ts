// Lossless front matter. Authors commit what we write, so the file's text is the only source
// of truth: reading derives fields from it, and an edit splices new text into exactly the
// range of the field it changes. Opening and saving an untouched file is therefore
// byte-identical, and changing one field changes that field's line(s) only.
//
// Pure module (no Node imports): the renderer's form and the CLI share it. This module reads and
// edits fields in any format; the parts live beside it: split.ts (the file cut into its parts,
// line endings, offsets), values.ts (field values and lists), yaml.ts, toml.ts and json.ts.

import { RecapError } from '../errors';
import { readJson, removeJson, renameJson, setJson } from './json';
import { closingMark, joinRecap, linesBefore, splitRecap } from './split';
import type { FrontMatterFormat, RecapParts } from './split';
import { readToml, removeToml, renameToml, setToml, tomlQuoteStyle } from './toml';
import type { FieldValue, FrontMatter, QuoteStyle } from './values';
import { newYamlBlock, readYaml, removeYaml, renameYaml, replaceYamlText, setYaml, yamlQuoteStyle } from './yaml';
import { msg } from '../i18n/messages';
import { fmProblem } from './parse-errors';

export { closingMark, detectEol, editorBody, editorYaml, joinRecap, linesBefore, openingMark, splitRecap, toEol, toLf, withBody, withYaml } from './split';
export type { Eol, FrontMatterFormat, RecapParts } from './split';
export { listFromValue, listToValue } from './values';
export type { FieldValue, FrontMatter, FrontMatterField, QuoteStyle, YamlProblem } from './values';

/**
 * The last few texts read and what was read from each. One export, lint or preview pass asks
 * about the same text several times (the layout's date, the cover field, the schema checks);
 * it is parsed once. What is answered is shared, so it is frozen (fields and problems) and
 * callers read it only.
 */
const readCache = new Map<string, FrontMatter>();
const READ_CACHE_SIZE = 4;

/** The fields of a recap's front matter (YAML, TOML or JSON), each with its line, and the problems reading it. */
export function readFrontMatter(text: string): FrontMatter {
  const hit = readCache.get(text);
  if (hit) return hit;
  const read = parseFrontMatter(text);
  Object.freeze(read.fields);
  Object.freeze(read.problems);
  readCache.set(text, Object.freeze(read));
  if (readCache.size > READ_CACHE_SIZE) readCache.delete(readCache.keys().next().value as string);
  return read;
}

function parseFrontMatter(text: string): FrontMatter {
  const split = splitRecap(text);
  if (split.format !== 'yaml') {
    if (split.unclosed) {
      return { fields: [], problems: [fmProblem(msg('parser.notClosed', { mark: closingMark(split.format) }), 1, 1, false)], editable: false };
    }
    const read = split.format === 'toml' ? readToml(split.yaml, linesBefore(split)) : readJson(split.yaml, linesBefore(split));
    return { ...read, editable: read.problems.length === 0 };
  }
  return readYaml(text);
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

/**
 * Sets one field, changing only its own line(s). A new field is appended at the end of the
 * front matter (a block is created when the file has none). Quote style, block scalars, flow
 * or block lists and the key's own spelling are kept; setting the value a field already holds
 * changes nothing. `cover.image` sets `image` in the `cover` map (see keyPath). YAML, TOML
 * and JSON front matter alike.
 */
export function setField(text: string, key: string, value: FieldValue, quote?: QuoteStyle): string {
  if (key.trim() === '') throw new RecapError('BAD_FIELD', msg('error.fm.fieldNeedsName'));
  const parts0 = splitRecap(text);
  if (!parts0.hasFrontMatter && !parts0.unclosed) return newYamlBlock(parts0, key, value);
  const path = keyPath(text, key);
  if (parts0.format === 'yaml') return setYaml(text, path, value, quote);
  return editInner(editableParts(parts0), (inner) => (parts0.format === 'toml' ? setToml(inner, path, value, quote) : setJson(inner, path, value)));
}

/**
 * How a field's one-line text value is written: plain, "double" (TOML basic) or 'single' (TOML
 * literal); null when it has no such value (absent, empty, a list, a block scalar, JSON). The
 * form passes it back to setField while the author types, so a value keeps the author's quotes
 * even after a keystroke that needed others.
 */
export function quoteStyleOf(text: string, key: string): QuoteStyle | null {
  const parts = splitRecap(text);
  if (!parts.hasFrontMatter || parts.unclosed || parts.format === 'json') return null;
  const path = keyPath(text, key);
  return parts.format === 'yaml' ? yamlQuoteStyle(text, path) : tomlQuoteStyle(parts.yaml, path);
}

/** A TOML or JSON front matter that can be edited: closed, and read by its parser (a refusal names the file's line). */
function editableParts(parts: RecapParts): RecapParts {
  if (parts.unclosed) throw new RecapError('BAD_FIELD', msg('error.fm.notClosed', { mark: closingMark(parts.format) }));
  const first = (parts.format === 'toml' ? readToml(parts.yaml, linesBefore(parts)) : readJson(parts.yaml, linesBefore(parts))).problems[0];
  if (first) {
    const at = { line: String(first.line), column: String(first.column), detail: first.msg };
    throw new RecapError('BAD_FIELD', msg(parts.format === 'toml' ? 'error.fm.badToml' : 'error.fm.badJson', at));
  }
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
  return removeYaml(text, keyPath(text, key));
}

/** Renames a field in place, keeping its value text untouched. */
export function renameField(text: string, from: string, to: string): string {
  if (from === to) return text;
  if (to.trim() === '') throw new RecapError('BAD_FIELD', msg('error.fm.fieldNeedsName'));
  const parts0 = splitRecap(text);
  if (parts0.format !== 'yaml' && (parts0.hasFrontMatter || parts0.unclosed)) {
    return editInner(editableParts(parts0), (inner) => (parts0.format === 'toml' ? renameToml(inner, from, to) : renameJson(inner, from, to)));
  }
  return renameYaml(text, from, to);
}

/**
 * The front matter with every text value (or key) that reads `from` written `to`, each in its own
 * quotes: how a photo named in a theme's fields (field-photos.ts) follows a new name, wherever it
 * sits (a list of maps, a caption's key), as setField cannot reach. In TOML and JSON a text is
 * always quoted, so a quoted `from` is the whole value. The body is never touched.
 */
export function replaceFieldText(text: string, from: string, to: string): string {
  if (from === to || from === '') return text;
  const parts0 = splitRecap(text);
  if (!parts0.hasFrontMatter) return text;
  if (parts0.format === 'yaml') return replaceYamlText(text, from, to);
  const basic = (s: string): string => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  return editInner(editableParts(parts0), (inner) => {
    let out = inner.split(basic(from)).join(basic(to));
    // A TOML literal string has no escapes: it holds `to` as it is, unless `to` has a quote of its own.
    if (parts0.format === 'toml') out = out.split(`'${from}'`).join(to.includes("'") ? basic(to) : `'${to}'`);
    return out;
  });
}
