// The built-in site profiles (assets/profiles/*.yml) are written in English; their labels and
// help read in the interface's language through the catalogue, found by their English text as
// gettext finds a message by its msgid. A site's own profile (.recap-studio.yml) is the site's
// words and stays as written.
import { CATALOGUES, format } from '../../electron/core/i18n/messages';
import type { Locale, MessageKey } from '../../electron/core/i18n/messages';

let byEnglish: Map<string, MessageKey> | null = null;

function keyFor(text: string): MessageKey | undefined {
  if (!byEnglish) {
    byEnglish = new Map();
    for (const [key, english] of Object.entries(CATALOGUES.en)) if (key.startsWith('profileText.')) byEnglish.set(english, key as MessageKey);
  }
  return byEnglish.get(text);
}

/** A built-in profile's label or help in `locale`; any other text as it is. */
export function profileText(locale: Locale, text: string): string {
  if (locale === 'en') return text;
  const key = keyFor(text);
  return key ? format(locale, key) : text;
}
