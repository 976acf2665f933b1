// A post whose front matter comes after blank lines (gohugoio/hugoDocs' news posts start with an
// empty line before `---`). Hugo reads past them (its page lexer skips white space before the
// front matter); Jekyll and gray-matter (Docusaurus) read a front matter only at the very start of
// the file and publish this one as text. So a Hugo post is read and linted as any other, and its
// site's scan counts it; a Jekyll or Docusaurus post gets one error saying what to remove, and
// export's preflight refuses it; a file outside any site gets a warning.

import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { profileForRecap } from '../../../electron/service/site/site';
import { writeText } from '../support/site-fixture';
import { serviceInTempDir } from '../support/temp-service';

const temp = serviceInTempDir('fm-after-blank');

const late = (lines: string[]): string => ['', '---', 'title: "KCD Porto"', 'date: 2024-05-01', ...lines, '---', '', 'The day.', ''].join('\n');

describe('a front matter after blank lines', () => {
  it('Hugo reads it: the post lints as it would without them, and the site counts its fields', async () => {
    const root = path.join(temp.dir(), 'hugo');
    await writeText(path.join(root, 'hugo.toml'), "title = 'Meetups'\n");
    // Two posts with an author, one (after a blank line) without: not every post has one, so none is required.
    const plain = (name: string): string[] => ['---', `title: "${name}"`, 'date: 2024-04-01', 'description: "A post"', 'author: Ana', '---', '', 'Text.', ''];
    await writeText(path.join(root, 'content/news/a.md'), plain('A').join('\n'));
    const c = await writeText(path.join(root, 'content/news/c.md'), plain('C').join('\n'));
    const { problems } = await temp.lintWritten(path.join(root, 'content/news/b.md'), late(['description: "The second"']));
    expect(problems.map((p) => [p.code, p.field, p.line])).toEqual([]);
    expect(profileForRecap(c).fields.find((f) => f.key === 'author')?.required).toBe(false);
    // Its fields are on their own lines: an error on one points at it.
    const dated = await temp.lintWritten(path.join(root, 'content/news/b.md'), late(['description: "The second"', 'lastmod: TBD']));
    expect(dated.problems.map((p) => [p.code, p.field, p.line])).toEqual([['hugo-date', 'lastmod', 6]]);
  });

  it('Jekyll and Docusaurus do not: an error on the opening line saying what to remove; export refuses it', async () => {
    const jekyll = path.join(temp.dir(), 'jekyll');
    await writeText(path.join(jekyll, '_config.yml'), 'title: Meetups\n');
    const post = path.join(jekyll, '_posts/2024-05-01-kcd-porto.md');
    const { problems } = await temp.lintWritten(post, late([]));
    expect(problems.filter((p) => p.code === 'frontmatter-not-first').map((p) => [p.severity, p.line, p.message])).toEqual([
      ['error', 2, 'The front matter starts on line 2, not on line 1: Jekyll reads front matter only at the very top of the file, so it would publish these fields as text. Remove the blank lines before ---.'],
    ]);
    const done = await temp.service().exportRecap({ recapPath: post, text: late([]), target: { kind: 'site', dir: jekyll } });
    expect([done.written, done.problems.filter((p) => p.severity === 'error').map((p) => p.code)]).toEqual([false, ['frontmatter-not-first']]);

    const docs = path.join(temp.dir(), 'docusaurus');
    await writeText(path.join(docs, 'docusaurus.config.js'), "module.exports = { title: 'Meetups' };\n");
    const toml = ['', '', '+++', 'title = "KCD Porto"', '+++', '', 'The day.', ''].join('\n');
    const blog = await temp.lintWritten(path.join(docs, 'blog/2024-05-01-kcd.md'), late([]));
    expect(blog.problems.filter((p) => p.code === 'frontmatter-not-first').map((p) => [p.severity, p.line])).toEqual([['error', 2]]);
    expect(blog.problems.find((p) => p.code === 'frontmatter-not-first')?.message).toContain('Docusaurus reads front matter only at the very top');
    // Outside any site: a warning, as the site may be Hugo's; the opening mark is the file's own.
    const lone = await temp.lintWritten(path.join(temp.dir(), 'lone/kcd.md'), toml);
    expect(lone.problems.filter((p) => p.code === 'frontmatter-not-first').map((p) => [p.severity, p.line, p.message])).toEqual([
      ['warning', 3, 'The front matter starts on line 3, not on line 1: Hugo reads it there, but Jekyll and Docusaurus read front matter only at the very top of the file and would publish these fields as text. Remove the blank lines before +++.'],
    ]);
  });
});
