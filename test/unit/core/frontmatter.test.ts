import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  editorBody,
  editorYaml,
  getField,
  joinRecap,
  listFromValue,
  listToValue,
  readFrontMatter,
  removeField,
  renameField,
  setField,
  splitRecap,
  withBody,
  withYaml,
} from '../../../electron/core/frontmatter/frontmatter';

const reference = readFileSync(new URL('../../fixtures/kubernetes-community-days-china.md', import.meta.url), 'utf8');

/** Lines that differ between two texts, as [lineNumber, before, after]. */
function changedLines(a: string, b: string): Array<[number, string | undefined, string | undefined]> {
  const x = a.split('\n');
  const y = b.split('\n');
  const out: Array<[number, string | undefined, string | undefined]> = [];
  for (let i = 0; i < Math.max(x.length, y.length); i++) if (x[i] !== y[i]) out.push([i + 1, x[i], y[i]]);
  return out;
}

const cases: Record<string, string> = {
  reference,
  'double quoted': '---\ntitle: "A \\"quoted\\" title"\n---\nBody\n',
  'single quoted': "---\ntitle: 'It''s here'\n---\nBody\n",
  plain: '---\ntitle: Plain title\nauthor: Lindsay\n---\nBody\n',
  'blank lines inside': '---\ntitle: A\n\n\nauthor: B\n\n---\n\nBody\n',
  comments: '---\n# the page title\ntitle: A # trailing\nauthor: B\n---\nBody\n',
  CRLF: '---\r\ntitle: "A"\r\nauthor: B\r\n---\r\n\r\nBody line\r\nsecond\r\n',
  BOM: '\uFEFF---\ntitle: A\n---\nBody\n',
  'BOM and CRLF': '\uFEFF---\r\ntitle: A\r\n---\r\nBody\r\n',
  'lists and nested maps': '---\ntitle: A\ntags:\n  - k8s\n  - "cloud native"\nflow: [a, b]\nimage:\n  src: /x.png\n  alt: X\n---\nBody\n',
  'multi-line strings': '---\ntitle: A\ndescription: |\n  line one\n  line two\nsummary: >-\n  folded\n  text\n---\nBody\n',
  'unquoted dates': '---\ntitle: A\ncreateTime: 2021-11-02\ndate: 2021-11-02T10:00:00+08:00\n---\nBody\n',
  'no front matter': '# Just Markdown\n\nNo front matter here.\n',
  'empty body': '---\ntitle: A\n---\n',
  'empty body without final newline': '---\ntitle: A\n---',
  'empty front matter': '---\n---\nBody\n',
  'empty file': '',
  'malformed YAML': '---\ntitle: [unclosed\nauthor: B\n---\nBody\n',
  'unclosed front matter': '---\ntitle: A\nBody without closing\n',
  'dots closing': '---\ntitle: A\n...\nBody\n',
  'trailing spaces on delimiter': '---  \ntitle: A\n---  \nBody\n',
  // Hugo reads a front matter after blank lines (gohugoio/hugoDocs' news posts start with one).
  'blank lines before the front matter': '\n  \n---\ntitle: A\n---\nBody\n',
  'blank line before TOML, CRLF': '\r\n+++\r\ntitle = "A"\r\n+++\r\nBody\r\n',
  'BOM and a blank line before JSON': '\uFEFF\n{\n  "title": "A"\n}\nBody\n',
  'a blank line, then a thematic break never closed': '\n---\nJust a rule and text.\n',
};

