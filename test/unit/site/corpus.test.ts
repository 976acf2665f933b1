// Every real site, not only one: a corpus of post shapes from public sites, each in its own
// site. Every post round-trips byte-identically, every field edit changes that field's lines
// only, lint finds no error in a valid post inside its own site, and an export dry run into
// its own site keeps its path.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FieldType } from '../../../electron/core/contract';
import { getField, joinRecap, readFrontMatter, setField, splitRecap, type FieldValue } from '../../../electron/core/frontmatter/frontmatter';
import { planExport } from '../../../electron/service/export/export';
import { createRecapService } from '../../../electron/service/service';
import { detectSite } from '../../../electron/service/site/site';
import { makeCorpus, type CorpusPost } from '../support/corpus-sites';
import { REFERENCE, tempDir } from '../support/site-fixture';

let tmp: string;
let corpus: CorpusPost[];

beforeAll(async () => {
  tmp = await tempDir('corpus');
  corpus = await makeCorpus(tmp);
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

async function textOf(c: CorpusPost): Promise<string> {
  return fs.readFile(path.join(c.site, ...c.post.split('/')), 'utf8');
}

/** The lines two texts differ in: [first differing line (1-based), lines removed, lines added]. */
function diffRegion(a: string, b: string): { from: number; removed: string[]; added: string[] } {
  const x = a.split('\n');
  const y = b.split('\n');
  let start = 0;
  while (start < x.length && start < y.length && x[start] === y[start]) start++;
  let endX = x.length;
  let endY = y.length;
  while (endX > start && endY > start && x[endX - 1] === y[endY - 1]) {
    endX--;
    endY--;
  }
  return { from: start + 1, removed: x.slice(start, endX), added: y.slice(start, endY) };
}

/** The line span of a top-level field: from its line to the line before the next field or the front matter's end. */
function fieldSpan(text: string, key: string): { first: number; last: number } {
  const fields = readFrontMatter(text).fields;
  const top = key.split('.')[0] ?? key;
  const field = fields.find((f) => f.key === key) ?? fields.find((f) => f.key === top);
  if (!field) throw new Error(`no field ${key}`);
  const parts = splitRecap(text);
  const end = (parts.bom + parts.open + parts.yaml).split('\n').length - 1;
  const next = fields.map((f) => f.line).filter((l) => l > field.line).sort((p, q) => p - q)[0];
  return { first: field.line, last: (next ?? end + 1) - 1 };
}

describe('a corpus of real-world posts', () => {
  it('covers every shape the issue names', () => {
    const formats = new Set(corpus.map((c) => c.name));
    expect(formats.size).toBe(corpus.length);
    expect(corpus.map((c) => c.name)).toEqual(expect.arrayContaining(['Hugo blog, TOML, languages and dated sections', 'Hugo, JSON front matter', 'Jekyll, CRLF and Jekyll date', 'Docusaurus, no author']));
  });

  it('round-trips every post byte-identically, and setting each field to its own value changes no byte', async () => {
    for (const c of corpus) {
      const text = await textOf(c);
      expect(joinRecap(splitRecap(text)), c.name).toBe(text);
      const fm = readFrontMatter(text);
      expect(fm.problems, c.name).toEqual([]);
      expect(fm.fields.length, c.name).toBeGreaterThan(0);
      for (const f of fm.fields) expect(setField(text, f.key, f.value), `${c.name}: ${f.key}`).toBe(text);
    }
  });

  it('edits a field in its own lines only, keeping its type and every other field', async () => {
    for (const c of corpus) {
      const text = await textOf(c);
      const before = readFrontMatter(text).fields;
      for (const [key, value] of c.edits) {
        const out = setField(text, key, value as FieldValue);
        const label = `${c.name}: ${key}`;
        expect(out, label).not.toBe(text);
        expect(getField(out, key), label).toEqual(value);
        const region = diffRegion(text, out);
        const span = fieldSpan(text, key);
        expect(region.from, label).toBeGreaterThanOrEqual(span.first);
        expect(region.from + region.removed.length - 1, label).toBeLessThanOrEqual(span.last);
        // Every other top-level field reads as before.
        const top = key.split('.')[0];
        const others = (fields: typeof before) => fields.filter((f) => f.key !== top).map((f) => [f.key, f.value]);
        expect(others(readFrontMatter(out).fields), label).toEqual(others(before));
        expect(splitRecap(out).body, label).toBe(splitRecap(text).body);
      }
    }
  });

  it('finds no error in a valid post inside its own site', async () => {
    const service = createRecapService();
    for (const c of corpus) {
      const file = path.join(c.site, ...c.post.split('/'));
      const problems = await service.lintRecap({ text: await textOf(c), path: file });
      expect(problems.filter((p) => p.severity === 'error'), c.name).toEqual([]);
    }
  });

  it('exports a dry run of each post into its own site at its own path, with no error', async () => {
    for (const c of corpus) {
      const file = path.join(c.site, ...c.post.split('/'));
      const report = await planExport({ recapPath: file, target: { kind: 'site', dir: c.site }, dryRun: true }, { dataDir: path.join(tmp, 'data'), git: false });
      expect(report.post, c.name).toBe(c.post);
      expect(report.problems.filter((p) => p.severity === 'error'), c.name).toEqual([]);
      expect(report.files.find((f) => f.kind === 'post')?.status, c.name).toBe('unchanged');
    }
  });

  it('says which rules apply and why: required fields only where every post has them', () => {
    const blog = detectSite(path.join(tmp, 'hugo-blog'));
    expect(blog.generator).toBe('hugo');
    expect(blog.languages).toEqual(['en', 'zh']);
    expect(blog.profile.rules?.source).toBe('site');
    expect(blog.profile.rules?.summary).toMatch(/^Detected Hugo site \(config\/_default\) at /);
    expect(blog.profile.rules?.details.join('\n')).toMatch(/TOML \(\+\+\+\) in 3/);
    expect(blog.profile.rules?.details.join('\n')).toContain('Archetypes use TOML (+++).');
    expect(blog.profile.fields.find((f) => f.key === 'description')?.required).toBe(false);
    // Fields most posts have beyond the profile's are offered in the form, with the kind they hold.
    expect(blog.profile.rules?.suggested).toEqual([{ key: 'draft', kind: 'boolean' }]);
    const news = detectSite(path.join(tmp, 'hugo-news'));
    expect(news.profile.name).toBe('hugo-news');
    expect(news.profile.fields.filter((f) => f.required).map((f) => f.key)).toEqual(['title', 'description', 'createTime', 'author']);
    const docu = detectSite(path.join(tmp, 'docusaurus'));
    expect(docu.profile.fields.filter((f) => f.required).map((f) => f.key)).toEqual(['title']);
  });

  it('reports a new post whose name differs from an existing one only in case', async () => {
    const draft = path.join(tmp, 'drafts', 'explore-cncf-kcd-turkey-with-kubesphere-turkey.md');
    await fs.mkdir(path.dirname(draft), { recursive: true });
    await fs.writeFile(draft, REFERENCE);
    const report = await planExport({ recapPath: draft, target: { kind: 'site', dir: path.join(tmp, 'hugo-news') }, dryRun: true }, { dataDir: path.join(tmp, 'data'), git: false });
    expect(report.post).toBe('content/en/news/explore-cncf-kcd-turkey-with-kubesphere-turkey.md');
    expect(report.problems).toContainEqual(expect.objectContaining({ code: 'slug-collision', severity: 'error', message: expect.stringContaining('content/en/news/Explore-CNCF-KCD-Turkey-with-KubeSphere-Turkey.md') }));
  });

  it("starts each site's first recap shaped like its posts, in their format, and exports it into the site lint clean", async () => {
    const service = createRecapService({ home: path.join(tmp, 'shaped-home'), cacheDir: path.join(tmp, 'shaped-cache') });
    const filled: Record<FieldType, FieldValue> = { string: 'KCD Lisbon 2026', text: 'Sixty people met in Lisbon for talks on platform engineering.', tags: ['kubernetes'], names: ['Jane Doe'], date: '2026-06-12' };
    for (const site of [...new Set(corpus.map((c) => c.site))]) {
      const label = path.basename(site);
      await service.rememberSite({ dir: site });
      const made = await service.newRecap({ template: { source: 'posts', name: 'event-recap', site }, title: 'KCD Lisbon 2026' });
      // A format the site's posts use (its newest post's).
      const formats = await Promise.all(corpus.filter((c) => c.site === site).map(async (c) => splitRecap(await textOf(c)).format));
      expect(formats, label).toContain(splitRecap(made.text).format);
      // Filled in as the author does, field by field in the form the draft shows (the site's fields).
      let text = made.text;
      for (const f of made.profile.fields) if (f.required && [undefined, '', null].includes(getField(text, f.key) as string)) text = setField(text, f.key, filled[f.type]);
      const draftErrors = (await service.lintRecap({ path: made.draft.recapPath, text })).filter((p) => p.severity === 'error');
      expect(draftErrors, label).toEqual([]);
      const report = await service.exportRecap({ recapPath: made.draft.recapPath, text, target: { kind: 'site', dir: site } });
      expect(report.written, `${label}: ${JSON.stringify(report.problems)} ${made.text.slice(0, 300)}`).toBe(true);
      const post = path.join(site, ...(report.post ?? '').split('/'));
      const problems = await service.lintRecap({ path: post, text: await fs.readFile(post, 'utf8') });
      expect(problems.filter((p) => p.severity === 'error'), `${label}: ${report.post}`).toEqual([]);
    }
  });
  it("takes a new recap's photo, its cover and an image the site already serves into each site, and a second export changes nothing", async () => {
    const service = createRecapService({ home: path.join(tmp, 'photo-home'), cacheDir: path.join(tmp, 'photo-cache') });
    const filled: Record<FieldType, FieldValue> = { string: 'KCD Porto 2026', text: 'Two hundred people met in Porto.', tags: ['kubernetes'], names: ['Jane Doe'], date: '2026-09-14' };
    const camera = path.join(tmp, 'Stage.jpg');
    await sharp({ create: { width: 900, height: 600, channels: 3, background: '#b45309' } }).jpeg().toFile(camera);
    for (const site of [...new Set(corpus.map((c) => c.site))]) {
      const label = path.basename(site);
      // An image every post of the site may link, where the site serves its files from.
      const servedDir = detectSite(site).generator === 'jekyll' ? '' : 'static';
      const logo = path.join(site, servedDir, 'shared-img', 'logo.png');
      await fs.mkdir(path.dirname(logo), { recursive: true });
      await sharp({ create: { width: 90, height: 30, channels: 4, background: '#1d4ed8' } }).png().toFile(logo);
      await service.rememberSite({ dir: site });
      const made = await service.newRecap({ template: { source: 'posts', name: 'event-recap', site }, title: 'KCD Porto 2026' });
      const recapPath = made.draft.recapPath;
      let text = made.text;
      for (const f of made.profile.fields) if (f.required && [undefined, '', null].includes(getField(text, f.key) as string)) text = setField(text, f.key, filled[f.type]);
      const folder = await service.photoFolder({ recapPath, text });
      const imported = await service.importPhoto({ recapPath, imageDir: folder.imageDir, source: { path: camera }, alt: 'The stage' });
      text = `${text}\n${imported.markdown}\n\n![Our logo](/shared-img/logo.png)\n`;
      const cover = made.profile.photos.coverField;
      if (cover) text = setField(text, cover, imported.photo.url);
      const errors = async (p: string, t: string) => (await service.lintRecap({ path: p, text: t })).filter((x) => x.severity === 'error').map((x) => x.message);
      expect(await errors(recapPath, text), label).toEqual([]);
      const [found] = await service.resolveImages({ recapPath, urls: [imported.photo.url] });
      expect(found?.src, label).not.toBeNull();

      // The editor's autosave keeps the draft as the author's text; export takes that text.
      await service.autosave({ id: made.draft.id, text });
      const report = await service.exportRecap({ recapPath, text, target: { kind: 'site', dir: site } });
      expect(report.written, `${label}: ${JSON.stringify(report.problems.filter((x) => x.severity === 'error'))}`).toBe(true);
      const post = path.join(site, ...(report.post ?? '').split('/'));
      const postText = await fs.readFile(post, 'utf8');
      // The editor takes the post's text (its photos linked where the site keeps them), and autosaves it.
      await service.autosave({ id: made.draft.id, text: postText });
      // The photo went where the site keeps a post's images, the logo stayed where it is.
      const photoFile = report.added.find((f) => f !== report.post && /\.jpe?g$/.test(f));
      expect(photoFile, `${label}: ${report.added.join(', ')}`).toBeDefined();
      expect(report.added.some((f) => f.endsWith('logo.png')), label).toBe(false);
      expect(postText, label).toContain('![Our logo](/shared-img/logo.png)');
      // The cover field names the photo as the body links it, in the site's form; beside a Hugo
      // post without ./, as Hugo's themes find a bundle's resource (core/recap/cover.ts coverUrl).
      if (cover) {
        const named = String(getField(postText, cover));
        if (detectSite(site).generator === 'hugo') expect(named, label).not.toMatch(/^\.\//);
        const bare = named.replace(/^\.\//, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        expect(postText, label).toMatch(new RegExp(`\\]\\((?:\\./)?${bare}`));
      }
      expect(await errors(post, postText), `${label}: ${report.post}`).toEqual([]);
      expect(report.linkedTo?.path, label).toBe(post);

      // The editor now shows the post: exporting it again finds everything in place.
      const again = await service.exportRecap({ recapPath: post, text: postText, target: { kind: 'site', dir: site } });
      expect({ written: again.written, added: again.added, changed: again.changed, conflicts: again.conflicts }, label).toEqual({ written: false, added: [], changed: [], conflicts: [] });

      // A copy of the post (the home screen's Duplicate) has its own photo, linked from its own folder: lint clean, the tray shows it.
      const opened = await service.openRecap({ path: post });
      const copy = await service.openDraft({ id: (await service.duplicateDraft({ id: opened.draft.id })).id });
      expect(await errors(copy.draft.recapPath, copy.text), `${label}: copy`).toEqual([]);
      const copyFolder = await service.photoFolder({ recapPath: copy.draft.recapPath, text: copy.text });
      const tray = await service.listPhotos({ recapPath: copy.draft.recapPath, imageDir: copyFolder.imageDir });
      expect(tray.map((p) => p.name), `${label}: copy's tray`).toEqual([path.basename(photoFile ?? '')]);
      expect(copy.text, label).toContain(`](${tray[0]?.url}`);
    }
  });
});
