// The contract's drafts: every recap being written lives in the app's data folder and autosaves;
// snapshots, the trash, recent files and the home screen's data. Type-only.

import type { Msg } from '../i18n/messages';

export interface DraftSummary {
  id: string;
  /** The front matter's title, '' when it has none. */
  title: string;
  /** The profile's date field (createTime), as written, or null. */
  eventDate: string | null;
  photoCount: number;
  /** ISO times. */
  created: string;
  updated: string;
  /** The cover photo's local file (the profile's cover field, else the first photo), or null. */
  coverPath: string | null;
  /**
   * A 320 px JPEG of the cover when already made (coverThumbnail makes it), or null: a local
   * path inside the service, a URL the renderer can load in every answer that crosses a door.
   */
  coverThumb: string | null;
  /** The draft's Markdown file in the data folder. */
  recapPath: string;
  /** What the photo library takes as `recapPath`: the linked file, else the draft's file. */
  photoRecapPath: string;
  imageDir: string;
  /** The file on disk this draft shadows, or null. */
  linkedPath: string | null;
  /** The draft holds changes not yet written back to its linked file. */
  unsavedToFile: boolean;
  /**
   * For a draft linked to a post of a multilingual site: the post's languages (the home screen
   * shows the drafts of one group as one card). Absent for any other draft.
   */
  languageGroup?: DraftLanguageGroup;
}

/** One language of a draft's language group. */
export interface DraftLanguage {
  lang: string;
  /** Where the post in this language is (or would go). */
  path: string;
  exists: boolean;
  isSource: boolean;
  /** Source paragraphs changed since this translation was last saved (0 for the source). */
  changedBlocks: number;
  /** Front-matter fields still to translate (0 for the source). */
  untranslated: number;
  /** The draft that shadows this language's post, or null. */
  draftId: string | null;
}

/** A post among its translations, computed through the translation service (translationsOf). */
export interface DraftLanguageGroup {
  /** The source post's path: the same for every draft of the group. */
  source: string;
  /** This draft's language. */
  lang: string;
  /** The site's languages, the source first. */
  languages: DraftLanguage[];
}

export interface SnapshotInfo {
  id: string;
  /** ISO time of the version it holds. */
  time: string;
  bytes: number;
  /** It holds the same text as the draft now. */
  isCurrent: boolean;
  /** This text was saved to the recap's file, or exported (the latest of the two). */
  label?: 'saved' | 'exported';
}

export type LinkedFileStatus =
  | { state: 'unlinked'; path: null; unsavedToFile: false }
  | { state: 'unchanged'; path: string; unsavedToFile: boolean; diskHash: string }
  | { state: 'deleted'; path: string; unsavedToFile: boolean }
  | {
      state: 'changed';
      path: string;
      unsavedToFile: boolean;
      diskHash: string;
      diskMtimeMs: number;
      /** The file's text now, for "compare" (null when it is no longer UTF-8 text). */
      diskText: string | null;
    };

export interface OpenedFileDraft {
  draft: DraftSummary;
  text: string;
  /** The file already had a draft shadow, which was reopened. */
  reused: boolean;
  /** The shadow had no unsaved changes and the file had changed: it was reloaded from disk. */
  reloaded: boolean;
  linked: LinkedFileStatus;
  /** Set when the draft was damaged and an earlier version took its place: what happened (in English). */
  recovered: string | null;
  /** The same message in the catalogue, said in the reader's language (the page checks it with isMsg). */
  recoveredMsg?: Msg;
}

export interface TrashedDraft {
  id: string;
  title: string;
  deletedAt: string;
  expiresAt: string;
}

export interface SessionRecovery {
  /** The previous run ended without markSessionClean (a crash, a kill, a power cut). */
  crashed: boolean;
  /** The drafts that were open then, to reopen. Empty after a clean quit. */
  reopen: DraftSummary[];
  /**
   * "Recovered 2 drafts with changes up to 14:05", counting the reopened drafts that hold changes
   * no file has (not saved to a file yet, or changed since the last save); null when none does.
   */
  message: string | null;
  /** The same message in the catalogue, said in the reader's language (the page checks it with isMsg). */
  messageMsg?: Msg;
}

export interface RecentFile {
  path: string;
  openedAt: string;
  exists: boolean;
}

export interface OpenDraftResult {
  draft: DraftSummary;
  text: string;
  linked: LinkedFileStatus;
  /** Set when the draft was damaged and an earlier version took its place: what happened (in English). */
  recovered: string | null;
  /** The same message in the catalogue, said in the reader's language (the page checks it with isMsg). */
  recoveredMsg?: Msg;
}

export interface SaveToFileRequest {
  id: string;
  text: string;
  /** Save As: the new file. Omitted: write back to the linked file. */
  path?: string;
  /** Save As over an existing file the author confirmed replacing. */
  overwrite?: boolean;
  /**
   * Write back only if the file on disk still has this hash ("keep mine" passes the hash of
   * the version it overrides; null means the file is expected to be gone). Omitted: the hash
   * the draft last loaded or saved.
   */
  expectHash?: string | null;
}

export interface HomeData {
  drafts: DraftSummary[];
  recent: RecentFile[];
  trash: TrashedDraft[];
}
