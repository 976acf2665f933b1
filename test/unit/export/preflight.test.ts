// Every preflight rule, through planExport on real drafts and sites (the facts come from the
// disk), with the line each finding points at for jump-to-line. Errors block, warnings do not.

import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Problem, SiteProfile } from '../../../electron/core/contract';
import { exportRecap, planExport, type ExportOptions } from '../../../electron/service/export/export';
import { preflight } from '../../../electron/service/export/preflight';
import { loadProfile } from '../../../electron/service/site/profile';
import { imageProblems } from '../../../electron/service/recap/image-problems';
import { profileForRecap } from '../../../electron/service/site/site';
import { makeDraft, makeHugoSite, REFERENCE, tempDir } from '../support/site-fixture';

let tmp: string;
let opts: ExportOptions;

beforeEach(async () => {
  tmp = await tempDir('preflight');
  opts = { dataDir: path.join(tmp, 'data') };
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

/** 1-based line of the first line of `text` that contains `needle`. */
function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i === -1) throw new Error(`"${needle}" is not in the text`);
  return i + 1;
}

async function check(text: string, extra: Partial<Parameters<typeof planExport>[0]> = {}, options: ExportOptions = {}): Promise<Problem[]> {
  const draft = await makeDraft(path.join(tmp, 'draft'), text);
  const report = await planExport({ recapPath: draft.recap, target: { kind: 'folder', dir: path.join(tmp, 'out') }, ...extra }, { ...opts, ...options });
  return report.problems;
}

const codes = (problems: Problem[]): string[] => problems.map((p) => p.code);

