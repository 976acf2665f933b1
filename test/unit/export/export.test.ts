// The ready-to-commit export on real folders: the reference recap from a fixture Hugo site into
// a new folder, a new site and a zip; the other profiles' layouts; never clobbering; atomic
// rollback on an injected fs failure; re-exports that remove the photos a recap dropped.

import { execFileSync } from 'node:child_process';
import { promises as nodeFs } from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportRequest } from '../../../electron/core/contract';
import { RecapError } from '../../../electron/core/errors';
import { ExportConflictError, exportRecap, planExport, type ExportFs, type ExportOptions } from '../../../electron/service/export/export';
import { setField, splitRecap } from '../../../electron/core/frontmatter/frontmatter';
import { loadProfile } from '../../../electron/service/site/profile';
import { readZip } from './read-zip';
import { listFiles, listTree, makeDraft, makeHugoSite, png, REFERENCE, REFERENCE_IMAGES, REFERENCE_NAME, tempDir, treeHash } from '../support/site-fixture';

const fs = nodeFs;
let tmp: string;
let dataDir: string;
let opts: ExportOptions;

beforeEach(async () => {
  tmp = await tempDir('export');
  dataDir = path.join(tmp, 'data');
  opts = { dataDir };
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

const KCD = 'static/images/news/kcd-china';
const REFERENCE_TREE = ['content/en/news/kubernetes-community-days-china.md', ...REFERENCE_IMAGES.map((n) => `${KCD}/${n}`)].sort();

function hasGit(): boolean {
  try {
    execFileSync('git', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function refusal(p: Promise<unknown>): Promise<RecapError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof RecapError) return err;
    throw err;
  }
  throw new Error('expected the export to be refused');
}

/** The reference recap with the front matter other profiles require (date, authors, tags). */
function portable(text = REFERENCE): string {
  let t = setField(text, 'date', '2021-11-02');
  t = setField(t, 'authors', ['Lindsay']);
  t = setField(t, 'tags', ['Community', 'Kubernetes']);
  // Docusaurus reads keywords as a list only (the reference's text " Community, Kubernetes" stops its build).
  t = setField(t, 'keywords', ['Community', 'Kubernetes']);
  return t;
}

/** Line numbers (1-based) where two texts differ; both must have the same number of lines. */
function changedLines(before: string, after: string): number[] {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b).toHaveLength(a.length);
  return a.flatMap((line, i) => (line === b[i] ? [] : [i + 1]));
}

describe('the reference recap from a Hugo site', () => {
  it('exports into a new folder exactly as the site has it: the post byte-identical, the six images by name', async () => {
    const site = await makeHugoSite(path.join(tmp, 'site'));
    const out = path.join(tmp, 'out');
    const report = await exportRecap({ recapPath: site.recap, target: { kind: 'folder', dir: out } }, opts);

    expect(report).toMatchObject({ written: true, profile: 'hugo-news', slug: 'kubernetes-community-days-china', lang: 'en', imageDir: 'kcd-china', post: 'content/en/news/kubernetes-community-days-china.md' });
    expect(report.problems).toEqual([]);
    expect(await listFiles(out)).toEqual(REFERENCE_TREE);
    expect(await fs.readFile(path.join(out, report.post ?? ''), 'utf8')).toBe(REFERENCE);
    for (const name of REFERENCE_IMAGES) {
      expect((await fs.readFile(path.join(out, KCD, name))).equals(await fs.readFile(path.join(site.imageDir, name)))).toBe(true);
    }
    expect([...report.added].sort()).toEqual(REFERENCE_TREE);
    expect(report.changed).toEqual([]);
    // The record of what was exported is kept with the app's data, never in the site or the target.
    expect((await listTree(site.root)).some((p) => p.includes('recap-export'))).toBe(false);
    expect(await fs.readdir(path.join(dataDir, 'exports'))).toHaveLength(1);
  });

  it('exports into a new Hugo site checkout and reports git status of exactly those paths', async () => {
    const site = await makeHugoSite(path.join(tmp, 'site'));
    const target = path.join(tmp, 'website');
    // A checkout of the reference site: Hugo, news posts in content/<lang>/news (none yet).
    await fs.mkdir(path.join(target, 'content', 'en', 'news'), { recursive: true });
    await fs.writeFile(path.join(target, 'hugo.toml'), 'title = "Website"\n');
    await fs.writeFile(path.join(target, 'README.md'), 'The website.\n');
    const git = hasGit();
    if (git) execFileSync('git', ['init', '-q', target]);

    const report = await exportRecap({ recapPath: site.recap, target: { kind: 'site', dir: target } }, opts);
    expect(report.written).toBe(true);
    expect((await listFiles(target)).filter((p) => !p.startsWith('.git/'))).toEqual([...REFERENCE_TREE, 'README.md', 'hugo.toml'].sort());
    expect(await fs.readFile(path.join(target, 'content/en/news', REFERENCE_NAME), 'utf8')).toBe(REFERENCE);
    if (git) {
      const lines = (report.gitStatus ?? '').trim().split('\n').sort();
      expect(lines).toEqual(REFERENCE_TREE.map((p) => `?? ${p}`));
      expect(report.gitStatus).not.toContain('README.md');
    } else {
      expect(report.gitStatus).toBeNull();
    }
  });

  it('finds everything unchanged when exported into the site it comes from', async () => {
    const site = await makeHugoSite(path.join(tmp, 'site'));
    const before = await treeHash(site.root);
    const report = await exportRecap({ recapPath: site.recap, target: { kind: 'site', dir: site.root } }, opts);
    expect(report.written).toBe(false);
    expect([...report.unchanged].sort()).toEqual(REFERENCE_TREE);
    expect(report.conflicts).toEqual([]);
    expect(await treeHash(site.root)).toBe(before);
  });

  it('writes a zip of the same layout, read back entry by entry', async () => {
    const site = await makeHugoSite(path.join(tmp, 'site'));
    const file = path.join(tmp, 'kcd-china.zip');
    const report = await exportRecap({ recapPath: site.recap, target: { kind: 'zip', file } }, opts);
    expect(report.zip).toMatchObject({ file, entries: 7 });
    expect(report.zip?.bytes).toBe((await fs.stat(file)).size);
    const entries = await readZip(file);
    expect([...entries.keys()].sort()).toEqual(REFERENCE_TREE);
    expect(entries.get('content/en/news/kubernetes-community-days-china.md')?.toString('utf8')).toBe(REFERENCE);
    for (const name of REFERENCE_IMAGES) {
      expect(entries.get(`${KCD}/${name}`)?.equals(await fs.readFile(path.join(site.imageDir, name)))).toBe(true);
    }
    expect((await fs.readdir(tmp)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    try {
      execFileSync('unzip', ['-tq', file], { stdio: 'pipe' });
    } catch (err) {
      if ((err as { code?: string }).code !== 'ENOENT') throw err;
    }
  });

  it('re-exports its own zip without asking, but never replaces a zip it did not write', async () => {
    const site = await makeHugoSite(path.join(tmp, 'site'));
    const file = path.join(tmp, 'kcd-china.zip');
    await exportRecap({ recapPath: site.recap, target: { kind: 'zip', file } }, opts);
    const again = await exportRecap({ recapPath: site.recap, text: REFERENCE.replace('Recap"', 'Recap 2021"'), target: { kind: 'zip', file } }, opts);
    expect(again.written).toBe(true);
    expect((await readZip(file)).get(`content/en/news/${REFERENCE_NAME}`)?.toString()).toContain('Recap 2021"');

    const foreign = path.join(tmp, 'other.zip');
    await fs.writeFile(foreign, 'not ours');
    const err = await refusal(exportRecap({ recapPath: site.recap, target: { kind: 'zip', file: foreign } }, opts));
    expect(err.code).toBe('EXISTS');
    expect(await fs.readFile(foreign, 'utf8')).toBe('not ours');
  });
});

describe('other profiles lay the recap out as their sites expect', () => {
  const cases = [
    {
      profile: 'hugo-bundle',
      post: 'content/news/kubernetes-community-days-china/index.md',
      images: 'content/news/kubernetes-community-days-china',
      // Hugo finds a bundle's photo by its name (photoLinkPrefix): no `./`.
      url: (n: string) => n,
    },
    {
      // The image folder is the one the recap's photos already use, as on the Hugo news layout.
      profile: 'jekyll',
      post: '_posts/2021-11-02-kubernetes-community-days-china.md',
      images: 'assets/images/kcd-china',
      url: (n: string) => `/assets/images/kcd-china/${n}`,
    },
    {
      profile: 'docusaurus',
      post: 'blog/2021-11-02-kubernetes-community-days-china/index.md',
      images: 'blog/2021-11-02-kubernetes-community-days-china',
      url: (n: string) => `./${n}`,
    },
  ];
  for (const c of cases) {
    it(`${c.profile}: ${c.post} with the images in ${c.images}/, only the image links rewritten`, async () => {
      const text = portable();
      const draft = await makeDraft(path.join(tmp, 'draft'), text);
      const out = path.join(tmp, 'out');
      const report = await exportRecap({ recapPath: draft.recap, target: { kind: 'folder', dir: out }, profile: c.profile }, opts);
      expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(report).toMatchObject({ written: true, profile: c.profile, post: c.post });
      expect(await listFiles(out)).toEqual([c.post, ...REFERENCE_IMAGES.map((n) => `${c.images}/${n}`)].sort());

      const written = await fs.readFile(path.join(out, c.post), 'utf8');
      // The front matter is byte-identical; the body differs only on the six image lines.
      const head = (t: string): string => { const p = splitRecap(t); return p.open + p.yaml + p.close; };
      expect(head(written)).toBe(head(text));
      const changed = changedLines(text, written);
      expect(changed).toHaveLength(6);
      for (const name of REFERENCE_IMAGES) expect(written).toContain(`](${c.url(name)})`);
      expect(written).not.toContain('/images/news/kcd-china/');
      expect(written.replace(/\]\([^)]*\)/g, '](…)')).toBe(text.replace(/\]\([^)]*\)/g, '](…)'));
    });
  }

  it('uses the profile of the target site, from its .recap-studio.yml', async () => {
    const draft = await makeDraft(path.join(tmp, 'draft'), portable());
    const site = path.join(tmp, 'website');
    await fs.mkdir(site);
    await fs.writeFile(path.join(site, 'hugo.toml'), 'title = "Website"\n');
    await fs.writeFile(path.join(site, '.recap-studio.yml'), 'profile: hugo-bundle\nsection: blog\n');
    const report = await exportRecap({ recapPath: draft.recap, target: { kind: 'site', dir: site } }, { ...opts, git: false });
    expect(report.profile).toBe('hugo-bundle');
    expect(report.post).toBe('content/blog/kubernetes-community-days-china/index.md');
    expect(await listFiles(site)).toContain('content/blog/kubernetes-community-days-china/kcd-event.png');
  });

  it('exports a page bundle back into the Hugo news layout with site-absolute links', async () => {
    const draft = await makeDraft(path.join(tmp, 'draft'), portable());
    const bundle = path.join(tmp, 'bundle');
    await exportRecap({ recapPath: draft.recap, target: { kind: 'folder', dir: bundle }, profile: 'hugo-bundle' }, opts);
    const post = path.join(bundle, 'content/news/kubernetes-community-days-china/index.md');
    const out = path.join(tmp, 'out');
    const report = await exportRecap({ recapPath: post, target: { kind: 'folder', dir: out }, profile: 'hugo-news' }, { ...opts, sourceProfile: loadProfile('hugo-bundle') });
    expect(report.post).toBe('content/en/news/kubernetes-community-days-china.md');
    expect(report.imageDir).toBe('kubernetes-community-days-china');
    expect(await fs.readFile(path.join(out, report.post ?? ''), 'utf8')).toBe(portable().replaceAll('/images/news/kcd-china/', '/images/news/kubernetes-community-days-china/'));
  });
});

