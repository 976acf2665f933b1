// The containment rule: a recap is untrusted input (a pull request, a zip, a shared draft), so
// a link in it may only reach files inside its allowed roots — the recap's own folder tree
// (relative links), the site's public folder (site-absolute links: Hugo's static/, Docusaurus'
// static/, Jekyll's root), a Hugo site's assets/ for its figure shortcode's src (which Hugo
// publishes from there), or the same layout inside a draft's folder; a Docusaurus link through
// its `@site/` alias only into those same folders. Every door goes through here: lint, the
// preview's image lookups and the asset routes, export, the photo tools.
//
// The check is made on real paths (after realpath), so `..`, absolute paths, symlinks that lead
// out and special files (/proc, devices, FIFOs) are refused with the reason, never read.

import { closeSync, constants as fsConstants, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import * as path from 'node:path';
import type { SiteProfile } from '../../core/contract';
import { SHOWN_BY_CONTENT, sniffImageType, WEB_IMAGE_TYPES } from './image-header';
import { assetsDirOf, jekyllFolderOf, publicDirs, publicRoot, siteAliasPath, sitePathOf, siteRootFor } from '../site/profile';
import { siteRootAbove } from '../site/site';
import { format, msg } from '../../core/i18n/messages';
import { matchResource, matchResources } from '../../core/recap/field-photos';
import { addressOf, type RecapImageRef } from '../recap/markdown-images';
import { shortcodeLabel } from '../../core/markdown/theme-shortcodes';
import { type Msg } from '../../core/i18n/messages';

export type ResolvedImage =
  /** An image on another website (http, https, protocol-relative, other URL schemes). */
  | { kind: 'remote' }
  /** A data: URL: the image is in the text itself. */
  | { kind: 'inline' }
  /** A regular file inside an allowed root: `file` as the link names it, `real` after realpath. */
  | { kind: 'found'; file: string; real: string; stat: Stats }
  /**
   * Allowed, but no file is there; `lookedFor` is the first place looked. `inAssets`: a link Hugo
   * does not look up in the site's assets/ (not a figure's src), whose file is there.
   * `alsoLookedFor`: a front-matter field's other places, in order (its site's root, assets/…).
   */
  | { kind: 'missing'; lookedFor: string | null; inAssets?: string; alsoLookedFor?: string[] }
  /** Refused: `reason` says why, as a phrase that follows the link ("leads outside …"). */
  | { kind: 'refused'; reason: Msg };

/** Pseudo-filesystems whose files are never images, whatever their name. */
const SPECIAL_ROOTS = ['/proc', '/sys', '/dev'];

export function isInside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel));
}

export function realOrNull(p: string): string | null {
  try {
    return realpathSync(p);
  } catch {
    return null;
  }
}

/** The folder a link may reach, and how the refusal names it. */
export interface AllowedRoot {
  dir: string;
  label: Msg;
  /** A folder served below a path (a Hugo mount: StaticMount.at): it serves only the site-absolute links under `/<at>/`. */
  at?: string;
  /**
   * A folder of a site (its static/, a folder its config names, its assets/): what it serves must
   * really be inside this site folder too. A static/ that is itself a link to a folder elsewhere
   * leads out of the site: nothing is read from it or written through it.
   */
  within?: string;
}

/** Whether `real` (a real path under `root`) is also inside the site the root belongs to, by real paths. */
function withinSite(root: AllowedRoot, real: string, cache: RootsCache): boolean {
  if (root.within === undefined) return true;
  // A site folder not made yet is where it would be made (as a root of it is: folderOutsideRoots).
  const site = cache.realOf(root.within) ?? realAncestorJoin(cache, root.within);
  return site !== null && isInside(site, real);
}

/**
 * `figure`: where Hugo's figure shortcode also finds its src — the site's assets/ folder, whose
 * images Hugo publishes when a figure names them (a global resource: `resources.Get`);
 * `figureDir`, the folder below it where the site's image hook looks instead (the page's own
 * folder: MarkdownReading.hookPageDirs), null where it looks at assets/ itself.
 * `siteAlias`: the Docusaurus site's folder that a link's `@site/` names (null for any other
 * generator, or a draft of no site); such a link may reach only into the other roots.
 */
type Roots = { relative: AllowedRoot; siteAbsolute: AllowedRoot[]; figure: AllowedRoot[]; figureDir: string | null; siteAlias: string | null; baseUrlPath: string | null; coverAtRoot: boolean; coverRootFirst: boolean; linkAtRoot: boolean };

