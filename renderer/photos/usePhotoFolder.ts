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
  /** The folder of `recapPath` (cached while the front matter and the chosen name stay the same); shown unless `show` is false. */
  resolveFolder(recapPath: string, show?: boolean): Promise<PhotoFolderInfo>;
  /** Lists the folder again. */
  refresh(): void;
  /** Another folder name for new imports; the error to show, or null. */
  setImageDir(dir: string): Promise<string | null>;
}

type FolderCache = { path: string; imageDir: string | null; info: PhotoFolderInfo; head: string };
type ShownFolder = { info: PhotoFolderInfo | null; error: string | null };
const NO_FOLDER: ShownFolder = { info: null, error: null };
/** After the front matter's last change, the folder is asked again (the name may follow the title). */
const FOLDER_FOLLOWS_MS = 400;

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

/**
 * The folder's name follows the front matter until photos are linked (a new recap's title): once
 * the author stops typing there, the tray shows the folder the next photo goes to.
 */
function useFolderFollowsHead(path: string | null, head: string, folderRef: MutableRefObject<FolderCache | null>, refresh: () => void): void {
  useEffect(() => {
    const known = folderRef.current;
    if (!path || known === null || known.path !== path || known.head === head) return;
    const timer = window.setTimeout(refresh, FOLDER_FOLLOWS_MS);
    return () => window.clearTimeout(timer);
  }, [head, path, refresh, folderRef]);
}

export function usePhotoFolder(shared: PhotoShared): PhotoFolder {
  const { opts } = shared;
  const { api, path, loadSerial } = opts.current;
  // The folder and why it could not be listed, set together (one render).
  const [shown, setShown] = useState<ShownFolder>(NO_FOLDER);
  const [photos, setPhotos] = useState<Photo[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const folderRef = useRef<FolderCache | null>(null);
  const imageDirOverride = useRef<{ path: string; imageDir: string } | null>(null);
  const listSeq = useRef(0);

  const showFolder = useCallback(
    (recapPath: string, info: PhotoFolderInfo) => {
      if (opts.current.path === recapPath) setShown({ info, error: null });
    },
    [opts],
  );
  // `show` false: the caller shows the folder itself, with its list (one render, not two).
  const resolveFolder = useCallback(
    async (recapPath: string, show = true): Promise<PhotoFolderInfo> => {
      const override = imageDirOverride.current?.path === recapPath ? imageDirOverride.current.imageDir : null;
      const cached = folderRef.current;
      // The folder name follows the front matter until photos are linked (a new draft's title).
      const head = opts.current.head;
      if (cached && cached.path === recapPath && cached.imageDir === override && cached.head === head) return cached.info;
      const text = opts.current.current()?.text ?? '';
      const info = await api.photoFolder({ recapPath, text, ...(override ? { imageDir: override } : {}) });
      folderRef.current = { path: recapPath, imageDir: override, info, head };
      if (show) showFolder(recapPath, info);
      return info;
    },
    [api, opts, showFolder],
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
    setShown(NO_FOLDER);
    setPhotos(path ? null : []);
    setListError(null);
    if (!path) return;
    const seq = ++listSeq.current;
    // The folder and its list show together, as the list comes: one render of the workspace.
    void (async () => {
      let f: PhotoFolderInfo | null = null;
      try {
        f = await resolveFolder(path, false);
        const list = await api.listPhotos({ recapPath: path, imageDir: f.imageDir });
        if (seq !== listSeq.current) return;
        showFolder(path, f);
        setPhotos(sortPhotos(list));
      } catch (err) {
        if (seq !== listSeq.current) return;
        setShown({ info: f ?? null, error: errorMessage(err) });
        setPhotos([]);
      }
    })();
  }, [path, loadSerial, api, resolveFolder, showFolder, caretKnown, pendingAlt]);

  useFolderFollowsHead(path, opts.current.head, folderRef, refresh);

  // Files may change behind our back (a file manager, git): coming back to the window relists.
  useEffect(() => {
    window.addEventListener('focus', refresh);
    return () => window.removeEventListener('focus', refresh);
  }, [refresh]);

  const setImageDir = useImageDirChoice(shared, imageDirOverride, resolveFolder, refresh, setPhotos);

  return { folder: shown.info, folderError: shown.error, photos, setPhotos, listError, resolveFolder, refresh, setImageDir };
}
