// The photo methods through a real door: the browser-mode server, its validation and the
// service behind it, on a temp copy of the reference site.

import { promises as fs, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope, ImportPhotoResult, Photo, PhotoFolderInfo } from '../../../electron/core/contract';
import { startWebServer, type WebServer } from '../../../electron/web/server';

const REFERENCE = readFileSync(path.join(__dirname, '../../fixtures/kubernetes-community-days-china.md'), 'utf8');

let server: WebServer;
let dir: string;
let post: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'recap-photo-api-'));
  await fs.mkdir(path.join(dir, 'renderer'));
  await fs.writeFile(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>Recap Studio</title>');
  post = path.join(dir, 'site', 'content', 'en', 'news', 'kubernetes-community-days-china.md');
  await fs.mkdir(path.dirname(post), { recursive: true });
  await fs.writeFile(post, REFERENCE);
  server = await startWebServer({ rendererDir: path.join(dir, 'renderer'), cacheDir: path.join(dir, 'cache') });
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
  expect(res.status).toBe(200);
  return (await res.json()) as Envelope<T>;
}

function value<T>(e: Envelope<T>): T {
  if (!e.ok) throw new Error(`${e.error.code}: ${e.error.message}`);
  return e.value;
}

const photoBytes = (colour: string): Promise<Buffer> =>
  sharp({ create: { width: 2600, height: 1300, channels: 3, background: colour } }).png().toBuffer();

describe('photo API over the browser-mode door', () => {
  it('refuses a recap the page never opened, then works once it is opened', async () => {
    const refused = await api('photoFolder', { recapPath: post, text: REFERENCE });
    expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining('not a recap you opened or saved') } });
    // The tray's images linked from other folders, and their copy, ask the same of the page.
    for (const [method, req] of [
      ['linkedPhotos', { recapPath: post, imageDir: 'kcd-china', urls: ['/images/news/kcd-china/kcd-event.png'] }],
      ['copyLinkedPhoto', { recapPath: post, imageDir: 'kcd-china', url: '/images/news/kcd-china/kcd-event.png' }],
    ] as const) {
      expect(await api(method, req)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining('not a recap you opened or saved') } });
    }
    value(await api('openRecap', { path: post }));
  });

  it('finds the folder the reference recap already uses, inside its site', async () => {
    const folder = value(await api<PhotoFolderInfo>('photoFolder', { recapPath: post, text: REFERENCE }));
    expect(folder).toEqual({ imageDir: 'kcd-china', dir: path.join(dir, 'site', 'static', 'images', 'news', 'kcd-china'), url: '/images/news/kcd-china', fixed: null });
  });

  it('imports bytes sent as base64, lists, removes and restores the photo', async () => {
    const dataBase64 = (await photoBytes('#2266aa')).toString('base64');
    const req = { recapPath: post, imageDir: 'kcd-china' };
    const imported = value(await api<ImportPhotoResult>('importPhoto', { ...req, source: { name: 'Screenshot 2026-11-25.png', dataBase64 } }));
    expect(imported.photo).toMatchObject({ name: 'screenshot-2026-11-25.png', url: '/images/news/kcd-china/screenshot-2026-11-25.png', width: 2000, height: 1000, format: 'png' });
    expect(imported.markdown).toBe('![Screenshot](/images/news/kcd-china/screenshot-2026-11-25.png)');
    // The thumbnail is served to the page with the token, like every local image.
    const thumb = await fetch(`http://127.0.0.1:${server.port}${imported.photo.thumbnail ?? ''}`);
    expect(thumb.status).toBe(200);
    expect((await sharp(Buffer.from(await thumb.arrayBuffer())).metadata()).width).toBeLessThanOrEqual(320);

    const listed = value(await api<Photo[]>('listPhotos', req));
    expect(listed.map((p) => p.name)).toEqual(['screenshot-2026-11-25.png']);
    const { trashId } = value(await api<{ trashId: string }>('removePhoto', { ...req, name: 'screenshot-2026-11-25.png' }));
    expect(value(await api<Photo[]>('listPhotos', req))).toEqual([]);
    const restored = value(await api<Photo>('restorePhoto', { ...req, trashId }));
    expect(restored.name).toBe('screenshot-2026-11-25.png');
    expect((await fs.stat(restored.localPath)).size).toBe(imported.photo.bytes);
  });

  it('answers BAD_PHOTO with the file name for a file that is not an image', async () => {
    const e = await api('importPhoto', { recapPath: post, imageDir: 'kcd-china', source: { name: 'notes.jpg', dataBase64: Buffer.from('hello').toString('base64') } });
    expect(e).toEqual({ ok: false, error: { code: 'BAD_PHOTO', message: expect.stringContaining('notes.jpg is not an image'), msg: { key: 'error.photo.isText', params: { name: 'notes.jpg' } } } });
  });

  it.each([
    ['importPhoto', { recapPath: 'relative.md', imageDir: 'x', source: { name: 'a.png', dataBase64: '' } }, '"recapPath" must be an absolute path'],
    ['importPhoto', { recapPath: '/x.md', imageDir: 'x', source: { name: '../a.png', dataBase64: '' } }, '"name" must be a file name without folders'],
    ['importPhoto', { recapPath: '/x.md', imageDir: 'x', source: { name: 'a.png', dataBase64: 'not base64!' } }, '"dataBase64" must be base64'],
    ['importPhoto', { recapPath: '/x.md', imageDir: 'x', source: 'a.png' }, '"source" must be'],
    ['removePhoto', { recapPath: '/x.md', imageDir: 'x', name: 'a/b.png' }, '"name" must be a file name'],
    ['restorePhoto', { recapPath: '/x.md', imageDir: 'x', trashId: '../../etc' }, '"trashId" is not one this app made'],
    ['listPhotos', { recapPath: '/x.md' }, '"imageDir" must be a string'],
  ])('refuses a malformed %s payload', async (method, body, message) => {
    const e = await api(method, body);
    expect(e.ok).toBe(false);
    if (!e.ok) {
      expect(e.error.code).toBe('BAD_REQUEST');
      expect(e.error.message).toContain(message);
    }
  });

  it('refuses an image folder name that would leave the images folder', async () => {
    for (const imageDir of ['..', '../x', 'a/b']) {
      const e = await api('listPhotos', { recapPath: post, imageDir });
      expect(e.ok).toBe(false);
    }
    const e = await api('photoFolder', { recapPath: post, text: REFERENCE, imageDir: '..' });
    expect(e).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining('cannot be an image folder name') } });
  });
});
