// Checks a recap's front matter against the site profile's schema: required fields, types,
// lengths, dates, unknown keys and YAML syntax. Every message names the field and says what to do.
//
// Pure module (no Node imports): the renderer runs the same checks live while the author types.

import type { FieldSpec, Problem, SiteGenerator, SiteProfile } from '../contract';
import { closingMark, openingMark, readFrontMatter, splitRecap } from '../frontmatter/frontmatter';
import type { RecapParts } from '../frontmatter/split';
import type { FieldValue } from '../frontmatter/frontmatter';
import { entryName } from '../frontmatter/values';
import { msg } from '../i18n/messages';
import type { Msg } from '../i18n/messages';
import { duplicateAuthorKeys, inlineTags, unknownAuthorKeys, writtenOutAuthors } from './lint-blog';
import { docusaurusSchemaProblems } from './lint-docusaurus';
import { hugoFrontMatterProblems } from './lint-hugo';
import { DATE_FIELDS, dateErrorMsg, dayOf, describeValue, isEmpty, problemOf, rulesGenerator } from './lint-problem';
import { HUGO_DATE_KEYS } from './lint-publish';
import type { FrontMatterField } from '../frontmatter/frontmatter';

const FORMAT_NAMES = { yaml: 'YAML', toml: 'TOML', json: 'JSON' } as const;

/** "Title" when the label is just the key spelled nicely, else "Event date (createTime)". */
function fieldName(spec: FieldSpec): string {
  return spec.label.toLowerCase() === spec.key.toLowerCase() ? spec.label : `${spec.label} (${spec.key})`;
}

/** Why a soft length limit exists, so the warning says what the author gains. */
function lengthReason(spec: FieldSpec): Msg {
  if (spec.key === 'title') return msg('lint.reason.title');
  if (spec.key === 'description') return msg('lint.reason.description');
  return msg('lint.reason.other');
}

function isNamedMap(value: FieldValue): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && (entryName(value) ?? '') !== '';
}

/** A date with a time of day, as Hugo (RFC 3339), Jekyll and TOML write it; group 1 is the day. */
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:[T ]| +)\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?: ?(?:Z|[+-]\d{2}:?\d{2}))?$/;

/** `namedMaps`: the generator reads a name written as a map with its details (Docusaurus inline authors). */
function checkField(spec: FieldSpec, value: FieldValue, line: number, namedMaps: boolean): Problem[] {
  const name = fieldName(spec);
  const at = { field: spec.key, line };
  const wrong = (m: Msg): Problem => problemOf('field-type', 'error', m, at);
  switch (spec.type) {
    case 'string':
    case 'text': {
      if (typeof value !== 'string') {
        const fix = Array.isArray(value) || (typeof value === 'object' && value !== null)
          ? msg('lint.fix.oneLine', { key: spec.key })
          : msg('lint.fix.quote', { key: spec.key, value: String(value) });
        return [wrong(msg('lint.field.notText', { name, found: describeValue(value), fix }))];
      }
      const length = [...value].length;
      if (spec.warnAbove !== undefined && length > spec.warnAbove) {
        const facts = { name, length: String(length), limit: String(spec.warnAbove), reason: lengthReason(spec) };
        return [problemOf('field-length', 'warning', msg('lint.field.tooLong', facts), at)];
      }
      return [];
    }
    case 'tags':
    case 'names': {
      const example = spec.type === 'tags' ? 'Community, Kubernetes' : 'Jane Doe, John Doe';
      if (typeof value === 'string') return [];
      const items = Array.isArray(value) ? value : [value];
      // Docusaurus reads names written inline as maps ({name: Ann, title: Maintainer, image_url: …}); each needs a name or a key.
      // Its tags may be maps too, {label: Lisbon, permalink: /lisbon}.
      const maps = namedMaps && spec.type === 'names';
      const labelled = (v: FieldValue): boolean => namedMaps && spec.type === 'tags' && v !== null && typeof v === 'object' && !Array.isArray(v) && typeof v['label'] === 'string' && v['label'].trim() !== '';
      const bad = items.findIndex((v) => typeof v !== 'string' && !(maps && isNamedMap(v)) && !labelled(v));
      if (bad === -1) return [];
      const item = items[bad] ?? null;
      if (maps && item !== null && typeof item === 'object' && !Array.isArray(item)) {
        return [wrong(msg('lint.field.unnamedEntry', { name, index: String(bad + 1) }))];
      }
      if (!Array.isArray(value)) return [wrong(msg('lint.field.notList', { name, found: describeValue(value), key: spec.key, example }))];
      return [wrong(msg('lint.field.listItem', { name, index: String(bad + 1), found: describeValue(item), key: spec.key, example }))];
    }
    case 'date': {
      // Only one written format exists today; a profile without one accepts any text.
      const found: Msg | string = typeof value === 'string' ? `"${value}"` : typeof value === 'number' || typeof value === 'boolean' ? String(value) : describeValue(value);
      if (typeof value !== 'string') {
        return [wrong(msg('lint.date.notDate', { name, found }))];
      }
      if (spec.format !== 'YYYY-MM-DD') return [];
      // Generators also read a date with its time: Hugo RFC 3339 (2019-02-27T11:58:38.897Z), Jekyll 2015-01-20 19:23:12 -0800.
      const withTime = DATE_TIME.exec(value.trim());
      if (withTime?.[1] !== undefined) {
        const dayWhy = dateErrorMsg(withTime[1]);
        return dayWhy === null ? [] : [problemOf('field-date', 'error', msg('lint.date.notReal', { name, date: withTime[1], why: dayWhy }), at)];
      }
      const why = dateErrorMsg(value.trim());
      if (why === null) {
        if (value !== value.trim()) return [wrong(msg('lint.date.spaces', { name, found }))];
        return [];
      }
      if (/^\d{4}-\d{2}-\d{2}$/.test(value.trim())) {
        return [problemOf('field-date', 'error', msg('lint.date.notReal', { name, date: value.trim(), why }), at)];
      }
      return [problemOf('field-date', 'error', msg('lint.date.notDate', { name, found }), at)];
    }
  }
}

