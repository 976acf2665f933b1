import { lazy, memo, Suspense } from 'react';
import type { Problem, RecapApi } from '../../electron/core/contract';
import { useExportLinking } from '../export/useExportDialog';
import { useHistoryRestore } from '../history/useHistoryDialog';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { FilePicker } from '../ui/FilePicker';
import { slugFileName } from './saveActions';
import type { ModalState } from './useDialogs';
import type { WorkspaceSession } from './useWorkspaceSession';

const ExportDialog = lazy(() => import('../export/ExportDialog'));
const HistoryDialog = lazy(() => import('../history/DiffDialogs').then((m) => ({ default: m.HistoryDialog })));
const SaveTemplateDialog = lazy(() => import('../templates/SaveTemplateDialog'));
const CompareDialog = lazy(() => import('../history/DiffDialogs').then((m) => ({ default: m.CompareDialog })));

/** The questions both screens ask: a confirmation, and the browser mode's file chooser. */
export const QuestionDialogs = memo(function QuestionDialogs({ api, modal }: { api: RecapApi; modal: ModalState | null }) {
  return (
    <>
      {modal?.kind === 'confirm' && <ConfirmDialog spec={modal.spec} onAnswer={modal.resolve} />}
      {modal?.kind === 'picker' && <FilePicker api={api} spec={modal.spec} onDone={modal.resolve} />}
    </>
  );
});

interface WorkspaceDialogsProps {
  session: WorkspaceSession;
  onSelectProblem(p: Problem): void;
}

/**
 * The workspace's own dialogs, each a lazy chunk: export, history, and the "changed on disk"
 * comparison. With none open it draws nothing, so the session's renders (each answer of the
 * service) pass it by; one that opens renders with the session as it is then.
 */
export const WorkspaceDialogs = memo(WorkspaceDialogsNow, (a: WorkspaceDialogsProps, b: WorkspaceDialogsProps) => a.session.dialogs.modal === null && b.session.dialogs.modal === null);

function WorkspaceDialogsNow({ session, onSelectProblem }: WorkspaceDialogsProps) {
  const { api, info, recap, views, dialogs, notices, context, external } = session;
  const { modal, closeModal } = dialogs;
  const doc = recap.doc;
  const onRestore = useHistoryRestore(recap.replaceText, notices.toast, closeModal);
  const onExported = useExportLinking(recap.markSaved, context.current.lastDir, external.setDiskChanged);
  return (
    <>
      {modal?.kind === 'export' && info && doc && (
        <Suspense fallback={null}>
          <ExportDialog
            api={api}
            info={info}
            recapPath={doc.photoPath}
            draftFor={views.profile?.rules?.site ?? null}
            text={doc.text}
            zipName={slugFileName(views.title).replace(/\.md$/, '.zip')}
            onClose={closeModal}
            onJump={(p) => {
              closeModal();
              onSelectProblem(p);
            }}
            onExported={onExported}
          />
        </Suspense>
      )}
      {modal?.kind === 'history' && (
        <Suspense fallback={null}>
          <HistoryDialog api={api} draftId={modal.draftId} onClose={closeModal} onRestore={onRestore} />
        </Suspense>
      )}
      {modal?.kind === 'save-template' && doc && (
        <Suspense fallback={null}>
          <SaveTemplateDialog api={api} draftId={doc.draft.id} text={doc.text} onClose={closeModal} onSaved={(message) => notices.toast('info', message)} />
        </Suspense>
      )}
      {modal?.kind === 'compare' && (
        <Suspense fallback={null}>
          <CompareDialog fileName={modal.fileName} disk={modal.disk} mine={modal.mine} onChoose={modal.resolve} />
        </Suspense>
      )}
    </>
  );
}
