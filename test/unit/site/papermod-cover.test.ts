// A Hugo site on PaperMod, the most used Hugo theme, names a post's cover in a map:
// `cover:` with `image`, `alt`, `relative`. Its posts' cover is `cover.image`: linted as one of
// the post's photos, shown on the home card, set by "use as cover" and exported with the post,
// named as Hugo finds a bundle's resource (no ./).

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getField, setField } from '../../../electron/core/frontmatter/frontmatter';
import { withCover, writeCover } from '../../../electron/core/recap/cover';
import { readingOfPost } from '../../../electron/core/markdown/post-reading';
import { profileForRecap } from '../../../electron/service/site/site';
import { serviceInTempDir } from '../support/temp-service';
import { photo, put } from './other-sites';

const temp = serviceInTempDir('papermod');

async function paperModSite(root: string): Promise<string> {
  await put(root, 'hugo.yaml', 'baseURL: https://example.org/\ntheme: PaperMod\n');
  for (const [slug, day] of [['spring', '2026-03-01'], ['winter', '2026-01-10']] as const) {
    await put(root, `content/posts/${slug}/index.md`, `---\ntitle: ${slug}\ndate: ${day}\ncover:\n  image: cover.jpg\n  alt: The crowd\n  relative: true\n---\n\nText.\n\n![The crowd](cover.jpg)\n`);
    await photo(path.join(root, 'content', 'posts', slug, 'cover.jpg'), day.length);
  }
  return root;
}

describe("a PaperMod site's cover.image", () => {
  it('is the cover field its posts get: linted (a missing cover is a problem at the map), and the home card shows it', async () => {
    const site = await paperModSite(path.join(temp.dir(), 'blog'));
    const post = path.join(site, 'content', 'posts', 'spring', 'index.md');
    const opened = await temp.service().openRecap({ path: post });
    expect(opened.profile.photos.coverField).toBe('cover.image');
    expect(await temp.service().lintRecap({ path: post, text: opened.text })).toEqual([]);
    const card = (await temp.service().homeData({})).drafts.find((d) => d.id === opened.draft.id);
    expect(card?.coverPath).toBe(path.join(site, 'content', 'posts', 'spring', 'cover.jpg'));

    const gone = opened.text.replace('image: cover.jpg', 'image: stage.jpg');
    const problems = await temp.service().lintRecap({ path: post, text: gone });
    expect(problems.map((p) => ({ field: p.field, line: p.line, severity: p.severity }))).toEqual([{ field: 'cover.image', line: 4, severity: 'error' }]);
  });

  it('"use as cover" writes the map\'s image, bare, keeping its other keys; a post without a cover gets the map', () => {
    const text = '---\ntitle: A\ncover:\n  image: cover.jpg\n  alt: The crowd\n---\nBody\n';
    expect(setField(text, 'cover.image', withCover(getField(text, 'cover.image'), './stage.jpg', { generator: 'hugo' }))).toBe('---\ntitle: A\ncover:\n  image: stage.jpg\n  alt: The crowd\n---\nBody\n');
    const none = '---\ntitle: A\n---\nBody\n';
    expect(getField(setField(none, 'cover.image', withCover(getField(none, 'cover.image'), './stage.jpg', { generator: 'hugo' })), 'cover.image')).toBe('stage.jpg');
  });

  it("exports a new post's cover with it: the photo beside the post, cover.image naming it", async () => {
    const site = await paperModSite(path.join(temp.dir(), 'blog'));
    await temp.service().rememberSite({ dir: site });
    const made = await temp.service().newRecap({ template: { source: 'posts', name: 'event-recap', site }, title: 'Autumn meetup' });
    expect(made.profile.photos.coverField).toBe('cover.image');
    const folder = await temp.service().photoFolder({ recapPath: made.draft.recapPath, text: made.text });
    const camera = await photo(path.join(temp.dir(), 'camera', 'Stage.jpg'), 7);
    const imported = await temp.service().importPhoto({ recapPath: made.draft.recapPath, imageDir: folder.imageDir, source: { path: camera }, alt: 'The stage' });
    const text = setField(`${made.text}\n${imported.markdown}\n`, 'cover.image', withCover(undefined, imported.photo.url, { generator: 'hugo' }));
    const report = await temp.service().exportRecap({ recapPath: made.draft.recapPath, text, target: { kind: 'site', dir: site } });
    expect(report.written, JSON.stringify(report.problems)).toBe(true);
    const postText = await fs.readFile(path.join(site, ...(report.post ?? '').split('/')), 'utf8');
    const cover = String(getField(postText, 'cover.image'));
    expect(cover).not.toMatch(/^\.\/|^\//);
    expect(report.added).toContain(`${path.posix.dirname(report.post ?? '')}/${cover}`);
    // Without cover.relative PaperMod would show the site root's /<cover>: the flag goes with it.
    expect(getField(postText, 'cover.relative')).toBe(true);
    expect((await temp.service().lintRecap({ path: path.join(site, ...(report.post ?? '').split('/')), text: postText })).filter((p) => p.code.startsWith('image'))).toEqual([]);
  });

  it('without cover.relative: true the cover is the site root\'s, as PaperMod shows it: lint and the preflight say so alike, and to set the flag', async () => {
    const site = await paperModSite(path.join(temp.dir(), 'flag'));
    const post = path.join(site, 'content', 'posts', 'spring', 'index.md');
    const text = (await fs.readFile(post, 'utf8')).replace('  relative: true\n', '');
    expect(profileForRecap(post).rules?.details).toContain("Its theme (PaperMod) shows cover.image from beside the post only where cover.relative is true, else from the site's root: a cover beside the post is written with cover.relative: true.");
    // Before: no problem, while the site shows https://example.org/cover.jpg, which does not exist.
    const said = `The photo cover.jpg that cover.image names is beside the post (${path.join(path.dirname(post), 'cover.jpg')}), but without cover.relative: true the theme shows the site root's, /cover.jpg, which does not exist (looked for ${path.join(site, 'static', 'cover.jpg')}). Set cover.relative to true.`;
    const problems = await temp.service().lintRecap({ path: post, text });
    expect(problems.map((p) => [p.code, p.severity, p.line, p.message])).toEqual([['image-missing', 'error', 4, said]]);
    const plan = await temp.service().planExport({ recapPath: post, text, target: { kind: 'site', dir: site } });
    expect(plan.problems.map((p) => [p.code, p.message])).toEqual([['image-missing', said]]);
    // The root's photo is the cover then: no problem.
    await photo(path.join(site, 'static', 'cover.jpg'), 9);
    expect(await temp.service().lintRecap({ path: post, text })).toEqual([]);
    // "Use as cover" sets the flag beside the post, and takes it back for a photo of the site's root.
    const reading = readingOfPost(profileForRecap(post), text);
    const beside = writeCover(text, 'cover.image', 'stage.jpg', reading, { getField, setField });
    expect(beside).toContain('cover:\n  image: stage.jpg\n  alt: The crowd\n  relative: true\n');
    expect(writeCover(beside, 'cover.image', '/images/hall.jpg', reading, { getField, setField })).toContain('cover:\n  image: /images/hall.jpg\n  alt: The crowd\n  relative: false\n');
  });

  it('a site with its own partials/cover.html is not read as PaperMod\'s', async () => {
    const site = await paperModSite(path.join(temp.dir(), 'own'));
    await put(site, 'layouts/partials/cover.html', '<img src="{{ .Params.cover.image }}">\n');
    const post = path.join(site, 'content', 'posts', 'spring', 'index.md');
    expect(readingOfPost(profileForRecap(post), '').pageCover).toBeUndefined();
  });
});
