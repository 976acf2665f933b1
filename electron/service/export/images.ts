// The export's image rules: which files it copies (sniffed by image-file.ts: an allowed
// extension, an image's header, not empty, within the profile's limit), under which names (unique in the target
// folder, without case), which images stay where the target site already serves them, the
// folder's photos the text does not use, and the pixel sizes the preflight checks.

import { type Stats } from 'node:fs';
import * as path from 'node:path';
import sharp from 'sharp';
import type { SiteProfile } from '../../core/contract';
import { safeFileName, uniqueName } from '../../core/markdown/photo-names';
import { insideAllowedRoots, lookedUpAs, resolveRef, RootsCache, type ResolvedImage } from '../files/containment';
import { type PixelSize } from '../files/image-header';
import { misnamedImage, notAnImage, probeImage, type ProbedImage } from '../files/image-file';
import { addressOf, type RecapImageRef } from '../recap/markdown-images';
import { assetsAdvice, mediaFix } from '../recap/image-problems';
import { publishedAsLinked, type PlainPage } from '../recap/hugo-siblings';
import { readingOf, type MarkdownReading } from '../../core/markdown/site-reading';
import { assetsDirOf, imageFolderFor, servedBySite, siteAliasPath } from '../site/profile';
import { listNow, realpathOrNull } from './disk';
import { pool } from './pool';
import { isSiteImageName } from '../../core/markdown/photo-names';
import type { PreflightImage } from './preflight';

/** What the planner knows to look for the recap's images. */
export interface ImageSearch {
  recapPath: string;
  /** The profile the recap's links are written for. */
  sourceProfile: SiteProfile;
  /** The target's profile: its limits apply and its served images stay in place. */
  profile: SiteProfile;
  /** The target's folder (site or folder targets). */
  root: string | null;
  /** The target site's folder, when the target is a site. */
  siteRoot: string | null;
  /** Where the target keeps the images, relative to the target; null when it cannot be made. */
  imagesRel: string | null;
  /**
   * The recap's site (its real path) when the post keeps the place it has there: a photo of that
   * site linked site-absolute keeps its path in the target (`static/img/kcd/stage.png`), and so
   * does a relative link's photo inside `relativeWithin` (the real path of the folder where the
   * site reads a relative link from the post's file: a Docusaurus site's root, as its blog reads
   * `./img/x.png` and `../shared/x.png` alike; a Hugo page bundle's own folder, whose files at any
   * depth are its page resources: `Picture/a.png`), or a photo a plain Hugo page's link asks for
   * at the address Hugo publishes it (`plainPage`: hugo-siblings.ts, as Hextra's hook links it);
   * their links stay as written. Else null.
   */
  keepPlaces?: { site: string; relativeWithin: string | null; plainPage?: PlainPage } | null;
  /** How the post's site reads it (a Chirpy post's media_subpath): what a missing image's message advises. */
  reading?: MarkdownReading;
}

export interface FoundImages {
  /** Every image reference, as the preflight checks it. */
  images: PreflightImage[];
  /** The files the export copies, each with its name in the target's image folder (or `at`, the path it has in the recap's site: see keepPlaces). */
  byFile: Map<string, { name: string; stat: Stats; at?: string }>;
  /** The links whose file is copied (their URLs may need the target's form). */
  located: Array<{ ref: RecapImageRef; file: string }>;
  /** Images the target site already serves where the text links them: used, left in place. */
  servedInPlace: Set<string>;
  /** Every place an image may be, opened once (an image linked twice is one file). */
  probes: Map<string, ProbedImage | null>;
  /** Names in the target folder, compared without case as photo-names' uniqueName does (macOS, Windows). */
  taken: Set<string>;
  /** The recap's allowed roots, looked up once for the plan. */
  roots: RootsCache;
  /** Told of each file the export copies as soon as it is sniffed and named (a folder export starts its copy then). */
  onCopy: ((file: string, name: string, at: string | null) => void) | null;
}

/** Opens a file once per plan (synchronous for the reason given at statNow). */
function probe(found: FoundImages, file: string): ProbedImage | null {
  if (!found.probes.has(file)) found.probes.set(file, probeImage(file));
  return found.probes.get(file) ?? null;
}

/** A file the export copies, under a name for `wanted` in the target folder no other image has (or at its own place, `at`). */
function take(found: FoundImages, file: string, wanted: string, stat: Stats, at: string | null = null): void {
  if (at !== null) {
    found.byFile.set(file, { name: path.basename(file), stat, at });
    found.onCopy?.(file, path.basename(file), at);
    return;
  }
  const safe = safeFileName(wanted);
  const name = found.taken.has(safe.toLowerCase()) ? uniqueName(safe, found.taken) : safe;
  found.taken.add(name.toLowerCase());
  found.byFile.set(file, { name, stat });
  found.onCopy?.(file, name, null);
}

