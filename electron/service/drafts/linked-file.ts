// A draft linked to a file on disk: whether the file changed since the draft last read or wrote
// it, Save (write back, refusing a file that changed), Save As (a new file, then linked), and
// Reload (the file's text replaces the draft's, which goes to the history first).

import * as path from 'node:path';
import type { DraftSummary, LinkedFileStatus } from '../../core/contract';
import { RecapError, describeFsErrorMsg } from '../../core/errors';
import { writeFileAtomic } from '../files/atomic-write';
import { isRecapFileName, readRecapFile } from '../files/recap-file';
import { saveLocked } from './autosave';
import { decode, isNodeError, quotedTitle, sha256, textProblem } from './draft-text';
import { getMeta, markText, writeMeta } from './meta';
import { addRecentFile } from './recent-files';
import { checkId, exists, type DraftContext, type LinkedFile } from './store-context';
import { msg } from '../../core/i18n/messages';

/** The linked file as it is on disk now (after a write or read of `text`), for meta.linked. */
export async function linkedAsWritten(ctx: DraftContext, file: string, text: string): Promise<LinkedFile> {
  const stat = await ctx.fs.stat(file);
  return { path: file, mtimeMs: stat.mtimeMs, size: stat.size, sha: sha256(text) };
}

/** The linked file's state, under the draft's lock. */
async function checkLocked(ctx: DraftContext, id: string): Promise<LinkedFileStatus> {
  const meta = await getMeta(ctx, id);
  const linked = meta.linked;
  if (!linked) return { state: 'unlinked', path: null, unsavedToFile: false };
  const unsavedToFile = linked.sha !== meta.sha;
  let stat;
  try {
    stat = await ctx.fs.stat(linked.path);
  } catch (err) {
    if (isNodeError(err, 'ENOENT') || isNodeError(err, 'ENOTDIR')) return { state: 'deleted', path: linked.path, unsavedToFile };
    throw new RecapError('UNREADABLE', msg('error.linked.checkFailed', { path: linked.path, reason: describeFsErrorMsg(err) }), { cause: err });
  }
  if (stat.mtimeMs === linked.mtimeMs && stat.size === linked.size) return { state: 'unchanged', path: linked.path, unsavedToFile, diskHash: linked.sha };
  let bytes: Buffer;
  try {
    bytes = await ctx.fs.readFile(linked.path);
  } catch (err) {
    throw new RecapError('UNREADABLE', msg('error.linked.checkFailed', { path: linked.path, reason: describeFsErrorMsg(err) }), { cause: err });
  }
  const diskHash = sha256(bytes);
  if (diskHash === linked.sha) {
    // Touched, not changed: remember the new time so the next check is a stat only.
    const next = { ...meta, linked: { ...linked, mtimeMs: stat.mtimeMs, size: stat.size } };
    await writeMeta(ctx, next).catch(() => undefined);
    return { state: 'unchanged', path: linked.path, unsavedToFile, diskHash };
  }
  return { state: 'changed', path: linked.path, unsavedToFile, diskHash, diskMtimeMs: stat.mtimeMs, diskText: textProblem(bytes) === null ? decode(bytes) : null };
}

export async function checkLinkedFile(ctx: DraftContext, idIn: string): Promise<LinkedFileStatus> {
  const id = checkId(idIn);
  return ctx.locked(id, () => checkLocked(ctx, id));
}

/** Writes `text` to `file` and links the draft to what is now on disk. */
async function writeFileAndLink(ctx: DraftContext, id: string, file: string, text: string): Promise<LinkedFileStatus> {
  // The draft first: if the file cannot be written, the text is still safe in the draft.
  await saveLocked(ctx, id, text, { outgoing: 'auto' });
  await writeFileAtomic(file, text, ctx.fs);
  const linked = await linkedAsWritten(ctx, file, text);
  await saveLocked(ctx, id, text, { outgoing: 'never', snapshotNew: true, linked });
  await markText(ctx, id, 'saved');
  await addRecentFile(ctx, file).catch(() => undefined);
  return { state: 'unchanged', path: file, unsavedToFile: false, diskHash: linked.sha };
}

/** sha256 of the file's bytes now, or null when it is gone. */
async function diskHashOf(ctx: DraftContext, file: string): Promise<string | null> {
  try {
    return sha256(await ctx.fs.readFile(file));
  } catch (err) {
    if (!isNodeError(err, 'ENOENT')) throw new RecapError('UNREADABLE', msg('error.linked.saveFailed', { path: file, reason: describeFsErrorMsg(err) }), { cause: err });
    return null;
  }
}

export async function writeBackLinkedFile(ctx: DraftContext, idIn: string, text: string, opts: { expectHash?: string | null } = {}): Promise<LinkedFileStatus> {
  const id = checkId(idIn);
  return ctx.locked(id, async () => {
    const meta = await getMeta(ctx, id);
    const linked = meta.linked;
    if (!linked) throw new RecapError('BAD_REQUEST', msg('error.linked.notYet', { title: quotedTitle(meta.title) }));
    const expect = 'expectHash' in opts ? (opts.expectHash ?? null) : linked.sha;
    const diskHash = await diskHashOf(ctx, linked.path);
    if (diskHash !== expect) {
      // The draft keeps the author's text either way.
      await saveLocked(ctx, id, text, { outgoing: 'auto' });
      throw new RecapError('CHANGED_ON_DISK', msg(diskHash === null ? 'error.linked.deleted' : 'error.linked.changed', { path: linked.path }));
    }
    return writeFileAndLink(ctx, id, linked.path, text);
  });
}

export async function saveDraftAs(ctx: DraftContext, idIn: string, filePath: string, text: string, opts: { overwrite?: boolean } = {}): Promise<LinkedFileStatus> {
  const id = checkId(idIn);
  if (typeof filePath !== 'string' || filePath === '') throw new RecapError('BAD_REQUEST', msg('error.saveAsNeedsName'));
  const file = path.resolve(filePath);
  if (!isRecapFileName(file)) throw new RecapError('BAD_REQUEST', msg('error.linked.notMarkdown', { path: file }));
  return ctx.locked(id, async () => {
    await getMeta(ctx, id);
    if (!opts.overwrite && (await exists(ctx, file))) throw new RecapError('EXISTS', msg('error.linked.exists', { path: file }));
    return writeFileAndLink(ctx, id, file, text);
  });
}

export async function reloadLinkedFile(ctx: DraftContext, idIn: string): Promise<{ text: string; draft: DraftSummary }> {
  const id = checkId(idIn);
  return ctx.locked(id, async () => {
    const meta = await getMeta(ctx, id);
    if (!meta.linked) throw new RecapError('BAD_REQUEST', msg('error.linked.none', { title: quotedTitle(meta.title) }));
    const { text } = await readRecapFile(meta.linked.path);
    const linked = await linkedAsWritten(ctx, meta.linked.path, text);
    // The draft's own text goes to the history first.
    const result = await saveLocked(ctx, id, text, { outgoing: 'force', linked });
    return { text, draft: result.draft };
  });
}
