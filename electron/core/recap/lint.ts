// Checks a recap before it is committed: the front matter against the site profile's schema,
// and the Markdown body for mistakes that render wrongly on the site (an accidental code
// block, a broken image link) or hurt readers (images without alt text).
//
// Pure module (no Node imports): the renderer runs the same checks live while the author
// types, and the service adds the checks that need the disk (missing local images).
// Every message names the field or the image and says what to do about it.

import type { FieldSpec, Problem, SiteProfile } from '../contract';
import { readFrontMatter, splitRecap } from '../frontmatter/frontmatter';
import type { FieldValue } from '../frontmatter/frontmatter';
import { contentProblems } from './recap-content';

// ---------------------------------------------------------------------------------------
// Front matter

/** "Title" when the label is just the key spelled nicely, else "Event date (createTime)". */
function fieldName(spec: FieldSpec): string {
  return spec.label.toLowerCase() === spec.key.toLowerCase() ? spec.label : `${spec.label} (${spec.key})`;
}

/** Why a soft length limit exists, so the warning says what the author gains. */
function lengthReason(spec: FieldSpec): string {
  if (spec.key === 'title') return 'so search results show it whole';
  if (spec.key === 'description') return 'so link previews show it whole';
  return 'so it is not cut short where the site shows it';
}

/** What a value is, in words, for messages such as "found a list". */
function describeValue(value: FieldValue): string {
  if (value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a group of "key: value" lines';
  if (typeof value === 'number') return `a number (${value})`;
  if (typeof value === 'boolean') return `a yes/no value (${value})`;
  return `"${value}"`;
}

function isEmpty(value: FieldValue): boolean {
  if (value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.every((v) => v === null || (typeof v === 'string' && v.trim() === ''));
  return false;
}

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC keeps DST out of it.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Why `value` is not a date written YYYY-MM-DD, or null when it is one. Shared with the CLI's
 * `--date` option so both say the same thing.
 */
export function dateError(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return 'it must be written YYYY-MM-DD, e.g. 2021-11-02';
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12) return `there is no month ${month}; write the month as 01 to 12`;
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) return `${MONTHS[month - 1] ?? 'that month'} ${year} has no day ${day} (it has ${last} days)`;
  return null;
}

/** A date with a time of day, as Hugo (RFC 3339), Jekyll and TOML write it; group 1 is the day. */
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:[T ]| +)\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?: ?(?:Z|[+-]\d{2}:?\d{2}))?$/;

function checkField(spec: FieldSpec, value: FieldValue, line: number): Problem[] {
  const name = fieldName(spec);
  const at = { field: spec.key, line };
  const wrong = (message: string): Problem => ({ code: 'field-type', severity: 'error', message, ...at });
  switch (spec.type) {
    case 'string':
    case 'text': {
      if (typeof value !== 'string') {
        const fix = Array.isArray(value) || (typeof value === 'object' && value !== null)
          ? `Write it as one line of text, e.g. ${spec.key}: "…".`
          : `Put it in quotes: ${spec.key}: "${String(value)}".`;
        return [wrong(`${name} must be text, but the front matter has ${describeValue(value)}. ${fix}`)];
      }
      const length = [...value].length;
      if (spec.warnAbove !== undefined && length > spec.warnAbove) {
        return [{
          code: 'field-length',
          severity: 'warning',
          message: `${name} is ${length} characters; keep it to ${spec.warnAbove} or fewer ${lengthReason(spec)}.`,
          ...at,
        }];
      }
      return [];
    }
    case 'tags':
    case 'names': {
      const example = spec.type === 'tags' ? 'Community, Kubernetes' : 'Jane Doe, John Doe';
      if (typeof value === 'string') return [];
      if (Array.isArray(value)) {
        const bad = value.findIndex((v) => typeof v !== 'string');
        if (bad === -1) return [];
        const item = value[bad] ?? null;
        return [wrong(`${name} must be a list of text, but item ${bad + 1} is ${describeValue(item)}. Put each item in quotes, or write them on one line: ${spec.key}: "${example}".`)];
      }
      return [wrong(`${name} must be text or a list of text, but the front matter has ${describeValue(value)}. Write it as ${spec.key}: "${example}".`)];
    }
    case 'date': {
      // Only one written format exists today; a profile without one accepts any text.
      const found = typeof value === 'string' ? `"${value}"` : typeof value === 'number' || typeof value === 'boolean' ? String(value) : describeValue(value);
      if (typeof value !== 'string') {
        return [wrong(`${name} must be a date written YYYY-MM-DD, e.g. 2021-11-02 (found ${found}).`)];
      }
      if (spec.format !== 'YYYY-MM-DD') return [];
      // Generators also read a date with its time: Hugo RFC 3339 (2019-02-27T11:58:38.897Z), Jekyll 2015-01-20 19:23:12 -0800.
      const withTime = DATE_TIME.exec(value.trim());
      if (withTime?.[1] !== undefined) {
        const dayWhy = dateError(withTime[1]);
        return dayWhy === null ? [] : [{ code: 'field-date', severity: 'error', message: `${name} ${withTime[1]} is not a real date: ${dayWhy}.`, ...at }];
      }
      const why = dateError(value.trim());
      if (why === null) {
        if (value !== value.trim()) return [wrong(`${name} has spaces around the date (found ${found}); write just the date, e.g. 2021-11-02.`)];
        return [];
      }
      if (/^\d{4}-\d{2}-\d{2}$/.test(value.trim())) {
        return [{ code: 'field-date', severity: 'error', message: `${name} ${value.trim()} is not a real date: ${why}.`, ...at }];
      }
      return [{ code: 'field-date', severity: 'error', message: `${name} must be a date written YYYY-MM-DD, e.g. 2021-11-02 (found ${found}).`, ...at }];
    }
  }
}

