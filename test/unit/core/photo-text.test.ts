import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { editorBody } from '../../../electron/core/frontmatter/frontmatter';
import {
  defaultPhotoOffset,
  escapeAlt,
  findPhotoLinks,
  followOffset,
  insertPhotoLinks,
  mapOffset,
  photoInsertionPoint,
  photoMarkdown,
  photoUses,
  removePhotoLinks,
  replacePhotoUrl,
  restoreSplices,
  setPhotoAlt,
  unescapeAlt,
  photoUseOf,
} from '../../../electron/core/markdown/photo-text';
import { markdownReading, postReading, READ_ALL } from '../../../electron/core/markdown/site-reading';

const reference = editorBody(readFileSync(new URL('../../fixtures/kubernetes-community-days-china.md', import.meta.url), 'utf8'));

describe('photoMarkdown and alt escapes', () => {
  it('escapes brackets and backslashes and flattens line breaks, and reads them back', () => {
    expect(photoMarkdown('Stage [left] \\ crowd\nnight', '/images/news/x/a.jpg')).toBe('![Stage \\[left\\] \\\\ crowd night](/images/news/x/a.jpg)');
    expect(unescapeAlt(escapeAlt('a [b] c\\d'))).toBe('a [b] c\\d');
  });

  it('finds links with escaped brackets, titles and <urls>, but not in code blocks', () => {
    const body = ['![a \\] b](/i/one.jpg "Title")', '```', '![code](/i/two.jpg)', '```', 'text ![c](</i/three four.jpg>) more'].join('\n');
    const links = findPhotoLinks(body);
    expect(links.map((l) => [l.rawAlt, l.url])).toEqual([
      ['a \\] b', '/i/one.jpg'],
      ['c', '/i/three four.jpg'],
    ]);
    expect(body.slice(links[0]!.start, links[0]!.end)).toBe('![a \\] b](/i/one.jpg "Title")');
  });
});

describe('insertPhotoLinks', () => {
  const a = '![a](/i/a.jpg)';
  const b = '![b](/i/b.jpg)';

  it('puts each link in its own paragraph at a blank line, reusing the blank lines there', () => {
    const body = 'First.\n\nSecond.\n';
    const at = body.indexOf('\nSecond'); // the blank line between the paragraphs
    const r = insertPhotoLinks(body, at, [a, b]);
    expect(r.body).toBe(`First.\n\n${a}\n\n${b}\n\nSecond.\n`);
    expect(r.body.slice(r.start, r.caret)).toBe(`${a}\n\n${b}`);
  });

  it('never splits a sentence: inside a line the links go after it', () => {
    const body = 'One sentence here.\nNext line.';
    expect(insertPhotoLinks(body, 4, [a]).body).toBe(`One sentence here.\n\n${a}\n\nNext line.`);
    // At the very start of a line they go before it.
    expect(insertPhotoLinks(body, body.indexOf('Next'), [a]).body).toBe(`One sentence here.\n\n${a}\n\nNext line.`);
  });

  it('handles the start and the end of the body and an empty body', () => {
    expect(insertPhotoLinks('', 0, [a]).body).toBe(`${a}\n`);
    expect(insertPhotoLinks('Text', 0, [a]).body).toBe(`${a}\n\nText`);
    expect(insertPhotoLinks('Text\n', 5, [a]).body).toBe(`Text\n\n${a}\n`);
    expect(insertPhotoLinks('Text', 4, [a]).body).toBe(`Text\n\n${a}\n`);
    expect(insertPhotoLinks('\n## Title\n', 0, [a]).body).toBe(`${a}\n\n## Title\n`);
  });

  it('moves out of a fenced code block', () => {
    const body = 'Intro\n\n```\ncode\n```\nAfter';
    expect(photoInsertionPoint(body, body.indexOf('code') + 2)).toBe(body.indexOf('\nAfter'));
    expect(insertPhotoLinks(body, body.indexOf('code'), [a]).body).toBe(`Intro\n\n\`\`\`\ncode\n\`\`\`\n\n${a}\n\nAfter`);
  });

  it('lands in the reference recap between two paragraphs without touching them', () => {
    const at = reference.indexOf('## Event Organizers');
    const r = insertPhotoLinks(reference, at, [a, b]);
    expect(r.body.slice(0, at)).toBe(reference.slice(0, at));
    expect(r.body.slice(at)).toBe(`${a}\n\n${b}\n\n${reference.slice(at)}`);
  });

  it('defaults to the end of a ## Photos section, else the end of the body', () => {
    const body = '## Intro\n\nHello\n\n## Photos\n\nDrag your event photos here.\n\n## Slides\n\nLinks\n';
    const at = defaultPhotoOffset(body);
    expect(insertPhotoLinks(body, at, [a]).body).toBe(`## Intro\n\nHello\n\n## Photos\n\nDrag your event photos here.\n\n${a}\n\n## Slides\n\nLinks\n`);
    expect(defaultPhotoOffset('No section\n')).toBe('No section\n'.length);
  });
});

