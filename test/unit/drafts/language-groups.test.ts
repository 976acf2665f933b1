// The home screen's language groups on real sites in temp dirs: the drafts of a post and its
// translations carry one group (the source path, this draft's language, the site's languages:
// which exist, which are out of date, the draft shadowing each), on Hugo with a folder per
// language, Hugo with the language in the file name, and Docusaurus i18n; a source saved after
// its translation makes the translation out of date; an unlinked draft, a draft outside any site
// and a draft of a one-language site have none; search keeps a group together.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DraftLanguage, DraftSummary } from '../../../electron/core/contract';
import { createRecapService, type RecapService } from '../../../electron/service/service';
import { tempDir } from '../support/site-fixture';

let tmp: string;
let home: string;
let service: RecapService;

beforeAll(async () => {
  tmp = await tempDir('home-groups');
  home = path.join(tmp, 'home');
  service = createRecapService({ home, cacheDir: path.join(tmp, 'cache') });
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

async function write(file: string, text: string): Promise<string> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, text);
  return file;
}

const HUGO_3_LANGS = 'baseURL = "https://example.org/"\ndefaultContentLanguage = "en"\n[languages.en]\nweight = 1\n[languages.zh]\nweight = 2\n[languages.fr]\nweight = 3\n';
const POST = '---\ntitle: "KCD Recap"\ndescription: "The first KCD China"\ndate: 2021-11-02\n---\n\nFirst paragraph.\n\nSecond paragraph.\n';
const TRANSLATED = POST.replace('title: "KCD Recap"', 'title: "KCD 回顾"').replace('description: "The first KCD China"', 'description: "首届 KCD 中国"');

const states = (langs: DraftLanguage[] | undefined): Array<[string, boolean, boolean, number, number]> | undefined =>
  langs?.map((l) => [l.lang, l.exists, l.isSource, l.changedBlocks, l.untranslated]);

async function draftsNow(query?: string): Promise<DraftSummary[]> {
  return (await service.homeData(query ? { query } : {})).drafts;
}

/** Opens the source, adds and opens its translation in `lang`, saves the translation translated. */
async function sourceAndTranslation(source: string, lang: string): Promise<{ src: DraftSummary; tr: DraftSummary; trPath: string }> {
  const src = (await service.openRecap({ path: source })).draft;
  const { path: trPath } = await service.addTranslation({ path: source, lang });
  const opened = await service.openRecap({ path: trPath });
  const saved = await service.saveToFile({ id: opened.draft.id, text: TRANSLATED });
  return { src, tr: saved.draft, trPath };
}

