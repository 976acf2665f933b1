// A Jekyll post's file name, as Jekyll reads `_posts/` (its DATE_FILENAME_MATCHER): a file is a
// post only where its name starts with a date (`kcd.md` is passed over without a word); the
// name's date dates a post whose front matter writes none, so one that is no day
// (`2024-13-01-kcd.md`) stops the build, and one after today keeps the post out of it. Said in
// lint, the CLI and export's preflight alike; the form's date help and the byline follow the name.

import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
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
      ['jekyll-date', 'error', 'date', 'The file\'s name dates this post 2024-13-01, which is not a day: there is no month 13; write the month as 01 to 12. Jekyll stops the site\'s build on it ("does not have a valid date in the filename"): write the post\'s date as date: YYYY-MM-DD, or rename the file with it.'],
    ]);
    // An empty `date:` is none to Jekyll: the error is on its line.
    const empty = (await temp.lintWritten(file, post('date:'))).problems;
    expect(empty.map((p) => [p.code, p.line])).toEqual([['jekyll-date', 4]]);
    expect(await found(file, post('date: 2024-05-01'))).toEqual([]);
    expect((await found(path.join(site, '_posts/2023-02-29-kcd.md'), post())).map((p) => p[3])).toEqual([
      'The file\'s name dates this post 2023-02-29, which is not a day: February 2023 has no day 29 (it has 28 days). Jekyll stops the site\'s build on it ("does not have a valid date in the filename"): write the post\'s date as date: YYYY-MM-DD, or rename the file with it.',
    ]);

    // The form says so, and the byline takes no date from the name.
    const rules = profileForRecap(file);
    expect(rules.dateFromName).toBeUndefined();
    const date = rules.fields.find((f) => f.key === 'date');
    expect([date?.required, date?.helpMsg?.key, rules.nameDateNotADay]).toEqual([true, 'rules.jekyllNameDateHelp', '2024-13-01']);

    // The CLI and export's preflight say the same.
    await writeText(file, post());
    const run = await cliInProcess('lint', file);
    expect([run.code, run.out]).toEqual([1, expect.stringContaining('error The file\'s name dates this post 2024-13-01, which is not a day')]);
    const report = await temp.service().exportRecap({ recapPath: file, text: post(), target: { kind: 'site', dir: site }, dryRun: true });
    expect(report.problems.map((p) => p.code)).toEqual(['jekyll-date']);
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
