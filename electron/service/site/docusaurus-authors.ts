// The author keys a Docusaurus blog can read, as its blog plugin loads them: its authors map
// (`authors.yml` in the blog's folder, or the file its `authorsMapPath` option names), and the
// localized one a translation's locale reads first (`i18n/<lang>/docusaurus-plugin-content-blog/`).
// Docusaurus stops the site's build on a post whose `authors` names a key it does not find there
// ("Blog author with key … not found in the authors map file"), or names any key when the blog
// has no map at all, so lint and export's preflight say so before the site's build does.

import { lstatSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import type { SiteProfile } from '../../core/contract';
import { blogI18nDir, docusaurusBlogsIn, siteYaml, type DocusaurusBlog } from './site-data';

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The blog whose posts (or translations, `i18n/<lang>/docusaurus-plugin-content-blog[-<id>]/…`) hold `rel`; null for none. */
function blogOfPost(blogs: DocusaurusBlog[], rel: string[]): DocusaurusBlog | null {
  if (rel[0] === 'i18n') return blogs.find((b) => blogI18nDir(b) === rel[2]) ?? null;
  return blogs.find((b) => b.dir.split('/').every((d, i) => rel[i] === d) && rel.length > b.dir.split('/').length) ?? null;
}

/**
 * The authors map the blog of the post at `postPath` (there, or to be written there) reads:
 * `file` its blog's own (relative to the site), `keys` every key of it and of the blog's
 * localized maps (a key any of them knows is not reported), null where none of those files
 * exists. Undefined where it cannot be told: a post outside the site's blogs, a map the config
 * names as code or outside the site, or a map file that is not a YAML map we can read (too big,
 * a link out of the site, not YAML): nothing is reported then.
 */
export function docusaurusAuthorsMap(root: string, postPath: string): SiteProfile['authorsMap'] {
  const rel = path.relative(root, path.resolve(postPath)).split(path.sep);
  const blog = blogOfPost(docusaurusBlogsIn(root), rel);
  const map = blog?.authorsMap ?? null;
  if (blog === null || map === null) return undefined;
  const own = `${blog.dir}/${map}`;
  const localized = languageFolders(root).map((lang) => path.join(root, 'i18n', lang, blogI18nDir(blog), ...map.split('/')));
  const keys = new Set<string>();
  let found = false;
  for (const file of [path.join(root, ...own.split('/')), ...localized]) {
    const data = siteYaml(root, file);
    if (data === null && !exists(file)) continue;
    if (!isMap(data)) return undefined;
    found = true;
    for (const key of Object.keys(data)) keys.add(key);
  }
  return { file: own, keys: found ? [...keys] : null };
}

function exists(file: string): boolean {
  try {
    return lstatSync(file, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return true;
  }
}

/** The site's `i18n/<lang>/` folders' names. */
function languageFolders(root: string): string[] {
  try {
    return readdirSync(path.join(root, 'i18n'), { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name);
  } catch {
    return [];
  }
}
