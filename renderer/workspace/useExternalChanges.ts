import { useEffect } from 'react';
import type { MutableRefObject } from 'react';
import type { RecapApi } from '../../electron/core/contract';
import { t } from '../ui/locale';
import { baseName } from '../ui/paths';
import type { Autosave } from './useAutosave';
import { isUnsaved } from './useRecapDocument';
import type { DocumentHandle } from './useRecapDocument';

export interface ExternalChanges {
  /** The banner's message when the file changed (or went) on disk; null when all is well. */
  diskChanged: string | null;
  setDiskChanged(message: string | null): void;
}

/**
 * Coming back to the window: was the file changed by another program meanwhile? A clean recap
 * takes the file's version (ours goes to History); one with unsaved changes shows a banner.
 */
export function useExternalChanges(
  api: RecapApi,
  recap: Pick<DocumentHandle, 'current' | 'replaceText'>,
  autosaveRef: MutableRefObject<Autosave>,
  busyRef: MutableRefObject<boolean>,
  toast: (kind: 'info', message: string) => void,
  setDiskChanged: (message: string | null) => void,
): void {
  const { current, replaceText } = recap;
  useEffect(() => {
    const onFocus = (): void => {
      const cur = current();
      if (!cur?.path || busyRef.current) return;
      api.checkLinkedFile({ id: cur.draft.id }).then(
        async (status) => {
          const now = current();
          if (!now || now.draft.id !== cur.draft.id) return;
          if (status.state === 'changed') {
            if (!isUnsaved(now)) {
              // Nothing of the author's would be lost: take the file's version, keep ours in History.
              await autosaveRef.current.flush(true);
              const r = await api.reloadLinkedFile({ id: now.draft.id });
              replaceText(r.text, true);
              toast('info', t('workspace.reloadedChanged', { name: baseName(status.path) }));
            } else setDiskChanged(t('workspace.changedOnDisk', { name: baseName(status.path) }));
          } else if (status.state === 'deleted') setDiskChanged(t('workspace.deletedOnDisk', { name: baseName(status.path) }));
          else setDiskChanged(null);
        },
        () => undefined,
      );
    };
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [api, current, replaceText, toast, autosaveRef, busyRef, setDiskChanged]);
}
