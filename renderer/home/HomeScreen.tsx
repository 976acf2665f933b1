import { useState } from 'react';
import type { HomeData, RecapApi } from '../../electron/core/contract';
import './home.css';
import { DraftList } from './DraftList';
import { HomeSide } from './HomeSide';
import { NewRecap } from './NewRecap';
import type { NewTemplate } from './NewRecap';
import { useHomeDrafts } from './useHomeDrafts';

export type { NewTemplate } from './NewRecap';
export { CARDS_PER_PAGE } from './DraftList';
export { edited } from './dates';

interface HomeScreenProps {
  api: RecapApi;
  onNew(template: NewTemplate | null): void;
  onOpenFileDialog(): void;
  onOpenDraft(id: string): void;
  onOpenFile(path: string): void;
  onError(message: string): void;
  /** The list asked for at start-up, used once instead of asking again. */
  first?: { current: Promise<HomeData> | null };
}

/** No drafts at all yet, or none that match the search. */
function NoDrafts({ query }: { query: string }) {
  return (
    <div className="home-empty" data-testid="home-empty">
      {query ? (
        <p>No draft matches “{query}”.</p>
      ) : (
        <>
          <p className="home-empty-title">No recaps yet</p>
          <p>Start a new recap from the event template, or open a post from your website’s checkout. Everything you write is kept here as a draft and saved as you type.</p>
        </>
      )}
    </div>
  );
}

/** What the app shows when no recap is open: the drafts, a search, recent files and the way in. */
export function HomeScreen({ api, onNew, onOpenFileDialog, onOpenDraft, onOpenFile, onError, first }: HomeScreenProps) {
  const [query, setQuery] = useState('');
  const { data, thumbs, deleted, duplicate, remove, undo, restore } = useHomeDrafts(api, query, onError, first);
  const drafts = data?.drafts ?? [];

  return (
    <main className="home" data-testid="home" aria-label="Recap Studio home">
      <section className="home-main">
        <div className="home-head">
          <h1 className="home-title">Your recaps</h1>
          <input
            type="search"
            className="home-search"
            data-testid="home-search"
            placeholder="Search drafts by title, date or file"
            aria-label="Search drafts"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <NewRecap api={api} onNew={onNew} />
          <button type="button" className="button" data-testid="home-open" onClick={onOpenFileDialog}>
            Open file…
          </button>
        </div>
        {deleted && (
          <div className="home-undo" role="status" data-testid="home-undo">
            Moved “{deleted.title}” to the trash; it stays there for 30 days.
            <button type="button" className="button button-small" data-testid="home-undo-button" onClick={() => void undo()}>
              Undo
            </button>
          </div>
        )}
        {data === null ? (
          <p className="home-empty">Loading your drafts…</p>
        ) : drafts.length === 0 ? (
          <NoDrafts query={query} />
        ) : (
          <DraftList drafts={drafts} thumbs={thumbs} query={query} onOpen={onOpenDraft} onDuplicate={(id) => void duplicate(id)} onDelete={(x) => void remove(x)} />
        )}
      </section>
      <HomeSide data={data} onOpenFile={onOpenFile} onRestore={(id) => void restore(id)} />
    </main>
  );
}
