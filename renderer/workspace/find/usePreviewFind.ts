// "Search in preview" (Electron): the find bar's query goes to the window's own find
// (webContents.findInPage through the preload), which highlights the matches in the rendered
// preview; its "3 of 12" comes back from 'found-in-page'. Chromium's find also searches form
// fields, and when it lands on one it takes the focus away (electron/electron#22880): so the
// text is inert meanwhile, the search starts on Enter (not on every keystroke), and the query
// field is a password field (which find skips) from the request until its final answer.
// The browser mode has the browser's own Find for the preview: there the toggle is not shown.
import { useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { FoundInPage } from '../../../electron/core/contract';
import { desk } from '../../api/desk';
import { t } from '../../ui/locale';

export interface PreviewFind {
  /** In Electron. */
  available: boolean;
  on: boolean;
  toggle(): void;
  /** "3 of 12", "No results in the preview", or '' before a search. */
  count: string;
  none: boolean;
  /** The query field is a password field for now (find skips those). */
  masked: boolean;
  /** Enter, F3 and the arrows: a new search for a new query, else the next or previous match. */
  go(direction: 'next' | 'previous'): void;
}

/** The editor's text (the textarea and its highlighted copy). */
const EDITOR_TEXT = '.w-md-editor-text';

/** Kept while the app runs: the bar opens again in the scope it was closed in. */
let rememberedOn = false;

function countOf(result: FoundInPage | null): string {
  if (!result) return '';
  if (result.matches === 0) return t('find.previewNoMatches');
  return t('find.previewMatchCount', { current: result.activeMatchOrdinal, total: result.matches });
}

export function usePreviewFind(query: string, matchCase: boolean): PreviewFind {
  const electron = desk();
  const [on, setOn] = useState(electron !== null && rememberedOn);
  const [result, setResult] = useState<FoundInPage | null>(null);
  /** The query and case of the search under way; null before the first Enter. */
  const searched = useRef<string | null>(null);
  const [masked, setMasked] = useState(false);
  // Answers to an older search (an earlier query) are dropped.
  const searchFrom = useRef(Number.POSITIVE_INFINITY);

  const reveal = useCallback(() => setMasked(false), []);

  useEffect(() => {
    if (!electron) return;
    return electron.onFoundInPage((r) => {
      if (r.requestId < searchFrom.current) return;
      setResult(r);
      if (r.finalUpdate) reveal();
    });
  }, [electron, reveal]);

  useEffect(() => {
    if (!electron || !on) return;
    const text = document.querySelector(EDITOR_TEXT);
    text?.setAttribute('inert', '');
    return () => {
      text?.removeAttribute('inert');
      reveal();
      electron.stopFindInPage();
    };
  }, [electron, on, reveal]);

  // A new query (or case) ends the search shown: the next Enter starts another.
  useEffect(() => {
    if (searched.current === null) return;
    searched.current = null;
    searchFrom.current = Number.POSITIVE_INFINITY;
    setResult(null);
    reveal();
    electron?.stopFindInPage();
  }, [electron, query, matchCase, reveal]);

  const go = useCallback(
    (direction: 'next' | 'previous') => {
      if (!electron || !on || query === '') return;
      const key = `${matchCase ? 'Aa' : 'aa'}:${query}`;
      const fresh = searched.current !== key;
      searched.current = key;
      // On the page before the window searches it.
      flushSync(() => setMasked(true));
      void electron.findInPage(query, { findNext: fresh, forward: direction === 'next', matchCase }).then((id) => {
        if (id === null) reveal();
        else if (fresh) searchFrom.current = id;
      });
    },
    [electron, on, query, matchCase, reveal],
  );
  const toggle = useCallback(() => {
    rememberedOn = !on;
    setOn(!on);
  }, [on]);

  return { available: electron !== null, on, toggle, count: on ? countOf(result) : '', none: result !== null && result.matches === 0, masked, go };
}
