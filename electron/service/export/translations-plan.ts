// A recap exported with its translations: one plan over the set (each language's post, the
// images they share once) and one preflight (each translation's findings named by its
// language), committed together. The text the editor holds stands for its own file.

import * as path from 'node:path';
import type { ExportRequest, Problem } from '../../core/contract';
import { msg } from '../../core/i18n/messages';
import { problemOf } from '../../core/recap/lint-problem';
import { translationRel } from '../../core/translation/layout';
import { existingLanguages, locate } from '../translation/translation';
import { makePlan } from './plan';
import type { ExportOptions, Plan, PlannedFile } from './types';

function byPath(files: PlannedFile[]): PlannedFile[] {
  const seen = new Map<string, PlannedFile>();
  for (const f of files) if (!seen.has(f.path)) seen.set(f.path, f);
  return [...seen.values()];
}

/** A translation's finding, named by its language. */
function inLanguage(lang: string, p: Problem): Problem {
  const inner = p.msg ?? p.message;
  return { ...p, ...problemOf(p.code, p.severity, msg('translation.problemInLanguage', { lang, problem: inner })) };
}

/**
 * Where a translation's post goes in the target when the target's layout does not name the
 * language ({lang} in its post path): where the source's site puts it, from the source's post
 * in the target (Docusaurus i18n/<lang>/docusaurus-plugin-content-blog/…, Hugo name.<lang>.md).
 */
function translatedPost(source: Plan, recapPath: string, lang: string): string | null {
  if (source.post === null || source.profile.post.includes('{lang}')) return null;
  try {
    const { place, site } = locate(recapPath);
    if (place.layout === 'folder' && place.contentDirs === undefined) return null;
    return translationRel({ ...place, source: source.post }, lang, site.defaultLang);
  } catch {
    return null;
  }
}

/** The plans of each language and the one plan that writes them all. */
export async function makeSetPlan(req: ExportRequest, options: ExportOptions): Promise<{ plan: Plan; members: Plan[] }> {
  const own = path.resolve(req.recapPath);
  const { withTranslations: _set, ...single } = req;
  const langs = existingLanguages(own);
  const members: Plan[] = [];
  for (const m of langs) {
    const { text: _text, ...rest } = single;
    const at = members[0] ? translatedPost(members[0], own, m.lang) : null;
    members.push(await makePlan({ ...(path.resolve(m.path) === own ? single : rest), recapPath: m.path, lang: m.lang }, options, at));
  }
  const [first] = members;
  if (!first) return { plan: await makePlan(single, options), members: [] };
  const problems: Problem[] = [...first.problems];
  members.slice(1).forEach((p, i) => {
    const lang = langs[i + 1]?.lang ?? '';
    for (const pr of p.problems) problems.push(inLanguage(lang, pr));
  });
  const posts = members.map((p) => p.post).filter((p): p is string => p !== null);
  if (new Set(posts).size !== posts.length) {
    problems.push(problemOf('translation-export', 'error', msg('translation.exportSamePath', { post: posts[0] ?? '' })));
  }
  const entries = byPath(members.flatMap((p) => p.entries));
  const written = new Set(entries.map((e) => e.path));
  const removals = byPath(members.flatMap((p) => p.removals)).filter((r) => !written.has(r.path));
  entries.sort((a, b) => (a.kind === b.kind ? a.path.localeCompare(b.path) : a.kind === 'post' ? -1 : 1));
  return { plan: { ...first, entries, removals, problems }, members };
}
