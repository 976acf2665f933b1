import { promises as fs } from 'node:fs';
import { request } from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecapErrorShape } from '../../../electron/core/errors';
import type { Msg } from '../../../electron/core/i18n/messages';
import { startWebServer, type WebServer } from '../../../electron/web/server';
import { ApiError, errorMessage } from '../../../renderer/api/error';
import { setLocaleChoice } from '../../../renderer/ui/locale';

let server: WebServer;
let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'recap-web-'));
  await fs.mkdir(path.join(dir, 'renderer'));
  await fs.writeFile(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>Recap Studio</title>');
  await fs.mkdir(path.join(dir, 'renderer', 'assets'));
  await fs.writeFile(path.join(dir, 'renderer', 'assets', 'index-Ab_9-xYz.js'), 'export {};');
  await fs.writeFile(path.join(dir, 'renderer', 'assets', 'index-DFDRVoey.css'), 'body {}');
  await fs.writeFile(path.join(dir, 'renderer', 'assets', 'react-floor.js'), 'export {};');
  await fs.writeFile(path.join(dir, 'renderer', 'theme-boot.js'), '(function () {})();');
  await fs.writeFile(path.join(dir, 'secret.md'), 'not for the web');
  server = await startWebServer({ rendererDir: path.join(dir, 'renderer') });
});
afterAll(async () => {
  await server.close();
  await fs.rm(dir, { recursive: true, force: true });
});

interface Reply {
  status: number;
  body: string;
  cacheControl: string | undefined;
}

function call(pathname: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path: pathname, method: opts.method ?? 'GET', headers: { host: `127.0.0.1:${server.port}`, ...opts.headers } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, cacheControl: res.headers['cache-control'] }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

const api = (method: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> =>
  call(`/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-recap-token': server.token, ...headers }, body: JSON.stringify(body) });

describe('browser-mode server', () => {
  it('binds to 127.0.0.1 and prints a link with its token', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=.{20,}$`));
  });

  it('answers a valid call with an envelope', async () => {
    const r = await api('openRecap', { path: path.join(dir, 'secret.md') });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { text: 'not for the web' } });
  });

  it('refuses a call without the token', async () => {
    const r = await call('/api/appInfo', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(r.status).toBe(401);
  });

  it('refuses a wrong token', async () => {
    expect((await api('appInfo', {}, { 'x-recap-token': 'x'.repeat(server.token.length) })).status).toBe(401);
  });

  it('refuses a foreign Origin even with the token', async () => {
    expect((await api('appInfo', {}, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await api('appInfo', {}, { origin: 'null' })).status).toBe(403);
    expect((await api('appInfo', {}, { origin: `http://127.0.0.1:${server.port}` })).status).toBe(200);
  });

  it('refuses a non-loopback Host (DNS rebinding), for the API and the page', async () => {
    expect((await api('appInfo', {}, { host: `evil.example:${server.port}` })).status).toBe(403);
    expect((await call('/', { headers: { host: 'evil.example' } })).status).toBe(403);
    expect((await call('/', { headers: { host: `localhost:${server.port}` } })).status).toBe(200);
  });

  it('validates payloads and names what is wrong', async () => {
    const r = JSON.parse((await api('openRecap', { path: 'relative.md' })).body) as { ok: boolean; error: { code: string; message: string } };
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'BAD_REQUEST',
        message: 'Invalid request to openRecap: "path" must be an absolute path.',
        msg: { key: 'error.invalidRequest', params: { method: 'openRecap', what: { key: 'error.invalid.absolute', params: { key: 'path' } } } },
      },
    });
    const unknown = JSON.parse((await api('deleteEverything', {})).body) as { error: { code: string } };
    expect(unknown.error.code).toBe('BAD_REQUEST');
    const bad = await call('/api/appInfo', { method: 'POST', headers: { 'content-type': 'application/json', 'x-recap-token': server.token }, body: '{nope' });
    expect(bad.status).toBe(400);
  });

  it('carries an error\'s message through the door, and the page says it in Chinese', async () => {
    const missing = path.join(dir, 'gone.md');
    const reply = JSON.parse((await api('openRecap', { path: missing })).body) as { ok: false; error: RecapErrorShape };
    expect(reply.error.msg?.key).toMatch(/^error\./);
    const err = new ApiError(reply.error);
    expect(err.msg).toEqual(reply.error.msg);
    setLocaleChoice('zh-CN');
    try {
      const said = errorMessage(err);
      expect(said).toContain(missing);
      expect(said).toMatch(/[\u4e00-\u9fff]/);
      expect(said).not.toContain(reply.error.message);
      // A forged or unknown message is not trusted: the English text stands.
      const forged = new ApiError({ ...reply.error, msg: { key: 'no.such.key', params: {} } as unknown as Msg });
      expect(forged.msg).toBeUndefined();
      expect(errorMessage(forged)).toBe(reply.error.message);
      expect(errorMessage(new ApiError({ ...reply.error, msg: { key: 'error.cannotOpen', params: { path: ['x'] } } as unknown as Msg }))).toBe(reply.error.message);
    } finally {
      setLocaleChoice('en');
    }
    expect(errorMessage(err)).toBe(reply.error.message);
  });

  it('serves only assets it resolved, and never files outside the renderer', async () => {
    expect((await call(`/asset?token=${server.token}&path=${encodeURIComponent('/etc/passwd')}`)).status).toBe(404);
    expect((await call('/../secret.md')).status).toBe(404);
    expect((await call('/%2e%2e/secret.md')).status).toBe(404);
  });

  it('lets the browser keep the build\'s content-hashed files, and nothing else', async () => {
    const immutable = 'public, max-age=31536000, immutable';
    for (const hashed of ['/assets/index-Ab_9-xYz.js', '/assets/index-DFDRVoey.css']) {
      const r = await call(hashed);
      expect([r.status, r.cacheControl]).toEqual([200, immutable]);
    }
    // The page, the boot script, a file without a hash, a missing file and the API: never stored.
    for (const plain of ['/', '/index.html', '/theme-boot.js', '/assets/react-floor.js', '/assets/gone-Ab_9-xYz.js']) {
      expect((await call(plain)).cacheControl).toBe('no-store');
    }
    expect((await api('appInfo', {})).cacheControl).toBe('no-store');
    expect((await call(`/asset?token=${server.token}&path=${encodeURIComponent('/etc/passwd')}`)).cacheControl).toBe('no-store');
  });

  it('the browser mode has no native dialogs', async () => {
    const r = JSON.parse((await api('showOpenDialog', {})).body) as { ok: boolean; error: { code: string } };
    expect(r.error.code).toBe('UNSUPPORTED');
  });
});
