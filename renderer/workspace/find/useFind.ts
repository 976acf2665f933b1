// The find bar's state: the query and its options, the matches in the editor's text, the
// current one (selected in the textarea and scrolled into view), and replacing through the
// document's own edits, so autosave, undo and the preview follow as they do for typing.
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { findMatches, matchIndexFrom, replaceAll, replaceMatch } from '../../../electron/core/markdown/find';
import type { FindMatch, FindOptions } from '../../../electron/core/markdown/find';
import type { Msg } from '../../../electron/core/i18n/messages';
import { rangeBoxes, scrollToTop } from '../editing/caret';

export const EDITOR_TEXTAREA = '.editor-pane .w-md-editor-text-input';

/** An edit of the editor's body, applied as one undo step. */
export type BodyEdit = (change: (body: string) => string) => boolean;

export interface FindSettings {
  query: string;
  replacement: string;
  options: FindOptions;
}

export const NO_FIND: FindSettings = { query: '', replacement: '', options: { matchCase: false, wholeWord: false, regex: false } };

export function editorTextarea(): HTMLTextAreaElement | null {
  return document.querySelector<HTMLTextAreaElement>(EDITOR_TEXTAREA);
}

/** Selects `m` in the textarea (without taking the focus) and scrolls it into view. */
export function revealMatch(m: FindMatch): void {
  const textarea = editorTextarea();
  if (!textarea || m.end > textarea.value.length) return;
  textarea.setSelectionRange(m.start, m.end);
  const boxes = rangeBoxes(textarea, m.start, m.end);
  const first = boxes[0];
  const last = boxes[boxes.length - 1];
  if (first && last) scrollToTop(textarea, first.top, last.top + last.height - first.top);
}

export interface FindState {
  settings: FindSettings;
  /** The text the matches were found in (the body, a frame behind while typing). */
  text: string;
  setQuery(query: string): void;
  setReplacement(replacement: string): void;
  toggle(option: keyof FindOptions): void;
  matches: FindMatch[];
  truncated: boolean;
  /** Why the query is not a regular expression. */
  error: Msg | null;
  /** Index of the current match, -1 when there is none. */
  current: number;
  go(direction: 'next' | 'previous'): void;
  replaceOne(): void;
  replaceEvery(): void;
  /** How many matches the last Replace all replaced, for the bar's status line. */
  replaced: number | null;
}

export function useFind(body: string, editBody: BodyEdit, initial: FindSettings, startAt: number): FindState {
  const [settings, setSettings] = useState(initial);
  const [replaced, setReplaced] = useState<number | null>(null);
  // The current match is the first one at or after the anchor (a text offset).
  const [anchor, setAnchor] = useState(startAt);
  // Typing in the text never waits for the search: it follows a frame behind.
  const text = useDeferredValue(body);
  const found = useMemo(() => findMatches(text, settings.query, settings.options), [text, settings.query, settings.options]);
  const matches = useMemo(() => (found.ok ? found.matches : []), [found]);
  const current = matchIndexFrom(matches, anchor, 'next');

  // A new query or option selects (and shows) the match it lands on, as the writer types it;
  // typing in the text meanwhile leaves the caret alone.
  const latest = useRef({ matches, current });
  latest.current = { matches, current };
  useEffect(() => {
    const m = latest.current.matches[latest.current.current];
    if (m) revealMatch(m);
  }, [settings.query, settings.options]);

  const setQuery = useCallback((query: string) => {
    setReplaced(null);
    setSettings((s) => ({ ...s, query }));
  }, []);
  const setReplacement = useCallback((replacement: string) => setSettings((s) => ({ ...s, replacement })), []);
  const toggle = useCallback((option: keyof FindOptions) => {
    setReplaced(null);
    setSettings((s) => ({ ...s, options: { ...s.options, [option]: !s.options[option] } }));
  }, []);

  const go = useCallback(
    (direction: 'next' | 'previous') => {
      const cur = matches[current];
      const i = cur ? matchIndexFrom(matches, direction === 'next' ? cur.start + 1 : cur.start, direction) : matchIndexFrom(matches, anchor, direction);
      const m = matches[i];
      if (!m) return;
      setAnchor(m.start);
      revealMatch(m);
    },
    [matches, current, anchor],
  );

  const { replaceOne, replaceEvery } = useReplace(matches[current], editBody, settings, setAnchor, setReplaced);

  return {
    settings,
    text,
    setQuery,
    setReplacement,
    toggle,
    matches,
    truncated: found.ok && found.truncated,
    error: found.ok ? null : found.msg,
    current,
    go,
    replaceOne,
    replaceEvery,
    replaced,
  };
}

/** Replace (the current match, then on to the next) and Replace all, each one edit of the body. */
function useReplace(m: FindMatch | undefined, editBody: BodyEdit, settings: FindSettings, setAnchor: (at: number) => void, setReplaced: (count: number | null) => void) {
  const replaceOne = useCallback(() => {
    if (!m) return;
    let end = -1;
    flushSync(() => {
      editBody((b) => {
        // The match as it stands in the latest text (the search may be a frame behind).
        const r = findMatches(b, settings.query, settings.options);
        const same = r.ok ? r.matches.find((x) => x.start === m.start && x.end === m.end) : undefined;
        if (!same) return b;
        const done = replaceMatch(b, same, settings.replacement, settings.options);
        end = done.end;
        return done.text;
      });
    });
    if (end < 0) return;
    setReplaced(null);
    setAnchor(end);
    // The next match, from the text as it now is.
    const textarea = editorTextarea();
    const r = textarea ? findMatches(textarea.value, settings.query, settings.options) : null;
    const next = r?.ok ? r.matches[matchIndexFrom(r.matches, end, 'next')] : undefined;
    if (next) revealMatch(next);
    else if (textarea) textarea.setSelectionRange(end, end);
  }, [m, editBody, settings, setAnchor, setReplaced]);

  const replaceEvery = useCallback(() => {
    let count = 0;
    flushSync(() => {
      editBody((b) => {
        const r = replaceAll(b, settings.query, settings.replacement, settings.options);
        if ('error' in r) return b;
        count = r.count;
        return r.text;
      });
    });
    setReplaced(count);
  }, [editBody, settings, setReplaced]);

  return { replaceOne, replaceEvery };
}
