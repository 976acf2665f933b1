// A draft's history: which snapshots to keep as they age, how a snapshot is named, and the
// line diff the history panel shows against the current text.
//
// Pure module (no Node imports): the drafts store uses it to thin its history folder and the
// renderer can use `lineDiff` directly.

import { diffLines, diffWordsWithSpace } from 'diff';

export interface HistoryPolicy {
  /** At most this many snapshots are kept (the newest win). */
  max: number;
  /** Every snapshot younger than this is kept. */
  keepAllMs: number;
  /** Between keepAllMs and this age, one snapshot per `denseBucketMs`. */
  denseMs: number;
  denseBucketMs: number;
  /** Older than denseMs: one snapshot per `sparseBucketMs`. */
  sparseBucketMs: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const DEFAULT_HISTORY_POLICY: HistoryPolicy = {
  max: 50,
  keepAllMs: HOUR,
  denseMs: DAY,
  denseBucketMs: 10 * MINUTE,
  sparseBucketMs: DAY,
};

export interface SnapshotRef {
  id: string;
  /** Epoch milliseconds. */
  time: number;
}

/**
 * The snapshots to keep: all from the last hour, the newest of each 10 minutes for a day,
 * the newest of each day beyond, and never more than `max`. The newest snapshot always stays.
 */
export function thinHistory<T extends SnapshotRef>(snaps: readonly T[], now: number, policy: HistoryPolicy = DEFAULT_HISTORY_POLICY): { keep: T[]; drop: T[] } {
  const sorted = [...snaps].sort((a, b) => b.time - a.time || (a.id < b.id ? 1 : -1));
  const keep: T[] = [];
  const drop: T[] = [];
  const seen = new Set<string>();
  for (const snap of sorted) {
    const age = now - snap.time;
    let bucket: string | null = null;
    if (age >= policy.keepAllMs) {
      bucket = age < policy.denseMs ? `d${Math.floor(snap.time / policy.denseBucketMs)}` : `s${Math.floor(snap.time / policy.sparseBucketMs)}`;
    }
    const newest = keep.length === 0;
    if (!newest && (keep.length >= policy.max || (bucket !== null && seen.has(bucket)))) {
      drop.push(snap);
      continue;
    }
    if (bucket !== null) seen.add(bucket);
    keep.push(snap);
  }
  return { keep, drop };
}

/** `20250102T030405678Z-<hash>`: sorts by time as text, and says which text it holds. */
export function snapshotId(time: number, hash: string): string {
  const iso = new Date(time).toISOString(); // 2025-01-02T03:04:05.678Z
  return `${iso.replace(/[-:.]/g, '')}-${hash.slice(0, 16)}`;
}

const SNAPSHOT_ID = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z-([0-9a-f]{16})$/;

export function isSnapshotId(id: string): boolean {
  return SNAPSHOT_ID.test(id);
}

/** The time and text hash a snapshot id carries, or null for a name that is not one. */
export function parseSnapshotId(id: string): { time: number; hash: string } | null {
  const m = SNAPSHOT_ID.exec(id);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, ms, hash] = m;
  const time = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(ms));
  return Number.isNaN(time) ? null : { time, hash: hash ?? '' };
}

export interface DiffLine {
  kind: 'same' | 'added' | 'removed';
  text: string;
  /** 1-based line in the old text (same, removed) or null. */
  oldLine: number | null;
  /** 1-based line in the new text (same, added) or null. */
  newLine: number | null;
  /**
   * For a changed line that pairs with a line on the other side (a line edited, not replaced):
   * its words, those that differ marked, so a two-word change does not read as a new paragraph.
   */
  words?: WordPart[];
}

export interface WordPart {
  text: string;
  changed: boolean;
}

export interface LineDiff {
  lines: DiffLine[];
  added: number;
  removed: number;
  /** The texts were too different to diff within the time limit: shown as remove all / add all. */
  gaveUp: boolean;
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * A line diff of `before` → `after` (CRLF and LF compare equal). Bounded in time so that a
 * pathological pair cannot freeze the window: past the limit it reports every line changed.
 */
export function lineDiff(before: string, after: string, opts: { timeoutMs?: number } = {}): LineDiff {
  const a = before.replace(/\r\n/g, '\n');
  const b = after.replace(/\r\n/g, '\n');
  let changes = diffLines(a.endsWith('\n') || a === '' ? a : `${a}\n`, b.endsWith('\n') || b === '' ? b : `${b}\n`, { timeout: opts.timeoutMs ?? 500 });
  let gaveUp = false;
  if (!changes) {
    gaveUp = true;
    changes = [
      { value: a, added: false, removed: true, count: splitLines(a).length },
      { value: b, added: true, removed: false, count: splitLines(b).length },
    ];
  }
  const lines: DiffLine[] = [];
  let oldLine = 1;
  let newLine = 1;
  let added = 0;
  let removed = 0;
  for (const change of changes) {
    for (const text of splitLines(change.value)) {
      if (change.added) {
        lines.push({ kind: 'added', text, oldLine: null, newLine: newLine++ });
        added++;
      } else if (change.removed) {
        lines.push({ kind: 'removed', text, oldLine: oldLine++, newLine: null });
        removed++;
      } else {
        lines.push({ kind: 'same', text, oldLine: oldLine++, newLine: newLine++ });
      }
    }
  }
  if (!gaveUp) markWords(lines);
  return { lines, added, removed, gaveUp };
}

/** Below this share of unchanged characters, a pair of lines is a replacement, not an edit. */
const EDITED_LINE_MIN_SHARED = 0.4;
/** Word diffs cost more than line diffs: lines longer than this are shown whole. */
const WORD_DIFF_MAX_CHARS = 4000;

/**
 * Pairs each run of removed lines with the run of added lines right after it, line by line,
 * and marks the words that changed inside each pair that is an edit of the same line.
 */
function markWords(lines: DiffLine[]): void {
  for (let i = 0; i < lines.length; ) {
    if (lines[i]!.kind !== 'removed') {
      i++;
      continue;
    }
    let r = i;
    while (r < lines.length && lines[r]!.kind === 'removed') r++;
    let a = r;
    while (a < lines.length && lines[a]!.kind === 'added') a++;
    const pairs = Math.min(r - i, a - r);
    for (let k = 0; k < pairs; k++) {
      const before = lines[i + k]!;
      const after = lines[r + k]!;
      if (before.text.length + after.text.length > WORD_DIFF_MAX_CHARS) continue;
      const parts = diffWordsWithSpace(before.text, after.text);
      const shared = parts.filter((p) => !p.added && !p.removed).reduce((n, p) => n + p.value.length, 0);
      if (shared < EDITED_LINE_MIN_SHARED * Math.max(before.text.length, after.text.length)) continue;
      before.words = parts.filter((p) => !p.added).map((p) => ({ text: p.value, changed: p.removed === true }));
      after.words = parts.filter((p) => !p.removed).map((p) => ({ text: p.value, changed: p.added === true }));
    }
    i = a;
  }
}
