// One pass over a recap's links (an export plan, a lint, the preview's lookups) finds the site
// above the recap once: a RootsCache answers every link as the uncached rule does.

import { promises as fs, realpathSync } from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { allowedRoots, insideAllowedRoots, resolveImage, RootsCache } from '../../../electron/service/files/containment';
import { loadProfile } from '../../../electron/service/site/profile';
import { makeHugoSite, REFERENCE_URLS, tempDir } from '../support/site-fixture';

let dir: string;
beforeEach(async () => {
  dir = await tempDir('roots-cache');
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

it('answers every link of a pass as the uncached rule does, with the roots looked up once', async () => {
  const site = await makeHugoSite(dir);
  const profile = loadProfile('hugo-news');
  // A link out of the site through a symlink, and one that does not exist, beside the six photos.
  await fs.symlink('/etc', path.join(dir, 'static', 'images', 'out'));
  const urls = [...REFERENCE_URLS, '/images/out/hostname', '/images/news/kcd-china/none.png', '../../../hugo.toml'];
  const cache = new RootsCache();
  for (const url of urls) expect(resolveImage(url, site.recap, [profile], cache)).toEqual(resolveImage(url, site.recap, [profile]));
  expect(resolveImage(REFERENCE_URLS[0] ?? '', site.recap, [profile], cache).kind).toBe('found');
  expect(resolveImage('/images/out/hostname', site.recap, [profile], cache).kind).toBe('refused');
  expect(cache.rootsOf(site.recap, profile)).toBe(cache.rootsOf(site.recap, profile));
  expect(cache.rootsOf(site.recap, profile)).toEqual(allowedRoots(site.recap, profile));
  const photo = path.join(site.imageDir, path.basename(REFERENCE_URLS[0] ?? ''));
  expect(insideAllowedRoots(photo, site.recap, profile, cache)).toBe(true);
  expect(insideAllowedRoots(path.join(dir, 'static', 'images', 'out', 'hostname'), site.recap, profile, cache)).toBe(false);
});

it('gives the real path of a file through a symlinked folder or a symlinked file that stay inside', async () => {
  const site = await makeHugoSite(dir);
  const profile = loadProfile('hugo-news');
  const first = path.join(site.imageDir, path.basename(REFERENCE_URLS[0] ?? ''));
  // static/images/alias -> news/kcd-china (a folder link), and a file link beside the photos.
  await fs.symlink(path.join('news', 'kcd-china'), path.join(dir, 'static', 'images', 'alias'));
  await fs.symlink(path.basename(first), path.join(site.imageDir, 'same.png'));
  const cache = new RootsCache();
  const viaFolder = resolveImage(`/images/alias/${path.basename(first)}`, site.recap, [profile], cache);
  expect(viaFolder).toMatchObject({ kind: 'found', file: path.join(dir, 'static', 'images', 'alias', path.basename(first)), real: first });
  const viaFile = resolveImage('/images/news/kcd-china/same.png', site.recap, [profile], cache);
  expect(viaFile).toMatchObject({ kind: 'found', real: first });
  // A dangling file link is nothing there, as before.
  await fs.symlink('gone.png', path.join(site.imageDir, 'dangling.png'));
  expect(resolveImage('/images/news/kcd-china/dangling.png', site.recap, [profile], cache).kind).toBe('missing');
});

it('gives every folder the real path realpath gives, through folder links at any depth, and null where realpath fails', async () => {
  // a/ b -> a/ (relative), c -> b/inner (a link through a link), abs -> <dir>/a (absolute), loop -> loop, f a file.
  await fs.mkdir(path.join(dir, 'a', 'inner', 'deep'), { recursive: true });
  await fs.symlink('a', path.join(dir, 'b'));
  await fs.symlink(path.join('b', 'inner'), path.join(dir, 'c'));
  await fs.symlink(path.join(dir, 'a'), path.join(dir, 'abs'));
  await fs.symlink('loop', path.join(dir, 'loop'));
  await fs.writeFile(path.join(dir, 'f'), 'x');
  const folders = ['a', 'a/inner/deep', 'b', 'b/inner/deep', 'c', 'c/deep', 'abs/inner', 'loop', 'loop/x', 'f', 'f/x', 'none', 'none/x', 'a/../b/inner'].map((p) => `${dir}/${p}`);
  const real = (p: string): string | null => {
    try {
      return realpathSync(p);
    } catch {
      return null;
    }
  };
  const cache = new RootsCache();
  for (const folder of folders) expect([folder, cache.realOf(folder)]).toEqual([folder, real(folder)]);
  // Asked again (the pass's own answers) and from a fresh cache, in another order.
  for (const folder of folders) expect(cache.realOf(folder)).toBe(real(folder));
  const fresh = new RootsCache();
  for (const folder of [...folders].reverse()) expect(fresh.realOf(folder)).toBe(real(folder));
});

it('shared by the drafts of a listing, answers each draft as a cache of its own does, a folder leading out included', async () => {
  const profile = loadProfile();
  const drafts = path.join(dir, 'home', 'drafts');
  const photoOf = (id: string): string => path.join(drafts, id, 'static', 'images', 'news', 'x', 'p.jpg');
  for (const id of ['one', 'two']) {
    await fs.mkdir(path.dirname(photoOf(id)), { recursive: true });
    await fs.writeFile(photoOf(id), 'jpeg');
  }
  // A third draft whose photo folder is a link out of its own folder, into the second's.
  await fs.mkdir(path.join(drafts, 'three', 'static', 'images', 'news'), { recursive: true });
  await fs.symlink(path.join(drafts, 'two', 'static', 'images', 'news', 'x'), path.join(drafts, 'three', 'static', 'images', 'news', 'x'));
  const shared = new RootsCache();
  const asked = (id: string, cache?: RootsCache): boolean => insideAllowedRoots(photoOf(id), path.join(drafts, id, 'recap.md'), profile, cache);
  for (const id of ['one', 'two', 'three']) expect(asked(id, shared)).toBe(asked(id));
  expect([asked('one', shared), asked('two', shared), asked('three', shared)]).toEqual([true, true, false]);
});
