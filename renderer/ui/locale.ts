// The interface's language: System (the browser's or Electron's languages, navigator.languages),
// English or Simplified Chinese, remembered in localStorage. Components read it with `useT()`;
// code outside components (toasts from hooks) with `t()`, which reads the current language.
// The resolved language is `lang` on <html>, so screen readers and fonts follow it.

import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { addCatalogue, format, formatMsg, hasCatalogue, isLocale, pickLocale } from '../../electron/core/i18n/messages';
import type { Locale, MessageKey, Msg, Param } from '../../electron/core/i18n/messages';

export type LocaleChoice = 'system' | Locale;
export const LOCALE_KEY = 'recap-studio.locale';

const listeners = new Set<() => void>();

function stored(): LocaleChoice {
  try {
    const v = window.localStorage.getItem(LOCALE_KEY);
    return isLocale(v) ? v : 'system';
  } catch {
    return 'system';
  }
}

function systemLocale(): Locale {
  const tags = navigator.languages?.length ? navigator.languages : [navigator.language];
  return pickLocale(tags);
}

let choice: LocaleChoice = typeof window === 'undefined' ? 'system' : stored();
let locale: Locale = typeof window === 'undefined' ? 'en' : choice === 'system' ? systemLocale() : choice;

function applyLang(): void {
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}
applyLang();

export function currentLocale(): Locale {
  return locale;
}

/**
 * The words of `wanted`, loaded when the page does not have them yet (English always is; the
 * others are chunks of their own). Resolves at once when they are here.
 */
export function loadCatalogue(wanted: Locale): Promise<void> {
  if (hasCatalogue(wanted)) return Promise.resolve();
  return import('../../electron/core/i18n/zh-CN').then((m) => addCatalogue('zh-CN', m.zhCN));
}

let switchSerial = 0;

export function setLocaleChoice(next: LocaleChoice): void {
  choice = next;
  try {
    if (next === 'system') window.localStorage.removeItem(LOCALE_KEY);
    else window.localStorage.setItem(LOCALE_KEY, next);
  } catch {
    // Not remembered, still applied.
  }
  const wanted = next === 'system' ? systemLocale() : next;
  const mine = ++switchSerial;
  const apply = (): void => {
    if (mine !== switchSerial) return;
    locale = wanted;
    applyLang();
    listeners.forEach((l) => l());
  };
  if (hasCatalogue(wanted)) return apply();
  // The choice shows at once; the words follow as soon as their catalogue is here (a failed
  // load leaves the words in English, the fallback).
  listeners.forEach((l) => l());
  void loadCatalogue(wanted).then(apply, apply);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The message `key` in the current language (for code outside components). */
export function t(key: MessageKey, params?: Readonly<Record<string, Param>>): string {
  return format(locale, key, params);
}

/** A catalogue message (an error's or a problem's `msg`) in the current language. */
export function tMsg(m: Msg): string {
  return formatMsg(locale, m);
}

export function useLocaleChoice(): LocaleChoice {
  return useSyncExternalStore(subscribe, () => choice);
}

export function useLocale(): Locale {
  return useSyncExternalStore(subscribe, () => locale);
}

export type Translate = (key: MessageKey, params?: Readonly<Record<string, Param>>) => string;

/** `t` for a component: it re-renders when the language changes. */
export function useT(): Translate {
  const current = useLocale();
  return useCallback((key, params) => format(current, key, params), [current]);
}

/** Once, at the app's root: follows the system's languages when they change (System). */
export function useLocaleSync(): void {
  useEffect(() => {
    const onChange = (): void => {
      if (choice === 'system') setLocaleChoice('system');
    };
    window.addEventListener('languagechange', onChange);
    return () => window.removeEventListener('languagechange', onChange);
  }, []);
}