describe('lossless round trip', () => {
  for (const [name, text] of Object.entries(cases)) {
    it(`${name}: split + join is byte-identical`, () => {
      expect(joinRecap(splitRecap(text))).toBe(text);
    });
    it(`${name}: editor views written back unchanged are byte-identical`, () => {
      expect(withBody(text, editorBody(text))).toBe(text);
      if (!splitRecap(text).unclosed) expect(withYaml(text, editorYaml(text))).toBe(text);
    });
  }

  it('reads the reference recap fields', () => {
    const fm = readFrontMatter(reference);
    expect(fm.problems).toEqual([]);
    expect(fm.fields.map((f) => [f.key, f.value, f.line])).toEqual([
      ['title', 'Kubernetes Community Days China Recap', 2],
      ['keywords', ' Community, Kubernetes', 3],
      ['description', 'The first Kubernetes Community Days China was successfully held in Beijing', 4],
      ['createTime', '2021-11-02', 5],
      ['author', 'Lindsay', 6],
    ]);
  });

  it('parses a text once for several readers, and what it answers cannot be changed by one of them', () => {
    const first = readFrontMatter(reference);
    // The layout, the cover lookup and the schema checks of one export ask about the same text.
    expect(readFrontMatter(reference)).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first.fields) && Object.isFrozen(first.problems)).toBe(true);
    expect(() => (first.fields as unknown[]).push({ key: 'x', value: 'y', line: 9 })).toThrow(TypeError);
    // An edited text is read afresh.
    const edited = setField(reference, 'title', 'Another title');
    expect(getField(edited, 'title')).toBe('Another title');
    expect(getField(reference, 'title')).toBe('Kubernetes Community Days China Recap');
  });

  it('keeps unquoted dates as the strings written', () => {
    expect(getField(cases['unquoted dates']!, 'createTime')).toBe('2021-11-02');
  });

  it('reports malformed YAML with its line and column in the file, and keeps every byte', () => {
    const text = cases['malformed YAML']!;
    const fm = readFrontMatter(text);
    expect(fm.editable).toBe(false);
    expect(fm.problems[0]).toMatchObject({ line: expect.any(Number), column: expect.any(Number) });
    expect(fm.problems[0]!.line).toBeGreaterThanOrEqual(2);
    expect(() => setField(text, 'title', 'x')).toThrow(/line \d+, column \d+/);
  });

  it('says when the front matter is never closed', () => {
    const fm = readFrontMatter(cases['unclosed front matter']!);
    expect(fm.editable).toBe(false);
    expect(fm.problems[0]!.message).toMatch(/never closed/);
  });
});

