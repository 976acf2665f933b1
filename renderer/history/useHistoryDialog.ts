// The history's wiring in the workspace: the action that opens the dialog, and what a restored
// version does to the open recap.

import { useCallback } from 'react';
import { t } from '../ui/locale';
import type { Autosave } from '../workspace/useAutosave';
import type { ModalState } from '../workspace/useDialogs';
import type { DocumentHandle } from '../workspace/useRecapDocument';

interface HistoryOpener {
  recap: Pick<DocumentHandle, 'current'>;
  autosaveRef: { readonly current: Autosave };
  dialogs: { openModal(modal: ModalState): void };
}

/** The History action: the dialog compares against the draft on disk, so that is brought up to date first. */
export async function openHistory(c: HistoryOpener): Promise<void> {
  const cur = c.recap.current();
  if (!cur) return;
  await c.autosaveRef.current.flush(true);
  c.dialogs.openModal({ kind: 'history', draftId: cur.draft.id });
}

/** An earlier version restored: it replaces the text (undoable), and the text before it is in History too. */
export function useHistoryRestore(replaceText: DocumentHandle['replaceText'], toast: (kind: 'info', message: string) => void, closeModal: () => void): (restored: string) => void {
  return useCallback(
    (restored: string) => {
      closeModal();
      replaceText(restored, false);
      toast('info', t('history.restored'));
    },
    [replaceText, toast, closeModal],
  );
}
