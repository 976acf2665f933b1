import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AppCommand, AppInfo, HomeData, OpenedRecap, Problem, SaveRequest, SiteProfile } from '../electron/core/contract';
import { editorBody, listFromValue, readFrontMatter, splitRecap, withBody } from '../electron/core/frontmatter/frontmatter';
import { errorCode, errorMessage, LinkNeededError, UnreachableError } from './api';
import type { Transport } from './api';
import { ConfirmDialog } from './ui/ConfirmDialog';
import type { ConfirmSpec } from './ui/ConfirmDialog';
import { ErrorScreen, LinkNeededScreen } from './ui/ErrorScreen';
import { FilePicker } from './ui/FilePicker';
import type { PickerResult, PickerSpec } from './ui/FilePicker';
import { FrontMatterForm } from './workspace/form/FrontMatterForm';
import PhotoImportDialog from './photos/PhotoImportDialog';
import { ProblemsPanel } from './workspace/ProblemsPanel';
import { fieldInputId } from './workspace/form/ProfileField';
import { Toasts } from './ui/Toasts';
import type { Toast } from './ui/Toasts';
import { TopBar } from './workspace/TopBar';
import { revealLine } from './workspace/editing/caret';
import { useAfterPaint } from './ui/useAfterPaint';
import { useLint } from './workspace/useLint';
import { isUnsaved, useRecapDocument } from './workspace/useRecapDocument';
import { useAutosave } from './workspace/useAutosave';
import { HomeScreen, type NewTemplate } from './home/HomeScreen';
import { useShortcuts } from './workspace/useShortcuts';
import type { FileAction } from './workspace/useShortcuts';
import { usePhotos } from './photos/usePhotos';
import { useUndoKeys } from './workspace/editing/useUndoKeys';
import type { PreviewMeta } from './preview/Preview';
import { clockTime } from './ui/format';
import { baseName, dirName } from './ui/paths';
import { slugify } from '../electron/core/recap/template';

// The preview's Markdown pipeline is the heaviest code; it arrives after the first paint.
const Preview = lazy(() => import('./preview/Preview'));
// The photo tray too. The import panel (1.5 KB) is in the first bundle: it must show the moment photos are dropped.
const PhotoTray = lazy(() => import('./photos/PhotoTray'));
// The Markdown editor loads beside the home screen, not before it: the home screen paints first.
const editorPane = import('./workspace/EditorPane');
const EditorPane = lazy(() => editorPane.then((m) => ({ default: m.EditorPane })));
const ExportDialog = lazy(() => import('./export/ExportDialog'));
const HistoryDialog = lazy(() => import('./history/DiffDialogs').then((m) => ({ default: m.HistoryDialog })));
const CompareDialog = lazy(() => import('./history/DiffDialogs').then((m) => ({ default: m.CompareDialog })));
const PhotoUndoToast = lazy(() => import('./photos/PhotoTray').then((m) => ({ default: m.PhotoUndoToast })));

const TRAY_KEY = 'recap-studio.photo-tray-collapsed';

type ModalState =
  | { kind: 'confirm'; spec: ConfirmSpec; resolve(answer: string): void }
  | { kind: 'history'; draftId: string }
  | { kind: 'export' }
  | { kind: 'compare'; fileName: string; disk: string | null; mine: string; resolve(choice: 'reload' | 'keep' | 'cancel'): void }
  | { kind: 'picker'; spec: PickerSpec; resolve(result: PickerResult | null): void };



