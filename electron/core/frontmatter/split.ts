// A recap file cut into its parts — byte order mark, front matter (YAML between ---, TOML
// between +++, or a JSON object) and body — and put back together byte for byte; line endings
// and the line offsets that point problems at the file's own lines.
//
// Pure module (no Node imports): the renderer's form and the CLI share it.

import { RecapError } from '../errors';
import { jsonObjectEnd } from './json';
import { msg } from '../i18n/messages';

export type Eol = '\n' | '\r\n';

/** A recap file cut into its parts; `joinRecap(splitRecap(t)) === t` for every text. */
export type FrontMatterFormat = 'yaml' | 'toml' | 'json';

export interface RecapParts {
  bom: string;
  /**
   * Blank lines before the front matter (`\n---\ntitle: …`), which Hugo reads past but Jekyll
   * and Docusaurus do not (lint says so); '' otherwise. Only a closed front matter is read after them.
   */
  lead: string;
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

/** Whole blank lines at the start of a text. */
const BLANK_LINES = /^(?:[ \t]*\r?\n)+/;

export function splitRecap(text: string): RecapParts {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const rest = text.slice(bom.length);
  const lead = BLANK_LINES.exec(rest)?.[0] ?? '';
  if (lead !== '') {
    // Hugo reads a front matter after blank lines; one never closed there is no front matter (a thematic break, to Jekyll).
    const after = cut(rest.slice(lead.length), bom);
    if (after.hasFrontMatter) return { ...after, lead };
  }
  return cut(rest, bom);
}

function cut(rest: string, bom: string): RecapParts {
  const eol = detectEol(rest);
  const none: RecapParts = { bom, lead: '', format: 'yaml', eol, hasFrontMatter: false, unclosed: false, open: '', yaml: '', close: '', body: rest };
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
        lead: '',
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
  return parts.bom + parts.lead + parts.open + parts.yaml + parts.close + parts.body;
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
  if (parts.unclosed) throw new RecapError('BAD_FIELD', msg('error.fm.notClosed', { mark: '---' }));
  return joinRecap({ ...parts, hasFrontMatter: true, open: `---${eol}`, yaml: next, close: `---${eol}` });
}

/** The 1-based line of an offset in a text. */
export function lineAt(source: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < source.length; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}

/** How many lines of the file come before the front matter's own text (BOM, blank lines and opening line). */
export function linesBefore(parts: RecapParts): number {
  const head = parts.bom + parts.lead + parts.open;
  return lineAt(head, head.length) - 1;
}

/** The line that opens a front matter of this format. */
export function openingMark(format: FrontMatterFormat): string {
  return format === 'toml' ? '+++' : format === 'json' ? '{' : '---';
}

/** The line that closes a front matter of this format. */
export function closingMark(format: FrontMatterFormat): string {
  return format === 'toml' ? '+++' : format === 'json' ? '}' : '---';
}
