// Docusaurus authors written inline ({name, title, url, image_url}), alone, in a list, or beside
// authors.yml keys: lint accepts them, and they read by name (the form's chips, the byline).
import { describe, expect, it } from 'vitest';
import { listFromValue, readFrontMatter } from '../../../electron/core/frontmatter/frontmatter';
import { validateFrontMatter } from '../../../electron/core/recap/lint';
import { loadProfile } from '../../../electron/service/site/profile';

const docusaurus = loadProfile('docusaurus');

function post(authors: string[]): string {
  return ['---', 'title: KCD Recap', 'date: 2024-05-01', ...authors, 'tags: [kcd]', '---', '', 'Text.', ''].join('\n');
}

const authorsOf = (text: string) => listFromValue(readFrontMatter(text).fields.find((f) => f.key === 'authors')?.value);

describe('Docusaurus inline authors', () => {
  const inline = post(['authors:', '  name: Ann Lee', '  title: Maintainer', '  url: https://example.org/ann', '  image_url: https://example.org/ann.png']);
  const mixed = post(['authors:', '  - slorber', '  - name: Ann Lee', '    title: Maintainer', '  - key: bob', '    title: Guest']);
  const flow = post(['authors: [{name: Ann Lee, image_url: "https://example.org/a.png"}, slorber]']);

  it('lints clean, alone, in a list beside authors.yml keys, or in flow style', () => {
    expect(validateFrontMatter(inline, docusaurus)).toEqual([]);
    expect(validateFrontMatter(mixed, docusaurus)).toEqual([]);
    expect(validateFrontMatter(flow, docusaurus)).toEqual([]);
  });

  it('reads each author by name, or by key when it has no name', () => {
    expect(authorsOf(inline)).toEqual(['Ann Lee']);
    expect(authorsOf(mixed)).toEqual(['slorber', 'Ann Lee', 'bob']);
    expect(authorsOf(flow)).toEqual(['Ann Lee', 'slorber']);
  });

  it('says which item lacks a name', () => {
    const problems = validateFrontMatter(post(['authors:', '  - slorber', '  - title: Maintainer']), docusaurus);
    expect(problems).toEqual([expect.objectContaining({ code: 'field-type', field: 'authors', line: 4 })]);
    expect(problems[0]?.message).toContain('item 2 is written as a map without a name');
  });

  it('still refuses maps in a list of tags', () => {
    const problems = validateFrontMatter(post(['authors: slorber']).replace('tags: [kcd]', 'tags: [{name: kcd}]'), docusaurus);
    expect(problems.map((p) => p.field)).toEqual(['tags']);
  });
});
