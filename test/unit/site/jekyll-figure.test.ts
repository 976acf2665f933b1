// The figure include of the most used Jekyll themes: al-folio's `{% include figure.liquid
// path="assets/img/9.jpg" … %}` (figure.html before 2024) and Minimal Mistakes' `{% include figure
// image_path="/assets/a.jpg" alt="…" caption="…" %}`. Jekyll runs the include before the Markdown
// and publishes an <img> whose src is the value through relative_url. Lint, export, the tray and
// the preview read it so on a Jekyll post; on another site it is text, as published.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findFigureIncludes, findGalleryIncludes, galleryPhotos } from '../../../electron/core/markdown/jekyll-figure';
import { photoRefs, photoUseOf, photoUses, removePhotoLinks, replacePhotoUrl, setPhotoAlt } from '../../../electron/core/markdown/photo-text';
import { markdownReading } from '../../../electron/core/markdown/site-reading';
import { countWords } from '../../../electron/core/markdown/word-count';
import { findImageRefs, findRecapImages } from '../../../electron/service/recap/markdown-images';
import { rewriteImageLinks } from '../../../electron/service/export/links';
import { previewHtml } from '../support/preview-html';
import type { PreviewReading } from '../../../renderer/preview/pipeline';
import { png, treeHash, writeText } from '../support/site-fixture';
import { serviceInTempDir } from '../support/temp-service';

const temp = serviceInTempDir('jekyll-figure');

const JEKYLL = markdownReading('jekyll', '/site/_posts/2015-05-15-images.md');
const HUGO = markdownReading('hugo', '/site/content/news/kcd.md');
const LIQUID_OFF = { ...JEKYLL, liquid: false };

/** An al-folio post as its sample posts are written: includes in a Bootstrap grid, and one alone. */
const ALFOLIO_BODY = [
  'This is an example post with image galleries.',
  '',
  '<div class="row mt-3">',
  '    <div class="col-sm mt-3 mt-md-0">',
  '        {% include figure.liquid path="assets/img/9.jpg" class="img-fluid rounded z-depth-1" %}',
  '    </div>',
  '    <div class="col-sm mt-3 mt-md-0">',
  "        {% include figure.html path='assets/img/7.jpg' class=\"img-fluid\" zoomable=true %}",
  '    </div>',
  '</div>',
  '',
  '{%- include figure.liquid loading="eager" path="/assets/img/prof_pic.jpg" alt="The speaker" -%}',
  '',
].join('\n');

/** Minimal Mistakes: `figure` (no extension) takes `image_path`, `alt` and `caption`. */
const MM_BODY = '{% include figure image_path="/assets/images/stage.jpg" alt="The stage" caption="Day one, the \\"big\\" hall." %}\n';

const urls = (text: string, reading = JEKYLL): string[] => findImageRefs(text, reading).map((r) => r.url);

