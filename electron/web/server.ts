// The browser mode: the built renderer and the same contract over HTTP, on 127.0.0.1 only.
// It exists so that the real renderer and service can be driven in Chromium by tests and for
// fast UI work. Every API call needs the per-launch token; requests with a foreign Origin or
// a Host that is not loopback (DNS rebinding) are refused.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { RecapApi } from '../core/contract';
import { RecapError } from '../core/errors';
import { dispatch } from '../core/dispatch';
import { createRecapService } from '../service/service';
import { resolveAssetForServe } from '../service/files/containment';
import { createGrants, guardService } from '../service/files/grants';
import { contentTypeOf } from '../service/files/content-types';

export interface WebServer {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

export interface WebServerOptions {
  rendererDir: string;
  port?: number;
  /** Fixed token for tests that must build URLs before start; random otherwise. */
  token?: string;
  /** Thumbnails and the photo trash; default: the XDG cache folder. Tests pass a temp dir. */
  cacheDir?: string;
  /** The data folder (drafts, history); default: RECAP_STUDIO_HOME or the XDG data folder. */
  home?: string;
}

/** Room for one photo sent as base64 (the profiles' 64 MB limit) and the JSON around it. */
const MAX_BODY = 100 * 1024 * 1024;


// Remote images: https only (never http, never another scheme), and the preview puts none in
// the page until the author chooses "Load remote images" for the recap. Nothing else may reach
// out: connect-src, frames, objects and forms stay on this server or nowhere.
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https:; connect-src 'self'; frame-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

function sameToken(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function send(res: ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Content-Security-Policy': CSP,
  });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new RecapError('BAD_REQUEST', 'The request is too large.');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const rendererDir = path.resolve(options.rendererDir);
  // Only files that resolveImages handed out can be fetched as assets.
  const servedAssets = new Set<string>();
  let port = 0;

  const service = createRecapService({
    ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
    ...(options.home ? { home: options.home } : {}),
    assetUrl: (p) => {
      servedAssets.add(p);
      return `/asset?token=${encodeURIComponent(token)}&path=${encodeURIComponent(p)}`;
    },
  });
  // The tab is the browser mode's only picker (it has no native dialogs): a path it opens, saves
  // to or exports to is the author's pick; every other path it names must be one of those.
  const api: RecapApi = {
    ...guardService(service, createGrants(), { picksPaths: true }),
    appInfo: async () => ({ door: 'web', nativeDialogs: false, homeDir: os.homedir(), version: process.env['npm_package_version'] ?? '0.1.0' }),
    showOpenDialog: async () => {
      throw new RecapError('UNSUPPORTED', 'The browser mode has no native dialogs.');
    },
    showSaveDialog: async () => {
      throw new RecapError('UNSUPPORTED', 'The browser mode has no native dialogs.');
    },
    showFolderDialog: async () => {
      throw new RecapError('UNSUPPORTED', 'The browser mode has no native dialogs.');
    },
    showPhotoDialog: async () => {
      throw new RecapError('UNSUPPORTED', 'The browser mode has no native dialogs; the page uses the browser\'s file chooser.');
    },
    setDocumentState: async () => undefined,
    closeWindow: async () => undefined,
  };

  const loopbackHosts = (): Set<string> => new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (!loopbackHosts().has(host)) return send(res, 403, 'Forbidden: this server answers only on 127.0.0.1.');
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== 'null' && !loopbackHosts().has(origin.replace(/^http:\/\//, ''))) {
      return send(res, 403, 'Forbidden: foreign origin.');
    }
    if (origin === 'null') return send(res, 403, 'Forbidden: foreign origin.');
    let url: URL;
    let pathname: string;
    try {
      url = new URL(req.url ?? '/', `http://${host}`);
      pathname = decodeURIComponent(url.pathname);
    } catch {
      // A malformed percent-encoding (or URL) is the client's error, not the server's.
      return send(res, 400, 'Bad request: malformed URL.');
    }

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, 'Use POST.');
      const given = req.headers['x-recap-token'];
      if (!sameToken(Array.isArray(given) ? given[0] : given, token)) return send(res, 401, 'Unauthorized: missing or wrong token. Open the link Recap Studio printed when it started.');
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'Send JSON.');
      let payload: unknown;
      try {
        const body = await readBody(req);
        payload = body === '' ? {} : JSON.parse(body);
      } catch (err) {
        const message = err instanceof RecapError ? err.message : 'The request body is not valid JSON.';
        return send(res, 400, JSON.stringify({ ok: false, error: { code: 'BAD_REQUEST', message } }), 'application/json');
      }
      const envelope = await dispatch(api, pathname.slice('/api/'.length), payload);
      return send(res, 200, JSON.stringify(envelope), 'application/json; charset=utf-8');
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed.');

    if (url.pathname === '/asset') {
      if (!sameToken(url.searchParams.get('token'), token)) return send(res, 401, 'Unauthorized.');
      // Only a regular image file the service resolved under the containment rule, not a symlink.
      const file = resolveAssetForServe(url.searchParams.get('path') ?? '', servedAssets);
      if (file === null) return send(res, 404, 'Not found.');
      try {
        return send(res, 200, await fs.readFile(file), contentTypeOf(file));
      } catch {
        return send(res, 404, 'Not found.');
      }
    }

    // The renderer's own files are public code; the API above is what the token guards.
    const rel = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
    const file = path.resolve(rendererDir, rel);
    if (!file.startsWith(rendererDir + path.sep)) return send(res, 404, 'Not found.');
    try {
      return send(res, 200, await fs.readFile(file), contentTypeOf(file));
    } catch {
      return send(res, 404, 'Not found.');
    }
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error('[recap web]', err);
      if (!res.headersSent) send(res, 500, 'Internal error.');
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/?token=${encodeURIComponent(token)}`,
    token,
    port,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      // Stopping the server is the browser mode's normal quit: nothing to recover next time.
      await service.markSessionClean().catch(() => undefined);
    },
  };
}
