// The service's photo methods: a recap's image folder, and the photo library's jobs in it.

import * as path from 'node:path';
import { RecapError } from '../core/errors';
import { isSafeImageDir } from '../core/markdown/photo-names';
import { checkImageDirChoice, imageDirFixedBy, imageDirFromText } from './recap/image-dir';
import { imageFolderFor } from './site/profile';
import type { ServiceContext } from './service-context';
import type { RecapService } from './service';
import { msg } from '../core/i18n/messages';

export type PhotoMethodName = 'photoFolder' | 'importPhoto' | 'listPhotos' | 'linkedPhotos' | 'copyLinkedPhoto' | 'removePhoto' | 'restorePhoto' | 'replacePhoto';
type PhotoMethods = Pick<RecapService, PhotoMethodName>;

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
      return { imageDir, ...imageFolderFor(file, profile, imageDir), fixed: imageDirFixedBy(profile) };
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
