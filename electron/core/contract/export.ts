// The contract's export: where an export goes, what it asks, and the plan or report it answers.
// Type-only.

import type { DraftSummary } from './drafts';
import type { Problem } from './problems';
import type { PostPlace, SiteProfile } from './sites';

/** Where an export writes: into a site checkout, a folder with the same layout, or a .zip of it. */
export type ExportTarget = { kind: 'site'; dir: string } | { kind: 'folder'; dir: string } | { kind: 'zip'; file: string };

export interface ExportRequest {
  /** The recap file (its images are found from it). */
  recapPath: string;
  /** The Markdown as the editor holds it; default: the file on disk. */
  text?: string;
  target: ExportTarget;
  /** Built-in profile name; default: the target site's profile, else the recap's. */
  profile?: string;
  /** Default: from the recap's path (or its title for a draft named recap.md). */
  slug?: string;
  /** Default: from the recap's path when it sits in a language folder, else the profile's. */
  lang?: string;
  /**
   * Where a post placed anew goes in a site that keeps posts in several folders: the name of one
   * of its places (PostPlace: a Hugo section, a Jekyll category folder or collection, a
   * Docusaurus blog). Default: where
   * the post went before, else the site's usual place.
   */
  section?: string;
  /** Image folder name for `{imageDir}`; default: the folder the recap links to, else the slug. */
  imageDir?: string;
  /** Plan and check only: nothing is written, conflicts are listed instead of refused. */
  dryRun?: boolean;
  /** Replace existing files that differ (after the author confirmed the list). */
  overwrite?: boolean;
  /** Leave out the photos of the recap's folder that the text does not use. */
  leaveOutUnused?: boolean;
  /** Export the recap's translations with it: one plan, one preflight, one write. */
  withTranslations?: boolean;
}

export type ExportFileStatus = 'added' | 'changed' | 'unchanged' | 'removed';

export interface ExportFile {
  /** Path relative to the target (forward slashes), e.g. `static/images/news/kcd-china/kcd-event.png`. */
  path: string;
  kind: 'post' | 'image';
  status: ExportFileStatus;
  /** Size written (or removed). */
  bytes: number;
  /** The local file an image is copied from; null for the post and removals. */
  source: string | null;
}

export interface ExportReport {
  target: ExportTarget;
  /** Profile used for the layout. */
  profile: string;
  slug: string;
  lang: string;
  imageDir: string;
  /** The post's path relative to the target; null when it cannot be made (e.g. no date for `{date}`). */
  post: string | null;
  /**
   * Why the post goes there: 'own', it is the recap's own file in that site; 'pinned', this
   * recap's earlier export put it there (a new title does not move it; a slug given renames it);
   * 'place', where the post lives in its own site (a folder, a .zip or another checkout of
   * that kind of site); 'slug', a new post named after the recap (its title, or its file);
   * 'slugField', a new post named by its front matter's `slug`; null without a post.
   */
  postFrom: 'own' | 'pinned' | 'place' | 'slug' | 'slugField' | null;
  /** The target site's places for a post (where it keeps posts in several folders) when the post is not its own file there; absent otherwise. */
  places?: PostPlace[];
  /** Which of `places` the post goes to (its name); null when none of them holds it. Set with `places`. */
  section?: string | null;
  dryRun: boolean;
  /** Something was written (false for a dry run, preflight errors, or nothing to change). */
  written: boolean;
  files: ExportFile[];
  added: string[];
  changed: string[];
  unchanged: string[];
  removed: string[];
  /** Existing files that differ and are not this recap's earlier export: replaced only with overwrite. */
  conflicts: string[];
  /** Photos of the recap's folder the text does not use (file names). */
  unused: string[];
  /** Preflight: errors block the export, warnings do not. */
  problems: Problem[];
  /** `git status --short` of the written paths when the target is a git checkout; null otherwise. */
  gitStatus: string | null;
  /** The written .zip (zip target only). */
  zip: { file: string; bytes: number; entries: number } | null;
  /**
   * After an export into a site: the recap's draft, now linked to the post it wrote (a new
   * recap becomes that file; a recap opened from the site knows the export wrote it), with the
   * text now in the file. null otherwise.
   */
  linkedTo?: { path: string; text: string; draft: DraftSummary; profile: SiteProfile } | null;
}
