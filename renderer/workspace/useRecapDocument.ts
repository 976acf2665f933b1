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
   * Typing in the text (`TYPING`) is applied after the frame that shows it, or as soon as anything
   * reads or edits the document; it returns true (an error is reported when it is applied).
   */
  edit(change: TextEdit, group?: string): boolean;
  /** Undo and redo over every kind of edit; null when there is nothing to undo or redo. */
  undo(): HistoryStep | null;
  redo(): HistoryStep | null;
  /** The next edit starts an undo run of its own (the caret was moved elsewhere). */
  sealUndo(): void;
  /**
   * `savedText` was written to `path`; `draft`, the summary the service answered. `from`: the text the write started from — when the written
   * text differs (an export that linked the photos where the site keeps them) and the document
   * still holds `from`, the document takes the written text, as an edit Undo can take back.
   */
  /** `profile`: the rules of the file the recap became (Save As, an export into a site), else unchanged. */
  markSaved(savedText: string, path: string, draft: DraftSummary, from?: string, profile?: SiteProfile): void;
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
function useFileSync(ref: MutableRefObject<RecapDocument | null>, latest: () => RecapDocument | null, commit: (next: RecapDocument | null) => void, history: MutableRefObject<EditHistory>): FileSync {
  const markSaved = useCallback(
    (savedText: string, path: string, draft: DraftSummary, from?: string, profile?: SiteProfile) => {
      const cur = latest();
      if (!cur || cur.draft.id !== draft.id) return;
      // The author may have typed while the save was in flight: only what was written is clean.
      const adopt = from !== undefined && savedText !== from && cur.text === from;
      if (adopt) history.current.record(cur.text, savedText, null, Date.now());
      commit({ ...cur, ...(adopt ? { text: savedText } : {}), ...(profile ? { profile } : {}), savedText, path, draft, photoPath: draft.photoRecapPath });
    },
    [commit, latest, history],
  );

  const updateDraft = useCallback(
    (draft: DraftSummary) => {
      const cur = latest();
      if (!cur || cur.draft.id !== draft.id) return;
      if (cur.draft.updated === draft.updated && cur.draft.photoRecapPath === draft.photoRecapPath) return;
      ref.current = { ...cur, draft, photoPath: draft.photoRecapPath };
      // The summary only feeds the status line; no re-render of the editor is needed for it.
    },
    [latest, ref],
  );

  const replaceText = useCallback(
    (text: string, fromFile: boolean) => {
      const cur = latest();
      if (!cur) return;
      // A restored version or a reloaded file can be undone like any other edit.
      history.current.record(cur.text, text, null, Date.now());
      commit({ ...cur, text, savedText: fromFile ? text : cur.savedText });
    },
    [commit, latest, history],
  );

  return { markSaved, updateDraft, replaceText };
}

interface DocState {
  doc: RecapDocument | null;
  revision: number;
  typed: boolean;
}

/** A keystroke's edit of the text, applied after the frame that shows it (see `useDocState`). */
interface TypedEdit {
  change: TextEdit;
  time: number;
}

/**
 * Commits of the document to React state: at once, or (typing in the editor) after the browser
 * has painted the frame that shows the keystroke, as a transition the next keystroke can
 * interrupt. The textarea echoes a keystroke by itself; nothing else needs to re-render first.
 * A keystroke's edit itself (the new text, its undo record) is queued and applied after that
 * frame too, in order, each with the time it was typed, so undo groups typing exactly as if
 * it had been applied at once; anything that reads or edits the document applies the queue first.
 */
