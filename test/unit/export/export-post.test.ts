// A recap knows its post: once exported, a new title does not make a second post; renaming is
// on purpose and moves the post; exporting into a site links the draft to the post it wrote, and
// a post opened from its site is updated in place, never reported as a conflict.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setField } from '../../../electron/core/frontmatter/frontmatter';
import { createRecapService, type RecapService } from '../../../electron/service/service';
import { docusaurusPostFolder, makeHugoSite, png, tempDir, treeHash, writeText } from '../support/site-fixture';

let dir: string;
let service: RecapService;

beforeAll(async () => {
  dir = await tempDir('export-post');
  service = createRecapService({ home: path.join(dir, 'home'), cacheDir: path.join(dir, 'cache') });
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** A new recap from the template, filled so that export has nothing to refuse. */
async function newDraft(title: string): Promise<{ id: string; recapPath: string; text: string }> {
  const opened = await service.newRecap({ title });
  let text = opened.text;
  for (const [k, v] of [['description', 'A day of talks.'], ['createTime', '2026-05-16'], ['author', 'Lindsay'], ['keywords', 'KCD']] as const) text = setField(text, k, v);
  await service.autosave({ id: opened.draft.id, text });
  return { id: opened.draft.id, recapPath: opened.draft.recapPath, text };
}

async function tree(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const e of await fs.readdir(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else out.push(path.relative(root, p).split(path.sep).join('/'));
    }
  };
  await walk(root);
  return out.sort();
}

describe('a recap knows its post', () => {
  it('keeps its post where the last export put it when the title changes, and renames only on purpose', async () => {
    const draft = await newDraft('KCD Hangzhou');
    const out = path.join(dir, 'out-folder');
    const first = await service.exportRecap({ recapPath: draft.recapPath, text: draft.text, target: { kind: 'folder', dir: out } });
    expect(first).toMatchObject({ written: true, post: 'content/en/news/kcd-hangzhou.md', postFrom: 'slug' });

    const retitled = setField(draft.text, 'title', 'KCD Hangzhou: eBPF and platform engineering');
    const again = await service.exportRecap({ recapPath: draft.recapPath, text: retitled, target: { kind: 'folder', dir: out } });
    expect(again).toMatchObject({ written: true, post: 'content/en/news/kcd-hangzhou.md', postFrom: 'pinned', conflicts: [] });
    expect(await tree(out)).toEqual(['content/en/news/kcd-hangzhou.md']);

    // Renamed on purpose: the new post is written and the old one, this recap's own, goes.
    const plan = await service.planExport({ recapPath: draft.recapPath, text: retitled, target: { kind: 'folder', dir: out }, slug: 'kcd-hangzhou-2026' });
    expect(plan.files.map((f) => [f.path, f.status])).toEqual([
      ['content/en/news/kcd-hangzhou-2026.md', 'added'],
      ['content/en/news/kcd-hangzhou.md', 'removed'],
    ]);
    await service.exportRecap({ recapPath: draft.recapPath, text: retitled, target: { kind: 'folder', dir: out }, slug: 'kcd-hangzhou-2026' });
    expect(await tree(out)).toEqual(['content/en/news/kcd-hangzhou-2026.md']);
  });

  it("names a new post by the draft's slug field where it has a usable one, else by its title", async () => {
    const draft = await newDraft('KCD Lisbon 2025: a recap');
    const out = path.join(dir, 'out-slug');
    const named = setField(draft.text, 'slug', 'kcd-lisbon');
    expect(await service.planExport({ recapPath: draft.recapPath, text: named, target: { kind: 'folder', dir: out } })).toMatchObject({ post: 'content/en/news/kcd-lisbon.md', postFrom: 'slugField' });
    // A slug that is a path (Docusaurus' /events/lisbon) or no file name falls back to the title.
    for (const slug of ['/events/lisbon', '../up', '']) {
      expect(await service.planExport({ recapPath: draft.recapPath, text: setField(draft.text, 'slug', slug), target: { kind: 'folder', dir: out } })).toMatchObject({ post: 'content/en/news/kcd-lisbon-2025-a-recap.md', postFrom: 'slug' });
    }
    await service.exportRecap({ recapPath: draft.recapPath, text: named, target: { kind: 'folder', dir: out } });
    expect(await tree(out)).toEqual(['content/en/news/kcd-lisbon.md']);
  });

  it('links a new recap to the post it exported into a site; Save then writes there without a false "changed on disk"', async () => {
    const site = await makeHugoSite(path.join(dir, 'site-new'));
    const draft = await newDraft('KCD Beijing');
    const report = await service.exportRecap({ recapPath: draft.recapPath, text: draft.text, target: { kind: 'site', dir: site.root } });
    const post = path.join(site.root, 'content', 'en', 'news', 'kcd-beijing.md');
    expect(report.linkedTo?.path).toBe(post);
    expect(report.linkedTo?.text).toBe(draft.text);
    expect(report.linkedTo?.draft).toMatchObject({ id: draft.id, linkedPath: post, photoRecapPath: post, unsavedToFile: false });

    const edited = `${draft.text}\nOne more line.\n`;
    await service.autosave({ id: draft.id, text: edited });
    const saved = await service.saveToFile({ id: draft.id, text: edited });
    expect(saved.linked).toMatchObject({ state: 'unchanged', path: post });
    expect(await fs.readFile(post, 'utf8')).toBe(edited);
    // History marks the exported and the saved versions.
    const history = await service.listHistory({ id: draft.id });
    expect(history.flatMap((v) => (v.label ? [v.label] : [])).sort()).toEqual(['exported', 'saved']);
    expect(history.find((v) => v.isCurrent)?.label).toBe('saved');
  });

  it('updates a post opened from its site in place: no conflict, no second post, and Save knows the write was its own', async () => {
    const site = await makeHugoSite(path.join(dir, 'site-own'));
    const opened = await service.openRecap({ path: site.recap });
    const edited = opened.text.replace('title: "Kubernetes Community Days China Recap"', 'title: "KCD China 2021 Recap"');
    expect(edited).not.toBe(opened.text);
    await service.autosave({ id: opened.draft.id, text: edited });
    const plan = await service.planExport({ recapPath: site.recap, text: edited, target: { kind: 'site', dir: site.root } });
    expect(plan).toMatchObject({ post: 'content/en/news/kubernetes-community-days-china.md', postFrom: 'own', conflicts: [] });
    expect(plan.problems.filter((p) => p.code === 'slug-collision')).toEqual([]);
    // Its photos, already served by the site where the text links them, are used and stay put.
    expect(plan.unused).toEqual([]);
    expect(plan.problems.filter((p) => p.code === 'photos-unused')).toEqual([]);
    const report = await service.exportRecap({ recapPath: site.recap, text: edited, target: { kind: 'site', dir: site.root } });
    expect(report).toMatchObject({ written: true, changed: ['content/en/news/kubernetes-community-days-china.md'] });
    expect(report.linkedTo?.draft).toMatchObject({ id: opened.draft.id, unsavedToFile: false });
    // Save right after the export: the file holds what the export wrote, not another program's change.
    const saved = await service.saveToFile({ id: opened.draft.id, text: edited });
    expect(saved.linked).toMatchObject({ state: 'unchanged' });
  });
});

describe('a post updated in its own site keeps its photos where they are', () => {
  // Hugo's page resources are every file of a bundle's folder, subfolders too; a Docusaurus blog
  // reads a relative link from the post's file, at any depth. Before, export moved such photos
  // beside the post and rewrote their links: a second copy of each, and a changed post.
  const cases = [
    {
      name: 'a Hugo page bundle whose photos are in a subfolder (Picture/a.png)',
      async make(root: string): Promise<{ post: string; kept: string[] }> {
        await writeText(path.join(root, 'hugo.toml'), 'baseURL = "https://example.org/"\ntitle = "Example"\n');
        const post = await writeText(path.join(root, 'content/post/kcd-porto/index.md'), '---\ntitle: KCD Porto\ndate: 2024-01-02\ndescription: A day of talks.\n---\n\n![The main stage](Picture/stage.png)\n\n![The hallway](./Picture/more/hall.png)\n');
        await png(path.join(root, 'content/post/kcd-porto/Picture/stage.png'), 1);
        await png(path.join(root, 'content/post/kcd-porto/Picture/more/hall.png'), 2);
        return { post, kept: ['content/post/kcd-porto/Picture/more/hall.png', 'content/post/kcd-porto/Picture/stage.png'] };
      },
    },
    {
      name: "a Hugo page bundle's translation by name (index.zh.md), its photo in the bundle's subfolder",
      async make(root: string): Promise<{ post: string; kept: string[] }> {
        await writeText(path.join(root, 'hugo.toml'), 'baseURL = "https://example.org/"\ntitle = "Example"\ndefaultContentLanguage = "en"\n[languages.en]\n[languages.zh]\n');
        await writeText(path.join(root, 'content/post/kcd-porto/index.md'), '---\ntitle: KCD Porto\ndate: 2024-01-02\n---\n\n![The main stage](Picture/stage.png)\n');
        const post = await writeText(path.join(root, 'content/post/kcd-porto/index.zh.md'), '---\ntitle: KCD 波尔图\ndate: 2024-01-02\n---\n\n![主舞台](Picture/stage.png)\n');
        await png(path.join(root, 'content/post/kcd-porto/Picture/stage.png'), 1);
        return { post, kept: ['content/post/kcd-porto/Picture/stage.png'] };
      },
    },
    {
      name: "a Docusaurus post's photos in its folder's img/, at any depth",
      async make(root: string): Promise<{ post: string; kept: string[] }> {
        const folder = await docusaurusPostFolder(root, "module.exports = { title: 'Example', url: 'https://example.org', baseUrl: '/' };\n");
        await png(path.join(folder, 'img/editor.png'), 3);
        await png(path.join(folder, 'img/deep/crawler.png'), 4);
        const post = await writeText(path.join(folder, 'index.md'), "---\ntitle: KCD\nimage: ./img/editor.png\n---\n\n![The editor](./img/editor.png)\n\n![The crawler](img/deep/crawler.png)\n\n![The hall](hall.png)\n\n![The stage](./stage.png)\n");
        return { post, kept: ['blog/2024-05-01-kcd/hall.png', 'blog/2024-05-01-kcd/img/deep/crawler.png', 'blog/2024-05-01-kcd/img/editor.png', 'blog/2024-05-01-kcd/stage.png'] };
      },
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const root = await tempDir('own-bundle');
      const { post, kept } = await c.make(root);
      const before = await treeHash(root);
      const text = await fs.readFile(post, 'utf8');
      const plan = await service.planExport({ recapPath: post, text, target: { kind: 'site', dir: root } });
      expect(plan).toMatchObject({ postFrom: 'own', conflicts: [] });
      expect(plan.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(plan.files.filter((f) => f.kind === 'image').map((f) => [f.path, f.status]).sort()).toEqual(kept.map((k) => [k, 'unchanged']));
      const report = await service.exportRecap({ recapPath: post, text, target: { kind: 'site', dir: root } });
      // Already up to date: the post, its photos and every other file are as they were (no copy, no rewritten link).
      expect(report).toMatchObject({ written: false, changed: [], added: [] });
      expect(report.unchanged.sort()).toEqual([path.relative(root, post).split(path.sep).join('/'), ...kept].sort());
      expect(await treeHash(root)).toBe(before);
      await fs.rm(root, { recursive: true, force: true });
    });
  }
});

describe("an SVG the post's own site already has", () => {
  it('does not stop an export into that site (nothing is copied), and is still never copied into a folder', async () => {
    const root = await tempDir('own-svg');
    const folder = await docusaurusPostFolder(root, "module.exports = { title: 'Example', url: 'https://example.org', baseUrl: '/' };\n");
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>\n';
    await writeText(path.join(root, 'static/img/docusaurus.svg'), svg);
    await writeText(path.join(folder, 'diagram.svg'), svg);
    const post = await writeText(path.join(folder, 'index.md'), '---\ntitle: KCD\n---\n\n![The logo](/img/docusaurus.svg)\n\n![The plan](./diagram.svg)\n\n![The hall](hall.png)\n');
    const text = await fs.readFile(post, 'utf8');
    const before = await treeHash(root);
    const lint = await service.lintRecap({ text, path: post });
    expect(lint.filter((p) => p.severity === 'error')).toEqual([]);
    const report = await service.exportRecap({ recapPath: post, text, target: { kind: 'site', dir: root } });
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(report).toMatchObject({ written: false, changed: [], added: [] });
    expect(await treeHash(root)).toBe(before);
    // Copied elsewhere, an SVG (it can carry scripts) is refused, each with its line.
    const out = path.join(root, '..', `${path.basename(root)}-out`);
    const copy = await service.exportRecap({ recapPath: post, text, target: { kind: 'folder', dir: out } });
    expect(copy.written).toBe(false);
    expect(copy.problems.filter((p) => p.code === 'image-refused').map((p) => p.line)).toEqual([5, 7]);
    await fs.rm(root, { recursive: true, force: true });
    await fs.rm(out, { recursive: true, force: true });
  });
});

describe('one truth about a recap', () => {
  it('the Problems panel (lint) and export both flag a cover that points at a deleted photo, at the same field', async () => {
    const draft = await newDraft('KCD Chengdu');
    const text = setField(draft.text, 'image', '/images/news/kcd-chengdu/deleted-cover.jpg');
    await service.autosave({ id: draft.id, text });
    const lint = (await service.lintRecap({ text, path: draft.recapPath })).filter((p) => p.severity === 'error');
    const plan = await service.planExport({ recapPath: draft.recapPath, text, target: { kind: 'folder', dir: path.join(dir, 'out-cover') } });
    const preflight = plan.problems.filter((p) => p.severity === 'error');
    expect(lint.map((p) => [p.code, p.field])).toEqual([['image-missing', 'image']]);
    expect(preflight.map((p) => [p.code, p.field])).toEqual([['image-missing', 'image']]);
  });
});
