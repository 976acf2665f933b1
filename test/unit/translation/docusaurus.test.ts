// Translations on Docusaurus sites made in temp dirs, as the CLI and the page reach them: a
// `.ts` config with three locales (a flat post to `fr`), a folder post with its co-located image
// (the image is copied beside the translation, which Docusaurus resolves from its own folder;
// one already there is left as it is; a link that leads out of the site is never followed), no
// false problem on the translation, and the export of both to their Docusaurus paths (a flat post
// named by its date, too).

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecapService, type RecapService } from '../../../electron/service/service';
import { cliInProcess as cli } from '../support/cli-run';
import { listFiles, png, tempDir, writeText } from '../support/site-fixture';

let tmp: string;
let service: RecapService;

beforeAll(async () => {
  tmp = await tempDir('translate-docusaurus');
  const home = path.join(tmp, 'home');
  process.env['RECAP_STUDIO_HOME'] = home;
  service = createRecapService({ home, cacheDir: path.join(tmp, 'cache') });
});
afterAll(async () => {
  delete process.env['RECAP_STUDIO_HOME'];
  await fs.rm(tmp, { recursive: true, force: true });
});

const write = writeText;

const CONFIG_JS = "// @ts-check\nconst config = {\n  title: 'KCD',\n  url: 'https://kcd.example.org',\n  i18n: {\n    defaultLocale: 'en',\n    locales: ['en', 'zh-Hans'],\n  },\n};\nmodule.exports = config;\n";
const CONFIG_TS = "import type {Config} from '@docusaurus/types';\n\nconst config: Config = {\n  title: 'KCD',\n  i18n: {\n    defaultLocale: 'en',\n    locales: [\"en\", \"fr\", \"zh-Hans\"],\n  },\n};\n\nexport default config;\n";
const POST = [
  '---',
  'title: KCD China 2024 Recap',
  'authors: [lindsay]',
  'tags: [kcd, community]',
  'slug: kcd-china-2024',
  'image: /img/kcd/stage.png',
  '---',
  '',
  'Nearly 300 people came to the first KCD in Beijing.',
  '',
  '![The main stage](/img/kcd/stage.png)',
  '',
  '![The hallway track](./crowd.png)',
  '',
  'Thanks to every organizer and speaker.',
  '',
].join('\n');

/** The blog's authors.yml: Docusaurus stops its build on an author key it lacks. */
const AUTHORS = 'lindsay:\n  name: Lindsay\n';

/** A Docusaurus site with the post as a folder (index.md beside crowd.png) and a shared image under static/img. */
async function folderSite(name: string): Promise<{ root: string; post: string }> {
  const root = path.join(tmp, name);
  await write(path.join(root, 'docusaurus.config.js'), CONFIG_JS);
  await write(path.join(root, 'blog', 'authors.yml'), AUTHORS);
  await png(path.join(root, 'static', 'img', 'kcd', 'stage.png'), 1);
  await png(path.join(root, 'blog', '2024-05-01-kcd-recap', 'crowd.png'), 2);
  const post = await write(path.join(root, 'blog', '2024-05-01-kcd-recap', 'index.md'), POST);
  return { root, post };
}

const I18N_BLOG = ['i18n', 'zh-Hans', 'docusaurus-plugin-content-blog'];

