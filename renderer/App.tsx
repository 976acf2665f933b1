// The app shell: start-up, then the home screen (nothing open) or the editor workspace (one
// recap open). What the window knows lives in `useWorkspaceSession`; the editor in `workspace/`.

import { lazy, Suspense, useEffect } from 'react';
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
import { loadFrontMatter } from './workspace/frontMatterModule';

// The editor workspace (its form, top bar, panels, the Markdown editor and the front-matter
// parsers) is not needed to paint the home screen: it loads after the first paint, so opening a
// recap finds it ready, and it shows whole (no pane popping in after the rest).
const workspaceModule = () =>
  Promise.all([import('./workspace/Workspace'), loadFrontMatter(), import('./workspace/EditorPane')]).then(([m]) => m);
const Workspace = lazy(() => workspaceModule().then((m) => ({ default: m.Workspace })));

/** Fetches the workspace once the browser is idle after the first paint (errors wait for real use). */
function usePrefetchWorkspace(): void {
  useEffect(() => {
    const prefetch = () => void workspaceModule().catch(() => undefined);
    if (typeof window.requestIdleCallback !== 'function') {
      const t = window.setTimeout(prefetch, 0);
      return () => window.clearTimeout(t);
    }
    const id = window.requestIdleCallback(prefetch, { timeout: 1000 });
    return () => window.cancelIdleCallback(id);
  }, []);
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
  usePrefetchWorkspace();
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
