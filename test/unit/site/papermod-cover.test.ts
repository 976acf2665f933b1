// A Hugo site on PaperMod, the most used Hugo theme, names a post's cover in a map:
// `cover:` with `image`, `alt`, `relative`. Its posts' cover is `cover.image`: linted as one of
// the post's photos, shown on the home card, set by "use as cover" and exported with the post,
// named as Hugo finds a bundle's resource (no ./).

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getField, setField } from '../../../electron/core/frontmatter/frontmatter';
import { withCover } from '../../../electron/core/recap/cover';
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
  });
});
