// The spellchecker's language for the recap in front (Electron only: the browser spellchecks by
// its own settings). Automatic is the recap's own language (core/recap/recap-language.ts: front
// matter, else the site's language folder), else the system's; the author may pick another
// dictionary per recap, remembered in localStorage by the recap's path (or its draft's id).

import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { RecapApi } from '../../../electron/core/contract';
import { dictionaryName, recapLanguage } from '../../../electron/core/recap/recap-language';
import { desk } from '../../api/desk';

export interface SpellingState {
  /** In Electron with a recap open. */
  shown: boolean;
  /** The dictionary the recap's own language asks for; null: the system's languages. */
  automatic: string | null;
  /** The author's pick for this recap; null: automatic. */
  picked: string | null;
  /** What the spellchecker uses now, and what it offers. */
  inUse: string[];
  available: string[];
}

const HIDDEN: SpellingState = { shown: false, automatic: null, picked: null, inUse: [], available: [] };
const PREFIX = 'recap-studio.spelling:';

let state: SpellingState = HIDDEN;
let storageKey: string | null = null;
const listeners = new Set<() => void>();

function update(next: Partial<SpellingState>): void {
  // Nothing new (the browser mode, where it stays hidden): no render of the workspace and its switch.
  if ((Object.keys(next) as (keyof SpellingState)[]).every((k) => Object.is(state[k], next[k]))) return;
  state = { ...state, ...next };
  listeners.forEach((l) => l());
}

function remembered(key: string): string | null {
  try {
    return window.localStorage.getItem(PREFIX + key);
  } catch {
    return null;
  }
}

/** The author's pick for the recap in front (null: back to automatic). */
export function pickSpelling(dictionary: string | null): void {
  if (storageKey) {
    try {
      if (dictionary === null) window.localStorage.removeItem(PREFIX + storageKey);
      else window.localStorage.setItem(PREFIX + storageKey, dictionary);
    } catch {
      // Not remembered, still applied.
    }
  }
  update({ picked: dictionary });
}

export function useSpelling(): SpellingState {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
}

interface OpenDoc {
  text: string;
  path: string | null;
  draft: { id: string };
}

/**
 * Once, in the workspace: tells the window which dictionaries the recap in front wants. The
 * recap's language is read again once typing pauses (`settledText`), never per keystroke; when
 * the workspace closes (the home screen), the system's languages again.
 */
export function useSpellingSync(api: RecapApi, doc: OpenDoc | null, settledText: string): void {
  const key = doc ? (doc.path ?? `draft:${doc.draft.id}`) : null;
  const docPath = doc?.path ?? null;
  const automatic = useMemo(() => {
    if (key === null) return null;
    const language = recapLanguage(settledText, docPath);
    return language ? dictionaryName(language.tag) : null;
  }, [key, settledText, docPath]);
  const inElectron = desk() !== null;
  useEffect(
    () => () => {
      storageKey = null;
      update({ shown: false, automatic: null, picked: null });
      if (inElectron) api.setSpellcheckLanguages({ languages: [] }).catch(() => undefined);
    },
    [api, inElectron],
  );
  useEffect(() => {
    storageKey = key;
    update(key && inElectron ? { shown: true, automatic, picked: remembered(key) } : { shown: false, automatic: null, picked: null });
  }, [key, automatic, inElectron]);
  const { shown, picked } = useSpelling();
  // Without a recap (the home screen), the system's languages again.
  const wanted = shown ? (picked ?? automatic) : null;
  useEffect(() => {
    if (!inElectron) return;
    let live = true;
    api
      .setSpellcheckLanguages({ languages: wanted ? [wanted] : [] })
      .then((answer) => live && shown && update({ inUse: answer.languages, available: answer.available }))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [api, inElectron, shown, wanted, key]);
}
