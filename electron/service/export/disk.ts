// Quick looks at the disk while planning: stats that answer null for "nothing there", the real
// path check that keeps writes inside the target, and one listing per folder.

import { lstatSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import * as path from 'node:path';

/** The name of an export's staging folder in its target starts so (a mkdtemp prefix). */
export const STAGING_PREFIX = '.recap-export-';

export function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Planning looks at a few hundred paths (each image, where it goes, the manifest's files). A
 * synchronous stat answers from the inode cache in microseconds, where the thread-pool round
 * trip of an async one costs ten times that on a 2-core machine; the event loop waits ~1 ms
 * for 50 photos. Every write stays asynchronous.
 */
export function statNow(p: string): Stats | null {
  try {
    return statSync(p, { throwIfNoEntry: false }) ?? null;
  } catch {
    return null;
  }
}

export function lstatNow(p: string): Stats | null {
  try {
    return lstatSync(p, { throwIfNoEntry: false }) ?? null;
  } catch {
    return null;
  }
}

export function realpathOrNull(p: string): string | null {
  try {
    return realpathSync(p);
  } catch {
    return null;
  }
}

/**
 * The folder of the target (relative to it) whose real path leads outside the target, or
 * null: the deepest existing folder on the way to `dir` is resolved with realpath and must
 * stay inside the target's real path. Answers are kept per folder for the plan.
 */
export function escapingFolder(dir: string, root: string, realRoot: string, cache: Map<string, string | null>): string | null {
  if (cache.has(dir)) return cache.get(dir) ?? null;
  let answer: string | null = null;
  if (dir !== root && isInside(root, dir)) {
    const real = realpathOrNull(dir);
    if (real === null) answer = escapingFolder(path.dirname(dir), root, realRoot, cache);
    else if (!isInside(realRoot, real)) answer = path.relative(root, dir).split(path.sep).join('/');
  }
  cache.set(dir, answer);
  return answer;
}

/**
 * Whether a folder may hold `name`, from one listing per folder instead of a stat per file.
 * Compared without case: on macOS and Windows `KCD.png` is the file `kcd.png` would replace.
 */
export function mayExist(file: string, cache: Map<string, Set<string>>): boolean {
  const dir = path.dirname(file);
  let names = cache.get(dir);
  if (!names) {
    try {
      names = new Set(readdirSync(dir).map((n) => n.toLowerCase()));
    } catch {
      names = new Set();
    }
    cache.set(dir, names);
  }
  return names.has(path.basename(file).toLowerCase());
}

/** The entries of a folder, or none when it cannot be read. */
export function listNow(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