/** The keys that satisfy a profile field: itself, or what the generator accepts instead (Docusaurus: author for authors). */
export function acceptedKeys(profile: SiteProfile, spec: FieldSpec): string[] {
  return rulesGenerator(profile) === 'docusaurus' && spec.key === 'authors' ? [spec.key, 'author'] : [spec.key];
}

/** Why a Jekyll or Docusaurus post's name dates it on no day (SiteProfile.nameDateNotADay), as its date field's error; null where it does not. */
function nameDateError(profile: SiteProfile, key: string): Msg | null {
  const day = profile.nameDateNotADay;
  const why = day === undefined ? null : dateErrorMsg(day);
  if (day === undefined || why === null) return null;
  return msg(rulesGenerator(profile) === 'docusaurus' ? 'lint.docusaurus.nameDate' : 'lint.jekyll.nameDate', { date: day, why, key });
}

/**
 * Why a Docusaurus post's path dates it on another day than it says (`2024-02-30-kcd.md`, which
 * its blog's Date reads as 2024-03-01: SiteProfile.dateFromName.written), as a warning on its
 * empty date field; null where it does not.
 */
function rolledNameDate(profile: SiteProfile, key: string): Msg | null {
  const named = profile.dateFromName;
  const why = named?.written === undefined ? null : dateErrorMsg(named.written);
  return named?.written === undefined || why === null ? null : msg('lint.docusaurus.nameDateRolled', { written: named.written, why, date: named.date, key });
}

/**
 * A date the recap gives under another key than the one its site reads (`createTime: 2026-05-16`
 * in a draft written with the reference site's template, exported into a Jekyll site that reads
 * `date`), which the required field's error names; null where there is none, or where the site
 * reads that key too (Hugo's `publishDate`).
 */
function dateElsewhere(profile: SiteProfile, spec: FieldSpec, keys: string[], fields: FrontMatterField[]): { key: string; day: string } | null {
  if (spec.type !== 'date') return null;
  const hugo = rulesGenerator(profile) === 'hugo';
  for (const f of fields) {
    if (keys.includes(f.key) || !DATE_FIELDS.includes(f.key) || (hugo && HUGO_DATE_KEYS.includes(f.key.toLowerCase()))) continue;
    const day = dayOf(f.value);
    if (day !== null && dateErrorMsg(day) === null) return { key: f.key, day };
  }
  return null;
}

/**
 * A front matter after blank lines (`\n---\ntitle: …`): Hugo reads past them, Jekyll and
 * Docusaurus (gray-matter) read a front matter only at the file's very start and publish this one
 * as text, an error on their posts; a warning where the site is not known.
 */
