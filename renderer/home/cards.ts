// The home screen's cards: one per draft, except that the drafts of one language group (a post
// and its translations, DraftSummary.languageGroup) make one card: the source's draft when it
// has one, else the group's first (newest) draft. A card stands where its group's newest draft is.

import type { DraftLanguageGroup, DraftSummary } from '../../electron/core/contract';

export interface HomeCard {
  draft: DraftSummary;
  group: DraftLanguageGroup | null;
}

export function homeCards(drafts: readonly DraftSummary[]): HomeCard[] {
  const listed = new Set(drafts.map((d) => d.id));
  const seen = new Set<string>();
  const cards: HomeCard[] = [];
  for (const d of drafts) {
    const group = d.languageGroup;
    if (!group) {
      cards.push({ draft: d, group: null });
      continue;
    }
    if (seen.has(group.source)) continue;
    seen.add(group.source);
    const sourceId = group.languages.find((l) => l.isSource)?.draftId ?? null;
    const lead = sourceId !== null && listed.has(sourceId) ? drafts.find((x) => x.id === sourceId) : undefined;
    const draft = lead ?? d;
    cards.push({ draft, group: draft.languageGroup ?? group });
  }
  return cards;
}
