// The editor workspace: the top bar, the banners, the form and the photos beside the Markdown
// editor and its preview, and the dialogs over them.

import { lazy, Suspense, useCallback, useMemo, useRef } from 'react';
import { editorBody, withBody } from '../../electron/core/frontmatter/frontmatter';
import { countWords, formatWordCount } from '../../electron/core/markdown/word-count';
import PhotoImportDialog from '../photos/PhotoImportDialog';
import { Toasts } from '../ui/Toasts';
import { clockTime } from '../ui/format';
import { QuestionDialogs, WorkspaceDialogs } from './Dialogs';
import { ProblemsPanel } from './ProblemsPanel';
import { SidePanel } from './SidePanel';
import { TopBar } from './TopBar';
import { resolveDiskChange } from './saveActions';
import { ScrollSyncToggle } from './scroll/ScrollSyncToggle';
import { useScrollSync, useScrollSyncSetting } from './scroll/useScrollSync';
import { useProblemNavigation } from './useProblemNavigation';
import type { WorkspaceSession } from './useWorkspaceSession';
import { SkipLinks } from './SkipLinks';

// The preview's Markdown pipeline is the heaviest code; it arrives after the first paint.
const Preview = lazy(() => import('../preview/Preview'));
// The Markdown editor loads beside the home screen, not before it: the home screen paints first.
// (The import panel (1.5 KB) is in the first bundle: it must show the moment photos are dropped.)
const editorPane = import('./EditorPane');
const EditorPane = lazy(() => editorPane.then((m) => ({ default: m.EditorPane })));
const PhotoUndoToast = lazy(() => import('../photos/PhotoTray').then((m) => ({ default: m.PhotoUndoToast })));

/** Autosave trouble and a file changed on disk: each a banner above the workspace. */
function Banners({ session }: { session: WorkspaceSession }) {
  const { autosave, files, context } = session;
  const { diskChanged } = session.external;
  return (
    <>
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
          <button type="button" className="button button-small" data-testid="disk-resolve" onClick={() => void files.run(() => resolveDiskChange(context.current))}>
            Compare…
          </button>
        </div>
      )}
    </>
  );
}

/** The photo import panel and the photo removal's Undo, over the workspace. */
function PhotoOverlays({ session }: { session: WorkspaceSession }) {
  const { photos } = session;
  return (
    <>
      {photos.batch && <PhotoImportDialog photos={photos} />}
      {photos.removed && (
        <Suspense fallback={null}>
          <PhotoUndoToast photos={photos} />
        </Suspense>
      )}
    </>
  );
}

export function Workspace({ session }: { session: WorkspaceSession }) {
  const { api, recap, views, layout, photos, lint, files, notices, dialogs } = session;
  const { edit } = recap;
  const { text, parts, headText, body, profile, meta } = views;
  const onSelectProblem = useProblemNavigation(recap.current, layout);
  const onBodyChange = useCallback((value: string) => edit((t) => withBody(t, value), 'body'), [edit]);
  const wordCount = useMemo(() => formatWordCount(countWords(views.deferredBody)), [views.deferredBody]);
  // Find and replace: one undo step per replacement, through the same edits as typing.
  const editBody = useCallback((change: (body: string) => string) => edit((t) => withBody(t, change(editorBody(t)))), [edit]);
  const { scrollSync, toggleScrollSync } = useScrollSyncSetting();
  const mainRef = useRef<HTMLElement>(null);
  useScrollSync(mainRef, scrollSync && profile !== null && meta !== null);
  if (!profile || !meta) return null;
  return (
    <div className="app">
      <SkipLinks />
      <TopBar
        fileName={session.fileName}
        path={session.path}
        dirty={session.dirty}
        busy={files.busy}
        saved={session.savedFlash}
        problems={lint.problems}
        lintError={lint.error}
        problemsOpen={layout.problemsOpen}
        onProblemsToggle={layout.toggleProblems}
        onAction={files.runAction}
        onInsertPhotos={photos.insertPhotos}
        draftStatus={session.draftStatus}
        wordCount={wordCount}
      />
      <Banners session={session} />
      {layout.problemsOpen && <ProblemsPanel problems={lint.problems ?? []} lintError={lint.error} onSelect={onSelectProblem} onClose={layout.closeProblems} />}
      <main ref={mainRef} className={`workspace${layout.formCollapsed ? ' is-form-collapsed' : ''}`}>
        <SidePanel head={parts?.unclosed && text !== null ? text : headText} profile={profile} edit={edit} layout={layout} photos={photos} />
        <Suspense fallback={<section className="editor-pane" aria-label="Markdown editor" aria-busy="true" />}>
          <EditorPane
            body={body}
            onChange={onBodyChange}
            editBody={editBody}
            onPhotoDrop={photos.dropOnEditor}
            onPhotoPaste={photos.pasteInEditor}
            resetKey={session.loadSerial}
            onReset={session.onEditorReset}
          />
        </Suspense>
        <section className="preview-pane" aria-label="Preview">
          <ScrollSyncToggle on={scrollSync} onToggle={toggleScrollSync} />
          <Suspense fallback={<p className="pv-loading">Loading the preview…</p>}>
            <Preview body={views.deferredBody} meta={views.deferredMeta ?? meta} api={api} recapPath={session.photoPath} recapKey={recap.doc?.draft.id ?? null} imageRefresh={photos.previewRefresh} />
          </Suspense>
        </section>
      </main>
      <Toasts toasts={notices.toasts} onDismiss={notices.dismissToast} />
      <PhotoOverlays session={session} />
      <QuestionDialogs api={api} modal={dialogs.modal} />
      <WorkspaceDialogs session={session} onSelectProblem={onSelectProblem} />
    </div>
  );
}
