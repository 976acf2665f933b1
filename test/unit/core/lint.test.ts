import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../../electron/core/contract';
import { dateError, lintMarkdown, lintText, validateFrontMatter } from '../../../electron/core/recap/lint';
import { loadProfile } from '../../../electron/service/site/profile';

const profile = loadProfile();
const REFERENCE = readFileSync(path.join(__dirname, '../../fixtures/kubernetes-community-days-china.md'), 'utf8');

/** A valid front matter of 7 lines (delimiters included): body line n is file line 7 + n. */
const FRONT = [
  '---',
  'title: "KCD Zürich Recap"',
  'keywords: "Community, Kubernetes"',
  'description: "The first KCD in Zürich."',
  'createTime: "2024-06-12"',
  'author: "Jane Doe"',
  '---',
];

function recap(body: string[], front: string[] = FRONT): string {
  return [...front, ...body].join('\n') + '\n';
}

function withField(key: string, line: string | null): string[] {
  const out = FRONT.filter((l) => !l.startsWith(`${key}:`));
  if (line !== null) out.splice(FRONT.findIndex((l) => l.startsWith(`${key}:`)), 0, line);
  return out;
}

const codes = (problems: Problem[]): string[] => problems.map((p) => p.code);

describe('the reference recap', () => {
  it('lints clean: its Markdown and front matter are what the site publishes', () => {
    // Checked by hand: alt texts present, https or local images, no H1, the line starting
    // with ONE space before [Kubernetes Community Days (KCD)] is an ordinary paragraph.
    expect(lintText(REFERENCE, profile)).toEqual([]);
  });

  it('still lints clean with CRLF line endings and a BOM', () => {
    expect(lintText('\uFEFF' + REFERENCE.replace(/\n/g, '\r\n'), profile)).toEqual([]);
  });
});

