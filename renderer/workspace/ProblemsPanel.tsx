import { useEffect, useRef } from 'react';
import type { Problem } from '../../electron/core/contract';
import { useT } from '../ui/locale';
import { problemText } from '../ui/problem-text';

interface ProblemsPanelProps {
  problems: Problem[];
  lintError: string | null;
  onSelect(problem: Problem): void;
  onClose(): void;
}

/** The list behind the top bar's problems count; a click goes to the line or the form field. */
export function ProblemsPanel({ problems, lintError, onSelect, onClose }: ProblemsPanelProps) {
  const panel = useRef<HTMLDivElement>(null);
  const t = useT();

  useEffect(() => {
    const onDown = (e: MouseEvent): void => {
      const target = e.target as Node;
      if (panel.current?.contains(target)) return;
      if ((target as Element).closest?.('[data-testid="problems-button"]')) return;
      onClose();
    };
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'Escape') return;
      // From inside the list, the focus goes back to the button that opened it.
      if (panel.current?.contains(document.activeElement)) document.querySelector<HTMLElement>('[data-testid="problems-button"]')?.focus();
      onClose();
    };
    window.addEventListener('mousedown', onDown);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('mousedown', onDown);
      window.removeEventListener('keydown', onKey);
    };
  }, [onClose]);

  useEffect(() => {
    // Opened: the focus goes to the first problem (or the panel), so the keyboard reaches the list.
    (panel.current?.querySelector<HTMLElement>('.problem') ?? panel.current)?.focus({ preventScroll: true });
  }, []);

  return (
    <div className="problems-panel" ref={panel} role="dialog" aria-label={t('workspace.problemsLabel')} tabIndex={-1}>
      {lintError && <p className="problems-note">{t('workspace.lastCheckFailed', { reason: lintError })}</p>}
      {problems.length === 0 ? (
        <p className="problems-empty">{t('workspace.noProblemsFound')}</p>
      ) : (
        <ul className="problems-list">
          {problems.map((p, i) => (
            <li key={`${p.code}:${p.line ?? 0}:${p.column ?? 0}:${i}`}>
              <button type="button" className={`problem is-${p.severity}`} onClick={() => onSelect(p)}>
                <span className="problem-icon" aria-label={p.severity === 'error' ? t('workspace.severityError') : t('workspace.severityWarning')}>
                  {p.severity === 'error' ? '✕' : '!'}
                </span>
                <span className="problem-where">{p.field ? p.field : p.line ? t('workspace.line', { line: p.line }) : ''}</span>
                <span className="problem-message">{problemText(p)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
