// The export dialog's "with its translations" option, shown when the recap has translations
// in its site: the recap and each of them go in one plan, one check, one write.

import { useEffect, useState } from 'react';
import type { RecapApi } from '../../electron/core/contract';
import { useT } from '../ui/locale';

interface Props {
  api: RecapApi;
  recapPath: string;
  checked: boolean;
  onChange(checked: boolean): void;
}

export function WithTranslationsOption({ api, recapPath, checked, onChange }: Props) {
  const t = useT();
  const [langs, setLangs] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    api.translationsOf({ path: recapPath }).then(
      (set) => {
        if (live) setLangs(set.entries.filter((e) => e.exists).map((e) => e.lang));
      },
      () => {
        // Not in a site with languages: the recap goes alone.
        if (live) setLangs([]);
      },
    );
    return () => {
      live = false;
    };
  }, [api, recapPath]);
  if (langs.length < 2) return null;
  return (
    <label className="export-option">
      <input type="checkbox" checked={checked} data-testid="export-with-translations" onChange={(e) => onChange(e.target.checked)} />
      {t('translation.exportTogether', { languages: langs.join(', ') })}
    </label>
  );
}
