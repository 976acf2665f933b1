// A translation against its source, paragraph against paragraph: blocks are paired by their
// index, and each source block is known by a hash. When a translation is saved the app records
// the source's hashes; a source block whose hash differs later has changed since ("source
// changed"). Which front-matter fields are text to translate is decided here too.

import type { FieldSpec } from '../contract';
import type { FieldValue, FrontMatterField } from '../frontmatter/values';
import { hashText, splitBlocks } from '../markdown/markdown-blocks';

export interface SourceBlock {
  /** The block's Markdown. */
  text: string;
  /** Its first line in the body (1-based). */
  line: number;
  hash: string;
}

/** The blocks of a body with their hashes (trailing spaces do not count as a change). */
export function sourceBlocks(body: string): SourceBlock[] {
  const split = splitBlocks(body);
  return split.blocks.map((text, i) => ({ text, line: split.lines[i] ?? 1, hash: hashText(text.replace(/[ \t]+$/gm, '').trim()) }));
}

/** The indexes of the blocks whose hash is not the one recorded at that index (added blocks included). */
export function changedBlocks(recorded: readonly string[], current: readonly string[]): number[] {
  const out: number[] = [];
  current.forEach((h, i) => {
    if (recorded[i] !== h) out.push(i);
  });
  return out;
}

const NOT_TEXT_KEYS = new Set(['date', 'lastmod', 'publishdate', 'expirydate', 'slug', 'url', 'aliases', 'layout', 'type', 'draft', 'weight', 'image', 'images', 'cover', 'featured_image', 'thumbnail', 'author', 'authors', 'id', 'lang', 'language', 'translationkey']);

function isTextValue(value: FieldValue): boolean {
  if (typeof value === 'string') {
    const v = value.trim();
    if (v === '' || !/\p{L}/u.test(v)) return false;
    if (/^\d{4}-\d{2}-\d{2}/.test(v) || /^(?:[a-z][a-z0-9+.-]*:|\/|\.\/)/i.test(v)) return false;
    return true;
  }
  return Array.isArray(value) && value.length > 0 && value.every((x) => typeof x === 'string' && isTextValue(x));
}

/**
 * The front-matter fields of a source whose values are words to translate: text the profile
 * calls string, text or tags, and other text values (not dates, links, names or switches).
 */
export function textFields(fields: readonly FrontMatterField[], specs: readonly FieldSpec[]): string[] {
  return fields
    .filter((f) => {
      const spec = specs.find((s) => s.key === f.key);
      if (spec) return (spec.type === 'string' || spec.type === 'text' || spec.type === 'tags') && isTextValue(f.value);
      return !NOT_TEXT_KEYS.has(f.key.toLowerCase()) && isTextValue(f.value);
    })
    .map((f) => f.key);
}

/** The marked fields whose value in the translation is still the source's (or empty): they need translating. */
export function untranslatedFields(marked: readonly string[], source: readonly FrontMatterField[], translation: readonly FrontMatterField[]): string[] {
  return marked.filter((key) => {
    const t = translation.find((f) => f.key === key);
    const s = source.find((f) => f.key === key);
    if (!t || t.value === null || t.value === '') return true;
    return s !== undefined && JSON.stringify(s.value) === JSON.stringify(t.value);
  });
}
