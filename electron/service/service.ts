// The service: every real job of Recap Studio, in plain Node. The doors (Electron IPC, the
// browser-mode server, the CLI) translate calls to these methods and nothing else.
//
// The methods are built by capability, each over the shared ServiceContext (service-context.ts):
// recaps and lint (service-recaps.ts), Save and the file picker (service-files.ts), drafts
// (service-drafts.ts), photos (service-photos.ts), sites and export (service-sites.ts), templates and the link card (service-templates.ts).

import type { RecapApi } from '../core/contract';
import { createServiceContext, type ServiceOptions } from './service-context';
import { draftMethods, type DraftMethodName } from './service-drafts';
import { fileMethods, type FileMethodName } from './service-files';
import { photoMethods, type PhotoMethodName } from './service-photos';
import { recapMethods, type RecapMethodName } from './service-recaps';
import { exportMethods, siteMethods, type ExportMethodName, type SiteMethodName } from './service-sites';
import { templateMethods, type TemplateMethodName } from './service-templates';
import { translationMethods, type TranslationMethodName } from './service-translations';

export { isRecapFileName, readRecapFile, MAX_RECAP_BYTES, RECAP_EXTENSIONS } from './files/recap-file';
export type { ServiceOptions } from './service-context';

/** The methods of the page's API the service implements, named by capability. */
export type RecapService = Pick<RecapApi, RecapMethodName | FileMethodName | DraftMethodName | PhotoMethodName | SiteMethodName | ExportMethodName | TemplateMethodName | TranslationMethodName> & {
  /** A normal quit: the next start has nothing to recover. Called by the doors, not the page. */
  markSessionClean(): Promise<void>;
  /**
   * The home screen's data listed and thrown away, `between` awaited between batches of drafts:
   * the start's warm-up (warm-start.ts). Called by the doors, not the page.
   */
  warmHomeData(between: () => Promise<void>): Promise<void>;
};

export function createRecapService(options: ServiceOptions = {}): RecapService {
  const ctx = createServiceContext(options);
  return {
    ...recapMethods(ctx),
    ...draftMethods(ctx),
    ...siteMethods(ctx),
    ...exportMethods(ctx),
    ...fileMethods(ctx),
    ...photoMethods(ctx),
    ...templateMethods(ctx),
    ...translationMethods(ctx),
  };
}
