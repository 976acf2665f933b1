// The preview reads a Hugo figure's caption and credit as Hugo's figure does (`markdownify`): a
// credit's link is a link, emphasis is emphasis; a hostile caption gets no script, no javascript:
// link and no image the tray and lint do not count.
import type { Root, RootContent } from 'hast';
import { describe, expect, it } from 'vitest';
import { markdownReading } from '../../../electron/core/markdown/site-reading';
import { previewTree } from '../../../renderer/preview/pipeline';

const HUGO = markdownReading('hugo', '/site/content/news/kcd.md');
const JEKYLL = markdownReading('jekyll', '/site/_posts/2026-05-01-kcd.md');
/** The tree as compact HTML: each element with its attributes, no whitespace between blocks. */
function serialize(node: Root | RootContent): string {
  if (node.type === 'text') return node.value.trim() === '' && node.value.includes('\n') ? '' : node.value;
  if (node.type === 'root') return node.children.map(serialize).join('');
  if (node.type !== 'element') return '';
  const attrs = Object.entries(node.properties).map(([k, v]) => ` ${k}="${Array.isArray(v) ? v.join(' ') : String(v)}"`).join('');
  return `<${node.tagName}${attrs}>${node.children.map(serialize).join('')}</${node.tagName}>`;
}
const html = (text: string, reading = HUGO): string => serialize(previewTree(text, reading));

describe("a Hugo figure's caption in the preview", () => {
  it('is read as inline Markdown, with the credit after it and the photo linked', () => {
    const out = html('{{< figure src="/i/hall.png" alt="Hall" link="https://example.org/full.jpg" caption="Day *one*, by [Ana](https://example.org/ana)" attr="CNCF" attrlink="https://cncf.io" >}}');
    expect(out).toMatch(/^<figure><a href="https:\/\/example\.org\/full\.jpg"><img [^>]*><\/img><\/a><figcaption><p>Day <em>one<\/em>, by <a href="https:\/\/example\.org\/ana">Ana<\/a><a href="https:\/\/cncf\.io">CNCF<\/a><\/p><\/figcaption><\/figure>$/);
    expect(out).not.toContain('data-hugo-markdown');
  });

  it('keeps a hostile caption harmless: no script, no javascript: link, an image only as its alt text', () => {
    const out = html('{{< figure src="/i/hall.png" alt="Hall" caption="[x](javascript:alert(2)) ![secret](/etc/passwd) <img src=x onerror=alert(3)> <script>alert(1)</script>" >}}');
    expect(out).not.toMatch(/<script|javascript:|onerror|\/etc\/passwd|<img[^>]*src="x"/);
    expect(out).toContain('secret');
    // A caption that opens with raw HTML is an HTML block to Markdown: left out whole, as Hugo's markdownify leaves it out.
    expect(html('{{< figure src="/i/hall.png" alt="Hall" caption="<script>alert(1)</script> more" >}}')).toBe('<figure><img dataHugoFigure="" src="/i/hall.png" alt="Hall"></img><figcaption><p></p></figcaption></figure>');
    // A span written in the text is read as written anywhere else (it is no figure's caption on Jekyll).
    expect(html('<span data-hugo-markdown>*a*</span>', JEKYLL)).not.toContain('<em>');
  });
});
