// Checks a recap before it is committed: the front matter against the site profile's schema,
// and the Markdown body for mistakes that render wrongly on the site (an accidental code
// block, a broken image link) or hurt readers (images without alt text).
//
// Pure module (no Node imports): the renderer runs the same checks live while the author
// types, and the service adds the checks that need the disk (missing local images).
// Every message names the field or the image and says what to do about it.

import type { Problem, SiteProfile } from '../contract';
import { validateFrontMatter } from './lint-frontmatter';
import { lintMarkdown } from './lint-markdown';
import { contentProblems } from './recap-content';
import { missingTruncateMarker } from './lint-blog';
import { unpublishedProblems } from './lint-publish';

export { acceptedKeys, validateFrontMatter } from './lint-frontmatter';
export { dateError } from './lint-problem';
export { lintMarkdown } from './lint-markdown';

/** All checks that need only the text, in file order. */
export function lintText(text: string, profile: SiteProfile): Problem[] {
  const all = [...validateFrontMatter(text, profile), ...lintMarkdown(text, profile), ...contentProblems(text), ...missingTruncateMarker(text, profile.truncateMarker), ...unpublishedProblems(text, profile)];
  // Array.prototype.sort is stable: findings on one line keep front matter first, then columns.
  return all.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
