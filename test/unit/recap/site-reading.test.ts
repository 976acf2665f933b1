// Each site's Markdown read the way that site reads it: Jekyll's Liquid image links on Jekyll
// posts alone, MDX images (`<img src={hall} />`, `src={require('./a.png').default}`) on
// Docusaurus posts (v3 reads .md as MDX too) and .mdx files alone. Elsewhere the site publishes
// the link as written, a broken image: lint and export's preflight say so, the tray does not
// count it as a use of the photo. Posts are built in real site folders in a temp dir.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { photoUseOf, photoUses } from '../../../electron/core/markdown/photo-text';
import { markdownReading, READ_ALL } from '../../../electron/core/markdown/site-reading';
import { serviceInTempDir } from '../support/temp-service';
import { docusaurusPostFolder, png, writeText } from '../support/site-fixture';

const LIQUID = ['![Hall]({{ site.baseurl }}/images/kcd/hall.png)', '', `<img src="{{ '/images/kcd/stage.png' | relative_url }}" alt="Stage">`];
const MDX = ["import hall from './hall.png';", '', '<img src={hall} alt="Hall" />', '', "<img src={require('./stage.png').default} alt=\"Stage\" />"];
const post = (title: string, body: string[]): string => ['---', `title: ${title}`, 'date: 2024-05-01', '---', '', ...body, ''].join('\n');

describe('the link finder reads each site as it publishes', () => {
  const temp = serviceInTempDir('reading');

  /** A Docusaurus site with `config`, and the folder of a post with hall.png and stage.png beside it. */
  const docusaurusPost = (config: string): Promise<string> => docusaurusPostFolder(path.join(temp.dir(), 'docs'), config);

  const errors = async (file: string, text: string): Promise<Array<[string, number | undefined]>> =>
    (await temp.service().lintRecap({ text, path: file })).filter((p) => p.severity === 'error').map((p) => [p.code, p.line]);

  it('Hugo: a Liquid image link is published as written, so lint names it even though the file exists', async () => {
    const site = path.join(temp.dir(), 'hugo');
    await writeText(path.join(site, 'hugo.toml'), 'title = "Events"\n');
    await png(path.join(site, 'static/images/kcd/hall.png'), 1);
    await png(path.join(site, 'static/images/kcd/stage.png'), 2);
    const text = post('KCD', LIQUID);
    const file = await writeText(path.join(site, 'content/news/kcd.md'), text);
    const problems = await temp.service().lintRecap({ text, path: file });
    expect(problems.filter((p) => p.severity === 'error').map((p) => [p.code, p.line])).toEqual([
      ['image-unread', 6],
      ['image-unread', 8],
    ]);
    expect(problems[0]?.message).toBe('Hugo does not process Liquid in posts: the image {{ site.baseurl }}/images/kcd/hall.png is published as written and will not show. Link it as /images/kcd/hall.png.');
    expect(problems[1]?.message).toContain("{{ '/images/kcd/stage.png' | relative_url }}");

    // Export's preflight says the same, copies no photo for them and keeps the text.
    const report = await temp.service().exportRecap({ recapPath: file, text, target: { kind: 'folder', dir: path.join(temp.dir(), 'out') }, dryRun: true });
    expect(report.problems.filter((p) => p.severity === 'error').map((p) => p.code)).toEqual(['image-unread', 'image-unread']);
    expect(report.files.filter((f) => f.kind === 'image')).toEqual([]);

    // The same post on a Jekyll site: its photos, nothing to say.
    const jekyll = path.join(temp.dir(), 'jekyll');
    await writeText(path.join(jekyll, '_config.yml'), 'title: KCD\n');
    await png(path.join(jekyll, 'images/kcd/hall.png'), 1);
    await png(path.join(jekyll, 'images/kcd/stage.png'), 2);
    const jpost = await writeText(path.join(jekyll, '_posts/2024-05-01-kcd.md'), text);
    expect(await errors(jpost, text)).toEqual([]);
  });

  it('Hugo and Jekyll .md: an MDX image is published as written; a .mdx file reads it on any site', async () => {
    const site = path.join(temp.dir(), 'hugo');
    await writeText(path.join(site, 'hugo.toml'), 'title = "Events"\n');
    const text = post('KCD', MDX);
    const bundle = path.join(site, 'content/posts/kcd');
    await png(path.join(bundle, 'hall.png'), 1);
    await png(path.join(bundle, 'stage.png'), 2);
    const md = await writeText(path.join(bundle, 'index.md'), text);
    const problems = (await temp.service().lintRecap({ text, path: md })).filter((p) => p.severity === 'error');
    expect(problems.map((p) => [p.code, p.line])).toEqual([
      ['image-unread', 8],
      ['image-unread', 10],
    ]);
    expect(problems[0]?.message).toBe('Hugo does not read this post as MDX: the image {hall} is published as written and will not show. Link the file itself: ./hall.png.');
    const mdx = await writeText(path.join(bundle, 'index.mdx'), text);
    expect(await errors(mdx, text)).toEqual([]);

    const jekyll = path.join(temp.dir(), 'jekyll');
    await writeText(path.join(jekyll, '_config.yml'), 'title: KCD\n');
    const jpost = await writeText(path.join(jekyll, '_posts/2024-05-01-kcd.md'), text);
    const jerrors = (await temp.service().lintRecap({ text, path: jpost })).filter((p) => p.severity === 'error');
    expect(jerrors.map((p) => p.code)).toEqual(['image-unread', 'image-unread']);
    expect(jerrors[0]?.message).toMatch(/^Jekyll does not read this post as MDX/);
  });

  it('Docusaurus .md: src={hall} and src={require(…).default} are the files; a missing one is named by its path', async () => {
    const folder = await docusaurusPost("module.exports = { title: 'KCD' };\n");
    const text = post('KCD', [...MDX, '', "<img src={require('./gone.png')} alt=\"Gone\" />"]);
    const file = await writeText(path.join(folder, 'index.md'), text);
    const problems = (await temp.service().lintRecap({ text, path: file })).filter((p) => p.severity === 'error');
    expect(problems.map((p) => [p.code, p.line])).toEqual([['image-missing', 12]]);
    expect(problems[0]?.message).toContain(path.join(folder, 'gone.png'));

    // Export copies the required photo and keeps the text as written.
    const fixed = text.replace("\n<img src={require('./gone.png')} alt=\"Gone\" />\n", '');
    const out = path.join(temp.dir(), 'out');
    const report = await temp.service().exportRecap({ recapPath: file, text: fixed, target: { kind: 'folder', dir: out } });
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(report.files.filter((f) => f.kind === 'image').map((f) => path.basename(f.path)).sort()).toEqual(['hall.png', 'stage.png']);
    expect(await fs.readFile(path.join(out, report.post ?? ''), 'utf8')).toBe(fixed);
  });

  it("Docusaurus with markdown.format 'detect' reads a .md post as CommonMark and a .mdx one as MDX", async () => {
    const folder = await docusaurusPost("module.exports = {\n  title: 'KCD',\n  markdown: { mermaid: true, format: 'detect' },\n};\n");
    const text = post('KCD', MDX);
    const md = await writeText(path.join(folder, 'index.md'), text);
    const problems = (await temp.service().lintRecap({ text, path: md })).filter((p) => p.severity === 'error');
    expect(problems.map((p) => p.code)).toEqual(['image-unread', 'image-unread']);
    expect(problems[0]?.message).toMatch(/^Docusaurus does not read this post as MDX/);
    await fs.rm(md);
    const mdx = await writeText(path.join(folder, 'index.mdx'), text);
    expect(await errors(mdx, text)).toEqual([]);
  });

  it('a post of no known site reads both, as the site that understands each form would', async () => {
    const folder = path.join(temp.dir(), 'loose');
    await png(path.join(folder, 'hall.png'), 1);
    await png(path.join(folder, 'stage.png'), 2);
    const text = post('KCD', MDX);
    const file = await writeText(path.join(folder, 'kcd.md'), text);
    expect(await errors(file, text)).toEqual([]);
  });
});

