// A post's own front-matter switches change how its site reads it, alike for lint, export's
// preflight and the photo tray (the preview asks the same readingOfPost): Jekyll 4's
// `render_with_liquid: false` (no Liquid in that post: `{{ site.baseurl }}` is published as
// written) and Docusaurus' per-post `format: md` / `format: mdx` (over its config's
// `markdown.format` and the file's extension). The text as it is now decides — the form may just
// have changed it — not the file on disk. Posts are built in real site folders in a temp dir.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../../electron/core/contract';
import { editorBody } from '../../../electron/core/frontmatter/frontmatter';
import { photoUseOf, photoUses } from '../../../electron/core/markdown/photo-text';
import { readingOfPost } from '../../../electron/core/markdown/post-reading';
import { postReading, readingOf } from '../../../electron/core/markdown/site-reading';
import { serviceInTempDir } from '../support/temp-service';
import { docusaurusPostFolder, png, writeText } from '../support/site-fixture';

const HALL = '/images/kcd/hall.png';
const LIQUID = ['![Hall]({{ site.baseurl }}/images/kcd/hall.png)', '', 'The hall was full.'];
const MDX = ["import hall from './hall.png';", '', '<img src={hall} alt="Hall" />', '', "<img src={require('./stage.png').default} alt=\"Stage\" />"];
const post = (fields: string[], body: string[]): string => ['---', 'title: KCD', ...fields, '---', '', ...body, ''].join('\n');

