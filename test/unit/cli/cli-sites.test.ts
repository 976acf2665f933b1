// The CLI on posts of other sites than the reference one: `set` keeps types, styles and
// nested maps in TOML, JSON and YAML; `lint` says which rules apply and takes --profile;
// `new` offers a Hugo site's archetype. Run in-process through main() on real temp files.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliInProcess } from '../support/cli-run';
import { makeCorpus, TOML_POST } from '../support/corpus-sites';
import { tempDir } from '../support/site-fixture';


let tmp: string;

beforeAll(async () => {
  tmp = await tempDir('cli-sites');
  await makeCorpus(tmp);
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

const cli = cliInProcess;

function at(...rel: string[]): string {
  return path.join(tmp, ...rel);
}

describe('recap set on real-world front matter', () => {
  it('keeps TOML types: a boolean, a number, a flow list, a key of a [table]', async () => {
    const file = at('hugo-blog', 'content', 'en', 'blog', '_posts', '2023', 'kcs-shanghai', 'index.md');
    const run = await cli('set', file, 'draft=false', 'weight=2', 'tags=recap,2021', 'cover.image=/x.jpg');
    expect(run.code).toBe(0);
    expect(run.out).toContain('draft: true → false');
    expect(run.out).toContain('weight: 1 → 2');
    const after = await fs.readFile(file, 'utf8');
    expect(after).toBe(
      TOML_POST.replace('draft = true', 'draft = false')
        .replace('weight = 1', 'weight = 2')
        .replace('tags = ["recap", "meetup"]', 'tags = ["recap", "2021"]')
        .replace('image = "/images/blog/kcs-shanghai/stage.png" #', 'image = "/x.jpg" #'),
    );
  });

  it('leaves a folded scalar byte-identical when set to the text it holds, and says so', async () => {
    const file = at('hugo-bundles', 'content', 'blog', 'otel-community-day', 'index.md');
    const before = await fs.readFile(file, 'utf8');
    const run = await cli('set', file, 'description=A day of talks about tracing and metrics.', 'draft=false', 'weight=10');
    expect(run.code).toBe(0);
    expect(run.out).toContain('description: unchanged');
    expect(run.out).toContain('nothing changed');
    expect(await fs.readFile(file, 'utf8')).toBe(before);
  });

  it('makes a Hugo taxonomy written as one term a list when a second comes, never one term "k8s, flux"', async () => {
    const post = at('hugo-bundles', 'content', 'blog', 'one-tag', 'index.md');
    await fs.mkdir(path.dirname(post), { recursive: true });
    await fs.writeFile(post, '---\ntitle: One tag\ntags: k8s\n---\n\nText.\n');
    expect((await cli('set', post, 'tags=k8s,flux')).code).toBe(0);
    expect(await fs.readFile(post, 'utf8')).toContain('\ntags: [k8s, flux]\n');
  });

  it("reads a Jekyll post's tags string as words, as Jekyll does, and keeps it one", async () => {
    const post = at('jekyll', '_posts', '2021-04-01-words.md');
    await fs.writeFile(post, '---\nlayout: post\ntitle: Words\ntags: gitops flux\n---\n\nText.\n');
    expect((await cli('set', post, 'tags=gitops,flux,k8s')).code).toBe(0);
    expect(await fs.readFile(post, 'utf8')).toContain('\ntags: gitops flux k8s\n');
    expect((await cli('set', post, 'tags=gitops flux k8s cncf')).code).toBe(0);
    expect(await fs.readFile(post, 'utf8')).toContain('\ntags: gitops flux k8s cncf\n');
  });

  it('keeps a Docusaurus flow list a list, and a YAML block list a block list', async () => {
    const welcome = at('docusaurus', 'blog', '2019-12-30-welcome.md');
    await cli('set', welcome, 'tags=recap,2021');
    expect(await fs.readFile(welcome, 'utf8')).toContain('\ntags: [recap, "2021"]\n');
    const meetup = at('jekyll', '_posts', '2020-03-02-meetup-recap.md');
    await cli('set', meetup, 'categories=community,meetup');
    expect(await fs.readFile(meetup, 'utf8')).toContain('\ncategories:\n  - community\n  - meetup\n---');
  });

  it('edits a JSON front matter in place', async () => {
    const file = at('hugo-bundles', 'content', 'blog', 'json-post', 'index.md');
    const run = await cli('set', file, 'draft=false', 'params.featured=true');
    expect(run.code).toBe(0);
    const after = await fs.readFile(file, 'utf8');
    expect(after).toContain('  "draft": false,\n');
    expect(after).toContain('"params": {"featured": true}');
  });
});

describe('recap lint on real-world sites', () => {
  it('passes a Jekyll post with Jekyll\'s date format and says the rules were detected from the site', async () => {
    const file = at('jekyll', '_posts', '2015-01-20-jekyll-3-0-released.md');
    const run = await cli('lint', file);
    expect(run.out.split('\n')[0]).toMatch(/: rules: Detected Jekyll site \(_config\.yml\) at .*: profile jekyll, fields as its posts use them\.$/);
    expect(run.out).not.toMatch(/ error /);
  });

  it('applies a profile given with --profile, and names a wrong one', async () => {
    const file = at('docusaurus', 'blog', '2022-01-01-no-author.md');
    const strict = await cli('lint', file, '--profile', 'docusaurus', '--json');
    const report = JSON.parse(strict.out) as { rules: { source: string; summary: string }; problems: Array<{ code: string; field?: string }> };
    expect(report.rules).toMatchObject({ source: 'profile', summary: 'Profile docusaurus, given with --profile.' });
    expect(report.problems.filter((p) => p.code === 'required').map((p) => p.field)).toEqual(['authors']);
    expect(strict.code).toBe(1);
    const wrong = await cli('lint', file, '--profile', 'wordpress');
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('there is no site profile called "wordpress"');
  });
});

describe('recap new in a Hugo site with archetypes', () => {
  it('uses the archetype: TOML front matter with Hugo\'s expressions filled, and the event-recap sections', async () => {
    const file = at('hugo-blog', 'content', 'en', 'blog', 'kcd-berlin.md');
    const run = await cli('new', file, '--title', 'KCD Berlin 2026', '--date', '2026-05-01');
    expect(run.code).toBe(0);
    expect(run.out).toContain("from the site's archetype archetypes/default.md");
    const text = await fs.readFile(file, 'utf8');
    expect(text.startsWith('+++\ntitle = "KCD Berlin 2026"\ndate = 2026-05-01T00:00:00Z\ndraft = true\n+++\n')).toBe(true);
    expect(text).toContain('## KCD Berlin 2026');
    // The built-in template, its front matter in the format the site's posts use.
    const plain = await cli('new', at('hugo-blog', 'content', 'en', 'blog', 'plain.md'), '--template', 'event-recap', '--date', '2026-05-01');
    expect(plain.code).toBe(0);
    expect(await fs.readFile(at('hugo-blog', 'content', 'en', 'blog', 'plain.md'), 'utf8')).toMatch(/^\+\+\+\ntitle = ""\nkeywords = ""\ndescription = ""\ncreateTime = "2026-05-01"\nauthor = ""\n\+\+\+\n\n## Event name\n/);
  });

  it('gives a post without front matter one in the format of its site, a new field the type the site gives it', async () => {
    const file = at('hugo-blog', 'content', 'en', 'blog', 'bare.md');
    await fs.writeFile(file, 'Just text.\n');
    expect((await cli('set', file, 'title=Bare', 'draft=true')).code).toBe(0);
    expect(await fs.readFile(file, 'utf8')).toBe('+++\ntitle = "Bare"\ndraft = true\n+++\nJust text.\n');
  });
});