describe('field edits change only their own lines', () => {
  it('changing the reference title changes exactly line 2, keeping double quotes', () => {
    const out = setField(reference, 'title', 'KCD China 2021: a recap');
    expect(changedLines(reference, out)).toEqual([[2, 'title: "Kubernetes Community Days China Recap"', 'title: "KCD China 2021: a recap"']]);
  });

  it('keeps single quotes and plain style', () => {
    expect(setField(cases['single quoted']!, 'title', "Bob's")).toBe("---\ntitle: 'Bob''s'\n---\nBody\n");
    expect(setField(cases.plain!, 'author', 'Ann')).toBe('---\ntitle: Plain title\nauthor: Ann\n---\nBody\n');
  });

  it('quotes a plain value only when YAML needs it', () => {
    const out = setField(cases.plain!, 'title', 'Note: yes');
    expect(changedLines(cases.plain!, out)).toHaveLength(1);
    expect(readFrontMatter(out).fields[0]!.value).toBe('Note: yes');
  });

  it('keeps a trailing comment and CRLF line endings', () => {
    expect(setField(cases.comments!, 'title', 'B')).toBe('---\n# the page title\ntitle: B # trailing\nauthor: B\n---\nBody\n');
    const crlf = setField(cases.CRLF!, 'author', 'Zoe');
    expect(crlf).toBe('---\r\ntitle: "A"\r\nauthor: Zoe\r\n---\r\n\r\nBody line\r\nsecond\r\n');
  });

  it('keeps the BOM', () => {
    expect(setField(cases.BOM!, 'title', 'B')).toBe('\uFEFF---\ntitle: B\n---\nBody\n');
  });

  it('replaces a block list in place and keeps a flow list flow', () => {
    const text = cases['lists and nested maps']!;
    const block = setField(text, 'tags', ['k8s', 'kcd']);
    expect(block).toBe(text.replace('  - "cloud native"', '  - kcd'));
    const flow = setField(text, 'flow', ['c']);
    expect(changedLines(text, flow)).toEqual([[6, 'flow: [a, b]', 'flow: [c]']]);
  });

  it('rewrites only the lines of a multi-line string', () => {
    const text = cases['multi-line strings']!;
    const out = setField(text, 'description', 'one line now');
    // The block keeps its indicator: `|` clips to one final line break, which is syntax, not text.
    expect(out).toBe('---\ntitle: A\ndescription: |\n  one line now\nsummary: >-\n  folded\n  text\n---\nBody\n');
    expect(readFrontMatter(text).fields.find((f) => f.key === 'description')?.value).toBe('line one\nline two');
    const multi = setField(text, 'title', 'first\nsecond');
    expect(readFrontMatter(multi).fields[0]!.value).toBe('first\nsecond');
    expect(multi.endsWith('description: |\n  line one\n  line two\nsummary: >-\n  folded\n  text\n---\nBody\n')).toBe(true);
  });

  it("edits a folded block as kubernetes.io's posts write one (`author: >`): its text alone, read and written without the block's final line break", () => {
    const text = '---\nauthor: >\n  Ana (Org)\ndescription: >\n  Old text here.\nslug: x\n---\nBody\n';
    expect(readFrontMatter(text).fields.map((f) => f.value)).toEqual(['Ana (Org)', 'Old text here.', 'x']);
    const typed = setField(text, 'description', 'New. Old text here. More words');
    expect(typed).toBe('---\nauthor: >\n  Ana (Org)\ndescription: >\n  New. Old text here. More words\nslug: x\n---\nBody\n');
    expect(readFrontMatter(typed).fields[1]?.value).toBe('New. Old text here. More words');
    // The same text again changes nothing; an emptied block is written as the file's other values are.
    expect(setField(text, 'author', 'Ana (Org)')).toBe(text);
    expect(setField(text, 'author', '')).toBe('---\nauthor: ""\ndescription: >\n  Old text here.\nslug: x\n---\nBody\n');
  });

  it('edits a TOML multi-line string closed on its own line: its text alone, the string kept as it is written', () => {
    const text = ['+++', 'title = "X"', 'description = """', 'Old text here.', '"""', "note = '''", 'C:\\path', "'''", '+++', 'Body', ''].join('\n');
    expect(readFrontMatter(text).fields.map((f) => f.value)).toEqual(['X', 'Old text here.', 'C:\\path']);
    const typed = setField(text, 'description', 'Old text here. More words');
    expect(typed).toBe(text.replace('Old text here.\n', 'Old text here. More words\n'));
    expect(readFrontMatter(typed).fields[1]?.value).toBe('Old text here. More words');
    expect(setField(text, 'description', 'Old text here.')).toBe(text);
    expect(setField(text, 'note', 'D:\\path')).toBe(text.replace('C:\\path', 'D:\\path'));
  });

  it('fills an empty value', () => {
    expect(setField('---\ntitle:\nauthor: B\n---\n', 'title', 'A')).toBe('---\ntitle: A\nauthor: B\n---\n');
  });

  it('appends a new field at the end in the file’s quoting style', () => {
    const out = setField(reference, 'image', '/images/news/kcd-china/kcd-event.png');
    const lines = reference.split('\n');
    lines.splice(6, 0, 'image: "/images/news/kcd-china/kcd-event.png"');
    expect(out).toBe(lines.join('\n'));
    expect(removeField(out, 'image')).toBe(reference);
  });

  it('creates a front matter block when the file has none', () => {
    expect(setField(cases['no front matter']!, 'title', 'Hi')).toBe('---\ntitle: Hi\n---\n# Just Markdown\n\nNo front matter here.\n');
    expect(setField('', 'title', 'Hi')).toBe('---\ntitle: Hi\n---\n');
  });

  it('removes and renames a field without touching the others', () => {
    const text = cases['lists and nested maps']!;
    expect(removeField(text, 'tags')).toBe('---\ntitle: A\nflow: [a, b]\nimage:\n  src: /x.png\n  alt: X\n---\nBody\n');
    expect(removeField(text, 'image')).toBe('---\ntitle: A\ntags:\n  - k8s\n  - "cloud native"\nflow: [a, b]\n---\nBody\n');
    expect(renameField(reference, 'author', 'authors').split('\n')[5]).toBe('authors: "Lindsay"');
    expect(() => renameField(reference, 'author', 'title')).toThrow(/already has a field "title"/);
  });

  it('unknown fields survive every edit', () => {
    const text = '---\ntitle: A\ntag: meetup\nimage: /x.png\n---\nBody\n';
    const out = setField(setField(text, 'title', 'B'), 'author', 'C');
    expect(readFrontMatter(out).fields.map((f) => f.key)).toEqual(['title', 'tag', 'image', 'author']);
  });

  it('an unchanged value leaves the text identical', () => {
    expect(setField(reference, 'title', 'Kubernetes Community Days China Recap')).toBe(reference);
  });
});

