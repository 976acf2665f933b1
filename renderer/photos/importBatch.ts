// The import batch: the files of one or more gestures, imported at most PARALLEL at a time,
// each gesture's links placed once all its files are settled. Cancel stops issuing imports;
// the finished ones stay and are linked. Plain functions over the batch engine.

import type { MutableRefObject } from 'react';
import type { PhotoFolderInfo, PhotoSource } from '../../electron/core/contract';
import { photoInsertText, setPhotoAlt } from '../../electron/core/markdown/photo-text';
import { readingNow } from './postReading';
import { errorCode, errorMessage } from '../api';
import { t } from '../ui/locale';
import { readBase64, sortPhotos } from './photoSources';
import type { BatchState, Group, PhotoBatch, PhotoShared, Placement, RowState, SourceItem } from './photoTypes';
import type { CaretPlacement } from './useCaretPlacement';
import type { PhotoFolder } from './usePhotoFolder';

/** Imports in flight at once: the service works on one photo per core of a 2-core laptop. */
const PARALLEL = 2;

export interface BatchEngine {
  state: MutableRefObject<BatchState | null>;
  rowSeq: MutableRefObject<number>;
  setBatch(batch: PhotoBatch | null): void;
  shared: PhotoShared;
  folder: Pick<PhotoFolder, 'resolveFolder' | 'refresh' | 'setPhotos'>;
  caret: CaretPlacement;
  bumpPreview(): void;
}

/** Where a gesture's links go: at a drop point, at the cursor, or nowhere (the tray only). */
export type Where = 'drop' | 'cursor' | 'none';

const isRunning = (b: BatchState): boolean => b.active > 0 || b.queue.length > 0;

/** Shows the batch as it is now. */
export function publish(e: BatchEngine): void {
  const b = e.state.current;
  if (!b) {
    e.setBatch(null);
    return;
  }
  const rows = [...b.rows.values()].map(({ source: _s, group: _g, ...row }) => row);
  e.setBatch({
    rows,
    running: isRunning(b),
    cancelled: b.cancelled,
    placing: b.groups.some((g) => g.placement !== null),
  });
}

/** Places the links of a group whose files are all settled (once, and only in its own recap). */
function settleGroup(e: BatchEngine, b: BatchState, g: Group): void {
  const rows: RowState[] = g.rowIds.map((id) => b.rows.get(id)!);
  if (rows.some((r) => r.status === 'queued' || r.status === 'importing')) return;
  g.done = true;
  if (!g.placement) return;
  const o = e.shared.opts.current;
  if (o.current()?.photoPath !== g.recapPath) {
    o.toast('info', t('photos.otherRecapOpen'));
    return;
  }
  const seen = new Set<string>();
  const reading = readingNow(o);
  const links: string[] = [];
  const placed: RowState[] = [];
  for (const r of rows) {
    if (!r.result || seen.has(r.result.photo.url)) continue;
    seen.add(r.result.photo.url);
    links.push(photoInsertText(r.alt, r.result.photo.url, o.insertAs, reading, o.baseUrlPath));
    placed.push(r);
  }
  if (e.caret.placeLinks(g.placement, links)) for (const r of placed) r.placed = true;
}

function settleGroups(e: BatchEngine): void {
  const b = e.state.current;
  if (!b) return;
  for (const g of b.groups) if (!g.done) settleGroup(e, b, g);
}

async function rowSource(row: RowState): Promise<PhotoSource> {
  if (row.source.path) return { path: row.source.path };
  if (!row.source.file) throw new Error(t('photos.unreadable', { name: row.name }));
  try {
    return { name: row.name, dataBase64: await readBase64(row.source.file) };
  } catch {
    throw new Error(t('photos.unreadableGone', { name: row.name }));
  }
}

async function runRow(e: BatchEngine, id: number): Promise<void> {
  const b = e.state.current;
  const row = b?.rows.get(id);
  if (!b || !row) return;
  row.status = 'importing';
  publish(e);
  try {
    const source = await rowSource(row);
    const result = await e.shared.opts.current.api.importPhoto({ ...b.folder, source });
    row.result = result;
    row.alt = result.alt;
    const pendingAlt = e.shared.pendingAlt.current;
    if (!pendingAlt.has(result.photo.url)) pendingAlt.set(result.photo.url, result.alt);
    row.status = result.reused ? 'reused' : 'done';
    // Into the tray only while the recap it was imported for is the one open.
    if (isBatchRecapOpen(e, b)) e.folder.setPhotos((list) => (list ? sortPhotos([...list.filter((p) => p.name !== result.photo.name), result.photo]) : [result.photo]));
  } catch (err) {
    row.status = 'refused';
    // The service's own sentence; a file the page could not read says so plainly.
    row.message = errorCode(err) !== null || !(err instanceof Error) ? errorMessage(err) : err.message;
  }
}

