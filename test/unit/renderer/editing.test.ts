// The editor's writing habits: Enter in lists and undo by typing runs (pure modules of the renderer).
import { describe, expect, it } from 'vitest';
import { changeBetween, EditHistory, RUN_PAUSE_MS } from '../../../renderer/workspace/editing/editHistory';
import { enterInList } from '../../../renderer/workspace/editing/lists';

function enter(text: string, caret = text.length): { text: string; caret: number } {
  const e = enterInList(text, caret);
  if (!e) return { text: `${text.slice(0, caret)}\n${text.slice(caret)}`, caret: caret + 1 };
  return { text: text.slice(0, e.from) + e.insert + text.slice(e.to), caret: e.caret };
}

describe('Enter in a list', () => {
  it('continues bullets, numbers and task lists with the same marker and indent', () => {
    expect(enter('- one')).toEqual({ text: '- one\n- ', caret: 8 });
    expect(enter('* one')).toEqual({ text: '* one\n* ', caret: 8 });
    expect(enter('  + nested')).toEqual({ text: '  + nested\n  + ', caret: 15 });
    expect(enter('9. nine')).toEqual({ text: '9. nine\n10. ', caret: 12 });
    expect(enter('1) first')).toEqual({ text: '1) first\n2) ', caret: 12 });
    expect(enter('- [x] done')).toEqual({ text: '- [x] done\n- [ ] ', caret: 17 });
  });

  it('ends the list on an empty item: the marker goes and the caret starts a paragraph after a blank line', () => {
    const typed = enter(enter('- one').text);
    expect(typed).toEqual({ text: '- one\n\n', caret: 7 });
    // With a blank line already below: no second one.
    const text = '- one\n- \n\nNext paragraph';
    expect(enter(text, 8)).toEqual({ text: '- one\n\n\nNext paragraph', caret: 7 });
    expect(enter('1. one\n2. ')).toEqual({ text: '1. one\n\n', caret: 8 });
  });

  it('leaves Enter alone outside lists, in the middle of a marker and in an empty item before its end', () => {
    expect(enterInList('Plain words', 5)).toBeNull();
    expect(enterInList('- one', 1)).toBeNull();
    expect(enterInList('-  ', 2)).toBeNull();
    expect(enterInList('---', 3)).toBeNull();
  });

  it('splits an item in the middle into two items', () => {
    expect(enter('- one two', 6)).toEqual({ text: '- one \n- two', caret: 9 });
  });
});

