import { useCallback, useRef, useState } from 'react';
import type { OpenedRecap, SaveResult, SiteProfile } from '../../electron/service/contract';

/**
 * The document is one string, the file exactly as on disk. Views derive from it and every
 * edit is a function from the old text to the new one, so nothing is ever re-serialized.
 */
export interface RecapDocument {
  text: string;
  /** The text as last opened or saved: dirty is `text !== savedText`. */
  savedText: string;
  path: string | null;
  mtimeMs: number | null;
  profile: SiteProfile;
}

/** An edit of the text; it may throw a RecapError (e.g. BAD_FIELD) that becomes a toast. */
export type TextEdit = (text: string) => string;

export interface DocumentHandle {
  doc: RecapDocument | null;
  /** Always the latest document, for async flows that outlive a render. */
  current(): RecapDocument | null;
  load(opened: OpenedRecap): void;
  /** Applies an edit; returns false (and reports the error) when the edit was refused. */
  edit(change: TextEdit): boolean;
  markSaved(savedText: string, result: SaveResult): void;
}

export function useRecapDocument(onError: (err: unknown) => void): DocumentHandle {
  const [doc, setDoc] = useState<RecapDocument | null>(null);
  // Edits read the ref, not the render's snapshot, so two fast edits never lose one another.
  const ref = useRef<RecapDocument | null>(null);
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;

  const commit = useCallback((next: RecapDocument) => {
    ref.current = next;
    setDoc(next);
  }, []);

  const load = useCallback(
    (opened: OpenedRecap) => {
      commit({ text: opened.text, savedText: opened.text, path: opened.path, mtimeMs: opened.mtimeMs, profile: opened.profile });
    },
    [commit],
  );

  const edit = useCallback(
    (change: TextEdit): boolean => {
      const cur = ref.current;
      if (!cur) return false;
      let text: string;
      try {
        text = change(cur.text);
      } catch (err) {
        onErrorRef.current(err);
        return false;
      }
      if (text !== cur.text) commit({ ...cur, text });
      return true;
    },
    [commit],
  );

  const markSaved = useCallback(
    (savedText: string, result: SaveResult) => {
      const cur = ref.current;
      if (!cur) return;
      // The author may have typed while the save was in flight: only what was written is clean.
      commit({ ...cur, savedText, path: result.path, mtimeMs: result.mtimeMs });
    },
    [commit],
  );

  const current = useCallback(() => ref.current, []);

  return { doc, current, load, edit, markSaved };
}
