// The side-by-side view's data for the open recap: its source's blocks and which changed since
// the translation was last saved (null for a recap that is not a translation). Asked again when
// another recap is loaded and after each save (a save records the source as translated).

import { useCallback, useEffect, useRef, useState } from 'react';
import type { RecapApi, TranslationView } from '../../electron/core/contract';

interface Answer {
  path: string;
  view: TranslationView;
}

/**
 * The state after an answer: unchanged (the same object, so nothing renders) when the answer
 * shows nothing new, i.e. no view where none is held, or the view already held for that path.
 */
function nextAnswer(prev: Answer | null, path: string, view: TranslationView | null): Answer | null {
  if (view === null) return null;
  if (prev !== null && prev.path === path && JSON.stringify(prev.view) === JSON.stringify(view)) return prev;
  return { path, view };
}

export function useTranslationView(api: RecapApi, path: string | null, loadSerial: number, saved: boolean): TranslationView | null {
  // Only a view is held: a recap that is not a translation (most) keeps the first state.
  const [answer, setState] = useState<Answer | null>(null);
  // The latest state sent: an answer that changes nothing is not sent to React (no commit).
  const last = useRef(answer);
  const setAnswer = useCallback((next: (prev: Answer | null) => Answer | null) => {
    const v = next(last.current);
    if (v === last.current) return;
    last.current = v;
    setState(v);
  }, []);
  useEffect(() => {
    if (!path) return;
    let live = true;
    api.translationView({ path }).then(
      (v) => {
        if (live) setAnswer((prev) => nextAnswer(prev, path, v));
      },
      () => {
        // Not in a site, or a layout without translations: no side by side.
        if (live) setAnswer(() => null);
      },
    );
    return () => {
      live = false;
    };
  }, [api, path, loadSerial, saved, setAnswer]);
  return answer !== null && answer.path === path ? answer.view : null;
}
