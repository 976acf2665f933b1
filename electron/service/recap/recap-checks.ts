// The checks of a recap's own text, in one place for every door: the Problems panel and
// `recap lint` (service.lintRecap) and export's preflight all call recapTextChecks, so the
// panel never says "ready" where export would refuse, nor the other way round.

import type { Problem, SiteProfile } from '../../core/contract';
import { lintText } from '../../core/recap/lint';
import { findRecapImages } from './markdown-images';
import { altTextProblems } from '../../core/recap/recap-content';
import { translationChecks } from '../translation/translation-checks';

/** lintText plus the checks that need the Markdown parser (alt text of the images it finds). */
export function recapTextChecks(text: string, profile: SiteProfile): Problem[] {
  const images = findRecapImages(text, profile.photos.coverField).filter((r) => r.field === undefined);
  return [...lintText(text, profile), ...altTextProblems(images)];
}

/**
 * The checks that need to know where the recap is: across languages, for a translation (its
 * images and required fields against its source's, its language folder against the site's).
 */
export function recapPlaceChecks(text: string, recapPath: string, profile: SiteProfile): Problem[] {
  return translationChecks(text, recapPath, profile);
}

/** Problems in file order; findings on one line keep front matter first, then columns. */
export function byPosition(a: Problem, b: Problem): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}
