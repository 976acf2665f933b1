// A corpus of real-world site and post shapes, modelled on public sites (a Hugo news site, a
// multilingual Hugo blog with dated sections and TOML front matter, Hugo page bundles and JSON
// front matter, Jekyll, Docusaurus): each written as real files in a temp folder.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { png, REFERENCE, REFERENCE_IMAGES } from './site-fixture';

export interface CorpusPost {
  /** What the case is modelled on. */
  name: string;
  site: string;
  /** The post, relative to the site. */
  post: string;
  /** A field and a new value whose edit must change that field's lines only. */
  edits: Array<[string, string | number | boolean | string[]]>;
}

async function write(root: string, rel: string, text: string): Promise<string> {
  const file = path.join(root, ...rel.split('/'));
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, text);
  return file;
}

/** A TOML post of a multilingual Hugo blog: tables, comments, dates, booleans, numbers, lists, CRLF. */
export const TOML_POST = [
  '+++',
  '# Imported from the events calendar',
  'title = "KubeSphere Community Shanghai Meetup"',
  "slug = 'kcs-shanghai'",
  'date = 2023-06-01T10:00:00+08:00',
  'draft = true',
  'weight = 1',
  'tags = ["recap", "meetup"]',
  'authors = [',
  '  "Jane Doe",',
  '  "Li Lei",',
  ']',
  "description = '''",
  'Two hundred people met in Shanghai',
  "for talks and demos.'''",
  '',
  '[cover]',
  'image = "/images/blog/kcs-shanghai/stage.png" # the main stage',
  'alt = "The main stage"',
  '',
  '[params.seo]',
  'noindex = false',
  '+++',
  '',
  '## The day',
  '',
  '![The main stage](/images/blog/kcs-shanghai/stage.png)',
  '',
].join('\r\n');

