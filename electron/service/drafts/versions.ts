// The History panel's view of a draft: its versions (labelled "saved" or "exported" by the
// marks in meta.json), one version's text, its diff to the current text, and restoring it.

import * as path from 'node:path';
import type { DraftSummary, SnapshotInfo } from '../../core/contract';
import { RecapError, describeFsErrorMsg } from '../../core/errors';
import { isSnapshotId, lineDiff, type LineDiff } from '../../core/history';
import { currentOnDisk, saveLocked } from './autosave';
import { decode, iso, isNodeError } from './draft-text';
import { getMeta } from './meta';
import { snapshotRefs } from './snapshots';
import { checkId, historyOf, type DraftContext } from './store-context';
import { msg } from '../../core/i18n/messages';

function checkSnapId(snapId: unknown): string {
  if (typeof snapId !== 'string' || !isSnapshotId(snapId)) throw new RecapError('BAD_REQUEST', msg('error.draft.notVersion', { id: String(snapId) }));
  return snapId;
}

export async function listHistory(ctx: DraftContext, idIn: string): Promise<SnapshotInfo[]> {
  const id = checkId(idIn);
  const meta = await getMeta(ctx, id);
  const refs = await snapshotRefs(ctx, id);
  const sizes = await Promise.all(refs.map((r) => ctx.fs.stat(path.join(historyOf(ctx, id), `${r.id}.md`)).then((s) => s.size, () => -1)));
  const labelOf = (hash: string): 'saved' | 'exported' | null => [...(meta.marks ?? [])].reverse().find((m) => m.sha.startsWith(hash))?.kind ?? null;
  return refs.flatMap((r, i) => {
    if ((sizes[i] ?? -1) < 0) return [];
    const label = labelOf(r.hash);
    return [{ id: r.id, time: iso(r.time), bytes: sizes[i] ?? 0, isCurrent: meta.sha.startsWith(r.hash), ...(label ? { label } : {}) }];
  });
}

export async function readSnapshot(ctx: DraftContext, idIn: string, snapIdIn: string): Promise<string> {
  const id = checkId(idIn);
  const snapId = checkSnapId(snapIdIn);
  await getMeta(ctx, id);
  try {
    return decode(await ctx.fs.readFile(path.join(historyOf(ctx, id), `${snapId}.md`)));
  } catch (err) {
    if (isNodeError(err, 'ENOENT')) throw new RecapError('NOT_FOUND', msg('error.draft.versionGone'));
    throw new RecapError('UNREADABLE', msg('error.draft.versionUnreadable', { reason: describeFsErrorMsg(err) }), { cause: err });
  }
}

export async function diffSnapshot(ctx: DraftContext, id: string, snapId: string): Promise<LineDiff> {
  const before = await readSnapshot(ctx, id, snapId);
  const current = await ctx.locked(id, () => currentOnDisk(ctx, id));
  return lineDiff(before, current?.text ?? '');
}

export async function restoreSnapshot(ctx: DraftContext, idIn: string, snapIdIn: string): Promise<{ text: string; draft: DraftSummary; savedCurrentAs: string | null }> {
  const id = checkId(idIn);
  const text = await readSnapshot(ctx, id, snapIdIn);
  return ctx.locked(id, async () => {
    // The text being replaced goes to the history first: a restore never loses anything.
    const result = await saveLocked(ctx, id, text, { outgoing: 'force' });
    return { text, draft: result.draft, savedCurrentAs: result.savedOutgoingAs };
  });
}