describe('language groups on the home screen', () => {
  it('Hugo, a folder per language: both drafts carry one group; a source saved later puts the translation out of date', async () => {
    const root = path.join(tmp, 'hugo-folders');
    await write(path.join(root, 'hugo.toml'), HUGO_3_LANGS);
    const source = await write(path.join(root, 'content', 'en', 'news', 'kcd.md'), POST);
    const { src, tr, trPath } = await sourceAndTranslation(source, 'zh');
    expect(trPath).toBe(path.join(root, 'content', 'zh', 'news', 'kcd.md'));

    let drafts = await draftsNow();
    const srcGroup = drafts.find((d) => d.id === src.id)?.languageGroup;
    const trGroup = drafts.find((d) => d.id === tr.id)?.languageGroup;
    expect(srcGroup?.source).toBe(source);
    expect(trGroup?.source).toBe(source);
    expect([srcGroup?.lang, trGroup?.lang]).toEqual(['en', 'zh']);
    expect(states(srcGroup?.languages)).toEqual([
      ['en', true, true, 0, 0],
      ['fr', false, false, 0, 0],
      ['zh', true, false, 0, 0],
    ]);
    expect(srcGroup?.languages.map((l) => l.draftId)).toEqual([src.id, null, tr.id]);
    expect(srcGroup?.languages.find((l) => l.lang === 'fr')?.path).toBe(path.join(root, 'content', 'fr', 'news', 'kcd.md'));

    // The source's second paragraph changes and is saved: the translation is out of date.
    await service.saveToFile({ id: src.id, text: POST.replace('Second paragraph.', 'Second paragraph, with news.') });
    drafts = await draftsNow();
    expect(states(drafts.find((d) => d.id === src.id)?.languageGroup?.languages)?.find((s) => s[0] === 'zh')).toEqual(['zh', true, false, 1, 0]);
    expect(drafts.find((d) => d.id === tr.id)?.languageGroup?.languages.find((l) => l.lang === 'zh')?.changedBlocks).toBe(1);

    // Search finds the translation by its own title, and the whole group comes with it.
    const found = await draftsNow('KCD 回顾');
    expect(found.map((d) => d.id).sort()).toEqual([src.id, tr.id].sort());
  });

  it('Hugo with the language in the file name: kcd.md and kcd.zh.md; an untranslated field counts as out of date', async () => {
    const root = path.join(tmp, 'hugo-suffix');
    await write(path.join(root, 'hugo.toml'), HUGO_3_LANGS);
    const source = await write(path.join(root, 'content', 'news', 'kcd.md'), POST);
    const src = (await service.openRecap({ path: source })).draft;
    const { path: trPath } = await service.addTranslation({ path: source, lang: 'zh' });
    expect(trPath).toBe(path.join(root, 'content', 'news', 'kcd.zh.md'));

    // The translation exists but has no draft yet: its path, no draft id; its title and description still to translate.
    const group = (await draftsNow()).find((d) => d.id === src.id)?.languageGroup;
    expect(group?.lang).toBe('en');
    expect(states(group?.languages)).toEqual([
      ['en', true, true, 0, 0],
      ['fr', false, false, 0, 0],
      ['zh', true, false, 0, 2],
    ]);
    expect(group?.languages.find((l) => l.lang === 'zh')).toMatchObject({ path: trPath, draftId: null });
  });

  it('Docusaurus i18n: blog/<date>-<slug>/index.md and i18n/zh-Hans/docusaurus-plugin-content-blog/…', async () => {
    const root = path.join(tmp, 'docusaurus');
    await write(path.join(root, 'docusaurus.config.js'), "module.exports = {\n  title: 'Site',\n  i18n: {\n    defaultLocale: 'en',\n    locales: ['en', 'zh-Hans'],\n  },\n};\n");
    const source = await write(path.join(root, 'blog', '2021-11-02-kcd', 'index.md'), POST);
    const { src, tr, trPath } = await sourceAndTranslation(source, 'zh-Hans');
    expect(trPath).toBe(path.join(root, 'i18n', 'zh-Hans', 'docusaurus-plugin-content-blog', '2021-11-02-kcd', 'index.md'));
    const drafts = await draftsNow();
    const group = drafts.find((d) => d.id === tr.id)?.languageGroup;
    expect(group?.source).toBe(source);
    expect(group?.lang).toBe('zh-Hans');
    expect(group?.languages.map((l) => [l.lang, l.exists, l.draftId])).toEqual([
      ['en', true, src.id],
      ['zh-Hans', true, tr.id],
    ]);
  });

  it('no group for an unlinked draft, a file outside any site, a one-language site, or a site whose language folder leads out', async () => {
    const unlinked = (await service.newRecap({ title: 'Just a draft' })).draft;
    const loose = (await service.openRecap({ path: await write(path.join(tmp, 'loose', 'notes.md'), POST) })).draft;
    const single = path.join(tmp, 'hugo-single');
    await write(path.join(single, 'hugo.toml'), 'baseURL = "https://example.org/"\n');
    const one = (await service.openRecap({ path: await write(path.join(single, 'content', 'news', 'kcd.md'), POST) })).draft;
    // A language folder that is a symlink out of the site: its set cannot be read, the draft just has no group.
    const odd = path.join(tmp, 'hugo-odd');
    await write(path.join(odd, 'hugo.toml'), HUGO_3_LANGS);
    const oddSource = await write(path.join(odd, 'content', 'en', 'news', 'kcd.md'), POST);
    await fs.mkdir(path.join(tmp, 'outside'), { recursive: true });
    await fs.symlink(path.join(tmp, 'outside'), path.join(odd, 'content', 'zh'));
    const oddDraft = (await service.openRecap({ path: oddSource })).draft;

    const drafts = await draftsNow();
    for (const d of [unlinked, loose, one, oddDraft]) {
      const listed = drafts.find((x) => x.id === d.id);
      expect(listed).toBeDefined();
      expect(listed?.languageGroup).toBeUndefined();
    }
    expect(await fs.readdir(path.join(tmp, 'outside'))).toEqual([]);
  });
});
