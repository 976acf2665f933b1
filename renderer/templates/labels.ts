// How a template is named in the New recap list.

import type { TemplateInfo } from '../../electron/core/contract';
import type { Translate } from '../ui/locale';
import { baseName } from '../ui/paths';

export function templateLabel(t: Translate, x: TemplateInfo): string {
  switch (x.source) {
    case 'builtin':
      return t('templates.builtinLabel');
    case 'app':
      return t('templates.appLabel', { name: x.name });
    case 'site':
      return t('templates.siteLabel', { site: baseName(x.site ?? ''), name: x.name });
    case 'archetype':
      return t('templates.archetypeLabel', { site: baseName(x.site ?? ''), name: x.name });
    case 'posts':
      return t('templates.postsLabel', { site: baseName(x.site ?? '') });
  }
}
