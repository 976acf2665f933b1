// <home>/recent.json: the files opened lately, newest first, each with whether it still exists.

import * as path from 'node:path';
import type { RecentFile } from '../../core/contract';
import { describeFsErrorMsg } from '../../core/errors';
import { iso } from './draft-text';
import { exists, writeAtomic, type DraftContext } from './store-context';
import { msg } from '../../core/i18n/messages';

type RecentEntry = { path: string; openedAt: string };

async function readRecent(ctx: DraftContext): Promise<RecentEntry[]> {
  try {
    const raw = JSON.parse(await ctx.fs.readFile(ctx.recentFile, 'utf8')) as unknown;
    if (Array.isArray(raw)) return raw.filter((r): r is RecentEntry => typeof r?.path === 'string' && typeof r?.openedAt === 'string');
  } catch {
    // None yet.
  }
  return [];
}

async function withExists(ctx: DraftContext, list: RecentEntry[]): Promise<RecentFile[]> {
  return Promise.all(list.map(async (r) => ({ ...r, exists: await exists(ctx, r.path) })));
}

async function writeRecent(ctx: DraftContext, list: RecentEntry[]): Promise<RecentFile[]> {
  await ctx.fs.mkdir(ctx.home, { recursive: true });
  await writeAtomic(ctx, ctx.recentFile, `${JSON.stringify(list, null, 1)}\n`, (cause) => msg('error.draft.recentFailed', { reason: describeFsErrorMsg(cause) }));
  return withExists(ctx, list);
}

export async function addRecentFile(ctx: DraftContext, filePath: string): Promise<RecentFile[]> {
  const file = path.resolve(filePath);
  return ctx.locked('recent', async () => {
    const list = (await readRecent(ctx)).filter((r) => r.path !== file);
    return writeRecent(ctx, [{ path: file, openedAt: iso(ctx.now()) }, ...list].slice(0, ctx.recentMax));
  });
}

export async function removeRecentFile(ctx: DraftContext, filePath: string): Promise<RecentFile[]> {
  const file = path.resolve(filePath);
  return ctx.locked('recent', async () => writeRecent(ctx, (await readRecent(ctx)).filter((r) => r.path !== file)));
}

export async function listRecentFiles(ctx: DraftContext): Promise<RecentFile[]> {
  return withExists(ctx, await readRecent(ctx));
}
