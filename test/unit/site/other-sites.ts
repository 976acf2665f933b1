// Site checkouts shaped like real sites other than the reference one, written as real files in
// a temp folder: a Hugo site of TOML page bundles, a bilingual Hugo site with language folders,
// a Hugo site of plain-file posts whose images sit in static/, Jekyll posts in _posts subfolders
// and category folders, and a Docusaurus blog with a translation. Shared by the unit tests and
// the browser walk (test/e2e-browser/sites-walk.test.ts).

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import sharp from 'sharp';

/** Writes `text` at `rel` under `root`, making its folders; the file's absolute path. */
export async function put(root: string, rel: string, text: string): Promise<string> {
  const file = path.join(root, ...rel.split('/'));
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, text);
  return file;
}

/** A small JPEG (or PNG, by the name) whose pixels depend on `seed`. */
export async function photo(file: string, seed: number, width = 96, height = 64): Promise<string> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const img = sharp({ create: { width, height, channels: 3, background: { r: (seed * 37) % 256, g: (seed * 91) % 256, b: (seed * 53) % 256 } } });
  await (file.endsWith('.png') ? img.png() : img.jpeg()).toFile(file);
  return file;
}

export interface OtherSite {
  root: string;
  /** The post an author opens, relative to the site. */
  post: string;
}

/**
 * A Hugo site of page bundles with TOML front matter (content/posts/<slug>/index.md): the
 * cover named in `cover`, bare or `./`, and a photo linked relatively, both beside index.md.
 */
export async function hugoTomlBundles(root: string, cover = 'cover.jpg', field = 'cover'): Promise<OtherSite> {
  await put(root, 'hugo.toml', 'baseURL = "https://events.example/"\ntitle = "Events"\n');
  const post = 'content/posts/kcd-hangzhou/index.md';
  await put(
    root,
    post,
    ['+++', 'title = "KCD Hangzhou Recap"', 'date = 2023-05-20', 'description = "What happened at KCD Hangzhou."', `${field} = ${field === 'images' ? `["${cover}"]` : `"${cover}"`}`, 'tags = ["kcd"]', '+++', '', 'The hall was full.', '', '![The main stage](stage.jpg)', ''].join('\n'),
  );
  await photo(path.join(root, 'content/posts/kcd-hangzhou/cover.jpg'), 1);
  await photo(path.join(root, 'content/posts/kcd-hangzhou/stage.jpg'), 2);
  await put(root, 'content/posts/older/index.md', ['+++', 'title = "Older"', 'date = 2022-01-01', 'description = "An older post."', `${field} = ${field === 'images' ? '["./hall.jpg"]' : '"./hall.jpg"'}`, '+++', '', 'Text.', ''].join('\n'));
  await photo(path.join(root, 'content/posts/older/hall.jpg'), 3);
  return { root, post };
}

/**
 * A bilingual Hugo site of plain-file news posts in language folders (content/en/news/,
 * content/zh/news/), English the default, images in static/images/news/<slug>/.
 */
export async function hugoLanguageFolders(root: string): Promise<OtherSite> {
  await put(root, 'hugo.toml', 'baseURL = "https://community.example/"\ntitle = "Community"\ndefaultContentLanguage = "en"\n[languages.en]\nweight = 1\n[languages.zh]\nweight = 2\n');
  const fm = (title: string, date: string): string[] => ['---', `title: "${title}"`, `description: "${title}, the day in photos."`, `createTime: ${date}`, 'author: "Lin"', '---', ''];
  await put(root, 'content/en/news/meetup-beijing.md', [...fm('Meetup Beijing', '2022-04-01'), '![Talks](/images/news/meetup-beijing/talks.jpg)', ''].join('\n'));
  await photo(path.join(root, 'static/images/news/meetup-beijing/talks.jpg'), 4);
  const post = 'content/zh/news/kcd-shenzhen.md';
  await put(root, post, [...fm('KCD 深圳回顾', '2023-09-09'), '现场座无虚席。', '', '![会场](/images/news/kcd-shenzhen/hall.jpg)', ''].join('\n'));
  await photo(path.join(root, 'static/images/news/kcd-shenzhen/hall.jpg'), 5);
  return { root, post };
}

/**
 * A Hugo site of plain-file posts in content/news/ (no language folders, no bundles) whose
 * posts link their images site-absolute from static/images/news/<slug>/.
 */
