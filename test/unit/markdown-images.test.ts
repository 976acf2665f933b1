import { describe, expect, it } from 'vitest';
import { findImageRefs } from '../../electron/service/markdown-images';

describe('findImageRefs', () => {
  it('finds links whose alt text has escaped brackets, as the photo tray writes them', () => {
    const line = '![Attendees \\[day 1\\] in the hall](/images/news/kcd/a.jpg) and ![](b.png)';
    expect(findImageRefs(`Intro\n${line}`)).toEqual([
      { alt: 'Attendees \\[day 1\\] in the hall', url: '/images/news/kcd/a.jpg', line: 2, column: 1 },
      { alt: '', url: 'b.png', line: 2, column: line.indexOf('![](') + 1 },
    ]);
  });

  it('skips images inside fenced code and reads <img src>', () => {
    expect(findImageRefs('```\n![x](in-code.png)\n```\n<img src="/i/a.png" alt="a">').map((r) => r.url)).toEqual(['/i/a.png']);
  });
});
