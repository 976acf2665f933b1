import type { ThemeChoice } from '../../electron/core/contract';
import type { MessageKey } from '../../electron/core/i18n/messages';
import { LabelledSelect } from './LabelledSelect';
import { useT } from './locale';
import { setThemeChoice, useThemeChoice } from './theme';

const OPTIONS: { value: ThemeChoice; label: MessageKey }[] = [
  { value: 'system', label: 'theme.system' },
  { value: 'light', label: 'theme.light' },
  { value: 'dark', label: 'theme.dark' },
];

const HALF_DISC = (
  <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden focusable="false">
    <circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" strokeWidth="1.4" />
    <path d="M8 1.8a6.2 6.2 0 0 1 0 12.4z" fill="currentColor" />
  </svg>
);

/** The theme switch of the home screen's bar and the editor's status bar. */
export function ThemeSelect() {
  const choice = useThemeChoice();
  const t = useT();
  const options = OPTIONS.map((o) => ({ value: o.value, label: t(o.label) }));
  return <LabelledSelect icon={HALF_DISC} title={t('theme.title')} label={t('theme.label')} testId="theme-select" value={choice} options={options} onChange={setThemeChoice} />;
}