export async function hugoPlainNews(root: string): Promise<OtherSite> {
  await put(root, 'config.yaml', 'baseURL: https://meetups.example/\ntitle: Meetups\n');
  const fm = (title: string, date: string): string[] => ['---', `title: "${title}"`, `date: ${date}`, `description: "${title}: talks and photos."`, '---', ''];
  await put(root, 'content/news/spring-meetup.md', [...fm('Spring Meetup', '2023-03-01'), '![Crowd](/images/news/spring-meetup/crowd.jpg)', ''].join('\n'));
  await photo(path.join(root, 'static/images/news/spring-meetup/crowd.jpg'), 6);
  const post = 'content/news/autumn-meetup.md';
  await put(root, post, [...fm('Autumn Meetup', '2023-10-01'), 'We met again.', ''].join('\n'));
  return { root, post };
}

/**
 * A Jekyll site whose posts sit in a subfolder of _posts (_posts/events/) and in a category
 * folder (events/_posts/), images in assets/images/<slug>/.
 */
export async function jekyllSubfolders(root: string): Promise<OtherSite & { categoryPost: string }> {
  await put(root, '_config.yml', 'title: Community events\n');
  const fm = (title: string): string[] => ['---', 'layout: post', `title: "${title}"`, 'author: lin', '---', ''];
  const post = '_posts/events/2021-11-02-kcd.md';
  await put(root, post, [...fm('KCD 2021'), 'A day of talks.', '', '![Keynote](/assets/images/kcd/keynote.jpg)', ''].join('\n'));
  await photo(path.join(root, 'assets/images/kcd/keynote.jpg'), 7);
  const categoryPost = 'events/_posts/2022-06-10-meetup.md';
  await put(root, categoryPost, [...fm('June Meetup'), 'Pizza and talks.', ''].join('\n'));
  return { root, post, categoryPost };
}

/**
 * A Jekyll site on the Chirpy theme, shaped as its users' posts are: the post's photos below its
 * `media_subpath` (assets/img/htb/BoardLight/), linked by their names, and its cover
 * named so too in Chirpy's `image:` map (`path: room.jpg`).
 */
export async function jekyllChirpy(root: string): Promise<OtherSite> {
  await put(root, '_config.yml', 'theme: jekyll-theme-chirpy\ntitle: Notes\ncdn:\n');
  const post = '_posts/2024-09-07-BoardLight.md';
  const fm = ['---', 'title: BoardLight', 'date: 2024-09-07 15:55:45 +0200', 'categories: [HackTheBox]', 'media_subpath: /assets/img/htb/BoardLight', 'image:', '  path: room.jpg', '  alt: The room', '---', ''];
  await put(root, post, [...fm, 'I started by scanning the box.', '', '![Room card](room_card.jpg){: w="300" h="300" .center}', '', '![The login page](<login page.jpg>)', ''].join('\n'));
  for (const [i, n] of ['room.jpg', 'room_card.jpg', 'login page.jpg'].entries()) await photo(path.join(root, 'assets/img/htb/BoardLight', n), 20 + i);
  return { root, post };
}

/**
 * An al-folio site, as its sample posts show photos: its figure include in a Bootstrap grid
 * (`{% include figure.liquid path="assets/img/9.jpg" … %}`), the photos in the shared assets/img/.
 */
export async function jekyllAlFolio(root: string): Promise<OtherSite> {
  await put(root, '_config.yml', 'title: blank\nurl: https://alshedivat.github.io\nbaseurl: /al-folio\n');
  const post = '_posts/2015-05-15-images.md';
  const fm = ['---', 'layout: post', 'title: a post with images', 'date: 2015-05-15 21:01:00', 'description: this is what included images could look like', '---', ''];
  const include = (name: string, extra = ''): string => `        {% include figure.liquid path="assets/img/${name}" class="img-fluid rounded z-depth-1"${extra} %}`;
  const grid = ['<div class="row mt-3">', '    <div class="col-sm mt-3 mt-md-0">', include('9.jpg'), '    </div>', '    <div class="col-sm mt-3 mt-md-0">', include('7.jpg', ' zoomable=true'), '    </div>', '</div>'];
  await put(root, post, [...fm, 'This is an example post with image galleries.', '', ...grid, ''].join('\n'));
  for (const [i, n] of ['9.jpg', '7.jpg'].entries()) await photo(path.join(root, 'assets/img', n), 30 + i);
  return { root, post };
}

