// Plain file jobs of the photo library: a folder's files, a checked file, a move across disks,
// and a bounded parallel map for batches.

import { constants as fsConstants, promises as fs, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { RecapError, describeFsErrorMsg } from '../../core/errors';
import { msg } from '../../core/i18n/messages';

export interface FolderFile {
  name: string;
  size: number;
  mtimeMs: number;
}

/** A folder's photos by name, and every name already taken in it. */
export interface FolderEntries {
  /**
   * Its files, and its links that stay inside it (no dot files: those are our temp files or the
   * system's). A link to a file elsewhere (a site's `host.png -> /etc/hostname`) is neither listed,
   * stat'ed through, hashed nor thumbnailed: the folder is the site's, untrusted.
   */
  names: string[];
  /** Every entry's name, whatever it is (a link out, a dangling link, a folder): a new file never takes one. */
  taken: ReadonlySet<string>;
}

export async function folderEntries(dir: string): Promise<FolderEntries> {
  let entries: Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return { names: [], taken: new Set() };
    throw new RecapError('UNREADABLE', msg('error.photo.folderUnreadable', { path: dir, reason: describeFsErrorMsg(err) }), { cause: err });
  }
  const taken = new Set(entries.map((e) => e.name));
  const shown = entries.filter((e) => !e.name.startsWith('.') && (e.isFile() || e.isSymbolicLink()));
  if (!shown.some((e) => e.isSymbolicLink())) return { names: shown.map((e) => e.name), taken };
  const realDir = await fs.realpath(dir).catch(() => null);
  const keep = await Promise.all(
    shown.map(async (e) => {
      if (!e.isSymbolicLink()) return true;
      const real = await fs.realpath(path.join(dir, e.name)).catch(() => null);
      return realDir !== null && real !== null && path.dirname(real) === realDir && !path.basename(real).startsWith('.');
    }),
  );
  return { names: shown.filter((_, i) => keep[i]).map((e) => e.name), taken };
}

/** Size and mtime of a regular file (through a link), or null for anything else or nothing. */
export async function statFile(file: string): Promise<{ size: number; mtimeMs: number } | null> {
  try {
    const s = await fs.stat(file);
    return s.isFile() ? { size: s.size, mtimeMs: s.mtimeMs } : null;
  } catch {
    return null;
  }
}

/** The files of a folder (no dot files: those are our temp files or the system's). */
export async function folderFiles(dir: string): Promise<FolderFile[]> {
  const files = await Promise.all(
    (await folderEntries(dir)).names.map(async (name) => {
      const s = await statFile(path.join(dir, name));
      return s ? { name, ...s } : null;
    }),
  );
  return files.filter((f): f is FolderFile => f !== null);
}

/**
 * Runs `create`, which makes a file in `dir`, and makes `dir` (recursively) only when `create`
 * finds it missing, then runs `create` again: a `mkdir` before every file cost each imported
 * photo two trips to the thread pool (its own file and its thumbnail) for a folder that is there
 * from the second photo on. A folder removed in between is made again. `mkdirFailed` turns a
 * failed `mkdir` into the caller's error.
 */
export async function inFolder<T>(dir: string, create: () => Promise<T>, mkdirFailed: (err: unknown) => Error = (err) => err as Error): Promise<T> {
  try {
    return await create();
  } catch (err) {
    // ENOTDIR: a file stands where a folder of the path should be; mkdir says so in its own words.
    const code = (err as { code?: string }).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw err;
  }
  try {
    await fs.mkdir(dir, { recursive: true });
  } catch (err) {
    throw mkdirFailed(err);
  }
  return create();
}

/** fsync of a folder, so that a rename in it is durable; best effort, as not every platform lets a folder be opened. */
export async function syncFolder(dir: string): Promise<void> {
  try {
    const d = await fs.open(dir, 'r');
    await d.sync().catch(() => undefined);
    await d.close();
  } catch {
    // The file itself is already safely in place.
  }
}

export async function existingFile(dir: string, name: string): Promise<void> {
  try {
    const s = await fs.stat(path.join(dir, name));
    if (!s.isFile()) throw new Error('not a file');
  } catch {
    throw new RecapError('NOT_FOUND', msg('error.photo.noSuchPhoto', { name, path: dir }));
  }
}

export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export async function moveFile(from: string, to: string): Promise<void> {
  try {
    await fs.rename(from, to);
  } catch (err) {
    // The cache may be on another disk than the site: copy, then remove.
    if ((err as { code?: string }).code !== 'EXDEV') throw err;
    await fs.copyFile(from, to, fsConstants.COPYFILE_EXCL);
    await fs.unlink(from);
  }
}
