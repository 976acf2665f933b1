// Checks a recap's front matter against the site profile's schema: required fields, types,
// lengths, dates, unknown keys and YAML syntax. Every message names the field and says what to do.
//
// Pure module (no Node imports): the renderer runs the same checks live while the author types.

import type { FieldSpec, Problem, SiteProfile } from '../contract';
import { readFrontMatter, splitRecap } from '../frontmatter/frontmatter';
import type { FieldValue } from '../frontmatter/frontmatter';


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
