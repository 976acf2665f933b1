// Removing a photo moves it to the cache's trash, so that Undo can put it back; entries older
// than TRASH_MAX_AGE_MS are purged.

import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Photo, PhotoFolderRequest } from '../../core/contract';
import { RecapError, describeFsErrorMsg } from '../../core/errors';
import { existingFile, moveFile } from './folder-files';
import { folderOf, type PhotoFolder, type PhotoLibraryContext } from './library-context';
import { checkFileName, checkFolderRequest, isRecord } from './requests';
import { describe } from './thumbnails';
import { msg } from '../../core/i18n/messages';

const TRASH_MAX_AGE_MS = 30 * 24 * 3600 * 1000;

interface TrashEntry {
  dir: string;
  name: string;
  removedAt: string;
}

async function purgeOldTrash(trashDir: string): Promise<void> {
  try {
    const now = Date.now();
    for (const id of await fs.readdir(trashDir)) {
      const s = await fs.stat(path.join(trashDir, id));
      if (now - s.mtimeMs > TRASH_MAX_AGE_MS) await fs.rm(path.join(trashDir, id), { recursive: true, force: true });
    }
  } catch {
    // Best effort: an old trash only takes disk space.
  }
}

export async function removePhoto(ctx: PhotoLibraryContext, req: PhotoFolderRequest & { name: string }): Promise<{ trashId: string }> {
  const where = checkFolderRequest(req);
  const name = checkFileName(isRecord(req) ? req['name'] : undefined);
  const { folder } = folderOf(ctx, where);
  return ctx.locked(folder.dir, async () => {
    await existingFile(folder.dir, name);
    const trashId = randomBytes(8).toString('hex');
    const slot = path.join(ctx.trashDir, trashId);
    try {
      await fs.mkdir(slot, { recursive: true });
      const entry: TrashEntry = { dir: folder.dir, name, removedAt: new Date().toISOString() };
      await fs.writeFile(path.join(slot, 'entry.json'), JSON.stringify(entry));
      await moveFile(path.join(folder.dir, name), path.join(slot, 'file'));
      ctx.sizes.delete(path.join(folder.dir, name));
    } catch (err) {
      await fs.rm(slot, { recursive: true, force: true }).catch(() => undefined);
      throw new RecapError('SAVE_FAILED', msg('error.photo.removeFailed', { name, reason: describeFsErrorMsg(err) }), { cause: err });
    }
    void purgeOldTrash(ctx.trashDir);
    return { trashId };
  });
}

/** The entry of a trash slot, checked: it names a plain file of the folder it came from. */
async function readTrashEntry(slot: string): Promise<TrashEntry> {
  try {
    const raw: unknown = JSON.parse(await fs.readFile(path.join(slot, 'entry.json'), 'utf8'));
    if (!isRecord(raw) || typeof raw['dir'] !== 'string' || typeof raw['name'] !== 'string') throw new Error('bad entry');
    return { dir: raw['dir'], name: checkFileName(raw['name']), removedAt: String(raw['removedAt'] ?? '') };
  } catch {
    throw new RecapError('NOT_FOUND', msg('error.photo.trashGone'));
  }
}

/** Moves the trashed file back, unless another file took its name meanwhile. */
async function putBack(ctx: PhotoLibraryContext, folder: PhotoFolder, slot: string, entry: TrashEntry): Promise<void> {
  const target = path.join(folder.dir, entry.name);
  const trashed = path.join(slot, 'file');
  await ctx.locked(folder.dir, async () => {
    let occupied = false;
    try {
      await fs.stat(target);
      occupied = true;
    } catch {
      // Free: the usual case.
    }
    if (occupied) {
      const [now, before] = await Promise.all([fs.readFile(target), fs.readFile(trashed)]);
      if (!now.equals(before)) {
        throw new RecapError('EXISTS', msg('error.photo.restoreClash', { name: entry.name }));
      }
    } else {
      await fs.mkdir(folder.dir, { recursive: true });
      await moveFile(trashed, target);
      ctx.sizes.delete(target);
    }
    await fs.rm(slot, { recursive: true, force: true }).catch(() => undefined);
  });
}

export async function restorePhoto(ctx: PhotoLibraryContext, req: PhotoFolderRequest & { trashId: string }): Promise<Photo> {
  const where = checkFolderRequest(req);
  const trashId = isRecord(req) ? req['trashId'] : undefined;
  if (typeof trashId !== 'string' || !/^[0-9a-f]{16}$/.test(trashId)) throw new RecapError('BAD_REQUEST', msg('error.photo.badUndoToken'));
  const { profile, folder } = folderOf(ctx, where);
  const slot = path.join(ctx.trashDir, trashId);
  const entry = await readTrashEntry(slot);
  if (path.resolve(entry.dir) !== path.resolve(folder.dir)) {
    throw new RecapError('BAD_REQUEST', msg('error.photo.otherFolder', { path: entry.dir }));
  }
  await putBack(ctx, folder, slot, entry);
  return describe(ctx, folder, entry.name, profile.photos);
}
