// Replacing a photo of the folder with another source, processed like an import.

import * as path from 'node:path';
import type { Photo, PhotoFolderRequest, PhotoSource } from '../../core/contract';
import { uniqueName } from '../../core/markdown/photo-names';
import { writeFileAtomic } from '../files/atomic-write';
import { existingFile, folderEntries } from './folder-files';
import { folderOf, photoOf, type PhotoLibraryContext } from './library-context';
import { EXTENSION, processSource } from './process';
import { checkFileName, checkFolderRequest, isRecord } from './requests';
import { thumbnailFor } from './thumbnails';

/** Same name when the output keeps the extension; otherwise a new name, and the old file stays. */
export async function replacePhoto(ctx: PhotoLibraryContext, req: PhotoFolderRequest & { name: string; source: PhotoSource }): Promise<Photo> {
  const where = checkFolderRequest(req);
  const name = checkFileName(isRecord(req) ? req['name'] : undefined);
  const { profile, folder } = folderOf(ctx, where);
  await existingFile(folder.dir, name);
  const { processed } = await processSource(isRecord(req) ? req['source'] : undefined, profile.photos);
  const ext = EXTENSION[processed.format];
  const oldExt = path.extname(name).toLowerCase().replace(/^\./, '');
  const sameKind = oldExt === ext || (ext === 'jpg' && oldExt === 'jpeg');
  const finalName = await ctx.locked(folder.dir, async () => {
    if (sameKind) {
      // The author asked for this file to be replaced: the one overwrite we do.
      await writeFileAtomic(path.join(folder.dir, name), processed.bytes);
      ctx.sizes.delete(path.join(folder.dir, name));
      return name;
    }
    // Another extension means another file; the caller relinks, then removes the old one.
    const { taken } = await folderEntries(folder.dir);
    const stem = name.slice(0, name.length - path.extname(name).length);
    const fresh = uniqueName(`${stem}.${ext}`, taken);
    await writeFileAtomic(path.join(folder.dir, fresh), processed.bytes);
    return fresh;
  });
  const thumbnail = await thumbnailFor(ctx, processed.sha, processed.decoded ?? processed.bytes, profile.photos);
  return photoOf(folder, finalName, { bytes: processed.bytes.length, width: processed.width, height: processed.height, format: processed.format, thumbnail });
}
