// How the browser mode answers: every response with the same safety headers (no sniffing, no
// framing, the page's CSP; never cached, but for the build's content-hashed files), and request
// bodies read with a size limit.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { RecapError } from '../core/errors';
import { msg } from '../core/i18n/messages';

/** Room for one photo sent as base64 (the profiles' 64 MB limit) and the JSON around it. */
const MAX_BODY = 100 * 1024 * 1024;

// Remote images: https only (never http, never another scheme), and the preview puts none in
// the page until the author chooses "Load remote images" for the recap. Nothing else may reach
// out: connect-src, frames, objects and forms stay on this server or nowhere.
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https:; connect-src 'self'; frame-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Everything but the build's content-hashed files: never stored (API answers, the page, images). */
export const NO_STORE = 'no-store';
/**
 * The build's content-hashed files (dist/renderer/assets/*-<hash>.js|css): a new build has new
 * names, so a file never changes under its name and the browser keeps it (and V8's compiled code
 * for it) across launches without asking again.
 */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

export function send(res: ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8', cacheControl = NO_STORE): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': cacheControl,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Content-Security-Policy': CSP,
  });
  res.end(body);
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new RecapError('BAD_REQUEST', msg('error.requestTooLarge'));
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
