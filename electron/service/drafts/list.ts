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

/** A draft's meta as it is on disk (read again only when its stat changed), else rebuilt; null when it cannot be read. */
async function metaOnDisk(ctx: DraftContext, id: string): Promise<DraftMeta | null> {
  const fromDisk = await listedMeta(ctx, id).catch(() => null);
  if (fromDisk) return fromDisk;
  return ctx.locked(id, () => getMeta(ctx, id)).catch(() => null);
}

/** Drafts taken at a time: 200 drafts must not mean 200 open files at once. */
const BATCH = 32;

/** Lets the calls that came meanwhile run (their file reads join libuv's queue before the next batch's). */
const yieldToCalls = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Every draft's meta as it is on disk; drafts that cannot be read are left out. */
export async function allMetas(ctx: DraftContext): Promise<DraftMeta[]> {
  const ids = await draftIds(ctx);
  const out: DraftMeta[] = [];
  for (let i = 0; i < ids.length; i += BATCH) {
    for (const m of await Promise.all(ids.slice(i, i + BATCH).map((id) => metaOnDisk(ctx, id)))) if (m) out.push(m);
  }
  return out;
}

/**
 * Every draft's summary, a batch at a time, yielding between batches: a listing of 2,000 drafts
 * (the one a door starts as it starts, service/warm-start.ts, included) does not hold up a call
 * that comes while it runs behind all of its file reads and site lookups.
 */
async function allSummaries(ctx: DraftContext, between: () => Promise<void>): Promise<DraftSummary[]> {
  const ids = await draftIds(ctx);
  const out: DraftSummary[] = [];
  for (let i = 0; i < ids.length; i += BATCH) {
    if (i > 0) await between();
    // Each draft's photo folder is looked at as soon as its meta is read, not after the batch's.
    const summaries = await Promise.all(
      ids.slice(i, i + BATCH).map(async (id) => {
        const m = await metaOnDisk(ctx, id);
        return m ? summaryOf(ctx, m, await countDraftPhotos(ctx, m)) : null;
      }),
    );
    for (const s of summaries) if (s) out.push(s);
  }
  return out;
}

/**
 * The drafts matching `query`, newest first. A draft of a language group (a post and its
 * translations) comes with the whole group when any of its drafts matches: the home screen shows
 * the group as one card.
 */
export async function listDrafts(storeCtx: DraftContext, opts: { query?: string; between?: () => Promise<void> } = {}): Promise<DraftSummary[]> {
  const ctx = listingContext(storeCtx);
  const { between } = opts;
  const summaries = await withLanguageGroups(ctx.home, await allSummaries(ctx, between ? () => yieldToCalls().then(between) : yieldToCalls));
  const q = (opts.query ?? '').trim().toLowerCase();
  const hit = (s: DraftSummary): boolean => q === '' || [s.title, s.eventDate ?? '', s.linkedPath ?? '', s.imageDir].some((v) => v.toLowerCase().includes(q));
  const groupsHit = new Set(summaries.filter((s) => s.languageGroup && hit(s)).map((s) => s.languageGroup?.source));
  const shown = (s: DraftSummary): boolean => hit(s) || (s.languageGroup !== undefined && groupsHit.has(s.languageGroup.source));
  return summaries.filter(shown).sort((a, b) => (a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : 0));
}