function afterBlankLines(parts: RecapParts, open: string, generator: SiteGenerator | null | undefined): Problem[] {
  if (!parts.hasFrontMatter || parts.lead === '' || generator === 'hugo') return [];
  const at = { line: parts.lead.split('\n').length, column: 1 };
  const generatorName = generator === 'jekyll' ? 'Jekyll' : generator === 'docusaurus' ? 'Docusaurus' : null;
  return generatorName !== null
    ? [problemOf('frontmatter-not-first', 'error', msg('lint.fm.afterBlank', { line: at.line, generator: generatorName, open }), at)]
    : [problemOf('frontmatter-not-first', 'warning', msg('lint.fm.afterBlankAnySite', { line: at.line, open }), at)];
}

export function validateFrontMatter(text: string, profile: SiteProfile): Problem[] {
  const parts = splitRecap(text);
  const fm = readFrontMatter(text);
  const open = openingMark(parts.format);
  if (parts.unclosed) {
    return [problemOf('frontmatter-unclosed', 'error', msg('lint.fm.unclosed', { open, close: closingMark(parts.format) }), { line: 1, column: 1 })];
  }
  const late = afterBlankLines(parts, open, rulesGenerator(profile));
  if (fm.problems.length > 0) {
    // A broken YAML block yields partial fields: schema checks on them would only add noise.
    return [...late, ...fm.problems.map((p) => {
      const m = p.syntax ? msg('parser.invalid', { format: FORMAT_NAMES[parts.format], detail: p.msg }) : p.msg;
      return problemOf('yaml-syntax', 'error', m, { line: p.line, column: p.column });
    })];
  }
  const problems: Problem[] = [...late];
  for (const spec of profile.fields) {
    const keys = acceptedKeys(profile, spec);
    const field = fm.fields.find((f) => keys.includes(f.key));
    const name = fieldName(spec);
    if (!field || isEmpty(field.value)) {
      const line = field?.line ?? 1;
      // A Jekyll or Docusaurus post whose name's date is no day needs its date written: the error says why.
      const nameDay = spec.key === profile.dateField ? nameDateError(profile, spec.key) : null;
      if (nameDay !== null) problems.push(problemOf('name-date', 'error', nameDay, { field: spec.key, line }));
      else if (spec.required) {
        const other = dateElsewhere(profile, spec, keys, fm.fields);
        const m = other
          ? msg('lint.required.dateElsewhere', { name, key: spec.key, other: other.key, day: other.day })
          : field
            ? msg('lint.required.fill', { name, key: spec.key })
            : msg(parts.hasFrontMatter ? 'lint.required.add' : 'lint.required.noFrontMatter', { name, key: spec.key });
        problems.push(problemOf('required', 'error', m, { field: spec.key, line }));
      }
      // A Docusaurus path's day past its month's end dates the post the next month's: say so.
      const rolled = spec.key === profile.dateField ? rolledNameDate(profile, spec.key) : null;
      if (rolled !== null) problems.push(problemOf('name-date', 'warning', rolled, { field: spec.key, line }));
      continue;
    }
    problems.push(...checkField(spec, field.value, field.line, rulesGenerator(profile) === 'docusaurus'));
    // What the site's blog checks against its own files (lint-blog.ts).
    if (field.key === 'authors' && rulesGenerator(profile) === 'docusaurus') problems.push(...duplicateAuthorKeys(field.value, field.line));
    if (field.key === 'authors' && profile.authorsMap !== undefined) problems.push(...unknownAuthorKeys(field.value, field.line, profile.authorsMap));
    if (spec.key === 'authors' && profile.inlineAuthors !== undefined) problems.push(...writtenOutAuthors(field.key, field.value, field.line, profile.inlineAuthors));
    if (field.key === 'tags' && profile.tagsMap !== undefined) problems.push(...inlineTags(field.value, field.line, profile.tagsMap));
  }
  // What a Docusaurus blog's schema refuses (lint-docusaurus.ts), or Hugo's build (lint-hugo.ts), where the checks above said nothing of that field.
  const said = new Set(problems.filter((p) => p.severity === 'error').map((p) => p.field));
  const generator = rulesGenerator(profile);
  const more = generator === 'docusaurus' ? docusaurusSchemaProblems(fm.fields) : generator === 'hugo' ? hugoFrontMatterProblems(fm.fields, profile.dateKeys?.all) : [];
  problems.push(...more.filter((p) => !said.has(p.field)));
  return problems;
}
