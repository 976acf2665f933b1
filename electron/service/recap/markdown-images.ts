// The one place that finds the images a recap's Markdown refers to: lint, export, the photo
// tools and the preview's image lookups all use it. It parses with the same parser as the
// preview (remark + GFM, raw HTML through rehype-raw), so a link inside an HTML comment, a code
// span or a fenced block is not an image here either: it is not checked, copied or exported.

import type { Element, Nodes as HastNodes } from 'hast';
import type { Definition, Nodes as MdastNodes, Root as MdastRoot } from 'mdast';
import { createRequire } from 'node:module';
import { getField, readFrontMatter, splitRecap } from '../../core/frontmatter/frontmatter';
import { blockSource, splitBlocks } from '../../core/markdown/markdown-blocks';
import { mayHaveFigure } from '../../core/markdown/hugo-figure';
import { mayHaveFigureInclude } from '../../core/markdown/jekyll-figure';
import { isEsmBlock, mdxImageImports, mdxImageUrl, hasMdxAttributeCode } from '../../core/markdown/mdx';
import { applyRewrites, linkRewrites, mediaUrlOf, READ_ALL, readsShortcodes } from '../../core/markdown/site-reading';
import type { LinkRewrite, MarkdownReading } from '../../core/markdown/site-reading';
import { coverOf } from '../../core/recap/cover';
import { fieldPhotos, isResourcePattern } from '../../core/recap/field-photos';
import { findShortcodePhotos } from '../../core/markdown/theme-shortcodes';

export interface ImageRef {
  alt: string;
  /** The URL as the parser reads it (backslash escapes and entities resolved). */
  url: string;
  /** 1-based line and column of the link (`![` or `<img`) in the text given. */
  line: number;
  column: number;
  /** 1-based line and column of the URL as written (where an edit of the link goes); the link's own when it is not written verbatim. */
  urlLine: number;
  urlColumn: number;
  /** Where the link comes from: `![]()` or `![][ref]`, an HTML `<img src>`, or one candidate of a `srcset`. */
  source: 'markdown' | 'html' | 'srcset';
  /** The src of Hugo's figure shortcode (its `<img data-hugo-figure>`, hugo-figure.ts): Hugo also finds it in the site's assets/ (containment.ts resolveImage). */
  figure?: true;
  /** The Liquid the URL is written in (`{{ site.baseurl }}/a.png`, `{{ "/a.png" | relative_url }}`): `url` is the path it holds. */
  liquid?: string;
  /**
   * The value of a Jekyll theme's figure include the URL is written as (`assets/img/9.jpg` in
   * `{% include figure.liquid path="assets/img/9.jpg" %}`, jekyll-figure.ts): `url` is the site
   * path Jekyll's `relative_url` makes of it.
   */
  include?: string;
  /** The MDX code the URL is written in (`{require('./a.png').default}`, `{useBaseUrl('/img/a.png')}`): `url` is the file it names. */
  code?: string;
  /**
   * The address the site publishes for `url` where its theme makes another of it (Chirpy's
   * `media_subpath`: `room.png` is `/assets/img/htb/room.png`, see mediaUrlOf): the file is
   * looked for there. `url` stays as written, for messages and edits.
   */
  siteUrl?: string;
}

/** The address a link is looked for at: the one its site publishes (ImageRef.siteUrl), else as written; a theme shortcode's pattern (RecapImageRef.match). */
export function addressOf(ref: Pick<ImageRef, 'url' | 'siteUrl'> & { match?: { pattern: string } }): string {
  return ref.match?.pattern ?? ref.siteUrl ?? ref.url;
}

/** `ref` with the address its site publishes where that is not its URL (Chirpy; not a srcset's, which Chirpy leaves as written). */
function withSiteUrl<T extends Pick<ImageRef, 'url'> & { source: string }>(ref: T, reading: MarkdownReading): T {
  if (reading.media === undefined || ref.source === 'srcset') return ref;
  const siteUrl = mediaUrlOf(ref.url, reading);
  return siteUrl === ref.url ? ref : { ...ref, siteUrl };
}

