// The containment rule on the hostile-recap corpus, through the service as every door uses it:
// lint, the preview's image lookups, export (folder, site, zip), cover thumbnails and the
// browser mode's /asset route. Nothing outside the allowed roots is read, copied, zipped or
// served, and each refusal names the link, its line and why.

import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportReport, ImageLookup, Problem } from '../../../electron/core/contract';
import { formatMsg } from '../../../electron/core/i18n/messages';
import { resolveAssetForServe, resolveImage, type ResolvedImage } from '../../../electron/service/files/containment';
import { exportRecap, planExport } from '../../../electron/service/export/export';
import { loadProfile } from '../../../electron/service/site/profile';
import { createRecapService } from '../../../electron/service/service';
import { startWebServer } from '../../../electron/web/server';
import { COVER_ESCAPE, filesWithSecret, HOSTILE_CASES, hostileText, lineOf, makeHostileSite, SRCSET_ESCAPE, type HostileSite } from '../support/hostile-fixture';
import { listFiles, makeHugoSite, png, REFERENCE, REFERENCE_NAME, tempDir } from '../support/site-fixture';

/** A refusal's reason in English, as `recap lint` and the Problems panel say it by default. */
function english(hit: ResolvedImage): ResolvedImage | { kind: 'refused'; reason: string } {
  return hit.kind === 'refused' ? { kind: 'refused', reason: formatMsg('en', hit.reason) } : hit;
}

let dir: string;
let h: HostileSite;

