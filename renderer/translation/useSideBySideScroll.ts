// The translation's editor and its source, scrolled together: block i of the translation (its
// first line, measured in the editor) meets block i of the source (its element in the source
// pane), both ways, at most once per frame; a scroll this code caused is not synced back.

import { useEffect } from 'react';
import type { RefObject } from 'react';
import { splitBlocks } from '../../electron/core/markdown/markdown-blocks';
import { lineTops } from '../workspace/editing/caret';
import { mapScroll, syncPoints } from '../workspace/scroll/scrollMap';
import type { SyncPoint } from '../workspace/scroll/scrollMap';

type Pane = 'editor' | 'preview';

interface Panes {
  textarea: HTMLTextAreaElement;
  editor: HTMLElement;
  /** The source pane's scroller (named `preview` for the shared scroll map). */
  preview: HTMLElement;
}

function panesIn(root: HTMLElement): Panes | null {
  const textarea = root.querySelector<HTMLTextAreaElement>('.editor-pane .w-md-editor-text-input');
  const source = root.querySelector<HTMLElement>('.source-blocks');
  if (!textarea || !source) return null;
  const area = textarea.closest<HTMLElement>('.w-md-editor-area');
  const editor = textarea.scrollHeight > textarea.clientHeight + 1 || !area ? textarea : area;
  return { textarea, editor, preview: source };
}

function measure(panes: Panes): SyncPoint[] {
  const lines = splitBlocks(panes.textarea.value).lines;
  const blocks = [...panes.preview.querySelectorAll<HTMLElement>('.src-block')];
  const n = Math.min(lines.length, blocks.length);
  if (n === 0) return syncPoints([]);
  const tops = lineTops(panes.textarea, lines.slice(0, n));
  const padTop = parseFloat(getComputedStyle(panes.textarea).paddingTop) || 0;
  const origin = panes.preview.getBoundingClientRect().top - panes.preview.scrollTop;
  const points = blocks.slice(0, n).map((b, i) => ({ editor: tops[i]! - padTop, preview: b.getBoundingClientRect().top - origin }));
  points.push({ editor: panes.editor.scrollHeight - panes.editor.clientHeight, preview: panes.preview.scrollHeight - panes.preview.clientHeight });
  return syncPoints(points);
}

export function useSideBySideScroll(root: RefObject<HTMLElement | null>, enabled: boolean): void {
  useEffect(() => {
    const el = root.current;
    if (!el || !enabled) return;
    const given: Record<Pane, number | null> = { editor: null, preview: null };
    let frame = 0;
    let pending: Pane | null = null;
    const sync = (): void => {
      frame = 0;
      const from = pending;
      pending = null;
      const panes = panesIn(el);
      if (!from || !panes) return;
      const to: Pane = from === 'editor' ? 'preview' : 'editor';
      const target = Math.round(mapScroll(measure(panes), panes[from].scrollTop, from));
      if (Math.abs(panes[to].scrollTop - target) < 1) return;
      panes[to].scrollTop = target;
      given[to] = panes[to].scrollTop;
    };
    const onScroll = (e: Event): void => {
      const panes = panesIn(el);
      if (!panes) return;
      const pane: Pane | null = e.target === panes.editor || e.target === panes.textarea ? 'editor' : e.target === panes.preview ? 'preview' : null;
      if (!pane) return;
      const mine = given[pane];
      given[pane] = null;
      if (mine !== null && Math.abs(panes[pane].scrollTop - mine) < 1) return;
      pending = pane;
      if (!frame) frame = requestAnimationFrame(sync);
    };
    el.addEventListener('scroll', onScroll, { capture: true, passive: true });
    return () => {
      el.removeEventListener('scroll', onScroll, { capture: true });
      if (frame) cancelAnimationFrame(frame);
    };
  }, [root, enabled]);
}
