// The drafts store's public shapes: its options, what it returns, and the store itself.

import type { promises as nodeFs } from 'node:fs';
import type { SiteProfile } from '../../core/contract';
import type { HistoryPolicy, LineDiff } from '../../core/history';
import type { Msg } from '../../core/i18n/messages';
import type { DraftSummary, LinkedFileStatus, OpenedFileDraft, RecentFile, SessionRecovery, SnapshotInfo, TrashedDraft } from '../../core/contract';

/** The fs calls the store makes; tests pass a real fs with one call made to fail. */
export type DraftFs = Pick<typeof nodeFs, 'open' | 'rename' | 'unlink' | 'stat' | 'readFile' | 'readdir' | 'mkdir' | 'rm' | 'cp' | 'writeFile'>;

export interface DraftStoreOptions {
  /** The app's data folder. Default: RECAP_STUDIO_HOME, else $XDG_DATA_HOME/recap-studio. */
  home?: string;
  fs?: DraftFs;
  /** The clock (epoch ms); tests move it. */
  now?: () => number;
  /** The site profile that decides a draft's fields and photo folder. Default: the built-in one. */
  profileFor?: (recapPath: string) => SiteProfile;
  history?: Partial<HistoryPolicy> & {
    /** While typing, the text on disk is snapshotted at most this often (default 60 s)… */
    snapshotEveryMs?: number;
    /** …and always when it has stood this long untouched (the end of a burst; default 30 s). */
    pauseMs?: number;
  };
  /** How long a deleted draft stays restorable (default 30 days). */
  trashMaxAgeMs?: number;
  /** Length of the recent-files list (default 20). */
  recentMax?: number;
}

export interface LoadedDraft {
  draft: DraftSummary;
  text: string;
  /** Set when recap.md was damaged and a snapshot took its place: what happened, for the author (in English). */
  recovered: string | null;
  /** The same message in the catalogue, said in the reader's language. */
  recoveredMsg?: Msg;
}

export interface SaveDraftResult {
  /** False when the text was already saved (nothing was written). */
  changed: boolean;
  draft: DraftSummary;
  /** The snapshot this save added to the history, if any. */
  snapshot: string | null;
}

export interface DraftStore {
  readonly home: string;
  /** `site`: the website checkout the draft is started for (its rules apply; see DraftMeta.site). */
  createDraft(text: string, opts?: { filePath?: string; site?: string }): Promise<DraftSummary>;
  /** Opens a file from disk as a draft shadow (reusing the one it already has). */
  openFile(filePath: string): Promise<OpenedFileDraft>;
  saveDraft(id: string, text: string, opts?: { snapshot?: boolean }): Promise<SaveDraftResult>;
  loadDraft(id: string): Promise<LoadedDraft>;
  /** `between` runs between batches of drafts (the start's warm-up waits there while the page's calls run). */
  listDrafts(opts?: { query?: string; between?: () => Promise<void> }): Promise<DraftSummary[]>;
  duplicateDraft(id: string): Promise<DraftSummary>;
  deleteDraft(id: string): Promise<TrashedDraft>;
  restoreDraft(id: string): Promise<DraftSummary>;
  listTrash(): Promise<TrashedDraft[]>;
  purgeTrash(): Promise<number>;
  listHistory(id: string): Promise<SnapshotInfo[]>;
  readSnapshot(id: string, snapId: string): Promise<string>;
  /** The snapshot → the current text. */
  diffSnapshot(id: string, snapId: string): Promise<LineDiff>;
  restoreSnapshot(id: string, snapId: string): Promise<{ text: string; draft: DraftSummary; savedCurrentAs: string | null }>;
  checkLinkedFile(id: string): Promise<LinkedFileStatus>;
  /** Save: writes the text to the linked file, refusing CHANGED_ON_DISK when it changed since. */
  writeBackLinkedFile(id: string, text: string, opts?: { expectHash?: string | null }): Promise<LinkedFileStatus>;
  /** Save As: writes the text to a new file and links the draft to it. */
  saveDraftAs(id: string, filePath: string, text: string, opts?: { overwrite?: boolean }): Promise<LinkedFileStatus>;
  /**
   * An export wrote `text` to `postFile` for the recap at `recapPath` (a draft's own file or
   * its linked file): a draft without a file is linked to the post, and a draft linked to that
   * very post learns the file's new state, so Save knows the write was its own. null when no
   * draft is that recap, or it is linked to another file.
   */
  adoptExportedPost(recapPath: string, postFile: string, text: string): Promise<DraftSummary | null>;
  /** Reload: the file's text replaces the draft's (which goes to the history first). */
  reloadLinkedFile(id: string): Promise<{ text: string; draft: DraftSummary }>;
  setOpenDrafts(ids: string[]): Promise<void>;
  markSessionClean(): Promise<void>;
  recoverSession(): Promise<SessionRecovery>;
  addRecentFile(filePath: string): Promise<RecentFile[]>;
  listRecentFiles(): Promise<RecentFile[]>;
  removeRecentFile(filePath: string): Promise<RecentFile[]>;
  /** Makes (once) and returns the cover's 320 px thumbnail, or null when there is no cover. */
  coverThumbnail(id: string): Promise<string | null>;
}
