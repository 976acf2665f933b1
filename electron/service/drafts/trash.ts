// Deleted drafts: moved whole to <home>/trash/<id>/ with the time they were deleted, restorable
// until trashMaxAgeMs has passed, then purged (with drafts whose creation was cut short).

import * as path from 'node:path';
import type { DraftSummary, TrashedDraft } from '../../core/contract';
import { RecapError, describeFsErrorMsg } from '../../core/errors';
import { iso, quotedTitle } from './draft-text';
import { getMeta } from './meta';
import { DAY, ID, checkId, dirOf, exists, type DraftContext } from './store-context';
import { countDraftPhotos, summaryOf } from './summary';
import { msg } from '../../core/i18n/messages';

/** When the trashed draft was deleted: trashed.json, else (killed before it was written) the folder's time. */
async function deletedAtOf(ctx: DraftContext, dir: string): Promise<string | null> {
  try {
    const raw = JSON.parse(await ctx.fs.readFile(path.join(dir, 'trashed.json'), 'utf8')) as { deletedAt?: unknown };
    if (typeof raw.deletedAt === 'string') return raw.deletedAt;
  } catch {
    // Killed before trashed.json was written: the folder's own time stands in.
  }
  try {
    return iso((await ctx.fs.stat(dir)).mtimeMs);
  } catch {
    return null;
  }
}

async function trashedInfo(ctx: DraftContext, id: string): Promise<TrashedDraft | null> {
  const dir = path.join(ctx.trashDir, id);
  const deletedAt = await deletedAtOf(ctx, dir);
  if (deletedAt === null) return null;
  let title = '';
  try {
    title = (JSON.parse(await ctx.fs.readFile(path.join(dir, 'meta.json'), 'utf8')) as { title?: string }).title ?? '';
  } catch {
    // Untitled.
  }
  return { id, title, deletedAt, expiresAt: iso(Date.parse(deletedAt) + ctx.trashMaxAgeMs) };
}

export async function deleteDraft(ctx: DraftContext, idIn: string): Promise<TrashedDraft> {
  const id = checkId(idIn);
  return ctx.locked(id, async () => {
    const meta = await getMeta(ctx, id);
    const deletedAt = iso(ctx.now());
    try {
      await ctx.fs.mkdir(ctx.trashDir, { recursive: true });
      await ctx.fs.rm(path.join(ctx.trashDir, id), { recursive: true, force: true });
      await ctx.fs.rename(dirOf(ctx, id), path.join(ctx.trashDir, id));
      await ctx.fs.writeFile(path.join(ctx.trashDir, id, 'trashed.json'), JSON.stringify({ deletedAt }));
    } catch (err) {
      throw new RecapError('SAVE_FAILED', msg('error.draft.deleteFailed', { title: quotedTitle(meta.title), reason: describeFsErrorMsg(err) }), { cause: err });
    }
    ctx.metas.delete(id);
    ctx.onDisk.delete(id);
    ctx.yamlSeen.delete(id);
    return { id, title: meta.title, deletedAt, expiresAt: iso(Date.parse(deletedAt) + ctx.trashMaxAgeMs) };
  });
}

export async function restoreDraft(ctx: DraftContext, idIn: string): Promise<DraftSummary> {
  const id = checkId(idIn);
  await purgeTrash(ctx);
  return ctx.locked(id, async () => {
    const from = path.join(ctx.trashDir, id);
    if (!(await exists(ctx, from))) throw new RecapError('NOT_FOUND', msg('error.draft.trashGone', { days: String(Math.round(ctx.trashMaxAgeMs / DAY)) }));
    if (await exists(ctx, dirOf(ctx, id))) throw new RecapError('EXISTS', msg('error.draft.exists', { id }));
    try {
      await ctx.fs.mkdir(ctx.draftsDir, { recursive: true });
      await ctx.fs.rename(from, dirOf(ctx, id));
    } catch (err) {
      throw new RecapError('SAVE_FAILED', msg('error.draft.restoreFailed', { reason: describeFsErrorMsg(err) }), { cause: err });
    }
    await ctx.fs.unlink(path.join(dirOf(ctx, id), 'trashed.json')).catch(() => undefined);
    ctx.metas.delete(id);
    const meta = await getMeta(ctx, id);
    return summaryOf(ctx, meta, await countDraftPhotos(ctx, meta));
  });
}

async function trashedIds(ctx: DraftContext): Promise<string[] | null> {
  try {
    return (await ctx.fs.readdir(ctx.trashDir)).filter((n) => ID.test(n));
  } catch {
    return null;
  }
}

export async function listTrash(ctx: DraftContext): Promise<TrashedDraft[]> {
  await purgeTrash(ctx);
  const names = await trashedIds(ctx);
  if (names === null) return [];
  const items = await Promise.all(names.map((id) => trashedInfo(ctx, id)));
  return items.filter((t): t is TrashedDraft => t !== null).sort((a, b) => (a.deletedAt < b.deletedAt ? 1 : -1));
}

/** Staging folders of drafts whose creation was cut short, a day old or more. */
async function purgeAbortedCreations(ctx: DraftContext): Promise<void> {
  try {
    for (const name of await ctx.fs.readdir(ctx.draftsDir)) {
      if (!name.startsWith('.new-')) continue;
      const stat = await ctx.fs.stat(path.join(ctx.draftsDir, name)).catch(() => null);
      if (stat && ctx.now() - stat.mtimeMs > DAY) await ctx.fs.rm(path.join(ctx.draftsDir, name), { recursive: true, force: true }).catch(() => undefined);
    }
  } catch {
    // No drafts yet.
  }
}

export async function purgeTrash(ctx: DraftContext): Promise<number> {
  let purged = 0;
  // No trash yet: nothing to purge.
  const names = (await trashedIds(ctx)) ?? [];
  for (const id of names) {
    const info = await trashedInfo(ctx, id);
    if (info && ctx.now() - Date.parse(info.deletedAt) > ctx.trashMaxAgeMs) {
      await ctx.fs.rm(path.join(ctx.trashDir, id), { recursive: true, force: true }).catch(() => undefined);
      purged++;
    }
  }
  // Drafts whose creation was cut short.
  await purgeAbortedCreations(ctx);
  return purged;
}
