// The browser mode and the Electron-only calls: the browser has its own menus, spellchecker and
// Find, so the language and spelling calls are accepted (still validated) and ignored, and find
// in the window answers UNSUPPORTED with what to use instead.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../../electron/web/server';

let server: WebServer;
let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'recap-web-desk-'));
  await fs.mkdir(path.join(dir, 'renderer'));
  await fs.writeFile(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>Recap Studio</title>');
  server = await startWebServer({ rendererDir: path.join(dir, 'renderer'), home: path.join(dir, 'data'), cacheDir: path.join(dir, 'cache') });
});
afterAll(async () => {
  await server.close();
  await fs.rm(dir, { recursive: true, force: true });
});

async function api(method: string, body: unknown): Promise<unknown> {
  const r = await fetch(`http://127.0.0.1:${server.port}/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-recap-token': server.token }, body: JSON.stringify(body) });
  return r.json();
}

describe('Electron-only calls in the browser mode', () => {
  it('accepts and ignores the interface language and the spelling languages', async () => {
    expect(await api('setLocale', { locale: 'zh-CN', choice: 'system' })).toEqual({ ok: true, value: null });
    expect(await api('setSpellcheckLanguages', { languages: ['en-US'] })).toEqual({ ok: true, value: { languages: [], available: [] } });
    expect(await api('stopFindInPage', {})).toEqual({ ok: true, value: null });
  });

  it('still validates them', async () => {
    expect(await api('setLocale', { locale: 'fr', choice: 'fr' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await api('setSpellcheckLanguages', { languages: ['a', 'b', 'c', 'd'] })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await api('findInPage', { text: '' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('answers find in the window with the browser\'s own Find', async () => {
    expect(await api('findInPage', { text: 'Beijing' })).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED', message: 'In the browser mode, the browser’s own Find (Ctrl+F) searches the preview.' } });
  });
});
