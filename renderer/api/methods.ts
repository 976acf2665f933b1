import type { RecapApi, RecapMethod, RequestOf, ResponseOf } from '../../electron/core/contract';

/** Every method of the contract; the check below fails to compile when one is missing. */
const METHODS = [
  'appInfo',
  'newRecap',
  'openRecap',
  'saveRecap',
  'lintRecap',
  'resolveImages',
  'listDirectory',
  'showOpenDialog',
  'showSaveDialog',
  'setDocumentState',
  'setTheme',
  'setLocale',
  'setSpellcheckLanguages',
  'findInPage',
  'stopFindInPage',
  'closeWindow',
  'photoFolder',
  'importPhoto',
  'listPhotos',
  'linkedPhotos',
  'copyLinkedPhoto',
  'removePhoto',
  'restorePhoto',
  'replacePhoto',
  'showPhotoDialog',
  'recoverSession',
  'homeData',
  'openDraft',
  'autosave',
  'saveToFile',
  'checkLinkedFile',
  'reloadLinkedFile',
  'duplicateDraft',
  'deleteDraft',
  'restoreDraft',
  'listHistory',
  'diffSnapshot',
  'restoreSnapshot',
  'setOpenDrafts',
  'coverThumbnail',
  'removeRecentFile',
  'listSites',
  'rememberSite',
  'forgetSite',
  'planExport',
  'exportRecap',
  'showFolderDialog',
  'listTemplates',
  'saveTemplate',
  'linkCard',
  'addTranslation',
  'translationsOf',
  'translationView',
] as const satisfies readonly RecapMethod[];

type Missing = Exclude<RecapMethod, (typeof METHODS)[number]>;
const complete: [Missing] extends [never] ? true : Missing = true;
void complete;

export type Caller = <M extends RecapMethod>(method: M, req: RequestOf<M>) => Promise<ResponseOf<M>>;

/** The whole RecapApi over one transport function. */
export function apiFrom(call: Caller): RecapApi {
  const api: Record<string, (req: unknown) => Promise<unknown>> = {};
  for (const m of METHODS) api[m] = (req: unknown) => call(m, req as RequestOf<typeof m>);
  return api as unknown as RecapApi;
}
