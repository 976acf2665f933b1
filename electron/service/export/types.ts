// The shapes an export passes between its steps: the fs it writes through, its options, and
// the plan (every file, where it goes, and what the target holds there) that the commit steps
// carry out.

import type { promises as nodeFs } from 'node:fs';
import type { ExportFile, ExportReport, ExportTarget, PostPlace, SiteProfile } from '../../core/contract';
import type { Manifest } from './manifest';

/** The fs calls an export makes; tests pass a real fs with one call made to fail. */
export type ExportFs = Pick<typeof nodeFs, 'mkdtemp' | 'mkdir' | 'copyFile' | 'writeFile' | 'rename' | 'unlink' | 'rm' | 'rmdir' | 'stat' | 'readFile' | 'readdir' | 'open'>;

export interface ExportOptions {
  fs?: ExportFs;
  /** The app's data folder: export manifests go to <dataDir>/exports/ when they cannot sit beside the recap. */
  dataDir?: string;
  /** The profile the recap's links are written for. Default: its site's, else the built-in default. */
  sourceProfile?: SiteProfile;
  /** The target's profile, overriding detection (a request's `profile` name still wins). */
  targetProfile?: SiteProfile;
  /** The git executable for the status report; false skips it. Default: `git` on the PATH. */
  git?: string | false;
  /**
   * Flush every exported file to the disk before moving it into place (fsync), so that a power
   * cut right after the export cannot leave an empty file behind. Off by default, like cp and
   * git checkout: the draft and its photos stay where they are, so an export can always be
   * made again, and one fsync costs as much as copying fifty photos.
   */
  durable?: boolean;
}

export interface PlannedFile {
  path: string;
  kind: 'post' | 'image';
  status: ExportFile['status'];
  bytes: number;
  source: string | null;
  /** Absolute target path (site and folder targets). */
  abs: string | null;
  /** The post's bytes. */
  data: Buffer | null;
  /** Exists in the target, differs, and is neither ours nor confirmed. */
  conflict: boolean;
}

export interface Plan {
  target: ExportTarget;
  profile: SiteProfile;
  slug: string;
  lang: string;
  imageDir: string;
  post: string | null;
  postFrom: ExportReport['postFrom'];
  /** The target site's places for a post placed anew (see ExportReport.places), and the one the post is in. */
  places?: { all: PostPlace[]; section: string | null };
  root: string | null;
  zipFile: string | null;
  /** The .zip exists and is not ours. */
  zipConflict: boolean;
  entries: PlannedFile[];
  removals: PlannedFile[];
  unused: string[];
  problems: ExportReport['problems'];
  manifestFile: string;
  manifest: Manifest;
  key: string;
}

/** Whether a planned file is written by the export (new or different in the target). */
export function isWrite(e: PlannedFile): boolean {
  return e.status === 'added' || e.status === 'changed';
}
