import { useCallback, useEffect, useRef, useState } from 'react';
import type { MutableRefObject } from 'react';
import type { AppCommand, AppInfo } from '../../electron/core/contract';
import type { Transport } from '../api';
import { fileActions } from './fileActions';
import type { AppAction } from './fileActions';
import type { FileContext } from './saveActions';
import { useShortcuts } from './useShortcuts';
import { t } from '../ui/locale';

export interface FileActionsHandle {
  /** A file operation is running (the top bar's buttons wait). */
  busy: boolean;
  busyRef: MutableRefObject<boolean>;
  /**
   * Runs one task as the file operation, `queue` naming it (an action). While another runs, a save
   * (and the close guard's answers) waits for it, and while a save runs any named task does (once per
   * key: a second Ctrl+S while one waits is the same save); any other is ignored.
   */
  run(task: () => Promise<unknown>, queue?: string): Promise<void>;
  runAction(action: AppAction): void;
  /** Bumped by the menu's "Add Translation…" while a recap is open: its Languages menu opens. */
  languagesAsked: number;
}

/**
 * What still runs once the file operation in flight ends: a save (the text may have changed
 * since the running one read it) and the close guard's answers (the window waits for them), never
 * dropped; the others (open, export, history…) are buttons that wait while busy, and their
 * shortcuts wait for a save that runs (useFileOperation).
 */
const QUEUED: ReadonlySet<AppAction> = new Set<AppAction>(['save', 'save-and-close', 'flush-and-close']);

/**
 * One file operation at a time; a save asked for during another runs after it, and so does any
 * action asked while a save runs (Ctrl+S, then Ctrl+E at once: the export opens once the file is
 * written, rather than never). While another operation runs (a dialog open), only a save waits.
 */
function useFileOperation(reportError: (err: unknown) => void): Omit<FileActionsHandle, 'runAction' | 'languagesAsked'> {
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  const running = useRef<string | undefined>(undefined);
  const waiting = useRef<{ key: string; task: () => Promise<unknown> }[]>([]);
  const run = useCallback(
    async (task: () => Promise<unknown>, queue?: string) => {
      if (busyRef.current) {
        const waits = queue !== undefined && (QUEUED.has(queue as AppAction) || running.current === 'save');
        if (waits && !waiting.current.some((w) => w.key === queue)) waiting.current.push({ key: queue, task });
        return;
      }
      busyRef.current = true;
      setBusy(true);
      let next: { key: string | undefined; task: () => Promise<unknown> } | undefined = { key: queue, task };
      while (next) {
        running.current = next.key;
        try {
          await next.task();
        } catch (err) {
          reportError(err);
        }
        next = waiting.current.shift();
      }
      running.current = undefined;
      busyRef.current = false;
      setBusy(false);
    },
    [reportError],
  );
  return { busy, busyRef, run };
}

/**
 * The file actions as the top bar, the shortcuts and the menu run them. Listeners bound once
 * call the latest file context (which sees the latest appInfo and document).
 */
export function useFileActions(transport: Transport, context: MutableRefObject<FileContext>, insertPhotos: () => void): FileActionsHandle {
  const operation = useFileOperation(context.current.reportError);
  const { run } = operation;
  const { current } = context.current.recap;
  const runAction = useCallback(
    (action: AppAction) => {
      const needsDoc = action !== 'new' && action !== 'open' && action !== 'home' && action !== 'flush-and-close';
      if (needsDoc && !current()) return;
      void run(() => fileActions(context.current)[action](), action);
    },
    [run, current, context],
  );

  useShortcuts(runAction);

  const insertPhotosRef = useRef(insertPhotos);
  insertPhotosRef.current = insertPhotos;
  const [languagesAsked, askLanguages] = useState(0);
  useEffect(
    () =>
      transport.onCommand((command: AppCommand) => {
        if (command === 'insert-photos') insertPhotosRef.current();
        else if (command === 'add-translation') {
          if (current()) askLanguages((n) => n + 1);
          else context.current.toast('info', t('translation.menuNoRecap'));
        } else runAction(command);
      }),
    [transport, runAction, current, context],
  );
  return { ...operation, runAction, languagesAsked };
}

/** In the browser, closing the tab with changes not yet in the file asks first. */
export function useLeaveWarning(info: AppInfo | null, dirtyRef: MutableRefObject<boolean>): void {
  useEffect(() => {
    if (info?.door !== 'web') return;
    const onBeforeUnload = (e: BeforeUnloadEvent): void => {
      if (!dirtyRef.current) return;
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [info, dirtyRef]);
}
