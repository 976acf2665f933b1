// One truth about Hugo's figure shortcode, on text nobody would write on purpose: random runs of
// the pieces a call is made of (both delimiters, every way to quote a value, escaped quotes, raw
// strings over lines, values Hugo refuses, escaped calls,
// comments, fences, quotes, lists, HTML blocks, an <img> and a Markdown image beside them). On
// each, the photo tray's reading (photo-text.ts) and the link finder's (the parser lint, the
// preflight and the preview use) find the same photos, wherever a post without shortcodes
// already reads the same both ways, and the same of them as figures where Hugo's embedded image
// render hook reads the Markdown images. Deterministic: the same 3,000 texts every run.
import { expect, it } from 'vitest';
import { photoUses } from '../../../electron/core/markdown/photo-text';
import { markdownReading } from '../../../electron/core/markdown/site-reading';
import { findImageRefs } from '../../../electron/service/recap/markdown-images';

const HUGO = markdownReading('hugo', '/site/content/news/kcd.md');
const HOOKED = { ...HUGO, imageHook: true as const };
const PIECES = ['a ', '\n', '\n\n', '{{< figure', '{{% figure', ' src="/i/a.png"', ' src=/i/b.png', ' src=`/i/c.png`', ' alt="x"', ' alt=`y "z"`', ' caption="c & d"', ' alt="q \\"r\\" s"', ' caption=`two\nlines`', ' title="open\nline"', ' alt="t\\`u"', ' >}}', ' %}}', ' />}}', '>}}', '\n```\n', '<!-- ', ' -->', '    ', '> ', '- ', '{{</* ', ' */>}}', '<img src="/i/d.png">', '![m](/i/e.png)', '"', '=', '&amp;', '<div>\n', '</div>\n'];
/** A small linear congruential generator: the same texts from the same seed. */
function rand(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
}
it('the tray and the finder find the same photos in 3,000 random texts of figure pieces', () => {
  const decoded = (u: string): string => {
    try {
      return decodeURI(u);
    } catch {
      return u; // `src=/i/b.png%}}` in a `{{<` call: the unquoted value runs to a space, as Hugo reads it.
    }
  };
  const norm = (u: string): string => decoded(u).replace(/^\.\//, '');
  const bad: string[] = [];
  for (let seed = 1; seed <= 3000; seed++) {
    const r = rand(seed);
    let body = '';
    const n = 4 + Math.floor(r() * 14);
    for (let i = 0; i < n; i++) body += PIECES[Math.floor(r() * PIECES.length)];
    const same = (reading: typeof HUGO): boolean => {
      const tray = [...photoUses(body, reading)].flatMap(([url, use]) => Array<string>(use.count).fill(norm(url))).sort();
      const finder = findImageRefs(body, reading).map((x) => norm(x.url)).sort();
      return JSON.stringify(tray) === JSON.stringify(finder);
    };
    // Where a post without shortcodes already reads differently both ways, the figure is not what differs.
    if (!same(HUGO) && same({ liquid: false, mdx: false, generator: 'jekyll' })) bad.push(JSON.stringify(body));
    // With Hugo's embedded image render hook, both look up the same photos as figures (Markdown images and calls, never a raw <img>).
    const figures = (list: string[]): string => JSON.stringify([...new Set(list.map(norm))].sort());
    const tray = figures([...photoUses(body, HOOKED)].filter(([, use]) => use.figure === true).map(([url]) => url));
    const finder = figures(findImageRefs(body, HOOKED).filter((x) => x.figure === true).map((x) => x.url));
    if (same(HUGO) && tray !== finder) bad.push(`hook: ${JSON.stringify(body)}`);
  }
  expect(bad.slice(0, 5).join('\n')).toBe('');
});
