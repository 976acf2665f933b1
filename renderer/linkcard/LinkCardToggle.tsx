// The switch between the preview and the link card, in the preview's top left corner
// (remembered, like the scroll sync switch beside it).

import { useCallback, useState } from 'react';
import { useT } from '../ui/locale';
import '../ui/pane-toggle.css';
import './linkcard.css';

const KEY = 'recap-studio.linkCard';

function stored(): boolean {
  try {
    return window.localStorage.getItem(KEY) === 'on';
  } catch {
    return false;
  }
}

export function useLinkCardSetting(): { cardOpen: boolean; toggleCard(): void } {
  const [cardOpen, setOpen] = useState(stored);
  const toggleCard = useCallback(() => {
    setOpen((on) => {
      try {
        window.localStorage.setItem(KEY, on ? 'off' : 'on');
      } catch {
        // Not remembered, still switched.
      }
      return !on;
    });
  }, []);
  return { cardOpen, toggleCard };
}

export function LinkCardToggle({ on, onToggle }: { on: boolean; onToggle(): void }) {
  const t = useT();
  return (
    <div className="pane-toggle-bar lc-toggle-bar">
      <button type="button" className={`pane-toggle lc-toggle${on ? ' is-on' : ''}`} data-testid="link-card-toggle" aria-pressed={on} title={t('linkCard.toggleTitle')} onClick={onToggle}>
        <svg width="14" height="14" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" aria-hidden>
          <rect x="1.5" y="2.5" width="13" height="11" rx="1.6" />
          <path d="M1.5 9.5h13M4 11.6h5" />
        </svg>
        <span>{t('linkCard.toggle')}</span>
      </button>
    </div>
  );
}
