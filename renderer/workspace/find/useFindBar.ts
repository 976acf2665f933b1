// Opening and closing the find bar: Ctrl/Cmd+F (find), Ctrl/Cmd+H or Cmd+Alt+F (replace), F3
// and Shift+F3 (next, previous) from anywhere in the workspace; the selected words become
// the query; closing puts the focus back in the text at the current match.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FindMatch } from '../../../electron/core/markdown/find';
import { desk } from '../../api/desk';
import { listenToShortcutKeys } from '../editing/keys';
import type { FindAction, FindMode } from './FindBar';
import { EDITOR_TEXTAREA, editorTextarea, NO_FIND, revealMatch } from './useFind';
import type { FindSettings } from './useFind';

export interface OpenFind {
  mode: FindMode;
  /** FindBar's key: a new query from the selection starts a new search. */
  search: number;
  focusSerial: number;
  startAt: number;
}

export interface FindBarHandle {
  open: OpenFind | null;
  initial: FindSettings;
  show(mode: FindMode): void;
  setMode(mode: FindMode): void;
  close(settings: FindSettings, match: FindMatch | null): void;
  stepRef: { current: ((action: FindAction) => void) | null };
}

const SPECIAL = /[.*+?^${}()|[\]\\/]/g;

function inDialog(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('[role="dialog"], [role="alertdialog"]') !== null;
}

/**
 * The author clicked or selected in the preview: in the browser mode, Ctrl/Cmd+F there is the
 * browser's own Find (Electron's find bar has "Search in preview" instead).
 */
function browserFindsPreview(): boolean {
  if (desk() !== null) return false;
  const node = document.getSelection()?.anchorNode ?? null;
  const el = node instanceof Element ? node : (node?.parentElement ?? null);
  return el?.closest('.preview-pane') != null;
}

/** Which find key this is, if any. */
function findKey(e: KeyboardEvent): FindMode | 'next' | 'previous' | null {
  if (e.key === 'F3' && !e.ctrlKey && !e.metaKey && !e.altKey) return e.shiftKey ? 'previous' : 'next';
  if (!(e.ctrlKey || e.metaKey) || e.shiftKey) return null;
  if (e.code === 'KeyF' || e.key.toLowerCase() === 'f') return e.altKey ? 'replace' : 'find';
  if (!e.altKey && e.key.toLowerCase() === 'h') return 'replace';
  return null;
}

export function useFindBar(): FindBarHandle {
  const [open, setOpen] = useState<OpenFind | null>(null);
  const remembered = useRef<FindSettings>(NO_FIND);
  const stepRef = useRef<((action: FindAction) => void) | null>(null);

  const show = useCallback((mode: FindMode) => {
    const textarea = editorTextarea();
    const selected = textarea ? textarea.value.slice(textarea.selectionStart, textarea.selectionEnd) : '';
    const fromSelection = selected !== '' && !selected.includes('\n') && selected.length <= 200;
    const query = fromSelection ? (remembered.current.options.regex ? selected.replace(SPECIAL, '\\$&') : selected) : null;
    const newSearch = query !== null && query !== remembered.current.query;
    if (query !== null) remembered.current = { ...remembered.current, query };
    setOpen((o) => ({
      mode,
      search: (o?.search ?? 0) + (newSearch || !o ? 1 : 0),
      focusSerial: (o?.focusSerial ?? 0) + 1,
      startAt: newSearch || !o ? (textarea?.selectionStart ?? 0) : o.startAt,
    }));
  }, []);

  const setMode = useCallback((mode: FindMode) => setOpen((o) => (o ? { ...o, mode } : o)), []);

  const close = useCallback((settings: FindSettings, match: FindMatch | null) => {
    remembered.current = settings;
    setOpen(null);
    const textarea = editorTextarea();
    if (!textarea) return;
    textarea.focus({ preventScroll: true });
    if (match) revealMatch(match);
  }, []);

  const isOpen = open !== null;
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent): void => {
      // Escape in the text (or with the focus nowhere) closes the bar too.
      if (e.key === 'Escape' && isOpen && stepRef.current && (e.target === document.body || (e.target instanceof Element && e.target.matches(EDITOR_TEXTAREA)))) {
        e.preventDefault();
        stepRef.current('close');
        return;
      }
      const key = findKey(e);
      if (!key || inDialog(e.target) || !editorTextarea() || (key === 'find' && browserFindsPreview())) return;
      e.preventDefault();
      e.stopPropagation();
      if ((key === 'next' || key === 'previous') && isOpen && stepRef.current) stepRef.current(key);
      else show(key === 'replace' ? 'replace' : 'find');
    };
    return listenToShortcutKeys(onKeyDown);
  }, [isOpen, show]);

  return { open, initial: remembered.current, show, setMode, close, stepRef };
}
