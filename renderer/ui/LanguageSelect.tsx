import { LOCALES, LOCALE_NAMES } from '../../electron/core/i18n/messages';
import { LabelledSelect } from './LabelledSelect';
import type { SelectOption } from './LabelledSelect';
import { setLocaleChoice, useLocaleChoice, useT } from './locale';
import type { LocaleChoice } from './locale';

const GLOBE = (
  <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden focusable="false">
    <circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" strokeWidth="1.3" />
    <path d="M1.8 8h12.4M8 1.8c2 2 2 10.4 0 12.4M8 1.8c-2 2-2 10.4 0 12.4" fill="none" stroke="currentColor" strokeWidth="1.1" />
  </svg>
);

/** The interface-language switch of the home screen's bar and the editor's status bar. */
export function LanguageSelect() {
  const choice = useLocaleChoice();
  const t = useT();
  // Each language in its own name, as its readers look for it.
  const options: SelectOption<LocaleChoice>[] = [{ value: 'system', label: t('language.system') }, ...LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l], lang: l }))];
  return <LabelledSelect icon={GLOBE} title={t('language.title')} label={t('language.label')} testId="language-select" value={choice} options={options} onChange={setLocaleChoice} />;
}
