// A value keeps the quotes its author wrote while it is edited: YAML "double", 'single' and plain,
// TOML basic and literal strings.
import { describe, expect, it } from 'vitest';
import { quoteStyleOf, setField } from '../../../electron/core/frontmatter/frontmatter';
import { textFieldSetter } from '../../../renderer/workspace/form/textSetter';

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
  it('keeps the quotes of a value emptied and typed again in the form (the other fields bare)', () => {
    const form = (text: string, values: string[]): string[] => {
      const set = textFieldSetter('title');
      let t = text;
      return values.map((v) => (t = set(t, v)).split('\n')[1] ?? '');
    };
    expect(form('---\ntitle: "x"\nb: plain\nc: plain\n---\n', ['', 'K', 'Ka'])).toEqual(['title: ""', 'title: "K"', 'title: "Ka"']);
    expect(form("---\ntitle: 'x'\nb: plain\nc: plain\n---\n", ['', 'K'])).toEqual(["title: ''", "title: 'K'"]);
  });

  it("a field left empty (a template's \"\") takes the file's style: bare where its text is bare, quoted where it is quoted", () => {
    // A Jekyll site's post shape with its values cleared: the values typed in follow its bare prose, not the "" a template leaves.
    const bare = '---\nlayout: post\ntitle: KCD Porto 2026\ndate: 2026-09-14\ndescription: ""\nimage: ""\ntags: []\n---\n';
    expect(setField(bare, 'description', 'Sixty people came.')).toContain('\ndescription: Sixty people came.\n');
    expect(setField(bare, 'image', '/assets/images/kcd/crowd.jpg')).toContain('\nimage: /assets/images/kcd/crowd.jpg\n');
    expect(setField(bare, 'tags', ['k8s', 'gitops'])).toContain('\ntags: [k8s, gitops]\n');
    expect(setField(bare, 'author', 'Jane Doe')).toContain('\nauthor: Jane Doe\n');
    // The form, a keystroke at a time: bare throughout, quoted only while the text needs it.
    const set = textFieldSetter('description');
    let t = bare;
    const typedIn = ['S', 'Sixty: ', 'Sixty'].map((v) => (/^description: .*$/m.exec((t = set(t, v))) ?? [''])[0]);
    expect(typedIn).toEqual(['description: S', 'description: "Sixty: "', 'description: Sixty']);
    // A site that quotes its prose, its layout and dates bare: a new description is quoted as its title is.
    const quoting = '---\nlayout: post\ntitle: "KCD Porto 2026"\ndate: 2026-09-14\ndescription: ""\n---\n';
    expect(setField(quoting, 'description', 'Sixty people came.')).toContain('\ndescription: "Sixty people came."\n');
    // Nothing else to go by: the empty value's own quotes.
    expect(setField('---\ntitle: ""\n---\n', 'title', 'K')).toBe('---\ntitle: "K"\n---\n');
    expect(setField("---\ntitle: ''\nsummary: ''\n---\n", 'title', 'K')).toBe("---\ntitle: 'K'\nsummary: ''\n---\n");
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

  it("writes a new key's strings as the file writes its others: literal in a literal file, basic in a basic one", () => {
    const literal = "+++\ntitle = 'Spring meetup'\ndate = 2026-03-02\ntags = ['gitops']\n\n[params]\n  description = 'Warm.'\n+++\n";
    expect(setField(literal, 'author', 'Jane Doe')).toContain("\nauthor = 'Jane Doe'\n");
    expect(setField(literal, 'keywords', ['k8s', 'cloud native'])).toContain("\nkeywords = ['k8s', 'cloud native']\n");
    // In its table, at the table's indentation.
    expect(setField(literal, 'params.summary', 'A day')).toContain("\n[params]\n  description = 'Warm.'\n  summary = 'A day'\n+++");
    // What a literal string cannot hold still goes basic.
    expect(setField(literal, 'author', "Jane O'Neil")).toContain('\nauthor = "Jane O\'Neil"\n');
    // A key the file has with nothing quoted yet (a template's emptied list): the same.
    expect(setField(literal.replace("tags = ['gitops']", 'tags = []'), 'tags', ['k8s'])).toContain("\ntags = ['k8s']\n");
    expect(setField(literal, 'tags', ['k8s', 'flux'])).toContain("\ntags = ['k8s', 'flux']\n");
    const basic = '+++\ntitle = "Spring meetup"\nslug = \'spring\'\n+++\n';
    expect(setField(basic, 'author', 'Jane Doe')).toContain('\nauthor = "Jane Doe"\n');
  });

  it('keeps a basic string basic', () => {
    const text = '+++\ntitle = "x"\nb = \'y\'\n+++\n';
    expect(quoteStyleOf(text, 'title')).toBe('double');
    expect(typed(text, ['', 'K'], 'double')).toEqual(['title = ""', 'title = "K"']);
  });
});
