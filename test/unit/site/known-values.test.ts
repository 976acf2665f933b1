// The values a site's posts give their list fields, offered by the form's chips: read from real
// sites in temp dirs (Hugo news posts with comma strings, a Jekyll blog with space-separated tags,
// a Docusaurus blog with one-key and listed authors), most used first, split as each field reads them.

import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { profileForRecap } from '../../../electron/service/site/site';
import { serviceInTempDir } from '../support/temp-service';
import { writeText } from '../support/site-fixture';

const temp = serviceInTempDir('known-values');

const post = (fields: string[], body = 'Text.'): string => ['---', ...fields, '---', '', body, ''].join('\n');

describe('the values a site’s posts give their list fields', () => {
  it('Hugo news posts: comma-string keywords split into words, most used first; a list field beyond the profile’s; a new post offered them too', async () => {
    const root = path.join(temp.dir(), 'hugo');
    await writeText(path.join(root, 'config.toml'), 'title = "KubeSphere"\n');
    const news = (name: string, fields: string[]): Promise<string> => writeText(path.join(root, 'content/en/news', `${name}.md`), post(fields));
    await news('a', ['title: "A"', 'keywords: " Community, Kubernetes"', 'author: "Lindsay"', 'tags: [meetup, china]']);
    await news('b', ['title: "B"', 'keywords: "Kubernetes, Cloud Native"', 'author: "Feynman"', 'tags: [meetup]']);
    // A description is no list to offer, and a map in a list no word.
    const c = await news('c', ['title: "C"', 'keywords:', '  - Kubernetes', '  - KubeSphere', 'author: "Lindsay"', 'description: "A long day, with talks"', 'speakers: [{name: Ann}, Bo]']);
    const known = profileForRecap(c).rules?.known;
    expect(known).toEqual({
      keywords: ['Kubernetes', 'Cloud Native', 'Community', 'KubeSphere'],
      author: ['Lindsay', 'Feynman'],
      tags: ['meetup', 'china'],
      speakers: ['Bo'],
    });
    // A post not written yet in the same site: the same offer.
    expect(profileForRecap(path.join(root, 'content/en/news/new-post.md')).rules?.known?.['keywords']).toEqual(['Kubernetes', 'Cloud Native', 'Community', 'KubeSphere']);
    // Counted once per scan: asked again, the same; a post added or changed since, counted anew.
    expect(profileForRecap(c).rules?.known).toBe(profileForRecap(c).rules?.known);
    await news('d', ['title: "D"', 'keywords: "eBPF, Kubernetes"']);
    expect(profileForRecap(c).rules?.known?.['keywords']).toEqual(['Kubernetes', 'Cloud Native', 'Community', 'eBPF', 'KubeSphere']);
  });

  it('Jekyll: tags written as one string are words, as Jekyll splits them; Docusaurus: `authors: jane` is one key, `author` counts as authors', async () => {
    const jekyll = path.join(temp.dir(), 'jekyll');
    await writeText(path.join(jekyll, '_config.yml'), 'title: Blog\n');
    await writeText(path.join(jekyll, '_posts/2026-01-01-a.md'), post(['title: A', 'tags: gitops flux']));
    const b = await writeText(path.join(jekyll, '_posts/2026-02-01-b.md'), post(['title: B', 'tags: [flux, argo cd]']));
    expect(profileForRecap(b).rules?.known?.['tags']).toEqual(['flux', 'argo cd', 'gitops']);

    const docusaurus = path.join(temp.dir(), 'docusaurus');
    await writeText(path.join(docusaurus, 'docusaurus.config.js'), 'module.exports = { title: "Docs" };\n');
    await writeText(path.join(docusaurus, 'blog/2026-01-01-a.md'), post(['title: A', 'authors: jane', 'tags: release notes']));
    await writeText(path.join(docusaurus, 'blog/2026-02-01-b.md'), post(['title: B', 'authors: [jane, li]', 'tags: [release notes, k8s]']));
    const c = await writeText(path.join(docusaurus, 'blog/2026-03-01-c.md'), post(['title: C', 'author: Mo Chen', 'authors: [{name: Ann, title: Maintainer}]']));
    const known = profileForRecap(c).rules?.known;
    expect(known?.['authors']).toEqual(['jane', 'li', 'Mo Chen']);
    expect(known?.['tags']).toEqual(['release notes', 'k8s']);
    expect(known?.['author']).toBeUndefined();
  });

  it('a site whose posts give no list offers nothing; a file outside any site neither', async () => {
    const root = path.join(temp.dir(), 'plain');
    await writeText(path.join(root, 'hugo.toml'), 'title = "Plain"\n');
    const a = await writeText(path.join(root, 'content/posts/a.md'), post(['title: A', 'date: 2026-01-01']));
    expect(profileForRecap(a).rules?.known).toBeUndefined();
    expect(profileForRecap(await writeText(path.join(temp.dir(), 'loose/recap.md'), post(['title: A', 'tags: [x]']))).rules?.known).toBeUndefined();
  });
});
