// Plan: where the post and each image go under the target's profile, the Markdown with image
// links in the profile's public form, the state of each target file (added, changed,
// unchanged, in conflict) and the preflight checklist. Planning writes nothing.
//
// The steps: read the recap; open the target and choose its profile; read what this recap
// exported there before; lay out the post and image paths (the one place that asks the
// profile); find the images; rewrite the links; compare with the target (planWrites: what is
// written where); then the checks: other posts with the slug, pixel sizes, the preflight (finishPlan).

import { promises as nodeFs, type Stats } from 'node:fs';
import * as path from 'node:path';
import type { ExportFile, ExportReport, ExportRequest, PostPlace, SiteInfo, SiteProfile } from '../../core/contract';
import { findRecapImages } from '../recap/markdown-images';
import { readRecapFile } from '../files/recap-file';
import { fillPattern, loadProfile, matchPostPath } from '../site/profile';
import { detectSite, newPostProfile, postProfile, sitePlaces, siteRootAbove } from '../site/site';
import { addPixelSizes, addUnusedPhotos, locateImages, type FoundImages, type ImageSearch } from './images';
import { layOut, postInSite, type ExportSource, type Layout } from './layout';
import { translationPlace } from './language-place';
import { rulesForPost } from '../site/site-rules';
import { jekyllTimezone } from '../site/site-data';
import { coverReading, readingOfPost } from '../../core/markdown/post-reading';
import { rewriteImageLinks } from './links';
import { linkedAs } from '../../core/markdown/photo-text';
import { readFrontMatter } from '../../core/frontmatter/frontmatter';
import { hugoPhotosByName } from '../../core/recap/cover';
import { manifestPathFor, readManifest, targetKey } from './manifest';
import { preflight } from './preflight';
import { openTarget, targetProfile, type OpenedTarget } from './target';
import { stageFolder, type StagedFolder } from './commit-folder';
import { realpathOrNull } from './disk';
import { plainPageOf, type PlainPage } from '../recap/hugo-siblings';
import { filesLeftBehind, ownFolder } from './left-behind';
import { compareWithTarget, findCollisions, lookAt, surelyNew, targetPath, type TargetState } from './target-state';
import type { ExportFs, ExportOptions, Plan, PlannedFile } from './types';

/** The recap as the request gives it (its text, else the file's), the site it sits in and the profile its links are written for. */
async function readSource(req: ExportRequest, options: ExportOptions): Promise<ExportSource & { recapSite: string | null; sourceSite: SiteInfo | null }> {
  const recapPath = path.resolve(req.recapPath);
  const text = req.text ?? (await readRecapFile(recapPath)).text;
  const recapSite = siteRootAbove(recapPath);
  const sourceSite = recapSite !== null ? detectSite(recapSite) : null;
  const sourceProfile = options.sourceProfile ?? (sourceSite !== null ? postProfile(sourceSite, recapPath) : loadProfile());
  return { recapPath, text, recapSite, sourceSite, sourceProfile };
}

/**
 * A post that keeps the place it has in its site (its own file, or the same path elsewhere, as
 * `place` is, a re-export to where the last one put it there too):
 * the photos of that site it links keep theirs too (see ImageSearch.keepPlaces); relative
 * links where the site reads them from the post's file: anywhere in a Docusaurus site, inside
 * the folder of a Hugo page bundle (its page resources, subfolders too), and a photo
 * a plain Hugo page's link asks for at the address Hugo publishes it (`plainPage`).
 */
function keepPlaces(layout: Layout, place: string | null, recapSite: string | null, recapPath: string, profile: SiteProfile, plainPage: PlainPage | null): ImageSearch['keepPlaces'] {
  const kept = layout.postFrom === 'own' || layout.postFrom === 'place' || (layout.postFrom === 'pinned' && layout.post === place);
  if (recapSite === null || layout.post === null || !kept) return null;
  const site = realpathOrNull(recapSite) ?? recapSite;
  const bundle = profile.generator === 'hugo' && /^index\./i.test(path.basename(recapPath));
  const relativeWithin = profile.generator === 'docusaurus' ? site : bundle ? realpathOrNull(path.dirname(recapPath)) : null;
  return { site, relativeWithin, ...(plainPage !== null ? { plainPage } : {}) };
}

/** Where the post is a Hugo page bundle with its photos beside it: which of them its templates take by name (hugoPhotosByName: its card, a front matter's pattern). */
function cardPicker(profile: SiteProfile, layout: Layout, text: string): ((names: readonly string[]) => string[]) | null {
  if (profile.generator !== 'hugo' || layout.post === null || layout.imagesRel !== path.posix.dirname(layout.post)) return null;
  const { fields } = readFrontMatter(text);
  return (names) => hugoPhotosByName(names, fields);
}

