// The photos of the open recap: the folder they live in, the tray's list, and the import
// batches started by a drop, a paste or a file chooser. Every gesture that places photos
// records where (an offset of the body as it was then) and inserts the links once its files
// are imported, at that spot followed through whatever the author typed meanwhile.
//
// The parts: `usePhotoFolder` (the folder and its list), `useCaretPlacement` (links placed
// from outside the textarea, and the caret after them), `usePhotoImport` with `importBatch`
// (the gestures and the batch), `useTrayActions` (alt, cover, replace, remove with Undo),
// `useLinkedPhotos` (the images the text links from other folders).

import { useCallback, useMemo, useRef, useState } from 'react';
import type { PhotoShared, PhotosHandle, PhotosOptions, PreviewRefresh } from './photoTypes';
import { useCaretPlacement } from './useCaretPlacement';
import { usePhotoFolder } from './usePhotoFolder';
import { useLinkedPhotos } from './useLinkedPhotos';
import { usePhotoImport } from './usePhotoImport';
import { usePhotoRemoval, useTrayActions } from './useTrayActions';
import { useStableObject } from '../workspace/useStableObject';

export type { BatchRow, PhotoBatch, PhotosHandle, PhotosOptions, RemovedPhoto, RowStatus } from './photoTypes';
export { isRecapFile } from './photoSources';

export function usePhotos(o: PhotosOptions): PhotosHandle {
  // Async flows read the latest options, not the render they started in.
  const opts = useRef(o);
  opts.current = o;
  const caretKnown = useRef(false);
  const pendingAlt = useRef(new Map<string, string>());
  const shared = useMemo((): PhotoShared => ({ opts, caretKnown, pendingAlt }), []);
  const [previewRefresh, setPreviewRefresh] = useState<PreviewRefresh>({ version: 0, replaced: [] });
  const bumpPreview = useCallback((replaced: string[] = []) => setPreviewRefresh((r) => ({ version: r.version + 1, replaced })), []);

  const folder = usePhotoFolder(shared);
  const caret = useCaretPlacement(shared);
  const imports = usePhotoImport(shared, folder, caret, bumpPreview);
  const tray = useTrayActions(shared, folder, caret, bumpPreview);
  const removal = usePhotoRemoval(shared, folder, caret, bumpPreview, tray.fields);
  const linked = useLinkedPhotos(shared, folder, caret, { uses: tray.uses, cover: tray.cover, fields: tray.fields }, bumpPreview);

  // The same handle while nothing in it changed: the workspace's panels re-render for what they show.
  return useStableObject({
    folder: folder.folder,
    folderError: folder.folderError,
    photos: folder.photos,
    listError: folder.listError,
    coverField: o.coverField,
    previewRefresh,
    canImport: o.path !== null,
    setImageDir: folder.setImageDir,
    refresh: folder.refresh,
    ...imports,
    ...tray,
    ...removal,
    ...linked,
  });
}
