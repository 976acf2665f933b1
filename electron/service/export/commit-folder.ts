// Writing into a folder or a site, atomically: everything is staged in a temp folder inside the
// target (same filesystem), then renamed into place — a folder the target lacks as a whole, a
// file into an existing folder by itself, after the file it replaces was renamed aside. Any
// failure undoes the renames done so far, so the target is exactly as before.

import { constants as fsConstants } from 'node:fs';
import * as path from 'node:path';
import { RecapError, describeFsErrorMsg } from '../../core/errors';
import { msg } from '../../core/i18n/messages';
import type { Msg } from '../../core/i18n/messages';
import { isInside, STAGING_PREFIX, statNow } from './disk';
import { pool } from './pool';
import { isWrite, type ExportFs, type Plan, type PlannedFile } from './types';

type JournalEntry =
  | { kind: 'placed'; target: string }
  | { kind: 'placed-folder'; target: string }
  | { kind: 'moved-aside'; target: string; aside: string };

/** Where each written file is staged: alone, or inside a copy of a folder the target lacks. */
interface Staging {
  stagedAt: Map<PlannedFile, string>;
  /** The topmost folders the target lacks, each moved in with one rename. */
  tops: Set<string>;
  /** The folders to make under the staging tree. */
  stageDirs: Set<string>;
}

/** One folder export in progress: what it did so far, for the message and the rollback. */
class FolderCommit {
  /** Folders made for the target itself (removed again on failure). */
  readonly created: string[] = [];
  /** Every rename that happened, in whatever order, so that the rollback undoes exactly those. */
  readonly journal: JournalEntry[] = [];
  stage: string | null = null;
  doing: Msg;

  constructor(
    readonly fs: ExportFs,
    readonly root: string,
    readonly durable: boolean,
  ) {
    this.doing = msg('error.export.doing.creating', { path: root });
  }

  /** Names the step of a parallel job that failed first, for the message. */
  async step(what: Msg, job: () => Promise<unknown>): Promise<void> {
    try {
      await job();
    } catch (err) {
      this.doing = what;
      throw err;
    }
  }

  get tree(): string {
    return path.join(this.stage as string, 'tree');
  }
}

/** The target folder itself, when it is new (removed again on failure). */
async function makeTargetFolder(c: FolderCommit): Promise<void> {
  const missing: string[] = [];
  for (let d = c.root; !statNow(d); d = path.dirname(d)) {
    missing.push(d);
    if (path.dirname(d) === d) break;
  }
  for (const d of missing.reverse()) {
    await c.fs.mkdir(d);
    c.created.push(d);
  }
}

/**
 * A file whose folder the target lacks is staged inside a copy of that folder, and the whole
 * folder is moved in with one rename (a new export: two renames, content/ and static/).
 * A file whose folder exists is staged alone and moved in by itself.
 */
function planStaging(c: FolderCommit, writes: PlannedFile[]): Staging {
  const { root } = c;
  const stageDir = c.stage as string;
  const isDir = new Map<string, boolean>();
  const dirExists = (d: string): boolean => {
    let hit = isDir.get(d);
    if (hit === undefined) isDir.set(d, (hit = statNow(d)?.isDirectory() ?? false));
    return hit;
  };
  const topMissing = (dir: string): string | null => {
    let top: string | null = null;
    for (let d = dir; d !== root && isInside(root, d) && !dirExists(d); d = path.dirname(d)) top = d;
    return top;
  };
  const staging: Staging = { stagedAt: new Map(), tops: new Set(), stageDirs: new Set() };
  writes.forEach((e, i) => {
    const top = topMissing(path.dirname(e.abs as string));
    if (top === null) {
      staging.stagedAt.set(e, path.join(stageDir, `new-${i}`));
    } else {
      staging.tops.add(top);
      const to = path.join(c.tree, path.relative(root, e.abs as string));
      staging.stagedAt.set(e, to);
      staging.stageDirs.add(path.dirname(to));
    }
  });
  return staging;
}

