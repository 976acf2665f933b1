import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { writeFileAtomic, type AtomicFs } from '../../../electron/service/files/atomic-write';
import { createRecapService } from '../../../electron/service/service';
import { setField } from '../../../electron/core/frontmatter/frontmatter';
import { refusal as codeOf } from '../support/refusal';

const fixture = path.join(__dirname, '..', '..', 'fixtures', 'kubernetes-community-days-china.md');
let dir: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'recap-service-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});


/** A Hugo site laid out like the reference recap's, with some of its images. */
async function fixtureSite(images: string[]): Promise<string> {
  const post = path.join(dir, 'site', 'content', 'en', 'news', 'kubernetes-community-days-china.md');
  await fs.mkdir(path.dirname(post), { recursive: true });
  await fs.copyFile(fixture, post);
  const imageDir = path.join(dir, 'site', 'static', 'images', 'news', 'kcd-china');
  await fs.mkdir(imageDir, { recursive: true });
  for (const name of images) {
    await sharp({ create: { width: 8, height: 6, channels: 3, background: '#3366cc' } }).png().toFile(path.join(imageDir, name));
  }
  return post;
}

describe('open and save', () => {
  it('opening and saving the untouched reference recap is byte-identical', async () => {
    const file = path.join(dir, 'kcd.md');
    await fs.copyFile(fixture, file);
    const service = createRecapService();
    const opened = await service.openRecap({ path: file });
    await service.saveRecap({ path: file, text: opened.text, expectMtimeMs: opened.mtimeMs });
    expect(Buffer.compare(await fs.readFile(file), await fs.readFile(fixture))).toBe(0);
  });

  it('keeps a BOM and CRLF through open and save', async () => {
    const file = path.join(dir, 'bom.md');
    const bytes = Buffer.from('\uFEFF---\r\ntitle: "A"\r\n---\r\nBody\r\n', 'utf8');
    await fs.writeFile(file, bytes);
    const service = createRecapService();
    const opened = await service.openRecap({ path: file });
    expect(opened.text.startsWith('\uFEFF')).toBe(true);
    await service.saveRecap({ path: file, text: setField(opened.text, 'title', 'B') });
    expect(await fs.readFile(file, 'utf8')).toBe('\uFEFF---\r\ntitle: "B"\r\n---\r\nBody\r\n');
  });

  it('refuses what is not a UTF-8 Markdown file, saying why', async () => {
    const service = createRecapService();
    expect(await codeOf(service.openRecap({ path: path.join(dir, 'missing.md') }))).toMatch(/^NOT_FOUND: .*does not exist/);
    expect(await codeOf(service.openRecap({ path: dir }))).toMatch(/^NOT_A_RECAP: .*folder/);
    await fs.writeFile(path.join(dir, 'photo.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]));
    expect(await codeOf(service.openRecap({ path: path.join(dir, 'photo.md') }))).toMatch(/binary file/);
    await fs.writeFile(path.join(dir, 'latin1.md'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    expect(await codeOf(service.openRecap({ path: path.join(dir, 'latin1.md') }))).toMatch(/not UTF-8/);
    await fs.writeFile(path.join(dir, 'notes.txt'), 'hello');
    expect(await codeOf(service.openRecap({ path: path.join(dir, 'notes.txt') }))).toMatch(/opens Markdown files/);
  });

  it('does not overwrite a file that changed on disk, or an existing file on Save As, without asking', async () => {
    const file = path.join(dir, 'kcd.md');
    await fs.copyFile(fixture, file);
    const service = createRecapService();
    const opened = await service.openRecap({ path: file });
    await fs.writeFile(file, 'changed by someone else\n');
    await fs.utimes(file, new Date(), new Date(Date.now() + 5000));
    expect(await codeOf(service.saveRecap({ path: file, text: opened.text, expectMtimeMs: opened.mtimeMs }))).toMatch(/^CHANGED_ON_DISK/);
    expect(await fs.readFile(file, 'utf8')).toBe('changed by someone else\n');
    expect(await codeOf(service.saveRecap({ path: file, text: opened.text, createOnly: true }))).toMatch(/^EXISTS: .*already exists/);
    await service.saveRecap({ path: file, text: opened.text });
    expect(await fs.readFile(file, 'utf8')).toBe(opened.text);
  });

  it('says when the folder is gone', async () => {
    const service = createRecapService();
    expect(await codeOf(service.saveRecap({ path: path.join(dir, 'nope', 'x.md'), text: 'x' }))).toMatch(/folder .* does not exist/);
  });

  it('creates a new recap from the template, its event date left for the author (lint asks for it)', async () => {
    const opened = await createRecapService().newRecap({ title: 'KCD Beijing 2026' });
    expect(opened.path).toBeNull();
    expect(opened.text).toMatch(/^---\ntitle: "KCD Beijing 2026"\n/);
    expect(opened.text).toMatch(/^createTime: ""$/m);
    expect(opened.text).toMatch(/## Event Organizers/);
    // Checked as the template's profile, as an export into such a site will: the date is required.
    const problems = await createRecapService().lintRecap({ text: opened.text, path: opened.draft.recapPath });
    expect(problems.find((p) => p.field === 'createTime')).toMatchObject({ severity: 'error' });
    expect(opened.profile.fields.map((f) => f.key)).toEqual(['title', 'keywords', 'description', 'createTime', 'author']);
  });
});

describe('atomic writes', () => {
  const failing = (call: 'rename' | 'write', code: string): AtomicFs => ({
    ...fs,
    rename: call === 'rename' ? () => Promise.reject(Object.assign(new Error(code), { code })) : fs.rename,
    open: async (...args: Parameters<typeof fs.open>) => {
      const handle = await fs.open(...args);
      if (call !== 'write') return handle;
      return Object.assign(Object.create(Object.getPrototypeOf(handle) as object) as typeof handle, handle, {
        writeFile: () => Promise.reject(Object.assign(new Error(code), { code })),
        sync: () => handle.sync(),
        close: () => handle.close(),
      });
    },
  });

  for (const [call, code, words] of [
    ['rename', 'EACCES', 'permission denied'],
    ['write', 'ENOSPC', 'the disk is full'],
  ] as const) {
    it(`a failed ${call} (${code}) leaves the old file intact, no temp file, and says why`, async () => {
      const file = path.join(dir, 'kcd.md');
      await fs.copyFile(fixture, file);
      const before = await fs.readFile(file);
      const service = createRecapService({ fs: failing(call, code) });
      const error = await codeOf(service.saveRecap({ path: file, text: 'new text' }));
      expect(error).toBe(`SAVE_FAILED: Could not save ${file}: ${words}. The file on disk is unchanged.`);
      expect(Buffer.compare(await fs.readFile(file), before)).toBe(0);
      expect(await fs.readdir(dir)).toEqual(['kcd.md']);
    });
  }

  it('keeps the file mode', async () => {
    const file = path.join(dir, 'x.md');
    await fs.writeFile(file, 'a', { mode: 0o600 });
    await writeFileAtomic(file, 'b');
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    expect(await fs.readFile(file, 'utf8')).toBe('b');
  });
});

describe('images and lint', () => {
  it('resolves the reference recap’s site-absolute image URLs to the site’s static folder', async () => {
    const post = await fixtureSite(['kcd-event.png', 'guest-speakers.png']);
    const service = createRecapService({ assetUrl: (p) => `asset:${p}` });
    const found = await service.resolveImages({
      recapPath: post,
      urls: ['/images/news/kcd-china/kcd-event.png', '/images/news/kcd-china/kcd-event-2.png', 'https://example.org/x.png', '/images/../../../etc/passwd'],
    });
    const staticDir = path.join(dir, 'site', 'static', 'images', 'news', 'kcd-china');
    expect(found[0]).toEqual({ url: '/images/news/kcd-china/kcd-event.png', src: `asset:${path.join(staticDir, 'kcd-event.png')}`, localPath: path.join(staticDir, 'kcd-event.png') });
    expect(found[1]).toMatchObject({ src: null, localPath: path.join(staticDir, 'kcd-event-2.png') });
    expect(found[2]).toEqual({ url: 'https://example.org/x.png', src: 'https://example.org/x.png', localPath: null });
    expect(found[3]!.src).toBeNull();
  });

  it('lint reports each missing image with its line', async () => {
    const post = await fixtureSite(['kcd-china-event.png', 'kcd-beijing-organizers.png', 'guest-speakers.png', 'kcd-event.png', 'kcd-event-2.png']);
    const problems = await createRecapService().lintRecap({ text: await fs.readFile(post, 'utf8'), path: post });
    const missing = problems.filter((p) => p.code === 'image-missing');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ severity: 'error', line: 37 });
    expect(missing[0]!.message).toContain('/images/news/kcd-china/kcd-event-3.png');
  });

  it('lists folders and Markdown files for the browser-mode picker', async () => {
    await fixtureSite([]);
    await fs.writeFile(path.join(dir, 'a.md'), 'x');
    await fs.writeFile(path.join(dir, 'b.txt'), 'x');
    await fs.writeFile(path.join(dir, '.hidden.md'), 'x');
    const listing = await createRecapService().listDirectory({ path: dir });
    expect(listing.entries.map((e) => [e.name, e.kind])).toEqual([
      ['site', 'dir'],
      ['a.md', 'file'],
    ]);
    expect(listing.parent).toBe(path.dirname(dir));
  });
});
