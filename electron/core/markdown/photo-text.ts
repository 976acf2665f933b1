// The Markdown side of a recap's photos: where `![alt](url)` links go, which photos the text
// uses, and the edits the photo tray makes to every link of one photo (alt text, a new name,
// removal and its undo). Every function works on a body with `\n` line endings (the editor's
// view, see editorBody) and returns a new string; nothing here touches the disk.
//
// Pure module (no Node imports): the renderer, the CLI and lint share it.

import { attributeText, imgTagsIn, quotedAttribute, srcsetCandidates } from './html-img';
import type { HtmlImgTag } from './html-img';
import { liquidLinkUrl } from './liquid-links';
import { insideOf, linesOf, readBody } from './body-lines';
import type { BodyRead } from './body-lines';
import { hasMdxAttributeCode, mdxImageImports, mdxImageUrl } from './mdx';
import { figureAlt, figureShortcodesIn, figureValue, mayHaveFigure } from './hugo-figure';
import type { FigureShortcode } from './hugo-figure';
import { figureIncludesIn, includeUrl, includeValue, mayHaveFigureInclude } from './jekyll-figure';
import type { FigureInclude } from './jekyll-figure';
import { linkPathOf, linkPrefixAt, mediaLinkOf, READ_ALL, readsShortcodes } from './site-reading';
import type { MarkdownReading } from './site-reading';
import type { PhotoSettings } from '../contract';

/**
 * `![alt](url "title")`: alt may hold escaped brackets; the title and spacing are kept. A Jekyll
 * URL may open with Liquid, spaces inside (`{{ site.baseurl }}/a.png`, `{{ "/a.png" | relative_url }}`,
 * `{% link assets/a.png %}`).
 */
const MD_IMAGE = /!\[((?:\\.|[^\]\\])*)\]\(([ \t]*)(<[^>\n]*>|(?:\{\{[^}\n]*\}\})*\{%-?[ \t]*link[ \t][^%\n]*%\}|(?:\{\{[^}\n]*\}\})+[^)\s]*|[^)\s]+)((?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*)\)/g;

/** One `![alt](url)` link of a body, with offsets into it. */
export interface PhotoLink {
  /** The whole link: `![`…`)`. */
  start: number;
  end: number;
  /** The alt text as written (escapes included) and where it sits. */
  rawAlt: string;
  altStart: number;
  altEnd: number;
  /**
   * The URL without `<>`; a Liquid link's is the site path it renders to (`/assets/a.png`),
   * which the tray's photo URLs are and which stands inside the Liquid as written.
   */
  url: string;
  /** The URL as written, `<>` kept off: another text than `url` where the site makes the address (Chirpy: mediaUrlOf). */
  written: string;
  /**
   * A reference-style image (`![alt][label]`, `![alt][]`, `![alt]`): its URL is written in the
   * label's definition (`[label]: url`), at [urlStart, urlEnd); `label` as the image writes it.
   */
  ref?: { label: string; form: 'full' | 'collapsed' | 'shortcut'; urlStart: number; urlEnd: number };
}

/** `![alt][label]`, `![alt][]` or `![alt]`: a reference-style image, when its label is defined. */
const REF_IMAGE = /!\[((?:\\.|[^\]\\])*)\](?:\[((?:\\.|[^\]\\])*)\])?(?!\()/g;
/** `[label]: url` (or `<url>`), a title may follow. */
const DEFINITION = /^ {0,3}\[((?:\\.|[^\]\\])+)\]:[ \t]*(<[^>\n]*>|\S+)/;

/** A label as CommonMark matches it: case and runs of spaces do not count. */
const labelKey = (label: string): string => label.trim().replace(/\s+/g, ' ').toLowerCase();

/** A piece of text taken out of a body: put `text` back at `at` to undo. */
export interface Splice {
  at: number;
  text: string;
}

/** Brackets and backslashes escaped and line breaks flattened, so the link stays one link. */
export function escapeAlt(alt: string): string {
  return alt.replace(/[\r\n]+/g, ' ').replace(/([\\[\]])/g, '\\$1');
}

/** The alt text an author reads: `stage \[left\]` → `stage [left]`. */
export function unescapeAlt(raw: string): string {
  return raw.replace(/\\([\\[\]])/g, '$1');
}

export function photoMarkdown(alt: string, url: string): string {
  return `![${escapeAlt(alt)}](${url})`;
}

