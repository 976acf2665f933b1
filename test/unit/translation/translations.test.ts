// Translations on real sites in temp dirs: `recap translate` (path printed, exit 0; a second run
// exit 1 with the file untouched) on Hugo sites with a folder per language (TOML and YAML
// configs), with the language in the file name (posts and page bundles), on Docusaurus with
// i18n, the refusals (Jekyll, a language the site lacks, a folder that leads out), the side by
// side's "source changed" marks after a save, the languages of a recap, and lint across languages.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecapService, type RecapService } from '../../../electron/service/service';
import { makeHugoSite, png, REFERENCE, REFERENCE_NAME, tempDir, writeText } from '../support/site-fixture';
import { cliInProcess } from '../support/cli-run';

let tmp: string;
let home: string;
let service: RecapService;

beforeAll(async () => {
  tmp = await tempDir('translate');
  home = path.join(tmp, 'home');
  process.env['RECAP_STUDIO_HOME'] = home;
  service = createRecapService({ home, cacheDir: path.join(tmp, 'cache') });
});
afterAll(async () => {
  delete process.env['RECAP_STUDIO_HOME'];
  await fs.rm(tmp, { recursive: true, force: true });
});

const cli = cliInProcess;

const write = writeText;

const HUGO_LANGS_TOML = 'baseURL = "https://example.org/"\ndefaultContentLanguage = "en"\n[languages.en]\nweight = 1\n[languages.zh]\nweight = 2\n';
const POST = '---\ntitle: "KCD Recap"\ndescription: "The first KCD China"\ndate: 2021-11-02\n---\n\nFirst paragraph.\n\n![stage](./stage.png)\n\nSecond paragraph.\n';