interface Parsers {
  parse(text: string): MdastRoot;
  toHtml(tree: MdastRoot): HastNodes;
}

let parsers: Parsers | null = null;

/**
 * The preview's parser, loaded on first use: the CLI's `new`, `set` and `--help` never find
 * links, and loading remark, rehype and parse5 costs half a second on a slow machine.
 */
function theParsers(): Parsers {
  if (parsers) return parsers;
  const load = createRequire(__filename);
  const { unified } = load('unified') as typeof import('unified');
  const remarkParse = (load('remark-parse') as typeof import('remark-parse')).default;
  const remarkGfm = (load('remark-gfm') as typeof import('remark-gfm')).default;
  const remarkRehype = (load('remark-rehype') as typeof import('remark-rehype')).default;
  const rehypeRaw = (load('rehype-raw') as typeof import('rehype-raw')).default;
  const markdown = unified().use(remarkParse).use(remarkGfm).freeze();
  const toHtmlTree = unified().use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw).freeze();
  parsers = {
    parse: (text) => markdown.parse(text) as MdastRoot,
    toHtml: (tree) => toHtmlTree.runSync(tree) as HastNodes,
  };
  return parsers;
}

/** Offsets of line starts, to turn an offset into a line and column. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function pointAt(starts: number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
}

/** The `srcset` candidates' URLs (`a.png 1x, b.png 2x`). */
export function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(',')
    .map((c) => c.trim().split(/\s+/)[0] ?? '')
    .filter((u) => u !== '');
}

function attr(el: Element, name: string): string | null {
  const v = el.properties[name];
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.join(name === 'srcSet' ? ', ' : ' ');
  return null;
}

/** The images of one block's source (block + definitions), positions within that source. */
function parseBlock(text: string): ImageRef[] {
  const starts = lineStarts(text);
  const refs: ImageRef[] = [];
  /** The link's place (`node` offset), and where `url` is written at or after `from` within `[from, to)`. */
  const place = (node: number, url: string, from: number, to: number): { line: number; column: number; urlLine: number; urlColumn: number } => {
    const at = url === '' ? -1 : text.indexOf(url, from);
    const u = pointAt(starts, at !== -1 && at < to ? at : node);
    return { ...pointAt(starts, node), urlLine: u.line, urlColumn: u.column };
  };
  const tree = theParsers().parse(text);

  const definitions = new Map<string, Definition>();
  const markdownStarts = new Set<number>();
  const walk = (node: MdastNodes, visit: (n: MdastNodes) => void): void => {
    visit(node);
    if ('children' in node) for (const child of node.children) walk(child as MdastNodes, visit);
  };
  walk(tree, (n) => {
    if (n.type === 'definition' && !definitions.has(n.identifier)) definitions.set(n.identifier, n);
  });
  let hasHtml = false;
  walk(tree, (n) => {
    if (n.type === 'html') hasHtml = true;
    const start = n.position?.start.offset;
    const end = n.position?.end.offset;
    if (start === undefined || end === undefined) return;
    if (n.type === 'image') {
      markdownStarts.add(start);
      refs.push({ alt: n.alt ?? '', url: n.url, ...place(start, n.url, start, end), source: 'markdown' });
    } else if (n.type === 'imageReference') {
      markdownStarts.add(start);
      const def = definitions.get(n.identifier);
      if (!def) return;
      // The URL is written in the definition: that is where a rewrite must happen.
      const dStart = def.position?.start.offset ?? start;
      const dEnd = def.position?.end.offset ?? end;
      refs.push({ alt: n.alt ?? '', url: def.url, ...place(start, def.url, dStart, dEnd), source: 'markdown' });
    }
  });

  if (hasHtml && /<(img|source)\b/i.test(text)) {
    // Raw HTML is parsed as the preview parses it (parse5, with Markdown around it): a comment
    // stays a comment, an <img> inside a code span stays text.
    const hast = theParsers().toHtml(tree);
    const visit = (n: HastNodes): void => {
      if (n.type === 'element' && (n.tagName === 'img' || n.tagName === 'source')) {
        const start = n.position?.start.offset;
        const end = n.position?.end.offset ?? start;
        if (start !== undefined && end !== undefined && !markdownStarts.has(start)) {
          const src = attr(n, 'src');
          const alt = attr(n, 'alt') ?? '';
          const figure = n.properties['dataHugoFigure'] !== undefined ? { figure: true as const } : {};
          if (src !== null && n.tagName === 'img') refs.push({ alt, url: src, ...place(start, src, start, end), source: 'html', ...figure });
          const srcset = attr(n, 'srcSet');
          if (srcset !== null) for (const u of srcsetUrls(srcset)) refs.push({ alt, url: u, ...place(start, u, start, end), source: 'srcset' });
        }
      }
      if ('children' in n) for (const child of n.children) visit(child as HastNodes);
    };
    visit(hast);
  }
  return refs;
}

