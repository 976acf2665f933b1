import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clockTime, createDraftStore, defaultDraftsHome, sha256, type DraftFs, type DraftStoreOptions } from '../../../electron/service/drafts/drafts';
import { formatMsg } from '../../../electron/core/i18n/messages';
import { imageFolderFor, loadProfile } from '../../../electron/service/site/profile';
import { refusal as codeOf } from '../support/refusal';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
let dir: string;
let home: string;
let clock: number;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'recap-drafts-'));
  home = path.join(dir, 'home');
  clock = Date.UTC(2025, 5, 15, 9, 30, 0);
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const store = (opts: DraftStoreOptions = {}): ReturnType<typeof createDraftStore> => createDraftStore({ home, now: () => clock, ...opts });
/**
 * recoverSession answers before this start's own session record is written; a call that takes
 * the session lock of that home after it (here a clean quit) lands once that record is on disk,
 * so the test's folder is not removed while it is being written.
 */
const recordWritten = (at = home): Promise<void> => createDraftStore({ home: at, now: () => clock }).markSessionClean();

function recap(title: string, body = 'Intro paragraph.\n', extra = ''): string {
  return `---\ntitle: "${title}"\ncreateTime: 2021-11-02\n${extra}---\n\n${body}`;
}


async function jpeg(file: string, color = '#3366cc'): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await sharp({ create: { width: 40, height: 30, channels: 3, background: color } }).jpeg().toFile(file);
}

const photoDir = (id: string, imageDir: string): string => imageFolderFor(path.join(home, 'drafts', id, 'recap.md'), loadProfile(), imageDir).dir;

async function filesUnder(root: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(root, { withFileTypes: true, recursive: true })) if (e.isFile()) out.push(path.relative(root, path.join(e.parentPath, e.name)));
  return out.sort();
}