describe('recap translate', () => {
  it('Hugo, a folder per language (TOML): prints the new path, same name, same text and image links; a second run exits 1 and leaves it', async () => {
    const site = await makeHugoSite(path.join(tmp, 'hugo-toml'));
    await fs.writeFile(path.join(site.root, 'hugo.toml'), HUGO_LANGS_TOML);
    const want = path.join(site.root, 'content', 'zh', 'news', REFERENCE_NAME);
    const run = await cli('translate', site.recap, '--lang', 'zh');
    expect(run).toEqual({ code: 0, out: want, err: '' });
    expect(await fs.readFile(want, 'utf8')).toBe(REFERENCE);
    expect(await fs.readdir(path.join(site.root, 'static', 'images', 'news', 'kcd-china'))).toHaveLength(6);

    await fs.writeFile(want, '---\ntitle: "已翻译"\n---\n');
    const again = await cli('translate', site.recap, '--lang', 'zh');
    expect(again.code).toBe(1);
    expect(again.out).toBe('');
    expect(again.err).toMatch(/already a translation at .*content\/zh\/news\/kubernetes-community-days-china\.md; it was left as it is/);
    expect(await fs.readFile(want, 'utf8')).toBe('---\ntitle: "已翻译"\n---\n');
    expect((await fs.readdir(path.dirname(want))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('Hugo, a folder per language (YAML config): content/en/blog/x/index.md → content/zh/blog/x/index.md', async () => {
    const root = path.join(tmp, 'hugo-yaml');
    await write(path.join(root, 'hugo.yaml'), 'baseURL: https://example.org/\nlanguages:\n  en: {weight: 1}\n  zh: {weight: 2}\n');
    const file = await write(path.join(root, 'content', 'en', 'blog', 'kcd', 'index.md'), POST);
    const run = await cli('translate', file, '--lang', 'zh');
    expect(run.code).toBe(0);
    expect(run.out).toBe(path.join(root, 'content', 'zh', 'blog', 'kcd', 'index.md'));
  });

  it('Hugo with the language in the file name: kcd.md → kcd.zh.md, and a page bundle index.md → index.zh.md beside its images', async () => {
    const root = path.join(tmp, 'hugo-suffix');
    await write(path.join(root, 'hugo.toml'), HUGO_LANGS_TOML);
    const post = await write(path.join(root, 'content', 'news', 'kcd.md'), POST);
    const bundle = await write(path.join(root, 'content', 'blog', 'kcd', 'index.md'), POST);
    expect((await cli('translate', post, '--lang', 'zh')).out).toBe(path.join(root, 'content', 'news', 'kcd.zh.md'));
    const made = await cli('translate', bundle, '--lang', 'zh');
    expect(made.out).toBe(path.join(root, 'content', 'blog', 'kcd', 'index.zh.md'));
    expect(await fs.readFile(made.out, 'utf8')).toContain('![stage](./stage.png)');
  });

  it('Docusaurus with i18n: blog/<date>-<slug>/index.md → i18n/<lang>/docusaurus-plugin-content-blog/…', async () => {
    const root = path.join(tmp, 'docusaurus');
    await write(path.join(root, 'docusaurus.config.js'), "module.exports = {\n  title: 'Site',\n  i18n: {\n    defaultLocale: 'en',\n    locales: ['en', 'zh-Hans'],\n  },\n};\n");
    const file = await write(path.join(root, 'blog', '2021-11-02-kcd', 'index.md'), POST);
    const run = await cli('translate', file, '--lang', 'zh-Hans');
    expect(run.code).toBe(0);
    expect(run.out).toBe(path.join(root, 'i18n', 'zh-Hans', 'docusaurus-plugin-content-blog', '2021-11-02-kcd', 'index.md'));
    expect(await fs.readFile(run.out, 'utf8')).toBe(POST);
  });

  it('refuses Jekyll, a language the site does not have, and a language folder that leads out of the site', async () => {
    const jekyll = path.join(tmp, 'jekyll');
    await write(path.join(jekyll, '_config.yml'), 'title: Site\n');
    const post = await write(path.join(jekyll, '_posts', '2021-11-02-kcd.md'), POST);
    const refused = await cli('translate', post, '--lang', 'zh');
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/Jekyll has no convention of its own for translations.*Hugo.*Docusaurus/);

    const root = path.join(tmp, 'hugo-out');
    await write(path.join(root, 'hugo.toml'), HUGO_LANGS_TOML);
    const file = await write(path.join(root, 'content', 'en', 'news', 'kcd.md'), POST);
    const unknown = await cli('translate', file, '--lang', 'fr');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('The site has no language "fr". Its languages are en, zh'.replace('The', 'the'));

    const outside = path.join(tmp, 'outside');
    await fs.mkdir(outside, { recursive: true });
    await fs.symlink(outside, path.join(root, 'content', 'zh'));
    const out = await cli('translate', file, '--lang', 'zh');
    expect(out.code).toBe(2);
    expect(out.err).toContain('leads outside the site');
    expect(await fs.readdir(outside)).toEqual([]);
  });
});

describe('a translation beside its source', () => {
  it('marks the source paragraphs changed since the translation was last saved, and forgets them after a save', async () => {
    const root = path.join(tmp, 'side');
    await write(path.join(root, 'hugo.toml'), HUGO_LANGS_TOML);
    const source = await write(path.join(root, 'content', 'en', 'news', 'kcd.md'), POST);
    const { path: tr } = await service.addTranslation({ path: source, lang: 'zh' });
    const fresh = await service.translationView({ path: tr });
    expect(fresh?.blocks.map((b) => [b.line, b.changed])).toEqual([[2, false], [4, false], [6, false]]);
    expect(fresh?.marked).toEqual(['title', 'description']);
    expect(await service.translationView({ path: source })).toBeNull();

    await fs.writeFile(source, POST.replace('Second paragraph.', 'Second paragraph, with news.'));
    const changed = await service.translationView({ path: tr });
    expect(changed?.blocks.map((b) => b.changed)).toEqual([false, false, true]);
    const set = await service.translationsOf({ path: source });
    expect(set.entries.map((e) => [e.lang, e.exists, e.isSource, e.changedBlocks, e.untranslated])).toEqual([
      ['en', true, true, 0, []],
      ['zh', true, false, 1, ['title', 'description']],
    ]);

    const opened = await service.openRecap({ path: tr });
    const text = opened.text.replace('title: "KCD Recap"', 'title: "KCD 回顾"');
    await service.saveToFile({ id: opened.draft.id, text });
    expect((await service.translationView({ path: tr }))?.blocks.every((b) => !b.changed)).toBe(true);
    expect((await service.translationsOf({ path: tr })).entries[1]?.untranslated).toEqual(['description']);
  });
});

describe('lint across languages', () => {
  it('warns about images that differ, a required field left empty and a language folder the site does not declare', async () => {
    const site = await makeHugoSite(path.join(tmp, 'lint'));
    await fs.writeFile(path.join(site.root, 'hugo.toml'), HUGO_LANGS_TOML);
    const { path: tr } = await service.addTranslation({ path: site.recap, lang: 'zh' });
    const same = await service.lintRecap({ text: REFERENCE, path: tr });
    expect(same.filter((p) => p.code.startsWith('translation-'))).toEqual([]);

    const edited = REFERENCE.replace('![guest-speakers](/images/news/kcd-china/guest-speakers.png)', '![x](/images/news/kcd-china/other.png)').replace('author: "Lindsay"', 'author: ""');
    const problems = (await service.lintRecap({ text: edited, path: tr })).filter((p) => p.code.startsWith('translation-'));
    expect(problems.map((p) => p.code)).toEqual(['translation-images', 'translation-field']);
    expect(problems[0]?.message).toContain('not here: /images/news/kcd-china/guest-speakers.png; not in the source: /images/news/kcd-china/other.png');
    expect(problems[1]?.field).toBe('author');

    const fr = await write(path.join(site.root, 'content', 'fr', 'news', REFERENCE_NAME), REFERENCE);
    const undeclared = (await service.lintRecap({ text: REFERENCE, path: fr })).filter((p) => p.code.startsWith('translation-'));
    expect(undeclared.map((p) => p.message)).toEqual([expect.stringContaining('The language folder content/fr is not one the site declares (en, zh)')]);
    const lint = await cli('lint', fr);
    expect(lint.out).toContain('content/fr is not one the site declares');
  });
});

describe('export with translations', () => {
  it('plans the recap and its translation together (the shared images once) and writes both', async () => {
    const site = await makeHugoSite(path.join(tmp, 'export-set'));
    await fs.writeFile(path.join(site.root, 'hugo.toml'), HUGO_LANGS_TOML);
    await service.addTranslation({ path: site.recap, lang: 'zh' });
    const out = path.join(tmp, 'export-set-out');
    const text = REFERENCE.replace('title: "Kubernetes Community Days China Recap"', 'title: "KCD China Recap"');
    const alone = await service.planExport({ recapPath: site.recap, text, target: { kind: 'folder', dir: out } });
    expect(alone.files.filter((f) => f.kind === 'post').map((f) => f.path)).toEqual([`content/en/news/${REFERENCE_NAME}`]);
    const plan = await service.planExport({ recapPath: site.recap, text, target: { kind: 'folder', dir: out }, withTranslations: true });
    expect(plan.files.filter((f) => f.kind === 'post').map((f) => f.path)).toEqual([`content/en/news/${REFERENCE_NAME}`, `content/zh/news/${REFERENCE_NAME}`]);
    expect(plan.files.filter((f) => f.kind === 'image')).toHaveLength(6);
    const done = await service.exportRecap({ recapPath: site.recap, text, target: { kind: 'folder', dir: out }, withTranslations: true });
    expect(done.written).toBe(true);
    expect(await fs.readFile(path.join(out, 'content', 'en', 'news', REFERENCE_NAME), 'utf8')).toBe(text);
    expect(await fs.readFile(path.join(out, 'content', 'zh', 'news', REFERENCE_NAME), 'utf8')).toBe(REFERENCE);
    expect(await fs.readdir(path.join(out, 'static', 'images', 'news', 'kcd-china'))).toHaveLength(6);
  });

  it('a Hugo page bundle with the language in the name: index.md and index.zh.md side by side, the bundle\'s image once', async () => {
    const root = path.join(tmp, 'export-bundle');
    await write(path.join(root, 'hugo.toml'), HUGO_LANGS_TOML);
    const post = await write(path.join(root, 'content', 'blog', 'kcd', 'index.md'), POST.replace('date: 2021-11-02', 'date: 2021-11-02\nslug: kcd'));
    await png(path.join(root, 'content', 'blog', 'kcd', 'stage.png'), 3);
    await service.addTranslation({ path: post, lang: 'zh' });
    const out = path.join(tmp, 'export-bundle-out');
    const req = { recapPath: post, target: { kind: 'folder' as const, dir: out }, withTranslations: true };
    const plan = await service.planExport(req);
    expect(plan.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const posts = plan.files.filter((f) => f.kind === 'post').map((f) => f.path);
    expect(posts).toEqual(['content/blog/kcd/index.md', 'content/blog/kcd/index.zh.md']);
    expect(plan.files.filter((f) => f.kind === 'image')).toHaveLength(1);
    expect((await service.exportRecap(req)).written).toBe(true);
  });
});
