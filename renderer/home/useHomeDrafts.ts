// The home screen's data: the drafts matching the search (with recent files and the trash),
// cover thumbnails made after the list shows, and the draft actions (duplicate, delete with
// undo, restore from the trash), each reloading the list.

import { useCallback, useEffect, useRef, useState } from 'react';
import type { DraftSummary, HomeData, RecapApi } from '../../electron/core/contract';
import { errorMessage } from '../api';

export interface HomeDrafts {
  data: HomeData | null;
  thumbs: Record<string, string>;
  /** The draft just moved to the trash, offered for undo (its title '' when it has none). */
  deleted: { id: string; title: string } | null;
  duplicate(id: string): Promise<void>;
  remove(draft: DraftSummary): Promise<void>;
  undo(): Promise<void>;
  restore(id: string): Promise<void>;
}

/**
 * The home screen's first list, asked for by the start-up: its answer (`data`) once it came, so
 * that the home screen's first render already shows the cards.
 */
export interface HomeFirst {
  promise: Promise<HomeData>;
  data: HomeData | null;
}

/** The list for the query (120 ms after typing stops); the first one may come from start-up. */
function useHomeData(api: RecapApi, query: string, first: { current: HomeFirst | null } | undefined, onErrorRef: { current: (message: string) => void }) {
  const [data, setData] = useState<HomeData | null>(() => first?.current?.data ?? null);
  const serial = useRef(0);
  const reload = useCallback(
    async (q: string) => {
      const mine = ++serial.current;
      try {
        const early = !q.trim() ? first?.current : null;
        if (first) first.current = null;
        const next = early?.data ?? (await (early?.promise ?? api.homeData(q.trim() ? { query: q.trim() } : {})));
        if (mine === serial.current) setData(next);
      } catch (err) {
        onErrorRef.current(errorMessage(err));
      }
    },
    // onErrorRef is a ref.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, first],
  );

  useEffect(() => {
    const t = window.setTimeout(() => void reload(query), query ? 120 : 0);
    return () => window.clearTimeout(t);
  }, [query, reload]);
  return { data, reload };
}

/** Cover thumbnails that were never made are made one at a time, after the list is shown. */
function useCoverThumbs(api: RecapApi, data: HomeData | null): Record<string, string> {
  const [thumbs, setThumbs] = useState<Record<string, string>>({});
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
  return thumbs;
}

export function useHomeDrafts(api: RecapApi, query: string, onError: (message: string) => void, first?: { current: HomeFirst | null }): HomeDrafts {
  const [deleted, setDeleted] = useState<{ id: string; title: string } | null>(null);
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;
  const { data, reload } = useHomeData(api, query, first, onErrorRef);
  const thumbs = useCoverThumbs(api, data);

  /** Runs a draft action, then shows the list as it now is; a failure is told, not thrown. */
  const act = useCallback(
    async (action: () => Promise<void>) => {
      try {
        await action();
        await reload(query);
      } catch (err) {
        onErrorRef.current(errorMessage(err));
      }
    },
    [reload, query],
  );

  const duplicate = useCallback((id: string) => act(async () => void (await api.duplicateDraft({ id }))), [api, act]);
  const remove = useCallback(
    (draft: DraftSummary) =>
      act(async () => {
        await api.deleteDraft({ id: draft.id });
        setDeleted({ id: draft.id, title: draft.title.trim() });
      }),
    [api, act],
  );
  const undo = useCallback(async () => {
    if (!deleted) return;
    await act(async () => {
      await api.restoreDraft({ id: deleted.id });
      setDeleted(null);
    });
  }, [api, deleted, act]);
  const restore = useCallback(
    (id: string) =>
      act(async () => {
        await api.restoreDraft({ id });
        setDeleted((d) => (d?.id === id ? null : d));
      }),
    [api, act],
  );

  return { data, thumbs, deleted, duplicate, remove, undo, restore };
}
