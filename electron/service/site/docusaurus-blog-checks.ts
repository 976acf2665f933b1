// What a Docusaurus blog's build checks in a post against the blog's own files and options, read
// as its blog plugin reads them, so that lint and export's preflight say it first:
//
// - author keys: its authors map (`authors.yml` in the blog's folder, or the file its
//   `authorsMapPath` names), or the localized one a locale's build reads in its place
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

import { lstatSync } from 'node:fs';
import * as path from 'node:path';
import type { Severity, SiteProfile } from '../../core/contract';
import { isRecord as isMap } from '../../core/is-record';
import { authorNamesIn, blogFile, blogOfPath, docusaurusBlogs, docusaurusConfigIn, docusaurusI18n, siteYaml, type BlogPlace, type DocusaurusReport } from './site-data';

export type BlogChecks = Pick<SiteProfile, 'authorsMap' | 'authorNames' | 'tagsMap' | 'truncateMarker' | 'inlineAuthors'>;

function exists(file: string): boolean {
  try {
    return lstatSync(file, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return true;
  }
}

/** A data file's keys (relative to the site): null where it does not exist; undefined where it cannot be read for sure. */
function dataKeys(root: string, rel: string): string[] | null | undefined {
  const file = path.join(root, ...rel.split('/'));
  const data = siteYaml(root, file);
  if (data === null && !exists(file)) return null;
  return isMap(data) ? Object.keys(data) : undefined;
}

type LocaleMap = { locale: string; file: string; keys: string[] | null };

/**
 * The data file `name` (`authors.yml`, `tags.yml`) each build in `locales` reads for the post, as
 * the blog plugin finds it: a locale's own (`i18n/<locale>/docusaurus-plugin-content-blog/<name>`)
 * in place of the blog's where it exists; the first locale's file first, then each other that
 * differs. `keys` null where a build reads none. Undefined where one cannot be read for sure
 * (outside the site, a link out, not a YAML map).
 */
function localeMaps(root: string, place: BlogPlace, name: string, locales: readonly string[]): LocaleMap[] | undefined {
  const own = blogFile(place.blog, name, null);
  if (own === null) return undefined;
  // Each file read once, whichever locales fall back to it.
  const seen = new Map<string, string[] | null | undefined>();
  const keysIn = (rel: string): string[] | null | undefined => {
    if (!seen.has(rel)) seen.set(rel, dataKeys(root, rel));
    return seen.get(rel);
  };
  const read: LocaleMap[] = [];
  for (const locale of locales) {
    const localized = blogFile(place.blog, name, locale);
    if (localized === null) return undefined;
    const mine = keysIn(localized);
    const file = mine === null ? own : localized;
    const keys = mine === null ? keysIn(own) : mine;
    if (keys === undefined) return undefined;
    if (!read.some((r) => r.file === file)) read.push({ locale, file, keys });
  }
  return read;
}

/** The authors maps a post's builds read (localeMaps) as the profile's `authorsMap`. */
function authorsMapOf(maps: LocaleMap[] | undefined): SiteProfile['authorsMap'] | undefined {
  const [main, ...others] = maps ?? [];
  return main === undefined ? undefined : { file: main.file, keys: main.keys, ...(others.length > 0 ? { locales: others } : {}) };
}

/** The tags files a post's builds read (localeMaps) as the profile's `tagsMap`: a build without one checks no tag. */
function tagsMapOf(maps: LocaleMap[] | undefined, severity: Severity): SiteProfile['tagsMap'] | undefined {
  const [main, ...others] = (maps ?? []).flatMap((m) => (m.keys === null ? [] : [{ locale: m.locale, file: m.file, keys: m.keys }]));
  return main === undefined ? undefined : { file: main.file, keys: main.keys, severity, ...(others.length > 0 ? { locales: others } : {}) };
}

function severityOf(report: DocusaurusReport | null | undefined): Severity | null {
  return report === 'throw' ? 'error' : report === 'warn' ? 'warning' : null;
}

/** What the blog of the post at `postPath` (there, or to be written there) checks in it, and the names its authors map gives; nothing outside the site's blogs. */
export function docusaurusBlogChecks(root: string, postPath: string): BlogChecks {
  const config = docusaurusConfigIn(root);
  const place = blogOfPath(docusaurusBlogs(config), path.relative(root, path.resolve(postPath)).split(path.sep));
  if (place === null) return {};
  const { blog } = place;
  // The locales whose builds read the post: a translation's own; the blog's post, every one the config lists, the default first.
  const i18n = docusaurusI18n(config);
  const first = i18n.defaultLocale ?? 'en';
  const locales = place.lang !== null ? [place.lang] : [first, ...i18n.locales.filter((l) => l !== first)];
  const authors = blog.authorsMap === null ? undefined : authorsMapOf(localeMaps(root, place, blog.authorsMap, locales));
  const tagsSeverity = severityOf(blog.onInlineTags);
  const tags = blog.tags === false || blog.tags === null || tagsSeverity === null ? undefined : tagsMapOf(localeMaps(root, place, blog.tags.file, locales), tagsSeverity);
  const truncate = severityOf(blog.onUntruncated);
  const inline = severityOf(blog.onInlineAuthors);
  // The byline's and the chips' names: from the map the check reads first (the default locale's build's; a translation's locale's).
  const names = authors === undefined ? undefined : authorNamesIn(root, authors.file);
  return {
    ...(authors !== undefined ? { authorsMap: authors } : {}),
    ...(names !== undefined ? { authorNames: names } : {}),
    // Without a tags file every tag is the post's own (a `tags` option naming a missing file stops the whole site's build, not this post's).
    ...(tags !== undefined ? { tagsMap: tags } : {}),
    ...(truncate !== null ? { truncateMarker: truncate } : {}),
    ...(inline !== null && blog.authorsMap !== null ? { inlineAuthors: { file: blogFile(blog, blog.authorsMap, null) ?? blog.authorsMap, severity: inline } } : {}),
  };
}
