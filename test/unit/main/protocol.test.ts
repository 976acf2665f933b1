// The app:// scheme serves the built renderer and nothing outside it, with the strict CSP on
// every response; recap-asset:// serves only images the service handed out.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./fake-electron'));

const { APP_CSP, assetUrl, containedAsset, handleProtocols, isAppUrl, registerSchemes, rendererFileFor, serveAsset, serveRenderer } = await import('../../../electron/main/protocol');
const fake = await import('./fake-electron');

let dir: string;
let root: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'recap-protocol-'));
  root = path.join(dir, 'renderer');
  await fs.mkdir(path.join(root, 'assets'), { recursive: true });
  await fs.writeFile(path.join(root, 'index.html'), '<!doctype html><title>Recap Studio</title>');
  await fs.writeFile(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  await fs.writeFile(path.join(dir, 'secret.txt'), 'not for the page');
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const get = (url: string): Request => new Request(url);

describe('app://recap/', () => {
  it('serves the page and its scripts with their types, the CSP and nosniff', async () => {
    const page = await serveRenderer(get('app://recap/index.html?file=%2Ftmp%2Fx.md'), root);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>Recap Studio</title>');
    const script = await serveRenderer(get('app://recap/assets/index-abc.js'), root);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
  });

  it('refuses anything outside the renderer folder, another host, and non-GET methods', async () => {
    for (const url of ['app://recap/../secret.txt', 'app://recap/%2e%2e/secret.txt', 'app://recap/assets/%2e%2e%2f%2e%2e%2fsecret.txt', 'app://recap/missing.js', 'app://evil/index.html']) {
      const res = await serveRenderer(get(url), root);
      expect(res.status, url).toBe(404);
      expect(await res.text()).toBe('Not found');
    }
    expect(rendererFileFor(root, 'app://recap/assets/%2e%2e%2f%2e%2e%2fsecret.txt')).toBeNull();
    expect(rendererFileFor(root, 'app://recap/')).toBe(path.join(root, 'index.html'));
    expect((await serveRenderer(new Request('app://recap/index.html', { method: 'POST', body: 'x' }), root)).status).toBe(405);
  });

  it('knows our origin by parsing, not by prefix', () => {
    expect(isAppUrl('app://recap/index.html')).toBe(true);
    expect(isAppUrl('app://recap.evil.example/index.html')).toBe(false);
    expect(isAppUrl('app://recap:8080/index.html')).toBe(false);
    expect(isAppUrl('file:///app/recap/index.html')).toBe(false);
    expect(isAppUrl('https://recap/index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
    expect(isAppUrl('app://x@recap/index.html')).toBe(false);
  });

  it('keeps scripts, frames, connections and plugins to the app itself', () => {
    const directives = new Map(APP_CSP.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives.get('default-src')).toBe("'none'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('connect-src')).toBe("'none'");
    expect(directives.get('frame-src')).toBe("'none'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('base-uri')).toBe("'none'");
    expect(APP_CSP).not.toContain('unsafe-eval');
    expect(APP_CSP).not.toMatch(/script-src[^;]*unsafe-inline/);
  });
});

describe('recap-asset://', () => {
  it('serves an image only once the service handed out its URL', async () => {
    const image = path.join(dir, 'photo.png');
    const png = await sharp({ create: { width: 4, height: 3, channels: 3, background: '#2f6fde' } }).png().toBuffer();
    await fs.writeFile(image, png);
    const url = `recap-asset://local/?path=${encodeURIComponent(image)}`;
    expect(containedAsset(url)).toBeNull();
    expect((await serveAsset(get(url))).status).toBe(404);
    expect(assetUrl(image)).toBe(url);
    const res = await serveAsset(get(url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(new Uint8Array(png));
  });

  it('never serves a handed-out image name whose bytes are not that image, nor a symlink leading out', async () => {
    const fake = path.join(dir, 'fake.png');
    await fs.writeFile(fake, 'root:x:0:0:root:/root:/bin/bash\n');
    expect((await serveAsset(get(assetUrl(fake)))).status).toBe(404);
    const link = path.join(dir, 'link.png');
    await fs.symlink('/etc/passwd', link);
    expect((await serveAsset(get(assetUrl(link)))).status).toBe(404);
  });

  it('never serves a file that is not an image, even when handed out', async () => {
    const text = path.join(dir, 'secret.txt');
    assetUrl(text);
    expect((await serveAsset(get(`recap-asset://local/?path=${encodeURIComponent(text)}`))).status).toBe(404);
  });
});

describe('registration', () => {
  it('registers both schemes as standard and secure in one call, and handles both', () => {
    registerSchemes();
    expect(fake.protocol.privileged.map((s) => s.scheme)).toEqual(['app', 'recap-asset']);
    for (const s of fake.protocol.privileged) expect(s.privileges).toMatchObject({ standard: true, secure: true });
    // The page's scripts keep V8's compiled code between launches; the recap's images have no code.
    const privileges = Object.fromEntries(fake.protocol.privileged.map((s) => [s.scheme, s.privileges]));
    expect(privileges['app']).toMatchObject({ codeCache: true });
    expect(privileges['recap-asset']?.['codeCache']).toBeUndefined();
    handleProtocols(root);
    expect([...fake.protocol.handlers.keys()].sort()).toEqual(['app', 'recap-asset']);
  });
});
