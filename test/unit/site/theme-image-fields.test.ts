// A theme's other image fields: the photos a front matter names beside its cover (Minimal
// Mistakes' `header.overlay_image`, `header.teaser` and `gallery:` items, the rest of Hugo's
// `images` list, a bundle's `resources`). Lint checks them, export copies and relinks them, and
// a translation's copies and the tray count them, as they do the cover.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFrontMatter, replaceFieldText } from '../../../electron/core/frontmatter/frontmatter';
import { fieldPhotos, isPhotoPath, isResourcePattern, matchResource } from '../../../electron/core/recap/field-photos';
import { hugoCardByName, hugoPhotosByName } from '../../../electron/core/recap/cover';
import { findRecapImages } from '../../../electron/service/recap/markdown-images';
import { png, treeHash, writeText } from '../support/site-fixture';
import { photo } from './other-sites';
import { serviceInTempDir } from '../support/temp-service';

const temp = serviceInTempDir('theme-image-fields');

/** A Minimal Mistakes post as its docs write one: a header overlay and teaser, and a gallery of photos with thumbnails. */
const MM_POST = [
  '---',
  'title: "KCD Porto: the day"',
  'header:',
  '  overlay_image: /assets/images/kcd-porto/hall.jpg # the hall',
  '  teaser: "/assets/images/kcd-porto/hall-th.jpg"',
  '  caption: "Photo credit: [**Ana**](https://example.com/a.jpg)"',
  '  cta_url: "https://unsplash.com"',
  'gallery:',
  '  - url: /assets/images/kcd-porto/stage.jpg',
  "    image_path: '/assets/images/kcd-porto/stage-th.jpg'",
  '    alt: "The stage"',
  '  - url: https://example.com/remote.jpg',
  '    image_path: /assets/images/kcd-porto/crowd-th.jpg',
  '---',
  '',
  'Three hundred people came.',
  '',
  '{% include gallery caption="The day." %}',
  '',
].join('\n');

const MM_PHOTOS = ['hall.jpg', 'hall-th.jpg', 'stage.jpg', 'stage-th.jpg', 'crowd-th.jpg'];

const fields = (text: string, cover: string | null = null): Array<[string, string]> => fieldPhotos(readFrontMatter(text).fields, cover).map((p) => [p.key, p.url]);