/**
 * A site-absolute photo URL as a post of a site published under a base path links it (Jekyll's
 * `baseurl`, Hugo's baseURL: SiteProfile.baseUrlPath): `{{ site.baseurl }}/assets/a.png` where
 * the post's Liquid runs (the reading's site path stays `/assets/a.png`), else
 * `/events/assets/a.png` (Hugo's, which runs none). Any other URL, or a site without one, as it is.
 * A Chirpy post (MarkdownReading.media) links it below its media_subpath, without the base that
 * Chirpy puts in itself (mediaLinkOf).
 */
export function linkedAs(url: string, reading: MarkdownReading, baseUrlPath: string | undefined): string {
  if (reading.media !== undefined) return mediaLinkOf(url, reading);
  if (baseUrlPath === undefined || !url.startsWith('/') || url.startsWith('//') || url.startsWith(`/${baseUrlPath}/`)) return url;
  return reading.liquid ? `{{ site.baseurl }}${url}` : `/${baseUrlPath}${url}`;
}

/**
 * An inserted photo as the post's site writes one (PhotoSettings.insertAs): Hugo's figure
 * shortcode where the profile asks for it and the post is read by Hugo, else a Markdown image
 * (linked under the site's base path where it has one: see linkedAs).
 */
export function photoInsertText(alt: string, url: string, insertAs: PhotoSettings['insertAs'], reading: MarkdownReading, baseUrlPath?: string): string {
  if (insertAs === 'figure' && readsShortcodes(reading)) return `{{< figure src=${figureValue(linkedAs(url, reading, baseUrlPath))} alt=${figureValue(alt)} >}}`;
  return photoMarkdown(alt, linkedAs(url, reading, baseUrlPath));
}

/**
 * The photo a link names, whatever its spelling: decoded (`a%20b.jpg` is `a b.jpg`), and a
 * relative link without its `./` (`./stage.jpg` beside a page bundle's index.md is the tray's
 * `stage.jpg` on Hugo and `./stage.jpg` on Docusaurus, the one file both resolve either to).
 */
function decoded(url: string): string {
  let key: string;
  try {
    key = decodeURI(url);
  } catch {
    key = url;
  }
  while (key.startsWith('./')) key = key.slice(2);
  return key;
}

/** Two spellings of one URL (`a%20b.jpg` and `a b.jpg`, `./a.jpg` and `a.jpg`) name the same photo. */
export function samePhotoUrl(a: string, b: string): boolean {
  return a === b || decoded(a) === decoded(b);
}

/**
 * Every Markdown image link of the body outside code (blocks and spans) and HTML comments, in order. `reading`: a Liquid link
 * is its site path only where the post's site runs Liquid (elsewhere it names no photo).
 */
export function findPhotoLinks(body: string, reading: MarkdownReading = READ_ALL, read: BodyRead = readBody(body, reading.mdx)): PhotoLink[] {
  const links: PhotoLink[] = [];
  const { lines } = read;
  const opaque = insideOf(read.opaque);
  const readUrl = (raw: string): string => underBase(raw.startsWith('<') ? raw.slice(1, -1) : reading.liquid ? liquidLinkUrl(raw) : raw, reading);
  const readable = lines.filter((line) => !line.code && !line.esm && !line.indented && !line.html);
  // The definitions first (a reference may come before its definition); the first of a label wins.
  const definitions = new Map<string, { url: string; written: string; urlStart: number; urlEnd: number }>();
  if (body.includes(']:')) {
    for (const line of readable) {
      const d = DEFINITION.exec(body.slice(line.start, line.end));
      if (!d || opaque(line.start)) continue;
      const key = labelKey(d[1] ?? '');
      const raw = d[2] ?? '';
      const urlStart = line.start + d[0].length - raw.length + (raw.startsWith('<') ? 1 : 0);
      const url = readUrl(raw);
      if (!definitions.has(key)) definitions.set(key, { url, written: unbracketed(raw), urlStart, urlEnd: urlStart + (raw.startsWith('<') ? raw.length - 2 : raw.length) });
    }
  }
  const inline = insideOf(read.opaque);
  for (const line of readable) {
    const text = body.slice(line.start, line.end);
    const found: PhotoLink[] = [];
    for (const m of text.matchAll(MD_IMAGE)) {
      const start = line.start + (m.index ?? 0);
      if (inline(start)) continue;
      const rawAlt = m[1] ?? '';
      found.push({ start, end: start + m[0].length, rawAlt, altStart: start + 2, altEnd: start + 2 + rawAlt.length, url: readUrl(m[3] ?? ''), written: unbracketed(m[3] ?? '') });
    }
    if (definitions.size > 0 && !DEFINITION.test(text)) {
      for (const m of text.matchAll(REF_IMAGE)) {
        const start = line.start + (m.index ?? 0);
        if (found.some((l) => start >= l.start && start < l.end)) continue;
        const rawAlt = m[1] ?? '';
        const written = m[2];
        const label = written === undefined || written === '' ? rawAlt : written;
        const def = definitions.get(labelKey(label));
        // Not followed by a link's `[` (`![a][b][c]`), nor inside code or a comment.
        if (!def || body[start + m[0].length] === '[' || inline(start)) continue;
        const form = written === undefined ? 'shortcut' : written === '' ? 'collapsed' : 'full';
        found.push({ start, end: start + m[0].length, rawAlt, altStart: start + 2, altEnd: start + 2 + rawAlt.length, url: def.url, written: def.written, ref: { label, form, urlStart: def.urlStart, urlEnd: def.urlEnd } });
      }
    }
    links.push(...found.sort((a, b) => a.start - b.start));
  }
  return links;
}

