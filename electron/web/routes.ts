// The browser mode's routes: the request guard (loopback Host, no foreign Origin), the API
// (POST /api/<method>, token and JSON required), the assets the service handed out (/asset,
// token required) and the renderer's own files.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { RecapApi } from '../core/contract';
import { RecapError } from '../core/errors';
import { dispatch } from '../core/dispatch';
import { resolveAssetForServe } from '../service/files/containment';
import { contentTypeOf } from '../service/files/content-types';
import { IMMUTABLE, NO_STORE, readBody, send } from './respond';
import { sameToken } from './token';
import { msg } from '../core/i18n/messages';

export interface Routes {
  token: string;
  /** Absolute. */
  rendererDir: string;
  servedAssets: Set<string>;
  api: RecapApi;
  /** The port the server listens on, once it does. */
  port: number;
}

function loopbackHosts(routes: Routes): Set<string> {
  const { port } = routes;
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

/** The refusal of a request with a Host that is not loopback (DNS rebinding) or a foreign Origin; null when it may go on. */
function refusal(routes: Routes, req: IncomingMessage): string | null {
  const host = req.headers.host ?? '';
  if (!loopbackHosts(routes).has(host)) return 'Forbidden: this server answers only on 127.0.0.1.';
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== 'null' && !loopbackHosts(routes).has(origin.replace(/^http:\/\//, ''))) {
    return 'Forbidden: foreign origin.';
  }
  if (origin === 'null') return 'Forbidden: foreign origin.';
  return null;
}

async function serveApi(routes: Routes, req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
  if (req.method !== 'POST') return send(res, 405, 'Use POST.');
  const given = req.headers['x-recap-token'];
  if (!sameToken(Array.isArray(given) ? given[0] : given, routes.token)) return send(res, 401, 'Unauthorized: missing or wrong token. Open the link Recap Studio printed when it started.');
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'Send JSON.');
  let payload: unknown;
  try {
    const body = await readBody(req);
    payload = body === '' ? {} : JSON.parse(body);
  } catch (err) {
    const error = err instanceof RecapError ? err : new RecapError('BAD_REQUEST', msg('error.badJson'));
    return send(res, 400, JSON.stringify({ ok: false, error: { ...error.toJSON(), code: 'BAD_REQUEST' } }), 'application/json');
  }
  const envelope = await dispatch(routes.api, method, payload);
  return send(res, 200, JSON.stringify(envelope), 'application/json; charset=utf-8');
}

async function serveFile(res: ServerResponse, file: string, cacheControl = NO_STORE): Promise<void> {
  try {
    return send(res, 200, await fs.readFile(file), contentTypeOf(file), cacheControl);
  } catch {
    return send(res, 404, 'Not found.');
  }
}

async function serveAsset(routes: Routes, url: URL, res: ServerResponse): Promise<void> {
  if (!sameToken(url.searchParams.get('token'), routes.token)) return send(res, 401, 'Unauthorized.');
  // Only a regular image file the service resolved under the containment rule, not a symlink.
  const file = resolveAssetForServe(url.searchParams.get('path') ?? '', routes.servedAssets);
  if (file === null) return send(res, 404, 'Not found.');
  return serveFile(res, file);
}

/** A file name as Vite names the build's chunks and styles: `<name>-<8-character hash>.js|css`. */
const HASHED_ASSET = /^assets\/[^/]+-[A-Za-z0-9_-]{8}\.(?:js|css)$/;

/**
 * The renderer's own files are public code; the API is what the token guards. The build's
 * content-hashed files are cached for good (and with them V8's code cache, so a second launch
 * skips compiling); index.html, theme-boot.js and anything else are asked for each time.
 */
async function serveRendererFile(routes: Routes, pathname: string, res: ServerResponse): Promise<void> {
  const rel = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
  const file = path.resolve(routes.rendererDir, rel);
  if (!file.startsWith(routes.rendererDir + path.sep)) return send(res, 404, 'Not found.');
  return serveFile(res, file, HASHED_ASSET.test(rel) ? IMMUTABLE : NO_STORE);
}

export async function handleRequest(routes: Routes, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const refused = refusal(routes, req);
  if (refused !== null) return send(res, 403, refused);
  let url: URL;
  let pathname: string;
  try {
    url = new URL(req.url ?? '/', `http://${req.headers.host ?? ''}`);
    pathname = decodeURIComponent(url.pathname);
  } catch {
    // A malformed percent-encoding (or URL) is the client's error, not the server's.
    return send(res, 400, 'Bad request: malformed URL.');
  }
  if (url.pathname.startsWith('/api/')) return serveApi(routes, req, res, pathname.slice('/api/'.length));
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed.');
  if (url.pathname === '/asset') return serveAsset(routes, url, res);
  return serveRendererFile(routes, pathname, res);
}
