// The contract's desk: what the Electron window adds around the page (the interface language
// its menus follow, the spellchecker's languages, find in the window). Type-only.

import type { Locale } from '../i18n/messages';

/** The interface language as the author chose it: the system's, or one of ours. */
export type LocaleChoice = 'system' | Locale;

export interface FindInPageRequest {
  text: string;
  /** Search forward (the default) or backward. */
  forward?: boolean;
  /** true starts a new search (a new text), false goes on to the next or previous match. */
  findNext?: boolean;
  matchCase?: boolean;
}

/** What Electron's 'found-in-page' reports, as the page receives it. */
export interface FoundInPage {
  requestId: number;
  /** 1-based; 0 when nothing is selected. */
  activeMatchOrdinal: number;
  matches: number;
  finalUpdate: boolean;
}

export interface SpellcheckState {
  /** The dictionaries in use now. */
  languages: string[];
  /** Every dictionary the spellchecker offers (empty in the browser mode). */
  available: string[];
}