describe("a post's own switches change how its site reads it", () => {
  const temp = serviceInTempDir('switches');

  const errorsOf = async (file: string, text: string): Promise<Problem[]> => (await temp.service().lintRecap({ text, path: file })).filter((p) => p.severity === 'error');
  const codes = async (file: string, text: string): Promise<Array<[string, number | undefined]>> => (await errorsOf(file, text)).map((p) => [p.code, p.line]);
  /** Export's preflight errors for `text`, exported (dry run) to a folder. */
  const preflight = async (file: string, text: string): Promise<string[]> => {
    const report = await temp.service().exportRecap({ recapPath: file, text, target: { kind: 'folder', dir: path.join(temp.dir(), 'out') }, dryRun: true });
    return report.problems.filter((p) => p.severity === 'error').map((p) => p.code);
  };
  /** Whether the tray counts `url` as used in `text`, read as the post's site reads it now. */
  const trayUses = async (file: string, text: string, url: string): Promise<boolean> => {
    const { profile } = await temp.service().openRecap({ path: file });
    return photoUseOf(photoUses(editorBody(text), readingOfPost(profile, text)), url) !== undefined;
  };

  const jekyllSite = async (): Promise<string> => {
    const site = path.join(temp.dir(), 'jekyll');
    await writeText(path.join(site, '_config.yml'), 'title: KCD\n');
    await png(path.join(site, 'images/kcd/hall.png'), 1);
    return site;
  };

  /** A Docusaurus site with `config` and a post folder with hall.png and stage.png. */
  const docusaurusFolder = (config: string): Promise<string> => docusaurusPostFolder(path.join(temp.dir(), 'docs'), config);

  it('Jekyll: render_with_liquid: false publishes the Liquid as written — lint, the preflight and the tray say so, from the text as it is now', async () => {
    const site = await jekyllSite();
    const runs = post([], LIQUID);
    const off = post(['render_with_liquid: false'], LIQUID);
    // On disk the post runs Liquid; the text the form just changed says it does not.
    const file = await writeText(path.join(site, '_posts/2024-05-01-kcd.md'), runs);
    expect(await codes(file, runs)).toEqual([]);
    const problems = await errorsOf(file, off);
    expect(problems.map((p) => [p.code, p.line])).toEqual([['image-unread', 6]]);
    expect(problems[0]?.message).toBe(
      'This post says render_with_liquid: false, so Jekyll does not process its Liquid: the image {{ site.baseurl }}/images/kcd/hall.png is published as written and will not show. Link it as /images/kcd/hall.png.',
    );
    expect(await preflight(file, off)).toEqual(['image-unread']);
    expect(await preflight(file, runs)).toEqual([]);
    expect(await trayUses(file, runs, HALL)).toBe(true);
    expect(await trayUses(file, off, HALL)).toBe(false);
    // One reading per switch, the same object whatever else the text says: the preview and the tray keep their caches.
    const { profile } = await temp.service().openRecap({ path: file });
    expect(readingOfPost(profile, runs)).toBe(profile.markdown);
    expect(readingOfPost(profile, off)).toBe(readingOfPost(profile, post(['render_with_liquid: false', 'draft: true'], ['Other text.'])));

    // The other way round: the file on disk says false, the text no longer does.
    await writeText(file, off);
    expect(await codes(file, runs)).toEqual([]);
    expect(await trayUses(file, runs, HALL)).toBe(true);
    // `true` is Jekyll's default; a quoted "false" is a string, which Jekyll does not take for false.
    expect(await codes(file, post(['render_with_liquid: true'], LIQUID))).toEqual([]);
    expect(await codes(file, post(['render_with_liquid: "false"'], LIQUID))).toEqual([]);
  });

  it("Jekyll reads the switch as Ruby's YAML 1.1 (Psych) does: a plain no, off or false in any case is false; a quoted one, n or ~ is not", async () => {
    const site = await jekyllSite();
    const file = await writeText(path.join(site, '_posts/2024-05-01-kcd.md'), post([], LIQUID));
    for (const value of ['no', 'No', 'NO', 'off', 'Off', 'OFF', 'False', 'FALSE', 'nO', 'fAlSe']) {
      expect(await codes(file, post([`render_with_liquid: ${value}`], LIQUID)), value).toEqual([['image-unread', 6]]);
    }
    const off = post(['render_with_liquid: off'], LIQUID);
    expect((await errorsOf(file, off))[0]?.message).toMatch(/^This post says render_with_liquid: off, so Jekyll does not process its Liquid/);
    expect(await preflight(file, off)).toEqual(['image-unread']);
    expect(await trayUses(file, off, HALL)).toBe(false);
    // Psych reads a quoted value as a string, `n` and `~` as a string and nil, 0 as a number: none is false to Jekyll.
    for (const value of ["'no'", '"off"', "'False'", 'n', 'N', '~', '0', 'nope', 'yes']) {
      expect(await codes(file, post([`render_with_liquid: ${value}`], LIQUID)), value).toEqual([]);
    }
    expect(await trayUses(file, post(["render_with_liquid: 'no'"], LIQUID), HALL)).toBe(true);
    // The page's tray asks postReading with the values alone: a `no` is then taken as written plain.
    const { profile } = await temp.service().openRecap({ path: file });
    const reading = readingOf(profile);
    expect(postReading(reading, (key) => (key === 'render_with_liquid' ? 'no' : undefined)).liquid).toBe(false);
    expect(postReading(reading, (key) => (key === 'render_with_liquid' ? 'no' : undefined), () => 'single').liquid).toBe(true);
  });

  it("Docusaurus: format: md reads a post as CommonMark on an MDX site, format: mdx as MDX on a 'detect' site, whatever the file's extension", async () => {
    const folder = await docusaurusFolder("module.exports = { title: 'KCD' };\n");
    const mdxOn = post([], MDX);
    const md = post(['format: md'], MDX);
    const file = await writeText(path.join(folder, 'index.md'), mdxOn);
    expect(await codes(file, mdxOn)).toEqual([]);
    const problems = await errorsOf(file, md);
    expect(problems.map((p) => [p.code, p.line])).toEqual([
      ['image-unread', 8],
      ['image-unread', 10],
    ]);
    expect(problems[0]?.message).toBe('Docusaurus does not read this post as MDX: the image {hall} is published as written and will not show. Link the file itself: ./hall.png.');
    expect(await preflight(file, md)).toEqual(['image-unread', 'image-unread']);
    expect(await trayUses(file, mdxOn, './hall.png')).toBe(true);
    expect(await trayUses(file, md, './hall.png')).toBe(false);

    // A site that detects: its .md posts are CommonMark unless they say format: mdx; its .mdx ones MDX unless they say md.
    await writeText(path.join(path.dirname(path.dirname(folder)), 'docusaurus.config.js'), "module.exports = { title: 'KCD', markdown: { format: 'detect' } };\n");
    const mdx = post(['format: mdx'], MDX);
    expect(await codes(file, mdxOn)).toEqual([
      ['image-unread', 7],
      ['image-unread', 9],
    ]);
    expect(await codes(file, mdx)).toEqual([]);
    expect(await preflight(file, mdx)).toEqual([]);
    expect(await trayUses(file, mdx, './hall.png')).toBe(true);
    await fs.rm(file);
    const mdxFile = await writeText(path.join(folder, 'index.mdx'), mdxOn);
    expect(await codes(mdxFile, mdxOn)).toEqual([]);
    expect((await codes(mdxFile, md)).map(([code]) => code)).toEqual(['image-unread', 'image-unread']);
  });

  it('a switch its generator does not know changes nothing: format: mdx on Hugo, render_with_liquid on Docusaurus', async () => {
    const hugo = path.join(temp.dir(), 'hugo');
    await writeText(path.join(hugo, 'hugo.toml'), 'title = "Events"\n');
    const bundle = path.join(hugo, 'content/posts/kcd');
    await png(path.join(bundle, 'hall.png'), 1);
    await png(path.join(bundle, 'stage.png'), 2);
    const text = post(['format: mdx'], MDX);
    const file = await writeText(path.join(bundle, 'index.md'), text);
    expect((await codes(file, text)).map(([code]) => code)).toEqual(['image-unread', 'image-unread']);

    const folder = await docusaurusFolder("module.exports = { title: 'KCD' };\n");
    const doc = post(['render_with_liquid: false'], MDX);
    expect(await codes(await writeText(path.join(folder, 'index.md'), doc), doc)).toEqual([]);
  });

  it('a draft that says render_with_liquid: false is read both ways; exported into a Jekyll site, that site reads it with the switch', async () => {
    const site = await jekyllSite();
    const text = post(['date: 2024-05-01', 'render_with_liquid: false'], LIQUID);
    const draft = await writeText(path.join(temp.dir(), 'loose/kcd.md'), text);
    expect((await codes(draft, text)).map(([code]) => code)).not.toContain('image-unread');
    const report = await temp.service().exportRecap({ recapPath: draft, text, target: { kind: 'site', dir: site }, dryRun: true });
    const errors = report.problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => p.code)).toEqual(['image-unread']);
    expect(errors[0]?.message).toMatch(/^This post says render_with_liquid: false, so Jekyll does not process its Liquid/);
  });
});

