// The link card: what a reader sees when the recap is shared (og:title, og:description, the
// cover image, the site's name) and where the post will be. Its checks are not new rules: the
// title and description findings are lint's (recap-checks.ts), the cover's are lint's image
// findings and the export preflight's size check, filtered to the card's fields.

import { lstatSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Problem, SiteProfile } from '../../core/contract';
import { getField } from '../../core/frontmatter/frontmatter';
import { postInSite } from '../export/layout';
import { locateImages, addPixelSizes } from '../export/images';
import { imageProblem } from '../export/preflight';
import { detectGenerator, siteRootAbove } from '../site/site';
import { docusaurusBaseUrl, docusaurusBlogs, docusaurusConfigIn, jekyllBaseUrl, jekyllCollectionsDir, jekyllOutputCollections, jekyllPermalink, jekyllTimezone } from '../site/site-data';
import { hugoConfig, hugoPublishedUnder } from '../site/hugo-config';
import { imageProblems } from './image-problems';
import { findRecapImages } from './markdown-images';
import { byPosition, recapTextChecks } from './recap-checks';
import { text, urlPathFor, type SiteUrls } from './page-url';

/** The fields the card shows, by the keys sites use for them. */
export const DESCRIPTION_KEYS = ['description', 'summary', 'excerpt'];

export function cardDescription(recap: string): { key: string; value: string } {
  for (const key of DESCRIPTION_KEYS) {
    const value = text(getField(recap, key));
    if (value !== '') return { key, value };
  }
  return { key: 'description', value: '' };
}

/** A site config's top-level `title` (TOML, YAML or a JS config's first `title:`), read without following a symlink. */
function configTitle(config: string): string | null {
  const st = lstatSync(config, { throwIfNoEntry: false });
  if (!st?.isFile() || st.size > 1024 * 1024) return null;
  const src = readFileSync(config, 'utf8');
  // TOML: before the first [table]; YAML: a key at the start of a line; JS: the first `title:`.
  const toml = /\.toml$/i.test(config) ? /^title\s*=\s*(["'])(.*?)\1\s*$/m.exec(src.split(/^\[/m)[0] ?? '') : null;
  const yaml = /\.ya?ml$/i.test(config) ? /^title:\s*(["']?)(.+?)\1\s*$/m.exec(src) : null;
  const js = /\.[cm]?[jt]s$/i.test(config) ? /\btitle:\s*(["'`])(.*?)\1/.exec(src) : null;
  const hit = toml ?? yaml ?? js;
  return hit?.[2]?.trim() || null;
}

/** The site's title from its config, else its folder's name. */
export function siteName(root: string): string {
  const found = detectGenerator(root);
  const title = found && !found.config.endsWith('_default') ? configTitle(found.config) : null;
  return title ?? path.basename(root);
}

/** The card's findings: lint's on its fields and the cover, and the preflight's cover size check. */
export async function cardProblems(recap: string, recapPath: string, profile: SiteProfile, descriptionKey: string): Promise<Problem[]> {
  const fields = new Set(['title', descriptionKey, ...(profile.photos.coverField ? [profile.photos.coverField] : [])]);
  const problems = [...recapTextChecks(recap, profile), ...imageProblems(recap, recapPath, profile)].filter((p) => p.field !== undefined && fields.has(p.field));
  const cover = findRecapImages(recap, profile.photos.coverField).filter((r) => r.cover === true);
  if (cover.length > 0) {
    const found = locateImages(cover, { recapPath, sourceProfile: profile, profile, root: null, siteRoot: null, imagesRel: null });
    await addPixelSizes(found);
    for (const img of found.images) {
      const p = img.kind === 'local' && img.file !== null && img.refused === undefined ? imageProblem(img, profile) : null;
      if (p) problems.push(p);
    }
  }
  return problems.sort(byPosition);
}

/** Where the post is (its site's name and URL path) when the recap is a file inside a site. */
export function cardPlace(linkedPath: string | null, recap: string): { siteName: string | null; urlPath: string | null } {
  const root = linkedPath !== null ? siteRootAbove(linkedPath) : null;
  if (root === null || linkedPath === null) return { siteName: null, urlPath: null };
  const rel = postInSite(root, linkedPath);
  const found = detectGenerator(root);
  const config = found?.generator === 'docusaurus' ? docusaurusConfigIn(root) : '';
  const hugo = found?.generator === 'hugo' ? hugoConfig(found.config) : null;
  const site: SiteUrls =
    found?.generator === 'docusaurus' ? { blogs: docusaurusBlogs(config) }
    : found?.generator === 'hugo' ? { hugo }
    : found?.generator === 'jekyll' ? { jekyll: { permalink: jekyllPermalink(root), collectionsDir: jekyllCollectionsDir(root), timezone: jekyllTimezone(root), collections: jekyllOutputCollections(root) } }
    : {};
  const urlPath = rel === null ? null : urlPathFor(found?.generator ?? null, rel, recap, site);
  // A site published under a path (a GitHub Pages project site) has its pages there.
  const base = found?.generator === 'jekyll' ? jekyllBaseUrl(root) : found?.generator === 'hugo' ? hugoPublishedUnder(hugo) : found?.generator === 'docusaurus' ? docusaurusBaseUrl(found.config) : null;
  return { siteName: siteName(root), urlPath: urlPath !== null && base !== null ? `/${base}${urlPath}` : urlPath };
}
