// Find and replace in the Markdown text: the matching rules and the replacement text.
import { describe, expect, it } from 'vitest';
import { formatMsg } from '../../../electron/core/i18n/messages';
import { expandReplacement, findMatches, isWholeWord, matchIndexFrom, replaceAll, replaceMatch } from '../../../electron/core/markdown/find';
import type { FindOptions } from '../../../electron/core/markdown/find';

const PLAIN: FindOptions = { matchCase: false, wholeWord: false, regex: false };
const spans = (text: string, query: string, options: Partial<FindOptions> = {}): string[] => {
  const r = findMatches(text, query, { ...PLAIN, ...options });
  if (!r.ok) throw new Error(r.error);
  return r.matches.map((m) => text.slice(m.start, m.end));
};
const starts = (text: string, query: string, options: Partial<FindOptions> = {}): number[] => {
  const r = findMatches(text, query, { ...PLAIN, ...options });
  if (!r.ok) throw new Error(r.error);
  return r.matches.map((m) => m.start);
};

describe('finding', () => {
  it('ignores case unless asked, and takes the query literally outside regex mode', () => {
    expect(spans('KCD, kcd and Kcd', 'kcd')).toEqual(['KCD', 'kcd', 'Kcd']);
    expect(spans('KCD, kcd and Kcd', 'kcd', { matchCase: true })).toEqual(['kcd']);
    expect(starts('a.b (a+b) [x] $1 a-b', '(a+b)')).toEqual([4]);
    expect(starts('a.b axb', 'a.b')).toEqual([0]);
    expect(starts('see [x] and [x]', '[x]')).toEqual([4, 12]);
    expect(starts('a-b c/d', 'a-b')).toEqual([0]);
    expect(starts('a-b c/d', 'c/d')).toEqual([4]);
  });

  it('finds nothing for an empty query, and never counts an empty match', () => {
    expect(findMatches('text', '', PLAIN)).toEqual({ ok: true, matches: [], truncated: false });
    expect(spans('one\ntwo', '^', { regex: true })).toEqual([]);
    expect(spans('baaa b', 'a*', { regex: true })).toEqual(['aaa']);
    expect(spans('一二三', 'x*', { regex: true })).toEqual([]);
  });

  it('matches whole words in English and next to Chinese text', () => {
    const text = 'Kubernetes and kubernetes-based KubernetesX; Kubernetes社区 and 社区Kubernetes';
    expect(starts(text, 'kubernetes', { wholeWord: true })).toEqual([0, 15, 45, 64]);
    // Chinese has no spaces between words: every position next to a Han character is a boundary.
    expect(spans('中国云原生社区活动', '社区', { wholeWord: true })).toEqual(['社区']);
    expect(spans('在北京举办的KCD活动', 'KCD', { wholeWord: true })).toEqual(['KCD']);
    expect(isWholeWord('cat catalog', 4, 7)).toBe(false);
    expect(isWholeWord('cat catalog', 0, 3)).toBe(true);
    // Accented letters are letters: "café" is not "caf" + a boundary.
    expect(spans('café caf', 'caf', { wholeWord: true })).toEqual(['caf']);
    expect(starts('café caf', 'caf', { wholeWord: true })).toEqual([5]);
  });

  it('keeps looking after a match that is not a whole word', () => {
    expect(spans('ab abc ab', 'ab\\w*', { regex: true, wholeWord: true })).toEqual(['ab', 'abc', 'ab']);
    expect(starts('xab ab', 'ab', { wholeWord: true })).toEqual([4]);
  });

  it('uses regular expressions with lines, classes and Unicode', () => {
    expect(spans('## One\ntext\n## Two', '^## (\\w+)$', { regex: true })).toEqual(['## One', '## Two']);
    expect(spans('photos: 12 and 300', '\\d+', { regex: true })).toEqual(['12', '300']);
    expect(spans('北京 and Beijing', '\\p{Script=Han}+', { regex: true })).toEqual(['北京']);
  });

  it('reports an invalid regular expression as a sentence, not an exception', () => {
    const r = findMatches('text', '(unclosed', { ...PLAIN, regex: true });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^Not a valid regular expression: .+\.$/);
    // The page says it in the reader's language from the same message.
    if (!r.ok) expect(formatMsg('zh-CN', r.msg)).toMatch(/^不是有效的正则表达式：.+。$/);
    // The same characters are plain text outside regex mode.
    expect(spans('an (unclosed paren', '(unclosed')).toEqual(['(unclosed']);
  });

  it('stops counting at the limit and says so', () => {
    const r = findMatches('a'.repeat(50), 'a', PLAIN, 10);
    expect(r.ok && r.matches.length).toBe(10);
    expect(r.ok && r.truncated).toBe(true);
  });
});

