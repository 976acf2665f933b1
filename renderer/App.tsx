// The app shell: start-up, then the home screen (nothing open) or the editor workspace (one
// recap open). What the window knows lives in `useWorkspaceSession`; the editor in `workspace/`.

import { Suspense, useEffect } from 'react';
import type { Transport } from './api';
import { HomeScreen } from './home/HomeScreen';
import { ErrorScreen, LinkNeededScreen } from './ui/ErrorScreen';
import { LanguageSelect } from './ui/LanguageSelect';
import { useLocaleSync, useT } from './ui/locale';
import { ThemeSelect } from './ui/ThemeSelect';
import { useThemeSync } from './ui/theme';
import { Toasts } from './ui/Toasts';
import { useDeskSync } from './ui/useDeskSync';
import { QuestionDialogs } from './workspace/Dialogs';
import { openDraft, openPath } from './workspace/fileActions';
import { useWorkspaceSession } from './workspace/useWorkspaceSession';
import type { WorkspaceSession } from './workspace/useWorkspaceSession';
import { loadWorkspace, Workspace } from './workspace/workspaceChunk';

// A recap named in the address opens at start: its workspace (code, styles and the front-matter
// parsers) is fetched and compiled now, while the start-up's questions are still on their way,
// instead of after the recap arrived and rendered. A failed load is asked again when rendered.
// The page's first number format costs 15–30 ms whatever its locale (ICU's data, once per page;
// the word count needs it): paid in the first idle moment, while the recap is on its way.
if (new URL(window.location.href).searchParams.get('file')) {
  void loadWorkspace().catch(() => undefined);
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(() => new Intl.NumberFormat().format(0));
}

/** How long the home screen is left alone after its first list before the workspace is fetched. */
const PREFETCH_AFTER_MS = 1500;

/**
 * Fetches the workspace once the home screen is up and has been left alone for a moment, or at
 * once when the pointer or the focus reaches something that may open a recap (a card, a button,
 * a link). Not during the start-up: compiling the editor's ~250 kB competes with the home
 * screen's first cards and first keys for the one main thread. Errors wait for real use.
 */
function usePrefetchWorkspace(started: boolean, homeFirst: { current: { promise: Promise<unknown> } | null }): void {
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
      void loadWorkspace().catch(() => undefined);
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
  }, [started, homeFirst]);
}

/** What shows while the app starts or a recap opens: the same quiet line, so nothing flashes. */
function Opening() {
  const t = useT();
  return (
    <div className="app is-starting">
      <p className="starting">{t('app.opening')}</p>
    </div>
  );
}

/** The home screen: drafts, recent files, templates and the trash. */
function Home({ session }: { session: WorkspaceSession }) {
  const { api, files, context, notices, dialogs } = session;
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
        onNew={(template) => {
          context.current.newTemplate.current = template;
          files.runAction('new');
        }}
        onOpenFileDialog={() => files.runAction('open')}
        onOpenDraft={(id) => void files.run(() => openDraft(context.current, id))}
        onOpenFile={(p) => void files.run(() => openPath(context.current, p))}
        onError={(message) => notices.toast('error', message)}
        first={session.startup.homeFirst}
      />
      <Toasts toasts={notices.toasts} onDismiss={notices.dismissToast} />
      <QuestionDialogs api={api} modal={dialogs.modal} />
    </div>
  );
}

export function App({ transport }: { transport: Transport }) {
  const session = useWorkspaceSession(transport);
  useThemeSync(session.api);
  useLocaleSync();
  useDeskSync(session.api);
  usePrefetchWorkspace(session.loadSerial > 0, session.startup.homeFirst);
  const { fatal } = session.startup;
  if (fatal) return fatal.linkNeeded ? <LinkNeededScreen /> : <ErrorScreen message={fatal.message} />;
  if (session.loadSerial === 0) return <Opening />;
  if (!session.recap.doc) return <Home session={session} />;
  // A recap is open: the workspace shows once its code and the front-matter parsers are here.
  if (!session.views.profile || !session.views.meta) return <Opening />;
  return (
    <Suspense fallback={<Opening />}>
      <Workspace session={session} />
    </Suspense>
  );
}
