// Export copies the post and its photos. The other files of the post's own folder — a page
// bundle's slides.pdf, a featured.svg hero (an SVG can carry scripts: never copied), the photos
// of a gallery/ folder the text does not link — stay where they are: export's checks name them
// wherever the export goes elsewhere than the post's own place, instead of dropping them unsaid.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { png, treeHash, writeText } from '../support/site-fixture';
import { serviceInTempDir } from '../support/temp-service';

const temp = serviceInTempDir('left-behind');

/** A Hugo site whose bundle content/posts/kcd/ holds its post, a linked photo and files export does not copy. */
async function bundle(): Promise<{ root: string; post: string; text: string }> {
  const root = path.join(temp.dir(), 'site');
  await writeText(path.join(root, 'hugo.toml'), 'baseURL = "https://example.org/"\ntitle = "KCD"\n');
  const dir = path.join(root, 'content/posts/kcd');
  await png(path.join(dir, 'stage.png'), 1);
  await png(path.join(dir, 'gallery/01.png'), 2);
  await png(path.join(dir, 'gallery/02.png'), 3);
  await writeText(path.join(dir, 'featured.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeText(path.join(dir, 'slides.pdf'), '%PDF-1.4\n');
  await writeText(path.join(dir, '.DS_Store'), 'x');
  // Its translation is a page of its own; a bundle below is another page's.
  await writeText(path.join(dir, 'index.zh.md'), '---\ntitle: KCD\n---\n');
  await writeText(path.join(dir, 'talks/index.md'), '---\ntitle: Talks\n---\n');
  await png(path.join(dir, 'talks/a.png'), 4);
  await fs.symlink(path.join(root, 'hugo.toml'), path.join(dir, 'config-link'));
  const text = '---\ntitle: KCD\ndate: 2024-05-01\n---\n\n![Stage](stage.png)\n\n![One](gallery/01.png)\n\n[Slides](slides.pdf)\n';
  return { root, post: await writeText(path.join(dir, 'index.md'), text), text };
}

const left = (problems: Array<{ code: string; message: string; severity: string }>): string[] => problems.filter((p) => p.code === 'files-left').map((p) => `${p.severity}: ${p.message}`);

describe('the files of a post\'s own folder that export does not carry', () => {
  it('are named by export\'s checks when it goes to a folder or a .zip; the photos it carries are not', async () => {
    const { root, post, text } = await bundle();
    const dir = path.join(root, 'content/posts/kcd');
    const out = path.join(temp.dir(), 'out');
    const report = await temp.service().exportRecap({ recapPath: post, text, target: { kind: 'folder', dir: out } });
    expect(report.files.map((f) => f.path).sort()).toEqual(['content/posts/kcd/gallery/01.png', 'content/posts/kcd/index.md', 'content/posts/kcd/stage.png']);
    expect(left(report.problems)).toEqual([`warning: 3 files in ${dir} are not exported: featured.svg, gallery/02.png, slides.pdf. Export copies the post and its photos only: copy them yourself if the page needs them.`]);
    const zip = await temp.service().exportRecap({ recapPath: post, text, target: { kind: 'zip', file: path.join(temp.dir(), 'kcd.zip') }, dryRun: true });
    expect(left(zip.problems)).toHaveLength(1);
  });

  it('are not named into the post\'s own place, where they already are: export there changes nothing', async () => {
    const { root, post, text } = await bundle();
    const before = await treeHash(root);
    const report = await temp.service().exportRecap({ recapPath: post, text, target: { kind: 'site', dir: root } });
    expect([report.written, left(report.problems)]).toEqual([false, []]);
    expect(await treeHash(root)).toBe(before);
  });

  it('are not looked for in a folder other posts share', async () => {
    const root = path.join(temp.dir(), 'flat');
    await writeText(path.join(root, 'hugo.toml'), 'baseURL = "https://example.org/"\ntitle = "KCD"\n');
    await writeText(path.join(root, 'static/images/news/other/slides.pdf'), '%PDF-1.4\n');
    await png(path.join(root, 'static/images/news/kcd/stage.png'), 1);
    await writeText(path.join(root, 'static/images/news/kcd/notes.txt'), 'mine');
    const text = '---\ntitle: KCD\ndate: 2024-05-01\n---\n\n![Stage](/images/news/kcd/stage.png)\n';
    const post = await writeText(path.join(root, 'content/news/kcd.md'), text);
    const report = await temp.service().exportRecap({ recapPath: post, text, target: { kind: 'folder', dir: path.join(temp.dir(), 'flat-out') } });
    // The post's own image folder (static/images/news/kcd/) is looked at; no other post's.
    expect(left(report.problems)).toEqual([`warning: 1 file in ${path.join(root, 'static/images/news/kcd')} is not exported: notes.txt. Export copies the post and its photos only: copy it yourself if the page needs it.`]);
  });
});
