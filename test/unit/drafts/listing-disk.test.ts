// The home screen's list and the shadow lookup go by what is on disk, whatever this process
// remembers: a draft changed, relinked or deleted by another process (a second window's
// service, the CLI) shows at once, while a warm listing parses only the meta.json files that
// changed (listed-metas.ts).

import type { Stats } from 'node:fs';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDraftStore, type DraftFs, type DraftStoreOptions } from '../../../electron/service/drafts/drafts';

let dir: string;
let home: string;
/** The stores' clock: the wall clock, moved on when a test lets the files settle. */
let clock: number;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'recap-listing-'));
  home = path.join(dir, 'home');
  clock = Date.now();
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const store = (opts: DraftStoreOptions = {}): ReturnType<typeof createDraftStore> => createDraftStore({ home, now: () => clock, ...opts });
const recap = (title: string): string => `---\ntitle: "${title}"\ncreateTime: 2021-11-02\n---\n\nIntro.\n`;
const metaFile = (id: string): string => path.join(home, 'drafts', id, 'meta.json');

/** meta.json's title replaced in place (same inode, as an editor that does not rename writes). */
async function retitleInPlace(id: string, from: string, to: string): Promise<void> {
  const text = await fs.readFile(metaFile(id), 'utf8');
  expect(text).toContain(JSON.stringify(from));
  const handle = await fs.open(metaFile(id), 'r+');
  try {
    await handle.write(text.replace(JSON.stringify(from), JSON.stringify(to)), 0);
    await handle.truncate(Buffer.byteLength(text.replace(JSON.stringify(from), JSON.stringify(to))));
  } finally {
    await handle.close();
  }
}

/** A minute later: every file written so far is settled, so a listing may keep what it read. */
const settle = (): void => void (clock = Date.now() + 60_000);

/** A real fs that records the meta.json files it opens (to read them). */
function countingFs(): { fs: DraftFs; metaReads: string[] } {
  const metaReads: string[] = [];
  const open = (async (file: Parameters<typeof fs.open>[0], ...rest: Array<string | number | undefined>) => {
    if (String(file).endsWith('meta.json')) metaReads.push(String(file));
    return fs.open(file, ...rest);
  }) as typeof fs.open;
  return { fs: { ...fs, open }, metaReads };
}

/** A real fs whose times are cut to the second, as ext3, HFS+ or a FAT stick keep them. */
function secondsFs(): DraftFs {
  const seconds = (st: Stats): Stats => Object.assign(Object.create(Object.getPrototypeOf(st) as object) as Stats, st, { mtimeMs: Math.floor(st.mtimeMs / 1000) * 1000, ctimeMs: Math.floor(st.ctimeMs / 1000) * 1000 });
  const stat = (async (...args: Parameters<typeof fs.stat>) => seconds((await fs.stat(...args)) as Stats)) as typeof fs.stat;
  const open = (async (...args: Parameters<typeof fs.open>) => {
    const handle = await fs.open(...args);
    const own = handle.stat.bind(handle);
    return Object.assign(handle, { stat: async () => seconds((await own()) as Stats) });
  }) as typeof fs.open;
  return { ...fs, stat, open };
}

describe('the home screen list goes by the disk', () => {
  it('parses again only the meta.json files that changed since the last listing', async () => {
    const s = store();
    const ids: string[] = [];
    for (const t of ['One', 'Two', 'Three']) ids.push((await s.createDraft(recap(t))).id);
    settle();
    const counted = countingFs();
    const lister = store({ fs: counted.fs });
    expect((await lister.listDrafts()).map((d) => d.title).sort()).toEqual(['One', 'Three', 'Two']);
    expect(counted.metaReads).toHaveLength(3);
    counted.metaReads.length = 0;
    await lister.listDrafts();
    expect(counted.metaReads).toEqual([]);
    await retitleInPlace(ids[1]!, 'Two', 'Deux');
    expect((await lister.listDrafts()).map((d) => d.title).sort()).toEqual(['Deux', 'One', 'Three']);
    expect(counted.metaReads).toEqual([metaFile(ids[1]!)]);
  });

  it('shows a draft changed by another process, even one this process wrote itself', async () => {
    const mine = store();
    const d = await mine.createDraft(recap('Before'));
    expect((await mine.listDrafts()).map((x) => x.title)).toEqual(['Before']);
    await store().saveDraft(d.id, recap('After'));
    expect((await mine.listDrafts()).map((x) => x.title)).toEqual(['After']);
    settle();
    await mine.listDrafts();
    await store().saveDraft(d.id, recap('Later'));
    expect((await mine.listDrafts()).map((x) => x.title)).toEqual(['Later']);
  });

  it('drops a deleted draft at once, and rebuilds a meta.json deleted from under it', async () => {
    const s = store();
    const a = await s.createDraft(recap('Kept'));
    const b = await s.createDraft(recap('Deleted'));
    settle();
    expect((await s.listDrafts()).map((x) => x.title).sort()).toEqual(['Deleted', 'Kept']);
    await fs.rm(path.join(home, 'drafts', b.id), { recursive: true });
    expect((await s.listDrafts()).map((x) => x.title)).toEqual(['Kept']);
    const other = store();
    await other.listDrafts();
    await fs.rm(metaFile(a.id));
    expect((await other.listDrafts()).map((x) => x.title)).toEqual(['Kept']);
    expect(JSON.parse(await fs.readFile(metaFile(a.id), 'utf8'))).toMatchObject({ id: a.id, title: 'Kept' });
  });

  it('sees a same-size rewrite in the same second on a file system whose clock ticks in seconds', async () => {
    // An in-place rewrite of the same size in the same second keeps inode, size, mtime and ctime alike.
    const s = store({ fs: secondsFs() });
    const d = await s.createDraft(recap('Alpha'));
    const now = new Date(Math.floor(Date.now() / 1000) * 1000);
    await fs.utimes(metaFile(d.id), now, now);
    expect((await s.listDrafts()).map((x) => x.title)).toEqual(['Alpha']);
    await retitleInPlace(d.id, 'Alpha', 'Bravo');
    await fs.utimes(metaFile(d.id), now, now);
    expect((await s.listDrafts()).map((x) => x.title)).toEqual(['Bravo']);
  });
});

describe('the shadow of a file goes by the disk', () => {
  it('is not reused once another process linked that draft to another file', async () => {
    const site = path.join(dir, 'site', 'content', 'en', 'news');
    await fs.mkdir(site, { recursive: true });
    const x = path.join(site, 'x.md');
    const y = path.join(site, 'y.md');
    await fs.writeFile(x, recap('X on disk'));
    const mine = store();
    const first = await mine.openFile(x);
    // Another window saves that draft under another name: it is y.md's now.
    await store().saveDraftAs(first.draft.id, y, recap('Y from the draft'));
    const again = await mine.openFile(x);
    expect(again.reused).toBe(false);
    expect(again.draft.id).not.toBe(first.draft.id);
    expect(again.text).toBe(recap('X on disk'));
    expect(await fs.readFile(y, 'utf8')).toBe(recap('Y from the draft'));
  });
});
