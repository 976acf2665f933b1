// A post that sits deeper than its site's pattern says (a Jekyll post in _posts/events/ or in a
// category folder events/_posts/, a Hugo bundle in content/en/blog/_posts/2023/, a Docusaurus
// post in blog/2024/05/01/<slug>/) is read and written by a pattern of its own folder, so that a
// renamed or re-exported post stays in that folder, in its own site and in any other checkout.

import * as path from 'node:path';
import type { SiteGenerator, SiteProfile } from '../../core/contract';
import { belowContent, HUGO_CONTENT } from '../../core/site-paths';
import { matchPostPath } from './profile';
import { DATED_NAME } from './site-rules';

const SAFE_DIR = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

/** Whether folders (relative to the site) are in a Docusaurus profile's blog: its post pattern's folders before the first placeholder (`blog`, or the site's blog path, `news/posts`). */
export function inBlogDir(dirs: string[], profile: SiteProfile): boolean {
  const pattern = profile.post.split('/');
  const blog = pattern.slice(0, Math.max(1, pattern.findIndex((seg) => seg.includes('{'))));
  return dirs.length >= blog.length && blog.every((seg, i) => dirs[i] === seg);
}

/** Where a generator's posts may sit in folders of their own choosing, by the post's folders relative to the site. */
function deepPostKind(generator: SiteGenerator | null, dirs: string[], name: string, profile: SiteProfile, contentDir: string): 'file' | 'bundle' | null {
  const bundle = /^index\.(md|markdown|mdx)$/i.test(name);
  if (generator === 'jekyll') return dirs.includes('_posts') && DATED_NAME.test(name) && /\.(md|markdown)$/i.test(name) ? 'file' : null;
  if (generator === 'hugo') return bundle && (belowContent(dirs, contentDir)?.length ?? 0) >= 2 ? 'bundle' : null;
  if (generator === 'docusaurus') return inBlogDir(dirs, profile) ? (bundle ? 'bundle' : /\.(md|mdx)$/i.test(name) ? 'file' : null) : null;
  return null;
}

/**
 * The profile with its post pattern made of the post's own folder when the site's pattern does
 * not fit the post's path (`_posts/events/{date}-{slug}.md`, `content/{lang}/blog/_posts/2023/{slug}/index.md`,
 * `blog/2024/05/01/{slug}/index.md`); the profile as it is otherwise. `languages` are the site's
 * language folders (Hugo's `content/<lang>/` becomes {lang}, as the site's pattern has it), and
 * `contentDir` a Hugo site's content folder.
 */
export function ownFolderProfile(profile: SiteProfile, rel: string, generator: SiteGenerator | null, languages: string[], contentDir: string = HUGO_CONTENT): SiteProfile {
  const segs = rel.split('/');
  const name = segs.pop() ?? '';
  const kind = deepPostKind(generator, segs, name, profile, contentDir);
  if (kind === null || !segs.every((d) => SAFE_DIR.test(d)) || matchPostPath(rel, profile) !== null) return profile;
  const folder = kind === 'bundle' ? segs.pop() ?? '' : path.posix.basename(name, path.posix.extname(name));
  if (kind === 'bundle' && segs.length === 0) return profile;
  const dated = DATED_NAME.test(folder) && profile.post.includes('{date}') ? '{date}-' : '';
  const at = contentDir.split('/').length;
  const dirs = segs.map((d, i) => (generator === 'hugo' && i === at && segs.length > at && languages.includes(d) && profile.post.includes('{lang}') ? '{lang}' : d));
  const own = kind === 'bundle' ? `${dated}{slug}/${name}` : `${dated}{slug}${path.posix.extname(name)}`;
  return { ...profile, post: [...dirs, own].join('/') };
}
