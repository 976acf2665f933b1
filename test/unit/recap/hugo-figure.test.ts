// Hugo's built-in figure shortcode (`{{< figure src="…" alt="…" caption="…" >}}`), as Hugo posts
// show their photos: on a Hugo post the link finder (lint, export's preflight and copy), the photo
// tray's reading of the text and the preview all take its src as an image of the post; on other
// sites it is text, as they publish it. Posts are built in real site folders in a temp dir.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findFigureFaults, findFigureShortcodes } from '../../../electron/core/markdown/hugo-figure';
import { lintText } from '../../../electron/core/recap/lint';
import { loadProfile } from '../../../electron/service/site/profile';
import { photoRefs, photoUseOf, photoUses, removePhotoLinks, replacePhotoUrl, setPhotoAlt } from '../../../electron/core/markdown/photo-text';
import { applyRewrites, linkRewrites, markdownReading, READ_ALL } from '../../../electron/core/markdown/site-reading';
import { countWords } from '../../../electron/core/markdown/word-count';
import { findImageRefs } from '../../../electron/service/recap/markdown-images';
import { scanSite } from '../../../electron/service/site/site-rules';
import { serviceInTempDir } from '../support/temp-service';
import { png, writeText } from '../support/site-fixture';

const HUGO = markdownReading('hugo', '/site/content/en/news/kcd.md');
const JEKYLL = markdownReading('jekyll', '/site/_posts/2024-05-01-kcd.md');

const BODY = [
  'Day one opened with a full hall.',
  '',
  '{{< figure src="/images/news/kcd/hall.png" alt="The hall" caption="Opening keynote" >}}',
  '',
  '{{< figure',
  '    src="/images/news/kcd/stage.png"',
  '    title="The stage"',
  '/>}}',
  '',
  '{{% figure src=`/images/news/kcd/crowd.png` alt=`The "crowd"` %}}',
  '',
  'Shown as text: {{</* figure src="/images/news/kcd/hall.png" */>}}',
  '',
  '```',
  '{{< figure src="/images/news/kcd/code.png" >}}',
  '```',
  '',
].join('\n');

