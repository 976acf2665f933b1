import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { editorBody } from '../../../electron/core/frontmatter/split';
import { countWords, formatWordCount, readableText } from '../../../electron/core/markdown/word-count';

// Counted by hand from the fixture's body: its words with the link text, without the six image
// lines, the link's URL or the bare download URL.
const REFERENCE_WORDS = 296;
const FIXTURE = readFileSync(new URL('../../fixtures/kubernetes-community-days-china.md', import.meta.url), 'utf8');

describe('countWords', () => {
  it('counts English words, not Markdown syntax', () => {
    expect(countWords('## The **first** KCD in _Beijing_\n\n- one talk\n- two `panels`\n1. Keynote\n> A quote — here').words).toBe(13);
  });

  it('counts a link by its text, never its URL; images and bare URLs are not words', () => {
    const body = 'See [the KCD site](https://community.cncf.io/kubernetes-community-days/about-kcd/ "About KCD") and <https://example.com/a/b>.\n\n![Keynote stage in Beijing](/images/news/kcd/stage.png)\n\nMore at https://cncf.io/some/long/path now.\n\n[ref]: https://example.com/ref';
    expect(readableText(body)).not.toMatch(/https?:|stage\.png|Keynote/);
    expect(countWords(body).words).toBe(8);
  });

  it('counts each Chinese character as a word, and mixed text per script', () => {
    expect(countWords('首届中国 Kubernetes 社区日在北京成功举办。').words).toBe(4 + 1 + 10);
    expect(countWords('首届中国 Kubernetes 社区日在北京成功举办。').cjk).toBe(14);
    expect(countWords('こんにちは、世界').words).toBe(7);
  });

  it('keeps contractions, hyphenated words and numbers whole; skips HTML, comments and tables rules', () => {
    expect(countWords("It's cloud-native, 3.5 times <b>faster</b>.<!-- not this -->").words).toBe(5);
    expect(countWords('| Talk | Speaker |\n|---|:---:|\n| Keynote | Jim |').words).toBe(4);
  });

  it('gives reading time at 230 words and 400 CJK characters a minute, rounded up', () => {
    expect(countWords('')).toEqual({ words: 0, cjk: 0, minutes: 0 });
    expect(countWords('word '.repeat(230)).minutes).toBe(1);
    expect(countWords('word '.repeat(231)).minutes).toBe(2);
    expect(countWords('字'.repeat(800)).minutes).toBe(2);
  });

  it('counts the reference recap body, front matter excluded', () => {
    const body = editorBody(FIXTURE);
    const count = countWords(body);
    // Front matter words ("Lindsay", the description) are not counted.
    expect(countWords(FIXTURE).words).toBeGreaterThan(count.words);
    expect(count).toEqual({ words: REFERENCE_WORDS, cjk: 0, minutes: Math.ceil(REFERENCE_WORDS / 230) });
  });
});

describe('formatWordCount', () => {
  it('reads as the status bar shows it', () => {
    expect(formatWordCount('en', { words: 1234, cjk: 0, minutes: 6 })).toBe('1,234 words · 6 min read');
    expect(formatWordCount('en', { words: 1, cjk: 0, minutes: 1 })).toBe('1 word · 1 min read');
    expect(formatWordCount('en', { words: 0, cjk: 0, minutes: 0 })).toBe('0 words');
    expect(formatWordCount('zh-CN', { words: 1234, cjk: 1234, minutes: 4 })).toBe('1,234 字 · 阅读约 4 分钟');
  });
});
