// What Hugo's build stops on in a post's front matter (core/recap/lint-hugo.ts). Hugo reads its
// date fields (date, publishDate, pubDate, published, lastmod, modified, expiryDate,
// unpublishDate; any case, or the keys the site's [frontmatter] config says) as dates and stops
// the build on text it cannot read ("the "lastmod" front matter field is not a parsable date"),
// and on yes/no (Jekyll's `published: false`) since Hugo 0.136; and on a `url` or an alias that
// is a full address. Lint says so first where that is sure; other spellings Hugo reads are left
// alone, and a Jekyll or Docusaurus post is not Hugo's.

import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { profileForRecap } from '../../../electron/service/site/site';
import { writeText } from '../support/site-fixture';
import { serviceInTempDir } from '../support/temp-service';

const temp = serviceInTempDir('hugo-dates');

const post = (lines: string[]): string => ['---', 'title: KCD Porto', 'date: 2024-05-01', ...lines, '---', '', 'The day.', ''].join('\n');

type Found = Array<[string, string | undefined, number | undefined]>;

/** The errors lint finds in a post written at `file` with `lines` in its front matter: code, field, line. */
/** Every message lint gives such a post. */
async function messagesIn(file: string, lines: string[]): Promise<string[]> {
  return (await temp.lintWritten(file, post(lines))).problems.map((p) => p.message);
}

async function errorsIn(file: string, lines: string[]): Promise<Found> {
  return (await temp.lintWritten(file, post(lines))).problems.filter((p) => p.severity === 'error').map((p) => [p.code, p.field, p.line]);
}