/**
 * The allowed roots of a recap and their real paths, looked up once for one pass over its
 * links (an export plan, a lint, a batch of preview lookups) rather than once per link: finding
 * the site above a recap takes dozens of stats. Make a new one for each pass, so a site made or
 * a folder moved since the last pass is seen.
 */
export class RootsCache {
  private readonly roots = new Map<string, Map<SiteProfile, Roots>>();
  private readonly reals = new Map<string, string | null>();

  private readonly resources = new Map<string, string[]>();

  /** A page bundle's files (bundleResources), listed once per pass. */
  resourcesOf(dir: string, leaf: boolean): string[] {
    const key = `${leaf ? 'leaf' : 'branch'}\0${dir}`;
    let hit = this.resources.get(key);
    if (!hit) this.resources.set(key, (hit = bundleResources(dir, leaf)));
    return hit;
  }

  rootsOf(recapPath: string, profile: SiteProfile): Roots {
    let byProfile = this.roots.get(recapPath);
    if (!byProfile) this.roots.set(recapPath, (byProfile = new Map()));
    let hit = byProfile.get(profile);
    if (!hit) byProfile.set(profile, (hit = allowedRoots(recapPath, profile)));
    return hit;
  }

  /**
   * A folder's real path: its parent's (once per folder for the pass) joined with its name,
   * unless the folder itself is a symlink, which is resolved whole. The drafts of a listing or
   * the images of a recap share their ancestors, so each folder costs one lstat instead of a
   * realpath's lstat of every component.
   */
  realOf(dir: string): string | null {
    let real = this.reals.get(dir);
    if (real === undefined) {
      real = this.resolveDir(dir);
      this.reals.set(dir, real);
    }
    return real;
  }

  private resolveDir(dir: string): string | null {
    const parent = path.dirname(dir);
    // The root, or a path not in its plain absolute form: realpath reads it whole.
    if (parent === dir || dir !== path.resolve(dir)) return realOrNull(dir);
    let lst: Stats | undefined;
    try {
      lst = lstatSync(dir, { throwIfNoEntry: false });
    } catch {
      return null;
    }
    if (!lst) return null;
    if (lst.isSymbolicLink()) return realOrNull(dir);
    const up = this.realOf(parent);
    return up === null ? null : path.join(up, path.basename(dir));
  }

  /**
   * A file as it is now (lstat) and its real path: its folder's real path (once per folder for
   * the pass) joined with its name, unless the file itself is a symlink, which is resolved
   * whole. One lstat per file instead of a stat and a realpath's lstat of every component.
   * null when nothing is there (a dangling link included).
   */
  fileOf(full: string): { st: Stats; real: string } | null {
    const lst = lstatSync(full, { throwIfNoEntry: false });
    if (!lst) return null;
    if (lst.isSymbolicLink()) {
      const st = statSync(full, { throwIfNoEntry: false });
      const real = st ? realOrNull(full) : null;
      return st && real !== null ? { st, real } : null;
    }
    const dir = this.realOf(path.dirname(full));
    return dir === null ? null : { st: lst, real: path.join(dir, path.basename(full)) };
  }
}

