import { useState } from 'react';
import type { RecapApi } from '../../electron/core/contract';
import { useT } from '../ui/locale';
import './home.css';
import { DraftList } from './DraftList';
import { HomeSide } from './HomeSide';
import { NewRecap } from './NewRecap';
import type { NewTemplate } from './NewRecap';
import { useHomeDrafts } from './useHomeDrafts';
import type { HomeFirst } from './useHomeDrafts';

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
  first?: { current: HomeFirst | null };
}

/** No drafts at all yet, or none that match the search. */
function NoDrafts({ query }: { query: string }) {
  const t = useT();
  return (
    <div className="home-empty" data-testid="home-empty">
      {query ? (
        <p>{t('home.noMatch', { query })}</p>
      ) : (
        <>
          <p className="home-empty-title">{t('home.emptyTitle')}</p>
          <p>{t('home.emptyText')}</p>
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
  const t = useT();

  return (
    <main className="home" data-testid="home" aria-label={t('home.label')}>
      <section className="home-main">
        <div className="home-head">
          <h1 className="home-title">{t('home.title')}</h1>
          <input
            type="search"
            className="home-search"
            data-testid="home-search"
            placeholder={t('home.searchPlaceholder')}
            aria-label={t('home.searchLabel')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <NewRecap api={api} onNew={onNew} />
          <button type="button" className="button" data-testid="home-open" onClick={onOpenFileDialog}>
            {t('home.openFile')}
          </button>
        </div>
        {deleted && (
          <div className="home-undo" role="status" data-testid="home-undo">
            {t('home.movedToTrash', { title: deleted.title || t('home.untitled') })}
            <button type="button" className="button button-small" data-testid="home-undo-button" onClick={() => void undo()}>
              {t('home.undo')}
            </button>
          </div>
        )}
        {data === null ? (
          <p className="home-empty">{t('home.loading')}</p>
        ) : drafts.length === 0 ? (
          <NoDrafts query={query} />
        ) : (
          <DraftList drafts={drafts} thumbs={thumbs} query={query} onOpen={onOpenDraft} onOpenFile={onOpenFile} onDuplicate={(id) => void duplicate(id)} onDelete={(x) => void remove(x)} />
        )}
      </section>
      <HomeSide data={data} onOpenFile={onOpenFile} onRestore={(id) => void restore(id)} />
    </main>
  );
}
