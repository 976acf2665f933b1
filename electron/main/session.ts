// The session's switches: no permission is ever granted or reported as granted (our page needs
// no camera, notifications, clipboard reads, devices…), and the spellchecker uses an explicit
// language list and never downloads a dictionary from a remote host.

import { app, type Session } from 'electron';
import type { SpellcheckState } from '../core/contract';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Spellcheck languages when the system names none that the spellchecker knows. */
export const FALLBACK_SPELLCHECK_LANGUAGES = ['en-US'];

/**
 * The system's preferred languages that the spellchecker supports (at most three), else
 * en-US. Electron would otherwise guess from the locale.
 */
export function spellcheckLanguages(preferred: string[], available: string[]): string[] {
  const known = new Map(available.map((l) => [l.toLowerCase(), l]));
  const picked: string[] = [];
  for (const lang of preferred) {
    const exact = known.get(lang.toLowerCase()) ?? known.get(lang.split('-')[0]?.toLowerCase() ?? '');
    if (exact && !picked.includes(exact)) picked.push(exact);
    if (picked.length === 3) break;
  }
  return picked.length > 0 ? picked : FALLBACK_SPELLCHECK_LANGUAGES.filter((l) => available.length === 0 || known.has(l.toLowerCase()));
}

/**
 * The dictionaries for a recap's languages (BCP 47, in order): the same tag, else one of the
 * same language (en → en-US, zh-CN → zh-CN or zh-TW when only that exists), at most three.
 */
export function dictionariesFor(requested: readonly string[], available: readonly string[]): string[] {
  const picked: string[] = [];
  for (const tag of requested) {
    const lower = tag.toLowerCase();
    const base = lower.split('-')[0] ?? '';
    const found = available.find((a) => a.toLowerCase() === lower) ?? available.find((a) => a.toLowerCase() === base || a.toLowerCase().startsWith(`${base}-`));
    if (found && !picked.includes(found)) picked.push(found);
    if (picked.length === 3) break;
  }
  return picked;
}

/** The recap's dictionaries, or the system's (spellcheckLanguages) when it names none there are. */
export function applySpellcheckLanguages(ses: Session, requested: readonly string[]): SpellcheckState {
  const available = ses.availableSpellCheckerLanguages;
  const forRecap = dictionariesFor(requested, available);
  const languages = forRecap.length > 0 ? forRecap : spellcheckLanguages(app.getPreferredSystemLanguages(), available);
  ses.setSpellCheckerLanguages(languages);
  return { languages, available: [...available] };
}

/**
 * Where Windows and Linux look for Hunspell dictionaries (`<lang>-<version>.bdic`, from the
 * hunspell_dictionaries.zip Electron publishes with each release): the app's own data folder.
 * Chromium reads a dictionary that is there and, when it is missing, "downloads" it from this
 * local folder instead of Google's CDN, which fails without a network request. macOS uses the
 * system spellchecker and no dictionary files.
 */
export function dictionaryFolder(userData: string): string {
  return path.join(userData, 'Dictionaries');
}

export function lockDownSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);

  if (process.platform !== 'darwin') {
    ses.setSpellCheckerDictionaryDownloadURL(`${pathToFileURL(dictionaryFolder(app.getPath('userData'))).toString()}/`);
  }
  ses.setSpellCheckerLanguages(spellcheckLanguages(app.getPreferredSystemLanguages(), ses.availableSpellCheckerLanguages));
  ses.setSpellCheckerEnabled(true);
}
