// The service's site and export methods: the sites the author pointed Recap Studio at, and the
// export that writes a recap into one (or a folder, or a zip).

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { RecapError } from '../core/errors';
import { exportRecap, planExport } from './export/export';
import type { ExportOptions } from './export/types';
import { looksLikeSite } from './site/site';
import type { ServiceContext } from './service-context';
import type { RecapService } from './service';
import { msg } from '../core/i18n/messages';

export type SiteMethodName = 'listSites' | 'rememberSite' | 'forgetSite';
export type ExportMethodName = 'planExport' | 'exportRecap';
type SiteMethods = Pick<RecapService, SiteMethodName>;
type ExportMethods = Pick<RecapService, ExportMethodName>;

export function siteMethods(ctx: ServiceContext): SiteMethods {
  const { sites } = ctx;
  return {
    listSites: () => sites().list(),
    async rememberSite(req) {
      const dir = path.resolve(req.dir);
      // A wrong folder would get a content/ and static/ tree of its own: say so instead.
      const stat = await fs.stat(dir).catch(() => null);
      if (stat?.isDirectory() && !looksLikeSite(dir)) {
        throw new RecapError(
          'BAD_REQUEST',
          msg('error.notASite', { path: dir }),
        );
      }
      return sites().remember(dir);
    },
    forgetSite: (req) => sites().forget(path.resolve(req.root)),
  };
}

export function exportMethods(ctx: ServiceContext): ExportMethods {
  const { sites, drafts, shown, dataDir } = ctx;
  // A draft for a site links images that site already serves (a shared logo): its plan finds
  // them where its lint and preview do.
  const options = (recapPath: string): ExportOptions => {
    const own = ctx.isDraftFile(recapPath) ? ctx.profileFor(recapPath) : null;
    return { dataDir: dataDir(), ...(own?.siteImageRoots !== undefined ? { sourceProfile: own } : {}) };
  };
  return {
    planExport: (req) => planExport({ ...req, dryRun: true }, options(req.recapPath)),
    async exportRecap(req) {
      const report = await exportRecap(req, options(req.recapPath));
      if (report.written && report.target.kind === 'site') await sites().remember(report.target.dir).catch(() => undefined);
      // The recap now lives in the site: its draft follows the post (a new recap is linked to
      // it; Save then writes there, and knows this write was its own).
      if (report.target.kind === 'site' && report.post !== null && !report.dryRun && (report.written || report.unchanged.includes(report.post))) {
        const postFile = path.join(report.target.dir, ...report.post.split('/'));
        const text = await fs.readFile(postFile, 'utf8').catch(() => null);
        const draft = text === null ? null : await drafts().adoptExportedPost(req.recapPath, postFile, text).catch(() => null);
        return { ...report, linkedTo: draft && text !== null ? { path: postFile, text, draft: shown(draft), profile: ctx.profileFor(postFile) } : null };
      }
      return report;
    },
  };
}
