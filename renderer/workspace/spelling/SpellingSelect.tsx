import { useMemo } from 'react';
import { useLocale, useT } from '../../ui/locale';
import { pickSpelling, useSpelling } from './spelling';
import './spelling.css';

/** A dictionary's name in the interface language ("American English", "英语（美国）"). */
function languageName(names: Intl.DisplayNames | null, tag: string): string {
  try {
    return names?.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** "Spelling: Automatic (English) ▾" in the top bar: Electron only, per recap. */
export function SpellingSelect() {
  // Without the switch (the browser mode, the home screen) nothing is built: the language names
  // cost the page's first Intl.DisplayNames, which showing a recap should not wait for.
  return useSpelling().shown ? <SpellingMenu /> : null;
}

function SpellingMenu() {
  const spelling = useSpelling();
  const locale = useLocale();
  const t = useT();
  const names = useMemo(() => (typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames([locale], { type: 'language' }) : null), [locale]);
  const options = useMemo(
    () =>
      // A pick remembered for this recap stays listed even where that dictionary is missing.
      [...new Set([...spelling.available, ...(spelling.picked ? [spelling.picked] : [])])]
        .map((tag) => ({ tag, name: languageName(names, tag) }))
        .sort((a, b) => a.name.localeCompare(b.name, locale)),
    [spelling.available, spelling.picked, names, locale],
  );
  const automatic = spelling.automatic ? languageName(names, spelling.automatic) : t('spelling.system');
  const wanted = spelling.picked ?? spelling.automatic;
  const missing = wanted !== null && spelling.inUse.length > 0 && !spelling.inUse.includes(wanted);
  return (
    <label className="theme-select spelling-select" title={`${t('spelling.label')}: ${missing ? t('spelling.unavailable', { language: languageName(names, wanted) }) : t('spelling.title')}`}>
      <span className="spelling-mark" aria-hidden>
        abc
      </span>
      <select aria-label={t('spelling.label')} data-testid="spelling-select" value={spelling.picked ?? ''} onChange={(e) => pickSpelling(e.target.value === '' ? null : e.target.value)}>
        <option value="">{t('spelling.automatic', { language: automatic })}</option>
        {options.map((o) => (
          <option key={o.tag} value={o.tag}>
            {o.name}
          </option>
        ))}
      </select>
    </label>
  );
}
