import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { MutableRefObject } from 'react';
import type { DraftSummary, OpenedRecap, SiteProfile } from '../../electron/core/contract';
import { EditHistory } from './editing/editHistory';
import type { HistoryStep } from './editing/editHistory';

/**
 * The document is one string, the file exactly as on disk. Views derive from it and every
 * edit is a function from the old text to the new one, so nothing is ever re-serialized.
 * It is always a draft (autosaved in the app's data folder) and may shadow a file on disk.
 */
export interface RecapDocument {
  text: string;
  /**
   * The text as last opened from or saved to the file: unsaved is `text !== savedText`. null
   * when the draft came back holding changes the file does not have.
   */
  savedText: string | null;
  /** The file this recap is saved to, or null for a draft that has none yet. */
  path: string | null;
  profile: SiteProfile;
  draft: DraftSummary;
  /** Where photos go: the linked file, else the draft's own file. */
  photoPath: string;
}

/** The undo group of typing in the editor's text. */
export const TYPING = 'body';

/** An edit of the text; it may throw a RecapError (e.g. BAD_FIELD) that becomes a toast. */
export type TextEdit = (text: string) => string;

export interface DocumentHandle {
  doc: RecapDocument | null;
  /**
   * Bumped by every change of the text except typing in the editor: the editor shows `doc`'s
   * text again when it changes, and keeps its own (newer) text otherwise.
   */
  revision: number;
  /** `doc` came from typing in the editor, committed after the frame that showed the keystroke. */
  typed: boolean;
  /** Always the latest document, for async flows that outlive a render. */
  current(): RecapDocument | null;
  load(opened: OpenedRecap): void;
  /** Back to the home screen: no document. */
  close(): void;
  /**
   * Applies an edit; returns false (and reports the error) when the edit was refused. Edits of
   * the same `group` (typing in the text, "body"; in one field, "field:title") undo as one run.
   */
  edit(change: TextEdit, group?: string): boolean;
  /** Undo and redo over every kind of edit; null when there is nothing to undo or redo. */
  undo(): HistoryStep | null;
  redo(): HistoryStep | null;
  /** The next edit starts an undo run of its own (the caret was moved elsewhere). */
  sealUndo(): void;
  /** The text was written to `path`; the draft summary the service answered. */
  markSaved(savedText: string, path: string, draft: DraftSummary): void;
  /** A newer summary of the open draft (after an autosave). */
  updateDraft(draft: DraftSummary): void;
  /** Replaces the text: a history version restored (`fromFile` false) or the file reloaded (true). */
  replaceText(text: string, fromFile: boolean): void;
}

/** The text differs from its file (a draft without a file has nothing to be unsaved to). */
export function isUnsaved(doc: RecapDocument | null): boolean {
  return doc !== null && doc.path !== null && doc.text !== doc.savedText;
}

type FileSync = Pick<DocumentHandle, 'markSaved' | 'updateDraft' | 'replaceText'>;

/** What the file and the draft tell the document: a save, a newer draft summary, a restored or reloaded text. */
function useFileSync(ref: MutableRefObject<RecapDocument | null>, commit: (next: RecapDocument | null) => void, history: MutableRefObject<EditHistory>): FileSync {
  const markSaved = useCallback(
    (savedText: string, path: string, draft: DraftSummary) => {
      const cur = ref.current;
      if (!cur || cur.draft.id !== draft.id) return;
      // The author may have typed while the save was in flight: only what was written is clean.
      commit({ ...cur, savedText, path, draft, photoPath: draft.photoRecapPath });
    },
    [commit, ref],
  );

  const updateDraft = useCallback(
    (draft: DraftSummary) => {
      const cur = ref.current;
      if (!cur || cur.draft.id !== draft.id) return;
      if (cur.draft.updated === draft.updated && cur.draft.photoRecapPath === draft.photoRecapPath) return;
      ref.current = { ...cur, draft, photoPath: draft.photoRecapPath };
      // The summary only feeds the status line; no re-render of the editor is needed for it.
    },
    [ref],
  );

  const replaceText = useCallback(
    (text: string, fromFile: boolean) => {
      const cur = ref.current;
      if (!cur) return;
      // A restored version or a reloaded file can be undone like any other edit.
      history.current.record(cur.text, text, null, Date.now());
      commit({ ...cur, text, savedText: fromFile ? text : cur.savedText });
    },
    [commit, ref, history],
  );

  return { markSaved, updateDraft, replaceText };
}

