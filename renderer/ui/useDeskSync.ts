// Once, at the app's root: tells the window the interface language (its menus and context menu
// speak it), and applies what the author chooses in Electron's View menu (Theme, Language) as if
// chosen on the page. The page's choices update the menu's radios in turn (setTheme, setLocale).

import { useEffect } from 'react';
import type { RecapApi } from '../../electron/core/contract';
import { desk } from '../api/desk';
import { setLocaleChoice, useLocale, useLocaleChoice } from './locale';
import { setThemeChoice } from './theme';

export function useDeskSync(api: RecapApi): void {
  const locale = useLocale();
  const choice = useLocaleChoice();
  useEffect(() => {
    api.setLocale({ locale, choice }).catch(() => {
      // The page speaks the language either way; only the native menus keep theirs.
    });
  }, [api, locale, choice]);
  useEffect(
    () =>
      desk()?.onViewChoice((c) => {
        if ('theme' in c) setThemeChoice(c.theme);
        else setLocaleChoice(c.locale);
      }),
    [],
  );
}
