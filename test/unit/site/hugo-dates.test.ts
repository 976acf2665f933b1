// Hugo reads its date fields (date, publishDate, pubDate, published, lastmod, modified,
// expiryDate, unpublishDate; any case) as dates and stops the build on text it cannot read ("the
// "lastmod" front matter field is not a parsable date"). Lint says so first where that is sure;
// other spellings Hugo reads are left alone, and a Jekyll or Docusaurus post is not Hugo's. Yes/no
// in one of them (Jekyll's `published: false`) stops Hugo's build too, since Hugo 0.136.

import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeText } from '../support/site-fixture';
import { serviceInTempDir } from '../support/temp-service';

const temp = serviceInTempDir('hugo-dates');

const post = (lines: string[]): string => ['---', 'title: KCD Porto', 'date: 2024-05-01', ...lines, '---', '', 'The day.', ''].join('\n');

describe("Hugo's date fields", () => {
  it('text Hugo cannot read as a date stops its build: an error on that field; what it reads is fine', async () => {
    const root = path.join(temp.dir(), 'hugo');
    await writeText(path.join(root, 'hugo.toml'), "title = 'Meetups'\n");
    const file = path.join(root, 'content/posts/kcd.md');
    const found = async (lines: string[]): Promise<Array<[string, string | undefined, number | undefined]>> =>
      (await temp.lintWritten(file, post(lines))).problems.filter((p) => p.severity === 'error').map((p) => [p.code, p.field, p.line]);
    expect(await found(['lastmod: 2024-05-02T10:00:00Z', 'publishDate: 02 Jan 2024', 'expiryDate: ""', 'modified: 1714557600'])).toEqual([]);
    expect(await found(['lastmod: yesterday', 'ExpiryDate: TBD', 'publishDate: 2024-13-01', 'unpublishdate: 2024-02-30T00:00:00Z'])).toEqual([
      ['hugo-date', 'lastmod', 4],
      ['hugo-date', 'ExpiryDate', 5],
      ['hugo-date', 'publishDate', 6],
      ['hugo-date', 'unpublishdate', 7],
    ]);
    const { problems } = await temp.lintWritten(file, post(['lastmod: yesterday']));
    expect(problems.map((p) => p.message)).toEqual([
      'lastmod is not a date Hugo can read ("yesterday": it has no digits), and Hugo stops the site\'s build on it ("the "lastmod" front matter field is not a parsable date"). Write it as YYYY-MM-DD, or remove the line.',
    ]);
    // Jekyll's `published: false` (or true) in a Hugo post: Hugo reads `published` as its publish date and stops on yes/no.
    expect(await found(['published: false'])).toEqual([['hugo-date', 'published', 4]]);
    expect((await temp.lintWritten(file, post(['Published: true']))).problems.map((p) => p.message)).toEqual([
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
    const errors = async (lines: string[]): Promise<Array<[string, string | undefined]>> =>
      (await temp.lintWritten(file, post(lines))).problems.filter((p) => p.severity === 'error').map((p) => [p.code, p.field]);
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

    // config/_default/frontmatter.toml alike; a publish date a file name may give first is not said to be after today.
    const folder = path.join(temp.dir(), 'folder');
    await writeText(path.join(folder, 'config/_default/hugo.toml'), "title = 'Meetups'\n");
    await writeText(path.join(folder, 'config/_default/frontmatter.toml'), "date = ['date']\nlastmod = [':fileModTime']\npublishDate = [':filename', ':default']\n");
    const inFolder = path.join(folder, 'content/posts/kcd.md');
    const found = (await temp.lintWritten(inFolder, post(['lastmod: TBD', 'pubDate: TBD', 'publishDate: 2099-05-01']))).problems;
    expect(found.filter((p) => p.severity === 'error').map((p) => [p.code, p.field])).toEqual([['hugo-date', 'pubDate']]);
    expect(found.filter((p) => p.code === 'unpublished-future')).toEqual([]);
  });
});
