// The scroll sync switch, in the preview's top corner.
import { useT } from '../../ui/locale';
import '../../ui/pane-toggle.css';
import './scroll-sync.css';

export function ScrollSyncToggle({ on, onToggle }: { on: boolean; onToggle(): void }) {
  const t = useT();
  return (
    <div className="pane-toggle-bar sync-toggle-bar">
      <button
        type="button"
        className={`pane-toggle sync-toggle${on ? ' is-on' : ''}`}
        aria-label={t('accessibility.syncScroll')}
        aria-pressed={on}
        title={on ? t('workspace.scrollSyncOn') : t('workspace.scrollSyncOff')}
        onClick={onToggle}
      >
        <svg width="14" height="14" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" aria-hidden>
          <path d="M4 2v12M1.5 11.5 4 14l2.5-2.5M12 14V2M9.5 4.5 12 2l2.5 2.5" />
        </svg>
        <span>{t('workspace.sync')}</span>
      </button>
    </div>
  );
}
