// "Save as template…" in the top bar: the current recap's fields and headings, for the next ones.

import type { FileAction } from '../workspace/useShortcuts';
import { useT } from '../ui/locale';

export function SaveTemplateButton({ busy, onAction }: { busy: boolean; onAction(action: FileAction): void }) {
  const t = useT();
  return (
    <button type="button" className="button button-quiet" data-testid="btn-save-template" disabled={busy} onClick={() => onAction('save-template')} title={t('templates.saveTitle')}>
      {t('templates.saveButton')}
    </button>
  );
}
