// Links placed from outside the textarea (an import ending, the tray's Insert) and the caret
// that follows them.

import { useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { editorBody, withBody } from '../../electron/core/frontmatter/split';
import { defaultPhotoOffset, followOffset, insertPhotoLinks } from '../../electron/core/markdown/photo-text';
import { revealLine } from '../workspace/editing/caret';
import type { PhotoShared, Placement } from './photoTypes';

export interface CaretPlacement {
  /** Edits the body of the latest text; false when the edit was refused. */
  editBody(change: (body: string) => string): boolean;
  /** The body offset "at the cursor" for a gesture happening now. */
  cursorPlacement(): Placement | null;
  /** Inserts links at a placement, followed through whatever the author typed since. */
  placeLinks(placement: Placement, links: string[]): boolean;
}

/** The editor's textarea (the body's text). */
export function textarea(): HTMLTextAreaElement | null {
  return document.querySelector<HTMLTextAreaElement>('.editor-pane .w-md-editor-text-input');
}

/** The author is typing somewhere else (another field, the batch's alt texts) than the text. */
function typingElsewhere(ta: HTMLTextAreaElement | null): boolean {
  const active = document.activeElement;
  return active instanceof HTMLInputElement || (active instanceof HTMLTextAreaElement && active !== ta) || (active instanceof HTMLElement && active.isContentEditable);
}

/**
 * After an edit made outside the textarea, put its caret back where it belongs (a new value
 * moves it to the end): after the new links, shown and focused when `reveal`. React usually
 * commits `body` before the next frame, but not always on a busy machine: wait for the
 * textarea to hold it (a few frames at most) before placing the caret.
 */
function usePendingCaret(): (caret: number, reveal: boolean, body: string) => void {
  const pendingCaret = useRef<{ caret: number; reveal: boolean; body: string } | null>(null);
  const applyCaret = useCallback((): void => {
    const p = pendingCaret.current;
    const ta = textarea();
    // Only once the textarea shows the edited text: setting its value later would move the caret again.
    if (!p || !ta || ta.value !== p.body) return;
    pendingCaret.current = null;
    if (p.reveal) revealLine(ta, ta.value.slice(0, p.caret).split('\n').length);
    ta.setSelectionRange(p.caret, p.caret);
  }, []);
  // Runs after every commit of the editor (its children commit first): the edited text is in the textarea.
  useLayoutEffect(applyCaret);
  return useCallback(
    (caret: number, reveal: boolean, body: string) => {
      pendingCaret.current = { caret, reveal, body };
      applyCaret();
    },
    [applyCaret],
  );
}

export function useCaretPlacement(shared: PhotoShared): CaretPlacement {
  const { opts, caretKnown } = shared;
  // "At the cursor" means where the author last put the caret; before that, the Photos section.
  useEffect(() => {
    const onFocus = (e: FocusEvent): void => {
      if (e.target instanceof HTMLTextAreaElement && e.target.closest('.editor-pane')) caretKnown.current = true;
    };
    document.addEventListener('focusin', onFocus);
    return () => document.removeEventListener('focusin', onFocus);
  }, [caretKnown]);

  const editBody = useCallback((change: (body: string) => string): boolean => opts.current.edit((t) => withBody(t, change(editorBody(t)))), [opts]);
  const keepCaret = usePendingCaret();

  const cursorPlacement = useCallback((): Placement | null => {
    const cur = opts.current.current();
    if (!cur) return null;
    const body = editorBody(cur.text);
    const ta = textarea();
    const offset = caretKnown.current && ta && ta.value === body ? ta.selectionEnd : defaultPhotoOffset(body);
    return { body, offset };
  }, [opts, caretKnown]);

  const placeLinks = useCallback(
    (placement: Placement, links: string[]): boolean => {
      if (links.length === 0) return true;
      // The caret and the view follow the links unless the author went on working elsewhere
      // (another field, the batch's alt texts) while the photos were imported.
      const reveal = !typingElsewhere(textarea());
      let caret = 0;
      let edited = '';
      const ok = editBody((body) => {
        const r = insertPhotoLinks(body, followOffset(placement.body, body, placement.offset), links);
        caret = r.caret;
        edited = r.body;
        return r.body;
      });
      if (ok) keepCaret(caret, reveal, edited);
      return ok;
    },
    [editBody, keepCaret],
  );
  // One identity while its callbacks keep theirs: the import engine and every photo callback built on it do too.
  return useMemo(() => ({ editBody, cursorPlacement, placeLinks }), [editBody, cursorPlacement, placeLinks]);
}
