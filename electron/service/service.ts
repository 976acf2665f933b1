// The service: every real job of Recap Studio, in plain Node. The doors (Electron IPC, the
// browser-mode server, the CLI) translate calls to these methods and nothing else.

import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { DirListing, ImageLookup, OpenedRecap, Problem, RecapApi, SaveResult, SiteProfile } from '../core/contract';
import { RecapError, describeFsError } from '../core/errors';
import { byPosition, recapTextChecks } from './recap/recap-checks';
import { readFrontMatter } from '../core/frontmatter/frontmatter';
import { assetPath, imageFolderFor, loadProfile } from './site/profile';
import { newRecapText, slugify } from '../core/recap/template';
import { fillArchetype, listArchetypes, templateBody } from './site/archetypes';
import { writeFileAtomic, type AtomicFs } from './files/atomic-write';
import { resolveImage } from './files/containment';
import { imageProblems } from './recap/image-problems';
import { createPhotoLibrary } from './photos/photos';
import { createSiteRegistry, looksLikeSite, profileForRecap, siteRootAbove, type SiteRegistry } from './site/site';
import { exportRecap, planExport } from './export/export';
import { rulesForPost, rulesGiven } from './site/site-rules';
import { createDraftStore, defaultDraftsHome, type DraftStore } from './drafts/drafts';
import type { DraftSummary } from '../core/contract';
import { isSafeImageDir } from '../core/markdown/photo-names';
import { imageDirFromText } from './recap/image-dir';
import { isRecapFileName, RECAP_EXTENSIONS } from './files/recap-file';

export { isRecapFileName, readRecapFile, MAX_RECAP_BYTES, RECAP_EXTENSIONS } from './files/recap-file';

export type RecapService = Pick<
  RecapApi,
  | 'newRecap'
  | 'openRecap'
  | 'saveRecap'
  | 'lintRecap'
  | 'resolveImages'
  | 'listDirectory'
  | 'photoFolder'
  | 'importPhoto'
  | 'listPhotos'
  | 'removePhoto'
  | 'restorePhoto'
  | 'replacePhoto'
  | 'recoverSession'
  | 'homeData'
  | 'openDraft'
  | 'autosave'
  | 'saveToFile'
  | 'checkLinkedFile'
  | 'reloadLinkedFile'
  | 'duplicateDraft'
  | 'deleteDraft'
  | 'restoreDraft'
  | 'listHistory'
  | 'diffSnapshot'
  | 'restoreSnapshot'
  | 'setOpenDrafts'
  | 'coverThumbnail'
  | 'removeRecentFile'
  | 'listSites'
  | 'rememberSite'
  | 'forgetSite'
  | 'planExport'
  | 'exportRecap'
> & {
  /** A normal quit: the next start has nothing to recover. Called by the doors, not the page. */
  markSessionClean(): Promise<void>;
};

export interface ServiceOptions {
  /** Turns a local image path into a URL the door's renderer can load. */
  assetUrl?: (absPath: string) => string;
  /** Injected by tests to make one fs call fail. */
  fs?: AtomicFs;
  /** Thumbnails and the photo trash (never in the site). Default: the XDG cache folder. */
  cacheDir?: string;
  /** The app's data folder (drafts, history, session). Default: RECAP_STUDIO_HOME or XDG data. */
  home?: string;
}

