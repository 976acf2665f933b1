// The home screen's language groups: a draft linked to a post of a multilingual site learns the
// post's languages (which exist, which are out of date, which draft shadows each), through the
// translation service itself (locate, translationsOf), so the layout is read in one place.
// Unlinked drafts cost nothing; a site's languages are read once per list; a translation set
// once per source post; a draft whose site cannot be read simply has no group.

import { realpathSync } from 'node:fs';
import * as path from 'node:path';
import type { DraftLanguageGroup, DraftSummary, TranslationSet } from '../../core/contract';
import type { SiteLanguages } from '../translation/languages';
import { locate, sourcePath, translationsOf } from '../translation/translation';

function real(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

interface Member {
  draft: DraftSummary;
  lang: string;
  source: string;
  file: string;
}

/** The linked drafts that sit in a site with more than one language, with their place. */
function membersOf(drafts: DraftSummary[], sites: Map<string, SiteLanguages>): Member[] {
  const out: Member[] = [];
  for (const draft of drafts) {
    if (!draft.linkedPath) continue;
    try {
      const loc = locate(draft.linkedPath, false, sites);
      if (loc.site.languages.length < 2) continue;
      out.push({ draft, lang: loc.place.lang, source: sourcePath(loc), file: loc.file });
    } catch {
      // Not in a site, or a layout without translations: no group.
    }
  }
  return out;
}

/** The draft that shadows each real path (the newest when two do). */
function shadows(members: Member[]): Map<string, DraftSummary> {
  const byFile = new Map<string, DraftSummary>();
  for (const m of members) {
    const known = byFile.get(m.file);
    if (!known || known.updated < m.draft.updated) byFile.set(m.file, m.draft);
  }
  return byFile;
}

function groupOf(set: TranslationSet, lang: string, byFile: Map<string, DraftSummary>): DraftLanguageGroup {
  return {
    source: set.source,
    lang,
    languages: set.entries.map((e) => ({
      lang: e.lang,
      path: e.path,
      exists: e.exists,
      isSource: e.isSource,
      changedBlocks: e.changedBlocks,
      untranslated: e.untranslated.length,
      draftId: e.exists ? (byFile.get(real(e.path))?.id ?? null) : null,
    })),
  };
}

/** The drafts, each linked to a post of a multilingual site given its `languageGroup`. */
export async function withLanguageGroups(home: string, drafts: DraftSummary[]): Promise<DraftSummary[]> {
  if (!drafts.some((d) => d.linkedPath)) return drafts;
  const sites = new Map<string, SiteLanguages>();
  const members = membersOf(drafts, sites);
  if (members.length === 0) return drafts;
  const byFile = shadows(members);
  const sets = new Map<string, Promise<TranslationSet | null>>();
  for (const m of members) {
    if (!sets.has(m.source)) sets.set(m.source, translationsOf(home, m.file, sites).catch(() => null));
  }
  const groups = new Map<string, DraftLanguageGroup>();
  for (const m of members) {
    const set = await sets.get(m.source);
    if (set) groups.set(m.draft.id, groupOf(set, m.lang, byFile));
  }
  return drafts.map((d) => {
    const group = groups.get(d.id);
    return group ? { ...d, languageGroup: group } : d;
  });
}
