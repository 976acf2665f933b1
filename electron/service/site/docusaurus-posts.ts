// How a Docusaurus blog dates its posts, for where a new one goes: by its name
// (`blog/2024-05-12-<slug>/`), or by folders where most of the blog's posts are
// (`blog/2024/05/12/<slug>/`, or the Docusaurus blog's own `blog/2024/05-12-<slug>/`), as its
// blog plugin reads a date anywhere in a post's path.

import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { scanSite } from './site-rules';

/**
 * A new post of the Docusaurus blog in `blog` (its folder), dated by its folders where most of
 * the blog's posts are (`2024/05/12/<slug>/`, or the Docusaurus blog's own `2024/05-12-<slug>/`:
 * its blog plugin reads a date anywhere in the path), else named by its date; a page bundle,
 * its `index.mdx` where most of the blog's posts are written in MDX.
 */
export function docusaurusNewPost(root: string, blog: string): string {
  // Asked at every detection and post profile: kept while the blog's date folders hold as many
  // entries as when it was worked out (a new post adds one), as checking the scan of every post
  // costs a stat per post.
  const key = `${root}\u0000${blog}`;
  const sig = datedFoldersSignature(path.join(root, blog));
  const hit = newPostCache.get(key);
  if (hit !== undefined && hit.sig === sig) return hit.post;
  const post = newPostByScan(root, blog);
  newPostCache.delete(key);
  newPostCache.set(key, { sig, post });
  if (newPostCache.size > 64) newPostCache.delete(newPostCache.keys().next().value ?? '');
  return post;
}

const newPostCache = new Map<string, { sig: string; post: string }>();

/** How many entries a blog folder, its year folders and their month folders hold: a post added or removed there changes it. */
function datedFoldersSignature(dir: string, depth = 0): string {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return '-';
  }
  const below = depth === 0 ? /^(19|20)\d\d$/ : /^\d\d$/;
  const inner = depth < 2 ? names.filter((n) => below.test(n)).map((n) => `${n}(${datedFoldersSignature(path.join(dir, n), depth + 1)})`) : [];
  return `${names.length}${inner.join('')}`;
}

function newPostByScan(root: string, blog: string): string {
  const sections = scanSite(root, 'docusaurus').sections.filter((s) => s.dir === blog || s.dir.startsWith(`${blog}/`));
  const all = sections.reduce((n, s) => n + s.posts, 0);
  // A year folder's posts named MM-DD-… (bundles or files) are counted by their names, which the scan keeps no count of.
  const named = (dir: string, names: RegExp): number => {
    try {
      return readdirSync(path.join(root, dir)).filter((e) => names.test(e)).length;
    } catch {
      return 0;
    }
  };
  const count = (re: RegExp, names?: RegExp): number => sections.filter((s) => re.test(s.dir.slice(blog.length))).reduce((n, s) => n + (names === undefined ? s.posts : Math.min(s.posts, named(s.dir, names))), 0);
  // Written in MDX (`index.mdx`) where most of the blog's posts are, as the Docusaurus blog's own.
  const index = sections.reduce((n, s) => n + s.mdxNames, 0) * 2 > all ? 'index.mdx' : 'index.md';
  if (count(/^\/(19|20)\d\d\/\d\d\/\d\d$/) * 2 > all) return `${blog}/{year}/{month}/{day}/{slug}/${index}`;
  if (count(/^\/(19|20)\d\d$/, /^\d\d-\d\d-./) * 2 > all) return `${blog}/{year}/{month}-{day}-{slug}/${index}`;
  return `${blog}/{date}-{slug}/${index}`;
}