/**
 * A Minimal Mistakes site (remote_theme), its post showing its photos through the theme's front
 * matter: a header overlay (the cover) and teaser, and a gallery (`{% include gallery %}`) of a
 * photo with its thumbnail and a shared logo outside the post's folder.
 */
export async function jekyllMinimalMistakes(root: string): Promise<OtherSite> {
  await put(root, '_config.yml', 'title: Meetups\nremote_theme: "mmistakes/minimal-mistakes@4.26.2"\n');
  const post = '_posts/2024-05-04-kcd-porto.md';
  const dir = '/assets/images/kcd-porto';
  const fm = ['---', 'title: "KCD Porto: the day"', 'header:', `  overlay_image: ${dir}/hall.jpg`, `  teaser: ${dir}/hall-th.jpg`, 'gallery:', `  - url: ${dir}/stage.jpg`, `    image_path: ${dir}/stage-th.jpg`, '    alt: "The stage"', '  - url: /assets/images/shared/logo.png', '---', ''];
  await put(root, post, [...fm, 'Three hundred people came.', '', '{% include gallery caption="The day." %}', ''].join('\n'));
  for (const [i, n] of ['hall.jpg', 'hall-th.jpg', 'stage.jpg', 'stage-th.jpg'].entries()) await photo(path.join(root, 'assets/images/kcd-porto', n), 40 + i);
  await photo(path.join(root, 'assets/images/shared/logo.png'), 50);
  return { root, post };
}

/**
 * A Hugo site on the Congo theme, its post a page bundle whose front matter names its cover and
 * thumbnail by resource patterns (`cover: "*cover*"`, `.Resources.GetMatch`), as Congo's docs do.
 */
export async function hugoCongoBundle(root: string): Promise<OtherSite> {
  await put(root, 'hugo.toml', 'baseURL = "https://example.org/"\ntitle = "Meetups"\ntheme = "congo"\n');
  const post = 'content/posts/meetup/index.md';
  await put(root, post, ['---', 'title: "KCD Porto"', 'date: 2024-05-01', 'thumbnail: "*thumb*"', 'cover: "*cover*"', '---', '', 'Three hundred people came.', ''].join('\n'));
  for (const [i, n] of ['hall-cover.jpg', 'stage-thumb.jpg', 'spare.jpg'].entries()) await photo(path.join(root, 'content/posts/meetup', n), 80 + i);
  return { root, post };
}

/**
 * A Jekyll site as `jekyll new` makes it: pages and posts named `.markdown`, a second post with a
 * photo, and a collection (`_events/`) whose documents are `.markdown` too.
 */
export async function jekyllNewSite(root: string): Promise<OtherSite> {
  await put(root, '_config.yml', 'title: Meetups\ntheme: minima\ncollections:\n  events:\n    output: true\n');
  const fm = (title: string, date: string): string[] => ['---', 'layout: post', `title: "${title}"`, `date: ${date} 10:00:00 +0100`, 'categories: jekyll update', '---', ''];
  await put(root, '_posts/2024-01-15-welcome-to-jekyll.markdown', [...fm('Welcome to Jekyll!', '2024-01-15'), 'You’ll find this post in your `_posts` directory.', ''].join('\n'));
  const post = '_posts/2024-03-01-spring-meetup.markdown';
  await put(root, post, [...fm('Spring Meetup', '2024-03-01'), 'Forty people came.', '', '![The hall](/assets/images/spring-meetup/hall.jpg)', ''].join('\n'));
  await photo(path.join(root, 'assets/images/spring-meetup/hall.jpg'), 11);
  await put(root, 'about.markdown', ['---', 'layout: page', 'title: About', 'permalink: /about/', '---', '', 'About us.', ''].join('\n'));
  for (const n of ['kcd-braga', 'kcd-lisbon']) await put(root, `_events/${n}.markdown`, ['---', `title: "${n}"`, '---', '', 'An event.', ''].join('\n'));
  return { root, post };
}

/**
 * A Docusaurus blog laid out as the Docusaurus blog itself: posts in years' folders named
 * `MM-DD-<slug>/index.mdx` (one older post in plain Markdown), a photo beside one.
 */
