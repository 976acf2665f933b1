// The photo tray's uses, kept across edits: after any edit they equal a full scan of the new text.
import { describe, expect, it } from 'vitest';
import { photoUses } from '../../../electron/core/markdown/photo-text';
import { findImageRefs } from '../../../electron/service/recap/markdown-images';
import { READ_ALL, markdownReading } from '../../../electron/core/markdown/site-reading';
import type { MarkdownReading } from '../../../electron/core/markdown/site-reading';
import { nextPhotoUses } from '../../../renderer/photos/photoUsesCache';
import type { PhotoUsesOf } from '../../../renderer/photos/photoUsesCache';
import { randomEdits, referenceBody as reference } from '../support/random-edits';

// Pieces that make, break or move links, <img> tags and code fences, beside plain typing.
const PIECES = ['a', 'b', ' ', '\n', '\n\n', '!', '[', ']', '(', ')', '<', '>', '`', '~', '```', '~~~', '\n```\n', '![', '](', '![x](/i/new.jpg)', '<img src="/i/new.jpg">', '<IMG SRC=/i/up.png>', '%20', '\\]'];

/** Shapes real posts take around their photos (see the last test). */
const SHAPES = [
  '<!-- ![Old](/i/old.png) -->\n\n![New](/i/new.png)',
  'Text <!-- ![Old](/i/old.png) --> and ![New](/i/new.png) inline.',
  '<!--\n![Older](/i/older.png)\n```\n-->\n\n![After](/i/after.png)',
  'An unclosed <!-- comment is text: ![Shown](/i/shown.png)\n\nNext.',
  'Write `![x](/i/code.png)` or ``<img src="/i/code2.png">``: ![Shown](/i/shown.png)',
  'Intro.\n\n    ![indented](/i/indented.png)\n\nAfter.',
  'A paragraph\n    ![continued](/i/continued.png)',
  '- Item\n\n    ![in the item](/i/item.png)',
  '1. Step\n   ![step](/i/step.png)',
  '- Item\n\n    More about it.\n\n    ![in item](/i/item.png)',
  '![The hall][hall] and ![Hall again][HALL]\n\n[hall]: /i/hall.png',
  '[stage]: </i/stage.png> "Main stage"\n\n![stage][] then ![Stage]',
  '![No definition][nodef] and ![Inline](/i/inline.png)',
  '`![code][hall]`\n\n[hall]: /i/hall.png',
  '<img src="/i/a.png" srcset="/i/a.png 1x, /i/a@2x.png 2x" alt="A">',
  '<picture>\n<source srcset="/i/wide.webp 1200w, /i/narrow.webp 600w" type="image/webp">\n<img src="/i/fallback.jpg" alt="Fallback">\n</picture>',
  '- Item\n\nMore about it.\n\n    ![code](/i/code.png)',
  '> ![quoted](/i/quoted.png)',
  '<div align="center">\n![raw](/i/raw.png)\n</div>\n\n![after](/i/after.png)',
  '<div align="center">\n\n![md](/i/md.png)\n\n</div>',
  '<figure>\n<img src="/i/fig.png" alt="Fig">\n<figcaption>Caption</figcaption>\n</figure>',
  '<img src="/i/lone.png">\n![next](/i/next.png)',
  'Text\n<img src="/i/inline.png"> and ![md](/i/md.png)',
  '<img\n  src="/i/multi.png"\n  alt="Multi"\n/>',
  '<p>\n  <img src=/i/unquoted.png width=300>\n</p>',
  '```\n<img src="/i/fenced.png">\n```\n\n~~~md\n![f](/i/fenced2.png)\n~~~',
  '<pre>\n![pre](/i/pre.png)\n</pre>\n\n![post](/i/post.png)',
  // Hugo's figure shortcode: a photo on a Hugo post; code, a comment or a call written as text is none.
  '{{< figure src="/i/fig1.png" alt="One" caption="Cap" >}}',
  '{{< figure\n    src="/i/fig2.png"\n    title="Two"\n>}}',
  '{{% figure src=`/i/fig3.png` alt=`Three "3"` %}}',
  'Inline {{< figure src="/i/fig4.png" />}} in text and ![md](/i/md4.png).',
  'Text: {{</* figure src="/i/escaped.png" */>}}',
  '```\n{{< figure src="/i/code-fig.png" >}}\n```',
  '<!-- {{< figure src="/i/commented.png" >}} -->',
  'Intro.\n\n    {{< figure src="/i/indented-fig.png" >}}',
  '> {{< figure src="/i/quoted-fig.png" >}}',
  '- Item\n\n  {{< figure src="/i/item-fig.png" >}}',
  '{{< figure src="/i/a&amp;b.png" alt="Fish &amp; chips" >}}',
  '{{< figure src=/i/unquoted-fig.png alt=Plain >}} and {{< figure src=/i/x.png>y >}}',
];

