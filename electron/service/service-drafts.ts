// The service's draft methods: the home screen, autosave, the linked file, history and the
// session. Every draft summary leaves with its cover as a URL the renderer can load.

import type { ServiceContext } from './service-context';
import type { RecapService } from './service';
import { recordSaved } from './translation/translation';

export type DraftMethodName =
  | 'recoverSession'
  | 'homeData'
  | 'autosave'
  | 'saveToFile'
  | 'checkLinkedFile'
  | 'reloadLinkedFile'
  | 'duplicateDraft'
  | 'deleteDraft'
  | 'restoreDraft'
  | 'listHistory'
  | 'diffSnapshot'
  | 'restoreSnapshot'
  | 'setOpenDrafts'
  | 'coverThumbnail'
  | 'removeRecentFile';
type DraftMethods = Pick<RecapService, DraftMethodName | 'markSessionClean' | 'warmHomeData'>;

export function draftMethods(ctx: ServiceContext): DraftMethods {
  const { drafts, shown } = ctx;
  return {
    async recoverSession() {
      await drafts().purgeTrash().catch(() => 0);
      const r = await drafts().recoverSession();
      return { ...r, reopen: r.reopen.map(shown) };
    },

    async homeData(req) {
      const [list, recent, trash] = await Promise.all([drafts().listDrafts(req.query ? { query: req.query } : {}), drafts().listRecentFiles(), drafts().listTrash()]);
      return { drafts: list.map(shown), recent, trash };
    },

    async warmHomeData(between) {
      await Promise.all([drafts().listDrafts({ between }), drafts().listRecentFiles(), drafts().listTrash()]);
    },

    async autosave(req) {
      return shown((await drafts().saveDraft(req.id, req.text, req.snapshot ? { snapshot: true } : {})).draft);
    },

    async saveToFile(req) {
      const linked =
        req.path !== undefined
          ? await drafts().saveDraftAs(req.id, req.path, req.text, req.overwrite ? { overwrite: true } : {})
          : await drafts().writeBackLinkedFile(req.id, req.text, 'expectHash' in req ? { expectHash: req.expectHash ?? null } : {});
      const draft = (await drafts().loadDraft(req.id)).draft;
      // A translation saved: the source as it is now is what it was translated from.
      if (linked.path) await recordSaved(ctx.dataDir(), linked.path).catch(() => undefined);
      // Saved as another file: the recap is read by that file's rules now (its site's, or none).
      return { draft: shown(draft), linked, ...(req.path !== undefined && linked.path ? { profile: ctx.profileFor(linked.path) } : {}) };
    },

    checkLinkedFile: (req) => drafts().checkLinkedFile(req.id),
    async reloadLinkedFile(req) {
      const r = await drafts().reloadLinkedFile(req.id);
      return { text: r.text, draft: shown(r.draft) };
    },
    duplicateDraft: async (req) => shown(await drafts().duplicateDraft(req.id)),
    deleteDraft: (req) => drafts().deleteDraft(req.id),
    restoreDraft: async (req) => shown(await drafts().restoreDraft(req.id)),
    listHistory: (req) => drafts().listHistory(req.id),
    diffSnapshot: (req) => drafts().diffSnapshot(req.id, req.snapId),
    async restoreSnapshot(req) {
      const r = await drafts().restoreSnapshot(req.id, req.snapId);
      return { text: r.text, draft: shown(r.draft) };
    },
    setOpenDrafts: (req) => drafts().setOpenDrafts(req.ids),
    async coverThumbnail(req) {
      const thumb = await drafts().coverThumbnail(req.id);
      return thumb ? ctx.assetUrl(thumb) : null;
    },
    removeRecentFile: (req) => drafts().removeRecentFile(req.path),
    markSessionClean: async () => {
      const store = ctx.draftsIfMade();
      if (store) await store.markSessionClean();
    },
  };
}
