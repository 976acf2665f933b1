// The gestures that import photos (a drop on the text, a paste, a drop elsewhere, the tray's
// drop and Add…, "Insert photos…") and the batch panel's controls.

import { useCallback, useMemo, useRef, useState } from 'react';
import { editorBody } from '../../electron/core/frontmatter/split';
import { cancelBatch, closeBatch, setRowAlt, startImport } from './importBatch';
import type { BatchEngine } from './importBatch';
import { pickPhotos, sourcesOf } from './photoSources';
import type { BatchState, PhotoBatch, PhotoShared, PhotosHandle } from './photoTypes';
import type { CaretPlacement } from './useCaretPlacement';
import type { PhotoFolder } from './usePhotoFolder';

export type PhotoImport = Pick<
  PhotosHandle,
  'batch' | 'dropOnEditor' | 'pasteInEditor' | 'dropAtCursor' | 'dropOnTray' | 'insertPhotos' | 'addPhotos' | 'setRowAlt' | 'cancelBatch' | 'closeBatch'
>;

/** The batch engine: stable, since everything it holds is. */
function useBatchEngine(shared: PhotoShared, folder: PhotoFolder, caret: CaretPlacement, bumpPreview: () => void): [PhotoBatch | null, BatchEngine] {
  const [batch, setBatch] = useState<PhotoBatch | null>(null);
  const state = useRef<BatchState | null>(null);
  const rowSeq = useRef(0);
  const { resolveFolder, refresh, setPhotos } = folder;
  const engine = useMemo(
    (): BatchEngine => ({ state, rowSeq, setBatch, shared, folder: { resolveFolder, refresh, setPhotos }, caret, bumpPreview }),
    [shared, resolveFolder, refresh, setPhotos, caret, bumpPreview],
  );
  return [batch, engine];
}

export function usePhotoImport(shared: PhotoShared, folder: PhotoFolder, caret: CaretPlacement, bumpPreview: () => void): PhotoImport {
  const [batch, engine] = useBatchEngine(shared, folder, caret, bumpPreview);
  const { opts, caretKnown } = shared;
  const { cursorPlacement } = caret;

  const dropOnEditor = useCallback(
    (files: File[], offset: number | null) => {
      const cur = opts.current.current();
      if (!cur) return;
      if (offset === null) {
        void startImport(engine, sourcesOf(opts.current, files), 'cursor');
        return;
      }
      caretKnown.current = true;
      void startImport(engine, sourcesOf(opts.current, files), 'drop', { body: editorBody(cur.text), offset });
    },
    [engine, opts, caretKnown],
  );
  const pasteInEditor = useCallback(
    (files: File[]) => {
      caretKnown.current = true;
      void startImport(engine, sourcesOf(opts.current, files, true), 'cursor');
    },
    [engine, opts, caretKnown],
  );
  const dropAtCursor = useCallback((files: File[]) => void startImport(engine, sourcesOf(opts.current, files), 'cursor'), [engine, opts]);
  const dropOnTray = useCallback((files: File[]) => void startImport(engine, sourcesOf(opts.current, files), 'none'), [engine, opts]);

  const insertPhotos = useCallback(() => {
    // The caret is read before the chooser opens: choosing files moves the focus away.
    const placement = cursorPlacement();
    void pickPhotos(opts.current, true).then((items) => startImport(engine, items, placement ? 'drop' : 'cursor', placement ?? undefined));
  }, [engine, opts, cursorPlacement]);
  const addPhotos = useCallback(() => void pickPhotos(opts.current, true).then((items) => startImport(engine, items, 'none')), [engine, opts]);

  return {
    batch,
    dropOnEditor,
    pasteInEditor,
    dropAtCursor,
    dropOnTray,
    insertPhotos,
    addPhotos,
    setRowAlt: useCallback((id: number, alt: string) => setRowAlt(engine, id, alt), [engine]),
    cancelBatch: useCallback(() => cancelBatch(engine), [engine]),
    closeBatch: useCallback(() => closeBatch(engine), [engine]),
  };
}
