import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { MutableRefObject } from 'react';
import type { RecapApi } from '../../electron/core/contract';
import { format } from '../../electron/core/i18n/messages';
import type { Locale } from '../../electron/core/i18n/messages';
import { clockTime } from '../ui/format';
import { useLocale } from '../ui/locale';
import { baseName } from '../ui/paths';
import { useUndoKeys } from './editing/useUndoKeys';
import { useRecapViews } from './recapViews';
import type { RecapViews } from './recapViews';
import { useAutosave } from './useAutosave';
import type { Autosave, AutosaveStatus } from './useAutosave';
import { useLint } from './useLint';
import type { LintState } from './useLint';
import { isUnsaved, useRecapDocument } from './useRecapDocument';
import type { DocumentHandle } from './useRecapDocument';

export interface DraftStatus {
  text: string;
  tone: 'ok' | 'busy' | 'error';
}

export interface DraftSession {
  recap: DocumentHandle;
  views: RecapViews;
  /** Unsaved means "not in the file yet": the draft itself is on disk within a second. */
  dirty: boolean;
  dirtyRef: MutableRefObject<boolean>;
  path: string | null;
  fileName: string;
  windowTitle: string;
  autosave: Autosave;
  /** The latest autosave handle, for flows that outlive a render. */
  autosaveRef: MutableRefObject<Autosave>;
  draftStatus: DraftStatus;
  /** Images resolve where the tray keeps photos: the linked file, else the draft's own folder. */
  photoPath: string | null;
  lint: LintState;
}

function draftStatusOf(s: AutosaveStatus, locale: Locale): DraftStatus {
  if (s.state === 'failed') return { text: format(locale, 'workspace.autosaveFailed'), tone: 'error' };
  if (s.state === 'pending') return { text: format(locale, 'workspace.savingDraft'), tone: 'busy' };
  if (s.at === null) return { text: format(locale, 'workspace.draftSaved'), tone: 'ok' };
  return { text: format(locale, 'workspace.draftSavedAt', { time: clockTime(new Date(s.at)) }), tone: 'ok' };
}

/** The open recap: its one text and the views of it, its undo keys, its autosaved draft and its lint. */
export function useDraftSession(api: RecapApi, reportError: (err: unknown) => void): DraftSession {
  const recap = useRecapDocument(reportError);
  const { doc, updateDraft } = recap;
  useUndoKeys(recap);
  const views = useRecapViews(doc, reportError, recap.typed);
  const dirty = isUnsaved(doc);
  const path = doc?.path ?? null;
  const locale = useLocale();
  const fileName = path ? baseName(path) : views.title ? format(locale, 'workspace.draftName', { title: views.title }) : format(locale, 'workspace.untitledDraft');
  const windowTitle = doc ? `${dirty ? '• ' : ''}${fileName} — Recap Studio` : 'Recap Studio';
  const readNow = recap.current;
  const autosave = useAutosave(api, doc ? { id: doc.draft.id, text: doc.text } : null, updateDraft, useCallback(() => {
    const now = readNow();
    return now ? { id: now.draft.id, text: now.text } : null;
  }, [readNow]));
  const autosaveRef = useRef(autosave);
  autosaveRef.current = autosave;
  const draftStatus = useMemo(() => draftStatusOf(autosave.status, locale), [autosave.status, locale]);
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  // The panel, the preview and export then see the same files (one truth about the recap).
  const photoPath = doc?.photoPath ?? null;
  const lint = useLint(api, views.text, photoPath);
  return { recap, views, dirty, dirtyRef, path, fileName, windowTitle, autosave, autosaveRef, draftStatus, photoPath, lint };
}

/**
 * The window's title (and Electron's "edited" dot) follow the open recap. The browser door
 * answers `setDocumentState` in the page, without a request (api/http.ts `ANSWERED_IN_PAGE`).
 */
export function useWindowTitle(api: RecapApi, session: DraftSession): void {
  const { windowTitle, path, dirty } = session;
  const open = session.recap.doc !== null;
  useEffect(() => {
    document.title = windowTitle;
    api.setDocumentState({ title: windowTitle, path, dirty }).catch(() => {
      // The title bar is cosmetic; a failure here must not interrupt writing.
    });
  }, [api, windowTitle, path, dirty, open]);
}