describe('the drafts folder', () => {
  it('defaults to RECAP_STUDIO_HOME, else the XDG data folder', () => {
    const saved = { ...process.env };
    try {
      process.env['RECAP_STUDIO_HOME'] = '/tmp/rs-home';
      expect(defaultDraftsHome()).toBe('/tmp/rs-home');
      delete process.env['RECAP_STUDIO_HOME'];
      process.env['XDG_DATA_HOME'] = '/tmp/xdg';
      expect(defaultDraftsHome()).toBe('/tmp/xdg/recap-studio');
      delete process.env['XDG_DATA_HOME'];
      expect(defaultDraftsHome()).toBe(path.join(os.homedir(), '.local', 'share', 'recap-studio'));
    } finally {
      process.env = saved;
    }
  });

  it('creates a draft as recap.md + meta.json + a first snapshot, and loads it byte for byte', async () => {
    const s = store();
    const text = '\uFEFF---\r\ntitle: "KCD China Recap"\r\ncreateTime: 2021-11-02\r\n---\r\n\r\nHello\r\n';
    const d = await s.createDraft(text);
    expect(d).toMatchObject({ title: 'KCD China Recap', eventDate: '2021-11-02', photoCount: 0, linkedPath: null, unsavedToFile: false, imageDir: 'kcd-china-recap' });
    expect(d.recapPath).toBe(path.join(home, 'drafts', d.id, 'recap.md'));
    const files = await filesUnder(path.join(home, 'drafts', d.id));
    expect(files.filter((f) => !f.startsWith('history/'))).toEqual(['meta.json', 'recap.md']);
    expect(files.filter((f) => f.startsWith('history/'))).toHaveLength(1);
    expect(await fs.readFile(d.recapPath, 'utf8')).toBe(text);
    const loaded = await store().loadDraft(d.id); // a fresh store: as after a restart
    expect(loaded.text).toBe(text);
    expect(loaded.recovered).toBeNull();
    expect(loaded.draft.title).toBe('KCD China Recap');
    expect((await fs.readdir(path.join(home, 'drafts'))).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('saves atomically, skips a save when nothing changed, and leaves no temp file', async () => {
    const s = store();
    const d = await s.createDraft(recap('One'));
    clock += 1000;
    const r1 = await s.saveDraft(d.id, recap('One', 'More words.\n'));
    expect(r1.changed).toBe(true);
    const mtime = (await fs.stat(d.recapPath)).mtimeMs;
    const metaBefore = await fs.readFile(path.join(home, 'drafts', d.id, 'meta.json'), 'utf8');
    clock += 1000;
    const r2 = await s.saveDraft(d.id, recap('One', 'More words.\n'));
    expect(r2.changed).toBe(false);
    expect((await fs.stat(d.recapPath)).mtimeMs).toBe(mtime);
    expect(await fs.readFile(path.join(home, 'drafts', d.id, 'meta.json'), 'utf8')).toBe(metaBefore);
    expect(await fs.readFile(d.recapPath, 'utf8')).toBe(recap('One', 'More words.\n'));
    expect((await filesUnder(path.join(home, 'drafts', d.id))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(r1.draft.updated).toBe(new Date(clock - 1000).toISOString());
  });

  it('serialises concurrent saves of a draft: the last call wins', async () => {
    const s = store();
    const d = await s.createDraft(recap('Race'));
    await Promise.all(Array.from({ length: 20 }, (_, i) => s.saveDraft(d.id, recap('Race', `version ${i}\n`))));
    expect(await fs.readFile(d.recapPath, 'utf8')).toBe(recap('Race', 'version 19\n'));
    expect((await store().loadDraft(d.id)).recovered).toBeNull();
  });

  it('refuses ids that are not draft ids, and unknown drafts', async () => {
    const s = store();
    expect(await codeOf(s.loadDraft('../../etc'))).toMatch(/^BAD_REQUEST/);
    expect(await codeOf(s.saveDraft('x/y', 'text'))).toMatch(/^BAD_REQUEST/);
    expect(await codeOf(s.readSnapshot('abcd-123456', '../meta'))).toMatch(/^BAD_REQUEST/);
    expect(await codeOf(s.loadDraft('abcd-123456'))).toMatch(/^NOT_FOUND/);
  });
});

describe('the home screen list', () => {
  it('lists title, event date, photos, cover and last edited, newest first, with search', async () => {
    const s = store();
    const a = await s.createDraft(recap('KCD China', 'x\n'));
    clock += MIN;
    const b = await s.createDraft(recap('DevOpsDays Berlin', 'y\n', 'image: /images/news/devopsdays-berlin/stage.jpg\n'));
    clock += MIN;
    await s.saveDraft(a.id, recap('KCD China', 'edited\n'));
    await jpeg(path.join(photoDir(b.id, 'devopsdays-berlin'), 'crowd.jpg'));
    await jpeg(path.join(photoDir(b.id, 'devopsdays-berlin'), 'stage.jpg'));
    await jpeg(path.join(photoDir(a.id, 'kcd-china'), 'b.jpg'));
    await jpeg(path.join(photoDir(a.id, 'kcd-china'), 'a.png'));
    await fs.writeFile(path.join(photoDir(a.id, 'kcd-china'), 'notes.txt'), 'not a photo');

    const list = await store().listDrafts();
    expect(list.map((d) => d.title)).toEqual(['KCD China', 'DevOpsDays Berlin']);
    expect(list[0]).toMatchObject({ id: a.id, eventDate: '2021-11-02', photoCount: 2, coverPath: path.join(photoDir(a.id, 'kcd-china'), 'a.png') });
    expect(list[1]).toMatchObject({ id: b.id, photoCount: 2, coverPath: path.join(photoDir(b.id, 'devopsdays-berlin'), 'stage.jpg') });
    expect(list[0]?.updated).toBe(new Date(clock).toISOString());
    expect((await s.listDrafts({ query: 'berlin' })).map((d) => d.id)).toEqual([b.id]);
    expect((await s.listDrafts({ query: '2021-11' })).length).toBe(2);
    expect(await s.listDrafts({ query: 'nothing like this' })).toEqual([]);
  });

  it('never reads the recap texts to list, and notices photos added later', async () => {
    const s = store();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await s.createDraft(recap(`Recap ${i}`))).id);
    const reads: string[] = [];
    // A file is read through readFile or through an open handle (meta.json, with its fstat).
    const spy: DraftFs = {
      ...fs,
      readFile: ((file: Parameters<typeof fs.readFile>[0], ...rest: unknown[]) => (reads.push(String(file)), (fs.readFile as (...a: unknown[]) => unknown)(file, ...rest))) as typeof fs.readFile,
      open: ((file: Parameters<typeof fs.open>[0], ...rest: unknown[]) => (reads.push(String(file)), (fs.open as (...a: unknown[]) => unknown)(file, ...rest))) as typeof fs.open,
    };
    const fresh = store({ fs: spy });
    expect((await fresh.listDrafts()).every((d) => d.photoCount === 0)).toBe(true);
    expect(reads.filter((f) => f.endsWith('recap.md'))).toEqual([]);
    expect(reads.filter((f) => f.endsWith('meta.json'))).toHaveLength(5);
    await jpeg(path.join(photoDir(ids[2]!, 'recap-2'), 'one.jpg'));
    const again = await fresh.listDrafts();
    expect(again.find((d) => d.id === ids[2])?.photoCount).toBe(1);
  });

  it('makes a cover thumbnail once and lists it until the photos change', async () => {
    const s = store();
    const d = await s.createDraft(recap('Thumbs'));
    await jpeg(path.join(photoDir(d.id, 'thumbs'), 'cover.jpg'));
    expect((await s.listDrafts())[0]?.coverThumb).toBeNull();
    const thumb = await s.coverThumbnail(d.id);
    expect(thumb).not.toBeNull();
    expect((await sharp(thumb!).metadata()).format).toBe('jpeg');
    expect((await store().listDrafts())[0]?.coverThumb).toBe(thumb);
    // A photo added before it sorts first: a new cover, so the thumbnail is stale.
    await new Promise((r) => setTimeout(r, 20));
    await jpeg(path.join(photoDir(d.id, 'thumbs'), 'aaa.jpg'), '#cc3333');
    expect((await store().listDrafts())[0]?.coverThumb).toBeNull();
    const none = await s.createDraft(recap('No photos'));
    expect(await s.coverThumbnail(none.id)).toBeNull();
  });

  it('keeps the photo folder after the first photo even when the title changes', async () => {
    const s = store();
    const d = await s.createDraft(recap('Old title'));
    expect(d.imageDir).toBe('old-title');
    const r = await s.saveDraft(d.id, recap('Still no photos'));
    expect(r.draft.imageDir).toBe('still-no-photos');
    await jpeg(path.join(photoDir(d.id, 'still-no-photos'), 'p.jpg'));
    const r2 = await s.saveDraft(d.id, recap('A third title'));
    expect(r2.draft).toMatchObject({ imageDir: 'still-no-photos', photoCount: 1 });
    const r3 = await s.saveDraft(d.id, recap('A third title', '![x](/images/news/elsewhere/x.jpg)\n'));
    expect(r3.draft.imageDir).toBe('elsewhere');
  });
});

describe('damaged drafts', () => {
  async function draftWithHistory(): Promise<{ s: ReturnType<typeof createDraftStore>; id: string; good: string; latest: string }> {
    const s = store();
    const good = recap('Damaged', 'First version, snapshotted.\n');
    const d = await s.createDraft(good);
    clock += MIN;
    const latest = recap('Damaged', 'First version, snapshotted.\nAnd a lot more words after it.\n');
    await s.saveDraft(d.id, latest);
    return { s, id: d.id, good, latest };
  }

  for (const [name, damage] of [
    ['truncated', (t: string): Buffer => Buffer.from(t).subarray(0, 30)],
    ['invalid UTF-8', (t: string): Buffer => Buffer.concat([Buffer.from(t), Buffer.from([0xc3, 0x28, 0xff])])],
    ['empty', (): Buffer => Buffer.alloc(0)],
    ['zero-filled', (t: string): Buffer => Buffer.alloc(Buffer.byteLength(t))],
  ] as const) {
    it(`a ${name} recap.md is set aside and the last good snapshot is used`, async () => {
      const { id, good, latest } = await draftWithHistory();
      const file = path.join(home, 'drafts', id, 'recap.md');
      const bad = damage(latest);
      await fs.writeFile(file, bad);
      const loaded = await store().loadDraft(id);
      expect(loaded.text).toBe(good);
      expect(loaded.recovered).toMatch(/^The draft “Damaged” (was cut short|is not valid UTF-8 text|was empty|contains binary data); it was set aside as recap\.corrupt-\d{8}T\d{9}Z\.md and the last good version, from \d\d:\d\d on 2025-06-15, was restored\.$/);
      // The same words in the catalogue, so the page says them in its language.
      expect(loaded.recoveredMsg && formatMsg('en', loaded.recoveredMsg)).toBe(loaded.recovered);
      expect(loaded.recoveredMsg && formatMsg('zh-CN', loaded.recoveredMsg)).toMatch(/^草稿 “Damaged”(被截断了|不是有效的 UTF-8 文本|是空的|含有二进制数据)，已另存为 recap\.corrupt-\d{8}T\d{9}Z\.md，已恢复 2025-06-15 \d\d:\d\d 的最后一个完好版本。$/);
      const aside = (await fs.readdir(path.join(home, 'drafts', id))).find((n) => n.startsWith('recap.corrupt-'));
      expect(await fs.readFile(path.join(home, 'drafts', id, aside!))).toEqual(bad);
      expect(await fs.readFile(file, 'utf8')).toBe(good);
      // Repaired for good: the next load is clean.
      expect((await store().loadDraft(id)).recovered).toBeNull();
    });
  }

  it('a kill between meta.json and recap.md is not damage: the last completed save loads', async () => {
    const { id, latest } = await draftWithHistory();
    const metaFile = path.join(home, 'drafts', id, 'meta.json');
    const meta = JSON.parse(await fs.readFile(metaFile, 'utf8')) as { sha: string; prevSha: string | null; title: string };
    // As if the next save wrote its meta.json and was killed before recap.md.
    await fs.writeFile(metaFile, JSON.stringify({ ...meta, prevSha: meta.sha, sha: sha256('the text that never landed'), title: 'Never landed' }));
    const loaded = await store().loadDraft(id);
    expect(loaded).toMatchObject({ text: latest, recovered: null });
    expect(loaded.draft.title).toBe('Damaged');
  });

  it('a missing or damaged meta.json is rebuilt from recap.md', async () => {
    const { id, latest } = await draftWithHistory();
    await fs.writeFile(path.join(home, 'drafts', id, 'meta.json'), '{"version":1,"id":');
    const loaded = await store().loadDraft(id);
    expect(loaded).toMatchObject({ text: latest, recovered: null });
    expect(loaded.draft.title).toBe('Damaged');
    await fs.rm(path.join(home, 'drafts', id, 'meta.json'));
    expect((await store().listDrafts()).map((d) => d.title)).toEqual(['Damaged']);
  });

  it('with no snapshot to fall back on, keeps what could be read', async () => {
    const s = store();
    const d = await s.createDraft('');
    clock += MIN;
    await s.saveDraft(d.id, 'Some words');
    await fs.writeFile(d.recapPath, Buffer.from([0x53, 0x6f, 0xff]));
    const loaded = await store().loadDraft(d.id);
    expect(loaded.text).toBe('So\uFFFD');
    expect(loaded.recovered).toMatch(/no earlier version was kept, so what could be read was kept/);
    expect(loaded.recoveredMsg && formatMsg('zh-CN', loaded.recoveredMsg)).toBe('草稿 无标题回顾不是有效的 UTF-8 文本，已另存为 ' + (await fs.readdir(path.dirname(d.recapPath))).find((n) => n.startsWith('recap.corrupt-')) + '，没有保留更早的版本，因此保留了能读取的内容。');
  });
});

describe('history', () => {
  it('snapshots the text being replaced at most once a minute while typing, and after a pause', async () => {
    const s = store();
    const d = await s.createDraft(recap('H', 'v0\n'));
    const versions = async (): Promise<number> => (await s.listHistory(d.id)).length;
    expect(await versions()).toBe(1);
    for (let i = 1; i <= 10; i++) {
      clock += 5000; // typing: an autosave every 5 s
      await s.saveDraft(d.id, recap('H', `v${i}\n`));
    }
    // 50 s in: no snapshot beyond the first (v0, which the first save's outgoing text equals).
    expect(await versions()).toBe(1);
    clock += 15_000;
    await s.saveDraft(d.id, recap('H', 'v11\n')); // 65 s since the first snapshot: v10 goes in
    expect(await versions()).toBe(2);
    clock += 10 * MIN; // a pause, then one keystroke
    const r = await s.saveDraft(d.id, recap('H', 'v12\n'));
    expect(r.snapshot).not.toBeNull();
    const h = await s.listHistory(d.id);
    expect(h.length).toBe(3);
    expect(await s.readSnapshot(d.id, h[0]!.id)).toBe(recap('H', 'v11\n'));
    expect(h[0]!.time).toBe(new Date(clock - 10 * MIN).toISOString()); // the time of the version it holds
    expect(await s.readSnapshot(d.id, h[2]!.id)).toBe(recap('H', 'v0\n'));
    expect(h.every((x) => !x.isCurrent)).toBe(true);
    // { snapshot: true } (close, quit) keeps the current text too.
    await s.saveDraft(d.id, recap('H', 'v12\n'), { snapshot: true });
    expect((await s.listHistory(d.id))[0]).toMatchObject({ isCurrent: true });
  });

  it('restoring a snapshot keeps the current text as a snapshot first', async () => {
    const s = store();
    const d = await s.createDraft(recap('R', 'original\n'));
    clock += 2 * MIN;
    await s.saveDraft(d.id, recap('R', 'rewritten badly\n'));
    const first = (await s.listHistory(d.id)).at(-1)!;
    const diff = await s.diffSnapshot(d.id, first.id);
    expect(diff.lines.filter((l) => l.kind !== 'same').map((l) => `${l.kind} ${l.text}`)).toEqual(['removed original', 'added rewritten badly']);
    clock += 1000;
    const restored = await s.restoreSnapshot(d.id, first.id);
    expect(restored.text).toBe(recap('R', 'original\n'));
    expect(await fs.readFile(d.recapPath, 'utf8')).toBe(recap('R', 'original\n'));
    expect(restored.savedCurrentAs).not.toBeNull();
    expect(await s.readSnapshot(d.id, restored.savedCurrentAs!)).toBe(recap('R', 'rewritten badly\n'));
    expect((await s.loadDraft(d.id)).text).toBe(recap('R', 'original\n'));
    expect(await codeOf(s.readSnapshot(d.id, '20000101T000000000Z-0000000000000000'))).toMatch(/^NOT_FOUND/);
  });

  it('stays bounded over weeks of autosaves, thinned by age', async () => {
    const s = store({ history: { snapshotEveryMs: 0 } });
    const d = await s.createDraft(recap('Long', 'start\n'));
    // Over two weeks, each day two bursts of 8 saves, one a minute.
    let n = 0;
    let lastSave = clock;
    for (let day = 0; day < 16; day++) {
      const dayStart = clock;
      for (let burst = 0; burst < 2; burst++) {
        for (let i = 0; i < 8; i++) {
          clock += MIN;
          await s.saveDraft(d.id, recap('Long', `edit ${n++}\n`));
          lastSave = clock;
        }
        clock += 5 * 60 * MIN;
      }
      clock = dayStart + DAY;
    }
    const h = await s.listHistory(d.id);
    expect(h.length).toBeLessThanOrEqual(50);
    const times = h.map((x) => Date.parse(x.time));
    // As thinned at the last save: one per day beyond a day.
    const old = times.filter((t) => lastSave - t >= DAY);
    const days = new Set(old.map((t) => Math.floor(t / DAY)));
    expect(days.size).toBe(old.length);
    expect(days.size).toBeGreaterThanOrEqual(12);
    expect((await fs.readdir(path.join(home, 'drafts', d.id, 'history'))).length).toBe(h.length);
  }, 60_000);
});

describe('duplicate, delete, trash, restore', () => {
  it('duplicates a draft with its photos, as a new unlinked draft titled "(copy)"', async () => {
    const s = store();
    const d = await s.createDraft(recap('Original', '![a](/images/news/original/a.jpg)\n'));
    await jpeg(path.join(photoDir(d.id, 'original'), 'a.jpg'));
    const copy = await s.duplicateDraft(d.id);
    expect(copy.id).not.toBe(d.id);
    expect(copy).toMatchObject({ title: 'Original (copy)', imageDir: 'original', photoCount: 1, linkedPath: null });
    const text = (await s.loadDraft(copy.id)).text;
    expect(text).toBe(recap('Original (copy)', '![a](/images/news/original/a.jpg)\n'));
    expect(await fs.readFile(path.join(photoDir(copy.id, 'original'), 'a.jpg'))).toEqual(await fs.readFile(path.join(photoDir(d.id, 'original'), 'a.jpg')));
    expect((await s.listDrafts()).length).toBe(2);
  });

  it('deletes to the trash, restores, and purges after 30 days', async () => {
    const s = store();
    const keep = await s.createDraft(recap('Keep me'));
    const gone = await s.createDraft(recap('Delete me'));
    const t = await s.deleteDraft(gone.id);
    expect(t).toMatchObject({ id: gone.id, title: 'Delete me', expiresAt: new Date(clock + 30 * DAY).toISOString() });
    expect((await s.listDrafts()).map((d) => d.id)).toEqual([keep.id]);
    expect((await s.listTrash()).map((x) => x.id)).toEqual([gone.id]);
    expect(await codeOf(s.loadDraft(gone.id))).toMatch(/^NOT_FOUND/);
    const back = await s.restoreDraft(gone.id);
    expect(back.title).toBe('Delete me');
    expect((await s.loadDraft(gone.id)).text).toBe(recap('Delete me'));
    expect(await s.listTrash()).toEqual([]);

    await s.deleteDraft(gone.id);
    clock += 29 * DAY;
    expect(await s.purgeTrash()).toBe(0);
    expect((await s.listTrash()).length).toBe(1);
    clock += 2 * DAY;
    expect((await s.listTrash()).length).toBe(0);
    expect(await codeOf(s.restoreDraft(gone.id))).toMatch(/^NOT_FOUND: That draft is no longer in the trash/);
    expect(await fs.readdir(path.join(home, 'trash'))).toEqual([]);
  });
});

describe('crash recovery', () => {
  it('reopens the drafts that were open when the app did not quit normally, and says so', async () => {
    const s = store();
    const a = await s.createDraft(recap('A'));
    const b = await s.createDraft(recap('B'));
    await s.createDraft(recap('C, not open'));
    await s.setOpenDrafts([a.id, b.id]);
    clock += 7 * MIN;
    await s.saveDraft(b.id, recap('B', 'typed just before the crash\n'));
    // The app is killed here: no markSessionClean.
    const next = store();
    const rec = await next.recoverSession();
    expect(rec.crashed).toBe(true);
    expect(rec.reopen.map((d) => d.id)).toEqual([a.id, b.id]);
    expect(rec.message).toBe(`Recovered 2 drafts with changes up to ${clockTime(clock)}`);
    expect((await next.loadDraft(b.id)).text).toBe(recap('B', 'typed just before the crash\n'));
    // That start is itself a session: a second crash recovers the same drafts.
    expect((await store().recoverSession()).reopen.length).toBe(2);
    await next.markSessionClean();
    expect(await store().recoverSession()).toEqual({ crashed: false, reopen: [], message: null });
    await recordWritten();
  });

  it('answers before its own record is on disk, and what is asked next (by any store of the home) lands after that record', async () => {
    const s = store();
    const a = await s.createDraft(recap('A'));
    await s.setOpenDrafts([a.id]);
    // The next start's disk holds every fsync until released.
    let release = (): void => undefined;
    const held = new Promise<void>((r) => (release = r));
    const open = (async (...args: Parameters<typeof fs.open>) => {
      const handle = await fs.open(...args);
      return new Proxy(handle, {
        get(target, key) {
          if (key === 'sync') return async () => (await held, target.sync());
          const value: unknown = Reflect.get(target, key);
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      });
    }) as typeof fs.open;
    const started = store({ fs: { ...fs, open } });
    // Answered while this start's record still waits for the disk (the app's start waits for this answer).
    expect((await started.recoverSession()).reopen.map((d) => d.id)).toEqual([a.id]);
    // A clean quit asked now, from another store of the same home, lands after that record.
    const quit = store().markSessionClean();
    release();
    await quit;
    expect(await store().recoverSession()).toEqual({ crashed: false, reopen: [], message: null });
    await recordWritten();
  });

  it('reopens a file saved before the reload or crash without saying changes were recovered; it says so once the draft holds changes the file lacks', async () => {
    const file = path.join(dir, 'site', 'content', 'en', 'news', 'kcd.md');
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, recap('KCD'));
    const s = store();
    const opened = await s.openFile(file);
    await s.setOpenDrafts([opened.draft.id]);
    clock += 3 * MIN;
    await s.saveDraft(opened.draft.id, recap('KCD', 'Typed, then saved.\n'));
    await s.writeBackLinkedFile(opened.draft.id, recap('KCD', 'Typed, then saved.\n'));
    // The page is reloaded (or the app killed) right after Ctrl+S: the file has every word.
    const saved = await store().recoverSession();
    expect(saved).toMatchObject({ crashed: true, message: null });
    expect(saved.reopen.map((d) => [d.id, d.unsavedToFile])).toEqual([[opened.draft.id, false]]);
    // A draft beside it that was never saved to a file, and typing after the save: both are changes no file has.
    const fresh = await s.createDraft(recap('New one'));
    await s.setOpenDrafts([opened.draft.id, fresh.id]);
    expect((await store().recoverSession()).message).toBe(`Recovered 1 draft with changes up to ${clockTime(clock)}`);
    clock += 4 * MIN;
    await s.saveDraft(opened.draft.id, recap('KCD', 'Typed, then saved.\nThen typed again.\n'));
    await s.setOpenDrafts([opened.draft.id, fresh.id]);
    const two = await store().recoverSession();
    expect(two.message).toBe(`Recovered 2 drafts with changes up to ${clockTime(clock)}`);
    // The page says it in the reader's language, from the catalogue.
    expect(two.messageMsg && formatMsg('zh-CN', two.messageMsg)).toBe(`已恢复 2 篇有更改的草稿，更改截至 ${clockTime(clock)}`);
    expect(await fs.readFile(file, 'utf8')).toBe(recap('KCD', 'Typed, then saved.\n'));
    await recordWritten();
  });

  it('skips drafts deleted since and says "1 draft"', async () => {
    const s = store();
    const a = await s.createDraft(recap('A'));
    const b = await s.createDraft(recap('B'));
    await s.setOpenDrafts([a.id, b.id]);
    await s.deleteDraft(a.id);
    const rec = await store().recoverSession();
    expect(rec.reopen.map((d) => d.id)).toEqual([b.id]);
    expect(rec.message).toMatch(/^Recovered 1 draft with changes up to \d\d:\d\d$/);
    expect(await store().recoverSession()).toMatchObject({ crashed: true });
    expect(await createDraftStore({ home: path.join(dir, 'fresh') }).recoverSession()).toEqual({ crashed: false, reopen: [], message: null });
    await recordWritten();
    await recordWritten(path.join(dir, 'fresh'));
  });
});

describe('recent files', () => {
  it('are newest first, deduplicated, bounded and say whether the file still exists', async () => {
    const s = store({ recentMax: 3 });
    for (const n of ['a', 'b', 'c', 'd']) {
      await fs.writeFile(path.join(dir, `${n}.md`), n);
      await s.addRecentFile(path.join(dir, `${n}.md`));
      clock += 1000;
    }
    await s.addRecentFile(path.join(dir, 'b.md'));
    await fs.rm(path.join(dir, 'c.md'));
    const list = await store({ recentMax: 3 }).listRecentFiles();
    expect(list.map((r) => [path.basename(r.path), r.exists])).toEqual([
      ['b.md', true],
      ['d.md', true],
      ['c.md', false],
    ]);
    expect((await s.removeRecentFile(path.join(dir, 'c.md'))).map((r) => path.basename(r.path))).toEqual(['b.md', 'd.md']);
  });
});

describe('files on disk', () => {
  async function site(text: string): Promise<string> {
    const file = path.join(dir, 'site', 'content', 'en', 'news', 'kcd.md');
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, text);
    return file;
  }

  it('opening a file makes a draft shadow; Save writes it back atomically', async () => {
    const file = await site(recap('On disk'));
    const s = store();
    const opened = await s.openFile(file);
    expect(opened).toMatchObject({ reused: false, reloaded: false, text: recap('On disk'), linked: { state: 'unchanged', path: file, unsavedToFile: false } });
    // The new shadow's link is known from the bytes just read: what a check of the file says.
    expect(opened.linked).toEqual(await s.checkLinkedFile(opened.draft.id));
    expect(opened.draft.linkedPath).toBe(file);
    // Photos of a file in a site go to the site's own folder.
    expect(opened.draft.photoRecapPath).toBe(file);
    expect((await s.listRecentFiles()).map((r) => r.path)).toEqual([file]);

    const mine = recap('On disk', 'My changes.\n');
    const saved = await s.saveDraft(opened.draft.id, mine);
    expect(saved.draft.unsavedToFile).toBe(true);
    expect(await fs.readFile(file, 'utf8')).toBe(recap('On disk')); // autosave never touches the file
    const status = await s.writeBackLinkedFile(opened.draft.id, mine);
    expect(status).toMatchObject({ state: 'unchanged', unsavedToFile: false });
    expect(await fs.readFile(file, 'utf8')).toBe(mine);
    expect((await s.checkLinkedFile(opened.draft.id)).state).toBe('unchanged');
    expect((await fs.readdir(path.dirname(file))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('reports a file changed or deleted on disk and never overwrites it silently', async () => {
    const file = await site(recap('Shared'));
    const s = store();
    const { draft } = await s.openFile(file);
    // Touched without a change: still unchanged.
    const later = new Date(Date.now() + 5000);
    await fs.utimes(file, later, later);
    expect((await s.checkLinkedFile(draft.id)).state).toBe('unchanged');

    await fs.writeFile(file, recap('Shared', 'A colleague edited this.\n'));
    const mine = recap('Shared', 'My edit.\n');
    await s.saveDraft(draft.id, mine);
    const status = await s.checkLinkedFile(draft.id);
    expect(status).toMatchObject({ state: 'changed', unsavedToFile: true, diskText: recap('Shared', 'A colleague edited this.\n') });
    expect(await codeOf(s.writeBackLinkedFile(draft.id, mine))).toMatch(/^CHANGED_ON_DISK: .*kcd\.md changed on disk since you opened it/);
    expect(await fs.readFile(file, 'utf8')).toBe(recap('Shared', 'A colleague edited this.\n'));
    expect((await s.loadDraft(draft.id)).text).toBe(mine); // the draft keeps the author's text
    // "Keep mine": the author saw the disk version and overwrites it knowingly.
    if (status.state !== 'changed') throw new Error('unreachable');
    await s.writeBackLinkedFile(draft.id, mine, { expectHash: status.diskHash });
    expect(await fs.readFile(file, 'utf8')).toBe(mine);

    await fs.rm(file);
    expect((await s.checkLinkedFile(draft.id)).state).toBe('deleted');
    expect(await codeOf(s.writeBackLinkedFile(draft.id, mine))).toMatch(/^CHANGED_ON_DISK: .*was deleted or moved/);
    await s.writeBackLinkedFile(draft.id, mine, { expectHash: null }); // recreate it knowingly
    expect(await fs.readFile(file, 'utf8')).toBe(mine);
  });

  it('reload takes the disk version and keeps the draft text in the history', async () => {
    const file = await site(recap('Reload'));
    const s = store();
    const { draft } = await s.openFile(file);
    await s.saveDraft(draft.id, recap('Reload', 'mine\n'));
    await fs.writeFile(file, recap('Reload', 'theirs\n'));
    const r = await s.reloadLinkedFile(draft.id);
    expect(r.text).toBe(recap('Reload', 'theirs\n'));
    expect(r.draft.unsavedToFile).toBe(false);
    const texts = await Promise.all((await s.listHistory(draft.id)).map((h) => s.readSnapshot(draft.id, h.id)));
    expect(texts).toContain(recap('Reload', 'mine\n'));
  });

  it('reopening a file reuses its shadow, reloading it only when the shadow has nothing unsaved', async () => {
    const file = await site(recap('Again'));
    const s = store();
    const first = await s.openFile(file);
    await fs.writeFile(file, recap('Again', 'changed outside\n'));
    const second = await store().openFile(file);
    expect(second).toMatchObject({ reused: true, reloaded: true, text: recap('Again', 'changed outside\n') });
    expect(second.draft.id).toBe(first.draft.id);
    await s.saveDraft(first.draft.id, recap('Again', 'unsaved mine\n'));
    await fs.writeFile(file, recap('Again', 'changed outside twice\n'));
    const third = await store().openFile(file);
    expect(third).toMatchObject({ reused: true, reloaded: false, text: recap('Again', 'unsaved mine\n'), linked: { state: 'changed', unsavedToFile: true } });
    expect((await s.listDrafts()).length).toBe(1);
  });

  it('Save As links a new draft to a file, refusing to replace one unless asked', async () => {
    const s = store();
    const d = await s.createDraft(recap('New'));
    const target = path.join(dir, 'out', 'new.md');
    await fs.mkdir(path.dirname(target), { recursive: true });
    expect(await codeOf(s.writeBackLinkedFile(d.id, recap('New')))).toMatch(/^BAD_REQUEST: .*Save As/);
    await s.saveDraftAs(d.id, target, recap('New', 'body\n'));
    expect(await fs.readFile(target, 'utf8')).toBe(recap('New', 'body\n'));
    expect((await s.listDrafts())[0]?.linkedPath).toBe(target);
    const other = await s.createDraft(recap('Other'));
    expect(await codeOf(s.saveDraftAs(other.id, target, recap('Other')))).toMatch(/^EXISTS/);
    expect(await codeOf(s.saveDraftAs(other.id, path.join(dir, 'x.txt'), recap('Other')))).toMatch(/^BAD_REQUEST/);
    await s.saveDraftAs(other.id, target, recap('Other'), { overwrite: true });
    expect(await fs.readFile(target, 'utf8')).toBe(recap('Other'));
  });
});

describe('disk trouble on autosave', () => {
  /** A real fs whose writes of new files fail with `code` once `failing` is set. */
  function flakyFs(code: string): { fs: DraftFs; fail: (on: boolean) => void } {
    let failing = false;
    const err = (): Error => Object.assign(new Error(`${code}: simulated`), { code });
    return {
      fail: (on) => void (failing = on),
      fs: {
        ...fs,
        open: (async (file: Parameters<typeof fs.open>[0], flags?: string | number, mode?: number) => {
          if (failing && flags === 'wx') throw err();
          return fs.open(file, flags, mode);
        }) as typeof fs.open,
      },
    };
  }

  for (const [code, says] of [
    ['ENOSPC', 'the disk is full'],
    ['EACCES', 'permission denied'],
    ['EROFS', 'the disk is read-only'],
  ] as const) {
    it(`${code}: SAVE_FAILED with a clear sentence, the last good draft intact, then a retry succeeds`, async () => {
      const flaky = flakyFs(code);
      const s = store({ fs: flaky.fs });
      const d = await s.createDraft(recap('Trouble', 'saved\n'));
      clock += 1000;
      flaky.fail(true);
      const message = await codeOf(s.saveDraft(d.id, recap('Trouble', 'not yet saved\n')));
      expect(message).toBe(`SAVE_FAILED: Could not autosave “Trouble”: ${says}. The last autosaved version (${clockTime(clock - 1000)}) is intact and your text is still in the editor; it will be saved once the problem is fixed.`);
      expect(await fs.readFile(d.recapPath, 'utf8')).toBe(recap('Trouble', 'saved\n'));
      expect((await filesUnder(path.join(home, 'drafts', d.id))).filter((f) => f.includes('.tmp'))).toEqual([]);
      expect((await store().loadDraft(d.id))).toMatchObject({ text: recap('Trouble', 'saved\n'), recovered: null });
      flaky.fail(false);
      await s.saveDraft(d.id, recap('Trouble', 'not yet saved\n'));
      expect((await store().loadDraft(d.id)).text).toBe(recap('Trouble', 'not yet saved\n'));
    });
  }

  it('a failure after meta.json, on recap.md itself, also leaves the last good draft', async () => {
    let failRecap = false;
    const flaky: DraftFs = {
      ...fs,
      rename: (async (from: string, to: string) => {
        if (failRecap && to.endsWith('recap.md')) throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
        return fs.rename(from, to);
      }) as typeof fs.rename,
    };
    const s = store({ fs: flaky });
    const d = await s.createDraft(recap('Half', 'saved\n'));
    clock += 5 * MIN;
    failRecap = true;
    expect(await codeOf(s.saveDraft(d.id, recap('Half', 'lost?\n')))).toMatch(/^SAVE_FAILED: .*the disk is full\. The last autosaved version \(\d\d:\d\d\) is intact/);
    const loaded = await store().loadDraft(d.id);
    expect(loaded).toMatchObject({ text: recap('Half', 'saved\n'), recovered: null });
    failRecap = false;
    expect((await s.saveDraft(d.id, recap('Half', 'lost?\n'))).changed).toBe(true);
    expect((await store().loadDraft(d.id)).text).toBe(recap('Half', 'lost?\n'));
  });

  // A real full disk and a real read-only disk: a 64 KB tmpfs, where this machine lets us mount one.
  const mountPoint = path.join(os.tmpdir(), `recap-tmpfs-${process.pid}`);
  let canMount = false;
  try {
    execFileSync('mkdir', ['-p', mountPoint]);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mountPoint], { stdio: 'ignore' });
    execFileSync('umount', [mountPoint], { stdio: 'ignore' });
    canMount = true;
  } catch {
    console.log('SKIPPED real ENOSPC/EROFS tests: cannot mount a tmpfs here (needs root); the injected-error tests above cover the same path.');
  }

  it.runIf(canMount)('ENOSPC and EROFS on a real tiny tmpfs: the last good draft intact', async () => {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mountPoint]);
    try {
      const s = createDraftStore({ home: mountPoint, now: () => clock });
      const d = await s.createDraft(recap('Full disk', 'small and saved\n'));
      // Fill the disk.
      const filler = path.join(mountPoint, 'filler');
      await fs.writeFile(filler, Buffer.alloc(256 * 1024)).catch(() => undefined);
      clock += 1000;
      const big = recap('Full disk', `${'A long paragraph that does not fit. '.repeat(700)}\n`);
      expect(await codeOf(s.saveDraft(d.id, big))).toMatch(/^SAVE_FAILED: Could not autosave “Full disk”: the disk is full\./);
      expect(await fs.readFile(d.recapPath, 'utf8')).toBe(recap('Full disk', 'small and saved\n'));
      expect((await filesUnder(mountPoint)).filter((f) => f.includes('.tmp'))).toEqual([]);
      expect(await createDraftStore({ home: mountPoint }).loadDraft(d.id)).toMatchObject({ recovered: null, text: recap('Full disk', 'small and saved\n') });
      await fs.rm(filler);
      await s.saveDraft(d.id, big);
      expect(await fs.readFile(d.recapPath, 'utf8')).toBe(big);

      execFileSync('mount', ['-o', 'remount,ro', mountPoint]);
      expect(await codeOf(s.saveDraft(d.id, recap('Full disk', 'read-only now\n')))).toMatch(/^SAVE_FAILED: Could not autosave “Full disk”: the disk is read-only\./);
      expect(await fs.readFile(d.recapPath, 'utf8')).toBe(big);
    } finally {
      execFileSync('umount', [mountPoint]);
      await fs.rmdir(mountPoint).catch(() => undefined);
    }
  });
});
