// Markdown → sanitized hast → React elements, one block at a time, with a bounded cache keyed
// by the block's text so that an unchanged block is never parsed twice.

import type { Root } from 'hast';
import type { Nodes as MdastNodes, Root as MdastRoot } from 'mdast';
import type { VFile } from 'vfile';
import type { ReactNode } from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import type { Components } from 'hast-util-to-jsx-runtime';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import type { Options as SanitizeSchema } from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { applyRewrites, linkRewrites, readsShortcodes } from '../../electron/core/markdown/site-reading';
import type { LinkRewrite, MarkdownReading } from '../../electron/core/markdown/site-reading';
import { findGalleryIncludes, galleryHtml, type GalleryPhoto } from '../../electron/core/markdown/jekyll-figure';
import { CLOSE_HTML, findShortcodePhotos, shortcodeCloses, shortcodePreviewHtml, type ShortcodePhoto } from '../../electron/core/markdown/theme-shortcodes';
import { insideOf, readBody } from '../../electron/core/markdown/body-lines';
import { currentLocale, t } from '../ui/locale';
import { rehypeEmbeds } from './embeds';
import { rehypeHugoCaptions } from './hugo-captions';
import { remarkKramdownAttributes } from './kramdown-attributes';
import { PreviewImage, PreviewLink } from './elements';

/** GitHub's schema plus the class names of our own embed placeholders and Hugo's figure (its shortcode's <figure>, its photo's mark); <style> is dropped whole. */
const schema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption'],
  attributes: {
    ...defaultSchema.attributes,
    div: [...(defaultSchema.attributes?.['div'] ?? []), ['className', 'recap-embed', 'recap-embed-video', 'recap-embed-blocked']],
    span: [...(defaultSchema.attributes?.['span'] ?? []), ['className', 'recap-embed-label', 'recap-embed-title']],
    a: [...(defaultSchema.attributes?.['a'] ?? []), ['className', 'data-footnote-backref', 'recap-embed-link']],
    // A Jekyll theme's gallery include (jekyll-figure.ts galleryHtml), half or a third of the width a photo.
    figure: [['className', 'recap-gallery', 'recap-gallery-half', 'recap-gallery-third']],
    // Hugo's figure shortcode's photo (hugo-figure.ts): its src is looked for as Hugo does.
    // A Hugo theme shortcode's photo (theme-shortcodes.ts): its src is a pattern, looked up among the bundle's files.
    img: [...(defaultSchema.attributes?.['img'] ?? []), 'dataHugoFigure', 'dataThemeMatch'],
  },
  strip: [...(defaultSchema.strip ?? []), 'style', 'template'],
};

/**
 * On a Hugo site whose embedded image render hook reads the post (MarkdownReading.imageHook), a
 * Markdown image's `<img>` carries the figure's mark: its src is looked for as Hugo does. The
 * block's file says so (`data.imageHook`, previewTree).
 */
function remarkImageHook() {
  const mark = (node: MdastNodes): void => {
    if (node.type === 'image' || node.type === 'imageReference') node.data = { ...node.data, hProperties: { ...node.data?.hProperties, dataHugoFigure: '' } };
    if ('children' in node) for (const child of node.children) mark(child);
  };
  return (tree: MdastRoot, file: VFile): void => {
    if (file.data['imageHook'] === true) mark(tree);
  };
}

const withRawHtml = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkImageHook)
  .use(remarkKramdownAttributes)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeEmbeds)
  .use(rehypeHugoCaptions)
  .use(rehypeSanitize, schema)
  .freeze();

// Re-parsing through parse5 (rehype-raw) is the costliest step; a block without "<" has no
// raw HTML to parse. It is still sanitized: Markdown alone can write a javascript: link.
const markdownOnly = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkImageHook)
  .use(remarkKramdownAttributes)
  .use(remarkRehype)
  .use(rehypeSanitize, schema)
  .freeze();

// A <picture>'s <source srcset> would have the browser fetch its candidates directly, past the
// image lookups and the remote-image choice: it is dropped, and the <img> inside shows instead.
const components: Partial<Components> = { img: PreviewImage, a: PreviewLink, source: () => null };

/**
 * A block as the post's site reads it: a Liquid link (Jekyll) or MDX `src={require(…)}`
 * (Docusaurus, `.mdx`) shows the file it renders to, as the link finder reads it; on a site that
 * does not read it, it is an image whose URL is the Liquid or code as written (shown broken).
 * Hugo's figure shortcode is a figure on a Hugo post, text elsewhere.
 */
export function renderMarkdown(written: string, reading: PreviewReading): ReactNode {
  return toJsxRuntime(previewTree(written, reading), { Fragment, jsx, jsxs, components, passKeys: true });
}

/** How the preview reads a post: as its site does, with the front matter's galleries (PreviewMeta.galleries) that a theme's include shows. */
export type PreviewReading = MarkdownReading & { galleries?: Readonly<Record<string, readonly GalleryPhoto[]>> };

