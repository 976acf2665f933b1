// File-name-safe slugs for titles. Pure module (no Node imports): the service, the CLI and the
// renderer share it.

/** Letters that Unicode does not decompose into a base letter plus accents. */
const LIGATURES: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ı: 'i', ħ: 'h',
};

const SLUG_MAX = 80;

/** A file-name-safe slug for a title: "Día de Kubernetes Zürich" → "dia-de-kubernetes-zurich". */
export function slugify(title: string): string {
  const ascii = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßæœøđðþłıħ]/g, (ch) => LIGATURES[ch] ?? '-');
  let slug = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length > SLUG_MAX) {
    // Cut at a word boundary when one is near the limit, so the slug does not end mid-word.
    const cut = slug.slice(0, SLUG_MAX + 1);
    const dash = cut.lastIndexOf('-');
    slug = (dash >= SLUG_MAX / 2 ? cut.slice(0, dash) : slug.slice(0, SLUG_MAX)).replace(/-+$/, '');
  }
  return slug === '' ? 'recap' : slug;
}
