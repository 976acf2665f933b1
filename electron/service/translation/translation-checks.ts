// The checks across languages, for a translation (one truth: lintRecap, `recap lint` and
// export's preflight all run them through recap-checks.ts):
//   - a language folder the site does not declare (the site would not build the post);
//   - images that differ from the source's (a translation shares its source's images);
//   - a required field the source has and the translation leaves empty.

import { readFileSync, realpathSync } from 'node:fs';
import type { Problem, SiteProfile } from '../../core/contract';
import { readFrontMatter } from '../../core/frontmatter/frontmatter';
import { msg, type Msg } from '../../core/i18n/messages';
import { readingOfPost } from '../../core/markdown/post-reading';
import { problemOf } from '../../core/recap/lint-problem';
import { languageFolder } from '../../core/translation/layout';
import { isInside } from '../files/containment';
import { findRecapImages } from '../recap/markdown-images';
import { locate, sourcePath, type Located } from './translation';

function sourceText(loc: Located): string | null {
  try {
    const file = sourcePath(loc);
    if (!isInside(loc.root, realpathSync(file)) || realpathSync(file) === loc.file) return null;
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** The images a post shows, read as its site reads it (a Liquid link on Hugo is none). */
function imageUrls(text: string, profile: SiteProfile): string[] {
  return [...new Set(findRecapImages(text, profile.photos.coverField, readingOfPost(profile, text)).map((r) => r.url))];
}

function imagesProblem(text: string, source: string, loc: Located, profile: SiteProfile): Problem | null {
  const mine = imageUrls(text, profile);
  const theirs = imageUrls(source, profile);
  const missing = theirs.filter((u) => !mine.includes(u));
  const extra = mine.filter((u) => !theirs.includes(u));
  if (missing.length === 0 && extra.length === 0) return null;
  const list = (urls: string[]): string => urls.slice(0, 3).join(', ') + (urls.length > 3 ? ', …' : '');
  const parts: Msg[] = [];
  if (missing.length > 0) parts.push(msg('translation.lintImagesMissing', { urls: list(missing) }));
  if (extra.length > 0) parts.push(msg('translation.lintImagesExtra', { urls: list(extra) }));
  const [a, b] = parts;
  const details = a && b ? msg('translation.lintImagesBoth', { a, b }) : (a ?? b ?? '');
  return problemOf('translation-images', 'warning', msg('translation.lintImagesDiffer', { source: loc.place.source, details }));
}

function fieldProblems(text: string, source: string, profile: SiteProfile): Problem[] {
  const mine = readFrontMatter(text).fields;
  const theirs = readFrontMatter(source).fields;
  const empty = (v: unknown): boolean => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
  return profile.fields
    .filter((spec) => spec.required && !empty(theirs.find((f) => f.key === spec.key)?.value))
    .filter((spec) => empty(mine.find((f) => f.key === spec.key)?.value))
    .map((spec): Problem => {
      const line = mine.find((f) => f.key === spec.key)?.line;
      return problemOf('translation-field', 'warning', msg('translation.lintFieldMissing', { field: spec.key }), { field: spec.key, ...(line !== undefined ? { line } : {}) });
    });
}

/** The cross-language problems of the recap at `recapPath` with `text`; [] for a source or outside a site. */
export function translationChecks(text: string, recapPath: string, profile: SiteProfile): Problem[] {
  let loc: Located;
  try {
    loc = locate(recapPath, true);
  } catch {
    return [];
  }
  const { site, place } = loc;
  if (place.lang === site.defaultLang) return [];
  const problems: Problem[] = [];
  const folder = languageFolder(place);
  if (folder !== null && site.declared !== null && !site.declared.includes(place.lang)) {
    problems.push(problemOf('translation-language', 'warning', msg('translation.lintUndeclared', { folder, lang: place.lang, languages: site.declared.join(', ') })));
  }
  const source = sourceText(loc);
  if (source === null) return problems;
  const images = imagesProblem(text, source, loc, profile);
  if (images) problems.push(images);
  problems.push(...fieldProblems(text, source, profile));
  return problems;
}
