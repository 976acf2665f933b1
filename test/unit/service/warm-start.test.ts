// The start's warm-up listing (service/warm-start.ts): it only warms; every home list the page
// asks for is read from disk after it was asked, and one asked while the warm-up runs comes after
// it. Real services on a data folder in a temp dir; a second service is another writer.

import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecapService, type RecapService } from '../../../electron/service/service';
import { warmHome } from '../../../electron/service/warm-start';
import { startWebServer } from '../../../electron/web/server';

let dir: string;
let home: string;

const serviceOn = (): RecapService => createRecapService({ home, cacheDir: path.join(dir, 'cache') });

async function titled(service: RecapService, title: string): Promise<string> {
  return (await service.newRecap({ title })).draft.id;
}

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'recap-warm-'));
  home = path.join(dir, 'home');
  const writer = serviceOn();
  for (const title of ['One', 'Two', 'Three']) await titled(writer, title);
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const titles = async (service: RecapService): Promise<string[]> => (await service.homeData({})).drafts.map((d) => d.title).sort();

describe('the warm-up listing at start', () => {
  it('never answers the page: a list asked after it ended is read again, with what changed on disk since', async () => {
    const warm = warmHome(serviceOn());
    await warm.settled();
    // Another writer (another window's service, a restored backup) changes the folder now.
    const other = serviceOn();
    await titled(other, 'Four');
    const trashed = (await other.homeData({})).drafts.find((d) => d.title === 'One');
    if (!trashed) throw new Error('draft One is missing');
    await other.deleteDraft({ id: trashed.id });
    expect(await titles(warm.service)).toEqual(['Four', 'Three', 'Two']);
    expect((await warm.service.homeData({})).trash.map((t) => t.title)).toEqual(['One']);
  });

  it('a list asked while it runs waits for it, then is read after it', async () => {
    const warm = warmHome(serviceOn());
    const order: string[] = [];
    void warm.listed().then(() => order.push('warm-up ended'));
    const asked = warm.service.homeData({ query: 'tw' }).then((data) => {
      order.push('answered');
      return data;
    });
    expect((await asked).drafts.map((d) => d.title)).toEqual(['Two']);
    expect(order).toEqual(['warm-up ended', 'answered']);
  });

  it('then lints a sample, once no call of the page is under way, and answers nothing with it', async () => {
    const real = serviceOn();
    const opened = await real.newRecap({ title: 'Held' });
    // The page's call is held until the test lets it go; the lints are noted, then run for real.
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const linted: Array<string | null> = [];
    const warm = warmHome({
      ...real,
      openDraft: async (req) => (await held, real.openDraft(req)),
      lintRecap: (req) => (linted.push(req.path), real.lintRecap(req)),
    });
    const call = warm.service.openDraft({ id: opened.draft.id });
    await warm.listed();
    await new Promise((resolve) => setImmediate(resolve));
    expect(linted).toEqual([]);
    release();
    expect((await call).text).toBe(opened.text);
    await warm.settled();
    // The sample, with no path: nothing read or written for it.
    expect(linted).toEqual([null]);
    // Without a call under way, it lints as soon as the listing ended.
    const alone: Array<string | null> = [];
    const quiet = warmHome({ ...real, lintRecap: (req) => (alone.push(req.path), real.lintRecap(req)) });
    await quiet.settled();
    expect(alone).toEqual([null]);
  });

  it('gives way, between batches of drafts, to a call of the page under way, unless the page asks for its list', async () => {
    const writer = serviceOn();
    // More drafts than one batch (32), so the listing has a place to wait.
    for (let i = 0; i < 40; i++) await titled(writer, `More ${i}`);
    const real = serviceOn();
    const opened = await real.newRecap({ title: 'Held' });
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const warm = warmHome({ ...real, openDraft: async (req) => (await held, real.openDraft(req)) });
    const order: string[] = [];
    void warm.listed().then(() => order.push('listed'));
    const call = warm.service.openDraft({ id: opened.draft.id }).then(() => order.push('answered'));
    // As long as a whole listing by another service: the warm-up's would have ended by then.
    await serviceOn().homeData({});
    release();
    await call;
    await warm.settled();
    expect(order).toEqual(['answered', 'listed']);

    // A list asked meanwhile: the warm-up's listing no longer waits for the held call.
    let releaseAgain = (): void => undefined;
    const heldAgain = new Promise<void>((resolve) => (releaseAgain = resolve));
    const again = warmHome({ ...real, openDraft: async (req) => (await heldAgain, real.openDraft(req)) });
    const stuck = again.service.openDraft({ id: opened.draft.id });
    expect((await again.service.homeData({})).drafts).toHaveLength(44);
    releaseAgain();
    await stuck;
    await again.settled();
  });

  it('the browser mode warms when asked to, and its close waits for the warm-up', async () => {
    await fs.mkdir(path.join(dir, 'renderer'));
    await fs.writeFile(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>Recap Studio</title>');
    // Enough drafts that the listing outlasts the server's start, and a damaged meta.json, which
    // a listing rebuilds from the draft's text and writes.
    const writer = serviceOn();
    for (let i = 0; i < 40; i++) await titled(writer, `More ${i}`);
    const damaged = await titled(writer, 'Damaged');
    const metaFile = path.join(home, 'drafts', damaged, 'meta.json');
    await fs.writeFile(metaFile, '{ not json');
    const server = await startWebServer({ rendererDir: path.join(dir, 'renderer'), cacheDir: path.join(dir, 'cache'), home, warmHome: true });
    await server.close();
    // The warm-up's listing ran to its end (its rebuilt meta.json is written) before close answered.
    expect(JSON.parse(await fs.readFile(metaFile, 'utf8'))).toMatchObject({ id: damaged, title: 'Damaged' });
  });
});
