// A Hugo site whose config names its content folder (`contentDir = "src/content"`): everything
// that reads a post's place in the site reads it there, as it reads `content/` elsewhere — the
// sections a new post may go to, the archetype of a post's section, translations (by file name,
// and by language folder), a deep post's own folder and the photo folder the site's posts show.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectSite, postProfile, sitePlaces } from '../../../electron/service/site/site';
import { cliInProcess } from '../support/cli-run';
import { png, writeText } from '../support/site-fixture';
import { serviceInTempDir } from '../support/temp-service';

const temp = serviceInTempDir('hugo-content-dir');

const post = (title: string, extra = ''): string => ['---', `title: "${title}"`, 'date: 2024-05-01', ...(extra === '' ? [] : [extra]), '---', '', `![The hall](/images/news/${title}/hall.png)`, ''].join('\n');

/** A site with its content in src/content/: news as plain files with photos under static/images/news/<slug>/, talks as page bundles, an archetype for talks. */
async function site(name: string, config = 'baseURL = "https://example.org/"\ncontentDir = "src/content"\n'): Promise<string> {
  const root = path.join(temp.dir(), name);
  await writeText(path.join(root, 'hugo.toml'), config);
  for (const n of ['kcd-porto', 'kcd-lisbon', 'kcd-lima']) {
    await writeText(path.join(root, 'src/content/news', `${n}.md`), post(n));
    await png(path.join(root, 'static/images/news', n, 'hall.png'), 1);
  }
  for (const n of ['keynote', 'panel']) await writeText(path.join(root, 'src/content/talks', n, 'index.md'), post(n, 'speaker: Ana').replace(/\/images\/news\/\w+\//, ''));
  await writeText(path.join(root, 'archetypes/talks.md'), '---\ntitle: "{{ replace .Name "-" " " | title }}"\ndate: {{ .Date }}\nspeaker: ""\n---\n');
  return root;
}

async function draft(name: string, text: string): Promise<string> {
  const file = await writeText(path.join(temp.dir(), 'drafts', name, 'recap.md'), text);
  await png(path.join(path.dirname(file), 'stage.png'), 2);
  return file;
}

describe('a Hugo site whose content is in the folder its config names', () => {
  it('offers its sections, each in its own shape, with photos where that section keeps them', async () => {
    const root = await site('sections');
    const info = detectSite(root);
    expect(info.contentDir).toBe('src/content');
    expect(sitePlaces(info)?.map((p) => [p.name, p.folder, p.post])).toEqual([
      ['news', 'src/content/news/', 'src/content/{section}/{slug}.md'],
      ['talks', 'src/content/talks/', 'src/content/talks/{slug}/index.md'],
    ]);
    const text = ['---', 'title: "Autumn Meetup"', 'date: 2026-10-20', '---', '', '![The stage](./stage.png)', ''].join('\n');
    const recap = await draft('sections', text);
    // The usual section: a plain file, its photo under static/ in the folder the site's posts show (/images/news/<slug>/).
    const news = await temp.service().exportRecap({ recapPath: recap, text, target: { kind: 'site', dir: root }, dryRun: true });
    expect([news.problems, news.files.map((f) => f.path).sort()]).toEqual([[], ['src/content/news/autumn-meetup.md', 'static/images/news/autumn-meetup/stage.png']]);
    // Talks: a page bundle, its photo beside it.
    const talks = await temp.service().exportRecap({ recapPath: recap, text, target: { kind: 'site', dir: root }, section: 'talks' });
    expect([talks.written, talks.problems, talks.added.sort()]).toEqual([true, [], ['src/content/talks/autumn-meetup/index.md', 'src/content/talks/autumn-meetup/stage.png']]);
    const written = path.join(root, 'src/content/talks/autumn-meetup/index.md');
    expect(await temp.service().lintRecap({ path: written, text: await fs.readFile(written, 'utf8') })).toEqual([]);
    await expect(fs.stat(path.join(root, 'content'))).rejects.toThrow();
  });

  it("a section's photo folder is named by its own section (/images/<section>/<slug>/ where the site's posts show /images/news/<slug>/)", async () => {
    const root = await site('photo-folder');
    await writeText(path.join(root, 'src/content/events/spring.md'), post('spring'));
    const text = ['---', 'title: "Autumn Meetup"', 'date: 2026-10-20', '---', '', '![The stage](./stage.png)', ''].join('\n');
    const recap = await draft('photo-folder', text);
    const events = await temp.service().exportRecap({ recapPath: recap, text, target: { kind: 'site', dir: root }, section: 'events', dryRun: true });
    expect(events.files.map((f) => f.path).sort()).toEqual(['src/content/events/autumn-meetup.md', 'static/images/events/autumn-meetup/stage.png']);
  });

  it("makes a new post in a section from that section's archetype", async () => {
    const root = await site('archetype');
    const file = path.join(root, 'src/content/talks/closing-talk.md');
    const run = await cliInProcess('new', file, '--title', 'Closing talk');
    expect([run.code, run.out]).toEqual([0, expect.stringContaining("from the site's archetype archetypes/talks.md")]);
    expect(await fs.readFile(file, 'utf8')).toMatch(/^---\ntitle: "Closing talk"\ndate: \d{4}-\d\d-\d\dT[\d:]+Z\nspeaker: ""\n---\n/);
  });

  it('translates a post by file name there (kcd-porto.fr.md), and knows the pair from either side', async () => {
    const root = await site('by-name', 'baseURL = "https://example.org/"\ncontentDir = "src/content"\ndefaultContentLanguage = "en"\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n');
    const run = await cliInProcess('translate', path.join(root, 'src/content/news/kcd-porto.md'), '--lang', 'fr');
    expect([run.code, run.out.trim()]).toEqual([0, path.join(root, 'src/content/news/kcd-porto.fr.md')]);
    const set = await temp.service().translationsOf({ path: path.join(root, 'src/content/news/kcd-porto.fr.md') });
    expect([path.relative(root, set.source), set.entries.map((e) => [e.lang, path.relative(root, e.path), e.exists])]).toEqual([
      'src/content/news/kcd-porto.md',
      [['en', 'src/content/news/kcd-porto.md', true], ['fr', 'src/content/news/kcd-porto.fr.md', true]],
    ]);
  });

  it("translates a post by language folder there (src/content/en/ → src/content/fr/), and a deep post keeps its own folder", async () => {
    const root = path.join(temp.dir(), 'by-folder');
    await writeText(path.join(root, 'hugo.toml'), 'baseURL = "https://example.org/"\ncontentDir = "src/content"\ndefaultContentLanguage = "en"\n');
    for (const n of ['a', 'b', 'c']) await writeText(path.join(root, 'src/content/en/blog', n, 'index.md'), post(n));
    await writeText(path.join(root, 'src/content/fr/blog/a/index.md'), post('a'));
    const deep = await writeText(path.join(root, 'src/content/en/blog/_archive/2019/old-meetup/index.md'), post('old'));
    const run = await cliInProcess('translate', path.join(root, 'src/content/en/blog/b/index.md'), '--lang', 'fr');
    expect([run.code, run.out.trim()]).toEqual([0, path.join(root, 'src/content/fr/blog/b/index.md')]);
    // A bundle below its section keeps that folder (its language folder read as the language).
    expect(postProfile(detectSite(root), deep).post).toBe('src/content/{lang}/blog/_archive/2019/{slug}/index.md');
    const out = await temp.service().exportRecap({ recapPath: deep, target: { kind: 'folder', dir: path.join(temp.dir(), 'by-folder-out') }, dryRun: true });
    expect(out.post).toBe('src/content/en/blog/_archive/2019/old-meetup/index.md');
  });
});

describe("a Hugo site whose languages have content folders of their own beside content/ (hugo-book's content.en, content.zh)", () => {
  const CONFIG = ["baseURL = 'https://example.org/'", "defaultContentLanguage = 'en'", '[languages.en]', "  contentDir = 'content.en'", '  weight = 1', '[languages.zh]', "  contentDir = 'content.zh'", '  weight = 2', ''].join('\n');

  it("reads the default language's posts there: its fields, no false required field, lint clean; a new post goes there, never to content/", async () => {
    const root = path.join(temp.dir(), 'book');
    await writeText(path.join(root, 'hugo.toml'), CONFIG);
    for (const n of ['example-post', 'creating-a-new-theme', 'goisforlovers']) await writeText(path.join(root, 'content.en/posts', `${n}.md`), ['---', `title: "${n}"`, 'date: 2025-01-15', 'tags: ["hugo"]', '---', '', 'Text.', ''].join('\n'));
    await writeText(path.join(root, 'content.zh/posts/example-post.md'), '---\ntitle: "示例"\ndate: 2025-01-15\n---\n\n文字。\n');
    const info = detectSite(root);
    expect(info.contentDir).toBe('content.en');
    expect([info.profile.post, info.profile.section]).toEqual(['content.en/{section}/{slug}.md', 'posts']);
    const file = path.join(root, 'content.en/posts/example-post.md');
    const text = await fs.readFile(file, 'utf8');
    expect(await temp.service().lintRecap({ text, path: file })).toEqual([]);
    const own = await temp.service().exportRecap({ recapPath: file, text, target: { kind: 'site', dir: root } });
    expect(own).toMatchObject({ written: false, postFrom: 'own', problems: [] });
    const fresh = await draft('kcd', '---\ntitle: "KCD Porto"\ndate: 2025-01-20\n---\n\nA day of talks.\n\n![The stage](stage.png)\n');
    const plan = await temp.service().planExport({ recapPath: fresh, text: await fs.readFile(fresh, 'utf8'), target: { kind: 'site', dir: root } });
    expect(plan.post).toBe('content.en/posts/kcd-porto.md');
    expect(plan.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});