export function createRecapService(options: ServiceOptions = {}): RecapService {
  const assetUrl = options.assetUrl ?? ((p: string) => `file://${p.split(path.sep).map(encodeURIComponent).join('/')}`);
  // A recap inside a site checkout uses that site's profile (Jekyll, Docusaurus, .recap-studio.yml).
  const profileFor = (recapPath: string | null): SiteProfile => profileForRecap(recapPath);
  const isDraftFile = (p: string): boolean => path.dirname(path.dirname(path.resolve(p))) === path.join(dataDir(), 'drafts');
  /**
   * A draft of the built-in event-recap template (it has every field the template's profile
   * requires) is checked against that profile, as export into such a site will check it: the
   * Problems panel must not call it ready while export would refuse it. Other drafts (from a
   * site's archetype) get the generic checks.
   */
  const draftRules = (recapPath: string | null, text: string): SiteProfile | null => {
    if (recapPath === null || !isDraftFile(recapPath)) return null;
    const profile = loadProfile();
    const keys = new Set(readFrontMatter(text).fields.map((f) => f.key));
    const required = profile.fields.filter((f) => f.required);
    if (required.length === 0 || !required.every((f) => keys.has(f.key))) return null;
    return rulesGiven(profile, 'the one the built-in event-recap template is written for; export into a site checks that site\'s rules');
  };
  const dataDir = (): string => options.home ?? defaultDraftsHome();
  let registry: SiteRegistry | null = null;
  const sites = (): SiteRegistry => (registry ??= createSiteRegistry(dataDir()));
  // Created on first use: the CLI's commands never touch the data folder.
  let store: DraftStore | null = null;
  const drafts = (): DraftStore => (store ??= createDraftStore({ ...(options.home ? { home: options.home } : {}), profileFor: (p) => profileFor(p) }));
  /** Local paths in a summary become URLs the renderer can load. */
  const shown = (d: DraftSummary): DraftSummary => ({ ...d, coverThumb: d.coverThumb ? assetUrl(d.coverThumb) : null });
  const photos = createPhotoLibrary({ assetUrl, ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}), profileFor });

  async function exists(p: string): Promise<boolean> {
    try {
      await fs.access(p);
      return true;
    } catch {
      return false;
    }
  }

  /** Where each image URL's file is, under the containment rule: refused links are never read. */
  async function lookup(recapPath: string | null, urls: string[]): Promise<ImageLookup[]> {
    const profile = profileFor(recapPath);
    return urls.map((url): ImageLookup => {
      const hit = resolveImage(url, recapPath, [profile]);
      switch (hit.kind) {
        case 'remote':
        case 'inline':
          return { url, src: /^(https?:|data:image\/)/i.test(url) ? url : null, localPath: null };
        case 'found':
          return { url, src: assetUrl(hit.file), localPath: hit.file };
        case 'missing':
          return { url, src: null, localPath: hit.lookedFor };
        case 'refused':
          return { url, src: null, localPath: null, refused: hit.reason };
      }
    });
  }

  /** A new recap from an archetype of a site the author pointed Recap Studio at (never an arbitrary folder). */
  async function fromArchetype(want: { site: string; archetype: string }, title: string | undefined, template: string): Promise<string> {
    const site = (await sites().list()).find((s) => s.root === path.resolve(want.site) && s.available);
    if (!site) throw new RecapError('NOT_FOUND', `${want.site} is not one of your sites: export to it once (or choose it in the export dialog) to use its archetypes.`);
    const archetype = listArchetypes(site.root).find((a) => a.name === want.archetype);
    if (!archetype) throw new RecapError('NOT_FOUND', `The site ${site.root} has no archetype "${want.archetype}" (archetypes/${want.archetype}.md).`);
    const name = title ? slugify(title) : 'recap';
    const section = archetype.name === 'default' ? site.profile.section : archetype.name;
    const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    return fillArchetype(await fs.readFile(archetype.file, 'utf8'), { name, section, date, ...(title !== undefined ? { title } : {}) }, templateBody(template)).text;
  }

  return {
    async newRecap(req) {
      const template = await fs.readFile(assetPath('templates', 'event-recap.md'), 'utf8');
      // The event date is left for the author: the form and lint ask for it.
      const opts: { title?: string } = {};
      if (req.title !== undefined) opts.title = req.title;
      const text = req.template ? await fromArchetype(req.template, req.title, template) : newRecapText(template, opts);
      const draft = await drafts().createDraft(text);
      // The form shows the rules lint applies: the template's profile for a draft of it.
      const profile = draftRules(draft.recapPath, text) ?? profileFor(null);
      return { path: null, text, profile, mtimeMs: null, draft: shown(draft), linked: { state: 'unlinked', path: null, unsavedToFile: false }, recovered: null };
    },

    async openRecap(req): Promise<OpenedRecap> {
      const file = path.resolve(req.path);
      // openFile reads the file first: one that is not a recap is refused before any draft is made.
      const opened = await drafts().openFile(file);
      const mtimeMs = (await fs.stat(file)).mtimeMs;
      // A post opened from a site checkout goes back there: the site becomes an export target.
      const site = siteRootAbove(file);
      if (site !== null) await sites().remember(site).catch(() => undefined);
      return { path: file, text: opened.text, profile: profileFor(file), mtimeMs, draft: shown(opened.draft), linked: opened.linked, recovered: opened.recovered };
    },

    async openDraft(req): Promise<OpenedRecap> {
      const loaded = await drafts().loadDraft(req.id);
      const linked = await drafts().checkLinkedFile(req.id);
      const file = loaded.draft.linkedPath;
      const mtimeMs = file ? ((await fs.stat(file).catch(() => null))?.mtimeMs ?? null) : null;
      const profile = (file === null ? draftRules(loaded.draft.recapPath, loaded.text) : null) ?? profileFor(file);
      return { path: file, text: loaded.text, profile, mtimeMs, draft: shown(loaded.draft), linked, recovered: loaded.recovered };
    },

    async recoverSession() {
      await drafts().purgeTrash().catch(() => 0);
      const r = await drafts().recoverSession();
      return { ...r, reopen: r.reopen.map(shown) };
    },

    async homeData(req) {
      const [list, recent, trash] = await Promise.all([drafts().listDrafts(req.query ? { query: req.query } : {}), drafts().listRecentFiles(), drafts().listTrash()]);
      return { drafts: list.map(shown), recent, trash };
    },

    async autosave(req) {
      return shown((await drafts().saveDraft(req.id, req.text, req.snapshot ? { snapshot: true } : {})).draft);
    },

    async saveToFile(req) {
      const linked =
        req.path !== undefined
          ? await drafts().saveDraftAs(req.id, req.path, req.text, req.overwrite ? { overwrite: true } : {})
          : await drafts().writeBackLinkedFile(req.id, req.text, 'expectHash' in req ? { expectHash: req.expectHash ?? null } : {});
      const draft = (await drafts().loadDraft(req.id)).draft;
      return { draft: shown(draft), linked };
    },

    checkLinkedFile: (req) => drafts().checkLinkedFile(req.id),
    async reloadLinkedFile(req) {
      const r = await drafts().reloadLinkedFile(req.id);
      return { text: r.text, draft: shown(r.draft) };
    },
    duplicateDraft: async (req) => shown(await drafts().duplicateDraft(req.id)),
    deleteDraft: (req) => drafts().deleteDraft(req.id),
    restoreDraft: async (req) => shown(await drafts().restoreDraft(req.id)),
    listHistory: (req) => drafts().listHistory(req.id),
    diffSnapshot: (req) => drafts().diffSnapshot(req.id, req.snapId),
    async restoreSnapshot(req) {
      const r = await drafts().restoreSnapshot(req.id, req.snapId);
      return { text: r.text, draft: shown(r.draft) };
    },
    setOpenDrafts: (req) => drafts().setOpenDrafts(req.ids),
    async coverThumbnail(req) {
      const thumb = await drafts().coverThumbnail(req.id);
      return thumb ? assetUrl(thumb) : null;
    },
    removeRecentFile: (req) => drafts().removeRecentFile(req.path),
    listSites: () => sites().list(),
    async rememberSite(req) {
      const dir = path.resolve(req.dir);
      // A wrong folder would get a content/ and static/ tree of its own: say so instead.
      const stat = await fs.stat(dir).catch(() => null);
      if (stat?.isDirectory() && !looksLikeSite(dir)) {
        throw new RecapError(
          'BAD_REQUEST',
          `${dir} does not look like a website checkout: it has no hugo.toml, config.toml, config.yaml, _config.yml, docusaurus.config.* or .recap-studio.yml. Choose the site's top folder, or export to a folder instead.`,
        );
      }
      return sites().remember(dir);
    },
    forgetSite: (req) => sites().forget(path.resolve(req.root)),
    planExport: (req) => planExport({ ...req, dryRun: true }, { dataDir: dataDir() }),
    async exportRecap(req) {
      const report = await exportRecap(req, { dataDir: dataDir() });
      if (report.written && report.target.kind === 'site') await sites().remember(report.target.dir).catch(() => undefined);
      // The recap now lives in the site: its draft follows the post (a new recap is linked to
      // it; Save then writes there, and knows this write was its own).
      if (report.target.kind === 'site' && report.post !== null && !report.dryRun && (report.written || report.unchanged.includes(report.post))) {
        const postFile = path.join(report.target.dir, ...report.post.split('/'));
        const text = await fs.readFile(postFile, 'utf8').catch(() => null);
        const draft = text === null ? null : await drafts().adoptExportedPost(req.recapPath, postFile, text).catch(() => null);
        return { ...report, linkedTo: draft && text !== null ? { path: postFile, text, draft: shown(draft) } : null };
      }
      return report;
    },
    markSessionClean: async () => {
      if (store) await store.markSessionClean();
    },

    async saveRecap(req): Promise<SaveResult> {
      const file = path.resolve(req.path);
      if (!isRecapFileName(file)) throw new RecapError('SAVE_FAILED', `Cannot save as ${file}: a recap is saved as a Markdown file (${RECAP_EXTENSIONS.join(', ')}).`);
      let current: { mtimeMs: number; isDirectory(): boolean } | null = null;
      try {
        current = await fs.stat(file);
      } catch {
        current = null;
      }
      if (current?.isDirectory()) throw new RecapError('SAVE_FAILED', `Cannot save ${file}: it is a folder.`);
      if (current && req.createOnly) throw new RecapError('EXISTS', `${file} already exists. Choose another name or confirm that it should be replaced.`);
      if (current && req.expectMtimeMs != null && Math.abs(current.mtimeMs - req.expectMtimeMs) > 1) {
        throw new RecapError('CHANGED_ON_DISK', `${path.basename(file)} was changed on disk by another program since you opened it. Saving would overwrite those changes.`);
      }
      if (!current && req.expectMtimeMs != null) {
        throw new RecapError('CHANGED_ON_DISK', `${path.basename(file)} was moved or deleted on disk since you opened it. Save again to write it back, or use Save As.`);
      }
      if (!(await exists(path.dirname(file)))) throw new RecapError('SAVE_FAILED', `Cannot save ${file}: the folder ${path.dirname(file)} does not exist.`);
      const bytes = Buffer.from(req.text, 'utf8');
      await writeFileAtomic(file, bytes, options.fs);
      const after = await fs.stat(file);
      return { path: file, bytes: bytes.length, mtimeMs: after.mtimeMs };
    },

    async lintRecap(req): Promise<Problem[]> {
      const given = req.profile ? rulesGiven(loadProfile(req.profile), 'given by name') : null;
      const profile = given ? (req.path ? rulesForPost(given, req.path) : given) : draftRules(req.path, req.text) ?? profileFor(req.path);
      const problems = recapTextChecks(req.text, profile);
      if (req.path) problems.push(...imageProblems(req.text, req.path, profile));
      return problems.sort(byPosition);
    },

    resolveImages: (req) => lookup(req.recapPath, req.urls),

    async photoFolder(req) {
      const file = path.resolve(req.recapPath);
      const profile = profileFor(file);
      // A draft's own file is always recap.md: its folder is named after its links or title instead.
      const imageDir = req.imageDir ?? imageDirFromText(req.text, profile, isDraftFile(file) ? null : file);
      if (!isSafeImageDir(imageDir)) {
        throw new RecapError('BAD_REQUEST', `"${imageDir}" cannot be an image folder name: use one word of letters, digits, dashes, dots or underscores (e.g. kcd-china).`);
      }
      return { imageDir, ...imageFolderFor(file, profile, imageDir) };
    },
    importPhoto: (req) => photos.importPhoto(req),
    listPhotos: (req) => photos.listPhotos(req),
    removePhoto: (req) => photos.removePhoto(req),
    restorePhoto: (req) => photos.restorePhoto(req),
    replacePhoto: (req) => photos.replacePhoto(req),

    async listDirectory(req): Promise<DirListing> {
      const dir = path.resolve(req.path ?? os.homedir());
      let names;
      try {
        names = await fs.readdir(dir, { withFileTypes: true });
      } catch (err) {
        throw new RecapError(((err as { code?: string }).code === 'ENOENT' ? 'NOT_FOUND' : 'UNREADABLE'), `Cannot list ${dir}: ${describeFsError(err)}.`);
      }
      const entries = names
        .filter((d) => !d.name.startsWith('.'))
        .filter((d) => d.isDirectory() || (d.isFile() && isRecapFileName(d.name)))
        .map((d) => ({ name: d.name, path: path.join(dir, d.name), kind: d.isDirectory() ? ('dir' as const) : ('file' as const) }))
        .sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'dir' ? -1 : 1));
      const parent = path.dirname(dir);
      return { path: dir, parent: parent === dir ? null : parent, entries };
    },
  };
}
