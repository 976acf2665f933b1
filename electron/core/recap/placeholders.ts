// Templates' placeholders and "Save as template". A template (the built-in one, a Hugo
// archetype, or a saved `.recap-studio/templates/NAME.md`) may hold `{{title}}`, `{{date}}`,
// `{{slug}}` and Hugo's usual Go-template expressions (`{{ .Title }}`, `{{ .Date }}`,
// `{{ .Name }}`, `{{ replace .Name "-" " " | title }}`…). Each `{{ … }}` is filled whole or
// left exactly as written and listed for the author: never half-filled.
//
// Pure module (no Node imports): the service, the CLI and the renderer share it.

import { RecapError } from '../errors';
import { joinRecap, readFrontMatter, setField, splitRecap } from '../frontmatter/frontmatter';
import { msg } from '../i18n/messages';
import type { Msg } from '../i18n/messages';
import type { FieldValue } from '../frontmatter/frontmatter';

export interface PlaceholderVars {
  /** The event title ('' when none was given). */
  title: string;
  /** The file's base name without extension (a bundle's folder name): Hugo's `.Name`. */
  name: string;
  /** The post's name in URLs. */
  slug: string;
  /** Hugo's `.Section`. */
  section: string;
  /** RFC 3339 date and time: Hugo's `.Date` and `now`. */
  dateTime: string;
}

/** One `{{ … }}` expression, with Go's `{{-` / `-}}` trim markers. */
const EXPRESSION = /\{\{-?\s*([^{}]*?)\s*-?\}\}/g;
const NAME_OF = '\\.(?:File\\.ContentBaseName|Name|File\\.TranslationBaseName|File\\.BaseFileName)';

function titleCase(s: string): string {
  return s.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
}

/** The value of one expression, or null when Recap Studio cannot evaluate it. */
export function evaluateExpression(expr: string, vars: PlaceholderVars): string | null {
  const e = expr.replace(/\s+/g, ' ').trim();
  const titleFromName = titleCase(vars.name.replace(/-/g, ' '));
  if (/^(?:title|\.Title)$/.test(e)) return vars.title !== '' ? vars.title : e === '.Title' ? titleFromName : '';
  if (/^slug$/.test(e)) return vars.slug;
  if (/^date$/.test(e)) return vars.dateTime.slice(0, 10);
  if (new RegExp(`^replace ${NAME_OF} "-" " " \\| title$`).test(e)) return titleFromName;
  if (new RegExp(`^${NAME_OF}$`).test(e)) return vars.name;
  if (/^now\.Format "2006-01-02"$/.test(e)) return vars.dateTime.slice(0, 10);
  if (/^(?:\.Date|now|now\.Format "2006-01-02T15:04:05Z07:00")$/.test(e)) return vars.dateTime;
  if (/^\.(?:Section|Type)$/.test(e)) return vars.section;
  return null;
}

