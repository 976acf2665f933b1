// Opening a file from disk: it gets a draft shadow linked to it (reused when it has one, and
// reloaded when the file changed while the draft held nothing unsaved).

import * as path from 'node:path';
import type { LinkedFileStatus, OpenedFileDraft } from '../../core/contract';
import { RecapError } from '../../core/errors';
import { readRecapFile } from '../files/recap-file';
import { createLocked } from './create';
import { recoveryOf, sha256 } from './draft-text';
import { checkLinkedFile, reloadLinkedFile } from './linked-file';
import { allMetas } from './list';
import { loadDraft } from './load';
import { addRecentFile } from './recent-files';
import type { DraftContext } from './store-context';
import { msg } from '../../core/i18n/messages';

export async function openFile(ctx: DraftContext, filePath: string): Promise<OpenedFileDraft> {
  if (typeof filePath !== 'string' || filePath === '') throw new RecapError('BAD_REQUEST', msg('error.openNeedsName'));
  const file = path.resolve(filePath);
  const { text, mtimeMs } = await readRecapFile(file);
  const shadow = (await allMetas(ctx)).find((m) => m.linked?.path === file);
  // The recent list is written beside the draft, not before it (each under its own lock).
  const recent = addRecentFile(ctx, file).catch(() => undefined);
  if (!shadow) {
    // Linked to the very bytes just read, so the draft starts "saved" and its file "unchanged".
    const sha = sha256(text);
    const [draft] = await Promise.all([createLocked(ctx, text, { path: file, mtimeMs, size: Buffer.byteLength(text), sha }), recent]);
    const linked: LinkedFileStatus = { state: 'unchanged', path: file, unsavedToFile: false, diskHash: sha };
    return { draft, text, reused: false, reloaded: false, linked, recovered: null };
  }
  await recent;
  const loaded = await loadDraft(ctx, shadow.id);
  const linked = await checkLinkedFile(ctx, shadow.id);
  if (linked.state === 'changed' && !linked.unsavedToFile) {
    const fresh = await reloadLinkedFile(ctx, shadow.id);
    return { draft: fresh.draft, text: fresh.text, reused: true, reloaded: true, linked: await checkLinkedFile(ctx, shadow.id), ...recoveryOf(loaded) };
  }
  return { draft: loaded.draft, text: loaded.text, reused: true, reloaded: false, linked, ...recoveryOf(loaded) };
}