export async function docusaurusMdxBlog(root: string): Promise<OtherSite> {
  await put(root, 'docusaurus.config.js', "module.exports = { title: 'Meetups', presets: [['classic', { blog: {} }]] };\n");
  const fm = (title: string): string[] => ['---', `title: ${title}`, 'tags: [kcd]', '---', ''];
  const post = 'blog/2024/08-09-kcd-lima/index.mdx';
  await put(root, post, [...fm('KCD Lima'), 'A day of talks.', '', '![The hall](./hall.png)', ''].join('\n'));
  await photo(path.join(root, 'blog/2024/08-09-kcd-lima/hall.png'), 13);
  await put(root, 'blog/2024/03-01-kcd-quito/index.mdx', [...fm('KCD Quito'), 'Another day.', ''].join('\n'));
  await put(root, 'blog/2023/11-02-kcd-bogota/index.md', [...fm('KCD Bogota'), 'An older day.', ''].join('\n'));
  return { root, post };
}

/**
 * A Hugo site brought over from Jekyll: plain posts named `<date>-<slug>.markdown` in
 * `content/posts/`, their photos under `static/images/posts/<slug>/`.
 */
export async function hugoFromJekyll(root: string): Promise<OtherSite> {
  await put(root, 'hugo.toml', 'baseURL = "https://meetups.example.org/"\ntitle = "Meetups"\n');
  const fm = (title: string, date: string): string[] => ['---', `title: "${title}"`, `date: ${date}`, '---', ''];
  const post = 'content/posts/2024-03-01-spring-meetup.markdown';
  await put(root, post, [...fm('Spring Meetup', '2024-03-01'), 'Forty people came.', '', '![The hall](/images/posts/spring-meetup/hall.jpg)', ''].join('\n'));
  await photo(path.join(root, 'static/images/posts/spring-meetup/hall.jpg'), 15);
  await put(root, 'content/posts/2024-01-15-welcome.markdown', [...fm('Welcome', '2024-01-15'), 'Hello.', ''].join('\n'));
  await put(root, 'content/events/2024-02-01-kcd-braga.markdown', [...fm('KCD Braga', '2024-02-01'), 'An event.', ''].join('\n'));
  return { root, post };
}

/** A Jekyll blog whose posts are in years' folders (`_posts/2023/2023-05-01-kcd-lima.md`), one older post left in `_posts/` itself. */
export async function jekyllYearFolders(root: string): Promise<OtherSite & { loose: string }> {
  await put(root, '_config.yml', 'title: Community events\n');
  const fm = (title: string, date: string): string[] => ['---', 'layout: post', `title: "${title}"`, `date: ${date}`, 'author: lin', '---', ''];
  const post = '_posts/2024/2024-05-01-kcd-quito.md';
  await put(root, post, [...fm('KCD Quito', '2024-05-01'), 'A day of talks.', '', '![Keynote](/assets/images/kcd-quito/keynote.jpg)', ''].join('\n'));
  await photo(path.join(root, 'assets/images/kcd-quito/keynote.jpg'), 18);
  await put(root, '_posts/2023/2023-05-01-kcd-lima.md', [...fm('KCD Lima', '2023-05-01'), 'Text.', ''].join('\n'));
  await put(root, '_posts/2024/2024-06-01-kcd-bogota.md', [...fm('KCD Bogota', '2024-06-01'), 'Text.', ''].join('\n'));
  const loose = '_posts/2019-02-01-hello.md';
  await put(root, loose, [...fm('Hello', '2019-02-01'), 'Text.', ''].join('\n'));
  return { root, post, loose };
}

/** A Docusaurus blog: a dated folder post with its photo beside it, and its Chinese translation. */
export async function docusaurusBlog(root: string): Promise<OtherSite & { translation: string }> {
  await put(root, 'docusaurus.config.js', "module.exports = { title: 'Docs', i18n: { defaultLocale: 'en', locales: ['en', 'zh-CN'] } };\n");
  // Docusaurus stops its build on an author key its blog's authors.yml lacks.
  await put(root, 'blog/authors.yml', 'lin:\n  name: Lin\n');
  const fm = (title: string): string[] => ['---', `title: ${title}`, 'authors: [lin]', 'tags: [kcd]', '---', ''];
  const post = 'blog/2024-05-01-kcd-recap/index.md';
  await put(root, post, [...fm('KCD Recap'), 'The hallway track.', '', '![Hallway](./hallway.jpg)', ''].join('\n'));
  await photo(path.join(root, 'blog/2024-05-01-kcd-recap/hallway.jpg'), 8);
  const translation = 'i18n/zh-CN/docusaurus-plugin-content-blog/2024-05-01-kcd-recap/index.md';
  await put(root, translation, [...fm('KCD 回顾'), '走廊交流。', '', '![走廊](./hallway.jpg)', ''].join('\n'));
  await photo(path.join(root, 'i18n/zh-CN/docusaurus-plugin-content-blog/2024-05-01-kcd-recap/hallway.jpg'), 8);
  return { root, post, translation };
}

