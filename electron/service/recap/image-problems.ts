// The lint findings about a recap's images on disk: each local link (Markdown, HTML <img> and
// srcset, the cover field) resolved under the containment rule. A refused link is reported
// with its line and the reason, and nothing behind it is read.

import type { Problem, SiteProfile } from '../../core/contract';
import { refusedImageMsg, resolveImage, RootsCache } from '../files/containment';
import { problemOf } from '../../core/recap/lint-problem';
import { findRecapImages } from './markdown-images';
import { msg } from '../../core/i18n/messages';
import { readingOfPost } from '../../core/markdown/post-reading';

export function imageProblems(text: string, recapPath: string, profile: SiteProfile): Problem[] {
  const problems: Problem[] = [];
  const roots = new RootsCache();
  for (const ref of findRecapImages(text, profile.photos.coverField, readingOfPost(profile, text))) {
    const at = ref.field !== undefined ? { line: ref.line, field: ref.field } : { line: ref.line, column: ref.column };
    const hit = resolveImage(ref.url, recapPath, [profile], roots, ref.figure === true);
    if (hit.kind === 'refused') {
      problems.push(problemOf('image-refused', 'error', refusedImageMsg(ref.url, ref.line, hit.reason, ref.field), at));
    } else if (hit.kind === 'missing' && hit.lookedFor !== null) {
      problems.push(problemOf('image-missing', 'error', msg('lint.image.missing', { url: ref.url, path: hit.lookedFor }), at));
    }
  }
  return problems;
}
