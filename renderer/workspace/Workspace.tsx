// The editor workspace: the top bar, the banners, the form and the photos beside the Markdown
// editor and its preview, and the dialogs over them.

import { readingOfPost } from '../../electron/core/markdown/post-reading';
import { lazy, memo, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ComponentProps, ReactNode } from 'react';
import { editorBody, withBody } from '../../electron/core/frontmatter/frontmatter';
import PhotoImportDialog from '../photos/PhotoImportDialog';
import { Toasts } from '../ui/Toasts';
import { clockTime } from '../ui/format';
import { useT } from '../ui/locale';
import { QuestionDialogs, WorkspaceDialogs } from './Dialogs';
import { ProblemsPanel } from './ProblemsPanel';
import { loadPhotoTray, SidePanel } from './SidePanel';
import { useLatePanel } from './useLatePanel';
import { StatusBar } from './StatusBar';
import { EditorPane } from './EditorPane';
import { useTextFigures } from './useTextFigures';
import { TYPING } from './useRecapDocument';
import { TopBar } from './TopBar';
import { resolveDiskChange } from './saveActions';
import { LinkCardToggle, useLinkCardSetting } from '../linkcard/LinkCardToggle';
import { ScrollSyncToggle } from './scroll/ScrollSyncToggle';
import { useScrollSync, useScrollSyncSetting } from './scroll/useScrollSync';
import { useProblemNavigation } from './useProblemNavigation';
import type { WorkspaceSession } from './useWorkspaceSession';
import { SourcePane } from '../translation/SourcePane';
import { TranslationsMenu } from '../translation/TranslationsMenu';
import { useSideBySideScroll } from '../translation/useSideBySideScroll';
import { useTranslationActions } from '../translation/useTranslationActions';
import { useTranslationView } from '../translation/useTranslationView';
import { SkipLinks } from './SkipLinks';
import type { PreviewMeta } from '../preview/Preview';
import { useAfterPaint } from '../ui/useAfterPaint';
import { lazyNow } from './lazyNow';
import { loadable } from './loadable';

// The preview's Markdown pipeline is the heaviest code; it arrives after the first paint.
const previewChunk = loadable(() => import('../preview/Preview'));
/** The preview's code, and the tray's before it: the preview mounts after the tray (useLatePanel). */
const loadLatePanels = (): Promise<unknown> => Promise.all([loadPhotoTray(), previewChunk.load()]);
const Preview = lazyNow(
  () => previewChunk.now()?.default ?? null,
  () => previewChunk.load().then((m) => m.default),
);
// The Markdown editor is imported with the workspace, not as a chunk of its own: the workspace
// never shows without it, and one file (and one stylesheet) fewer is asked for as a recap opens
// (the build puts it in the editor's shared chunk, which comes with this one). The workspace loads
// beside the home screen, not before it: the home screen paints first.
// (The import panel (1.5 KB) is in the first bundle: it must show the moment photos are dropped.)
/** The editor pane's code is imported with the workspace's: here once it is (editorChunks.ts waits on it). */
export const editorPaneLoaded = (): Promise<unknown> => Promise.resolve();
const LinkCard = lazy(() => import('../linkcard/LinkCard'));
const PhotoUndoToast = lazy(() => import('../photos/PhotoTray').then((m) => ({ default: m.PhotoUndoToast })));

// What only the workspace draws, each rendering when its own props change, not with every answer
// of the service or state of the session (the workspace re-renders whole for those).
const LinkCardSwitch = memo(LinkCardToggle);
const ScrollSyncSwitch = memo(ScrollSyncToggle);

interface BannersProps {
  status: WorkspaceSession['autosave']['status'];
  flush: WorkspaceSession['autosave']['flush'];
  diskChanged: string | null;
  onCompare(): void;
}