describe("a Jekyll theme's figure include", () => {
  it('is the image its src names, a site path as relative_url makes it, where the post runs Liquid; text elsewhere', () => {
    expect(urls(ALFOLIO_BODY)).toEqual(['/assets/img/9.jpg', '/assets/img/7.jpg', '/assets/img/prof_pic.jpg']);
    expect(findImageRefs(ALFOLIO_BODY, JEKYLL).map((r) => [r.include, r.alt])).toEqual([
      ['assets/img/9.jpg', ''],
      ['assets/img/7.jpg', ''],
      ['/assets/img/prof_pic.jpg', 'The speaker'],
    ]);
    expect(findImageRefs(MM_BODY, JEKYLL).map((r) => [r.url, r.alt])).toEqual([['/assets/images/stage.jpg', 'The stage']]);
    // Hugo publishes `{% … %}` as text; so does Jekyll with render_with_liquid: false.
    expect(urls(ALFOLIO_BODY, HUGO)).toEqual([]);
    expect(urls(ALFOLIO_BODY, LIQUID_OFF)).toEqual([]);
    // In code it is code.
    expect(urls('```liquid\n{% include figure.liquid path="assets/img/9.jpg" %}\n```\n\n`{% include figure path="a.jpg" %}`\n')).toEqual([]);
  });

  it('is read only as Jekyll reads the tag: a variable, another include, a call Jekyll refuses or one over a blank line is no image', () => {
    const none = [
      '{% include figure.liquid path=page.cover %}',
      '{% include figure.liquid class="img-fluid" %}',
      '{% include figure image_path="" %}',
      '{% include video.liquid path="assets/video/a.mp4" %}',
      '{% include figure.liquid path="a.jpg"class="x" %}',
      '{% include figure.liquid path="a.jpg" class=%}',
      '{% include figure.liquid path="a.jpg"\n\nclass="x" %}',
      '{% include figure.liquid path="a.jpg" ',
      // Minimal Mistakes' include takes image_path, al-folio's path: each its own.
      '{% include figure path="a.jpg" %}',
      '{% include figure.liquid image_path="a.jpg" %}',
    ];
    for (const text of none) expect(findFigureIncludes(text), text).toEqual([]);
    // Over lines (no blank one), a parameter given twice (Jekyll keeps the last), a URL with a scheme as it is.
    expect(urls('{% include figure.liquid\n   path="a.jpg"\n   path="b.jpg" %}')).toEqual(['/b.jpg']);
    expect(urls('{% include figure.liquid path="https://example.org/a.jpg" %}')).toEqual(['https://example.org/a.jpg']);
  });

  it("the preview shows it as the theme's <figure>: the photo, its alt, its caption; no other parameter", () => {
    const html = (text: string, reading = JEKYLL): string => previewHtml(text, reading);
    expect(html(MM_BODY)).toBe('<figure><img src="/assets/images/stage.jpg" alt="The stage"></img><figcaption>Day one, the "big" hall.</figcaption></figure>');
    expect(html('{% include figure.liquid path="assets/img/9.jpg" class="img-fluid" onerror="alert(1)" %}')).toBe('<figure><img src="/assets/img/9.jpg"></img></figure>');
    // A hostile value stays a value.
    expect(html('{% include figure image_path="a.jpg\\" onerror=\\"alert(1)" alt="x" %}')).toBe('<figure><img src="/a.jpg&quot; onerror=&quot;alert(1)" alt="x"></img></figure>'.replace(/&quot;/g, '"'));
    expect(html(MM_BODY, HUGO)).toContain('{% include figure');
    // Over lines, a parameter alone on its line taken out leaves no blank line behind.
    expect(html('{% include figure.liquid\n    class="img-fluid"\n    path="assets/img/9.jpg"\n    zoomable=true\n%}\n\nAfter.')).toBe('<figure><img src="/assets/img/9.jpg"></img></figure><p>After.</p>');
  });

  it('the tray counts it, sets its alt, relinks and takes it out, as it does an <img>', () => {
    const uses = photoUses(ALFOLIO_BODY + MM_BODY, JEKYLL);
    expect(photoUseOf(uses, '/assets/img/9.jpg')).toEqual({ count: 1, alt: null });
    expect(photoUseOf(uses, '/assets/img/prof_pic.jpg')).toEqual({ count: 1, alt: 'The speaker' });
    expect(photoUseOf(uses, '/assets/images/stage.jpg')?.alt).toBe('The stage');
    expect(photoUses(ALFOLIO_BODY, HUGO).size).toBe(0);

    const alt = setPhotoAlt(ALFOLIO_BODY, '/assets/img/9.jpg', 'Stage & "crowd"', JEKYLL);
    expect(alt).toContain('{% include figure.liquid path="assets/img/9.jpg" alt="Stage &amp; &quot;crowd&quot;" class="img-fluid rounded z-depth-1" %}');
    expect(photoUseOf(photoUses(alt, JEKYLL), '/assets/img/9.jpg')?.alt).toBe('Stage & "crowd"');
    expect(setPhotoAlt(MM_BODY, '/assets/images/stage.jpg', 'Hall', JEKYLL)).toBe(MM_BODY.replace('alt="The stage"', 'alt="Hall"'));

    // Relinked as written: without its first `/` where it had none.
    const moved = replacePhotoUrl(ALFOLIO_BODY, '/assets/img/9.jpg', '/assets/img/kcd/9.jpg', JEKYLL);
    expect(moved).toContain('path="assets/img/kcd/9.jpg" class=');
    expect(replacePhotoUrl(ALFOLIO_BODY, '/assets/img/prof_pic.jpg', '/assets/img/me.jpg', JEKYLL)).toContain('path="/assets/img/me.jpg" alt=');

    const refs = photoRefs(MM_BODY, JEKYLL);
    expect(refs.map((r) => MM_BODY.slice(r.start, r.end))).toEqual([MM_BODY.trimEnd()]);
    expect(removePhotoLinks(`Before.\n\n${MM_BODY}\nAfter.\n`, '/assets/images/stage.jpg', JEKYLL).body).toBe('Before.\n\nAfter.\n');
  });

  it('the word count reads its caption, and neither the call nor a kramdown attribute list', () => {
    expect(countWords(MM_BODY).words).toBe(countWords('Day one, the "big" hall.').words);
    expect(countWords('Hello there.\n\n{% include figure.liquid path="a.jpg" class="img-fluid rounded" %}\n\n![A](a.png){: w="300" .center}\n').words).toBe(2);
  });

  it('export rewrites its value to the photo\'s new path, the call otherwise as written', () => {
    const text = `---\ntitle: x\n---\n${ALFOLIO_BODY}`;
    const located = findRecapImages(text, null, JEKYLL).map((ref) => ({ ref, file: `/draft/${path.basename(ref.url)}` }));
    const out = rewriteImageLinks(text, located, (file) => path.basename(file), (name) => `/assets/img/kcd/${name}`, null, JEKYLL);
    expect(out).toBe(text.replace('path="assets/img/9.jpg"', 'path="/assets/img/kcd/9.jpg"').replace("path='assets/img/7.jpg'", "path='/assets/img/kcd/7.jpg'").replace('path="/assets/img/prof_pic.jpg"', 'path="/assets/img/kcd/prof_pic.jpg"'));
  });
});

