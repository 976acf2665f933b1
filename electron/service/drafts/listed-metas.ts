// meta.json as the home screen and the shadow lookup read it: from disk, but parsed again only
// when the file changed. A listing of 200 drafts opened, read, parsed and closed 200 files each
// time; now it makes one stat per draft and reads only the metas whose stat changed.
//
// The stat is taken before the read, so a write between the two leaves a stamp older than the
// text read, and the next listing reads again. A stamp is inode, size, mtime and ctime: an
// atomic write (ours) is a new inode; an editor writing in place changes the size or the times.
// Times tick coarsely (a second on some file systems), so a same-size rewrite in the same tick
// as the read would keep every field: an answer is trusted only when the file was last changed
// (its ctime, which no utimes sets back) at least RACY_MS before its stat, and anything newer is
// read again at every listing.

import type { Stats } from 'node:fs';
import { RecapError, describeFsErrorMsg } from '../../core/errors';
import { msg } from '../../core/i18n/messages';
import { isNodeError } from './draft-text';
import { readMetaFile } from './meta';
import { metaOf, type DraftContext, type DraftMeta } from './store-context';

/** How long after its last change a file's stamp is not trusted to show the next one. */
export const RACY_MS = 2000;

export interface MetaStamp {
  ino: number;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
}

export interface ListedMeta {
  stamp: MetaStamp;
  meta: DraftMeta;
}

const stampOf = (st: Stats): MetaStamp => ({ ino: st.ino, size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs });

const sameStamp = (a: MetaStamp, b: MetaStamp): boolean => a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs;

/**
 * The draft's meta.json as it is on disk now, or null when it is missing or damaged (the caller
 * rebuilds it). Read again unless its stamp is the one of the last read and was already settled.
 */
export async function listedMeta(ctx: DraftContext, id: string): Promise<DraftMeta | null> {
  let st: Stats;
  try {
    st = await ctx.fs.stat(metaOf(ctx, id));
  } catch (err) {
    ctx.listedMetas.delete(id);
    if (isNodeError(err, 'ENOENT') || isNodeError(err, 'ENOTDIR')) return null;
    throw new RecapError('UNREADABLE', msg('error.draft.cannotRead', { id, reason: describeFsErrorMsg(err) }), { cause: err });
  }
  // The store's clock (the wall clock, which the file system's stamps follow; tests move it).
  const statAt = ctx.now();
  const stamp = stampOf(st);
  const known = ctx.listedMetas.get(id);
  if (known && sameStamp(known.stamp, stamp)) return known.meta;
  const meta = await readMetaFile(ctx, id);
  const settled = statAt - Math.max(stamp.mtimeMs, stamp.ctimeMs) >= RACY_MS;
  if (meta && settled) ctx.listedMetas.set(id, { stamp, meta });
  else ctx.listedMetas.delete(id);
  return meta;
}
