// MDX's top-level `import`/`export` statements are code where the post is read as MDX (Docusaurus
// 3 by default, any .mdx file): the preview shows nothing for them, and lint and the link finder
// check nothing there. Where the site reads the post as plain Markdown (Hugo, Jekyll, Docusaurus'
// `format: md`) the same lines are a paragraph it publishes, images and all: lint checks them
// (lint-markdown's alt text, the finder's missing images) and export copies their photos, as the
// preview shows them. Real posts in real site folders in a temp dir.

import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serviceInTempDir } from '../support/temp-service';
import { docusaurusPostFolder, png, writeText } from '../support/site-fixture';

const post = (fields: string[], body: string[]): string => ['---', 'title: KCD', 'date: 2024-05-01', ...fields, '---', '', ...body, ''].join('\n');
/** An import line (line 6 below the front matter) and the images of its paragraph: hall.png is beside the post, missing-stage.png is not. */
const BODY = ["import hall from './hall.png'", '![](./hall.png)', '![Stage](./missing-stage.png)', '', 'The hall was full.'];

describe('MDX import/export lines are code only where the post is read as MDX', () => {
  const temp = serviceInTempDir('esm');

  /** Lint's findings about the images of the paragraph after the import line, with their lines. */
  const findings = async (file: string, text: string): Promise<Array<[string, number | undefined]>> =>
    (await temp.service().lintRecap({ text, path: file })).filter((p) => p.code === 'alt-missing' || p.code === 'image-missing').map((p) => [p.code, p.line]);
  /** The photos export (a dry run to a folder) would copy for `text`. */
  const exported = async (file: string, text: string): Promise<string[]> => {
    const report = await temp.service().exportRecap({ recapPath: file, text, target: { kind: 'folder', dir: path.join(temp.dir(), 'out') }, dryRun: true });
    return report.files.filter((f) => f.kind === 'image').map((f) => path.basename(f.path));
  };
  const OWN = post([], ["import hall from './hall.png'", '![Hall](./hall.png)']);

  it('Hugo and Jekyll: the paragraph is linted like any text, and its photo is exported', async () => {
    const hugo = path.join(temp.dir(), 'hugo');
    await writeText(path.join(hugo, 'hugo.toml'), 'title = "Events"\n');
    const jekyll = path.join(temp.dir(), 'jekyll');
    await writeText(path.join(jekyll, '_config.yml'), 'title: KCD\n');
    const text = post([], BODY);
    for (const file of [path.join(hugo, 'content/posts/kcd/index.md'), path.join(jekyll, '_posts/2024-05-01-kcd.md')]) {
      await png(path.join(path.dirname(file), 'hall.png'), 1);
      await writeText(file, text);
      expect(await findings(file, text), file).toEqual([
        ['alt-missing', 7],
        ['image-missing', 8],
      ]);
    }
    expect(await exported(path.join(hugo, 'content/posts/kcd/index.md'), OWN)).toEqual(['hall.png']);
  });

  // (A Docusaurus folder post's export copies the photos beside it whatever it links: the finder shows here in lint.)
  it('Docusaurus: skipped as code on an MDX post; linted on a post that says format: md', async () => {
    const folder = await docusaurusPostFolder(path.join(temp.dir(), 'docs'), "module.exports = { title: 'KCD' };\n");
    const mdx = post([], BODY);
    const file = await writeText(path.join(folder, 'index.md'), mdx);
    expect(await findings(file, mdx)).toEqual([]);
    const md = post(['format: md'], BODY);
    expect(await findings(file, md)).toEqual([
      ['alt-missing', 8],
      ['image-missing', 9],
    ]);
  });
});