/** A Docusaurus blog post in its dated folder that links a photo of static/ through the site alias (`@site/static/img/…`). */
export async function docusaurusSiteAlias(root: string): Promise<OtherSite> {
  await put(root, 'docusaurus.config.ts', "export default { title: 'Docs' };\n");
  // Docusaurus stops its build on an author key its blog's authors.yml lacks.
  await put(root, 'blog/authors.yml', 'lin:\n  name: Lin\n');
  const post = 'blog/2024-06-01-kcd-porto/index.md';
  await put(root, post, '---\ntitle: KCD Porto\nauthors: [lin]\ntags: [kcd]\n---\n\nThe stage.\n\n![Stage](@site/static/img/kcd-porto/stage.jpg)\n');
  await photo(path.join(root, 'static/img/kcd-porto/stage.jpg'), 11);
  return { root, post };
}

/**
 * A bilingual Hugo blog of plain-file posts in language folders (content/en/blog/,
 * content/zh/blog/), its images in static/images/blog/<slug>/; `withZh: false` leaves the
 * Chinese post out (a checkout to export it into).
 */
export async function hugoPlainBlogLanguages(root: string, withZh = true): Promise<OtherSite> {
  await put(root, 'hugo.yaml', 'baseURL: https://blog.example/\ndefaultContentLanguage: en\nlanguages:\n  en:\n    weight: 1\n  zh:\n    weight: 2\n');
  await put(root, 'content/en/blog/spring-meetup.md', '---\ntitle: "Spring Meetup"\ndate: 2023-03-01\ndescription: "Talks and photos."\n---\n\n![Crowd](/images/blog/spring-meetup/crowd.jpg)\n');
  await photo(path.join(root, 'static/images/blog/spring-meetup/crowd.jpg'), 9);
  const post = 'content/zh/blog/qiu-ji.md';
  if (withZh) await put(root, post, '---\ntitle: "秋季聚会"\ndate: 2023-10-01\ndescription: "秋季聚会的照片。"\n---\n\n我们又见面了。\n');
  return { root, post };
}

/** A Docusaurus blog of flat posts (blog/<date>-<slug>.md) whose images are in static/img/<slug>/. */
export async function docusaurusFlatPosts(root: string): Promise<OtherSite> {
  await put(root, 'docusaurus.config.ts', "export default { title: 'Docs' };\n");
  // Docusaurus stops its build on an author key its blog's authors.yml lacks.
  await put(root, 'blog/authors.yml', 'lin:\n  name: Lin\n');
  await put(root, 'blog/2019-12-30-welcome.md', '---\ntitle: Welcome\nauthors: [lin]\n---\n\n![Hello](/img/welcome/hello.jpg)\n');
  await photo(path.join(root, 'static/img/welcome/hello.jpg'), 10);
  const post = 'blog/2024-05-01-kcd.md';
  await put(root, post, '---\ntitle: KCD\nauthors: [lin]\n---\n\n![Stage](/img/kcd/stage.jpg)\n');
  await photo(path.join(root, 'static/img/kcd/stage.jpg'), 11);
  await photo(path.join(root, 'blog/loose.jpg'), 12);
  return { root, post };
}

/**
 * A bilingual Hugo blog of page bundles with JSON front matter in dated folders
 * (content/en/blog/_posts/2023/<slug>/index.md), each bundle's photos beside its index.md.
 */
export async function hugoDatedBundles(root: string): Promise<OtherSite> {
  await put(root, 'hugo.toml', 'baseURL = "https://dated.example/"\ntitle = "Dated"\ndefaultContentLanguage = "en"\n[languages.en]\n[languages.zh]\n');
  const fm = (title: string, date: string, cover: string): string => `${JSON.stringify({ title, date, description: `${title}: the day in photos.`, images: [cover] }, null, 2)}\n`;
  await put(root, 'content/en/blog/_posts/2022/kcd-beijing/index.md', `${fm('KCD Beijing', '2022-04-01', 'hall.jpg')}\n![The hall](hall.jpg)\n`);
  await photo(path.join(root, 'content/en/blog/_posts/2022/kcd-beijing/hall.jpg'), 14);
  const post = 'content/en/blog/_posts/2023/kcs-shanghai/index.md';
  await put(root, post, `${fm('KCS Shanghai', '2023-07-15', 'stage.jpg')}\nThe stage.\n\n![The stage](./stage.jpg)\n`);
  await photo(path.join(root, 'content/en/blog/_posts/2023/kcs-shanghai/stage.jpg'), 15);
  return { root, post };
}

