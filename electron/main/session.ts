// The session's switches: no permission is ever granted or reported as granted (our page needs
// no camera, notifications, clipboard reads, devices…), and the spellchecker uses an explicit
// language list and never downloads a dictionary from a remote host.

import { app, type Session } from 'electron';
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
