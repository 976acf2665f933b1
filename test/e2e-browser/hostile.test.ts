// The hostile-recap corpus in the browser mode, end to end: the real renderer and service in
// Chromium. The preview shows each refused link as blocked (never its file), the problems panel
// names each with its line, the export dialog refuses with the same reasons and writes nothing,
// no response of the server carries a secret, and remote images wait for the author.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesWithSecret, HOSTILE_CASES, hostileText, makeHostileSite, SECRET_MARK, type HostileSite } from '../unit/support/hostile-fixture';
import { pickExportKind, startSession, type Session } from './harness';

let session: Session;
let h: HostileSite;
const TEXT = hostileText();
/** A 1×1 transparent GIF: what a tracking pixel answers. */
const PIXEL_GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const linkLine = (url: string): number => TEXT.split('\n').findIndex((l) => l.includes(`(${url})`) || l.includes(`src="${url}"`)) + 1;

beforeAll(async () => {
  session = await startSession();
  h = await makeHostileSite(path.join(session.dir, 'corpus'));
});
afterAll(async () => {
  await session?.close();
});

describe('a hostile recap in the browser mode', () => {
  it('previews, lints and refuses to export every link out of its folders; nothing secret is served', async () => {
    const page = await session.open({ file: h.recap });
    // Every file the page loaded (GET): fetched again at the end, none may carry a secret.
    const loaded: string[] = [];
    page.on('request', (req) => {
      if (req.method() === 'GET') loaded.push(req.url());
    });
    await page.getByTestId('field-title').waitFor();

    // Preview: the clean image shows, each refused one is a notice naming why.
    const preview = page.getByTestId('preview');
    await expect.poll(() => preview.locator('.img-notice', { hasText: 'Blocked image' }).count()).toBeGreaterThanOrEqual(HOSTILE_CASES.filter((c) => !c.exportOnly).length - 1);
    const text = (await preview.textContent()) ?? '';
    expect(text).toContain("../../../../secret/.ssh/id_rsa leads outside the recap's folder");
    expect(text).toContain('/images/news/hostile/link.png is a link to');
    await expect.poll(() => preview.locator('img[src*="/asset?"]').count()).toBeGreaterThanOrEqual(1);
    for (const src of await preview.locator('img').evaluateAll((els) => els.map((e) => (e as HTMLImageElement).src))) {
      expect(decodeURIComponent(src)).not.toContain(h.secret);
    }

    // Problems panel: each refused link with its line.
    await page.getByTestId('problems-button').click();
    const panel = page.locator('.problems-panel');
    for (const c of HOSTILE_CASES.filter((x) => !x.exportOnly)) {
      await expect.poll(() => panel.textContent()).toContain(`The image ${c.url} on line ${linkLine(c.url)} ${c.why}`);
    }
    await page.keyboard.press('Escape');

    // Export dialog: the checklist refuses with the same reasons; nothing is written.
    const out = path.join(session.dir, 'hostile-out');
    await page.keyboard.press('Control+E');
    await pickExportKind(page, 'folder');
    await page.getByTestId('export-folder').fill(out);
    const checks = page.getByTestId('export-checks');
    for (const c of HOSTILE_CASES) await expect.poll(() => checks.textContent()).toContain(`The image ${c.url} on line ${linkLine(c.url)} ${c.why}`);
    expect(await page.getByTestId('export-run').isDisabled()).toBe(true);
    await page.getByTestId('export-cancel').click();
    await expect(fs.access(out)).rejects.toThrow();
    expect((await filesWithSecret(session.dir)).filter((f) => !f.startsWith(h.secret) && !f.startsWith(h.site))).toEqual([]);

    // The asset route hands out nothing it did not resolve: the symlink and the secret are 404.
    const asset = (p: string): string => `/asset?token=${encodeURIComponent(session.server.token)}&path=${encodeURIComponent(p)}`;
    for (const p of [path.join(h.imageDir, 'link.png'), path.join(h.secret, 'real.png')]) {
      const status = await page.evaluate(async (u) => (await fetch(u)).status, asset(p));
      expect(status).toBe(404);
    }
    expect(loaded.some((u) => u.includes('/asset?'))).toBe(true);
    for (const u of loaded) {
      const body = Buffer.from(await (await fetch(u)).arrayBuffer());
      expect(body.includes(SECRET_MARK), u).toBe(false);
    }
    await page.context().close();
  });

  it('loads remote images only once the author chooses to, for that recap', async () => {
    const post = path.join(h.site, 'content', 'en', 'news', 'remote.md');
    await fs.writeFile(post, '---\ntitle: Remote\n---\n\n![pixel](https://tracker.example/pixel.gif)\n');
    const page = await session.open({ file: post });
    const asked: string[] = [];
    await page.route('https://tracker.example/**', async (route) => {
      asked.push(route.request().url());
      await route.fulfill({ status: 200, contentType: 'image/gif', body: PIXEL_GIF });
    });
    const blocked = page.getByTestId('remote-image-blocked');
    await blocked.waitFor();
    expect(await blocked.textContent()).toContain('tracker.example');
    expect(await page.getByTestId('preview').locator('img[src^="https://tracker.example"]').count()).toBe(0);
    expect(asked).toEqual([]);
    await page.getByTestId('load-remote-images').click();
    await page.getByTestId('preview').locator('img[src="https://tracker.example/pixel.gif"]').waitFor({ state: 'attached' });
    await expect.poll(() => asked).toEqual(['https://tracker.example/pixel.gif']);
    await page.context().close();
  });
});
