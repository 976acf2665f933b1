// <home>/session.json: which drafts are open and whether the app closed cleanly, so after a
// crash the next start reopens what was being written.

import * as path from 'node:path';
import type { DraftSummary, SessionRecovery } from '../../core/contract';
import { RecapError, describeFsErrorMsg } from '../../core/errors';
import { clockTime, iso } from './draft-text';
import { getMeta } from './meta';
import { ID, checkId, writeAtomic, type DraftContext } from './store-context';
import { countDraftPhotos, summaryOf } from './summary';
import { format, msg } from '../../core/i18n/messages';
import { createKeyLock } from '../files/key-lock';

interface SessionFile {
  version: 1;
  clean: boolean;
  open: string[];
  updated: string;
}

/**
 * session.json's reads and writes, one at a time per file in this process: every store of one
 * home shares the queue, so a write that finishes after its caller was answered (the start's
 * record, below) still lands before the next one.
 */
const sessionLock = createKeyLock();

function lockedSession<T>(ctx: DraftContext, job: () => Promise<T>): Promise<T> {
  return sessionLock(path.resolve(ctx.sessionFile), job);
}

async function readSession(ctx: DraftContext): Promise<SessionFile | null> {
  try {
    const raw = JSON.parse(await ctx.fs.readFile(ctx.sessionFile, 'utf8')) as SessionFile;
    if (raw && typeof raw.clean === 'boolean' && Array.isArray(raw.open)) return { version: 1, clean: raw.clean, open: raw.open.filter((x) => typeof x === 'string' && ID.test(x)), updated: String(raw.updated) };
  } catch {
    // None yet, or damaged: nothing to recover from it.
  }
  return null;
}

async function writeSession(ctx: DraftContext, session: SessionFile): Promise<void> {
  await ctx.fs.mkdir(ctx.home, { recursive: true });
  await writeAtomic(ctx, ctx.sessionFile, `${JSON.stringify(session)}\n`, (cause) => msg('error.draft.sessionFailed', { reason: describeFsErrorMsg(cause) }));
}

export async function setOpenDrafts(ctx: DraftContext, ids: string[]): Promise<void> {
  if (!Array.isArray(ids)) throw new RecapError('BAD_REQUEST', msg('error.draft.openList'));
  const open = [...new Set(ids.map(checkId))];
  return lockedSession(ctx, () => writeSession(ctx, { version: 1, clean: false, open, updated: iso(ctx.now()) }));
}

export async function markSessionClean(ctx: DraftContext): Promise<void> {
  return lockedSession(ctx, async () => {
    const s = await readSession(ctx);
    await writeSession(ctx, { version: 1, clean: true, open: s?.open ?? [], updated: iso(ctx.now()) });
  });
}

/** The drafts still there among `ids`, as the home screen shows them. */
async function draftsStillThere(ctx: DraftContext, ids: string[]): Promise<DraftSummary[]> {
  const reopen: DraftSummary[] = [];
  for (const id of ids) {
    try {
      const meta = await ctx.locked(id, () => getMeta(ctx, id));
      reopen.push(summaryOf(ctx, meta, await countDraftPhotos(ctx, meta)));
    } catch {
      // Deleted since: nothing to reopen.
    }
  }
  return reopen;
}

/**
 * A reopened draft holds changes no file has: a recap not saved to a file yet (the draft is its
 * only copy), or one whose draft differs from what was last written to its file. A recap saved
 * to its file just before the reload or the crash loses nothing: it reopens without a word.
 */
function holdsChanges(draft: DraftSummary): boolean {
  return draft.linkedPath === null || draft.unsavedToFile;
}

/** "Recovered 2 drafts with changes up to 14:05", counting only the drafts that hold changes (in English, and in the catalogue for the page). */
function recoveryMessage(reopen: DraftSummary[]): Pick<SessionRecovery, 'message' | 'messageMsg'> {
  const changed = reopen.filter(holdsChanges);
  if (changed.length === 0) return { message: null };
  const latest = Math.max(...changed.map((d) => Date.parse(d.updated)));
  const params = { count: changed.length, time: clockTime(latest) };
  return { message: format('en', 'workspace.recoveredDrafts', params), messageMsg: msg('workspace.recoveredDrafts', params) };
}

/**
 * What the last run left open when it did not quit normally. The answer goes out as soon as it is
 * known (the app's start waits for it); this run's own record, written with two fsyncs, follows
 * under the session lock, so a setOpenDrafts or markSessionClean asked next lands after it.
 */
export function recoverSession(ctx: DraftContext): Promise<SessionRecovery> {
  return new Promise<SessionRecovery>((resolve, reject) => {
    lockedSession(ctx, async () => {
      const previous = await readSession(ctx);
      const crashed = previous !== null && !previous.clean;
      const reopen = crashed ? await draftsStillThere(ctx, previous.open) : [];
      resolve({ crashed, reopen, ...recoveryMessage(reopen) });
      // This run is a new session; the reopened drafts are open in it.
      await writeSession(ctx, { version: 1, clean: false, open: reopen.map((d) => d.id), updated: iso(ctx.now()) }).catch(() => undefined);
    }).catch(reject);
  });
}
