// The open recap's photo folder and the tray's list of it, asked again whenever the recap
// changes, the window gets the focus back (files may change behind our back), or an import ends.

import { useCallback, useEffect, useRef, useState } from 'react';
import type { Dispatch, MutableRefObject, SetStateAction } from 'react';
import type { Photo, PhotoFolderInfo } from '../../electron/core/contract';
import { isSafeImageDir } from '../../electron/core/markdown/photo-names';
import { errorMessage } from '../api';
import { t } from '../ui/locale';
import { sortPhotos } from './photoSources';
import type { PhotoShared } from './photoTypes';

export interface PhotoFolder {
  folder: PhotoFolderInfo | null;
  folderError: string | null;
  photos: Photo[] | null;
  setPhotos: Dispatch<SetStateAction<Photo[] | null>>;
  listError: string | null;
  /** The folder of `recapPath` (cached while the front matter and the chosen name stay the same). */
  resolveFolder(recapPath: string): Promise<PhotoFolderInfo>;
  /** Lists the folder again. */
  refresh(): void;
  /** Another folder name for new imports; the error to show, or null. */
  setImageDir(dir: string): Promise<string | null>;
}

type FolderCache = { path: string; imageDir: string | null; info: PhotoFolderInfo; head: string };

/** Another folder name for new imports (the tray then shows that folder); the error to show, or null. */
function useImageDirChoice(
  shared: PhotoShared,
  imageDirOverride: MutableRefObject<{ path: string; imageDir: string } | null>,
  resolveFolder: PhotoFolder['resolveFolder'],
  refresh: () => void,
  setPhotos: PhotoFolder['setPhotos'],
): PhotoFolder['setImageDir'] {
  const { opts } = shared;
  return useCallback(
    async (dir: string): Promise<string | null> => {
      const recapPath = opts.current.path;
      const wanted = dir.trim();
      if (!recapPath) return t('photos.saveFirst');
      if (!isSafeImageDir(wanted)) return t('photos.folderNameInvalid');
      imageDirOverride.current = { path: recapPath, imageDir: wanted };
      try {
        await resolveFolder(recapPath);
      } catch (err) {
        imageDirOverride.current = null;
        return errorMessage(err);
      }
      setPhotos(null);
      refresh();
      return null;
    },
    [resolveFolder, refresh, opts, imageDirOverride, setPhotos],
  );
}

export function usePhotoFolder(shared: PhotoShared): PhotoFolder {
  const { opts } = shared;
  const { api, path, loadSerial } = opts.current;
  const [folder, setFolder] = useState<PhotoFolderInfo | null>(null);
  const [folderError, setFolderError] = useState<string | null>(null);
  const [photos, setPhotos] = useState<Photo[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const folderRef = useRef<FolderCache | null>(null);
  const imageDirOverride = useRef<{ path: string; imageDir: string } | null>(null);
  const listSeq = useRef(0);

  const resolveFolder = useCallback(
    async (recapPath: string): Promise<PhotoFolderInfo> => {
      const override = imageDirOverride.current?.path === recapPath ? imageDirOverride.current.imageDir : null;
      const cached = folderRef.current;
      // The folder name follows the front matter until photos are linked (a new draft's title).
      const head = opts.current.head;
      if (cached && cached.path === recapPath && cached.imageDir === override && cached.head === head) return cached.info;
      const text = opts.current.current()?.text ?? '';
      const info = await api.photoFolder({ recapPath, text, ...(override ? { imageDir: override } : {}) });
      folderRef.current = { path: recapPath, imageDir: override, info, head };
      if (opts.current.path === recapPath) {
        setFolder(info);
        setFolderError(null);
      }
      return info;
    },
    [api, opts],
  );

  const refresh = useCallback(() => {
    const recapPath = opts.current.path;
    if (!recapPath) return;
    const seq = ++listSeq.current;
    void (async () => {
      try {
        const f = await resolveFolder(recapPath);
        const list = await api.listPhotos({ recapPath, imageDir: f.imageDir });
        if (seq !== listSeq.current) return;
        setPhotos(sortPhotos(list));
        setListError(null);
      } catch (err) {
        if (seq !== listSeq.current) return;
        setListError(errorMessage(err));
      }
    })();
  }, [api, resolveFolder, opts]);

  const { caretKnown, pendingAlt } = shared;
  useEffect(() => {
    // Another recap: another folder. A batch for the old one goes on; its links are not placed here.
    folderRef.current = null;
    caretKnown.current = false;
    pendingAlt.current.clear();
    setFolder(null);
    setFolderError(null);
    setPhotos(path ? null : []);
    setListError(null);
    if (!path) return;
    const seq = ++listSeq.current;
    void (async () => {
      try {
        const f = await resolveFolder(path);
        const list = await api.listPhotos({ recapPath: path, imageDir: f.imageDir });
        if (seq === listSeq.current) setPhotos(sortPhotos(list));
      } catch (err) {
        if (seq !== listSeq.current) return;
        setFolderError(errorMessage(err));
        setPhotos([]);
      }
    })();
  }, [path, loadSerial, api, resolveFolder, caretKnown, pendingAlt]);

  // Files may change behind our back (a file manager, git): coming back to the window relists.
  useEffect(() => {
    window.addEventListener('focus', refresh);
    return () => window.removeEventListener('focus', refresh);
  }, [refresh]);

  const setImageDir = useImageDirChoice(shared, imageDirOverride, resolveFolder, refresh, setPhotos);

  return { folder, folderError, photos, setPhotos, listError, resolveFolder, refresh, setImageDir };
}
