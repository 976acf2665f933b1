// The status bar's word count, kept across edits by blocks: after any edit it is the whole body's count.
import { describe, expect, it } from 'vitest';
import { countWords } from '../../../electron/core/markdown/word-count';
import { nextBlockWords } from '../../../renderer/workspace/blockWordCount';
import type { BlockWords } from '../../../renderer/workspace/blockWordCount';
import { randomEdits, referenceBody as reference } from '../support/random-edits';

// Comments and tags that open in one block and close in another, URLs that eat a tag's ">",
// CJK text, links, fences and blank lines that cut and join blocks.
const PIECES = ['a', ' word', ' 会议', '\n', '\n\n', '<!--', '-->', '<!-- note -->', '<b>', '</b>', '<a href=', '>', '<span\n\n', ' http://x.io/a>', '<https://x.io>', '[t](u)', '![i](u)', '```\n', '**', '\\', '&amp;', '- ', '# '];

describe('nextBlockWords', () => {
  for (const [name, doc] of [
    ['the reference recap ×2', reference.repeat(2)],
    ['a body with comments and tags across blank lines', 'One <!-- a\n\nb --> two.\n\n<span title="x\n\ny">three</span>\n\nFour 五六.\n\n<a href=http://x.io>five</a>\n'.repeat(3)],
  ] as const) {
    it(`equals the whole body's count after every edit of a long run of random edits: ${name}`, () => {
      for (const seed of [1, 2, 3]) {
        let last: BlockWords | null = nextBlockWords(null, doc);
        expect(last.count).toEqual(countWords(doc));
        let i = 0;
        for (const body of randomEdits(doc, seed, 200, PIECES, 30)) {
          last = nextBlockWords(last, body);
          expect(last.count, `seed ${seed}, edit ${i++}`).toEqual(countWords(body));
        }
      }
    });
  }

  it('counts a comment or a tag that runs over a blank line as the whole body does', () => {
    for (const body of ['a <!-- b\n\nc --> d\n', 'a <span title="b\n\nc">d</span>\n', 'a <a href=http://x.io>b\n\nc> d\n']) {
      expect(nextBlockWords(null, body).count).toEqual(countWords(body));
    }
  });
});
