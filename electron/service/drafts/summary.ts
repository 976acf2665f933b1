// What the home screen shows of a draft, from its meta.json alone: title, event date and cover
// from the front matter (parsed only when it changed; without a date, the one the site reads from
// the post's name), the photo count from the folder's mtime.

import * as path from 'node:path';
import type { DraftSummary } from '../../core/contract';
import { getField, readFrontMatter, splitRecap } from '../../core/frontmatter/frontmatter';
import { coverOf } from '../../core/recap/cover';
import { readingOfPost } from '../../core/markdown/post-reading';
import { mediaUrlOf } from '../../core/markdown/site-reading';
import { insideAllowedRoots, resolveImage } from '../files/containment';
import { imageDirFromText } from '../recap/image-dir';
import { imageFolderFor } from '../site/profile';
import { DATE_FIELDS } from '../../core/recap/lint-problem';
import { fieldText } from './draft-text';
import { recapOf, type DraftContext, type DraftMeta, type PhotoCache } from './store-context';

const IMAGE_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png', '.gif', '.webp', '.avif', '.svg']);

export function photoRecapPathOf(ctx: DraftContext, meta: DraftMeta): string {
  return meta.linked?.path ?? recapOf(ctx, meta.id);
}

export function photoDirOf(ctx: DraftContext, meta: DraftMeta): string {
  const recap = photoRecapPathOf(ctx, meta);
  return imageFolderFor(recap, ctx.profileFor(recap), meta.imageDir).dir;
}

export async function countPhotos(ctx: DraftContext, dir: string, known: PhotoCache | null): Promise<PhotoCache> {
  let mtime: number;
  try {
    mtime = (await ctx.fs.stat(dir)).mtimeMs;
  } catch {
    return { dirMtimeMs: null, count: 0, first: null };
  }
  if (known && known.dirMtimeMs === mtime) return known;
  const memo = ctx.photoCounts.get(dir);
  if (memo && memo.dirMtimeMs === mtime) return memo;
  let names: string[] = [];
  try {
    const entries = await ctx.fs.readdir(dir, { withFileTypes: true });
    names = entries
      .filter((e) => !e.name.startsWith('.') && (e.isFile() || e.isSymbolicLink()) && IMAGE_EXTENSIONS.has(path.extname(e.name).toLowerCase()))
      .map((e) => e.name)
      .sort();
  } catch {
    // Unreadable: counted as none.
  }
  const result = { dirMtimeMs: mtime, count: names.length, first: names[0] ?? null };
  ctx.photoCounts.set(dir, result);
  return result;
}

/** The draft's photos counted now (the folder's mtime tells when the count in meta.json holds). */
export function countDraftPhotos(ctx: DraftContext, meta: DraftMeta): Promise<PhotoCache> {
  return countPhotos(ctx, photoDirOf(ctx, meta), meta.photos);
}

type DescribedFields = Pick<DraftMeta, 'title' | 'eventDate' | 'coverUrl' | 'imageDir'>;

