// The preview's blocks kept across edits: after any edit they are what a whole cut of the new
// body gives (the blocks, the lines scroll sync pairs them with, and their keys).
import { describe, expect, it } from 'vitest';
import { blockSource, hashText, splitBlocks } from '../../../electron/core/markdown/markdown-blocks';
import { nextBlockCut } from '../../../renderer/preview/blockItems';
import type { BlockCut } from '../../../renderer/preview/blockItems';
import { randomEdits, referenceBody as reference } from '../support/random-edits';

/** What the preview rendered from a whole cut of the body before blocks were kept across edits. */
function wholeItems(body: string): { key: string; source: string; line: number }[] {
  const { blocks, lines, definitions } = splitBlocks(body);
  const seen = new Map<string, number>();
  return blocks.map((block, i) => {
    const source = blockSource(block, definitions);
    const hash = hashText(source);
    const n = seen.get(hash) ?? 0;
    seen.set(hash, n + 1);
    return { key: `${hash}.${n}`, source, line: lines[i] ?? 1 };
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
  expect(cut.items, what).toEqual(wholeItems(body));
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
    // A new line inside that paragraph: the blocks after it keep their text and move one line down.
    const split = typed.indexOf(' word') + 1;
    const third = nextBlockCut(second, `${typed.slice(0, split)}\n${typed.slice(split)}`);
    const at = third.items.findIndex((item) => item.source.includes(' \nword'));
    expect(at).toBeGreaterThan(0);
    expect(third.items.slice(0, at)).toEqual(second.items.slice(0, at));
    expect(third.items.slice(at + 1).map((item) => item.line)).toEqual(second.items.slice(at + 1).map((item) => item.line + 1));
  });
});
