// Drafts that are never lost. Every recap being written lives in the app's data folder:
//
//   <home>/drafts/<id>/recap.md        the Markdown, exactly as the editor holds it
//   <home>/drafts/<id>/meta.json       title, event date, photo count, cover, linked file…
//   <home>/drafts/<id>/static/images/… the draft's photos, the site's layout mirrored (imageFolderFor)
//   <home>/drafts/<id>/history/*.md    snapshots, thinned by age (history.ts)
//   <home>/trash/<id>/                 deleted drafts, restorable for 30 days
//   <home>/session.json, recent.json   what was open (crash recovery), recently opened files
//
// An autosave writes meta.json first (naming the new text's hash and the one on disk), then
// recap.md; both atomically (temp, fsync, rename, fsync folder). So after a kill at any moment
// recap.md is either the text before or the text after, and its hash is one of the two that
// meta.json names; any other recap.md is damaged (truncated by a failing disk, edited by a
// stranger), is set aside, and the last good snapshot takes its place.
//
// The home screen reads meta.json only (never the texts): 200 drafts list in milliseconds.

import { createHash, randomBytes } from 'node:crypto';
import { promises as nodeFs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { SiteProfile } from '../../core/contract';
import { writeFileAtomic } from '../files/atomic-write';
import { RecapError, describeFsError } from '../../core/errors';
import { readFrontMatter, setField, splitRecap, type FieldValue } from '../../core/frontmatter/frontmatter';
import { DEFAULT_HISTORY_POLICY, isSnapshotId, lineDiff, parseSnapshotId, snapshotId, thinHistory, type HistoryPolicy, type LineDiff } from '../../core/history';
import { imageDirFromText } from '../recap/image-dir';
import { imageFolderFor, loadProfile } from '../site/profile';
import { insideAllowedRoots, resolveImage } from '../files/containment';
import { isRecapFileName, readRecapFile } from '../files/recap-file';

/** The fs calls the store makes; tests pass a real fs with one call made to fail. */
export type DraftFs = Pick<typeof nodeFs, 'open' | 'rename' | 'unlink' | 'stat' | 'readFile' | 'readdir' | 'mkdir' | 'rm' | 'cp' | 'writeFile'>;

import { createKeyLock } from '../files/key-lock';
import type { DraftSummary, LinkedFileStatus, OpenedFileDraft, RecentFile, SessionRecovery, SnapshotInfo, TrashedDraft } from '../../core/contract';
export type { DraftSummary, LinkedFileStatus, OpenedFileDraft, RecentFile, SessionRecovery, SnapshotInfo, TrashedDraft };

export interface DraftStoreOptions {
  /** The app's data folder. Default: RECAP_STUDIO_HOME, else $XDG_DATA_HOME/recap-studio. */
  home?: string;
  fs?: DraftFs;
  /** The clock (epoch ms); tests move it. */
  now?: () => number;
  /** The site profile that decides a draft's fields and photo folder. Default: the built-in one. */
  profileFor?: (recapPath: string) => SiteProfile;
  history?: Partial<HistoryPolicy> & {
    /** While typing, the text on disk is snapshotted at most this often (default 60 s)… */
    snapshotEveryMs?: number;
    /** …and always when it has stood this long untouched (the end of a burst; default 30 s). */
    pauseMs?: number;
  };
  /** How long a deleted draft stays restorable (default 30 days). */
  trashMaxAgeMs?: number;
  /** Length of the recent-files list (default 20). */
  recentMax?: number;
}


export interface LoadedDraft {
  draft: DraftSummary;
  text: string;
  /** Set when recap.md was damaged and a snapshot took its place: what happened, for the author. */
  recovered: string | null;
}

export interface SaveDraftResult {
  /** False when the text was already saved (nothing was written). */
  changed: boolean;
  draft: DraftSummary;
  /** The snapshot this save added to the history, if any. */
  snapshot: string | null;
}






export interface DraftStore {
  readonly home: string;
  createDraft(text: string, opts?: { filePath?: string }): Promise<DraftSummary>;
  /** Opens a file from disk as a draft shadow (reusing the one it already has). */
  openFile(filePath: string): Promise<OpenedFileDraft>;
  saveDraft(id: string, text: string, opts?: { snapshot?: boolean }): Promise<SaveDraftResult>;
  loadDraft(id: string): Promise<LoadedDraft>;
  listDrafts(opts?: { query?: string }): Promise<DraftSummary[]>;
  duplicateDraft(id: string): Promise<DraftSummary>;
  deleteDraft(id: string): Promise<TrashedDraft>;
  restoreDraft(id: string): Promise<DraftSummary>;
  listTrash(): Promise<TrashedDraft[]>;
  purgeTrash(): Promise<number>;
  listHistory(id: string): Promise<SnapshotInfo[]>;
  readSnapshot(id: string, snapId: string): Promise<string>;
  /** The snapshot → the current text. */
  diffSnapshot(id: string, snapId: string): Promise<LineDiff>;
  restoreSnapshot(id: string, snapId: string): Promise<{ text: string; draft: DraftSummary; savedCurrentAs: string | null }>;
  checkLinkedFile(id: string): Promise<LinkedFileStatus>;
  /** Save: writes the text to the linked file, refusing CHANGED_ON_DISK when it changed since. */
  writeBackLinkedFile(id: string, text: string, opts?: { expectHash?: string | null }): Promise<LinkedFileStatus>;
  /** Save As: writes the text to a new file and links the draft to it. */
  saveDraftAs(id: string, filePath: string, text: string, opts?: { overwrite?: boolean }): Promise<LinkedFileStatus>;
  /**
   * An export wrote `text` to `postFile` for the recap at `recapPath` (a draft's own file or
   * its linked file): a draft without a file is linked to the post, and a draft linked to that
   * very post learns the file's new state, so Save knows the write was its own. null when no
   * draft is that recap, or it is linked to another file.
   */
  adoptExportedPost(recapPath: string, postFile: string, text: string): Promise<DraftSummary | null>;
  /** Reload: the file's text replaces the draft's (which goes to the history first). */
  reloadLinkedFile(id: string): Promise<{ text: string; draft: DraftSummary }>;
  setOpenDrafts(ids: string[]): Promise<void>;
  markSessionClean(): Promise<void>;
  recoverSession(): Promise<SessionRecovery>;
  addRecentFile(filePath: string): Promise<RecentFile[]>;
  listRecentFiles(): Promise<RecentFile[]>;
  removeRecentFile(filePath: string): Promise<RecentFile[]>;
  /** Makes (once) and returns the cover's 320 px thumbnail, or null when there is no cover. */
  coverThumbnail(id: string): Promise<string | null>;
}

// ---------------------------------------------------------------------------------------------

interface LinkedFile {
  path: string;
  mtimeMs: number;
  size: number;
  /** sha256 of the file's bytes when last loaded or written back. */
  sha: string;
}

interface PhotoCache {
  dirMtimeMs: number | null;
  count: number;
  first: string | null;
}

interface DraftMeta {
  version: 1;
  id: string;
  created: string;
  updated: string;
  /** sha256 of recap.md as written by the last save (or the save under way). */
  sha: string;
  /** sha256 of recap.md before that save: what a kill between the two writes leaves. */
  prevSha: string | null;
  bytes: number;
  title: string;
  eventDate: string | null;
  imageDir: string;
  coverUrl: string | null;
  photos: PhotoCache;
  linked: LinkedFile | null;
  lastSnapshot: { id: string; hash: string; takenAt: number } | null;
  coverThumb: { source: string; dirMtimeMs: number | null; file: string } | null;
  /** Texts that were saved to the file or exported (by sha256), newest last: History labels them. */
  marks?: Array<{ sha: string; kind: 'saved' | 'exported'; at: string }>;
}

interface SessionFile {
  version: 1;
  clean: boolean;
  open: string[];
  updated: string;
}

const ID = /^[a-z0-9]{4,16}-[0-9a-f]{6}$/;
const IMAGE_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png', '.gif', '.webp', '.avif', '.svg']);
const DAY = 24 * 3600 * 1000;

export function defaultDraftsHome(): string {
  const env = process.env['RECAP_STUDIO_HOME'];
  if (env) return path.resolve(env);
  const data = process.env['XDG_DATA_HOME'] || path.join(os.homedir(), '.local', 'share');
  return path.join(data, 'recap-studio');
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** "14:05" in local time. */
export function clockTime(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

function isNodeError(err: unknown, code: string): boolean {
  return (err as { code?: unknown } | null)?.code === code;
}

/** Why a recap.md cannot be trusted, or null when it decodes as text. */
function textProblem(bytes: Buffer): string | null {
  if (bytes.includes(0)) return 'contains binary data';
  try {
    new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return null;
  } catch {
    return 'is not valid UTF-8 text';
  }
}

function decode(bytes: Buffer): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

function fieldText(value: FieldValue | undefined): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

function quoted(title: string): string {
  return title.trim() === '' ? 'Untitled recap' : `“${title.trim()}”`;
}

export function createDraftStore(options: DraftStoreOptions = {}): DraftStore {
  const home = path.resolve(options.home ?? defaultDraftsHome());
  const fs: DraftFs = options.fs ?? nodeFs;
  const now = options.now ?? Date.now;
  const profileFor = options.profileFor ?? ((): SiteProfile => loadProfile());
  const policy: HistoryPolicy = { ...DEFAULT_HISTORY_POLICY, ...options.history };
  const snapshotEveryMs = options.history?.snapshotEveryMs ?? 60_000;
  const pauseMs = options.history?.pauseMs ?? 30_000;
  const trashMaxAgeMs = options.trashMaxAgeMs ?? 30 * DAY;
  const recentMax = options.recentMax ?? 20;

  const draftsDir = path.join(home, 'drafts');
  const trashDir = path.join(home, 'trash');
  const sessionFile = path.join(home, 'session.json');
  const recentFile = path.join(home, 'recent.json');

  const dirOf = (id: string): string => path.join(draftsDir, id);
  const recapOf = (id: string): string => path.join(dirOf(id), 'recap.md');
  const metaOf = (id: string): string => path.join(dirOf(id), 'meta.json');
  const historyOf = (id: string): string => path.join(dirOf(id), 'history');

  /** The meta.json last written (or read) per draft. */
  const metas = new Map<string, DraftMeta>();
  /** The sha and text recap.md holds, per draft this process has read or written. */
  const onDisk = new Map<string, { sha: string; text: string }>();
  /** The front matter last parsed per draft: autosaves that only touch the body skip YAML. */
  const yamlSeen = new Map<string, string>();
  /** Photo folder counts by folder mtime, so listing twice does not read folders twice. */
  const photoCounts = new Map<string, PhotoCache>();
  const locked = createKeyLock();

  function checkId(id: unknown): string {
    if (typeof id !== 'string' || !ID.test(id)) throw new RecapError('BAD_REQUEST', `"${String(id)}" is not a draft id.`);
    return id;
  }

  function newId(): string {
    return `${now().toString(36)}-${randomBytes(3).toString('hex')}`;
  }

  const iso = (ms: number): string => new Date(ms).toISOString();

  async function syncDir(dir: string): Promise<void> {
    try {
      const handle = await fs.open(dir, 'r');
      await handle.sync().catch(() => undefined);
      await handle.close();
    } catch {
      // Best effort: not every platform opens folders.
    }
  }

  /** writeFileAtomic, with the author-facing message the caller chooses. */
  async function writeAtomic(file: string, data: string, failure: (cause: unknown) => string): Promise<void> {
    try {
      await writeFileAtomic(file, data, fs);
    } catch (err) {
      const cause = err instanceof RecapError ? (err.cause ?? err) : err;
      throw new RecapError('SAVE_FAILED', failure(cause), { cause });
    }
  }

  // ---- summaries ------------------------------------------------------------------------------

  function photoRecapPathOf(meta: DraftMeta): string {
    return meta.linked?.path ?? recapOf(meta.id);
  }

  function photoDirOf(meta: DraftMeta): string {
    const recap = photoRecapPathOf(meta);
    return imageFolderFor(recap, profileFor(recap), meta.imageDir).dir;
  }

  async function countPhotos(dir: string, known: PhotoCache | null): Promise<PhotoCache> {
    let mtime: number;
    try {
      mtime = (await fs.stat(dir)).mtimeMs;
    } catch {
      return { dirMtimeMs: null, count: 0, first: null };
    }
    if (known && known.dirMtimeMs === mtime) return known;
    const memo = photoCounts.get(dir);
    if (memo && memo.dirMtimeMs === mtime) return memo;
    let names: string[] = [];
    try {
      const entries = await fs.readdir(dir, { withFileTypes: true });
      names = entries
        .filter((e) => !e.name.startsWith('.') && (e.isFile() || e.isSymbolicLink()) && IMAGE_EXTENSIONS.has(path.extname(e.name).toLowerCase()))
        .map((e) => e.name)
        .sort();
    } catch {
      // Unreadable: counted as none.
    }
    const result = { dirMtimeMs: mtime, count: names.length, first: names[0] ?? null };
    photoCounts.set(dir, result);
    return result;
  }

  /** Title, event date, cover and image folder from the text; YAML parsed only when it changed. */
  function describeText(id: string, text: string, base: Pick<DraftMeta, 'title' | 'eventDate' | 'coverUrl' | 'imageDir' | 'photos'> | null, linkedPath: string | null, recapPath: string): Pick<DraftMeta, 'title' | 'eventDate' | 'coverUrl' | 'imageDir'> {
    const profile = profileFor(recapPath);
    const yaml = splitRecap(text).yaml;
    let title = base?.title ?? '';
    let eventDate = base?.eventDate ?? null;
    let coverUrl = base?.coverUrl ?? null;
    if (!base || yamlSeen.get(id) !== yaml) {
      const fields = new Map(readFrontMatter(text).fields.map((f) => [f.key, f.value]));
      const dateKey = profile.fields.find((f) => f.type === 'date')?.key ?? 'createTime';
      title = fieldText(fields.get('title')) ?? '';
      eventDate = fieldText(fields.get(dateKey));
      coverUrl = profile.photos.coverField ? fieldText(fields.get(profile.photos.coverField)) : null;
      yamlSeen.set(id, yaml);
    }
    // The photo folder follows the text's own photo links; before the first photo it follows
    // the title, and once photos are in it, it stays put.
    const guess = imageDirFromText(text, profile, linkedPath);
    let imageDir = base?.imageDir ?? guess;
    if (base && guess !== imageDir) {
      const linksToGuess = text.includes(`${profile.images.url.replace(/\{imageDir\}/g, guess)}/`);
      if (linksToGuess || base.photos.dirMtimeMs === null) imageDir = guess;
    }
    return { title, eventDate, coverUrl, imageDir };
  }

  function summaryOf(meta: DraftMeta, photos: PhotoCache = meta.photos): DraftSummary {
    const photoRecap = photoRecapPathOf(meta);
    let coverPath: string | null = null;
    if (meta.coverUrl) {
      // The cover field is part of the recap, so it obeys the containment rule: a path out of
      // the recap's folders is never read, thumbnailed or served.
      const hit = resolveImage(meta.coverUrl, photoRecap, [profileFor(photoRecap)]);
      coverPath = hit.kind === 'found' ? hit.file : null;
    }
    if (!coverPath && photos.first) {
      const first = path.join(photoDirOf(meta), photos.first);
      // The folder's first photo may be a symlink: it must lead inside the recap's folders too.
      coverPath = insideAllowedRoots(first, photoRecap, profileFor(photoRecap)) ? first : null;
    }
    const thumb = meta.coverThumb;
    const coverThumb = thumb && coverPath && thumb.source === coverPath && thumb.dirMtimeMs === photos.dirMtimeMs ? thumb.file : null;
    return {
      id: meta.id,
      title: meta.title,
      eventDate: meta.eventDate,
      photoCount: photos.count,
      created: meta.created,
      updated: meta.updated,
      coverPath,
      coverThumb,
      recapPath: recapOf(meta.id),
      photoRecapPath: photoRecap,
      imageDir: meta.imageDir,
      linkedPath: meta.linked?.path ?? null,
      unsavedToFile: meta.linked !== null && meta.linked.sha !== meta.sha,
    };
  }

  // ---- meta -----------------------------------------------------------------------------------

  function parseMeta(raw: string, id: string): DraftMeta | null {
    try {
      const m = JSON.parse(raw) as DraftMeta;
      if (m && m.version === 1 && m.id === id && typeof m.sha === 'string' && typeof m.updated === 'string') return m;
    } catch {
      // Damaged: rebuilt from recap.md by the caller.
    }
    return null;
  }

  async function readMetaFile(id: string): Promise<DraftMeta | null> {
    try {
      return parseMeta(await fs.readFile(metaOf(id), 'utf8'), id);
    } catch (err) {
      if (isNodeError(err, 'ENOENT')) return null;
      throw new RecapError('UNREADABLE', `Cannot read draft ${id}: ${describeFsError(err)}.`, { cause: err });
    }
  }

  async function exists(p: string): Promise<boolean> {
    try {
      await fs.stat(p);
      return true;
    } catch {
      return false;
    }
  }

  /** The autosave failure as the author reads it. */
  function autosaveFailure(title: string, lastSaved: string | null): (cause: unknown) => string {
    const when = lastSaved ? ` (${clockTime(Date.parse(lastSaved))})` : '';
    return (cause) => `Could not autosave ${quoted(title)}: ${describeFsError(cause)}. The last autosaved version${when} is intact and your text is still in the editor; it will be saved once the problem is fixed.`;
  }

  /** Records that the draft's current text was saved to its file or exported (under the draft's lock). */
  async function markText(id: string, kind: 'saved' | 'exported'): Promise<void> {
    const meta = await getMeta(id);
    const marks = [...(meta.marks ?? []).filter((m) => !(m.sha === meta.sha && m.kind === kind)), { sha: meta.sha, kind, at: iso(now()) }].slice(-100);
    await writeMeta({ ...meta, marks }).catch(() => undefined);
  }

  async function writeMeta(meta: DraftMeta, failure: (cause: unknown) => string = autosaveFailure(meta.title, null)): Promise<void> {
    await writeAtomic(metaOf(meta.id), `${JSON.stringify(meta, null, 1)}\n`, failure);
    metas.set(meta.id, meta);
  }

  /** A meta for a text: used for new drafts and to rebuild a lost meta.json. */
  async function metaFor(id: string, text: string, time: number, linked: LinkedFile | null, base: Partial<DraftMeta> = {}): Promise<DraftMeta> {
    const sha = sha256(text);
    const meta: DraftMeta = {
      version: 1,
      id,
      created: iso(time),
      updated: iso(time),
      sha,
      prevSha: null,
      bytes: Buffer.byteLength(text),
      title: '',
      eventDate: null,
      imageDir: base.imageDir ?? '',
      coverUrl: null,
      photos: { dirMtimeMs: null, count: 0, first: null },
      linked,
      lastSnapshot: null,
      coverThumb: null,
      ...base,
    };
    yamlSeen.delete(id);
    Object.assign(meta, describeText(id, text, null, linked?.path ?? null, linked?.path ?? recapOf(id)));
    // A duplicate keeps its original's photo folder, whatever its new title says.
    if (base.imageDir) meta.imageDir = base.imageDir;
    meta.photos = await countPhotos(photoDirOf(meta), null);
    return meta;
  }

  /** The meta of a draft that exists; a missing or damaged meta.json is rebuilt from recap.md. */
  async function getMeta(id: string): Promise<DraftMeta> {
    checkId(id);
    const cached = metas.get(id);
    if (cached) return cached;
    const meta = await readMetaFile(id);
    if (meta) {
      metas.set(id, meta);
      return meta;
    }
    if (!(await exists(dirOf(id)))) throw new RecapError('NOT_FOUND', `There is no draft ${id} (it may have been deleted).`);
    let text = '';
    let created = now();
    try {
      const bytes = await fs.readFile(recapOf(id));
      text = decode(bytes);
      created = (await fs.stat(recapOf(id))).mtimeMs;
    } catch {
      // No text either: an empty draft.
    }
    const rebuilt = await metaFor(id, text, created, null);
    await writeMeta(rebuilt).catch(() => metas.set(id, rebuilt));
    return rebuilt;
  }

  // ---- history --------------------------------------------------------------------------------

  async function snapshotRefs(id: string): Promise<Array<{ id: string; time: number; hash: string }>> {
    let names: string[];
    try {
      names = await fs.readdir(historyOf(id));
    } catch {
      return [];
    }
    const refs: Array<{ id: string; time: number; hash: string }> = [];
    for (const name of names) {
      if (!name.endsWith('.md')) continue;
      const sid = name.slice(0, -3);
      const parsed = parseSnapshotId(sid);
      if (parsed) refs.push({ id: sid, ...parsed });
    }
    return refs.sort((a, b) => b.time - a.time || (a.id < b.id ? 1 : -1));
  }

  /** Writes a snapshot of `text` as of `time`, then thins the folder. Returns its id. */
  async function takeSnapshot(id: string, text: string, time: number): Promise<{ id: string; hash: string; takenAt: number }> {
    const hash = sha256(text);
    const sid = snapshotId(time, hash);
    const dir = historyOf(id);
    await fs.mkdir(dir, { recursive: true });
    await writeAtomic(path.join(dir, `${sid}.md`), text, (cause) => `Could not keep a version of the draft: ${describeFsError(cause)}.`);
    const { drop } = thinHistory(await snapshotRefs(id), now(), policy);
    await Promise.all(drop.filter((s) => s.id !== sid).map((s) => fs.unlink(path.join(dir, `${s.id}.md`)).catch(() => undefined)));
    return { id: sid, hash, takenAt: now() };
  }

  /** The newest snapshot that reads back as the text its name promises. */
  async function lastGoodSnapshot(id: string): Promise<{ id: string; text: string; time: number } | null> {
    for (const ref of await snapshotRefs(id)) {
      try {
        const bytes = await fs.readFile(path.join(historyOf(id), `${ref.id}.md`));
        if (bytes.length > 0 && textProblem(bytes) === null && sha256(bytes).startsWith(ref.hash)) return { id: ref.id, text: decode(bytes), time: ref.time };
      } catch {
        // Try the one before.
      }
    }
    return null;
  }

  // ---- the text on disk -----------------------------------------------------------------------

  async function currentOnDisk(id: string): Promise<{ sha: string; text: string } | null> {
    const known = onDisk.get(id);
    if (known) return known;
    try {
      const text = decode(await fs.readFile(recapOf(id)));
      const entry = { sha: sha256(text), text };
      onDisk.set(id, entry);
      return entry;
    } catch {
      return null;
    }
  }

  /**
   * The autosave path, under the draft's lock. `outgoing`: snapshot the text being replaced
   * when due ('auto'), always ('force'), or never. `snapshotNew`: also snapshot the new text.
   */
  async function saveLocked(id: string, text: string, how: { outgoing: 'auto' | 'force' | 'never'; snapshotNew?: boolean; linked?: LinkedFile | null }): Promise<SaveDraftResult & { savedOutgoingAs: string | null }> {
    if (typeof text !== 'string') throw new RecapError('BAD_REQUEST', 'A draft text must be a string.');
    const meta = await getMeta(id);
    const disk = await currentOnDisk(id);
    const sha = sha256(text);
    const time = now();
    const linkedChanged = how.linked !== undefined;
    let lastSnapshot = meta.lastSnapshot;
    let snapshot: string | null = null;
    let savedOutgoingAs: string | null = null;

    if (disk && disk.sha === sha && meta.sha === sha && !linkedChanged && !how.snapshotNew) {
      return { changed: false, draft: summaryOf(meta), snapshot: null, savedOutgoingAs: null };
    }

    // An empty text is not a version worth keeping (nor one to recover to).
    if (disk && disk.sha !== sha && disk.text !== '' && how.outgoing !== 'never' && lastSnapshot?.hash !== disk.sha) {
      const due = how.outgoing === 'force' || !lastSnapshot || time - lastSnapshot.takenAt >= snapshotEveryMs || time - Date.parse(meta.updated) >= pauseMs;
      if (due) {
        // A failed snapshot costs history, never the save.
        try {
          lastSnapshot = await takeSnapshot(id, disk.text, how.outgoing === 'force' ? time : Math.min(time, Date.parse(meta.updated)));
          snapshot = lastSnapshot.id;
          savedOutgoingAs = lastSnapshot.id;
        } catch {
          // Kept going on purpose.
        }
      }
    }

    const linked = linkedChanged ? (how.linked ?? null) : meta.linked;
    // The photo folder as it is now: whether it exists decides if the image folder may move.
    const photosNow = linked?.path === meta.linked?.path ? await countPhotos(photoDirOf(meta), meta.photos) : meta.photos;
    const described = describeText(id, text, { ...meta, photos: photosNow }, linked?.path ?? null, linked?.path ?? recapOf(id));
    const next: DraftMeta = {
      ...meta,
      ...described,
      updated: disk?.sha === sha && meta.sha === sha ? meta.updated : iso(time),
      sha,
      prevSha: disk?.sha ?? null,
      bytes: Buffer.byteLength(text),
      linked,
      lastSnapshot,
    };
    next.photos = described.imageDir === meta.imageDir && linked?.path === meta.linked?.path ? photosNow : await countPhotos(photoDirOf(next), null);

    // meta.json first (it names both the new text and the one on disk), then recap.md.
    const failure = autosaveFailure(next.title, disk ? meta.updated : null);
    await writeMeta(next, failure);
    if (!disk || disk.sha !== sha) {
      // On failure the next try's message still names the last version that was saved.
      await writeAtomic(recapOf(id), text, (cause) => (metas.set(id, { ...next, updated: meta.updated }), failure(cause)));
      onDisk.set(id, { sha, text });
    }

    if (how.snapshotNew && next.lastSnapshot?.hash !== sha) {
      try {
        next.lastSnapshot = await takeSnapshot(id, text, time);
        snapshot = next.lastSnapshot.id;
        await writeMeta(next);
      } catch {
        // History only.
      }
    }
    return { changed: true, draft: summaryOf(next), snapshot, savedOutgoingAs };
  }

  // ---- drafts ---------------------------------------------------------------------------------

  async function linkedFromDisk(file: string): Promise<LinkedFile> {
    let stat;
    let bytes: Buffer;
    try {
      stat = await fs.stat(file);
      bytes = await fs.readFile(file);
    } catch (err) {
      throw new RecapError(isNodeError(err, 'ENOENT') ? 'NOT_FOUND' : 'UNREADABLE', `Cannot open ${file}: ${describeFsError(err)}.`, { cause: err });
    }
    return { path: file, mtimeMs: stat.mtimeMs, size: stat.size, sha: sha256(bytes) };
  }

  /**
   * A new draft is assembled in drafts/.new-<id> and renamed into place, so a kill during
   * creation leaves no half draft (the staging folder is purged later).
   */
  async function createLocked(text: string, linked: LinkedFile | null, base: Partial<DraftMeta> = {}, fill?: (staging: string, final: string) => Promise<void>): Promise<DraftSummary> {
    if (typeof text !== 'string') throw new RecapError('BAD_REQUEST', 'A draft text must be a string.');
    const id = newId();
    const staging = path.join(draftsDir, `.new-${id}`);
    const time = now();
    const failure = (cause: unknown): string => `Could not create the draft in ${draftsDir}: ${describeFsError(cause)}.`;
    let meta: DraftMeta;
    try {
      await fs.mkdir(path.join(staging, 'history'), { recursive: true });
      meta = await metaFor(id, text, time, linked, base);
      if (text !== '') {
        const hash = sha256(text);
        const sid = snapshotId(time, hash);
        await writeAtomic(path.join(staging, 'history', `${sid}.md`), text, failure);
        meta.lastSnapshot = { id: sid, hash, takenAt: time };
      }
      if (fill) await fill(staging, dirOf(id));
      await writeAtomic(path.join(staging, 'recap.md'), text, failure);
      await writeAtomic(path.join(staging, 'meta.json'), `${JSON.stringify(meta, null, 1)}\n`, failure);
      await fs.rename(staging, dirOf(id));
      await syncDir(draftsDir);
    } catch (err) {
      await fs.rm(staging, { recursive: true, force: true }).catch(() => undefined);
      if (err instanceof RecapError) throw err;
      throw new RecapError('SAVE_FAILED', failure(err), { cause: err });
    }
    meta.photos = await countPhotos(photoDirOf(meta), null);
    metas.set(id, meta);
    onDisk.set(id, { sha: meta.sha, text });
    return summaryOf(meta);
  }

  async function createDraft(text: string, opts: { filePath?: string } = {}): Promise<DraftSummary> {
    const linked = opts.filePath ? await linkedFromDisk(path.resolve(opts.filePath)) : null;
    return createLocked(text, linked);
  }

  /** Temp files a kill left mid-write (never the real files: those are only ever renamed over). */
  async function removeStaleTemps(id: string): Promise<void> {
    for (const dir of [dirOf(id), historyOf(id)]) {
      let names: string[];
      try {
        names = await fs.readdir(dir);
      } catch {
        continue;
      }
      await Promise.all(names.filter((n) => /^\..+\.tmp$/.test(n)).map((n) => fs.unlink(path.join(dir, n)).catch(() => undefined)));
    }
  }

  async function loadDraft(idIn: string): Promise<LoadedDraft> {
    const id = checkId(idIn);
    return locked(id, async () => {
      metas.delete(id);
      onDisk.delete(id);
      await removeStaleTemps(id);
      const fromFile = await readMetaFile(id);
      const hadMeta = fromFile !== null;
      if (fromFile) metas.set(id, fromFile);
      const meta = await getMeta(id);
      let bytes: Buffer | null = null;
      try {
        bytes = await fs.readFile(recapOf(id));
      } catch (err) {
        if (!isNodeError(err, 'ENOENT')) throw new RecapError('UNREADABLE', `Cannot open the draft ${quoted(meta.title)}: ${describeFsError(err)}.`, { cause: err });
      }
      let problem: string | null = bytes === null ? 'was missing' : textProblem(bytes);
      const sha = bytes ? sha256(bytes) : '';
      if (!problem && hadMeta && sha !== meta.sha && sha !== meta.prevSha) {
        problem = bytes && bytes.length === 0 ? 'was empty' : bytes && bytes.length < meta.bytes ? 'was cut short' : 'did not match what was last saved';
      }
      if (!problem && bytes) {
        const text = decode(bytes);
        onDisk.set(id, { sha, text });
        let current = meta;
        if (sha !== meta.sha) {
          // Killed between meta.json and recap.md: recap.md holds the last completed autosave.
          current = { ...meta, ...describeText(id, text, null, meta.linked?.path ?? null, photoRecapPathOf(meta)), imageDir: meta.imageDir, sha, prevSha: null, bytes: bytes.length };
          await writeMeta(current).catch(() => metas.set(id, current));
        }
        return { draft: summaryOf(current), text, recovered: null };
      }

      // Damaged: set it aside (never delete what might hold words), use the last good version.
      const stamp = iso(now()).replace(/[-:.]/g, '');
      const aside = `recap.corrupt-${stamp}.md`;
      if (bytes !== null) await fs.rename(recapOf(id), path.join(dirOf(id), aside)).catch(() => undefined);
      const good = await lastGoodSnapshot(id);
      let text: string;
      let from: string;
      if (good) {
        text = good.text;
        from = `the last good version, from ${clockTime(good.time)} on ${iso(good.time).slice(0, 10)}, was restored`;
      } else if (bytes && bytes.length > 0) {
        text = decode(bytes);
        from = 'no earlier version was kept, so what could be read was kept';
      } else {
        text = '';
        from = 'no earlier version was kept, so the draft is empty';
      }
      const fixed: DraftMeta = { ...meta, ...describeText(id, text, null, meta.linked?.path ?? null, photoRecapPathOf(meta)), imageDir: meta.imageDir, sha: sha256(text), prevSha: null, bytes: Buffer.byteLength(text), updated: iso(now()) };
      await writeMeta(fixed);
      await writeAtomic(recapOf(id), text, (cause) => `Could not repair the draft ${quoted(fixed.title)}: ${describeFsError(cause)}.`);
      onDisk.set(id, { sha: fixed.sha, text });
      const message = `The draft ${quoted(fixed.title)} ${problem}${bytes !== null ? `; it was set aside as ${aside}` : ''} and ${from}.`;
      return { draft: summaryOf(fixed), text, recovered: message };
    });
  }

  async function draftIds(): Promise<string[]> {
    try {
      return (await fs.readdir(draftsDir)).filter((n) => ID.test(n));
    } catch (err) {
      if (isNodeError(err, 'ENOENT')) return [];
      throw new RecapError('UNREADABLE', `Cannot read the drafts folder ${draftsDir}: ${describeFsError(err)}.`, { cause: err });
    }
  }

  async function allMetas(): Promise<DraftMeta[]> {
    const ids = await draftIds();
    const out: DraftMeta[] = [];
    // In batches: 200 drafts must not mean 200 open files at once.
    for (let i = 0; i < ids.length; i += 32) {
      const batch = await Promise.all(
        ids.slice(i, i + 32).map(async (id) => {
          const cached = metas.get(id);
          if (cached) return cached;
          const fromDisk = await readMetaFile(id).catch(() => null);
          if (fromDisk) return fromDisk;
          return locked(id, () => getMeta(id)).catch(() => null);
        }),
      );
      for (const m of batch) if (m) out.push(m);
    }
    return out;
  }

  async function listDrafts(opts: { query?: string } = {}): Promise<DraftSummary[]> {
    const metasNow = await allMetas();
    const summaries = await Promise.all(metasNow.map(async (m) => summaryOf(m, await countPhotos(photoDirOf(m), m.photos))));
    const q = (opts.query ?? '').trim().toLowerCase();
    const hit = (s: DraftSummary): boolean => q === '' || [s.title, s.eventDate ?? '', s.linkedPath ?? '', s.imageDir].some((v) => v.toLowerCase().includes(q));
    return summaries.filter(hit).sort((a, b) => (a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : 0));
  }

  async function duplicateDraft(idIn: string): Promise<DraftSummary> {
    const id = checkId(idIn);
    const { meta, text } = await locked(id, async () => {
      const m = await getMeta(id);
      const disk = await currentOnDisk(id);
      return { meta: m, text: disk?.text ?? '' };
    });
    let copyText = text;
    if (meta.title.trim() !== '') {
      try {
        copyText = setField(text, 'title', `${meta.title} (copy)`);
      } catch {
        // A front matter we cannot edit: the copy keeps the same title.
      }
    }
    const sourcePhotos = photoDirOf(meta);
    return createLocked(copyText, null, { imageDir: meta.imageDir }, async (staging, final) => {
      // The copy gets its own photos, beside it, whether the original's were in a site or not.
      const target = imageFolderFor(path.join(final, 'recap.md'), profileFor(path.join(final, 'recap.md')), meta.imageDir).dir;
      if (!(await exists(sourcePhotos))) return;
      await fs.cp(sourcePhotos, path.join(staging, path.relative(final, target)), { recursive: true });
    });
  }

  // ---- trash ----------------------------------------------------------------------------------

  async function trashedInfo(id: string): Promise<TrashedDraft | null> {
    const dir = path.join(trashDir, id);
    let deletedAt: string | null = null;
    try {
      const raw = JSON.parse(await fs.readFile(path.join(dir, 'trashed.json'), 'utf8')) as { deletedAt?: unknown };
      if (typeof raw.deletedAt === 'string') deletedAt = raw.deletedAt;
    } catch {
      // Killed before trashed.json was written: the folder's own time stands in.
    }
    if (deletedAt === null) {
      try {
        deletedAt = iso((await fs.stat(dir)).mtimeMs);
      } catch {
        return null;
      }
    }
    let title = '';
    try {
      title = (JSON.parse(await fs.readFile(path.join(dir, 'meta.json'), 'utf8')) as { title?: string }).title ?? '';
    } catch {
      // Untitled.
    }
    return { id, title, deletedAt, expiresAt: iso(Date.parse(deletedAt) + trashMaxAgeMs) };
  }

  async function deleteDraft(idIn: string): Promise<TrashedDraft> {
    const id = checkId(idIn);
    return locked(id, async () => {
      const meta = await getMeta(id);
      const deletedAt = iso(now());
      try {
        await fs.mkdir(trashDir, { recursive: true });
        await fs.rm(path.join(trashDir, id), { recursive: true, force: true });
        await fs.rename(dirOf(id), path.join(trashDir, id));
        await fs.writeFile(path.join(trashDir, id, 'trashed.json'), JSON.stringify({ deletedAt }));
      } catch (err) {
        throw new RecapError('SAVE_FAILED', `Could not delete ${quoted(meta.title)}: ${describeFsError(err)}.`, { cause: err });
      }
      metas.delete(id);
      onDisk.delete(id);
      yamlSeen.delete(id);
      return { id, title: meta.title, deletedAt, expiresAt: iso(Date.parse(deletedAt) + trashMaxAgeMs) };
    });
  }

  async function restoreDraft(idIn: string): Promise<DraftSummary> {
    const id = checkId(idIn);
    await purgeTrash();
    return locked(id, async () => {
      const from = path.join(trashDir, id);
      if (!(await exists(from))) throw new RecapError('NOT_FOUND', `That draft is no longer in the trash (deleted drafts are kept for ${Math.round(trashMaxAgeMs / DAY)} days).`);
      if (await exists(dirOf(id))) throw new RecapError('EXISTS', `A draft ${id} already exists.`);
      try {
        await fs.mkdir(draftsDir, { recursive: true });
        await fs.rename(from, dirOf(id));
      } catch (err) {
        throw new RecapError('SAVE_FAILED', `Could not restore the draft: ${describeFsError(err)}.`, { cause: err });
      }
      await fs.unlink(path.join(dirOf(id), 'trashed.json')).catch(() => undefined);
      metas.delete(id);
      const meta = await getMeta(id);
      return summaryOf(meta, await countPhotos(photoDirOf(meta), meta.photos));
    });
  }

  async function listTrash(): Promise<TrashedDraft[]> {
    await purgeTrash();
    let names: string[];
    try {
      names = (await fs.readdir(trashDir)).filter((n) => ID.test(n));
    } catch {
      return [];
    }
    const items = await Promise.all(names.map(trashedInfo));
    return items.filter((t): t is TrashedDraft => t !== null).sort((a, b) => (a.deletedAt < b.deletedAt ? 1 : -1));
  }

  async function purgeTrash(): Promise<number> {
    let purged = 0;
    let names: string[] = [];
    try {
      names = (await fs.readdir(trashDir)).filter((n) => ID.test(n));
    } catch {
      // No trash yet.
    }
    for (const id of names) {
      const info = await trashedInfo(id);
      if (info && now() - Date.parse(info.deletedAt) > trashMaxAgeMs) {
        await fs.rm(path.join(trashDir, id), { recursive: true, force: true }).catch(() => undefined);
        purged++;
      }
    }
    // Drafts whose creation was cut short.
    try {
      for (const name of await fs.readdir(draftsDir)) {
        if (!name.startsWith('.new-')) continue;
        const stat = await fs.stat(path.join(draftsDir, name)).catch(() => null);
        if (stat && now() - stat.mtimeMs > DAY) await fs.rm(path.join(draftsDir, name), { recursive: true, force: true }).catch(() => undefined);
      }
    } catch {
      // No drafts yet.
    }
    return purged;
  }

  // ---- history API ----------------------------------------------------------------------------

  function checkSnapId(snapId: unknown): string {
    if (typeof snapId !== 'string' || !isSnapshotId(snapId)) throw new RecapError('BAD_REQUEST', `"${String(snapId)}" is not a version of this draft.`);
    return snapId;
  }

  async function listHistory(idIn: string): Promise<SnapshotInfo[]> {
    const id = checkId(idIn);
    const meta = await getMeta(id);
    const refs = await snapshotRefs(id);
    const sizes = await Promise.all(refs.map((r) => fs.stat(path.join(historyOf(id), `${r.id}.md`)).then((s) => s.size, () => -1)));
    const labelOf = (hash: string): 'saved' | 'exported' | null => [...(meta.marks ?? [])].reverse().find((m) => m.sha.startsWith(hash))?.kind ?? null;
    return refs.flatMap((r, i) => {
      if ((sizes[i] ?? -1) < 0) return [];
      const label = labelOf(r.hash);
      return [{ id: r.id, time: iso(r.time), bytes: sizes[i] ?? 0, isCurrent: meta.sha.startsWith(r.hash), ...(label ? { label } : {}) }];
    });
  }

  async function readSnapshot(idIn: string, snapIdIn: string): Promise<string> {
    const id = checkId(idIn);
    const snapId = checkSnapId(snapIdIn);
    await getMeta(id);
    try {
      return decode(await fs.readFile(path.join(historyOf(id), `${snapId}.md`)));
    } catch (err) {
      if (isNodeError(err, 'ENOENT')) throw new RecapError('NOT_FOUND', 'That version is no longer in the history (older versions are thinned out).');
      throw new RecapError('UNREADABLE', `Cannot read that version: ${describeFsError(err)}.`, { cause: err });
    }
  }

  async function diffSnapshot(id: string, snapId: string): Promise<LineDiff> {
    const before = await readSnapshot(id, snapId);
    const current = await locked(id, () => currentOnDisk(id));
    return lineDiff(before, current?.text ?? '');
  }

  async function restoreSnapshot(idIn: string, snapIdIn: string): Promise<{ text: string; draft: DraftSummary; savedCurrentAs: string | null }> {
    const id = checkId(idIn);
    const text = await readSnapshot(id, snapIdIn);
    return locked(id, async () => {
      // The text being replaced goes to the history first: a restore never loses anything.
      const result = await saveLocked(id, text, { outgoing: 'force' });
      return { text, draft: result.draft, savedCurrentAs: result.savedOutgoingAs };
    });
  }

  // ---- files on disk --------------------------------------------------------------------------

  async function checkLocked(id: string): Promise<LinkedFileStatus> {
    const meta = await getMeta(id);
    const linked = meta.linked;
    if (!linked) return { state: 'unlinked', path: null, unsavedToFile: false };
    const unsavedToFile = linked.sha !== meta.sha;
    let stat;
    try {
      stat = await fs.stat(linked.path);
    } catch (err) {
      if (isNodeError(err, 'ENOENT') || isNodeError(err, 'ENOTDIR')) return { state: 'deleted', path: linked.path, unsavedToFile };
      throw new RecapError('UNREADABLE', `Cannot check ${linked.path}: ${describeFsError(err)}.`, { cause: err });
    }
    if (stat.mtimeMs === linked.mtimeMs && stat.size === linked.size) return { state: 'unchanged', path: linked.path, unsavedToFile, diskHash: linked.sha };
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(linked.path);
    } catch (err) {
      throw new RecapError('UNREADABLE', `Cannot check ${linked.path}: ${describeFsError(err)}.`, { cause: err });
    }
    const diskHash = sha256(bytes);
    if (diskHash === linked.sha) {
      // Touched, not changed: remember the new time so the next check is a stat only.
      const next = { ...meta, linked: { ...linked, mtimeMs: stat.mtimeMs, size: stat.size } };
      await writeMeta(next).catch(() => undefined);
      return { state: 'unchanged', path: linked.path, unsavedToFile, diskHash };
    }
    return { state: 'changed', path: linked.path, unsavedToFile, diskHash, diskMtimeMs: stat.mtimeMs, diskText: textProblem(bytes) === null ? decode(bytes) : null };
  }

  async function checkLinkedFile(idIn: string): Promise<LinkedFileStatus> {
    const id = checkId(idIn);
    return locked(id, () => checkLocked(id));
  }

  /** Writes `text` to `file` and links the draft to what is now on disk. */
  async function writeFileAndLink(id: string, file: string, text: string): Promise<LinkedFileStatus> {
    // The draft first: if the file cannot be written, the text is still safe in the draft.
    await saveLocked(id, text, { outgoing: 'auto' });
    await writeFileAtomic(file, text, fs);
    const stat = await fs.stat(file);
    const linked: LinkedFile = { path: file, mtimeMs: stat.mtimeMs, size: stat.size, sha: sha256(text) };
    await saveLocked(id, text, { outgoing: 'never', snapshotNew: true, linked });
    await markText(id, 'saved');
    await addRecentFile(file).catch(() => undefined);
    return { state: 'unchanged', path: file, unsavedToFile: false, diskHash: linked.sha };
  }

  async function writeBackLinkedFile(idIn: string, text: string, opts: { expectHash?: string | null } = {}): Promise<LinkedFileStatus> {
    const id = checkId(idIn);
    return locked(id, async () => {
      const meta = await getMeta(id);
      const linked = meta.linked;
      if (!linked) throw new RecapError('BAD_REQUEST', `${quoted(meta.title)} is not linked to a file yet: use Save As to choose one.`);
      const expect = 'expectHash' in opts ? (opts.expectHash ?? null) : linked.sha;
      let diskHash: string | null = null;
      try {
        diskHash = sha256(await fs.readFile(linked.path));
      } catch (err) {
        if (!isNodeError(err, 'ENOENT')) throw new RecapError('UNREADABLE', `Cannot save ${linked.path}: ${describeFsError(err)}.`, { cause: err });
      }
      if (diskHash !== expect) {
        // The draft keeps the author's text either way.
        await saveLocked(id, text, { outgoing: 'auto' });
        const what = diskHash === null ? 'was deleted or moved' : 'changed on disk';
        throw new RecapError('CHANGED_ON_DISK', `${linked.path} ${what} since you opened it. Your text is kept in the draft: reload the file, keep your version, or compare the two.`);
      }
      return writeFileAndLink(id, linked.path, text);
    });
  }

  async function saveDraftAs(idIn: string, filePath: string, text: string, opts: { overwrite?: boolean } = {}): Promise<LinkedFileStatus> {
    const id = checkId(idIn);
    if (typeof filePath !== 'string' || filePath === '') throw new RecapError('BAD_REQUEST', 'Save As needs a file name.');
    const file = path.resolve(filePath);
    if (!isRecapFileName(file)) throw new RecapError('BAD_REQUEST', `${file} is not a Markdown file name (.md, .markdown or .mdx).`);
    return locked(id, async () => {
      await getMeta(id);
      if (!opts.overwrite && (await exists(file))) throw new RecapError('EXISTS', `${file} already exists. Choose another name or confirm replacing it.`);
      return writeFileAndLink(id, file, text);
    });
  }

  async function adoptExportedPost(recapPath: string, postFile: string, text: string): Promise<DraftSummary | null> {
    const recap = path.resolve(recapPath);
    const file = path.resolve(postFile);
    const owner = (await allMetas()).find((m) => recapOf(m.id) === recap || m.linked?.path === recap);
    if (!owner) return null;
    return locked(owner.id, async () => {
      const meta = await getMeta(owner.id);
      if (meta.linked !== null && meta.linked.path !== file) return null;
      // Linked to the bytes the export wrote, only if they are still what is on disk.
      const bytes = await fs.readFile(file);
      if (sha256(bytes) !== sha256(text)) return null;
      const stat = await fs.stat(file);
      const linked: LinkedFile = { path: file, mtimeMs: stat.mtimeMs, size: stat.size, sha: sha256(text) };
      // The draft's own text stays as it is (the author's words); only its link changes.
      const own = await fs.readFile(recapOf(owner.id)).catch(() => null);
      if (own === null || sha256(own) !== meta.sha) return null;
      await saveLocked(owner.id, decode(own), { outgoing: 'never', snapshotNew: true, linked });
      await markText(owner.id, 'exported');
      await addRecentFile(file).catch(() => undefined);
      return summaryOf(await getMeta(owner.id));
    });
  }

  async function reloadLinkedFile(idIn: string): Promise<{ text: string; draft: DraftSummary }> {
    const id = checkId(idIn);
    return locked(id, async () => {
      const meta = await getMeta(id);
      if (!meta.linked) throw new RecapError('BAD_REQUEST', `${quoted(meta.title)} is not linked to a file.`);
      const { text } = await readRecapFile(meta.linked.path);
      const stat = await fs.stat(meta.linked.path);
      const linked: LinkedFile = { path: meta.linked.path, mtimeMs: stat.mtimeMs, size: stat.size, sha: sha256(text) };
      // The draft's own text goes to the history first.
      const result = await saveLocked(id, text, { outgoing: 'force', linked });
      return { text, draft: result.draft };
    });
  }

  async function openFile(filePath: string): Promise<OpenedFileDraft> {
    if (typeof filePath !== 'string' || filePath === '') throw new RecapError('BAD_REQUEST', 'Open needs a file name.');
    const file = path.resolve(filePath);
    const { text, mtimeMs } = await readRecapFile(file);
    const shadow = (await allMetas()).find((m) => m.linked?.path === file);
    await addRecentFile(file).catch(() => undefined);
    if (!shadow) {
      // Linked to the very bytes just read, so the draft starts "saved".
      const draft = await createLocked(text, { path: file, mtimeMs, size: Buffer.byteLength(text), sha: sha256(text) });
      const linked = await checkLinkedFile(draft.id);
      return { draft, text, reused: false, reloaded: false, linked, recovered: null };
    }
    const loaded = await loadDraft(shadow.id);
    const linked = await checkLinkedFile(shadow.id);
    if (linked.state === 'changed' && !linked.unsavedToFile) {
      const fresh = await reloadLinkedFile(shadow.id);
      return { draft: fresh.draft, text: fresh.text, reused: true, reloaded: true, linked: await checkLinkedFile(shadow.id), recovered: loaded.recovered };
    }
    return { draft: loaded.draft, text: loaded.text, reused: true, reloaded: false, linked, recovered: loaded.recovered };
  }

  // ---- session and recent files ---------------------------------------------------------------

  async function readSession(): Promise<SessionFile | null> {
    try {
      const raw = JSON.parse(await fs.readFile(sessionFile, 'utf8')) as SessionFile;
      if (raw && typeof raw.clean === 'boolean' && Array.isArray(raw.open)) return { version: 1, clean: raw.clean, open: raw.open.filter((x) => typeof x === 'string' && ID.test(x)), updated: String(raw.updated) };
    } catch {
      // None yet, or damaged: nothing to recover from it.
    }
    return null;
  }

  async function writeSession(session: SessionFile): Promise<void> {
    await fs.mkdir(home, { recursive: true });
    await writeAtomic(sessionFile, `${JSON.stringify(session)}\n`, (cause) => `Could not record the open drafts: ${describeFsError(cause)}.`);
  }

  async function setOpenDrafts(ids: string[]): Promise<void> {
    if (!Array.isArray(ids)) throw new RecapError('BAD_REQUEST', 'The open drafts must be a list of ids.');
    const open = [...new Set(ids.map(checkId))];
    return locked('session', () => writeSession({ version: 1, clean: false, open, updated: iso(now()) }));
  }

  async function markSessionClean(): Promise<void> {
    return locked('session', async () => {
      const s = await readSession();
      await writeSession({ version: 1, clean: true, open: s?.open ?? [], updated: iso(now()) });
    });
  }

  async function recoverSession(): Promise<SessionRecovery> {
    return locked('session', async () => {
      const previous = await readSession();
      const crashed = previous !== null && !previous.clean;
      const reopen: DraftSummary[] = [];
      if (crashed) {
        for (const id of previous.open) {
          try {
            const meta = await locked(id, () => getMeta(id));
            reopen.push(summaryOf(meta, await countPhotos(photoDirOf(meta), meta.photos)));
          } catch {
            // Deleted since: nothing to reopen.
          }
        }
      }
      // This run is a new session; the reopened drafts are open in it.
      await writeSession({ version: 1, clean: false, open: reopen.map((d) => d.id), updated: iso(now()) }).catch(() => undefined);
      let message: string | null = null;
      if (reopen.length > 0) {
        const latest = Math.max(...reopen.map((d) => Date.parse(d.updated)));
        message = `Recovered ${reopen.length} draft${reopen.length === 1 ? '' : 's'} with changes up to ${clockTime(latest)}`;
      }
      return { crashed, reopen, message };
    });
  }

  async function readRecent(): Promise<Array<{ path: string; openedAt: string }>> {
    try {
      const raw = JSON.parse(await fs.readFile(recentFile, 'utf8')) as unknown;
      if (Array.isArray(raw)) return raw.filter((r): r is { path: string; openedAt: string } => typeof r?.path === 'string' && typeof r?.openedAt === 'string');
    } catch {
      // None yet.
    }
    return [];
  }

  async function withExists(list: Array<{ path: string; openedAt: string }>): Promise<RecentFile[]> {
    return Promise.all(list.map(async (r) => ({ ...r, exists: await exists(r.path) })));
  }

  async function writeRecent(list: Array<{ path: string; openedAt: string }>): Promise<RecentFile[]> {
    await fs.mkdir(home, { recursive: true });
    await writeAtomic(recentFile, `${JSON.stringify(list, null, 1)}\n`, (cause) => `Could not update the recent files: ${describeFsError(cause)}.`);
    return withExists(list);
  }

  async function addRecentFile(filePath: string): Promise<RecentFile[]> {
    const file = path.resolve(filePath);
    return locked('recent', async () => {
      const list = (await readRecent()).filter((r) => r.path !== file);
      return writeRecent([{ path: file, openedAt: iso(now()) }, ...list].slice(0, recentMax));
    });
  }

  async function removeRecentFile(filePath: string): Promise<RecentFile[]> {
    const file = path.resolve(filePath);
    return locked('recent', async () => writeRecent((await readRecent()).filter((r) => r.path !== file)));
  }

  async function listRecentFiles(): Promise<RecentFile[]> {
    return withExists(await readRecent());
  }

  // ---- cover thumbnails -----------------------------------------------------------------------

  async function coverThumbnail(idIn: string): Promise<string | null> {
    const id = checkId(idIn);
    return locked(id, async () => {
      const meta = await getMeta(id);
      const photos = await countPhotos(photoDirOf(meta), meta.photos);
      const summary = summaryOf(meta, photos);
      if (summary.coverThumb && (await exists(summary.coverThumb))) return summary.coverThumb;
      if (!summary.coverPath) return null;
      const file = path.join(dirOf(id), '.thumbs', `cover-${sha256(summary.coverPath).slice(0, 12)}.jpg`);
      try {
        const { default: sharp } = await import('sharp');
        const data = await sharp(summary.coverPath, { limitInputPixels: profileFor(summary.photoRecapPath).photos.maxInputPixels, autoOrient: true })
          .resize({ width: 320, height: 320, fit: 'inside', withoutEnlargement: true })
          .flatten({ background: '#ffffff' })
          .jpeg({ quality: 70 })
          .toBuffer();
        await fs.mkdir(path.dirname(file), { recursive: true });
        // A cache file: temp + rename so a reader never sees half of it; no fsync needed.
        const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
        await fs.writeFile(tmp, data);
        await fs.rename(tmp, file);
      } catch {
        // A thumbnail is a convenience: the home screen shows a placeholder.
        return null;
      }
      await writeMeta({ ...meta, photos, coverThumb: { source: summary.coverPath, dirMtimeMs: photos.dirMtimeMs, file } }).catch(() => undefined);
      return file;
    });
  }

  return {
    home,
    createDraft,
    openFile,
    saveDraft: async (id, text, opts = {}) => {
      checkId(id);
      return locked(id, async () => {
        const { savedOutgoingAs: _ignored, ...result } = await saveLocked(id, text, { outgoing: 'auto', snapshotNew: opts.snapshot === true });
        return result;
      });
    },
    loadDraft,
    listDrafts,
    duplicateDraft,
    deleteDraft,
    restoreDraft,
    listTrash,
    purgeTrash,
    listHistory,
    readSnapshot,
    diffSnapshot,
    restoreSnapshot,
    checkLinkedFile,
    writeBackLinkedFile,
    saveDraftAs,
    adoptExportedPost,
    reloadLinkedFile,
    setOpenDrafts,
    markSessionClean,
    recoverSession,
    addRecentFile,
    listRecentFiles,
    removeRecentFile,
    coverThumbnail,
  };
}
