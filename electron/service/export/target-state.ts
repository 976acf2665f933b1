// What the target already holds where the export goes: each planned file added, changed or
// unchanged, in conflict unless it is this recap's own earlier export; folders and symlinks in
// the way; the earlier export's files this recap no longer uses; other posts with its slug.

import type { Stats } from 'node:fs';
import * as path from 'node:path';
import type { SiteProfile } from '../../core/contract';
import { fillPattern, matchPostPath, type PatternVars } from '../site/profile';
import { escapingFolder, lstatNow, mayExist, realpathOrNull, STAGING_PREFIX, statNow } from './disk';
import { safeRel } from './layout';
import { isOurs, type ManifestTarget } from './manifest';
import { pool } from './pool';
import type { PreflightFacts } from './preflight';
import type { ExportFs, PlannedFile } from './types';

export interface TargetState {
  blockedByFolders: string[];
  outsideTarget: Array<{ file: string; folder: string | null }>;
  removals: PlannedFile[];
  keptStale: string[];
  /** The .zip exists and is not ours. */
  zipConflict: boolean;
}

async function sameBytes(fs: ExportFs, file: string, size: number, entry: { data: Buffer | null; source: string | null; sourceStat: Stats | null }, target: Stats): Promise<boolean> {
  if (entry.data) {
    if (entry.data.length !== size) return false;
    return entry.data.equals(await fs.readFile(file));
  }
  const src = entry.sourceStat;
  if (!src || src.size !== size) return false;
  if (src.dev === target.dev && src.ino === target.ino) return true; // the very same file (exported from inside the site)
  const [a, b] = await Promise.all([fs.readFile(file), fs.readFile(entry.source ?? '')]);
  return a.equals(b);
}

/** One folder target's look at its files: the caches the entries share. */
export interface FolderLook {
  fs: ExportFs;
  root: string;
  realRoot: string;
  listings: Map<string, Set<string>>;
  escapes: Map<string, string | null>;
  previous: ManifestTarget | undefined;
  ownPath: string | null;
  state: TargetState;
}

/** Sets the entry's place in the target, its status and whether it is a conflict. */
async function compareEntry(look: FolderLook, e: PlannedFile, sourceStat: Stats | null): Promise<void> {
  const { root, state } = look;
  e.abs = targetPath(root, e.path);
  // A folder of the target that is a symlink out of it (content/en/news -> elsewhere) would
  // put the post there: every folder is checked on its real path.
  const out = escapingFolder(path.dirname(e.abs), root, look.realRoot, look.escapes);
  if (out !== null) {
    state.outsideTarget.push({ file: e.path, folder: out });
    return;
  }
  if (!mayExist(e.abs, look.listings)) return;
  if (lstatNow(e.abs)?.isSymbolicLink()) {
    state.outsideTarget.push({ file: e.path, folder: null });
    return;
  }
  const st = statNow(e.abs);
  if (!st) return;
  if (!st.isFile()) {
    state.blockedByFolders.push(e.path);
    return;
  }
  if (await sameBytes(look.fs, e.abs, st.size, { data: e.data, source: e.source, sourceStat }, st)) {
    e.status = 'unchanged';
  } else {
    e.status = 'changed';
    // The recap's own file in the site (opened from there) is updated like a save, never a
    // conflict: the editor holds that very post.
    e.conflict = !isOurs(look.previous, e.path, st) && !(e.kind === 'post' && e.path === look.ownPath);
  }
}

/** A folder target's look, for one plan: made before the images are found, so that a photo can be known new in the target as it is found. */
export function lookAt(fs: ExportFs, root: string, previous: ManifestTarget | undefined, ownPath: string | null): FolderLook {
  const state: TargetState = { blockedByFolders: [], outsideTarget: [], removals: [], keptStale: [], zipConflict: false };
  return { fs, root, realRoot: realpathOrNull(root) ?? root, listings: new Map(), escapes: new Map(), previous, ownPath, state };
}

/**
 * Whether a file of the target is surely new there: nothing at its path (without case) and no
 * folder on the way that leads out of the target. compareEntry then finds it added, and it can
 * be copied at once.
 */
export function surelyNew(look: FolderLook, abs: string): boolean {
  return escapingFolder(path.dirname(abs), look.root, look.realRoot, look.escapes) === null && !mayExist(abs, look.listings);
}