describe('mapOffset', () => {
  it('follows a position across one edit before, after or around it', () => {
    const before = 'abc|def';
    expect(mapOffset(before, 'XXabc|def', 3)).toBe(5); // typed before
    expect(mapOffset(before, 'abc|defYY', 3)).toBe(3); // typed after
    expect(mapOffset(before, 'abc|def', 3)).toBe(3);
    expect(mapOffset(before, 'ab|def', 3)).toBe(2); // the character before was deleted
    expect(mapOffset('abcdef', 'aZZf', 3)).toBe(3); // inside a replaced stretch: its end
  });

  it('followOffset finds a position again after edits in several places', () => {
    const before = 'One sentence.\n\nTwo sentences here.\n';
    const at = before.indexOf('Two');
    const after = 'Zero. One sentence.\n\nTwo sentences here, and more.\n';
    expect(followOffset(before, after, at)).toBe(after.indexOf('Two'));
  });
});

describe('photoUses', () => {
  it('counts links per photo (any spelling of the URL), with the first alt; <img> counts too', () => {
    const body = '![Stage](/i/a%20b.jpg)\n\n![Other](</i/a b.jpg>)\n\n<img src="/i/c.png">\n\n```\n![x](/i/d.jpg)\n```\n';
    const uses = photoUses(body);
    expect(photoUseOf(uses, '/i/a%20b.jpg')).toEqual({ count: 2, alt: 'Stage' });
    expect(photoUseOf(uses, '/i/c.png')).toEqual({ count: 1, alt: null });
    expect(photoUseOf(uses, '/i/d.jpg')).toBeUndefined();
  });
});

describe('setPhotoAlt', () => {
  it('updates every link to that photo and nothing else', () => {
    const body = ['Intro with ![old](/i/a.jpg) inline.', '', '![old](/i/a.jpg "Title")', '', '![keep](/i/b.jpg)', '', '```', '![old](/i/a.jpg)', '```'].join('\n');
    const next = setPhotoAlt(body, '/i/a.jpg', 'Keynote [day 1]', READ_ALL);
    expect(next).toBe(
      ['Intro with ![Keynote \\[day 1\\]](/i/a.jpg) inline.', '', '![Keynote \\[day 1\\]](/i/a.jpg "Title")', '', '![keep](/i/b.jpg)', '', '```', '![old](/i/a.jpg)', '```'].join('\n'),
    );
    expect(setPhotoAlt(body, '/i/zzz.jpg', 'x', READ_ALL)).toBe(body);
  });

  it('updates the reference recap’s links one line each', () => {
    const next = setPhotoAlt(`${reference}\n![kcd-event](/images/news/kcd-china/kcd-event.png)\n`, '/images/news/kcd-china/kcd-event.png', 'The venue', READ_ALL);
    expect(next.match(/!\[The venue\]\(\/images\/news\/kcd-china\/kcd-event\.png\)/g)).toHaveLength(2);
    expect(next).toContain('![kcd-event-2](/images/news/kcd-china/kcd-event-2.png)');
  });
});

describe('replacePhotoUrl', () => {
  it('points links at the new name, alt and title kept, other links untouched', () => {
    const body = '![A](/i/a.png "T")\n\n![B](/i/b.png)\n\nsee ![A again](/i/a.png)';
    expect(replacePhotoUrl(body, '/i/a.png', '/i/a.jpg', READ_ALL)).toBe('![A](/i/a.jpg "T")\n\n![B](/i/b.png)\n\nsee ![A again](/i/a.jpg)');
  });
});

