// The export's target: a site checkout, a folder or a .zip, checked before anything is
// planned, and the profile the target is laid out by.

import * as path from 'node:path';
import type { ExportRequest, ExportTarget, SiteInfo, SiteProfile } from '../../core/contract';
import { RecapError } from '../../core/errors';
import { loadProfile } from '../site/profile';
import { detectSite, postProfile } from '../site/site';
import { rulesForPost } from '../site/site-rules';
import { statNow } from './disk';
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

/**
 * The profile the target is laid out by: the request's, else the caller's, the site's, or the
 * recap's own. A post already in the target site is exported where it lives (its own path,
 * file name and case), under the rules its site's posts follow.
 */
export function targetProfile(
  req: Pick<ExportRequest, 'slug' | 'lang' | 'profile'>,
  options: Pick<ExportOptions, 'targetProfile'>,
  recapPath: string,
  sourceProfile: SiteProfile,
  opened: OpenedTarget,
): { profile: SiteProfile; ownPath: string | null } {
  const { root, site } = opened;
  const ownPath = opened.target.kind === 'site' && root !== null && req.slug === undefined && req.lang === undefined ? postInSite(root, recapPath) : null;
  const layout = req.profile ? loadProfile(req.profile) : options.targetProfile ?? site?.profile ?? sourceProfile;
  // The post's own rules where it lives: its site's as they apply to it (a plain-file Hugo post's image folder, a date from its name).
  const own = (): SiteProfile => (site !== null && layout === site.profile ? postProfile(site, recapPath) : rulesForPost(layout, recapPath));
  const profile = ownPath !== null && !req.profile ? own() : layout;
  return { profile, ownPath };
}
