// The cover's 320 px thumbnail for the home screen: made once with sharp, kept in the draft's
// .thumbs folder, remade when the cover or the photo folder changes.

import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { sha256 } from './draft-text';
import { getMeta, writeMeta } from './meta';
import { checkId, dirOf, exists, type DraftContext } from './store-context';
import { countDraftPhotos, summaryOf } from './summary';

/** Renders `coverPath` to a JPEG thumbnail at `file`; false when it cannot (the home screen shows a placeholder). */
async function renderThumbnail(ctx: DraftContext, coverPath: string, photoRecapPath: string, file: string): Promise<boolean> {
  try {
    const { default: sharp } = await import('sharp');
    const data = await sharp(coverPath, { limitInputPixels: ctx.profileFor(photoRecapPath).photos.maxInputPixels, autoOrient: true })
      .resize({ width: 320, height: 320, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 70 })
      .toBuffer();
    await ctx.fs.mkdir(path.dirname(file), { recursive: true });
    // A cache file: temp + rename so a reader never sees half of it; no fsync needed.
    const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
    await ctx.fs.writeFile(tmp, data);
    await ctx.fs.rename(tmp, file);
    return true;
  } catch {
    // A thumbnail is a convenience: the home screen shows a placeholder.
    return false;
  }
}

export async function coverThumbnail(ctx: DraftContext, idIn: string): Promise<string | null> {
  const id = checkId(idIn);
  return ctx.locked(id, async () => {
    const meta = await getMeta(ctx, id);
    const photos = await countDraftPhotos(ctx, meta);
    const summary = summaryOf(ctx, meta, photos);
    if (summary.coverThumb && (await exists(ctx, summary.coverThumb))) return summary.coverThumb;
    if (!summary.coverPath) return null;
    const file = path.join(dirOf(ctx, id), '.thumbs', `cover-${sha256(summary.coverPath).slice(0, 12)}.jpg`);
    if (!(await renderThumbnail(ctx, summary.coverPath, summary.photoRecapPath, file))) return null;
    await writeMeta(ctx, { ...meta, photos, coverThumb: { source: summary.coverPath, dirMtimeMs: photos.dirMtimeMs, file } }).catch(() => undefined);
    return file;
  });
}
