// The values a site's posts give their list fields (keywords, tags, authors), most used first:
// the form offers them while the author types, so a new post's keywords are spelt as the site's
// other posts spell them (`Kubernetes`, not a fifth `kubernetes`).

import type { FieldSpec, SiteProfile } from '../../core/contract';
import type { FieldValue } from '../../core/frontmatter/frontmatter';
import { listFromValue } from '../../core/frontmatter/values';
import { acceptedKeys } from '../../core/recap/lint';

/** How often each value was given, per front-matter key: list items, and one-line strings (split by the field's rule later). */
export interface ValueCounts {
  items: Map<string, number>;
  strings: Map<string, number>;
}

/** The most values a field offers. */
const MOST = 200;
/** A string longer than this is no list of words (a description, a title). */
const LONGEST = 300;

const bump = (counts: Map<string, number>, value: string): void => {
  counts.set(value, (counts.get(value) ?? 0) + 1);
};

/** Counts one post's value of a key: the items of a list (words and numbers; a map, such as an inline author, is no word to offer), or a short string. */
export function countValue(into: Map<string, ValueCounts>, key: string, value: FieldValue): void {
  const counts = into.get(key) ?? { items: new Map<string, number>(), strings: new Map<string, number>() };
  if (Array.isArray(value)) {
    for (const item of value) if ((typeof item === 'string' || typeof item === 'number') && String(item).trim() !== '') bump(counts.items, String(item).trim());
  } else if (typeof value === 'string' && value.trim() !== '' && value.length <= LONGEST && !/[\r\n]/.test(value)) {
    bump(counts.strings, value);
  } else return;
  into.set(key, counts);
}

function mostUsed(counts: Map<string, number>): string[] {
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, MOST)
    .map(([value]) => value);
}

/** The items a profile field's posts give it: lists as they are, one-string lists split as the field reads them. */
function fieldItems(values: ReadonlyMap<string, ValueCounts>, keys: readonly string[], spec: FieldSpec): Map<string, number> {
  const out = new Map<string, number>();
  for (const key of keys) {
    const counts = values.get(key);
    if (!counts) continue;
    for (const [item, n] of counts.items) out.set(item, (out.get(item) ?? 0) + n);
    for (const [text, n] of counts.strings) for (const item of listFromValue(text, spec.separator ?? 'comma')) out.set(item, (out.get(item) ?? 0) + n);
  }
  return out;
}

/**
 * The values to offer, per key: each tags or names field of the profile (with its other names,
 * Docusaurus' `author`), and each other key the posts give a list (`categories`, `tags` beside a
 * profile's `keywords`).
 */
export function knownValues(values: ReadonlyMap<string, ValueCounts>, profile: SiteProfile): Record<string, string[]> {
  // A post's profile is asked for often (lint, the preview's lookups, photos) while the site's scan
  // stays the same: counted once per scan and profile, and shared (never changed after).
  const signature = JSON.stringify([profile.generator, profile.fields.map((f) => [f.key, f.type, f.separator ?? ''])]);
  const byProfile = memo.get(values) ?? new Map<string, Record<string, string[]>>();
  memo.set(values, byProfile);
  const hit = byProfile.get(signature);
  if (hit) return hit;
  const known = countKnown(values, profile);
  byProfile.set(signature, known);
  return known;
}

const memo = new WeakMap<ReadonlyMap<string, ValueCounts>, Map<string, Record<string, string[]>>>();

function countKnown(values: ReadonlyMap<string, ValueCounts>, profile: SiteProfile): Record<string, string[]> {
  const known: Record<string, string[]> = {};
  const taken = new Set<string>();
  for (const spec of profile.fields) {
    const keys = acceptedKeys(profile, spec);
    keys.forEach((k) => taken.add(k));
    if (spec.type !== 'tags' && spec.type !== 'names') continue;
    const items = fieldItems(values, keys, spec);
    const list = mostUsed(items);
    if (list.length > 0) known[spec.key] = list;
  }
  for (const [key, counts] of values) {
    if (taken.has(key) || counts.items.size === 0) continue;
    known[key] = mostUsed(counts.items);
  }
  return known;
}