describe("a front matter's photos", () => {
  it('are its texts that name a photo of the site, at any depth, but the cover', () => {
    expect(fields(MM_POST)).toEqual([
      ['header.overlay_image', '/assets/images/kcd-porto/hall.jpg'],
      ['header.teaser', '/assets/images/kcd-porto/hall-th.jpg'],
      ['gallery.url', '/assets/images/kcd-porto/stage.jpg'],
      ['gallery.image_path', '/assets/images/kcd-porto/stage-th.jpg'],
      ['gallery.image_path', '/assets/images/kcd-porto/crowd-th.jpg'],
    ]);
    // The cover field's photo is the cover: not listed again; a list's first item is it, the rest are photos.
    expect(fields(MM_POST, 'header.teaser').map(([k]) => k)).not.toContain('header.teaser');
    expect(fields('---\nimages: [cover.jpg, second.jpg]\n---\n', 'images')).toEqual([['images', 'second.jpg']]);
    expect(fields('---\ncover:\n  image: a.png\n  alt: x\n---\n', 'cover.image')).toEqual([]);
    // Beautiful Jekyll's captioned list: each photo is its item's key.
    expect(fields('---\ncover-img: ["/img/a.jpg" : "The hall", "/img/b.jpg" : "The stage"]\n---\n', 'cover-img')).toEqual([['cover-img', '/img/b.jpg']]);
    // TOML and JSON front matter alike (a Hugo bundle's resources).
    expect(fields('+++\ntitle = "x"\n[[resources]]\nsrc = "images/stage.jpg"\nname = "stage"\n+++\n')).toEqual([['resources.src', 'images/stage.jpg']]);
    expect(fields('{\n  "title": "x",\n  "params": {"hero": "hero.webp?v=2"}\n}\n')).toEqual([['params.hero', 'hero.webp?v=2']]);
  });

  it('are no web address, template, glob, text with a photo in it, or another kind of file', () => {
    for (const v of ['https://example.com/a.jpg', '//cdn.example.com/a.jpg', 'data:image/png;base64,AAAA', '{{ site.url }}/a.jpg', 'gallery/*.jpg', 'images/[ab].png', 'See /a.jpg here.x', 'slides.pdf', '/a.jpg\n/b.jpg', '']) {
      expect([v, isPhotoPath(v)]).toEqual([v, false]);
    }
    for (const v of ['/assets/a.jpg', 'a.JPEG', './img/b.png?x=1', 'c.webp#top', 'd.avif', 'logo.svg', 'with space.jpg']) expect([v, isPhotoPath(v)]).toEqual([v, true]);
    expect(fields('---\ncaption: "See /assets/a.jpg for more"\nlink: /about/\ncount: 3\n---\n')).toEqual([]);
    // Words that read like a file name: an alt text, a title, a Hugo resource's name.
    expect(fields('---\ngallery:\n  - image_path: a-th.jpg\n    alt: a.jpg\n    title: IMG_2024.JPG\nresources:\n  - src: images/b.jpg\n    name: header.jpg\ntitle: c.png\n---\n')).toEqual([
      ['gallery.image_path', 'a-th.jpg'],
      ['resources.src', 'images/b.jpg'],
    ]);
  });

  it('follow a new name in their own quotes, every other byte as written (YAML, TOML, JSON)', () => {
    const moved = replaceFieldText(MM_POST, '/assets/images/kcd-porto/stage-th.jpg', '/assets/images/new/stage-th.jpg');
    expect(moved).toBe(MM_POST.replace("'/assets/images/kcd-porto/stage-th.jpg'", "'/assets/images/new/stage-th.jpg'"));
    const plain = replaceFieldText(MM_POST, '/assets/images/kcd-porto/hall.jpg', '/assets/images/new/hall.jpg');
    expect(plain).toBe(MM_POST.replace('overlay_image: /assets/images/kcd-porto/hall.jpg # the hall', 'overlay_image: /assets/images/new/hall.jpg # the hall'));
    // A caption that mentions the photo, or the body, is not its field.
    const body = `${MM_POST}![x](/assets/images/kcd-porto/hall.jpg)\n`;
    expect(replaceFieldText(body, '/assets/images/kcd-porto/hall.jpg', '/n.jpg').endsWith('![x](/assets/images/kcd-porto/hall.jpg)\n')).toBe(true);
    const toml = '+++\ntitle = "x"\nimages = ["a.jpg", \'b.jpg\']\n[[resources]]\nsrc = "a.jpg"\n+++\n\nBody a.jpg\n';
    expect(replaceFieldText(toml, 'a.jpg', 'kcd/a.jpg')).toBe('+++\ntitle = "x"\nimages = ["kcd/a.jpg", \'b.jpg\']\n[[resources]]\nsrc = "kcd/a.jpg"\n+++\n\nBody a.jpg\n');
    expect(replaceFieldText(toml, 'b.jpg', 'kcd/b.jpg')).toBe(toml.replace("'b.jpg'", "'kcd/b.jpg'"));
    const json = '{\n  "title": "a.jpg is here",\n  "hero": "a.jpg"\n}\n\nBody\n';
    expect(replaceFieldText(json, 'a.jpg', 'b.jpg')).toBe(json.replace('"hero": "a.jpg"', '"hero": "b.jpg"'));
  });

  it('are images of the recap file, each with its field, found as the cover is', () => {
    const refs = findRecapImages(MM_POST, 'header.teaser').filter((r) => r.source === 'front-matter');
    expect(refs.map((r) => [r.field, r.url, r.cover === true, r.line])).toEqual([
      ['header.teaser', '/assets/images/kcd-porto/hall-th.jpg', true, 3],
      ['header.overlay_image', '/assets/images/kcd-porto/hall.jpg', false, 3],
      ['gallery.url', '/assets/images/kcd-porto/stage.jpg', false, 8],
      ['gallery.image_path', '/assets/images/kcd-porto/stage-th.jpg', false, 8],
      ['gallery.image_path', '/assets/images/kcd-porto/crowd-th.jpg', false, 8],
    ]);
  });
});

