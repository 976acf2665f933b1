// Drafts through a real door: the browser-mode server, its validation and the service, with
// the data folder in a temp dir.

import { promises as fs, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DraftSummary, Envelope, HomeData, LinkedFileStatus, OpenedRecap, SessionRecovery, SnapshotInfo } from '../../../electron/core/contract';
import { startWebServer, type WebServer } from '../../../electron/web/server';

const REFERENCE = readFileSync(path.join(__dirname, '../../fixtures/kubernetes-community-days-china.md'), 'utf8');

let server: WebServer;
let dir: string;
let home: string;

async function start(): Promise<WebServer> {
  return startWebServer({ rendererDir: path.join(dir, 'renderer'), cacheDir: path.join(dir, 'cache'), home });
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'recap-drafts-api-'));
  home = path.join(dir, 'home');
  await fs.mkdir(path.join(dir, 'renderer'));
  await fs.writeFile(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>Recap Studio</title>');
  server = await start();
});
afterAll(async () => {
  await server.close();
  await fs.rm(dir, { recursive: true, force: true });
});

async function raw<T>(method: string, body: unknown = {}): Promise<Envelope<T>> {
  const res = await fetch(`http://127.0.0.1:${server.port}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-recap-token': server.token },
    body: JSON.stringify(body),
  });
  return (await res.json()) as Envelope<T>;
}

async function api<T>(method: string, body: unknown = {}): Promise<T> {
  const e = await raw<T>(method, body);
  if (!e.ok) throw new Error(`${e.error.code}: ${e.error.message}`);
  return e.value;
}

describe('drafts over the browser-mode door', () => {
  it('a new recap is a draft in the data folder that autosaves, and shows on the home screen', async () => {
    const opened = await api<OpenedRecap>('newRecap', { title: 'KCD Hangzhou 2026' });
    expect(opened.path).toBeNull();
    expect(opened.linked.state).toBe('unlinked');
    expect(opened.draft.recapPath.startsWith(path.join(home, 'drafts'))).toBe(true);
    const text = opened.text.replace('\n## ', '\nWritten offline.\n\n## ');
    const draft = await api<DraftSummary>('autosave', { id: opened.draft.id, text });
    expect(draft.title).toBe('KCD Hangzhou 2026');
    expect(await fs.readFile(opened.draft.recapPath, 'utf8')).toBe(text);
    const homeData = await api<HomeData>('homeData', { query: 'hangzhou' });
    expect(homeData.drafts.map((d) => d.id)).toEqual([opened.draft.id]);
    expect((await api<HomeData>('homeData', { query: 'no such recap' })).drafts).toEqual([]);
    const reopened = await api<OpenedRecap>('openDraft', { id: opened.draft.id });
    expect(reopened.text).toBe(text);
  });

  it('a file opened from disk gets a shadow draft; Save writes the file back, never over a change made meanwhile', async () => {
    const file = path.join(dir, 'kcd.md');
    await fs.writeFile(file, REFERENCE);
    const opened = await api<OpenedRecap>('openRecap', { path: file });
    expect(opened.draft.linkedPath).toBe(file);
    expect(opened.linked.state).toBe('unchanged');
    const mine = REFERENCE.replace('Recap"', 'Recap 2021"');
    await api('autosave', { id: opened.draft.id, text: mine });
    // The draft holds the change; the file does not yet.
    expect(await fs.readFile(file, 'utf8')).toBe(REFERENCE);
    await api('saveToFile', { id: opened.draft.id, text: mine });
    expect(await fs.readFile(file, 'utf8')).toBe(mine);

    // Someone else edits the file: Save refuses, the author's text stays in the draft.
    const theirs = mine.replace('Lindsay', 'Lindsay, Kevin');
    await fs.writeFile(file, theirs);
    const status = await api<LinkedFileStatus>('checkLinkedFile', { id: opened.draft.id });
    expect(status.state).toBe('changed');
    const mine2 = mine.replace('successfully held', 'held');
    const refused = await raw('saveToFile', { id: opened.draft.id, text: mine2 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CHANGED_ON_DISK' } });
    expect(await fs.readFile(file, 'utf8')).toBe(theirs);
    expect((await api<OpenedRecap>('openDraft', { id: opened.draft.id })).text).toBe(mine2);
    // "Keep mine" names the version it overrides.
    if (status.state !== 'changed') throw new Error('expected a change');
    await api('saveToFile', { id: opened.draft.id, text: mine2, expectHash: status.diskHash });
    expect(await fs.readFile(file, 'utf8')).toBe(mine2);
  });

  it('keeps versions that can be compared and restored without losing the current text', async () => {
    const opened = await api<OpenedRecap>('newRecap', {});
    const id = opened.draft.id;
    await api('autosave', { id, text: 'first version\n', snapshot: true });
    await api('autosave', { id, text: 'second version\n', snapshot: true });
    const versions = await api<SnapshotInfo[]>('listHistory', { id });
    const first = versions.find((v) => !v.isCurrent);
    expect(first).toBeDefined();
    const diff = await api<{ added: number; removed: number }>('diffSnapshot', { id, snapId: first!.id });
    expect(diff.added + diff.removed).toBeGreaterThan(0);
    const restored = await api<{ text: string }>('restoreSnapshot', { id, snapId: first!.id });
    expect(restored.text).not.toBe('second version\n');
    const after = await api<SnapshotInfo[]>('listHistory', { id });
    expect(after.some((v) => v.isCurrent)).toBe(true);
  });

  it('deletes to a trash it can restore from', async () => {
    const opened = await api<OpenedRecap>('newRecap', { title: 'To the trash' });
    await api('deleteDraft', { id: opened.draft.id });
    let h = await api<HomeData>('homeData', {});
    expect(h.drafts.some((d) => d.id === opened.draft.id)).toBe(false);
    expect(h.trash.map((t) => t.id)).toContain(opened.draft.id);
    await api('restoreDraft', { id: opened.draft.id });
    h = await api<HomeData>('homeData', {});
    expect(h.drafts.some((d) => d.id === opened.draft.id)).toBe(true);
  });

  it('after a crash the next start reopens the open drafts and says so; after a clean stop it does not', async () => {
    const opened = await api<OpenedRecap>('newRecap', { title: 'Crash me' });
    await api('setOpenDrafts', { ids: [opened.draft.id] });
    await api('autosave', { id: opened.draft.id, text: `${opened.text}\nLast sentence.\n` });
    // A crash: a second server on the same data folder starts without the first stopping cleanly.
    const second = await start();
    const answer = await fetch(`http://127.0.0.1:${second.port}/api/recoverSession`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-recap-token': second.token },
      body: '{}',
    });
    const recovery = ((await answer.json()) as { value: SessionRecovery }).value;
    expect(recovery.crashed).toBe(true);
    expect(recovery.reopen.map((d) => d.id)).toEqual([opened.draft.id]);
    expect(recovery.message).toMatch(/^Recovered 1 draft/);
    await second.close();
    // second.close() was a clean stop.
    const third = await start();
    const again = await fetch(`http://127.0.0.1:${third.port}/api/recoverSession`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-recap-token': third.token },
      body: '{}',
    });
    expect(((await again.json()) as { value: SessionRecovery }).value.crashed).toBe(false);
    await third.close();
  });

  it.each([
    ['openDraft', { id: '../../etc' }, '"id" is not a draft id'],
    ['autosave', { id: 'abcd-012345' }, '"text" must be a string'],
    ['saveToFile', { id: 'abcd-012345', text: '', path: 'relative.md' }, '"path" must be an absolute path'],
    ['saveToFile', { id: 'abcd-012345', text: '', expectHash: 'x' }, '"expectHash" must be a sha-256'],
    ['diffSnapshot', { id: 'abcd-012345', snapId: '../x' }, '"snapId" is not a history version'],
    ['setOpenDrafts', { ids: 'abcd-012345' }, '"ids" must be a list'],
  ])('refuses a malformed %s payload', async (method, body, message) => {
    const e = await raw(method, body);
    expect(e).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining(message) } });
  });
});
