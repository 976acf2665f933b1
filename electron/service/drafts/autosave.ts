// The autosave path. meta.json is written first (naming the new text's hash and the one on
// disk), then recap.md, both atomically; the text being replaced goes to the history when due.

import { RecapError } from '../../core/errors';
import { decode, iso, sha256 } from './draft-text';
import { autosaveFailure, getMeta, writeMeta } from './meta';
import { takeSnapshot } from './snapshots';
import { checkId, recapOf, writeAtomic, type DraftContext, type DraftMeta, type LinkedFile } from './store-context';
import type { SaveDraftResult } from './store-types';
import { countDraftPhotos, countPhotos, describeText, photoDirOf, summaryOf } from './summary';
import { msg } from '../../core/i18n/messages';

type OnDisk = { sha: string; text: string };
type Snapshot = NonNullable<DraftMeta['lastSnapshot']>;

/**
 * How a save treats the history. `outgoing`: snapshot the text being replaced when due
 * ('auto'), always ('force'), or never. `snapshotNew`: also snapshot the new text. `linked`:
 * the draft's link to a file changes to this (null: unlinked).
 */
export interface SaveHow {
  outgoing: 'auto' | 'force' | 'never';
  snapshotNew?: boolean;
  linked?: LinkedFile | null;
}

export type LockedSaveResult = SaveDraftResult & { savedOutgoingAs: string | null };

/** The sha and text recap.md holds, read once per draft and then kept up to date. */
export async function currentOnDisk(ctx: DraftContext, id: string): Promise<OnDisk | null> {
  const known = ctx.onDisk.get(id);
  if (known) return known;
  try {
    const text = decode(await ctx.fs.readFile(recapOf(ctx, id)));
    const entry = { sha: sha256(text), text };
    ctx.onDisk.set(id, entry);
    return entry;
  } catch {
    return null;
  }
}

/** Snapshots the text on disk before it is replaced, when `outgoing` says so and it is due; null when none was taken. */
async function snapshotOutgoing(ctx: DraftContext, meta: DraftMeta, disk: OnDisk | null, sha: string, time: number, outgoing: SaveHow['outgoing']): Promise<Snapshot | null> {
  const lastSnapshot = meta.lastSnapshot;
  // An empty text is not a version worth keeping (nor one to recover to).
  if (!disk || disk.sha === sha || disk.text === '' || outgoing === 'never' || lastSnapshot?.hash === disk.sha) return null;
  const due = outgoing === 'force' || !lastSnapshot || time - lastSnapshot.takenAt >= ctx.snapshotEveryMs || time - Date.parse(meta.updated) >= ctx.pauseMs;
  if (!due) return null;
  // A failed snapshot costs history, never the save.
  try {
    return await takeSnapshot(ctx, meta.id, disk.text, outgoing === 'force' ? time : Math.min(time, Date.parse(meta.updated)));
  } catch {
    // Kept going on purpose.
    return null;
  }
}

/** The meta the save writes: the text's fields, hashes and link, and the photo count where it may have moved. */
async function nextMetaFor(ctx: DraftContext, meta: DraftMeta, text: string, disk: OnDisk | null, how: SaveHow, time: number, lastSnapshot: DraftMeta['lastSnapshot']): Promise<DraftMeta> {
  const sha = sha256(text);
  const linked = how.linked !== undefined ? (how.linked ?? null) : meta.linked;
  // The photo folder as it is now: whether it exists decides if the image folder may move.
  const photosNow = linked?.path === meta.linked?.path ? await countDraftPhotos(ctx, meta) : meta.photos;
  const described = describeText(ctx, meta.id, text, { ...meta, photos: photosNow }, linked?.path ?? null, linked?.path ?? recapOf(ctx, meta.id));
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
  next.photos = described.imageDir === meta.imageDir && linked?.path === meta.linked?.path ? photosNow : await countPhotos(ctx, photoDirOf(ctx, next), null);
  return next;
}

/** Snapshots the text just saved (History only: a failure is swallowed); the snapshot's id, or null. */
async function snapshotSavedText(ctx: DraftContext, next: DraftMeta, text: string, time: number): Promise<string | null> {
  let taken: string | null = null;
  try {
    next.lastSnapshot = await takeSnapshot(ctx, next.id, text, time);
    taken = next.lastSnapshot.id;
    await writeMeta(ctx, next);
  } catch {
    // History only.
  }
  return taken;
}

/** The autosave path, under the draft's lock (see SaveHow). */
export async function saveLocked(ctx: DraftContext, id: string, text: string, how: SaveHow): Promise<LockedSaveResult> {
  if (typeof text !== 'string') throw new RecapError('BAD_REQUEST', msg('error.draft.textString'));
  const meta = await getMeta(ctx, id);
  const disk = await currentOnDisk(ctx, id);
  const sha = sha256(text);
  const time = ctx.now();

  if (disk && disk.sha === sha && meta.sha === sha && how.linked === undefined && !how.snapshotNew) {
    return { changed: false, draft: summaryOf(ctx, meta), snapshot: null, savedOutgoingAs: null };
  }

  const outgoing = await snapshotOutgoing(ctx, meta, disk, sha, time, how.outgoing);
  let snapshot: string | null = outgoing?.id ?? null;
  const next = await nextMetaFor(ctx, meta, text, disk, how, time, outgoing ?? meta.lastSnapshot);

  // meta.json first (it names both the new text and the one on disk), then recap.md.
  const failure = autosaveFailure(next.title, disk ? meta.updated : null);
  await writeMeta(ctx, next, failure);
  if (!disk || disk.sha !== sha) {
    // On failure the next try's message still names the last version that was saved.
    await writeAtomic(ctx, recapOf(ctx, id), text, (cause) => (ctx.metas.set(id, { ...next, updated: meta.updated }), failure(cause)));
    ctx.onDisk.set(id, { sha, text });
  }

  if (how.snapshotNew && next.lastSnapshot?.hash !== sha) {
    snapshot = (await snapshotSavedText(ctx, next, text, time)) ?? snapshot;
  }
  return { changed: true, draft: summaryOf(ctx, next), snapshot, savedOutgoingAs: outgoing?.id ?? null };
}

/** The store's saveDraft: an autosave, its snapshot of the new text only when asked for. */
export async function saveDraft(ctx: DraftContext, id: string, text: string, opts: { snapshot?: boolean } = {}): Promise<SaveDraftResult> {
  checkId(id);
  return ctx.locked(id, async () => {
    const { savedOutgoingAs: _ignored, ...result } = await saveLocked(ctx, id, text, { outgoing: 'auto', snapshotNew: opts.snapshot === true });
    return result;
  });
}
