// The two custom schemes of the desktop app, both privileged as standard + secure:
// - app://recap/ serves the built renderer (never file://, whose pages keep extra privileges
//   and whose CSP 'self' would cover every local file), with a strict CSP on every response;
// - recap-asset:// serves the recap's local images to the preview, and only the files the
//   service resolved for the current recaps: the page cannot ask for arbitrary paths.

import { protocol } from 'electron';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { rendererRoot } from './app-paths';
import { contentTypeOf } from '../service/files/content-types';
import { resolveAssetForServe } from '../service/files/containment';

export const APP_SCHEME = 'app';
export const APP_HOST = 'recap';
/** The page every window loads. */
export const RENDERER_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;
export const ASSET_SCHEME = 'recap-asset';

/**
 * The Content-Security-Policy of every app:// response: scripts and styles only from the app
 * itself, images also from local assets, data:/blob: (pasted screenshots) and https: (remote
 * images a recap links to); no network calls, frames, plugins, forms or <base>.
 */
export const APP_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  `img-src 'self' data: blob: https: ${ASSET_SCHEME}:`,
  "font-src 'self' data:",
  "connect-src 'none'",
  "media-src 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Must run before the app is ready, and once: Electron keeps only the last list. app:// keeps
 * V8's code cache (`codeCache`, which needs `standard`): Chromium does so for http(s) only unless
 * told, and without it every launch parses and compiles the page's JavaScript from scratch; with
 * it, from the second launch on, the scripts load compiled.
 */
export function registerSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } },
    { scheme: ASSET_SCHEME, privileges: { standard: true, secure: true } },
  ]);
}

/** True for a URL of our own page (app://recap/…): the only sender the main process trusts. */
export function isAppUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
}


function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': APP_CSP } });
}

async function fileResponse(file: string, extraHeaders: Record<string, string>): Promise<Response> {
  let body: Buffer;
  try {
    body = await fs.readFile(file);
  } catch {
    return notFound();
  }
  const headers = { 'Content-Type': contentTypeOf(file), 'X-Content-Type-Options': 'nosniff', ...extraHeaders };
  return new Response(new Uint8Array(body), { status: 200, headers });
}

/** The renderer file an app:// URL names, or null when it names anything outside `root`. */
export function rendererFileFor(root: string, requestUrl: string): string | null {
  if (!isAppUrl(requestUrl)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(requestUrl).pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const base = path.resolve(root);
  const file = path.resolve(base, `.${pathname === '/' ? '/index.html' : pathname}`);
  return file.startsWith(base + path.sep) ? file : null;
}

/** Serves app://recap/… from the built renderer. */
export async function serveRenderer(request: Request, root: string = rendererRoot): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Method not allowed', { status: 405 });
  const file = rendererFileFor(root, request.url);
  return file ? fileResponse(file, { 'Content-Security-Policy': APP_CSP }) : notFound();
}

// ---- recap-asset:// -------------------------------------------------------------------------

const served = new Set<string>();

export function assetUrl(absPath: string): string {
  served.add(absPath);
  return `${ASSET_SCHEME}://local/?path=${encodeURIComponent(absPath)}`;
}

/**
 * The containment rule of recap-asset://: the file a request names, when it is an image the
 * service resolved for a recap (handed out by assetUrl), else null. The one place that decides.
 */
export function containedAsset(requestUrl: string): string | null {
  let file: string;
  try {
    file = new URL(requestUrl).searchParams.get('path') ?? '';
  } catch {
    return null;
  }
  // The service's containment rule: a handed-out regular image file whose bytes are that
  // image, never a symlink out.
  return resolveAssetForServe(file, served);
}

export async function serveAsset(request: Request): Promise<Response> {
  const file = containedAsset(request.url);
  return file ? fileResponse(file, { 'Cache-Control': 'no-cache' }) : notFound();
}

/** Installs both handlers; runs once the app is ready. */
export function handleProtocols(root: string = rendererRoot): void {
  protocol.handle(APP_SCHEME, (request) => serveRenderer(request, root));
  protocol.handle(ASSET_SCHEME, (request) => serveAsset(request));
}