/** The post (its Markdown with the target's links) and each copied image, as files of the target. */
function plannedFiles(layout: Layout, postText: string, found: FoundImages): { entries: PlannedFile[]; sourceStats: Map<PlannedFile, Stats | null> } {
  const entries: PlannedFile[] = [];
  const sourceStats = new Map<PlannedFile, Stats | null>();
  const postData = Buffer.from(postText, 'utf8');
  if (layout.post !== null) entries.push({ path: layout.post, kind: 'post', status: 'added', bytes: postData.length, source: null, abs: null, data: postData, conflict: false });
  if (layout.imagesRel !== null) {
    for (const [file, { name, stat, at }] of found.byFile) {
      const entry: PlannedFile = { path: at ?? `${layout.imagesRel}/${name}`, kind: 'image', status: 'added', bytes: stat.size, source: file, abs: null, data: null, conflict: false };
      sourceStats.set(entry, stat);
      entries.push(entry);
    }
  }
  return { entries, sourceStats };
}

/** A plan up to its checks: every file, where it goes and what the target holds there (see planWrites). */
export interface PlanDraft {
  plan: Plan;
  /** The folder export's staging, with the new photos' copies started while they were found (planWrites' `stage`). */
  staged: StagedFolder | null;
  /** What finishPlan needs for the checks. */
  facts: { req: ExportRequest; fs: ExportFs; text: string; recapPath: string; layout: Layout; checked: SiteProfile; found: FoundImages; folder: string; leftBehind: string[]; ownPath: string | null; previousPost: string | null | undefined; sourcePost: string | null; state: TargetState };
}

/**
 * The plan's files: what is written where, and the state of each target file. Everything the
 * write needs is known here; the checks that only decide whether it may happen (other posts
 * with the slug, pixel sizes, the preflight) come in finishPlan, so that an export can stage
 * its copies while they run. The draft's `problems` are empty until then. `at` places its post at
 * that path of the target (a translation goes where its site's layout puts the source's post in
 * its language), as a post's own path does.
 *
 * `stage` (a folder or site export that writes): the staging folder is made in the target at
 * once, and each photo that is surely new there (nothing at its path, no folder on the way
 * that leads out) is copied into it as soon as it is sniffed and named, while the plan goes
 * on. A refusal found later (a conflict, the preflight) discards the staging: the target is
 * as before.
 */
export async function planWrites(req: ExportRequest, options: ExportOptions, at: string | null = null, stage = false): Promise<PlanDraft> {
  const fs = options.fs ?? nodeFs;
  const opened = openTarget(req.target);
  const staged = stage && opened.root !== null ? stageFolder(opened.root, fs, options.durable === true) : null;
  try {
    return await planFiles(req, options, opened, at, staged);
  } catch (err) {
    await staged?.discard();
    throw err;
  }
}

