import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DraftSummary, HomeData, RecapApi } from '../../electron/core/contract';
import { errorMessage } from '../api';
import './home.css';
import { baseName } from '../ui/paths';
import { clockTime } from '../ui/format';

/** A Hugo archetype of a remembered site, to start a new recap from. */
export interface NewTemplate {
  site: string;
  archetype: string;
}

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

/**
 * Cards rendered at first paint: a screenful and more on the widest window. The rest follow in
 * pages as the list is scrolled towards its end, so the home screen costs the same with 20 drafts
 * or 2,000 (the search box reaches any draft at once).
 */
export const CARDS_PER_PAGE = 48;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function eventDate(value: string | null): string {
  if (!value) return 'No event date';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return value;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/** "just now", "5 min ago", "yesterday 14:05", "3 Nov" — how long ago the draft was edited. */
export function edited(iso: string, now: number = Date.now()): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const s = Math.max(0, Math.round((now - t) / 1000));
  if (s < 45) return 'just now';
  if (s < 3600) return `${Math.max(1, Math.round(s / 60))} min ago`;
  const d = new Date(t);
  const hm = clockTime(d);
  const today = new Date(now);
  const startOfToday = new Date(today.getFullYear(), today.getMonth(), today.getDate()).getTime();
  if (t >= startOfToday) return `today ${hm}`;
  if (t >= startOfToday - 86_400_000) return `yesterday ${hm}`;
  return `${d.getDate()} ${MONTHS[d.getMonth()]}${d.getFullYear() === today.getFullYear() ? '' : ` ${d.getFullYear()}`}`;
}


const DraftCard = memo(function DraftCard({
  draft,
  thumb,
  onOpen,
  onDuplicate,
  onDelete,
}: {
  draft: DraftSummary;
  thumb: string | null;
  onOpen(id: string): void;
  onDuplicate(id: string): void;
  onDelete(draft: DraftSummary): void;
}) {
  const title = draft.title.trim() || 'Untitled recap';
  return (
    <li className="draft-card" data-testid="draft-card" data-draft-id={draft.id}>
      <button type="button" className="draft-open" onClick={() => onOpen(draft.id)} aria-label={`Open ${title}`}>
        <span className="draft-cover" aria-hidden>
          {thumb ? <img src={thumb} alt="" loading="lazy" decoding="async" /> : <span className="draft-cover-empty">{title.slice(0, 1).toUpperCase()}</span>}
        </span>
        <span className="draft-text">
          <span className="draft-title" data-testid="draft-title">
            {title}
          </span>
          <span className="draft-meta">
            {eventDate(draft.eventDate)} · {draft.photoCount} {draft.photoCount === 1 ? 'photo' : 'photos'}
          </span>
          <span className="draft-meta">
            Edited {edited(draft.updated)}
            {draft.linkedPath && (
              <span className="draft-file" title={draft.linkedPath}>
                {' '}
                · {baseName(draft.linkedPath)}
                {draft.unsavedToFile && <span className="draft-unsaved"> (changes not saved to the file)</span>}
              </span>
            )}
          </span>
        </span>
      </button>
      <span className="draft-actions">
        <button type="button" className="button button-quiet button-small" data-testid="draft-duplicate" onClick={() => onDuplicate(draft.id)}>
          Duplicate
        </button>
        <button type="button" className="button button-quiet button-small" data-testid="draft-delete" onClick={() => onDelete(draft)}>
          Delete
        </button>
      </span>
    </li>
  );
});

