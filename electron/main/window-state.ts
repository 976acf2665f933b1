// What the main process knows of each window's document (for its title and the close guard),
// and whether the author asked to quit (a quit waits for each window to save).

import type { BrowserWindow } from 'electron';
import type { DocumentState } from '../core/contract';

export interface WindowState {
  doc: DocumentState;
  /** Set once the author chose to close without saving (or after saving). */
  allowClose: boolean;
}

const states = new WeakMap<BrowserWindow, WindowState>();

let quitRequested = false;
export function noteQuitRequested(requested = true): void {
  quitRequested = requested;
}

export function isQuitRequested(): boolean {
  return quitRequested;
}

export function windowState(win: BrowserWindow): WindowState {
  let s = states.get(win);
  if (!s) {
    s = { doc: { title: 'Recap Studio', path: null, dirty: false }, allowClose: false };
    states.set(win, s);
  }
  return s;
}