function pump(e: BatchEngine): void {
  const b = e.state.current;
  if (!b) return;
  while (b.active < PARALLEL && !b.cancelled && b.queue.length > 0) {
    const id = b.queue.shift()!;
    b.active++;
    void runRow(e, id).finally(() => {
      b.active--;
      settleGroups(e);
      pump(e);
      publish(e);
      if (b.active === 0 && b.queue.length === 0) {
        // The batch is over: the service's list is the truth, and the preview looks again.
        e.folder.refresh();
        e.bumpPreview();
      }
    });
  }
  publish(e);
}

/** Whether the recap a batch imports for is the one open now. */
function isBatchRecapOpen(e: BatchEngine, b: BatchState | null): boolean {
  return b !== null && e.shared.opts.current.current()?.photoPath === b.folder.recapPath;
}

/** The batch new files join: the running one for the same folder, else a fresh one. */
function batchFor(e: BatchEngine, recapPath: string, f: PhotoFolderInfo): BatchState {
  let b = e.state.current;
  if (!b || !isRunning(b) || b.folder.recapPath !== recapPath || b.folder.imageDir !== f.imageDir) {
    b = { rows: new Map(), groups: [], queue: [], active: 0, cancelled: false, folder: { recapPath, imageDir: f.imageDir } };
    e.state.current = b;
  }
  return b;
}

export async function startImport(e: BatchEngine, items: SourceItem[], where: Where, dropPlacement?: Placement): Promise<void> {
  if (items.length === 0) return;
  const o = e.shared.opts;
  // The gesture's spot is taken now: the author may type while the recap is saved.
  let placement: Placement | null = where === 'drop' ? (dropPlacement ?? null) : where === 'cursor' ? e.caret.cursorPlacement() : null;
  if (!o.current.current()?.photoPath) {
    const savedNow = await o.current.ensureSaved();
    if (!savedNow) return;
    // Saving does not change the text, so the spot still holds.
    if (placement) placement = { ...placement };
  }
  const recapPath = o.current.current()?.photoPath;
  if (!recapPath) return;
  let f: PhotoFolderInfo;
  try {
    f = await e.folder.resolveFolder(recapPath);
  } catch (err) {
    o.current.toast('error', errorMessage(err));
    return;
  }
  const b = batchFor(e, recapPath, f);
  b.cancelled = false;
  const group: Group = { rowIds: [], placement, recapPath, done: false };
  for (const item of items) {
    const id = ++e.rowSeq.current;
    b.rows.set(id, { id, name: item.name, status: 'queued', message: null, result: null, alt: '', placed: false, source: item, group: b.groups.length });
    group.rowIds.push(id);
    b.queue.push(id);
  }
  b.groups.push(group);
  pump(e);
}

/** The batch panel's alt text for one row: placed links change as the author types; otherwise the tray remembers it. */
export function setRowAlt(e: BatchEngine, id: number, alt: string): void {
  const row = e.state.current?.rows.get(id);
  if (!row) return;
  if (row.result && row.placed && !isBatchRecapOpen(e, e.state.current)) {
    // Its links are in the recap the photos were imported for, not in the one open now (which
    // may link the same image, a translation does): nothing here changes.
    e.shared.opts.current.toast('info', t('photos.altOtherRecap'));
    return;
  }
  row.alt = alt;
  if (row.result) {
    const url = row.result.photo.url;
    if (row.placed) {
      const reading = readingNow(e.shared.opts.current);
      e.caret.editBody((body) => setPhotoAlt(body, url, alt, reading));
    } else e.shared.pendingAlt.current.set(url, alt);
  }
  publish(e);
}

export function cancelBatch(e: BatchEngine): void {
  const b = e.state.current;
  if (!b) return;
  b.cancelled = true;
  for (const id of b.queue) {
    const row = b.rows.get(id);
    if (row) row.status = 'cancelled';
  }
  b.queue = [];
  settleGroups(e);
  publish(e);
  if (b.active === 0) {
    e.folder.refresh();
    e.bumpPreview();
  }
}

/** Closes the panel of a finished batch (a running one stays). */
export function closeBatch(e: BatchEngine): void {
  const b = e.state.current;
  if (b && isRunning(b)) return;
  e.state.current = null;
  e.setBatch(null);
}
