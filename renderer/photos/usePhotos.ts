// The photos of the open recap: the folder they live in, the tray's list, and the import
// batches started by a drop, a paste or a file chooser. Every gesture that places photos
// records where (an offset of the body as it was then) and inserts the links once its files
// are imported, at that spot followed through whatever the author typed meanwhile.

import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { AppInfo, ImportPhotoResult, Photo, PhotoFolderInfo, PhotoSource, RecapApi } from '../../electron/core/contract';
import { editorBody, getField, setField, withBody } from '../../electron/core/frontmatter/frontmatter';
import { altFromFileName, isSafeImageDir } from '../../electron/core/markdown/photo-names';
import {
  defaultPhotoOffset,
  followOffset,
  insertPhotoLinks,
  photoMarkdown,
  photoUses,
  removePhotoLinks,
  replacePhotoUrl,
  restoreSplices,
  samePhotoUrl,
  setPhotoAlt,
  useOf,
} from '../../electron/core/markdown/photo-text';
import type { PhotoUse, Splice } from '../../electron/core/markdown/photo-text';
import { errorCode, errorMessage } from '../api';
import type { Transport } from '../api';
import { revealLine } from '../workspace/editing/caret';
import type { RecapDocument, TextEdit } from '../workspace/useRecapDocument';
import { baseName } from '../ui/paths';

/** Imports in flight at once: the service works on one photo per core of a 2-core laptop. */
const PARALLEL = 2;

export type RowStatus = 'queued' | 'importing' | 'done' | 'reused' | 'refused' | 'cancelled';

export interface BatchRow {
  id: number;
  /** The author's file name. */
  name: string;
  status: RowStatus;
  /** Why the file was refused. */
  message: string | null;
  result: ImportPhotoResult | null;
  /** Alt text of the link: the service's suggestion, then whatever the author types. */
  alt: string;
  /** The row's links are in the text (alt edits then update them there). */
  placed: boolean;
}

export interface PhotoBatch {
  rows: BatchRow[];
  running: boolean;
  cancelled: boolean;
  /** Some rows will get links in the text (false when photos only go to the tray). */
  placing: boolean;
}

export interface RemovedPhoto {
  name: string;
  trashId: string;
  links: number;
  recapPath: string;
  imageDir: string;
  splices: Splice[];
  /** The body right after the links were taken out, to follow the author's later typing. */
  afterBody: string;
}

interface SourceItem {
  name: string;
  file: File | null;
  path: string | null;
}

/** Where a group's links go: an offset of `body` (the body when the gesture happened). */
interface Placement {
  body: string;
  offset: number;
}

interface Group {
  rowIds: number[];
  placement: Placement | null;
  recapPath: string;
  done: boolean;
}

type RowState = BatchRow & { source: SourceItem; group: number };

interface BatchState {
  rows: Map<number, RowState>;
  groups: Group[];
  queue: number[];
  active: number;
  cancelled: boolean;
  folder: { recapPath: string; imageDir: string };
}

export interface PhotosOptions {
  api: RecapApi;
  transport: Transport;
  info: AppInfo | null;
  /** Deferred body of the open recap (for the tray's "used" marks). */
  body: string;
  head: string;
  path: string | null;
  coverField: string | null;
  /** Changes whenever another recap is loaded. */
  loadSerial: number;
  current(): RecapDocument | null;
  edit(change: TextEdit, group?: string): boolean;
  /** Saves a recap that was never saved (the photos' folder is beside it); false if the author declines. */
  ensureSaved(): Promise<boolean>;
  toast(kind: 'error' | 'info', message: string): void;
}

export interface PhotosHandle {
  folder: PhotoFolderInfo | null;
  folderError: string | null;
  photos: Photo[] | null;
  listError: string | null;
  uses: Map<string, PhotoUse>;
  cover: string | null;
  coverField: string | null;
  batch: PhotoBatch | null;
  removed: RemovedPhoto | null;
  /** Bumped whenever files changed, so the preview asks again for images it could not find. */
  previewRefresh: { version: number; replaced: string[] };
  /** The recap has a file, so photos have a folder. */
  canImport: boolean;