describe('a Minimal Mistakes site', () => {
  async function site(missing: string[] = []): Promise<{ root: string; post: string }> {
    const root = path.join(temp.dir(), 'mm');
    await writeText(path.join(root, '_config.yml'), 'title: Meetups\nremote_theme: "mmistakes/minimal-mistakes@4.26.2"\n');
    for (const [i, n] of MM_PHOTOS.entries()) if (!missing.includes(n)) await photo(path.join(root, 'assets/images/kcd-porto', n), i + 1);
    return { root, post: await writeText(path.join(root, '_posts/2024-05-04-kcd-porto.md'), MM_POST) };
  }

  it('lints clean; a photo a field names that is not there is an error on that field', async () => {
    const { post } = await site(['stage-th.jpg']);
    const problems = (await temp.service().lintRecap({ text: MM_POST, path: post })).filter((p) => p.code.startsWith('image-'));
    expect(problems.map((p) => [p.code, p.severity, p.field, p.line])).toEqual([['image-missing', 'error', 'gallery.image_path', 8]]);
    expect(problems[0]?.message).toMatch(/^The photo \/assets\/images\/kcd-porto\/stage-th\.jpg that the field gallery\.image_path names does not exist \(looked for .*stage-th\.jpg\)\. Add the photo, or fix the field\.$/);
    // Export's checks say it word for word.
    const checks = await temp.service().exportRecap({ recapPath: post, text: MM_POST, target: { kind: 'folder', dir: path.join(temp.dir(), 'refused') }, dryRun: true });
    expect(checks.problems.filter((p) => p.code === 'image-missing').map((p) => p.message)).toEqual([problems[0]?.message]);
    await photo(path.join(path.dirname(path.dirname(post)), 'assets/images/kcd-porto/stage-th.jpg'), 9);
    expect((await temp.service().lintRecap({ text: MM_POST, path: post })).filter((p) => p.code.startsWith('image-'))).toEqual([]);
  });

  it('export into the site changes nothing; to a folder it takes every photo the fields name', async () => {
    const { root, post } = await site();
    const before = await treeHash(root);
    const inSite = await temp.service().exportRecap({ recapPath: post, text: MM_POST, target: { kind: 'site', dir: root } });
    expect([inSite.written, inSite.problems.filter((p) => p.severity === 'error')]).toEqual([false, []]);
    expect(await treeHash(root)).toBe(before);

    const out = path.join(temp.dir(), 'out');
    const report = await temp.service().exportRecap({ recapPath: post, text: MM_POST, target: { kind: 'folder', dir: out } });
    expect(report.files.map((f) => f.path).sort()).toEqual(['_posts/2024-05-04-kcd-porto.md', ...MM_PHOTOS.map((n) => `assets/images/kcd-porto/${n}`)].sort());
    expect(await fs.readFile(path.join(out, '_posts/2024-05-04-kcd-porto.md'), 'utf8')).toBe(MM_POST);
  });

  it("a recap written outside the site, exported into it: the fields' photos are copied to its folder and the fields name the copies", async () => {
    const { root } = await site();
    const draftDir = path.join(temp.dir(), 'draft');
    const text = [
      '---',
      'title: KCD Braga',
      'date: 2024-06-01',
      'header:',
      '  overlay_image: ./hall.png',
      '  teaser: "./hall.png"',
      'gallery:',
      '  - url: ./stage.png',
      "    image_path: './stage.png'",
      '---',
      '',
      'Two hundred people came.',
      '',
      '{% include gallery %}',
      '',
    ].join('\n');
    for (const [i, n] of ['hall.png', 'stage.png'].entries()) await png(path.join(draftDir, n), 20 + i);
    const recapPath = await writeText(path.join(draftDir, 'kcd-braga.md'), text);
    expect((await temp.service().lintRecap({ text, path: recapPath })).filter((p) => p.severity === 'error')).toEqual([]);
    const report = await temp.service().exportRecap({ recapPath, text, target: { kind: 'site', dir: root } });
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const written = report.files.map((f) => f.path).sort();
    const postPath = written.find((p) => p.endsWith('.md')) ?? '';
    const photos = written.filter((p) => p.endsWith('.png'));
    expect(photos.map((p) => path.basename(p)).sort()).toEqual(['hall.png', 'stage.png']);
    const dir = path.dirname(photos[0] ?? '');
    const exported = await fs.readFile(path.join(root, postPath), 'utf8');
    expect(exported).toBe(text.replace(/\.\/(hall|stage)\.png/g, `/${dir}/$1.png`));
    // The exported post lints clean where it now lives.
    expect((await temp.service().lintRecap({ text: exported, path: path.join(root, postPath) })).filter((p) => p.code.startsWith('image-'))).toEqual([]);
  });
});

