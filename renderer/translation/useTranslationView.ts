// The side-by-side view's data for the open recap: its source's blocks and which changed since
// the translation was last saved (null for a recap that is not a translation). Asked again when
// another recap is loaded and after each save (a save records the source as translated).

import { useEffect, useState } from 'react';
import type { RecapApi, TranslationView } from '../../electron/core/contract';

export function useTranslationView(api: RecapApi, path: string | null, loadSerial: number, saved: boolean): TranslationView | null {
  const [view, setView] = useState<{ path: string; view: TranslationView | null } | null>(null);
  useEffect(() => {
    if (!path) return;
    let live = true;
    api.translationView({ path }).then(
      (v) => {
        if (live) setView({ path, view: v });
      },
      () => {
        // Not in a site, or a layout without translations: no side by side.
        if (live) setView({ path, view: null });
      },
    );
    return () => {
      live = false;
    };
  }, [api, path, loadSerial, saved]);
  return view !== null && view.path === path ? view.view : null;
}