  /** Files dropped on the text at a body offset (null: not over the text, so at the caret). */
  dropOnEditor(files: File[], offset: number | null): void;
  pasteInEditor(files: File[]): void;
  /** Photos dropped anywhere else in the window go to the caret. */
  dropAtCursor(files: File[]): void;
  dropOnTray(files: File[]): void;
  /** "Insert photos…": choose files, links at the caret. */
  insertPhotos(): void;
  /** The tray's "Add…": choose files, into the folder only. */
  addPhotos(): void;

  altOf(photo: Photo): string;
  insertPhoto(photo: Photo): void;
  setAlt(photo: Photo, alt: string): void;
  setCover(photo: Photo): void;
  replacePhoto(photo: Photo): void;
  removePhoto(photo: Photo): void;
  undoRemove(): void;
  dismissRemoved(): void;
  setImageDir(dir: string): Promise<string | null>;
  refresh(): void;

  setRowAlt(id: number, alt: string): void;
  cancelBatch(): void;
  closeBatch(): void;
}

const IMAGE_NAME = /\.(jpe?g|png|gif|webp|avif|heic|heif|tiff?|bmp|svg)$/i;

/** Files that are recaps (opened by the window's drop) rather than photos. */
export const isRecapFile = (f: File): boolean => /\.(md|markdown)$/i.test(f.name);

function pastedName(file: File, i: number, when: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  const ext = ({ 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp', 'image/avif': 'avif' } as Record<string, string>)[file.type] ?? 'png';
  const stamp = `${when.getFullYear()}-${pad(when.getMonth() + 1)}-${pad(when.getDate())}-${pad(when.getHours())}${pad(when.getMinutes())}`;
  return `pasted-${stamp}${i > 0 ? `-${i + 1}` : ''}.${ext}`;
}

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsDataURL(file);
  });
}


function textarea(): HTMLTextAreaElement | null {
  return document.querySelector<HTMLTextAreaElement>('.editor-pane .w-md-editor-text-input');
}

/** A hidden file input, so that a test (or an accessibility tool) can find it too. */
function chooseFiles(multiple: boolean): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = 'image/*';
    input.multiple = multiple;
    input.hidden = true;
    input.dataset['testid'] = 'photo-input';
    let settled = false;
    const done = (files: File[]): void => {
      if (settled) return;
      settled = true;
      input.remove();
      resolve(files);
    };
    input.addEventListener('change', () => done([...(input.files ?? [])]));
    input.addEventListener('cancel', () => done([]));
    document.body.appendChild(input);
    input.click();
  });
}

function sortPhotos(list: Photo[]): Photo[] {
  return [...list].sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
}

