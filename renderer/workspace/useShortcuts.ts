import { useEffect, useRef } from 'react';
import { listenToShortcutKeys } from './editing/keys';

export type FileAction = 'new' | 'open' | 'save' | 'save-as' | 'home' | 'history' | 'export' | 'save-template';

/**
 * Ctrl/Cmd+N, O, S and Shift+S, caught in the capture phase so that neither the Markdown
 * editor nor the browser (which would open a window or save the page) sees them first.
 */
export function useShortcuts(run: (action: FileAction) => void): void {
  const runRef = useRef(run);
  runRef.current = run;

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent): void => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      let action: FileAction | null = null;
      if (key === 'n' && !e.shiftKey) action = 'new';
      else if (key === 'o' && !e.shiftKey) action = 'open';
      else if (key === 's') action = e.shiftKey ? 'save-as' : 'save';
      else if (key === 'e' && !e.shiftKey) action = 'export';
      else if (key === 'h' && e.shiftKey) action = 'home';
      else if (key === 'y' && e.shiftKey) action = 'history';
      if (!action) return;
      e.preventDefault();
      e.stopPropagation();
      if (!e.repeat) runRef.current(action);
    };
    return listenToShortcutKeys(onKeyDown);
  }, []);
}
