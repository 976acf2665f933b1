// Keys as the editor sorts them. Kept apart from the editor component (no Markdown editor
// imported here), so the window's shortcut listener in the main chunk can use it.

/** A key that types its own character (Shift allowed), with no command held. */
export function isPlainCharacter(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): boolean {
  return e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey;
}

type KeyHandler = (e: KeyboardEvent) => void;
const handlers: KeyHandler[] = [];

function onWindowKeyDown(e: KeyboardEvent): void {
  // A character typed as itself is none of theirs: one check instead of a call to each, on every keystroke.
  if (isPlainCharacter(e)) return;
  for (const handler of handlers.slice()) handler(e);
}

/**
 * Calls `handler` for every key pressed anywhere in the window, in the capture phase (before the
 * page's own handlers and the browser's default), except a plain character, which no shortcut
 * takes. All share one listener on the window, and run in the order they started listening.
 * Returns the function that stops it.
 */
export function listenToShortcutKeys(handler: KeyHandler): () => void {
  if (handlers.length === 0) window.addEventListener('keydown', onWindowKeyDown, true);
  handlers.push(handler);
  return () => {
    const at = handlers.indexOf(handler);
    if (at >= 0) handlers.splice(at, 1);
    if (handlers.length === 0) window.removeEventListener('keydown', onWindowKeyDown, true);
  };
}
