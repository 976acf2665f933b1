import type { ThemeChoice } from '../../electron/core/contract';
import type { MessageKey } from '../../electron/core/i18n/messages';
import { useT } from './locale';
import { setThemeChoice, useThemeChoice } from './theme';

const OPTIONS: { value: ThemeChoice; label: MessageKey }[] = [
  { value: 'system', label: 'theme.system' },
  { value: 'light', label: 'theme.light' },
  { value: 'dark', label: 'theme.dark' },
];

/** The theme switch of the home screen's bar and the editor's top bar. */
export function ThemeSelect() {
  const choice = useThemeChoice();
  const t = useT();
  return (
    <label className="theme-select" title={t('theme.title')}>
      <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden focusable="false">
        <circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" strokeWidth="1.4" />
        <path d="M8 1.8a6.2 6.2 0 0 1 0 12.4z" fill="currentColor" />
      </svg>
      <select aria-label={t('theme.label')} data-testid="theme-select" value={choice} onChange={(e) => setThemeChoice(e.target.value as ThemeChoice)}>
        {OPTIONS.map((o) => (
          <option key={o.value} value={o.value}>
            {t(o.label)}
          </option>
        ))}
      </select>
    </label>
  );
}
