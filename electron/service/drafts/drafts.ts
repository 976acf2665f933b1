// Drafts that are never lost. Every recap being written lives in the app's data folder:
//
//   <home>/drafts/<id>/recap.md        the Markdown, exactly as the editor holds it
//   <home>/drafts/<id>/meta.json       title, event date, photo count, cover, linked file…
//   <home>/drafts/<id>/static/images/… the draft's photos, the site's layout mirrored (imageFolderFor)
//   <home>/drafts/<id>/history/*.md    snapshots, thinned by age (history.ts)
//   <home>/trash/<id>/                 deleted drafts, restorable for 30 days
//   <home>/session.json, recent.json   what was open (crash recovery), recently opened files
//
// An autosave writes meta.json first (naming the new text's hash and the one on disk), then
// recap.md; both atomically (temp, fsync, rename, fsync folder). So after a kill at any moment
// recap.md is either the text before or the text after, and its hash is one of the two that
// meta.json names; any other recap.md is damaged (truncated by a failing disk, edited by a
// stranger), is set aside, and the last good snapshot takes its place.
//
// The home screen reads meta.json only (never the texts): 200 drafts list in milliseconds.

import type { DraftSummary, LinkedFileStatus, OpenedFileDraft, RecentFile, SessionRecovery, SnapshotInfo, TrashedDraft } from '../../core/contract';
import { saveDraft } from './autosave';
import { coverThumbnail } from './cover-thumbnail';
import { createDraft, duplicateDraft } from './create';
import { adoptExportedPost } from './exported-post';
import { checkLinkedFile, reloadLinkedFile, saveDraftAs, writeBackLinkedFile } from './linked-file';
import { listDrafts } from './list';
import { loadDraft } from './load';
import { openFile } from './open-file';
import { addRecentFile, listRecentFiles, removeRecentFile } from './recent-files';
import { markSessionClean, recoverSession, setOpenDrafts } from './session';
import { createDraftContext } from './store-context';
import type { DraftStore, DraftStoreOptions } from './store-types';
import { deleteDraft, listTrash, purgeTrash, restoreDraft } from './trash';
import { diffSnapshot, listHistory, readSnapshot, restoreSnapshot } from './versions';

// Where each job lives, in this folder:
//   store-context.ts   the store's state (options, paths, caches, lock); store-types.ts its shapes
//   meta.ts, summary.ts meta.json and what the home screen shows of it
//   autosave.ts        the save path (meta.json, then recap.md; the history when due)
//   load.ts            opening a draft, and the recovery of a damaged recap.md
//   create.ts          new drafts and duplicates; list.ts the home screen's list
//   snapshots.ts       the history folder; versions.ts the History panel (list, read, diff, restore)
//   trash.ts           delete, restore, purge
//   linked-file.ts     Save, Save As, Reload of a linked file; open-file.ts, exported-post.ts
//   session.ts, recent-files.ts, cover-thumbnail.ts
export type { DraftSummary, LinkedFileStatus, OpenedFileDraft, RecentFile, SessionRecovery, SnapshotInfo, TrashedDraft };
export type { DraftFs, DraftStore, DraftStoreOptions, LoadedDraft, SaveDraftResult } from './store-types';
export { defaultDraftsHome } from './store-context';
export { clockTime, sha256 } from './draft-text';

export function createDraftStore(options: DraftStoreOptions = {}): DraftStore {
  const ctx = createDraftContext(options);
  return {
    home: ctx.home,
    createDraft: (text, opts) => createDraft(ctx, text, opts),
    openFile: (filePath) => openFile(ctx, filePath),
    saveDraft: (id, text, opts) => saveDraft(ctx, id, text, opts),
    loadDraft: (id) => loadDraft(ctx, id),
    listDrafts: (opts) => listDrafts(ctx, opts),
    duplicateDraft: (id) => duplicateDraft(ctx, id),
    deleteDraft: (id) => deleteDraft(ctx, id),
    restoreDraft: (id) => restoreDraft(ctx, id),
    listTrash: () => listTrash(ctx),
    purgeTrash: () => purgeTrash(ctx),
    listHistory: (id) => listHistory(ctx, id),
    readSnapshot: (id, snapId) => readSnapshot(ctx, id, snapId),
    diffSnapshot: (id, snapId) => diffSnapshot(ctx, id, snapId),
    restoreSnapshot: (id, snapId) => restoreSnapshot(ctx, id, snapId),
    checkLinkedFile: (id) => checkLinkedFile(ctx, id),
    writeBackLinkedFile: (id, text, opts) => writeBackLinkedFile(ctx, id, text, opts),
    saveDraftAs: (id, filePath, text, opts) => saveDraftAs(ctx, id, filePath, text, opts),
    adoptExportedPost: (recapPath, postFile, text) => adoptExportedPost(ctx, recapPath, postFile, text),
    reloadLinkedFile: (id) => reloadLinkedFile(ctx, id),
    setOpenDrafts: (ids) => setOpenDrafts(ctx, ids),
    markSessionClean: () => markSessionClean(ctx),
    recoverSession: () => recoverSession(ctx),
    addRecentFile: (filePath) => addRecentFile(ctx, filePath),
    listRecentFiles: () => listRecentFiles(ctx),
    removeRecentFile: (filePath) => removeRecentFile(ctx, filePath),
    coverThumbnail: (id) => coverThumbnail(ctx, id),
  };
}