/** A value that cannot change how its YAML, TOML or JSON line parses, whatever quotes surround it. */
const SAFE_IN_FRONT_MATTER = /^[^"'\\\r\n#{}[\]`]*$/;

export interface FilledTemplate {
  text: string;
  /** The expressions left as written, once each, in order: the author fills them in. */
  left: string[];
}

function fillPart(part: string, vars: PlaceholderVars, left: Set<string>, inFrontMatter: boolean, bodyTitle: string): string {
  return part.replace(EXPRESSION, (whole, expr: string) => {
    let value = evaluateExpression(expr, vars);
    if (value !== null && !inFrontMatter && value === '' && /^(?:title|\.Title)$/.test(expr.trim())) value = bodyTitle;
    if (value === null || (inFrontMatter && !SAFE_IN_FRONT_MATTER.test(value))) {
      left.add(whole);
      return whole;
    }
    return value;
  });
}

/**
 * Fills a template's placeholders. A title field gets the title through the lossless editor
 * (quoted as the format needs it) even when its placeholder could not be filled as text. The
 * body's `{{title}}` becomes `bodyTitle` when there is no title.
 */
export function fillTemplate(text: string, vars: PlaceholderVars, bodyTitle: string): FilledTemplate {
  const left = new Set<string>();
  const parts = splitRecap(text);
  const head = fillPart(parts.yaml, vars, left, true, bodyTitle);
  const body = fillPart(parts.body, vars, left, false, bodyTitle);
  let out = joinRecap({ ...parts, yaml: head, body });
  const title = vars.title.replace(/\s+/g, ' ').trim();
  if (title !== '' && parts.hasFrontMatter && readFrontMatter(out).fields.some((f) => f.key === 'title')) {
    out = setField(out, 'title', title);
    for (const e of [...left]) if (/^\{\{-?\s*(?:title|\.Title)\s*-?\}\}$/.test(e) && !out.includes(e)) left.delete(e);
  }
  return { text: out, left: [...left] };
}

/** A value with the author's content taken out: text and dates empty, lists empty, maps cleared key by key. */
export function clearedValue(value: FieldValue): FieldValue {
  if (typeof value === 'string') return '';
  if (Array.isArray(value)) return [];
  if (value !== null && typeof value === 'object') {
    const out: { [key: string]: FieldValue } = {};
    for (const [k, v] of Object.entries(value)) out[k] = clearedValue(v);
    return out;
  }
  // Switches (draft: true) and numbers (weight) are settings of the kind of post, not its content.
  return value;
}

/** Clears one field; a map (a TOML [table], a YAML block map) key by key, so its layout stays. */
export function clearField(text: string, key: string, value: FieldValue): string {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0) {
    return Object.entries(value).reduce((out, [k, v]) => clearField(out, `${key}.${k}`, v), text);
  }
  return setField(text, key, clearedValue(value));
}

function retitled(heading: string, title: string): string {
  const m = /^( {0,3}#{1,6}[ \t]+)(.*?)(?:[ \t]+#+)?$/.exec(heading);
  return m && title !== '' && m[2]?.trim() === title ? `${m[1]}{{title}}` : heading;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;

/** The body's ATX headings in order, one blank line apart (headings inside code fences are not headings); one that repeats the title becomes `{{title}}`. */
export function headingsOnly(body: string, eol: string, title = ''): string {
  const headings: string[] = [];
  let fence: string | null = null;
  for (const line of body.split(/\r?\n/)) {
    const f = FENCE.exec(line);
    if (fence !== null) {
      if (f && f[1]?.[0] === fence[0] && (f[1]?.length ?? 0) >= fence.length) fence = null;
      continue;
    }
    if (f) fence = f[1] ?? null;
    else if (ATX_HEADING.test(line)) headings.push(retitled(line.trimEnd(), title));
  }
  return headings.length === 0 ? '' : eol + headings.join(eol + eol) + eol;
}

/**
 * "Save as template": the recap's front matter in its own format with every key kept and its
 * value cleared, and its body reduced to its headings.
 */
export function templateFromRecap(text: string): string {
  const parts = splitRecap(text);
  let out = joinRecap({ ...parts, body: '' });
  if (parts.hasFrontMatter) {
    const fm = readFrontMatter(text);
    // A front matter that does not parse cannot be cleared field by field: nothing of it is copied.
    if (!fm.editable || parts.unclosed) throw new RecapError('BAD_FIELD', msg('templates.unreadableFrontMatter'));
    for (const field of fm.fields) out = clearField(out, field.key, field.value);
  }
  const cleared = splitRecap(out);
  const title = parts.hasFrontMatter ? readFrontMatter(text).fields.find((f) => f.key === 'title')?.value : undefined;
  return joinRecap({ ...cleared, body: headingsOnly(parts.body, parts.eol, typeof title === 'string' ? title.trim() : '') });
}

/** Names Windows reserves for devices: a template file cannot be called so there. */
const RESERVED = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
export const TEMPLATE_NAME_MAX = 64;

/**
 * Why `name` cannot name a template file (`.recap-studio/templates/NAME.md`), or null when it
 * can: letters, digits, spaces, `-`, `_` and `.`, starting with a letter or digit.
 */
export function templateNameError(name: string): Msg | null {
  if (name.trim() === '') return msg('templates.nameEmpty');
  if (name.length > TEMPLATE_NAME_MAX) return msg('templates.nameTooLong', { max: TEMPLATE_NAME_MAX });
  if (!/^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u.test(name) || /[. ]$/.test(name) || name.includes('..')) return msg('templates.nameChars', { name });
  if (RESERVED.test(name)) return msg('templates.nameReserved', { name });
  return null;
}