describe('removePhotoLinks and restoreSplices', () => {
  it('removes a link alone on its line with one blank line, leaving no gap', () => {
    const body = 'Before.\n\n![a](/i/a.jpg)\n\nAfter.\n';
    const r = removePhotoLinks(body, '/i/a.jpg', READ_ALL);
    expect(r.body).toBe('Before.\n\nAfter.\n');
    expect(r.removed).toBe(1);
    expect(restoreSplices(r.body, r.body, r.splices)).toBe(body);
  });

  it('removes every link, inline ones alone, and undo brings back exactly the old text', () => {
    const body = 'Intro ![a](/i/a.jpg) inline.\n\n![a](/i/a.jpg)\n\n![b](/i/b.jpg)\n\n![a](/i/a.jpg)\n\nEnd\n\n![a](/i/a.jpg)';
    const r = removePhotoLinks(body, '/i/a.jpg', READ_ALL);
    expect(r.body).toBe('Intro inline.\n\n![b](/i/b.jpg)\n\nEnd');
    expect(r.removed).toBe(4);
    expect(restoreSplices(r.body, r.body, r.splices)).toBe(body);
  });

  it('undo after the author typed elsewhere keeps the typing and brings the links back', () => {
    const body = '# T\n\nOne.\n\n![a](/i/a.jpg)\n\nTwo.\n';
    const r = removePhotoLinks(body, '/i/a.jpg', READ_ALL);
    const typed = r.body.replace('Two.', 'Two and three.').replace('One.', 'Zero. One.');
    expect(restoreSplices(typed, r.body, r.splices)).toBe('# T\n\nZero. One.\n\n![a](/i/a.jpg)\n\nTwo and three.\n');
  });

  it('removes the reference recap’s photo and restores it byte for byte', () => {
    const url = '/images/news/kcd-china/kcd-event-2.png';
    const r = removePhotoLinks(reference, url, READ_ALL);
    expect(r.body).not.toContain(url);
    expect(r.body).toContain('![kcd-event](/images/news/kcd-china/kcd-event.png)\n\n![kcd-event-3]');
    expect(restoreSplices(r.body, r.body, r.splices)).toBe(reference);
  });
});

describe('Jekyll Liquid image links in the tray', () => {
  const body = [
    'The stage.',
    '',
    '![The stage]({{ site.baseurl }}/assets/images/kcd/stage.png)',
    '',
    'And the hall: ![]({{ "/assets/images/kcd/hall.png" | relative_url }}) at noon.',
    '',
    '<img src="{{ site.baseurl }}/assets/images/kcd/stage.png" alt="again">',
  ].join('\n');

  it('counts a Liquid link as a use of the photo it renders to, as lint and the preview read it', () => {
    const uses = photoUses(body, markdownReading('jekyll', '/site/_posts/2024-05-01-kcd.md'));
    expect(photoUseOf(uses, '/assets/images/kcd/stage.png')).toEqual({ count: 2, alt: 'The stage' });
    expect(photoUseOf(uses, '/assets/images/kcd/hall.png')).toEqual({ count: 1, alt: '' });
  });

  const jekyll = markdownReading('jekyll', '/site/_posts/2024-05-01-kcd.md');

  it('sets the alt text, renames and removes a Liquid-linked photo, keeping the Liquid as written', () => {
    expect(setPhotoAlt(body, '/assets/images/kcd/hall.png', 'The hall', jekyll)).toContain('![The hall]({{ "/assets/images/kcd/hall.png" | relative_url }})');
    const renamed = replacePhotoUrl(body, '/assets/images/kcd/stage.png', '/assets/images/kcd/stage-1.png', jekyll);
    expect(renamed).toContain('![The stage]({{ site.baseurl }}/assets/images/kcd/stage-1.png)');
    const { body: without, splices } = removePhotoLinks(body, '/assets/images/kcd/hall.png', jekyll);
    expect(without).toContain('And the hall: at noon.');
    expect(restoreSplices(without, without, splices)).toBe(body);
  });

  it("renames, counts and removes a photo Jekyll's link tag names, the tag kept with or without its first slash", () => {
    const tagged = '![Stage]({% link assets/images/kcd/stage.png %})\n\n<img src="{%- link /assets/images/kcd/stage.png -%}" alt="Stage again">\n\nThe end.';
    expect(photoUseOf(photoUses(tagged, jekyll), '/assets/images/kcd/stage.png')).toEqual({ count: 2, alt: 'Stage' });
    expect(replacePhotoUrl(tagged, '/assets/images/kcd/stage.png', '/assets/images/kcd/stage-1.png', jekyll)).toBe(tagged.replace(/stage\.png/g, 'stage-1.png'));
    expect(removePhotoLinks(tagged, '/assets/images/kcd/stage.png', jekyll).body).not.toContain('{%');
  });

  it('edits no Liquid link where the site publishes it as written (Hugo; a Jekyll post with render_with_liquid: false), as the tray counts no use there', () => {
    const liquidOff = postReading(jekyll, (key) => (key === 'render_with_liquid' ? false : undefined));
    for (const reading of [markdownReading('hugo', '/site/content/news/kcd.md'), liquidOff]) {
      expect(photoUseOf(photoUses(body, reading), '/assets/images/kcd/hall.png')).toBeUndefined();
      expect(setPhotoAlt(body, '/assets/images/kcd/hall.png', 'The hall', reading)).toBe(body);
      expect(replacePhotoUrl(body, '/assets/images/kcd/stage.png', '/assets/images/kcd/stage-1.png', reading)).toBe(body);
      expect(removePhotoLinks(body, '/assets/images/kcd/hall.png', reading)).toEqual({ body, removed: 0, splices: [] });
    }
    // A plain link to the photo beside them is still the photo.
    const mixed = `${body}\n\n![Stage](/assets/images/kcd/stage.png)`;
    const renamed = replacePhotoUrl(mixed, '/assets/images/kcd/stage.png', '/assets/images/kcd/stage-1.png', liquidOff);
    expect(renamed).toBe(`${body}\n\n![Stage](/assets/images/kcd/stage-1.png)`);
  });
});

