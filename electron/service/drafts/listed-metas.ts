// meta.json as the home screen and the shadow lookup read it: from disk, but parsed again only
// when the file changed. A listing of 200 drafts opened, read, parsed and closed 200 files each
// time; now it makes one stat per draft and reads only the metas whose stat changed.
//
// A read takes its stamp from the open file (fstat) before reading it, so a write in place
// between the two leaves a stamp older than the text read, and the next listing reads again.
// A stamp is inode, size, mtime and ctime: an atomic write (ours) is a new inode; an editor
// writing in place changes the size or the times. Times tick coarsely (a second on some file
// systems), so a same-size rewrite in the same tick as the read would keep every field: an
// answer is kept only when the file was last changed (its ctime, which no utimes sets back) at
// least RACY_MS before it was read, and anything newer is read again at every listing.

import type { Stats } from 'node:fs';
import { RecapError, describeFsErrorMsg } from '../../core/errors';
import { msg } from '../../core/i18n/messages';
import { isNodeError } from './draft-text';
import { parseMeta } from './meta';
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

/** meta.json read through one open file: its stamp (fstat) and its text come from the same file. */
async function readStamped(ctx: DraftContext, id: string): Promise<{ stamp: MetaStamp; meta: DraftMeta | null }> {
  const handle = await ctx.fs.open(metaOf(ctx, id), 'r');
  try {
    const stamp = stampOf(await handle.stat());
    // Its size from that fstat (readFile would fstat again); a file that grew since reads short,
    // parses as damaged and is read whole by the rebuild's own read.
    const bytes = Buffer.alloc(stamp.size);
    const { bytesRead } = await handle.read(bytes, 0, stamp.size, 0);
    return { stamp, meta: parseMeta(bytes.toString('utf8', 0, bytesRead), id) };
  } finally {
    await handle.close();
  }
}

/**
 * The draft's meta.json as it is on disk now, or null when it is missing or damaged (the caller
 * rebuilds it). Read again unless its stamp is the one of the last read and was already settled.
 */
export async function listedMeta(ctx: DraftContext, id: string): Promise<DraftMeta | null> {
  const known = ctx.listedMetas.get(id);
  try {
    if (known && sameStamp(known.stamp, stampOf(await ctx.fs.stat(metaOf(ctx, id))))) return known.meta;
    const { stamp, meta } = await readStamped(ctx, id);
    // The store's clock (the wall clock, which the file system's stamps follow; tests move it).
    const settled = ctx.now() - Math.max(stamp.mtimeMs, stamp.ctimeMs) >= RACY_MS;
    if (meta && settled) ctx.listedMetas.set(id, { stamp, meta });
    else ctx.listedMetas.delete(id);
    return meta;
  } catch (err) {
    ctx.listedMetas.delete(id);
    if (isNodeError(err, 'ENOENT') || isNodeError(err, 'ENOTDIR')) return null;
    throw new RecapError('UNREADABLE', msg('error.draft.cannotRead', { id, reason: describeFsErrorMsg(err) }), { cause: err });
  }
}
