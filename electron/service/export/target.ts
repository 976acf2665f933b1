// The export's target: a site checkout, a folder or a .zip, checked before anything is
// planned, and the profile the target is laid out by.

import * as path from 'node:path';
import type { ExportRequest, ExportTarget, PostPlace, SiteInfo, SiteProfile } from '../../core/contract';
import { RecapError } from '../../core/errors';
import { fillPattern, loadProfile, postVarsFromPath } from '../site/profile';
import { detectSite, postProfile, profileInPlace, sitePlaces } from '../site/site';
import { rulesForPost } from '../site/site-rules';
import { statNow } from './disk';
import { translationPlace } from './language-place';
import { postInSite } from './layout';
import type { ExportOptions } from './types';
import { msg } from '../../core/i18n/messages';

export interface OpenedTarget {
  target: ExportTarget;
  /** The target folder (site and folder targets). */
  root: string | null;
  /** The .zip (zip targets). */
  zipFile: string | null;
  /** The detected site (site targets). */
  site: SiteInfo | null;
}

/** The target, resolved and checked: a site folder that exists, a folder or nothing there, a .zip in an existing folder. */
export function openTarget(target: ExportTarget): OpenedTarget {
  if (target.kind === 'site') {
    const root = path.resolve(target.dir);
    if (!statNow(root)?.isDirectory()) throw new RecapError('NOT_FOUND', msg('error.export.noSiteFolder', { path: root }));
    return { target, root, zipFile: null, site: detectSite(root) };
  }
  if (target.kind === 'folder') {
    const root = path.resolve(target.dir);
    const st = statNow(root);
    if (st && !st.isDirectory()) throw new RecapError('BAD_REQUEST', msg('error.export.targetIsFile', { path: root }));
    return { target, root, zipFile: null, site: null };
  }
  const zipFile = path.resolve(target.file);
  if (!/\.zip$/i.test(zipFile)) throw new RecapError('BAD_REQUEST', msg('error.export.zipName', { path: zipFile }));
  if (!statNow(path.dirname(zipFile))?.isDirectory()) throw new RecapError('NOT_FOUND', msg('error.export.zipNoFolder', { path: zipFile, folder: path.dirname(zipFile) }));
  if (statNow(zipFile)?.isDirectory()) throw new RecapError('BAD_REQUEST', msg('error.export.zipIsFolder', { path: zipFile }));
  return { target, root: null, zipFile, site: null };
}

/** The recap being exported, as targetProfile needs it: its path, its profile and the site it is a post of. */
export interface TargetSource {
  recapPath: string;
  sourceProfile: SiteProfile;
  /** The site the recap sits in (null outside any site). */
  sourceSite: SiteInfo | null;
}

/** The language a post of a site is in by its path: its language folder, a translation's, else its site's default. */
function ownLanguage(recapPath: string, sourceProfile: SiteProfile, sourceSite: SiteInfo | null): string | undefined {
  if (sourceSite === null) return undefined;
  return postVarsFromPath(recapPath, sourceProfile).lang ?? translationPlace(recapPath, sourceProfile)?.lang ?? sourceSite.profile.defaultLang;
}

/**
 * A site's post pattern with its section filled in and without how it dates a post (`{year}/`
 * folders, a `{date}-` in front): two checkouts of one site give the same, even where most of
 * one's posts are dated by folders and most of the other's by name.
 */
function postShape(profile: SiteProfile): string {
  const filled = fillPattern(profile.post, { section: profile.section });
  return filled.split('/').filter((seg) => !/^\{(year|month|day)\}$/.test(seg)).join('/').replace(/\{(date|month)\}-(\{day\}-)?/g, '');
}

/**
 * Whether the target takes the recap's post as its own site lays it out: a folder or a .zip
 * (the same layout), the recap's own site, or another checkout of a site of the same kind
 * (a second clone, the author's fork: same generator, posts in the same place).
 */
function sameLayout(opened: OpenedTarget, sourceSite: SiteInfo | null): boolean {
  const { site } = opened;
  if (opened.target.kind !== 'site') return true;
  if (site === null || sourceSite === null) return false;
  if (site.root === sourceSite.root) return true;
  return site.generator !== null && site.generator === sourceSite.generator && postShape(site.profile) === postShape(sourceSite.profile);
}

/**
 * The place a request's `section` names among the target site's (sitePlaces), or null
 * without one; refused when the target has no such place.
 */
export function chosenPlace(req: Pick<ExportRequest, 'section'>, opened: OpenedTarget): PostPlace | null {
  if (req.section === undefined) return null;
  const places = opened.target.kind === 'site' && opened.site !== null ? sitePlaces(opened.site) : undefined;
  const place = places?.find((p) => p.name === req.section);
  if (place) return place;
  if (!places) throw new RecapError('BAD_REQUEST', msg('error.export.noSections', { section: req.section }));
  throw new RecapError('BAD_REQUEST', msg('error.export.badSection', { section: req.section, sections: places.map((p) => `${p.name} (${p.folder})`).join(', ') }));
}

/**
 * The profile the target is laid out by: the request's, else the caller's, the site's, or the
 * recap's own. A post already in the target site is exported where it lives (its own path,
 * file name and case), under the rules its site's posts follow. A post of a site exported to
 * a folder, a .zip or another checkout of the same kind of site goes to the same place
 * (`place`: its path relative to its own site), its images where its site keeps them.
 */
export function targetProfile(
  req: Pick<ExportRequest, 'slug' | 'lang' | 'profile' | 'section'>,
  options: Pick<ExportOptions, 'targetProfile'>,
  source: TargetSource,
  opened: OpenedTarget,
): { profile: SiteProfile; ownPath: string | null; place: string | null } {
  const { recapPath, sourceProfile, sourceSite } = source;
  const { root, site } = opened;
  const section = req.profile ? null : chosenPlace(req, opened);
  // A post of the site stays its own file: another section would be a second copy of it, not a move.
  const inSite = section !== null && root !== null ? postInSite(root, recapPath) : null;
  if (inSite !== null) throw new RecapError('BAD_REQUEST', msg('error.export.sectionOfOwnPost', { post: inSite, section: section?.name ?? '' }));
  // A language asked for is a rename only when it is not the post's own (an export with its translations names every language); a section asked for moves the post there.
  const named = req.slug !== undefined || section !== null || (req.lang !== undefined && req.lang !== ownLanguage(recapPath, sourceProfile, sourceSite));
  const ownPath = opened.target.kind === 'site' && root !== null && !named ? postInSite(root, recapPath) : null;
  if (req.profile) return { profile: loadProfile(req.profile), ownPath, place: null };
  if (section !== null && site !== null) return { profile: profileInPlace(site, section), ownPath: null, place: null };
  if (options.targetProfile === undefined && sourceSite !== null && sameLayout(opened, sourceSite)) {
    // As in its own site: the post's own profile (its folder, its site's image folder).
    const place = ownPath === null && !named ? postInSite(sourceSite.root, recapPath) : null;
    return { profile: sourceProfile, ownPath, place };
  }
  const layout = options.targetProfile ?? site?.profile ?? sourceProfile;
  // The post's own rules where it lives: its site's as they apply to it (a plain-file Hugo post's image folder, a date from its name).
  const own = (): SiteProfile => (site !== null && layout === site.profile ? postProfile(site, recapPath) : rulesForPost(layout, recapPath));
  return { profile: ownPath !== null ? own() : layout, ownPath, place: null };
}
