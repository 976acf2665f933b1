// A translation's images read the way the post's site reads it (core/markdown/post-reading.ts),
// as the preview and lint read them: lint across languages compares the images each post shows
// (a Liquid link on Hugo, an MDX image on a plain-Markdown post is none), and a new Docusaurus
// translation gets a copy of exactly the co-located images its source shows. Real sites in temp dirs.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../../electron/core/contract';
import { png, writeText } from '../support/site-fixture';
import { serviceInTempDir } from '../support/temp-service';

const temp = serviceInTempDir('translate-reading');

const HUGO_LANGS = 'baseURL = "https://example.org/"\ndefaultContentLanguage = "en"\n[languages.en]\nweight = 1\n[languages.zh]\nweight = 2\n';
const DOCUSAURUS = "module.exports = {\n  title: 'KCD',\n  i18n: { defaultLocale: 'en', locales: ['en', 'zh-Hans'] },\n};\n";
const post = (fields: string[], body: string[]): string => ['---', 'title: KCD', ...fields, '---', '', ...body, ''].join('\n');
const REQUIRE_HALL = "<img src={require('./hall.png').default} alt=\"Hall\" />";

/** The lint-across-languages findings of `text` at `file`. */
async function imageFindings(file: string, text: string): Promise<string[]> {
  const problems: Problem[] = await temp.service().lintRecap({ text, path: file });
  return problems.filter((p) => p.code === 'translation-images').map((p) => p.message);
}

describe('lint across languages reads each post as its site does', () => {
  it('Hugo: a translation whose photo is a Liquid link shows no photo there, so it misses the source\'s', async () => {
    const root = path.join(temp.dir(), 'hugo-liquid');
    await writeText(path.join(root, 'hugo.toml'), HUGO_LANGS);
    await png(path.join(root, 'static/images/news/kcd/hall.png'), 1);
    await writeText(path.join(root, 'content/en/news/kcd.md'), post([], ['![Hall](/images/news/kcd/hall.png)']));
    const liquid = post([], ['![Hall]({{ site.baseurl }}/images/news/kcd/hall.png)']);
    const tr = await writeText(path.join(root, 'content/zh/news/kcd.md'), liquid);
    expect(await imageFindings(tr, liquid)).toEqual([expect.stringContaining('not here: /images/news/kcd/hall.png')]);
    const same = post([], ['![大厅](/images/news/kcd/hall.png)']);
    expect(await imageFindings(tr, same)).toEqual([]);
  });

  it("Hugo: an MDX image of the source is no image there, so the translation's link to that file is not the source's", async () => {
    const root = path.join(temp.dir(), 'hugo-mdx');
    await writeText(path.join(root, 'hugo.toml'), HUGO_LANGS);
    const bundle = path.join(root, 'content/posts/kcd');
    await png(path.join(bundle, 'hall.png'), 1);
    await writeText(path.join(bundle, 'index.md'), post([], [REQUIRE_HALL]));
    const text = post([], ['![Hall](./hall.png)']);
    const tr = await writeText(path.join(bundle, 'index.zh.md'), text);
    expect(await imageFindings(tr, text)).toEqual([expect.stringContaining('not in the source: ./hall.png')]);
  });

  it('Docusaurus reads the MDX image as the photo (no finding) unless both posts say format: md', async () => {
    const root = path.join(temp.dir(), 'docusaurus-lint');
    await writeText(path.join(root, 'docusaurus.config.js'), DOCUSAURUS);
    const folder = path.join(root, 'blog/2024-05-01-kcd');
    await png(path.join(folder, 'hall.png'), 1);
    const source = await writeText(path.join(folder, 'index.md'), post([], [REQUIRE_HALL]));
    const trFolder = path.join(root, 'i18n/zh-Hans/docusaurus-plugin-content-blog/2024-05-01-kcd');
    await png(path.join(trFolder, 'hall.png'), 1);
    const text = post([], ['![Hall](./hall.png)']);
    const tr = await writeText(path.join(trFolder, 'index.md'), text);
    expect(await imageFindings(tr, text)).toEqual([]);
    await writeText(source, post(['format: md'], [REQUIRE_HALL]));
    const md = post(['format: md'], ['![Hall](./hall.png)']);
    expect(await imageFindings(tr, md)).toEqual([expect.stringContaining('not in the source: ./hall.png')]);
  });
});

describe('a new Docusaurus translation copies the co-located images its source shows', () => {
  /** A Docusaurus site with a folder post of `fields` showing hall.png by MDX and stage.png by Markdown; the files beside the new zh-Hans translation. */
  async function translated(name: string, fields: string[]): Promise<string[]> {
    const root = path.join(temp.dir(), name);
    await writeText(path.join(root, 'docusaurus.config.js'), DOCUSAURUS);
    const folder = path.join(root, 'blog/2024-05-01-kcd');
    await png(path.join(folder, 'hall.png'), 1);
    await png(path.join(folder, 'stage.png'), 2);
    const file = await writeText(path.join(folder, 'index.md'), post(fields, [REQUIRE_HALL, '', '![Stage](./stage.png)']));
    const { path: tr } = await temp.service().addTranslation({ path: file, lang: 'zh-Hans' });
    expect(path.dirname(tr)).toBe(path.join(root, 'i18n/zh-Hans/docusaurus-plugin-content-blog/2024-05-01-kcd'));
    return (await fs.readdir(path.dirname(tr))).sort();
  }

  it('read as MDX (Docusaurus 3\'s default), the required photo is one of them', async () => {
    expect(await translated('copy-mdx', [])).toEqual(['hall.png', 'index.md', 'stage.png']);
  });

  it('a post that says format: md publishes the require as written: that file is not copied', async () => {
    expect(await translated('copy-md', ['format: md'])).toEqual(['index.md', 'stage.png']);
  });
});