/** Random edits of `start`, each seed's run from scratch: after every edit the kept uses equal a full scan. */
function expectKeptEqualsFull(start: string, seeds: number[], pieces: readonly string[], maxDelete: number, reading: MarkdownReading): void {
  for (const seed of seeds) {
    let last: PhotoUsesOf | null = null;
    let i = 0;
    for (const body of randomEdits(start, seed, 400, pieces, maxDelete)) {
      last = nextPhotoUses(last, body, reading);
      expect(last.body, `seed ${seed}, edit ${i}`).toBe(body);
      expect(last.uses, `seed ${seed}, edit ${i++}`).toEqual(photoUses(body, reading));
    }
  }
}

describe('nextPhotoUses', () => {
  it('equals a full scan after every edit of a long run of random edits', () => {
    expectKeptEqualsFull(reference, [1, 2, 3], PIECES, 40, READ_ALL);
  });

  it('keeps the same answer while typing changes no link, and scans again when an edit touches one', () => {
    const first = nextPhotoUses(null, reference, READ_ALL);
    expect(first.uses.size).toBeGreaterThan(0);
    // Typing a word at the end of a paragraph.
    const para = reference.indexOf('\n', reference.search(/^[A-Za-z].{80,}$/m));
    const typed = `${reference.slice(0, para)} word${reference.slice(para)}`;
    const second = nextPhotoUses(first, typed, READ_ALL);
    expect(second.uses).toBe(first.uses);
    // Editing a link's alt text: the first link of the body.
    const alt = reference.indexOf('![') + 2;
    const renamed = `${reference.slice(0, alt)}New ${reference.slice(alt)}`;
    const third = nextPhotoUses(second, renamed, READ_ALL);
    expect(third.uses).not.toBe(first.uses);
    expect(third.uses).toEqual(photoUses(renamed));
    expect([...third.uses.values()].some((u) => u.alt?.startsWith('New '))).toBe(true);
  });

  it('sees a fence opened above the links: they become code', () => {
    const body = 'Intro\n\n![A](/i/a.jpg)\n\n![B](/i/b.jpg)\n';
    const first = nextPhotoUses(null, body, READ_ALL);
    expect(first.uses.size).toBe(2);
    const fenced = `Intro\n\`\`\`\n${body.slice('Intro\n'.length)}`;
    expect(nextPhotoUses(first, fenced, READ_ALL).uses.size).toBe(0);
  });

  // MDX: an import or export statement is code (the preview shows nothing, the finder checks
  // nothing there); the same lines on a site that reads Markdown are a paragraph it publishes.
  const MDX_BODY = [
    "import hall from './hall.png';",
    "import Figure from '@site/src/Figure';",
    '',
    'export const Banner = () => (',
    '  <div>',
    '    <img src="/img/banner.png" />',
    '  </div>',
    ');',
    '',
    '![The hall](./hall.png)',
    '',
    '<img src={hall} alt="Hall again" />',
    '',
    'export const meta = { cover: "![x](/img/cover.png)" };',
    '',
    'Export of the photos went fine.',
    '',
  ].join('\n');
  const MDX = markdownReading('docusaurus', '/site/blog/kcd/index.mdx');
  const MD = markdownReading('hugo', '/site/content/posts/kcd/index.md');

  it('counts no image inside an MDX import or export statement, as the preview and the finder read it', () => {
    const mdx = photoUses(MDX_BODY, MDX);
    expect([...mdx.keys()].sort()).toEqual(['hall.png']);
    expect(mdx.get('hall.png')).toEqual({ count: 2, alt: 'The hall' });
    // Read as Markdown, the statements are paragraphs: their images are the post's.
    expect([...photoUses(MDX_BODY, MD).keys()].sort()).toEqual(['/img/banner.png', '/img/cover.png', 'hall.png']);
  });

  it('on an MDX post, equals a full scan after edits that start, end or join statements', () => {
    const pieces = ['a', ' ', '\n', '\n\n', '<', '<div>', '</div>', 'import a from "./a.png";\n', '\nexport const B = <img src="/img/b.png" />\n', 'export ', 'import ', '![y](/img/y.png)', '<img src={a} />', '```'];
    expectKeptEqualsFull(MDX_BODY, [4, 5, 6], pieces, 12, MDX);
  });

  it('sees a blank line that cuts a statement: the image after it is the post\'s again', () => {
    const body = 'export const year = 2024;\n<img src="/img/banner.png" />\n';
    const first = nextPhotoUses(null, body, MDX);
    expect(first.uses.size).toBe(0);
    const cut = body.replace(';\n', ';\n\n');
    const second = nextPhotoUses(first, cut, MDX);
    expect([...second.uses.keys()]).toEqual(['/img/banner.png']);
    // And joined again: code once more.
    expect(nextPhotoUses(second, body, MDX).uses.size).toBe(0);
  });

  it('equals a full scan after edits that make, break and change <img> tags over several lines', () => {
    const start = `${reference.slice(0, 2000)}\n\n<img\n  src="/i/m.png"\n  alt="Multi"\n/>\n\n<img src="/i/open.png"\n  alt="never closed"\n\n${reference.slice(2000, 4000)}\n`;
    const pieces = ['a', ' ', '\n', '\n\n', '>', '/>', '"', "'", '<img', '<img\n', '\n  src="/i/n.png"', ' alt="x"', 'alt=', 'src=', '{', '}', '=', '<img src=/i/u.png\n', '<!--', '-->', '<!-- ', '`', '``', '-', '!'];
    expectKeptEqualsFull(start, [7, 8, 9], pieces, 12, READ_ALL);
  });

  // One truth: the tray's count of each photo is the number of images the service's finder (a full
  // Markdown and HTML parser, as lint, the preflight and the preview read the post) sees, on the
  // shapes real posts take.
  it('counts what the finder finds: comments, code, HTML blocks, lists, quotes, tags over lines', () => {
    const norm = (u: string): string => decodeURI(u).replace(/^\.\//, '');
    const reading = markdownReading('hugo', '/site/content/news/kcd.md');
    for (const body of SHAPES) {
      const tray = [...photoUses(body, reading)].flatMap(([url, use]) => Array<string>(use.count).fill(norm(url))).sort();
      const finder = findImageRefs(body, reading).map((r) => norm(r.url)).sort();
      expect(tray, body).toEqual(finder);
    }
  });

  it("equals a full scan after edits that make, break and change Hugo's figure shortcode over one line or several", () => {
    const start = `${reference.slice(0, 2000)}\n\n{{< figure\n  src="/i/f.png"\n  alt="Multi"\n>}}\n\n{{< figure src="/i/open.png"\n  alt="never closed"\n\n${reference.slice(2000, 4000)}\n`;
    const pieces = ['a', ' ', '\n', '\n\n', '>}}', '%}}', '/>}}', '{{<', '{{%', '{{< figure', ' figure', '{{</*', '*/>}}', '"', '`', ' src="/i/n.png"', '\n  src="/i/m.png"', ' alt="x"', 'src=', '=', '<!--', '-->', '```', '-'];
    expectKeptEqualsFull(start, [13, 14, 15], pieces, 12, markdownReading('hugo', '/site/content/news/kcd.md'));
  });

  it('equals a full scan after edits that open or close HTML blocks, indented code, lists and comments', () => {
    const start = SHAPES.join('\n\n');
    const pieces = ['a', ' ', '\n', '\n\n', '    ', '\t', '- ', '1. ', '# ', '<div>', '</div>', '\n<div>\n', '<pre>', '</pre>', '<!-- ', ' -->', '`', '```', '>', '<', '![z](/i/z.png)', '\n\n[hall]: /i/h2.png\n\n', '![x][hall]', '![stage]', ']:', '[', ']'];
    expectKeptEqualsFull(start, [10, 11, 12], pieces, 12, READ_ALL);
  });

  it('sees an edit in a block without links that changes a later block: a list item, a <pre> over blank lines', () => {
    // The indented line continues the list item; without the item it is code.
    const listed = '- Item\n\n    ![in item](/i/item.png)\n';
    const first = nextPhotoUses(null, listed, READ_ALL);
    expect([...first.uses.keys()]).toEqual(['/i/item.png']);
    expect(nextPhotoUses(first, listed.replace('- Item', 'Item'), READ_ALL).uses.size).toBe(0);
    // An indented paragraph of the item taken left ends the list: the link after it is code.
    const continued = '- Item\n\n    More about it.\n\n    ![in item](/i/item.png)\n';
    const kept = nextPhotoUses(null, continued, READ_ALL);
    expect(kept.uses.size).toBe(1);
    expect(nextPhotoUses(kept, continued.replace('    More', 'More'), READ_ALL).uses.size).toBe(0);
    // <pre> holds its lines up to </pre>, blank lines too; another tag ends at the first blank line.
    const pre = '<pre>\n\n![in pre](/i/pre.png)\n\n</pre>\n';
    const second = nextPhotoUses(null, pre, READ_ALL);
    expect(second.uses.size).toBe(0);
    expect([...nextPhotoUses(second, pre.replace('<pre>', '<pra>'), READ_ALL).uses.keys()]).toEqual(['/i/pre.png']);
  });
});