describe("a new post is checked as the target site reads its posts (its config's markdown.format)", () => {
  const temp = serviceInTempDir('new-post');

  /** A draft outside any site, with MDX images of the photos beside it. */
  const draft = async (fields: string[]): Promise<{ file: string; text: string }> => {
    const folder = path.join(temp.dir(), 'drafts/kcd');
    await png(path.join(folder, 'hall.png'), 1);
    await png(path.join(folder, 'stage.png'), 2);
    const text = post(['date: 2024-05-01', 'authors: [ann]', ...fields], MDX);
    return { file: await writeText(path.join(folder, 'kcd.md'), text), text };
  };
  const exportTo = async (config: string, fields: string[] = []): Promise<{ errors: string[]; images: string[] }> => {
    const site = path.join(temp.dir(), 'docs');
    await writeText(path.join(site, 'docusaurus.config.js'), config);
    await writeText(path.join(site, 'blog/authors.yml'), 'ann:\n  name: Ann\n');
    const { file, text } = await draft(fields);
    const report = await temp.service().exportRecap({ recapPath: file, text, target: { kind: 'site', dir: site }, dryRun: true });
    return { errors: report.problems.filter((p) => p.severity === 'error').map((p) => p.code), images: report.files.filter((f) => f.kind === 'image').map((f) => path.basename(f.path)).sort() };
  };

  it("'detect': a new .md post is CommonMark there, its MDX images published as written", async () => {
    expect(await exportTo("module.exports = { title: 'KCD', markdown: { format: 'detect' } };\n")).toEqual({ errors: ['image-unread', 'image-unread'], images: [] });
  });

  it("'md' the same; the default (MDX) reads them, and so does a post that says format: mdx on a 'detect' site", async () => {
    expect((await exportTo("module.exports = { title: 'KCD', markdown: { format: 'md' } };\n")).errors).toEqual(['image-unread', 'image-unread']);
    await fs.rm(path.join(temp.dir(), 'docs'), { recursive: true });
    expect(await exportTo("module.exports = { title: 'KCD' };\n")).toEqual({ errors: [], images: ['hall.png', 'stage.png'] });
    await fs.rm(path.join(temp.dir(), 'docs'), { recursive: true });
    expect(await exportTo("module.exports = { title: 'KCD', markdown: { format: 'detect' } };\n", ['format: mdx'])).toEqual({ errors: [], images: ['hall.png', 'stage.png'] });
  });
});
