// Writing into a folder or a site, atomically: everything is staged in a temp folder inside the
// target (same filesystem), then renamed into place — a folder the target lacks as a whole, a
// file into an existing folder by itself, after the file it replaces was renamed aside. Any
// failure undoes the renames done so far, so the target is exactly as before.

import { constants as fsConstants, type Stats } from 'node:fs';
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

/** A file to stage: the post's bytes or a copy of a photo, and where it goes in the target. */
export interface StagedWrite {
  /** Relative to the target, for messages. */
  path: string;
  abs: string | null;
  source: string | null;
  data: Buffer | null;
}

/** A staged file: where its copy waits, and its stat once written (what the manifest records: a rename keeps both). */
interface StagedCopy {
  to: string;
  stat: Stats | null;
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

/** Writes one file into the staging folder: the post's bytes, or a copy of the photo. */
async function stageFile(c: FolderCommit, e: StagedWrite, to: string): Promise<void> {
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

/** Into place: the new folders, then the files alone (the ones they replace set aside), then the removals. */
async function moveIntoPlace(c: FolderCommit, plan: Plan, writes: PlannedFile[], staged: Stager): Promise<void> {
  const { fs, root, journal } = c;
  const stageDir = c.stage as string;
  await pool([...staged.tops], 8, async (top) => {
    const rel = path.relative(root, top);
    await c.step(msg('error.export.doing.movingFolder', { path: rel.split(path.sep).join('/') }), () => fs.rename(path.join(c.tree, rel), top));
    journal.push({ kind: 'placed-folder', target: top });
  });
  const alone = writes.filter((e) => !staged.copyOf(e).to.startsWith(c.tree + path.sep));
  await pool(alone, 8, async (e, i) => {
    const dest = e.abs as string;
    if (e.status === 'changed') {
      const aside = path.join(stageDir, `old-${i}`);
      await c.step(msg('error.export.doing.settingAside', { path: e.path }), () => fs.rename(dest, aside));
      journal.push({ kind: 'moved-aside', target: dest, aside });
    }
    await c.step(msg('error.export.doing.moving', { path: e.path }), () => fs.rename(staged.copyOf(e).to, dest));
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

/**
 * Copies running at once. libuv's four threads take the next one without waiting for the event
 * loop, so copies queued while the plan's synchronous steps run (a photo is queued as soon as
 * it is found) go on meanwhile; a few hundred are queued at most, so other file work of the
 * app is not held up behind a thousand photos.
 */
const COPIES_AT_ONCE = 128;

/**
 * The staging of one folder export: a temp folder of its own inside the target (made at once),
 * where each file is written as soon as it is added. A file whose folder the target lacks is
 * staged inside a copy of that folder, and the whole folder is moved in with one rename (a new
 * export: two renames, content/ and static/); a file whose folder exists is staged alone and
 * moved in by itself. The first failure stops new copies; it is reported once every running
 * one has settled, so a rollback never races a write.
 */
class Stager {
  /** The topmost folders the target lacks, each moved in with one rename. */
  readonly tops = new Set<string>();
  private readonly copies = new Map<string, StagedCopy>();
  private readonly queued = new Set<string>();
  private readonly waiting: StagedWrite[] = [];
  private readonly running = new Set<Promise<void>>();
  private readonly folders = new Map<string, Promise<void>>();
  /** Staging folders known to exist: a copy into one starts without waiting for the event loop. */
  private readonly made = new Set<string>();
  private readonly isDir = new Map<string, boolean>();
  /** Where each target folder's files are staged, and the topmost folder the target lacks on the way there. */
  private readonly stagingDirs = new Map<string, { dir: string; top: string | null }>();
  private failure: { err: unknown } | null = null;
  private count = 0;
  readonly opened: Promise<void>;

  constructor(readonly c: FolderCommit) {
    this.opened = (async (): Promise<void> => {
      await makeTargetFolder(c);
      c.doing = msg('error.export.doing.staging', { path: c.root });
      c.stage = await c.fs.mkdtemp(path.join(c.root, STAGING_PREFIX));
      this.made.add(c.stage);
    })().then(() => this.pump(), (err: unknown) => void (this.failure ??= { err }));
  }

  get error(): { err: unknown } | null {
    return this.failure;
  }

  private dirExists(d: string): boolean {
    let hit = this.isDir.get(d);
    if (hit === undefined) this.isDir.set(d, (hit = statNow(d)?.isDirectory() ?? false));
    return hit;
  }

  /** The topmost folder on the way to `dir` that the target lacks, or null. */
  private topMissing(dir: string): string | null {
    const { root } = this.c;
    let top: string | null = null;
    for (let d = dir; d !== root && isInside(root, d) && !this.dirExists(d); d = path.dirname(d)) top = d;
    return top;
  }

  /** Where files of the target folder `dir` are staged: in the copy of a missing folder, else the staging folder itself. */
  private stagingDirOf(dir: string, moved = true): string {
    let at = this.stagingDirs.get(dir);
    if (!at) {
      const top = this.topMissing(dir);
      at = { dir: top === null ? (this.c.stage as string) : path.join(this.c.tree, path.relative(this.c.root, dir)), top };
      this.stagingDirs.set(dir, at);
    }
    if (moved && at.top !== null) this.tops.add(at.top);
    return at.dir;
  }

  private folder(dir: string): Promise<void> {
    let made = this.folders.get(dir);
    if (!made) {
      const what = msg('error.export.doing.folderOf', { path: path.relative(this.c.tree, dir) });
      made = this.c.step(what, () => this.c.fs.mkdir(dir, { recursive: true })).then(() => void this.made.add(dir));
      this.folders.set(dir, made);
    }
    return made;
  }

  /**
   * The staging folder for the target folder `dir`'s files, made now (awaited before the photos
   * are found, so that their copies start at once). Its top is moved in only once a file is
   * staged there: a folder with nothing in it never reaches the target.
   */
  async prepare(dir: string): Promise<void> {
    await this.opened;
    if (this.failure === null) await this.folder(this.stagingDirOf(dir, false)).catch((err: unknown) => void (this.failure ??= { err }));
  }

  /** Stages one file (once per target path); its copy starts now when it may. */
  add(e: StagedWrite): void {
    const abs = e.abs as string;
    if (this.queued.has(abs)) return;
    this.queued.add(abs);
    this.waiting.push(e);
    this.pump();
  }

  private pump(): void {
    while (this.failure === null && this.c.stage !== null && this.running.size < COPIES_AT_ONCE && this.count < this.waiting.length) {
      this.start(this.waiting[this.count] as StagedWrite);
      this.count++;
    }
  }

  private start(e: StagedWrite): void {
    const c = this.c;
    const abs = e.abs as string;
    const dir = this.stagingDirOf(path.dirname(abs));
    const to = dir === c.stage ? path.join(dir, `new-${this.copies.size}`) : path.join(dir, path.basename(abs));
    const copy: StagedCopy = { to, stat: null };
    this.copies.set(abs, copy);
    const write = (): Promise<void> =>
      c.step(msg('error.export.doing.copying', { path: e.path }), () => stageFile(c, e, to)).then(() => {
        copy.stat = statNow(to);
      });
    const job: Promise<void> = (this.made.has(dir) ? write() : this.folder(dir).then(write))
      .catch((err: unknown) => void (this.failure ??= { err }))
      .finally(() => {
        this.running.delete(job);
        this.pump();
      });
    this.running.add(job);
  }

  /** Settles once every file added is staged, or the staging stopped at its first failure. */
  async settled(): Promise<void> {
    await this.opened;
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  copyOf(e: PlannedFile): StagedCopy {
    const copy = this.copies.get(e.abs as string);
    if (!copy) throw new Error(`${e.path} was not staged`);
    return copy;
  }
}

/** A folder export whose files are being staged: placed once the plan is checked, or discarded. */
export interface StagedFolder {
  /**
   * Makes the staging folder of the target folder `dir` (the photos' folder): after it, a
   * photo added is copied at once, while the plan goes on.
   */
  prepare(dir: string): Promise<void>;
  /** Stages a file of the target: a new photo as soon as it is found, the plan's other writes once they are known. */
  add(e: StagedWrite): void;
  /**
   * Stages what the plan writes that was not added yet, moves the staged files into place and
   * removes the removals, all or nothing; throws SAVE_FAILED (target as before). Then `then`
   * (the manifest) runs with the written files' stats by target path while the staging folder
   * is removed.
   */
  place(plan: Plan, then?: (stats: Map<string, Stats>) => Promise<void>): Promise<void>;
  /** Removes the staging folder and the folders made for the target: the target is as before. */
  discard(): Promise<void>;
}

/**
 * Starts staging an export into the folder `root` (made if missing): a temp folder of the
 * export's own (mkdtemp) inside it, so a refusal found meanwhile only needs discard(). Nothing
 * in the target is replaced until place().
 */
export function stageFolder(root: string, fs: ExportFs, durable: boolean): StagedFolder {
  const c = new FolderCommit(fs, root, durable);
  const stager = new Stager(c);
  return {
    prepare: (dir) => stager.prepare(dir),
    add: (e) => stager.add(e),
    async place(plan: Plan, then?: (stats: Map<string, Stats>) => Promise<void>): Promise<void> {
      const writes = plan.entries.filter(isWrite);
      for (const e of writes) stager.add(e);
      await stager.settled();
      const failure = stager.error;
      if (failure !== null) throw await failed(c, failure.err);
      try {
        await moveIntoPlace(c, plan, writes, stager);
      } catch (err) {
        throw await failed(c, err);
      }
      const stats = new Map<string, Stats>();
      for (const e of writes) {
        const { stat } = stager.copyOf(e);
        if (stat) stats.set(e.abs as string, stat);
      }
      await Promise.all([cleanUp(c, plan), then?.(stats)]);
    },
    async discard(): Promise<void> {
      await stager.settled();
      await rollback(c);
    },
  };
}

/** Writes the plan's new and changed files into its target folder and removes its removals, all or nothing; then `then` (see place). */
export async function commitToFolder(plan: Plan, fs: ExportFs, durable: boolean, then?: (stats: Map<string, Stats>) => Promise<void>): Promise<void> {
  await stageFolder(plan.root as string, fs, durable).place(plan, then);
}
