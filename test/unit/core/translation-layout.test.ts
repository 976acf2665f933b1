// Where a post's translations go, by site shape: Hugo folders per language and language
// suffixes (page bundles too), Docusaurus i18n, and the refusals (Jekyll, paths outside).

import { describe, expect, it } from 'vitest';
import { changedBlocks, sourceBlocks, textFields, untranslatedFields } from '../../../electron/core/translation/alignment';
import { langPlace, translationRel, type LangSite } from '../../../electron/core/translation/layout';
import { readFrontMatter } from '../../../electron/core/frontmatter/frontmatter';
import { RecapError } from '../../../electron/core/errors';

const hugo: LangSite = { generator: 'hugo', defaultLang: 'en', languages: ['en', 'zh'] };
const docusaurus: LangSite = { generator: 'docusaurus', defaultLang: 'en', languages: ['en', 'zh-Hans'] };

function move(rel: string, site: LangSite, lang: string): string {
  return translationRel(langPlace(rel, site), lang, site.defaultLang);
}

describe('the language place of a post', () => {
  it('Hugo with a folder per language: swaps the language folder, keeps the file name', () => {
    expect(move('content/en/news/kubernetes-community-days-china.md', hugo, 'zh')).toBe('content/zh/news/kubernetes-community-days-china.md');
    expect(langPlace('content/zh/news/kcd.md', hugo)).toEqual({ layout: 'folder', lang: 'zh', source: 'content/en/news/kcd.md' });
    expect(move('content/en/blog/kcd/index.md', hugo, 'zh')).toBe('content/zh/blog/kcd/index.md');
  });

  it('Hugo with the language in the file name: kcd.md → kcd.zh.md, index.md → index.zh.md', () => {
    expect(move('content/news/kcd.md', hugo, 'zh')).toBe('content/news/kcd.zh.md');
    expect(move('content/blog/kcd/index.md', hugo, 'zh')).toBe('content/blog/kcd/index.zh.md');
    expect(langPlace('content/blog/kcd/index.zh.md', hugo)).toEqual({ layout: 'suffix', lang: 'zh', source: 'content/blog/kcd/index.md' });
    expect(move('content/blog/kcd/index.zh.md', hugo, 'en')).toBe('content/blog/kcd/index.md');
  });

  it('does not take a section or a dotted name for a language the site does not have', () => {
    expect(langPlace('content/faq/kcd.md', hugo)).toEqual({ layout: 'suffix', lang: 'en', source: 'content/faq/kcd.md' });
    expect(langPlace('content/news/v1.fr.md', hugo).lang).toBe('en');
  });

  it('Docusaurus: blog posts go to i18n/<lang>/docusaurus-plugin-content-blog, docs to …-docs/current', () => {
    expect(move('blog/2021-11-02-kcd/index.md', docusaurus, 'zh-Hans')).toBe('i18n/zh-Hans/docusaurus-plugin-content-blog/2021-11-02-kcd/index.md');
    expect(move('blog/2021-11-02-kcd.md', docusaurus, 'zh-Hans')).toBe('i18n/zh-Hans/docusaurus-plugin-content-blog/2021-11-02-kcd.md');
    expect(move('docs/intro.md', docusaurus, 'zh-Hans')).toBe('i18n/zh-Hans/docusaurus-plugin-content-docs/current/intro.md');
    expect(langPlace('i18n/zh-Hans/docusaurus-plugin-content-blog/2021-11-02-kcd/index.md', docusaurus)).toEqual({
      layout: 'docusaurus',
      lang: 'zh-Hans',
      source: 'blog/2021-11-02-kcd/index.md',
      plugin: { dir: 'blog', i18n: ['docusaurus-plugin-content-blog'] },
    });
  });

  it("Docusaurus with several blogs: each blog's posts go to its own plugin's i18n folder, and come back to its folder (one of several segments too)", () => {
    const blogs: LangSite = { ...docusaurus, blogs: [{ dir: 'blog', i18n: 'docusaurus-plugin-content-blog' }, { dir: 'news/events', i18n: 'docusaurus-plugin-content-blog-events' }] };
    expect(move('news/events/2024-05-01-kcd/index.md', blogs, 'zh-Hans')).toBe('i18n/zh-Hans/docusaurus-plugin-content-blog-events/2024-05-01-kcd/index.md');
    expect(move('blog/2021-11-02-kcd.md', blogs, 'zh-Hans')).toBe('i18n/zh-Hans/docusaurus-plugin-content-blog/2021-11-02-kcd.md');
    expect(move('docs/intro.md', blogs, 'zh-Hans')).toBe('i18n/zh-Hans/docusaurus-plugin-content-docs/current/intro.md');
    expect(langPlace('i18n/zh-Hans/docusaurus-plugin-content-blog-events/2024-05-01-kcd/index.md', blogs).source).toBe('news/events/2024-05-01-kcd/index.md');
    // A folder beside a blog's (news/ alone) is no blog's.
    expect(() => langPlace('news/2024-05-01-kcd/index.md', blogs)).toThrow();
  });

  it('refuses Jekyll with a sentence naming what is supported', () => {
    const jekyll: LangSite = { generator: 'jekyll', defaultLang: 'en', languages: ['en'] };
    expect(() => langPlace('_posts/2021-11-02-kcd.md', jekyll)).toThrow(/Jekyll has no convention.*Hugo.*Docusaurus/);
    try {
      langPlace('_posts/2021-11-02-kcd.md', jekyll);
    } catch (err) {
      expect((err as RecapError).code).toBe('UNSUPPORTED');
      expect((err as RecapError).msg?.key).toBe('translation.jekyllUnsupported');
    }
  });

  it('refuses places outside the content roots, .. and bad language codes', () => {
    expect(() => langPlace('static/kcd.md', hugo)).toThrow(/not a post where/);
    expect(() => langPlace('content/../x.md', hugo)).toThrow(RecapError);
    expect(() => move('content/en/news/kcd.md', hugo, '../etc')).toThrow(/not a language code/);
  });
});

describe('paragraph alignment and fields to translate', () => {
  it('marks the source blocks whose text changed since the recorded hashes, and added ones', () => {
    const before = sourceBlocks('## Title\n\nFirst paragraph.\n\nSecond paragraph.\n');
    const after = sourceBlocks('## Title\n\nFirst paragraph, edited.\n\nSecond paragraph.  \n\nA new one.\n');
    expect(before.map((b) => b.line)).toEqual([1, 3, 5]);
    expect(changedBlocks(before.map((b) => b.hash), after.map((b) => b.hash))).toEqual([1, 3]);
  });

  it('marks text fields (title, description, keywords), not dates, links, names or switches', () => {
    const fm = readFrontMatter('---\ntitle: "KCD"\ndescription: "A day"\nkeywords: "Community"\ncreateTime: "2021-11-02"\nauthor: "Lindsay"\nimage: /images/x.png\ndraft: false\n---\n').fields;
    const specs = [{ key: 'author', label: 'Author', type: 'names' as const, required: true }];
    expect(textFields(fm, specs)).toEqual(['title', 'description', 'keywords']);
    const tr = readFrontMatter('---\ntitle: "社区日"\ndescription: "A day"\n---\n').fields;
    expect(untranslatedFields(['title', 'description', 'keywords'], fm, tr)).toEqual(['description', 'keywords']);
  });
});