/** The usual fix for a YAML parser message, in words an author can act on. */
function yamlHint(message: string): string {
  if (/quote/i.test(message)) return 'Close the quote, or wrap the whole value in double quotes.';
  if (/unique/i.test(message)) return 'Keep one of the repeated fields and remove the other.';
  if (/mapping|colon|implicit key/i.test(message)) return 'A value that contains ": " must be wrapped in double quotes.';
  if (/indent/i.test(message)) return 'Start each field at the beginning of its line.';
  return 'Fix it in the raw YAML view.';
}

/** The keys that satisfy a profile field: itself, or what the generator accepts instead (Docusaurus: author for authors). */
export function acceptedKeys(profile: SiteProfile, spec: FieldSpec): string[] {
  return profile.generator === 'docusaurus' && spec.key === 'authors' ? [spec.key, 'author'] : [spec.key];
}

export function validateFrontMatter(text: string, profile: SiteProfile): Problem[] {
  const parts = splitRecap(text);
  const fm = readFrontMatter(text);
  if (parts.unclosed) {
    return [{
      code: 'frontmatter-unclosed',
      severity: 'error',
      message: 'The front matter opened with --- on line 1 is never closed. Add a line with --- after the last field.',
      line: 1,
      column: 1,
    }];
  }
  if (fm.problems.length > 0) {
    // A broken YAML block yields partial fields: schema checks on them would only add noise.
    return fm.problems.map((p) => ({
      code: 'yaml-syntax',
      severity: 'error',
      message: p.message.startsWith('The front matter') ? p.message : `The front matter is not valid YAML: ${p.message.replace(/\.?$/, '.')} ${yamlHint(p.message)}`,
      line: p.line,
      column: p.column,
    }));
  }
  const problems: Problem[] = [];
  for (const spec of profile.fields) {
    const keys = acceptedKeys(profile, spec);
    const field = fm.fields.find((f) => keys.includes(f.key));
    const name = fieldName(spec);
    if (!field) {
      if (spec.required) {
        problems.push({
          code: 'required',
          severity: 'error',
          message: parts.hasFrontMatter
            ? `${name} is required. Add the line "${spec.key}: …" to the front matter.`
            : `${name} is required. The file has no front matter: start it with a --- line, "${spec.key}: …", and a closing --- line.`,
          field: spec.key,
          line: 1,
        });
      }
      continue;
    }
    if (isEmpty(field.value)) {
      if (spec.required) {
        problems.push({ code: 'required', severity: 'error', message: `${name} is required. Fill in "${spec.key}" in the front matter.`, field: spec.key, line: field.line });
      }
      continue;
    }
    problems.push(...checkField(spec, field.value, field.line));
  }
  return problems;
}

// ---------------------------------------------------------------------------------------
// Markdown body

const FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const LIST_ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])([ \t]+|$)/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const ATX_H1 = /^ {0,3}#(?:[ \t]|$)/;
const SETEXT_H1 = /^ {0,3}=+[ \t]*$/;

