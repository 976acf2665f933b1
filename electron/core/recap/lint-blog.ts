// What a Docusaurus blog's build checks in a post against the blog's own files (the profile says
// what they hold: authorsMap, tagsMap, truncateMarker; service/site/docusaurus-blog-checks.ts):
// an author key its authors map lacks, or one named twice, stops the build, a tag its tags file lacks is reported as
// its `onInlineTags` says, and a post without a truncate marker as its `onUntruncatedBlogPosts`
// says. Pure module: the form shows the field's findings live, lint and the preflight all of them.

import type { Problem, Severity, SiteProfile } from '../contract';
import type { FieldValue } from '../frontmatter/frontmatter';
import { splitRecap } from '../frontmatter/frontmatter';
import { isFieldMap } from '../frontmatter/values';
import { msg } from '../i18n/messages';
import { problemOf } from './lint-problem';

/** The text of each item of a field written as one item or a list. */
function items(value: FieldValue): FieldValue[] {
  return Array.isArray(value) ? value : [value];
}

/** An author key of `authors` (`jane`, or a map's `key: jane`); null for an author written out. */
function authorKey(v: FieldValue): string | null {
  const key = typeof v === 'string' ? v.trim() : isFieldMap(v) && typeof v['key'] === 'string' ? v['key'].trim() : null;
  return key === '' ? null : key;
}

/** Each author key `authors` names more than once: Docusaurus stops the build on it (authors written out may repeat). */
export function duplicateAuthorKeys(value: FieldValue, line: number): Problem[] {
  const keys = items(value).map(authorKey).filter((k): k is string => k !== null);
  const twice = [...new Set(keys.filter((k, i) => keys.indexOf(k) !== i))];
  return twice.map((key) => problemOf('author-duplicate', 'error', msg('lint.field.duplicateAuthor', { key }), { field: 'authors', line }));
}

/**
 * Each author key of `authors` (`jane`, or a map's `key: jane`) that its blog's authors map does
 * not have, or any key where the blog has no map: Docusaurus stops the build on them.
 */
export function unknownAuthorKeys(value: FieldValue, line: number, map: NonNullable<SiteProfile['authorsMap']>): Problem[] {
  const keys = [...new Set(items(value).map(authorKey).filter((k): k is string => k !== null))];
  return keys.flatMap((key) => {
    const where = { field: 'authors', line };
    if (map.keys === null || !map.keys.includes(key)) return [problemOf('author-key', 'error', msg(map.keys === null ? 'lint.field.noAuthorsMap' : 'lint.field.unknownAuthor', { key, file: map.file }), where)];
    // Known to the default locale's map, not to the one another locale's build reads in its place.
    const other = (map.locales ?? []).find((l) => l.keys === null || !l.keys.includes(key));
    return other === undefined ? [] : [problemOf('author-key', 'error', msg('lint.field.unknownAuthorLocale', { key, file: other.file, main: map.file, locale: other.locale }), where)];
  });
}

/**
 * Each author written out in the post (`authors` items as maps without a `key`, or the older
 * `author: Ann Lee`) where the blog's config says how its build reports one (`onInlineAuthors`).
 */
export function writtenOutAuthors(key: string, value: FieldValue, line: number, inline: NonNullable<SiteProfile['inlineAuthors']>): Problem[] {
  const nameOf = (v: FieldValue): string => (isFieldMap(v) && typeof v['name'] === 'string' ? v['name'].trim() : '');
  const names = key === 'author' ? [typeof value === 'string' ? value.trim() : ''] : items(value).filter((v) => isFieldMap(v) && !(typeof v['key'] === 'string' && v['key'].trim() !== '')).map(nameOf);
  const msgKey = inline.severity === 'error' ? 'lint.field.inlineAuthorStops' : 'lint.field.inlineAuthor';
  return [...new Set(names.filter((n) => n !== ''))].map((name) => problemOf('author-inline', inline.severity, msg(msgKey, { name, file: inline.file }), { field: 'authors', line }));
}

/** Each tag of `tags` its blog's tags file does not define (a tag written as a map, `{label, permalink}`, is never one of them). */
export function inlineTags(value: FieldValue, line: number, tags: NonNullable<SiteProfile['tagsMap']>): Problem[] {
  const labelOf = (v: FieldValue): string | null => (typeof v === 'string' ? v.trim() : isFieldMap(v) && typeof v['label'] === 'string' ? v['label'].trim() : null);
  const key = tags.severity === 'error' ? 'lint.field.inlineTagStops' : 'lint.field.inlineTag';
  const found = new Map<string, string>();
  // Each build's file in turn (the default locale's, then the others'): a tag is reported once, with the first file that lacks it.
  for (const { file, keys } of [tags, ...(tags.locales ?? [])]) {
    const inline = items(value).filter((v) => isFieldMap(v) || (typeof v === 'string' && !keys.includes(v.trim())));
    for (const tag of inline.map(labelOf)) if (tag !== null && tag !== '' && !found.has(tag)) found.set(tag, file);
  }
  return [...found].map(([tag, file]) => problemOf('tag-undefined', tags.severity, msg(key, { tag, file }), { field: 'tags', line }));
}

/** Docusaurus' default truncate markers: an HTML comment, or MDX's comment. */
const TRUNCATE = /<!--\s*truncate\s*-->|\{\/\*\s*truncate\s*\*\/\}/;

/** A post without a truncate marker where its blog asks every post for one. */
export function missingTruncateMarker(text: string, severity: Severity | undefined): Problem[] {
  if (severity === undefined) return [];
  const parts = splitRecap(text);
  if (TRUNCATE.test(parts.body)) return [];
  // On the body's first line of text (the opening paragraph the marker goes after).
  const first = Math.max(0, parts.body.split('\n').findIndex((l) => l.trim() !== ''));
  const line = (parts.hasFrontMatter ? text.slice(0, text.length - parts.body.length).split('\n').length : 1) + first;
  const key = severity === 'error' ? 'lint.truncate.stops' : 'lint.truncate.missing';
  return [problemOf('truncate-missing', severity, msg(key, { marker: '<!-- truncate -->', mdx: '{/* truncate */}' }), { line })];
}
