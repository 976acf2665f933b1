// The body's word count, kept across edits: the body is cut into blocks as the preview cuts it,
// and a block counted before is not counted again. Blocks cut at blank lines add up to the count
// of the whole body (see WordParts); when one leaves a comment or a tag open, the whole body is
// counted instead. An edit recounts a block or two instead of the whole body (≈30 ms at 3,700
// lines, in one task that a keystroke typed just then would wait behind).
import { countWords, wordParts, wordsOf } from '../../electron/core/markdown/word-count';
import type { WordCount, WordParts } from '../../electron/core/markdown/word-count';
import { nextBlockCut } from '../preview/blockItems';
import type { BlockCut } from '../preview/blockItems';

export interface BlockWords {
  cut: BlockCut | null;
  /** Each block's parts by its text (the blocks of the last count only). */
  parts: Map<string, WordParts>;
  count: WordCount | null;
}

export function nextBlockWords(last: BlockWords | null, body: string): BlockWords {
  const cut = nextBlockCut(last?.cut ?? null, body);
  const known = last?.parts;
  const parts = new Map<string, WordParts>();
  let open = false;
  for (const block of cut.blocks) {
    const p = parts.get(block) ?? known?.get(block) ?? wordParts(block);
    parts.set(block, p);
    open ||= p.open;
  }
  return { cut, parts, count: open ? countWords(body) : wordsOf(cut.blocks.map((b) => parts.get(b)!)) };
}
