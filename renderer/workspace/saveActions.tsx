// Writing the recap to its file: Save, Save As, and what to do when the file changed on disk
// meanwhile. Plain functions over the file context (the latest one when a flow starts).

import type { MutableRefObject } from 'react';
import type { AppInfo, OpenedRecap, RecapApi } from '../../electron/core/contract';
import { slugify } from '../../electron/core/recap/slug';
import { errorCode } from '../api';
import type { NewTemplate } from '../home/HomeScreen';
import { t } from '../ui/locale';
import { baseName, dirName } from '../ui/paths';
import { rich } from '../ui/rich';
import type { ExternalChoice, DialogsHandle } from './useDialogs';
import type { Autosave } from './useAutosave';
import type { DocumentHandle } from './useRecapDocument';

/** What the file actions work with; rebuilt on every render, read once per flow. */
export interface FileContext {
  api: RecapApi;
  info: AppInfo | null;
  recap: DocumentHandle;
  autosaveRef: MutableRefObject<Autosave>;
  dialogs: DialogsHandle;
  toast(kind: 'error' | 'info', message: string): void;
  reportError(err: unknown): void;
  /** Puts an opened recap on screen. */
  show(opened: OpenedRecap): void;
  /** Remembers where the recap lives (the next dialog starts there; the browser's URL names it). */
  rememberPath(path: string | null): void;
  lastDir: MutableRefObject<string | null>;
  /** The site archetype the home screen's New recap asked for (null: the event-recap template). */
  newTemplate: MutableRefObject<NewTemplate | null>;
  /** The recap's title, for the name Save As suggests. */
  title: string;
  setDiskChanged(message: string | null): void;
  /** The top bar says "Saved" for a moment. */
  flashSaved(): void;
}

export interface WriteRequest {
  text: string;
  path?: string;
  overwrite?: boolean;
  expectHash?: string | null;
}

/** The file name Save As suggests for a recap without one. */
export function slugFileName(title: string): string {
  return `${title.trim() ? slugify(title) : 'untitled-recap'}.md`;
}

/** Asks how to go on when the file changed on disk: reload it, keep mine (overwrite), or later. */
export async function resolveDiskChange(c: FileContext): Promise<ExternalChoice> {
  const cur = c.recap.current();
  if (!cur || !cur.path) return 'cancel';
  let status;
  try {
    status = await c.api.checkLinkedFile({ id: cur.draft.id });
  } catch (err) {
    c.reportError(err);
    return 'cancel';
  }
  if (status.state !== 'changed' && status.state !== 'deleted') {
    c.setDiskChanged(null);
    return 'keep';
  }
  const choice = await c.dialogs.compare({ fileName: baseName(cur.path), disk: status.state === 'changed' ? status.diskText : '', mine: cur.text });
  if (choice === 'reload') {
    if (status.state === 'deleted') {
      c.toast('info', t('workspace.deletedNothingToReload', { name: baseName(cur.path) }));
      return 'cancel';
    }
    try {
      await c.autosaveRef.current.flush(true);
      const r = await c.api.reloadLinkedFile({ id: cur.draft.id });
      c.recap.replaceText(r.text, true);
      c.setDiskChanged(null);
      c.toast('info', t('workspace.reloaded', { name: baseName(cur.path) }));
    } catch (err) {
      c.reportError(err);
    }
    return 'reload';
  }
  if (choice === 'keep') {
    const ok = await writeToFile(c, { text: c.recap.current()?.text ?? cur.text, expectHash: status.state === 'changed' ? status.diskHash : null });
    if (ok) c.setDiskChanged(null);
    return ok ? 'keep' : 'cancel';
  }
  return 'cancel';
}

async function askReplace(c: FileContext, path: string): Promise<boolean> {
  const answer = await c.dialogs.ask({
    title: t('workspace.replaceTitle'),
    message: <p>{rich(t, 'workspace.replaceText', { name: <strong>{baseName(path)}</strong> })}</p>,
    buttons: [
      { id: 'cancel', label: t('ui.cancel'), testId: 'confirm-cancel' },
      { id: 'overwrite', label: t('ui.replace'), testId: 'confirm-overwrite', tone: 'danger' },
    ],
    cancelId: 'cancel',
  });
  return answer === 'overwrite';
}

export async function writeToFile(c: FileContext, req: WriteRequest): Promise<boolean> {
  const cur = c.recap.current();
  if (!cur) return false;
  try {
    // An autosave on its way (older text) must reach the draft before the save, not after it.
    await c.autosaveRef.current.settled();
    const result = await c.api.saveToFile({ id: cur.draft.id, ...req });
    const written = result.linked.path ?? req.path ?? cur.path ?? '';
    c.recap.markSaved(req.text, written, result.draft, undefined, result.profile);
    c.rememberPath(written);
    c.flashSaved();
    c.setDiskChanged(null);
    return true;
  } catch (err) {
    const code = errorCode(err);
    if (code === 'CHANGED_ON_DISK' && req.path === undefined) {
      return (await resolveDiskChange(c)) === 'keep';
    }
    if (code === 'EXISTS' && req.path !== undefined) {
      return (await askReplace(c, req.path)) ? writeToFile(c, { ...req, overwrite: true }) : false;
    }
    // The text stays in the editor and in the draft; only the message is new.
    c.reportError(err);
    return false;
  }
}

export async function saveAs(c: FileContext): Promise<boolean> {
  const cur = c.recap.current();
  if (!cur || !c.info) return false;
  const suggestedName = cur.path ? baseName(cur.path) : slugFileName(c.title);
  const defaultDir = cur.path ? dirName(cur.path) : c.lastDir.current;
  if (c.info.nativeDialogs) {
    let target: string | null;
    try {
      target = await c.api.showSaveDialog({ suggestedName, defaultDir });
    } catch (err) {
      c.reportError(err);
      return false;
    }
    // The native dialog already asked about replacing an existing file.
    return target ? writeToFile(c, { path: target, text: c.recap.current()?.text ?? cur.text, overwrite: true }) : false;
  }
  const picked = await c.dialogs.pick({ mode: 'save', startDir: defaultDir, suggestedName });
  const latest = c.recap.current();
  if (!picked || !latest) return false;
  return writeToFile(c, { path: picked.path, text: latest.text, overwrite: picked.overwrite });
}

export async function save(c: FileContext): Promise<boolean> {
  const cur = c.recap.current();
  if (!cur) return false;
  if (!cur.path) return saveAs(c);
  return writeToFile(c, { text: cur.text });
}
