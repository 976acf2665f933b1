import { memo } from 'react';
import type { ReactNode } from 'react';
import type { Problem } from '../../electron/core/contract';
import { SaveTemplateButton } from '../templates/SaveTemplateButton';
import { useT } from '../ui/locale';
import type { Translate } from '../ui/locale';
import type { FileAction } from './useShortcuts';

interface TopBarProps {
  fileName: string;
  path: string | null;
  dirty: boolean;
  busy: boolean;
  /** Just saved: a short confirmation next to the file name. */
  saved: boolean;
  problems: Problem[] | null;
  lintError: string | null;
  problemsOpen: boolean;
  onProblemsToggle(): void;
  onAction(action: FileAction): void;
  /** "Insert photos…": choose photos, their links go to the text cursor. */
  onInsertPhotos?(): void;
  /** Where the draft stands: "Draft saved 14:05", "Saving…", or an autosave failure. */
  /** "1,234 words · 6 min read" of the body. */
  /** The Languages menu (translations), after Export. */
  languages?: ReactNode;
}

const MOD = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl+';

function problemsLabel(t: Translate, problems: Problem[] | null, lintError: string | null): { text: string; tone: 'ok' | 'warning' | 'error' | 'idle' } {
  if (problems === null) return { text: lintError ? t('topbar.checksUnavailable') : t('topbar.checking'), tone: 'idle' };
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  if (problems.length === 0) return { text: t('topbar.noProblems'), tone: 'ok' };
  const errorText = t('topbar.errors', { count: errors });
  const warningText = t('topbar.warnings', { count: warnings });
  const text = errors > 0 && warnings > 0 ? t('topbar.errorsAndWarnings', { errors: errorText, warnings: warningText }) : errors > 0 ? errorText : warningText;
  return { text, tone: errors > 0 ? 'error' : 'warning' };
}

export const TopBar = memo(function TopBar({ fileName, path, dirty, busy, saved, problems, lintError, problemsOpen, onProblemsToggle, onAction, onInsertPhotos, languages }: TopBarProps) {
  const t = useT();
  const label = problemsLabel(t, problems, lintError);
  return (
    <header className="topbar">
      <button type="button" className="brand brand-button" data-testid="btn-home" onClick={() => onAction('home')} title={t('topbar.homeTitle')} aria-label={t('home.label')}>
        <span className="brand-mark" aria-hidden>
          R
        </span>
        <span className="brand-name">Recap Studio</span>
      </button>
      <div className="doc-name" title={path ?? t('topbar.notSaved')}>
        <span className="doc-file">{fileName}</span>
        {dirty && (
          <span className="dirty-marker" data-testid="dirty-marker" title={t('topbar.unsaved')} aria-label={t('topbar.unsaved')}>
            •
          </span>
        )}
        {saved && !dirty && (
          <span className="doc-saved" role="status">
            {t('topbar.saved')}
          </span>
        )}
      </div>
      <nav className="actions" aria-label={t('topbar.fileLabel')}>
        <button type="button" className="button button-quiet" data-testid="btn-new" disabled={busy} onClick={() => onAction('new')} title={t('topbar.newTitle', { keys: `${MOD}N` })}>
          {t('topbar.new')}
        </button>
        <button type="button" className="button button-quiet" data-testid="btn-open" disabled={busy} onClick={() => onAction('open')} title={t('topbar.openTitle', { keys: `${MOD}O` })}>
          {t('topbar.open')}
        </button>
        <button type="button" className="button button-primary" data-testid="btn-save" disabled={busy} onClick={() => onAction('save')} title={t('topbar.saveTitle', { keys: `${MOD}S` })}>
          {t('topbar.save')}
        </button>
        <button type="button" className="button button-quiet" data-testid="btn-save-as" disabled={busy} onClick={() => onAction('save-as')} title={t('topbar.saveAsTitle', { keys: `${MOD}Shift+S` })}>
          {t('topbar.saveAs')}
        </button>
        <SaveTemplateButton busy={busy} onAction={onAction} />
        <button type="button" className="button button-quiet" data-testid="btn-history" disabled={busy} onClick={() => onAction('history')} title={t('topbar.historyTitle')}>
          {t('topbar.history')}
        </button>
        <button type="button" className="button button-quiet" data-testid="btn-export" disabled={busy} onClick={() => onAction('export')} title={t('topbar.exportTitle', { keys: `${MOD}E` })}>
          {t('topbar.export')}
        </button>
        {languages}
      </nav>
      {onInsertPhotos && (
        <button type="button" className="button insert-photos" data-testid="btn-insert-photos" disabled={busy} onClick={onInsertPhotos} title={t('topbar.insertPhotosTitle')}>
          <svg width="15" height="15" viewBox="0 0 16 16" aria-hidden focusable="false">
            <rect x="1.5" y="2.5" width="13" height="11" rx="2" fill="none" stroke="currentColor" strokeWidth="1.4" />
            <circle cx="5.5" cy="6" r="1.3" fill="currentColor" />
            <path d="M2 12l3.8-3.6 2.6 2.3 2.2-1.9L14 11.6" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" />
          </svg>
          {t('topbar.insertPhotos')}
        </button>
      )}
      <button
        type="button"
        className={`problems-button is-${label.tone}`}
        data-testid="problems-button"
        data-count={problems?.length ?? ''}
        aria-expanded={problemsOpen}
        onClick={onProblemsToggle}
        title={lintError ?? t('topbar.problemsTitle')}
      >
        <span className="problems-dot" aria-hidden />
        {label.text}
      </button>
    </header>
  );
});
