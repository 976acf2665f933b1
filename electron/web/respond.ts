// How the browser mode answers: every response with the same safety headers (no caching, no
// sniffing, no framing, the page's CSP), and request bodies read with a size limit.

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

export function send(res: ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8'): void {
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
