// Scroll sync's map between the editor's and the preview's scroll positions: each block of
// the recap is a pair of points (where its first line is at the top of the editor, where its
// rendered block is at the top of the preview) and positions in between are interpolated.
// Pure, so it is tested without a browser.

/** Scroll positions at which the same source position sits at the top of each pane. */
export interface SyncPoint {
  editor: number;
  preview: number;
}

/**
 * The points in ascending order in both panes, starting at the top of both. A point that
 * would go backwards in either pane (a block the preview cannot scroll to, a collapsed one)
 * is left out, so the map stays monotonic.
 */
export function syncPoints(points: readonly SyncPoint[]): SyncPoint[] {
  const out: SyncPoint[] = [{ editor: 0, preview: 0 }];
  for (const p of points) {
    const last = out[out.length - 1]!;
    if (p.editor > last.editor && p.preview > last.preview) out.push(p);
  }
  return out;
}

/** The position in the other pane for `position` in pane `from`, on the monotonic points. */
export function mapScroll(points: readonly SyncPoint[], position: number, from: keyof SyncPoint): number {
  const to: keyof SyncPoint = from === 'editor' ? 'preview' : 'editor';
  if (points.length === 0) return 0;
  let lo = 0;
  let hi = points.length - 1;
  if (position <= points[0]![from]) return points[0]![to];
  if (position >= points[hi]![from]) {
    // Past the last point: the panes scroll on together, pixel for pixel.
    return points[hi]![to] + (position - points[hi]![from]);
  }
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (points[mid]![from] <= position) lo = mid;
    else hi = mid;
  }
  const a = points[lo]!;
  const b = points[hi]!;
  const t = (position - a[from]) / (b[from] - a[from]);
  return a[to] + t * (b[to] - a[to]);
}
