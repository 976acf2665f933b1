// The first stops of the Tab order in the editor: straight to the form or to the text, past the
// top bar. Out of sight until they have the focus.
import { memo } from 'react';
import type { MouseEvent } from 'react';
import { useT } from '../ui/locale';

/** The form's first field; when the form is folded, its button. */
const FORM = ['.fm-form :is(input, select, textarea):not([disabled])', '.fm-panel button'];
const TEXT = '.editor-pane .w-md-editor-text-input';

function jumpTo(...selectors: string[]) {
  return (e: MouseEvent): void => {
    e.preventDefault();
    for (const s of selectors) {
      const el = document.querySelector<HTMLElement>(s);
      if (el) return el.focus();
    }
  };
}

export const SkipLinks = memo(function SkipLinks() {
  const t = useT();
  return (
    <nav className="skip-links" aria-label={t('accessibility.skipLinks')}>
      <a href="#recap-form" className="skip-link" onClick={jumpTo(...FORM)}>
        {t('accessibility.skipToForm')}
      </a>
      <a href="#recap-text" className="skip-link" onClick={jumpTo(TEXT)}>
        {t('accessibility.skipToText')}
      </a>
    </nav>
  );
});