/** What the app shows when no recap is open: the drafts, a search, recent files and the way in. */
export function HomeScreen({ api, onNew, onOpenFileDialog, onOpenDraft, onOpenFile, onError, first }: HomeScreenProps) {
  const [query, setQuery] = useState('');
  const [data, setData] = useState<HomeData | null>(null);
  const [thumbs, setThumbs] = useState<Record<string, string>>({});
  const [deleted, setDeleted] = useState<{ id: string; title: string } | null>(null);
  const [templates, setTemplates] = useState<NewTemplate[]>([]);
  const [template, setTemplate] = useState('');
  const [shown, setShown] = useState(CARDS_PER_PAGE);
  const more = useRef<HTMLLIElement | null>(null);
  const serial = useRef(0);

  // The archetypes of the sites the author exported to: templates for a new recap in that site.
  useEffect(() => {
    let stop = false;
    api.listSites().then(
      (list) => {
        if (!stop) setTemplates(list.filter((s) => s.available).flatMap((s) => s.archetypes.map((archetype) => ({ site: s.root, archetype }))));
      },
      () => undefined,
    );
    return () => {
      stop = true;
    };
  }, [api]);
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;

  const reload = useCallback(
    async (q: string) => {
      const mine = ++serial.current;
      try {
        const early = !q.trim() ? first?.current : null;
        if (first) first.current = null;
        const next = await (early ?? api.homeData(q.trim() ? { query: q.trim() } : {}));
        if (mine === serial.current) setData(next);
      } catch (err) {
        onErrorRef.current(errorMessage(err));
      }
    },
    [api, first],
  );

  useEffect(() => {
    setShown(CARDS_PER_PAGE);
    const t = window.setTimeout(() => void reload(query), query ? 120 : 0);
    return () => window.clearTimeout(t);
  }, [query, reload]);

  // Cover thumbnails that were never made are made one at a time, after the list is shown.
  useEffect(() => {
    if (!data) return;
    let stop = false;
    const missing = data.drafts.filter((d) => !d.coverThumb && d.coverPath && !(d.id in thumbs));
    void (async () => {
      for (const d of missing) {
        if (stop) return;
        try {
          const url = await api.coverThumbnail({ id: d.id });
          if (url && !stop) setThumbs((t) => ({ ...t, [d.id]: url }));
        } catch {
          // A cover that cannot be read shows the initial instead.
        }
      }
    })();
    return () => {
      stop = true;
    };
    // thumbs is read to skip known ones; it must not restart the loop.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, data]);

  const duplicate = useCallback(
    async (id: string) => {
      try {
        await api.duplicateDraft({ id });
        await reload(query);
      } catch (err) {
        onErrorRef.current(errorMessage(err));
      }
    },
    [api, reload, query],
  );

  const remove = useCallback(
    async (draft: DraftSummary) => {
      try {
        await api.deleteDraft({ id: draft.id });
        setDeleted({ id: draft.id, title: draft.title.trim() || 'Untitled recap' });
        await reload(query);
      } catch (err) {
        onErrorRef.current(errorMessage(err));
      }
    },
    [api, reload, query],
  );

  const undo = useCallback(async () => {
    if (!deleted) return;
    try {
      await api.restoreDraft({ id: deleted.id });
      setDeleted(null);
      await reload(query);
    } catch (err) {
      onErrorRef.current(errorMessage(err));
    }
  }, [api, deleted, reload, query]);

  const restore = useCallback(
    async (id: string) => {
      try {
        await api.restoreDraft({ id });
        setDeleted((d) => (d?.id === id ? null : d));
        await reload(query);
      } catch (err) {
        onErrorRef.current(errorMessage(err));
      }
    },
    [api, reload, query],
  );

  const recent = useMemo(() => (data?.recent ?? []).filter((f) => f.exists).slice(0, 8), [data]);
  const drafts = data?.drafts ?? [];
  const rest = drafts.length - shown;

  // The next page of cards comes in when the end of the list is a screen away (or is focused).
  useEffect(() => {
    const sentinel = more.current;
    if (!sentinel || rest <= 0) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setShown((n) => n + CARDS_PER_PAGE);
    }, { rootMargin: '0px 0px 100% 0px' });
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [rest]);

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
          {templates.length > 0 && (
            <select className="home-template" data-testid="home-template" aria-label="Template for a new recap" value={template} onChange={(e) => setTemplate(e.target.value)}>
              <option value="">Event recap template</option>
              {templates.map((t, i) => (
                <option key={`${t.site}:${t.archetype}`} value={String(i)}>
                  {baseName(t.site)} — archetypes/{t.archetype}.md
                </option>
              ))}
            </select>
          )}
          <button type="button" className="button button-primary" data-testid="home-new" onClick={() => onNew(template === '' ? null : (templates[Number(template)] ?? null))}>
            New recap
          </button>
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
        ) : (
          <ul className="draft-grid" aria-label="Drafts">
            {drafts.slice(0, shown).map((d) => (
              <DraftCard key={d.id} draft={d} thumb={d.coverThumb ?? thumbs[d.id] ?? null} onOpen={onOpenDraft} onDuplicate={(id) => void duplicate(id)} onDelete={(x) => void remove(x)} />
            ))}
            {rest > 0 && (
              <li className="draft-more" ref={more} data-testid="draft-more">
                <button type="button" className="button button-quiet" onClick={() => setShown((n) => n + CARDS_PER_PAGE)}>
                  Show {Math.min(rest, CARDS_PER_PAGE)} more of {rest} {rest === 1 ? 'draft' : 'drafts'}
                </button>
              </li>
            )}
          </ul>
        )}
      </section>
      <aside className="home-side" aria-label="Recent files">
        <h2 className="home-side-title">Recent files</h2>
        {recent.length === 0 ? (
          <p className="home-side-empty">Files you open show here.</p>
        ) : (
          <ul className="recent-list">
            {recent.map((f) => (
              <li key={f.path}>
                <button type="button" className="recent-file" data-testid="recent-file" title={f.path} onClick={() => onOpenFile(f.path)}>
                  <span className="recent-name">{baseName(f.path)}</span>
                  <span className="recent-path">{f.path}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {data && data.trash.length > 0 && (
          <>
            <h2 className="home-side-title">Trash</h2>
            <ul className="recent-list" data-testid="home-trash">
              {data.trash.map((t) => (
                <li key={t.id} className="trash-item">
                  <span className="recent-name">{t.title.trim() || 'Untitled recap'}</span>
                  <span className="recent-path">Deleted {edited(t.deletedAt)} · kept until {eventDate(t.expiresAt.slice(0, 10))}</span>
                  <button type="button" className="button button-quiet button-small" data-testid="trash-restore" onClick={() => void restore(t.id)}>
                    Restore
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </aside>
    </main>
  );
}
