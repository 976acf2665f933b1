// A value keeps the quotes its author wrote while it is edited: YAML "double", 'single' and plain,
// TOML basic and literal strings.
import { describe, expect, it } from 'vitest';
import { quoteStyleOf, setField } from '../../../electron/core/frontmatter/frontmatter';

/** The title line after each value is set in turn, with the quote style passed as the form passes it. */
function typed(text: string, values: string[], quote?: 'plain' | 'double' | 'single'): string[] {
  const out: string[] = [];
  let t = text;
  for (const v of values) {
    t = setField(t, 'title', v, quote);
    out.push(t.split('\n')[1] ?? '');
  }
  return out;
}

describe('quote styles in YAML', () => {
  it('keeps the quotes of a value emptied and typed again (the other fields bare)', () => {
    expect(typed('---\ntitle: "x"\nb: plain\nc: plain\n---\n', ['', 'K'])).toEqual(['title: ""', 'title: "K"']);
    expect(typed("---\ntitle: 'x'\nb: plain\nc: plain\n---\n", ['', 'K'])).toEqual(["title: ''", "title: 'K'"]);
  });

  it('reads the style the author wrote', () => {
    const text = "---\na: \"x\"\nb: 'y'\nc: z\nd:\ne: |\n  t\nf: [1]\n---\n";
    expect(['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((k) => quoteStyleOf(text, k))).toEqual(['double', 'single', 'plain', null, null, null, null]);
  });

  it('writes the style given, quoting a bare value only when its text needs it', () => {
    const text = '---\ntitle: x\nb: "q"\nc: "q"\n---\n';
    expect(typed(text, ['', 'K', "K's: y", 'K'], 'plain')).toEqual(['title: ""', 'title: K', `title: "K's: y"`, 'title: K']);
    expect(typed(text, ["it's", 'a: b'], 'single')).toEqual(["title: 'it''s'", "title: 'a: b'"]);
    expect(typed(text, ['2021', 'true'], 'plain')).toEqual(['title: "2021"', 'title: "true"']);
  });
});

describe('quote styles in TOML', () => {
  it('keeps a literal string literal, and goes back to it after a value that needed a basic string', () => {
    const text = "+++\ntitle = 'x'\n+++\n";
    expect(quoteStyleOf(text, 'title')).toBe('single');
    expect(typed(text, ['', 'K', "K's", 'K'], 'single')).toEqual(["title = ''", "title = 'K'", `title = "K's"`, "title = 'K'"]);
  });

  it('keeps a basic string basic', () => {
    const text = '+++\ntitle = "x"\nb = \'y\'\n+++\n';
    expect(quoteStyleOf(text, 'title')).toBe('double');
    expect(typed(text, ['', 'K'], 'double')).toEqual(['title = ""', 'title = "K"']);
  });
});
