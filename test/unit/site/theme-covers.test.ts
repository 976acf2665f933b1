// The cover photo where popular themes have their posts name it: Beautiful Jekyll's
// `thumbnail-img`, Minimal Mistakes' `header:` map (its seo.html takes `og_image`, else
// `overlay_image`, else `image`, else `teaser`), and a Hugo post's `[params]` table (Stack's
// `image`, which Hugo reads as a top-level param). Each is the post's cover field: linted (a
// missing cover is an error at that field), and exported with the post.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownReading } from '../../../electron/core/markdown/site-reading';
import { getField, setField } from '../../../electron/core/frontmatter/frontmatter';
import { withCover } from '../../../electron/core/recap/cover';
import { serviceInTempDir } from '../support/temp-service';
import { photo, put } from './other-sites';

const temp = serviceInTempDir('theme-covers');

/** Opens the post as the app does: its profile's cover field, and what lint says of the text as it is and with `from` replaced by `to`. */
async function coverOf(post: string, from: string, to: string): Promise<{ field: string | null; clean: unknown[]; gone: Array<{ field?: string; code: string }> }> {
  const opened = await temp.service().openRecap({ path: post });
  const clean = await temp.service().lintRecap({ path: post, text: opened.text });
  const gone = await temp.service().lintRecap({ path: post, text: opened.text.replace(from, to) });
  return { field: opened.profile.photos.coverField, clean, gone: gone.filter((p) => p.code.startsWith('image-')).map((p) => ({ ...(p.field !== undefined ? { field: p.field } : {}), code: p.code })) };
}

describe("themes' own cover fields", () => {
  it("Beautiful Jekyll's thumbnail-img", async () => {
    const root = path.join(temp.dir(), 'beautiful');
    await put(root, '_config.yml', 'title: Notes\nremote_theme: daattali/beautiful-jekyll@6.0.1\n');
    for (const slug of ['first', 'second']) await put(root, `_posts/2024-05-0${slug.length % 9}-${slug}.md`, `---\nlayout: post\ntitle: ${slug}\nthumbnail-img: /assets/img/${slug}.jpg\n---\n\nText.\n`);
    for (const slug of ['first', 'second']) await photo(path.join(root, 'assets/img', `${slug}.jpg`), slug.length);
    const post = path.join(root, '_posts/2024-05-05-first.md');
    expect(await coverOf(post, 'first.jpg', 'gone.jpg')).toEqual({ field: 'thumbnail-img', clean: [], gone: [{ field: 'thumbnail-img', code: 'image-missing' }] });
  });

  it("Beautiful Jekyll's cover-img list, its photos with their captions: the first is the cover, and a new cover keeps the caption", async () => {
    const root = path.join(temp.dir(), 'beautiful-cover');
    await put(root, '_config.yml', 'title: Notes\nremote_theme: daattali/beautiful-jekyll@6.0.1\n');
    for (const slug of ['first', 'second']) await put(root, `_posts/2024-05-0${slug.length % 9}-${slug}.md`, `---\nlayout: post\ntitle: ${slug}\ncover-img: ["/assets/img/${slug}.jpg" : "The hall", "/assets/img/path.jpg"]\n---\n\nText.\n`);
    for (const slug of ['first', 'second', 'path']) await photo(path.join(root, 'assets/img', `${slug}.jpg`), slug.length);
    const post = path.join(root, '_posts/2024-05-05-first.md');
    expect(await coverOf(post, 'first.jpg', 'gone.jpg')).toEqual({ field: 'cover-img', clean: [], gone: [{ field: 'cover-img', code: 'image-missing' }] });
    const reading = markdownReading('jekyll', post);
    // As "Use as cover" and export set it (setCoverField, rewriteImageLinks).
    const text = await fs.readFile(post, 'utf8');
    expect(setField(text, 'cover-img', withCover(getField(text, 'cover-img'), '/assets/img/second.jpg', reading))).toContain('cover-img: [{/assets/img/second.jpg: "The hall"}, "/assets/img/path.jpg"]\n');
  });

  it("Minimal Mistakes' header: overlay_image before image and teaser, as its seo.html takes them", async () => {
    const root = path.join(temp.dir(), 'mm');
    await put(root, '_config.yml', 'title: Notes\nremote_theme: mmistakes/minimal-mistakes\n');
    const header = (slug: string): string => `header:\n  overlay_image: /assets/images/${slug}-banner.jpg\n  teaser: /assets/images/${slug}-th.jpg\n`;
    for (const slug of ['spring', 'winter']) {
      await put(root, `_posts/2024-0${slug.length}-01-${slug}.md`, `---\ntitle: ${slug}\n${header(slug)}---\n\nText.\n`);
      for (const f of [`${slug}-banner.jpg`, `${slug}-th.jpg`]) await photo(path.join(root, 'assets/images', f), f.length);
    }
    const post = path.join(root, '_posts/2024-06-01-spring.md');
    expect(await coverOf(post, 'spring-banner.jpg', 'gone.jpg')).toEqual({ field: 'header.overlay_image', clean: [], gone: [{ field: 'header.overlay_image', code: 'image-missing' }] });
    const out = path.join(temp.dir(), 'out');
    const text = await fs.readFile(post, 'utf8');
    const report = await temp.service().exportRecap({ recapPath: post, text, target: { kind: 'folder', dir: out } });
    expect(report.files.map((f) => f.path)).toContain('assets/images/spring-banner.jpg');
  });

  it("a Hugo page bundle's [params] image (Stack): the bundle's photo, not unused", async () => {
    const root = path.join(temp.dir(), 'stack');
    await put(root, 'hugo.toml', 'baseURL = "https://example.org/"\ntheme = "hugo-theme-stack"\n');
    for (const slug of ['hello', 'rich']) {
      await put(root, `content/post/${slug}/index.md`, `+++\ntitle = "${slug}"\ndate = 2024-05-01\n[params]\nimage = "cover.jpg"\n+++\n\nText.\n`);
      await photo(path.join(root, 'content/post', slug, 'cover.jpg'), slug.length);
    }
    const post = path.join(root, 'content/post/hello/index.md');
    expect(await coverOf(post, 'image = "cover.jpg"', 'image = "gone.jpg"')).toEqual({ field: 'params.image', clean: [], gone: [{ field: 'params.image', code: 'image-missing' }] });
    const report = await temp.service().exportRecap({ recapPath: post, text: await fs.readFile(post, 'utf8'), target: { kind: 'site', dir: root } });
    expect([report.written, report.problems.filter((p) => p.code === 'photos-unused')]).toEqual([false, []]);
  });
});
