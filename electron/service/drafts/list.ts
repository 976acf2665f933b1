// The home screen's list: every draft's meta.json (never the texts), read in batches, searched
// by title, date, linked file and photo folder, newest first.

import type { DraftSummary } from '../../core/contract';
import { RecapError, describeFsErrorMsg } from '../../core/errors';
import { isNodeError } from './draft-text';
import { getMeta } from './meta';
import { listedMeta } from './listed-metas';
import { ID, type DraftContext, type DraftMeta } from './store-context';
import { withLanguageGroups } from './language-groups';
import { countDraftPhotos, summaryOf } from './summary';
import { listingContext } from './listing-context';
import { msg } from '../../core/i18n/messages';

async function draftIds(ctx: DraftContext): Promise<string[]> {
  try {
    return (await ctx.fs.readdir(ctx.draftsDir)).filter((n) => ID.test(n));
  } catch (err) {
    if (isNodeError(err, 'ENOENT')) return [];
    throw new RecapError('UNREADABLE', msg('error.draft.listFailed', { path: ctx.draftsDir, reason: describeFsErrorMsg(err) }), { cause: err });
  }
}

/**
 * Every draft's meta as it is on disk (read again only when its stat changed), else rebuilt;
 * drafts that cannot be read are left out.
 */
export async function allMetas(ctx: DraftContext): Promise<DraftMeta[]> {
  const ids = await draftIds(ctx);
  const out: DraftMeta[] = [];
  // In batches: 200 drafts must not mean 200 open files at once.
  for (let i = 0; i < ids.length; i += 32) {
    const batch = await Promise.all(
      ids.slice(i, i + 32).map(async (id) => {
        const fromDisk = await listedMeta(ctx, id).catch(() => null);
        if (fromDisk) return fromDisk;
        return ctx.locked(id, () => getMeta(ctx, id)).catch(() => null);
      }),
    );
    for (const m of batch) if (m) out.push(m);
  }
  return out;
}

/**
 * The drafts matching `query`, newest first. A draft of a language group (a post and its
 * translations) comes with the whole group when any of its drafts matches: the home screen shows
 * the group as one card.
 */
export async function listDrafts(storeCtx: DraftContext, opts: { query?: string } = {}): Promise<DraftSummary[]> {
  const ctx = listingContext(storeCtx);
  const metasNow = await allMetas(ctx);
  const summaries = await withLanguageGroups(ctx.home, await Promise.all(metasNow.map(async (m) => summaryOf(ctx, m, await countDraftPhotos(ctx, m)))));
  const q = (opts.query ?? '').trim().toLowerCase();
  const hit = (s: DraftSummary): boolean => q === '' || [s.title, s.eventDate ?? '', s.linkedPath ?? '', s.imageDir].some((v) => v.toLowerCase().includes(q));
  const groupsHit = new Set(summaries.filter((s) => s.languageGroup && hit(s)).map((s) => s.languageGroup?.source));
  const shown = (s: DraftSummary): boolean => hit(s) || (s.languageGroup !== undefined && groupsHit.has(s.languageGroup.source));
  return summaries.filter(shown).sort((a, b) => (a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : 0));
}
