import { useCallback } from 'react';
import type { Problem } from '../../electron/core/contract';
import { linesBefore, readFrontMatter, splitRecap } from '../../electron/core/frontmatter/frontmatter';
import { revealLine } from './editing/caret';
import { fieldInputId } from './form/ProfileField';
import type { RecapDocument } from './useRecapDocument';
import type { WorkspaceLayout } from './useWorkspaceLayout';

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

type LayoutSetters = Pick<WorkspaceLayout, 'setFormCollapsed' | 'setRaw' | 'setProblemsOpen'>;

/** Shows the front-matter field `key` (the form unfolded, not the raw YAML) and focuses it. */
function focusField(layout: LayoutSetters, key: string): void {
  layout.setFormCollapsed(false);
  layout.setRaw(false);
  requestAnimationFrame(() => {
    // A profile field's input; else the other field's value (its text, switch or tags), else its name.
    // A key inside a map (`header.teaser`, a gallery's `gallery.url`) is shown in its top-level field's row.
    const inputOf = (k: string): HTMLElement | null => {
      const row = document.querySelector(`[data-field-key="${CSS.escape(k)}"]`);
      return document.getElementById(fieldInputId(k)) ?? row?.querySelector<HTMLElement>('input:not(.extra-key)') ?? row?.querySelector<HTMLElement>('.extra-key') ?? null;
    };
    const [top = key, sub] = key.split('.');
    const nested = sub !== undefined ? document.querySelector<HTMLElement>(`[data-field-key="${CSS.escape(top)}"] [data-sub-key="${CSS.escape(sub)}"] input`) : null;
    const el = inputOf(key) ?? nested ?? (sub !== undefined ? inputOf(top) : null);
    if (el instanceof HTMLElement) {
      el.scrollIntoView({ block: 'center' });
      el.focus();
    }
  });
}

/** Goes to a problem: its line in the text, its field in the form, or its line in the raw YAML. */
function goToProblem(layout: LayoutSetters, cur: RecapDocument, p: Problem): void {
  const split = splitRecap(cur.text);
  const headLines = countNewlines(cur.text.slice(0, cur.text.length - split.body.length));
  if (p.line !== undefined && p.line > headLines) {
    const textarea = document.querySelector<HTMLTextAreaElement>('.editor-pane .w-md-editor-text-input');
    if (textarea) revealLine(textarea, p.line - headLines);
    return;
  }
  const known = p.field !== undefined && readFrontMatter(cur.text).editable;
  if (p.field && known) {
    focusField(layout, p.field);
    return;
  }
  const line = p.line;
  if (line !== undefined) {
    // A YAML error: show the raw front matter with the caret on the line.
    const yamlFirstLine = linesBefore(split) + 1;
    layout.setFormCollapsed(false);
    layout.setRaw(true);
    requestAnimationFrame(() => {
      const area = document.querySelector<HTMLTextAreaElement>('[data-testid="raw-yaml"]');
      if (area) revealLine(area, Math.max(1, line - yamlFirstLine + 1));
    });
  }
}

/** The problems panel's (and the export checklist's) jump to a problem. */
export function useProblemNavigation(current: () => RecapDocument | null, layout: LayoutSetters): (p: Problem) => void {
  const { setFormCollapsed, setRaw, setProblemsOpen } = layout;
  return useCallback(
    (p: Problem) => {
      setProblemsOpen(false);
      const cur = current();
      if (!cur) return;
      goToProblem({ setFormCollapsed, setRaw, setProblemsOpen }, cur, p);
    },
    [current, setFormCollapsed, setRaw, setProblemsOpen],
  );
}
