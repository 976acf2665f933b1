// A Docusaurus post's relative link into the folder its site serves (`../static/blog/a.jpeg`, as
// reactnative.dev's event recaps write them): Docusaurus' image loader joins a relative link to
// the post file's folder, wherever it leads, so the photo is found there by every door (lint, the
// preview's lookups, the tray, export); anywhere else outside the post's folder it is refused,
// and on Hugo, which does not read links from the file, it stays refused.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles } from '../support/site-fixture';
import { serviceInTempDir } from '../support/temp-service';
import { photo, put } from '../site/other-sites';

const temp = serviceInTempDir('docusaurus-relative', { assetUrl: (p) => `asset:${p}` });

const POST = 'blog/2025-02-03-summit.md';
const LINK = '../static/blog/assets/summit-1.jpeg';

/** A Docusaurus site with a flat post whose lines are `body`, and the photo static/blog/assets/summit-1.jpeg. */
async function site(root: string, body: string[]): Promise<string> {
  await put(root, 'docusaurus.config.ts', "export default { title: 'RN', url: 'https://example.org', baseUrl: '/' };\n");
  await put(root, 'blog/authors.yml', 'lin:\n  name: Lin\n');
  await photo(path.join(root, 'static/blog/assets/summit-1.jpeg'), 1);
  return put(root, POST, ['---', 'title: Summit Recap', 'authors: [lin]', 'tags: [events]', '---', '', 'The summit.', '', ...body, ''].join('\n'));
}

describe("a Docusaurus post's relative link into its site's static/", () => {
  it('is found by lint, the preview and the tray; export into its site changes nothing, to a folder takes the photo along', async () => {
    const root = path.join(temp.dir(), 'site');
    const file = await site(root, [`![All participants](${LINK})`]);
    const text = await fs.readFile(file, 'utf8');
    expect(await temp.service().lintRecap({ text, path: file })).toEqual([]);
    const [found] = await temp.service().resolveImages({ recapPath: file, urls: [LINK] });
    expect(found?.src).toBe(`asset:${path.join(root, 'static/blog/assets/summit-1.jpeg')}`);
    const folder = await temp.service().photoFolder({ recapPath: file, text });
    const linked = await temp.service().linkedPhotos({ recapPath: file, imageDir: folder.imageDir, urls: [LINK] });
    expect(linked.map((p) => [p.name, p.folder])).toEqual([['summit-1.jpeg', 'static/blog/assets']]);

    const own = await temp.service().exportRecap({ recapPath: file, text, target: { kind: 'site', dir: root } });
    expect(own).toMatchObject({ written: false, postFrom: 'own', added: [], changed: [], problems: [] });
    const out = path.join(temp.dir(), 'out');
    expect(await temp.service().exportRecap({ recapPath: file, text, target: { kind: 'folder', dir: out } })).toMatchObject({ written: true, post: POST, problems: [] });
    expect(await listFiles(out)).toEqual([POST, 'static/blog/assets/summit-1.jpeg']);
    expect(await fs.readFile(path.join(out, POST), 'utf8')).toBe(text);
  });

  it('reaching anywhere else is refused, a symlink out of static/ too, and nothing behind it is read', async () => {
    const root = path.join(temp.dir(), 'site');
    await photo(path.join(temp.dir(), 'outside.jpg'), 2);
    await photo(path.join(root, 'src/img/logo.jpg'), 3);
    const file = await site(root, ['![a](../src/img/logo.jpg)', '', '![b](../../outside.jpg)', '', '![c](../static/blog/link.jpg)', '', '![d](../static/blog/../../docusaurus.config.ts)', '', '![e](../static/.hidden/x.jpg)']);
    await fs.symlink(path.join(temp.dir(), 'outside.jpg'), path.join(root, 'static/blog/link.jpg'));
    await photo(path.join(root, 'static/.hidden/x.jpg'), 4);
    const problems = await temp.service().lintRecap({ text: await fs.readFile(file, 'utf8'), path: file });
    expect(problems.map((p) => [p.code, p.line])).toEqual([
      ['image-refused', 9],
      ['image-refused', 11],
      ['image-refused', 13],
      ['image-refused', 15],
      ['image-refused', 17],
    ]);
    expect(problems[2]?.message).toContain(`is a link to ${path.join(temp.dir(), 'outside.jpg')}`);
    const lookups = await temp.service().resolveImages({ recapPath: file, urls: ['../src/img/logo.jpg', '../../outside.jpg', '../static/blog/link.jpg', '../static/.hidden/x.jpg'] });
    expect(lookups.map((l) => l.src)).toEqual([null, null, null, null]);
  });

  it('stays refused on a Hugo post, which reads no link from its file', async () => {
    const root = path.join(temp.dir(), 'hugo');
    await put(root, 'hugo.toml', 'baseURL = "https://example.org/"\ntitle = "H"\n');
    await photo(path.join(root, 'static/img/a.jpg'), 5);
    const file = await put(root, 'content/en/news/kcd.md', '---\ntitle: KCD\n---\n\n![a](../../../static/img/a.jpg)\n');
    const problems = await temp.service().lintRecap({ text: await fs.readFile(file, 'utf8'), path: file });
    expect(problems.filter((p) => p.code === 'image-refused').map((p) => p.line)).toEqual([5]);
  });
});
