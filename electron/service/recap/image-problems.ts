// The lint findings about a recap's images on disk: each local link (Markdown, HTML <img> and
// srcset, the cover field) resolved under the containment rule. A refused link is reported
// with its line and the reason, and nothing behind it is read. A photo a plain-file Hugo post
// links beside itself is a warning: Hugo publishes nothing there (export into the site fixes it).

import type { MarkdownReading, Problem, SiteProfile } from '../../core/contract';
import * as path from 'node:path';
import { isInside, missingImageMsg, refusedImageMsg, resolveImage, RootsCache } from '../files/containment';
import { siteRootFor } from '../site/profile';
import { msg } from '../../core/i18n/messages';
import { problemOf } from '../../core/recap/lint-problem';
import { findRecapImages, type RecapImageRef } from './markdown-images';
import { readingOfPost } from '../../core/markdown/post-reading';
import { photoInsertText, photoMarkdown } from '../../core/markdown/photo-text';

/**
 * What to write for a link whose file is in the Hugo site's assets/, where Hugo does not look it
 * up (`inAssets`, see resolveImage): a Markdown image where Hugo's image render hook reads those
 * (a raw <img> is never read by it), else Hugo's figure. None for the cover field.
 */
export function assetsAdvice(ref: Pick<RecapImageRef, 'url' | 'alt' | 'source' | 'field'>, reading: MarkdownReading, inAssets: string | undefined): { file: string; write: string; hook: boolean } | undefined {
  if (inAssets === undefined || ref.field !== undefined) return undefined;
  const hook = reading.imageHook === true;
  const write = hook && ref.source !== 'markdown' ? photoMarkdown(ref.alt, ref.url) : photoInsertText(ref.alt, ref.url, 'figure', reading);
  return { file: inAssets, write, hook };
}

/**
 * A Hugo post that is a plain file of its site (content/…/<name>.md, not a bundle's index.md):
 * Hugo publishes no file beside it, so a photo its text links beside it shows here and is
 * missing on the site. Its folder, or null for any other recap.
 */
function plainHugoPostDir(recapPath: string, profile: SiteProfile): string | null {
  if (profile.generator !== 'hugo' || profile.images.beside || /^_?index\.[^.]+$/i.test(path.basename(recapPath)) || siteRootFor(recapPath, profile) === null) return null;
  return path.dirname(path.resolve(recapPath));
}

export function imageProblems(text: string, recapPath: string, profile: SiteProfile): Problem[] {
  const problems: Problem[] = [];
  const roots = new RootsCache();
  const reading = readingOfPost(profile, text);
  const plainDir = plainHugoPostDir(recapPath, profile);
  for (const ref of findRecapImages(text, profile.photos.coverField, reading)) {
    const at = ref.field !== undefined ? { line: ref.line, field: ref.field } : { line: ref.line, column: ref.column };
    const hit = resolveImage(ref.url, recapPath, [profile], roots, ref.figure === true);
    if (hit.kind === 'found' && plainDir !== null && ref.field === undefined && !ref.url.startsWith('/') && isInside(plainDir, hit.file)) {
      problems.push(problemOf('image-unpublished', 'warning', msg('lint.image.besidePlainPost', { url: ref.url, post: path.basename(recapPath) }), at));
    } else if (hit.kind === 'refused') {
      problems.push(problemOf('image-refused', 'error', refusedImageMsg(ref.url, ref.line, hit.reason, ref.field), at));
    } else if (hit.kind === 'missing' && hit.lookedFor !== null) {
      problems.push(problemOf('image-missing', 'error', missingImageMsg(ref.url, hit.lookedFor, assetsAdvice(ref, reading, hit.inAssets)), at));
    }
  }
  return problems;
}