// Raw HTML and MDX's JSX: an <img> tag is a use of its photo like a Markdown link, and the tray's
// actions (alt text, a new name, removal) reach it too — as the preview and lint read it.
describe('<img> tags in the tray', () => {
  const MDX = markdownReading('docusaurus', '/site/blog/kcd/index.mdx');
  const HUGO = markdownReading('hugo', '/site/content/news/kcd.md');
  const body = [
    'Intro.',
    '',
    '<img',
    '  src="/images/news/kcd/stage.png"',
    '  alt="Stage > crowd &amp; band"',
    '  width="600"',
    '/>',
    '',
    'Before <img src=/images/news/kcd/stage.png> after.',
    '',
    "<figure><img src='/images/news/kcd/hall.png' title=\"x\"><figcaption>Hall</figcaption></figure>",
    '',
    '```html',
    '<img src="/images/news/kcd/stage.png" alt="code">',
    '```',
    '',
  ].join('\n');

  it('counts a tag over several lines, quoted either way or not, and reads its alt as a reader sees it', () => {
    const uses = photoUses(body, HUGO);
    expect(photoUseOf(uses, '/images/news/kcd/stage.png')).toEqual({ count: 2, alt: 'Stage > crowd & band' });
    expect(photoUseOf(uses, '/images/news/kcd/hall.png')).toEqual({ count: 1, alt: null });
  });

  it('sets the alt attribute of every tag of the photo, adding one after the src where there is none', () => {
    const out = setPhotoAlt(body, '/images/news/kcd/stage.png', 'Main "stage" & lights', HUGO);
    expect(out).toContain('  alt="Main &quot;stage&quot; &amp; lights"\n  width="600"');
    expect(out).toContain('Before <img src=/images/news/kcd/stage.png alt="Main &quot;stage&quot; &amp; lights"> after.');
    // Code and other photos untouched; read back, the alt is the one set.
    expect(out).toContain('<img src="/images/news/kcd/stage.png" alt="code">');
    expect(out).toContain("<img src='/images/news/kcd/hall.png' title=\"x\">");
    expect(photoUseOf(photoUses(out, HUGO), '/images/news/kcd/stage.png')).toEqual({ count: 2, alt: 'Main "stage" & lights' });
    // The same alt again changes nothing.
    expect(setPhotoAlt(out, '/images/news/kcd/stage.png', 'Main "stage" & lights', HUGO)).toBe(out);
  });

  it('points every tag of a renamed photo at its new name, in and out of quotes', () => {
    const out = replacePhotoUrl(body, '/images/news/kcd/stage.png', '/images/news/kcd/stage.jpg', HUGO);
    expect(out.match(/stage\.jpg/g)).toHaveLength(2);
    expect(out).toContain('  src="/images/news/kcd/stage.jpg"\n  alt="Stage > crowd &amp; band"');
    expect(out).toContain('Before <img src=/images/news/kcd/stage.jpg> after.');
    expect(out).toContain('<img src="/images/news/kcd/stage.png" alt="code">');
  });

  it('removes a tag alone on its lines with them, one inside a sentence alone, and undo brings back the text', () => {
    const r = removePhotoLinks(body, '/images/news/kcd/stage.png', HUGO);
    expect(r.removed).toBe(2);
    expect(r.body).toBe(['Intro.', '', 'Before after.', '', "<figure><img src='/images/news/kcd/hall.png' title=\"x\"><figcaption>Hall</figcaption></figure>", '', '```html', '<img src="/images/news/kcd/stage.png" alt="code">', '```', ''].join('\n'));
    expect(restoreSplices(r.body, r.body, r.splices)).toBe(body);
  });

  it('MDX: relinks the import that src={hall} shows and a require, and counts nothing in an export', () => {
    const mdx = [
      "import hall from './hall.png';",
      '',
      'export const Banner = () => <img src="./hall.png" />;',
      '',
      '<img src={hall} alt="The hall" />',
      '',
      "<img src={require('./hall.png').default} />",
      '',
    ].join('\n');
    expect(photoUseOf(photoUses(mdx, MDX), './hall.png')).toEqual({ count: 2, alt: 'The hall' });
    const out = replacePhotoUrl(mdx, './hall.png', './hall.jpg', MDX);
    expect(out).toBe(mdx.replace("from './hall.png'", "from './hall.jpg'").replace("require('./hall.png')", "require('./hall.jpg')"));
    expect(setPhotoAlt(mdx, './hall.png', 'Hall', MDX)).toBe(mdx.replace('alt="The hall"', 'alt="Hall"').replace('{require(\'./hall.png\').default} />', '{require(\'./hall.png\').default} alt="Hall" />'));
  });

  it('sees no photo in an HTML comment (over lines too) or a code span, as Markdown reads them', () => {
    const text = [
      'Taken out: <!-- ![Old](/i/old.png) <img src="/i/old2.png"> -->',
      '',
      '<!--',
      '![Older](/i/older.png)',
      '-->',
      '',
      'Write `![x](/i/code.png)` or ``<img src="/i/code2.png">`` to show a photo: ![Shown](/i/shown.png) `unclosed <img src="/i/after.png">',
      '',
    ].join('\n');
    expect([...photoUses(text, HUGO).keys()]).toEqual(['/i/shown.png', '/i/after.png']);
    expect(removePhotoLinks(text, '/i/old.png', HUGO).removed).toBe(0);
  });

  it('reference-style images: counted as their definition\'s photo; alt text, a new name and removal reach them', () => {
    const text = ['![The hall][hall] and ![hall][] and ![Hall]', '', '[hall]: </images/news/kcd/hall.png> "The hall"', ''].join('\n');
    expect(photoUseOf(photoUses(text, HUGO), '/images/news/kcd/hall.png')).toEqual({ count: 3, alt: 'The hall' });
    // Alt text: the collapsed and shortcut forms name their definition by their alt, so they are written in full.
    expect(setPhotoAlt(text, '/images/news/kcd/hall.png', 'Full hall', HUGO)).toBe(
      ['![Full hall][hall] and ![Full hall][hall] and ![Full hall][Hall]', '', '[hall]: </images/news/kcd/hall.png> "The hall"', ''].join('\n'),
    );
    // A new name: the definition, once.
    expect(replacePhotoUrl(text, '/images/news/kcd/hall.png', '/images/news/kcd/hall.jpg', HUGO)).toBe(text.replace('hall.png>', 'hall.jpg>'));
    const r = removePhotoLinks(text, '/images/news/kcd/hall.png', HUGO);
    expect(r.removed).toBe(3);
    expect(photoUses(r.body, HUGO).size).toBe(0);
    expect(restoreSplices(r.body, r.body, r.splices)).toBe(text);
  });

  it('srcset: each candidate is a use; a new name relinks it, removal takes out the candidate or the whole tag', () => {
    const text = [
      '<img src="/i/a.png" srcset="/i/a.png 1x, /i/a@2x.png 2x" alt="A">',
      '',
      '<picture>',
      '<source srcset="/i/a@2x.png 2x">',
      '<img src="/i/b.png" alt="B">',
      '</picture>',
      '',
    ].join('\n');
    const uses = photoUses(text, HUGO);
    expect(photoUseOf(uses, '/i/a.png')).toEqual({ count: 2, alt: 'A' });
    expect(photoUseOf(uses, '/i/a@2x.png')).toEqual({ count: 2, alt: 'A' });
    expect(replacePhotoUrl(text, '/i/a@2x.png', '/i/a@2x.jpg', HUGO)).toBe(text.replaceAll('/i/a@2x.png', '/i/a@2x.jpg'));
    // The 2x photo: out of the first srcset (the tag shows a.png too) and, its only photo, the <source> whole.
    const r = removePhotoLinks(text, '/i/a@2x.png', HUGO);
    expect(r.removed).toBe(2);
    expect(r.body).toBe(['<img src="/i/a.png" srcset="/i/a.png 1x" alt="A">', '', '<picture>', '<img src="/i/b.png" alt="B">', '</picture>', ''].join('\n'));
    expect(restoreSplices(r.body, r.body, r.splices)).toBe(text);
    // The alt text of an <img> reaches it through a srcset candidate too.
    expect(setPhotoAlt(text, '/i/a@2x.png', 'Two', HUGO)).toBe(text.replace('alt="A"', 'alt="Two"'));
  });
});

