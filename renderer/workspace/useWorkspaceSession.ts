// Everything the window knows: the app's facts, the open recap (or none: the home screen), its
// photos, the file actions over it, the dialogs and the toasts. The app shell renders from it.

import { useCallback, useEffect, useRef, useState } from 'react';
import type { MutableRefObject } from 'react';
import type { AppInfo, OpenedRecap, RecapApi } from '../../electron/core/contract';
import type { Transport } from '../api';
import type { NewTemplate } from '../home/HomeScreen';
import { usePhotos } from '../photos/usePhotos';
import type { PhotosHandle } from '../photos/usePhotos';
import { dirName } from '../ui/paths';
import { ensureSaved } from './fileActions';
import type { FileContext } from './saveActions';
import { useDialogs } from './useDialogs';
import type { DialogsHandle } from './useDialogs';
import { useDraftSession, useWindowTitle } from './useDraftSession';
import type { DraftSession } from './useDraftSession';
import { useExternalChanges } from './useExternalChanges';
import type { ExternalChanges } from './useExternalChanges';
import { useFileActions, useLeaveWarning } from './useFileActions';
import type { FileActionsHandle } from './useFileActions';
import { useReadySignal, useStartup } from './useStartup';
import type { Startup } from './useStartup';
import { useToasts } from './useToasts';
import type { ToastsHandle } from './useToasts';
import { useWindowDrop } from './useWindowDrop';
import { useWorkspaceLayout } from './useWorkspaceLayout';
import type { WorkspaceLayout } from './useWorkspaceLayout';

export interface WorkspaceSession extends DraftSession {
  api: RecapApi;
  info: AppInfo | null;
  /** 0 until the start-up chose what to show; then bumped whenever another recap is loaded. */
  loadSerial: number;
  startup: Startup;
  notices: ToastsHandle;
  dialogs: DialogsHandle;
  layout: WorkspaceLayout;
  photos: PhotosHandle;
  files: FileActionsHandle;
  external: ExternalChanges;
  /** The latest file context (for the home screen's and the banners' actions). */
  context: MutableRefObject<FileContext>;
  /** The top bar says "Saved" for a moment after a save. */
  savedFlash: boolean;
  onEditorReset(): void;
}

/** "Saved" shows in the top bar for two seconds after each save. */
function useSavedFlash(): [boolean, () => void] {
  const [savedFlash, setSavedFlash] = useState(0);
  useEffect(() => {
    if (savedFlash === 0) return;
    const t = window.setTimeout(() => setSavedFlash(0), 2000);
    return () => window.clearTimeout(t);
  }, [savedFlash]);
  return [savedFlash > 0, useCallback(() => setSavedFlash((n) => n + 1), [])];
}

/** Remembers where the recap lives: the next dialog starts there, and in the browser the URL names it. */
function useRememberPath(info: AppInfo | null, lastDir: MutableRefObject<string | null>): (p: string | null) => void {
  return useCallback(
    (p: string | null) => {
      if (!p) return;
      lastDir.current = dirName(p);
      if (info?.door === 'web') {
        // A reload of the tab should bring back the same recap.
        const url = new URL(window.location.href);
        url.searchParams.set('file', p);
        window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
      }
    },
    [info, lastDir],
  );
}

export function useWorkspaceSession(transport: Transport): WorkspaceSession {
  const { api } = transport;
  const [info, setInfo] = useState<AppInfo | null>(null);
  const notices = useToasts();
  const { toast, reportError } = notices;
  const dialogs = useDialogs();
  const layout = useWorkspaceLayout();
  const [savedFlash, flashSaved] = useSavedFlash();
  const [loadSerial, setLoadSerial] = useState(0);
  const lastDir = useRef<string | null>(null);
  const newTemplate = useRef<NewTemplate | null>(null);
  const context = useRef<FileContext>(null as unknown as FileContext);
  const session = useDraftSession(api, reportError);
  const { recap, views } = session;
  const photos = usePhotos({
    api,
    transport,
    info,
    body: views.deferredBody,
    head: views.headText,
    path: session.photoPath,
    coverField: views.profile?.photos.coverField ?? null,
    loadSerial,
    current: recap.current,
    edit: recap.edit,
    ensureSaved: () => ensureSaved(context.current),
    toast,
  });
  useWindowTitle(api, session);
  const rememberPath = useRememberPath(info, lastDir);
  const [diskChanged, setDiskChanged] = useState<string | null>(null);
  const { load } = recap;
  const { setProblemsOpen } = layout;
  const show = useCallback(
    (opened: OpenedRecap) => {
      load(opened);
      rememberPath(opened.path);
      setLoadSerial((n) => n + 1);
      setProblemsOpen(false);
      setDiskChanged(null);
      if (opened.recovered) toast('info', opened.recovered);
      // The next start after a crash reopens what was open.
      api.setOpenDrafts({ ids: [opened.draft.id] }).catch(() => undefined);
    },
    [load, rememberPath, setProblemsOpen, toast, api],
  );
  context.current = {
    api, info, recap, autosaveRef: session.autosaveRef, dialogs, toast, reportError, show, rememberPath, lastDir, newTemplate,
    title: views.meta?.title ?? '', setDiskChanged, flashSaved,
  };
  const files = useFileActions(transport, context, photos.insertPhotos);
  useLeaveWarning(info, session.dirtyRef);
  useWindowDrop(transport, context, files.run, photos.dropAtCursor);
  useExternalChanges(api, recap, session.autosaveRef, files.busyRef, toast, setDiskChanged);
  const showHome = useCallback(() => setLoadSerial((n) => n + 1), []);
  const startup = useStartup({ api, setInfo, show, toast, lastDir, showHome });
  const onEditorReset = useReadySignal(loadSerial, recap.doc !== null);
  return { ...session, api, info, loadSerial, startup, notices, dialogs, layout, photos, files, external: { diskChanged, setDiskChanged }, context, savedFlash, onEditorReset };
}
