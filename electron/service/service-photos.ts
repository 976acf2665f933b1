// The service's photo methods: a recap's image folder, and the photo library's jobs in it.

import * as path from 'node:path';
import { RecapError } from '../core/errors';
import { isSafeImageDir } from '../core/markdown/photo-names';
import { checkImageDirChoice, imageDirFixedBy, imageDirFromText } from './recap/image-dir';
import type { PhotoFolderInfo, SiteProfile } from '../core/contract';
import { fillPattern, imageFolderFor } from './site/profile';
import { detectSite } from './site/site';
import type { ServiceContext } from './service-context';
import type { RecapService } from './service';
import { msg } from '../core/i18n/messages';

export type PhotoMethodName = 'photoFolder' | 'importPhoto' | 'listPhotos' | 'linkedPhotos' | 'copyLinkedPhoto' | 'removePhoto' | 'restorePhoto' | 'replacePhoto';
type PhotoMethods = Pick<RecapService, PhotoMethodName>;

/**
 * A draft for a site (see rulesForSiteDraft): where export into that site puts the photos of the
 * draft's folder, when that is not the URL the draft links them by (a Jekyll site's
 * /assets/images/<folder> against the draft's /images/news/<folder>); else null.
 */
function folderInDraftSite(profile: SiteProfile, imageDir: string, draftUrl: string): PhotoFolderInfo['inSite'] | null {
  const site = profile.siteImageRoots !== undefined ? profile.rules?.site : undefined;
  if (site === undefined) return null;
  let images: SiteProfile['images'];
  try {
    images = detectSite(site).profile.images;
  } catch {
    return null; // The site moved away: the draft keeps its own rules.
  }
  if (images.beside) return { site, url: null };
  const url = fillPattern(images.url, { imageDir, slug: imageDir }).replace(/\/+$/, '');
  return url.includes('{') || url === draftUrl ? null : { site, url };
}

export function photoMethods(ctx: ServiceContext): PhotoMethods {
  const { photos } = ctx;
  return {
    async photoFolder(req) {
      const file = path.resolve(req.recapPath);
      const profile = ctx.profileFor(file);
      // A draft's own file is always recap.md: its folder is named after its links or title instead.
      // The author's choice (the tray's Change…) is honoured, or refused where the layout fixes the folder.
      if (req.imageDir !== undefined) checkImageDirChoice(file, profile, req.imageDir);
      const imageDir = req.imageDir ?? imageDirFromText(req.text, profile, ctx.isDraftFile(file) ? null : file);
      if (!isSafeImageDir(imageDir)) {
        throw new RecapError('BAD_REQUEST', msg('error.badImageDir', { name: imageDir }));
      }
      const folder = imageFolderFor(file, profile, imageDir);
      const inSite = folderInDraftSite(profile, imageDir, folder.url);
      return { imageDir, ...folder, fixed: imageDirFixedBy(profile), ...(inSite ? { inSite } : {}) };
    },
    importPhoto: (req) => photos.importPhoto(req),
    listPhotos: (req) => photos.listPhotos(req),
    linkedPhotos: (req) => photos.linkedPhotos(req),
    copyLinkedPhoto: (req) => photos.copyLinkedPhoto(req),
    removePhoto: (req) => photos.removePhoto(req),
    restorePhoto: (req) => photos.restorePhoto(req),
    replacePhoto: (req) => photos.replacePhoto(req),
  };
}
