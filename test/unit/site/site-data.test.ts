// What a post's byline takes from its site's files, read under containment: Docusaurus'
// authors.yml names (the post's own blog, a translation's localized file first) and Jekyll's
// timezone. A missing, broken or outside file gives nothing, and the post still opens.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serviceInTempDir } from '../support/temp-service';
import { writeText } from '../support/site-fixture';

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
});
