import { LOCALES, LOCALE_NAMES } from '../../electron/core/i18n/messages';
import { setLocaleChoice, useLocaleChoice, useT } from './locale';
import type { LocaleChoice } from './locale';

/** The interface-language switch of the home screen's bar and the editor's top bar. */
export function LanguageSelect() {
  const choice = useLocaleChoice();
  const t = useT();
  return (
    <label className="theme-select" title={t('language.title')}>
      <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden focusable="false">
        <circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" strokeWidth="1.3" />
        <path d="M1.8 8h12.4M8 1.8c2 2 2 10.4 0 12.4M8 1.8c-2 2-2 10.4 0 12.4" fill="none" stroke="currentColor" strokeWidth="1.1" />
      </svg>
      <select
        aria-label={t('language.label')}
        data-testid="language-select"
        value={choice}
        onChange={(e) => setLocaleChoice(e.target.value as LocaleChoice)}
      >
        <option value="system">{t('language.system')}</option>
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