beforeEach(async () => {
  dir = await tempDir('containment');
  h = await makeHostileSite(dir);
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const TEXT = hostileText();
/** The line where a hostile link is written (as a Markdown link or an <img src>). */
const linkLine = (url: string): number => TEXT.split('\n').findIndex((l) => l.includes(`(${url})`) || l.includes(`src="${url}"`)) + 1;
const refusedIn = (problems: Problem[], url: string): Problem | undefined => problems.find((p) => p.code === 'image-refused' && p.message.includes(`The image ${url} `));

describe('the containment rule', () => {
  it('refuses every hostile link with the reason, and finds the clean one', () => {
    const profile = loadProfile('hugo-news');
    for (const c of HOSTILE_CASES) {
      const hit = resolveImage(c.url, h.recap, [profile]);
      // fake.png and empty.png are inside the site: the rule lets the preview look, export sniffs them.
      if (c.exportOnly) expect(hit.kind, c.url).toBe('found');
      else expect(english(hit), c.url).toMatchObject({ kind: 'refused', reason: expect.stringContaining(c.why) });
    }
    expect(resolveImage('/images/news/hostile/ok.png', h.recap, [profile])).toMatchObject({ kind: 'found', file: path.join(h.imageDir, 'ok.png') });
    expect(resolveImage('https://tracker.example/p.gif', h.recap, [profile])).toEqual({ kind: 'remote' });
    expect(english(resolveImage('C:\\Users\\me\\key.png', h.recap, [profile]))).toMatchObject({ kind: 'refused', reason: expect.stringContaining('a path on this computer') });
  });

  it('refuses a symlinked folder inside the recap folder that leads out', async () => {
    await fs.symlink(h.secret, path.join(path.dirname(h.recap), 'pics'));
    const hit = resolveImage('pics/real.png', h.recap, [loadProfile('hugo-news')]);
    expect(english(hit)).toMatchObject({ kind: 'refused', reason: expect.stringContaining(`is a link to ${path.join(h.secret, 'real.png')}`) });
  });
});

describe('lint', () => {
  it('names each refused link with its line and why; comments and code spans are not links', async () => {
    const service = createRecapService({ home: path.join(dir, 'home'), cacheDir: path.join(dir, 'cache') });
    const problems = await service.lintRecap({ text: TEXT, path: h.recap });
    for (const c of HOSTILE_CASES.filter((x) => !x.exportOnly)) {
      const p = refusedIn(problems, c.url);
      expect(p, c.url).toBeDefined();
      expect(p?.line).toBe(linkLine(c.url));
      expect(p?.message).toContain(`on line ${linkLine(c.url)} ${c.why}`);
    }
    expect(problems).toContainEqual(expect.objectContaining({ code: 'image-refused', line: lineOf(TEXT, 'srcset='), message: expect.stringContaining(`The image ${SRCSET_ESCAPE} on line ${lineOf(TEXT, 'srcset=')} leads outside`) }));
    expect(problems.find((p) => p.field === 'image')).toMatchObject({ code: 'image-refused', severity: 'error', line: lineOf(TEXT, 'image:') });
    // The comment and the code spans are text: nothing is reported for them.
    expect(problems.filter((p) => p.line === lineOf(TEXT, '<!--') || p.line === lineOf(TEXT, 'Code:'))).toEqual([]);
  });
});

describe('the preview\'s image lookups', () => {
  it('hands out no URL for a refused link, and says why', async () => {
    const service = createRecapService({ home: path.join(dir, 'home'), cacheDir: path.join(dir, 'cache'), assetUrl: (p) => `asset:${p}` });
    const lookups = await service.resolveImages({ recapPath: h.recap, urls: [...HOSTILE_CASES.map((c) => c.url), '/images/news/hostile/ok.png'] });
    const by = new Map<string, ImageLookup>(lookups.map((l) => [l.url, l]));
    expect(by.get('../../../../secret/.ssh/id_rsa')).toMatchObject({ src: null, localPath: null, refused: expect.stringContaining("leads outside the recap's folder") });
    expect(by.get('/images/news/hostile/link.png')).toMatchObject({ src: null, refused: expect.stringContaining('is a link to') });
    expect(by.get('/images/news/hostile/ok.png')).toMatchObject({ src: `asset:${path.join(h.imageDir, 'ok.png')}` });
    for (const l of lookups) expect(l.src ?? '', l.url).not.toContain(h.secret);
  });

  it('serves only handed-out regular files, never a link swapped in afterwards', async () => {
    const ok = path.join(h.imageDir, 'ok.png');
    const handedOut = new Set([ok, path.join(h.imageDir, 'link.png')]);
    expect(resolveAssetForServe(ok, handedOut)).toBe(ok);
    expect(resolveAssetForServe(path.join(h.imageDir, 'link.png'), handedOut)).toBeNull();
    expect(resolveAssetForServe(path.join(h.secret, 'real.png'), handedOut)).toBeNull();
    // A photo of another type than its name says is shown (lint and export warn of it); text under a photo's name is not.
    const misnamed = path.join(h.imageDir, 'screenshot.jpg');
    await fs.copyFile(ok, misnamed);
    const fake = path.join(h.imageDir, 'fake.png');
    expect([resolveAssetForServe(misnamed, new Set([misnamed])), resolveAssetForServe(fake, new Set([fake]))]).toEqual([misnamed, null]);
    await fs.rm(misnamed);
    await fs.rm(ok);
    await fs.symlink(path.join(h.secret, 'real.png'), ok);
    expect(resolveAssetForServe(ok, handedOut)).toBeNull();
  });
});

describe('export', () => {
  const expectRefused = (report: ExportReport): void => {
    expect(report.written).toBe(false);
    for (const c of HOSTILE_CASES) {
      const p = refusedIn(report.problems, c.url);
      expect(p, c.url).toMatchObject({ severity: 'error', line: linkLine(c.url) });
      expect(p?.message).toContain(c.why);
    }
    expect(refusedIn(report.problems, COVER_ESCAPE)).toBeDefined();
    // Only the clean image would be copied; nothing from secret/, no non-image.
    expect(report.files.filter((f) => f.kind === 'image').map((f) => f.source)).toEqual([path.join(h.imageDir, 'ok.png')]);
  };

  it('to a folder: refuses with every link named, writes nothing', async () => {
    const out = path.join(dir, 'out');
    const report = await exportRecap({ recapPath: h.recap, text: TEXT, target: { kind: 'folder', dir: out } }, { dataDir: path.join(dir, 'data') });
    expectRefused(report);
    await expect(fs.access(out)).rejects.toThrow();
  });

  it('to a zip: refuses, no zip is made', async () => {
    const zip = path.join(dir, 'recap.zip');
    const report = await exportRecap({ recapPath: h.recap, target: { kind: 'zip', file: zip } }, { dataDir: path.join(dir, 'data') });
    expectRefused(report);
    await expect(fs.access(zip)).rejects.toThrow();
    expect(await filesWithSecret(dir).then((f) => f.filter((p) => !p.startsWith(h.secret) && !p.startsWith(h.site)))).toEqual([]);
  });

  it('to a site whose news folder is a symlink out: refuses, writes nothing there', async () => {
    const { root: target } = await makeHugoSite(path.join(dir, 'target'));
    const elsewhere = path.join(dir, 'elsewhere');
    await fs.mkdir(elsewhere);
    await fs.rm(path.join(target, 'content', 'en', 'news'), { recursive: true });
    await fs.symlink(elsewhere, path.join(target, 'content', 'en', 'news'));
    const clean = path.join(dir, 'clean');
    const { recap } = await makeHugoSite(clean);
    const report = await exportRecap({ recapPath: recap, target: { kind: 'site', dir: target } }, { dataDir: path.join(dir, 'data'), git: false });
    expect(report.written).toBe(false);
    expect(report.problems).toContainEqual(expect.objectContaining({ code: 'target-outside', severity: 'error', message: expect.stringContaining('content/en/news is a symbolic link') }));
    expect(await fs.readdir(elsewhere)).toEqual([]);
  });

  it('refuses to write through a file in the target that is a symlink', async () => {
    const { recap } = await makeHugoSite(path.join(dir, 'clean'));
    const out = path.join(dir, 'out');
    const victim = path.join(dir, 'victim.txt');
    await fs.writeFile(victim, 'keep me\n');
    await fs.mkdir(path.join(out, 'content', 'en', 'news'), { recursive: true });
    await fs.symlink(victim, path.join(out, 'content', 'en', 'news', REFERENCE_NAME));
    const report = await exportRecap({ recapPath: recap, target: { kind: 'folder', dir: out }, overwrite: true }, { dataDir: path.join(dir, 'data') });
    expect(report.written).toBe(false);
    expect(report.problems).toContainEqual(expect.objectContaining({ code: 'target-outside', message: expect.stringContaining('as a symbolic link') }));
    expect(await fs.readFile(victim, 'utf8')).toBe('keep me\n');
  });

  it('never exports a symlink or a non-image from the photo folder, even unlinked', async () => {
    const text = hostileText().split('\n').filter((l) => !l.startsWith('![case') && !l.startsWith('<img') && !l.startsWith('image:')).join('\n');
    const plan = await planExport({ recapPath: h.recap, text, target: { kind: 'folder', dir: path.join(dir, 'out') } }, { dataDir: path.join(dir, 'data') });
    expect(plan.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(plan.files.filter((f) => f.kind === 'image').map((f) => f.path)).toEqual(['static/images/news/hostile/ok.png']);
  });

  it('renames images Windows cannot check out and rewrites their links; refuses a reserved slug', async () => {
    const draft = path.join(dir, 'draft');
    const imgs = path.join(draft, 'static', 'images', 'news', 'names');
    await png(path.join(imgs, 'aux.png'), 3);
    await png(path.join(draft, 'a:b.png'), 4);
    const text = `${REFERENCE.split('---\n\n')[0]}---\n\n![one](/images/news/names/aux.png)\n\n![two](./a:b.png)\n`;
    await fs.writeFile(path.join(draft, 'names.md'), text);
    const out = path.join(dir, 'out');
    const report = await exportRecap({ recapPath: path.join(draft, 'names.md'), text, target: { kind: 'folder', dir: out }, imageDir: 'names' }, { dataDir: path.join(dir, 'data') });
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect((await listFiles(out)).sort()).toEqual(['content/en/news/names.md', 'static/images/news/names/a-b.png', 'static/images/news/names/aux-photo.png']);
    const post = await fs.readFile(path.join(out, 'content/en/news/names.md'), 'utf8');
    expect(post).toContain('![one](/images/news/names/aux-photo.png)');
    expect(post).toContain('![two](/images/news/names/a-b.png)');

    const con = await planExport({ recapPath: path.join(draft, 'names.md'), text, target: { kind: 'folder', dir: out }, slug: 'con' }, { dataDir: path.join(dir, 'data') });
    expect(con.problems).toContainEqual(expect.objectContaining({ code: 'slug-invalid', severity: 'error', message: expect.stringContaining('Windows reserves it') }));
  });

  it('runs git status without the repository\'s fsmonitor or hooks', async () => {
    const { recap } = await makeHugoSite(path.join(dir, 'clean'));
    const target = path.join(dir, 'target');
    await makeHugoSite(target);
    execFileSync('git', ['init', '-q', target]);
    const marker = path.join(dir, 'fsmonitor-ran');
    execFileSync('git', ['-C', target, 'config', 'core.fsmonitor', `touch ${marker}; false`]);
    await fs.writeFile(path.join(recap), REFERENCE.replace('Recap', 'Recap!'));
    const report = await exportRecap({ recapPath: recap, target: { kind: 'site', dir: target }, overwrite: true }, { dataDir: path.join(dir, 'data') });
    expect(report.written).toBe(true);
    expect(report.gitStatus).toContain(REFERENCE_NAME);
    await expect(fs.access(marker)).rejects.toThrow();
  });
});

describe('cover thumbnails', () => {
  it('never thumbnail a cover outside the recap\'s folders', async () => {
    // The folder's first photo is the fallback cover: leave only the symlink out.
    for (const n of ['empty.png', 'fake.png', 'ok.png']) await fs.rm(path.join(h.imageDir, n));
    const service = createRecapService({ home: path.join(dir, 'home'), cacheDir: path.join(dir, 'cache') });
    const opened = await service.openRecap({ path: h.recap });
    expect(opened.draft.coverPath).toBeNull();
    expect(await service.coverThumbnail({ id: opened.draft.id })).toBeNull();
  });
});

describe('the browser mode', () => {
  it('answers only for paths the page picked: no existence oracle, and a folder is never taken for a recap file', async () => {
    const rendererDir = path.join(dir, 'renderer');
    await fs.mkdir(rendererDir);
    await fs.writeFile(path.join(rendererDir, 'index.html'), '<!doctype html>');
    const server = await startWebServer({ rendererDir, home: path.join(dir, 'home'), cacheDir: path.join(dir, 'cache') });
    const call = async (method: string, body: unknown): Promise<{ ok: boolean; error?: { message: string } }> => {
      const res = await fetch(`http://127.0.0.1:${server.port}/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-recap-token': server.token }, body: JSON.stringify(body) });
      return (await res.json()) as { ok: boolean; error?: { message: string } };
    };
    try {
      const probe = path.join(h.secret, 'probe.md');
      expect(await call('lintRecap', { text: '![x](.ssh/id_rsa)', path: probe })).toMatchObject({ ok: false, error: { message: expect.stringContaining('not a recap you opened or saved') } });
      expect(await call('resolveImages', { recapPath: probe, urls: ['real.png'] })).toMatchObject({ ok: false });
      // A folder chosen as an export target is a folder grant, not a file one.
      expect(await call('openRecap', { path: h.recap })).toMatchObject({ ok: true });
      const out = path.join(dir, 'out');
      expect(await call('planExport', { recapPath: h.recap, target: { kind: 'folder', dir: out } })).toMatchObject({ ok: true });
      expect(await call('lintRecap', { text: '', path: out })).toMatchObject({ ok: false, error: { message: expect.stringContaining('a folder chosen as an export target') } });
      expect(await call('planExport', { recapPath: h.recap, target: { kind: 'folder', dir: h.recap } })).toMatchObject({ ok: false, error: { message: expect.stringContaining('a recap file, not a folder') } });
    } finally {
      await server.close();
    }
  });

  it('answers 400 to a malformed URL and 404 to an asset it never handed out', async () => {
    const rendererDir = path.join(dir, 'renderer');
    await fs.mkdir(rendererDir);
    await fs.writeFile(path.join(rendererDir, 'index.html'), '<!doctype html>');
    const server = await startWebServer({ rendererDir, home: path.join(dir, 'home'), cacheDir: path.join(dir, 'cache') });
    try {
      const base = `http://127.0.0.1:${server.port}`;
      expect((await fetch(`${base}/%E0%A4%A`)).status).toBe(400);
      expect((await fetch(`${base}/api/%E0%A4%A`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-recap-token': server.token }, body: '{}' })).status).toBe(400);
      const asset = await fetch(`${base}/asset?token=${encodeURIComponent(server.token)}&path=${encodeURIComponent(path.join(h.imageDir, 'link.png'))}`);
      expect(asset.status).toBe(404);
      expect(await asset.text()).not.toContain('SECRET');
    } finally {
      await server.close();
    }
  });
});
