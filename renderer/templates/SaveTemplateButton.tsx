// "Save as template…" in the top bar (an icon, named for screen readers and in its tooltip, so
// the bar keeps its room): the current recap's fields and headings, for the next recaps.

import type { FileAction } from '../workspace/useShortcuts';
import { useT } from '../ui/locale';
import './templates.css';

export function SaveTemplateButton({ busy, onAction }: { busy: boolean; onAction(action: FileAction): void }) {
  const t = useT();
  return (
    <button
      type="button"
      className="button button-quiet st-button"
      data-testid="btn-save-template"
      disabled={busy}
      onClick={() => onAction('save-template')}
      aria-label={t('templates.saveButton')}
      title={`${t('templates.saveButton')} ${t('templates.saveTitle')}`}
    >
      <svg width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" aria-hidden focusable="false">
        <rect x="2.5" y="1.5" width="11" height="13" rx="1.5" strokeDasharray="2.2 1.6" />
        <path d="M5 5h6M5 8h6M5 11h3.5" />
      </svg>
    </button>
  );
}
