// The Languages menu's actions: make the recap's post in another language and open it (the
// side by side then shows it beside its source), or open an existing one. One at a time, as
// every file action runs; this recap's draft is on disk before another recap replaces it.

import { useCallback } from 'react';
import type { MutableRefObject } from 'react';
import { leave, openPath } from '../workspace/fileActions';
import type { FileContext } from '../workspace/saveActions';
import { t } from '../ui/locale';

export interface TranslationActions {
  addTranslation(lang: string): void;
  openLanguage(path: string): void;
}

export function useTranslationActions(context: MutableRefObject<FileContext>, run: (task: () => Promise<unknown>) => Promise<void>, path: string | null): TranslationActions {
  const addTranslation = useCallback(
    (lang: string) => {
      if (!path) return;
      void run(async () => {
        const c = context.current;
        try {
          const made = await c.api.addTranslation({ path, lang });
          c.toast('info', t('translation.added', { lang, path: made.path }));
          if (await leave(c)) await openPath(c, made.path);
        } catch (err) {
          c.reportError(err);
        }
      });
    },
    [context, run, path],
  );
  const openLanguage = useCallback(
    (target: string) => {
      void run(async () => {
        const c = context.current;
        if (await leave(c)) await openPath(c, target);
      });
    },
    [context, run],
  );
  return { addTranslation, openLanguage };
}
