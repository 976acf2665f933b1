// After an export: the draft whose recap was exported learns about the post file, so its Save
// knows the write was its own (see DraftStore.adoptExportedPost).

import * as path from 'node:path';
import type { DraftSummary } from '../../core/contract';
import { saveLocked } from './autosave';
import { decode, sha256 } from './draft-text';
import { linkedAsWritten } from './linked-file';
import { allMetas } from './list';
import { getMeta, markText } from './meta';
import { addRecentFile } from './recent-files';
import { recapOf, type DraftContext } from './store-context';
import { summaryOf } from './summary';

export async function adoptExportedPost(ctx: DraftContext, recapPath: string, postFile: string, text: string): Promise<DraftSummary | null> {
  const recap = path.resolve(recapPath);
  const file = path.resolve(postFile);
  const owner = (await allMetas(ctx)).find((m) => recapOf(ctx, m.id) === recap || m.linked?.path === recap);
  if (!owner) return null;
  return ctx.locked(owner.id, async () => {
    const meta = await getMeta(ctx, owner.id);
    if (meta.linked !== null && meta.linked.path !== file) return null;
    // Linked to the bytes the export wrote, only if they are still what is on disk.
    const bytes = await ctx.fs.readFile(file);
    if (sha256(bytes) !== sha256(text)) return null;
    const linked = await linkedAsWritten(ctx, file, text);
    // The draft's own text stays as it is (the author's words); only its link changes.
    const own = await ctx.fs.readFile(recapOf(ctx, owner.id)).catch(() => null);
    if (own === null || sha256(own) !== meta.sha) return null;
    await saveLocked(ctx, owner.id, decode(own), { outgoing: 'never', snapshotNew: true, linked });
    await markText(ctx, owner.id, 'exported');
    await addRecentFile(ctx, file).catch(() => undefined);
    return summaryOf(ctx, await getMeta(ctx, owner.id));
  });
}
