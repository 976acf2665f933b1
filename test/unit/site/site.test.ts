// Knowing the site: generator detection, the profile it picks, language folders, a site's own
// .recap-studio.yml (and the errors a malformed one gets), finding a recap's site by walking
// up, the remembered-sites list, and the profile format itself.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RecapError } from '../../../electron/core/errors';
import { builtInProfileNames, imageFolderFor, loadProfile, localCandidates, matchPostPath, parseProfile, postVarsFromPath } from '../../../electron/service/site/profile';
import { formatMsg } from '../../../electron/core/i18n/messages';
import { createSiteRegistry, detectSite, findSiteFor, parseSiteProfileFile, profileForRecap } from '../../../electron/service/site/site';
import { makeHugoSite, tempDir } from '../support/site-fixture';
import { bylineDate } from '../../../renderer/preview/byline';
import { siteLanguages as siteLanguagesOf } from '../../../electron/service/translation/languages';

let tmp: string;

beforeEach(async () => {
  tmp = await tempDir('site');
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

async function write(rel: string, text = ''): Promise<string> {
  const file = path.join(tmp, rel);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, text);
  return file;
}

function badProfile(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof RecapError && err.code === 'BAD_PROFILE') return err.message;
    throw err;
  }
  throw new Error('expected BAD_PROFILE');
}

