// The preview's blocks and the body lines they start on (scroll sync pairs them with the editor's lines).
import { describe, expect, it } from 'vitest';
import { splitBlocks } from '../../../electron/core/markdown/markdown-blocks';

describe('block lines', () => {
  it('gives each block the line it starts on, past blank lines, fences and loose lists', () => {
    const body = ['', '## Title', '', 'One', 'two', '', '', '```', 'code', '', 'more', '```', '', '- a', '', '- b', '', '[x]: /x.png', 'Last'].join('\n');
    const { blocks, lines } = splitBlocks(body);
    expect(blocks).toEqual(['## Title', 'One\ntwo', '```\ncode\n\nmore\n```', '- a\n\n- b', '[x]: /x.png\nLast']);
    expect(lines).toEqual([2, 4, 8, 14, 18]);
    for (const [i, block] of blocks.entries()) expect(body.split('\n')[lines[i]! - 1]).toBe(block.split('\n')[0]);
  });
});
