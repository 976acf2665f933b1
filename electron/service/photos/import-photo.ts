// The import pipeline of one photo: read (with limits), process, then write it into the image
// folder unless the same bytes are already there, while its thumbnail is made.

import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { ImportPhotoResult, PhotoFolderRequest, PhotoSource } from '../../core/contract';
import { RecapError, describeFsErrorMsg } from '../../core/errors';
import { altFromFileName, photoFileName, uniqueName } from '../../core/markdown/photo-names';
import { linkedAs, photoMarkdown } from '../../core/markdown/photo-text';
import { readingOf } from '../../core/markdown/site-reading';
import { folderEntries, inFolder, statFile, syncFolder, type FolderFile } from './folder-files';
import { fileHash, folderOf, photoOf, type PhotoFolder, type PhotoLibraryContext } from './library-context';
import { EXTENSION, processSource, type Processed } from './process';
import { checkFolderRequest, isRecord } from './requests';
import { thumbnailFor } from './thumbnails';
import { msg } from '../../core/i18n/messages';

/**
 * The folder's files and sizes for the dedupe: one readdir, and a stat only for a name this
 * library has not seen (a stat of every file for every photo made a batch of n photos cost n²
 * stats). A size remembered from before may be stale when a file was rewritten in place: then
 * at worst a copy is written where that file could have been reused; a match is always confirmed
 * by a fresh stat and the hash. The names, which keep the new file from overwriting one, are
 * always the folder's own, read now.
 */
async function folderSizes(ctx: PhotoLibraryContext, dir: string): Promise<{ files: FolderFile[]; taken: ReadonlySet<string> }> {
  const { names, taken } = await folderEntries(dir);
  const files = await Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name);
      if (!ctx.sizes.has(file)) ctx.sizes.set(file, await statFile(file));
      const known = ctx.sizes.get(file);
      return known ? { name, ...known } : null;
    }),
  );
  return { files: files.filter((f): f is FolderFile => f !== null), taken };
}

/** The file of the folder that already holds these bytes, if any. */
async function sameBytes(ctx: PhotoLibraryContext, dir: string, files: FolderFile[], processed: Processed): Promise<string | null> {
  for (const f of files) {
    if (f.size !== processed.bytes.length) continue;
    const file = path.join(dir, f.name);
    const now = await statFile(file);
    ctx.sizes.set(file, now);
    if (now?.size !== f.size) continue;
    if ((await fileHash(ctx, file, now.size, now.mtimeMs)) === processed.sha) return f.name;
  }
  return null;
}

/**
 * The bytes in a hidden temp file of the folder, flushed to disk: the slow part of the atomic
 * write, done before the folder's lock is taken, so that one photo's fsync never holds up the
 * other photo of the batch (the lock only covers choosing the name and the rename).
 */
async function stageDurably(dir: string, wanted: string, bytes: Buffer): Promise<string> {
  const tmp = path.join(dir, `.${wanted}.${randomBytes(6).toString('hex')}.tmp`);
  const folderFailed = (err: unknown): Error => new RecapError('SAVE_FAILED', msg('error.photo.folderCreateFailed', { path: dir, reason: describeFsErrorMsg(err) }), { cause: err });
  try {
    const handle = await inFolder(dir, () => fs.open(tmp, 'wx', 0o644), folderFailed);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (err) {
    if (err instanceof RecapError) throw err;
    await fs.unlink(tmp).catch(() => undefined);
    throw new RecapError('SAVE_FAILED', msg('error.saveFailed', { path: path.join(dir, wanted), reason: describeFsErrorMsg(err) }), { cause: err });
  }
  return tmp;
}

/** Writes a processed photo under a free name, or finds the file that already holds its bytes. */
async function writeNew(ctx: PhotoLibraryContext, folder: PhotoFolder, processed: Processed, wanted: string): Promise<{ name: string; reused: boolean }> {
  const tmp = await stageDurably(folder.dir, wanted, processed.bytes);
  let renamed = false;
  try {
    return await ctx.locked(folder.dir, async () => {
      const { files, taken } = await folderSizes(ctx, folder.dir);
      const same = await sameBytes(ctx, folder.dir, files, processed);
      if (same !== null) return { name: same, reused: true };
      const name = uniqueName(wanted, taken);
      const file = path.join(folder.dir, name);
      try {
        await fs.rename(tmp, file);
      } catch (err) {
        throw new RecapError('SAVE_FAILED', msg('error.saveFailed', { path: file, reason: describeFsErrorMsg(err) }), { cause: err });
      }
      renamed = true;
      // A file of that name may have been known before it was removed: seen afresh next time.
      ctx.sizes.delete(file);
      return { name, reused: false };
    });
  } finally {
    if (!renamed) await fs.unlink(tmp).catch(() => undefined);
    // The rename made durable, as writeFileAtomic does; outside the lock too.
    else await syncFolder(folder.dir);
  }
}

export async function importPhoto(ctx: PhotoLibraryContext, req: PhotoFolderRequest & { source: PhotoSource; alt?: string }): Promise<ImportPhotoResult> {
  const where = checkFolderRequest(req);
  const { profile, folder } = folderOf(ctx, where);
  const { name: sourceName, processed } = await processSource(isRecord(req) ? req['source'] : undefined, profile.photos);
  const wanted = photoFileName(sourceName, EXTENSION[processed.format]);
  // Both settle before the import answers: a write that fails leaves no thumbnail still being
  // written behind it (into a cache the caller may be removing).
  const [writing, thumbnailing] = await Promise.allSettled([writeNew(ctx, folder, processed, wanted), thumbnailFor(ctx, processed.sha, processed.decoded ?? processed.bytes, profile.photos)]);
  if (writing.status === 'rejected') throw writing.reason;
  if (thumbnailing.status === 'rejected') throw thumbnailing.reason;
  const written = writing.value;
  const thumbnail = thumbnailing.value;
  const photo = photoOf(folder, written.name, {
    bytes: processed.bytes.length,
    width: processed.width,
    height: processed.height,
    format: processed.format,
    thumbnail,
  });
  const alt = typeof req.alt === 'string' && req.alt.trim() !== '' ? req.alt.trim() : altFromFileName(sourceName);
  return { photo, reused: written.reused, alt, markdown: photoMarkdown(alt, linkedAs(photo.url, readingOf(profile), profile.baseUrlPath)) };
}
