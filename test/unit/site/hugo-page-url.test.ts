// The address the link card gives a Hugo post, as Hugo publishes it: the language's content folder
// (`contentDir`) taken off and the language in front unless it is the default one, a translation
// by name in its language's folder, a bundle by its folder, the post's `slug` or `url`; a site
// that declares no languages keeps `content/en/…` as the sections `en/…` it is to Hugo. A site
// published under a path has its pages there.

import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hugoPageUrl } from '../../../electron/service/site/hugo-config';
import { cardPlace } from '../../../electron/service/recap/link-card';
import { writeText } from '../support/site-fixture';
import { serviceInTempDir } from '../support/temp-service';

const temp = serviceInTempDir('hugo-page-url');

const LANGS = { defaultContentLanguage: 'en', languages: { en: { contentDir: 'content/en', weight: 1 }, zh: { contentDir: 'content/zh', weight: 2 } } };

describe('the address of a Hugo page', () => {
  it('follows the languages and content folders of the config', () => {
    // No languages declared: content/en/ is a section.
    expect(hugoPageUrl('content/en/news/kcd.md', {}, '')).toBe('/en/news/kcd/');
    expect(hugoPageUrl('content/en/news/kcd.md', LANGS, '')).toBe('/news/kcd/');
    expect(hugoPageUrl('content/zh/news/kcd.md', LANGS, '')).toBe('/zh/news/kcd/');
    expect(hugoPageUrl('content/en/news/kcd.md', { ...LANGS, defaultContentLanguageInSubdir: true }, '')).toBe('/en/news/kcd/');
    // A translation by its name, in a site whose languages share one content folder.
    const shared = { defaultContentLanguage: 'en', languages: { en: {}, zh: {} } };
    expect(hugoPageUrl('content/news/kcd.zh.md', shared, '')).toBe('/zh/news/kcd/');
    expect(hugoPageUrl('content/news/kcd.md', shared, '')).toBe('/news/kcd/');
    // A bundle is its folder, a section's _index its section; slug names the page; the site's contentDir.
    expect(hugoPageUrl('content/en/news/kcd/index.md', LANGS, '')).toBe('/news/kcd/');
    expect(hugoPageUrl('content/en/news/_index.md', LANGS, '')).toBe('/news/');
    expect(hugoPageUrl('content/en/news/2021-11-02-kcd.md', LANGS, 'kcd-china')).toBe('/news/kcd-china/');
    expect(hugoPageUrl('site/posts/kcd.md', { contentDir: 'site' }, '')).toBe('/posts/kcd/');
    expect(hugoPageUrl('static/kcd.md', {}, '')).toBeNull();
  });

  it("is the link card's, read from the site's config; a post's url wins", async () => {
    const site = path.join(temp.dir(), 'site');
    await writeText(path.join(site, 'hugo.yaml'), 'title: Community\ndefaultContentLanguage: en\nlanguages:\n  en:\n    contentDir: content/en\n  zh:\n    contentDir: content/zh\n');
    const text = ['---', 'title: KCD China', '---', '', 'Text.', ''].join('\n');
    const post = await writeText(path.join(site, 'content/zh/news/kcd-china.md'), text);
    expect(cardPlace(post, text)).toEqual({ siteName: 'Community', urlPath: '/zh/news/kcd-china/' });
    expect(cardPlace(post, text.replace('title: KCD China', 'title: KCD China\nurl: /zh/kcd/')).urlPath).toBe('/zh/kcd/');
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
