// Docusaurus stops a site's build on a post whose `authors` names a key its blog's authors map
// does not have ("Blog author with key … not found in the authors map file"), or any key where the
// blog has none: lint, export's preflight and `recap lint` say so first, from the map the blog
// plugin reads (its `authorsMapPath`, a translation's localized one), and say nothing where the
// map cannot be read for sure.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliInProcess } from '../support/cli-run';
import { writeText } from '../support/site-fixture';
import { serviceInTempDir } from '../support/temp-service';

const temp = serviceInTempDir('docusaurus-authors');

const CONFIG = "module.exports = { title: 'Meetups', url: 'https://example.org', baseUrl: '/', i18n: { defaultLocale: 'en', locales: ['en', 'fr'] }, presets: [['classic', { blog: {BLOG} }]] };\n";
const post = (authors: string): string => ['---', 'title: KCD Porto', authors, 'tags: [kcd]', '---', '', 'The day.', ''].join('\n');

async function site(name: string, blog = '', authors: string | null = 'ana:\n  name: Ana\nli:\n  title: Maintainer\n'): Promise<string> {
  const root = path.join(temp.dir(), name);
  await writeText(path.join(root, 'docusaurus.config.js'), CONFIG.replace('{BLOG}', `{${blog}}`));
  if (authors !== null) await writeText(path.join(root, 'blog/authors.yml'), authors);
  return root;
}

const lint = async (file: string, authors: string): Promise<Array<[string, string, number | undefined, string | undefined]>> =>
  (await temp.lintWritten(file, post(authors))).problems.map((p) => [p.code, p.severity, p.line, p.field]);

describe("a Docusaurus post's author keys", () => {
  it("a key the blog's authors.yml lacks stops the build: an error on the authors line; known keys, inline authors and `author` are fine", async () => {
    const root = await site('keys');
    const file = path.join(root, 'blog/2024-05-01-kcd-porto/index.md');
    expect(await lint(file, 'authors: [ana, li]')).toEqual([]);
    expect(await lint(file, 'authors: ana')).toEqual([]);
    expect(await lint(file, 'authors:\n  - ana\n  - name: Bob Stone\n    title: Speaker')).toEqual([]);
    expect(await lint(file, 'author: Bob Stone')).toEqual([]);
    expect(await lint(file, 'authors: [ana, bob]')).toEqual([['author-key', 'error', 3, 'authors']]);
    expect(await lint(file, 'authors:\n  - key: bob\n    title: Guest')).toEqual([['author-key', 'error', 3, 'authors']]);
    const { problems } = await temp.lintWritten(file, post('authors: [Bob Stone]'));
    expect(problems[0]?.message).toBe(
      'Author "Bob Stone" is not in blog/authors.yml, so Docusaurus stops the site\'s build ("Blog author with key … not found in the authors map file"). Add Bob Stone to blog/authors.yml, or write the author out: name: "Jane Doe" (and title, url, image_url as you like).',
    );
    const run = await cliInProcess('lint', file);
    expect([run.code, run.out]).toEqual([1, expect.stringContaining('error Author "Bob Stone" is not in blog/authors.yml')]);
  });

  it('a blog without authors.yml: every key stops the build, an inline author does not', async () => {
    const root = await site('no-map', '', null);
    const file = path.join(root, 'blog/2024-05-01-kcd.md');
    expect(await lint(file, 'authors: [ana]')).toEqual([['author-key', 'error', 3, 'authors']]);
    const { problems } = await temp.lintWritten(file, post('authors: [ana]'));
    expect(problems[0]?.message).toContain('Author "ana" is an authors.yml key, but this blog has no blog/authors.yml');
    expect(await lint(file, 'authors:\n  - name: Ana')).toEqual([]);
  });

  it("reads the map the blog names (authorsMapPath), a translation's localized one, and another blog's own", async () => {
    const root = await site('map-path', "authorsMapPath: 'people.yml'", null);
    await writeText(path.join(root, 'blog/people.yml'), 'ana:\n  name: Ana\n');
    expect(await lint(path.join(root, 'blog/2024-05-01-a.md'), 'authors: [ana]')).toEqual([]);
    const { problems } = await temp.lintWritten(path.join(root, 'blog/2024-05-01-b.md'), post('authors: [li]'));
    expect(problems.map((p) => p.message)).toEqual([expect.stringContaining('Author "li" is not in blog/people.yml')]);
    // A translator known only to the French blog's map.
    await writeText(path.join(root, 'i18n/fr/docusaurus-plugin-content-blog/people.yml'), 'marie:\n  name: Marie\n');
    expect(await lint(path.join(root, 'i18n/fr/docusaurus-plugin-content-blog/2024-05-01-a.md'), 'authors: [ana, marie]')).toEqual([]);
    // A second blog reads its own folder's map.
    const two = await site('two-blogs');
    await writeText(path.join(two, 'docusaurus.config.js'), CONFIG.replace('{BLOG}', '{}').replace('presets:', "plugins: [['@docusaurus/plugin-content-blog', { id: 'events', path: 'events' }]], presets:"));
    await writeText(path.join(two, 'events/authors.yml'), 'lin:\n  name: Lin\n');
    expect(await lint(path.join(two, 'events/2024-05-01-kcd.md'), 'authors: [lin]')).toEqual([]);
    expect(await lint(path.join(two, 'events/2024-05-01-kcd.md'), 'authors: [ana]')).toEqual([['author-key', 'error', 3, 'authors']]);
  });

  it('says nothing where the map cannot be known: a path the config computes, a map that is not YAML, one linked out of the site', async () => {
    const computed = await site('computed', 'authorsMapPath: process.env.AUTHORS', null);
    expect(await lint(path.join(computed, 'blog/2024-05-01-a.md'), 'authors: [anyone]')).toEqual([]);
    const broken = await site('broken', '', 'ana: [unclosed\n');
    expect(await lint(path.join(broken, 'blog/2024-05-01-a.md'), 'authors: [anyone]')).toEqual([]);
    const linked = await site('linked', '', null);
    await writeText(path.join(temp.dir(), 'outside/authors.yml'), 'ana:\n  name: Ana\n');
    await fs.mkdir(path.join(linked, 'blog'), { recursive: true });
    await fs.symlink(path.join(temp.dir(), 'outside/authors.yml'), path.join(linked, 'blog/authors.yml'));
    expect(await lint(path.join(linked, 'blog/2024-05-01-a.md'), 'authors: [ana, anyone]')).toEqual([]);
  });

  it("export's preflight refuses a new post whose author the site's blog lacks, and writes it once the author is added", async () => {
    const root = await site('export');
    const text = ['---', 'title: "Autumn Meetup"', 'date: 2026-10-20', 'authors: [ana, bob]', 'tags: [kcd]', '---', '', 'The day.', ''].join('\n');
    const recap = await writeText(path.join(temp.dir(), 'drafts/autumn/recap.md'), text);
    const refused = await temp.service().exportRecap({ recapPath: recap, text, target: { kind: 'site', dir: root } });
    expect([refused.written, refused.problems.map((p) => [p.code, p.message.slice(0, 44)])]).toEqual([false, [['author-key', 'Author "bob" is not in blog/authors.yml, so ']]]);
    await fs.appendFile(path.join(root, 'blog/authors.yml'), 'bob:\n  name: Bob\n');
    const done = await temp.service().exportRecap({ recapPath: recap, text, target: { kind: 'site', dir: root } });
    expect([done.written, done.problems, done.post]).toEqual([true, [], 'blog/2026-10-20-autumn-meetup/index.md']);
  });
});