/**
 * A Docusaurus blog of posts in dated folders (blog/2024/05/01/<slug>/index.md, photos beside)
 * and a flat post (blog/2024-06-01-meetup.md) with no hint of where flat posts keep images:
 * no site-absolute image link among its posts; the flat post links a photo beside it.
 */
export async function docusaurusDatedFolders(root: string): Promise<OtherSite & { flat: string }> {
  await put(root, 'docusaurus.config.js', "module.exports = { title: 'Meetups' };\n");
  // Docusaurus stops its build on an author key its blog's authors.yml lacks.
  await put(root, 'blog/authors.yml', 'lin:\n  name: Lin\n');
  const post = 'blog/2024/05/01/kcd/index.md';
  await put(root, post, '---\ntitle: KCD\nauthors: [lin]\n---\n\n![Stage](./stage.jpg)\n');
  await photo(path.join(root, 'blog/2024/05/01/kcd/stage.jpg'), 16);
  const flat = 'blog/2024-06-01-meetup.md';
  await put(root, flat, '---\ntitle: June meetup\nauthors: [lin]\n---\n\n![Pizza](./pizza.jpg)\n');
  await photo(path.join(root, 'blog/pizza.jpg'), 17);
  return { root, post, flat };
}

/**
 * A Hugo site shaped like kubernetes.io's: its theme in node_modules/ (`themesDir`), English in
 * `contentDir = "content/en"`, a language turned off (`disableLanguages`) that still has its
 * folder, and the blog's posts below the section in content/en/blog/_posts/, named by their
 * date: mostly plain files linking /images/blog/<name>/…, one a page bundle with its photo beside it.
 */
export async function hugoBlogPostsFolder(root: string): Promise<OtherSite & { bundle: string }> {
  await put(
    root,
    'hugo.toml',
    [
      'baseURL = "https://kubernetes.example/"',
      'title = "Kubernetes"',
      'theme = ["docsy"]',
      'themesDir = "node_modules"',
      'contentDir = "content/en"',
      'defaultContentLanguage = "en"',
      'disableLanguages = ["no"]',
      '[permalinks]',
      'blog = "/:section/:year/:month/:day/:slug/"',
      '[languages.en]',
      'weight = 1',
      '[languages.zh-cn]',
      'weight = 3',
      'contentDir = "content/zh-cn"',
      '[languages.no]',
      'weight = 7',
      'contentDir = "content/no"',
      '',
    ].join('\n'),
  );
  await put(root, 'node_modules/docsy/layouts/_default/_markup/render-link.html', '<a href="{{ .Destination }}">{{ .Text }}</a>\n');
  const fm = (title: string, date: string, slug: string): string[] => ['---', 'layout: blog', `title: "${title}"`, `date: ${date}`, `slug: ${slug}`, 'author: >', '  Ana (Org)', '---', ''];
  await put(root, 'content/en/blog/_posts/2024-02-01-release.md', [...fm('Release notes', '2024-02-01', 'release-notes'), 'Notes.', ''].join('\n'));
  const post = 'content/en/blog/_posts/2024-03-19-kcd-porto.md';
  await put(root, post, [...fm('KCD Porto 2024: a recap', '2024-03-19', 'kcd-porto-recap'), 'KCD Porto gathered 300 people.', '', '![The hall at KCD Porto](/images/blog/2024-03-19-kcd-porto/hall.jpg)', ''].join('\n'));
  await photo(path.join(root, 'static/images/blog/2024-03-19-kcd-porto/hall.jpg'), 18);
  const bundle = 'content/en/blog/_posts/2024-03-01-gateway/index.md';
  await put(root, bundle, [...fm('Gateway API at the meetup', '2024-03-01', 'gateway-meetup'), '![The diagram](diagram.jpg)', ''].join('\n'));
  await photo(path.join(root, 'content/en/blog/_posts/2024-03-01-gateway/diagram.jpg'), 19);
  await put(root, 'content/no/blog/_posts/2024-01-01-hei.md', [...fm('Hei', '2024-01-01', 'hei'), 'Tekst.', ''].join('\n'));
  return { root, post, bundle };
}
