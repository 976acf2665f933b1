// A post's reading from its whole text: its site's reading (the profile's `markdown`) with the
// switches its front matter holds now (see postReading). The service's lint, preflight and image
// checks ask here, and the preview; the photo tray, which loads the front-matter parsers lazily,
// asks postReading with the parsers' getField once they have loaded. How a value is written
// (quoteStyleOf) tells Jekyll's plain `no` (false) from a quoted 'no' (a string).
//
// Pure module (no Node imports).

import type { MarkdownReading, SiteGenerator, SiteProfile } from '../contract';
import { getField, quoteStyleOf } from '../frontmatter/frontmatter';
import { postReading, readingOf } from './site-reading';

/** How the site of `profile` reads the post whose text (front matter and body) is `text`. */
export function readingOfPost(profile: Pick<SiteProfile, 'markdown'> | null | undefined, text: string): MarkdownReading {
  return postReading(readingOf(profile), (key) => getField(text, key), (key) => quoteStyleOf(text, key));
}

/**
 * How a post names its cover (core/recap/cover.ts coverUrl): by its profile's generator, and on a
 * Chirpy site below the post's media_subpath (`reading`: the post's, readingOfPost); a Jekyll
 * site's fields written from its root without the first `/` so (PhotoSettings.rootPathFields).
 */
export function coverReading(profile: { generator: SiteGenerator | null; photos?: { rootPathFields?: string[] } }, reading: MarkdownReading): Pick<MarkdownReading, 'generator' | 'media' | 'pageCover'> & { rootPathFields?: readonly string[] } {
  const rootPaths = profile.photos?.rootPathFields;
  return { generator: profile.generator, ...(reading.media !== undefined ? { media: reading.media } : {}), ...(reading.pageCover !== undefined ? { pageCover: reading.pageCover } : {}), ...(rootPaths !== undefined ? { rootPathFields: rootPaths } : {}) };
}
