// A post its site's generator leaves out when it builds the site — a draft, a post dated after
// today, an expired one, as the site's config says — is a warning in lint and export's
// preflight (which still write it): readers would not see it, whatever "ready" says.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unpublishedProblems } from '../../../electron/core/recap/lint-publish';
import { loadProfile } from '../../../electron/service/site/profile';
import { writeText } from '../support/site-fixture';
import { serviceInTempDir } from '../support/temp-service';

const temp = serviceInTempDir('unpublished');

const post = (...lines: string[]): string => ['---', 'title: "KCD Porto"', ...lines, '---', '', 'The day.', ''].join('\n');

async function codes(file: string, text: string): Promise<Array<[string, number | undefined, string | undefined]>> {
  return (await temp.lintWritten(file, text)).problems.filter((p) => p.code.startsWith('unpublished-')).map((p) => [p.code, p.line, p.field]);
}

describe('a post the site leaves out of its build', () => {
  it("Hugo: a draft, a publish date after today, an expiry date before today; none where the config builds them", async () => {
    const site = path.join(temp.dir(), 'hugo');
    await writeText(path.join(site, 'hugo.toml'), 'baseURL = "https://example.org/"\n');
    const file = path.join(site, 'content/posts/kcd-porto.md');
    expect(await codes(file, post('date: 2024-05-01', 'draft: false'))).toEqual([]);
    expect(await codes(file, post('date: 2099-05-01', 'draft: true', 'expiryDate: 2001-01-01'))).toEqual([
      ['unpublished-future', 3, 'date'],
      ['unpublished-draft', 4, 'draft'],
      ['unpublished-expired', 5, 'expiryDate'],
    ]);
    // Hugo publishes by publishDate before date.
    expect(await codes(file, post('date: 2024-05-01', 'publishDate: 2099-05-01T10:00:00Z'))).toEqual([['unpublished-future', 4, 'publishDate']]);
    const { problems } = await temp.lintWritten(file, post('date: 2024-05-01', 'draft: true'));
    expect(problems.map((p) => [p.severity, p.message])).toEqual([['warning', 'This post says draft: true: Hugo leaves drafts out when it builds the site, so readers will not see it. Set draft: false when it is ready.']]);
    await writeText(path.join(site, 'hugo.toml'), 'baseURL = "https://example.org/"\nbuildDrafts = true\nbuildFuture = true\nbuildExpired = true\n');
    expect(await codes(file, post('date: 2099-05-01', 'draft: true', 'expiryDate: 2001-01-01'))).toEqual([]);
  });

  it("Jekyll: published: false, and a date after today unless the config says future: true; Docusaurus: a draft only", async () => {
    const site = path.join(temp.dir(), 'jekyll');
    await writeText(path.join(site, '_config.yml'), 'title: Meetups\n');
    const file = path.join(site, '_posts/2024-05-01-kcd-porto.md');
    expect(await codes(file, post('date: 2099-05-01', 'published: false'))).toEqual([
      ['unpublished-future', 3, 'date'],
      ['unpublished-draft', 4, 'published'],
    ]);
    expect((await temp.lintWritten(file, post('date: 2099-05-01'))).problems.map((p) => p.message)).toContain('This post is dated 2099-05-01 (date), after today: Jekyll does not publish it before that day (future: true in its config would). Check the date.');
    await writeText(path.join(site, '_config.yml'), 'title: Meetups\nfuture: true\n');
    expect(await codes(file, post('date: 2099-05-01'))).toEqual([]);

    const docs = path.join(temp.dir(), 'docusaurus');
    await writeText(path.join(docs, 'docusaurus.config.js'), "module.exports = { title: 'Meetups' };\n");
    expect(await codes(path.join(docs, 'blog/2024-05-01-kcd.md'), post('date: 2099-05-01', 'draft: true'))).toEqual([['unpublished-draft', 4, 'draft']]);
  });

  it("export's preflight says so and still writes the post; outside a site nothing is said", async () => {
    const site = path.join(temp.dir(), 'export');
    await writeText(path.join(site, 'hugo.toml'), 'baseURL = "https://example.org/"\n');
    for (const n of ['a', 'b']) await writeText(path.join(site, 'content/posts', `${n}.md`), post('date: 2024-05-01'));
    const text = post('date: 2026-10-20', 'draft: true');
    const recap = await writeText(path.join(temp.dir(), 'drafts/autumn/recap.md'), text);
    expect(await codes(recap, text)).toEqual([]);
    const done = await temp.service().exportRecap({ recapPath: recap, text, target: { kind: 'site', dir: site } });
    expect([done.written, done.problems.map((p) => p.code)]).toEqual([true, ['unpublished-draft']]);
    expect(await fs.readFile(path.join(site, done.post ?? ''), 'utf8')).toContain('draft: true');
  });

  it('today is not after today, wherever the site is built: a day is future only after both the local and the UTC date', () => {
    const profile = { ...loadProfile('hugo-bundle'), generator: 'hugo' as const, leavesOut: { drafts: true, future: true, expired: true } };
    const now = new Date('2026-12-05T12:00:00Z');
    const at = (date: string): string[] => unpublishedProblems(post(`date: ${date}`, `expiryDate: ${date}`), profile, now).map((p) => p.code);
    expect(at('2026-12-05')).toEqual([]);
    expect(at('2026-12-07')).toEqual(['unpublished-future']);
    expect(at('2026-12-03')).toEqual(['unpublished-expired']);
  });
});
