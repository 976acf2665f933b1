// Sites and export through the browser-mode door: validation and the messages an author sees.

import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope, ExportReport, RememberedSite } from '../../../electron/core/contract';
import { startWebServer, type WebServer } from '../../../electron/web/server';
import { makeHugoSite } from '../support/site-fixture';

let server: WebServer;
let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'recap-export-api-'));
  await fs.mkdir(path.join(dir, 'renderer'));
  await fs.writeFile(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>Recap Studio</title>');
  server = await startWebServer({ rendererDir: path.join(dir, 'renderer'), home: path.join(dir, 'home'), cacheDir: path.join(dir, 'cache') });
});
afterAll(async () => {
  await server.close();
  await fs.rm(dir, { recursive: true, force: true });
});

async function api<T>(method: string, body: unknown): Promise<Envelope<T>> {
  const res = await fetch(`http://127.0.0.1:${server.port}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-recap-token': server.token },
    body: JSON.stringify(body),
  });
  return (await res.json()) as Envelope<T>;
}

describe('sites and export over the browser-mode door', () => {
  it('remembers a website checkout, and refuses a folder that is not one with a reason', async () => {
    const site = await makeHugoSite(path.join(dir, 'site'));
    const ok = await api<RememberedSite>('rememberSite', { dir: site.root });
    expect(ok).toMatchObject({ ok: true, value: { root: site.root, generator: 'hugo', available: true } });
    const plain = path.join(dir, 'plain-folder');
    await fs.mkdir(plain);
    const refused = await api('rememberSite', { dir: plain });
    expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining('does not look like a website checkout') } });
    const listed = await api<RememberedSite[]>('listSites', {});
    expect(listed.ok && listed.value.map((s) => s.root)).toEqual([site.root]);
  });

  it('plans an export without writing anything', async () => {
    const site = await makeHugoSite(path.join(dir, 'site2'));
    const out = path.join(dir, 'out');
    await api('openRecap', { path: site.recap });
    const plan = await api<ExportReport>('planExport', { recapPath: site.recap, target: { kind: 'folder', dir: out } });
    expect(plan.ok).toBe(true);
    if (plan.ok) {
      expect(plan.value.dryRun).toBe(true);
      expect(plan.value.post).toBe('content/en/news/kubernetes-community-days-china.md');
    }
    await expect(fs.access(out)).rejects.toThrow();
  });

  it.each([
    [{ recapPath: 'relative.md', target: { kind: 'folder', dir: '/tmp/x' } }, '"recapPath" must be an absolute path'],
    [{ recapPath: '/x.md', target: { kind: 'folder', dir: 'out' } }, '"dir" must be an absolute path'],
    [{ recapPath: '/x.md', target: { kind: 'zip', file: '/tmp/out.tar' } }, '"file" must end in .zip'],
    [{ recapPath: '/x.md', target: { kind: 'ftp', dir: '/tmp' } }, '"target.kind" must be site, folder or zip'],
    [{ recapPath: '/x.md', target: { kind: 'folder', dir: '/tmp/x' }, slug: '../up' }, '"slug" must be one word'],
    [{ recapPath: '/x.md', target: { kind: 'site', dir: '/tmp/x' }, section: '../up' }, '"section" must be one word'],
    [{ recapPath: '/x.md', target: { kind: 'site', dir: '/tmp/x' }, section: 'events/' }, '"section" must be one word'],
    [{ recapPath: '/x.md', target: { kind: 'site', dir: '/tmp/x' }, section: 7 }, '"section"'],
  ])('refuses a malformed export request %j', async (body, message) => {
    const e = await api('exportRecap', body);
    expect(e).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining(message) } });
  });
});
