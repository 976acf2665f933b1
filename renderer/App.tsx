import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AppCommand, AppInfo, OpenedRecap, Problem, SaveRequest, SiteProfile } from '../electron/service/contract';
import { editorBody, listFromValue, readFrontMatter, splitRecap, withBody } from '../electron/service/frontmatter';
import { errorCode, errorMessage, UnreachableError } from './api';
import type { Transport } from './api';
import { ConfirmDialog } from './components/ConfirmDialog';
import type { ConfirmSpec } from './components/ConfirmDialog';
import { EditorPane } from './components/EditorPane';
import { ErrorScreen } from './components/ErrorScreen';
import { FilePicker } from './components/FilePicker';
import type { PickerResult, PickerSpec } from './components/FilePicker';
import { FrontMatterForm } from './components/FrontMatterForm';
import { ProblemsPanel } from './components/ProblemsPanel';
import { fieldInputId } from './components/ProfileField';
import { Toasts } from './components/Toasts';
import type { Toast } from './components/Toasts';
import { TopBar } from './components/TopBar';
import { revealLine } from './hooks/caret';
import { useAfterPaint } from './hooks/useAfterPaint';
import { useLint } from './hooks/useLint';
import { useRecapDocument } from './hooks/useRecapDocument';
import { useShortcuts } from './hooks/useShortcuts';
import type { FileAction } from './hooks/useShortcuts';
import type { PreviewMeta } from './preview/Preview';

// The preview's Markdown pipeline is the heaviest code; it arrives after the first paint.
const Preview = lazy(() => import('./preview/Preview'));

type ModalState =
  | { kind: 'confirm'; spec: ConfirmSpec; resolve(answer: string): void }
  | { kind: 'picker'; spec: PickerSpec; resolve(result: PickerResult | null): void };

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

function dirName(path: string): string | null {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i <= 0 ? (i === 0 ? path.slice(0, 1) : null) : path.slice(0, i);
}