describe('validateFrontMatter', () => {
  it('accepts a complete front matter', () => {
    expect(validateFrontMatter(recap([]), profile)).toEqual([]);
  });

  it('reports YAML syntax errors at their line and column, and nothing else', () => {
    // A repeated field: the error points at the second one (file line 4).
    const repeated = [...FRONT.slice(0, 3), 'title: "Again"', ...FRONT.slice(3)];
    const problems = validateFrontMatter(recap([], repeated), profile);
    expect(problems).toEqual([expect.objectContaining({ code: 'yaml-syntax', severity: 'error', line: 4, column: 1 })]);
    expect(problems[0]?.message).toMatch(/^The front matter is not valid YAML: .*unique.*repeated/);
  });

  it('reports an unclosed quote as a YAML error', () => {
    const problems = validateFrontMatter(recap([], withField('description', 'description: "The first KCD')), profile);
    expect(codes(problems)).toEqual(['yaml-syntax']);
    expect(problems[0]?.message).toMatch(/quote/);
  });

  it('explains an unquoted value holding ": " at its line', () => {
    const problems = validateFrontMatter(recap([], withField('keywords', 'keywords: Community: Kubernetes')), profile);
    expect(codes(problems)).toEqual(['yaml-syntax']);
    expect(problems[0]).toMatchObject({ line: 3, column: 11 });
    expect(problems[0]?.message).toContain('double quotes');
  });

  it('reports a front matter that is never closed, once, on line 1', () => {
    const problems = validateFrontMatter('---\ntitle: "x"\n\n## Body\n', profile);
    expect(problems).toEqual([expect.objectContaining({ code: 'frontmatter-unclosed', severity: 'error', line: 1 })]);
    expect(problems[0]?.message).toContain('---');
    // A TOML one names its own mark.
    expect(validateFrontMatter('+++\ntitle = "x"\n\n## Body\n', profile).map((p) => p.message)).toEqual(['The front matter opened with +++ on line 1 is never closed. Add a line with +++ after the last field.']);
  });

  it('reports a missing required field on the front matter line, naming it', () => {
    const problems = validateFrontMatter(recap([], withField('description', null)), profile);
    expect(problems).toEqual([
      expect.objectContaining({ code: 'required', severity: 'error', field: 'description', line: 1 }),
    ]);
    expect(problems[0]?.message).toMatch(/^Description is required\. Add the line "description: …"/);
  });

  it('reports an empty required field on its own line', () => {
    const problems = validateFrontMatter(recap([], withField('author', 'author: ""')), profile);
    expect(problems).toEqual([expect.objectContaining({ code: 'required', field: 'author', line: 6 })]);
    expect(problems[0]?.message).toMatch(/^Author is required\./);
    expect(codes(validateFrontMatter(recap([], withField('author', 'author:')), profile))).toEqual(['required']);
    expect(codes(validateFrontMatter(recap([], withField('author', 'author: []')), profile))).toEqual(['required']);
  });

  it('does not require optional fields', () => {
    expect(validateFrontMatter(recap([], withField('keywords', 'keywords: ""')), profile)).toEqual([]);
    expect(validateFrontMatter(recap([], withField('keywords', null)), profile)).toEqual([]);
  });

  it('reports every required field of a file without front matter', () => {
    const problems = validateFrontMatter('## Just a body\n', profile);
    expect(problems.map((p) => p.field)).toEqual(['title', 'description', 'createTime', 'author']);
    expect(problems.every((p) => p.line === 1 && p.severity === 'error')).toBe(true);
  });

  it('warns about a title past 70 characters, not at 70', () => {
    const long = 'K'.repeat(84);
    const problems = validateFrontMatter(recap([], withField('title', `title: "${long}"`)), profile);
    expect(problems).toEqual([
      {
        code: 'field-length',
        severity: 'warning',
        field: 'title',
        line: 2,
        message: 'Title is 84 characters; keep it to 70 or fewer so search results show it whole.',
        msg: { key: 'lint.field.tooLong', params: { name: 'Title', length: '84', limit: '70', reason: { key: 'lint.reason.title' } } },
      },
    ]);
    expect(validateFrontMatter(recap([], withField('title', `title: "${'K'.repeat(70)}"`)), profile)).toEqual([]);
  });

  it('counts characters, not UTF-16 units', () => {
    // 70 emoji are 140 UTF-16 units but 70 characters.
    expect(validateFrontMatter(recap([], withField('title', `title: "${'🎉'.repeat(70)}"`)), profile)).toEqual([]);
  });

  it('warns about a description past 160 characters for link previews', () => {
    const problems = validateFrontMatter(recap([], withField('description', `description: "${'d'.repeat(161)}"`)), profile);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'field-length', severity: 'warning', field: 'description', line: 4 });
    expect(problems[0]?.message).toBe('Description is 161 characters; keep it to 160 or fewer so link previews show it whole.');
  });

  it('requires createTime written YYYY-MM-DD', () => {
    const problems = validateFrontMatter(recap([], withField('createTime', 'createTime: "02/11/2021"')), profile);
    expect(problems).toEqual([
      expect.objectContaining({ code: 'field-date', severity: 'error', field: 'createTime', line: 5 }),
    ]);
    expect(problems[0]?.message).toBe('Event date (createTime) must be a date written YYYY-MM-DD, e.g. 2021-11-02 (found "02/11/2021").');
  });

  it('requires a real calendar date', () => {
    const feb30 = validateFrontMatter(recap([], withField('createTime', 'createTime: "2021-02-30"')), profile);
    expect(feb30).toHaveLength(1);
    expect(feb30[0]?.message).toBe('Event date (createTime) 2021-02-30 is not a real date: February 2021 has no day 30 (it has 28 days).');
    expect(codes(validateFrontMatter(recap([], withField('createTime', 'createTime: "2021-13-01"')), profile))).toEqual(['field-date']);
    expect(validateFrontMatter(recap([], withField('createTime', 'createTime: "2020-02-29"')), profile)).toEqual([]);
  });

  it('accepts an unquoted date (a string in YAML 1.2) and rejects a number', () => {
    expect(validateFrontMatter(recap([], withField('createTime', 'createTime: 2021-11-02')), profile)).toEqual([]);
    const problems = validateFrontMatter(recap([], withField('createTime', 'createTime: 20211102')), profile);
    expect(problems[0]?.message).toContain('(found 20211102)');
  });

  it('accepts keywords and authors as a string or a list of strings', () => {
    expect(validateFrontMatter(recap([], withField('keywords', 'keywords: [Community, Kubernetes]')), profile)).toEqual([]);
    expect(validateFrontMatter(recap([], withField('author', 'author:\n  - Jane Doe\n  - John Doe')), profile)).toEqual([]);
  });

  it('rejects keywords that are not text, naming the item', () => {
    const problems = validateFrontMatter(recap([], withField('keywords', 'keywords: [Community, 2021]')), profile);
    expect(problems).toEqual([expect.objectContaining({ code: 'field-type', severity: 'error', field: 'keywords', line: 3 })]);
    expect(problems[0]?.message).toContain('item 2 is a number (2021)');
    expect(codes(validateFrontMatter(recap([], withField('author', 'author: {name: Jane}')), profile))).toEqual(['field-type']);
  });

  it('rejects a title that is a number or a list, saying what it found and what to do', () => {
    const number = validateFrontMatter(recap([], withField('title', 'title: 2021')), profile);
    expect(number).toEqual([expect.objectContaining({ code: 'field-type', field: 'title', line: 2 })]);
    expect(number[0]?.message).toBe('Title must be text, but the front matter has a number (2021). Put it in quotes: title: "2021".');
    const list = validateFrontMatter(recap([], withField('description', 'description: [a, b]')), profile);
    expect(list[0]?.message).toMatch(/^Description must be text, but the front matter has a list\./);
  });

  it('keeps unknown fields out of it', () => {
    expect(validateFrontMatter(recap([], [...FRONT.slice(0, -1), 'image: 42', 'tag: [a, 1]', '---']), profile)).toEqual([]);
  });

  it("a required date the recap gives under a key its site does not read: the error names it and what to write instead", () => {
    // A draft written with the reference site's template (createTime), checked by a Jekyll site's rules.
    const dateOf = (text: string, rules = loadProfile('jekyll')): string[] => validateFrontMatter(text, rules).filter((p) => p.field === 'date').map((p) => p.message);
    expect(dateOf(recap([]))).toEqual(['Date is required. This recap gives its date as "createTime: 2024-06-12", which this site does not read: write it as "date: 2024-06-12" in the front matter.']);
    expect(dateOf(recap([], withField('createTime', 'createTime:')))).toEqual(['Date is required. Add the line "date: …" to the front matter.']);
    expect(dateOf(recap([], withField('createTime', 'createTime: 2024-13-01')))).toEqual(['Date is required. Add the line "date: …" to the front matter.']);
    // Hugo reads publishDate as the page's date (its default config), so it is no other key there; createTime is.
    const hugo = loadProfile('hugo-bundle');
    const front = ['---', 'title: "KCD"', 'publishDate: 2024-06-12', '---'];
    expect(dateOf(recap([], front), hugo)).toEqual(['Date is required. Add the line "date: …" to the front matter.']);
    expect(dateOf(recap([], front), loadProfile('jekyll'))).toEqual(['Date is required. This recap gives its date as "publishDate: 2024-06-12", which this site does not read: write it as "date: 2024-06-12" in the front matter.']);
    expect(dateOf(recap([], withField('createTime', 'createTime: 2024-06-12T10:00:00+08:00')), hugo)).toEqual(['Date is required. This recap gives its date as "createTime: 2024-06-12", which this site does not read: write it as "date: 2024-06-12" in the front matter.']);
  });
});

