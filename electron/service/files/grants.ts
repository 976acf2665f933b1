// Grants: the paths a page may name. A page (Electron's renderer, the browser mode's tab) can
// send any string, so every service method that takes a path checks that the author picked it:
// a recap file opened or saved in this session (or a draft's own file, a recent file), a folder
// chosen as an export target or a site. File grants and folder grants are kept apart: a folder
// chosen for export is never accepted where a recap file is expected, and the reverse.

import * as path from 'node:path';
import type { DraftSummary, ExportRequest, ExportTarget, PhotoSource } from '../../core/contract';
import { RecapError } from '../../core/errors';
import type { RecapService } from '../service';
import { msg } from '../../core/i18n/messages';

export interface Grants {
  grantFile(p: string): void;
  grantFolder(p: string): void;
  /** The absolute path when the file was granted; a refusal naming it otherwise. */
  requireFile(p: string): string;
  requireFolder(p: string): string;
}

export function createGrants(): Grants {
  const files = new Set<string>();
  const folders = new Set<string>();
  return {
    // A path is a file grant or a folder grant, never both: the first grant decides.
    grantFile(p) {
      const full = path.resolve(p);
      if (!folders.has(full)) files.add(full);
    },
    grantFolder(p) {
      const full = path.resolve(p);
      if (!files.has(full)) folders.add(full);
    },
    requireFile(p) {
      const full = path.resolve(p);
      if (!files.has(full)) {
        throw new RecapError('BAD_REQUEST', msg(folders.has(full) ? 'error.refused.fileIsFolder' : 'error.refused.fileNotOpened', { path: full }));
      }
      return full;
    },
    requireFolder(p) {
      const full = path.resolve(p);
      if (!folders.has(full)) {
        throw new RecapError('BAD_REQUEST', msg(files.has(full) ? 'error.refused.folderIsFile' : 'error.refused.folderNotChosen', { path: full }));
      }
      return full;
    },
  };
}

/** The checks and grants guardService applies to the requests and results of a page. */
interface Guards {
  grants: Grants;
  /** Grants a draft's own files (and its linked file) to the page. */
  draft<T extends Pick<DraftSummary, 'recapPath' | 'photoRecapPath' | 'linkedPath'>>(d: T): T;
  /** A recap file the page names: granted first when the page is the picker. */
  file(p: string): string;
  /** A folder the page names: granted first when the page is the picker. */
  folder(p: string): string;
  recap<T extends { recapPath: string }>(req: T): T;
  source(s: PhotoSource): PhotoSource;
  exportReq(req: ExportRequest): ExportRequest;
}

function createGuards(grants: Grants, pick: boolean): Guards {
  const folder = (p: string): string => {
    if (pick) grants.grantFolder(p);
    return grants.requireFolder(p);
  };
  return {
    grants,
    draft: (d) => {
      grants.grantFile(d.recapPath);
      grants.grantFile(d.photoRecapPath);
      if (d.linkedPath) grants.grantFile(d.linkedPath);
      return d;
    },
    file: (p) => {
      if (pick) grants.grantFile(p);
      return grants.requireFile(p);
    },
    folder,
    recap: (req) => ({ ...req, recapPath: grants.requireFile(req.recapPath) }),
    source: (s) => {
      // A photo by path is only one the door's own dialog or a drop granted (never in the browser mode).
      if ('path' in s) return { path: grants.requireFile(s.path) };
      return s;
    },
    exportReq: (req) => {
      const t = req.target;
      const target: ExportTarget = t.kind === 'zip' ? { kind: 'zip', file: path.join(folder(path.dirname(t.file)), path.basename(t.file)) } : { kind: t.kind, dir: folder(t.dir) };
      return { ...req, recapPath: grants.requireFile(req.recapPath), target };
    },
  };
}

