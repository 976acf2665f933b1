// The lint findings about a recap's images on disk: each local link (Markdown, HTML <img> and
// srcset, the cover field) resolved under the containment rule. A refused link is reported
// with its line and the reason, and nothing behind it is read.

import type { Problem, SiteProfile } from '../../core/contract';
import { refusedImageMessage, resolveImage, RootsCache } from '../files/containment';
import { findRecapImages } from './markdown-images';

export function imageProblems(text: string, recapPath: string, profile: SiteProfile): Problem[] {
  const problems: Problem[] = [];
  const roots = new RootsCache();
  for (const ref of findRecapImages(text, profile.photos.coverField)) {
    const at = ref.field !== undefined ? { line: ref.line, field: ref.field } : { line: ref.line, column: ref.column };
    const hit = resolveImage(ref.url, recapPath, [profile], roots);
    if (hit.kind === 'refused') {
      problems.push({ code: 'image-refused', severity: 'error', message: refusedImageMessage(ref.url, ref.line, hit.reason, ref.field), ...at });
    } else if (hit.kind === 'missing' && hit.lookedFor !== null) {
      problems.push({ code: 'image-missing', severity: 'error', message: `Image ${ref.url} does not exist (looked for ${hit.lookedFor}).`, ...at });
    }
  }
  return problems;
}
