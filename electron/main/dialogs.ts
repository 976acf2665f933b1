// The native dialogs: open a recap, save it as, pick photos, pick a folder, and the close
// guard's "save the changes?" question. What the author picks in one becomes a grant
// (grants.ts): the page may then name that path.

import { app, dialog, type BrowserWindow } from 'electron';
import * as path from 'node:path';
import type { DocumentState } from '../core/contract';
import { RECAP_EXTENSIONS } from '../service/service';
import { grantFolder, grantPath, grantPhotoPath } from './grants';

const PHOTO_EXTENSIONS = ['jpg', 'jpeg', 'png', 'gif', 'webp', 'avif', 'heic', 'heif', 'tif', 'tiff'];

const filters = [{ name: 'Markdown', extensions: RECAP_EXTENSIONS.map((e) => e.slice(1)) }];

/** Photos to import: each one picked becomes importable by its path. */
export async function showPhotoDialog(win: BrowserWindow, req: { multiple: boolean }): Promise<string[]> {
  const r = await dialog.showOpenDialog(win, {
    title: req.multiple ? 'Insert photos' : 'Choose a photo',
    properties: req.multiple ? ['openFile', 'multiSelections'] : ['openFile'],
    filters: [{ name: 'Images', extensions: PHOTO_EXTENSIONS }],
  });
  if (r.canceled) return [];
  for (const p of r.filePaths) grantPhotoPath(p);
  return r.filePaths.map((p) => path.resolve(p));
}

/** An export target or a site: the folder chosen becomes one the page may write into. */
export async function showFolderDialog(win: BrowserWindow, req: { title: string; defaultDir: string | null }): Promise<string | null> {
  const r = await dialog.showOpenDialog(win, { title: req.title, defaultPath: req.defaultDir ?? app.getPath('documents'), properties: ['openDirectory', 'createDirectory'] });
  const chosen = r.canceled ? undefined : r.filePaths[0];
  if (!chosen) return null;
  grantFolder(chosen);
  return path.resolve(chosen);
}

/** A recap to open: the file chosen becomes one the page may open and save to. */
export async function showOpenDialog(win: BrowserWindow): Promise<string | null> {
  const r = await dialog.showOpenDialog(win, { title: 'Open recap', properties: ['openFile'], filters });
  const chosen = r.canceled ? undefined : r.filePaths[0];
  if (!chosen) return null;
  grantPath(chosen);
  app.addRecentDocument(chosen);
  return path.resolve(chosen);
}

/** Save As: the file named becomes one the page may save to. */
export async function showSaveDialog(win: BrowserWindow, req: { suggestedName: string; defaultDir: string | null }): Promise<string | null> {
  const dir = req.defaultDir ?? app.getPath('documents');
  const r = await dialog.showSaveDialog(win, { title: 'Save recap', defaultPath: path.join(dir, req.suggestedName), filters });
  if (r.canceled || !r.filePath) return null;
  grantPath(r.filePath);
  return path.resolve(r.filePath);
}

export type CloseChoice = 'save' | 'discard' | 'cancel';

/** The close guard's question about changes not saved to the file. */
export function askToSaveChanges(win: BrowserWindow, doc: DocumentState): CloseChoice {
  const name = doc.path ? path.basename(doc.path) : 'this recap';
  const choice = dialog.showMessageBoxSync(win, {
    type: 'warning',
    buttons: ['Save', "Don't Save", 'Cancel'],
    defaultId: 0,
    cancelId: 2,
    message: `Do you want to save the changes you made to ${name}?`,
    detail: doc.path
      ? "If you don't save, the file stays as it was and your changes stay in the draft, on the home screen."
      : "If you don't save, the recap stays in your drafts, on the home screen.",
  });
  return choice === 0 ? 'save' : choice === 1 ? 'discard' : 'cancel';
}
