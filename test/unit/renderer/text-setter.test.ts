// The form's text setter: a value keeps its author's quotes keystroke after keystroke.
import { describe, expect, it } from 'vitest';
import { setField } from '../../../electron/core/frontmatter/frontmatter';
import { textFieldSetter } from '../../../renderer/workspace/form/textSetter';

function typeInto(text: string, key: string, values: string[]): string[] {
  const set = textFieldSetter(key);
  const lines: string[] = [];
  let t = text;
  for (const v of values) {
    t = set(t, v);
    lines.push(t.split('\n').find((l) => l.startsWith(key)) ?? '');
  }
  return lines;
}

describe('the form’s text setter', () => {
  it('keeps a bare YAML value bare after keystrokes that needed quotes', () => {
    const text = '---\ntitle: x\nb: "q"\nc: "q"\n---\nBody\n';
    expect(typeInto(text, 'title', ['', 'K', 'K:', 'K: y', 'K: yo', 'KCD'])).toEqual(['title: ""', 'title: K', 'title: "K:"', 'title: "K: y"', 'title: "K: yo"', 'title: KCD']);
  });

  it('keeps double and single quotes in YAML, and TOML literal strings', () => {
    expect(typeInto('---\ntitle: "x"\nb: c\n---\n', 'title', ['', 'a', 'a: b'])).toEqual(['title: ""', 'title: "a"', 'title: "a: b"']);
    expect(typeInto("---\ntitle: 'x'\nb: c\n---\n", 'title', ['', "it's", 'a'])).toEqual(["title: ''", "title: 'it''s'", "title: 'a'"]);
    expect(typeInto("+++\ntitle = 'x'\n+++\n", 'title', ["it's", 'its'])).toEqual([`title = "it's"`, "title = 'its'"]);
  });

  it('takes the style afresh once the field was changed elsewhere (raw YAML, undo)', () => {
    const set = textFieldSetter('title');
    let t = set('---\ntitle: x\n---\n', '');
    expect(t).toBe('---\ntitle: ""\n---\n');
    t = setField(t, 'title', 'raw', 'single'); // the author rewrote it in raw YAML as 'raw'
    expect(set(t, 'raw2')).toBe("---\ntitle: 'raw2'\n---\n");
  });
});