/** The absolute path of a target file given relative to it (forward slashes). */
export function targetPath(root: string, rel: string): string {
  return path.join(root, ...rel.split('/'));
}

/** Images this recap no longer uses, and its own earlier post when it was renamed: removed when untouched since. */
function findStale(look: FolderLook, entries: PlannedFile[]): void {
  const { root, state } = look;
  const current = new Set(entries.map((e) => e.path));
  for (const [rel, m] of Object.entries(look.previous?.files ?? {})) {
    if ((m.kind !== 'image' && m.kind !== 'post') || current.has(rel) || !safeRel(rel)) continue;
    const abs = targetPath(root, rel);
    if (escapingFolder(path.dirname(abs), root, look.realRoot, look.escapes) !== null || lstatNow(abs)?.isSymbolicLink()) continue;
    const st = statNow(abs);
    if (!st?.isFile()) continue;
    if (isOurs(look.previous, rel, st)) state.removals.push({ path: rel, kind: m.kind, status: 'removed', bytes: st.size, source: null, abs, data: null, conflict: false });
    else state.keptStale.push(rel);
  }
}

/** Compares the planned files with what the target holds (updating each entry's status). */
export async function compareWithTarget(
  where: { look: FolderLook | null; zipFile: string | null },
  entries: PlannedFile[],
  sourceStats: Map<PlannedFile, Stats | null>,
  previous: ManifestTarget | undefined,
): Promise<TargetState> {
  const { look, zipFile } = where;
  if (look !== null) {
    await pool(entries, 8, (e) => compareEntry(look, e, sourceStats.get(e) ?? null));
    findStale(look, entries);
    return look.state;
  }
  const state: TargetState = { blockedByFolders: [], outsideTarget: [], removals: [], keptStale: [], zipConflict: false };
  if (zipFile !== null) {
    const st = statNow(zipFile);
    state.zipConflict = st !== null && !isOurs(previous, '', st);
  }
  return state;
}

/** Posts already in the target whose path the pattern makes with this slug (any date). */
async function findPosts(fs: ExportFs, root: string, profile: SiteProfile, fixed: PatternVars): Promise<string[]> {
  let rels = [''];
  for (const seg of profile.post.split('/')) {
    const filled = fillPattern(seg, fixed);
    const next: string[] = [];
    for (const rel of rels) {
      let names: string[] = [];
      try {
        names = await fs.readdir(path.join(root, ...rel.split('/').filter(Boolean)));
      } catch {
        names = [];
      }
      // A fixed name is looked for without case too: Post.md is post.md on macOS and Windows.
      // (An export's own staging folder, which may be there while the plan is checked, is no post.)
      const fitting = filled.includes('{') ? names.filter((n) => !n.startsWith(STAGING_PREFIX)) : names.filter((n) => n.toLowerCase() === filled.toLowerCase());
      for (const n of fitting) next.push(rel === '' ? n : `${rel}/${n}`);
    }
    rels = next;
  }
  return rels.filter((rel) => matchPostPath(rel, profile, fixed, true) !== null && statNow(targetPath(root, rel))?.isFile() === true);
}

/** Other posts of the target site with this slug: the same path (a conflict), the same path but for case, or another path (not this recap's earlier post, nor a translation's source post). */
export async function findCollisions(
  fs: ExportFs,
  root: string,
  profile: SiteProfile,
  names: { slug: string; lang: string; post: string | null; previousPost: string | null | undefined; sourcePost?: string | null },
  entries: PlannedFile[],
): Promise<PreflightFacts['collisions']> {
  const collisions: PreflightFacts['collisions'] = [];
  const { post } = names;
  const fixed: PatternVars = { slug: names.slug, lang: names.lang, section: profile.section };
  for (const rel of await findPosts(fs, root, profile, fixed)) {
    if (rel === post) {
      const e = entries.find((x) => x.path === rel);
      if (e?.conflict) collisions.push({ path: rel, samePath: true });
    } else if (post !== null && rel.toLowerCase() === post.toLowerCase()) {
      collisions.push({ path: rel, samePath: false, caseOnly: true });
    } else if (rel !== names.previousPost && rel !== names.sourcePost) {
      collisions.push({ path: rel, samePath: false });
    }
  }
  return collisions;
}
