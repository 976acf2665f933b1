// Photo sizes as the tray and the import panel show them, in the interface's language.

import type { Locale } from '../../electron/core/i18n/messages';

/** "340 KB", "1.4 MB", "12 MB" (at least 1 KB), the number written for `locale`. */
export function formatBytes(bytes: number, locale: Locale): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString(locale)} KB`;
  const mb = bytes / (1024 * 1024);
  return `${mb.toLocaleString(locale, { maximumFractionDigits: mb >= 10 ? 0 : 1, minimumFractionDigits: mb >= 10 ? 0 : 1 })} MB`;
}
