// The Electron door: one IPC channel that validates the sender and the payload, then calls the
// service. Each method that names a path checks it against the author's grants (grants.ts); the
// native dialogs (dialogs.ts) are where grants come from.

import { app, BrowserWindow, ipcMain, nativeTheme, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron';
import * as os from 'node:os';
import * as path from 'node:path';
import type { DraftSummary, RecapApi } from '../core/contract';
import { RecapError } from '../core/errors';
import { dispatch } from '../core/dispatch';
import { createRecapService, type RecapService } from '../service/service';
import { warmHome, type WarmService } from '../service/warm-start';
import { showFolderDialog, showOpenDialog, showPhotoDialog, showSaveDialog } from './dialogs';
import { grantDraft, grantDropped, grantedExport, grantedRecapFolder as folder, grantFolder, grantPath, photoSource, requireFolder, requireGranted } from './grants';
import { deskMethods } from './desk';
import { noteDocument, noteView } from './menu';
import { assetUrl, isAppUrl } from './protocol';
import { isQuitRequested, windowState } from './window-state';
import { windowBackground } from './windows';
import { msg } from '../core/i18n/messages';

/** One service for every window: one drafts store, one session. Made once the app is ready. */
let shared: RecapService | null = null;
/** The start's warm-up listing (service/warm-start.ts), once started. */
let warm: WarmService | null = null;
function theService(): RecapService {
  return (shared ??= createRecapService({ assetUrl, cacheDir: path.join(app.getPath('userData'), 'cache'), home: app.getPath('userData') }));
}

/**
 * Lists the home screen once while the first window loads its page, so that the page's first list
 * finds the service's code compiled and the drafts' files cached. Called once, at start.
 */
export function warmService(): void {
  if (warm) return;
  warm = warmHome(theService());
  shared = warm.service;
}

/** A normal quit: the next start has no crash to recover from. */
export async function markSessionClean(): Promise<void> {
  await warm?.settled();
  await shared?.markSessionClean();
}

/** A recap the page opened: its files are the page's, and it is a recent document of the OS. */
function opened<T extends { draft: DraftSummary }>(r: T): T {
  grantDraft(r.draft);
  if (r.draft.linkedPath) app.addRecentDocument(r.draft.linkedPath);
  return r;
}

type Methods<K extends keyof RecapApi> = Pick<RecapApi, K>;

/** Opening, saving and checking recaps and drafts: only files the author granted. */
function recapMethods(service: RecapService): Methods<'openRecap' | 'newRecap' | 'openDraft' | 'recoverSession' | 'homeData' | 'saveToFile' | 'duplicateDraft' | 'restoreDraft' | 'saveRecap' | 'lintRecap' | 'resolveImages'> {
  return {
    openRecap: async (req) => opened(await service.openRecap({ path: requireGranted(req.path) })),
    newRecap: async (req) => opened(await service.newRecap(req)),
    openDraft: async (req) => opened(await service.openDraft(req)),
    recoverSession: async () => {
      const r = await service.recoverSession();
      r.reopen.forEach(grantDraft);
      return r;
    },
    homeData: async (req) => {
      const home = await service.homeData(req);
      // Recent files are files the author opened before: the home screen may reopen them.
      for (const f of home.recent) grantPath(f.path);
      // A draft's translations that exist (found by translationsOf, inside its site): the language chips open them.
      for (const d of home.drafts) for (const l of d.languageGroup?.languages ?? []) if (l.exists) grantPath(l.path);
      return home;
    },
    saveToFile: async (req) => {
      const saved = await service.saveToFile(req.path !== undefined ? { ...req, path: requireGranted(req.path) } : req);
      grantDraft(saved.draft);
      if (saved.linked.path) app.addRecentDocument(saved.linked.path);
      return saved;
    },
    duplicateDraft: async (req) => grantDraft(await service.duplicateDraft(req)),
    restoreDraft: async (req) => grantDraft(await service.restoreDraft(req)),
    saveRecap: async (req) => {
      const full = requireGranted(req.path);
      const saved = await service.saveRecap({ ...req, path: full });
      app.addRecentDocument(full);
      return saved;
    },
    // Lint and image lookups read the disk around a recap: only one the author opened, or the
    // page could probe which files exist anywhere.
    lintRecap: async (req) => service.lintRecap(req.path === null ? req : { ...req, path: requireGranted(req.path) }),
    resolveImages: async (req) => service.resolveImages(req.recapPath === null ? req : { ...req, recapPath: requireGranted(req.recapPath) }),
  };
}

/** Photos go only beside recaps the author opened or saved, and come only from picked or dropped files. */
function photoMethods(service: RecapService): Methods<'photoFolder' | 'importPhoto' | 'listPhotos' | 'linkedPhotos' | 'copyLinkedPhoto' | 'removePhoto' | 'restorePhoto' | 'replacePhoto'> {
  return {
    photoFolder: async (req) => service.photoFolder(folder(req)),
    importPhoto: async (req) => service.importPhoto({ ...folder(req), source: photoSource(req.source) }),
    listPhotos: async (req) => service.listPhotos(folder(req)),
    linkedPhotos: async (req) => service.linkedPhotos(folder(req)),
    copyLinkedPhoto: async (req) => service.copyLinkedPhoto(folder(req)),
    removePhoto: async (req) => service.removePhoto(folder(req)),
    restorePhoto: async (req) => service.restorePhoto(folder(req)),
    replacePhoto: async (req) => service.replacePhoto({ ...folder(req), source: photoSource(req.source) }),
  };
}

/** Export targets: folders the author chose in a dialog, or remembered sites (which were). */
function exportMethods(service: RecapService): Methods<'listSites' | 'rememberSite' | 'planExport' | 'exportRecap' | 'addTranslation' | 'translationsOf' | 'translationView'> {
  return {
    // Translations of a recap the author opened: the posts they find or make are theirs to open.
    addTranslation: async (req) => {
      const made = await service.addTranslation({ ...req, path: requireGranted(req.path) });
      grantPath(made.path);
      return made;
    },
    translationsOf: async (req) => {
      const set = await service.translationsOf({ path: requireGranted(req.path) });
      for (const e of set.entries) if (e.exists) grantPath(e.path);
      return set;
    },
    translationView: async (req) => service.translationView({ path: requireGranted(req.path) }),
    listSites: async () => {
      const list = await service.listSites();
      for (const s of list) grantFolder(s.root);
      return list;
    },
    rememberSite: async (req) => {
      const site = await service.rememberSite({ dir: requireFolder(req.dir) });
      grantFolder(site.root);
      return site;
    },
    planExport: async (req) => service.planExport(grantedExport(req)),
    exportRecap: async (req) => {
      const report = await service.exportRecap(grantedExport(req));
      // An export to a site remembers it: it becomes a target the page may name again.
      if (report.written && report.target.kind === 'site') grantFolder(report.target.dir);
      // The draft now linked to the exported post: the page may save to that file.
      if (report.linkedTo) opened({ draft: report.linkedTo.draft });
      return report;
    },
  };
}

/** The window itself: its native dialogs, its title and edited state, and closing it. */
function windowMethods(win: BrowserWindow): Methods<'appInfo' | 'showPhotoDialog' | 'showFolderDialog' | 'listDirectory' | 'showOpenDialog' | 'showSaveDialog' | 'setDocumentState' | 'setTheme' | 'closeWindow'> {
  return {
    appInfo: async () => ({ door: 'electron', nativeDialogs: true, homeDir: os.homedir(), version: app.getVersion() }),
    showPhotoDialog: async (req) => showPhotoDialog(win, req),
    showFolderDialog: async (req) => showFolderDialog(win, req),
    listDirectory: async () => {
      throw new RecapError('UNSUPPORTED', msg('error.useOpenDialog'));
    },
    showOpenDialog: async () => showOpenDialog(win),
    showSaveDialog: async (req) => showSaveDialog(win, req),
    setDocumentState: async (req) => {
      const state = windowState(win);
      state.doc = req;
      win.setTitle(req.title);
      win.setDocumentEdited(req.dirty);
      if (req.path) win.setRepresentedFilename(req.path);
      noteDocument(win);
    },
    // The native parts (menus, dialogs, the window's frame) follow the page's theme.
    setTheme: async (req) => {
      nativeTheme.themeSource = req.theme;
      win.setBackgroundColor(windowBackground());
      noteView({ theme: req.theme });
    },
    closeWindow: async () => {
      windowState(win).allowClose = true;
      win.close();
      // A quit that waited for this window to save goes on once it is closed (macOS keeps
      // the app alive otherwise).
      if (isQuitRequested() && BrowserWindow.getAllWindows().every((w) => w.isDestroyed() || w === win)) app.quit();
    },
  };
}

function apiFor(win: BrowserWindow): RecapApi {
  const service = theService();
  return {
    ...service,
    ...recapMethods(service),
    ...photoMethods(service),
    ...exportMethods(service),
    ...windowMethods(win),
    ...deskMethods(win),
  };
}

/**
 * The sender check of every channel: only the main frame of a window showing our own page
 * (app://recap/…) may talk to the main process, never a subframe or a navigated-away document.
 */
export function isTrustedSender(event: IpcMainEvent | IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame === event.sender.mainFrame && isAppUrl(frame.url);
}

export function installIpc(): void {
  const apis = new WeakMap<BrowserWindow, RecapApi>();
  // The preload reports the path of a file the author dropped or pasted (webUtils gives a
  // path only for real files from the OS, never for a File the page made up).
  ipcMain.on('recap:dropped-file', (event, p: unknown) => {
    if (isTrustedSender(event)) grantDropped(p);
  });
  ipcMain.handle('recap:invoke', async (event: IpcMainInvokeEvent, method: unknown, req: unknown) => {
    const win = BrowserWindow.fromWebContents(event.sender);
    if (!win || !isTrustedSender(event)) {
      return { ok: false, error: new RecapError('BAD_REQUEST', msg('error.unknownPage')).toJSON() };
    }
    let api = apis.get(win);
    if (!api) {
      api = apiFor(win);
      apis.set(win, api);
    }
    return dispatch(api, method, req);
  });
}