describe('recap translate on Docusaurus', () => {
  it('a .ts config with en, fr and zh-Hans: a flat post goes to i18n/fr/docusaurus-plugin-content-blog/ with the same text', async () => {
    const root = path.join(tmp, 'ts-config');
    await write(path.join(root, 'docusaurus.config.ts'), CONFIG_TS);
    const post = await write(path.join(root, 'blog', '2024-05-01-kcd-recap.md'), POST.replace('./crowd.png', '/img/kcd/crowd.png'));
    const run = await cli('translate', post, '--lang', 'fr');
    expect(run).toEqual({ code: 0, out: path.join(root, 'i18n', 'fr', 'docusaurus-plugin-content-blog', '2024-05-01-kcd-recap.md'), err: '' });
    expect(await fs.readFile(run.out, 'utf8')).toBe(await fs.readFile(post, 'utf8'));
    const set = await service.translationsOf({ path: post });
    expect(set.entries.map((e) => [e.lang, e.exists])).toEqual([['en', true], ['fr', true], ['zh-Hans', false]]);
    const de = await cli('translate', post, '--lang', 'de');
    expect(de.code).toBe(2);
    expect(de.err).toContain('Its languages are en, fr, zh-Hans');
  });

  it('a folder post: the translation gets the co-located image beside it and no problem; a second run exits 1', async () => {
    const { root, post } = await folderSite('folder-post');
    const run = await cli('translate', post, '--lang', 'zh-Hans');
    const tr = path.join(root, ...I18N_BLOG, '2024-05-01-kcd-recap', 'index.md');
    expect(run).toEqual({ code: 0, out: tr, err: '' });
    expect(await fs.readFile(tr, 'utf8')).toBe(POST);
    expect(await fs.readFile(path.join(path.dirname(tr), 'crowd.png'))).toEqual(await fs.readFile(path.join(root, 'blog', '2024-05-01-kcd-recap', 'crowd.png')));
    // The shared image stays in static/ (never copied); the translation's links resolve.
    expect((await fs.readdir(path.dirname(tr))).sort()).toEqual(['crowd.png', 'index.md']);
    expect(await service.lintRecap({ text: POST, path: tr })).toEqual([]);
    const images = await service.resolveImages({ recapPath: tr, urls: ['/img/kcd/stage.png', './crowd.png'] });
    expect(images.map((i) => i.localPath)).toEqual([path.join(root, 'static', 'img', 'kcd', 'stage.png'), path.join(path.dirname(tr), 'crowd.png')]);
    expect((await cli('lint', tr)).code).toBe(0);

    const again = await cli('translate', post, '--lang', 'zh-Hans');
    expect(again.code).toBe(1);
    expect(again.err).toContain('it was left as it is');
  });

  it('never replaces an image already beside the translation, and never follows a co-located link out of the site', async () => {
    const { root, post } = await folderSite('kept-image');
    const outside = path.join(tmp, 'outside-secret');
    await png(path.join(outside, 'secret.png'), 9);
    await fs.symlink(path.join(outside, 'secret.png'), path.join(root, 'blog', '2024-05-01-kcd-recap', 'leak.png'));
    await fs.appendFile(post, '\n![leak](./leak.png)\n');
    const dir = path.join(root, ...I18N_BLOG, '2024-05-01-kcd-recap');
    await png(path.join(dir, 'crowd.png'), 7);
    const theirs = await fs.readFile(path.join(dir, 'crowd.png'));
    expect((await cli('translate', post, '--lang', 'zh-Hans')).code).toBe(0);
    expect(await fs.readFile(path.join(dir, 'crowd.png'))).toEqual(theirs);
    expect((await fs.readdir(dir)).sort()).toEqual(['crowd.png', 'index.md']);
  });
});

describe('export of a Docusaurus post with its translation', () => {
  it('writes each language at its Docusaurus path, each post with its co-located images beside it, the shared /img/ photo once where the site keeps it, and no problem', async () => {
    const { post } = await folderSite('export');
    await service.addTranslation({ path: post, lang: 'zh-Hans' });
    const out = path.join(tmp, 'export-out');
    const text = POST.replace('Nearly 300 people', 'More than 300 people');
    const req = { recapPath: post, text, target: { kind: 'folder' as const, dir: out }, withTranslations: true };
    const plan = await service.planExport(req);
    expect(plan.problems).toEqual([]);
    expect(plan.files.filter((f) => f.kind === 'post').map((f) => f.path)).toEqual(['blog/2024-05-01-kcd-recap/index.md', [...I18N_BLOG, '2024-05-01-kcd-recap', 'index.md'].join('/')]);
    expect((await service.exportRecap(req)).written).toBe(true);
    const zhDir = [...I18N_BLOG, '2024-05-01-kcd-recap'].join('/');
    expect(await listFiles(out)).toEqual(['blog/2024-05-01-kcd-recap/crowd.png', 'blog/2024-05-01-kcd-recap/index.md', `${zhDir}/crowd.png`, `${zhDir}/index.md`, 'static/img/kcd/stage.png'].sort());
    const en = await fs.readFile(path.join(out, 'blog', '2024-05-01-kcd-recap', 'index.md'), 'utf8');
    expect(en).toBe(text);
    const zh = await fs.readFile(path.join(out, zhDir, 'index.md'), 'utf8');
    expect(zh).toContain('Nearly 300 people');
    expect(zh).toContain('![The hallway track](./crowd.png)');
  });

  it('a flat post named by its date (no date in its front matter) goes out where it lives, its translation beside it in i18n/, the shared photo where the site keeps it', async () => {
    const root = path.join(tmp, 'flat-export');
    await write(path.join(root, 'docusaurus.config.ts'), CONFIG_TS);
    await write(path.join(root, 'blog', 'authors.yml'), AUTHORS);
    await png(path.join(root, 'static', 'img', 'kcd', 'stage.png'), 1);
    const post = await write(path.join(root, 'blog', '2024-05-01-kcd-recap.md'), POST.replace('\n![The hallway track](./crowd.png)\n', ''));
    await service.addTranslation({ path: post, lang: 'fr' });
    const plan = await service.planExport({ recapPath: post, target: { kind: 'folder', dir: path.join(tmp, 'flat-out') }, withTranslations: true });
    expect(plan.problems).toEqual([]);
    expect(plan.files.map((f) => f.path)).toEqual(['blog/2024-05-01-kcd-recap.md', 'i18n/fr/docusaurus-plugin-content-blog/2024-05-01-kcd-recap.md', 'static/img/kcd/stage.png']);
  });
});
