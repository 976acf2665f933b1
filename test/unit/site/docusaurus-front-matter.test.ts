// Docusaurus validates every blog post's front matter against its schema and stops the site's
// build on a value that does not fit: `tags: news` and `keywords: "Community, Kubernetes"` (lists,
// not text), an empty `image` or `slug`, `draft: yes`, `description:` left empty (null), heading
// levels outside 2–6. Lint, the Problems panel and export's preflight say so first, on the field;
// the same text in a Hugo post is fine; a new recap shaped like a Docusaurus site's posts leaves
// such keys out rather than empty.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeText } from '../support/site-fixture';
import { serviceInTempDir } from '../support/temp-service';

const temp = serviceInTempDir('docusaurus-front-matter');
const referenceRecap = path.join(__dirname, '..', '..', 'fixtures', 'kubernetes-community-days-china.md');

const CONFIG = "module.exports = { title: 'Meetups', url: 'https://example.org', baseUrl: '/', presets: [['classic', { blog: {} }]] };\n";
const post = (lines: string[]): string => ['---', 'title: KCD Porto', 'authors: ana', ...lines, '---', '', 'The day.', ''].join('\n');

async function docusaurus(name: string): Promise<string> {
  const root = path.join(temp.dir(), name);
  await writeText(path.join(root, 'docusaurus.config.js'), CONFIG);
  await writeText(path.join(root, 'blog/authors.yml'), 'ana:\n  name: Ana\n');
  return root;
}

