// A Hugo section's own page (`content/about/_index.md`, `content/news/_index.zh.md`) lists its
// pages: Hugo needs no date for it, and it keeps its name. Opened from its site it lints without
// a date and exports into its own site in place (ananke's exampleSite has content/about/_index.md);
// a post of the section still needs its date, and a new post is still named by a safe slug.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { profileForRecap } from '../../../electron/service/site/site';
import { treeHash, writeText } from '../support/site-fixture';
import { serviceInTempDir } from '../support/temp-service';

const temp = serviceInTempDir('hugo-section');

async function site(): Promise<string> {
  const root = path.join(temp.dir(), 'site');
  await writeText(path.join(root, 'hugo.toml'), 'baseURL = "https://example.org/"\ntitle = "Events"\n');
  await writeText(path.join(root, 'content/news/kcd.md'), '---\ntitle: KCD\ndate: 2024-05-01\ndescription: The day.\n---\n\nText.\n');
  return root;
}

describe("a Hugo section's own page (_index.md)", () => {
  it('needs no date, says why, and a post beside it still does', async () => {
    const root = await site();
    const page = await writeText(path.join(root, 'content/about/_index.md'), '---\ntitle: About\ndescription: Who we are.\n---\n\nWe meet monthly.\n');
    const profile = profileForRecap(page);
    expect(profile.fields.find((f) => f.key === profile.dateField)?.required).toBe(false);
    expect(profile.rules?.detailsMsg?.map((d) => d.key)).toContain('rules.hugoSection');
    expect(await temp.service().lintRecap({ path: page, text: await fs.readFile(page, 'utf8') })).toEqual([]);
    const zh = await writeText(path.join(root, 'content/news/_index.zh.md'), '---\ntitle: 新闻\n---\n');
    expect((await temp.service().lintRecap({ path: zh, text: '---\ntitle: 新闻\n---\n' })).filter((p) => p.code === 'required').map((p) => p.field)).not.toContain(profile.dateField);
    const post = path.join(root, 'content/news/kcd.md');
    const undated = (await temp.service().lintRecap({ path: post, text: '---\ntitle: KCD\ndescription: The day.\n---\n\nText.\n' })).filter((p) => p.code === 'required').map((p) => p.field);
    expect(undated).toEqual([profileForRecap(post).dateField]);
  });

  it('exports into its own site in place; as a new post elsewhere its name is still refused', async () => {
    const root = await site();
    const page = await writeText(path.join(root, 'content/about/_index.md'), '---\ntitle: About\ndescription: Who we are.\n---\n\nWe meet monthly.\n');
    const text = await fs.readFile(page, 'utf8');
    const before = await treeHash(root);
    const inSite = await temp.service().exportRecap({ recapPath: page, text, target: { kind: 'site', dir: root } });
    expect([inSite.written, inSite.problems.filter((p) => p.severity === 'error')]).toEqual([false, []]);
    expect(inSite.files.map((f) => [f.path, f.status])).toEqual([['content/about/_index.md', 'unchanged']]);
    expect(await treeHash(root)).toBe(before);
    const other = path.join(temp.dir(), 'other');
    await writeText(path.join(other, 'hugo.toml'), 'baseURL = "https://example.org/"\n');
    const elsewhere = await temp.service().exportRecap({ recapPath: page, text, target: { kind: 'site', dir: other } });
    expect(elsewhere.problems.filter((p) => p.severity === 'error').map((p) => p.code)).toContain('slug-invalid');
  });
});