async function planFiles(req: ExportRequest, options: ExportOptions, opened: OpenedTarget, at: string | null, staged: StagedFolder | null): Promise<PlanDraft> {
  const fs = options.fs ?? nodeFs;
  const source = await readSource(req, options);
  const { recapPath, text, sourceProfile } = source;
  const { root, zipFile, site } = opened;
  const chosen = targetProfile(req, options, source, opened);
  const { profile } = chosen;
  const ownPath = at ?? chosen.ownPath;
  // Replaced without a conflict only when it is the very file exported (a translation in its own site).
  const ownFile = chosen.ownPath ?? (at !== null && opened.target.kind === 'site' && root !== null && postInSite(root, recapPath) === at ? at : null);

  const key = targetKey(req.target);
  const manifestFile = manifestPathFor(recapPath, root, options.dataDir, source.recapSite);
  const manifest = readManifest(manifestFile, recapPath);
  const previous = manifest.targets[key];
  // A translation is named by its source, in its own language (placed by layOut unless it keeps its place).
  const inLanguage = ownPath === null && req.lang === undefined && req.slug === undefined ? translationPlace(recapPath, profile) : null;
  // A translation kept at its place shares its slug with its source's post there: not another post.
  const sourcePost = chosen.place !== null && inLanguage !== null && source.recapSite !== null ? postInSite(source.recapSite, inLanguage.sourcePath) : null;
  const named = inLanguage ? { ...source, recapPath: inLanguage.sourcePath } : source;
  const layout = layOut({ req, source: named, profile, siteLang: site?.profile.defaultLang, timeZone: publishingZone(opened, profile), ownPath, place: at === null ? chosen.place : null, previousPost: previous?.post, inLanguage });
  const look = root !== null ? lookAt(fs, root, previous, ownFile) : null;

  const coverKey = sourceProfile.photos.coverField;
  const { imagesRel } = layout;
  // The images as the target's site reads the post (a Liquid link is none on Hugo), with the
  // post's own switches (render_with_liquid, format): the preflight's reading.
  const checked = checkedProfile(profile, layout, ownPath, opened);
  const reading = readingOfPost(checked, text);
  const search: ImageSearch = { recapPath, sourceProfile, profile, root, siteRoot: site !== null ? root : null, imagesRel, keepPlaces: keepPlaces(layout, chosen.place, source.recapSite, recapPath, profile, plainPageOf(recapPath, text, sourceProfile)), reading };
  const refs = findRecapImages(text, coverKey, reading);
  let onCopy: FoundImages['onCopy'] = null;
  if (staged !== null && root !== null) {
    // The staging folders of the photos and of the post, made before the photos are found.
    const folders = [imagesRel !== null ? targetPath(root, imagesRel) : null, layout.post !== null ? path.dirname(targetPath(root, layout.post)) : null];
    await Promise.all(folders.map((dir) => (dir !== null ? staged.prepare(dir) : null)));
  }
  if (staged !== null && look !== null && root !== null && imagesRel !== null) {
    onCopy = (file, name, at) => {
      const rel = at ?? `${imagesRel}/${name}`;
      const abs = targetPath(root, rel);
      if (surelyNew(look, abs)) staged.add({ path: rel, abs, source: file, data: null });
    };
  }
  const found = locateImages(refs, search, onCopy);
  const { unused, folder } = addUnusedPhotos(search, layout.imageDir, req.leaveOutUnused === true, found, cardPicker(profile, layout, text));
  const leftBehind = leftBehindOf(search, folder, unused, found);
  // Under a site's base path (Jekyll's baseurl, Hugo's baseURL), a link written without Liquid carries it (linkedAs).
  const plainLink = (url: string): string => linkedAs(url, reading, profile.baseUrlPath);
  const postText = imagesRel === null ? text : rewriteImageLinks(text, found.located, (file) => found.byFile.get(file)?.name, layout.urlFor, coverKey, coverReading(profile, reading), plainLink);

  const { entries, sourceStats } = plannedFiles(layout, postText, found);
  const state = await compareWithTarget({ look, zipFile }, entries, sourceStats, previous);
  const { slug, lang, imageDir, post, postFrom } = layout;
  const all = ownFile === null && opened.target.kind === 'site' && site !== null ? sitePlaces(site) : undefined;
  const places = all ? { all, section: placeOf(site?.profile, all, post) ?? all.find((p) => p.post === profile.post)?.name ?? null } : undefined;
  const plan: Plan = { target: req.target, profile, slug, lang, imageDir, post, postFrom, ...(places ? { places } : {}), root, zipFile, zipConflict: state.zipConflict, entries, removals: state.removals, unused, problems: [], manifestFile, manifest, key };
  return { plan, staged, facts: { req, fs, text, recapPath, layout, checked, found, folder, leftBehind, ownPath, previousPost: previous?.post, sourcePost, state } };
}

/**
 * The files of the post's own folder this export does not carry (left-behind.ts): none where
 * the photos go into that very folder (the post's own place in its site).
 */
function leftBehindOf(search: ImageSearch, folder: string, unused: readonly string[], found: FoundImages): string[] {
  const { root, imagesRel, recapPath, sourceProfile } = search;
  const into = root !== null && imagesRel !== null ? realpathOrNull(targetPath(root, imagesRel)) : null;
  if ((into !== null && into === realpathOrNull(folder)) || !ownFolder(recapPath, sourceProfile)) return [];
  // Copied, served in place, or a linked file the checks already name (refused, not an image).
  const linked = found.images.flatMap((img) => (img.file ? [img.file] : []));
  const carried = new Set([...found.byFile.keys(), ...found.servedInPlace, ...linked].map((f) => realpathOrNull(f) ?? f));
  return filesLeftBehind(folder, (file) => carried.has(file), new Set(unused));
}

/**
 * Which of a site's places (sitePlaces, for its profile `profile`) a post path of it is in, by
 * name; null when none (or no path yet: the place whose pattern the plan used is named then).
 */
function placeOf(profile: SiteProfile | undefined, places: PostPlace[], post: string | null): string | null {
  if (post === null || profile === undefined) return null;
  const fits = (p: PostPlace): boolean => matchPostPath(post, { ...profile, post: fillPattern(p.post, { section: profile.section }) }) !== null;
  return places.find(fits)?.name ?? null;
}