/** The allowed roots for the links of a recap under a profile: relative ones, site-absolute ones, and Hugo's figure's. */
export function allowedRoots(recapPath: string, profile: SiteProfile): Roots {
  const recapDir = path.dirname(path.resolve(recapPath));
  const pub = publicRoot(profile);
  // The site by the profile's post layout, else the checkout the recap sits in (a post kept
  // outside the layout, e.g. a blog's dated folders): its public folder serves site-absolute links.
  const site = siteRootFor(recapPath, profile) ?? siteRootAbove(recapPath);
  const siteAbsolute: AllowedRoot[] = [];
  // A draft for a site: the site it is for (its rules say), whose served folders it also reaches.
  const forSite = site ?? (profile.siteImageRoots !== undefined ? (profile.rules?.site ?? null) : null);
  const within = forSite === null ? {} : { within: forSite };
  const served = (dir: string, at?: string): AllowedRoot => ({ dir, ...(at !== undefined ? { at } : {}), ...within, label: msg('lint.root.public', { path: dir }) });
  if (site) {
    for (const dir of publicDirs(profile)) siteAbsolute.push(served(path.join(site, dir)));
    for (const m of profile.staticMounts ?? []) siteAbsolute.push(served(path.join(site, m.dir), m.at));
  }
  // A recap outside any site (a draft) mirrors the site's layout in its own folder: its
  // `/images/…` are there. A post of a site is served from the site's folders alone (a bundle's
  // `/stage.jpg` is static/stage.jpg, not the photo beside it).
  if (!site) siteAbsolute.push({ dir: path.join(recapDir, pub), label: msg('lint.root.recap', { path: path.join(recapDir, pub) }) });
  // A draft for a site: after its own photos, the images that site already serves.
  if (!site) for (const dir of profile.siteImageRoots ?? []) siteAbsolute.push(served(dir));
  if (!site) for (const m of profile.siteImageMounts ?? []) siteAbsolute.push(served(m.dir, m.at));
  // Hugo's figure looks its src up in the site's assets/ (the post's own site, or a draft's).
  const hugoSite = profile.generator !== 'hugo' ? null : forSite;
  const assets = hugoSite === null ? null : path.join(hugoSite, assetsDirOf(profile));
  const figure = assets === null ? [] : [{ dir: assets, within: hugoSite ?? assets, label: msg('lint.root.assets', { path: assets }) }];
  const pageDirs = site !== null && assets !== null ? profile.markdown?.hookPageDirs : undefined;
  const figureDir = pageDirs !== undefined && site !== null ? pageDirOf(site, recapDir, pageDirs) : null;
  // Docusaurus' `@site/` (its build's alias for the site's folder): the post's site, or the site
  // a draft is for (whose profile is the draft's own: its rules say the site's generator).
  const draftSite = site === null && profile.siteImageRoots !== undefined ? (profile.rules?.site ?? null) : null;
  const siteAlias = site !== null ? (profile.generator === 'docusaurus' ? site : null) : profile.rules?.siteGenerator === 'docusaurus' ? draftSite : null;
  // A Hugo or Jekyll site takes a relative cover from its root (placesOf).
  const coverAtRoot = forSite !== null && (profile.generator === 'hugo' || profile.generator === 'jekyll');
  // A Jekyll post in `_posts/` (a draft in `_drafts/`): Jekyll publishes nothing beside it (unless
  // jekyll-postfiles does), so its relative cover is the site root's file, beside it only last.
  // A plain Hugo post (not a bundle's index.md) has no page resources: its theme takes a relative
  // cover from the site's root (absURL, relURL) or its assets/, never from beside it.
  const coverRootFirst = coverAtRoot && (profile.generator === 'jekyll' ? profile.postFiles !== true && jekyllFolderOf(recapPath) !== null : plainHugoPost(recapPath, profile));
  // A Hugo site whose image hook takes what the page's resources lack from the site's root (Stack's).
  const linkAtRoot = hugoSite !== null && profile.markdown?.imagesFromRoot === true;
  return { relative: { dir: recapDir, label: msg('lint.root.recap', { path: recapDir }) }, siteAbsolute, figure, figureDir, siteAlias, baseUrlPath: profile.baseUrlPath ?? profile.tagBaseUrlPath ?? null, coverAtRoot, coverRootFirst, linkAtRoot };
}

/** A Hugo post that is a plain file of a site whose posts are not bundles (content/posts/kcd.md, not a bundle's index.md). */
export function plainHugoPost(recapPath: string, profile: SiteProfile): boolean {
  return profile.generator === 'hugo' && !profile.images.beside && !/^_?index\.[^.]+$/i.test(path.basename(recapPath)) && siteRootFor(recapPath, profile) !== null;
}

/**
 * The page's folder as Hugo's `.Page.File.Dir` gives it (`posts/` for content/posts/kcd.md,
 * `posts/kcd/` for a bundle's index.md), from the first of the site's content folders (`dirs`,
 * relative to `site`, the longest first) that holds it, without its last `/`; null outside them.
 */
function pageDirOf(site: string, recapDir: string, dirs: readonly string[]): string | null {
  for (const dir of dirs) {
    const base = path.join(site, dir);
    if (recapDir === base || isInside(base, recapDir)) return path.relative(base, recapDir).split(path.sep).join('/');
  }
  return null;
}