describe('Hugo figure shortcode', () => {
  it('reads each call: src, alt, title, caption, over one line or several, raw strings; a commented-out call is none', () => {
    const calls = findFigureShortcodes(BODY);
    expect(calls.map((c) => [c.src?.raw, c.alt?.raw ?? null, c.title, c.caption])).toEqual([
      ['/images/news/kcd/hall.png', 'The hall', null, 'Opening keynote'],
      ['/images/news/kcd/stage.png', null, 'The stage', null],
      ['/images/news/kcd/crowd.png', 'The "crowd"', null, null],
      ['/images/news/kcd/code.png', null, null, null],
    ]);
    // Not a figure this reader follows: positional parameters, an escaped quote, no src, no close.
    for (const text of ['{{< figure "/a.png" >}}', '{{< figure src="/a\\".png" >}}', '{{< figure alt="x" >}}', '{{< figure src="/a.png"\n\n>}}', '{{< figures src="/a.png" >}}', '{{< figure src=/a.png>x >}}']) {
      expect(findFigureShortcodes(text)).toEqual([]);
    }
  });

  it('the link finder and the tray agree on a Hugo post: code is no image; on Jekyll there is none', () => {
    const urls = ['/images/news/kcd/hall.png', '/images/news/kcd/stage.png', '/images/news/kcd/crowd.png'];
    const refs = findImageRefs(BODY, HUGO);
    expect(refs.map((r) => [r.url, r.alt, r.line, r.urlLine, r.urlColumn, r.figure])).toEqual([
      // The src's own column when it is written as is; a raw string's opening back quote. Each is
      // a figure's src, which Hugo also finds in the site's assets/ (hugo-figure-assets.test.ts).
      [urls[0], 'The hall', 3, 3, 17, true],
      [urls[1], '', 5, 6, 10, true],
      [urls[2], 'The "crowd"', 10, 10, 16, true],
    ]);
    expect(findImageRefs(BODY, READ_ALL).map((r) => r.url)).toEqual(urls);
    expect(findImageRefs(BODY, JEKYLL)).toEqual([]);

    const uses = photoUses(BODY, HUGO);
    expect([...uses.keys()]).toEqual(urls);
    expect(photoUseOf(uses, urls[2] ?? '')).toEqual({ count: 1, alt: 'The "crowd"', figure: true });
    expect(photoUses(BODY, JEKYLL).size).toBe(0);
    expect(photoRefs(BODY, HUGO).map((r) => BODY.slice(r.start, r.end).split('\n')[0])).toEqual(['{{< figure src="/images/news/kcd/hall.png" alt="The hall" caption="Opening keynote" >}}', '{{< figure', '{{% figure src=`/images/news/kcd/crowd.png` alt=`The "crowd"` %}}']);
  });

  it('a figure without alt gives its photo its caption as alt text, as Hugo does, to the finder and the tray alike', () => {
    const body = '{{< figure src="/i/day.png" caption="Day one & the keynote" >}}';
    expect(findImageRefs(body, HUGO).map((r) => r.alt)).toEqual(['Day one & the keynote']);
    expect(photoUseOf(photoUses(body, HUGO), '/i/day.png')?.alt).toBe('Day one & the keynote');
    // An alt set in the tray is written after the src; the caption stays.
    expect(setPhotoAlt(body, '/i/day.png', 'The keynote', HUGO)).toBe('{{< figure src="/i/day.png" alt="The keynote" caption="Day one & the keynote" >}}');
  });

  it('reads spaces around a value\'s `=`, as Hugo does, before a quoted value; the tray edits such a call in place', () => {
    const text = '{{< figure src = "/images/news/kcd/hall.png" alt= "The hall" caption =`Day one` >}}';
    expect(findFigureShortcodes(text).map((f) => [f.src?.raw, f.alt?.raw, f.caption])).toEqual([['/images/news/kcd/hall.png', 'The hall', 'Day one']]);
    expect(findImageRefs(text, HUGO).map((r) => [r.url, r.alt])).toEqual([['/images/news/kcd/hall.png', 'The hall']]);
    expect(photoUseOf(photoUses(text, HUGO), '/images/news/kcd/hall.png')?.alt).toBe('The hall');
    expect(setPhotoAlt(text, '/images/news/kcd/hall.png', 'The main hall', HUGO)).toBe(text.replace('"The hall"', '"The main hall"'));
    expect(replacePhotoUrl(text, '/images/news/kcd/hall.png', '/images/news/kcd/hall-2.png', HUGO)).toBe(text.replace('hall.png', 'hall-2.png'));
    expect(countWords(text).words).toBe(2);
    // Before an unquoted value Hugo reads on to a quote: this reader does not follow it, and the call is text.
    for (const odd of ['{{< figure src= /images/news/kcd/hall.png >}}', '{{< figure alt="x" src = /images/news/kcd/hall.png >}}']) {
      expect(findFigureShortcodes(odd)).toEqual([]);
      expect(findFigureFaults(odd)).toEqual([]);
    }
  });

  it('the tray sets alt text, relinks and removes a figure as it does a link, the rest untouched', () => {
    const withAlt = setPhotoAlt(BODY, '/images/news/kcd/stage.png', 'The "main" stage', HUGO);
    expect(withAlt.split('\n')[5]).toBe('    src="/images/news/kcd/stage.png" alt=`The "main" stage`');
    expect(photoUseOf(photoUses(withAlt, HUGO), '/images/news/kcd/stage.png')?.alt).toBe('The "main" stage');
    expect(setPhotoAlt(BODY, '/images/news/kcd/hall.png', 'Hall', HUGO).split('\n')[2]).toBe('{{< figure src="/images/news/kcd/hall.png" alt="Hall" caption="Opening keynote" >}}');

    const relinked = replacePhotoUrl(BODY, '/images/news/kcd/crowd.png', '/images/news/kcd/crowd-2.png', HUGO);
    expect(relinked.split('\n')[9]).toBe('{{% figure src=`/images/news/kcd/crowd-2.png` alt=`The "crowd"` %}}');
    // The escaped call and the code block keep their text.
    expect(replacePhotoUrl(BODY, '/images/news/kcd/hall.png', '/x.png', HUGO).split('\n').slice(10)).toEqual(BODY.split('\n').slice(10));

    const removed = removePhotoLinks(BODY, '/images/news/kcd/stage.png', HUGO);
    expect(removed.removed).toBe(1);
    expect(removed.body).not.toContain('stage.png');
    expect(removed.body.split('\n').slice(0, 5)).toEqual(BODY.split('\n').slice(0, 4).concat('{{% figure src=`/images/news/kcd/crowd.png` alt=`The "crowd"` %}}'));
  });

  it('the preview reads a figure as HTML with its caption as text (escaped), the call as text elsewhere', () => {
    const one = '{{< figure src="/images/news/kcd/hall.png" alt="The hall" title="Day <one>" caption=`"Opening" <script>x</script>` >}}';
    expect(applyRewrites(one, linkRewrites(one, HUGO))).toBe(
      '<figure><img data-hugo-figure="" src="/images/news/kcd/hall.png" alt="The hall" title="Day <one>" caption="&quot;Opening&quot; &lt;script&gt;x&lt;/script&gt;" /><figcaption><h4>Day &lt;one&gt;</h4><p><span data-hugo-markdown="">&quot;Opening&quot; &lt;script&gt;x&lt;/script&gt;</span></p></figcaption></figure>',
    );
    expect(linkRewrites(one, JEKYLL)).toEqual([]);
    // A call written as text shows as Hugo's page shows it.
    const shown = 'Use {{</* figure src="/a.png" */>}} and {{%/* note */%}}.';
    expect(applyRewrites(shown, linkRewrites(shown, HUGO))).toBe('Use {{< figure src="/a.png" >}} and {{% note %}}.');
  });

  it("the word count leaves the calls out but for a figure's title and caption, which the page shows; a paired call's text stays", () => {
    expect(countWords('Day one.\n\n{{< figure src="/images/news/kcd/hall.png" alt="The hall" caption="Opening keynote" >}}\n\n{{% note %}}Bring a badge.{{% /note %}}').words).toBe(2 + 2 + 3);
    expect(countWords('{{< figure src="/a.png" alt="Not shown" title="The stage" caption=`Day one,\nfull` >}}').words).toBe(2 + 3);
    // A call left open is text up to its paragraph's end: the next paragraph still counts.
    expect(countWords('Writing {{< figure\n\nThe hall was full >}}').words).toBe(2 + 4);
  });

  it('reads values as Hugo does: escaped quotes, a backslash kept where no quote is escaped, a raw string over lines; finder, tray and preview agree', () => {
    const body = ['Day one.', '', '{{< figure src="/i/hall.png" alt="The \\"big\\" hall" caption="C:\\talks" >}}', '', '{{< figure src=`/i/stage.png`', '  caption=`Day one,', 'the <main> & only stage` >}}', '', 'After.'].join('\n');
    expect(findFigureShortcodes(body).map((c) => [c.src?.raw, c.alt?.raw ?? null, c.caption])).toEqual([
      ['/i/hall.png', 'The "big" hall', 'C:\\talks'],
      ['/i/stage.png', null, 'Day one,\nthe <main> & only stage'],
    ]);
    const alts = [['/i/hall.png', 'The "big" hall'], ['/i/stage.png', 'Day one, the <main> & only stage']];
    expect(findImageRefs(body, HUGO).map((r) => [r.url, r.alt])).toEqual(alts);
    expect(findImageRefs(body, HUGO).map((r) => [r.line, r.urlLine])).toEqual([[3, 3], [5, 5]]);
    expect([...photoUses(body, HUGO)].map(([url, use]) => [url, use.alt])).toEqual(alts);
    // The parser's text keeps every line where it is written; values are HTML-escaped.
    const read = applyRewrites(body, linkRewrites(body, HUGO));
    expect(read.split('\n')).toHaveLength(body.split('\n').length);
    expect(read.split('\n')[2]).toBe('<figure><img data-hugo-figure="" src="/i/hall.png" alt="The &quot;big&quot; hall" caption="C:\\talks" /><figcaption><p><span data-hugo-markdown="">C:\\talks</span></p></figcaption></figure>');
    expect(read.split('\n').slice(4, 7)).toEqual(['<figure><img data-hugo-figure="" src="/i/stage.png"', '  caption="Day one,', 'the &lt;main&gt; &amp; only stage"  alt="Day one, the &lt;main&gt; &amp; only stage"/><figcaption><p><span data-hugo-markdown="">Day one, the &lt;main&gt; &amp; only stage</span></p></figcaption></figure>']);
    expect(countWords(body).words).toBe(2 + 1 + 5 + 1);

    // An alt holding both quotes is written with Hugo's escapes, and read back the same.
    const alt = 'A `raw` and a "quoted" stage';
    const withAlt = setPhotoAlt(body, '/i/stage.png', alt, HUGO);
    expect(withAlt.split('\n')[4]).toBe('{{< figure src=`/i/stage.png` alt="A `raw` and a \\"quoted\\" stage"');
    expect(photoUseOf(photoUses(withAlt, HUGO), '/i/stage.png')?.alt).toBe(alt);
    expect(findImageRefs(withAlt, HUGO).map((r) => r.alt)).toEqual(['The "big" hall', alt]);
    // An escaped quote never closes the attribute for the parser: a hostile alt stays one value.
    const hostile = '{{< figure src="/a.png" alt="x\\" onerror=\\"alert(1)" >}}';
    expect(applyRewrites(hostile, linkRewrites(hostile, HUGO))).toBe('<figure><img data-hugo-figure="" src="/a.png" alt="x&quot; onerror=&quot;alert(1)" /></figure>');
    expect(findImageRefs(hostile, HUGO).map((r) => r.alt)).toEqual(['x" onerror="alert(1)']);
    // A src with an escaped quote names no photo file: text to every reader, as before.
    expect(findFigureShortcodes('{{< figure src="/a\\".png" >}}')).toEqual([]);
  });

  it("a figure's link, credit and Markdown caption as Hugo's figure writes them; without an alt, the caption's plain text is the photo's", () => {
    const call = '{{< figure src="/i/hall.png" link="https://example.org/full.jpg" caption="Day one, by [Ana](https://example.org/ana) *live*" attr="CNCF" attrlink="https://cncf.io" >}}';
    expect(applyRewrites(call, linkRewrites(call, HUGO))).toBe(
      '<figure><a href="https://example.org/full.jpg"><img data-hugo-figure="" src="/i/hall.png" link="https://example.org/full.jpg" caption="Day one, by [Ana](https://example.org/ana) *live*" attr="CNCF" attrlink="https://cncf.io"  alt="Day one, by Ana live"/></a><figcaption><p><span data-hugo-markdown="">Day one, by [Ana](https://example.org/ana) *live*</span><a href="https://cncf.io"><span data-hugo-markdown="">CNCF</span></a></p></figcaption></figure>',
    );
    // The finder and the tray read the same alt text; the credit counts as words, as the page shows it.
    expect(findImageRefs(call, HUGO).map((r) => r.alt)).toEqual(['Day one, by Ana live']);
    expect(photoUseOf(photoUses(call, HUGO), '/i/hall.png')?.alt).toBe('Day one, by Ana live');
    expect(countWords(call).words).toBe(5 + 1);
    // A credit alone still makes a caption; snake_case is no emphasis.
    const credit = '{{< figure src="/i/a.png" caption="kcd_china_2024 **stage**" attr="Photo: Ana" >}}';
    expect(applyRewrites(credit, linkRewrites(credit, HUGO))).toContain('alt="kcd_china_2024 stage"/><figcaption><p><span data-hugo-markdown="">kcd_china_2024 **stage**</span><span data-hugo-markdown="">Photo: Ana</span></p>');
  });

  it('a figure Hugo refuses to build is no photo to any reader, and lint says why (Hugo posts only)', () => {
    const body = ['{{< figure src="/i/hall.png" caption="Opening', 'keynote" >}}', '', '{{< figure src="/i/stage.png" alt="The \\`main\\` stage" >}}', '', '{{< figure src="/i/ok.png" >}}'].join('\n');
    expect(findFigureFaults(body)).toEqual([
      { fault: 'quote-line', start: 0, param: 'caption' },
      { fault: 'escape', start: body.indexOf('{{< figure src="/i/stage.png"'), param: 'alt' },
    ]);
    expect(findImageRefs(body, HUGO).map((r) => r.url)).toEqual(['/i/ok.png']);
    expect([...photoUses(body, HUGO).keys()]).toEqual(['/i/ok.png']);
    expect(applyRewrites(body, linkRewrites(body, HUGO)).split('\n').slice(0, 4)).toEqual(body.split('\n').slice(0, 4));

    const profile = (name: string, generator: 'hugo' | 'jekyll') => ({ ...loadProfile(name), markdown: markdownReading(generator, null) });
    const text = `---\ntitle: KCD\n---\n\n${body}\n`;
    const faults = lintText(text, profile('hugo-news', 'hugo')).filter((p) => p.code === 'figure-unbuildable');
    expect(faults.map((p) => [p.severity, p.line, p.column])).toEqual([['error', 5, 1], ['error', 8, 1]]);
    expect(faults[0]?.message).toBe('Hugo cannot build the site with this figure: the quoted caption value is not closed on its own line (Hugo stops with "unterminated quoted string"). Close the quote on the same line, or write the value in back quotes (`…`), which may run over lines.');
    expect(faults[1]?.message).toMatch(/its alt value holds a backslash before a back quote/);

    // A double quote inside a value ends it: what follows is no parameter, and Hugo stops there.
    const quoted = '{{< figure src="/i/a.png" caption="The "Cloud Native" day" >}}';
    expect(findFigureFaults(quoted)).toEqual([{ fault: 'mixed', start: 0, param: 'caption', near: 'Cloud Native" day"' }]);
    expect(lintText(`---\ntitle: KCD\n---\n\n${quoted}\n`, profile('hugo-news', 'hugo')).find((p) => p.code === 'figure-unbuildable')?.message).toBe(
      'Hugo cannot build the site with this figure: after its caption value comes “Cloud Native" day"”, which is not a name="value" parameter (Hugo stops with "Cannot mix named and positional parameters"). A double quote inside a value ends it: write it as \\" or put the value in back quotes (`…`).',
    );
    // Not faults: positional parameters alone (no figure this reader follows), what follows an
    // unquoted value (Hugo reads it on to the next space), a self-close with a space before `>}}`.
    for (const text of ['{{< figure "/a.png" >}}', '{{< figure src=/a.png>x >}}']) expect(findFigureFaults(text)).toEqual([]);
    expect(findFigureShortcodes('{{< figure src="/a.png" / >}}').map((c) => c.src?.raw)).toEqual(['/a.png']);
    expect(lintText(text, profile('jekyll', 'jekyll')).filter((p) => p.code === 'figure-unbuildable')).toEqual([]);
  });

  describe('in a site', () => {
    const temp = serviceInTempDir('hugo-figure');

    it("learns where a site keeps its posts' photos from their figures, as from their links", async () => {
      const site = path.join(temp.dir(), 'learn');
      await writeText(path.join(site, 'hugo.toml'), 'title = "Events"\n');
      for (const slug of ['kcd-a', 'kcd-b']) {
        await writeText(path.join(site, `content/events/${slug}.md`), ['---', `title: ${slug}`, '---', '', `{{< figure src="/img/events/${slug}/hall.jpg" alt="Hall" >}}`, '', '{{< figure', `  src=\`/img/events/${slug}/stage.jpg\``, '>}}', ''].join('\n'));
      }
      expect(scanSite(site, 'hugo').imageFolders).toEqual([{ url: '/img/{section}/{imageDir}', posts: 2 }]);
    });

    it('lint names a missing figure photo at its line, and one that leads outside the site; on Jekyll each figure is published as text, and lint says so', async () => {
      const site = path.join(temp.dir(), 'hugo');
      await writeText(path.join(site, 'hugo.toml'), 'title = "Events"\n');
      await png(path.join(site, 'static/images/news/kcd/hall.png'), 1);
      await png(path.join(site, 'static/images/news/kcd/stage.png'), 2);
      const text = ['---', 'title: KCD', 'date: 2024-05-01', '---', '', BODY, '{{< figure src="../../../../../../etc/passwd" alt="x" >}}', ''].join('\n');
      const file = await writeText(path.join(site, 'content/en/news/kcd.md'), text);
      const errors = (await temp.service().lintRecap({ text, path: file })).filter((p) => p.severity === 'error');
      expect(errors.map((p) => [p.code, p.line])).toEqual([
        ['image-missing', 15],
        ['image-refused', 23],
      ]);
      expect(errors[0]?.message).toContain('/images/news/kcd/crowd.png');
      expect(errors[1]?.message).toMatch(/outside/);

      const jekyll = path.join(temp.dir(), 'jekyll');
      await writeText(path.join(jekyll, '_config.yml'), 'title: KCD\n');
      const post = await writeText(path.join(jekyll, '_posts/2024-05-01-kcd.md'), text);
      const jerrors = (await temp.service().lintRecap({ text, path: post })).filter((p) => p.severity === 'error');
      expect(jerrors.map((p) => [p.code, p.line])).toEqual([
        ['image-unread', 8],
        ['image-unread', 10],
        ['image-unread', 15],
        ['image-unread', 23],
      ]);
      expect(jerrors[0]?.message).toBe(
        "Jekyll does not run Hugo shortcodes: the figure showing /images/news/kcd/hall.png is published as text (or breaks the site's build) and the photo will not show. Write it as a Markdown image: ![The hall](/images/news/kcd/hall.png).",
      );
      // A path that leads out is not offered as the fix.
      expect(jerrors[3]?.message).not.toContain('Write it as');
    });

    it('export copies a draft photo a figure shows into the site and points the figure at it', async () => {
      const site = path.join(temp.dir(), 'site');
      await writeText(path.join(site, 'hugo.toml'), 'title = "Events"\n');
      await fs.mkdir(path.join(site, 'content/en/news'), { recursive: true });
      const draftDir = path.join(temp.dir(), 'draft');
      await png(path.join(draftDir, 'hall.png'), 3);
      await png(path.join(draftDir, 'stage.png'), 4);
      const text = ['---', 'title: "KCD Porto"', 'keywords: "Community, Kubernetes"', 'description: "KCD Porto in photos"', 'createTime: "2026-05-01"', 'author: "Ana"', '---', '', '{{< figure src="hall.png" alt="The hall" >}}', '', '{{< figure', '  alt="The stage"', '  src="./stage.png"', '>}}', ''].join('\n');
      const recap = await writeText(path.join(draftDir, 'kcd-porto.md'), text);
      const report = await temp.service().exportRecap({ recapPath: recap, text, target: { kind: 'site', dir: site } });
      expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(report.written).toBe(true);
      const postPath = path.join(site, report.post ?? '');
      const written = await fs.readFile(postPath, 'utf8');
      const dir = path.posix.dirname(findFigureShortcodes(written)[0]?.src?.raw ?? '');
      expect(findFigureShortcodes(written).map((c) => c.src?.raw)).toEqual([`${dir}/hall.png`, `${dir}/stage.png`]);
      expect(written).toContain('  alt="The stage"\n');
      for (const name of ['hall.png', 'stage.png']) expect((await fs.stat(path.join(site, 'static', dir, name))).isFile()).toBe(true);
      // The exported post lints clean and a second export changes nothing.
      expect((await temp.service().lintRecap({ text: written, path: postPath })).filter((p) => p.severity === 'error')).toEqual([]);
      const again = await temp.service().planExport({ recapPath: recap, text, target: { kind: 'site', dir: site } });
      expect(again.files.filter((f) => f.status !== 'unchanged')).toEqual([]);

      // The same draft into a Docusaurus blog: its reading has no shortcodes, so the preflight says so before anything is written.
      const docs = path.join(temp.dir(), 'docs');
      await writeText(path.join(docs, 'docusaurus.config.js'), 'module.exports = { title: "Events" };\n');
      await fs.mkdir(path.join(docs, 'blog'), { recursive: true });
      const dated = text.replace('author: "Ana"', 'author: "Ana"\ndate: 2026-05-01');
      const refused = await temp.service().exportRecap({ recapPath: recap, text: dated, target: { kind: 'site', dir: docs } });
      expect(refused.written).toBe(false);
      expect(refused.problems.filter((p) => p.code === 'image-unread').map((p) => p.message)).toEqual([
        expect.stringMatching(/^Docusaurus does not run Hugo shortcodes: the figure showing hall.png .* !\[The hall\]\(hall.png\)\.$/),
        expect.stringMatching(/^Docusaurus does not run Hugo shortcodes: the figure showing \.\/stage.png /),
      ]);
    });
  });
});
