import { describe, expect, it } from 'vitest';
import { DEFAULT_HISTORY_POLICY, isSnapshotId, lineDiff, parseSnapshotId, snapshotId, thinHistory } from '../../../electron/core/history';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2025, 5, 15, 12, 0, 0);

const snaps = (times: number[]): Array<{ id: string; time: number }> => times.map((t, i) => ({ id: `s${i}`, time: t }));

describe('thinHistory', () => {
  it('keeps every snapshot from the last hour', () => {
    const times = Array.from({ length: 40 }, (_, i) => NOW - i * MIN);
    const { keep, drop } = thinHistory(snaps(times), NOW);
    expect(keep).toHaveLength(40);
    expect(drop).toHaveLength(0);
  });

  it('keeps one per 10 minutes between an hour and a day, the newest of each', () => {
    // Every minute from 1 h to 3 h ago: 120 snapshots in 12 ten-minute buckets (+1 at the edge).
    const times = Array.from({ length: 120 }, (_, i) => NOW - HOUR - i * MIN);
    const { keep } = thinHistory(snaps(times), NOW);
    const buckets = new Set(keep.map((s) => Math.floor(s.time / (10 * MIN))));
    expect(buckets.size).toBe(keep.length);
    expect(keep.length).toBeGreaterThanOrEqual(12);
    expect(keep.length).toBeLessThanOrEqual(13);
    for (const k of keep) {
      // The newest in its bucket was kept.
      const sameBucket = times.filter((t) => Math.floor(t / (10 * MIN)) === Math.floor(k.time / (10 * MIN)));
      expect(k.time).toBe(Math.max(...sameBucket));
    }
  });

  it('keeps one per day beyond a day', () => {
    const times = Array.from({ length: 30 }, (_, i) => NOW - 2 * DAY - i * 4 * HOUR); // 6 per day over 5 days
    const { keep } = thinHistory(snaps(times), NOW);
    const days = new Set(keep.map((s) => Math.floor(s.time / DAY)));
    expect(days.size).toBe(keep.length);
    expect(keep.length).toBeGreaterThanOrEqual(5);
    expect(keep.length).toBeLessThanOrEqual(6);
  });

  it('never keeps more than 50 and always keeps the newest', () => {
    const times = Array.from({ length: 70 }, (_, i) => NOW - i * 30_000); // all within the hour
    const { keep, drop } = thinHistory(snaps(times), NOW);
    expect(keep).toHaveLength(DEFAULT_HISTORY_POLICY.max);
    expect(drop).toHaveLength(20);
    expect(keep[0]?.time).toBe(NOW);
    expect(Math.min(...keep.map((k) => k.time))).toBe(NOW - 49 * 30_000);
    // A lone snapshot from long ago is still kept: it is the newest there is.
    expect(thinHistory(snaps([NOW - 400 * DAY]), NOW).keep).toHaveLength(1);
  });

  it('a realistic week of work stays bounded and spread over time', () => {
    const times: number[] = [];
    for (let d = 0; d < 7; d++) for (let m = 0; m < 180; m += 2) times.push(NOW - d * DAY - m * MIN);
    const { keep } = thinHistory(snaps(times), NOW);
    expect(keep.length).toBeLessThanOrEqual(50);
    expect(keep.filter((k) => NOW - k.time < HOUR)).toHaveLength(30); // every 2 min within the hour
    expect(Math.min(...keep.map((k) => k.time))).toBeLessThan(NOW - 5 * DAY); // old days still represented
  });
});

describe('snapshot ids', () => {
  it('carry time and hash, sort by time as text', () => {
    const a = snapshotId(NOW, 'ab'.repeat(32));
    const b = snapshotId(NOW + 1, '01'.repeat(32));
    expect(a).toBe('20250615T120000000Z-abababababababab');
    expect(isSnapshotId(a)).toBe(true);
    expect(parseSnapshotId(a)).toEqual({ time: NOW, hash: 'abababababababab' });
    expect(a < b).toBe(true);
    for (const bad of ['../x', '20250615T120000000Z-abab', '20250615T120000000Z-abababababababab.md', '']) expect(isSnapshotId(bad)).toBe(false);
  });
});

describe('lineDiff', () => {
  it('marks added, removed and same lines with their line numbers', () => {
    const d = lineDiff('a\nb\nc\n', 'a\nB\nc\nd\n');
    expect(d.lines).toEqual([
      { kind: 'same', text: 'a', oldLine: 1, newLine: 1 },
      { kind: 'removed', text: 'b', oldLine: 2, newLine: null },
      { kind: 'added', text: 'B', oldLine: null, newLine: 2 },
      { kind: 'same', text: 'c', oldLine: 3, newLine: 3 },
      { kind: 'added', text: 'd', oldLine: null, newLine: 4 },
    ]);
    expect([d.added, d.removed, d.gaveUp]).toEqual([2, 1, false]);
  });

  it('treats CRLF as LF, a missing final newline as none, and empty texts', () => {
    expect(lineDiff('x\r\ny\r\n', 'x\ny').lines.every((l) => l.kind === 'same')).toBe(true);
    expect(lineDiff('', 'one\ntwo').lines.map((l) => l.kind)).toEqual(['added', 'added']);
    expect(lineDiff('one\n', '').lines.map((l) => l.kind)).toEqual(['removed']);
    expect(lineDiff('', '').lines).toEqual([]);
  });

  it('diffs a 3,000-line recap with a few edits', () => {
    const before = Array.from({ length: 3000 }, (_, i) => `Line ${i} of the recap, with some words.`).join('\n');
    const after = before.replace('Line 10 of', 'Line ten of').replace('Line 2500 of', 'Line 2,500 of') + '\nA new closing line.';
    const d = lineDiff(before, after);
    expect([d.added, d.removed]).toEqual([3, 2]);
  });

  it('marks the words that changed inside an edited line, and leaves replaced lines whole', () => {
    const before = 'Intro.\nOver 400 people came to the first KCD in Beijing.\nThanks!\n';
    const after = 'Intro.\nOver 500 people came to the second KCD in Beijing.\nSomething else entirely.\n';
    const d = lineDiff(before, after);
    const changed = (kind: 'added' | 'removed') =>
      d.lines.filter((l) => l.kind === kind && l.words).map((l) => l.words!.filter((w) => w.changed).map((w) => w.text));
    expect(changed('removed')).toEqual([['400', 'first']]);
    expect(changed('added')).toEqual([['500', 'second']]);
    // Each side still reads as its whole line.
    for (const l of d.lines) if (l.words) expect(l.words.map((w) => w.text).join('')).toBe(l.text);
    // "Thanks!" → "Something else entirely.": nothing in common, shown as whole lines.
    expect(d.lines.filter((l) => l.text === 'Thanks!' || l.text === 'Something else entirely.').every((l) => l.words === undefined)).toBe(true);
  });
});
