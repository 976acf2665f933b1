// Opening a draft, and the recovery behind it: recap.md must be the text meta.json names or
// the one before it (a kill between the two writes). Any other recap.md is damaged (truncated
// by a failing disk, edited by a stranger): it is set aside, never deleted, and the last good
// snapshot takes its place.

import * as path from 'node:path';
import { RecapError, describeFsErrorMsg } from '../../core/errors';
import { formatMsg, msg, type Msg } from '../../core/i18n/messages';
import { clockTime, decode, iso, isNodeError, quotedTitle, sha256, textProblem, type DraftProblem } from './draft-text';
import { getMeta, readMetaFile, writeMeta } from './meta';
import { lastGoodSnapshot } from './snapshots';
import { checkId, dirOf, historyOf, recapOf, writeAtomic, type DraftContext, type DraftMeta } from './store-context';
import type { LoadedDraft } from './store-types';
import { describeText, photoRecapPathOf, summaryOf } from './summary';

/** Temp files a kill left mid-write (never the real files: those are only ever renamed over). */
async function removeStaleTemps(ctx: DraftContext, id: string): Promise<void> {
  for (const dir of [dirOf(ctx, id), historyOf(ctx, id)]) {
    let names: string[];
    try {
      names = await ctx.fs.readdir(dir);
    } catch {
      continue;
    }
    await Promise.all(names.filter((n) => /^\..+\.tmp$/.test(n)).map((n) => ctx.fs.unlink(path.join(dir, n)).catch(() => undefined)));
  }
}

/** recap.md's bytes, or null when it is missing. */
async function readRecapBytes(ctx: DraftContext, id: string, meta: DraftMeta): Promise<Buffer | null> {
  try {
    return await ctx.fs.readFile(recapOf(ctx, id));
  } catch (err) {
    if (!isNodeError(err, 'ENOENT')) throw new RecapError('UNREADABLE', msg('error.draft.openFailed', { title: quotedTitle(meta.title), reason: describeFsErrorMsg(err) }), { cause: err });
    return null;
  }
}

/** What is wrong with recap.md ("was cut short"…), or null when it is one of the texts meta.json names. */
function recapProblem(bytes: Buffer | null, sha: string, meta: DraftMeta, hadMeta: boolean): DraftProblem | null {
  const problem = bytes === null ? 'workspace.draftDamaged.missing' : textProblem(bytes);
  if (!problem && hadMeta && sha !== meta.sha && sha !== meta.prevSha) {
    return bytes && bytes.length === 0 ? 'workspace.draftDamaged.empty' : bytes && bytes.length < meta.bytes ? 'workspace.draftDamaged.cutShort' : 'workspace.draftDamaged.mismatch';
  }
  return problem;
}

/** A meta describing `text` as the draft's text now (its photo folder kept). */
function metaForText(ctx: DraftContext, meta: DraftMeta, text: string, sha: string, bytes: number): DraftMeta {
  return { ...meta, ...describeText(ctx, meta.id, text, null, meta.linked?.path ?? null, photoRecapPathOf(ctx, meta)), imageDir: meta.imageDir, sha, prevSha: null, bytes };
}

async function loadIntact(ctx: DraftContext, meta: DraftMeta, bytes: Buffer, sha: string): Promise<LoadedDraft> {
  const text = decode(bytes);
  ctx.onDisk.set(meta.id, { sha, text });
  let current = meta;
  if (sha !== meta.sha) {
    // Killed between meta.json and recap.md: recap.md holds the last completed autosave.
    current = metaForText(ctx, meta, text, sha, bytes.length);
    await writeMeta(ctx, current).catch(() => ctx.metas.set(meta.id, current));
  }
  return { draft: summaryOf(ctx, current), text, recovered: null };
}

/** The text a damaged draft falls back to, and how the author is told where it came from. */
async function fallbackText(ctx: DraftContext, id: string, bytes: Buffer | null): Promise<{ text: string; from: Msg }> {
  const good = await lastGoodSnapshot(ctx, id);
  if (good) return { text: good.text, from: msg('workspace.draftDamaged.fromSnapshot', { time: clockTime(good.time), date: iso(good.time).slice(0, 10) }) };
  if (bytes && bytes.length > 0) return { text: decode(bytes), from: msg('workspace.draftDamaged.fromReadable') };
  return { text: '', from: msg('workspace.draftDamaged.fromNothing') };
}

async function repairDamaged(ctx: DraftContext, meta: DraftMeta, bytes: Buffer | null, problem: DraftProblem): Promise<LoadedDraft> {
  const id = meta.id;
  // Damaged: set it aside (never delete what might hold words), use the last good version.
  const stamp = iso(ctx.now()).replace(/[-:.]/g, '');
  const aside = `recap.corrupt-${stamp}.md`;
  if (bytes !== null) await ctx.fs.rename(recapOf(ctx, id), path.join(dirOf(ctx, id), aside)).catch(() => undefined);
  const { text, from } = await fallbackText(ctx, id, bytes);
  const fixed: DraftMeta = { ...metaForText(ctx, meta, text, sha256(text), Buffer.byteLength(text)), updated: iso(ctx.now()) };
  await writeMeta(ctx, fixed);
  await writeAtomic(ctx, recapOf(ctx, id), text, (cause) => msg('error.draft.repairFailed', { title: quotedTitle(fixed.title), reason: describeFsErrorMsg(cause) }));
  ctx.onDisk.set(id, { sha: fixed.sha, text });
  // Said in the reader's language (recoveredMsg); `recovered` is the same words in English.
  const said = msg('workspace.draftDamaged', { title: quotedTitle(fixed.title), problem: msg(problem), aside: bytes !== null ? msg('workspace.draftDamaged.setAside', { name: aside }) : '', from });
  return { draft: summaryOf(ctx, fixed), text, recovered: formatMsg('en', said), recoveredMsg: said };
}

export async function loadDraft(ctx: DraftContext, idIn: string): Promise<LoadedDraft> {
  const id = checkId(idIn);
  return ctx.locked(id, async () => {
    ctx.metas.delete(id);
    ctx.onDisk.delete(id);
    await removeStaleTemps(ctx, id);
    const fromFile = await readMetaFile(ctx, id);
    const hadMeta = fromFile !== null;
    if (fromFile) ctx.metas.set(id, fromFile);
    const meta = await getMeta(ctx, id);
    const bytes = await readRecapBytes(ctx, id, meta);
    const sha = bytes ? sha256(bytes) : '';
    const problem = recapProblem(bytes, sha, meta, hadMeta);
    if (!problem && bytes) return loadIntact(ctx, meta, bytes, sha);
    return repairDamaged(ctx, meta, bytes, problem ?? 'workspace.draftDamaged.missing');
  });
}
