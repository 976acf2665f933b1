import { memo } from 'react';
import type { ReactNode } from 'react';
import type { Problem } from '../../electron/core/contract';
import { LanguageSelect } from '../ui/LanguageSelect';
import { ThemeSelect } from '../ui/ThemeSelect';
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
  draftStatus: { text: string; tone: 'ok' | 'busy' | 'error' };
  /** "1,234 words · 6 min read" of the body. */
  wordCount: string;
  /** The Languages menu (translations), after Export. */
  languages?: ReactNode;
}

const MOD = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl+';

function problemsLabel(problems: Problem[] | null, lintError: string | null): { text: string; tone: 'ok' | 'warning' | 'error' | 'idle' } {
  if (problems === null) return { text: lintError ? 'Checks unavailable' : 'Checking…', tone: 'idle' };
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  if (problems.length === 0) return { text: 'No problems', tone: 'ok' };
  const parts = [errors > 0 ? `${errors} ${errors === 1 ? 'error' : 'errors'}` : '', warnings > 0 ? `${warnings} ${warnings === 1 ? 'warning' : 'warnings'}` : ''].filter(Boolean);
  return { text: parts.join(', '), tone: errors > 0 ? 'error' : 'warning' };
}

export const TopBar = memo(function TopBar({ fileName, path, dirty, busy, saved, problems, lintError, problemsOpen, onProblemsToggle, onAction, onInsertPhotos, draftStatus, wordCount, languages }: TopBarProps) {
  const label = problemsLabel(problems, lintError);
  return (
    <header className="topbar">
      <button type="button" className="brand brand-button" data-testid="btn-home" onClick={() => onAction('home')} title="All your recaps (home)" aria-label="Recap Studio home">
        <span className="brand-mark" aria-hidden>
          R
        </span>
        <span className="brand-name">Recap Studio</span>
      </button>
      <div className="doc-name" title={path ?? 'Not saved yet'}>
        <span className="doc-file">{fileName}</span>
        {dirty && (
          <span className="dirty-marker" data-testid="dirty-marker" title="Unsaved changes" aria-label="Unsaved changes">
            •
          </span>
        )}
        {saved && !dirty && (
          <span className="doc-saved" role="status">
            Saved
          </span>
        )}
        <span className={`draft-status is-${draftStatus.tone}`} data-testid="draft-status" role="status" title="Everything you type is kept in Recap Studio's drafts as you write.">
          {draftStatus.text}
        </span>
        <span className="word-count" data-testid="word-count" title="Words in the text (front matter, Markdown and link addresses not counted; each Chinese or Japanese character counts as a word)">
          {wordCount}
        </span>
      </div>
      <nav className="actions" aria-label="File">
        <button type="button" className="button button-quiet" data-testid="btn-new" disabled={busy} onClick={() => onAction('new')} title={`New recap (${MOD}N)`}>
          New
        </button>
        <button type="button" className="button button-quiet" data-testid="btn-open" disabled={busy} onClick={() => onAction('open')} title={`Open a recap (${MOD}O)`}>
          Open…
        </button>
        <button type="button" className="button button-primary" data-testid="btn-save" disabled={busy} onClick={() => onAction('save')} title={`Save (${MOD}S)`}>
          Save
        </button>
        <button type="button" className="button button-quiet" data-testid="btn-save-as" disabled={busy} onClick={() => onAction('save-as')} title={`Save as (${MOD}Shift+S)`}>
          Save As…
        </button>
        <button type="button" className="button button-quiet" data-testid="btn-history" disabled={busy} onClick={() => onAction('history')} title="Earlier versions of this recap">
          History
        </button>
        <button type="button" className="button button-quiet" data-testid="btn-export" disabled={busy} onClick={() => onAction('export')} title={`Export for the website (${MOD}E)`}>
          Export…
        </button>
        {languages}
      </nav>
      {onInsertPhotos && (
        <button type="button" className="button insert-photos" data-testid="btn-insert-photos" disabled={busy} onClick={onInsertPhotos} title="Insert photos at the text cursor (or drop them onto the text, or paste a screenshot)">
          <svg width="15" height="15" viewBox="0 0 16 16" aria-hidden focusable="false">
            <rect x="1.5" y="2.5" width="13" height="11" rx="2" fill="none" stroke="currentColor" strokeWidth="1.4" />
            <circle cx="5.5" cy="6" r="1.3" fill="currentColor" />
            <path d="M2 12l3.8-3.6 2.6 2.3 2.2-1.9L14 11.6" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" />
          </svg>
          Insert photos…
        </button>
      )}
      <button
        type="button"
        className={`problems-button is-${label.tone}`}
        data-testid="problems-button"
        data-count={problems?.length ?? ''}
        aria-expanded={problemsOpen}
        onClick={onProblemsToggle}
        title={lintError ?? 'Show the problems found in this recap'}
      >
        <span className="problems-dot" aria-hidden />
        {label.text}
      </button>
      <LanguageSelect />
      <ThemeSelect />
    </header>
  );
});