function useDocState(ref: MutableRefObject<RecapDocument | null>, history: MutableRefObject<EditHistory>, onError: MutableRefObject<(err: unknown) => void>) {
  const [state, setState] = useState<DocState>({ doc: null, revision: 0, typed: false });
  /** The frame requested for the queued keystrokes, and the number its message will carry. */
  const pending = useRef<{ frame: number; serial: number } | null>(null);
  const typed = useRef<TypedEdit[]>([]);
  /** Applies the queued keystrokes to the document and the undo history. */
  const applyTyped = useCallback(() => {
    const queue = typed.current;
    if (queue.length === 0) return;
    typed.current = [];
    for (const { change, time } of queue) {
      const cur = ref.current;
      if (!cur) return;
      let text: string;
      try {
        text = change(cur.text);
      } catch (err) {
        onError.current(err);
        continue;
      }
      if (text === cur.text) continue;
      history.current.record(cur.text, text, TYPING, time);
      ref.current = { ...cur, text };
    }
  }, [history, onError, ref]);
  const afterPaint = useRef<{ channel: MessageChannel; serial: number } | null>(null);
  const cancel = useCallback(() => {
    if (!pending.current) return;
    cancelAnimationFrame(pending.current.frame);
    // A message already posted for it finds no pending commit of its number and does nothing.
    pending.current = null;
  }, []);
  useEffect(
    () => () => {
      cancel();
      afterPaint.current?.channel.port1.close();
      afterPaint.current = null;
    },
    [cancel],
  );
  const commit = useCallback(
    (next: RecapDocument | null) => {
      cancel();
      ref.current = next;
      setState((s) => ({ doc: next, revision: s.revision + 1, typed: false }));
    },
    [cancel, ref],
  );
  /** The commit of the queued keystrokes, when the message posted after their frame arrives. */
  const onAfterPaint = useCallback(
    (serial: unknown) => {
      if (pending.current?.serial !== serial) return;
      pending.current = null;
      applyTyped();
      const doc = ref.current;
      startTransition(() => setState((s) => (s.doc === doc ? s : { doc, revision: s.revision, typed: true })));
    },
    [applyTyped, ref],
  );
  const typeAfterPaint = useCallback(
    (change: TextEdit) => {
      typed.current.push({ change, time: Date.now() });
      if (pending.current) return; // the pending commit takes the latest text
      // One channel for the document's life: a burst of typing makes none of its own.
      if (!afterPaint.current) {
        const channel = new MessageChannel();
        channel.port1.onmessage = (e: MessageEvent<unknown>) => onAfterPaint(e.data);
        afterPaint.current = { channel, serial: 0 };
      }
      const sender = afterPaint.current;
      const serial = ++sender.serial;
      // rAF runs just before the frame; the message arrives just after it.
      pending.current = { serial, frame: requestAnimationFrame(() => sender.channel.port2.postMessage(serial)) };
    },
    [onAfterPaint],
  );
  return { state, commit, typeAfterPaint, applyTyped };
}

export function useRecapDocument(onError: (err: unknown) => void): DocumentHandle {
  // Edits read the ref, not the render's snapshot, so two fast edits never lose one another.
  const ref = useRef<RecapDocument | null>(null);
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;
  const history = useRef(new EditHistory());
  const { state, commit, typeAfterPaint, applyTyped } = useDocState(ref, history, onErrorRef);
  /** The document with every keystroke typed so far. */
  const latest = useCallback(() => {
    applyTyped();
    return ref.current;
  }, [applyTyped]);

  const load = useCallback(
    (opened: OpenedRecap) => {
      // A draft that holds changes not yet saved to its file opens with them, still unsaved.
      const savedText = opened.draft.unsavedToFile ? null : opened.text;
      applyTyped();
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
    [applyTyped, commit],
  );

  const close = useCallback(() => {
    applyTyped();
    history.current.clear();
    commit(null);
  }, [applyTyped, commit]);

  const edit = useCallback(
    (change: TextEdit, group?: string): boolean => {
      // Typing in the editor: the textarea already shows it; the edit follows after the paint.
      if (group === TYPING && ref.current) {
        typeAfterPaint(change);
        return true;
      }
      const cur = latest();
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
        commit({ ...cur, text });
      }
      return true;
    },
    [commit, latest, typeAfterPaint],
  );

  const step = useCallback(
    (which: 'undo' | 'redo'): HistoryStep | null => {
      const cur = latest();
      if (!cur) return null;
      const next = which === 'undo' ? history.current.undo(cur.text) : history.current.redo(cur.text);
      if (next) commit({ ...cur, text: next.text });
      return next;
    },
    [commit, latest],
  );
  const undo = useCallback(() => step('undo'), [step]);
  const redo = useCallback(() => step('redo'), [step]);
  const sealUndo = useCallback(() => {
    applyTyped();
    history.current.seal();
  }, [applyTyped]);

  const { markSaved, updateDraft, replaceText } = useFileSync(ref, latest, commit, history);

  return { doc: state.doc, revision: state.revision, typed: state.typed, current: latest, load, close, edit, undo, redo, sealUndo, markSaved, updateDraft, replaceText };
}