/**
 * `rewrites` with each gallery include (Minimal Mistakes' `{% include gallery %}`) in its place,
 * where the post runs Liquid: the figure of photos the theme writes from the list it names. Only
 * the preview shows it; the link finders read those photos from the front matter (field-photos.ts).
 */
function withGalleries(written: string, reading: PreviewReading, rewrites: LinkRewrite[]): LinkRewrite[] {
  if (!reading.liquid || !written.includes('gallery')) return rewrites;
  const calls = findGalleryIncludes(written);
  if (calls.length === 0) return rewrites;
  const outside = rewrites.filter((r) => !calls.some((c) => r.offset < c.end && c.start < r.offset + r.written.length));
  const shown = calls.map((c): LinkRewrite => ({ offset: c.start, written: written.slice(c.start, c.end), resolved: galleryHtml(c, reading.galleries?.[c.list] ?? []), via: 'include', read: true }));
  return [...outside, ...shown].sort((a, b) => a.offset - b.offset);
}

/**
 * A Hugo theme's shortcodes that show a bundle photo (theme-shortcodes.ts) as their photo, where
 * the post's site has them; a paired one's inner text is its caption, to its closing call (`{{< /imgproc >}}`).
 */
function withThemeShortcodes(written: string, reading: PreviewReading, rewrites: LinkRewrite[]): LinkRewrite[] {
  const names = reading.themeShortcodes;
  if (names === undefined || !written.includes('{{')) return rewrites;
  // In code and comments the author's text shows as written (Hugo's page would show the theme's HTML there as text).
  const { lines, opaque } = readBody(written, false);
  const hidden = insideOf(opaque);
  const shows = (at: number): boolean => !hidden(at) && !lines.some((l) => (l.code || l.indented) && l.start <= at && at <= l.end);
  // A carousel's patterns are one call: one rewrite. A photo's versions (`src_s`) show in its place, not apart.
  const found = findShortcodePhotos(written, names).filter((c) => c.version !== true);
  const calls = found.filter((c, i) => shows(c.start) && found[i - 1]?.start !== c.start);
  const rest = (c: ShortcodePhoto): ShortcodePhoto[] => found.filter((o) => o.start === c.start && o !== c);
  const closes = shortcodeCloses(written, names).filter((c) => shows(c.start));
  if (calls.length === 0 && closes.length === 0) return rewrites;
  const shown: LinkRewrite[] = [
    ...calls.map((c): LinkRewrite => ({ offset: c.start, written: written.slice(c.start, c.end), resolved: shortcodePreviewHtml(c, rest(c)), via: 'shortcode', read: true })),
    ...closes.map((c): LinkRewrite => ({ offset: c.start, written: c.written, resolved: CLOSE_HTML, via: 'shortcode', read: true })),
  ];
  const outside = rewrites.filter((r) => !shown.some((c) => r.offset < c.offset + c.written.length && c.offset < r.offset + r.written.length));
  return [...outside, ...shown].sort((a, b) => a.offset - b.offset);
}

/** The sanitized tree the preview renders a block from. */
export function previewTree(written: string, reading: PreviewReading): Root {
  const rewrites = withThemeShortcodes(written, reading, withGalleries(written, reading, linkRewrites(written, reading)));
  const source = rewrites.length === 0 ? written : applyRewrites(written, rewrites);
  const processor = source.includes('<') ? withRawHtml : markdownOnly;
  // Jekyll reads its posts with kramdown, whose attribute lists are no text (kramdown-attributes.ts).
  return processor.runSync(processor.parse(source), { data: { imageHook: reading.imageHook === true, kramdown: reading.generator === 'jekyll' } }) as Root;
}

const MAX_CACHED = 2000;
const cache = new Map<string, ReactNode>();

/**
 * Rendered block for `source`, from the cache when this exact text was rendered before in
 * the interface's current language (embed placeholders and errors are in it) and reading.
 */
export function renderBlock(source: string, reading: PreviewReading): ReactNode {
  // A block with a gallery include shows the front matter's galleries as they are now.
  const galleries = reading.galleries !== undefined && source.includes('gallery') ? JSON.stringify(reading.galleries) : '';
  const key = `${currentLocale()}${reading.liquid ? 'L' : 'l'}${reading.mdx ? 'M' : 'm'}${readsShortcodes(reading) ? 'S' : 's'}${reading.imageHook ? 'H' : 'h'}${reading.figureAsWritten ? 'W' : 'w'}${reading.generator === 'jekyll' ? 'K' : 'k'}${reading.themeShortcodes?.join(',') ?? ''}${galleries}\u0000${source}`;
  const hit = cache.get(key);
  if (hit !== undefined) {
    // Refresh its place so the eviction below drops the least recently used blocks.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  let node: ReactNode;
  try {
    node = renderMarkdown(source, reading);
  } catch (err) {
    node = jsx('pre', { className: 'preview-error', children: t('preview.blockFailed', { reason: err instanceof Error ? err.message : String(err) }) });
  }
  cache.set(key, node);
  if (cache.size > MAX_CACHED) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  return node;
}
