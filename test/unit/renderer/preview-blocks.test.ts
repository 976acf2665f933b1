// The preview's blocks kept across edits: after any edit they are what a whole cut of the new
// body gives (the blocks and the lines scroll sync pairs them with), each with a key of its own
// that it keeps while it is typed in.
import { describe, expect, it } from 'vitest';
import { blockSource, hashText, splitBlocks } from '../../../electron/core/markdown/markdown-blocks';
import { nextBlockCut } from '../../../renderer/preview/blockItems';
import type { BlockCut } from '../../../renderer/preview/blockItems';
import { randomEdits, referenceBody as reference } from '../support/random-edits';

/** What the preview rendered from a whole cut of the body before blocks were kept across edits. */
function wholeItems(body: string): { source: string; line: number; hash: string }[] {
  const { blocks, lines, definitions } = splitBlocks(body);
  return blocks.map((block, i) => {
    const source = blockSource(block, definitions);
    return { source, line: lines[i] ?? 1, hash: hashText(source) };
  });
}

// What joins, splits and reshapes blocks: blank lines, fences, raw HTML that runs to its closing
// tag, containers, list items, indented continuations, link and footnote definitions.
const PIECES = ['a', ' word', '\n', '\n\n', '\n\n\n', '```', '\n```\n', '~~~\n', '<details>\n', '</details>', '\n<div>\n\n', '</div>\n', '<!--', '-->', '<pre>', '</pre>', '- ', '\n- item\n', '1. ', '    ', '\n  indented', '[x]: /u', '\n[ref]: https://example.com\n', '[^1]: note\n', '[ref]', '[^1]', '\\', '`', '#'];

const MIXED = [
  'Intro paragraph with a [ref] and a note[^1].',
  '',
  '- one',
  '',
  '- two',
  '  continued',
  '',
  '```js',
  'code',
  '',
  'more code',
  '```',
  '',
  '<details>',
  '<summary>More</summary>',
  '',
  'Inside.',
  '</details>',
  '',
  '    indented code',
  '',
  '[ref]: https://example.com',
  '[^1]: The note.',
  '',
  'Last paragraph.',
  '',
].join('\n');

function check(cut: BlockCut, body: string, what: string): void {
  expect(cut.body, what).toBe(body);
  expect(
    cut.items.map(({ source, line }, i) => ({ source, line, hash: cut.hashes[i] })),
    what,
  ).toEqual(wholeItems(body));
  expect(new Set(cut.items.map((item) => item.key)).size, `${what}: keys unique`).toBe(cut.items.length);
}

describe('nextBlockCut', () => {
  for (const [name, doc] of [
    ['the reference recap ×3', reference.repeat(3)],
    ['a body with lists, fences, HTML blocks and definitions ×4', MIXED.repeat(4)],
  ] as const) {
    it(`equals a whole cut after every edit of a long run of random edits: ${name}`, () => {
      for (const seed of [1, 2, 3, 4]) {
        let cut = nextBlockCut(null, doc);
        check(cut, doc, `seed ${seed}, start`);
        let i = 0;
        for (const body of randomEdits(doc, seed, 250, PIECES, 30)) {
          cut = nextBlockCut(cut, body);
          check(cut, body, `seed ${seed}, edit ${i++}`);
        }
      }
    });
  }

  it('joins a block to the one before when its first line becomes a list item or a continuation', () => {
    for (const [body, at, insert] of [
      ['- one\n\nPara\n\nEnd\n', 7, '- '],
      ['Intro\n\nPara\n\nEnd\n', 7, '  '],
      ['- one\n\n- two\n\nEnd\n', 7, 'x'],
    ] as const) {
      const first = nextBlockCut(null, body);
      const edited = body.slice(0, at) + insert + body.slice(at);
      check(nextBlockCut(first, edited), edited, JSON.stringify(edited));
    }
  });

  it('keeps the items of the blocks a keystroke did not touch, lines shifted after a new line', () => {
    const body = reference.repeat(2);
    const first = nextBlockCut(null, body);
    // In the second copy: the first copy's blocks keep their keys (a block's key counts the same blocks before it).
    const para = body.indexOf('\n', reference.length + body.slice(reference.length).search(/^[A-Za-z].{80,}$/m));
    const typed = `${body.slice(0, para)} word${body.slice(para)}`;
    const second = nextBlockCut(first, typed);
    const changed = second.items.filter((item, i) => item !== first.items[i]);
    expect(changed).toHaveLength(1);
    expect(changed[0]!.source).toContain(' word');
    // The block typed into keeps its key: the preview updates its element instead of replacing it.
    expect(second.items.map((item) => item.key)).toEqual(first.items.map((item) => item.key));
    // A new line inside that paragraph: the blocks after it keep their text and move one line down.
    const split = typed.indexOf(' word') + 1;
    const third = nextBlockCut(second, `${typed.slice(0, split)}\n${typed.slice(split)}`);
    const at = third.items.findIndex((item) => item.source.includes(' \nword'));
    expect(at).toBeGreaterThan(0);
    expect(third.items.slice(0, at)).toEqual(second.items.slice(0, at));
    expect(third.items.slice(at + 1).map((item) => item.line)).toEqual(second.items.slice(at + 1).map((item) => item.line + 1));
    expect(third.items.map((item) => item.key)).toEqual(second.items.map((item) => item.key));
    // A blank line splits it in two: the first half keeps its key, the second half gets a new one.
    const fourth = nextBlockCut(third, `${typed.slice(0, split)}\n\n${typed.slice(split)}`);
    expect(fourth.items.length).toBe(third.items.length + 1);
    expect(fourth.items[at]!.key).toBe(third.items[at]!.key);
    expect(fourth.items.slice(at + 2).map((item) => item.key)).toEqual(third.items.slice(at + 1).map((item) => item.key));
    expect(third.items.map((item) => item.key)).not.toContain(fourth.items[at + 1]!.key);
  });

  it('keeps the key of a paragraph with a photo through a run of typing in it, and of the blocks around it', () => {
    const body = 'Intro.\n\nThe keynote ![Keynote](/images/news/kcd-china/keynote.png) and\n\nEnd.\n';
    let cut = nextBlockCut(null, body);
    const keys = cut.items.map((item) => item.key);
    let text = body;
    let at = body.indexOf(' and\n') + 4;
    for (const ch of ' the hall was full') {
      text = text.slice(0, at) + ch + text.slice(at);
      at++;
      cut = nextBlockCut(cut, text);
      expect(cut.items.map((item) => item.key)).toEqual(keys);
    }
    expect(cut.items[1]!.source).toContain('and the hall was full');
  });

  it('a whole cut (a changed link definition) keeps the keys of blocks whose text did not change', () => {
    const body = 'One.\n\nTwo [ref].\n\n[ref]: https://a.example\n';
    const first = nextBlockCut(null, body);
    const edited = body.replace('https://a.example', 'https://b.example');
    const second = nextBlockCut(first, edited);
    expect(second.items[0]!.key).toBe(first.items[0]!.key);
    expect(new Set(second.items.map((item) => item.key)).size).toBe(second.items.length);
  });
});
