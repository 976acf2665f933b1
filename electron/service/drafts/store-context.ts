// The drafts store's state: its options resolved, where things live under the data folder,
// the caches the store keeps in memory, and the per-draft lock. Every job of the store is a
// function over this one context (see drafts.ts for the layout on disk).

import { randomBytes } from 'node:crypto';
import { promises as nodeFs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { SiteProfile } from '../../core/contract';
import { RecapError } from '../../core/errors';
import { DEFAULT_HISTORY_POLICY, type HistoryPolicy } from '../../core/history';
import { writeFileAtomic } from '../files/atomic-write';
import type { RootsCache } from '../files/containment';
import { createKeyLock, type KeyLock } from '../files/key-lock';
import { loadProfile } from '../site/profile';
import type { DraftFs, DraftStoreOptions } from './store-types';
import type { ListedMeta } from './listed-metas';
import { msg } from '../../core/i18n/messages';
import { type Msg } from '../../core/i18n/messages';

export interface LinkedFile {
  path: string;
  mtimeMs: number;
  size: number;
  /** sha256 of the file's bytes when last loaded or written back. */
  sha: string;
}

export interface PhotoCache {
  dirMtimeMs: number | null;
  count: number;
  first: string | null;
}

export interface DraftMeta {
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
  /**
   * The website checkout the draft was started for (from one of its templates, or a copy of one
   * of its posts): until it is linked to a file, its fields and rules are that site's.
   */
  site?: string;
}

export interface DraftContext {
  readonly home: string;
  readonly fs: DraftFs;
  readonly now: () => number;
  readonly profileFor: (recapPath: string) => SiteProfile;
  readonly policy: HistoryPolicy;
  readonly snapshotEveryMs: number;
  readonly pauseMs: number;
  readonly trashMaxAgeMs: number;
  readonly recentMax: number;
  readonly draftsDir: string;
  readonly trashDir: string;
  readonly sessionFile: string;
  readonly recentFile: string;
  /** The meta.json last written (or read) per draft. */
  readonly metas: Map<string, DraftMeta>;
  /** meta.json as the listing last read it, with the stat it had then (listed-metas.ts). */
  readonly listedMetas: Map<string, ListedMeta>;
  /** The sha and text recap.md holds, per draft this process has read or written. */
  readonly onDisk: Map<string, { sha: string; text: string }>;
  /** The front matter last parsed per draft: autosaves that only touch the body skip YAML. */
  readonly yamlSeen: Map<string, string>;
  /** Photo folder counts by folder mtime, so listing twice does not read folders twice. */
  readonly photoCounts: Map<string, PhotoCache>;
  /** One job at a time per draft (and for 'session' and 'recent'). */
  readonly locked: KeyLock;
  /** The allowed roots and their real paths, shared by one listing's cover checks (listing-context.ts). */
  readonly roots?: RootsCache;
}

export const ID = /^[a-z0-9]{4,16}-[0-9a-f]{6}$/;
export const DAY = 24 * 3600 * 1000;

export function defaultDraftsHome(): string {
  const env = process.env['RECAP_STUDIO_HOME'];
  if (env) return path.resolve(env);
  const data = process.env['XDG_DATA_HOME'] || path.join(os.homedir(), '.local', 'share');
  return path.join(data, 'recap-studio');
}

export function createDraftContext(options: DraftStoreOptions): DraftContext {
  const home = path.resolve(options.home ?? defaultDraftsHome());
  return {
    home,
    fs: options.fs ?? nodeFs,
    now: options.now ?? Date.now,
    profileFor: options.profileFor ?? ((): SiteProfile => loadProfile()),
    policy: { ...DEFAULT_HISTORY_POLICY, ...options.history },
    snapshotEveryMs: options.history?.snapshotEveryMs ?? 60_000,
    pauseMs: options.history?.pauseMs ?? 30_000,
    trashMaxAgeMs: options.trashMaxAgeMs ?? 30 * DAY,
    recentMax: options.recentMax ?? 20,
    draftsDir: path.join(home, 'drafts'),
    trashDir: path.join(home, 'trash'),
    sessionFile: path.join(home, 'session.json'),
    recentFile: path.join(home, 'recent.json'),
    metas: new Map(),
    listedMetas: new Map(),
    onDisk: new Map(),
    yamlSeen: new Map(),
    photoCounts: new Map(),
    locked: createKeyLock(),
  };
}

export const dirOf = (ctx: DraftContext, id: string): string => path.join(ctx.draftsDir, id);
export const recapOf = (ctx: DraftContext, id: string): string => path.join(dirOf(ctx, id), 'recap.md');
export const metaOf = (ctx: DraftContext, id: string): string => path.join(dirOf(ctx, id), 'meta.json');
export const historyOf = (ctx: DraftContext, id: string): string => path.join(dirOf(ctx, id), 'history');

export function checkId(id: unknown): string {
  if (typeof id !== 'string' || !ID.test(id)) throw new RecapError('BAD_REQUEST', msg('error.notDraftId', { id: String(id) }));
  return id;
}

export function newId(ctx: DraftContext): string {
  return `${ctx.now().toString(36)}-${randomBytes(3).toString('hex')}`;
}

export async function syncDir(ctx: DraftContext, dir: string): Promise<void> {
  try {
    const handle = await ctx.fs.open(dir, 'r');
    await handle.sync().catch(() => undefined);
    await handle.close();
  } catch {
    // Best effort: not every platform opens folders.
  }
}

/** writeFileAtomic, with the author-facing message the caller chooses. */
export async function writeAtomic(ctx: DraftContext, file: string, data: string, failure: (cause: unknown) => Msg): Promise<void> {
  try {
    await writeFileAtomic(file, data, ctx.fs);
  } catch (err) {
    const cause = err instanceof RecapError ? (err.cause ?? err) : err;
    throw new RecapError('SAVE_FAILED', failure(cause), { cause });
  }
}

export async function exists(ctx: DraftContext, p: string): Promise<boolean> {
  try {
    await ctx.fs.stat(p);
    return true;
  } catch {
    return false;
  }
}