/** Autosave trouble and a file changed on disk: each a banner above the workspace. */
const Banners = memo(function Banners({ status, flush, diskChanged, onCompare }: BannersProps) {
  const t = useT();
  return (
    <>
      {status.state === 'failed' && (
        <div className="banner is-error" role="alert" data-testid="autosave-banner">
          <span className="banner-text">
            {status.lastGoodAt
              ? t('workspace.autosaveRetryingSince', { message: status.message, time: clockTime(new Date(status.lastGoodAt), true) })
              : t('workspace.autosaveRetrying', { message: status.message })}
          </span>
          <button type="button" className="button button-small" onClick={() => void flush()}>
            {t('workspace.tryNow')}
          </button>
        </div>
      )}
      {diskChanged && (
        <div className="banner is-warning" role="alert" data-testid="disk-banner">
          <span className="banner-text">{t('workspace.diskChangedSafe', { message: diskChanged })}</span>
          <button type="button" className="button button-small" data-testid="disk-resolve" onClick={onCompare}>
            {t('workspace.compare')}
          </button>
        </div>
      )}
    </>
  );
});

/** The photo import panel and the photo removal's Undo, over the workspace. */
const PhotoOverlays = memo(function PhotoOverlays({ photos }: { photos: WorkspaceSession['photos'] }) {
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
});

/**
 * The preview once the text takes keys and its code (and the photo tray's) is here, two frames
 * after that (the tray's comes between): each piece commits and lays out in a task of its own. Until then, and while its
 * chunk loads, the same loading line. Its boundary mounts with it: a new boundary shows its
 * fallback at once, where one already on screen would hold its transition until the chunk arrived.
 */
type LatePreviewProps = { shown: boolean; meta: PreviewMeta | null } & Omit<ComponentProps<typeof Preview>, 'meta'>;
const LatePreview = memo(function LatePreview({ shown, meta, ...props }: LatePreviewProps) {
  const t = useT();
  const previewShown = useLatePanel(shown, loadLatePanels, 2);
  const loading = <p className="pv-loading">{t('workspace.loadingPreview')}</p>;
  // The front matter is read after the frame that shows the text (recapViews.ts): the meta comes before the preview's turn.
  return previewShown && meta ? (
    <Suspense fallback={loading}>
      <Preview {...props} meta={meta} />
    </Suspense>
  ) : (
    loading
  );
});

/**
 * The text takes keys first: the form, the word count and the recap's language come in the frame
 * after the editor shows the recap, as a transition a keystroke interrupts, then the photo tray
 * and the preview, each in a frame of its own (SidePanel, LatePreview); until then the form's
 * column and the preview pane keep their boxes (the preview with its loading line), so nothing
 * moves when they fill.
 */
function useTextFirst(onEditorReset: () => void): { textFirst: boolean; onReset: () => void } {
  const [editorShown, setEditorShown] = useState(false);
  const onReset = useCallback(() => {
    onEditorReset();
    setEditorShown(true);
  }, [onEditorReset]);
  const textFirst = useAfterPaint(editorShown);
  // The later pieces' code is fetched while the form renders, so it is here when their turn comes.
  useEffect(() => {
    if (!textFirst) return;
    void loadLatePanels().catch(() => undefined);
  }, [textFirst]);
  return { textFirst, onReset };
}

/** The top bar's Languages menu and the disk banner's Compare, the same while what they use is. */
function useFileMenus(session: WorkspaceSession): { languagesMenu: ReactNode; onCompare(): void } {
  const { api, files, context, path } = session;
  const { run, busy, languagesAsked } = files;
  const { openLanguage, addTranslation } = useTranslationActions(context, run, path);
  const onCompare = useCallback(() => void run(() => resolveDiskChange(context.current)), [run, context]);
  const languagesMenu = useMemo(
    () => <TranslationsMenu api={api} path={path} busy={busy} onOpen={openLanguage} onAdd={addTranslation} openRequest={languagesAsked} />,
    [api, path, busy, openLanguage, addTranslation, languagesAsked],
  );
  return { languagesMenu, onCompare };
}

