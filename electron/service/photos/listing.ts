// The tray's list: the images of a recap's image folder, in natural name order.

import type { Photo, PhotoFolderRequest } from '../../core/contract';
import { isSiteImageName } from '../../core/markdown/photo-names';
import { folderFiles, mapLimit } from './folder-files';
import { folderOf, type PhotoLibraryContext } from './library-context';
import { PARALLEL_PHOTOS } from './process';
import { checkFolderRequest } from './requests';
import { describe } from './thumbnails';

export async function listPhotos(ctx: PhotoLibraryContext, req: PhotoFolderRequest): Promise<Photo[]> {
  const where = checkFolderRequest(req);
  const { profile, folder } = folderOf(ctx, where);
  const names = (await folderFiles(folder.dir))
    .map((f) => f.name)
    // What the tray lists: the files a site serves as images.
    .filter(isSiteImageName)
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const photos = await mapLimit(names, PARALLEL_PHOTOS, async (name) => {
    try {
      return await describe(ctx, folder, name, profile.photos);
    } catch {
      return null; // Removed while listing.
    }
  });
  return photos.filter((p): p is Photo => p !== null);
}
