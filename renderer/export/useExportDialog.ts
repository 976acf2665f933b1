// The export's wiring in the workspace: the action that opens the dialog, and what a written
// export does to the open recap.

import { useCallback } from 'react';
import type { MutableRefObject } from 'react';
import type { ExportReport } from '../../electron/core/contract';
import { dirName } from '../ui/paths';
import type { Autosave } from '../workspace/useAutosave';
import type { ModalState } from '../workspace/useDialogs';
import type { DocumentHandle } from '../workspace/useRecapDocument';

interface ExportOpener {
  recap: Pick<DocumentHandle, 'current'>;
  autosaveRef: { readonly current: Autosave };
  dialogs: { openModal(modal: ModalState): void };
}

/** The Export action (Ctrl/Cmd+E). */
export async function openExport(c: ExportOpener): Promise<void> {
  if (!c.recap.current()) return;
  // The export reads the draft's photos; the text goes with the request.
  await c.autosaveRef.current.flush();
  c.dialogs.openModal({ kind: 'export' });
}

/**
 * Exported into a site: the recap is that post now (no longer a bare draft), and Save and
 * Save As start from it.
 */
export function useExportLinking(
  markSaved: DocumentHandle['markSaved'],
  lastDir: MutableRefObject<string | null>,
  setDiskChanged: (message: string | null) => void,
): (report: ExportReport, exportedText: string) => void {
  return useCallback(
    (report: ExportReport, exportedText: string) => {
      const linked = report.linkedTo;
      if (!linked) return;
      // The post is the recap now: with its photos linked where the site keeps them (a Jekyll
      // site's /assets/images/…), its text replaces the exported one, or the recap would show
      // them missing and unsaved.
      markSaved(linked.text, linked.path, linked.draft, exportedText, linked.profile);
      lastDir.current = dirName(linked.path);
      setDiskChanged(null);
    },
    [markSaved, lastDir, setDiskChanged],
  );
}
