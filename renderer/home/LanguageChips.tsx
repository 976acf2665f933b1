// A grouped card's languages: one chip per language of the post's site. A language with a draft
// opens that draft, one with a file but no draft opens the file, one not translated yet is shown
// muted (Languages in the editor adds it). An out-of-date translation wears a badge with words,
// and each chip says its state to screen readers ("中文/ZH out of date: source changed in 2 paragraphs").

import { useMemo } from 'react';
import type { DraftLanguage, DraftLanguageGroup } from '../../electron/core/contract';
import { useT, type Translate } from '../ui/locale';

/** The language's own name for itself ("中文", "English"), else its code. */
function nameOf(lang: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'language' }).of(lang) ?? lang;
  } catch {
    return lang;
  }
}

export function outOfDate(l: DraftLanguage): boolean {
  return l.exists && !l.isSource && (l.changedBlocks > 0 || l.untranslated > 0);
}

/** What the chip says to a screen reader after the language's name. */
function stateOf(t: Translate, l: DraftLanguage): string {
  if (l.isSource) return t('translation.stateSource');
  if (!l.exists) return t('translation.stateMissing');
  const parts: string[] = [];
  if (l.changedBlocks > 0) parts.push(t('translation.stateOutdated', { count: l.changedBlocks }));
  if (l.untranslated > 0) parts.push(t('translation.stateFields', { count: l.untranslated }));
  if (parts.length === 0) return t('translation.stateUpToDate');
  return parts.length === 2 ? t('home.langStates', { a: parts[0] ?? '', b: parts[1] ?? '' }) : (parts[0] ?? '');
}

/** The chip's words: its visible name and badge, then its state for screen readers ("中文/ZH out of date: source changed in 2 paragraphs"). */
function ChipFace({ lang, name, stale, state }: { lang: string; name: string; stale: boolean; state: string }) {
  const t = useT();
  const code = lang.toUpperCase();
  const own = name.toUpperCase() !== code;
  return (
    <>
      <span lang={lang}>{own ? name : code}</span>
      {own && <span className="lang-code">/{code}</span>}
      {stale && <span className="lang-badge">{` ${t('home.langOutOfDate')}`}</span>}
      <span className="visually-hidden">{t('home.langStateAfter', { state })}</span>
    </>
  );
}

interface Props {
  group: DraftLanguageGroup;
  /** The card's draft (its chip is marked as the one the card opens). */
  cardDraftId: string;
  onOpen(id: string): void;
  onOpenFile(path: string): void;
}

export function LanguageChips({ group, cardDraftId, onOpen, onOpenFile }: Props) {
  const t = useT();
  const names = useMemo(() => new Map(group.languages.map((l) => [l.lang, nameOf(l.lang)])), [group]);
  return (
    <ul className="draft-langs" aria-label={t('home.languagesLabel')} data-testid="draft-langs">
      {group.languages.map((l) => {
        const name = names.get(l.lang) ?? l.lang;
        const stale = outOfDate(l);
        const cls = `lang-chip${stale ? ' is-outdated' : ''}${l.draftId === cardDraftId ? ' is-card' : ''}`;
        const face = <ChipFace lang={l.lang} name={name} stale={stale} state={stateOf(t, l)} />;
        return (
          <li key={l.lang}>
            {!l.exists ? (
              <span className="lang-chip is-missing" data-testid={`lang-chip-${l.lang}`} title={t('home.langNoFile', { name })}>
                {face}
              </span>
            ) : l.draftId !== null ? (
              <button type="button" className={cls} data-testid={`lang-chip-${l.lang}`} title={t('home.langOpenDraft', { name })} onClick={() => onOpen(l.draftId ?? cardDraftId)}>
                {face}
              </button>
            ) : (
              <button type="button" className={cls} data-testid={`lang-chip-${l.lang}`} title={t('home.langOpenFile', { path: l.path })} onClick={() => onOpenFile(l.path)}>
                {face}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