describe('never clobber', () => {
  it('refuses to replace a different post, listing it, and leaves the target unchanged', async () => {
    const site = await makeHugoSite(path.join(tmp, 'site'));
    const target = path.join(tmp, 'website');
    await fs.mkdir(path.join(target, 'content/en/news'), { recursive: true });
    await fs.writeFile(path.join(target, 'hugo.toml'), '');
    await fs.writeFile(path.join(target, 'content/en/news', REFERENCE_NAME), '---\ntitle: Someone else\n---\n');
    await png(path.join(target, KCD, 'kcd-event.png'), 99);
    const before = await treeHash(target);

    const err = await refusal(exportRecap({ recapPath: site.recap, target: { kind: 'site', dir: target } }, opts));
    expect(err).toBeInstanceOf(ExportConflictError);
    expect(err.code).toBe('EXISTS');
    expect((err as ExportConflictError).files.sort()).toEqual([`content/en/news/${REFERENCE_NAME}`, `${KCD}/kcd-event.png`]);
    expect(err.message).toContain(`content/en/news/${REFERENCE_NAME}`);
    expect(await treeHash(target)).toBe(before);

    // A dry run lists the same files instead of refusing.
    const plan = await planExport({ recapPath: site.recap, target: { kind: 'site', dir: target } }, opts);
    expect(plan.conflicts.sort()).toEqual((err as ExportConflictError).files);
    expect(plan.problems.map((p) => p.code)).toContain('slug-collision');
    expect(await treeHash(target)).toBe(before);

    const confirmed = await exportRecap({ recapPath: site.recap, target: { kind: 'site', dir: target }, overwrite: true }, opts);
    expect(confirmed.written).toBe(true);
    expect(confirmed.changed.sort()).toEqual([`content/en/news/${REFERENCE_NAME}`, `${KCD}/kcd-event.png`]);
    expect(await fs.readFile(path.join(target, 'content/en/news', REFERENCE_NAME), 'utf8')).toBe(REFERENCE);
  });

  it('does not treat its own earlier export as someone else\'s, unless it was edited since', async () => {
    const site = await makeHugoSite(path.join(tmp, 'site'));
    const out = path.join(tmp, 'out');
    await exportRecap({ recapPath: site.recap, target: { kind: 'folder', dir: out } }, opts);
    const edited = REFERENCE.replace('Lindsay', 'Lindsay Smith');
    const update = await exportRecap({ recapPath: site.recap, text: edited, target: { kind: 'folder', dir: out } }, opts);
    expect(update.changed).toEqual([`content/en/news/${REFERENCE_NAME}`]);
    expect(update.unchanged).toHaveLength(6);

    // Someone edits the exported post by hand: the next export asks first.
    const post = path.join(out, 'content/en/news', REFERENCE_NAME);
    await fs.writeFile(post, `${edited}\nA line added in the site.\n`);
    const before = await treeHash(out);
    const err = await refusal(exportRecap({ recapPath: site.recap, target: { kind: 'folder', dir: out } }, opts));
    expect(err.code).toBe('EXISTS');
    expect(await treeHash(out)).toBe(before);
  });
});

