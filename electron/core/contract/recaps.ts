// The contract's recap files: opening and saving a recap, finding its images, listing folders
// (the browser mode's picker). Type-only.

import type { Msg } from '../i18n/messages';
import type { DraftSummary, LinkedFileStatus } from './drafts';
import type { SiteProfile } from './sites';

export interface OpenedRecap {
  /** Absolute path, or null for a new recap that was never saved. */
  path: string | null;
  /** The whole file exactly as on disk (BOM and line endings included). */
  text: string;
  profile: SiteProfile;
  /** Modification time at open, used to detect changes made by others before saving. */
  mtimeMs: number | null;
  /** The draft that shadows this recap in the app's data folder; it autosaves. */
  draft: DraftSummary;
  /** The linked file's state (changed on disk while the draft held unsaved changes, …). */
  linked: LinkedFileStatus;
  /** Set when the draft was damaged and an earlier version took its place: what happened (in English). */
  recovered: string | null;
  /** The same message in the catalogue, said in the reader's language (the page checks it with isMsg). */
  recoveredMsg?: Msg;
  /** A new recap from a template: the `{{ … }}` expressions left as written for the author to fill in. */
  leftForYou?: string[];
}

export interface SaveRequest {
  path: string;
  text: string;
  /** Refuse with CHANGED_ON_DISK when the file's mtime is no longer this one. */
  expectMtimeMs?: number | null;
  /** Refuse with EXISTS when the file exists (Save As without an overwrite confirmation). */
  createOnly?: boolean;
}

export interface SaveResult {
  path: string;
  bytes: number;
  mtimeMs: number;
}

export interface ImageLookup {
  /** The URL as written in the Markdown. */
  url: string;
  /** A URL the renderer can load, when the local file exists. */
  src: string | null;
  /** The local file looked for (absolute), when the URL maps to one. */
  localPath: string | null;
  /** Set when the link is refused by the containment rule: why, in English (e.g. "leads outside the recap's folder (…)"). Nothing was read. */
  refused?: string;
  /** The same reason in the catalogue, said in the reader's language (the page checks it with isMsg). */
  refusedMsg?: Msg;
  /** The answer for a src of Hugo's figure shortcode (asked for in `figureUrls`). */
  figure?: true;
  /** The answer for a theme shortcode's pattern (asked for in `matchUrls`). */
  match?: true;
}

export interface DirEntry {
  name: string;
  path: string;
  kind: 'dir' | 'file';
}

export interface DirListing {
  path: string;
  parent: string | null;
  entries: DirEntry[];
}
