// The import pipeline of one photo: read (with limits), process, then write it into the image
// folder unless the same bytes are already there, while its thumbnail is made.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { ImportPhotoResult, PhotoFolderRequest, PhotoSource } from '../../core/contract';
import { RecapError, describeFsErrorMsg } from '../../core/errors';
import { altFromFileName, photoFileName, uniqueName } from '../../core/markdown/photo-names';
import { photoMarkdown } from '../../core/markdown/photo-text';
import { writeFileAtomic } from '../files/atomic-write';
import { folderFiles } from './folder-files';
import { fileHash, folderOf, photoOf, type PhotoFolder, type PhotoLibraryContext } from './library-context';
import { EXTENSION, processPhoto, type Processed } from './process';
import { checkFolderRequest, isRecord } from './requests';
import { readSource } from './source';
import { thumbnailFor } from './thumbnails';
import { msg } from '../../core/i18n/messages';

/** Writes a processed photo under a free name, or finds the file that already holds its bytes. */
async function writeNew(ctx: PhotoLibraryContext, folder: PhotoFolder, processed: Processed, wanted: string): Promise<{ name: string; reused: boolean }> {
  return ctx.locked(folder.dir, async () => {
    const files = await folderFiles(folder.dir);
    for (const f of files) {
      if (f.size !== processed.bytes.length) continue;
      if ((await fileHash(ctx, path.join(folder.dir, f.name), f.size, f.mtimeMs)) === processed.sha) return { name: f.name, reused: true };
    }
    const name = uniqueName(wanted, new Set(files.map((f) => f.name)));
    try {
      await fs.mkdir(folder.dir, { recursive: true });
    } catch (err) {
      throw new RecapError('SAVE_FAILED', msg('error.photo.folderCreateFailed', { path: folder.dir, reason: describeFsErrorMsg(err) }), { cause: err });
    }
    await writeFileAtomic(path.join(folder.dir, name), processed.bytes);
    return { name, reused: false };
  });
}

export async function importPhoto(ctx: PhotoLibraryContext, req: PhotoFolderRequest & { source: PhotoSource; alt?: string }): Promise<ImportPhotoResult> {
  const where = checkFolderRequest(req);
  const { profile, folder } = folderOf(ctx, where);
  const source = await readSource(isRecord(req) ? req['source'] : undefined, profile.photos);
  const processed = await processPhoto(source, profile.photos);
  const wanted = photoFileName(source.name, EXTENSION[processed.format]);
  const [written, thumbnail] = await Promise.all([writeNew(ctx, folder, processed, wanted), thumbnailFor(ctx, processed.sha, processed.bytes, profile.photos)]);
  const photo = photoOf(folder, written.name, {
    bytes: processed.bytes.length,
    width: processed.width,
    height: processed.height,
    format: processed.format,
    thumbnail,
  });
  const alt = typeof req.alt === 'string' && req.alt.trim() !== '' ? req.alt.trim() : altFromFileName(source.name);
  return { photo, reused: written.reused, alt, markdown: photoMarkdown(alt, photo.url) };
}