/** The path in the target of a photo that keeps its place in the recap's site (see keepPlaces), else null. */
function keptAt(ref: RecapImageRef, file: string, search: ImageSearch): string | null {
  const keep = search.keepPlaces;
  const url = addressOf(ref).trim();
  if (!keep || /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return null;
  const rel = path.relative(keep.site, file);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  const at = rel.split(path.sep).join('/');
  // A relative link keeps its place where the site reads it from the post's file, where it is a
  // Hugo figure's src that the site finds in its assets/, and where it is a cover the site finds
  // there or at its root (servedBySite); Docusaurus' `@site/…` names a place of the site wherever
  // the post is, as a site-absolute link does.
  const as = lookedUpAs(ref);
  const inAssets = as === 'figure' && search.sourceProfile.generator === 'hugo' && at.startsWith(`${assetsDirOf(search.sourceProfile)}/`);
  // (A relative link its site's image hook takes from the root, Stack's, likewise: servedBySite.)
  const asCover = (as === 'cover' || as === 'link') && !url.startsWith('/') && servedBySite(keep.site, search.sourceProfile, url, as).some((f) => path.relative(keep.site, f) === rel);
  const within = keep.relativeWithin !== null ? path.relative(keep.relativeWithin, file) : '..';
  const readFromPost = (within !== '' && !within.startsWith('..') && !path.isAbsolute(within)) || publishedAsLinked(keep.plainPage ?? null, url, file);
  if (!url.startsWith('/') && !readFromPost && siteAliasPath(url) === null && !inAssets && !asCover) return null;
  return at.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..') ? at : null;
}

/** A link to a local file that exists: copied, refused, or left where the target site serves it. */
function locateFile(ref: RecapImageRef, file: string, base: PreflightImage, search: ImageSearch, found: FoundImages): void {
  const probed = probe(found, file);
  if (!probed) {
    found.images.push({ ...base, lookedFor: file });
    return;
  }
  // A site-absolute image that the target site itself already serves stays where it is (and the
  // image a figure's src names in a Hugo site's assets/, a relative src too).
  // (Unless it already is where the layout puts it: then it is listed as unchanged.)
  const { root, siteRoot, imagesRel } = search;
  const inLayout = root !== null && imagesRel !== null && path.join(root, ...imagesRel.split('/'), path.basename(file)) === file;
  const as = lookedUpAs(ref);
  const address = addressOf(ref).trim();
  const served = siteRoot !== null && !inLayout && as !== 'match' && (address.startsWith('/') || as !== 'link' || siteAliasPath(address) !== null || search.profile.markdown?.imagesFromRoot === true) && servedBySite(siteRoot, search.profile, address, as).includes(file);
  const at = served ? null : keptAt(ref, file, search);
  // Export copies images only (an SVG can carry scripts: never added to a site), but a file it
  // leaves where it is — served there already, or this very file of the post's own site — is
  // copied nowhere: the site's own `/img/logo.svg` does not stop an export.
  const itself = inLayout || (root !== null && at !== null && realpathOrNull(path.join(root, ...at.split('/'))) === file);
  const notImage = served || itself ? null : notAnImage(probed, file, search.profile);
  if (notImage !== null) {
    found.images.push({ ...base, file, refused: notImage, notImage: true });
    return;
  }
  // A photo of another type than its name says: exported, and the preflight names its right name.
  const misnamed = misnamedImage(probed, file);
  const image: PreflightImage = { ...base, file, bytes: probed.stat.size, ...(misnamed ? { misnamed } : {}) };
  if (served) {
    found.images.push(image);
    found.servedInPlace.add(file);
    return;
  }
  // A photo kept in the image folder holds its name there.
  if (at !== null && path.posix.dirname(at) === imagesRel) found.taken.add(path.basename(file).toLowerCase());
  if (!found.byFile.has(file)) take(found, file, path.basename(file), probed.stat, at);
  found.images.push(image);
  // Kept at its place, its link stays as written.
  if (found.byFile.get(file)?.at === undefined) found.located.push({ ref, file });
}

function locateImage(ref: RecapImageRef, search: ImageSearch, found: FoundImages): void {
  const base: PreflightImage = { url: ref.url, alt: ref.alt, line: ref.line, column: ref.column, kind: 'local', file: null, lookedFor: null, ...(ref.field ? { field: ref.field } : {}), ...(ref.match ? { match: ref.match } : {}), ...(ref.siteUrl !== undefined ? { address: ref.siteUrl } : {}) };
  const profiles = search.profile === search.sourceProfile ? [search.sourceProfile] : [search.sourceProfile, search.profile];
  // A carousel's pattern (RecapImageRef.match `all`) is each file it matches.
  for (const hit of resolveRef(ref, search.recapPath, profiles, found.roots)) locateHit(ref, hit, base, search, found);
}

/** One file (or none) a reference resolves to: where it is, refused, missing or served in place. */
function locateHit(ref: RecapImageRef, hit: ResolvedImage, base: PreflightImage, search: ImageSearch, found: FoundImages): void {
  if (hit.kind === 'inline' || hit.kind === 'remote') {
    found.images.push({ ...base, kind: hit.kind });
  } else if (hit.kind === 'refused') {
    found.images.push({ ...base, refused: hit.reason });
  } else if (hit.kind === 'missing') {
    // A site-absolute image the target site already serves is there: it stays where it is.
    const as = lookedUpAs(ref);
    const inTarget = search.siteRoot !== null && as !== 'match' ? servedBySite(search.siteRoot, search.profile, addressOf(ref), as) : [];
    const served = inTarget.map((file) => ({ file, hit: probe(found, file) })).find((x) => x.hit !== null);
    const reading = search.reading ?? readingOf(search.sourceProfile);
    const inAssets = assetsAdvice(ref, reading, hit.inAssets);
    const { fix, flag } = ref.siteUrl !== undefined ? mediaFix(ref, search.recapPath, search.sourceProfile, found.roots, reading) : {};
    found.images.push(served?.hit ? { ...base, file: served.file, bytes: served.hit.stat.size } : { ...base, lookedFor: hit.lookedFor, ...(hit.alsoLookedFor ? { alsoLookedFor: hit.alsoLookedFor } : {}), ...(inAssets ? { inAssets } : {}), ...(fix ? { mediaFix: fix } : {}), ...(flag !== undefined ? { coverFlag: flag } : {}) });
  } else {
    locateFile(ref, hit.file, base, search, found);
  }
}

/**
 * The images the text refers to (Markdown, <img> and srcset, the cover field), found on disk
 * under the containment rule: a refused link is reported and nothing behind it is read.
 */
export function locateImages(refs: RecapImageRef[], search: ImageSearch, onCopy: FoundImages['onCopy'] = null): FoundImages {
  const found: FoundImages = { images: [], byFile: new Map(), located: [], servedInPlace: new Set(), probes: new Map(), taken: new Set(), roots: new RootsCache(), onCopy };
  for (const ref of refs) locateImage(ref, search, found);
  return found;
}

/**
 * Photos of the recap's folder that the text does not use (file names, and the folder). They
 * are exported too unless the author leaves them out. `byName` picks those the target site
 * takes by their names (a Hugo page bundle's card photo, a front matter's pattern:
 * hugoPhotosByName), which are used: exported whatever the author leaves out, and not listed.
 */
export function addUnusedPhotos(search: ImageSearch, imageDir: string, leaveOut: boolean, found: FoundImages, byName: ((names: readonly string[]) => readonly string[]) | null = null): { unused: string[]; folder: string } {
  const folder = imageFolderFor(search.recapPath, search.sourceProfile, imageDir).dir;
  const folderNames = listNow(folder).filter(isSiteImageName).sort();
  const taken = new Set(byName?.(folderNames) ?? []);
  const unused: string[] = [];
  for (const n of folderNames) {
    const file = path.join(folder, n);
    if (found.byFile.has(file) || found.servedInPlace.has(file)) continue;
    // The folder's photos obey the same rule as links: a symlink out, or a file that is not
    // an image, is never exported.
    if (!insideAllowedRoots(file, search.recapPath, search.sourceProfile, found.roots)) continue;
    const probed = probe(found, file);
    if (!probed || notAnImage(probed, file, search.profile) !== null) continue;
    if (!taken.has(n)) unused.push(n);
    if (leaveOut && !taken.has(n)) continue;
    take(found, file, n, probed.stat);
  }
  return { unused, folder };
}

/** Pixel sizes for the limits: from the headers read above, libvips for formats we do not parse. */
export async function addPixelSizes(found: FoundImages): Promise<void> {
  const dims = new Map<string, PixelSize>();
  const unparsed: string[] = [];
  for (const file of found.byFile.keys()) {
    const size = found.probes.get(file)?.size;
    if (size) dims.set(file, size);
    else unparsed.push(file);
  }
  await pool(unparsed, 4, async (file) => {
    try {
      const meta = await sharp(file, { limitInputPixels: false }).metadata();
      dims.set(file, { width: meta.autoOrient?.width ?? meta.width ?? 0, height: meta.autoOrient?.height ?? meta.height ?? 0 });
    } catch {
      // Not an image we can read (e.g. a damaged file): no size check, the link check still applies.
    }
  });
  for (const img of found.images) {
    const d = img.file ? dims.get(img.file) : undefined;
    if (d) Object.assign(img, d);
  }
}