/** Width of the leading whitespace, a tab reaching the next multiple of 4 as in CommonMark. */
function indentWidth(line: string): number {
  let width = 0;
  for (const ch of line) {
    if (ch === ' ') width++;
    else if (ch === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}

/** Blanks out inline code spans so that `![](x)` written as code is not linted; columns stay. */
function maskCodeSpans(line: string): string {
  return line.replace(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g, (m) => ' '.repeat(m.length));
}

/** Blanks out HTML comments (which may span lines); `state.open` carries an unfinished one. */
function maskComments(line: string, state: { open: boolean }): string {
  let out = '';
  let rest = line;
  while (rest !== '') {
    if (state.open) {
      const end = rest.indexOf('-->');
      if (end === -1) return out + ' '.repeat(rest.length);
      out += ' '.repeat(end + 3);
      rest = rest.slice(end + 3);
      state.open = false;
    } else {
      const start = rest.indexOf('<!--');
      if (start === -1) return out + rest;
      out += rest.slice(0, start);
      rest = rest.slice(start);
      state.open = true;
    }
  }
  return out;
}

interface InlineImage {
  alt: string;
  /** The destination as written between the parentheses (title removed), or null for `![alt][ref]`. */
  url: string | null;
  /** The reference label of `![alt][ref]`. */
  ref: string | null;
  /** The destination is written `<…>`, which is how CommonMark allows spaces in it. */
  bracketed: boolean;
  column: number;
}

/** Index of the `]` that closes the `[` at `open`, honouring nesting and escapes. */
function closingBracket(line: string, open: number): number {
  let depth = 0;
  for (let i = open; i < line.length; i++) {
    const ch = line[i];
    if (ch === '\\') i++;
    else if (ch === '[') depth++;
    else if (ch === ']' && --depth === 0) return i;
  }
  return -1;
}

/** Index of the `)` that closes the `(` at `open`, skipping a `<…>` destination, quoted titles and nesting. */
function closingParen(line: string, open: number): number {
  let i = open + 1;
  while (line[i] === ' ' || line[i] === '\t') i++;
  if (line[i] === '<') {
    const gt = line.indexOf('>', i);
    if (gt !== -1) i = gt + 1;
  }
  let depth = 1;
  let quote: string | null = null;
  for (; i < line.length; i++) {
    const ch = line[i];
    if (ch === '\\') {
      i++;
    } else if (quote !== null) {
      if (ch === quote) quote = null;
    } else if ((ch === '"' || ch === "'") && /\s/.test(line[i - 1] ?? '')) {
      quote = ch;
    } else if (ch === '(') {
      depth++;
    } else if (ch === ')' && --depth === 0) {
      return i;
    }
  }
  return -1;
}

function findImages(line: string): InlineImage[] {
  const images: InlineImage[] = [];
  let from = 0;
  for (;;) {
    const bang = line.indexOf('![', from);
    if (bang === -1) return images;
    from = bang + 2;
    if (bang > 0 && line[bang - 1] === '\\') continue;
    const close = closingBracket(line, bang + 1);
    if (close === -1) return images;
    const alt = line.slice(bang + 2, close);
    const next = line[close + 1];
    if (next === '[') {
      const refEnd = line.indexOf(']', close + 2);
      const label = refEnd === -1 ? '' : line.slice(close + 2, refEnd);
      images.push({ alt, url: null, ref: label === '' ? alt : label, bracketed: false, column: bang + 1 });
      from = close + 1;
      continue;
    }
    if (next !== '(') continue;
    const end = closingParen(line, close + 1);
    if (end === -1) continue;
    let inside = line.slice(close + 2, end).trim();
    const bracketed = inside.startsWith('<');
    if (bracketed) {
      const gt = inside.indexOf('>');
      inside = inside.slice(1, gt === -1 ? undefined : gt);
    } else {
      // A title is `"…"`, `'…'` or `(…)` after whitespace; what stays is the destination.
      inside = inside.replace(/\s+("[^"]*"|'[^']*'|\([^)]*\))$/, '');
    }
    images.push({ alt, url: inside, ref: null, bracketed, column: bang + 1 });
    from = end + 1;
  }
}

function imageProblems(line: string, lineNo: number): Problem[] {
  const problems: Problem[] = [];
  for (const image of findImages(line)) {
    const shown = image.url ?? `![${image.alt}][${image.ref ?? ''}]`;
    if (image.alt.trim() === '') {
      problems.push({
        code: 'alt-missing',
        severity: 'warning',
        message: `The image ${shown} has no alt text. Describe it between the brackets, e.g. ![Speakers on stage](${image.url ?? '…'}), for readers who cannot see it.`,
        line: lineNo,
        column: image.column,
      });
    }
    if (image.url === null) continue;
    if (!image.bracketed && /\s/.test(image.url)) {
      problems.push({
        code: 'image-url-space',
        severity: 'error',
        message: `The image URL "${image.url}" contains a space, so the site will show the Markdown text instead of the image. Rename the file without spaces (e.g. ${image.url.replace(/\s+/g, '-')}), or write the URL as <${image.url}>.`,
        line: lineNo,
        column: image.column,
      });
    }
    if (/^http:\/\//i.test(image.url)) {
      problems.push({
        code: 'image-http',
        severity: 'warning',
        message: `The image ${image.url} is loaded over http://; browsers block or flag it on an https site. Use https:// or a local image.`,
        line: lineNo,
        column: image.column,
      });
    }
  }
  return problems;
}

/** Lines before the body: the front matter block with its delimiters. */
function bodyLineOffset(text: string): number {
  const parts = splitRecap(text);
  if (!parts.hasFrontMatter) return 0;
  const head = parts.open + parts.yaml + parts.close;
  let n = 0;
  for (let i = 0; i < head.length; i++) if (head.charCodeAt(i) === 10) n++;
  return n;
}

/**
 * What the previous non-code line was. An indented line after a blank line, at the start of
 * the body, or after a one-line block (heading, rule, comment, closed fence) opens a code
 * block; after paragraph text it only continues the paragraph.
 */
type Previous = 'start' | 'blank' | 'block' | 'text';

export function lintMarkdown(text: string, profile: SiteProfile): Problem[] {
  // A theme that does not print the title lets the body's # heading be the page heading.
  const titlePrinted = profile.themePrintsTitle !== false;
  const offset = bodyLineOffset(text);
  const lines = splitRecap(text).body.split(/\r?\n/);
  const problems: Problem[] = [];
  const comment = { open: false };
  let fence: { char: string; length: number; line: number } | null = null;
  // The content column of the list item we are in, or null outside lists.
  let listIndent: number | null = null;
  let inIndentedCode = false;
  let previous: Previous = 'start';

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const lineNo = offset + i + 1;
    if (fence) {
      const close = new RegExp(`^ {0,3}${fence.char === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`);
      if (close.test(raw)) {
        fence = null;
        previous = 'block';
      }
      continue;
    }
    const line = maskComments(raw, comment);
    if (line.trim() === '') {
      previous = raw.trim() === '' ? 'blank' : 'block';
      continue;
    }
    const indent = indentWidth(line);

    if (indent >= 4) {
      if (listIndent !== null) {
        // A list item's continuation paragraph: renders as part of the item.
        problems.push(...imageProblems(maskCodeSpans(line), lineNo));
        previous = 'text';
        continue;
      }
      if (inIndentedCode) continue; // further lines of a block already reported
      if (previous !== 'text') {
        problems.push({
          code: 'indented-code',
          severity: 'warning',
          message: `This line starts with ${indent} spaces, so the site will show it as a code block. Remove the spaces at the start of the line, or put real code between \`\`\` lines.`,
          line: lineNo,
          column: 1,
        });
        inIndentedCode = true;
        continue;
      }
      // Four spaces inside a paragraph only continue it; nothing renders differently.
      problems.push(...imageProblems(maskCodeSpans(line), lineNo));
      continue;
    }
    inIndentedCode = false;

    const opening = FENCE.exec(line);
    // A backtick fence's info string cannot hold backticks: ```a``` is inline code.
    if (opening && !(opening[2]?.startsWith('`') && (opening[3] ?? '').includes('`'))) {
      const marks = opening[2] ?? '```';
      fence = { char: marks[0] ?? '`', length: marks.length, line: lineNo };
      continue;
    }

    const item = THEMATIC_BREAK.test(line) ? null : LIST_ITEM.exec(line);
    if (item) {
      const marker = (item[1] ?? '').length + (item[2] ?? '').length;
      const gap = indentWidth((item[3] ?? '') + 'x');
      // With 5+ spaces after the marker the text is an indented block and the item's column is marker + 1.
      listIndent = marker + (gap === 0 || gap > 4 ? 1 : gap);
    } else if (listIndent !== null && previous !== 'text' && indent < listIndent) {
      listIndent = null;
    }

    if (titlePrinted && ATX_H1.test(line)) {
      problems.push({
        code: 'body-h1',
        severity: 'warning',
        message: 'This is a level-1 heading (# …), but the site already prints the title as the page heading. Use ## for section headings.',
        line: lineNo,
        column: indent + 1,
      });
    } else if (titlePrinted && SETEXT_H1.test(line) && previous === 'text' && listIndent === null) {
      problems.push({
        code: 'body-h1',
        severity: 'warning',
        message: 'The === line under this text makes it a level-1 heading, but the site already prints the title as the page heading. Write the heading as ## … instead.',
        line: lineNo - 1,
        column: 1,
      });
    }

    problems.push(...imageProblems(maskCodeSpans(line), lineNo));
    previous = ATX_HEADING.test(line) || SETEXT_H1.test(line) || THEMATIC_BREAK.test(line) ? 'block' : 'text';
  }

  if (fence) {
    const marks = fence.char.repeat(3);
    problems.push({
      code: 'fence-unclosed',
      severity: 'error',
      message: `The code block opened with ${marks} on this line is never closed, so everything after it shows as code. Add a ${marks} line where the code ends.`,
      line: fence.line,
      column: 1,
    });
  }
  return problems;
}

/** All checks that need only the text, in file order. */
export function lintText(text: string, profile: SiteProfile): Problem[] {
  const all = [...validateFrontMatter(text, profile), ...lintMarkdown(text, profile), ...contentProblems(text)];
  // Array.prototype.sort is stable: findings on one line keep front matter first, then columns.
  return all.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