describe('replacing', () => {
  const RE: FindOptions = { ...PLAIN, regex: true };

  it('expands $1, $<name>, $& and $$ in regex mode only', () => {
    const text = 'date: 2021-11-02';
    const r = findMatches(text, '(?<y>\\d{4})-(\\d{2})-(\\d{2})', RE);
    if (!r.ok) throw new Error(r.error);
    const m = r.matches[0]!;
    expect(expandReplacement(text, m, '$3.$2.$<y>', RE)).toBe('02.11.2021');
    expect(expandReplacement(text, m, '[$&] costs $$5', RE)).toBe('[2021-11-02] costs $5');
    expect(expandReplacement(text, m, '$9 $<nope>', RE)).toBe('$9 $<nope>');
    expect(expandReplacement(text, m, 'a\\nb\\tc', RE)).toBe('a\nb\tc');
    // "$12" with three groups: group 1, then "2".
    expect(expandReplacement(text, m, '$12', RE)).toBe('20212');
    expect(expandReplacement(text, m, '$1 and \\n', PLAIN)).toBe('$1 and \\n');
  });

  it('replaces one match and says where the search goes on', () => {
    const text = 'KCD Beijing, KCD Shanghai';
    const r = findMatches(text, 'KCD', PLAIN);
    if (!r.ok) throw new Error(r.error);
    expect(replaceMatch(text, r.matches[1]!, 'Kubernetes Community Days', PLAIN)).toEqual({ text: 'KCD Beijing, Kubernetes Community Days Shanghai', end: 38 });
  });

  it('replaces all matches at once, with groups', () => {
    expect(replaceAll('![a](/x/a.png) ![b](/x/b.png)', '/x/(\\w+)\\.png', '/images/news/kcd/$1.jpg', RE)).toEqual({ text: '![a](/images/news/kcd/a.jpg) ![b](/images/news/kcd/b.jpg)', count: 2 });
    expect(replaceAll('cat catalog cat', 'cat', 'dog', { ...PLAIN, wholeWord: true })).toEqual({ text: 'dog catalog dog', count: 2 });
    expect(replaceAll('nothing here', 'kcd', 'x', PLAIN)).toEqual({ text: 'nothing here', count: 0 });
    expect(replaceAll('x', '[', 'y', RE)).toEqual({ error: expect.stringMatching(/^Not a valid regular expression/) });
    // Past the count's limit: all of them.
    const many = replaceAll('a'.repeat(20_000), 'a', 'b', PLAIN);
    expect('text' in many && many.count).toBe(20_000);
  });
});

describe('going from match to match', () => {
  const r = findMatches('a_a_a', 'a', PLAIN);
  const matches = r.ok ? r.matches : [];
  it('goes to the next match at or after the caret, wrapping at the end', () => {
    expect(matchIndexFrom(matches, 0, 'next')).toBe(0);
    expect(matchIndexFrom(matches, 1, 'next')).toBe(1);
    expect(matchIndexFrom(matches, 5, 'next')).toBe(0);
  });
  it('goes to the previous match before the caret, wrapping at the start', () => {
    expect(matchIndexFrom(matches, 0, 'previous')).toBe(2);
    expect(matchIndexFrom(matches, 2, 'previous')).toBe(0);
    expect(matchIndexFrom(matches, 3, 'previous')).toBe(1);
    expect(matchIndexFrom([], 3, 'previous')).toBe(-1);
  });
});
