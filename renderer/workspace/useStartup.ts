import { useCallback, useEffect, useRef, useState } from 'react';
import type { MutableRefObject } from 'react';
import type { AppInfo, OpenedRecap, RecapApi } from '../../electron/core/contract';
import { errorMessage, LinkNeededError, UnreachableError } from '../api';
import type { HomeFirst } from '../home/useHomeDrafts';
import { dirName } from '../ui/paths';

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

/** The recap the start-up opens: the one the URL names, else what was open before a crash. */
async function openAtStart(
  api: RecapApi,
  toast: StartupOptions['toast'],
  requested: string | null,
  recoveryP: ReturnType<RecapApi['recoverSession']> | null,
): Promise<OpenedRecap | null> {
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
  return opened;
}

/** How long the start-up waits for the home screen's first list before showing it without. */
const HOME_LIST_WAIT_MS = 400;

/** Start-up: the app's facts, then the recap to reopen or the home screen. */
export function useStartup(o: StartupOptions): Startup {
  const [fatal, setFatal] = useState<Fatal | null>(null);
  const started = useRef(false);
  const homeFirst = useRef<HomeFirst | null>(null);
  // The first render's callbacks: the start-up runs once.
  const { api, setInfo, show, toast, lastDir, showHome } = o;
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
          const first: HomeFirst = { promise: api.homeData({}), data: null };
          first.promise.then((data) => (first.data = data), () => undefined);
          homeFirst.current = first;
        }
        const info = await infoP;
        const opened = await openAtStart(api, toast, requested, recoveryP);
        if (!opened && homeFirst.current) {
          // The home screen shows with its first cards (one render, no "Loading…" pass before
          // it) unless the list is slow to come: then it shows at once and the list follows.
          await Promise.race([homeFirst.current.promise.catch(() => undefined), new Promise((r) => window.setTimeout(r, HOME_LIST_WAIT_MS))]);
        }
        // The facts and the first screen in one render.
        setInfo(info);
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
  }, [api, setInfo, show, toast, lastDir, showHome]);
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