describe("a Hugo post's relative cover that is nowhere", () => {
  it("is an error naming every place its site looks (a plain post's: the site's root, then assets/; a bundle's: beside it first); the preflight says it word for word", async () => {
    const root = path.join(temp.dir(), 'hugo');
    await writeText(path.join(root, 'hugo.toml'), 'baseURL = "https://example.org/"\n');
    const text = '+++\ntitle = "KCD Hangzhou"\nimages = ["images/card.png"]\n+++\n\nThe day.\n';
    const post = await writeText(path.join(root, 'content/post/kcd.md'), text);
    const problems = (await temp.service().lintRecap({ text, path: post })).filter((p) => p.code === 'image-missing');
    const at = (...p: string[]): string => path.join(root, ...p);
    expect(problems.map((p) => p.message)).toEqual([
      `The photo images/card.png that the field images names does not exist (looked for ${at('static/images/card.png')}, then ${at('assets/images/card.png')}). Add the photo, or fix the field.`,
    ]);
    const bundle = await writeText(path.join(root, 'content/post/kcd-bundle/index.md'), text);
    expect((await temp.service().lintRecap({ text, path: bundle })).filter((p) => p.code === 'image-missing').map((p) => p.message)).toEqual([
      `The photo images/card.png that the field images names does not exist (looked for ${at('content/post/kcd-bundle/images/card.png')}, then ${at('assets/images/card.png')}, ${at('static/images/card.png')}). Add the photo, or fix the field.`,
    ]);
    const checks = await temp.service().exportRecap({ recapPath: post, text, target: { kind: 'folder', dir: path.join(temp.dir(), 'out') }, dryRun: true });
    expect(checks.problems.filter((p) => p.code === 'image-missing').map((p) => p.message)).toEqual(problems.map((p) => p.message));
    await png(at('static/images/card.png'), 1);
    expect((await temp.service().lintRecap({ text, path: post })).filter((p) => p.code === 'image-missing')).toEqual([]);
  });
});

