// kramdown, Jekyll's Markdown, reads an attribute list as attributes: the preview of a Jekyll post
// shows neither `{: w="300" h="300" .center}` after a photo nor `{: .prompt-tip }` under a quote as
// text, and the photo takes the size the list gives it. Another site's post shows them as written,
// as its generator publishes them.
import { describe, expect, it } from 'vitest';
import { markdownReading } from '../../../electron/core/markdown/site-reading';
import { previewHtml } from '../support/preview-html';

const JEKYLL = markdownReading('jekyll', '/site/_posts/2024-09-07-boardlight.md');
const HUGO = markdownReading('hugo', '/site/content/news/kcd.md');

const html = (text: string, reading = JEKYLL): string => previewHtml(text, reading);

describe("kramdown's attribute lists in a Jekyll post's preview", () => {
  it("size a photo (Chirpy's w and h too) and are no text", () => {
    expect(html('![Room card](room_card.png){: w="300" h="200" .center .shadow}')).toBe('<p><img src="room_card.png" alt="Room card" width="300" height="200"></img></p>');
    expect(html('![A](a.png){:width="50%"} and more')).toBe('<p><img src="a.png" alt="A" width="50%"></img> and more</p>');
    // A value that is no size is left out, never copied into the tag.
    expect(html('![A](a.png){: w="javascript:x" onerror="alert(1)"}')).toBe('<p><img src="a.png" alt="A"></img></p>');
  });

  it("a block's list on its own line is no text: under a quote (Chirpy's prompts), after a paragraph, alone", () => {
    expect(html('> An example showing the `tip` type prompt.\n{: .prompt-tip }')).toBe('<blockquote><p>An example showing the <code>tip</code> type prompt.</p></blockquote>');
    expect(html('Read this first.\n{: .notice--info}')).toBe('<p>Read this first.</p>');
    expect(html('{: .notice}')).toBe('');
    // In code it is code.
    expect(html('`{: .notice}`')).toBe('<p><code>{: .notice}</code></p>');
  });

  it('is text on a post of another site, as its generator publishes it', () => {
    expect(html('![Room card](room_card.png){: w="300"}', HUGO)).toBe('<p><img src="room_card.png" alt="Room card"></img>{: w="300"}</p>');
  });
});
