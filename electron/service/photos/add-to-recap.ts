// A batch from the CLI: import photos into a recap's image folder and link them in its body.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { ImportPhotoResult } from '../../core/contract';
import { RecapError } from '../../core/errors';
import { splitRecap, toLf, withBody } from '../../core/frontmatter/frontmatter';
import { readingOfPost } from '../../core/markdown/post-reading';
import { photoInsertText } from '../../core/markdown/photo-text';
import { readRecapFile } from '../files/recap-file';
import { writeFileAtomic } from '../files/atomic-write';
import { findImageRefs } from '../recap/markdown-images';
import { checkImageDirChoice, imageDirFromText } from '../recap/image-dir';
import { mapLimit } from './folder-files';
import { importPhoto } from './import-photo';
import { insertPhotoMarkdown } from './insert-markdown';
import type { PhotoLibraryContext } from './library-context';
import { PARALLEL_PHOTOS } from './process';
import { msg } from '../../core/i18n/messages';
import { type Msg } from '../../core/i18n/messages';

export interface AddPhotosResult {
  imported: ImportPhotoResult[];
  /** Why each file was refused: the English text, and the message to say it in the reader's language. */
  refused: Array<{ source: string; message: string; msg?: Msg }>;
}

/** Imports each photo, PARALLEL_PHOTOS at once; a file that is refused does not stop the others. */
async function importBatch(ctx: PhotoLibraryContext, file: string, imageDir: string, photoPaths: string[], alts: string[] | undefined): Promise<AddPhotosResult> {
  type Outcome = { ok: true; result: ImportPhotoResult } | { ok: false; source: string; message: string; msg?: Msg };
  const outcomes = await mapLimit(photoPaths, PARALLEL_PHOTOS, async (p, i): Promise<Outcome> => {
    try {
      const alt = alts?.[i];
      const result = await importPhoto(ctx, { recapPath: file, imageDir, source: { path: p }, ...(alt !== undefined ? { alt } : {}) });
      return { ok: true, result };
    } catch (err) {
      // One bad file must not stop the batch; a bad image folder name stops every file alike.
      if (err instanceof RecapError && err.code === 'BAD_REQUEST') throw err;
      return { ok: false, source: p, message: err instanceof Error ? err.message : String(err), ...(err instanceof RecapError && err.msg ? { msg: err.msg } : {}) };
    }
  });
  const imported: ImportPhotoResult[] = [];
  const refused: AddPhotosResult['refused'] = [];
  for (const o of outcomes) {
    if (o.ok) imported.push(o.result);
    else refused.push({ source: o.source, message: o.message, ...(o.msg ? { msg: o.msg } : {}) });
  }
  return { imported, refused };
}

export async function addPhotosToRecap(ctx: PhotoLibraryContext, recapPath: string, photoPaths: string[], opts: { imageDir?: string; alts?: string[] } = {}): Promise<AddPhotosResult> {
  const file = path.resolve(recapPath);
  const { text, mtimeMs } = await readRecapFile(file);
  const profile = ctx.profileFor(file);
  // An image folder named on the command line is used, or refused where the site's layout fixes it.
  if (opts.imageDir !== undefined) checkImageDirChoice(file, profile, opts.imageDir);
  const imageDir = opts.imageDir ?? imageDirFromText(text, profile, file);
  const { imported, refused } = await importBatch(ctx, file, imageDir, photoPaths, opts.alts);
  const body = toLf(splitRecap(text).body);
  // What the post already shows, read as its site reads it: a Liquid link on a Hugo post links no photo.
  const reading = readingOfPost(profile, text);
  const linked = new Set(findImageRefs(body, reading).map((r) => r.url));
  const lines: string[] = [];
  for (const r of imported) {
    // Importing the same photo again reuses its file; it must not add a second link either.
    if (linked.has(r.photo.url)) continue;
    linked.add(r.photo.url);
    // Written as the site's posts show their photos (a Hugo figure where they use it).
    lines.push(photoInsertText(r.alt, r.photo.url, profile.photos.insertAs, reading, profile.baseUrlPath));
  }
  if (lines.length > 0) {
    const next = withBody(text, insertPhotoMarkdown(body, lines));
    const now = await fs.stat(file).catch(() => null);
    if (now && now.mtimeMs !== mtimeMs) {
      throw new RecapError('CHANGED_ON_DISK', msg('error.photo.recapChanged', { path: file }));
    }
    await writeFileAtomic(file, next);
  }
  return { imported, refused };
}
