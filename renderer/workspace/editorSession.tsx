// The editor's session (a lazy chunk; useWorkspaceSession.ts has the app shell it joins): the open
// recap (or none: the home screen), its photos, the file actions over it and the window's
// listeners that act on it. It mounts beside the home screen and stays; the workspace shows
// while a recap is open.

import { Suspense, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { MutableRefObject } from 'react';
import type { AppInfo, OpenedRecap } from '../../electron/core/contract';
import { readingOf } from '../../electron/core/markdown/site-reading';
import { usePhotos } from '../photos/usePhotos';
import { isMsg } from '../../electron/core/errors';
import { t, tMsg } from '../ui/locale';
import { Opening } from '../ui/Opening';
import { dirName } from '../ui/paths';
import { ensureSaved, openDraft, openPath } from './fileActions';
import type { FileContext } from './saveActions';
import { useDraftSession, useWindowTitle } from './useDraftSession';
import { useExternalChanges } from './useExternalChanges';
import { useFileActions, useLeaveWarning } from './useFileActions';
import type { AppShell, EditorRequest, WorkspaceSession } from './useWorkspaceSession';
import { useWindowDrop } from './useWindowDrop';
import { Workspace } from './workspaceChunk';

/** "Saved" shows in the top bar for two seconds after each save. */
function useSavedFlash(): [boolean, () => void] {
  const [savedFlash, setSavedFlash] = useState(0);
  useEffect(() => {
    if (savedFlash === 0) return;
    const timer = window.setTimeout(() => setSavedFlash(0), 2000);
    return () => window.clearTimeout(timer);
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
        // A reload of the tab should bring back the same recap. The address that opened it
        // already names it: no `replaceState` then (a synchronous round trip to the browser
        // process, 2–25 ms while the page starts, on the way to the workspace's first render).
        const url = new URL(window.location.href);
        if (url.searchParams.get('file') === p) return;
        url.searchParams.set('file', p);
        window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
      }
    },
    [info, lastDir],
  );
}

function useEditorSession(shell: AppShell): WorkspaceSession {
  const { api, transport, info, notices, dialogs, layout, loadSerial, bumpLoadSerial, startup, lastDir, newTemplate, setEditing, onEditorReset } = shell;
  const { toast, reportError } = notices;
  const [savedFlash, flashSaved] = useSavedFlash();
  const context = useRef<FileContext>(null as unknown as FileContext);
  const session = useDraftSession(api, reportError);
  const { recap, views } = session;
  const photos = usePhotos({
    api,
    transport,
    info,
    body: views.deferredBody,
    deferredHead: views.deferredHead,
    head: views.headText,
    path: session.photoPath,
    coverField: views.profile?.photos.coverField ?? null,
    bundleCard: views.profile?.generator === 'hugo' && views.profile.images.beside,
    insertAs: views.profile?.photos.insertAs ?? 'markdown',
    baseUrlPath: views.profile?.baseUrlPath,
    reading: readingOf(views.profile),
    rootPathFields: views.profile?.photos.rootPathFields,
    loadSerial,
    current: recap.current,
    edit: recap.edit,
    ensureSaved: () => ensureSaved(context.current),
    toast,
  });
  useWindowTitle(api, session);
  const rememberPath = useRememberPath(info, lastDir);
  const [diskChanged, setDiskChanged] = useState<string | null>(null);
  const { load, close } = recap;
  const { setProblemsOpen } = layout;
  const show = useCallback(
    (opened: OpenedRecap) => {
      // One render: the home screen goes as the workspace comes.
      load(opened);
      setEditing(true);
      rememberPath(opened.path);
      bumpLoadSerial();
      setProblemsOpen(false);
      setDiskChanged(null);
      // In the interface's language when the service sent the catalogue's message (it always does).
      if (opened.recovered) toast('info', isMsg(opened.recoveredMsg) ? tMsg(opened.recoveredMsg) : opened.recovered);
      // The next start after a crash reopens what was open: told right after the frame that shows
      // the text (a request's main-thread work, not before it) — not when the page is next idle,
      // which typing can put off past a save and a crash, so that the start after it reopened the
      // drafts of the run before instead.
      requestAnimationFrame(() => setTimeout(() => void api.setOpenDrafts({ ids: [opened.draft.id] }).catch(() => undefined), 0));
    },
    [load, setEditing, rememberPath, bumpLoadSerial, setProblemsOpen, toast, api],
  );
  // Closing the recap brings the home screen back in the same render.
  const closeRecap = useCallback(() => {
    close();
    setEditing(false);
  }, [close, setEditing]);
  context.current = {
    api, info, recap: { ...recap, close: closeRecap }, autosaveRef: session.autosaveRef, dialogs, toast, reportError, show, rememberPath, lastDir, newTemplate,
    title: views.title, setDiskChanged, flashSaved,
  };
  const files = useFileActions(transport, context, photos.insertPhotos);
  useLeaveWarning(info, session.dirtyRef);
  useWindowDrop(transport, context, files.run, photos.dropAtCursor);
  useExternalChanges(api, recap, session.autosaveRef, files.busyRef, toast, setDiskChanged);
  return { ...session, api, info, loadSerial, startup, notices, dialogs, layout, photos, files, external: { diskChanged, setDiskChanged }, context, savedFlash, onEditorReset };
}

/** A request from the home screen or the window, run by the editor's session. */
function runRequest(s: WorkspaceSession, request: EditorRequest): void {
  const c = s.context.current;
  switch (request.kind) {
    case 'new':
      c.newTemplate.current = request.template;
      s.files.runAction('new');
      return;
    case 'action':
      s.files.runAction(request.action);
      return;
    case 'command':
      // As the menu's commands reach a mounted session (useFileActions), with no recap open.
      if (request.command === 'insert-photos') s.photos.insertPhotos();
      else if (request.command === 'add-translation') c.toast('info', t('translation.menuNoRecap'));
      else s.files.runAction(request.command);
      return;
    case 'draft':
      void s.files.run(() => openDraft(c, request.id));
      return;
    case 'file':
      void s.files.run(() => openPath(c, request.path));
      return;
    case 'drop': {
      // Dropped before this session listened: dropped again, on its own listener (useWindowDrop).
      const data = new DataTransfer();
      for (const file of request.files) data.items.add(file);
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, cancelable: true }));
      return;
    }
  }
}

export function EditorHost({ shell }: { shell: AppShell }) {
  const session = useEditorSession(shell);
  const latest = useRef(session);
  latest.current = session;
  const { openedAtStart, requests, editor } = shell;
  const { show } = session.context.current;
  // The recap the start-up opened shows before the first paint.
  useLayoutEffect(() => {
    const opened = openedAtStart.current;
    openedAtStart.current = null;
    if (opened) show(opened);
  }, [openedAtStart, show]);
  // Last, after the listeners of the hooks above are on: requests run here from now on.
  useEffect(() => {
    editor.current = (request) => runRequest(latest.current, request);
    for (const request of requests.current.splice(0)) runRequest(latest.current, request);
    return () => {
      editor.current = null;
    };
  }, [editor, requests]);
  if (!shell.editing) return null;
  // A recap is open: the workspace shows once its code and the front-matter parsers are here.
  if (!session.recap.doc || !session.views.profile || !session.views.parsers) return <Opening />;
  return (
    <Suspense fallback={<Opening />}>
      <Workspace session={session} />
    </Suspense>
  );
}
