// A photo a plain Hugo page (content/docs/meetup.md, not a bundle's index.md) links relatively
// shows where the address its link asks for is where Hugo publishes the file. The page is at
// /docs/meetup/, so `stage.png` asks for /docs/meetup/stage.png; where the site's image hook links
// a plain page's relative image up one level (MarkdownReading.siblingImages: Hextra's hook writes
// `../stage.png`), it asks for /docs/stage.png. Hugo (0.123 and later; Hextra's hook needs 0.146)
// publishes every file of content/ that is no page as a resource of the bundle that holds it: the
// nearest folder up with an `index` page (a leaf bundle) or an `_index` page (a section), a
// top-level folder (a section without one), else the content folder (the home page), at that
// bundle's address with the file's path below its folder (content/docs/stage.png at /docs/stage.png).
// A permalink, a `url` or ugly URLs that publish the page elsewhere make the two differ. Lint
// (image-problems.ts) and export (plan.ts) ask this one place.

import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { SiteProfile } from '../../core/contract';
import { readingOfPost } from '../../core/markdown/post-reading';
import { realOrNull } from '../files/containment';
import { hugoConfig, hugoContentRoots, type HugoConfig } from '../site/hugo-config';
import { siteRootFor } from '../site/profile';
import { detectGenerator, siteRootAbove } from '../site/site';
import { urlPathFor } from './page-url';

/** A plain page of a Hugo site: where it is published, and what its site's files and config are. */
export interface PlainPage {
  /** The page's address (`/docs/meetup/`). */
  page: string;
  /** The post's file name, for messages. */
  post: string;
  root: string;
  data: HugoConfig | null;
  /** The page's language where its name gives one (`meetup.zh.md`): its bundles' index pages of that language are theirs. */
  lang: string | undefined;
  /** The site's image hook links its relative images up one level (Hextra's `../name`). */
  upOneLevel: boolean;
}

const MAX_INDEX_BYTES = 256 * 1024;
const LANG = '[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*';
const INDEX = new RegExp(`^(_?)index\\.(?:(${LANG})\\.)?(?:md|markdown|html)$`, 'i');

/**
 * The plain page at `recapPath` (its text `text`, read with `profile`) of a Hugo site; null for any
 * other post (a bundle's index, no Hugo site, an address Hugo's config does not give here).
 */
export function plainPageOf(recapPath: string, text: string, profile: SiteProfile): PlainPage | null {
  const post = path.basename(recapPath);
  if (profile.generator !== 'hugo') return null;
  if (INDEX.test(post) || !/\.(md|markdown)$/i.test(post)) return null;
  const root = siteRootFor(recapPath, profile) ?? siteRootAbove(recapPath);
  const found = root !== null ? detectGenerator(root) : null;
  if (root === null || found?.generator !== 'hugo') return null;
  const data = hugoConfig(found.config);
  const page = urlPathFor('hugo', relTo(root, path.resolve(recapPath)), text, { hugo: data });
  if (page === null) return null;
  const lang = new RegExp(`\\.(${LANG})\\.(?:md|markdown)$`, 'i').exec(post)?.[1]?.toLowerCase();
  return { page, post, root, data, lang, upOneLevel: readingOfPost(profile, text).siblingImages === true };
}

/** The address a relative link asks for, from the page's address (`../<link>` where the hook links it up one level), without its query or fragment. */
export function linkedAddress(page: PlainPage, url: string): string {
  const at = new URL(page.upOneLevel ? `../${url.trim()}` : url.trim(), `http://site${page.page}`).pathname;
  try {
    return decodeURI(at);
  } catch {
    return at;
  }
}

function relTo(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

/** A small file's text; '' for anything else (no symlink followed). */
function smallText(file: string): string {
  try {
    const st = lstatSync(file, { throwIfNoEntry: false });
    return st?.isFile() === true && st.size <= MAX_INDEX_BYTES ? readFileSync(file, 'utf8') : '';
  } catch {
    return '';
  }
}

/** The folder's index page (`index.md` or `_index.md`) of the page's language, else the one of none; null for none. */
function indexPage(dir: string, lang: string | undefined): string | null {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return null;
  }
  const pages = names.flatMap((name) => {
    const m = INDEX.exec(name);
    return m === null ? [] : [{ name, lang: m[2]?.toLowerCase() }];
  });
  return (pages.find((p) => lang !== undefined && p.lang === lang) ?? pages.find((p) => p.lang === undefined))?.name ?? null;
}

/**
 * The address Hugo publishes `file` (a file of the site's content, not a page) at: its bundle's
 * address with the file's path below the bundle's folder; null outside the content folders.
 */
export function publishedAddress(page: PlainPage, file: string): string | null {
  let rel = relTo(page.root, path.resolve(file));
  // A photo named by its real path, in a site whose folder is reached through a symlink.
  if (rel.startsWith('..')) rel = relTo(realOrNull(page.root) ?? page.root, path.resolve(file));
  const content = hugoContentRoots(page.data).find((dir) => rel.startsWith(`${dir}/`));
  if (content === undefined) return null;
  const parts = rel.split('/');
  const depth = content.split('/').length;
  for (let end = parts.length - 1; end >= depth; end--) {
    const dir = parts.slice(0, end).join('/');
    const index = indexPage(path.join(page.root, dir), page.lang);
    // A top-level folder is a section with an `_index` page or without; the content folder is the home page.
    if (index === null && end > depth + 1) continue;
    const indexRel = `${dir}/${index ?? '_index.md'}`;
    const at = urlPathFor('hugo', indexRel, index === null ? '' : smallText(path.join(page.root, indexRel)), { hugo: page.data });
    if (at === null) return null;
    return `${at.replace(/\/?$/, '/')}${parts.slice(end).join('/')}`;
  }
  return null;
}

/** Whether the photo `file` that a relative link `url` of the page finds is published at the address the link asks for (linkedAddress). */
export function publishedAsLinked(page: PlainPage | null, url: string, file: string): boolean {
  return page !== null && publishedAddress(page, file) === linkedAddress(page, url);
}
