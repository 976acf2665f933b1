import { useT } from '../../ui/locale';
import type { PreviewFind } from './usePreviewFind';

/** The find bar's scope switch: the text (off) or the rendered preview (on). Electron only. */
export function PreviewFindToggle({ preview }: { preview: PreviewFind }) {
  const t = useT();
  if (!preview.available) return null;
  return (
    <button
      type="button"
      className={`find-toggle find-scope${preview.on ? ' is-on' : ''}`}
      aria-pressed={preview.on}
      aria-label={t('find.previewScope')}
      title={t('find.previewScopeTitle')}
      data-testid="find-in-preview"
      onClick={preview.toggle}
    >
      <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden focusable="false">
        <path d="M1.5 8s2.4-4.5 6.5-4.5S14.5 8 14.5 8s-2.4 4.5-6.5 4.5S1.5 8 1.5 8z" fill="none" stroke="currentColor" strokeWidth="1.3" />
        <circle cx="8" cy="8" r="2" fill="currentColor" />
      </svg>
    </button>
  );
}