/** Parsed blocks by their source: typing changes one block, and only that one is parsed again. */
const blockCache = new Map<string, ImageRef[]>();
const MAX_CACHED = 2000;

function refsOfBlock(source: string): ImageRef[] {
  const hit = blockCache.get(source);
  if (hit) return hit;
  const refs = parseBlock(source);
  blockCache.set(source, refs);
  if (blockCache.size > MAX_CACHED) {
    const oldest = blockCache.keys().next();
    if (!oldest.done) blockCache.delete(oldest.value);
  }
  return refs;
}

/** A link the finder read through a rewrite (Liquid, an MDX require) or an MDX expression (`{hall}`). */
interface Via {
  via: 'liquid' | 'mdx' | 'shortcode' | 'include';
  /** The link as written (`{{ site.baseurl }}/a.png`, `{hall}`). */
  written: string;
  /** The site reads it as an image (the reading it was found with said so). */
  read: boolean;
}

type FoundRef = ImageRef & { how?: Via };

/**
 * Every image a body would have on a site that reads Liquid and MDX, each tagged with how it is
 * written when it is one of those; positions in `text` as written. `mdx`: the post is read as
 * MDX, so its import and export statements are code (no image); elsewhere they are paragraphs.
 */
function allRefs(text: string, mdx: boolean, figureAsWritten = false): FoundRef[] {
  // Every form read (each kept or dropped after by how the post's site reads it); a figure that
  // shows its src as written (the site's own: MarkdownReading.figureAsWritten) is a plain <img>.
  const rewrites = linkRewrites(text, figureAsWritten ? { ...READ_ALL, figureAsWritten } : READ_ALL);
  if (rewrites.length === 0) return mdxImages(text, findRefs(text, mdx));
  const back = columnsBack(text, rewrites);
  const refs = findRefs(applyRewrites(text, rewrites), mdx).map((r): FoundRef => {
    const at = back(r.line, r.column);
    const url = back(r.urlLine, r.urlColumn);
    // A figure shortcode's src is written as is; its `<img` is the rewrite that names it.
    const rw = url.rewrite ?? (at.rewrite?.via === 'shortcode' ? at.rewrite : null);
    return { ...r, column: at.column, urlColumn: url.column, ...(rw ? { how: { via: rw.via, written: rw.written, read: true } } : {}) };
  });
  return mdxImages(text, refs);
}

/**
 * The images a Markdown body refers to, found block by block exactly as the preview renders
 * it (the same blocks, each parsed with the document's link definitions), positions in `text`.
 * `reading`: how the post's site reads it; a Liquid link or MDX image it does not read is no
 * image of the post (see unreadImageRefs).
 */
