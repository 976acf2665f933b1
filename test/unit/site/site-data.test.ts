// What a post's byline takes from its site's files, read under containment: Docusaurus'
// authors.yml names (the post's own blog, a translation's localized file first) and Jekyll's
// timezone. A missing, broken or outside file gives nothing, and the post still opens.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serviceInTempDir } from '../support/temp-service';
import { writeText } from '../support/site-fixture';
import { bylineDateText } from '../../../renderer/preview/byline';

const POST = '---\ntitle: KCD\nauthors: [slorber, ann, nobody]\n---\n\nText.\n';
const AUTHORS = 'slorber:\n  name: Sébastien Lorber\n  title: Docusaurus maintainer\nann:\n  name: Ann Lee\nconstructor:\n  title: no name\n';

describe('the byline from the site', () => {
  const temp = serviceInTempDir('byline');

  const docusaurus = async (): Promise<string> => {
    const site = path.join(temp.dir(), 'docs');
    await writeText(path.join(site, 'docusaurus.config.js'), "module.exports = { title: 'KCD', i18n: { defaultLocale: 'en', locales: ['en', 'zh'] } };\n");
    return site;
  };

  it('Docusaurus: the names its blog/authors.yml gives the keys, for the post and a translation', async () => {
    const site = await docusaurus();
    await writeText(path.join(site, 'blog/authors.yml'), AUTHORS);
    const post = await writeText(path.join(site, 'blog/2024-05-01-kcd/index.md'), POST);
    expect((await temp.service().openRecap({ path: post })).profile.authorNames).toEqual({ slorber: 'Sébastien Lorber', ann: 'Ann Lee' });

    const zh = await writeText(path.join(site, 'i18n/zh/docusaurus-plugin-content-blog/2024-05-01-kcd/index.md'), POST);
    expect((await temp.service().openRecap({ path: zh })).profile.authorNames).toEqual({ slorber: 'Sébastien Lorber', ann: 'Ann Lee' });
    await writeText(path.join(site, 'i18n/zh/docusaurus-plugin-content-blog/authors.yml'), 'slorber:\n  name: 塞巴斯蒂安\n');
    expect((await temp.service().openRecap({ path: zh })).profile.authorNames).toEqual({ slorber: '塞巴斯蒂安' });
  });

  it('Docusaurus: a missing, broken or linked-out authors.yml leaves the keys', async () => {
    const site = await docusaurus();
    const post = await writeText(path.join(site, 'blog/2024-05-01-kcd/index.md'), POST);
    expect((await temp.service().openRecap({ path: post })).profile.authorNames).toBeUndefined();
    await writeText(path.join(site, 'blog/authors.yml'), 'slorber: [name: {\n');
    expect((await temp.service().openRecap({ path: post })).profile.authorNames).toBeUndefined();
    await fs.rm(path.join(site, 'blog/authors.yml'));
    const outside = await writeText(path.join(temp.dir(), 'elsewhere/authors.yml'), AUTHORS);
    await fs.symlink(outside, path.join(site, 'blog/authors.yml'));
    expect((await temp.service().openRecap({ path: post })).profile.authorNames).toBeUndefined();
  });

  it("Jekyll: the site's timezone from _config.yml, when it is a real zone", async () => {
    const site = path.join(temp.dir(), 'jekyll');
    await writeText(path.join(site, '_config.yml'), 'title: KCD\ntimezone: Asia/Shanghai\n');
    const post = await writeText(path.join(site, '_posts/2021-11-02-kcd.md'), '---\ntitle: KCD\ndate: 2021-11-02 23:30:00 -0800\n---\n\nText.\n');
    expect((await temp.service().openRecap({ path: post })).profile.timezone).toBe('Asia/Shanghai');
    await writeText(path.join(site, '_config.yml'), 'title: KCD\ntimezone: Mars/Olympus\n');
    expect((await temp.service().openRecap({ path: post })).profile.timezone).toBeUndefined();
  });

  it("Jekyll: export names a new post by the day its byline shows, the day the site's timezone puts its date in", async () => {
    const site = path.join(temp.dir(), 'jekyll');
    await writeText(path.join(site, '_config.yml'), 'title: KCD\ntimezone: Asia/Shanghai\n');
    await writeText(path.join(site, '_posts/2021-10-01-older.md'), '---\ntitle: Older\ndate: 2021-10-01\n---\n\nText.\n');
    const postFor = async (date: string): Promise<string | null> => {
      const text = `---\ntitle: KCD China\ndate: ${date}\n---\n\nText.\n`;
      const draft = await writeText(path.join(temp.dir(), 'drafts/kcd-china.md'), text);
      return (await temp.service().exportRecap({ recapPath: draft, text, target: { kind: 'site', dir: site }, dryRun: true })).post;
    };
    // 23:30 in UTC-8 is 15:30 the next day in Shanghai: the post's URL, its byline and its file name say 3 November.
    expect(await postFor('2021-11-02 23:30:00 -0800')).toBe('_posts/2021-11-03-kcd-china.md');
    expect(bylineDateText('2021-11-02 23:30:00 -0800', 'en', 'Asia/Shanghai')).toBe('November 3, 2021');
    expect(await postFor('2021-11-03T01:00:00+09:00')).toBe('_posts/2021-11-03-kcd-china.md');
    expect(await postFor('2021-11-03T01:00:00Z')).toBe('_posts/2021-11-03-kcd-china.md');
    // A time without an offset is read in the site's zone: the day written.
    expect(await postFor('2021-11-02 23:30:00')).toBe('_posts/2021-11-02-kcd-china.md');

    // West of the moment's offset the day comes earlier; without a timezone, the day written.
    await writeText(path.join(site, '_config.yml'), 'title: KCD\ntimezone: America/Los_Angeles\n');
    expect(await postFor('2021-11-03 00:30:00 +0800')).toBe('_posts/2021-11-02-kcd-china.md');
    await writeText(path.join(site, '_config.yml'), 'title: KCD\n');
    expect(await postFor('2021-11-02 23:30:00 -0800')).toBe('_posts/2021-11-02-kcd-china.md');
  });
});
