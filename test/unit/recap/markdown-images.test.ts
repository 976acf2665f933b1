import { describe, expect, it } from 'vitest';
import { findImageRefs, findRecapImages } from '../../../electron/service/recap/markdown-images';

describe('findImageRefs', () => {
  it('finds links whose alt text has escaped brackets, as the photo tray writes them', () => {
    const line = '![Attendees \\[day 1\\] in the hall](/images/news/kcd/a.jpg) and ![](b.png)';
    expect(findImageRefs(`Intro\n${line}`)).toEqual([
      { alt: 'Attendees [day 1] in the hall', url: '/images/news/kcd/a.jpg', line: 2, column: 1, urlLine: 2, urlColumn: line.indexOf('/images') + 1, source: 'markdown' },
      { alt: '', url: 'b.png', line: 2, column: line.indexOf('![](') + 1, urlLine: 2, urlColumn: line.indexOf('b.png') + 1, source: 'markdown' },
    ]);
  });

  it('skips images inside fenced code and reads <img src>', () => {
    expect(findImageRefs('```\n![x](in-code.png)\n```\n<img src="/i/a.png" alt="a">').map((r) => r.url)).toEqual(['/i/a.png']);
  });

  it('treats a link in an HTML comment, a code span or indented code as text, as the preview does', () => {
    const text = [
      '<!-- ![](../../../../proc/self/cwd/.ssh/id_rsa) -->',
      '',
      'Inline `![x](span.png)` and `<img src="span2.png">`.',
      '',
      '    ![indented](code.png)',
      '',
      '<!--',
      '<img src="../../etc/passwd">',
      '-->',
      '',
      'Real: ![ok](ok.png)',
    ].join('\n');
    expect(findImageRefs(text).map((r) => r.url)).toEqual(['ok.png']);
  });

  it('finds <img> over several lines, srcset candidates, <picture> sources and reference-style images', () => {
    const text = ['Text <img', '  alt="multi" src="../x.png"> more', '', '<picture><source srcset="s1.png 1x, s2.png 2x"><img src="p.png" srcset="q.png 2x"></picture>', '', '![ref][r1]', '', '[r1]: ./ref.png "t"'].join('\n');
    const refs = findImageRefs(text);
    expect(refs.map((r) => [r.url, r.source, r.line, r.urlLine])).toEqual([
      ['../x.png', 'html', 1, 2],
      ['s1.png', 'srcset', 4, 4],
      ['s2.png', 'srcset', 4, 4],
      ['p.png', 'html', 4, 4],
      ['q.png', 'srcset', 4, 4],
      ['./ref.png', 'markdown', 6, 8],
    ]);
  });
});

describe('findRecapImages', () => {
  it('numbers body links by file line and adds the cover field', () => {
    const text = '---\ntitle: T\nimage: ../../../../etc/hostname\n---\n\n![a](/images/a.png)\n';
    expect(findRecapImages(text, 'image').map((r) => [r.url, r.line, r.source, r.field ?? null])).toEqual([
      ['../../../../etc/hostname', 3, 'front-matter', 'image'],
      ['/images/a.png', 6, 'markdown', null],
    ]);
  });
});
