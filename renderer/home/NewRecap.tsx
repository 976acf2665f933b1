// "New recap", from a template: the built-in event recap, one saved in Recap Studio, or a saved
// template or Hugo archetype of a site the author pointed Recap Studio at.

import { useEffect, useState } from 'react';
import type { RecapApi, TemplateInfo } from '../../electron/core/contract';
import { templateLabel } from '../templates/labels';
import { useT } from '../ui/locale';

/** The template a new recap starts from. */
export type NewTemplate = TemplateInfo;

/** The templates a new recap can start from (the built-in one first). */
function useTemplates(api: RecapApi): TemplateInfo[] {
  const [templates, setTemplates] = useState<TemplateInfo[]>([]);
  useEffect(() => {
    let stop = false;
    api.listTemplates({}).then(
      (list) => {
        if (!stop) setTemplates(list);
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
  const t = useT();
  const templates = useTemplates(api);
  const [template, setTemplate] = useState('');
  const picked = templates.find((x) => x.id === template) ?? null;
  return (
    <>
      {templates.length > 1 && (
        <select className="home-template" data-testid="home-template" aria-label={t('templates.pickLabel')} value={template} onChange={(e) => setTemplate(e.target.value)}>
          {templates.map((x) => (
            <option key={x.id} value={x.source === 'builtin' ? '' : x.id}>
              {templateLabel(t, x)}
            </option>
          ))}
        </select>
      )}
      <button type="button" className="button button-primary" data-testid="home-new" onClick={() => onNew(picked && picked.source !== 'builtin' ? picked : null)}>
        {t('home.newRecap')}
      </button>
    </>
  );
}
