// Where a Hugo site's content is, as paths relative to the site (segments between /): its
// `content/` folder, or the folder its config names (`contentDir = "src/content"`). Pure: the
// page (translations' layout) and the service (sections, archetypes, a post's own pattern) ask
// the same question the same way.

/** Hugo's content folder when its config names none. */
export const HUGO_CONTENT = 'content';

/** The folders of `segs` (a path relative to the site) below the content folder `contentDir`; null where the path is not inside it. */
export function belowContent(segs: readonly string[], contentDir: string = HUGO_CONTENT): string[] | null {
  const top = contentDir.split('/');
  if (segs.length <= top.length || !top.every((d, i) => segs[i] === d)) return null;
  return segs.slice(top.length);
}