describe("Minimal Mistakes' gallery include", () => {
  const GALLERY = [
    { url: '/assets/images/a.jpg', image_path: '/assets/images/a-th.jpg', alt: 'The hall', title: 'Day one' },
    { url: 'https://flic.kr/p/8a6VXP', image_path: 'assets/images/b-th.jpg', alt: 'The <stage>' },
    { url: '/assets/images/c.jpg' },
    { image_path: 'assets/images/d-th.jpg' },
  ];
  const galleries = { gallery: galleryPhotos(GALLERY), gallery2: galleryPhotos(GALLERY.slice(0, 2)) };
  const reading: PreviewReading = { ...JEKYLL, galleries };

  it('is read as Jekyll reads the call: the list it names (`id`, else gallery), its caption and layout', () => {
    const text = '{% include gallery caption="The day." %}\n\n{%- include gallery id="gallery2" layout="half" -%}\n\n{% include gallery id=page.x %}\n\n{% include galleryx %}\n';
    expect(findGalleryIncludes(text).map((c) => [c.list, c.caption, c.layout])).toEqual([
      ['gallery', 'The day.', null],
      ['gallery2', null, 'half'],
      ['gallery', null, null],
    ]);
    // Its photos are the items with an image_path (an item with only a url shows nothing here).
    expect(galleries.gallery.map((p) => p.src)).toEqual(['/assets/images/a-th.jpg', 'assets/images/b-th.jpg', 'assets/images/d-th.jpg']);
  });

  it('the preview shows its photos side by side, as the theme writes them, with the caption; text where Liquid does not run', () => {
    expect(previewHtml('Before.\n\n{% include gallery caption="The **day**." %}\n\nAfter.\n', reading)).toBe(
      '<p>Before.</p><figure className="recap-gallery recap-gallery-third"><img src="/assets/images/a-th.jpg" alt="The hall" title="Day one"></img><img src="/assets/images/b-th.jpg" alt="The <stage>"></img><img src="/assets/images/d-th.jpg" alt=""></img><figcaption>The **day**.</figcaption></figure><p>After.</p>',
    );
    expect(previewHtml('{% include gallery id="gallery2" %}', reading)).toBe('<figure className="recap-gallery recap-gallery-half"><img src="/assets/images/a-th.jpg" alt="The hall" title="Day one"></img><img src="/assets/images/b-th.jpg" alt="The <stage>"></img></figure>');
    // Inside {% raw %} Jekyll publishes the call as written (the theme's docs show it so), as it does a figure include.
    expect(previewHtml('```liquid\n{% raw %}{% include gallery id="gallery2" %}{% endraw %}\n```\n', reading)).toBe('<pre><code className="language-liquid">{% raw %}{% include gallery id="gallery2" %}{% endraw %}</code></pre>');
    expect(findFigureIncludes('{% raw %}\n{% include figure.liquid path="a.jpg" %}\n{% endraw %}\n{% include figure.liquid path="b.jpg" %}').map((c) => c.src?.raw)).toEqual(['b.jpg']);
    // A list the front matter does not have: the empty figure the theme writes.
    expect(previewHtml('{% include gallery id="none" %}', reading)).toBe('<figure className="recap-gallery"></figure>');
    expect(previewHtml('{% include gallery %}', { ...HUGO, galleries })).toContain('{% include gallery %}');
    expect(previewHtml('{% include gallery %}', { ...LIQUID_OFF, galleries })).toContain('{% include gallery %}');
    // A hostile caption or photo stays text and a value.
    const hostile = { gallery: galleryPhotos([{ image_path: 'a.jpg" onerror="alert(1)', alt: '"><script>alert(1)</script>' }]) };
    expect(previewHtml('{% include gallery caption="<img src=x onerror=alert(1)>" %}', { ...JEKYLL, galleries: hostile })).toBe(
      '<figure className="recap-gallery"><img src="/a.jpg&quot; onerror=&quot;alert(1)" alt="&quot;><script>alert(1)</script>"></img><figcaption><img src=x onerror=alert(1)></figcaption></figure>'.replace(/&quot;/g, '"'),
    );
  });
});

