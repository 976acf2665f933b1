import type { ThemeChoice } from '../../electron/core/contract';
import { setThemeChoice, useThemeChoice } from './theme';

const OPTIONS: { value: ThemeChoice; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/** The theme switch of the home screen's bar and the editor's top bar. */
export function ThemeSelect() {
  const choice = useThemeChoice();
  return (
    <label className="theme-select" title="Light or dark, or as the system is set">
      <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden focusable="false">
        <circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" strokeWidth="1.4" />
        <path d="M8 1.8a6.2 6.2 0 0 1 0 12.4z" fill="currentColor" />
      </svg>
      <select aria-label="Theme" data-testid="theme-select" value={choice} onChange={(e) => setThemeChoice(e.target.value as ThemeChoice)}>
        {OPTIONS.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
