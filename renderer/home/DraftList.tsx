// The drafts as cards, a page at a time: the next page comes in as the end of the list nears,
// and the first page draws the cards the window shows before the rest.
// The drafts of a post and its translations make one card (cards.ts).

import { useEffect, useMemo, useRef, useState } from 'react';
import type { DraftSummary } from '../../electron/core/contract';
import { useT } from '../ui/locale';
import { useAfterPaint } from '../ui/useAfterPaint';
import { homeCards } from './cards';
import { DraftCard } from './DraftCard';

/**
 * Cards rendered at first paint: a screenful and more on the widest window. The rest follow in
 * pages as the list is scrolled towards its end, so the home screen costs the same with 20 drafts
 * or 2,000 (the search box reaches any draft at once).
 */
export const CARDS_PER_PAGE = 48;

/**
 * At least as many cards as the window shows before it is scrolled (a card is at least 240 px
 * wide and 240 px tall, 16 px from the next). The first render draws only these; the rest of the
 * page follows once that frame is painted, as a transition a keystroke can interrupt.
 */
function screenful(): number {
  const columns = Math.max(1, Math.floor((window.innerWidth + 16) / 256));
  const rows = Math.max(1, Math.ceil(window.innerHeight / 240));
  return columns * rows;
}

interface DraftListProps {
  drafts: DraftSummary[];
  thumbs: Record<string, string>;
  /** The search: a new one starts again from the first page. */
  query: string;
  onOpen(id: string): void;
  onOpenFile(path: string): void;
  onDuplicate(id: string): void;
  onDelete(draft: DraftSummary): void;
}

export function DraftList({ drafts, thumbs, query, onOpen, onOpenFile, onDuplicate, onDelete }: DraftListProps) {
  const [shown, setShown] = useState(CARDS_PER_PAGE);
  const more = useRef<HTMLLIElement | null>(null);
  useEffect(() => setShown(CARDS_PER_PAGE), [query]);
  const cards = useMemo(() => homeCards(drafts), [drafts]);
  // What is drawn: a screenful at first, `shown` from the frame after.
  const drawn = useAfterPaint(shown, false, Math.min(shown, screenful()));
  const rest = cards.length - shown;
  // The way to the next page shows once the whole page is drawn (never "48 more" under a
  // half-drawn one).
  const paged = rest > 0 && drawn >= shown;
  const t = useT();

  // The next page of cards comes in when the end of the list is a screen away (or is focused).
  useEffect(() => {
    const sentinel = more.current;
    if (!sentinel || !paged) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setShown((n) => n + CARDS_PER_PAGE);
    }, { rootMargin: '0px 0px 100% 0px' });
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [paged, rest]);

  return (
    <ul className="draft-grid" aria-label={t('home.draftsLabel')}>
      {cards.slice(0, drawn).map(({ draft: d, group }) => (
        <DraftCard key={d.id} draft={d} thumb={d.coverThumb ?? thumbs[d.id] ?? null} group={group} onOpen={onOpen} onOpenFile={onOpenFile} onDuplicate={onDuplicate} onDelete={onDelete} />
      ))}
      {paged && (
        <li className="draft-more" ref={more} data-testid="draft-more">
          <button type="button" className="button button-quiet" onClick={() => setShown((n) => n + CARDS_PER_PAGE)}>
            {t('home.showMore', { shown: Math.min(rest, CARDS_PER_PAGE), count: rest })}
          </button>
        </li>
      )}
    </ul>
  );
}