describe('an al-folio site', () => {
  async function site(): Promise<{ root: string; post: string; text: string }> {
    const root = path.join(temp.dir(), 'al-folio');
    await writeText(path.join(root, '_config.yml'), 'title: blank\nbaseurl: /al-folio\n');
    for (const [i, n] of ['9.png', '7.png', 'prof_pic.png'].entries()) await png(path.join(root, 'assets/img', n), i + 1);
    const text = `---\nlayout: post\ntitle: a post with images\ndate: 2015-05-15 21:01:00\ndescription: this is what included images could look like\n---\n${ALFOLIO_BODY.replace(/\.jpg/g, '.png')}`;
    return { root, post: await writeText(path.join(root, '_posts/2015-05-15-images.md'), text), text };
  }

  it('lints clean (relative_url puts the base before the path), and a photo that is not there is named, looked for in the site only', async () => {
    const { root, post, text } = await site();
    const codes = (problems: Array<{ code: string; line?: number | null }>): Array<[string, number | null | undefined]> => problems.filter((p) => p.code.startsWith('image-')).map((p) => [p.code, p.line]);
    expect(codes(await temp.service().lintRecap({ text, path: post }))).toEqual([]);
    const outside = path.join(temp.dir(), 'secret.png');
    await png(outside, 7);
    const hostile = `${text}\n{% include figure.liquid path="assets/img/gone.png" %}\n\n{% include figure.liquid path="../../${path.basename(temp.dir())}/secret.png" %}\n`;
    const problems = (await temp.service().lintRecap({ text: hostile, path: post })).filter((p) => p.code.startsWith('image-'));
    expect(problems.map((p) => [p.code, p.line])).toEqual([
      ['image-missing', 20],
      ['image-refused', 22],
    ]);
    expect(problems[0]?.message).toContain(path.join(root, 'assets/img/gone.png'));
    for (const p of problems) expect(p.message).not.toContain(outside);
  });

  it('export into the site changes nothing; to a folder it takes the photos along, the post as written', async () => {
    const { root, post, text } = await site();
    const before = await treeHash(root);
    const inSite = await temp.service().exportRecap({ recapPath: post, text, target: { kind: 'site', dir: root } });
    expect([inSite.written, inSite.problems.filter((p) => p.severity === 'error')]).toEqual([false, []]);
    expect(await treeHash(root)).toBe(before);

    const out = path.join(temp.dir(), 'out');
    const report = await temp.service().exportRecap({ recapPath: post, text, target: { kind: 'folder', dir: out } });
    expect(report.files.map((f) => [f.path, f.status]).sort()).toEqual([
      ['_posts/2015-05-15-images.md', 'added'],
      ['assets/img/7.png', 'added'],
      ['assets/img/9.png', 'added'],
      ['assets/img/prof_pic.png', 'added'],
    ]);
    expect(await fs.readFile(path.join(out, '_posts/2015-05-15-images.md'), 'utf8')).toBe(text);
  });
});
