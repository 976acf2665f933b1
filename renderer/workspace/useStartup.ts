import { useCallback, useEffect, useRef, useState } from 'react';
import type { MutableRefObject } from 'react';
import type { AppInfo, OpenedRecap, RecapApi } from '../../electron/core/contract';
import { errorMessage, LinkNeededError, UnreachableError } from '../api';
import type { HomeFirst } from '../home/useHomeDrafts';
import { isMsg } from '../../electron/core/errors';
import { tMsg } from '../ui/locale';
import { dirName } from '../ui/paths';
import { loadWorkspace } from './workspaceChunk';

export interface Fatal {
  message: string;
  linkNeeded: boolean;
}

interface StartupOptions {
  api: RecapApi;
  setInfo(info: AppInfo): void;
  show(opened: OpenedRecap): void;
  toast(kind: 'error' | 'info', message: string): void;
  lastDir: MutableRefObject<string | null>;
  /** Nothing to reopen: the home screen is shown. */
  showHome(): void;
}

export interface Startup {
  fatal: Fatal | null;
  /** The home screen's first list, asked for at once when no file is requested. */
  homeFirst: MutableRefObject<HomeFirst | null>;
}

/** An error or a note for the author from the start-up, shown once the app is up. */
type Note = { kind: 'error' | 'info'; message: string };

/** The start-up's questions to the service, asked once per page as the app first renders. */
interface StartupCalls {
  requested: string | null;
  info: Promise<AppInfo>;
  /** The recap the address names. */
  requestedRecap: Promise<OpenedRecap> | null;
  recovery: ReturnType<RecapApi['recoverSession']> | null;
  /** Without a file to open, the home screen's list is asked for at once, in case nothing is reopened. */
  homeFirst: HomeFirst | null;
}

const asked = new WeakMap<RecapApi, StartupCalls>();

/**
 * Sends the start-up's questions (once per page and door): in the first render, not in an effect
 * after its commit, so that the answers (often already here: the boot script asked for them while
 * the page's JavaScript loaded) are read while React commits the first screen.
 */
function askOnce(api: RecapApi): StartupCalls {
  const known = asked.get(api);
  if (known) return known;
  const requested = new URL(window.location.href).searchParams.get('file');
  const calls: StartupCalls = {
    requested,
    info: api.appInfo(),
    requestedRecap: requested ? api.openRecap({ path: requested }) : null,
    recovery: requested ? null : api.recoverSession(),
    homeFirst: null,
  };
  if (!requested) {
    const first: HomeFirst = { promise: api.homeData({}), data: null };
    first.promise.then((data) => (first.data = data), () => undefined);
    calls.homeFirst = first;
  }
  // Awaited later, in order; a failure that comes first must not go unhandled meanwhile.
  for (const p of [calls.info, calls.requestedRecap, calls.recovery, calls.homeFirst?.promise]) p?.catch(() => undefined);
  asked.set(api, calls);
  return calls;
}

/** The recap the start-up opens: the one the URL names, else what was open before a crash. */
async function openAtStart(api: RecapApi, calls: StartupCalls, notes: Note[]): Promise<OpenedRecap | null> {
  let opened: OpenedRecap | null = null;
  if (calls.requestedRecap) {
    try {
      opened = await calls.requestedRecap;
    } catch (err) {
      if (err instanceof UnreachableError) throw err;
      notes.push({ kind: 'error', message: errorMessage(err) });
    }
  }
  if (!opened) {
    // After a crash, what was open comes back with every change up to the last autosave.
    const recovery = await (calls.recovery ?? api.recoverSession());
    const first = recovery.reopen[0];
    if (first) {
      try {
        opened = await api.openDraft({ id: first.id });
        if (recovery.message) notes.push({ kind: 'info', message: isMsg(recovery.messageMsg) ? tMsg(recovery.messageMsg) : recovery.message });
      } catch (err) {
        if (err instanceof UnreachableError) throw err;
        notes.push({ kind: 'error', message: errorMessage(err) });
      }
    }
  }
  return opened;
}

/** How long the start-up waits for the home screen's first list before showing it without. */
const HOME_LIST_WAIT_MS = 400;

/** Start-up: the app's facts, then the recap to reopen or the home screen. */
export function useStartup(o: StartupOptions): Startup {
  const [fatal, setFatal] = useState<Fatal | null>(null);
  const started = useRef(false);
  // The first render's callbacks: the start-up runs once.
  const { api, setInfo, show, toast, lastDir, showHome } = o;
  const calls = askOnce(api);
  const homeFirst = useRef<HomeFirst | null>(calls.homeFirst);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void (async () => {
      try {
        const notes: Note[] = [];
        const info = await calls.info;
        const opened = await openAtStart(api, calls, notes);
        if (opened) {
          // The workspace shows with the recap in one render once its code is here (it was
          // fetched while the recap was on its way), with no loading pass before it.
          await loadWorkspace().catch(() => undefined);
        } else if (calls.homeFirst) {
          // The home screen shows with its first cards (one render, no "Loading…" pass before
          // it) unless the list is slow to come: then it shows at once and the list follows.
          await Promise.race([calls.homeFirst.promise.catch(() => undefined), new Promise((r) => window.setTimeout(r, HOME_LIST_WAIT_MS))]);
        }
        // The facts and the first screen in one render.
        setInfo(info);
        for (const note of notes) toast(note.kind, note.message);
        if (opened) {
          show(opened);
          if (opened.path) lastDir.current = dirName(opened.path);
        } else {
          showHome();
        }
      } catch (err) {
        setFatal({ message: errorMessage(err), linkNeeded: err instanceof LinkNeededError });
      }
    })();
  }, [api, calls, setInfo, show, toast, lastDir, showHome]);
  return { fatal, homeFirst };
}

/**
 * A freshly opened recap starts at its top, not where the previous one was scrolled. The
 * editor is loaded lazily, so its own reset (EditorPane's `resetKey`) says when the recap is
 * really on screen; the home screen is ready as soon as it renders. Returns the editor's reset
 * callback, which announces `window.__recapReady`.
 */
export function useReadySignal(loadSerial: number, editorOpen: boolean): () => void {
  useEffect(() => {
    if (loadSerial === 0) return;
    document.querySelector('.preview-pane')?.scrollTo({ top: 0 });
    if (!editorOpen) window.__recapReady = true;
  }, [loadSerial, editorOpen]);
  return useCallback(() => {
    window.__recapReady = true;
  }, []);
}
