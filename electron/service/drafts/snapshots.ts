// The history folder on disk: snapshots named by time and hash, written atomically and thinned
// by age (core/history.ts), and the newest one that still reads back whole.

import * as path from 'node:path';
import { describeFsErrorMsg } from '../../core/errors';
import { parseSnapshotId, snapshotId, thinHistory } from '../../core/history';
import { decode, sha256, textProblem } from './draft-text';
import { historyOf, writeAtomic, type DraftContext } from './store-context';
import { msg } from '../../core/i18n/messages';

export interface SnapshotRef {
  id: string;
  time: number;
  hash: string;
}

/** The snapshots in the draft's history folder, newest first. */
export async function snapshotRefs(ctx: DraftContext, id: string): Promise<SnapshotRef[]> {
  let names: string[];
  try {
    names = await ctx.fs.readdir(historyOf(ctx, id));
  } catch {
    return [];
  }
  const refs: SnapshotRef[] = [];
  for (const name of names) {
    if (!name.endsWith('.md')) continue;
    const sid = name.slice(0, -3);
    const parsed = parseSnapshotId(sid);
    if (parsed) refs.push({ id: sid, ...parsed });
  }
  return refs.sort((a, b) => b.time - a.time || (a.id < b.id ? 1 : -1));
}

/** Writes a snapshot of `text` as of `time`, then thins the folder. Returns its id. */
export async function takeSnapshot(ctx: DraftContext, id: string, text: string, time: number): Promise<{ id: string; hash: string; takenAt: number }> {
  const hash = sha256(text);
  const sid = snapshotId(time, hash);
  const dir = historyOf(ctx, id);
  await ctx.fs.mkdir(dir, { recursive: true });
  await writeAtomic(ctx, path.join(dir, `${sid}.md`), text, (cause) => msg('error.draft.snapshotFailed', { reason: describeFsErrorMsg(cause) }));
  const { drop } = thinHistory(await snapshotRefs(ctx, id), ctx.now(), ctx.policy);
  await Promise.all(drop.filter((s) => s.id !== sid).map((s) => ctx.fs.unlink(path.join(dir, `${s.id}.md`)).catch(() => undefined)));
  return { id: sid, hash, takenAt: ctx.now() };
}

/** The newest snapshot that reads back as the text its name promises. */
export async function lastGoodSnapshot(ctx: DraftContext, id: string): Promise<{ id: string; text: string; time: number } | null> {
  for (const ref of await snapshotRefs(ctx, id)) {
    try {
      const bytes = await ctx.fs.readFile(path.join(historyOf(ctx, id), `${ref.id}.md`));
      if (bytes.length > 0 && textProblem(bytes) === null && sha256(bytes).startsWith(ref.hash)) return { id: ref.id, text: decode(bytes), time: ref.time };
    } catch {
      // Try the one before.
    }
  }
  return null;
}