/** Writes one file into the staging folder: the post's bytes, or a copy of the photo. */
async function stageFile(c: FolderCommit, e: PlannedFile, to: string): Promise<void> {
  const { fs, durable } = c;
  if (e.data) {
    const handle = await fs.open(to, 'wx', 0o644);
    try {
      await handle.writeFile(e.data);
      if (durable) await handle.sync();
    } finally {
      await handle.close();
    }
    return;
  }
  // EXCL: the staging folder is the export's own, so the copy is always a new file. It also spares
  // the ftruncate libuv makes otherwise, after which ext4 (auto_da_alloc) starts writing the
  // file's blocks on close: cp -r leaves that to the kernel's writeback, after the copy.
  await fs.copyFile(e.source as string, to, fsConstants.COPYFILE_EXCL | fsConstants.COPYFILE_FICLONE);
  if (durable) {
    const handle = await fs.open(to, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
}

/**
 * Copies queued at once: libuv's four threads take the next one without waiting for the event
 * loop, so the copying goes on while the main thread checks the plan (see stageFolder).
 */
const COPIES_AT_ONCE = 32;

async function stageWrites(c: FolderCommit, writes: PlannedFile[], staging: Staging, copying: () => void): Promise<void> {
  const dirs = [...staging.stageDirs];
  // Only the deepest folders: mkdir -p makes their parents.
  const leaves = dirs.filter((d) => !dirs.some((o) => o !== d && o.startsWith(d + path.sep)));
  await pool(leaves, 4, (d) => c.step(msg('error.export.doing.folderOf', { path: path.relative(c.tree, d) }), () => c.fs.mkdir(d, { recursive: true })));
  const copies = pool(writes, COPIES_AT_ONCE, (e) => c.step(msg('error.export.doing.copying', { path: e.path }), () => stageFile(c, e, staging.stagedAt.get(e) as string)));
  copying();
  await copies;
}

/** Into place: the new folders, then the files alone (the ones they replace set aside), then the removals. */
async function moveIntoPlace(c: FolderCommit, plan: Plan, writes: PlannedFile[], staging: Staging): Promise<void> {
  const { fs, root, journal } = c;
  const stageDir = c.stage as string;
  await pool([...staging.tops], 8, async (top) => {
    const rel = path.relative(root, top);
    await c.step(msg('error.export.doing.movingFolder', { path: rel.split(path.sep).join('/') }), () => fs.rename(path.join(c.tree, rel), top));
    journal.push({ kind: 'placed-folder', target: top });
  });
  const alone = writes.filter((e) => !(staging.stagedAt.get(e) as string).startsWith(c.tree + path.sep));
  await pool(alone, 8, async (e, i) => {
    const dest = e.abs as string;
    if (e.status === 'changed') {
      const aside = path.join(stageDir, `old-${i}`);
      await c.step(msg('error.export.doing.settingAside', { path: e.path }), () => fs.rename(dest, aside));
      journal.push({ kind: 'moved-aside', target: dest, aside });
    }
    await c.step(msg('error.export.doing.moving', { path: e.path }), () => fs.rename(staging.stagedAt.get(e) as string, dest));
    journal.push({ kind: 'placed', target: dest });
  });
  await pool(plan.removals, 8, async (r, i) => {
    const aside = path.join(stageDir, `removed-${i}`);
    await c.step(msg('error.export.doing.removing', { path: r.path }), () => fs.rename(r.abs as string, aside));
    journal.push({ kind: 'moved-aside', target: r.abs as string, aside });
  });
}

/** Undoes a partial export in reverse order; returns what could not be restored. */
async function rollback(c: FolderCommit): Promise<string[]> {
  const { fs, stage } = c;
  const left: string[] = [];
  for (const j of [...c.journal].reverse()) {
    try {
      if (j.kind === 'placed') await fs.unlink(j.target);
      else if (j.kind === 'placed-folder') await fs.rm(j.target, { recursive: true });
      else await fs.rename(j.aside, j.target);
    } catch {
      left.push(j.target);
    }
  }
  if (stage !== null && left.length === 0) await fs.rm(stage, { recursive: true, force: true }).catch(() => undefined);
  for (const d of [...c.created].reverse()) await fs.rmdir(d).catch(() => undefined);
  return left;
}

/** After success: the staging folder goes, and any image folder a removal emptied. */
async function cleanUp(c: FolderCommit, plan: Plan): Promise<void> {
  const { fs, root } = c;
  const stage = c.stage as string;
  // Usually empty by now (the staged folders moved out): two rmdirs, else the set-aside files go too.
  const emptied = await fs.rmdir(c.tree).then(() => true, (err: { code?: string }) => err.code === 'ENOENT');
  if (!(emptied && (await fs.rmdir(stage).then(() => true, () => false)))) await fs.rm(stage, { recursive: true, force: true }).catch(() => undefined);
  // An image folder a removal emptied goes too (git does not keep empty folders anyway).
  for (const dir of new Set(plan.removals.map((r) => path.dirname(r.abs as string)))) {
    if (dir !== root) await fs.rmdir(dir).catch(() => undefined);
  }
}

/** The failure of an export into a folder, after its rollback: what it was doing, what could not be restored. */
async function failed(c: FolderCommit, err: unknown): Promise<RecapError> {
  const left = await rollback(c);
  const facts = { root: c.root, reason: describeFsErrorMsg(err), doing: c.doing, left: left.join(', '), stage: c.stage ?? c.root };
  return new RecapError('SAVE_FAILED', msg(left.length === 0 ? 'error.export.failedUnchanged' : 'error.export.failedLeft', facts), { cause: err });
}

/** A folder export whose files are being staged: placed once the plan is checked, or discarded. */
export interface StagedFolder {
  /** Settles once the copies are queued (or the staging stopped). */
  copying: Promise<void>;
  /** Moves the staged files into place and removes the removals, all or nothing; throws SAVE_FAILED (target as before). */
  place(plan: Plan): Promise<void>;
  /** Removes the staging folder and the folders made for the target: the target is as before. */
  discard(): Promise<void>;
}

/**
 * Starts staging the plan's new and changed files in a temp folder inside the target (made if
 * missing). Nothing in the target is replaced until place(); the staging folder is the
 * export's own (mkdtemp), so a refusal found meanwhile only needs discard().
 */
export function stageFolder(plan: Pick<Plan, 'root' | 'entries'>, fs: ExportFs, durable: boolean): StagedFolder {
  const c = new FolderCommit(fs, plan.root as string, durable);
  const writes = plan.entries.filter(isWrite);
  let copying: () => void = () => undefined;
  const queued = new Promise<void>((resolve) => (copying = resolve));
  let staging: Staging | null = null;
  const staged = (async (): Promise<RecapError | null> => {
    try {
      await makeTargetFolder(c);
      c.doing = msg('error.export.doing.staging', { path: c.root });
      c.stage = await fs.mkdtemp(path.join(c.root, STAGING_PREFIX));
      staging = planStaging(c, writes);
      await stageWrites(c, writes, staging, copying);
      return null;
    } catch (err) {
      return failed(c, err);
    } finally {
      copying();
    }
  })();
  return {
    copying: queued,
    async place(full: Plan): Promise<void> {
      const error = await staged;
      if (error !== null) throw error;
      try {
        await moveIntoPlace(c, full, writes, staging as Staging);
      } catch (err) {
        throw await failed(c, err);
      }
      await cleanUp(c, full);
    },
    async discard(): Promise<void> {
      if ((await staged) === null) await rollback(c);
    },
  };
}

/** Writes the plan's new and changed files into its target folder and removes its removals, all or nothing. */
export async function commitToFolder(plan: Plan, fs: ExportFs, durable: boolean): Promise<void> {
  await stageFolder(plan, fs, durable).place(plan);
}