/** The path part of a link, percent-decoded as a browser would ask the server for it. */
export function linkPath(url: string): string {
  const bare = url.split(/[?#]/)[0] ?? '';
  try {
    return decodeURI(bare);
  } catch {
    return bare;
  }
}

/**
 * Checks one place for a link: inside its root on the path and on the real path, a regular
 * file. null when nothing is there (the next place may have it).
 */
function checkPlace(root: AllowedRoot, rel: string, cache: RootsCache): ResolvedImage | null {
  const full = path.resolve(root.dir, rel);
  if (!isInside(root.dir, full)) return { kind: 'refused', reason: msg('lint.refused.outside', { root: root.label }) };
  const inner = path.relative(root.dir, full).split(path.sep);
  if (inner.some((s) => s.startsWith('.'))) return { kind: 'refused', reason: msg('lint.refused.hidden', { path: full }) };
  let file: { st: Stats; real: string } | null;
  try {
    file = cache.fileOf(full);
  } catch {
    return null;
  }
  const realRoot = cache.realOf(root.dir);
  if (file === null || realRoot === null) return null;
  const { st, real } = file;
  if (!isInside(realRoot, real) || !withinSite(root, real, cache) || SPECIAL_ROOTS.some((s) => isInside(s, real))) {
    return { kind: 'refused', reason: msg('lint.refused.link', { target: real, root: root.label }) };
  }
  if (!st.isFile()) return { kind: 'refused', reason: msg('lint.refused.notFile', { path: full }) };
  return { kind: 'found', file: full, real, stat: st };
}

/**
 * How a link is looked for: as a link of the page (`link`), as the src of Hugo's figure shortcode
 * (`figure`), or as the front matter's cover image (`cover`), which Hugo's templates look up as a
 * page resource, then among the site's resources, and otherwise take from the site's root (its own
 * Open Graph and Twitter card templates do so with `images`, as themes do with their cover), and
 * Jekyll's SEO tag from the site's root.
 */
export type LookedUpAs = 'link' | 'figure' | 'cover' | 'match';

/** How an image reference of a recap is looked for: a theme shortcode's pattern, the cover field's value, a figure's src, or a link. */
export function lookedUpAs(ref: { figure?: true; field?: string; match?: unknown }): LookedUpAs {
  if (ref.match !== undefined) return 'match';
  return ref.field !== undefined ? 'cover' : ref.figure === true ? 'figure' : 'link';
}

const MAX_RESOURCES = 5000;
const MAX_RESOURCE_DEPTH = 4;

/**
 * A page bundle's resources as Hugo lists them for `.Resources.GetMatch`: the files of the post's
 * folder but the post's own (`index.md`, its translations), by their paths from it
 * (`gallery/01.jpg`); a leaf bundle's (`index.md`) in its subfolders too. Hidden files are left
 * out, a symlinked folder is not walked, and the walk stops at a depth and a count.
 */
function bundleResources(dir: string, leaf: boolean): string[] {
  const out: string[] = [];
  const walk = (rel: string, depth: number): void => {
    let entries;
    try {
      entries = readdirSync(path.join(dir, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (out.length >= MAX_RESOURCES || e.name.startsWith('.')) continue;
      const name = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory() && leaf && depth < MAX_RESOURCE_DEPTH) walk(name, depth + 1);
      else if ((e.isFile() || e.isSymbolicLink()) && !(rel === '' && /^_?index\./i.test(e.name))) out.push(name);
    }
  };
  walk('', 0);
  return out;
}

/**
 * The files of the recap's page bundle a theme shortcode's pattern takes: every match (Blowfish's
 * carousel: Hugo's `.Resources.Match`), or the first by name (`first`: `.Resources.GetMatch`,
 * matchResource), each under the rule any link obeys: inside the recap's folder, never through a
 * symlink out. One `missing` where nothing matches (`lookedFor`: the bundle's folder).
 */
function matchedImages(pattern: string, recapPath: string, profile: SiteProfile, cache: RootsCache, first = false): ResolvedImage[] {
  const root = cache.rootsOf(recapPath, profile).relative;
  const files = cache.resourcesOf(root.dir, /^index\./i.test(path.basename(recapPath)));
  const names = first ? [matchResource(files, pattern) ?? []].flat() : matchResources(files, pattern);
  if (names.length === 0) return [{ kind: 'missing', lookedFor: root.dir }];
  return names.map((name) => checkPlace(root, name, cache) ?? { kind: 'missing', lookedFor: path.join(root.dir, name) });
}

/**
 * How one image reference of a recap resolves (resolveImage, as lookedUpAs says); a theme
 * shortcode's pattern that takes every match (RecapImageRef.match `all`) to each file. The one
 * lookup lint, export's checks and a translation's copies share.
 */
export function resolveRef(ref: Pick<RecapImageRef, 'url' | 'siteUrl' | 'figure' | 'field' | 'match'>, recapPath: string, profiles: SiteProfile[], cache: RootsCache = new RootsCache()): ResolvedImage[] {
  const first = profiles[0];
  if (ref.match?.all === true) return first ? matchedImages(ref.match.pattern, recapPath, first, cache) : [];
  return [resolveImage(addressOf(ref), recapPath, profiles, cache, lookedUpAs(ref))];
}

/**
 * The places a link is looked for, in order (a Docusaurus `@site/…` link: see aliasPlace). A
 * figure's src (`as`: `figure`) Hugo looks up as the page's resource (a relative src, beside a
 * bundle's post), then in the site's assets/ (with or without a leading `/`), and only then takes
 * as written (a site-absolute src from static/); a Hugo post's relative cover (`cover`: `images:
 * [images/card.png]`) the same, and then from the site's root, as `/images/card.png` (Hugo's
 * `images` templates make its address with `absURL`), and a Jekyll post's beside it, then from
 * the site's root (jekyll-seo-tag makes `image: assets/card.png` an `absolute_url`); a link on a
 * Hugo site whose image hook takes it from the root when the bundle lacks it (Stack's) beside the
 * post, then from the root, never from assets/ (a plain page's from the root first). The assets/
 * and root places are `extra`: a missing image is reported where a link is looked for first
 * otherwise.
 */
function placesOf(roots: Roots, clean: string, as: LookedUpAs): Array<{ root: AllowedRoot; rel: string; extra?: true }> | { refused: Msg } {
  const alias = roots.siteAlias === null ? null : siteAliasPath(clean);
  if (alias !== null && roots.siteAlias !== null) return aliasPlace(roots, path.resolve(roots.siteAlias, alias));
  // A site published under a base path: `/events/assets/a.png` is the site's /assets/a.png. Hugo
  // looks a figure's src up in assets/ as written (its base is no folder there).
  const bare = (roots.baseUrlPath === null ? clean : sitePathOf(clean, { baseUrlPath: roots.baseUrlPath })).replace(/^\/+/, '');
  // roots.figure: a Hugo site's assets/ (none elsewhere).
  const coverAtRoot = as === 'cover' && roots.coverAtRoot && !clean.startsWith('/');
  // A hook that looks below the page's folder (roots.figureDir: Terminal's) looks there alone.
  const inAssets = as === 'figure' && roots.figureDir !== null ? path.posix.join(roots.figureDir, clean.replace(/^\/+/, '')) : clean.replace(/^\/+/, '');
  const assets = as === 'figure' || coverAtRoot ? roots.figure.map((root) => ({ root, rel: inAssets, extra: true as const })) : [];
  // A mounted folder serves only what is under its path: `/images/a.png` is its `a.png`.
  const servedAt = (rel: string): Array<{ root: AllowedRoot; rel: string }> =>
    roots.siteAbsolute.flatMap((root) => (root.at === undefined ? [{ root, rel }] : rel.startsWith(`${root.at}/`) ? [{ root, rel: rel.slice(root.at.length + 1) }] : []));
  if (clean.startsWith('/')) return [...assets, ...servedAt(bare)];
  // Docusaurus reads a relative link from the post's file wherever it leads (its image loader
  // joins it to the file's folder): `../static/img/a.png` from a flat post in blog/ is a file of
  // the folder the site serves, looked for there; anywhere else outside the recap's folder, refused.
  const beside = path.resolve(roots.relative.dir, clean);
  const served = roots.siteAlias !== null && !isInside(roots.relative.dir, beside) ? roots.siteAbsolute.find((root) => isInside(root.dir, beside)) : undefined;
  if (served !== undefined) return [{ root: served, rel: path.relative(served.dir, beside) }];
  if (coverAtRoot && roots.coverRootFirst) return [...servedAt(clean), ...assets, { root: roots.relative, rel: clean, extra: true as const }];
  // A Markdown image read by a hook that takes what the page's resources lack from the site's
  // root (Roots.linkAtRoot: Stack's): the bundle's file, then the root's; a plain page's, the root's first.
  const linkAtRoot = as === 'link' && roots.linkAtRoot;
  if (linkAtRoot && roots.coverRootFirst) return [...servedAt(clean), { root: roots.relative, rel: clean, extra: true as const }];
  const fromRoot = coverAtRoot || linkAtRoot ? servedAt(clean).map((place) => ({ ...place, extra: true as const })) : [];
  return [{ root: roots.relative, rel: clean }, ...assets, ...fromRoot];
}

/**
 * Docusaurus' `@site/…` link, `full` the file it names in the site: looked for in the root that
 * holds it, the recap's own folder or a folder the site serves at `/` (`@site/static/img/a.png`).
 * Docusaurus bundles a file from anywhere in the site; a recap's link reaches only those.
 */
function aliasPlace(roots: Roots, full: string): Array<{ root: AllowedRoot; rel: string }> | { refused: Msg } {
  const root = [roots.relative, ...roots.siteAbsolute].find((r) => isInside(r.dir, full));
  if (root !== undefined) return [{ root, rel: path.relative(root.dir, full) }];
  const dirs = [roots.relative, ...roots.siteAbsolute].map((r) => r.dir);
  return { refused: msg('lint.refused.siteAlias', { path: full, dirs: [...new Set(dirs)].join(', ') }) };
}

/**
 * Where the local file of an image link is, under the containment rule. `profiles` are tried
 * in order (the recap's own profile, then an export target's), each with its roots. `as`: a
 * link, the src of Hugo's figure shortcode (ImageRef.figure) or the cover field's value, each
 * looked for as its site does (placesOf).
 */
export function resolveImage(url: string, recapPath: string | null, profiles: SiteProfile[], cache: RootsCache = new RootsCache(), as: LookedUpAs = 'link'): ResolvedImage {
  if (as === 'match') return (recapPath && profiles[0] ? matchedImages(url, recapPath, profiles[0], cache, true)[0] : undefined) ?? { kind: 'missing', lookedFor: null };
  const trimmed = url.trim();
  if (/^data:/i.test(trimmed)) return { kind: 'inline' };
  if (/^file:/i.test(trimmed)) return { kind: 'refused', reason: msg('lint.refused.fileUrl') };
  if (/^[a-z]:[\\/]/i.test(trimmed) || trimmed.startsWith('\\\\')) return { kind: 'refused', reason: msg('lint.refused.localPath') };
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith('//')) return { kind: 'remote' };
  const clean = linkPath(trimmed);
  if (clean === '') return { kind: 'missing', lookedFor: null };
  if (clean.includes('\0')) return { kind: 'refused', reason: msg('lint.refused.nul') };
  if (clean.includes('\\')) return { kind: 'refused', reason: msg('lint.refused.backslash') };
  if (!recapPath) return { kind: 'missing', lookedFor: null };
  let lookedFor: string | null = null;
  let lookedForExtra: string | null = null;
  const tried = new Set<string>();
  const looked: string[] = [];
  for (const profile of profiles) {
    const places = placesOf(cache.rootsOf(recapPath, profile), clean, as);
    if (!Array.isArray(places)) return { kind: 'refused', reason: places.refused };
    for (const { root, rel, extra } of places) {
      const key = `${root.dir}\0${rel}`;
      if (tried.has(key)) continue;
      tried.add(key);
      const full = path.resolve(root.dir, rel);
      if (!looked.includes(full)) looked.push(full);
      if (extra) lookedForExtra ??= full;
      else lookedFor ??= full;
      const hit = checkPlace(root, rel, cache);
      if (hit) return hit;
    }
  }
  const inAssets = as !== 'link' ? null : assetsFile(clean, recapPath, profiles, cache);
  const first = lookedFor ?? lookedForExtra;
  // A field's photo is looked for beside the post, then in the site's places (its assets/, its
  // root), and so is a link a hook takes from the root (Stack's): those are said too.
  const recapDir = path.dirname(path.resolve(recapPath));
  const also = as === 'cover' || (as === 'link' && lookedForExtra !== null) ? looked.filter((p) => p !== first && !isInside(recapDir, p)) : [];
  return { kind: 'missing', lookedFor: first, ...(inAssets !== null ? { inAssets } : {}), ...(also.length > 0 ? { alsoLookedFor: also } : {}) };
}

/** The file a link names in a Hugo site's assets/, where only a figure's src is looked up (see placesOf): for the missing image's message. */
function assetsFile(clean: string, recapPath: string, profiles: SiteProfile[], cache: RootsCache): string | null {
  for (const profile of profiles) {
    for (const root of cache.rootsOf(recapPath, profile).figure) {
      const hit = checkPlace(root, clean.replace(/^\/+/, ''), cache);
      if (hit?.kind === 'found') return hit.file;
    }
  }
  return null;
}

/**
 * A photo the Hugo site has in its assets/ where the link does not look (image-problems.ts
 * assetsAdvice): the file, what to write instead, and what reads assets/<name> there (the figure's
 * src, a Markdown image its image hook reads, or both).
 */
export interface AssetsAdvice {
  file: string;
  write: string;
  readers: 'figure' | 'hook' | 'markdown';
}

const ASSETS_READERS = { figure: 'lint.assetsReaders.figure', hook: 'lint.assetsReaders.hook', markdown: 'lint.assetsReaders.markdown' } as const;

/**
 * The message of a missing image: where it was looked for; and when the file is in the Hugo
 * site's assets/, where Hugo does not look for this link, what to write instead (`write`: the
 * figure, or the Markdown image where Hugo's image render hook reads those) or where to move it.
 */
export function missingImageMsg(url: string, lookedFor: string, inAssets?: AssetsAdvice, media?: { address: string; fix?: { file: string; write: string }; flag?: string }, field?: string, also: readonly string[] = []): Msg {
  // A Chirpy post's link is published at another address (its media_subpath): say which, and
  // what to write where the link as written names a file of the site. PaperMod's cover without
  // its `cover.relative` flag is the root's: say so, and to set the flag where the photo is beside the post.
  if (media !== undefined) {
    const said = { url, path: lookedFor, address: media.address };
    if (media.flag !== undefined) {
      const named = { ...said, field: field ?? '', flag: media.flag };
      return media.fix === undefined ? msg('lint.image.missingPageCover', named) : msg('lint.image.missingPageCoverFix', { ...named, file: media.fix.file });
    }
    return media.fix === undefined ? msg('lint.image.missingMedia', said) : msg('lint.image.missingMediaFix', { ...said, file: media.fix.file, write: media.fix.write });
  }
  // A front-matter field's photo (the cover, a theme's header image) has no link to remove.
  if (inAssets === undefined) {
    if (field === undefined) return also.length > 0 ? msg('lint.image.missingLookedPlaces', { url, path: lookedFor, others: also.join(', ') }) : msg('lint.image.missingLooked', { url, path: lookedFor });
    return also.length > 0 ? msg('lint.image.missingFieldPlaces', { url, path: lookedFor, others: also.join(', '), field }) : msg('lint.image.missingField', { url, path: lookedFor, field });
  }
  return msg('lint.image.missingInAssets', { url, path: lookedFor, assets: inAssets.file, readers: msg(ASSETS_READERS[inAssets.readers]), write: inAssets.write });
}

/** The message of a theme shortcode's photo that no file of the bundle matches (RecapImageRef.match). */
export function missingMatchMsg(url: string, match: { shortcode: string; pattern: string; all?: true }, lookedFor: string): Msg {
  if (match.all === true) return msg('lint.image.noMatch', { call: shortcodeLabel(match.shortcode), url, path: lookedFor });
  return msg('lint.image.missingMatch', { call: shortcodeLabel(match.shortcode), url, pattern: match.pattern, path: lookedFor });
}

/** The links a page asks about, each with how it is looked for: a link, the src of Hugo's figure (`figureUrls`), the cover field's value (`coverUrls`), a theme shortcode's pattern (`matchUrls`); anything but a string is left out. */
export function askedLinks(urls: unknown, figureUrls: unknown, coverUrls: unknown = [], matchUrls: unknown = []): Array<{ url: string; as: LookedUpAs }> {
  const of = (list: unknown, as: LookedUpAs) => (Array.isArray(list) ? list : []).filter((u): u is string => typeof u === 'string').map((url) => ({ url, as }));
  return [...of(urls, 'link'), ...of(figureUrls, 'figure'), ...of(coverUrls, 'cover'), ...of(matchUrls, 'match')];
}

/** Whether a file's real path is inside one of the recap's allowed roots (real paths compared), and not hidden. */
export function insideAllowedRoots(file: string, recapPath: string, profile: SiteProfile, cache: RootsCache = new RootsCache()): boolean {
  let real: string | null;
  try {
    real = cache.fileOf(path.resolve(file))?.real ?? null;
  } catch {
    return false;
  }
  if (real === null) return false;
  const roots = cache.rootsOf(recapPath, profile);
  return [roots.relative, ...roots.siteAbsolute].some((root) => {
    const realRoot = cache.realOf(root.dir);
    return realRoot !== null && isInside(realRoot, real) && withinSite(root, real, cache) && !path.relative(realRoot, real).split(path.sep).some((s) => s.startsWith('.'));
  });
}

/**
 * Where a recap's image folder really is, when that is outside every allowed root of the recap
 * (a folder of the site, or one on the way to it, that is a symlink leading out); null when the
 * folder, or what of it exists yet, stays inside. The photo tools read and write only folders
 * that stay inside: a photo is never listed from, nor written into, a folder a link leads out to.
 */
export function folderOutsideRoots(dir: string, recapPath: string, profile: SiteProfile, cache: RootsCache = new RootsCache()): string | null {
  // The nearest part of the folder that exists, resolved; what is not there yet is made inside it.
  let full: string | null;
  try {
    full = realAncestorJoin(cache, dir);
  } catch {
    full = null; // A folder on the way that cannot be looked at.
  }
  if (full === null) return path.resolve(dir);
  const roots = cache.rootsOf(recapPath, profile);
  const inside = [roots.relative, ...roots.siteAbsolute].some((root) => {
    const realRoot = cache.realOf(root.dir) ?? realAncestorJoin(cache, root.dir);
    return realRoot !== null && isInside(realRoot, full) && withinSite(root, full, cache);
  });
  return inside ? null : full;
}

function lstatOrNotDir(p: string): Stats | undefined {
  try {
    return lstatSync(p, { throwIfNoEntry: false });
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOTDIR') return undefined;
    throw err;
  }
}

/** A folder that may not exist yet (an image folder before its first photo): its nearest existing ancestor's real path, joined with the rest. */
function realAncestorJoin(cache: RootsCache, dir: string): string | null {
  const rest: string[] = [];
  let at = path.resolve(dir);
  for (;;) {
    const real = cache.realOf(at);
    if (real !== null) return path.join(real, ...rest);
    // Something is there that does not resolve (a dangling link): nothing is made through it.
    // A file on the way (ENOTDIR) is no link: the write that follows says it cannot make the folder.
    if (lstatOrNotDir(at) !== undefined) return null;
    const parent = path.dirname(at);
    if (parent === at) return null;
    rest.unshift(path.basename(at));
    at = parent;
  }
}

/** What the author can do about a refused link; said once after the reason. */
export const CONTAINMENT_ADVICE: Msg = msg('lint.advice.containment');

/** What the author can do about a file that is not an image the export copies. */
export const NOT_AN_IMAGE_ADVICE: Msg = msg('lint.advice.notImage');

/** The message for a refused link: which link, where, why. */
export function refusedImageMsg(url: string, line: number | null, reason: Msg, field?: string, advice: Msg = CONTAINMENT_ADVICE): Msg {
  const lineText = line === null ? '' : String(line);
  const where =
    field !== undefined
      ? msg(line !== null ? 'lint.where.fieldLine' : 'lint.where.field', { field, line: lineText })
      : line !== null ? msg('lint.where.line', { line: lineText }) : '';
  return msg('lint.refused.image', { url, where, reason, advice });
}

/** refusedImageMsg in English. */
export function refusedImageMessage(url: string, line: number | null, reason: Msg, field?: string, advice: Msg = CONTAINMENT_ADVICE): string {
  const m = refusedImageMsg(url, line, reason, field, advice);
  return format('en', m.key, m.params);
}

/**
 * The file an asset route may serve, or null: one the service handed out (`handedOut`, the
 * paths it resolved under the containment rule), still a regular file whose header is the
 * image type its extension names (or another a browser shows whatever the name), and not a symlink (a file swapped for a link after the lookup is not followed). Both asset routes —
 * the browser mode's /asset and Electron's recap-asset: — call this before reading anything.
 */
export function resolveAssetForServe(file: string, handedOut: ReadonlySet<string>): string | null {
  const want = WEB_IMAGE_TYPES[path.extname(file).toLowerCase()];
  if (!handedOut.has(file) || want === undefined) return null;
  const real = realOrNull(file);
  const realDir = realOrNull(path.dirname(file));
  if (real === null || realDir === null || real !== path.join(realDir, path.basename(file))) return null;
  if (SPECIAL_ROOTS.some((s) => isInside(s, real))) return null;
  // Its first bytes must show the image its name says: a text file named .png is not served.
  let fd: number | null = null;
  try {
    fd = openSync(real, fsConstants.O_RDONLY | (fsConstants.O_NOFOLLOW ?? 0) | (fsConstants.O_NONBLOCK ?? 0));
    if (!fstatSync(fd).isFile()) return null;
    const head = Buffer.alloc(4096);
    const n = readSync(fd, head, 0, head.length, 0);
    // Or another image a browser shows whatever its name (image-file.ts misnamedImage: lint and export warn of it).
    const type = sniffImageType(head.subarray(0, n));
    return type === want || SHOWN_BY_CONTENT.has(type) ? real : null;
  } catch {
    return null;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}