describe('dateError', () => {
  it.each([
    ['2021-11-02', null],
    ['2024-02-29', null],
    ['2023-02-29', 'February 2023 has no day 29 (it has 28 days)'],
    ['2021-04-31', 'April 2021 has no day 31 (it has 30 days)'],
    ['2021-00-10', 'there is no month 0; write the month as 01 to 12'],
    ['2021-11-2', 'it must be written YYYY-MM-DD, e.g. 2021-11-02'],
    ['', 'it must be written YYYY-MM-DD, e.g. 2021-11-02'],
  ])('%s → %s', (value, expected) => {
    expect(dateError(value)).toBe(expected);
  });
});

describe('lintMarkdown', () => {
  const lint = (body: string[]): Problem[] => lintMarkdown(recap(body), profile);

  describe('alt-missing', () => {
    it('warns about an image without alt text, at its line and column', () => {
      const problems = lint(['', 'Intro', '', 'See ![](/images/news/kcd/a.png) here.']);
      expect(problems).toEqual([expect.objectContaining({ code: 'alt-missing', severity: 'warning', line: 11, column: 5 })]);
      expect(problems[0]?.message).toContain('/images/news/kcd/a.png');
    });

    it('treats blank alt text as missing, including reference images', () => {
      expect(codes(lint(['![  ](/a.png)']))).toEqual(['alt-missing']);
      expect(codes(lint(['![][photo]', '', '[photo]: /a.png']))).toEqual(['alt-missing']);
    });

    it('accepts alt text and ignores images inside code', () => {
      expect(lint(['![kcd-event](/images/news/kcd-china/kcd-event.png)'])).toEqual([]);
      expect(lint(['Write `![](/x.png)` for an image.'])).toEqual([]);
      expect(lint(['```md', '![](/x.png)', '```'])).toEqual([]);
      expect(lint(['<!-- ![](/x.png)', 'still a comment -->'])).toEqual([]);
      expect(lint(['Not an image: \\![](/x.png)'])).toEqual([]);
    });
  });

  describe('body-h1', () => {
    it('warns about a level-1 heading in the body', () => {
      const problems = lint(['', '# KCD Zürich', '', 'Text']);
      expect(problems).toEqual([expect.objectContaining({ code: 'body-h1', severity: 'warning', line: 9, column: 1 })]);
      expect(problems[0]?.message).toContain('##');
    });

    it('warns about a setext level-1 heading at its text line', () => {
      expect(lint(['', 'KCD Zürich', '==========', ''])).toEqual([expect.objectContaining({ code: 'body-h1', line: 9 })]);
    });

    it('accepts ## headings, hashtags and # inside code', () => {
      expect(lint(['## Event Organizers', '', '#kcd #cloudnative', '', '```sh', '# a comment', '```'])).toEqual([]);
    });
  });

  describe('indented-code', () => {
    it('warns about a paragraph indented 4 spaces after a blank line, once per block', () => {
      const problems = lint(['Intro', '', '    Indented by mistake.', '    Still the same block.', '', 'Back to normal.']);
      expect(problems).toEqual([expect.objectContaining({ code: 'indented-code', severity: 'warning', line: 10, column: 1 })]);
      expect(problems[0]?.message).toContain('4 spaces');
    });

    it('warns about a tab and about an indented first line of the body', () => {
      expect(codes(lint(['Intro', '', '\tTabbed text.']))).toEqual(['indented-code']);
      expect(lint(['    Right after the front matter.'])).toEqual([expect.objectContaining({ code: 'indented-code', line: 8 })]);
      expect(lint(['## Heading', '    Right after a heading.'])).toEqual([expect.objectContaining({ code: 'indented-code', line: 9 })]);
    });

    it('accepts list continuation lines and nested lists', () => {
      expect(
        lint([
          '- Keynotes by Microsoft Azure',
          '',
          '    and NGINX Community, continued in the same item.',
          '- Lightning talks',
          '    1. nested item',
          '',
          '        nested continuation',
          '1. First',
          '',
          '   Continued under an ordered item.',
          '',
          '    Also continued.',
        ]),
      ).toEqual([]);
    });

    it('accepts an indented line that continues a paragraph, and one leading space', () => {
      expect(lint(['A paragraph', '    whose second line is indented.', '', ' [KCD](https://example.org) starts with one space.'])).toEqual([]);
    });

    it('warns again once a list has ended', () => {
      const problems = lint(['- item', '', 'A paragraph after the list.', '', '    Indented.']);
      expect(problems).toEqual([expect.objectContaining({ code: 'indented-code', line: 12 })]);
    });

    it('says nothing of an indented block that starts with code or markup, meant as code (hugo-book\'s posts)', () => {
      for (const first of ['    <figure>', '    {{ with .Get "class" }}', '    ▾ <root>/', '    replicas = 3;', '    $ kubectl get pods', '    a | b']) {
        expect(lint(['Intro', '', first, '    more code', '', 'Back to text.'])).toEqual([]);
      }
      expect(lint(['Intro', '', '    <!-- image -->', '    <figure {{ with .Get "class" }}class="{{.}}"{{ end }}>', '    </figure>'])).toEqual([]);
      // Text indented by mistake is still said, a sentence with a slash or brackets too.
      expect(codes(lint(['Intro', '', '    Talks (and/or workshops) all day.']))).toEqual(['indented-code']);
    });

    it('ignores indented lines inside fenced code', () => {
      expect(lint(['```yaml', '', '    key: value', '```'])).toEqual([]);
    });
  });

  describe('fence-unclosed', () => {
    it('reports a fence that is never closed at its opening line', () => {
      const problems = lint(['Intro', '', '```bash', 'kubectl get pods', '', '# not a heading']);
      expect(problems).toEqual([expect.objectContaining({ code: 'fence-unclosed', severity: 'error', line: 10 })]);
    });

    it('needs the same character, at least as many, to close', () => {
      expect(lint(['~~~', 'code', '~~~'])).toEqual([]);
      expect(lint(['````', 'code', '```````'])).toEqual([]);
      expect(codes(lint(['````', 'code', '```']))).toEqual(['fence-unclosed']);
      expect(codes(lint(['~~~', 'code', '```']))).toEqual(['fence-unclosed']);
    });

    it('does not take inline code with backticks for a fence', () => {
      expect(lint(['```not a fence```', '', 'Text'])).toEqual([]);
    });
  });

  describe('image URLs', () => {
    it('reports a space in an image URL as an error', () => {
      const problems = lint(['![Group photo](/images/news/kcd/group photo.png)']);
      expect(problems).toEqual([expect.objectContaining({ code: 'image-url-space', severity: 'error', line: 8, column: 1 })]);
      expect(problems[0]?.message).toContain('group-photo.png');
    });

    it('accepts a spaced URL in <…>, a title, and parentheses in a URL', () => {
      expect(lint(['![Group photo](</images/group photo.png>)'])).toEqual([]);
      expect(lint(['![Group photo](/images/group.png "The whole team")'])).toEqual([]);
      expect(lint(['![Logo](/images/logo_(dark).png)'])).toEqual([]);
    });

    it('warns about http: images, not https:', () => {
      const problems = lint(['![Logo](http://example.org/logo.png) ![Logo](https://example.org/logo.png)']);
      expect(problems).toEqual([expect.objectContaining({ code: 'image-http', severity: 'warning', line: 8, column: 1 })]);
      expect(problems[0]?.message).toContain('https://');
    });
  });

  it('numbers lines in the whole file with CRLF, a BOM and a longer front matter', () => {
    const front = ['---', 'title: "T"', 'description: "D"', 'createTime: "2024-06-12"', 'author:', '  - Jane', '  - John', '---'];
    const text = '\uFEFF' + recap(['', '# H1'], front).replace(/\n/g, '\r\n');
    expect(lintMarkdown(text, profile)).toEqual([expect.objectContaining({ code: 'body-h1', line: 10 })]);
  });

  it('numbers lines from 1 when there is no front matter', () => {
    expect(lintMarkdown('Intro\n\n# Title\n', profile)).toEqual([expect.objectContaining({ code: 'body-h1', line: 3 })]);
  });
});

describe('lintText', () => {
  it('merges both checks in line order', () => {
    const text = recap(['', '# Title', '', '![](/a.png)'], withField('title', 'title: ""'));
    const problems = lintText(text, profile);
    expect(problems.map((p) => [p.line, p.code])).toEqual([
      [2, 'required'],
      [9, 'body-h1'],
      [11, 'alt-missing'],
    ]);
  });
});
