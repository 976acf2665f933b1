// Docusaurus stops a site's build on a post whose `authors` names a key its blog's authors map
// does not have ("Blog author with key … not found in the authors map file"), or any key where the
// blog has none: lint, export's preflight and `recap lint` say so first, from the map the blog
// plugin reads (its `authorsMapPath`, a translation's localized one), and say nothing where the
// map cannot be read for sure.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { profileForRecap } from '../../../electron/service/site/site';
import { cliInProcess } from '../support/cli-run';
import { writeText } from '../support/site-fixture';
import { serviceInTempDir } from '../support/temp-service';

const temp = serviceInTempDir('docusaurus-blog-checks');

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

  it('a key named twice stops the build (Docusaurus: "Duplicate blog post authors"); an author written out twice does not', async () => {
    const root = await site('twice');
    const file = path.join(root, 'blog/2024-05-01-kcd.md');
    expect(await lint(file, 'authors: [ana, li, ana]')).toEqual([['author-duplicate', 'error', 3, 'authors']]);
    expect(await lint(file, 'authors:\n  - ana\n  - key: ana\n    title: Host')).toEqual([['author-duplicate', 'error', 3, 'authors']]);
    expect(await lint(file, 'authors:\n  - name: Bob\n  - name: Bob')).toEqual([]);
    const { problems } = await temp.lintWritten(file, post('authors: [ana, ana, ana]'));
    expect(problems.map((p) => p.message)).toEqual(['Author "ana" is listed more than once, so Docusaurus stops the site\'s build ("Duplicate blog post authors were found"). Keep one ana and remove the others.']);
    // Not a Docusaurus post: nothing said.
    const hugo = path.join(temp.dir(), 'hugo-twice');
    await writeText(path.join(hugo, 'hugo.toml'), "title = 'Meetups'\n");
    expect(await lint(path.join(hugo, 'content/posts/kcd.md'), 'authors: [ana, ana]')).toEqual([]);
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
    // A translator known only to the French blog's map, which Docusaurus reads in place of the blog's when it builds the site in French.
    await writeText(path.join(root, 'i18n/fr/docusaurus-plugin-content-blog/people.yml'), 'marie:\n  name: Marie\n');
    const fr = path.join(root, 'i18n/fr/docusaurus-plugin-content-blog/2024-05-01-a.md');
    expect(await lint(fr, 'authors: [marie]')).toEqual([]);
    expect((await temp.lintWritten(fr, post('authors: [ana, marie]'))).problems.map((p) => p.message)).toEqual([expect.stringContaining('Author "ana" is not in i18n/fr/docusaurus-plugin-content-blog/people.yml')]);
    // The blog's own post is built in French too, with that map: a key must be in both.
    const own = path.join(root, 'blog/2024-05-01-a.md');
    expect((await temp.lintWritten(own, post('authors: [ana]'))).problems.map((p) => p.message)).toEqual([
      'Author "ana" is in blog/people.yml but not in i18n/fr/docusaurus-plugin-content-blog/people.yml, which Docusaurus reads in its place when it builds the site in fr, so that build stops ("Blog author with key … not found in the authors map file"). Add ana to i18n/fr/docusaurus-plugin-content-blog/people.yml.',
    ]);
    expect(await lint(own, 'authors: [marie]')).toEqual([['author-key', 'error', 3, 'authors']]);
    await fs.appendFile(path.join(root, 'i18n/fr/docusaurus-plugin-content-blog/people.yml'), 'ana:\n  name: Ana\n');
    expect(await lint(own, 'authors: [ana]')).toEqual([]);
    // A locale the config does not build: its map is never read.
    await writeText(path.join(root, 'i18n/de/docusaurus-plugin-content-blog/people.yml'), 'someone:\n  name: Jemand\n');
    expect(await lint(own, 'authors: [ana]')).toEqual([]);
    // A second blog reads its own folder's map.
    const two = await site('two-blogs');
    await writeText(path.join(two, 'docusaurus.config.js'), CONFIG.replace('{BLOG}', '{}').replace('presets:', "plugins: [['@docusaurus/plugin-content-blog', { id: 'events', path: 'events' }]], presets:"));
    await writeText(path.join(two, 'events/authors.yml'), 'lin:\n  name: Lin\n');
    expect(await lint(path.join(two, 'events/2024-05-01-kcd.md'), 'authors: [lin]')).toEqual([]);
    expect(await lint(path.join(two, 'events/2024-05-01-kcd.md'), 'authors: [ana]')).toEqual([['author-key', 'error', 3, 'authors']]);
  });

  it("reads an authors map the blog shares with another (authorsMapPath: '../blog/authors.yml'); one that climbs out of the site is none", async () => {
    const root = await site('shared-map');
    await writeText(path.join(root, 'docusaurus.config.js'), CONFIG.replace('{BLOG}', '{}').replace('presets:', "plugins: [['@docusaurus/plugin-content-blog', { id: 'diary', path: 'diary', authorsMapPath: '../blog/authors.yml' }]], presets:"));
    expect(await lint(path.join(root, 'diary/2024-05-01-a.md'), 'authors: [ana]')).toEqual([]);
    expect((await temp.lintWritten(path.join(root, 'diary/2024-05-01-b.md'), post('authors: [bob]'))).problems.map((p) => p.message)).toEqual([expect.stringContaining('Author "bob" is not in blog/authors.yml')]);
    await writeText(path.join(root, 'docusaurus.config.js'), CONFIG.replace('{BLOG}', "{ authorsMapPath: '../../authors.yml' }"));
    await writeText(path.join(temp.dir(), 'authors.yml'), 'ana:\n  name: Ana\n');
    expect(await lint(path.join(root, 'blog/2024-05-01-a.md'), 'authors: [bob]')).toEqual([]);
  });

  it("the byline's and the form's author names come from the map the check reads: authorsMapPath, a shared map, a locale's own", async () => {
    const root = await site('names', "authorsMapPath: 'people.yml'", null);
    await writeText(path.join(root, 'blog/people.yml'), 'ana:\n  name: Ana Reis\n');
    // An authors.yml the blog does not read names no one.
    await writeText(path.join(root, 'blog/authors.yml'), 'ana:\n  name: Someone Else\n');
    expect(profileForRecap(path.join(root, 'blog/2024-05-01-a.md')).authorNames).toEqual({ ana: 'Ana Reis' });
    // A translation: its locale's map where it has one (as Docusaurus builds that locale), else the blog's.
    const fr = path.join(root, 'i18n/fr/docusaurus-plugin-content-blog/2024-05-01-a.md');
    expect(profileForRecap(fr).authorNames).toEqual({ ana: 'Ana Reis' });
    await writeText(path.join(root, 'i18n/fr/docusaurus-plugin-content-blog/people.yml'), 'ana:\n  name: Ana (traduction)\n');
    expect(profileForRecap(fr).authorNames).toEqual({ ana: 'Ana (traduction)' });
    // A blog sharing another's map.
    const shared = await site('names-shared');
    await writeText(path.join(shared, 'docusaurus.config.js'), CONFIG.replace('{BLOG}', '{}').replace('presets:', "plugins: [['@docusaurus/plugin-content-blog', { id: 'diary', path: 'diary', authorsMapPath: '../blog/authors.yml' }]], presets:"));
    expect(profileForRecap(path.join(shared, 'diary/2024-05-01-a.md')).authorNames).toEqual({ ana: 'Ana' });
    // A translation is dated by its path below the locale's folder, as the blog's own post is.
    const dated = path.join(shared, 'i18n/fr/docusaurus-plugin-content-blog-diary/2024/08/09/kcd.md');
    await writeText(dated, post('authors: [ana]'));
    expect(profileForRecap(dated).dateFromName).toEqual({ date: '2024-08-09', where: 'folder' });
    expect(profileForRecap(dated).authorNames).toEqual({ ana: 'Ana' });
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
    // A locale's map linked out of the site is not read either: neither its keys nor its names.
    const localized = await site('linked-locale');
    await fs.mkdir(path.join(localized, 'i18n/fr/docusaurus-plugin-content-blog'), { recursive: true });
    await writeText(path.join(temp.dir(), 'outside/fr.yml'), 'ana:\n  name: Ana (dehors)\n');
    await fs.symlink(path.join(temp.dir(), 'outside/fr.yml'), path.join(localized, 'i18n/fr/docusaurus-plugin-content-blog/authors.yml'));
    const translated = path.join(localized, 'i18n/fr/docusaurus-plugin-content-blog/2024-05-01-a.md');
    expect(await lint(translated, 'authors: [ana, anyone]')).toEqual([]);
    expect(profileForRecap(translated).authorNames).toBeUndefined();
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

describe("a Docusaurus post's tags and truncate marker", () => {
  const TEMPLATE_BLOG = "showReadingTime: true, onInlineTags: 'warn', onInlineAuthors: 'warn', onUntruncatedBlogPosts: 'warn'";
  const body = (tags: string, text = 'Intro.\n\n<!-- truncate -->\n\nMore.'): string => ['---', 'title: KCD Porto', 'authors: [ana]', tags, '---', '', text, ''].join('\n');
  const findings = async (file: string, text: string): Promise<Array<[string, string, number | undefined]>> => (await temp.lintWritten(file, text)).problems.map((p) => [p.code, p.severity, p.line]);

  it("a tag its tags.yml lacks is a warning as Docusaurus' build gives one (onInlineTags: 'warn', its default), an error where it says 'throw', nothing without a tags.yml or with 'ignore'", async () => {
    const root = await site('tags', TEMPLATE_BLOG);
    const file = path.join(root, 'blog/2024-05-01-kcd/index.md');
    expect(await findings(file, body('tags: [kcd, porto]'))).toEqual([]);
    await writeText(path.join(root, 'blog/tags.yml'), 'kcd:\n  label: KCD\n  permalink: /kcd\n');
    expect(await findings(file, body('tags: [kcd, porto, {label: Lisbon, permalink: /lisbon}]'))).toEqual([
      ['tag-undefined', 'warning', 4],
      ['tag-undefined', 'warning', 4],
    ]);
    const { problems } = await temp.lintWritten(file, body('tags: [porto]'));
    expect(problems[0]?.message).toBe('Tag "porto" is not in blog/tags.yml: Docusaurus warns about it when it builds the site ("Tags [porto] used in … are not defined in tags.yml"). Use one of its tags, or add porto to blog/tags.yml.');
    // A French tags file, which the French build reads in place of the blog's: a tag must be in both.
    await writeText(path.join(root, 'i18n/fr/docusaurus-plugin-content-blog/tags.yml'), 'porto:\n  label: Porto\n');
    expect((await temp.lintWritten(file, body('tags: [kcd, porto]'))).problems.map((p) => p.message.slice(0, 70))).toEqual([
      'Tag "porto" is not in blog/tags.yml: Docusaurus warns about it when it',
      'Tag "kcd" is not in i18n/fr/docusaurus-plugin-content-blog/tags.yml: D',
    ]);
    const translation = path.join(root, 'i18n/fr/docusaurus-plugin-content-blog/2024-05-01-kcd/index.md');
    expect(await findings(translation, body('tags: [porto]'))).toEqual([]);
    expect(await findings(translation, body('tags: [kcd]'))).toEqual([['tag-undefined', 'warning', 4]]);
    await fs.rm(path.join(root, 'i18n'), { recursive: true });
    // The default is 'warn' too (a blog whose options say nothing of it).
    await writeText(path.join(root, 'docusaurus.config.js'), CONFIG.replace('{BLOG}', '{}'));
    expect(await findings(file, body('tags: [porto]'))).toEqual([['tag-undefined', 'warning', 4]]);
    await writeText(path.join(root, 'docusaurus.config.js'), CONFIG.replace('{BLOG}', "{ onInlineTags: 'throw' }"));
    expect(await findings(file, body('tags: [porto]'))).toEqual([['tag-undefined', 'error', 4]]);
    await writeText(path.join(root, 'docusaurus.config.js'), CONFIG.replace('{BLOG}', "{ onInlineTags: 'ignore' }"));
    expect(await findings(file, body('tags: [porto]'))).toEqual([]);
    // The tags file the blog names instead (`tags`), or none (`tags: false`).
    await writeText(path.join(root, 'docusaurus.config.js'), CONFIG.replace('{BLOG}', "{ tags: 'topics.yml', onInlineTags: 'throw' }"));
    await writeText(path.join(root, 'blog/topics.yml'), 'porto: {}\n');
    expect(await findings(file, body('tags: [porto]'))).toEqual([]);
    expect((await temp.lintWritten(file, body('tags: [kcd]'))).problems.map((p) => p.message)).toEqual([expect.stringContaining('Tag "kcd" is not in blog/topics.yml')]);
    await writeText(path.join(root, 'docusaurus.config.js'), CONFIG.replace('{BLOG}', "{ tags: false, onInlineTags: 'throw' }"));
    expect(await findings(file, body('tags: [anything]'))).toEqual([]);
  });

  it("a post without a truncate marker where the blog asks for one (onUntruncatedBlogPosts, as the classic template writes it): a warning on its first line of text, an error with 'throw'", async () => {
    const root = await site('truncate', TEMPLATE_BLOG);
    const file = path.join(root, 'blog/2024-05-01-kcd/index.md');
    expect(await findings(file, body('tags: [kcd]'))).toEqual([]);
    expect(await findings(file, body('tags: [kcd]', 'Intro.\n\n{/* truncate */}\n\nMore.'))).toEqual([]);
    expect(await findings(file, body('tags: [kcd]', 'Intro.\n\nMore.'))).toEqual([['truncate-missing', 'warning', 7]]);
    const { problems } = await temp.lintWritten(file, body('tags: [kcd]', 'Intro.'));
    expect(problems[0]?.message).toBe("This blog asks every post for a truncate marker (onUntruncatedBlogPosts in its config): without one, the blog's list shows the whole post and Docusaurus warns when it builds the site. Put <!-- truncate --> (or {/* truncate */} in MDX) after the opening paragraph.");
    await writeText(path.join(root, 'docusaurus.config.js'), CONFIG.replace('{BLOG}', "{ onUntruncatedBlogPosts: 'throw' }"));
    expect(await findings(file, body('tags: [kcd]', 'Intro.'))).toEqual([['truncate-missing', 'error', 7]]);
    // Not asked (an older site's config), or a marker of the site's own: nothing.
    for (const blog of ['', "onUntruncatedBlogPosts: 'ignore'", "onUntruncatedBlogPosts: 'warn', truncateMarker: /<!--\\s*more\\s*-->/"]) {
      await writeText(path.join(root, 'docusaurus.config.js'), CONFIG.replace('{BLOG}', `{${blog}}`));
      expect(await findings(file, body('tags: [kcd]', 'Intro.')), blog).toEqual([]);
    }
  });

  it("a new recap shaped like such a blog's posts has the marker after its opening paragraph, and lints clean of it", async () => {
    const root = await site('template', TEMPLATE_BLOG);
    await writeText(path.join(root, 'blog/2024-05-01-kcd/index.md'), body('tags: [kcd]'));
    await temp.service().rememberSite({ dir: root });
    const made = await temp.service().newRecap({ template: { source: 'posts', name: 'event-recap', site: root }, title: 'Autumn Meetup' });
    expect(made.text).toMatch(/\n## Autumn Meetup\n\nWrite two or three sentences[^\n]*\n\n<!-- truncate -->\n\n## /);
    expect((await temp.service().lintRecap({ path: made.draft.recapPath, text: made.text })).map((p) => p.code)).not.toContain('truncate-missing');
    // A blog that does not ask for one: no marker.
    await writeText(path.join(root, 'docusaurus.config.js'), CONFIG.replace('{BLOG}', '{}'));
    const plain = await temp.service().newRecap({ template: { source: 'posts', name: 'event-recap', site: root }, title: 'Winter Meetup' });
    expect(plain.text).not.toContain('truncate');
  });

  it("an author written out in the post where the blog's config says how to report one (onInlineAuthors): a warning, an error with 'throw', nothing where it does not say", async () => {
    const root = await site('inline-authors', TEMPLATE_BLOG);
    const file = path.join(root, 'blog/2024-05-01-kcd/index.md');
    const withAuthors = (authors: string): string => body('tags: [kcd]').replace('authors: [ana]', authors);
    expect(await findings(file, withAuthors('authors: [ana, li]'))).toEqual([]);
    expect(await findings(file, withAuthors('authors:\n  - ana\n  - name: Bruno Lima\n    title: Speaker\n  - key: li\n    title: Host'))).toEqual([['author-inline', 'warning', 3]]);
    const { problems } = await temp.lintWritten(file, withAuthors('author: Bruno Lima'));
    expect(problems.map((p) => p.message)).toEqual(["Author \"Bruno Lima\" is written out in the post, not in blog/authors.yml: this blog's config says onInlineAuthors: 'warn', so Docusaurus warns about it when it builds the site. Add the author to blog/authors.yml and write their key here."]);
    await writeText(path.join(root, 'docusaurus.config.js'), CONFIG.replace('{BLOG}', "{ onInlineAuthors: 'throw' }"));
    expect(await findings(file, withAuthors('authors:\n  - name: Bruno Lima'))).toEqual([['author-inline', 'error', 3]]);
    await writeText(path.join(root, 'docusaurus.config.js'), CONFIG.replace('{BLOG}', '{}'));
    expect(await findings(file, withAuthors('authors:\n  - name: Bruno Lima'))).toEqual([]);
  });
});