describe('atomic: a failure midway leaves the target exactly as it was', () => {
  /** The real fs with the nth call of `method` failing like a full disk. */
  function failing(method: 'rename' | 'copyFile' | 'mkdir', nth: number): { fs: ExportFs; calls: () => number } {
    let calls = 0;
    const real = nodeFs as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    const fake = new Proxy(nodeFs, {
      get(target, prop: string) {
        if (prop !== method) return (target as unknown as Record<string, unknown>)[prop];
        return async (...args: unknown[]) => {
          calls++;
          if (calls === nth) throw Object.assign(new Error(`ENOSPC: no space left on device, ${method}`), { code: 'ENOSPC' });
          return (real[method] as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        };
      },
    }) as unknown as ExportFs;
    return { fs: fake, calls: () => calls };
  }

  async function existingTarget(): Promise<{ recap: string; target: string; req: ExportRequest }> {
    const site = await makeHugoSite(path.join(tmp, 'site'));
    const target = path.join(tmp, 'website');
    await fs.mkdir(path.join(target, 'content/en/news'), { recursive: true });
    await fs.writeFile(path.join(target, 'hugo.toml'), '');
    await fs.writeFile(path.join(target, 'content/en/news', REFERENCE_NAME), 'an older version\n');
    await png(path.join(target, KCD, 'kcd-event.png'), 42);
    await png(path.join(target, KCD, 'kcd-event-2.png'), 5); // the source's own bytes (seed 5): unchanged
    return { recap: site.recap, target, req: { recapPath: site.recap, target: { kind: 'site', dir: target }, overwrite: true } };
  }

  for (const nth of [1, 3, 5, 8]) {
    it(`rolls back when rename #${nth} fails`, async () => {
      const { target, req } = await existingTarget();
      const before = await treeHash(target);
      const { fs: broken, calls } = failing('rename', nth);
      const err = await refusal(exportRecap(req, { ...opts, fs: broken, git: false }));
      expect(calls()).toBeGreaterThanOrEqual(nth);
      expect(err.code).toBe('SAVE_FAILED');
      expect(err.message).toContain('the disk is full');
      expect(err.message).toContain('Nothing in');
      expect(await treeHash(target)).toBe(before);
      // …and the same export then succeeds with a working disk.
      const ok = await exportRecap(req, { ...opts, git: false });
      expect(ok.written).toBe(true);
      expect(await fs.readFile(path.join(target, 'content/en/news', REFERENCE_NAME), 'utf8')).toBe(REFERENCE);
    });
  }

  it('rolls back when copying a photo fails, and removes the folders it created', async () => {
    const { target, req } = await existingTarget();
    const before = await treeHash(target);
    const err = await refusal(exportRecap(req, { ...opts, fs: failing('copyFile', 4).fs, git: false }));
    expect(err.code).toBe('SAVE_FAILED');
    expect(await treeHash(target)).toBe(before);
  });

  it('leaves no trace of a new target folder when the export into it fails', async () => {
    const site = await makeHugoSite(path.join(tmp, 'site'));
    const out = path.join(tmp, 'new', 'out');
    // A new target takes two renames (content/ and static/, staged whole); the second fails.
    const err = await refusal(exportRecap({ recapPath: site.recap, target: { kind: 'folder', dir: out } }, { ...opts, fs: failing('rename', 2).fs }));
    expect(err.code).toBe('SAVE_FAILED');
    await expect(fs.access(path.join(tmp, 'new'))).rejects.toThrow();
  });

  it('rolls back a target that has the post folder but not the image folder', async () => {
    const site = await makeHugoSite(path.join(tmp, 'site'));
    const target = path.join(tmp, 'website');
    await fs.mkdir(path.join(target, 'content/en/news'), { recursive: true });
    await fs.writeFile(path.join(target, 'content/en/news/other.md'), 'another post\n');
    for (const nth of [1, 2]) {
      const before = await treeHash(target);
      const err = await refusal(exportRecap({ recapPath: site.recap, target: { kind: 'folder', dir: target } }, { ...opts, fs: failing('rename', nth).fs }));
      expect(err.code).toBe('SAVE_FAILED');
      expect(await treeHash(target)).toBe(before);
    }
    const ok = await exportRecap({ recapPath: site.recap, target: { kind: 'folder', dir: target } }, opts);
    expect(ok.added.sort()).toEqual(REFERENCE_TREE);
    expect(await listFiles(target)).toEqual([...REFERENCE_TREE, 'content/en/news/other.md'].sort());
  });

  it('leaves an existing target as it was when preflight refuses, even after its photos were being copied', async () => {
    const site = await makeHugoSite(path.join(tmp, 'site'));
    const target = path.join(tmp, 'website');
    await fs.mkdir(path.join(target, 'content/en/news'), { recursive: true });
    await fs.writeFile(path.join(target, 'content/en/news/other.md'), 'another post\n');
    const before = await treeHash(target);
    const broken = REFERENCE.replace('kcd-event-2.png', 'kcd-event-9.png');
    const req: ExportRequest = { recapPath: site.recap, text: broken, target: { kind: 'folder', dir: target } };
    const refused = await exportRecap(req, opts);
    expect(refused.written).toBe(false);
    expect(await treeHash(target)).toBe(before);
    expect(await fs.readdir(target)).toEqual(['content']);
    // A copy that fails meanwhile changes nothing: the refusal is the preflight's, not a failed write.
    const again = await exportRecap(req, { ...opts, fs: failing('copyFile', 2).fs });
    expect(again.written).toBe(false);
    expect(again.problems.find((p) => p.severity === 'error')).toMatchObject({ code: 'image-missing' });
    expect(await treeHash(target)).toBe(before);
    expect(await fs.readdir(target)).toEqual(['content']);
  });

  it('keeps the previous zip when writing the new one fails', async () => {
    const site = await makeHugoSite(path.join(tmp, 'site'));
    const file = path.join(tmp, 'kcd.zip');
    await exportRecap({ recapPath: site.recap, target: { kind: 'zip', file } }, opts);
    const before = await fs.readFile(file);
    const err = await refusal(exportRecap({ recapPath: site.recap, text: `${REFERENCE}\nMore.\n`, target: { kind: 'zip', file } }, { ...opts, fs: failing('rename', 1).fs }));
    expect(err.code).toBe('SAVE_FAILED');
    expect((await fs.readFile(file)).equals(before)).toBe(true);
    expect((await fs.readdir(tmp)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('re-exporting updates in place', () => {
  it('removes the photo the recap dropped, and only that one', async () => {
    const draft = await makeDraft(path.join(tmp, 'draft'));
    const out = path.join(tmp, 'out');
    await fs.mkdir(path.join(out, KCD), { recursive: true });
    await png(path.join(out, KCD, 'someone-elses.png'), 77);
    await exportRecap({ recapPath: draft.recap, target: { kind: 'folder', dir: out } }, opts);
    expect(await listFiles(out)).toHaveLength(8);

    // The author removes kcd-event-3 from the text and from the photo folder.
    const text = REFERENCE.replace('![kcd-event-3](/images/news/kcd-china/kcd-event-3.png)\n', '');
    await fs.writeFile(draft.recap, text);
    await fs.rm(path.join(draft.imageDir, 'kcd-event-3.png'));
    const report = await exportRecap({ recapPath: draft.recap, target: { kind: 'folder', dir: out } }, opts);
    expect(report.removed).toEqual([`${KCD}/kcd-event-3.png`]);
    expect(report.changed).toEqual([`content/en/news/${REFERENCE_NAME}`]);
    expect(await listFiles(out)).toEqual([...REFERENCE_TREE.filter((p) => !p.endsWith('kcd-event-3.png')), `${KCD}/someone-elses.png`].sort());
    expect(await fs.readFile(path.join(out, 'content/en/news', REFERENCE_NAME), 'utf8')).toBe(text);
  });

  it('removes a photo still in the folder when it is left out as unused', async () => {
    const draft = await makeDraft(path.join(tmp, 'draft'));
    const out = path.join(tmp, 'out');
    await exportRecap({ recapPath: draft.recap, target: { kind: 'folder', dir: out } }, opts);
    const text = REFERENCE.replace('![kcd-event-2](/images/news/kcd-china/kcd-event-2.png)\n', '');

    const kept = await planExport({ recapPath: draft.recap, text, target: { kind: 'folder', dir: out } }, opts);
    expect(kept.unused).toEqual(['kcd-event-2.png']);
    expect(kept.unchanged).toContain(`${KCD}/kcd-event-2.png`);

    const report = await exportRecap({ recapPath: draft.recap, text, target: { kind: 'folder', dir: out }, leaveOutUnused: true }, opts);
    expect(report.removed).toEqual([`${KCD}/kcd-event-2.png`]);
    await expect(fs.access(path.join(out, KCD, 'kcd-event-2.png'))).rejects.toThrow();
  });

  it('keeps a dropped photo that was changed in the target since it was exported', async () => {
    const draft = await makeDraft(path.join(tmp, 'draft'));
    const out = path.join(tmp, 'out');
    await exportRecap({ recapPath: draft.recap, target: { kind: 'folder', dir: out } }, opts);
    await png(path.join(out, KCD, 'kcd-event-3.png'), 500, 80, 80);
    await fs.rm(path.join(draft.imageDir, 'kcd-event-3.png'));
    const text = REFERENCE.replace('![kcd-event-3](/images/news/kcd-china/kcd-event-3.png)\n', '');
    const report = await exportRecap({ recapPath: draft.recap, text, target: { kind: 'folder', dir: out } }, opts);
    expect(report.removed).toEqual([]);
    expect(report.problems.map((p) => p.code)).toContain('stale-kept');
    await fs.access(path.join(out, KCD, 'kcd-event-3.png'));
  });

  it('removes the image folder a re-export emptied', async () => {
    const draft = await makeDraft(path.join(tmp, 'draft'), '---\ntitle: "T"\ndescription: "D"\ncreateTime: "2021-11-02"\nauthor: "A"\n---\n\n![kcd-event](/images/news/kcd-china/kcd-event.png)\n');
    const out = path.join(tmp, 'out');
    await exportRecap({ recapPath: draft.recap, target: { kind: 'folder', dir: out }, leaveOutUnused: true }, opts);
    expect(await listFiles(out)).toEqual([`content/en/news/${REFERENCE_NAME}`, `${KCD}/kcd-event.png`]);
    await exportRecap({ recapPath: draft.recap, text: '---\ntitle: "T"\ndescription: "D"\ncreateTime: "2021-11-02"\nauthor: "A"\n---\n\nNo photos.\n', target: { kind: 'folder', dir: out }, leaveOutUnused: true }, opts);
    expect(await listTree(out)).toEqual(['content/', 'content/en/', 'content/en/news/', `content/en/news/${REFERENCE_NAME}`, 'static/', 'static/images/', 'static/images/news/']);
  });

  it('records each file it wrote as the target holds it (size and mtime), so that the next export knows it as its own', async () => {
    const draft = await makeDraft(path.join(tmp, 'draft'));
    const out = path.join(tmp, 'out');
    await exportRecap({ recapPath: draft.recap, target: { kind: 'folder', dir: out } }, opts);
    const manifest = JSON.parse(await fs.readFile(path.join(path.dirname(draft.recap), `.${REFERENCE_NAME}.recap-export.json`), 'utf8')) as { targets: Record<string, { files: Record<string, { bytes: number; mtimeMs: number }> }> };
    const files = manifest.targets[path.resolve(out)]?.files ?? {};
    expect(Object.keys(files).sort()).toEqual(await listFiles(out));
    for (const [rel, m] of Object.entries(files)) {
      const st = await fs.stat(path.join(out, rel));
      expect(m).toMatchObject({ bytes: st.size, mtimeMs: st.mtimeMs });
    }
  });

  it('keeps the manifest beside a draft outside any site, and in the data folder for a recap inside one', async () => {
    const draft = await makeDraft(path.join(tmp, 'draft'));
    await exportRecap({ recapPath: draft.recap, target: { kind: 'folder', dir: path.join(tmp, 'out') } }, opts);
    expect(await fs.readdir(path.join(tmp, 'draft'))).toContain(`.${REFERENCE_NAME}.recap-export.json`);
    await expect(fs.access(path.join(dataDir, 'exports'))).rejects.toThrow();

    // A draft exported into a folder that contains it: the record must not land in the target.
    const inside = await makeDraft(path.join(tmp, 'out2', 'drafts'));
    await exportRecap({ recapPath: inside.recap, target: { kind: 'folder', dir: path.join(tmp, 'out2') } }, opts);
    expect((await listTree(path.join(tmp, 'out2'))).some((p) => p.includes('recap-export'))).toBe(false);
  });
});

describe('refusals before writing', () => {
  it('writes nothing on a dry run, and nothing when preflight finds errors', async () => {
    const site = await makeHugoSite(path.join(tmp, 'site'));
    const out = path.join(tmp, 'out');
    const dry = await exportRecap({ recapPath: site.recap, target: { kind: 'folder', dir: out }, dryRun: true }, opts);
    expect(dry).toMatchObject({ dryRun: true, written: false });
    expect(dry.added).toHaveLength(7);
    await expect(fs.access(out)).rejects.toThrow();

    const broken = REFERENCE.replace('kcd-event-2.png', 'kcd-event-9.png');
    const refused = await exportRecap({ recapPath: site.recap, text: broken, target: { kind: 'folder', dir: out } }, opts);
    expect(refused.written).toBe(false);
    expect(refused.problems.find((p) => p.severity === 'error')).toMatchObject({ code: 'image-missing' });
    await expect(fs.access(out)).rejects.toThrow();
  });

  it('answers NOT_FOUND for a site folder that does not exist, and BAD_PROFILE for an unknown profile', async () => {
    const site = await makeHugoSite(path.join(tmp, 'site'));
    expect((await refusal(exportRecap({ recapPath: site.recap, target: { kind: 'site', dir: path.join(tmp, 'nope') } }, opts))).code).toBe('NOT_FOUND');
    const bad = await refusal(exportRecap({ recapPath: site.recap, target: { kind: 'folder', dir: path.join(tmp, 'o') }, profile: 'wordpress' }, opts));
    expect(bad.code).toBe('BAD_PROFILE');
    expect(bad.message).toContain('hugo-news');
    expect((await refusal(exportRecap({ recapPath: site.recap, target: { kind: 'folder', dir: path.join(tmp, 'o') }, lang: '../x' }, opts))).code).toBe('BAD_REQUEST');
    // The staging an export starts at once is gone again with each refusal, and the folder it made for it.
    await expect(fs.access(path.join(tmp, 'o'))).rejects.toThrow();
  });
});
