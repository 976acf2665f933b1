// Everything the window knows, in two parts. The app shell (`useAppShell`, in the first chunk):
// the app's facts, the start-up, the dialogs, the toasts and what the home screen asks for. The
// editor's session (`editorSession.tsx`, a lazy chunk: the open recap, its photos and the file
// actions over it) mounts beside the home screen once its code is here: after the home screen's
// first cards, or at once when a recap opens at start. What the home screen asks of it before
// then (a button, a shortcut, a menu command, a dropped file) waits for it in `requests`.

import { useCallback, useEffect, useRef, useState } from 'react';
import type { MutableRefObject } from 'react';
import type { AppCommand, AppInfo, OpenedRecap, RecapApi } from '../../electron/core/contract';
import type { Transport } from '../api';
import type { NewTemplate } from '../home/HomeScreen';
import type { PhotosHandle } from '../photos/usePhotos';
import type { DialogsHandle } from './useDialogs';
import { useDialogs } from './useDialogs';
import type { DraftSession } from './useDraftSession';
import type { ExternalChanges } from './useExternalChanges';
import type { FileActionsHandle } from './useFileActions';
import type { FileContext } from './saveActions';
import { useShortcuts } from './useShortcuts';
import type { FileAction } from './useShortcuts';
import { useReadySignal, useStartup } from './useStartup';
import type { Startup } from './useStartup';
import { useToasts } from './useToasts';
import type { ToastsHandle } from './useToasts';
import { useWorkspaceLayout } from './useWorkspaceLayout';
import type { WorkspaceLayout } from './useWorkspaceLayout';
import { editorSessionChunk as editorChunk, loadEditor } from './editorChunks';
import { lazyNow } from './lazyNow';

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

/** What the home screen (or the window, before the editor's session is here) asks of it. */
export type EditorRequest =
  | { kind: 'new'; template: NewTemplate | null }
  | { kind: 'action'; action: FileAction }
  | { kind: 'command'; command: AppCommand }
  | { kind: 'draft'; id: string }
  | { kind: 'file'; path: string }
  | { kind: 'drop'; files: File[] };

export interface AppShell {
  transport: Transport;
  api: RecapApi;
  info: AppInfo | null;
  notices: ToastsHandle;
  dialogs: DialogsHandle;
  /** What the author folded or opened in the workspace: it outlives one recap. */
  layout: WorkspaceLayout;
  loadSerial: number;
  bumpLoadSerial(): void;
  startup: Startup;
  lastDir: MutableRefObject<string | null>;
  newTemplate: MutableRefObject<NewTemplate | null>;
  /** A recap is open or opening: the editor's session shows it, not the home screen. */
  editing: boolean;
  setEditing(editing: boolean): void;
  /** The recap the start-up opened, for the editor's session to show as it mounts. */
  openedAtStart: MutableRefObject<OpenedRecap | null>;
  /** The editor's session is (to be) mounted. */
  editorWanted: boolean;
  /** Mounts the editor's session (its code loads first). */
  wantEditor(): void;
  /** Runs a request in the editor's session: at once when it is mounted, else once it is. */
  ask(request: EditorRequest): void;
  /** The waiting requests, and the mounted editor session's way to run one (null until mounted). */
  requests: MutableRefObject<EditorRequest[]>;
  editor: MutableRefObject<((request: EditorRequest) => void) | null>;
  onEditorReset(): void;
}

/** The editor's session: renders the workspace while a recap is open, nothing on the home screen. */
export const EditorHost = lazyNow(
  () => editorChunk.now()?.EditorHost ?? null,
  () => editorChunk.load().then((m) => m.EditorHost),
);

const hasFiles = (e: DragEvent): boolean => [...(e.dataTransfer?.types ?? [])].includes('Files');

/**
 * Until the editor's session is mounted, the window's shortcuts, menu commands and dropped files
 * wait for it (its own listeners take them from then on): none is lost, and a drop never
 * navigates the page away.
 */
function useWindowRequests(transport: Transport, editor: AppShell['editor'], ask: (request: EditorRequest) => void): void {
  useShortcuts((action) => {
    if (!editor.current) ask({ kind: 'action', action });
  });
  useEffect(
    () =>
      transport.onCommand((command) => {
        if (!editor.current) ask({ kind: 'command', command });
      }),
    [transport, editor, ask],
  );
  useEffect(() => {
    const onDragOver = (e: DragEvent): void => {
      if (editor.current || !hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (e: DragEvent): void => {
      if (editor.current || !hasFiles(e)) return;
      e.preventDefault();
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length) ask({ kind: 'drop', files });
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [editor, ask]);
}

export function useAppShell(transport: Transport): AppShell {
  const { api } = transport;
  const [info, setInfo] = useState<AppInfo | null>(null);
  const notices = useToasts();
  const dialogs = useDialogs();
  const layout = useWorkspaceLayout();
  const [loadSerial, setLoadSerial] = useState(0);
  const bumpLoadSerial = useCallback(() => setLoadSerial((n) => n + 1), []);
  const [editing, setEditing] = useState(false);
  const [editorWanted, setEditorWanted] = useState(false);
  const wantEditor = useCallback(() => setEditorWanted(true), []);
  const lastDir = useRef<string | null>(null);
  const newTemplate = useRef<NewTemplate | null>(null);
  const openedAtStart = useRef<OpenedRecap | null>(null);
  const requests = useRef<EditorRequest[]>([]);
  const editor = useRef<((request: EditorRequest) => void) | null>(null);
  const ask = useCallback((request: EditorRequest) => {
    if (editor.current) {
      editor.current(request);
      return;
    }
    requests.current.push(request);
    setEditorWanted(true);
    // The workspace's code too: the request may open a recap.
    void loadEditor().catch(() => undefined);
  }, []);
  useWindowRequests(transport, editor, ask);
  // A recap opened at start: the editor's session shows it as it mounts.
  const showAtStart = useCallback((opened: OpenedRecap) => {
    openedAtStart.current = opened;
    setEditing(true);
    setEditorWanted(true);
  }, []);
  const startup = useStartup({ api, setInfo, show: showAtStart, toast: notices.toast, lastDir, showHome: bumpLoadSerial });
  const onEditorReset = useReadySignal(loadSerial, editing);
  return {
    transport, api, info, notices, dialogs, layout, loadSerial, bumpLoadSerial, startup, lastDir, newTemplate, editing, setEditing, openedAtStart,
    editorWanted, wantEditor, ask, requests, editor, onEditorReset,
  };
}