/** The file name Save As suggests for a recap without one. */
function slugFileName(title: string): string {
  return `${title.trim() ? slugify(title) : 'untitled-recap'}.md`;
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function previewMeta(head: string, profile: SiteProfile): PreviewMeta {
  const { fields } = readFrontMatter(head);
  const value = (key: string | undefined) => (key === undefined ? undefined : fields.find((f) => f.key === key)?.value);
  const text = (key: string | undefined): string => {
    const v = value(key);
    return typeof v === 'string' || typeof v === 'number' ? String(v).trim() : '';
  };
  const titleKey = profile.fields.find((f) => f.key === 'title')?.key ?? profile.fields.find((f) => f.type === 'string')?.key;
  return {
    title: text(titleKey),
    date: text(profile.fields.find((f) => f.type === 'date')?.key),
    authors: listFromValue(value(profile.fields.find((f) => f.type === 'names')?.key)),
    keywords: listFromValue(value(profile.fields.find((f) => f.type === 'tags')?.key)),
  };
}

const isMarkdownName = (name: string): boolean => /\.(?:md|markdown)$/i.test(name);

export function App({ transport }: { transport: Transport }) {
  const { api } = transport;
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [fatal, setFatal] = useState<{ message: string; linkNeeded: boolean } | null>(null);
  const [toasts, setToasts] = useState<Toast[]>([]);
  const [modal, setModal] = useState<ModalState | null>(null);
  const [busy, setBusy] = useState(false);
  const [formCollapsed, setFormCollapsed] = useState(false);
  const [trayCollapsed, setTrayCollapsed] = useState(() => {
    try {
      return localStorage.getItem(TRAY_KEY) === '1';
    } catch {
      return false;
    }
  });
  const [raw, setRaw] = useState(false);
  const [problemsOpen, setProblemsOpen] = useState(false);
  const [savedFlash, setSavedFlash] = useState(0);
  const [loadSerial, setLoadSerial] = useState(0);
  const toastSeq = useRef(0);
  const busyRef = useRef(false);
  const lastDir = useRef<string | null>(null);

  const dismissToast = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), []);
  const toast = useCallback(
    (kind: Toast['kind'], message: string) => {
      const id = ++toastSeq.current;
      // The same message twice in a row (a key held down, a retried save) shows once.
      setToasts((list) => [...list.filter((t) => t.message !== message).slice(-3), { id, kind, message }]);
      if (kind === 'info') window.setTimeout(() => dismissToast(id), 4000);
    },
    [dismissToast],
  );
  const reportError = useCallback((err: unknown) => toast('error', errorMessage(err)), [toast]);

  const recap = useRecapDocument(reportError);
  const { doc, current, load, close: closeDoc, edit, markSaved, updateDraft, replaceText } = recap;
  useUndoKeys(recap);
  const [diskChanged, setDiskChanged] = useState<string | null>(null);

  // ---- Views derived from the one text -------------------------------------------------
  const text = doc?.text ?? null;
  const parts = useMemo(() => (text === null ? null : splitRecap(text)), [text]);
  const headText = text !== null && parts ? text.slice(0, text.length - parts.body.length) : '';
  const body = useMemo(() => (text === null ? '' : editorBody(text)), [text]);
  const profile = doc?.profile ?? null;
  const meta = useMemo(() => (profile ? previewMeta(headText, profile) : null), [headText, profile]);
  // The preview follows the text one painted frame behind, so typing never waits for it.
  const deferredBody = useAfterPaint(body);
  const deferredMeta = useAfterPaint(meta);

  // Unsaved means "not in the file yet": the draft itself is on disk within a second.
  const dirty = isUnsaved(doc);
  const path = doc?.path ?? null;
  const fileName = path ? baseName(path) : meta?.title ? `${meta.title} (draft)` : 'Untitled recap (draft)';
  const windowTitle = doc ? `${dirty ? '• ' : ''}${fileName} — Recap Studio` : 'Recap Studio';
  const autosave = useAutosave(api, doc ? { id: doc.draft.id, text: doc.text } : null, updateDraft);
  const autosaveRef = useRef(autosave);
  autosaveRef.current = autosave;
  const draftStatus = useMemo((): { text: string; tone: 'ok' | 'busy' | 'error' } => {
    const s = autosave.status;
    if (s.state === 'failed') return { text: 'Autosave failed', tone: 'error' };
    if (s.state === 'pending') return { text: 'Saving draft…', tone: 'busy' };
    if (s.at === null) return { text: 'Draft saved', tone: 'ok' };
    const d = new Date(s.at);
    return { text: `Draft saved ${clockTime(d)}`, tone: 'ok' };
  }, [autosave.status]);
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;

  // Images resolve where the tray keeps photos: the linked file, else the draft's own folder.
  // The panel, the preview and export then see the same files (one truth about the recap).
  const photoPath = doc?.photoPath ?? null;
  const lint = useLint(api, text, photoPath);

  // Photos live beside the recap file: one never saved is saved first (Save As), then imported.
  const ensureSaved = async (): Promise<boolean> => {
    if (current()?.photoPath) return true;
    const answer = await ask({
      title: 'Save the recap first',
      message: (
        <p>
          Photos are kept in a folder next to the recap file, so the recap needs a name and a place before they can be added.
        </p>
      ),
      buttons: [
        { id: 'cancel', label: 'Cancel', testId: 'confirm-cancel' },
        { id: 'save', label: 'Save As…', testId: 'confirm-save', tone: 'primary' },
      ],
      cancelId: 'cancel',
    });
    if (answer !== 'save') return false;
    await actionsRef.current.actions['save-as']();
    return current()?.photoPath != null;
  };
  const photos = usePhotos({
    api,
    transport,
    info,
    body: deferredBody,
    head: headText,
    path: doc?.photoPath ?? null,
    coverField: profile?.photos.coverField ?? null,
    loadSerial,
    current,
    edit,
    ensureSaved,
    toast,
  });
  const photosRef = useRef(photos);
  photosRef.current = photos;
  const onTrayCollapsed = useCallback((collapsed: boolean) => {
    setTrayCollapsed(collapsed);
    try {
      localStorage.setItem(TRAY_KEY, collapsed ? '1' : '0');
    } catch {
      // Only a preference.
    }
  }, []);

  useEffect(() => {
    document.title = windowTitle;
    api.setDocumentState({ title: windowTitle, path, dirty }).catch(() => {
      // The title bar is cosmetic; a failure here must not interrupt writing.
    });
  }, [api, windowTitle, path, dirty, doc !== null]);

  // ---- Dialogs ---------------------------------------------------------------------------
  const ask = useCallback(
    <T extends string>(spec: ConfirmSpec<T>): Promise<T> =>
      new Promise<T>((resolve) => {
        setModal({
          kind: 'confirm',
          spec: spec as ConfirmSpec,
          resolve: (answer) => {
            setModal(null);
            resolve(answer as T);
          },
        });
      }),
    [],
  );
  const pick = useCallback(
    (spec: PickerSpec): Promise<PickerResult | null> =>
      new Promise((resolve) => {
        setModal({
          kind: 'picker',
          spec,
          resolve: (result) => {
            setModal(null);
            resolve(result);
          },
        });
      }),
    [],
  );

  // ---- Loading and saving ----------------------------------------------------------------
  const rememberPath = useCallback(
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
    [info],
  );

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
    [load, rememberPath, toast, api],
  );

  /** Asks how to go on when the file changed on disk: reload it, keep mine (overwrite), or later. */
  const resolveDiskChange = async (): Promise<'reload' | 'keep' | 'cancel'> => {
    const cur = current();
    if (!cur || !cur.path) return 'cancel';
    let status;
    try {
      status = await api.checkLinkedFile({ id: cur.draft.id });
    } catch (err) {
      reportError(err);
      return 'cancel';
    }
    if (status.state !== 'changed' && status.state !== 'deleted') {
      setDiskChanged(null);
      return 'keep';
    }
    const choice = await new Promise<'reload' | 'keep' | 'cancel'>((resolve) =>
      setModal({
        kind: 'compare',
        fileName: baseName(cur.path!),
        disk: status.state === 'changed' ? status.diskText : '',
        mine: cur.text,
        resolve: (c) => {
          setModal(null);
          resolve(c);
        },
      }),
    );
    if (choice === 'reload') {
      if (status.state === 'deleted') {
        toast('info', `${baseName(cur.path)} was deleted on disk; there is nothing to reload. Save to write it again.`);
        return 'cancel';
      }
      try {
        await autosaveRef.current.flush(true);
        const r = await api.reloadLinkedFile({ id: cur.draft.id });
        replaceText(r.text, true);
        setDiskChanged(null);
        toast('info', `Reloaded ${baseName(cur.path)} from disk. Your previous text is in History.`);
      } catch (err) {
        reportError(err);
      }
      return 'reload';
    }
    if (choice === 'keep') {
      const ok = await writeToFile({ text: current()?.text ?? cur.text, expectHash: status.state === 'changed' ? status.diskHash : null });
      if (ok) setDiskChanged(null);
      return ok ? 'keep' : 'cancel';
    }
    return 'cancel';
  };

  const writeToFile = async (req: { text: string; path?: string; overwrite?: boolean; expectHash?: string | null }): Promise<boolean> => {
    const cur = current();
    if (!cur) return false;
    try {
      const result = await api.saveToFile({ id: cur.draft.id, ...req });
      const written = result.linked.path ?? req.path ?? cur.path ?? '';
      markSaved(req.text, written, result.draft);
      rememberPath(written);
      setSavedFlash((n) => n + 1);
      setDiskChanged(null);
      return true;
    } catch (err) {
      const code = errorCode(err);
      if (code === 'CHANGED_ON_DISK' && req.path === undefined) {
        return (await resolveDiskChange()) === 'keep';
      }
      if (code === 'EXISTS' && req.path !== undefined) {
        const answer = await ask({
          title: 'Replace the existing file?',
          message: (
            <p>
              <strong>{baseName(req.path)}</strong> already exists. Replace it with this recap?
            </p>
          ),
          buttons: [
            { id: 'cancel', label: 'Cancel', testId: 'confirm-cancel' },
            { id: 'overwrite', label: 'Replace', testId: 'confirm-overwrite', tone: 'danger' },
          ],
          cancelId: 'cancel',
        });
        return answer === 'overwrite' ? writeToFile({ ...req, overwrite: true }) : false;
      }
      // The text stays in the editor and in the draft; only the message is new.
      reportError(err);
      return false;
    }
  };

  const saveAs = async (): Promise<boolean> => {
    const cur = current();
    if (!cur || !info) return false;
    const suggestedName = cur.path ? baseName(cur.path) : slugFileName(meta?.title ?? '');
    const defaultDir = cur.path ? dirName(cur.path) : lastDir.current;
    if (info.nativeDialogs) {
      let target: string | null;
      try {
        target = await api.showSaveDialog({ suggestedName, defaultDir });
      } catch (err) {
        reportError(err);
        return false;
      }
      // The native dialog already asked about replacing an existing file.
      return target ? writeToFile({ path: target, text: current()?.text ?? cur.text, overwrite: true }) : false;
    }
    const picked = await pick({ mode: 'save', startDir: defaultDir, suggestedName });
    const latest = current();
    if (!picked || !latest) return false;
    return writeToFile({ path: picked.path, text: latest.text, overwrite: picked.overwrite });
  };

  const save = async (): Promise<boolean> => {
    const cur = current();
    if (!cur) return false;
    if (!cur.path) return saveAs();
    return writeToFile({ text: cur.text });
  };

  /**
   * Before another recap replaces this one: its draft must be on disk. Changes not saved to the
   * file stay in the draft (the home screen says so), so nothing needs asking.
   */
  const leave = async (): Promise<boolean> => {
    if (!current()) return true;
    if (await autosaveRef.current.flush(true)) return true;
    const answer = await ask({
      title: 'The draft could not be saved',
      message: <p>Recap Studio could not write this recap’s draft to disk ({autosaveRef.current.status.state === 'failed' ? autosaveRef.current.status.message : 'unknown error'}). If you leave it now, the changes since the last autosave are lost.</p>,
      buttons: [
        { id: 'stay', label: 'Stay here', testId: 'confirm-cancel', tone: 'primary' },
        { id: 'leave', label: 'Leave anyway', testId: 'confirm-discard', tone: 'danger' },
      ],
      cancelId: 'stay',
    });
    return answer === 'leave';
  };

  const openPath = async (target: string): Promise<void> => {
    try {
      show(await api.openRecap({ path: target }));
    } catch (err) {
      reportError(err);
    }
  };

  const actions: Record<FileAction | 'save-and-close' | 'flush-and-close', () => Promise<unknown>> = {
    new: async () => {
      if (!(await leave())) return;
      try {
        const template = newTemplate.current;
        newTemplate.current = null;
        show(await api.newRecap(template ? { template } : {}));
      } catch (err) {
        reportError(err);
      }
    },
    open: async () => {
      if (!info || !(await leave())) return;
      let target: string | null = null;
      if (info.nativeDialogs) {
        try {
          target = await api.showOpenDialog();
        } catch (err) {
          reportError(err);
        }
      } else {
        const cur = current();
        target = (await pick({ mode: 'open', startDir: (cur?.path && dirName(cur.path)) || lastDir.current }))?.path ?? null;
      }
      if (target) await openPath(target);
    },
    save,
    'save-as': saveAs,
    'save-and-close': async () => {
      const clean = !isUnsaved(current());
      // If the author cancels the Save As dialog (or the save fails) the window stays open.
      if (clean || (await save())) {
        await autosaveRef.current.flush(true);
        await api.closeWindow().catch(reportError);
      }
    },
    'flush-and-close': async () => {
      await autosaveRef.current.flush(true);
      await api.closeWindow().catch(reportError);
    },
    home: async () => {
      if (!(await leave())) return;
      closeDoc();
      setDiskChanged(null);
      api.setOpenDrafts({ ids: [] }).catch(() => undefined);
    },
    history: async () => {
      const cur = current();
      if (!cur) return;
      // The history compares against the draft on disk: bring it up to date first.
      await autosaveRef.current.flush(true);
      setModal({ kind: 'history', draftId: cur.draft.id });
    },
    export: async () => {
      if (!current()) return;
      // The export reads the draft's photos; the text goes with the request.
      await autosaveRef.current.flush();
      setModal({ kind: 'export' });
    },
  };
  const openDropped = async (dropped: string): Promise<void> => {
    if (await leave()) await openPath(dropped);
  };
  const openDraft = async (id: string): Promise<void> => {
    try {
      show(await api.openDraft({ id }));
    } catch (err) {
      reportError(err);
    }
  };
  // Listeners bound once call the latest closures (which see the latest appInfo and document).
  const actionsRef = useRef({ actions, openDropped, openDraft, openPath, resolveDiskChange });
  actionsRef.current = { actions, openDropped, openDraft, openPath, resolveDiskChange };

  const run = useCallback(async (task: () => Promise<unknown>) => {
    // One file operation at a time: a second Ctrl+S while a save is in flight is ignored.
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    try {
      await task();
    } catch (err) {
      reportError(err);
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  }, [current, reportError]);
  /** The site archetype the home screen's New recap asked for (null: the event-recap template). */
  const newTemplate = useRef<NewTemplate | null>(null);
  const runAction = useCallback(
    (action: FileAction | 'save-and-close' | 'flush-and-close') => {
      const needsDoc = action !== 'new' && action !== 'open' && action !== 'home' && action !== 'flush-and-close';
      if (needsDoc && !current()) return;
      void run(() => actionsRef.current.actions[action]());
    },
    [run, current],
  );

  useShortcuts(runAction);

  useEffect(
    () =>
      transport.onCommand((command: AppCommand) => {
        if (command === 'insert-photos') photosRef.current.insertPhotos();
        else runAction(command);
      }),
    [transport, runAction],
  );

  useEffect(() => {
    if (info?.door !== 'web') return;
    const onBeforeUnload = (e: BeforeUnloadEvent): void => {
      if (!dirtyRef.current) return;
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [info]);

  // Dropping a recap on the window opens it; any other drop must not navigate the page away.
  useEffect(() => {
    const hasFiles = (e: DragEvent): boolean => [...(e.dataTransfer?.types ?? [])].includes('Files');
    const onDragOver = (e: DragEvent): void => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (e: DragEvent): void => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      const file = e.dataTransfer?.files[0];
      if (!file) return;
      const all = [...(e.dataTransfer?.files ?? [])];
      if (!all.some((f) => isMarkdownName(f.name))) {
        // Photos dropped outside the text and the tray go to the text cursor.
        photosRef.current.dropAtCursor(all);
        return;
      }
      if (!isMarkdownName(file.name)) {
        toast('info', `${file.name} is not a recap. Drop a Markdown (.md) file here to open it.`);
        return;
      }
      const dropped = transport.pathForFile(file);
      if (!dropped) {
        toast('info', `The browser does not tell the page where ${file.name} lives. Use Open… (Ctrl+O) to open it.`);
        return;
      }
      void run(() => actionsRef.current.openDropped(dropped));
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [transport, run, toast]);

  // ---- Start-up --------------------------------------------------------------------------
  const started = useRef(false);
  const homeFirst = useRef<Promise<HomeData> | null>(null);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void (async () => {
      try {
        const requested = new URL(window.location.href).searchParams.get('file');
        // Start-up calls go out together; without a file to open, the home screen's list is
        // asked for at once, in case nothing is reopened.
        const infoP = api.appInfo();
        const recoveryP = requested ? null : api.recoverSession();
        // Awaited below; when appInfo fails first, its failure must not go unhandled.
        recoveryP?.catch(() => undefined);
        if (!requested) {
          homeFirst.current = api.homeData({});
          homeFirst.current.catch(() => undefined);
        }
        const appInfo = await infoP;
        setInfo(appInfo);
        let opened: OpenedRecap | null = null;
        if (requested) {
          try {
            opened = await api.openRecap({ path: requested });
          } catch (err) {
            if (err instanceof UnreachableError) throw err;
            toast('error', errorMessage(err));
          }
        }
        if (!opened) {
          // After a crash, what was open comes back with every change up to the last autosave.
          const recovery = await (recoveryP ?? api.recoverSession());
          const first = recovery.reopen[0];
          if (first) {
            try {
              opened = await api.openDraft({ id: first.id });
              if (recovery.message) toast('info', recovery.message);
            } catch (err) {
              if (err instanceof UnreachableError) throw err;
              toast('error', errorMessage(err));
            }
          }
        }
        if (opened) {
          show(opened);
          if (opened.path) lastDir.current = dirName(opened.path);
        } else {
          // Nothing to reopen: the home screen.
          setLoadSerial((n) => n + 1);
        }
      } catch (err) {
        setFatal({ message: errorMessage(err), linkNeeded: err instanceof LinkNeededError });
      }
    })();
  }, [api, show, toast]);

  // A freshly opened recap starts at its top, not where the previous one was scrolled. The
  // editor is loaded lazily, so its own reset (EditorPane's `resetKey`) says when the recap is
  // really on screen; the home screen is ready as soon as it renders.
  const editorOpen = doc !== null;
  useEffect(() => {
    if (loadSerial === 0) return;
    document.querySelector('.preview-pane')?.scrollTo({ top: 0 });
    if (!editorOpen) window.__recapReady = true;
  }, [loadSerial, editorOpen]);
  const onEditorReset = useCallback(() => {
    window.__recapReady = true;
  }, []);

  // Coming back to the window: was the file changed by another program meanwhile?
  useEffect(() => {
    const onFocus = (): void => {
      const cur = current();
      if (!cur?.path || busyRef.current) return;
      api.checkLinkedFile({ id: cur.draft.id }).then(
        async (status) => {
          const now = current();
          if (!now || now.draft.id !== cur.draft.id) return;
          if (status.state === 'changed') {
            if (!isUnsaved(now)) {
              // Nothing of the author's would be lost: take the file's version, keep ours in History.
              await autosaveRef.current.flush(true);
              const r = await api.reloadLinkedFile({ id: now.draft.id });
              replaceText(r.text, true);
              toast('info', `${baseName(status.path)} changed on disk and was reloaded. The previous text is in History.`);
            } else setDiskChanged(`${baseName(status.path)} changed on disk since you opened it.`);
          } else if (status.state === 'deleted') setDiskChanged(`${baseName(status.path)} was deleted or moved on disk.`);
          else setDiskChanged(null);
        },
        () => undefined,
      );
    };
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [api, current, replaceText, toast]);

  useEffect(() => {
    if (savedFlash === 0) return;
    const t = window.setTimeout(() => setSavedFlash(0), 2000);
    return () => window.clearTimeout(t);
  }, [savedFlash]);

  // ---- Edits and navigation --------------------------------------------------------------
  const onBodyChange = useCallback((value: string) => edit((t) => withBody(t, value), 'body'), [edit]);

  const focusField = (key: string): void => {
    setFormCollapsed(false);
    setRaw(false);
    requestAnimationFrame(() => {
      const el =
        document.getElementById(fieldInputId(key)) ??
        document.querySelector<HTMLElement>(`[data-field-key="${CSS.escape(key)}"] .extra-value, [data-field-key="${CSS.escape(key)}"] .extra-key`);
      if (el instanceof HTMLElement) {
        el.scrollIntoView({ block: 'center' });
        el.focus();
      }
    });
  };

  const onSelectProblem = useCallback(
    (p: Problem) => {
      setProblemsOpen(false);
      const cur = current();
      if (!cur) return;
      const split = splitRecap(cur.text);
      const headLines = countNewlines(cur.text.slice(0, cur.text.length - split.body.length));
      if (p.line !== undefined && p.line > headLines) {
        const textarea = document.querySelector<HTMLTextAreaElement>('.editor-pane .w-md-editor-text-input');
        if (textarea) revealLine(textarea, p.line - headLines);
        return;
      }
      const known = p.field !== undefined && readFrontMatter(cur.text).editable;
      if (p.field && known) {
        focusField(p.field);
        return;
      }
      if (p.line !== undefined) {
        // A YAML error: show the raw front matter with the caret on the line.
        const yamlFirstLine = countNewlines(split.bom + split.open) + 1;
        setFormCollapsed(false);
        setRaw(true);
        requestAnimationFrame(() => {
          const area = document.querySelector<HTMLTextAreaElement>('[data-testid="raw-yaml"]');
          if (area) revealLine(area, Math.max(1, p.line! - yamlFirstLine + 1));
        });
      }
    },
    // focusField only uses state setters, which never change.
    [current],
  );
  const toggleProblems = useCallback(() => setProblemsOpen((o) => !o), []);
  const closeProblems = useCallback(() => setProblemsOpen(false), []);

  // ---- Render ----------------------------------------------------------------------------
  if (fatal) return fatal.linkNeeded ? <LinkNeededScreen /> : <ErrorScreen message={fatal.message} />;
  if (loadSerial === 0) {
    return (
      <div className="app is-starting">
        <p className="starting">Opening Recap Studio…</p>
      </div>
    );
  }
  if (!doc || !profile || !meta) {
    return (
      <div className="app">
        <header className="topbar app-home-bar">
          <div className="brand" aria-label="Recap Studio">
            <span className="brand-mark" aria-hidden>
              R
            </span>
            <span className="brand-name">Recap Studio</span>
          </div>
        </header>
        <HomeScreen
          api={api}
          onNew={(template) => {
            newTemplate.current = template;
            runAction('new');
          }}
          onOpenFileDialog={() => runAction('open')}
          onOpenDraft={(id) => void run(() => actionsRef.current.openDraft(id))}
          onOpenFile={(p) => void run(() => actionsRef.current.openPath(p))}
          onError={(message) => toast('error', message)}
          first={homeFirst}
        />
        <Toasts toasts={toasts} onDismiss={dismissToast} />
        {modal?.kind === 'confirm' && <ConfirmDialog spec={modal.spec} onAnswer={modal.resolve} />}
        {modal?.kind === 'picker' && <FilePicker api={api} spec={modal.spec} onDone={modal.resolve} />}
      </div>
    );
  }

  return (
    <div className="app">
      <TopBar
        fileName={fileName}
        path={path}
        dirty={dirty}
        busy={busy}
        saved={savedFlash > 0}
        problems={lint.problems}
        lintError={lint.error}
        problemsOpen={problemsOpen}
        onProblemsToggle={toggleProblems}
        onAction={runAction}
        onInsertPhotos={photos.insertPhotos}
        draftStatus={draftStatus}
      />
      {autosave.status.state === 'failed' && (
        <div className="banner is-error" role="alert" data-testid="autosave-banner">
          <span className="banner-text">
            {autosave.status.message} Recap Studio keeps trying every few seconds{autosave.status.lastGoodAt ? `; the draft on disk is from ${clockTime(new Date(autosave.status.lastGoodAt), true)}` : ''}. Keep this window open, or use Save As to write the recap elsewhere.
          </span>
          <button type="button" className="button button-small" onClick={() => void autosave.flush()}>
            Try now
          </button>
        </div>
      )}
      {diskChanged && (
        <div className="banner is-warning" role="alert" data-testid="disk-banner">
          <span className="banner-text">{diskChanged} Your version is safe in the draft.</span>
          <button type="button" className="button button-small" data-testid="disk-resolve" onClick={() => void run(() => actionsRef.current.resolveDiskChange())}>
            Compare…
          </button>
        </div>
      )}
      {problemsOpen && <ProblemsPanel problems={lint.problems ?? []} lintError={lint.error} onSelect={onSelectProblem} onClose={closeProblems} />}
      <main className={`workspace${formCollapsed ? ' is-form-collapsed' : ''}`}>
        <div className={`side${formCollapsed ? ' is-collapsed' : ''}${trayCollapsed ? ' is-tray-collapsed' : ''}`}>
          <FrontMatterForm
            head={parts?.unclosed && text !== null ? text : headText}
            profile={profile}
            edit={edit}
            raw={raw}
            onRawChange={setRaw}
            collapsed={formCollapsed}
            onCollapsedChange={setFormCollapsed}
          />
          {formCollapsed ? (
            <button
              type="button"
              className="photo-rail"
              data-testid="photo-rail"
              onClick={() => {
                setFormCollapsed(false);
                onTrayCollapsed(false);
              }}
              title="Show the photos"
            >
              <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden focusable="false">
                <rect x="1.5" y="2.5" width="13" height="11" rx="2" fill="none" stroke="currentColor" strokeWidth="1.4" />
                <circle cx="5.5" cy="6" r="1.3" fill="currentColor" />
                <path d="M2 12l3.8-3.6 2.6 2.3 2.2-1.9L14 11.6" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" />
              </svg>
              {photos.photos && photos.photos.length > 0 && <span className="photo-rail-count">{photos.photos.length}</span>}
            </button>
          ) : (
            <Suspense
              fallback={
                <section className={`photo-tray is-loading${trayCollapsed ? ' is-collapsed' : ''}`} aria-label="Photos">
                  <header className="tray-header">
                    <h2 className="fm-title">Photos</h2>
                  </header>
                </section>
              }
            >
              <PhotoTray photos={photos} collapsed={trayCollapsed} onCollapsedChange={onTrayCollapsed} />
            </Suspense>
          )}
        </div>
        <Suspense fallback={<section className="editor-pane" aria-label="Markdown editor" aria-busy="true" />}>
          <EditorPane body={body} onChange={onBodyChange} onPhotoDrop={photos.dropOnEditor} onPhotoPaste={photos.pasteInEditor} resetKey={loadSerial} onReset={onEditorReset} />
        </Suspense>
        <section className="preview-pane" aria-label="Preview">
          <Suspense fallback={<p className="pv-loading">Loading the preview…</p>}>
            <Preview body={deferredBody} meta={deferredMeta ?? meta} api={api} recapPath={photoPath} recapKey={doc?.draft.id ?? null} imageRefresh={photos.previewRefresh} />
          </Suspense>
        </section>
      </main>
      <Toasts toasts={toasts} onDismiss={dismissToast} />
      {photos.batch && <PhotoImportDialog photos={photos} />}
      {photos.removed && (
        <Suspense fallback={null}>
          <PhotoUndoToast photos={photos} />
        </Suspense>
      )}
      {modal?.kind === 'confirm' && <ConfirmDialog spec={modal.spec} onAnswer={modal.resolve} />}
      {modal?.kind === 'picker' && <FilePicker api={api} spec={modal.spec} onDone={modal.resolve} />}
      {modal?.kind === 'export' && info && doc && (
        <Suspense fallback={null}>
          <ExportDialog
            api={api}
            info={info}
            recapPath={doc.photoPath}
            text={doc.text}
            zipName={slugFileName(meta.title).replace(/\.md$/, '.zip')}
            onClose={() => setModal(null)}
            onJump={(p) => {
              setModal(null);
              onSelectProblem(p);
            }}
            onExported={(report) => {
              // Exported into a site: the recap is that post now (no longer a bare draft), and
              // Save and Save As start from it.
              const linked = report.linkedTo;
              if (!linked) return;
              markSaved(linked.text, linked.path, linked.draft);
              lastDir.current = dirName(linked.path);
              setDiskChanged(null);
            }}
          />
        </Suspense>
      )}
      {modal?.kind === 'history' && (
        <Suspense fallback={null}>
          <HistoryDialog
            api={api}
            draftId={modal.draftId}
            onClose={() => setModal(null)}
            onRestore={(restored) => {
              setModal(null);
              replaceText(restored, false);
              toast('info', 'Restored the earlier version. The text you had is in History too.');
            }}
          />
        </Suspense>
      )}
      {modal?.kind === 'compare' && (
        <Suspense fallback={null}>
          <CompareDialog fileName={modal.fileName} disk={modal.disk} mine={modal.mine} onChoose={modal.resolve} />
        </Suspense>
      )}
    </div>
  );
}
