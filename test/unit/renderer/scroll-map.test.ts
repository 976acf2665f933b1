// Scroll sync's map between the editor's and the preview's scroll positions.
import { describe, expect, it } from 'vitest';
import { mapScroll, syncPoints } from '../../../renderer/workspace/scroll/scrollMap';

describe('scroll sync map', () => {
  const points = syncPoints([
    { editor: 0, preview: 150 }, // the first line: the preview's top shows the post's header
    { editor: 200, preview: 600 },
    { editor: 500, preview: 900 },
  ]);

  it('starts both panes at the top and keeps only points that go forward in both', () => {
    expect(points).toEqual([
      { editor: 0, preview: 0 },
      { editor: 200, preview: 600 },
      { editor: 500, preview: 900 },
    ]);
    expect(syncPoints([{ editor: 100, preview: 100 }, { editor: 300, preview: 80 }, { editor: 250, preview: 400 }])).toEqual([
      { editor: 0, preview: 0 },
      { editor: 100, preview: 100 },
      { editor: 250, preview: 400 },
    ]);
  });

  it('puts a block at the top of one pane when its line is at the top of the other, both ways', () => {
    expect(mapScroll(points, 200, 'editor')).toBe(600);
    expect(mapScroll(points, 900, 'preview')).toBe(500);
  });

  it('interpolates inside a block and carries on pixel for pixel past the last one', () => {
    expect(mapScroll(points, 350, 'editor')).toBe(750);
    expect(mapScroll(points, 300, 'preview')).toBe(100);
    expect(mapScroll(points, 520, 'editor')).toBe(920);
    expect(mapScroll(points, -5, 'editor')).toBe(0);
  });
});