function slugFileName(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'untitled-recap'}.md`;
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
  const [fatal, setFatal] = useState<string | null>(null);
  const [toasts, setToasts] = useState<Toast[]>([]);
  const [modal, setModal] = useState<ModalState | null>(null);
  const [busy, setBusy] = useState(false);
  const [formCollapsed, setFormCollapsed] = useState(false);
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
  const { doc, current, load, edit, markSaved } = recap;

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

  const dirty = doc !== null && doc.text !== doc.savedText;
  const path = doc?.path ?? null;
  const fileName = path ? baseName(path) : 'Untitled recap';
  const windowTitle = `${dirty ? '• ' : ''}${fileName} — Recap Studio`;
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;

  const lint = useLint(api, text, path);

  useEffect(() => {
    document.title = windowTitle;
    if (!doc) return;
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
    },
    [load, rememberPath],
  );

  const writeFile = async (req: SaveRequest): Promise<boolean> => {
    try {
      const result = await api.saveRecap(req);
      markSaved(req.text, result);
      rememberPath(result.path);
      setSavedFlash((n) => n + 1);
      return true;
    } catch (err) {
      const code = errorCode(err);
      if (code === 'CHANGED_ON_DISK') {
        const answer = await ask({
          title: 'The file changed on disk since you opened it',
          message: (
            <>
              <p>{errorMessage(err)}</p>
              <p>Overwrite it with your version, or cancel and leave the file on disk as it is?</p>
            </>
          ),
          buttons: [
            { id: 'cancel', label: 'Cancel', testId: 'confirm-cancel' },
            { id: 'overwrite', label: 'Overwrite', testId: 'confirm-overwrite', tone: 'danger' },
          ],
          cancelId: 'cancel',
        });
        return answer === 'overwrite' ? writeFile({ path: req.path, text: req.text }) : false;
      }
      if (code === 'EXISTS') {
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
        return answer === 'overwrite' ? writeFile({ path: req.path, text: req.text, createOnly: false }) : false;
      }
      // The text stays in the editor untouched; only the message is new.
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
      return target ? writeFile({ path: target, text: cur.text, createOnly: false }) : false;
    }
    const picked = await pick({ mode: 'save', startDir: defaultDir, suggestedName });
    const latest = current();
    if (!picked || !latest) return false;
    return writeFile({ path: picked.path, text: latest.text, createOnly: !picked.overwrite });
  };

  const save = async (): Promise<boolean> => {
    const cur = current();
    if (!cur) return false;
    if (!cur.path) return saveAs();
    return writeFile({ path: cur.path, text: cur.text, expectMtimeMs: cur.mtimeMs });
  };

  /** True when the current recap may be replaced: it is clean, saved now, or the author discards it. */
  const guardDirty = async (purpose: string): Promise<boolean> => {
    const cur = current();
    if (!cur || cur.text === cur.savedText) return true;
    const name = cur.path ? baseName(cur.path) : 'this untitled recap';
    const answer = await ask({
      title: 'Save your changes?',
      message: (
        <p>
          You have unsaved changes in <strong>{name}</strong>. Save them before {purpose}?
        </p>
      ),
      buttons: [
        { id: 'discard', label: 'Don’t save', testId: 'confirm-discard' },
        { id: 'cancel', label: 'Cancel', testId: 'confirm-cancel' },
        { id: 'save', label: 'Save', testId: 'confirm-save', tone: 'primary' },
      ],
      cancelId: 'cancel',
    });
    if (answer === 'cancel') return false;
    if (answer === 'discard') return true;
    return save();
  };

  const openPath = async (target: string): Promise<void> => {
    try {
      show(await api.openRecap({ path: target }));
    } catch (err) {
      reportError(err);
    }
  };

  const actions: Record<FileAction | 'save-and-close', () => Promise<unknown>> = {
    new: async () => {
      if (!(await guardDirty('starting a new recap'))) return;
      try {
        show(await api.newRecap({}));
      } catch (err) {
        reportError(err);
      }
    },
    open: async () => {
      if (!info || !(await guardDirty('opening another recap'))) return;
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
      const cur = current();
      const clean = !cur || cur.text === cur.savedText;
      // If the author cancels the Save As dialog (or the save fails) the window stays open.
      if (clean || (await save())) await api.closeWindow().catch(reportError);
    },
  };
  const openDropped = async (dropped: string): Promise<void> => {
    if (await guardDirty('opening another recap')) await openPath(dropped);
  };
  // Listeners bound once call the latest closures (which see the latest appInfo and document).
  const actionsRef = useRef({ actions, openDropped });
  actionsRef.current = { actions, openDropped };

  const run = useCallback(async (task: () => Promise<unknown>) => {
    // One file operation at a time: a second Ctrl+S while a save is in flight is ignored.
    if (busyRef.current || !current()) return;
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
  const runAction = useCallback((action: FileAction | 'save-and-close') => void run(() => actionsRef.current.actions[action]()), [run]);

  useShortcuts(runAction);

  useEffect(() => transport.onCommand((command: AppCommand) => runAction(command)), [transport, runAction]);

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
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void (async () => {
      try {
        const appInfo = await api.appInfo();
        setInfo(appInfo);
        const requested = new URL(window.location.href).searchParams.get('file');
        let opened: OpenedRecap | null = null;
        if (requested) {
          try {
            opened = await api.openRecap({ path: requested });
          } catch (err) {
            if (err instanceof UnreachableError) throw err;
            toast('error', errorMessage(err));
          }
        }
        opened ??= await api.newRecap({});
        load(opened);
        if (opened.path) lastDir.current = dirName(opened.path);
        setLoadSerial((n) => n + 1);
      } catch (err) {
        setFatal(errorMessage(err));
      }
    })();
  }, [api, load, toast]);

  useEffect(() => {
    if (loadSerial === 0) return;
    // A freshly opened recap starts at its top, not where the previous one was scrolled.
    const textarea = document.querySelector<HTMLTextAreaElement>('.editor-pane .w-md-editor-text-input');
    if (textarea) {
      textarea.scrollTop = 0;
      textarea.setSelectionRange(0, 0);
    }
    document.querySelector('.preview-pane')?.scrollTo({ top: 0 });
    window.__recapReady = true;
  }, [loadSerial]);

  useEffect(() => {
    if (savedFlash === 0) return;
    const t = window.setTimeout(() => setSavedFlash(0), 2000);
    return () => window.clearTimeout(t);
  }, [savedFlash]);

  // ---- Edits and navigation --------------------------------------------------------------
  const onBodyChange = useCallback((value: string) => edit((t) => withBody(t, value)), [edit]);

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
  if (fatal) return <ErrorScreen message={fatal} />;
  if (!doc || !profile || !meta) {
    return (
      <div className="app is-starting">
        <p className="starting">Opening Recap Studio…</p>
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
      />
      {problemsOpen && <ProblemsPanel problems={lint.problems ?? []} lintError={lint.error} onSelect={onSelectProblem} onClose={closeProblems} />}
      <main className={`workspace${formCollapsed ? ' is-form-collapsed' : ''}`}>
        <FrontMatterForm
          head={parts?.unclosed && text !== null ? text : headText}
          profile={profile}
          edit={edit}
          raw={raw}
          onRawChange={setRaw}
          collapsed={formCollapsed}
          onCollapsedChange={setFormCollapsed}
        />
        <EditorPane body={body} onChange={onBodyChange} />
        <section className="preview-pane" aria-label="Preview">
          <Suspense fallback={<p className="pv-loading">Loading the preview…</p>}>
            <Preview body={deferredBody} meta={deferredMeta ?? meta} api={api} recapPath={path} />
          </Suspense>
        </section>
      </main>
      <Toasts toasts={toasts} onDismiss={dismissToast} />
      {modal?.kind === 'confirm' && <ConfirmDialog spec={modal.spec} onAnswer={modal.resolve} />}
      {modal?.kind === 'picker' && <FilePicker api={api} spec={modal.spec} onDone={modal.resolve} />}
    </div>
  );
}