describe('detectSite', () => {
  it('recognises the reference Hugo site: hugo-news, its language folders, the default first', async () => {
    const site = await makeHugoSite(path.join(tmp, 'site'));
    await fs.mkdir(path.join(site.root, 'content', 'zh', 'news'), { recursive: true });
    await fs.mkdir(path.join(site.root, 'content', 'faq'), { recursive: true });
    const info = detectSite(site.root);
    expect(info).toMatchObject({ root: site.root, generator: 'hugo', profileSource: 'built-in', languages: ['en', 'zh'] });
    expect(info.profile.name).toBe('hugo-news');
  });

  it.each([
    ['hugo.toml', 'hugo'],
    ['config.toml', 'hugo'],
    ['config.yaml', 'hugo'],
    ['_config.yml', 'jekyll'],
    ['docusaurus.config.js', 'docusaurus'],
    ['docusaurus.config.ts', 'docusaurus'],
  ])('detects %s as %s', async (file, generator) => {
    await write(`s/${file}`, '');
    const info = detectSite(path.join(tmp, 's'));
    expect(info.generator).toBe(generator);
    expect(info.profile.generator).toBe(generator);
  });

  it('picks page bundles for a Hugo site without news folders, in the section it has', async () => {
    await write('s/hugo.toml');
    await fs.mkdir(path.join(tmp, 's', 'content', 'blog'), { recursive: true });
    const info = detectSite(path.join(tmp, 's'));
    expect(info.profile.name).toBe('hugo-bundle');
    expect(info.profile.section).toBe('blog');
    expect(info.languages).toEqual([]);
  });

  it('reads Hugo\'s declared languages and default language', async () => {
    await write('s/hugo.toml', 'defaultContentLanguage = "zh"\n[languages.en]\nweight = 2\n[languages.zh]\nweight = 1\n');
    await fs.mkdir(path.join(tmp, 's', 'content', 'zh', 'news'), { recursive: true });
    const info = detectSite(path.join(tmp, 's'));
    expect(info.profile.name).toBe('hugo-news');
    expect(info.profile.defaultLang).toBe('zh');
    expect(info.languages).toEqual(['zh', 'en']);
  });

  it('places new Hugo posts where most posts are: their section, below it, in their year\'s folder', async () => {
    const post = (rel: string, date: string): Promise<string> => write(`s/${rel}`, `---\ntitle: "${rel}"\ndate: ${date}\n---\n\nText.\n`);
    await write('s/hugo.toml', 'title = "Events"\n');
    await post('content/news/a.md', '2022-01-01');
    for (const [i, year] of ['2023', '2024', '2024'].entries()) await post(`content/blog/${year}/post-${i}.md`, `${year}-05-01`);
    expect(detectSite(path.join(tmp, 's')).profile).toMatchObject({ post: 'content/{section}/{year}/{slug}.md', section: 'blog' });
    await post('content/blog/2024/d/index.md', '2024-06-01');
    await post('content/blog/2024/e/index.md', '2024-07-01');
    await post('content/blog/2024/f/index.md', '2024-08-01');
    await post('content/blog/2024/g/index.md', '2024-09-01');
    expect(detectSite(path.join(tmp, 's')).profile).toMatchObject({ post: 'content/{section}/{year}/{slug}/index.md', section: 'blog', images: { beside: true } });
  });

  it("reads a Hugo site's posts in the content folder its config names (contentDir), and places new ones there; one out of the site is none", async () => {
    const post = (rel: string): Promise<string> => write(`s/${rel}`, `---\ntitle: "${rel}"\ndate: 2024-05-01\n---\n\nText.\n`);
    await write('s/hugo.toml', 'title = "Events"\ncontentDir = "src/content"\n');
    for (const n of ['a', 'b', 'c']) await post(`src/content/posts/${n}.md`);
    const { profile } = detectSite(path.join(tmp, 's'));
    expect(profile).toMatchObject({ post: 'src/content/{section}/{slug}.md', section: 'posts' });
    expect(profile.label).toContain('(src/content/posts/<slug>.md');
    // The posts are read for the rules: no field is asked for that they do not have.
    expect(profileForRecap(path.join(tmp, 's/src/content/posts/a.md')).fields.filter((f) => f.required).map((f) => f.key)).toEqual(['title', 'date']);
    // Page bundles in language folders there.
    await fs.rm(path.join(tmp, 's/src/content/posts'), { recursive: true });
    for (const n of ['a', 'b']) await post(`src/content/en/blog/${n}/index.md`);
    expect(detectSite(path.join(tmp, 's')).profile).toMatchObject({ post: 'src/content/{lang}/{section}/{slug}/index.md', section: 'blog' });
    // A contentDir out of the site (or a link out of it) is none: content/ as usual.
    await write('s/hugo.toml', 'title = "Events"\ncontentDir = "../elsewhere"\n');
    expect(detectSite(path.join(tmp, 's')).profile.post.startsWith('content/')).toBe(true);
    await fs.mkdir(path.join(tmp, 'outside/posts'), { recursive: true });
    await fs.symlink(path.join(tmp, 'outside'), path.join(tmp, 's/linked'));
    await write('s/hugo.toml', 'title = "Events"\ncontentDir = "linked"\n');
    expect(detectSite(path.join(tmp, 's')).profile.post.startsWith('content/')).toBe(true);
  });

  it("places new Hugo posts in their year's and month's folders where most posts are so (content/posts/2024/05/)", async () => {
    const post = (rel: string, date: string): Promise<string> => write(`s/${rel}`, `---\ntitle: "${rel}"\ndate: ${date}\n---\n\nText.\n`);
    await write('s/hugo.toml', 'title = "Events"\n');
    for (const day of ['2023-11-02', '2024-03-01', '2024-05-12']) await post(`content/posts/${day.slice(0, 4)}/${day.slice(5, 7)}/post-${day}.md`, day);
    const { profile } = detectSite(path.join(tmp, 's'));
    expect(profile).toMatchObject({ post: 'content/{section}/{year}/{month}/{slug}.md', section: 'posts' });
    expect(profile.label).toContain('content/posts/<year>/<month>/<slug>.md');
    expect(matchPostPath('content/posts/2024/05/kcd.md', profile)).toEqual({ section: 'posts', year: '2024', month: '05', slug: 'kcd' });
    // A number folder that is no month (an issue number, 2024/42/) is not read as one: the posts go to the section.
    await fs.rm(path.join(tmp, 's/content/posts'), { recursive: true });
    for (const n of ['a', 'b', 'c']) await post(`content/posts/2024/42/${n}.md`, '2024-05-01');
    expect(detectSite(path.join(tmp, 's')).profile).toMatchObject({ post: 'content/{section}/{slug}.md' });
  });

  it('leaves out the languages Hugo\'s config turns off (disableLanguages), declared or with a folder', async () => {
    await write('s/hugo.toml', 'disableLanguages = ["NO"]\n[languages.en]\nweight = 1\n[languages.zh-cn]\nweight = 3\n[languages.no]\nweight = 7\n');
    for (const lang of ['en', 'zh-cn', 'no']) await fs.mkdir(path.join(tmp, 's', 'content', lang, 'news'), { recursive: true });
    expect(detectSite(path.join(tmp, 's')).languages).toEqual(['en', 'zh-cn']);
    expect(siteLanguagesOf(path.join(tmp, 's'), 'en')).toMatchObject({ languages: ['en', 'zh-cn'], folders: ['en', 'zh-cn'] });
  });

  it('gives a folder with no generator the default profile and no generator', async () => {
    const info = detectSite(tmp);
    expect(info.generator).toBeNull();
    expect(info.profile.name).toBe('hugo-news');
  });

  it('answers NOT_FOUND for a folder that does not exist', () => {
    expect(() => detectSite(path.join(tmp, 'nope'))).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});

describe('.recap-studio.yml', () => {
  it('takes a built-in profile and changes only the keys it names', async () => {
    await write('s/hugo.toml');
    await write('s/.recap-studio.yml', 'profile: hugo-news\ndefaultLang: zh\nthemePrintsTitle: false\nimages:\n  maxBytes: 500000\nphotos:\n  maxEdge: 1600\n');
    const info = detectSite(path.join(tmp, 's'));
    expect(info.profileSource).toBe('.recap-studio.yml');
    const base = loadProfile('hugo-news');
    expect(info.profile).toEqual({
      ...base,
      defaultLang: 'zh',
      themePrintsTitle: false,
      images: { ...base.images, maxBytes: 500000 },
      photos: { ...base.photos, maxEdge: 1600 },
      rules: expect.objectContaining({ source: 'site-file' }),
      // What its Hugo config leaves out of the build (none of buildDrafts, buildFuture, buildExpired set).
      leavesOut: { drafts: true, future: true, expired: true },
    });
  });

  it('can switch a profile to images beside the post', () => {
    const p = parseSiteProfileFile('profile: hugo-news\npost: content/{lang}/news/{slug}/index.md\nimages:\n  url: .\n');
    expect(p.images).toMatchObject({ beside: true, url: '.', dir: '.' });
  });

  it('can be a whole profile', () => {
    const p = parseSiteProfileFile('name: events\npost: events/{date}-{slug}.md\nimages:\n  dir: public/img/{imageDir}\n  url: /img/{imageDir}\nfields:\n  - key: title\n    label: Title\n    type: string\n    required: true\n  - key: when\n    label: When\n    type: date\n    format: YYYY-MM-DD\n');
    expect(p).toMatchObject({ name: 'events', post: 'events/{date}-{slug}.md', dateField: 'when', themePrintsTitle: true, generator: null });
  });

  it("can keep posts in their year's folder ({year}), read back from a post's path", () => {
    const p = parseSiteProfileFile('profile: hugo-bundle\npost: content/{lang}/blog/{year}/{slug}/index.md\n');
    expect(matchPostPath('content/en/blog/2025/kcd-lisbon/index.md', p)).toEqual({ lang: 'en', year: '2025', slug: 'kcd-lisbon' });
    expect(matchPostPath('content/en/blog/drafts/kcd-lisbon/index.md', p)).toBeNull();
    const monthly = parseSiteProfileFile('profile: hugo-bundle\npost: content/posts/{year}/{month}/{slug}.md\n');
    expect(matchPostPath('content/posts/2025/03/kcd-lisbon.md', monthly)).toEqual({ year: '2025', month: '03', slug: 'kcd-lisbon' });
    expect(matchPostPath('content/posts/2025/march/kcd-lisbon.md', monthly)).toBeNull();
  });

  it.each([
    ['profile: hugo-news\nimages: [\n', /not valid YAML \(line \d\)/],
    ['- a list\n', /"\(top level\)" must be a map/],
    ['profile: wordpress\n', /"profile" must be one of hugo-news, .*jekyll.*\(found "wordpress"\)/],
    ['profile: hugo-news\nimages:\n  url: images/{imageDir}\n', /"images.url" must be a site-absolute/],
    ['profile: hugo-news\npost: content/{lang}/news/post.md\n', /"post" must be a path pattern containing \{slug\}/],
    ['profile: hugo-news\npost: ../{slug}.md\n', /"post" must be a path relative to the site/],
    ['profile: hugo-news\npost: content/{category}/{slug}.md\n', /"post" must be a path whose placeholders/],
    ['profile: hugo-news\nthemePrintTitle: false\n', /"themePrintTitle" is not a profile key/],
    ['profile: hugo-news\nimages:\n  maxbytes: 5\n', /"images.maxbytes" is not a profile key/],
    ['profile: hugo-news\nthemePrintsTitle: sometimes\n', /"themePrintsTitle" must be true or false/],
    ['profile: hugo-news\nfields:\n  - key: title\n    type: words\n', /"fields\[0\].type" must be one of/],
    ['profile: hugo-news\nfields:\n  - key: tags\n    label: Tags\n    type: tags\n    separator: semicolon\n', /"fields\[0\].separator" must be "space", "none" or "list"/],
    ['profile: jekyll\ndateField: null\n', /"dateField" must be the front-matter field/],
    ['profile: hugo-bundle\npost: content/blog/{year}/{slug}/index.md\ndateField: null\n', /"dateField" must be the front-matter field that holds the date, since "post" uses \{date\}, \{year\}, \{month\} or \{day\}/],
    ['profile: hugo-bundle\npost: content/blog/{year}/{month}/{slug}.md\ndateField: null\n', /since "post" uses \{date\}, \{year\}, \{month\} or \{day\}/],
    ['profile: hugo-news\nphotos:\n  maxEdge: big\n', /"photos.maxEdge" must be a whole number/],
  ])('names the key that is wrong: %j', (text, message) => {
    expect(badProfile(() => parseSiteProfileFile(text))).toMatch(message);
  });

  it('makes a site with a broken file fail with BAD_PROFILE naming the file', async () => {
    const file = await write('s/.recap-studio.yml', 'profile: hugo-news\nsection: 42\n');
    const message = badProfile(() => detectSite(path.dirname(file)));
    expect(message).toContain(file);
    expect(message).toContain('"section"');
  });
});

describe('a recap\'s site', () => {
  it('is found by walking up from the recap, with its profile', async () => {
    const site = await makeHugoSite(path.join(tmp, 'site'));
    expect(findSiteFor(site.recap)).toMatchObject({ root: site.root, generator: 'hugo' });
    expect(profileForRecap(site.recap).name).toBe('hugo-news');
    const outside = await write('drafts/kcd.md', '# x\n');
    expect(findSiteFor(outside)).toBeNull();
    expect(profileForRecap(outside).name).toBe('hugo-news');
  });

  it('says its rules in the catalogue\'s words: English as before, Chinese for a Chinese reader', async () => {
    const site = await makeHugoSite(path.join(tmp, 'site-said'));
    for (const rules of [profileForRecap(site.recap).rules, profileForRecap(await write('drafts/said.md', '# x\n')).rules]) {
      if (!rules?.summaryMsg || !rules.detailsMsg) throw new Error('rules without their messages');
      expect(formatMsg('en', rules.summaryMsg)).toBe(rules.summary);
      expect(rules.detailsMsg.map((d) => formatMsg('en', d))).toEqual(rules.details);
      expect(formatMsg('zh-CN', rules.summaryMsg)).toMatch(/\p{Script=Han}/u);
      for (const d of rules.detailsMsg) expect(formatMsg('zh-CN', d)).toMatch(/\p{Script=Han}/u);
    }
    expect(profileForRecap(site.recap).rules?.summary).toMatch(/^Detected Hugo site \(hugo\.toml\) at /);
  });

  it('uses a Jekyll site\'s profile for a post in its _posts', async () => {
    await write('blog/_config.yml', 'title: x\n');
    const post = await write('blog/_posts/2021-11-02-kcd.md', '---\ntitle: x\n---\n');
    const profile = profileForRecap(post);
    expect(profile.name).toBe('jekyll');
    expect(postVarsFromPath(post, profile)).toEqual({ date: '2021-11-02', slug: 'kcd' });
    expect(imageFolderFor(post, profile, 'kcd')).toEqual({ dir: path.join(tmp, 'blog', 'assets', 'images', 'kcd'), url: '/assets/images/kcd' });
  });

  it('a post dated by its file or folder name: the date field is optional and its help says which date the site gives it', async () => {
    await write('jk/_config.yml', 'title: x\n');
    await write('dz/docusaurus.config.js', 'module.exports = {};\n');
    const dateOf = (file: string) => profileForRecap(file).fields.find((f) => f.key === 'date');
    const jekyll = dateOf(await write('jk/_posts/2021-11-02-kcd.md', '---\ntitle: x\n---\n'));
    expect(jekyll?.required).toBe(false);
    expect(jekyll?.helpMsg && formatMsg('en', jekyll.helpMsg)).toBe('Left empty, the site dates the post 2021-11-02, from its file name. A date here takes its place.');
    const bundle = dateOf(await write('dz/blog/2021-12-01-kcd-china/index.md', '---\ntitle: x\n---\n'));
    expect(bundle?.required).toBe(false);
    expect(bundle?.helpMsg && formatMsg('zh-CN', bundle.helpMsg)).toBe('留空时，网站按文件夹名把文章日期定为 2021-12-01。在此填写的日期会取而代之。');
    // Not dated by its name: the profile's own help.
    const undated = dateOf(await write('dz/blog/kcd-china/index.md', '---\ntitle: x\n---\n'));
    expect(undated?.help).toBe("Also the first part of the post's folder name.");
    expect(undated?.helpMsg).toBeUndefined();
  });

  it('says the date a post gets from its name (the preview\'s byline takes it while the front matter has none), and only where the site dates it so', async () => {
    await write('jk2/_config.yml', 'title: x\n');
    await write('dz2/docusaurus.config.js', 'module.exports = {};\n');
    const site = await makeHugoSite(path.join(tmp, 'hugo-dated'));
    const hugoPost = path.join(path.dirname(site.recap), '2021-11-02-kcd.md');
    await fs.writeFile(hugoPost, '---\ntitle: x\n---\n');
    const jekyll = profileForRecap(await write('jk2/blog/_posts/2023/2021-11-02-kcd.md', '---\ntitle: x\n---\n'));
    const docusaurus = profileForRecap(await write('dz2/blog/2021-12-01-kcd-china/index.md', '---\ntitle: x\n---\n'));
    expect(jekyll.dateFromName).toEqual({ date: '2021-11-02', where: 'file' });
    expect(docusaurus.dateFromName).toEqual({ date: '2021-12-01', where: 'folder' });
    expect(bylineDate('', jekyll)).toBe('2021-11-02');
    expect(bylineDate('', docusaurus)).toBe('2021-12-01');
    // A date in the front matter takes its place, as on the site.
    expect(bylineDate('2021-11-05', docusaurus)).toBe('2021-11-05');
    // Docusaurus reads a date anywhere in the post's path below its blog: year and day folders (its own blog's 2024/08-09-<name>/).
    const inFolders = profileForRecap(await write('dz2/blog/2024/08-09-docusaurus-3.5/index.md', '---\ntitle: x\n---\n'));
    expect(inFolders.dateFromName).toEqual({ date: '2024-08-09', where: 'folder' });
    expect(profileForRecap(await write('dz2/blog/2023/1/5/kcd.md', '---\ntitle: x\n---\n')).dateFromName).toEqual({ date: '2023-01-05', where: 'folder' });
    // Hugo reads no date from a name; Jekyll only from a post's (a file in _posts); nor an undated name.
    const notDated = [
      profileForRecap(hugoPost),
      profileForRecap(await write('jk2/about/2021-11-02-notes.md', '---\ntitle: x\n---\n')),
      profileForRecap(await write('dz2/blog/kcd-china/index.md', '---\ntitle: x\n---\n')),
    ];
    expect(notDated.map((p) => [p.generator, p.dateFromName, bylineDate('', p)])).toEqual([
      ['hugo', undefined, ''],
      ['jekyll', undefined, ''],
      ['docusaurus', undefined, ''],
    ]);
    // A Jekyll page: no date from its name, and none needed (Jekyll dates posts in _posts/ alone).
    expect(notDated[1]!.fields.find((f) => f.key === 'date')).toMatchObject({ required: false, helpMsg: { key: 'rules.jekyllUndatedHelp' } });
  });
});

describe('remembered sites', () => {
  it('remembers sites in the data folder, most recent first, and forgets them', async () => {
    const a = await makeHugoSite(path.join(tmp, 'a'));
    await write('b/_config.yml', 'title: b\n');
    let clock = Date.UTC(2024, 0, 1);
    const data = path.join(tmp, 'data');
    const registry = createSiteRegistry(data, () => clock);
    await registry.remember(a.root);
    clock += 1000;
    const b = await registry.remember(path.join(tmp, 'b'));
    expect(b).toMatchObject({ generator: 'jekyll', available: true, error: null });

    const again = createSiteRegistry(data);
    expect((await again.list()).map((s) => [path.basename(s.root), s.profile.name])).toEqual([['b', 'jekyll'], ['a', 'hugo-news']]);
    expect(JSON.parse(await fs.readFile(path.join(data, 'sites.json'), 'utf8')).sites).toHaveLength(2);
    expect((await again.siteFor(a.recap))?.root).toBe(a.root);
    expect(await again.siteFor(path.join(tmp, 'elsewhere.md'))).toBeNull();

    await again.forget(path.join(tmp, 'b'));
    expect((await again.list()).map((s) => path.basename(s.root))).toEqual(['a']);
  });

  it('keeps a site that went away, marked unavailable with why', async () => {
    const a = await makeHugoSite(path.join(tmp, 'a'));
    const registry = createSiteRegistry(path.join(tmp, 'data'));
    await registry.remember(a.root);
    await fs.rm(a.root, { recursive: true });
    const [site] = await registry.list();
    expect(site).toMatchObject({ root: a.root, available: false, generator: 'hugo', languages: ['en'] });
    expect(site?.error).toContain('is not a folder');
  });
});

describe('the profile format', () => {
  it('ships four built-in profiles that all load', () => {
    expect(builtInProfileNames()).toEqual(['hugo-news', 'docusaurus', 'hugo-bundle', 'jekyll']);
    for (const name of builtInProfileNames()) expect(loadProfile(name).name).toBe(name);
  });

  it('keeps hugo-news as the reference site has it', () => {
    const p = loadProfile('hugo-news');
    expect(p).toMatchObject({
      post: 'content/{lang}/news/{slug}.md',
      images: { dir: 'static/images/news/{imageDir}', url: '/images/news/{imageDir}', beside: false },
      defaultLang: 'en',
      dateField: 'createTime',
      themePrintsTitle: true,
    });
    expect(p.fields.map((f) => f.key)).toEqual(['title', 'keywords', 'description', 'createTime', 'author']);
  });

  it('reads placeholders back from a post path', () => {
    expect(matchPostPath('content/zh/news/kcd.md', loadProfile('hugo-news'))).toEqual({ lang: 'zh', slug: 'kcd' });
    expect(matchPostPath('blog/2021-11-02-kcd-china/index.md', loadProfile('docusaurus'))).toEqual({ date: '2021-11-02', slug: 'kcd-china' });
    expect(matchPostPath('blog/kcd-china/index.md', loadProfile('docusaurus'))).toBeNull();
    expect(matchPostPath('_posts/2021-11-02-kcd.md', loadProfile('jekyll'), { slug: 'other' })).toBeNull();
  });

  it('puts a page bundle\'s photos beside the post and resolves its relative links there', async () => {
    const post = path.join(tmp, 'content', 'news', 'kcd', 'index.md');
    const bundle = loadProfile('hugo-bundle');
    expect(imageFolderFor(post, bundle, 'ignored')).toEqual({ dir: path.dirname(post), url: '.' });
    expect(localCandidates('./kcd-event.jpg', post, bundle)).toEqual([path.join(path.dirname(post), 'kcd-event.jpg')]);
  });

  it('rejects images.dir with a relative URL, and a post that is not Markdown', () => {
    const base = { name: 'x', post: 'p/{slug}.md', fields: [] };
    expect(badProfile(() => parseProfile({ ...base, images: { dir: 'static', url: '.' } }, 'x.yml'))).toContain('"images.dir" must be left out');
    expect(badProfile(() => parseProfile({ ...base, post: 'p/{slug}.html', images: { url: '.' } }, 'x.yml'))).toContain('"post" must be a path to a Markdown file');
  });
});
