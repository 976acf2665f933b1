// The service's translation methods: a recap's post in another language of its site, its
// languages and what is out of date, and the side-by-side view's source (translation/).

import type { ServiceContext } from './service-context';
import type { RecapService } from './service';
import { addTranslation, translationsOf, translationView } from './translation/translation';

export type TranslationMethodName = 'addTranslation' | 'translationsOf' | 'translationView';
type TranslationMethods = Pick<RecapService, TranslationMethodName>;

export function translationMethods(ctx: ServiceContext): TranslationMethods {
  const { dataDir } = ctx;
  return {
    addTranslation: async (req) => ({ path: await addTranslation(dataDir(), req.path, req.lang) }),
    translationsOf: (req) => translationsOf(dataDir(), req.path),
    translationView: (req) => translationView(dataDir(), req.path),
  };
}