export function usePhotos(o: PhotosOptions): PhotosHandle {
  const { api, transport, info, path, loadSerial } = o;
  const [folder, setFolder] = useState<PhotoFolderInfo | null>(null);
  const [folderError, setFolderError] = useState<string | null>(null);
  const [photos, setPhotos] = useState<Photo[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [batch, setBatch] = useState<PhotoBatch | null>(null);
  const [removed, setRemoved] = useState<RemovedPhoto | null>(null);
  const [previewRefresh, setPreviewRefresh] = useState<{ version: number; replaced: string[] }>({ version: 0, replaced: [] });

  // Async flows read the latest options, not the render they started in.
  const opts = useRef(o);
  opts.current = o;
  const folderRef = useRef<{ path: string; imageDir: string | null; info: PhotoFolderInfo; head: string } | null>(null);
  const imageDirOverride = useRef<{ path: string; imageDir: string } | null>(null);
  const batchRef = useRef<BatchState | null>(null);
  const rowSeq = useRef(0);
  const listSeq = useRef(0);
  const caretKnown = useRef(false);
  const pendingAlt = useRef(new Map<string, string>());

  const bumpPreview = useCallback((replaced: string[] = []) => setPreviewRefresh((r) => ({ version: r.version + 1, replaced })), []);

  // ---- The folder and its list -------------------------------------------------------------
  const resolveFolder = useCallback(
    async (recapPath: string): Promise<PhotoFolderInfo> => {
      const override = imageDirOverride.current?.path === recapPath ? imageDirOverride.current.imageDir : null;
      const cached = folderRef.current;
      // The folder name follows the front matter until photos are linked (a new draft's title).
      const head = opts.current.head;
      if (cached && cached.path === recapPath && cached.imageDir === override && cached.head === head) return cached.info;
      const text = opts.current.current()?.text ?? '';
      const info = await api.photoFolder({ recapPath, text, ...(override ? { imageDir: override } : {}) });
      folderRef.current = { path: recapPath, imageDir: override, info, head };
      if (opts.current.path === recapPath) {
        setFolder(info);
        setFolderError(null);
      }
      return info;
    },
    [api],
  );

  const refresh = useCallback(() => {
    const recapPath = opts.current.path;
    if (!recapPath) return;
    const seq = ++listSeq.current;
    void (async () => {
      try {
        const f = await resolveFolder(recapPath);
        const list = await api.listPhotos({ recapPath, imageDir: f.imageDir });
        if (seq !== listSeq.current) return;
        setPhotos(sortPhotos(list));
        setListError(null);
      } catch (err) {
        if (seq !== listSeq.current) return;
        setListError(errorMessage(err));
      }
    })();
  }, [api, resolveFolder]);

  useEffect(() => {
    // Another recap: another folder. A batch for the old one goes on; its links are not placed here.
    folderRef.current = null;
    caretKnown.current = false;
    pendingAlt.current.clear();
    setFolder(null);
    setFolderError(null);
    setPhotos(path ? null : []);
    setListError(null);
    setRemoved(null);
    if (!path) return;
    const seq = ++listSeq.current;
    void (async () => {
      try {
        const f = await resolveFolder(path);
        const list = await api.listPhotos({ recapPath: path, imageDir: f.imageDir });
        if (seq === listSeq.current) setPhotos(sortPhotos(list));
      } catch (err) {
        if (seq !== listSeq.current) return;
        setFolderError(errorMessage(err));
        setPhotos([]);
      }
    })();
  }, [path, loadSerial, api, resolveFolder]);

  // Files may change behind our back (a file manager, git): coming back to the window relists.
  useEffect(() => {
    window.addEventListener('focus', refresh);
    return () => window.removeEventListener('focus', refresh);
  }, [refresh]);

  // "At the cursor" means where the author last put the caret; before that, the Photos section.
  useEffect(() => {
    const onFocus = (e: FocusEvent): void => {
      if (e.target instanceof HTMLTextAreaElement && e.target.closest('.editor-pane')) caretKnown.current = true;
    };
    document.addEventListener('focusin', onFocus);
    return () => document.removeEventListener('focusin', onFocus);
  }, []);

  const setImageDir = useCallback(
    async (dir: string): Promise<string | null> => {
      const recapPath = opts.current.path;
      const wanted = dir.trim();
      if (!recapPath) return 'Save the recap first.';
      if (!isSafeImageDir(wanted)) return 'Use one word of letters, digits, dashes, dots or underscores (e.g. kcd-china).';
      imageDirOverride.current = { path: recapPath, imageDir: wanted };
      try {
        await resolveFolder(recapPath);
      } catch (err) {
        imageDirOverride.current = null;
        return errorMessage(err);
      }
      setPhotos(null);
      refresh();
      return null;
    },
    [resolveFolder, refresh],
  );

  // ---- Text edits ----------------------------------------------------------------------------
  const editBody = useCallback((change: (body: string) => string): boolean => opts.current.edit((t) => withBody(t, change(editorBody(t)))), []);

  /**
   * After an edit made outside the textarea, put its caret back where it belongs (a new value
   * moves it to the end): after the new links, shown and focused when `reveal`. React usually
   * commits `body` before the next frame, but not always on a busy machine: wait for the
   * textarea to hold it (a few frames at most) before placing the caret.
   */
  const pendingCaret = useRef<{ caret: number; reveal: boolean; body: string } | null>(null);
  const applyCaret = useCallback((): void => {
    const p = pendingCaret.current;
    const ta = textarea();
    // Only once the textarea shows the edited text: setting its value later would move the caret again.
    if (!p || !ta || ta.value !== p.body) return;
    pendingCaret.current = null;
    if (p.reveal) revealLine(ta, ta.value.slice(0, p.caret).split('\n').length);
    ta.setSelectionRange(p.caret, p.caret);
  }, []);
  // Runs after every commit of the editor (its children commit first): the edited text is in the textarea.
  useLayoutEffect(applyCaret);
  const keepCaret = useCallback(
    (caret: number, reveal: boolean, body: string) => {
      pendingCaret.current = { caret, reveal, body };
      applyCaret();
    },
    [applyCaret],
  );

  /** The body offset "at the cursor" for a gesture happening now. */
  const cursorPlacement = useCallback((): Placement | null => {
    const cur = opts.current.current();
    if (!cur) return null;
    const body = editorBody(cur.text);
    const ta = textarea();
    const offset = caretKnown.current && ta && ta.value === body ? ta.selectionEnd : defaultPhotoOffset(body);
    return { body, offset };
  }, []);

  const placeLinks = useCallback(
    (placement: Placement, links: string[]): boolean => {
      if (links.length === 0) return true;
      const ta = textarea();
      // The caret and the view follow the links unless the author went on working elsewhere
      // (another field, the batch's alt texts) while the photos were imported.
      const active = document.activeElement;
      const typingElsewhere = active instanceof HTMLInputElement || (active instanceof HTMLTextAreaElement && active !== ta) || (active instanceof HTMLElement && active.isContentEditable);
      const reveal = !typingElsewhere;
      let caret = 0;
      let edited = '';
      const ok = editBody((body) => {
        const r = insertPhotoLinks(body, followOffset(placement.body, body, placement.offset), links);
        caret = r.caret;
        edited = r.body;
        return r.body;
      });
      if (ok) keepCaret(caret, reveal, edited);
      return ok;
    },
    [editBody, keepCaret],
  );

  // ---- Batches ---------------------------------------------------------------------------------
  const publish = useCallback(() => {
    const b = batchRef.current;
    if (!b) {
      setBatch(null);
      return;
    }
    const rows = [...b.rows.values()].map(({ source: _s, group: _g, ...row }) => row);
    setBatch({
      rows,
      running: b.active > 0 || b.queue.length > 0,
      cancelled: b.cancelled,
      placing: b.groups.some((g) => g.placement !== null),
    });
  }, []);

  const settleGroups = useCallback(() => {
    const b = batchRef.current;
    if (!b) return;
    for (const g of b.groups) {
      if (g.done) continue;
      const rows: RowState[] = g.rowIds.map((id) => b.rows.get(id)!);
      if (rows.some((r) => r.status === 'queued' || r.status === 'importing')) continue;
      g.done = true;
      if (!g.placement) continue;
      if (opts.current.current()?.photoPath !== g.recapPath) {
        opts.current.toast('info', 'Another recap is open now, so the imported photos were not linked. They are in its photo folder.');
        continue;
      }
      const seen = new Set<string>();
      const links: string[] = [];
      const placed: RowState[] = [];
      for (const r of rows) {
        if (!r.result || seen.has(r.result.photo.url)) continue;
        seen.add(r.result.photo.url);
        links.push(photoMarkdown(r.alt, r.result.photo.url));
        placed.push(r);
      }
      if (placeLinks(g.placement, links)) for (const r of placed) r.placed = true;
    }
  }, [placeLinks]);

  const runRow = useCallback(
    async (id: number): Promise<void> => {
      const b = batchRef.current;
      const row = b?.rows.get(id);
      if (!b || !row) return;
      row.status = 'importing';
      publish();
      try {
        let source: PhotoSource;
        if (row.source.path) source = { path: row.source.path };
        else if (row.source.file) {
          let dataBase64: string;
          try {
            dataBase64 = await readBase64(row.source.file);
          } catch {
            throw new Error(`${row.name} could not be read. Is it still there?`);
          }
          source = { name: row.name, dataBase64 };
        } else throw new Error(`${row.name} could not be read.`);
        const result = await api.importPhoto({ ...b.folder, source });
        row.result = result;
        row.alt = result.alt;
        if (!pendingAlt.current.has(result.photo.url)) pendingAlt.current.set(result.photo.url, result.alt);
        row.status = result.reused ? 'reused' : 'done';
        setPhotos((list) => (list ? sortPhotos([...list.filter((p) => p.name !== result.photo.name), result.photo]) : [result.photo]));
      } catch (err) {
        row.status = 'refused';
        // The service's own sentence; a file the page could not read says so plainly.
        row.message = errorCode(err) !== null || !(err instanceof Error) ? errorMessage(err) : err.message;
      }
    },
    [api, publish],
  );

  const pump = useCallback(() => {
    const b = batchRef.current;
    if (!b) return;
    while (b.active < PARALLEL && !b.cancelled && b.queue.length > 0) {
      const id = b.queue.shift()!;
      b.active++;
      void runRow(id).finally(() => {
        b.active--;
        settleGroups();
        pump();
        publish();
        if (b.active === 0 && b.queue.length === 0) {
          // The batch is over: the service's list is the truth, and the preview looks again.
          refresh();
          bumpPreview();
        }
      });
    }
    publish();
  }, [runRow, settleGroups, publish, refresh, bumpPreview]);

  const startImport = useCallback(
    async (items: SourceItem[], where: 'drop' | 'cursor' | 'none', dropPlacement?: Placement): Promise<void> => {
      if (items.length === 0) return;
      // The gesture's spot is taken now: the author may type while the recap is saved.
      let placement: Placement | null = where === 'drop' ? (dropPlacement ?? null) : where === 'cursor' ? cursorPlacement() : null;
      if (!opts.current.current()?.photoPath) {
        const savedNow = await opts.current.ensureSaved();
        if (!savedNow) return;
        // Saving does not change the text, so the spot still holds.
        if (placement) placement = { ...placement };
      }
      const recapPath = opts.current.current()?.photoPath;
      if (!recapPath) return;
      let f: PhotoFolderInfo;
      try {
        f = await resolveFolder(recapPath);
      } catch (err) {
        opts.current.toast('error', errorMessage(err));
        return;
      }
      let b = batchRef.current;
      const busy = b && (b.active > 0 || b.queue.length > 0);
      if (!b || !busy || b.folder.recapPath !== recapPath || b.folder.imageDir !== f.imageDir) {
        b = { rows: new Map(), groups: [], queue: [], active: 0, cancelled: false, folder: { recapPath, imageDir: f.imageDir } };
        batchRef.current = b;
      }
      b.cancelled = false;
      const group: Group = { rowIds: [], placement, recapPath, done: false };
      for (const item of items) {
        const id = ++rowSeq.current;
        b.rows.set(id, { id, name: item.name, status: 'queued', message: null, result: null, alt: '', placed: false, source: item, group: b.groups.length });
        group.rowIds.push(id);
        b.queue.push(id);
      }
      b.groups.push(group);
      pump();
    },
    [cursorPlacement, resolveFolder, pump],
  );

  const sourcesOf = useCallback(
    (files: File[], pasted = false): SourceItem[] => {
      const when = new Date();
      return files
        .filter((f) => !isRecapFile(f))
        .map((file, i) => {
          if (pasted && (file.name === '' || /^image\.\w+$/i.test(file.name))) return { name: pastedName(file, i, when), file, path: null };
          const p = pasted ? null : transport.pathForFile(file);
          return { name: file.name || pastedName(file, i, when), file, path: p };
        });
    },
    [transport],
  );

  const dropOnEditor = useCallback(
    (files: File[], offset: number | null) => {
      const cur = opts.current.current();
      if (!cur) return;
      if (offset === null) {
        void startImport(sourcesOf(files), 'cursor');
        return;
      }
      caretKnown.current = true;
      void startImport(sourcesOf(files), 'drop', { body: editorBody(cur.text), offset });
    },
    [startImport, sourcesOf],
  );
  const pasteInEditor = useCallback(
    (files: File[]) => {
      caretKnown.current = true;
      void startImport(sourcesOf(files, true), 'cursor');
    },
    [startImport, sourcesOf],
  );
  const dropAtCursor = useCallback((files: File[]) => void startImport(sourcesOf(files), 'cursor'), [startImport, sourcesOf]);
  const dropOnTray = useCallback((files: File[]) => void startImport(sourcesOf(files), 'none'), [startImport, sourcesOf]);

  const pick = useCallback(
    async (multiple: boolean): Promise<SourceItem[]> => {
      if (opts.current.info?.nativeDialogs ?? info?.nativeDialogs) {
        try {
          const paths = await api.showPhotoDialog({ multiple });
          return paths.map((p) => ({ name: baseName(p), file: null, path: p }));
        } catch (err) {
          if (errorCode(err) !== 'UNSUPPORTED') {
            opts.current.toast('error', errorMessage(err));
            return [];
          }
        }
      }
      return sourcesOf(await chooseFiles(multiple));
    },
    [api, info, sourcesOf],
  );

  const insertPhotos = useCallback(() => {
    // The caret is read before the chooser opens: choosing files moves the focus away.
    const placement = cursorPlacement();
    void pick(true).then((items) => startImport(items, placement ? 'drop' : 'cursor', placement ?? undefined));
  }, [pick, startImport, cursorPlacement]);
  const addPhotos = useCallback(() => void pick(true).then((items) => startImport(items, 'none')), [pick, startImport]);

  const setRowAlt = useCallback(
    (id: number, alt: string) => {
      const row = batchRef.current?.rows.get(id);
      if (!row) return;
      row.alt = alt;
      if (row.result) {
        const url = row.result.photo.url;
        // Placed: the links change as the author types; not (yet) placed: the tray remembers it.
        if (row.placed) editBody((body) => setPhotoAlt(body, url, alt));
        else pendingAlt.current.set(url, alt);
      }
      publish();
    },
    [editBody, publish],
  );

  const cancelBatch = useCallback(() => {
    const b = batchRef.current;
    if (!b) return;
    b.cancelled = true;
    for (const id of b.queue) {
      const row = b.rows.get(id);
      if (row) row.status = 'cancelled';
    }
    b.queue = [];
    settleGroups();
    publish();
    if (b.active === 0) {
      refresh();
      bumpPreview();
    }
  }, [settleGroups, publish, refresh, bumpPreview]);

  const closeBatch = useCallback(() => {
    const b = batchRef.current;
    if (b && (b.active > 0 || b.queue.length > 0)) return;
    batchRef.current = null;
    setBatch(null);
  }, []);

  // ---- The tray's actions ----------------------------------------------------------------------
  const uses = useMemo(() => photoUses(o.body), [o.body]);
  const coverValue = useMemo(() => {
    if (!o.coverField) return null;
    try {
      const v = getField(o.head, o.coverField);
      return typeof v === 'string' ? v : null;
    } catch {
      return null;
    }
  }, [o.head, o.coverField]);

  const altOf = useCallback(
    (photo: Photo): string => useOf(uses, photo.url)?.alt ?? pendingAlt.current.get(photo.url) ?? altFromFileName(photo.name),
    [uses],
  );

  const insertPhoto = useCallback(
    (photo: Photo) => {
      const placement = cursorPlacement();
      if (!placement) return;
      placeLinks(placement, [photoMarkdown(altOf(photo), photo.url)]);
    },
    [cursorPlacement, placeLinks, altOf],
  );

  const setAlt = useCallback(
    (photo: Photo, alt: string) => {
      if (useOf(photoUses(editorBody(opts.current.current()?.text ?? '')), photo.url)) editBody((body) => setPhotoAlt(body, photo.url, alt));
      else pendingAlt.current.set(photo.url, alt);
    },
    [editBody],
  );

  const setCover = useCallback((photo: Photo) => {
    const field = opts.current.coverField;
    if (!field) return;
    if (opts.current.edit((t) => setField(t, field, photo.url))) opts.current.toast('info', `${photo.name} is the cover now (${field}: ${photo.url}).`);
  }, []);

  const folderReq = useCallback(async (): Promise<{ recapPath: string; imageDir: string } | null> => {
    const recapPath = opts.current.path;
    if (!recapPath) return null;
    const f = await resolveFolder(recapPath);
    return { recapPath, imageDir: f.imageDir };
  }, [resolveFolder]);

  const replacePhoto = useCallback(
    (photo: Photo) => {
      void (async () => {
        const [item] = await pick(false);
        if (!item) return;
        try {
          const where = await folderReq();
          if (!where) return;
          let source: PhotoSource;
          if (item.path) source = { path: item.path };
          else if (item.file) source = { name: item.name, dataBase64: await readBase64(item.file) };
          else return;
          const fresh = await api.replacePhoto({ ...where, name: photo.name, source });
          if (fresh.name !== photo.name) {
            // Another format, another file: the links follow, then the old file goes.
            editBody((body) => replacePhotoUrl(body, photo.url, fresh.url));
            const field = opts.current.coverField;
            if (field && coverValue && samePhotoUrl(coverValue, photo.url)) opts.current.edit((t) => setField(t, field, fresh.url));
            await api.removePhoto({ ...where, name: photo.name }).catch(() => undefined);
            opts.current.toast('info', `Replaced ${photo.name} with ${fresh.name}; its links now point to the new file.`);
          } else {
            opts.current.toast('info', `Replaced ${photo.name}.`);
          }
          bumpPreview([photo.url, fresh.url]);
          refresh();
        } catch (err) {
          opts.current.toast('error', errorMessage(err));
        }
      })();
    },
    [api, pick, folderReq, editBody, coverValue, bumpPreview, refresh],
  );

  const removePhoto = useCallback(
    (photo: Photo) => {
      void (async () => {
        try {
          const where = await folderReq();
          if (!where) return;
          const { trashId } = await api.removePhoto({ ...where, name: photo.name });
          let result: ReturnType<typeof removePhotoLinks> | null = null;
          editBody((body) => {
            result = removePhotoLinks(body, photo.url);
            return result.body;
          });
          const r = result as ReturnType<typeof removePhotoLinks> | null;
          setPhotos((list) => list?.filter((p) => p.name !== photo.name) ?? null);
          setRemoved({ name: photo.name, trashId, links: r?.removed ?? 0, splices: r?.splices ?? [], afterBody: r?.body ?? '', ...where });
        } catch (err) {
          opts.current.toast('error', errorMessage(err));
        }
      })();
    },
    [api, folderReq, editBody],
  );

  const undoRemove = useCallback(() => {
    const r = removed;
    if (!r) return;
    setRemoved(null);
    void (async () => {
      try {
        await api.restorePhoto({ recapPath: r.recapPath, imageDir: r.imageDir, trashId: r.trashId });
        if (r.splices.length > 0 && opts.current.current()?.photoPath === r.recapPath) editBody((body) => restoreSplices(body, r.afterBody, r.splices));
        refresh();
        bumpPreview();
      } catch (err) {
        opts.current.toast('error', errorMessage(err));
      }
    })();
  }, [removed, api, editBody, refresh, bumpPreview]);

  const dismissRemoved = useCallback(() => setRemoved(null), []);

  return {
    folder,
    folderError,
    photos,
    listError,
    uses,
    cover: coverValue,
    coverField: o.coverField,
    batch,
    removed,
    previewRefresh,
    canImport: path !== null,
    dropOnEditor,
    pasteInEditor,
    dropAtCursor,
    dropOnTray,
    insertPhotos,
    addPhotos,
    altOf,
    insertPhoto,
    setAlt,
    setCover,
    replacePhoto,
    removePhoto,
    undoRemove,
    dismissRemoved,
    setImageDir,
    refresh,
    setRowAlt,
    cancelBatch,
    closeBatch,
  };
}