/** A link's URL as written, without the `<>` it may be written in. */
const unbracketed = (raw: string): string => (raw.startsWith('<') && raw.endsWith('>') ? raw.slice(1, -1) : raw);

/** How the text uses each image URL (decoded): how many links, and the first link's alt text. */
export interface PhotoUse {
  count: number;
  alt: string | null;
  /** A use is the src of Hugo's figure shortcode (Hugo also finds it in the site's assets/). */
  figure?: true;
}

/**
 * The photo an HTML `<img src>` shows as the post's site reads it: a Liquid link's site path
 * (Jekyll), an MDX expression's imported or required file (`{hall}`, `{require('./a.png').default}`);
 * null for code nothing here can follow, or an expression the site does not read as MDX.
 */
function htmlPhotoUrl(src: string, reading: MarkdownReading, imports: () => ReadonlyMap<string, string>): string | null {
  if (/^\{(?![{%])/.test(src.trim())) {
    const file = reading.mdx ? mdxImageUrl(src, imports()) : null;
    return file === null ? null : underBase(file, reading);
  }
  return underBase(reading.liquid ? liquidLinkUrl(src) : src, reading);
}

/** The path a link names as its site reads it (linkPathOf): with the site's base path written out `/events/a.png` is `/a.png`; Docusaurus' `@site/static/img/a.png` is `/img/a.png`. */
const underBase = (url: string, reading: MarkdownReading): string => linkPathOf(url, reading);

/** A `srcset` candidate: its photo, where its URL is written, and the whole candidate (`b.png 2x`). */
export interface SrcsetCandidate {
  url: string;
  start: number;
  end: number;
  entryStart: number;
  entryEnd: number;
}

/** An `<img>` (or `<picture>`'s `<source>`) tag of the body and the photos it shows: its src's (see htmlPhotoUrl) and its srcset's. */
export interface PhotoTag extends HtmlImgTag {
  /** The src's photo (an `<img>`'s), or null. */
  url: string | null;
  candidates: SrcsetCandidate[];
}

/**
 * The body's `<img>` and `<source>` tags that show a photo, in order: outside code (blocks and
 * spans), HTML comments and, on an MDX post, import and export statements; in raw HTML blocks too.
 */
export function findPhotoTags(body: string, reading: MarkdownReading = READ_ALL, read?: BodyRead): PhotoTag[] {
  const tags: PhotoTag[] = [];
  const figures = readsShortcodes(reading) && mayHaveFigure(body);
  const includes = reading.liquid && mayHaveFigureInclude(body);
  if (!figures && !includes && !/<(?:img|source)/i.test(body)) return tags;
  let imports: ReadonlyMap<string, string> | null = null;
  const importsOf = (): ReadonlyMap<string, string> => (imports ??= mdxImageImports(body));
  /** The end of the last tag: a tag over several lines is read once, from its first. */
  let past = 0;
  const codeIsText = !reading.mdx && body.includes('={');
  const { lines, opaque: ranges } = read ?? readBody(body, reading.mdx);
  const opaque = insideOf(ranges);
  for (const line of lines) {
    if (line.code || line.esm || line.indented || line.end < past) continue;
    const from = Math.max(line.start, past);
    // Hugo's figure shortcode, where its site renders it: its src is the photo, as written (hugo-figure.ts;
    // under the site's base path, the site path it names).
    // A Jekyll theme's figure include, where Liquid runs: its photo the site path of its value (jekyll-figure.ts).
    const calls: Array<FigureShortcode | FigureInclude> = [...(figures ? figureShortcodesIn(body, from, line.end) : []), ...(includes ? figureIncludesIn(body, from, line.end) : [])];
    for (const tag of calls.length > 0 ? [...imgTagsIn(body, from, line.end), ...calls].sort((a, b) => a.start - b.start) : imgTagsIn(body, from, line.end)) {
      if (opaque(tag.start) || tag.start < past) continue;
      past = Math.max(past, tag.end);
      if ('shortcode' in tag) {
        tags.push({ ...tag, url: tag.src ? underBase(tag.src.raw, reading) : null, candidates: [] });
        continue;
      }
      if ('include' in tag) {
        tags.push({ ...tag, url: tag.src ? underBase(includeUrl(includeValue(tag.src)), reading) : null, candidates: [] });
        continue;
      }
      // A tag with an attribute written as code is MDX's: text to a post read as plain Markdown.
      if (codeIsText && hasMdxAttributeCode(body, tag.start)) continue;
      const url = tag.name === 'img' && tag.src ? htmlPhotoUrl(tag.src.raw, reading, importsOf) : null;
      // Chirpy makes a src's address only (mediaUrlOf): a srcset's stay as written there.
      const candidateUrl = (u: string): string => (reading.media !== undefined ? u : underBase(u, reading));
      const candidates = tag.srcset ? srcsetCandidates(tag.srcset).map((c) => ({ ...c, url: candidateUrl(reading.liquid ? liquidLinkUrl(c.url) : c.url) })) : [];
      if (url !== null || candidates.length > 0) tags.push({ ...tag, url, candidates });
    }
  }
  return tags;
}

/** Whether a tag shows the photo `url`, by its src or a srcset candidate. */
const tagShows = (tag: PhotoTag, url: string): boolean => (tag.url !== null && samePhotoUrl(tag.url, url)) || tag.candidates.some((c) => samePhotoUrl(c.url, url));

/** The alt text a tag gives its photo: its alt attribute as a reader sees it, none for an expression (`alt={…}`). */
function tagAlt(tag: HtmlImgTag | FigureShortcode | FigureInclude): string | null {
  // A shortcode's parameter is text as written (Hugo escapes it for the page itself); without
  // an alt, Hugo's figure gives the photo its caption.
  if ('shortcode' in tag) return figureAlt(tag);
  if ('include' in tag && tag.alt) return attributeText(includeValue(tag.alt));
  if (!tag.alt || (tag.alt.quote === '' && tag.alt.raw.startsWith('{'))) return null;
  return attributeText(tag.alt.raw);
}

/** How the text uses each photo, as the post's site reads it (`reading`: Liquid, MDX; see site-reading.ts): its Markdown links and its `<img>` tags. */
export function photoUses(body: string, reading: MarkdownReading = READ_ALL): Map<string, PhotoUse> {
  const uses = new Map<string, PhotoUse>();
  const add = (url: string, alt: string | null, figure = false): void => {
    const key = decoded(url);
    let use = uses.get(key);
    if (use) {
      use.count++;
      if (use.alt === null) use.alt = alt;
    } else uses.set(key, (use = { count: 1, alt }));
    if (figure) use.figure = true;
  };
  const read = readBody(body, reading.mdx);
  // Hugo's embedded image render hook looks a Markdown image up as its figure's src.
  for (const link of findPhotoLinks(body, reading, read)) add(link.url, unescapeAlt(link.rawAlt), reading.imageHook === true);
  for (const tag of findPhotoTags(body, reading, read)) {
    const alt = tagAlt(tag);
    if (tag.url !== null) add(tag.url, alt, 'shortcode' in tag && reading.figureAsWritten !== true);
    for (const c of tag.candidates) add(c.url, alt);
  }
  return uses;
}

/** Where the text uses a photo: a Markdown link or an `<img>` tag, from its first character to after its last. */
export interface PhotoRef {
  start: number;
  end: number;
  url: string;
  /** A srcset candidate of a tag that also shows other photos: the candidate alone, to take out. */
  candidate?: SrcsetCandidate;
}

/** Every use of a photo in the body, Markdown links and `<img>` tags (a srcset's candidates each), in order. */
export function photoRefs(body: string, reading: MarkdownReading = READ_ALL): PhotoRef[] {
  const read = readBody(body, reading.mdx);
  const refs: PhotoRef[] = findPhotoLinks(body, reading, read).map(({ start, end, url }) => ({ start, end, url }));
  for (const tag of findPhotoTags(body, reading, read)) {
    const { start, end } = tag;
    if (tag.url !== null) refs.push({ start, end, url: tag.url });
    for (const c of tag.candidates) refs.push({ start, end, url: c.url, candidate: c });
  }
  return refs.sort((a, b) => a.start - b.start);
}

/** Replaces stretches of `body` (sorted, not overlapping). */
function applyEdits(body: string, edits: Array<{ from: number; to: number; text: string }>): string {
  if (edits.length === 0) return body;
  edits.sort((a, b) => a.from - b.from);
  let out = '';
  let last = 0;
  for (const e of edits) {
    if (e.from < last) continue;
    out += body.slice(last, e.from) + e.text;
    last = e.to;
  }
  return out + body.slice(last);
}

export function photoUseOf(uses: Map<string, PhotoUse>, url: string): PhotoUse | undefined {
  return uses.get(decoded(url));
}

/**
 * Where a dropped or pasted photo goes: never inside a sentence or a code block. An offset
 * at the start of a line or on a blank line stays; one inside a line moves to that line's
 * end; one inside a fenced code block moves past its closing fence.
 */
export function photoInsertionPoint(body: string, offset: number): number {
  const at = Math.max(0, Math.min(offset, body.length));
  const lines = linesOf(body);
  let i = lines.findIndex((l) => at <= l.end);
  if (i === -1) i = lines.length - 1;
  const line = lines[i]!;
  if (line.code) {
    // Past the closing fence (or to the end of a block that is never closed).
    let j = i;
    while (!lines[j]!.closes && j + 1 < lines.length) j++;
    return lines[j]!.end;
  }
  if (body.slice(line.start, line.end).trim() === '' || at === line.start) return line.start;
  return line.end;
}

function newlinesIn(whitespace: string): number {
  let n = 0;
  for (const ch of whitespace) if (ch === '\n') n++;
  return n;
}

/**
 * Inserts photo links at `offset` (see photoInsertionPoint), each as its own paragraph: a blank
 * line before, between and after them, reusing the blank lines already there. `caret` is
 * the end of the last link, where the next photo of the same gesture would go.
 */
export function insertPhotoLinks(body: string, offset: number, links: string[]): { body: string; start: number; caret: number } {
  if (links.length === 0) return { body, start: offset, caret: offset };
  const at = photoInsertionPoint(body, offset);
  const before = body.slice(0, at);
  const after = body.slice(at);
  const block = links.join('\n\n');
  const trailing = /\s*$/.exec(before)?.[0] ?? '';
  const leading = /^\s*/.exec(after)?.[0] ?? '';
  const prefix = before.trim() === '' && !before.includes('\n') ? '' : '\n'.repeat(Math.max(0, 2 - newlinesIn(trailing)));
  const suffix = after === '' ? '\n' : after.trim() === '' ? (newlinesIn(leading) >= 1 ? '' : '\n') : '\n'.repeat(Math.max(0, 2 - newlinesIn(leading)));
  const start = at + prefix.length;
  return { body: before + prefix + block + suffix + after, start, caret: start + block.length };
}

/**
 * Where the photos of "insert" go when the author never placed the caret: after the last line
 * of a `## Photos` section when the body has one (the template's), else at the end.
 */
export function defaultPhotoOffset(body: string): number {
  const lines = linesOf(body);
  let section = -1;
  let sectionEnd = lines.length;
  lines.forEach((l, i) => {
    if (l.code) return;
    const text = body.slice(l.start, l.end);
    if (section === -1 && /^ {0,3}##[ \t]+photos[ \t]*#*[ \t]*$/i.test(text)) section = i;
    else if (section !== -1 && sectionEnd === lines.length && /^ {0,3}#{1,2}[ \t]/.test(text)) sectionEnd = i;
  });
  if (section === -1) return body.length;
  let last = sectionEnd - 1;
  while (last > section && body.slice(lines[last]!.start, lines[last]!.end).trim() === '') last--;
  return lines[last]!.end;
}

/**
 * Follows a position of `before` into `after`, when `after` is `before` with one stretch
 * changed (the author typed or deleted while a batch of photos was importing). A position
 * inside the changed stretch moves to its end.
 */
export function mapOffset(before: string, after: string, offset: number): number {
  if (before === after) return offset;
  const max = Math.min(before.length, after.length);
  let p = 0;
  while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) s++;
  if (offset <= p) return offset;
  if (offset >= before.length - s) return offset + after.length - before.length;
  return after.length - s;
}

/** The occurrence of `needle` in `hay` that starts closest to `around`, or -1. */
function nearest(hay: string, needle: string, around: number): number {
  let best = -1;
  for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + 1)) {
    if (best === -1 || Math.abs(i - around) < Math.abs(best - around)) best = i;
    if (i > around) break;
  }
  return best;
}

/**
 * Like mapOffset, but for edits in several places: the position is found again by the text
 * around it (both sides, else either side), near where mapOffset would put it.
 */
export function followOffset(before: string, after: string, offset: number): number {
  if (before === after) return offset;
  const guess = mapOffset(before, after, offset);
  for (const n of [40, 12]) {
    const left = before.slice(Math.max(0, offset - n), offset);
    const right = before.slice(offset, offset + n);
    if (left.length + right.length === 0) break;
    const i = nearest(after, left + right, guess - left.length);
    if (i !== -1) return i + left.length;
  }
  for (const n of [40, 12, 4]) {
    const left = before.slice(Math.max(0, offset - n), offset);
    if (left.length >= Math.min(n, offset) && left.length > 0) {
      const i = nearest(after, left, guess - left.length);
      if (i !== -1) return i + left.length;
    }
    const right = before.slice(offset, offset + n);
    if (right.length > 0) {
      const i = nearest(after, right, guess);
      if (i !== -1) return i;
    }
  }
  return guess;
}

/**
 * Sets the alt text of every link to `url`, and the alt attribute of every `<img>` tag that
 * shows it (added after its src when it has none); other links and the rest of the text are untouched.
 * `reading`: the post's, as its tray counts the uses (a Liquid link is the photo only on a site
 * that runs Liquid in the post; elsewhere it is left as written).
 */
export function setPhotoAlt(body: string, url: string, alt: string, reading: MarkdownReading): string {
  const escaped = escapeAlt(alt);
  const edits: Array<{ from: number; to: number; text: string }> = [];
  const read = readBody(body, reading.mdx);
  for (const link of findPhotoLinks(body, reading, read)) {
    if (!samePhotoUrl(link.url, url) || link.rawAlt === escaped) continue;
    // `![alt][]` and `![alt]` name their definition by their alt text: written in full, the label stays.
    if (link.ref && link.ref.form !== 'full') edits.push({ from: link.start, to: link.end, text: `![${escaped}][${link.ref.label}]` });
    else edits.push({ from: link.altStart, to: link.altEnd, text: escaped });
  }
  // An <img> tag's alt attribute, or a new one after its src.
  for (const tag of findPhotoTags(body, reading, read)) {
    if (tag.name !== 'img' || !tagShows(tag, url) || tagAlt(tag) === alt) continue;
    const value = 'shortcode' in tag ? figureValue(alt) : quotedAttribute(alt);
    if (tag.alt) {
      const q = tag.alt.quote === '' ? 0 : 1;
      edits.push({ from: tag.alt.start - q, to: tag.alt.end + q, text: value });
    } else edits.push({ from: tag.afterSrc, to: tag.afterSrc, text: ` alt=${value}` });
  }
  return applyEdits(body, edits);
}

/** Jekyll's link tag opening: `{% link `. */
const LINK_TAG_OPEN = /\{%-?[ \t]*link[ \t]/;

/**
 * Points every link and `<img>` tag that shows `from` at `to` (a replaced photo that got a new
 * name, a linked photo copied into the folder), alt and title kept; a Liquid link the post's site
 * reads keeps its Liquid (`reading`: see setPhotoAlt), and a link written without it becomes
 * `plainTo` (`to` as the site links it: see linkedAs); on an MDX post, `require('…')` in a src and
 * the `import … from '…'` that `src={name}` shows are relinked.
 */
export function replacePhotoUrl(body: string, from: string, to: string, reading: MarkdownReading, plainTo = to): string {
  const edits: Array<{ from: number; to: number; text: string }> = [];
  /** The URL as written between `start` and `end` (inside a Liquid link or a `require`, the path it holds). */
  const within = (written: string, start: number, end: number): void => {
    // Jekyll's link tag (`{% link assets/a.png %}`) names the site path from the site's folder.
    if (reading.liquid && LINK_TAG_OPEN.test(body.slice(start, end))) {
      const path = written.replace(/^\/+/, '');
      const at = body.indexOf(path, start);
      if (at !== -1 && at + path.length <= end) edits.push({ from: at, to: at + path.length, text: to.replace(/^\/+/, '') });
      return;
    }
    const i = body.indexOf(written, start);
    if (i === -1 || i + written.length > end) return;
    // Inside a Liquid link (`{{ site.baseurl }}/a.png`, `{{ "/a.png" | relative_url }}`), or after
    // the base written out (`/events/a.png`): the site path it holds, the rest kept.
    const before = body.slice(start, i);
    const prefix = linkPrefixAt(before, reading);
    if (prefix === null || prefix.kind === 'base') {
      edits.push({ from: i, to: i + written.length, text: prefix !== null || before.includes('{{') ? to : plainTo });
      return;
    }
    // Docusaurus' `@site/static` stays before a site path, `@site/<the post's folder>/` before a
    // path relative to the post; a link of the other kind takes the alias's place.
    const siteAbsolute = to.startsWith('/');
    if (siteAbsolute === (prefix.kind === 'served')) edits.push({ from: i, to: i + written.length, text: siteAbsolute ? to : to.replace(/^(?:\.\/)+/, '') });
    else edits.push({ from: i - prefix.length, to: i + written.length, text: plainTo });
  };
  const read = readBody(body, reading.mdx);
  for (const link of findPhotoLinks(body, reading, read)) {
    if (!samePhotoUrl(link.url, from)) continue;
    // A Chirpy post's link is not its address (mediaUrlOf): the whole URL as written is replaced.
    const shown = reading.media !== undefined ? link.written : link.url;
    // A reference-style image's URL is its definition's (one edit, however many images use it).
    if (link.ref) within(shown, link.ref.urlStart, link.ref.urlEnd);
    else within(shown, link.altEnd, link.end);
  }
  for (const tag of findPhotoTags(body, reading, read)) {
    // A figure include's value is a site path (relative_url writes the base), written as it was: with or without its first `/`.
    if ('include' in tag) {
      if (tag.src && tag.url !== null && samePhotoUrl(tag.url, from)) edits.push({ from: tag.src.start, to: tag.src.end, text: tag.src.raw.startsWith('/') ? to : to.replace(/^\/+/, '') });
      continue;
    }
    // `src={hall}` shows what an import names: the import is relinked below.
    if (tag.src && tag.url !== null && samePhotoUrl(tag.url, from) && !/^\{\s*[A-Za-z_$][\w$]*\s*\}$/.test(tag.src.raw)) within(reading.media !== undefined ? tag.src.raw : tag.url, tag.src.start, tag.src.end);
    for (const c of tag.candidates) if (samePhotoUrl(c.url, from)) within(c.url, c.start, c.end);
  }
  // MDX: `import hall from './hall.png'` names the file wherever the post shows `{hall}`.
  if (reading.mdx) {
    for (const m of body.matchAll(/^import\s+[A-Za-z_$][\w$]*\s+from\s*(['"])([^'"\n]+)\1/gm)) {
      const path = m[2] ?? '';
      const named = underBase(path, reading);
      if (samePhotoUrl(named, from)) {
        const at = (m.index ?? 0) + m[0].length - 1 - path.length;
        // `@site/static/img/a.png` keeps its `@site/static` before a site path, `@site/blog/<post>/a.png`
        // its folder before a relative one (as within() above).
        const prefix = named !== path && path.endsWith(named) ? path.slice(0, path.length - named.length) : '';
        const own = prefix.endsWith('/');
        const keep = prefix !== '' && to.startsWith('/') !== own;
        edits.push({ from: at, to: at + path.length, text: keep ? prefix + (own ? to.replace(/^(?:\.\/)+/, '') : to) : to });
      }
    }
  }
  return applyEdits(body, edits);
}

/**
 * Takes every link and `<img>` tag that shows `url` out of the body, as the post's site reads
 * it (`reading`: see setPhotoAlt). A link alone on its line (or lines) takes the line with it,
 * and one of the blank lines around it, so no gap is left; a link inside a sentence goes alone.
 * `splices` put everything back (restoreSplices).
 */
export function removePhotoLinks(body: string, url: string, reading: MarkdownReading): { body: string; removed: number; splices: Splice[] } {
  const refs = photoRefs(body, reading);
  const uses = refs.filter((l) => samePhotoUrl(l.url, url));
  if (uses.length === 0) return { body, removed: 0, splices: [] };
  // A tag goes whole when every photo it shows is this one; else only this photo's srcset candidates.
  const others = new Set(refs.filter((r) => !samePhotoUrl(r.url, url)).map((r) => r.start));
  const ranges: Array<[number, number]> = [];
  const links: PhotoRef[] = [];
  for (const use of uses) {
    if (!others.has(use.start)) {
      if (!links.some((l) => l.start === use.start)) links.push(use);
    } else if (use.candidate) {
      // The candidate and the comma before it (or after it, for the first).
      const c = use.candidate;
      const comma = body[c.entryStart - 1] === ',' ? c.entryStart - 1 : c.entryStart;
      const next = comma === c.entryStart && body[c.entryEnd] === ',' ? c.entryEnd + 1 : c.entryEnd;
      ranges.push([comma, next]);
    }
  }
  const lines = linesOf(body);
  const blank = (i: number): boolean => i < 0 || i >= lines.length || body.slice(lines[i]!.start, lines[i]!.end).trim() === '';
  const lineOf = (offset: number): number => lines.findIndex((l) => offset >= l.start && offset <= l.end);
  for (const link of links) {
    // A tag may run over several lines: from the line it opens on (i) to the one it ends on (j).
    const i = lineOf(link.start);
    const j = Math.max(i, lineOf(link.end));
    const line = lines[i]!;
    const last = lines[j]!;
    const rest = body.slice(line.start, link.start) + body.slice(link.end, last.end);
    if (rest.trim() !== '') {
      // Inside a sentence: the link and one space next to it.
      const spaceAfter = body[link.end] === ' ' ? 1 : 0;
      const spaceBefore = !spaceAfter && body[link.start - 1] === ' ' ? 1 : 0;
      ranges.push([link.start - spaceBefore, link.end + spaceAfter]);
      continue;
    }
    if (j === lines.length - 1) {
      // The last line: the line break before it goes, and the blank line before that.
      let s = line.start;
      if (i > 0) s = lines[i - 1]!.end;
      if (i > 1 && blank(i - 1)) s = lines[i - 2]!.end;
      ranges.push([s, last.end]);
      continue;
    }
    let e = last.end + 1;
    if (blank(i - 1) && blank(j + 1) && j + 1 < lines.length) e = j + 1 === lines.length - 1 ? lines[j + 1]!.end : lines[j + 1]!.end + 1;
    ranges.push([line.start, e]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const prev = merged[merged.length - 1];
    if (prev && r[0] <= prev[1]) prev[1] = Math.max(prev[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  let out = '';
  let last = 0;
  let taken = 0;
  const splices: Splice[] = [];
  for (const [s, e] of merged) {
    out += body.slice(last, s);
    splices.push({ at: s - taken, text: body.slice(s, e) });
    taken += e - s;
    last = e;
  }
  // A tag whose src is this photo while its srcset shows others stays, and is not counted.
  return { body: out + body.slice(last), removed: uses.filter((u) => !others.has(u.start) || u.candidate).length, splices };
}

/**
 * Undoes removePhotoLinks: `afterRemoval` is the body it returned, `current` the body now
 * (the author may have typed since). Exactly the old body when nothing changed in between.
 */
export function restoreSplices(current: string, afterRemoval: string, splices: Splice[]): string {
  let out = current;
  const placed = splices.map((s) => ({ at: followOffset(afterRemoval, current, s.at), text: s.text }));
  for (let i = placed.length - 1; i >= 0; i--) {
    const s = placed[i]!;
    const at = Math.min(s.at, out.length);
    out = out.slice(0, at) + s.text + out.slice(at);
  }
  return out;
}
