// "Search in preview" (Electron): the find bar's query goes to the window's own find
// (webContents.findInPage through the preload), which highlights the matches in the rendered
// preview; its "3 of 12" comes back from 'found-in-page'. The text is inert meanwhile, so that
// Chromium finds the rendered words and not the Markdown a second time. The browser mode has
// the browser's own Ctrl+F for the preview: there the toggle is not shown.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FoundInPage } from '../../../electron/core/contract';
import { desk } from '../../api/desk';
import { t } from '../../ui/locale';

export interface PreviewFind {
  /** In Electron. */
  available: boolean;
  on: boolean;
  toggle(): void;
  /** "3 of 12", "No results in the preview", or '' before an answer. */
  count: string;
  none: boolean;
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
  // Answers to an older search (an earlier query) are dropped.
  const searchFrom = useRef(Number.POSITIVE_INFINITY);

  useEffect(() => {
    if (!electron) return;
    return electron.onFoundInPage((r) => {
      if (r.requestId >= searchFrom.current) setResult(r);
    });
  }, [electron]);

  useEffect(() => {
    if (!electron || !on) return;
    const text = document.querySelector(EDITOR_TEXT);
    text?.setAttribute('inert', '');
    return () => {
      text?.removeAttribute('inert');
      electron.stopFindInPage();
    };
  }, [electron, on]);

  useEffect(() => {
    setResult(null);
    searchFrom.current = Number.POSITIVE_INFINITY;
    if (!electron || !on || query === '') return;
    let live = true;
    void electron.findInPage(query, { findNext: true, forward: true, matchCase }).then((id) => {
      if (live && id !== null) searchFrom.current = id;
    });
    return () => {
      live = false;
      electron.stopFindInPage();
    };
  }, [electron, on, query, matchCase]);

  const go = useCallback(
    (direction: 'next' | 'previous') => {
      if (electron && on && query !== '') void electron.findInPage(query, { findNext: false, forward: direction === 'next', matchCase });
    },
    [electron, on, query, matchCase],
  );
  const toggle = useCallback(() => {
    rememberedOn = !on;
    setOn(!on);
  }, [on]);

  return { available: electron !== null, on, toggle, count: on && query !== '' ? countOf(result) : '', none: !result || result.matches === 0, go };
}
