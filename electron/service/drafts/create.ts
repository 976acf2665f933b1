// New drafts: from a text, a file on disk, or a copy of another draft (with its own photos).
// A new draft is assembled in drafts/.new-<id> and renamed into place.

import { realpathSync } from 'node:fs';
import * as path from 'node:path';
import type { DraftSummary, SiteProfile } from '../../core/contract';
import { rewriteImageLinks } from '../export/links';
import { lookedUpAs, resolveImage, RootsCache } from '../files/containment';
import { addressOf, findRecapImages, type RecapImageRef } from '../recap/markdown-images';
import { coverReading, readingOfPost } from '../../core/markdown/post-reading';
import { mediaLinkOf } from '../../core/markdown/site-reading';
import { RecapError, describeFsErrorMsg } from '../../core/errors';
import { setField } from '../../core/frontmatter/frontmatter';
import { snapshotId } from '../../core/history';
import { imageFolderFor } from '../site/profile';
import { siteRootAbove } from '../site/site';
import { currentOnDisk } from './autosave';
import { isNodeError, sha256 } from './draft-text';
import { getMeta, metaFor } from './meta';
import { checkId, dirOf, exists, newId, recapOf, syncDir, writeAtomic, type DraftContext, type DraftMeta, type LinkedFile } from './store-context';
import { countPhotos, photoDirOf, photoRecapPathOf, summaryOf } from './summary';
import { msg } from '../../core/i18n/messages';
import { type Msg } from '../../core/i18n/messages';

/** Fills the staging folder before it becomes the draft (a duplicate's photos). */
type StagingFill = (staging: string, final: string) => Promise<void>;

async function linkedFromDisk(ctx: DraftContext, file: string): Promise<LinkedFile> {
  let stat;
  let bytes: Buffer;
  try {
    stat = await ctx.fs.stat(file);
    bytes = await ctx.fs.readFile(file);
  } catch (err) {
    throw new RecapError(isNodeError(err, 'ENOENT') ? 'NOT_FOUND' : 'UNREADABLE', msg('error.cannotOpen', { path: file, reason: describeFsErrorMsg(err) }), { cause: err });
  }
  return { path: file, mtimeMs: stat.mtimeMs, size: stat.size, sha: sha256(bytes) };
}

/** Writes the draft's files into `staging`, whose history folder exists (its first snapshot, recap.md, meta.json). */
async function fillStaging(ctx: DraftContext, staging: string, meta: DraftMeta, text: string, time: number, failure: (cause: unknown) => Msg, fill?: StagingFill): Promise<void> {
  if (text !== '') {
    const hash = sha256(text);
    const sid = snapshotId(time, hash);
    await writeAtomic(ctx, path.join(staging, 'history', `${sid}.md`), text, failure);
    meta.lastSnapshot = { id: sid, hash, takenAt: time };
  }
  if (fill) await fill(staging, dirOf(ctx, meta.id));
  await writeAtomic(ctx, path.join(staging, 'recap.md'), text, failure);
  await writeAtomic(ctx, path.join(staging, 'meta.json'), `${JSON.stringify(meta, null, 1)}\n`, failure);
}

/**
 * A new draft is assembled in drafts/.new-<id> and renamed into place, so a kill during
 * creation leaves no half draft (the staging folder is purged later).
 */
export async function createLocked(ctx: DraftContext, text: string, linked: LinkedFile | null, base: Partial<DraftMeta> = {}, fill?: StagingFill): Promise<DraftSummary> {
  if (typeof text !== 'string') throw new RecapError('BAD_REQUEST', msg('error.draft.textString'));
  const id = newId(ctx);
  const staging = path.join(ctx.draftsDir, `.new-${id}`);
  const time = ctx.now();
  const failure = (cause: unknown): Msg => msg('error.draft.createFailed', { path: ctx.draftsDir, reason: describeFsErrorMsg(cause) });
  let meta: DraftMeta;
  try {
    await ctx.fs.mkdir(path.join(staging, 'history'), { recursive: true });
    meta = await metaFor(ctx, id, text, time, linked, base);
    await fillStaging(ctx, staging, meta, text, time, failure, fill);
    await ctx.fs.rename(staging, dirOf(ctx, id));
    await syncDir(ctx, ctx.draftsDir);
  } catch (err) {
    await ctx.fs.rm(staging, { recursive: true, force: true }).catch(() => undefined);
    if (err instanceof RecapError) throw err;
    throw new RecapError('SAVE_FAILED', failure(err), { cause: err });
  }
  meta.photos = await countPhotos(ctx, photoDirOf(ctx, meta), null);
  ctx.metas.set(id, meta);
  ctx.onDisk.set(id, { sha: meta.sha, text });
  return summaryOf(ctx, meta);
}

