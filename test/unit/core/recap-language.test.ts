// Which language a recap is in, for its spellchecker: front matter first, then the site's
// language folders and file names, else none.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dictionaryName, languageFromPath, normalizeLanguageTag, recapLanguage } from '../../../electron/core/recap/recap-language';

const reference = readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'kubernetes-community-days-china.md'), 'utf8');

describe('recapLanguage', () => {
  it('reads the reference recap under content/en/news as English, and under content/zh/news as Chinese', () => {
    expect(recapLanguage(reference, '/sites/kcd/content/en/news/kcd-china.md')).toEqual({ tag: 'en', source: 'folder' });
    const zh = recapLanguage(reference, '/sites/kcd/content/zh/news/kcd-china.md');
    expect(zh).toEqual({ tag: 'zh', source: 'folder' });
    expect(dictionaryName(zh!.tag)).toBe('zh-CN');
    expect(dictionaryName('en')).toBe('en-US');
  });

  it('prefers the front matter: lang, language or locale, in YAML, TOML and JSON', () => {
    const site = '/sites/kcd/content/en/news/x.md';
    expect(recapLanguage('---\ntitle: x\nlang: zh-CN\n---\nbody\n', site)).toEqual({ tag: 'zh-CN', source: 'front-matter' });
    expect(recapLanguage('---\nlanguage: "fr_fr"\n---\n', site)).toEqual({ tag: 'fr-FR', source: 'front-matter' });
    expect(recapLanguage('+++\ntitle = "x"\nlocale = "pt-br"\n+++\n', null)).toEqual({ tag: 'pt-BR', source: 'front-matter' });
    expect(recapLanguage('{\n  "title": "x",\n  "lang": "zh-hant"\n}\n\nbody\n', null)).toEqual({ tag: 'zh-Hant', source: 'front-matter' });
  });

  it('ignores a front-matter value that is no language tag and falls back to the path', () => {
    expect(recapLanguage('---\nlang: English\n---\n', '/s/content/de/blog/x.md')).toEqual({ tag: 'de', source: 'folder' });
    expect(recapLanguage('---\nlang: ""\nlanguage: ja\n---\n', null)).toEqual({ tag: 'ja', source: 'front-matter' });
    expect(recapLanguage('---\nlang: [en]\n---\n', null)).toBeNull();
    expect(recapLanguage('no front matter at all\n', null)).toBeNull();
  });

  it('is unknown for a new draft and for sites without language folders', () => {
    expect(recapLanguage(reference, null)).toBeNull();
    expect(recapLanguage(reference, '/sites/kcd/content/news/kcd-china.md')).toBeNull();
    expect(recapLanguage(reference, '/home/en/drafts/kcd.md')).toBeNull();
  });
});

describe('languageFromPath', () => {
  it('reads Hugo, Docusaurus and Jekyll layouts', () => {
    expect(languageFromPath('/s/content/zh-cn/posts/a.md')).toEqual({ tag: 'zh-CN', source: 'folder' });
    expect(languageFromPath('/s/i18n/fr/docusaurus-plugin-content-blog/2024-05-01-kcd.md')).toEqual({ tag: 'fr', source: 'folder' });
    expect(languageFromPath('/s/i18n/zh-Hans/docusaurus-plugin-content-blog/kcd/index.mdx')).toEqual({ tag: 'zh-Hans', source: 'folder' });
    expect(languageFromPath('/s/es/_posts/2024-05-01-kcd.md')).toEqual({ tag: 'es', source: 'folder' });
    expect(languageFromPath('C:\\sites\\kcd\\content\\ja\\news\\kcd.md')).toEqual({ tag: 'ja', source: 'folder' });
  });

  it('reads Hugo translations by file name before folders', () => {
    expect(languageFromPath('/s/content/news/kcd/index.zh.md')).toEqual({ tag: 'zh', source: 'file-name' });
    expect(languageFromPath('/s/content/en/news/kcd.fr.md')).toEqual({ tag: 'fr', source: 'file-name' });
    expect(languageFromPath('/s/content/news/_index.pt-br.md')).toEqual({ tag: 'pt-BR', source: 'file-name' });
  });

  it('does not read section folders, versions or file names as languages', () => {
    for (const p of ['/s/content/posts/a.md', '/s/content/blog/zz/a.md', '/s/content/news/v1.2.md', '/s/content/xx/a.md', '/s/i18n/a.md', '/s/content/en.md', '/s/notes.md.md']) {
      expect(languageFromPath(p), p).toBeNull();
    }
  });
});

describe('normalizeLanguageTag', () => {
  it('spells tags the usual way and refuses what is not one', () => {
    expect(normalizeLanguageTag('EN_us')).toBe('en-US');
    expect(normalizeLanguageTag('zh-hans-cn')).toBe('zh-Hans-CN');
    expect(normalizeLanguageTag('es-419')).toBe('es-419');
    expect(normalizeLanguageTag('yue')).toBe('yue');
    expect(normalizeLanguageTag('yue', true)).toBeNull();
    for (const bad of ['', 'English', 'e', 'xx', 'en-', 'en-US-x-private-more', 'en US', '中文']) expect(normalizeLanguageTag(bad), bad).toBeNull();
  });
});