describe('preflight', () => {
  it('finds nothing to say about the reference recap', async () => {
    const site = await makeHugoSite(path.join(tmp, 'site'));
    const report = await planExport({ recapPath: site.recap, target: { kind: 'folder', dir: path.join(tmp, 'out') } }, opts);
    expect(report.problems).toEqual([]);
  });

  it('requires the profile\'s fields in their formats (errors, on their lines)', async () => {
    const text = REFERENCE.replace('description: "The first Kubernetes Community Days China was successfully held in Beijing"\n', '').replace('"2021-11-02"', '"2021-13-02"');
    const problems = await check(text);
    expect(problems).toContainEqual(expect.objectContaining({ code: 'required', severity: 'error', field: 'description', line: 1 }));
    expect(problems).toContainEqual(expect.objectContaining({ code: 'field-date', severity: 'error', field: 'createTime', line: lineOf(text, 'createTime') }));
  });

  it('warns about a description too long for link previews', async () => {
    const text = REFERENCE.replace('successfully held in Beijing', `successfully held in Beijing${' and more'.repeat(20)}`);
    expect(await check(text)).toContainEqual(expect.objectContaining({ code: 'field-length', severity: 'warning', field: 'description', line: 4 }));
  });

  it('reports a broken image link as an error at its line and column', async () => {
    const text = REFERENCE.replace('kcd-event-2.png', 'kcd-event-9.png');
    const problems = await check(text);
    const missing = problems.find((p) => p.code === 'image-missing');
    expect(missing).toMatchObject({ severity: 'error', line: lineOf(text, 'kcd-event-9'), column: 1 });
    expect(missing?.message).toContain('/images/news/kcd-china/kcd-event-9.png');
    expect(missing?.message).toContain(path.join('static', 'images', 'news', 'kcd-china', 'kcd-event-9.png'));
    // Said as lint says it, word for word.
    const recap = (await makeDraft(path.join(tmp, 'draft'), text)).recap;
    expect(imageProblems(text, recap, profileForRecap(recap)).filter((p) => p.code === 'image-missing').map((p) => p.message)).toEqual([missing?.message]);
  });

  it('warns about photos in the folder the text does not use, and leaves them out on request', async () => {
    const draft = await makeDraft(path.join(tmp, 'draft'));
    await sharp({ create: { width: 8, height: 8, channels: 3, background: '#123456' } }).jpeg().toFile(path.join(draft.imageDir, 'extra.jpg'));
    const req = { recapPath: draft.recap, target: { kind: 'folder' as const, dir: path.join(tmp, 'out') } };
    const kept = await planExport(req, opts);
    expect(kept.unused).toEqual(['extra.jpg']);
    expect(kept.problems).toEqual([expect.objectContaining({ code: 'photos-unused', severity: 'warning' })]);
    expect(kept.problems[0]?.message).toContain('extra.jpg');
    expect(kept.added).toContain('static/images/news/kcd-china/extra.jpg');

    const left = await planExport({ ...req, leaveOutUnused: true }, opts);
    expect(left.problems[0]?.message).toContain('will be left out');
    expect(left.files.map((f) => f.path)).not.toContain('static/images/news/kcd-china/extra.jpg');
  });

  it('warns about images without alt text', async () => {
    const text = REFERENCE.replace('![kcd-event](', '![](');
    expect(await check(text)).toContainEqual(expect.objectContaining({ code: 'alt-missing', severity: 'warning', line: lineOf(text, '![](') }));
  });

  it('warns about images over the profile\'s long edge and file size', async () => {
    const draft = await makeDraft(path.join(tmp, 'draft'));
    await sharp({ create: { width: 2400, height: 100, channels: 3, background: '#808080' } }).png().toFile(path.join(draft.imageDir, 'kcd-event.png'));
    const noise = randomBytes(64 * 64 * 3); // does not compress: a PNG of ~12 KB
    await sharp(noise, { raw: { width: 64, height: 64, channels: 3 } }).png().toFile(path.join(draft.imageDir, 'guest-speakers.png'));
    const base = loadProfile();
    const profile: SiteProfile = { ...base, images: { ...base.images, maxBytes: 4000 } };
    const report = await planExport({ recapPath: draft.recap, target: { kind: 'folder', dir: path.join(tmp, 'out') } }, { ...opts, targetProfile: profile });
    const large = report.problems.filter((p) => p.code === 'image-too-large');
    expect(large.map((p) => p.line)).toEqual([lineOf(REFERENCE, 'guest-speakers'), lineOf(REFERENCE, '(/images/news/kcd-china/kcd-event.png')]);
    expect(large.every((p) => p.severity === 'warning')).toBe(true);
    expect(large[1]?.message).toContain('2400×100 px, above the site\'s 2000 px long edge');
    expect(large[0]?.message).toMatch(/KB, above the site's 4 KB per image/);
  });

  it('warns that remote images are not bundled, and leaves their links alone', async () => {
    const text = REFERENCE.replace('![kcd-event-3](/images/news/kcd-china/kcd-event-3.png)', '![kcd-event-3](https://example.org/kcd-event-3.png)');
    const draft = await makeDraft(path.join(tmp, 'draft'), text);
    await fs.rm(path.join(draft.imageDir, 'kcd-event-3.png'));
    const report = await planExport({ recapPath: draft.recap, target: { kind: 'folder', dir: path.join(tmp, 'out') } }, opts);
    expect(report.problems).toEqual([expect.objectContaining({ code: 'image-remote', severity: 'warning', line: lineOf(text, 'https://example.org') })]);
    expect(report.files.map((f) => f.path).some((p) => p.includes('kcd-event-3'))).toBe(false);
  });

  it('warns about a body H1 when the theme prints the title, and not when it does not', async () => {
    const text = REFERENCE.replace('## Kubernetes Community Days China', '# Kubernetes Community Days China');
    expect(await check(text)).toContainEqual(expect.objectContaining({ code: 'body-h1', severity: 'warning', line: lineOf(text, '# Kubernetes Community Days China') }));
    const quiet = { ...loadProfile(), themePrintsTitle: false };
    expect(codes(await check(text, {}, { targetProfile: quiet }))).not.toContain('body-h1');
  });

  it('warns about lines indented 4+ spaces that become code blocks, but not inside fences', async () => {
    const text = REFERENCE.replace('## Event Organizers\n', '## Event Organizers\n\n    Organized by the CNCF ambassadors.\n\n```\n    real code\n```\n');
    const problems = (await check(text)).filter((p) => p.code === 'indented-code');
    expect(problems).toEqual([expect.objectContaining({ severity: 'warning', line: lineOf(text, '    Organized by') })]);
  });

  it('warns when the site already has a different post at the path (the export then asks), or another post with the slug', async () => {
    const site = await makeHugoSite(path.join(tmp, 'site'));
    const target = path.join(tmp, 'website');
    await fs.mkdir(path.join(target, 'content', 'en', 'news'), { recursive: true });
    await fs.writeFile(path.join(target, 'hugo.toml'), '');
    await fs.writeFile(path.join(target, 'content', 'en', 'news', 'kubernetes-community-days-china.md'), '---\ntitle: Other\n---\n');
    const report = await planExport({ recapPath: site.recap, target: { kind: 'site', dir: target } }, opts);
    expect(report.problems).toContainEqual(expect.objectContaining({ code: 'slug-collision', severity: 'warning' }));
    expect(report.conflicts).toEqual(['content/en/news/kubernetes-community-days-china.md']);

    // Jekyll: the same slug under another date is another post with the same name.
    const jekyll = path.join(tmp, 'blog');
    await fs.mkdir(path.join(jekyll, '_posts'), { recursive: true });
    await fs.writeFile(path.join(jekyll, '_config.yml'), 'title: Blog\n');
    await fs.writeFile(path.join(jekyll, '_posts', '2020-05-01-kubernetes-community-days-china.md'), '---\ntitle: 2020\n---\n');
    await fs.writeFile(path.join(jekyll, '_posts', '2020-05-01-something-else.md'), '---\ntitle: Else\n---\n');
    const text = REFERENCE.replace('createTime: "2021-11-02"', 'createTime: "2021-11-02"\ndate: 2021-11-02');
    const draft = await makeDraft(path.join(tmp, 'draft'), text);
    const j = await planExport({ recapPath: draft.recap, target: { kind: 'site', dir: jekyll } }, opts);
    expect(j.post).toBe('_posts/2021-11-02-kubernetes-community-days-china.md');
    const collisions = j.problems.filter((p) => p.code === 'slug-collision');
    expect(collisions).toHaveLength(1);
    expect(collisions[0]?.message).toContain('_posts/2020-05-01-kubernetes-community-days-china.md');
    expect(j.conflicts).toEqual([]);
  });

  it('needs the date for a {date} path: the field\'s own error, or a post-path error when the field is optional', async () => {
    const jekyll = await check(REFERENCE, { profile: 'jekyll' });
    expect(jekyll.filter((p) => p.severity === 'error').map((p) => [p.code, p.field])).toEqual([['required', 'date']]);
    const base = loadProfile('jekyll');
    const optional: SiteProfile = { ...base, fields: base.fields.map((f) => (f.key === 'date' ? { ...f, required: false } : f)) };
    const problems = await check(REFERENCE, {}, { targetProfile: optional });
    expect(problems).toContainEqual(expect.objectContaining({ code: 'post-path', severity: 'error', field: 'date' }));
  });

  it('refuses a slug that cannot be a file name', async () => {
    const draft = await makeDraft(path.join(tmp, 'draft'));
    const report = await planExport({ recapPath: draft.recap, target: { kind: 'folder', dir: path.join(tmp, 'out') }, slug: '../KCD China!' }, opts);
    expect(report.problems).toContainEqual(expect.objectContaining({ code: 'slug-invalid', severity: 'error' }));
    expect(report.post).toBeNull();
  });

  it('blocks the export on errors, never on warnings', async () => {
    const warned = REFERENCE.replace('![kcd-event](', '![](');
    const draft = await makeDraft(path.join(tmp, 'draft'), warned);
    const out = path.join(tmp, 'out');
    const ok = await exportRecap({ recapPath: draft.recap, target: { kind: 'folder', dir: out } }, opts);
    expect(ok.written).toBe(true);
    expect(codes(ok.problems)).toEqual(['alt-missing']);
    const blocked = await exportRecap({ recapPath: draft.recap, text: warned.replace('author: "Lindsay"\n', ''), target: { kind: 'folder', dir: path.join(tmp, 'out2') } }, opts);
    expect(blocked.written).toBe(false);
    await expect(fs.access(path.join(tmp, 'out2'))).rejects.toThrow();
  });

  it('lists findings in file order, folder-wide ones last', () => {
    const problems = preflight({
      text: REFERENCE.replace('![kcd-event](', '![]('),
      profile: loadProfile(),
      images: [{ url: 'https://x.org/a.png', alt: 'a', line: 3, column: 1, kind: 'remote', file: null, lookedFor: null }],
      unused: ['b.jpg'],
      unusedFolder: '/tmp/x',
      leaveOutUnused: false,
      slug: 'kcd',
      postPathError: null,
      collisions: [],
      overwrite: false,
      blockedByFolders: [],
      keptStale: [],
    });
    expect(problems.map((p) => [p.code, p.line])).toEqual([
      ['image-remote', 3],
      ['alt-missing', lineOf(REFERENCE, '![kcd-event](')],
      ['photos-unused', undefined],
    ]);
  });
});
