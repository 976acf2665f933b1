// The translation's editor and its source, scrolled together: block i of the translation (its
// first line, measured in the editor) meets block i of the source (its element in the source
// pane), both ways, through the editor's scroll sync (at most once per frame; a scroll it
// caused is not synced back).

import type { RefObject } from 'react';
import { splitBlocks } from '../../electron/core/markdown/markdown-blocks';
import { lineTops } from '../workspace/editing/caret';
import { syncPoints } from '../workspace/scroll/scrollMap';
import type { SyncPoint } from '../workspace/scroll/scrollMap';
import { panesBeside, useScrollSync } from '../workspace/scroll/useScrollSync';
import type { Panes, SyncStrategy } from '../workspace/scroll/useScrollSync';

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

const SIDE_BY_SIDE: SyncStrategy = { panesIn: (root) => panesBeside(root, '.source-blocks'), measure };

export function useSideBySideScroll(root: RefObject<HTMLElement | null>, enabled: boolean): void {
  useScrollSync(root, enabled, SIDE_BY_SIDE);
}
