// What a Docusaurus blog's build checks in a post against the blog's own files and options, read
// as its blog plugin reads them, so that lint and export's preflight say it first:
//
// - author keys: its authors map (`authors.yml` in the blog's folder, or the file its
//   `authorsMapPath` names), and the localized one a translation's locale reads first
//   (`i18n/<lang>/docusaurus-plugin-content-blog/`). The build stops on a post whose `authors`
//   names a key it does not find ("Blog author with key … not found in the authors map file"),
//   or any key when the blog has no map at all.
// - tags: its predefined tags file (`tags.yml`, or its `tags` option) where there is one; a tag
//   it lacks is reported as its `onInlineTags` says (`warn` by default, `throw` stops the build).
// - the truncate marker, where its config asks for one (`onUntruncatedBlogPosts`);
// - an author written out in the post (not a key of its authors map), where its config says how
//   to report one (`onInlineAuthors`).
//
// Nothing is reported where a file or an option cannot be read for sure (computed in the config,
// outside the site, a link out of it, not YAML).

import { lstatSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import type { Severity, SiteProfile } from '../../core/contract';
import { isRecord as isMap } from '../../core/is-record';
import { blogFile, blogOfPath, docusaurusBlogsIn, siteYaml, type DocusaurusBlog, type DocusaurusReport } from './site-data';

export type BlogChecks = Pick<SiteProfile, 'authorsMap' | 'tagsMap' | 'truncateMarker' | 'inlineAuthors'>;

/** The site's `i18n/<lang>/` folders' names. */
function languageFolders(root: string): string[] {
  try {
    return readdirSync(path.join(root, 'i18n'), { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name);
  } catch {
    return [];
  }
}

function exists(file: string): boolean {
  try {
    return lstatSync(file, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return true;
  }
}

/**
 * A data file the blog names relative to its folders (`authors.yml`), read from each of them as
 * its plugin does (the blog's own, then each locale's): `file` the blog's own (relative to the
 * site), `keys` every key of those that exist, null where none does. Undefined where one of them
 * cannot be read for sure (outside the site, a link out, not a YAML map).
 */
function blogDataFile(root: string, blog: DocusaurusBlog, name: string): { file: string; keys: string[] | null } | undefined {
  const named = [null, ...languageFolders(root)].map((lang) => blogFile(blog, name, lang));
  const files = named.filter((f): f is string => f !== null);
  if (files.length < named.length) return undefined;
  const keys = new Set<string>();
  let found = false;
  for (const rel of files) {
    const file = path.join(root, ...rel.split('/'));
    const data = siteYaml(root, file);
    if (data === null && !exists(file)) continue;
    if (!isMap(data)) return undefined;
    found = true;
    for (const key of Object.keys(data)) keys.add(key);
  }
  return { file: files[0] ?? name, keys: found ? [...keys] : null };
}

function severityOf(report: DocusaurusReport | null | undefined): Severity | null {
  return report === 'throw' ? 'error' : report === 'warn' ? 'warning' : null;
}

/** What the blog of the post at `postPath` (there, or to be written there) checks in it; nothing outside the site's blogs. */
export function docusaurusBlogChecks(root: string, postPath: string): BlogChecks {
  const place = blogOfPath(docusaurusBlogsIn(root), path.relative(root, path.resolve(postPath)).split(path.sep));
  if (place === null) return {};
  const { blog } = place;
  const authors = blog.authorsMap === null ? undefined : blogDataFile(root, blog, blog.authorsMap);
  const tagsSeverity = severityOf(blog.onInlineTags);
  const tags = blog.tags === false || blog.tags === null || tagsSeverity === null ? undefined : blogDataFile(root, blog, blog.tags.file);
  const truncate = severityOf(blog.onUntruncated);
  const inline = severityOf(blog.onInlineAuthors);
  return {
    ...(authors !== undefined ? { authorsMap: authors } : {}),
    // Without a tags file every tag is the post's own (a `tags` option naming a missing file stops the whole site's build, not this post's).
    ...(tags !== undefined && tags.keys !== null && tagsSeverity !== null ? { tagsMap: { file: tags.file, keys: tags.keys, severity: tagsSeverity } } : {}),
    ...(truncate !== null ? { truncateMarker: truncate } : {}),
    ...(inline !== null && blog.authorsMap !== null ? { inlineAuthors: { file: blogFile(blog, blog.authorsMap, null) ?? blog.authorsMap, severity: inline } } : {}),
  };
}