export async function makeCorpus(tmp: string): Promise<CorpusPost[]> {
  const posts: CorpusPost[] = [];

  // 1. Hugo news (the reference site), and a mixed-case post beside it.
  const news = path.join(tmp, 'hugo-news');
  await write(news, 'hugo.toml', 'baseURL = "https://example.org/"\ndefaultContentLanguage = "en"\n[languages.en]\n[languages.zh]\n');
  await write(news, 'content/en/news/kubernetes-community-days-china.md', REFERENCE);
  await write(news, 'content/en/news/Explore-CNCF-KCD-Turkey-with-KubeSphere-Turkey.md', REFERENCE.replace('Kubernetes Community Days China Recap', 'Explore CNCF KCD Turkey with KubeSphere Turkey'));
  for (const [i, name] of REFERENCE_IMAGES.entries()) await png(path.join(news, 'static', 'images', 'news', 'kcd-china', name), i + 1);
  posts.push({ name: 'Hugo news (reference)', site: news, post: 'content/en/news/kubernetes-community-days-china.md', edits: [['title', 'KCD China 2021'], ['keywords', ['Community', 'Cloud']], ['createTime', '2021-11-03']] });
  posts.push({ name: 'Hugo news, mixed-case file name', site: news, post: 'content/en/news/Explore-CNCF-KCD-Turkey-with-KubeSphere-Turkey.md', edits: [['author', ['Jane']]] });

  // 2. A multilingual Hugo blog with dated sections (content/en/blog/_posts/2023/…), TOML, config/_default/.
  const blog = path.join(tmp, 'hugo-blog');
  await write(blog, 'config/_default/hugo.toml', '# site\nbaseURL = "https://kubesphere.example/"\ndefaultContentLanguage = "en"\n');
  await write(blog, 'config/_default/languages.toml', '[en]\nweight = 1\n[zh]\nweight = 2\n');
  await write(blog, 'archetypes/default.md', '+++\ntitle = "{{ replace .File.ContentBaseName "-" " " | title }}"\ndate = {{ .Date }}\ndraft = true\n+++\n');
  await write(blog, 'content/en/blog/_posts/2023/kcs-shanghai/index.md', TOML_POST);
  await png(path.join(blog, 'static', 'images', 'blog', 'kcs-shanghai', 'stage.png'), 7);
  await write(blog, 'content/zh/blog/_posts/2022/kcs-beijing/index.md', '+++\ntitle = "KCS Beijing"\ndate = 2022-03-01\ndraft = false\ntags = ["recap"]\n+++\n\nBody.\n');
  await write(blog, 'content/en/blog/_posts/2021/no-description.md', '+++\ntitle = "Release notes"\ndate = 2021-01-05T09:00:00Z\n+++\n\nNotes.\n');
  posts.push({
    name: 'Hugo blog, TOML, languages and dated sections',
    site: blog,
    post: 'content/en/blog/_posts/2023/kcs-shanghai/index.md',
    edits: [['draft', false], ['weight', 2], ['tags', ['recap', '2023']], ['authors', ['Jane Doe']], ['cover.image', '/images/blog/kcs-shanghai/hall.png'], ['params.seo.noindex', true], ['title', 'KCS Shanghai 2023'], ['description', 'One line now']],
  });

  // 3. Hugo page bundles with YAML: booleans, numbers, folded scalars, block lists, nested maps; and JSON front matter.
  const bundles = path.join(tmp, 'hugo-bundles');
  await write(bundles, 'hugo.yaml', 'baseURL: https://opentelemetry.example/\n');
  await write(
    bundles,
    'content/blog/otel-community-day/index.md',
    [
      '---',
      'title: OpenTelemetry Community Day',
      'linkTitle: OTel Day # short',
      'date: 2019-02-27T11:58:38.897Z',
      'draft: false',
      'weight: 10',
      'description: >-',
      '  A day of talks about',
      '  tracing and metrics.',
      'author: >-',
      '  [Jane Doe](https://github.com/jane)',
      'tags:',
      '  - otel',
      '  - community',
      'cover:',
      '  image: ./stage.png',
      '  caption: "On stage"',
      '---',
      '',
      '![On stage](./stage.png)',
      '',
    ].join('\n'),
  );
  await png(path.join(bundles, 'content', 'blog', 'otel-community-day', 'stage.png'), 9);
  await write(bundles, 'content/blog/json-post/index.md', '{\n  "title": "A JSON post",\n  "date": "2020-05-01",\n  "draft": true,\n  "weight": 3,\n  "tags": ["json", "hugo"],\n  "params": {"featured": false}\n}\n\nBody.\n');
  posts.push({
    name: 'Hugo page bundle, YAML types',
    site: bundles,
    post: 'content/blog/otel-community-day/index.md',
    edits: [['draft', true], ['weight', 20], ['description', 'Now other text'], ['tags', ['otel']], ['cover.image', './hall.png'], ['title', 'OTel Day 2019']],
  });
  posts.push({ name: 'Hugo, JSON front matter', site: bundles, post: 'content/blog/json-post/index.md', edits: [['draft', false], ['weight', 4], ['tags', ['json']], ['params.featured', true], ['title', 'JSON']] });

  // 4. Jekyll: its own date format, a post whose date is only in its file name, categories as a flow list.
  const jekyll = path.join(tmp, 'jekyll');
  await write(jekyll, '_config.yml', 'title: Jekyll\n');
  await write(jekyll, '_posts/2015-01-20-jekyll-3-0-released.md', '---\r\nlayout: news_item\r\ntitle: "Jekyll 3.0 Released"\r\ndate: 2015-01-20 19:23:12 -0800\r\nauthor: parkr\r\nversion: 3.0.0\r\ncategories: [release]\r\n---\r\n\r\nWe are happy to announce it.\r\n');
  await write(jekyll, '_posts/2020-03-02-meetup-recap.md', '---\ntitle: Meetup recap\ncategories:\n  - community\n---\n\nThanks!\n');
  posts.push({ name: 'Jekyll, CRLF and Jekyll date', site: jekyll, post: '_posts/2015-01-20-jekyll-3-0-released.md', edits: [['categories', ['release', 'news']], ['author', 'benbalter'], ['date', '2015-01-21 10:00:00 -0800']] });
  posts.push({ name: 'Jekyll, date from the file name', site: jekyll, post: '_posts/2020-03-02-meetup-recap.md', edits: [['categories', ['community', 'meetup']], ['title', 'Meetup']] });

  // 5. Docusaurus: author instead of authors, no author at all, dates from names, tags as lists.
  const docu = path.join(tmp, 'docusaurus');
  await write(docu, 'docusaurus.config.js', 'module.exports = { title: "Docs" };\n');
  // Its authors' keys (Docusaurus stops its build on a key its blog's authors.yml lacks).
  await write(docu, 'blog/authors.yml', 'jane:\n  name: Jane Doe\n  title: Maintainer\nli:\n  name: Li Wei\n');
  await write(docu, 'blog/2019-12-30-welcome.md', '---\ntitle: Welcome\nauthor: Joel Marcey\nauthor_url: https://github.com/JoelMarcey\ntags: [hello, docusaurus]\n---\n\nWelcome.\n');
  await write(docu, 'blog/2021-08-26-meetup/index.md', '---\nslug: meetup\ntitle: Meetup\nauthors: [jane, li]\ntags: [meetup]\nhide_table_of_contents: false\n---\n\n![Hall](./hall.png)\n');
  await png(path.join(docu, 'blog', '2021-08-26-meetup', 'hall.png'), 11);
  await write(docu, 'blog/2022-01-01-no-author.md', '---\ntitle: No author\n---\n\nText.\n');
  posts.push({ name: 'Docusaurus, author and flow tags', site: docu, post: 'blog/2019-12-30-welcome.md', edits: [['tags', ['hello', 'recap']], ['author', 'Jane']] });
  posts.push({ name: 'Docusaurus, bundle with authors', site: docu, post: 'blog/2021-08-26-meetup/index.md', edits: [['authors', ['jane']], ['hide_table_of_contents', true]] });
  posts.push({ name: 'Docusaurus, no author', site: docu, post: 'blog/2022-01-01-no-author.md', edits: [['title', 'Still no author']] });

  return posts;
}
