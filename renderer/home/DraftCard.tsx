// One draft on the home screen: its cover, title, event date, photos, when it was edited and the
// file it is linked to, with Duplicate and Delete. A post with translations shows its languages.

import { memo } from 'react';
import type { DraftLanguageGroup, DraftSummary } from '../../electron/core/contract';
import { useT } from '../ui/locale';
import { baseName } from '../ui/paths';
import { edited, eventDate } from './dates';
import { LanguageChips } from './LanguageChips';

export const DraftCard = memo(function DraftCard({
  draft,
  thumb,
  group = null,
  onOpen,
  onOpenFile,
  onDuplicate,
  onDelete,
}: {
  draft: DraftSummary;
  thumb: string | null;
  /** The post's languages when the card stands for a post and its translations. */
  group?: DraftLanguageGroup | null;
  onOpen(id: string): void;
  onOpenFile(path: string): void;
  onDuplicate(id: string): void;
  onDelete(draft: DraftSummary): void;
}) {
  const t = useT();
  const title = draft.title.trim() || t('home.untitled');
  return (
    <li className="draft-card" data-testid="draft-card" data-draft-id={draft.id}>
      <button type="button" className="draft-open" onClick={() => onOpen(draft.id)}>
        <span className="draft-cover" aria-hidden>
          {thumb ? <img src={thumb} alt="" loading="lazy" decoding="async" /> : <span className="draft-cover-empty">{title.slice(0, 1).toUpperCase()}</span>}
        </span>
        <span className="draft-text">
          <span className="draft-title" data-testid="draft-title">
            {title}
          </span>
          <span className="draft-meta">
            {eventDate(draft.eventDate)} · {t('home.photoCount', { count: draft.photoCount })}
          </span>
          <span className="draft-meta">
            {t('home.edited', { when: edited(draft.updated) })}
            {draft.linkedPath && (
              <span className="draft-file" title={draft.linkedPath}>
                {' '}
                · {baseName(draft.linkedPath)}
                {draft.unsavedToFile && <span className="draft-unsaved"> {t('home.unsavedToFile')}</span>}
              </span>
            )}
          </span>
        </span>
      </button>
      {group && <LanguageChips group={group} cardDraftId={draft.id} onOpen={onOpen} onOpenFile={onOpenFile} />}
      <span className="draft-actions">
        <button type="button" className="button button-quiet button-small" data-testid="draft-duplicate" onClick={() => onDuplicate(draft.id)}>
          {t('home.duplicate')}
        </button>
        <button type="button" className="button button-quiet button-small" data-testid="draft-delete" onClick={() => onDelete(draft)}>
          {t('home.delete')}
        </button>
      </span>
    </li>
  );
});