interface DocState {
  doc: RecapDocument | null;
  revision: number;
  typed: boolean;
}

/**
 * Commits of the document to React state: at once, or (typing in the editor) after the browser
 * has painted the frame that shows the keystroke, as a transition the next keystroke can
 * interrupt. The textarea echoes a keystroke by itself; nothing else needs to re-render first.
 */
function useDocState(ref: MutableRefObject<RecapDocument | null>) {
  const [state, setState] = useState<DocState>({ doc: null, revision: 0, typed: false });
  const pending = useRef<{ frame: number; channel: MessageChannel } | null>(null);
  const cancel = useCallback(() => {
    if (!pending.current) return;
    cancelAnimationFrame(pending.current.frame);
    pending.current.channel.port1.close();
    pending.current = null;
  }, []);
  useEffect(() => cancel, [cancel]);
  const commit = useCallback(
    (next: RecapDocument | null) => {
      cancel();
      ref.current = next;
      setState((s) => ({ doc: next, revision: s.revision + 1, typed: false }));
    },
    [cancel, ref],
  );
  const commitAfterPaint = useCallback(
    (next: RecapDocument) => {
      ref.current = next;
      if (pending.current) return; // the pending commit takes the latest text
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        if (pending.current?.channel !== channel) return;
        pending.current = null;
        channel.port1.close();
        const doc = ref.current;
        startTransition(() => setState((s) => ({ doc, revision: s.revision, typed: true })));
      };
      // rAF runs just before the frame; the message arrives just after it.
      pending.current = { channel, frame: requestAnimationFrame(() => channel.port2.postMessage(null)) };
    },
    [ref],
  );
  return { state, commit, commitAfterPaint };
}

export function useRecapDocument(onError: (err: unknown) => void): DocumentHandle {
  // Edits read the ref, not the render's snapshot, so two fast edits never lose one another.
  const ref = useRef<RecapDocument | null>(null);
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;
  const history = useRef(new EditHistory());
  const { state, commit, commitAfterPaint } = useDocState(ref);

  const load = useCallback(
    (opened: OpenedRecap) => {
      // A draft that holds changes not yet saved to its file opens with them, still unsaved.
      const savedText = opened.draft.unsavedToFile ? null : opened.text;
      history.current.clear();
      commit({
        text: opened.text,
        savedText,
        path: opened.path,
        profile: opened.profile,
        draft: opened.draft,
        photoPath: opened.draft.photoRecapPath,
      });
    },
    [commit],
  );

  const close = useCallback(() => {
    history.current.clear();
    commit(null);
  }, [commit]);

  const edit = useCallback(
    (change: TextEdit, group?: string): boolean => {
      const cur = ref.current;
      if (!cur) return false;
      let text: string;
      try {
        text = change(cur.text);
      } catch (err) {
        onErrorRef.current(err);
        return false;
      }
      if (text !== cur.text) {
        history.current.record(cur.text, text, group ?? null, Date.now());
        // Typing in the editor: the textarea already shows it; the rest follows after the paint.
        if (group === TYPING) commitAfterPaint({ ...cur, text });
        else commit({ ...cur, text });
      }
      return true;
    },
    [commit, commitAfterPaint],
  );

  const step = useCallback(
    (which: 'undo' | 'redo'): HistoryStep | null => {
      const cur = ref.current;
      if (!cur) return null;
      const next = which === 'undo' ? history.current.undo(cur.text) : history.current.redo(cur.text);
      if (next) commit({ ...cur, text: next.text });
      return next;
    },
    [commit],
  );
  const undo = useCallback(() => step('undo'), [step]);
  const redo = useCallback(() => step('redo'), [step]);
  const sealUndo = useCallback(() => history.current.seal(), []);

  const { markSaved, updateDraft, replaceText } = useFileSync(ref, commit, history);
  const current = useCallback(() => ref.current, []);

  return { doc: state.doc, revision: state.revision, typed: state.typed, current, load, close, edit, undo, redo, sealUndo, markSaved, updateDraft, replaceText };
}