describe("what Hugo's build refuses in a post's front matter", () => {
  it('text Hugo cannot read as a date stops its build: an error on that field; what it reads is fine', async () => {
    const root = path.join(temp.dir(), 'hugo');
    await writeText(path.join(root, 'hugo.toml'), "title = 'Meetups'\n");
    const file = path.join(root, 'content/posts/kcd.md');
    const found = (lines: string[]): Promise<Found> => errorsIn(file, lines);
    expect(await found(['lastmod: 2024-05-02T10:00:00Z', 'publishDate: 02 Jan 2024', 'expiryDate: ""', 'modified: 1714557600'])).toEqual([]);
    expect(await found(['lastmod: yesterday', 'ExpiryDate: TBD', 'publishDate: 2024-13-01', 'unpublishdate: 2024-02-30T00:00:00Z'])).toEqual([
      ['hugo-date', 'lastmod', 4],
      ['hugo-date', 'ExpiryDate', 5],
      ['hugo-date', 'publishDate', 6],
      ['hugo-date', 'unpublishdate', 7],
    ]);
    expect(await messagesIn(file, ['lastmod: yesterday'])).toEqual([
      'lastmod is not a date Hugo can read ("yesterday": it has no digits), and Hugo stops the site\'s build on it ("the "lastmod" front matter field is not a parsable date"). Write it as YYYY-MM-DD, or remove the line.',
    ]);
    // Jekyll's `published: false` (or true) in a Hugo post: Hugo reads `published` as its publish date and stops on yes/no.
    expect(await found(['published: false'])).toEqual([['hugo-date', 'published', 4]]);
    expect(await messagesIn(file, ['Published: true'])).toEqual([
      'Published: true is yes or no, but Hugo reads Published as a date and stops the site\'s build on it ("the "published" front matter field is not a parsable date"). Remove the line; to keep the post out of the site, write draft: true.',
    ]);
    // TOML front matter alike; a yes/no field that is not one of Hugo's dates is not its business.
    const toml = ['+++', "title = 'KCD Porto'", "date = '2024-05-01'", 'published = false', 'featured = true', '+++', '', 'The day.', ''].join('\n');
    expect((await temp.lintWritten(file, toml)).problems.filter((p) => p.severity === 'error').map((p) => [p.code, p.field, p.line])).toEqual([['hugo-date', 'published', 4]]);
    // The profile's own date field is checked once, by its own rule.
    const undated = await temp.lintWritten(file, post([]).replace('date: 2024-05-01', 'date: someday'));
    expect(undated.problems.filter((p) => p.field === 'date').map((p) => p.code)).toEqual(['field-date']);
    // Not a Hugo post: Jekyll reads its own date only.
    const jekyll = path.join(temp.dir(), 'jekyll');
    await writeText(path.join(jekyll, '_config.yml'), 'title: Meetups\n');
    expect((await temp.lintWritten(path.join(jekyll, '_posts/2024-05-01-kcd.md'), post(['lastmod: yesterday']))).problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it("a site whose config's [frontmatter] changes the keys Hugo reads as dates is checked by its own keys", async () => {
    const root = path.join(temp.dir(), 'custom');
    await writeText(
      path.join(root, 'hugo.toml'),
      ["title = 'Meetups'", '[frontmatter]', "date = [':filename', 'date']", "lastmod = [':fileModTime']", "publishDate = ['released', ':default']"].join('\n') + '\n',
    );
    const file = path.join(root, 'content/posts/kcd.md');
    const errors = async (lines: string[]): Promise<Array<[string, string | undefined]>> => (await errorsIn(file, lines)).map(([code, field]) => [code, field]);
    // lastmod (and its alias modified) is no date in this site: Hugo takes it from the file's time.
    expect(await errors(['lastmod: TBD', 'modified: by Ana'])).toEqual([]);
    // Its own key is one, with :default's keys after it.
    expect(await errors(['released: soon', 'pubDate: TBD'])).toEqual([
      ['hugo-date', 'released'],
      ['hugo-date', 'pubDate'],
    ]);
    // And its publish date comes from it first: a day after today there is a post left out.
    const later = (await temp.lintWritten(file, post(['released: 2099-05-01']))).problems.filter((p) => p.code === 'unpublished-future');
    expect(later.map((p) => p.field)).toEqual(['released']);

    // config/_default/frontmatter.toml alike; a publish date read from the file's name first is the name's day.
    const folder = path.join(temp.dir(), 'folder');
    await writeText(path.join(folder, 'config/_default/hugo.toml'), "title = 'Meetups'\n");
    await writeText(path.join(folder, 'config/_default/frontmatter.toml'), "date = ['date']\nlastmod = [':fileModTime']\npublishDate = [':filename', ':default']\n");
    const lines = ['lastmod: TBD', 'pubDate: TBD', 'publishDate: 2099-05-01'];
    const found = (await temp.lintWritten(path.join(folder, 'content/posts/kcd.md'), post(lines))).problems;
    expect(found.filter((p) => p.severity === 'error').map((p) => [p.code, p.field])).toEqual([['hugo-date', 'pubDate']]);
    // `kcd` gives Hugo no day: the front matter's publishDate is the publish date, after today.
    expect(found.filter((p) => p.code === 'unpublished-future').map((p) => p.field)).toEqual(['publishDate']);
    const named = (await temp.lintWritten(path.join(folder, 'content/posts/2024-05-01-kcd.md'), post(lines))).problems;
    expect(named.filter((p) => p.code === 'unpublished-future')).toEqual([]);
  });

  it("a publish date is read as Hugo reads it: a date its date list found (the file's name, lastmod) where the front matter writes none", async () => {
    const root = path.join(temp.dir(), 'publish-by-name');
    await writeText(path.join(root, 'hugo.toml'), ["title = 'Meetups'", '[frontmatter]', "date = [':filename', ':default']"].join('\n') + '\n');
    const future = async (file: string, lines: string[]): Promise<Array<[string | undefined, string]>> =>
      (await temp.lintWritten(path.join(root, file), ['---', 'title: KCD Porto', ...lines, '---', '', 'The day.', ''].join('\n'))).problems.filter((p) => p.code === 'unpublished-future').map((p) => [p.field, p.message]);
    // Hugo gives the name's day to the page's date, and reads its publish date from that date: left out until then.
    const byName = "This post is dated 2099-05-01 by its file's name, after today: Hugo does not publish it before that day (buildFuture = true in its config would). Check the date.";
    expect(await future('content/posts/2099-05-01-kcd-porto.md', [])).toEqual([['date', byName]]);
    expect(await future('content/posts/2099-05-01-kcd-porto/index.md', [])).toEqual([['date', byName]]);
    // A date written is the publish date whatever the name says (the name still dates the page).
    expect(await future('content/posts/2099-05-01-kcd-porto.md', ['date: 2024-05-01'])).toEqual([]);
    expect((await future('content/posts/2024-05-01-kcd-porto.md', ['publishDate: 2099-06-01'])).map(([field]) => field)).toEqual(['publishDate']);
    expect(await future('content/posts/2024-05-01-kcd-porto.md', [])).toEqual([]);
    // A date the file's time gives first is never after today.
    await writeText(path.join(root, 'hugo.toml'), ["title = 'Meetups'", '[frontmatter]', "date = [':fileModTime', ':default']"].join('\n') + '\n');
    expect(await future('content/posts/kcd-porto.md', ['publishDate: 2024-05-01'])).toEqual([]);
    expect(await future('content/posts/kcd-porto.md', ['lastmod: 2099-05-01'])).toEqual([]);
    // Hugo's defaults: a page without a date is dated by its lastmod, and published then.
    const plain = path.join(temp.dir(), 'publish-by-lastmod');
    await writeText(path.join(plain, 'hugo.toml'), "title = 'Meetups'\n");
    const lastmod = (await temp.lintWritten(path.join(plain, 'content/posts/kcd.md'), ['---', 'title: KCD Porto', 'lastmod: 2099-05-01', '---', '', 'The day.', ''].join('\n'))).problems;
    expect(lastmod.filter((p) => p.code === 'unpublished-future').map((p) => [p.field, p.line])).toEqual([['lastmod', 3]]);
  });

  it('a url or an alias that is a full address stops its build: an error on that field; a path is fine', async () => {
    const root = path.join(temp.dir(), 'links');
    await writeText(path.join(root, 'hugo.toml'), "title = 'Meetups'\n");
    const file = path.join(root, 'content/posts/kcd.md');
    const errors = (lines: string[]): Promise<Found> => errorsIn(file, lines);
    expect(await errors(['url: /news/kcd-porto/', 'aliases: [/2024/kcd-porto/, old-kcd]', 'canonical: https://kcd.example.org/porto'])).toEqual([]);
    expect(await errors(['URL: https://kcd.example.org/porto', 'aliases:', '  - /2024/kcd/', '  - http://old.example.org/kcd'])).toEqual([
      ['hugo-url', 'URL', 4],
      ['hugo-url', 'aliases', 5],
    ]);
    expect(await messagesIn(file, ['url: https://kcd.example.org/porto'])).toEqual([
      'url is a full address (https://kcd.example.org/porto), and Hugo stops the site\'s build on it ("URLs with protocol (http*) not supported"): url sets the page\'s path in this site. Write a path such as /news/kcd-porto/, or remove the line.',
    ]);
    // Aliases written as one string are its words, as Hugo reads them.
    expect(await errors(['aliases: /2024/kcd/ https://old.example.org/kcd'])).toEqual([['hugo-url', 'aliases', 4]]);
    // Outside any site only generic checks run: what Hugo refuses is no error of a file that may be Jekyll's.
    expect(await errorsIn(path.join(temp.dir(), 'lone/kcd.md'), ['published: false', 'url: https://kcd.example.org/porto', 'lastmod: TBD'])).toEqual([]);
    // A Jekyll post's url is Jekyll's business.
    const jekyll = path.join(temp.dir(), 'jekyll-links');
    await writeText(path.join(jekyll, '_config.yml'), 'title: Meetups\n');
    expect((await temp.lintWritten(path.join(jekyll, '_posts/2024-05-01-kcd.md'), post(['url: https://kcd.example.org/porto']))).problems.filter((p) => p.code === 'hugo-url')).toEqual([]);
  });

  it("a site whose config dates pages by their names (date = [':filename', ':default']) gives a post its name's date, as Jekyll's do", async () => {
    const root = path.join(temp.dir(), 'by-name');
    await writeText(path.join(root, 'hugo.toml'), ["title = 'Meetups'", '[frontmatter]', "date = [':filename', ':default']"].join('\n') + '\n');
    const file = path.join(root, 'content/posts/2024-05-01-kcd-porto.md');
    await writeText(file, ['---', 'title: KCD Porto', '---', '', 'The day.', ''].join('\n'));
    // Read first, the name's date wins over the front matter's too; the form's help says so.
    const profile = profileForRecap(file);
    expect(profile.dateFromName).toEqual({ date: '2024-05-01', where: 'file', first: true });
    expect(profile.fields.find((f) => f.key === 'date')?.helpMsg?.key).toBe('rules.dateFromNameFirstHelp');
    const bundle = path.join(root, 'content/posts/2024-05-02-meetup/index.md');
    expect(profileForRecap(bundle).dateFromName).toEqual({ date: '2024-05-02', where: 'folder', first: true });
    expect(profileForRecap(path.join(root, 'content/posts/kcd.md')).dateFromName).toBeUndefined();
    // Hugo's reading of a name: its first ten characters, a day that exists, whatever follows (the link card's slug reads the same).
    expect(profileForRecap(path.join(root, 'content/posts/2024-05-03_kcd.md')).dateFromName).toEqual({ date: '2024-05-03', where: 'file', first: true });
    expect(profileForRecap(path.join(root, 'content/posts/2024-05-04.md')).dateFromName).toEqual({ date: '2024-05-04', where: 'file', first: true });
    expect(profileForRecap(path.join(root, 'content/posts/2024-13-01-kcd.md')).dateFromName).toBeUndefined();
    // Read after the front matter's keys, it dates a post whose front matter has none, as Jekyll's name does.
    await writeText(path.join(root, 'hugo.toml'), ["title = 'Meetups'", '[frontmatter]', "date = [':default', ':filename']"].join('\n') + '\n');
    const fallback = profileForRecap(file);
    expect(fallback.dateFromName).toEqual({ date: '2024-05-01', where: 'file' });
    expect(fallback.fields.find((f) => f.key === 'date')?.helpMsg?.key).toBe('rules.dateFromNameHelp');
    // A site without it: the name is no date to Hugo.
    const plain = path.join(temp.dir(), 'plain-names');
    await writeText(path.join(plain, 'hugo.toml'), "title = 'Meetups'\n");
    expect(profileForRecap(path.join(plain, 'content/posts/2024-05-01-kcd-porto.md')).dateFromName).toBeUndefined();
  });
});