export function findImageRefs(text: string, reading: MarkdownReading = READ_ALL): ImageRef[] {
  if (!mayHaveImages(text)) return [];
  const out: ImageRef[] = [];
  // A tag with an attribute written as code is MDX's: text to a post read as plain Markdown (the
  // candidates were read as MDX would).
  const starts = !reading.mdx && text.includes('={') ? lineStarts(text) : null;
  for (const { how, ...r } of allRefs(text, reading.mdx, reading.figureAsWritten === true)) {
    if (how !== undefined && !(how.read && readBy(how, reading))) continue;
    if (starts !== null && r.source !== 'markdown' && hasMdxAttributeCode(text, (starts[r.line - 1] ?? 0) + r.column - 1)) continue;
    const ref: ImageRef = how?.via === 'liquid' ? { ...r, liquid: how.written } : how?.via === 'mdx' ? { ...r, code: how.written } : how?.via === 'include' ? { ...r, include: how.written } : r;
    // Hugo's embedded image render hook looks a Markdown image up as its figure's src.
    out.push(withSiteUrl(reading.imageHook && r.source === 'markdown' ? { ...ref, figure: true } : ref, reading));
  }
  return out;
}

/** A Markdown image, an HTML one, Hugo's figure shortcode or a Jekyll theme's figure include. */
const mayHaveImages = (text: string): boolean => /!\[|<(img|source)\b/i.test(text) || mayHaveFigure(text) || mayHaveFigureInclude(text);

function readBy(how: Via, reading: MarkdownReading): boolean {
  if (how.via === 'shortcode') return readsShortcodes(reading);
  return how.via === 'liquid' || how.via === 'include' ? reading.liquid : reading.mdx;
}

/** A Liquid link or MDX image the post's site publishes as written: a broken image there. */
export interface UnreadRef extends ImageRef {
  via: 'liquid' | 'mdx' | 'shortcode';
  written: string;
}

/** The links of a body its site does not read as images (Liquid outside Jekyll, MDX outside MDX, Hugo's figure outside Hugo). */
export function unreadImageRefs(text: string, reading: MarkdownReading): UnreadRef[] {
  if ((reading.liquid && reading.mdx && readsShortcodes(reading)) || !mayHaveImages(text)) return [];
  const out: UnreadRef[] = [];
  // A figure include where Liquid is not run is text on the page, as any other Liquid tag: no image.
  for (const { how, ...r } of allRefs(text, reading.mdx, reading.figureAsWritten === true)) if (how !== undefined && how.via !== 'include' && !readBy(how, reading)) out.push({ ...r, via: how.via, written: how.written });
  return out;
}

/**
 * MDX's `<img src={hall}>` is the file `hall` imports; a src of other code is no link to check
 * where the site reads MDX, and a broken image where it does not.
 */
function mdxImages(text: string, refs: FoundRef[]): FoundRef[] {
  if (!refs.some((r) => r.source !== 'markdown' && r.url.trim().startsWith('{'))) return refs;
  const imports = mdxImageImports(text);
  return refs.map((r) => {
    if (r.source === 'markdown' || r.how !== undefined || !r.url.trim().startsWith('{')) return r;
    const url = mdxImageUrl(r.url, imports);
    return { ...r, url: url ?? r.url, how: { via: 'mdx', written: r.url, read: url !== null } };
  });
}

/**
 * Maps a 1-based place of the text with its rewrites applied to the place in the text as
 * written (a rewrite changes no line, only the columns after it on its line); a place inside a
 * rewrite's text is the start of what is written there, and names it.
 */
function columnsBack(text: string, rewrites: LinkRewrite[]): (line: number, column: number) => { column: number; rewrite: LinkRewrite | null } {
  const starts = lineStarts(text);
  const byLine = new Map<number, Array<{ at: number; resolved: number; shift: number; rewrite: LinkRewrite }>>();
  for (const rw of rewrites) {
    const { line, column } = pointAt(starts, rw.offset);
    const list = byLine.get(line) ?? [];
    const before = list.reduce((sum, x) => sum + x.shift, 0);
    list.push({ at: column - before, resolved: rw.resolved.length, shift: rw.written.length - rw.resolved.length, rewrite: rw });
    byLine.set(line, list);
  }
  return (line, column) => {
    let out = column;
    for (const x of byLine.get(line) ?? []) {
      if (column >= x.at + x.resolved) out += x.shift;
      else if (column >= x.at) return { column: out - (column - x.at), rewrite: x.rewrite };
    }
    return { column: out, rewrite: null };
  };
}

function findRefs(text: string, mdx: boolean): ImageRef[] {
  const { blocks, definitions } = splitBlocks(text);
  const lines = text.split('\n');
  /** The first body line of each definition, for reference-style images whose URL is written there. */
  const definitionLine = (source: string, line: number): number | null => {
    const written = source.split('\n')[line - 1];
    const at = written === undefined ? -1 : lines.indexOf(written);
    return at === -1 ? null : at + 1;
  };
  const out: ImageRef[] = [];
  let cursor = 0;
  let lineNo = 1;
  for (const block of blocks) {
    const at = text.indexOf(block, cursor);
    if (at === -1) continue;
    for (let i = text.indexOf('\n', cursor); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) lineNo++;
    cursor = at;
    // An MDX import or export statement is code for the site's build: no image of the post is in
    // it. A site that reads the post as plain Markdown publishes the same lines as a paragraph.
    if (mdx && isEsmBlock(block)) continue;
    const source = blockSource(block, definitions);
    const blockLines = block.split('\n').length;
    for (const r of refsOfBlock(source)) {
      // A link in the appended definitions belongs to the block that holds them, not to this one.
      if (r.line > blockLines) continue;
      let urlLine = r.urlLine + lineNo - 1;
      if (r.urlLine > blockLines) urlLine = definitionLine(source, r.urlLine) ?? r.line + lineNo - 1;
      out.push({ ...r, line: r.line + lineNo - 1, urlLine });
    }
  }
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** An image a whole recap file refers to: the body's links and the front matter's cover field. */
export interface RecapImageRef extends Omit<ImageRef, 'source'> {
  /** 1-based line and column in the whole file. */
  line: number;
  source: ImageRef['source'] | 'front-matter' | 'shortcode';
  /** The URL's line within the body (-1 for a front-matter field), for edits of the body. */
  bodyLine: number;
  /** The front-matter field, for a photo the front matter names (`header.teaser`, field-photos.ts FieldPhoto.key). */
  field?: string;
  /** The cover field's photo (SiteProfile photos.coverField). */
  cover?: true;
  /**
   * A theme shortcode's photo (theme-shortcodes.ts: `{{< screenshot src="stage.jpg" >}}`): the
   * first file of the page bundle `pattern` matches (`*stage.jpg*`), which is what is looked for;
   * `url` is the value as written, never rewritten. `all`: it takes every file the pattern
   * matches (Blowfish's carousel), and one matching none is no error (resolveRef).
   */
  match?: { shortcode: string; pattern: string; all?: true };
}

/** The number of lines before a recap file's body (BOM, blank lines before the front matter, fences and front matter). */
function bodyStartOf(parts: ReturnType<typeof splitRecap>): number {
  return lineStarts(parts.bom + parts.lead + parts.open + parts.yaml + parts.close).length - 1;
}

/**
 * Every image of a recap file: body links (with file line numbers), the cover field (its first
 * item when it is a list), and the photos other fields name (field-photos.ts: a theme's header
 * image, its gallery), as `reading` (the post's site) reads the body. Each field's photo is found
 * as the cover is (containment.ts lookedUpAs), for a theme's templates read it.
 */
export function findRecapImages(text: string, coverField: string | null, reading: MarkdownReading = READ_ALL): RecapImageRef[] {
  const parts = splitRecap(text);
  const bodyStart = bodyStartOf(parts);
  const refs: RecapImageRef[] = findImageRefs(parts.body, reading).map((r) => ({ ...r, bodyLine: r.urlLine, line: r.line + bodyStart }));
  if (reading.themeShortcodes !== undefined) refs.push(...shortcodeRefs(parts.body, reading.themeShortcodes, bodyStart));
  if (!parts.hasFrontMatter) return refs;
  const fields = readFrontMatter(text).fields;
  const atRoot = rootCoverField(text, reading);
  const fieldRef = (key: string, url: string, line: number): RecapImageRef => {
    const ref = withSiteUrl({ alt: key, url, line, column: 1, urlLine: line, urlColumn: 1, bodyLine: -1, source: 'front-matter' as const, field: key }, reading);
    return key === atRoot && isRelativeUrl(url) ? { ...ref, siteUrl: `/${url.trim().replace(/^(?:\.\/)+/, '')}` } : ref;
  };
  // A gallery that shows one photo twice names it once here: one check, one copy.
  const once = new Map(fieldPhotos(fields, coverField).map((p) => [`${p.key}\n${p.url}`, p]));
  refs.unshift(...[...once.values()].map((p) => fieldRef(p.key, p.url, p.line)));
  if (coverField) {
    // `cover.image` (PaperMod) is a key of the `cover` map: its line is the map's.
    const field = fields.find((f) => f.key === coverField) ?? fields.find((f) => coverField.includes('.') && f.key === coverField.split('.')[0]);
    const value = field ? coverOf(getField(text, coverField)) : null;
    // A Hugo theme's resource pattern (Congo's `cover: "*cover*"`) names no file: the bundle's photo it matches is used (cover.ts hugoPhotosByName).
    const pattern = value !== null && isResourcePattern(value);
    if (field && value !== null && !pattern) refs.unshift({ ...fieldRef(coverField, value, field.line), alt: 'cover', cover: true });
  }
  return refs;
}

/**
 * The cover field whose relative value the post's theme shows from the site's root, as
 * `/<value>` (MarkdownReading.pageCover: PaperMod's `cover.image` while `cover.relative` is not
 * true); null for none.
 */
function rootCoverField(text: string, reading: MarkdownReading): string | null {
  const page = reading.pageCover;
  return page !== undefined && getField(text, page.flag) !== true ? page.field : null;
}

/** A URL of neither the site's root (`/…`) nor a scheme (`https:`, `data:`), nor another host (`//…`). */
const isRelativeUrl = (url: string): boolean => !/^(?:\/|[a-z][a-z0-9+.-]*:)/i.test(url.trim());

/** The photos a body's theme shortcodes take from the page bundle by their names (theme-shortcodes.ts), with file line numbers. */
function shortcodeRefs(body: string, shortcodes: readonly string[], bodyStart: number): RecapImageRef[] {
  const calls = findShortcodePhotos(body, shortcodes);
  if (calls.length === 0) return [];
  const starts = lineStarts(body);
  return calls.map((c) => {
    const at = pointAt(starts, c.start);
    const value = pointAt(starts, c.valueStart);
    const ref = { alt: c.alt ?? c.caption ?? '', url: c.value, line: at.line + bodyStart, column: at.column, urlLine: value.line, urlColumn: value.column, bodyLine: value.line, source: 'shortcode' as const };
    // A value the theme looks up as Hugo's figure does its src (Hextra's card): a figure's src, which export may relink.
    if (c.pattern === null) return { ...ref, figure: true as const };
    return { ...ref, match: { shortcode: c.shortcode, pattern: c.pattern, ...(c.all ? { all: true as const } : {}) } };
  });
}

/** The body's links its site publishes as written (unreadImageRefs), with file line numbers. */
export function unreadRecapImages(text: string, reading: MarkdownReading): UnreadRef[] {
  const parts = splitRecap(text);
  const bodyStart = bodyStartOf(parts);
  return unreadImageRefs(parts.body, reading).map((r) => ({ ...r, line: r.line + bodyStart }));
}
