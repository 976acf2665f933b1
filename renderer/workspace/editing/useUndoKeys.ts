import { useEffect, useRef } from 'react';
import { flushSync } from 'react-dom';
import { editorBody } from '../../../electron/core/frontmatter/split';
import type { HistoryStep } from './editHistory';
import { listenToShortcutKeys } from './keys';

const EDITOR_TEXTAREA = '.editor-pane .w-md-editor-text-input';
const NAVIGATION_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown']);

interface UndoHandle {
  undo(): HistoryStep | null;
  redo(): HistoryStep | null;
  sealUndo(): void;
}

/** Inside the editor workspace (the text or the form), not in a dialog or on the home screen. */
function inWorkspace(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('.app main') !== null && target.closest('[role="dialog"], [role="alertdialog"]') === null;
}

/**
 * Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z and Ctrl+Y (and the Edit menu's Undo/Redo, which arrive as
 * `historyUndo`/`historyRedo` input events) undo the recap's own history: typing runs, form
 * edits and photo gestures alike. The browser's per-element undo would step one character
 * at a time, since React rewrites the text it edits.
 */
export function useUndoKeys(handle: UndoHandle): void {
  const ref = useRef(handle);
  ref.current = handle;

  useEffect(() => {
    const apply = (which: 'undo' | 'redo'): void => {
      let step: HistoryStep | null = null;
      // Committed at once, so the caret is placed in the new text, not in the old one.
      flushSync(() => {
        step = which === 'undo' ? ref.current.undo() : ref.current.redo();
      });
      const done = step as HistoryStep | null;
      if (!done) return;
      const textarea = document.querySelector<HTMLTextAreaElement>(EDITOR_TEXTAREA);
      if (!textarea || document.activeElement !== textarea) return;
      const caret = done.caret - (done.text.length - editorBody(done.text).length);
      if (caret >= 0 && caret <= textarea.value.length) textarea.setSelectionRange(caret, caret);
    };
    const onKeyDown = (e: KeyboardEvent): void => {
      // The key alone first: most keys are neither, and where the focus is costs two tree walks.
      if (NAVIGATION_KEYS.has(e.key)) {
        if (inWorkspace(e.target)) ref.current.sealUndo();
        return;
      }
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      const which = key === 'z' ? (e.shiftKey ? 'redo' : 'undo') : key === 'y' && !e.shiftKey ? 'redo' : null;
      if (!which || !inWorkspace(e.target)) return;
      e.preventDefault();
      e.stopPropagation();
      apply(which);
    };
    const onBeforeInput = (e: InputEvent): void => {
      // The input's type first: every keystroke's text arrives here, and where it lands costs two tree walks.
      if (e.inputType !== 'historyUndo' && e.inputType !== 'historyRedo') return;
      if (!inWorkspace(e.target)) return;
      e.preventDefault();
      apply(e.inputType === 'historyUndo' ? 'undo' : 'redo');
    };
    // A click elsewhere in the text ends the typing run.
    const onPointerDown = (e: PointerEvent): void => {
      if (inWorkspace(e.target)) ref.current.sealUndo();
    };
    const stopKeys = listenToShortcutKeys(onKeyDown);
    window.addEventListener('beforeinput', onBeforeInput, true);
    window.addEventListener('pointerdown', onPointerDown, true);
    return () => {
      stopKeys();
      window.removeEventListener('beforeinput', onBeforeInput, true);
      window.removeEventListener('pointerdown', onPointerDown, true);
    };
  }, []);
}
