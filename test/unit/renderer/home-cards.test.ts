// The home screen's cards: the drafts of one language group make one card (the source's draft
// when it is listed, else the group's first), standing where the group's newest draft stands;
// drafts without a group keep a card each, in the list's order.

import { describe, expect, it } from 'vitest';
import type { DraftLanguageGroup, DraftSummary } from '../../../electron/core/contract';
import { homeCards } from '../../../renderer/home/cards';

function draft(id: string, group?: DraftLanguageGroup): DraftSummary {
  const base: DraftSummary = { id, title: id, eventDate: null, photoCount: 0, created: '', updated: '', coverPath: null, coverThumb: null, recapPath: `/d/${id}/recap.md`, photoRecapPath: `/d/${id}/recap.md`, imageDir: id, linkedPath: null, unsavedToFile: false };
  return group ? { ...base, linkedPath: `/site/${id}.md`, languageGroup: group } : base;
}

function group(source: string, lang: string, ids: { en: string | null; zh: string | null }): DraftLanguageGroup {
  return {
    source,
    lang,
    languages: [
      { lang: 'en', path: source, exists: true, isSource: true, changedBlocks: 0, untranslated: 0, draftId: ids.en },
      { lang: 'zh', path: `${source}.zh`, exists: true, isSource: false, changedBlocks: 2, untranslated: 0, draftId: ids.zh },
    ],
  };
}

describe('homeCards', () => {
  it('folds a group into one card led by the source draft, at the place of its newest draft', () => {
    const ids = { en: 'src-aaaaaa', zh: 'trn-bbbbbb' };
    const list = [draft('one-111111'), draft(ids.zh, group('/site/kcd.md', 'zh', ids)), draft('two-222222'), draft(ids.en, group('/site/kcd.md', 'en', ids))];
    const cards = homeCards(list);
    expect(cards.map((c) => [c.draft.id, c.group?.lang ?? null])).toEqual([
      ['one-111111', null],
      [ids.en, 'en'],
      ['two-222222', null],
    ]);
  });

  it('a group whose source has no draft (or is not listed) is led by its first draft; two groups stay apart', () => {
    const a = { en: null, zh: 'trn-aaaaaa' };
    const b = { en: 'src-bbbbbb', zh: 'trn-bbbbbb' };
    const cards = homeCards([draft(a.zh, group('/site/a.md', 'zh', a)), draft(b.zh, group('/site/b.md', 'zh', b))]);
    expect(cards.map((c) => c.draft.id)).toEqual([a.zh, b.zh]);
    expect(cards.map((c) => c.group?.source)).toEqual(['/site/a.md', '/site/b.md']);
  });
});
