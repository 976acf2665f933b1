// The app's theme: System (follows prefers-color-scheme, live), Light or Dark, remembered in
// localStorage. public/theme-boot.js applies it before the first paint; this module keeps it
// applied afterwards. The resolved theme is `data-theme` on <html> (styles.css reads it) and
// `data-color-mode` (the Markdown editor's own colours read that one).

import { useEffect, useSyncExternalStore } from 'react';
import { THEME_CHOICES } from '../../electron/core/contract';
import type { RecapApi, ThemeChoice } from '../../electron/core/contract';

export const THEME_KEY = 'recap-studio.theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

const listeners = new Set<() => void>();

function stored(): ThemeChoice {
  try {
    const v = window.localStorage.getItem(THEME_KEY);
    return THEME_CHOICES.includes(v as ThemeChoice) ? (v as ThemeChoice) : 'system';
  } catch {
    return 'system';
  }
}

let current: ThemeChoice = typeof window === 'undefined' ? 'system' : stored();

export function resolvedTheme(choice: ThemeChoice): 'light' | 'dark' {
  if (choice !== 'system') return choice;
  return window.matchMedia(DARK_QUERY).matches ? 'dark' : 'light';
}

function apply(): void {
  const theme = resolvedTheme(current);
  const root = document.documentElement;
  if (root.getAttribute('data-theme') === theme) return;
  // Every colour changes at once: without this, buttons with a hover transition would fade
  // while the rest of the page has switched.
  root.classList.add('is-theme-switching');
  root.setAttribute('data-theme', theme);
  root.setAttribute('data-color-mode', theme);
  void root.offsetHeight;
  requestAnimationFrame(() => root.classList.remove('is-theme-switching'));
}

export function setThemeChoice(choice: ThemeChoice): void {
  current = choice;
  try {
    if (choice === 'system') window.localStorage.removeItem(THEME_KEY);
    else window.localStorage.setItem(THEME_KEY, choice);
  } catch {
    // Not remembered, still applied.
  }
  apply();
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useThemeChoice(): ThemeChoice {
  return useSyncExternalStore(subscribe, () => current);
}

/**
 * Once, at the app's root: re-applies the theme when the system switches between light and
 * dark (for System), and tells the door (Electron recolours its native window and menus).
 */
export function useThemeSync(api: RecapApi): void {
  const choice = useThemeChoice();
  useEffect(() => {
    const media = window.matchMedia(DARK_QUERY);
    apply();
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, []);
  useEffect(() => {
    api.setTheme({ theme: choice }).catch(() => {
      // The page is themed either way; only the native frame keeps its colours.
    });
  }, [api, choice]);
}