describe('a front matter after blank lines, as Hugo reads it', () => {
  it('is read, with its fields on their own lines of the file, and edited in place', () => {
    const text = cases['blank lines before the front matter']!;
    const fm = readFrontMatter(text);
    expect(fm.fields.map((f) => [f.key, f.value, f.line])).toEqual([['title', 'A', 4]]);
    expect(editorBody(text)).toBe('Body\n');
    expect(setField(text, 'title', 'B')).toBe('\n  \n---\ntitle: B\n---\nBody\n');
    expect(setField(text, 'author', 'Ana')).toBe('\n  \n---\ntitle: A\nauthor: Ana\n---\nBody\n');
    expect(readFrontMatter(cases['blank line before TOML, CRLF']!).fields.map((f) => [f.key, f.line])).toEqual([['title', 3]]);
    expect(readFrontMatter(cases['BOM and a blank line before JSON']!).fields.map((f) => [f.key, f.line])).toEqual([['title', 3]]);
    // Its syntax errors point at the file's lines: two lines further down than without the blank lines.
    const broken = '---\ntitle: [unclosed\nauthor: B\n---\nBody\n';
    expect(readFrontMatter(`\n\n${broken}`).problems.map((p) => p.line)).toEqual(readFrontMatter(broken).problems.map((p) => p.line + 2));
  });

  it('one never closed there is none: the file is Markdown that starts with a rule', () => {
    const parts = splitRecap(cases['a blank line, then a thematic break never closed']!);
    expect([parts.hasFrontMatter, parts.unclosed, parts.lead, parts.body]).toEqual([false, false, '', '\n---\nJust a rule and text.\n']);
  });
});

describe('body and raw YAML edits', () => {
  it('editing the body of a CRLF file writes CRLF', () => {
    const out = withBody(cases.CRLF!, '\nBody line\nsecond\nthird\n');
    expect(out).toBe('---\r\ntitle: "A"\r\nauthor: B\r\n---\r\n\r\nBody line\r\nsecond\r\nthird\r\n');
  });

  it('the raw YAML view replaces only the front matter', () => {
    const out = withYaml(reference, editorYaml(reference).replace('author: "Lindsay"', 'author: "Lindsay"\ntag: kcd'));
    expect(changedLines(reference, out)[0]).toEqual([7, '---', 'tag: kcd']);
    expect(splitRecap(out).body).toBe(splitRecap(reference).body);
  });
});

