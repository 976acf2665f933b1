// Undo and redo for the whole recap: one stack for the text, the form and photo gestures,
// because they all edit the same string. Typing is undone by runs (as in every editor a
// writer knows), not one character at a time; a pause, a new line or a jump elsewhere ends
// a run. Pure: the renderer owns the keys and the caret.

/** What changed between two texts: `removed` characters at `start` became `inserted`. */
export interface TextChange {
  start: number;
  removed: string;
  inserted: string;
}

/**
 * Characters compared at once: a slice is a view of its string and `===` compares it natively,
 * about ten times faster over a long recap than comparing one character code at a time.
 */
const RUN = 512;

/** The smallest change turning `before` into `after` (common prefix and suffix trimmed). */
export function changeBetween(before: string, after: string): TextChange {
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start + RUN <= max && before.slice(start, start + RUN) === after.slice(start, start + RUN)) start += RUN;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  const room = max - start;
  let tail = 0;
  while (tail + RUN <= room && before.slice(before.length - tail - RUN, before.length - tail) === after.slice(after.length - tail - RUN, after.length - tail)) tail += RUN;
  while (tail < room && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { start, removed: before.slice(start, before.length - tail), inserted: after.slice(start, after.length - tail) };
}

interface Entry {
  before: string;
  after: string;
  /** Edits of the same group (e.g. "body", "field:title") may join into one run. */
  group: string | null;
  time: number;
  /** Where the caret stood after the last edit of the run, in `after`. */
  end: number;
}

/** A state to show after undo or redo: the text and where the caret goes in it. */
export interface HistoryStep {
  text: string;
  caret: number;
}

export const RUN_PAUSE_MS = 1000;
const MAX_ENTRIES = 300;

export class EditHistory {
  private done: Entry[] = [];
  private undone: Entry[] = [];

  /** Records an edit; typing that continues the last run of its group joins it. */
  record(before: string, after: string, group: string | null, now: number): void {
    if (before === after) return;
    const change = changeBetween(before, after);
    const end = change.start + change.inserted.length;
    this.undone = [];
    const last = this.done[this.done.length - 1];
    if (last && group !== null && last.group === group && last.after === before && now - last.time < RUN_PAUSE_MS && continuesRun(last, change)) {
      last.after = after;
      last.time = now;
      last.end = end;
      return;
    }
    this.done.push({ before, after, group, time: now, end });
    if (this.done.length > MAX_ENTRIES) this.done.splice(0, this.done.length - MAX_ENTRIES);
  }

  /** The next edit starts a run of its own (e.g. after the caret was moved by a click). */
  seal(): void {
    const last = this.done[this.done.length - 1];
    if (last) last.group = null;
  }

  canUndo(): boolean {
    return this.done.length > 0;
  }

  canRedo(): boolean {
    return this.undone.length > 0;
  }

  /** The text before the last run, when `current` is still the text that run left. */
  undo(current: string): HistoryStep | null {
    const entry = this.done[this.done.length - 1];
    if (!entry || entry.after !== current) return null;
    this.done.pop();
    this.undone.push(entry);
    const change = changeBetween(entry.after, entry.before);
    return { text: entry.before, caret: change.start + change.inserted.length };
  }

  redo(current: string): HistoryStep | null {
    const entry = this.undone[this.undone.length - 1];
    if (!entry || entry.before !== current) return null;
    this.undone.pop();
    this.done.push({ ...entry, group: null });
    return { text: entry.after, caret: entry.end };
  }

  clear(): void {
    this.done = [];
    this.undone = [];
  }
}

/**
 * Typing on from where the run stopped, or deleting backwards from there; a new line ends a run.
 * An input method replaces the word it is composing at every step ("に", "にほん", then "日本"):
 * text the run itself typed, replaced up to where the run stopped, stays in the run, so undo
 * never brings back a half-composed word.
 */
function continuesRun(last: Entry, change: TextChange): boolean {
  if (change.inserted.includes('\n')) return false;
  const typedOn = change.removed === '' && change.start === last.end;
  const deletedBack = change.inserted === '' && !change.removed.includes('\n') && (change.start + change.removed.length === last.end || change.start === last.end);
  const replacedOwn = change.removed !== '' && change.inserted !== '' && change.start + change.removed.length === last.end && change.start >= changeBetween(last.before, last.after).start;
  return typedOn || deletedBack || replacedOwn;
}