export function Workspace({ session }: { session: WorkspaceSession }) {
  const { api, recap, views, layout, photos, lint, files, notices, dialogs } = session;
  const { edit } = recap;
  const { text, parts, headText, body, profile, meta } = views;
  const onSelectProblem = useProblemNavigation(recap.current, layout);
  const onBodyChange = useCallback((value: string) => edit((t) => withBody(t, value), TYPING), [edit]);
  const t = useT();
  const { textFirst, onReset } = useTextFirst(session.onEditorReset);
  const { wordCount, recapLang } = useTextFigures(api, recap.doc, text ?? '', body, textFirst);
  // Find and replace: one undo step per replacement, through the same edits as typing.
  const editBody = useCallback((change: (body: string) => string) => edit((t) => withBody(t, change(editorBody(t)))), [edit]);
  const { scrollSync, toggleScrollSync } = useScrollSyncSetting();
  const { cardOpen, toggleCard } = useLinkCardSetting();
  const mainRef = useRef<HTMLElement>(null);
  // A translation opens beside its source (in the preview's place), paragraph against paragraph;
  // asked for with the preview, after the frame that shows the text.
  const translation = useTranslationView(api, textFirst ? session.path : null, session.loadSerial, session.savedFlash);
  const { languagesMenu, onCompare } = useFileMenus(session);
  useScrollSync(mainRef, scrollSync && !cardOpen && profile !== null && meta !== null && translation === null);
  useSideBySideScroll(mainRef, translation !== null && profile !== null);
  if (!profile) return null;
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
        languages={languagesMenu}
      />
      <Banners status={session.autosave.status} flush={session.autosave.flush} diskChanged={session.external.diskChanged} onCompare={onCompare} />
      {layout.problemsOpen && <ProblemsPanel problems={lint.problems ?? []} lintError={lint.error} onSelect={onSelectProblem} onClose={layout.closeProblems} />}
      <main ref={mainRef} className={`workspace${layout.formCollapsed ? ' is-form-collapsed' : ''}${translation ? ' is-translation' : ''}`}>
        <SidePanel shown={textFirst} head={parts?.unclosed && text !== null ? text : headText} profile={profile} edit={edit} layout={layout} photos={photos} />
        <EditorPane
          body={body}
          revision={recap.revision}
          onChange={onBodyChange}
          editBody={editBody}
          onPhotoDrop={photos.dropOnEditor}
          onPhotoPaste={photos.pasteInEditor}
          resetKey={session.loadSerial}
          onReset={onReset}
          lang={recapLang}
        />
        {translation ? (
          <SourcePane view={translation} text={text ?? ''} />
        ) : (
          <section className="preview-pane" aria-label={t('workspace.previewLabel')}>
            <LinkCardSwitch on={cardOpen} onToggle={toggleCard} />
            {!cardOpen && <ScrollSyncSwitch on={scrollSync} onToggle={toggleScrollSync} />}
            <div className={cardOpen ? 'pv-hidden' : 'pv-shown'} lang={recapLang}>
              <LatePreview shown={textFirst} body={views.deferredBody} meta={views.deferredMeta ?? meta} api={api} recapPath={session.photoPath} recapKey={recap.doc?.draft.id ?? null} imageRefresh={photos.previewRefresh} reading={readingOfPost(recap.doc?.profile, headText)} />
            </div>
            {cardOpen && recap.doc && (
              <Suspense fallback={null}>
                <LinkCard api={api} draftId={recap.doc.draft.id} text={text ?? ''} refresh={photos.previewRefresh} onSelectProblem={onSelectProblem} />
              </Suspense>
            )}
          </section>
        )}
      </main>
      <StatusBar draftStatus={session.draftStatus} wordCount={wordCount} switches={textFirst} />
      <Toasts toasts={notices.toasts} onDismiss={notices.dismissToast} />
      <PhotoOverlays photos={photos} />
      <QuestionDialogs api={api} modal={dialogs.modal} />
      <WorkspaceDialogs session={session} onSelectProblem={onSelectProblem} />
    </div>
  );
}
