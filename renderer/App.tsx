// The app shell: start-up, then the home screen (nothing open) or the editor workspace (one
// recap open). What the window knows lives in `useWorkspaceSession` (the app shell, in the first
// chunk) and `workspace/editorSession.tsx` (the editor's session, a lazy chunk beside the
// workspace's); the editor in `workspace/`.

import { Suspense, useEffect } from 'react';
import type { Transport } from './api';
import { HomeScreen } from './home/HomeScreen';
import { ErrorScreen, LinkNeededScreen } from './ui/ErrorScreen';
import { LanguageSelect } from './ui/LanguageSelect';
import { useLocaleSync } from './ui/locale';
import { ThemeSelect } from './ui/ThemeSelect';
import { useThemeSync } from './ui/theme';
import { Toasts } from './ui/Toasts';
import { useDeskSync } from './ui/useDeskSync';
import { ConfirmDialog } from './ui/ConfirmDialog';
import { FilePicker } from './ui/FilePicker';
import { Opening } from './ui/Opening';
import { loadEditor } from './workspace/editorChunks';
import { EditorHost, useAppShell } from './workspace/useWorkspaceSession';
import type { AppShell } from './workspace/useWorkspaceSession';

// A recap named in the address has its workspace's chunks asked for by earlyStart.ts, the first
// module main.tsx runs.

/** How long the home screen is left alone after its first list before the workspace is fetched. */
const PREFETCH_AFTER_MS = 1500;

/**
 * Fetches the workspace once the home screen is up and has been left alone for a moment, or at
 * once when the pointer or the focus reaches something that may open a recap (a card, a button,
 * a link). Not during the start-up: compiling the editor's ~250 kB competes with the home
 * screen's first cards and first keys for the one main thread. Errors wait for real use.
 */
function usePrefetchWorkspace(started: boolean, homeFirst: { current: { promise: Promise<unknown> } | null }, wantEditor: () => void): void {
  useEffect(() => {
    if (!started) return;
    let done = false;
    let timer = 0;
    let idle = 0;
    const intents = ['pointerover', 'focusin'] as const;
    const stopListening = (): void => {
      window.clearTimeout(timer);
      if (idle && typeof window.cancelIdleCallback === 'function') window.cancelIdleCallback(idle);
      for (const type of intents) window.removeEventListener(type, onIntent, true);
    };
    const prefetch = (): void => {
      if (done) return;
      done = true;
      stopListening();
      // The editor's session mounts beside the home screen once its code is here.
      void loadEditor().then(wantEditor, () => undefined);
    };
    function onIntent(event: Event): void {
      const target = event.target;
      if (target instanceof Element && target.closest('button, a[href], [role="button"], [data-testid="draft-card"]')) prefetch();
    }
    const afterAWhile = (): void => {
      if (done) return;
      timer = window.setTimeout(() => {
        if (typeof window.requestIdleCallback === 'function') idle = window.requestIdleCallback(prefetch, { timeout: 2000 });
        else prefetch();
      }, PREFETCH_AFTER_MS);
    };
    for (const type of intents) window.addEventListener(type, onIntent, { capture: true, passive: true });
    // The home screen's first list (when asked for): its cards first, then the workspace.
    const first = homeFirst.current;
    if (first) void first.promise.then(afterAWhile, afterAWhile);
    else afterAWhile();
    return () => {
      done = true;
      stopListening();
    };
  }, [started, homeFirst, wantEditor]);
}

/** The home screen: drafts, recent files, templates and the trash. */
function Home({ shell }: { shell: AppShell }) {
  const { api, notices, dialogs, ask } = shell;
  const { modal } = dialogs;
  return (
    <div className="app">
      <header className="topbar app-home-bar">
        <div className="brand" aria-label="Recap Studio">
          <span className="brand-mark" aria-hidden>
            R
          </span>
          <span className="brand-name">Recap Studio</span>
        </div>
        <div className="app-home-switches">
          <LanguageSelect />
          <ThemeSelect />
        </div>
      </header>
      <HomeScreen
        api={api}
        onNew={(template) => ask({ kind: 'new', template })}
        onOpenFileDialog={() => ask({ kind: 'action', action: 'open' })}
        onOpenDraft={(id) => ask({ kind: 'draft', id })}
        onOpenFile={(p) => ask({ kind: 'file', path: p })}
        onError={(message) => notices.toast('error', message)}
        first={shell.startup.homeFirst}
      />
      <Toasts toasts={notices.toasts} onDismiss={notices.dismissToast} />
      {modal?.kind === 'confirm' && <ConfirmDialog spec={modal.spec} onAnswer={modal.resolve} />}
      {modal?.kind === 'picker' && <FilePicker api={api} spec={modal.spec} onDone={modal.resolve} />}
    </div>
  );
}

export function App({ transport }: { transport: Transport }) {
  const shell = useAppShell(transport);
  useThemeSync(shell.api);
  useLocaleSync();
  useDeskSync(shell.api);
  usePrefetchWorkspace(shell.loadSerial > 0, shell.startup.homeFirst, shell.wantEditor);
  const { fatal } = shell.startup;
  if (fatal) return fatal.linkNeeded ? <LinkNeededScreen /> : <ErrorScreen message={fatal.message} />;
  // The editor's session first, and the home screen beside it in a place of its own: the home
  // screen stays as it is when the session mounts, and goes in the render that opens a recap.
  return (
    <>
      {shell.editorWanted && (
        <Suspense fallback={shell.editing ? <Opening /> : null}>
          <EditorHost shell={shell} />
        </Suspense>
      )}
      {shell.editing ? null : shell.loadSerial === 0 ? <Opening /> : <Home shell={shell} />}
    </>
  );
}