/** The methods that open, make or save recaps and drafts: every draft they return is granted. */
function guardedDrafts(service: RecapService, { draft, file, grants }: Guards): Partial<RecapService> {
  return {
    openRecap: async (req) => {
      const r = await service.openRecap({ path: file(req.path) });
      draft(r.draft);
      return r;
    },
    newRecap: async (req) => {
      const r = await service.newRecap(req);
      draft(r.draft);
      return r;
    },
    openDraft: async (req) => {
      const r = await service.openDraft(req);
      draft(r.draft);
      return r;
    },
    recoverSession: async () => {
      const r = await service.recoverSession();
      r.reopen.forEach(draft);
      return r;
    },
    homeData: async (req) => {
      const r = await service.homeData(req);
      r.drafts.forEach(draft);
      for (const f of r.recent) grants.grantFile(f.path);
      // A draft's translations that exist (found by translationsOf, inside its site): the home screen's language chips open them.
      for (const d of r.drafts) for (const l of d.languageGroup?.languages ?? []) if (l.exists) grants.grantFile(l.path);
      return r;
    },
    autosave: async (req) => draft(await service.autosave(req)),
    saveToFile: async (req) => {
      const r = await service.saveToFile(req.path !== undefined ? { ...req, path: file(req.path) } : req);
      draft(r.draft);
      return r;
    },
    reloadLinkedFile: async (req) => {
      const r = await service.reloadLinkedFile(req);
      draft(r.draft);
      return r;
    },
    duplicateDraft: async (req) => draft(await service.duplicateDraft(req)),
    restoreDraft: async (req) => draft(await service.restoreDraft(req)),
  };
}

/** The methods that take a recap's path, a photo, a site or an export target from the page. */
function guardedPaths(service: RecapService, { draft, file, folder, recap, source, exportReq, grants }: Guards): Partial<RecapService> {
  return {
    saveRecap: async (req) => service.saveRecap({ ...req, path: file(req.path) }),
    lintRecap: async (req) => service.lintRecap({ ...req, path: req.path === null ? null : grants.requireFile(req.path) }),
    resolveImages: async (req) => service.resolveImages({ ...req, recapPath: req.recapPath === null ? null : grants.requireFile(req.recapPath) }),
    photoFolder: async (req) => service.photoFolder(recap(req)),
    importPhoto: async (req) => service.importPhoto({ ...recap(req), source: source(req.source) }),
    listPhotos: async (req) => service.listPhotos(recap(req)),
    linkedPhotos: async (req) => service.linkedPhotos(recap(req)),
    copyLinkedPhoto: async (req) => service.copyLinkedPhoto(recap(req)),
    removePhoto: async (req) => service.removePhoto(recap(req)),
    restorePhoto: async (req) => service.restorePhoto(recap(req)),
    replacePhoto: async (req) => service.replacePhoto({ ...recap(req), source: source(req.source) }),
    listSites: async () => {
      const list = await service.listSites();
      for (const s of list) grants.grantFolder(s.root);
      return list;
    },
    rememberSite: async (req) => {
      const site = await service.rememberSite({ dir: folder(req.dir) });
      grants.grantFolder(site.root);
      return site;
    },
    // A translation is made beside a recap the author opened; the new post is theirs to open.
    addTranslation: async (req) => {
      const made = await service.addTranslation({ ...req, path: grants.requireFile(req.path) });
      grants.grantFile(made.path);
      return made;
    },
    translationsOf: async (req) => {
      const set = await service.translationsOf({ path: grants.requireFile(req.path) });
      for (const e of set.entries) if (e.exists) grants.grantFile(e.path);
      return set;
    },
    translationView: async (req) => service.translationView({ path: grants.requireFile(req.path) }),
    planExport: async (req) => service.planExport(exportReq(req)),
    exportRecap: async (req) => {
      const report = await service.exportRecap(exportReq(req));
      // The draft now linked to the exported post: the page may save to that file.
      if (report.linkedTo) draft(report.linkedTo.draft);
      return report;
    },
  };
}

/**
 * The service as a page may call it: paths the page sends are checked against `grants`, and
 * the paths the author picks through the page (Open and Save As in the browser mode's picker,
 * an export target typed in the dialog, a site) or the service hands out (drafts, recent files,
 * remembered sites) become granted. `picksPaths` says whether the page itself is the picker
 * (the browser mode, which has no native dialogs): then an opened path or a typed export
 * target is the author's pick; otherwise only the door's dialogs grant.
 */
export function guardService(service: RecapService, grants: Grants, options: { picksPaths: boolean }): RecapService {
  const guards = createGuards(grants, options.picksPaths);
  return { ...service, ...guardedDrafts(service, guards), ...guardedPaths(service, guards) };
}
