// meta.json: read, written, rebuilt from recap.md when it is missing or damaged, and the marks
// History shows ("saved", "exported").

import { RecapError, describeFsErrorMsg } from '../../core/errors';
import { clockTime, decode, iso, isNodeError, quotedTitle, sha256 } from './draft-text';
import { checkId, dirOf, exists, metaOf, recapOf, writeAtomic, type DraftContext, type DraftMeta, type LinkedFile } from './store-context';
import { countPhotos, describeText, photoDirOf } from './summary';
import { msg } from '../../core/i18n/messages';
import { type Msg } from '../../core/i18n/messages';

/** A meta.json's text as a meta, or null when it is damaged or another draft's. */
export function parseMeta(raw: string, id: string): DraftMeta | null {
  try {
    const m = JSON.parse(raw) as DraftMeta;
    if (m && m.version === 1 && m.id === id && typeof m.sha === 'string' && typeof m.updated === 'string') return m;
  } catch {
    // Damaged: rebuilt from recap.md by the caller.
  }
  return null;
}

export async function readMetaFile(ctx: DraftContext, id: string): Promise<DraftMeta | null> {
  try {
    return parseMeta(await ctx.fs.readFile(metaOf(ctx, id), 'utf8'), id);
  } catch (err) {
    if (isNodeError(err, 'ENOENT')) return null;
    throw new RecapError('UNREADABLE', msg('error.draft.cannotRead', { id, reason: describeFsErrorMsg(err) }), { cause: err });
  }
}

/** The autosave failure as the author reads it. */
export function autosaveFailure(title: string, lastSaved: string | null): (cause: unknown) => Msg {
  const facts = { title: quotedTitle(title) };
  if (lastSaved) return (cause) => msg('error.draft.autosaveFailedAt', { ...facts, reason: describeFsErrorMsg(cause), time: clockTime(Date.parse(lastSaved)) });
  return (cause) => msg('error.draft.autosaveFailed', { ...facts, reason: describeFsErrorMsg(cause) });
}

export async function writeMeta(ctx: DraftContext, meta: DraftMeta, failure: (cause: unknown) => Msg = autosaveFailure(meta.title, null)): Promise<void> {
  await writeAtomic(ctx, metaOf(ctx, meta.id), `${JSON.stringify(meta, null, 1)}\n`, failure);
  ctx.metas.set(meta.id, meta);
}

/** Records that the draft's current text was saved to its file or exported (under the draft's lock). */
export async function markText(ctx: DraftContext, id: string, kind: 'saved' | 'exported'): Promise<void> {
  const meta = await getMeta(ctx, id);
  const marks = [...(meta.marks ?? []).filter((m) => !(m.sha === meta.sha && m.kind === kind)), { sha: meta.sha, kind, at: iso(ctx.now()) }].slice(-100);
  await writeMeta(ctx, { ...meta, marks }).catch(() => undefined);
}

/** A meta for a text: used for new drafts and to rebuild a lost meta.json. */
export async function metaFor(ctx: DraftContext, id: string, text: string, time: number, linked: LinkedFile | null, base: Partial<DraftMeta> = {}): Promise<DraftMeta> {
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
  ctx.yamlSeen.delete(id);
  Object.assign(meta, describeText(ctx, id, text, null, linked?.path ?? null, linked?.path ?? recapOf(ctx, id)));
  // A duplicate keeps its original's photo folder, whatever its new title says.
  if (base.imageDir) meta.imageDir = base.imageDir;
  meta.photos = await countPhotos(ctx, photoDirOf(ctx, meta), null);
  return meta;
}

/** The meta of a draft that exists; a missing or damaged meta.json is rebuilt from recap.md. */
export async function getMeta(ctx: DraftContext, id: string): Promise<DraftMeta> {
  checkId(id);
  const cached = ctx.metas.get(id);
  if (cached) return cached;
  const meta = await readMetaFile(ctx, id);
  if (meta) {
    ctx.metas.set(id, meta);
    return meta;
  }
  if (!(await exists(ctx, dirOf(ctx, id)))) throw new RecapError('NOT_FOUND', msg('error.draft.none', { id }));
  let text = '';
  let created = ctx.now();
  try {
    const bytes = await ctx.fs.readFile(recapOf(ctx, id));
    text = decode(bytes);
    created = (await ctx.fs.stat(recapOf(ctx, id))).mtimeMs;
  } catch {
    // No text either: an empty draft.
  }
  const rebuilt = await metaFor(ctx, id, text, created, null);
  await writeMeta(ctx, rebuilt).catch(() => ctx.metas.set(id, rebuilt));
  return rebuilt;
}
