// The Electron door: one IPC channel that validates the sender and the payload, then calls the
// service. The main process reads and writes only files the author chose in a dialog, dropped
// on the window, opened from the command line, or saved to before; folders only when chosen
// in a folder dialog (or remembered as a site). File, folder and photo grants are kept apart.

import { app, BrowserWindow, dialog, ipcMain, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron';
import * as os from 'node:os';
import * as path from 'node:path';
import type { DocumentState, DraftSummary, ExportRequest, ExportTarget, PhotoSource, RecapApi } from '../core/contract';
import { RecapError } from '../core/errors';
import { dispatch } from '../core/dispatch';
import { createRecapService, isRecapFileName, RECAP_EXTENSIONS, type RecapService } from '../service/service';
import { assetUrl, isAppUrl } from './protocol';

export interface WindowState {
  doc: DocumentState;
  /** Set once the author chose to close without saving (or after saving). */
  allowClose: boolean;
}

const states = new WeakMap<BrowserWindow, WindowState>();

let quitRequested = false;
export function noteQuitRequested(requested = true): void {
  quitRequested = requested;
}

export function windowState(win: BrowserWindow): WindowState {
  let s = states.get(win);
  if (!s) {
    s = { doc: { title: 'Recap Studio', path: null, dirty: false }, allowClose: false };
    states.set(win, s);
  }
  return s;
}

/** Files the author granted: the only ones the page may open or save to. */
const grantedFiles = new Set<string>();
/** Folders the author chose (export targets, sites): never usable as a file, and the reverse. */
const grantedFolders = new Set<string>();

export function grantPath(p: string): void {
  grantedFiles.add(path.resolve(p));
}

export function grantFolder(p: string): void {
  grantedFolders.add(path.resolve(p));
}

function requireGranted(p: string): string {
  const full = path.resolve(p);
  if (!grantedFiles.has(full)) throw new RecapError('BAD_REQUEST', `Recap Studio can only open or save files you chose (${full}). Use File ▸ Open or Save As.`);
  return full;
}

function requireFolder(p: string): string {
  const full = path.resolve(p);
  if (!grantedFolders.has(full)) throw new RecapError('BAD_REQUEST', `Recap Studio writes only into folders you chose (${full}). Use Choose… to pick it.`);
  return full;
}

/** Photo files the author picked in a dialog or dropped on the window: the only ones imported by path. */
const grantedPhotos = new Set<string>();

export function grantPhotoPath(p: string): void {
  grantedPhotos.add(path.resolve(p));
}

function photoSource(source: PhotoSource): PhotoSource {
  if (!('path' in source)) return source;
  const full = path.resolve(source.path);
  if (!grantedPhotos.has(full)) throw new RecapError('BAD_REQUEST', `Recap Studio imports only photos you picked or dropped (${full}).`);
  return { path: full };
}

const PHOTO_EXTENSIONS = ['jpg', 'jpeg', 'png', 'gif', 'webp', 'avif', 'heic', 'heif', 'tif', 'tiff'];

const filters = [{ name: 'Markdown', extensions: RECAP_EXTENSIONS.map((e) => e.slice(1)) }];

/** One service for every window: one drafts store, one session. Made once the app is ready. */
let shared: RecapService | null = null;
function theService(): RecapService {
  return (shared ??= createRecapService({ assetUrl, cacheDir: path.join(app.getPath('userData'), 'cache'), home: app.getPath('userData') }));
}

/** A normal quit: the next start has no crash to recover from. */
export async function markSessionClean(): Promise<void> {
  await shared?.markSessionClean();
}

function apiFor(win: BrowserWindow): RecapApi {
  const service = theService();
  // Photos go only beside recaps the author opened or saved.
  const folder = <T extends { recapPath: string }>(req: T): T => ({ ...req, recapPath: requireGranted(req.recapPath) });
  /** A draft's own files and its linked file become the page's to use once the service hands it a draft. */
  const grantDraft = <T extends { recapPath: string; photoRecapPath: string; linkedPath: string | null }>(d: T): T => {
    grantPath(d.recapPath);
    grantPath(d.photoRecapPath);
    if (d.linkedPath) grantPath(d.linkedPath);
    return d;
  };
  const exportReq = (req: ExportRequest): ExportRequest => {
    const recapPath = requireGranted(req.recapPath);
    const t = req.target;
    // A zip goes into a folder the author chose (the name is the page's suggestion).
    const target: ExportTarget =
      t.kind === 'zip' ? { kind: 'zip', file: path.join(requireFolder(path.dirname(t.file)), path.basename(t.file)) } : { kind: t.kind, dir: requireFolder(t.dir) };
    return { ...req, recapPath, target };
  };
  const opened = <T extends { draft: DraftSummary }>(r: T): T => {
    grantDraft(r.draft);
    if (r.draft.linkedPath) app.addRecentDocument(r.draft.linkedPath);
    return r;
  };
  return {
    ...service,
    appInfo: async () => ({ door: 'electron', nativeDialogs: true, homeDir: os.homedir(), version: app.getVersion() }),
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
    photoFolder: async (req) => service.photoFolder(folder(req)),
    importPhoto: async (req) => service.importPhoto({ ...folder(req), source: photoSource(req.source) }),
    listPhotos: async (req) => service.listPhotos(folder(req)),
    removePhoto: async (req) => service.removePhoto(folder(req)),
    restorePhoto: async (req) => service.restorePhoto(folder(req)),
    replacePhoto: async (req) => service.replacePhoto({ ...folder(req), source: photoSource(req.source) }),
    showPhotoDialog: async (req) => {
      const r = await dialog.showOpenDialog(win, {
        title: req.multiple ? 'Insert photos' : 'Choose a photo',
        properties: req.multiple ? ['openFile', 'multiSelections'] : ['openFile'],
        filters: [{ name: 'Images', extensions: PHOTO_EXTENSIONS }],
      });
      if (r.canceled) return [];
      for (const p of r.filePaths) grantPhotoPath(p);
      return r.filePaths.map((p) => path.resolve(p));
    },
    // Export targets: folders the author chose in a dialog, or remembered sites (which were).
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
    planExport: async (req) => service.planExport(exportReq(req)),
    exportRecap: async (req) => {
      const report = await service.exportRecap(exportReq(req));
      // An export to a site remembers it: it becomes a target the page may name again.
      if (report.written && report.target.kind === 'site') grantFolder(report.target.dir);
      // The draft now linked to the exported post: the page may save to that file.
      if (report.linkedTo) opened({ draft: report.linkedTo.draft });
      return report;
    },
    showFolderDialog: async (req) => {
      const r = await dialog.showOpenDialog(win, { title: req.title, defaultPath: req.defaultDir ?? app.getPath('documents'), properties: ['openDirectory', 'createDirectory'] });
      const chosen = r.canceled ? undefined : r.filePaths[0];
      if (!chosen) return null;
      grantFolder(chosen);
      return path.resolve(chosen);
    },
    listDirectory: async () => {
      throw new RecapError('UNSUPPORTED', 'Use the Open dialog.');
    },
    showOpenDialog: async () => {
      const r = await dialog.showOpenDialog(win, { title: 'Open recap', properties: ['openFile'], filters });
      const chosen = r.canceled ? undefined : r.filePaths[0];
      if (!chosen) return null;
      grantPath(chosen);
      app.addRecentDocument(chosen);
      return path.resolve(chosen);
    },
    showSaveDialog: async (req) => {
      const dir = req.defaultDir ?? app.getPath('documents');
      const r = await dialog.showSaveDialog(win, { title: 'Save recap', defaultPath: path.join(dir, req.suggestedName), filters });
      if (r.canceled || !r.filePath) return null;
      grantPath(r.filePath);
      return path.resolve(r.filePath);
    },
    setDocumentState: async (req) => {
      const state = windowState(win);
      state.doc = req;
      win.setTitle(req.title);
      win.setDocumentEdited(req.dirty);
      if (req.path) win.setRepresentedFilename(req.path);
    },
    closeWindow: async () => {
      windowState(win).allowClose = true;
      win.close();
      // A quit that waited for this window to save goes on once it is closed (macOS keeps
      // the app alive otherwise).
      if (quitRequested && BrowserWindow.getAllWindows().every((w) => w.isDestroyed() || w === win)) app.quit();
    },
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

/**
 * A path the preload reports for a file the author dropped: a recap (by its name) to open, else
 * a photo to import (the service then says what is wrong with a file that is not one).
 */
export function grantDropped(p: unknown): void {
  if (typeof p !== 'string' || p.length === 0 || p.length >= 4096 || p.includes('\0') || !path.isAbsolute(p)) return;
  if (isRecapFileName(p)) grantPath(p);
  else grantPhotoPath(p);
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
      return { ok: false, error: { code: 'BAD_REQUEST', message: 'Request from an unknown page refused.' } };
    }
    let api = apis.get(win);
    if (!api) {
      api = apiFor(win);
      apis.set(win, api);
    }
    return dispatch(api, method, req);
  });
}
