// What a Docusaurus blog's build checks in a post against the blog's own files (the profile says
// what they hold: authorsMap, tagsMap, truncateMarker; service/site/docusaurus-blog-checks.ts):
// an author key its authors map lacks stops the build, a tag its tags file lacks is reported as
// its `onInlineTags` says, and a post without a truncate marker as its `onUntruncatedBlogPosts`
// says. Pure module: the form shows the field's findings live, lint and the preflight all of them.

import type { Problem, Severity, SiteProfile } from '../contract';
import type { FieldValue } from '../frontmatter/frontmatter';
import { splitRecap } from '../frontmatter/frontmatter';
import { msg } from '../i18n/messages';
import { problemOf } from './lint-problem';

function isMap(v: FieldValue): v is { [key: string]: FieldValue } {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The text of each item of a field written as one item or a list. */
function items(value: FieldValue): FieldValue[] {
  return Array.isArray(value) ? value : [value];
}

/**
 * Each author key of `authors` (`jane`, or a map's `key: jane`) that its blog's authors map does
 * not have, or any key where the blog has no map: Docusaurus stops the build on them.
 */
export function unknownAuthorKeys(value: FieldValue, line: number, map: NonNullable<SiteProfile['authorsMap']>): Problem[] {
  const keyOf = (v: FieldValue): string | null => (typeof v === 'string' ? v.trim() : isMap(v) && typeof v['key'] === 'string' ? v['key'].trim() : null);
  const keys = [...new Set(items(value).map(keyOf).filter((k): k is string => k !== null && k !== ''))];
  return keys
    .filter((key) => map.keys === null || !map.keys.includes(key))
    .map((key) => problemOf('author-key', 'error', msg(map.keys === null ? 'lint.field.noAuthorsMap' : 'lint.field.unknownAuthor', { key, file: map.file }), { field: 'authors', line }));
}

/**
 * Each author written out in the post (`authors` items as maps without a `key`, or the older
 * `author: Ann Lee`) where the blog's config says how its build reports one (`onInlineAuthors`).
 */
export function writtenOutAuthors(key: string, value: FieldValue, line: number, inline: NonNullable<SiteProfile['inlineAuthors']>): Problem[] {
  const nameOf = (v: FieldValue): string => (isMap(v) && typeof v['name'] === 'string' ? v['name'].trim() : '');
  const names = key === 'author' ? [typeof value === 'string' ? value.trim() : ''] : items(value).filter((v) => isMap(v) && !(typeof v['key'] === 'string' && v['key'].trim() !== '')).map(nameOf);
  const msgKey = inline.severity === 'error' ? 'lint.field.inlineAuthorStops' : 'lint.field.inlineAuthor';
  return [...new Set(names.filter((n) => n !== ''))].map((name) => problemOf('author-inline', inline.severity, msg(msgKey, { name, file: inline.file }), { field: 'authors', line }));
}

/** Each tag of `tags` its blog's tags file does not define (a tag written as a map, `{label, permalink}`, is never one of them). */
export function inlineTags(value: FieldValue, line: number, tags: NonNullable<SiteProfile['tagsMap']>): Problem[] {
  const labelOf = (v: FieldValue): string | null => (typeof v === 'string' ? v.trim() : isMap(v) && typeof v['label'] === 'string' ? v['label'].trim() : null);
  const inline = items(value).filter((v) => isMap(v) || (typeof v === 'string' && !tags.keys.includes(v.trim())));
  const labels = [...new Set(inline.map(labelOf).filter((t): t is string => t !== null && t !== ''))];
  const key = tags.severity === 'error' ? 'lint.field.inlineTagStops' : 'lint.field.inlineTag';
  return labels.map((tag) => problemOf('tag-undefined', tags.severity, msg(key, { tag, file: tags.file }), { field: 'tags', line }));
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
