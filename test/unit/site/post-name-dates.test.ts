// A post's name as its site reads it. Jekyll reads `_posts/` (its DATE_FILENAME_MATCHER): a file is a
// post only where its name starts with a date (`kcd.md` is passed over without a word); the
// name's date dates a post whose front matter writes none, so one that is no day
// (`2024-13-01-kcd.md`) stops the build, and one after today keeps the post out of it. A Docusaurus
// blog dates a post by a date anywhere in its path, as JavaScript's Date reads it: one that is no
// date stops its build too. Said in lint, the CLI and export's preflight alike; the form's date
// help and the byline follow the name.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMsg } from '../../../electron/core/i18n/messages';
import { profileForRecap } from '../../../electron/service/site/site';
import { cliInProcess } from '../support/cli-run';
import { writeText } from '../support/site-fixture';
import { serviceInTempDir } from '../support/temp-service';

const temp = serviceInTempDir('jekyll-names');

const post = (...lines: string[]): string => ['---', 'layout: post', 'title: "KCD Porto"', ...lines, '---', '', 'The day.', ''].join('\n');

async function jekyllSite(name: string): Promise<string> {
  const site = path.join(temp.dir(), name);
  await writeText(path.join(site, '_config.yml'), 'title: Meetups\n');
  await writeText(path.join(site, '_posts/2024-03-01-spring.md'), post('date: 2024-03-01'));
  return site;
}

const found = async (file: string, text: string): Promise<Array<[string, string, string | undefined, string]>> =>
  (await temp.lintWritten(file, text)).problems.map((p) => [p.code, p.severity, p.field, p.message]);

/**
 * A post (written at `file`, without a date) whose name's date is no day, 2024-13-01: the form's
 * date field is required with `help` before anything is typed and the byline takes no date from
 * the name; `recap lint` and export's preflight say the same as lint.
 */
async function expectDateNeeded(file: string, site: string, help: string, cliLine: string): Promise<void> {
  const rules = profileForRecap(file);
  const date = rules.fields.find((f) => f.key === 'date');
  expect([rules.dateFromName, date?.required, date?.helpMsg?.key, rules.nameDateNotADay]).toEqual([undefined, true, help, '2024-13-01']);
  const run = await cliInProcess('lint', file);
  expect([run.code, run.out]).toEqual([1, expect.stringContaining(cliLine)]);
  const text = await fs.readFile(file, 'utf8');
  const report = await temp.service().exportRecap({ recapPath: file, text, target: { kind: 'site', dir: site }, dryRun: true });
  expect(report.problems.map((p) => p.code)).toEqual(['name-date']);
}

describe("a Jekyll post's file name", () => {
  it('a file in _posts/ whose name starts with no date is not published: a warning naming the file it should be, with the front matter\'s date', async () => {
    const site = await jekyllSite('undated');
    expect(await found(path.join(site, '_posts/kcd-porto.md'), post('date: 2024-05-01 10:00:00 +0100'))).toEqual([
      ['post-place', 'warning', undefined, 'Jekyll does not publish kcd-porto.md: it reads a file in _posts/ as a post only when its name starts with the post\'s date, as 2024-05-01-kcd-porto.md. Rename the file.'],
    ]);
    // Without a date written, the example says where the date goes.
    expect((await found(path.join(site, '_posts/2024/kcd-porto.md'), post())).map((p) => p[3])).toEqual([
      'Jekyll does not publish kcd-porto.md: it reads a file in _posts/ as a post only when its name starts with the post\'s date, as YYYY-MM-DD-kcd-porto.md. Rename the file.',
    ]);
    // Jekyll's own reading: a date of 1–2 digit month and day is one, a draft or a page needs none.
    expect(await found(path.join(site, '_posts/2024-5-1-kcd-porto.md'), post())).toEqual([]);
    expect(await found(path.join(site, '_drafts/kcd-porto.md'), post())).toEqual([]);
    expect(await found(path.join(site, 'about.md'), post())).toEqual([]);
  });

  it('a name whose date is no day: the date field is required, its error says why (Jekyll stops its build); none once a date is written', async () => {
    const site = await jekyllSite('bad-day');
    const file = path.join(site, '_posts/2024-13-01-kcd-porto.md');
    expect(await found(file, post())).toEqual([
      ['name-date', 'error', 'date', 'The file\'s name dates this post 2024-13-01, which is not a day: there is no month 13; write the month as 01 to 12. Jekyll stops the site\'s build on it ("does not have a valid date in the filename"): write the post\'s date as date: YYYY-MM-DD, or rename the file with it.'],
    ]);
    // An empty `date:` is none to Jekyll: the error is on its line.
    const empty = (await temp.lintWritten(file, post('date:'))).problems;
    expect(empty.map((p) => [p.code, p.line])).toEqual([['name-date', 4]]);
    expect(await found(file, post('date: 2024-05-01'))).toEqual([]);
    expect((await found(path.join(site, '_posts/2023-02-29-kcd.md'), post())).map((p) => p[3])).toEqual([
      'The file\'s name dates this post 2023-02-29, which is not a day: February 2023 has no day 29 (it has 28 days). Jekyll stops the site\'s build on it ("does not have a valid date in the filename"): write the post\'s date as date: YYYY-MM-DD, or rename the file with it.',
    ]);

    await writeText(file, post());
    await expectDateNeeded(file, site, 'rules.jekyllNameDateHelp', 'error The file\'s name dates this post 2024-13-01, which is not a day');
  });

  it('a name dated after today, with no date written: the post is left out of the build unless the config says future: true', async () => {
    const site = await jekyllSite('future');
    const file = path.join(site, '_posts/2099-05-01-kcd-porto.md');
    expect(await found(file, post())).toEqual([
      ['unpublished-future', 'warning', 'date', 'This post is dated 2099-05-01 by its file\'s name, after today: Jekyll does not publish it before that day (future: true in its config would). Check the date.'],
    ]);
    // A date written is the post's: the name's says nothing then.
    expect(await found(file, post('date: 2024-05-01'))).toEqual([]);
    await writeText(path.join(site, '_config.yml'), 'title: Meetups\nfuture: true\n');
    expect(await found(file, post())).toEqual([]);
  });

  it("Jekyll's dates of one-digit month and day date the post too", async () => {
    const site = await jekyllSite('short');
    const file = await writeText(path.join(site, '_posts/2024-5-1-kcd-porto.md'), post());
    expect(profileForRecap(file).dateFromName).toEqual({ date: '2024-05-01', where: 'file' });
  });
});