describe('lists keep the file’s format', () => {
  it('comma-separated keywords stay a string with their leading space', () => {
    const value = getField(reference, 'keywords');
    expect(listFromValue(value)).toEqual(['Community', 'Kubernetes']);
    expect(listToValue(['Community', 'Kubernetes', 'CNCF'], value)).toBe(' Community, Kubernetes, CNCF');
    const out = setField(reference, 'keywords', listToValue(['Community', 'Kubernetes', 'CNCF'], value));
    expect(changedLines(reference, out)).toEqual([[3, 'keywords: " Community, Kubernetes"', 'keywords: " Community, Kubernetes, CNCF"']]);
  });

  it("a YAML list grows as the file writes lists: dashes under the key stay there, a template's emptied [] fills in the file's style", () => {
    // Dashes at the key's column (common in Jekyll and Hugo posts): the old line stays as it was.
    const flush = '---\ntitle: Spring\ntags:\n- a\n---\n';
    expect(setField(flush, 'tags', ['a', 'b'])).toBe('---\ntitle: Spring\ntags:\n- a\n- b\n---\n');
    expect(setField(flush, 'categories', ['x'])).toBe('---\ntitle: Spring\ntags:\n- a\ncategories:\n- x\n---\n');
    const nested = '---\nauthor:\n  name: Jane\n  links:\n  - a\n---\n';
    expect(setField(nested, 'author.links', ['a', 'b'])).toBe('---\nauthor:\n  name: Jane\n  links:\n  - a\n  - b\n---\n');
    // An emptied [] in a file whose lists are a dash a line; in a file of [a, b] lists; alone.
    expect(setField('---\ntags:\n  - a\ncategories: []\n---\n', 'categories', ['x', 'y'])).toBe('---\ntags:\n  - a\ncategories:\n  - x\n  - y\n---\n');
    expect(setField('---\ntags: [a]\ncategories: []\n---\n', 'categories', ['x', 'y'])).toBe('---\ntags: [a]\ncategories: [x, y]\n---\n');
    expect(setField('---\ntags: []\n---\n', 'tags', ['x'])).toBe('---\ntags: [x]\n---\n');
    // A new list follows the file's lists too.
    expect(setField('---\ntags: [a]\n---\n', 'categories', ['x'])).toBe('---\ntags: [a]\ncategories: [x]\n---\n');
    // A value that becomes a list stays on its line, unless the file writes its lists a dash a line.
    expect(setField('---\ntags: gitops\n---\n', 'tags', ['gitops', 'k8s'])).toBe('---\ntags: [gitops, k8s]\n---\n');
    expect(setField('---\ncategories:\n- news\ntags: gitops\n---\n', 'tags', ['gitops', 'k8s'])).toBe('---\ncategories:\n- news\ntags:\n- gitops\n- k8s\n---\n');
  });

  it("a dash-a-line list with comments keeps them: a tag added or removed touches only that tag's lines (its own, and the comment lines above it)", () => {
    const text = '---\ntitle: Spring\ntags: # topics\n  - k8s # the main one\n  # the CNCF projects:\n  - flux\n---\n';
    expect(setField(text, 'tags', ['k8s', 'flux', 'argo'])).toBe('---\ntitle: Spring\ntags: # topics\n  - k8s # the main one\n  # the CNCF projects:\n  - flux\n  - argo\n---\n');
    // The heading above flux goes with flux, and stays with it.
    expect(setField(text, 'tags', ['k8s'])).toBe('---\ntitle: Spring\ntags: # topics\n  - k8s # the main one\n---\n');
    expect(setField(text, 'tags', ['flux'])).toBe('---\ntitle: Spring\ntags: # topics\n  # the CNCF projects:\n  - flux\n---\n');
    expect(setField(text, 'tags', ['k8s', 'gitops: yes', 'flux'])).toBe('---\ntitle: Spring\ntags: # topics\n  - k8s # the main one\n  - "gitops: yes"\n  # the CNCF projects:\n  - flux\n---\n');
    expect(setField(text.replace(/\n/g, '\r\n'), 'tags', ['k8s', 'flux', 'argo'])).toBe(setField(text, 'tags', ['k8s', 'flux', 'argo']).replace(/\n/g, '\r\n'));
    // A comment line above the first item is the first item's; one below the last stays where it is.
    const around = '---\ntags:\n  # first things:\n  - k8s\n  - flux\n  # (more to come)\ntitle: Spring\n---\n';
    expect(setField(around, 'tags', ['flux', 'argo'])).toBe('---\ntags:\n  - flux\n  - argo\n  # (more to come)\ntitle: Spring\n---\n');
    expect(setField(around, 'tags', ['k8s'])).toBe('---\ntags:\n  # first things:\n  - k8s\n  # (more to come)\ntitle: Spring\n---\n');
  });

  it("a moved item takes its lines with it: its own comment and the comment lines above it (YAML and TOML)", () => {
    const yaml = '---\ntags: # topics\n  - k8s # the main one\n  # the CNCF projects:\n  - flux\n  - argo # later\n---\n';
    expect(setField(yaml, 'tags', ['argo', 'flux', 'k8s'])).toBe('---\ntags: # topics\n  - argo # later\n  # the CNCF projects:\n  - flux\n  - k8s # the main one\n---\n');
    // Moved and one added at once: k8s keeps its lines; new, where argo stood, is argo edited (its lines, its comment).
    expect(setField(yaml, 'tags', ['flux', 'new', 'k8s'])).toBe('---\ntags: # topics\n  # the CNCF projects:\n  - flux\n  - new # later\n  - k8s # the main one\n---\n');
    expect(setField(yaml, 'tags', ['flux', 'k8s', 'new'])).toBe('---\ntags: # topics\n  # the CNCF projects:\n  - flux\n  - k8s # the main one\n  - new # later\n---\n');
    // An item written twice: each copy keeps its own line (the one left in place stays, the other moves).
    const twice = '---\ntags:\n  - a # first a\n  - b\n  - a # second a\n---\n';
    expect(setField(twice, 'tags', ['b', 'a', 'a'])).toBe('---\ntags:\n  - b\n  - a # second a\n  - a # first a\n---\n');
    const toml = "+++\nauthors = [ # people\n  'jane', # organiser\n  # speakers:\n  'li'\n]\n+++\n";
    expect(setField(toml, 'authors', ['li', 'jane'])).toBe("+++\nauthors = [ # people\n  # speakers:\n  'li',\n  'jane' # organiser\n]\n+++\n");
    const trailing = '+++\nauthors = [\n  "jane", # organiser\n  "li",\n]\n+++\n';
    expect(setField(trailing, 'authors', ['li', 'jane'])).toBe('+++\nauthors = [\n  "li",\n  "jane", # organiser\n]\n+++\n');
    for (const v of [['li', 'jane'], ['jane', 'li']]) expect(getField(setField(toml, 'authors', v), 'authors')).toEqual(v);
  });

  it("an item edited in place keeps its lines: its comments, the comment lines above it, its own quotes (YAML and TOML)", () => {
    const yaml = '---\ntags: # topics\n  - k8s # the main one\n  # the CNCF projects:\n  - "flux"\n  - argo # later\n---\n';
    expect(setField(yaml, 'tags', ['kubernetes', 'flux', 'argo'])).toBe('---\ntags: # topics\n  - kubernetes # the main one\n  # the CNCF projects:\n  - "flux"\n  - argo # later\n---\n');
    expect(setField(yaml, 'tags', ['k8s', 'flux cd', 'argo'])).toBe('---\ntags: # topics\n  - k8s # the main one\n  # the CNCF projects:\n  - "flux cd"\n  - argo # later\n---\n');
    // A value a plain scalar cannot hold gets the quotes it needs.
    expect(setField(yaml, 'tags', ['k8s', 'flux', 'argo: cd'])).toBe('---\ntags: # topics\n  - k8s # the main one\n  # the CNCF projects:\n  - "flux"\n  - "argo: cd" # later\n---\n');
    expect(getField(setField(yaml, 'tags', ['#1', 'flux', '- x']), 'tags')).toEqual(['#1', 'flux', '- x']);
    // A value over lines is no line of its own: the list is written anew, and reads back as given.
    for (const v of [['k8s', 'flux', 'two\nlines'], ['two\nlines', 'flux', 'argo']]) expect(getField(setField(yaml, 'tags', v), 'tags')).toEqual(v);
    // Removed, not edited: a gone item's place is not given to an item added elsewhere.
    expect(setField(yaml, 'tags', ['flux', 'argo', 'new'])).toBe('---\ntags: # topics\n  # the CNCF projects:\n  - "flux"\n  - argo # later\n  - new\n---\n');
    const toml = "+++\nauthors = [ # people\n  'jane', # organiser\n  # speakers:\n  \"li\"\n]\n+++\n";
    expect(setField(toml, 'authors', ['Jane Doe', 'li'])).toBe("+++\nauthors = [ # people\n  'Jane Doe', # organiser\n  # speakers:\n  \"li\"\n]\n+++\n");
    expect(setField(toml, 'authors', ['jane', 'Li Wei'])).toBe("+++\nauthors = [ # people\n  'jane', # organiser\n  # speakers:\n  \"Li Wei\"\n]\n+++\n");
    expect(getField(setField(toml, 'authors', ["O'Hara", 'li']), 'authors')).toEqual(["O'Hara", 'li']);
  });

  it("a block list or map written deeper (or shallower) than the file's other maps grows at its own indentation", () => {
    const deep = '---\ntitle: A\nparams:\n  x: 1\ntags:\n    - a\n---\n';
    expect(setField(deep, 'tags', ['a', 'b'])).toBe('---\ntitle: A\nparams:\n  x: 1\ntags:\n    - a\n    - b\n---\n');
    const flush = '---\nparams:\n  x: 1\n  y: [1]\ntags:\n- a\nkeywords:\n  - b\n---\n';
    expect(setField(flush, 'tags', ['a', 'c'])).toBe('---\nparams:\n  x: 1\n  y: [1]\ntags:\n- a\n- c\nkeywords:\n  - b\n---\n');
    expect(setField(flush, 'keywords', ['b', 'c'])).toBe('---\nparams:\n  x: 1\n  y: [1]\ntags:\n- a\nkeywords:\n  - b\n  - c\n---\n');
    expect(setField('---\nparams:\n  x: 1\ncover:\n    image: a.jpg\n---\n', 'cover', { image: 'b.jpg', alt: 'The hall' })).toBe('---\nparams:\n  x: 1\ncover:\n    image: b.jpg\n    alt: The hall\n---\n');
  });

  it("the comment on a block list's or map's key line stays when the value is written anew: every tag removed, a text, a map's new value", () => {
    const text = '---\ntitle: Spring\ntags: # topics\n  - k8s # the main one\n  - flux\n---\n';
    expect(setField(text, 'tags', [])).toBe('---\ntitle: Spring\ntags: [] # topics\n---\n');
    expect(setField(text.replace(/\n/g, '\r\n'), 'tags', [])).toBe('---\r\ntitle: Spring\r\ntags: [] # topics\r\n---\r\n');
    expect(setField(text, 'tags', 'gitops')).toBe('---\ntitle: Spring\ntags: gitops # topics\n---\n');
    expect(setField(text, 'tags', [{ name: 'k8s' }])).toBe('---\ntitle: Spring\ntags: # topics\n  - name: k8s\n---\n');
    expect(setField('---\ncover: # the card\n  image: a.jpg\n---\n', 'cover', 'b.jpg')).toBe('---\ncover: b.jpg # the card\n---\n');
    // Without a comment, as before.
    expect(setField('---\ntags:\n  - k8s\n---\n', 'tags', [])).toBe('---\ntags: []\n---\n');
  });

  it("a TOML array one item a line with comments keeps them: an author added or removed touches only that author's lines (its own, and the comment lines above it)", () => {
    const text = "+++\ntitle = 'Spring'\nauthors = [ # people\n  'jane', # organiser\n  # speakers:\n  'li'\n]\n+++\n";
    expect(setField(text, 'authors', ['jane', 'li', 'mo'])).toBe("+++\ntitle = 'Spring'\nauthors = [ # people\n  'jane', # organiser\n  # speakers:\n  'li',\n  'mo'\n]\n+++\n");
    // The heading above li goes with li, and stays with it.
    expect(setField(text, 'authors', ['jane'])).toBe("+++\ntitle = 'Spring'\nauthors = [ # people\n  'jane' # organiser\n]\n+++\n");
    expect(setField(text, 'authors', ['li'])).toBe("+++\ntitle = 'Spring'\nauthors = [ # people\n  # speakers:\n  'li'\n]\n+++\n");
    expect(setField(text, 'authors', ['mo', 'jane', 'li'])).toBe("+++\ntitle = 'Spring'\nauthors = [ # people\n  'mo',\n  'jane', # organiser\n  # speakers:\n  'li'\n]\n+++\n");
    // Emptied, the comment after its `[` stays.
    expect(setField(text, 'authors', [])).toBe("+++\ntitle = 'Spring'\nauthors = [] # people\n+++\n");
    // A trailing comma stays a trailing comma; CRLF stays CRLF.
    const trailing = '+++\r\nauthors = [\r\n  "jane", # organiser\r\n  "li",\r\n]\r\n+++\r\n';
    expect(setField(trailing, 'authors', ['jane', 'mo'])).toBe('+++\r\nauthors = [\r\n  "jane", # organiser\r\n  "mo",\r\n]\r\n+++\r\n');
    for (const v of [[], ['jane'], ['li', 'mo'], ['mo', 'jane', 'li']]) expect(getField(setField(text, 'authors', v), 'authors')).toEqual(v);
    // A comment line above the first item is the first item's; one below the last stays where it is.
    const around = "+++\nauthors = [\n  # first:\n  'jane',\n  'li', # second\n  # more to come\n]\ntitle = 'A'\n+++\n";
    expect(setField(around, 'authors', ['li', 'mo'])).toBe("+++\nauthors = [\n  'li', # second\n  'mo',\n  # more to come\n]\ntitle = 'A'\n+++\n");
  });

  it('a JSON list grows in its own layout: spaced (a one-item list too), compact where the file is, one item a line where it was', () => {
    const spaced = '{\n  "title": "Spring",\n  "tags": ["a"]\n}\n\nBody\n';
    expect(setField(spaced, 'tags', ['a', 'b'])).toContain('\n  "tags": ["a", "b"]\n');
    expect(setField(spaced, 'authors', ['jane', 'li'])).toContain('"authors": ["jane", "li"]');
    const compact = '{\n  "title": "Spring, again",\n  "tags": ["a","b"]\n}\n';
    expect(setField(compact, 'tags', ['a', 'b', 'c'])).toContain('\n  "tags": ["a","b","c"]\n');
    const lines = '{\n  "tags": [\n    "a"\n  ]\n}\n';
    expect(setField(lines, 'tags', ['a', 'b'])).toBe('{\n  "tags": [\n    "a",\n    "b"\n  ]\n}\n');
  });

  it("space-separated lists (Jekyll's tags): words in, words out; a new value or an item with a space is a list", () => {
    expect(listFromValue('gitops  flux\tk8s', 'space')).toEqual(['gitops', 'flux', 'k8s']);
    expect(listToValue(['gitops', 'flux', 'k8s'], 'gitops flux', 'string', 'space')).toBe('gitops flux k8s');
    expect(listToValue(['gitops', 'cloud native'], 'gitops flux', 'string', 'space')).toEqual(['gitops', 'cloud native']);
    expect(listToValue(['gitops'], undefined, 'string', 'space')).toEqual(['gitops']);
    expect(listToValue([], 'gitops', 'string', 'space')).toBe('');
    // A string that is one item (Docusaurus' authors: jane): a second item makes a list, never "jane, li".
    expect(listFromValue('Jane Doe, Li', 'none')).toEqual(['Jane Doe, Li']);
    expect(listToValue(['jane', 'li'], 'jane', 'string', 'none')).toEqual(['jane', 'li']);
    expect(listToValue(['li'], 'jane', 'string', 'none')).toBe('li');
    expect(listToValue([], 'jane', 'string', 'none')).toBe('');
    // One item that any edit writes as a list (Docusaurus' tags, whose build refuses `tags: news`).
    expect(listFromValue('news, events', 'list')).toEqual(['news, events']);
    expect(listToValue(['news'], 'news', 'string', 'list')).toEqual(['news']);
    expect(listToValue([], 'news', 'string', 'list')).toEqual([]);
    expect(listToValue(['news'], undefined, 'string', 'list')).toEqual(['news']);
    // Commas stay the default: the reference recap's keywords.
    expect(listFromValue(' Community, Kubernetes')).toEqual(['Community', 'Kubernetes']);
  });

  it('a YAML list stays a list; an absent field follows the preference', () => {
    expect(listToValue(['a', 'b'], ['x'])).toEqual(['a', 'b']);
    expect(listToValue(['a', 'b'], undefined, 'list')).toEqual(['a', 'b']);
    expect(listToValue(['a', 'b'], undefined)).toBe('a, b');
    expect(listFromValue(['a', ' b ', ''])).toEqual(['a', 'b']);
  });
});
