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

/** A window whose page has not said what it shows (yet, or since it navigated). */
const noDocument = (): DocumentState => ({ title: 'Recap Studio', path: null, dirty: false });

export function windowState(win: BrowserWindow): WindowState {
  let s = states.get(win);
  if (!s) {
    s = { doc: noDocument(), allowClose: false };
    states.set(win, s);
  }
  return s;
}

/**
 * The window's page is gone (it navigated: a reload from the error screen): what it showed is
 * forgotten, title and unsaved mark included, until the new page says again (setDocumentState).
 */
export function forgetDocument(win: BrowserWindow): void {
  const doc = noDocument();
  windowState(win).doc = doc;
  win.setTitle(doc.title);
  win.setDocumentEdited(false);
}