/** The zone the target publishes dates in: a Jekyll site's `timezone`; in a folder or .zip, the one of the post's own site (its profile's). */
function publishingZone({ site, root }: OpenedTarget, profile: SiteProfile): string | undefined {
  if (site === null || root === null) return profile.timezone;
  return site.generator === 'jekyll' ? jekyllTimezone(root) : undefined;
}

/**
 * The rules the post is checked by: a new post named by its date (Docusaurus, Jekyll) takes the
 * date from its name, as the site's own posts do; in a site, it is read as that site reads its
 * posts (Docusaurus' `markdown.format`), as a post already there is.
 */
function checkedProfile(profile: SiteProfile, layout: Layout, ownPath: string | null, { site, root }: OpenedTarget): SiteProfile {
  if (ownPath !== null || layout.post === null) return profile;
  return site !== null && root !== null ? newPostProfile(site, profile, path.join(root, ...layout.post.split('/'))) : rulesForPost(profile, layout.post);
}

/** The checks of a draft plan: other posts with its slug, the images' pixel sizes, the preflight checklist. */
export async function finishPlan(draft: PlanDraft): Promise<Plan> {
  const { plan, facts } = draft;
  const { req, fs, text, recapPath, layout, found, state } = facts;
  const { root, profile, entries, unused } = plan;
  await addPixelSizes(found);
  const collisions =
    root !== null && layout.slugOk && facts.ownPath === null && layout.pinned === null
      ? await findCollisions(fs, root, profile, { slug: layout.slug, lang: layout.lang, post: layout.post, previousPost: facts.previousPost, sourcePost: facts.sourcePost }, entries)
      : [];

  entries.sort((a, b) => (a.kind === b.kind ? a.path.localeCompare(b.path) : a.kind === 'post' ? -1 : 1));
  const post = entries.find((e) => e.kind === 'post')?.data;
  const problems = preflight({
    text,
    ...(post ? { written: post.toString('utf8') } : {}),
    recapPath,
    profile: facts.checked,
    images: found.images,
    unused,
    unusedFolder: unused.length > 0 ? facts.folder : null,
    leftBehind: facts.leftBehind,
    leftFolder: facts.folder,
    leaveOutUnused: req.leaveOutUnused === true,
    // A post written to its own file keeps its name, whatever the slug would be.
    slug: layout.postFrom === 'own' ? null : layout.slug,
    postPathError: layout.postPathError,
    collisions,
    overwrite: req.overwrite === true,
    blockedByFolders: state.blockedByFolders,
    outsideTarget: state.outsideTarget,
    keptStale: state.keptStale,
  });
  return { ...plan, problems };
}

/** The plan of one recap (`at`: see planWrites). */
export async function makePlan(req: ExportRequest, options: ExportOptions, at: string | null = null): Promise<Plan> {
  return finishPlan(await planWrites(req, options, at));
}

/** The files the export would replace without being allowed to (relative to the target), or the .zip. */
export function conflictsOf(plan: Plan): string[] {
  if (plan.zipFile !== null) return plan.zipConflict ? [path.basename(plan.zipFile)] : [];
  return plan.entries.filter((e) => e.conflict).map((e) => e.path);
}

export function reportOf(plan: Plan, extra: { dryRun: boolean; written: boolean; gitStatus: string | null; zip: ExportReport['zip'] }): ExportReport {
  const isZip = plan.zipFile !== null;
  const files: ExportFile[] = [...plan.entries, ...plan.removals].map((e) => ({
    path: e.path,
    kind: e.kind,
    status: isZip ? 'added' : e.status,
    bytes: e.bytes,
    source: e.source,
  }));
  const having = (s: ExportFile['status']): string[] => files.filter((f) => f.status === s).map((f) => f.path);
  return {
    target: plan.target,
    profile: plan.profile.name,
    slug: plan.slug,
    lang: plan.lang,
    imageDir: plan.imageDir,
    post: plan.post,
    postFrom: plan.postFrom,
    ...(plan.places ? { places: plan.places.all, section: plan.places.section } : {}),
    dryRun: extra.dryRun,
    written: extra.written,
    files,
    added: having('added'),
    changed: having('changed'),
    unchanged: having('unchanged'),
    removed: having('removed'),
    conflicts: conflictsOf(plan),
    unused: plan.unused,
    problems: plan.problems,
    gitStatus: extra.gitStatus,
    zip: extra.zip,
  };
}
