// The address the link card gives a post, as its generator publishes it. Hugo: the language's
// content folder (`contentDir`) taken off and the language in front unless it is the default one,
// a translation by name in its language's folder, a bundle by its folder, the post's `slug` or
// `url`; a site that declares no languages keeps `content/en/…` as the sections `en/…` it is to
// Hugo. Jekyll: its permalink style or template, with the post's categories (folders above
// `_posts`, front matter), date and title. A site published under a path has its pages there.

import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hugoPageUrl } from '../../../electron/service/site/hugo-config';
import { cardPlace } from '../../../electron/service/recap/link-card';
import { urlPathFor } from '../../../electron/service/recap/page-url';
import { writeText } from '../support/site-fixture';
import { serviceInTempDir } from '../support/temp-service';

const temp = serviceInTempDir('link-card-address');

const NONE = { slug: '', title: '', date: '' };

const LANGS = { defaultContentLanguage: 'en', languages: { en: { contentDir: 'content/en', weight: 1 }, zh: { contentDir: 'content/zh', weight: 2 } } };

describe('the address of a post', () => {
  it('follows the languages and content folders of the config', () => {
    // No languages declared: content/en/ is a section.
    expect(hugoPageUrl('content/en/news/kcd.md', {}, NONE)).toBe('/en/news/kcd/');
    expect(hugoPageUrl('content/en/news/kcd.md', LANGS, NONE)).toBe('/news/kcd/');
    expect(hugoPageUrl('content/zh/news/kcd.md', LANGS, NONE)).toBe('/zh/news/kcd/');
    expect(hugoPageUrl('content/en/news/kcd.md', { ...LANGS, defaultContentLanguageInSubdir: true }, NONE)).toBe('/en/news/kcd/');
    // A translation by its name, in a site whose languages share one content folder.
    const shared = { defaultContentLanguage: 'en', languages: { en: {}, zh: {} } };
    expect(hugoPageUrl('content/news/kcd.zh.md', shared, NONE)).toBe('/zh/news/kcd/');
    expect(hugoPageUrl('content/news/kcd.md', shared, NONE)).toBe('/news/kcd/');
    // A bundle is its folder, a section's _index its section; slug names the page; the site's contentDir.
    expect(hugoPageUrl('content/en/news/kcd/index.md', LANGS, NONE)).toBe('/news/kcd/');
    expect(hugoPageUrl('content/en/news/_index.md', LANGS, NONE)).toBe('/news/');
    expect(hugoPageUrl('content/en/news/2021-11-02-kcd.md', LANGS, { ...NONE, slug: 'kcd-china' })).toBe('/news/kcd-china/');
    expect(hugoPageUrl('site/posts/kcd.md', { contentDir: 'site' }, NONE)).toBe('/posts/kcd/');
    expect(hugoPageUrl('static/kcd.md', {}, NONE)).toBeNull();
    // uglyURLs: a page is a file of its name, for the site or its section; a section's list page stays a folder.
    expect(hugoPageUrl('content/en/news/kcd.md', { ...LANGS, uglyURLs: true }, NONE)).toBe('/news/kcd.html');
    expect(hugoPageUrl('content/zh/news/kcd/index.md', { ...LANGS, uglyURLs: true }, NONE)).toBe('/zh/news/kcd.html');
    expect(hugoPageUrl('content/en/news/_index.md', { ...LANGS, uglyURLs: true }, NONE)).toBe('/news/');
    expect(hugoPageUrl('content/en/news/kcd.md', { ...LANGS, uglyURLs: { news: true } }, NONE)).toBe('/news/kcd.html');
    expect(hugoPageUrl('content/en/blog/kcd.md', { ...LANGS, uglyURLs: { news: true } }, NONE)).toBe('/blog/kcd/');
    expect(hugoPageUrl('content/en/news/kcd.md', { ...LANGS, uglyURLs: false }, NONE)).toBe('/news/kcd/');

    // The site's permalinks for the page's section (Hugo 0.120's [permalinks.page] too): its date, title, slug, file name.
    const front = { slug: '', title: 'KCD 中国: Day One', date: '2024-05-01T10:00:00+08:00' };
    expect(hugoPageUrl('content/en/news/kcd.md', { ...LANGS, permalinks: { news: '/:year/:month/:title/' } }, front)).toBe('/2024/05/kcd-中国-day-one/');
    expect(hugoPageUrl('content/zh/news/kcd/index.md', { ...LANGS, permalinks: { page: { news: '/:section/:year/:slugorfilename/' } } }, front)).toBe('/zh/news/2024/kcd/');
    expect(hugoPageUrl('content/en/blog/kcd.md', { ...LANGS, permalinks: { news: '/:year/:title/' } }, front)).toBe('/blog/kcd/');
    // No date, or a placeholder not read here: no address rather than a wrong one.
    expect(hugoPageUrl('content/en/news/kcd.md', { ...LANGS, permalinks: { news: '/:year/:title/' } }, { ...front, date: '' })).toBeNull();
    expect(hugoPageUrl('content/en/news/kcd.md', { ...LANGS, uglyURLs: true, permalinks: { news: '/:year/:month/:slug/' } }, { ...front, slug: 'kcd' })).toBe('/2024/05/kcd.html');
    expect(hugoPageUrl('content/en/news/kcd.md', { ...LANGS, permalinks: { news: '/:weekday/:title/' } }, front)).toBeNull();

    // A site that dates its pages by their names ([frontmatter] date = [':filename', ':default']): Hugo takes the slug from the name too.
    const byName = { frontmatter: { date: [':filename', ':default'] } };
    expect(hugoPageUrl('content/posts/2024-05-01-kcd-porto.md', byName, NONE)).toBe('/posts/kcd-porto/');
    expect(hugoPageUrl('content/posts/2024-05-01_kcd-porto/index.md', byName, NONE)).toBe('/posts/kcd-porto/');
    expect(hugoPageUrl('content/posts/2024-05-01-kcd-porto.md', { ...byName, permalinks: { posts: '/:year/:month/:slug/' } }, { ...NONE, title: 'KCD Porto' })).toBe('/2024/05/kcd-porto/');
    // Its own slug wins; the name's date comes first, even where the front matter has one.
    expect(hugoPageUrl('content/posts/2024-05-01-kcd-porto.md', byName, { ...NONE, slug: 'porto' })).toBe('/posts/porto/');
    expect(hugoPageUrl('content/posts/2024-05-01-kcd-porto.md', { ...byName, permalinks: { posts: '/:year/:slug/' } }, { ...NONE, date: '2023-01-01' })).toBe('/2024/kcd-porto/');
    // Where the front matter comes first, a page dated there keeps its name; a name with no date is the name.
    const frontFirst = { frontmatter: { date: [':default', ':filename'] } };
    expect(hugoPageUrl('content/posts/2024-05-01-kcd-porto.md', frontFirst, { ...NONE, date: '2024-05-02' })).toBe('/posts/2024-05-01-kcd-porto/');
    expect(hugoPageUrl('content/posts/2024-05-01-kcd-porto.md', frontFirst, NONE)).toBe('/posts/kcd-porto/');
    expect(hugoPageUrl('content/posts/kcd-porto.md', byName, NONE)).toBe('/posts/kcd-porto/');
    // Without it, the name is the address, date and all.
    expect(hugoPageUrl('content/posts/2024-05-01-kcd-porto.md', {}, NONE)).toBe('/posts/2024-05-01-kcd-porto/');
  });

  it('of a Jekyll post: its permalink style or template, with its categories, date and title', () => {
    const post = (front: string): string => `---\ntitle: KCD\n${front}---\n\nText.\n`;
    const at = (rel: string, front = '', permalink = 'date', collectionsDir: string | null = null): string | null => urlPathFor('jekyll', rel, post(front), { jekyll: { permalink, collectionsDir } });
    expect(at('_posts/2024-05-01-kcd.md')).toBe('/2024/05/01/kcd.html');
    // Categories: the folders above _posts (not the collections folder), then the front matter's, lower-cased, once each.
    expect(at('events/_posts/2024-05-01-kcd.md', 'categories: Events Porto\n')).toBe('/events/porto/2024/05/01/kcd.html');
    expect(at('collections/_posts/2024-05-01-kcd.md', 'category: Meetup\n', 'date', 'collections')).toBe('/meetup/2024/05/01/kcd.html');
    expect(at('_posts/2024-05-01-kcd.md', 'categories: [news, kcd]\nslug: kcd-porto\ndate: 2024-05-02 10:00:00 +0100\n', 'pretty')).toBe('/news/kcd/2024/05/02/kcd-porto/');
    expect(at('_posts/2024-05-01-kcd.md', '', '/:year/:i_month/:title/')).toBe('/2024/5/kcd/');
    expect(at('_posts/2024-02-01-kcd.md', '', 'ordinal')).toBe('/2024/032/kcd.html');
    // A document of a collection the site publishes: its own permalink, else its collection's, else /:collection/:path:output_ext.
    const events = { permalink: 'pretty', collectionsDir: null, collections: [{ name: 'events', permalink: '/meetups/:year/:title/' }, { name: 'talks', permalink: null }] };
    expect(urlPathFor('jekyll', '_events/2024-05-01-kcd-porto.md', post(''), { jekyll: events })).toBe('/meetups/2024/kcd-porto/');
    expect(urlPathFor('jekyll', '_events/kcd-porto.md', post(''), { jekyll: events })).toBeNull();
    expect(urlPathFor('jekyll', '_events/kcd-porto.md', post('date: 2024-05-01\n'), { jekyll: events })).toBe('/meetups/2024/kcd-porto/');
    expect(urlPathFor('jekyll', '_talks/day-one/Keynote.md', post(''), { jekyll: events })).toBe('/talks/day-one/Keynote.html');
    expect(urlPathFor('jekyll', 'collections/_talks/keynote.md', post('permalink: /talks/:name/\n'), { jekyll: { ...events, collectionsDir: 'collections' } })).toBe('/talks/keynote/');
    expect(urlPathFor('jekyll', '_speakers/ann.md', post(''), { jekyll: events })).toBeNull();
    // A date with its time is the day in the site's timezone, as Jekyll publishes it (and as export names the post).
    const late = post('date: 2021-11-02 23:30:00 -0800\n');
    expect(urlPathFor('jekyll', '_posts/2021-11-03-kcd.md', late, { jekyll: { permalink: 'date', collectionsDir: null, timezone: 'Asia/Shanghai' } })).toBe('/2021/11/03/kcd.html');
    expect(urlPathFor('jekyll', '_posts/2021-11-03-kcd.md', late, { jekyll: { permalink: 'date', collectionsDir: null } })).toBe('/2021/11/02/kcd.html');
    // The post's own permalink, a template too; a placeholder not read here gives no address rather than a wrong one.
    expect(at('_posts/2024-05-01-kcd.md', 'categories: news\npermalink: /:categories/:title/\n')).toBe('/news/kcd/');
    expect(at('_posts/2024-05-01-kcd.md', '', '/:year/W:week/:title/')).toBeNull();
    expect(at('about.md', 'permalink: /about/\n')).toBe('/about/');
  });

  it("is the link card's, read from the site's config; a post's url wins", async () => {
    const site = path.join(temp.dir(), 'site');
    await writeText(path.join(site, 'hugo.yaml'), 'title: Community\ndefaultContentLanguage: en\nlanguages:\n  en:\n    contentDir: content/en\n  zh:\n    contentDir: content/zh\n');
    const text = ['---', 'title: KCD China', '---', '', 'Text.', ''].join('\n');
    const post = await writeText(path.join(site, 'content/zh/news/kcd-china.md'), text);
    expect(cardPlace(post, text)).toEqual({ siteName: 'Community', urlPath: '/zh/news/kcd-china/' });
    expect(cardPlace(post, text.replace('title: KCD China', 'title: KCD China\nurl: /zh/kcd/')).urlPath).toBe('/zh/kcd/');
    // The site's permalinks, with the post's date as its front matter writes it (a TOML date too).
    const blog = path.join(temp.dir(), 'blog');
    await writeText(path.join(blog, 'hugo.toml'), 'title = "Blog"\n[permalinks]\nposts = "/:year/:month/:slug/"\n');
    const toml = ['+++', 'title = "KCD Porto"', 'date = 2024-05-01T10:00:00Z', 'slug = "kcd-porto"', '+++', '', 'Text.', ''].join('\n');
    expect(cardPlace(await writeText(path.join(blog, 'content/posts/kcd.md'), toml), toml).urlPath).toBe('/2024/05/kcd-porto/');
  });

  it('of a Docusaurus post, as its blog plugin reads a date anywhere in the path (the Docusaurus blog\'s own 2024/08-09-<name>/index.mdx)', () => {
    const at = (rel: string, front = ''): string | null => urlPathFor('docusaurus', rel, `---\ntitle: KCD\n${front}---\n`, { blogs: [{ dir: 'blog', route: 'blog' }] });
    expect(at('blog/2024/08-09-docusaurus-3.5/index.mdx')).toBe('/blog/2024/08/09/docusaurus-3.5');
    expect(at('blog/2024/05/12/kcd-porto/index.md')).toBe('/blog/2024/05/12/kcd-porto');
    expect(at('blog/2024-05-12-kcd-porto.md')).toBe('/blog/2024/05/12/kcd-porto');
    expect(at('blog/releases/2024-05-12-v2.md')).toBe('/blog/2024/05/12/releases/v2');
    expect(at('blog/kcd-porto/index.md')).toBe('/blog/kcd-porto');
    expect(at('blog/2024/08-09-docusaurus-3.5/index.mdx', 'slug: /announcing\n')).toBe('/blog/announcing');
  });

  it("is under the path a site is published at (Hugo's baseURL, Jekyll's baseurl, Docusaurus' baseUrl)", async () => {
    const text = ['---', 'title: KCD', 'date: 2024-05-01', '---', '', 'Text.', ''].join('\n');
    const hugo = path.join(temp.dir(), 'hugo');
    await writeText(path.join(hugo, 'hugo.toml'), 'baseURL = "https://org.github.io/meetups/"\ncanonifyURLs = true\n');
    expect(cardPlace(await writeText(path.join(hugo, 'content/news/kcd.md'), text), text).urlPath).toBe('/meetups/news/kcd/');
    const jekyll = path.join(temp.dir(), 'jekyll');
    await writeText(path.join(jekyll, '_config.yml'), 'baseurl: /meetups\n');
    expect(cardPlace(await writeText(path.join(jekyll, '_posts/2024-05-01-kcd.md'), text), text).urlPath).toBe('/meetups/2024/05/01/kcd.html');
    const docusaurus = path.join(temp.dir(), 'docusaurus');
    await writeText(path.join(docusaurus, 'docusaurus.config.js'), "module.exports = { title: 'Meetups', baseUrl: '/meetups/' };\n");
    expect(cardPlace(await writeText(path.join(docusaurus, 'blog/2024-05-01-kcd/index.md'), text), text).urlPath).toBe('/meetups/blog/2024/05/01/kcd');
  });
});
