// The file actions of the top bar, the menu and the shortcuts (new, open, save, home, history,
// export, close), plus opening a recap from the home screen or a drop. Plain functions over the
// file context; `useFileActions` runs them one at a time.

import { t } from '../ui/locale';
import { dirName } from '../ui/paths';
import { openExport } from '../export/useExportDialog';
import { openHistory } from '../history/useHistoryDialog';
import { save, saveAs } from './saveActions';
import type { FileContext } from './saveActions';
import { isUnsaved } from './useRecapDocument';
import type { FileAction } from './useShortcuts';

export type AppAction = FileAction | 'save-and-close' | 'flush-and-close';

/**
 * Before another recap replaces this one: its draft must be on disk. Changes not saved to the
 * file stay in the draft (the home screen says so), so nothing needs asking.
 */
export async function leave(c: FileContext): Promise<boolean> {
  if (!c.recap.current()) return true;
  if (await c.autosaveRef.current.flush(true)) return true;
  const status = c.autosaveRef.current.status;
  const answer = await c.dialogs.ask({
    title: t('workspace.draftNotSavedTitle'),
    message: <p>{t('workspace.draftNotSavedText', { reason: status.state === 'failed' ? status.message : t('workspace.unknownError') })}</p>,
    buttons: [
      { id: 'stay', label: t('workspace.stayHere'), testId: 'confirm-cancel', tone: 'primary' },
      { id: 'leave', label: t('workspace.leaveAnyway'), testId: 'confirm-discard', tone: 'danger' },
    ],
    cancelId: 'stay',
  });
  return answer === 'leave';
}

export async function openPath(c: FileContext, target: string): Promise<void> {
  try {
    c.show(await c.api.openRecap({ path: target }));
  } catch (err) {
    c.reportError(err);
  }
}

export async function openDraft(c: FileContext, id: string): Promise<void> {
  try {
    c.show(await c.api.openDraft({ id }));
  } catch (err) {
    c.reportError(err);
  }
}

/** A recap dropped on the window. */
export async function openDropped(c: FileContext, dropped: string): Promise<void> {
  if (await leave(c)) await openPath(c, dropped);
}

/** Photos live beside the recap file: one never saved is saved first (Save As), then imported. */
export async function ensureSaved(c: FileContext): Promise<boolean> {
  if (c.recap.current()?.photoPath) return true;
  const answer = await c.dialogs.ask({
    title: t('workspace.saveFirstTitle'),
    message: <p>{t('workspace.saveFirstText')}</p>,
    buttons: [
      { id: 'cancel', label: t('ui.cancel'), testId: 'confirm-cancel' },
      { id: 'save', label: t('topbar.saveAs'), testId: 'confirm-save', tone: 'primary' },
    ],
    cancelId: 'cancel',
  });
  if (answer !== 'save') return false;
  await saveAs(c);
  return c.recap.current()?.photoPath != null;
}

async function newRecap(c: FileContext): Promise<void> {
  if (!(await leave(c))) return;
  try {
    const template = c.newTemplate.current;
    c.newTemplate.current = null;
    const opened = await c.api.newRecap(template ? { template } : {});
    c.show(opened);
    // A template's expressions Recap Studio cannot evaluate stay as written: say which.
    if (opened.leftForYou?.length) c.toast('info', t('templates.leftForYou', { list: opened.leftForYou.join(', ') }));
  } catch (err) {
    c.reportError(err);
  }
}

async function open(c: FileContext): Promise<void> {
  if (!c.info || !(await leave(c))) return;
  let target: string | null = null;
  if (c.info.nativeDialogs) {
    try {
      target = await c.api.showOpenDialog();
    } catch (err) {
      c.reportError(err);
    }
  } else {
    const cur = c.recap.current();
    target = (await c.dialogs.pick({ mode: 'open', startDir: (cur?.path && dirName(cur.path)) || c.lastDir.current }))?.path ?? null;
  }
  if (target) await openPath(c, target);
}

async function saveAndClose(c: FileContext): Promise<void> {
  const clean = !isUnsaved(c.recap.current());
  // If the author cancels the Save As dialog (or the save fails) the window stays open.
  if (clean || (await save(c))) {
    await c.autosaveRef.current.flush(true);
    await c.api.closeWindow().catch(c.reportError);
  }
}

async function goHome(c: FileContext): Promise<void> {
  if (!(await leave(c))) return;
  c.recap.close();
  c.setDiskChanged(null);
  c.api.setOpenDrafts({ ids: [] }).catch(() => undefined);
}

/** Every action by name, bound to one file context. */
export function fileActions(c: FileContext): Record<AppAction, () => Promise<unknown>> {
  return {
    new: () => newRecap(c),
    open: () => open(c),
    save: () => save(c),
    'save-as': () => saveAs(c),
    'save-and-close': () => saveAndClose(c),
    'flush-and-close': async () => {
      await c.autosaveRef.current.flush(true);
      await c.api.closeWindow().catch(c.reportError);
    },
    home: () => goHome(c),
    history: () => openHistory(c),
    export: () => openExport(c),
    'save-template': async () => {
      if (c.recap.current()) c.dialogs.openModal({ kind: 'save-template' });
    },
  };
}