describe("a Docusaurus blog's front-matter schema", () => {
  it('refuses what its build refuses, on the line of the field, and accepts what it reads', async () => {
    const root = await docusaurus('schema');
    const file = path.join(root, 'blog/2024-05-01-kcd/index.md');
    const found = async (lines: string[]): Promise<Array<[string, string | undefined, number | undefined]>> =>
      (await temp.lintWritten(file, post(lines))).problems.filter((p) => p.severity === 'error').map((p) => [p.code, p.field, p.line]);
    // What it reads: a single author key, a number as text, 'true' as yes, an empty description, empty lists, tags as labels.
    expect(await found(['slug: 2024', "draft: 'false'", 'description: ""', 'tags: []', 'keywords: [kcd, 2024]', 'hide_table_of_contents: true', 'toc_min_heading_level: 2', 'toc_max_heading_level: 4', 'tags2: anything'])).toEqual([]);
    expect(await found(['tags:\n  - kcd\n  - label: Porto\n    permalink: /porto'])).toEqual([]);
    // What stops its build.
    expect(await found(['tags: news'])).toEqual([['docusaurus-front-matter', 'tags', 4]]);
    expect(await found(['keywords: " Community, Kubernetes"'])).toEqual([['docusaurus-front-matter', 'keywords', 4]]);
    expect(await found(['image: ""', 'slug: ""'])).toEqual([['docusaurus-front-matter', 'image', 4], ['docusaurus-front-matter', 'slug', 5]]);
    expect(await found(['description:', 'draft: yes', 'unlisted: 1'])).toEqual([['docusaurus-front-matter', 'description', 4], ['docusaurus-front-matter', 'draft', 5], ['docusaurus-front-matter', 'unlisted', 6]]);
    expect(await found(['tags: [kcd, null]', 'keywords: [kcd, ""]'])).toEqual([['field-type', 'tags', 4], ['docusaurus-front-matter', 'keywords', 5]]);
    expect(await found(['tags: [{label: Porto}]', 'author_url: [https://example.org]'])).toEqual([['docusaurus-front-matter', 'tags', 4], ['docusaurus-front-matter', 'author_url', 5]]);
    expect(await found(['toc_max_heading_level: 7'])).toEqual([['docusaurus-front-matter', 'toc_max_heading_level', 4]]);
    expect(await found(['toc_min_heading_level: 4', 'toc_max_heading_level: 3'])).toEqual([['docusaurus-front-matter', 'toc_min_heading_level', 4]]);
    // Each says what to write.
    const messages = (await temp.lintWritten(file, post(['keywords: " Community, Kubernetes"', 'tags: news', 'image: ""', 'draft: yes']))).problems.map((p) => p.message);
    expect(messages).toEqual([
      'keywords must be a list for Docusaurus ("does not look like a valid front matter Yaml array"), so it stops the site\'s build. Write it as keywords: [Community, Kubernetes].',
      'tags must be a list for Docusaurus ("does not look like a valid front matter Yaml array"), so it stops the site\'s build. Write it as tags: [news].',
      'image is empty, and Docusaurus stops the site\'s build on an empty image ("is not allowed to be empty"). Fill it in, or remove the line.',
      'draft must be true or false for Docusaurus, but the front matter has "yes", so Docusaurus stops the site\'s build. Write draft: true or draft: false.',
    ]);
    // A field the profile's own checks already call wrong is said once.
    expect(await found(['tags: [[a, b]]'])).toEqual([['field-type', 'tags', 4]]);
    // The same front matter in a Hugo post: Hugo reads it.
    const hugo = path.join(temp.dir(), 'hugo');
    await writeText(path.join(hugo, 'hugo.toml'), "title = 'Meetups'\n");
    const hugoPost = path.join(hugo, 'content/posts/kcd.md');
    expect((await temp.lintWritten(hugoPost, post(['tags: news', 'keywords: " Community, Kubernetes"', 'image: ""', 'draft: yes']))).problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it("export's preflight refuses the reference recap's keywords text for a Docusaurus blog, and writes it once they are a list", async () => {
    const root = await docusaurus('export');
    const reference = await fs.readFile(referenceRecap, 'utf8');
    const text = reference.replace(/^createTime: "2021-11-02"$/m, 'date: 2021-11-02').replace(/^author: "Lindsay"$/m, 'authors: ana').replace(/!\[[^\]]*\]\([^)]*\)\n/g, '');
    const recap = await writeText(path.join(temp.dir(), 'drafts/kcd/recap.md'), text);
    const refused = await temp.service().exportRecap({ recapPath: recap, text, target: { kind: 'site', dir: root } });
    expect([refused.written, refused.problems.filter((p) => p.severity === 'error').map((p) => [p.code, p.field])]).toEqual([false, [['docusaurus-front-matter', 'keywords']]]);
    const fixed = text.replace('keywords: " Community, Kubernetes"', 'keywords: [Community, Kubernetes]');
    const done = await temp.service().exportRecap({ recapPath: recap, text: fixed, target: { kind: 'site', dir: root } });
    expect([done.written, done.problems.filter((p) => p.severity === 'error')]).toEqual([true, []]);
  });

  it("a draft for a Docusaurus site is checked so from the start; the recap shaped like its posts leaves out a key its build refuses empty", async () => {
    const root = await docusaurus('draft');
    await writeText(path.join(root, 'blog/2024-05-01-kcd/index.md'), post(['date: 2024-05-01', 'image: ./cover.jpg', 'author_url: https://example.org/ana', 'tags: [kcd]']));
    await temp.service().rememberSite({ dir: root });
    const made = await temp.service().newRecap({ template: { source: 'posts', name: 'event-recap', site: root }, title: 'Autumn Meetup' });
    expect(made.text).not.toMatch(/^(image|author_url):/m);
    expect(made.text).toMatch(/^tags: \[\]$/m);
    const errors = async (t: string): Promise<Array<string | undefined>> => (await temp.service().lintRecap({ path: made.draft.recapPath, text: t })).filter((p) => p.severity === 'error').map((p) => p.field);
    // Its authors are still to fill in; its tags written as text are what the site's build refuses.
    expect(await errors(made.text.replace('tags: []', 'tags: porto'))).toEqual(['authors', 'tags']);
  });
});