describe('the photo tray counts what the site shows', () => {
  const body = [...LIQUID, '', ...MDX, ''].join('\n');

  it('a Liquid link is a use on Jekyll alone, an MDX image on Docusaurus and .mdx alone', () => {
    const used = (reading: ReturnType<typeof markdownReading>): string[] =>
      ['/images/kcd/hall.png', '/images/kcd/stage.png', './hall.png', './stage.png'].filter((u) => photoUseOf(photoUses(body, reading), u) !== undefined);
    expect(used(markdownReading('hugo', '/s/content/news/kcd.md'))).toEqual([]);
    expect(used(markdownReading('jekyll', '/s/_posts/2024-05-01-kcd.md'))).toEqual(['/images/kcd/hall.png', '/images/kcd/stage.png']);
    expect(used(markdownReading('docusaurus', '/s/blog/2024-05-01-kcd/index.md'))).toEqual(['./hall.png', './stage.png']);
    expect(used(markdownReading('hugo', '/s/content/posts/kcd/index.mdx'))).toEqual(['./hall.png', './stage.png']);
    expect(used(READ_ALL)).toEqual(['/images/kcd/hall.png', '/images/kcd/stage.png', './hall.png', './stage.png']);
  });
});

describe('what lint offers in place of a link the site publishes as written', () => {
  const temp = serviceInTempDir('reading-fix');

  it('names the path a Liquid link renders to only when it is a plain path, never one that climbs out', async () => {
    const site = path.join(temp.dir(), 'hugo');
    await writeText(path.join(site, 'hugo.toml'), 'title = "Events"\n');
    const text = post('KCD', ['![Out]({{ site.baseurl }}/../../../../etc/hostname)', '', '![Hall]({{ site.baseurl }}/images/a.png)']);
    const file = await writeText(path.join(site, 'content/news/kcd.md'), text);
    const problems = (await temp.service().lintRecap({ text, path: file })).filter((p) => p.code === 'image-unread');
    expect(problems.map((p) => p.message)).toEqual([
      'Hugo does not process Liquid in posts: the image {{ site.baseurl }}/../../../../etc/hostname is published as written and will not show.',
      'Hugo does not process Liquid in posts: the image {{ site.baseurl }}/images/a.png is published as written and will not show. Link it as /images/a.png.',
    ]);
  });
});
