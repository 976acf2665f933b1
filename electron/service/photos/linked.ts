// The tray's "Also in this recap": the images a recap links that live outside its photo folder
// (a shared logo in another static folder, a photo beside a flat Docusaurus post). Each link is
// resolved as lint and the preview resolve it (containment.ts: inside the allowed roots by real
// path, never through a symlink, a regular file whose first bytes are the image its name says);
// a missing or refused link is lint's to report, not a tray entry. Copying one into the folder
// is an import (import-photo.ts: made web-ready, deduplicated), from the file the link resolves to.

import { realpathSync } from 'node:fs';
import * as path from 'node:path';
import type { ImportPhotoResult, LinkedPhoto, PhotoFolderRequest, SiteProfile } from '../../core/contract';
import { RecapError } from '../../core/errors';
import { msg } from '../../core/i18n/messages';
import { askedLinks, isInside, resolveAssetForServe, resolveImage, RootsCache, type LookedUpAs } from '../files/containment';
import { siteRootFor } from '../site/profile';
import { siteRootAbove } from '../site/site';
import { mapLimit } from './folder-files';
import { importPhoto } from './import-photo';
import { folderOf, type PhotoLibraryContext } from './library-context';
import { PARALLEL_PHOTOS } from './process';
import { checkFolderRequest } from './requests';
import { describe } from './thumbnails';

/** The real path of the image `url` names for the recap (`as`: a link, Hugo's figure's src, the cover field's value), when the preview would show it; else null. */
function linkedFile(url: string, recapPath: string, profile: SiteProfile, roots: RootsCache, as: LookedUpAs = 'link'): string | null {
  const hit = resolveImage(url, recapPath, [profile], roots, as);
  if (hit.kind !== 'found') return null;
  // The preview's asset routes serve only this: an image by its first bytes, not a symlink.
  return resolveAssetForServe(hit.file, new Set([hit.file]));
}

function realOr(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

/** Where a file's folder is, as the author finds it in the site (or beside a recap outside any site), with `/`. */
function folderShown(real: string, recapPath: string, profile: SiteProfile): string {
  // A draft for a site: an image that site serves is shown from the site's root too.
  const draftSite = profile.siteImageRoots !== undefined && profile.rules?.site !== undefined && isInside(realOr(profile.rules.site), real) ? profile.rules.site : null;
  const base = realOr(siteRootFor(recapPath, profile) ?? siteRootAbove(recapPath) ?? draftSite ?? path.dirname(recapPath));
  const rel = path.relative(base, path.dirname(real));
  return rel === '' ? '.' : rel.split(path.sep).join('/');
}

/** `figureUrls`: srcs of Hugo's figure shortcode, resolved as Hugo finds them (also in the site's assets/); `coverUrls`, the cover field's value, likewise (lookedUpAs). */
export async function linkedPhotos(ctx: PhotoLibraryContext, req: PhotoFolderRequest & { urls: string[]; figureUrls?: string[]; coverUrls?: string[] }): Promise<LinkedPhoto[]> {
  const where = checkFolderRequest(req);
  const { profile, folder } = folderOf(ctx, where);
  const roots = new RootsCache();
  const trayDir = realOr(folder.dir);
  // One entry per file, however many spellings link it.
  const byFile = new Map<string, { urls: string[]; as: LookedUpAs }>();
  for (const { url, as } of askedLinks(req.urls, req.figureUrls, req.coverUrls)) {
    const real = linkedFile(url, where.recapPath, profile, roots, as);
    if (real === null || path.dirname(real) === trayDir) continue;
    const entry = byFile.get(real);
    if (!entry) byFile.set(real, { urls: [url], as });
    else if (!entry.urls.includes(url)) entry.urls.push(url);
  }
  const found = await mapLimit([...byFile], PARALLEL_PHOTOS, async ([real, { urls, as }]): Promise<LinkedPhoto | null> => {
    try {
      const photo = await describe(ctx, { dir: path.dirname(real), url: '', link: '' }, path.basename(real), profile.photos);
      const how = as === 'figure' ? { figure: true as const } : as === 'cover' ? { cover: true as const } : {};
      return { ...photo, url: urls[0] ?? '', localPath: real, urls, folder: folderShown(real, where.recapPath, profile), ...how };
    } catch {
      return null; // Removed while listing.
    }
  });
  return found.filter((p): p is LinkedPhoto => p !== null);
}

export async function copyLinkedPhoto(ctx: PhotoLibraryContext, req: PhotoFolderRequest & { url: string; alt?: string; figure?: boolean; cover?: boolean }): Promise<ImportPhotoResult> {
  const where = checkFolderRequest(req);
  const { profile } = folderOf(ctx, where);
  const as = req.figure === true ? 'figure' : req.cover === true ? 'cover' : 'link';
  const real = typeof req.url === 'string' ? linkedFile(req.url, where.recapPath, profile, new RootsCache(), as) : null;
  if (real === null) throw new RecapError('NOT_FOUND', msg('error.photo.notLinked', { url: String(req.url) }));
  // Read by its real path, never through a link put there since (source.ts noFollow).
  const source = { path: real, noFollow: true };
  return importPhoto(ctx, { ...where, source, ...(typeof req.alt === 'string' ? { alt: req.alt } : {}) });
}