describe("a Docusaurus post's dated path", () => {
  async function docusaurusSite(name: string): Promise<string> {
    const site = path.join(temp.dir(), name);
    await writeText(path.join(site, 'docusaurus.config.js'), "module.exports = { title: 'Meetups', presets: [['classic', { blog: {} }]] };\n");
    return site;
  }
  const blogPost = (...lines: string[]): string => ['---', 'title: "KCD Porto"', ...lines, '---', '', 'The day.', ''].join('\n');
  const why = (date: string, reason: string): string =>
    `The post's path dates it ${date}, which is not a day: ${reason}. Docusaurus stops the site's build on it ("Can't format blog post date"): write the post's date as date: YYYY-MM-DD, or rename the file (or its folder) with it.`;

  it('a date that is none, in the name, a bundle\'s folder or the folders above: the date field is required, its error says why; none once a date is written', async () => {
    const site = await docusaurusSite('bad-day');
    const month13 = why('2024-13-01', 'there is no month 13; write the month as 01 to 12');
    for (const inBlog of ['2024-13-01-kcd-porto.md', '2024-13-01-kcd-porto/index.md', '2024/13/01/kcd-porto.md', '2024/13-1-kcd-porto.mdx']) {
      const file = path.join(site, 'blog', inBlog);
      expect([inBlog, await found(file, blogPost())]).toEqual([inBlog, [['name-date', 'error', 'date', month13]]]);
      expect([inBlog, await found(file, blogPost('date: 2024-05-01'))]).toEqual([inBlog, []]);
    }
    expect((await found(path.join(site, 'blog/2024-04-32-kcd.md'), blogPost())).map((p) => p[3])).toEqual([why('2024-04-32', 'April 2024 has no day 32 (it has 30 days)')]);

    const file = await writeText(path.join(site, 'blog/2024-13-01-kcd-porto.md'), blogPost());
    await expectDateNeeded(file, site, 'rules.docusaurusNameDateHelp', "error The post's path dates it 2024-13-01, which is not a day");
  });

  it("a day past its month's end is the next month's, as Docusaurus' Date reads it: the form says so and a warning asks for the day meant; a one-digit month and day are read too", async () => {
    const site = await docusaurusSite('rollover');
    const dated = async (inBlog: string): Promise<unknown> => profileForRecap(await writeText(path.join(site, 'blog', inBlog), blogPost())).dateFromName;
    expect(await dated('2024-02-30-kcd-porto.md')).toEqual({ date: '2024-03-01', where: 'file', written: '2024-02-30' });
    expect(await dated('2024-4-31-kcd/index.md')).toEqual({ date: '2024-05-01', where: 'folder', written: '2024-04-31' });
    expect(await dated('2024/5/1/kcd.md')).toEqual({ date: '2024-05-01', where: 'folder' });

    const file = path.join(site, 'blog/2024-02-30-kcd-porto.md');
    const date = profileForRecap(file).fields.find((f) => f.key === 'date');
    expect([date?.required, date?.helpMsg && formatMsg('en', date.helpMsg)]).toEqual([
      false,
      'Left empty, the site dates the post 2024-03-01: its file name says 2024-02-30, a day that does not exist, which Docusaurus reads as 2024-03-01. A date here takes its place.',
    ]);
    const rolled = "The post's path dates it 2024-02-30, which is not a day: February 2024 has no day 30 (it has 29 days). Docusaurus reads it as 2024-03-01 and dates the post so: write the post's date as date: YYYY-MM-DD, or rename the file (or its folder) with the day you mean.";
    expect(await found(file, blogPost())).toEqual([['name-date', 'warning', 'date', rolled]]);
    expect(await found(file, blogPost('date: 2024-02-29'))).toEqual([]);
  });
});