/** Title, event date, cover and image folder from the text; YAML parsed only when it changed. */
export function describeText(ctx: DraftContext, id: string, text: string, base: Pick<DraftMeta, 'title' | 'eventDate' | 'coverUrl' | 'imageDir' | 'photos'> | null, linkedPath: string | null, recapPath: string): DescribedFields {
  const profile = ctx.profileFor(recapPath);
  const yaml = splitRecap(text).yaml;
  let title = base?.title ?? '';
  let eventDate = base?.eventDate ?? null;
  let coverUrl = base?.coverUrl ?? null;
  if (!base || ctx.yamlSeen.get(id) !== yaml) {
    const fields = new Map(readFrontMatter(text).fields.map((f) => [f.key, f.value]));
    const dateKey = profile.fields.find((f) => f.type === 'date')?.key ?? 'createTime';
    title = fieldText(fields.get('title')) ?? '';
    // A draft for another site's layout (a Jekyll `date`) is dated by the field it has.
    eventDate = fieldText(fields.get(dateKey)) ?? DATE_FIELDS.map((k) => fieldText(fields.get(k))).find((d) => d !== null) ?? null;
    // The cover field's photo: a text, or the first item of a list (Hugo's `images`).
    const cover = profile.photos.coverField ? coverOf(fields.get(profile.photos.coverField) ?? getField(text, profile.photos.coverField)) : null;
    // Kept as the address its site publishes (a Chirpy post's media_subpath: mediaUrlOf).
    coverUrl = cover === null ? null : mediaUrlOf(cover, readingOfPost(profile, text));
    ctx.yamlSeen.set(id, yaml);
  }
  // The photo folder follows the text's own photo links; before the first photo it follows
  // the title, and once photos are in it, it stays put.
  const guess = imageDirFromText(text, profile, linkedPath);
  let imageDir = base?.imageDir ?? guess;
  if (base && guess !== imageDir) {
    const linksToGuess = text.includes(`${profile.images.url.replace(/\{imageDir\}/g, guess)}/`);
    if (linksToGuess || base.photos.dirMtimeMs === null) imageDir = guess;
  }
  return { title, eventDate, coverUrl, imageDir };
}

/** The cover photo's file: the cover field's image, else the folder's first photo; null when neither is inside the recap's folders. */
function coverPathOf(ctx: DraftContext, meta: DraftMeta, photos: PhotoCache): string | null {
  const photoRecap = photoRecapPathOf(ctx, meta);
  let coverPath: string | null = null;
  if (meta.coverUrl) {
    // The cover field is part of the recap, so it obeys the containment rule: a path out of
    // the recap's folders is never read, thumbnailed or served.
    const hit = resolveImage(meta.coverUrl, photoRecap, [ctx.profileFor(photoRecap)], ctx.roots, 'cover');
    coverPath = hit.kind === 'found' ? hit.file : null;
  }
  if (!coverPath && photos.first) {
    const first = path.join(photoDirOf(ctx, meta), photos.first);
    // The folder's first photo may be a symlink: it must lead inside the recap's folders too.
    coverPath = insideAllowedRoots(first, photoRecap, ctx.profileFor(photoRecap), ctx.roots) ? first : null;
  }
  return coverPath;
}

/**
 * The event date a card shows: the front matter's, else the one the site gives the post from its
 * file or folder name (Jekyll's `_posts/2026-03-01-…`, a Docusaurus `blog/2026-03-01-…/index.md`),
 * as the form's help and the preview's byline say it (the name's first where the site reads it
 * first: Hugo's `:filename`). Read from the path each time: the same
 * text moved to another file (Save As, export) is dated by its new name.
 */
function eventDateOf(ctx: DraftContext, meta: DraftMeta): string | null {
  const named = ctx.profileFor(photoRecapPathOf(ctx, meta)).dateFromName;
  return named?.first === true ? named.date : meta.eventDate ?? named?.date ?? null;
}

export function summaryOf(ctx: DraftContext, meta: DraftMeta, photos: PhotoCache = meta.photos): DraftSummary {
  const coverPath = coverPathOf(ctx, meta, photos);
  const thumb = meta.coverThumb;
  const coverThumb = thumb && coverPath && thumb.source === coverPath && thumb.dirMtimeMs === photos.dirMtimeMs ? thumb.file : null;
  return {
    id: meta.id,
    title: meta.title,
    eventDate: eventDateOf(ctx, meta),
    photoCount: photos.count,
    created: meta.created,
    updated: meta.updated,
    coverPath,
    coverThumb,
    recapPath: recapOf(ctx, meta.id),
    photoRecapPath: photoRecapPathOf(ctx, meta),
    imageDir: meta.imageDir,
    linkedPath: meta.linked?.path ?? null,
    unsavedToFile: meta.linked !== null && meta.linked.sha !== meta.sha,
  };
}
