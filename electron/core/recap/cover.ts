// The cover photo a front-matter field names: a text (`image: cover.jpg`), or the first item of
// a list (Hugo's `images = ["cover.jpg"]`). Lint, export and the photo tray read and set it
// through these two, so a list stays a list. Pure: the page runs it too.

import type { FieldValue } from '../frontmatter/values';

/** The photo a cover field's value names, or null (no value, an empty one, or not a text). */
export function coverOf(value: FieldValue | undefined): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first.trim() !== '' ? first.trim() : null;
}

/** The value that makes `url` the cover: a list gets it as its first item and keeps the others. */
export function withCover(was: FieldValue | undefined, url: string): FieldValue {
  return Array.isArray(was) ? [url, ...was.slice(1)] : url;
}
