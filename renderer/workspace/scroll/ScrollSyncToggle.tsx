// The scroll sync switch, in the preview's top corner.
import './scroll-sync.css';
import { useT } from '../../ui/locale';

export function ScrollSyncToggle({ on, onToggle }: { on: boolean; onToggle(): void }) {
  const t = useT();
  return (
    <div className="sync-toggle-bar">
      <button
        type="button"
        className={`sync-toggle${on ? ' is-on' : ''}`}
        aria-label={t('accessibility.syncScroll')}
        aria-pressed={on}
        title={on ? 'Scroll sync is on: the preview follows the text, and the text the preview' : 'Scroll sync is off: the text and the preview scroll on their own'}
        onClick={onToggle}
      >
        <svg width="14" height="14" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" aria-hidden>
          <path d="M4 2v12M1.5 11.5 4 14l2.5-2.5M12 14V2M9.5 4.5 12 2l2.5 2.5" />
        </svg>
        <span>Sync</span>
      </button>
    </div>
  );
}