describe('undo by typing runs', () => {
  /** Types `words` one character at a time, `gap` ms apart, from the end of `start`. */
  function type(h: EditHistory, start: string, words: string, t0: number, gap = 50): { text: string; t: number } {
    let text = start;
    let t = t0;
    for (const ch of words) {
      const next = text + ch;
      h.record(text, next, 'body', t);
      text = next;
      t += gap;
    }
    return { text, t };
  }

  it('undoes a run of typing at once, and a pause starts a new run', () => {
    const h = new EditHistory();
    const a = type(h, 'Intro.', ' Hello world', 0);
    const b = type(h, a.text, ' again', a.t + RUN_PAUSE_MS + 1);
    expect(h.undo(b.text)).toEqual({ text: 'Intro. Hello world', caret: 18 });
    expect(h.undo('Intro. Hello world')).toEqual({ text: 'Intro.', caret: 6 });
    expect(h.undo('Intro.')).toBeNull();
    expect(h.redo('Intro.')).toEqual({ text: 'Intro. Hello world', caret: 18 });
    expect(h.redo('Intro. Hello world')).toEqual({ text: 'Intro. Hello world again', caret: 24 });
  });

  it('ends a run at a new line, at a jump elsewhere and at another group', () => {
    const h = new EditHistory();
    const a = type(h, 'x', 'ab', 0);
    h.record(a.text, `${a.text}\n`, 'body', a.t);
    const b = type(h, `${a.text}\n`, 'cd', a.t + 10);
    // A jump: typing at the start is not contiguous with the run.
    h.record(b.text, `Z${b.text}`, 'body', b.t);
    h.record(`Z${b.text}`, `Z${b.text}`.replace('x', 'x!'), 'field:title', b.t + 1);
    const steps: string[] = [];
    let cur = `Z${b.text}`.replace('x', 'x!');
    for (let s = h.undo(cur); s; s = h.undo(cur)) {
      cur = s.text;
      steps.push(cur);
    }
    // A new line starts a run (the words typed after it belong to it).
    expect(steps).toEqual(['Zxab\ncd', 'xab\ncd', 'xab', 'x']);
  });

  it('keeps a word composed with an input method in its run, but not a replacement of older text', () => {
    const h = new EditHistory();
    const a = type(h, 'Intro.', ' Tokyo ', 0);
    // The composition's steps replace the word it is making, then the committed word replaces it.
    h.record(a.text, `${a.text}に`, 'body', a.t);
    h.record(`${a.text}に`, `${a.text}にほん`, 'body', a.t + 10);
    h.record(`${a.text}にほん`, `${a.text}日本`, 'body', a.t + 20);
    const b = type(h, `${a.text}日本`, ' 2026', a.t + 30);
    expect(h.undo(b.text)).toEqual({ text: 'Intro.', caret: 6 });
    // A selection from before the run up to where it stopped, typed over: an edit of its own.
    const c = type(h, 'Intro.', ' again', 0);
    h.record(c.text, 'IntrX', 'body', c.t);
    expect(h.undo('IntrX')).toEqual({ text: c.text, caret: c.text.length });
    expect(h.undo(c.text)).toEqual({ text: 'Intro.', caret: 6 });
  });

  it('joins a run of Backspace presses, records form edits and undoes a restored version', () => {
    const h = new EditHistory();
    h.record('hello', 'hell', 'body', 0);
    h.record('hell', 'hel', 'body', 10);
    h.record('hel', 'help', null, 20);
    expect(h.undo('help')).toEqual({ text: 'hel', caret: 3 });
    expect(h.undo('hel')).toEqual({ text: 'hello', caret: 5 });
  });

  it('refuses to undo onto a text it did not leave, and a new edit drops the redo list', () => {
    const h = new EditHistory();
    h.record('a', 'ab', 'body', 0);
    expect(h.undo('something else')).toBeNull();
    expect(h.undo('ab')).toEqual({ text: 'a', caret: 1 });
    h.record('a', 'ac', 'body', 5000);
    expect(h.redo('ac')).toBeNull();
    expect(h.canUndo()).toBe(true);
  });

  it('finds the smallest change between two texts', () => {
    expect(changeBetween('abcdef', 'abXYef')).toEqual({ start: 2, removed: 'cd', inserted: 'XY' });
    expect(changeBetween('aaa', 'aaaa')).toEqual({ start: 3, removed: '', inserted: 'a' });
  });

  it('finds the same change in a long text wherever it falls, at the edges of the runs it compares at once', () => {
    const text = Array.from({ length: 400 }, (_, i) => `Line ${i} of the recap, with some words.\n`).join('');
    for (const at of [0, 1, 511, 512, 513, 1023, 1024, 5000, text.length - 513, text.length - 512, text.length - 1, text.length]) {
      for (const [removed, inserted] of [['', 'x'], ['', 'new words\n'], [text.slice(at, at + 3), ''], [text.slice(at, at + 700), 'Y']] as const) {
        const after = text.slice(0, at) + inserted + text.slice(at + removed.length);
        const change = changeBetween(text, after);
        // Whatever the trimming found, it must turn one text into the other, and be no larger.
        expect(text.slice(0, change.start) + change.inserted + text.slice(change.start + change.removed.length)).toBe(after);
        expect(change.removed.length).toBeLessThanOrEqual(removed.length);
        expect(change.inserted.length).toBeLessThanOrEqual(inserted.length);
      }
    }
    // Repeated text: the prefix is taken greedily, as one character at a time would.
    const same = 'a'.repeat(2000);
    expect(changeBetween(same, same + 'a')).toEqual({ start: 2000, removed: '', inserted: 'a' });
    expect(changeBetween(same, 'a'.repeat(1500))).toEqual({ start: 1500, removed: 'a'.repeat(500), inserted: '' });
  });
});