export async function createDraft(ctx: DraftContext, text: string, opts: { filePath?: string; site?: string } = {}): Promise<DraftSummary> {
  const linked = opts.filePath ? await linkedFromDisk(ctx, path.resolve(opts.filePath)) : null;
  return createLocked(ctx, text, linked, opts.site !== undefined ? { site: path.resolve(opts.site) } : {});
}

/** `text` with each link to a photo of `folder` (as `recapPath` resolves it) linked as `url/NAME` instead, its cover field too. */
function relinkCopiedPhotos(text: string, recapPath: string, profile: SiteProfile, folder: string, url: string): string {
  let real: string;
  try {
    real = realpathSync(folder);
  } catch {
    return text; // No photos to copy.
  }
  const coverKey = profile.photos.coverField;
  const roots = new RootsCache();
  const located: Array<{ ref: RecapImageRef; file: string }> = [];
  const reading = readingOfPost(profile, text);
  for (const ref of findRecapImages(text, coverKey, reading)) {
    const hit = resolveImage(addressOf(ref), recapPath, [profile], roots, lookedUpAs(ref));
    if (hit.kind === 'found' && path.dirname(hit.file) === real) located.push({ ref, file: hit.file });
  }
  // A Chirpy post links its photos below its media_subpath (mediaLinkOf), its cover too (coverUrl).
  const linked = (u: string): string => mediaLinkOf(u, reading);
  return located.length === 0 ? text : rewriteImageLinks(text, located, (file) => path.basename(file), (name) => `${url}/${encodeURIComponent(name)}`, coverKey, coverReading(profile, reading), linked);
}

export async function duplicateDraft(ctx: DraftContext, idIn: string): Promise<DraftSummary> {
  const id = checkId(idIn);
  const { meta, text } = await ctx.locked(id, async () => {
    const m = await getMeta(ctx, id);
    const disk = await currentOnDisk(ctx, id);
    return { meta: m, text: disk?.text ?? '' };
  });
  let copyText = text;
  if (meta.title.trim() !== '') {
    try {
      copyText = setField(text, 'title', `${meta.title} (copy)`);
    } catch {
      // A front matter we cannot edit: the copy keeps the same title.
    }
  }
  const sourcePhotos = photoDirOf(ctx, meta);
  // The copy's photos go to its own folder, in a draft's layout: a post of a site that keeps its
  // images elsewhere (Jekyll's /assets/images/…) links them anew there, or its copy would show
  // them missing while its tray held them.
  const draftUrl = imageFolderFor(recapOf(ctx, meta.id), ctx.profileFor(recapOf(ctx, meta.id)), meta.imageDir).url;
  copyText = relinkCopiedPhotos(copyText, photoRecapPathOf(ctx, meta), ctx.profileFor(photoRecapPathOf(ctx, meta)), sourcePhotos, draftUrl);
  // A copy of a site's post (or of a draft for a site) is a draft for that site.
  const site = meta.site ?? (meta.linked !== null ? siteRootAbove(meta.linked.path) : null) ?? undefined;
  return createLocked(ctx, copyText, null, { imageDir: meta.imageDir, ...(site !== undefined ? { site } : {}) }, async (staging, final) => {
    // The copy gets its own photos, beside it, whether the original's were in a site or not.
    const target = imageFolderFor(path.join(final, 'recap.md'), ctx.profileFor(path.join(final, 'recap.md')), meta.imageDir).dir;
    if (!(await exists(ctx, sourcePhotos))) return;
    await ctx.fs.cp(sourcePhotos, path.join(staging, path.relative(final, target)), { recursive: true });
  });
}