describe("a Hugo theme's resource patterns (Congo)", () => {
  /** Congo's front matter names its card photos by pattern (`.Resources.GetMatch`), as its docs write them. */
  const CONGO_POST = '---\ntitle: "Meetup"\ndate: 2024-05-01\nthumbnail: "*thumb*"\ncover: "*cover*"\n---\n\nText.\n';

  it('are patterns, not files: matched against the bundle as GetMatch does', () => {
    for (const v of ['*cover*', '*thumb*', 'images/*.jpg', 'gallery/**', 'feature?.png']) expect([v, isResourcePattern(v)]).toEqual([v, true]);
    for (const v of ['cover.jpg', '/images/*.jpg', 'a photo*', '{{ .x }}*', 'https://x/*.jpg']) expect([v, isResourcePattern(v)]).toEqual([v, false]);
    const names = ['index.md', 'b-cover.png', 'A-COVER.jpg', 'stage-thumb.jpg', 'gallery/one.jpg'];
    expect(matchResource(names, '*cover*')).toBe('A-COVER.jpg');
    expect(matchResource(names, '*thumb*')).toBe('stage-thumb.jpg');
    expect(matchResource(names, '*one*')).toBe(null);
    expect(matchResource(names, '**one*')).toBe('gallery/one.jpg');
    expect(hugoPhotosByName(['hall-cover.jpg', 'spare.jpg', 'stage-thumb.jpg'], readFrontMatter(CONGO_POST).fields)).toEqual(['hall-cover.jpg', 'stage-thumb.jpg']);
    // Congo's own default card name, `*thumb*`, is Hugo's card by name too.
    expect(hugoCardByName(['spare.jpg', 'thumb-stage.jpg'], undefined)).toBe('thumb-stage.jpg');
  });

  it('lint says nothing of them; export takes the photos they match, whatever is left out, and names only the other one unused', async () => {
    const root = path.join(temp.dir(), 'congo');
    await writeText(path.join(root, 'hugo.toml'), 'baseURL = "https://example.org/"\ntitle = "Meetups"\ntheme = "congo"\n');
    for (const [i, n] of ['hall-cover.jpg', 'stage-thumb.jpg', 'spare.jpg'].entries()) await photo(path.join(root, 'content/posts/meetup', n), 70 + i);
    const post = await writeText(path.join(root, 'content/posts/meetup/index.md'), CONGO_POST);
    expect((await temp.service().lintRecap({ text: CONGO_POST, path: post })).filter((p) => p.code.startsWith('image-'))).toEqual([]);
    const checks = await temp.service().exportRecap({ recapPath: post, text: CONGO_POST, target: { kind: 'folder', dir: path.join(temp.dir(), 'congo-out') }, dryRun: true });
    expect(checks.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(checks.problems.filter((p) => p.code === 'photos-unused').map((p) => p.message)).toEqual([expect.stringContaining(': spare.jpg.')]);
    const out = path.join(temp.dir(), 'congo-lean');
    const report = await temp.service().exportRecap({ recapPath: post, text: CONGO_POST, target: { kind: 'folder', dir: out }, leaveOutUnused: true });
    expect(report.files.map((f) => f.path).sort()).toEqual(['content/posts/meetup/hall-cover.jpg', 'content/posts/meetup/index.md', 'content/posts/meetup/stage-thumb.jpg']);
    expect(await fs.readFile(path.join(out, 'content/posts/meetup/index.md'), 'utf8')).toBe(CONGO_POST);
  });
});

describe("a hostile recap's front-matter photos", () => {
  it('a field leading out of the site, a symlink out or a /proc path is refused or missing, never read, and export writes nothing', async () => {
    const root = path.join(temp.dir(), 'hostile');
    const outside = path.join(temp.dir(), 'outside');
    await photo(path.join(outside, 'secret.jpg'), 90);
    await writeText(path.join(root, '_config.yml'), 'title: T\n');
    await fs.mkdir(path.join(root, 'assets/images'), { recursive: true });
    await fs.symlink(path.join(outside, 'secret.jpg'), path.join(root, 'assets/images/link.jpg'));
    const text = ['---', 'title: X', 'header:', '  teaser: ../../outside/secret.jpg', '  overlay_image: /assets/images/link.jpg', 'gallery:', '  - image_path: /proc/self/environ.jpg', '  - image_path: ../../../../../../proc/self/cwd/x.png', '---', '', 'Text.', ''].join('\n');
    const post = await writeText(path.join(root, '_posts/2024-01-01-x.md'), text);
    const problems = (await temp.service().lintRecap({ text, path: post })).filter((p) => p.code.startsWith('image-'));
    expect(problems.map((p) => [p.code, p.field]).sort()).toEqual([
      ['image-missing', 'gallery.image_path'],
      ['image-refused', 'gallery.image_path'],
      ['image-refused', 'header.overlay_image'],
      ['image-refused', 'header.teaser'],
    ]);
    const out = path.join(temp.dir(), 'hostile-out');
    const report = await temp.service().exportRecap({ recapPath: post, text, target: { kind: 'folder', dir: out } });
    expect(report.written).toBe(false);
    await expect(fs.stat(out)).rejects.toThrow();
  });
});
