// "New recap", from the event template or from a Hugo archetype of a site the author exported to.

import { useEffect, useState } from 'react';
import type { RecapApi } from '../../electron/core/contract';
import { useT } from '../ui/locale';
import { baseName } from '../ui/paths';

/** A Hugo archetype of a remembered site, to start a new recap from. */
export interface NewTemplate {
  site: string;
  archetype: string;
}

/** The archetypes of the sites the author exported to: templates for a new recap in that site. */
function useSiteTemplates(api: RecapApi): NewTemplate[] {
  const [templates, setTemplates] = useState<NewTemplate[]>([]);
  useEffect(() => {
    let stop = false;
    api.listSites().then(
      (list) => {
        if (!stop) setTemplates(list.filter((s) => s.available).flatMap((s) => s.archetypes.map((archetype) => ({ site: s.root, archetype }))));
      },
      () => undefined,
    );
    return () => {
      stop = true;
    };
  }, [api]);
  return templates;
}

export function NewRecap({ api, onNew }: { api: RecapApi; onNew(template: NewTemplate | null): void }) {
  const templates = useSiteTemplates(api);
  const [template, setTemplate] = useState('');
  const t = useT();
  return (
    <>
      {templates.length > 0 && (
        <select className="home-template" data-testid="home-template" aria-label={t('home.templateLabel')} value={template} onChange={(e) => setTemplate(e.target.value)}>
          <option value="">{t('home.eventTemplate')}</option>
          {templates.map((tpl, i) => (
            <option key={`${tpl.site}:${tpl.archetype}`} value={String(i)}>
              {baseName(tpl.site)} — archetypes/{tpl.archetype}.md
            </option>
          ))}
        </select>
      )}
      <button type="button" className="button button-primary" data-testid="home-new" onClick={() => onNew(template === '' ? null : (templates[Number(template)] ?? null))}>
        {t('home.newRecap')}
      </button>
    </>
  );
}
