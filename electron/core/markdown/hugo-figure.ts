// Hugo's built-in figure shortcode, the way most Hugo posts show a photo with a caption:
// `{{< figure src="/images/news/kcd/stage.png" alt="The stage" caption="Day one" >}}` (or
// `{{% figure … %}}`, or self-closed `/>}}`), over one line or several. Hugo renders it before
// the Markdown: an <img> in a <figure>, its src as written (a page resource's name in a page
// bundle, else a site path, as a Markdown link's). On a Hugo post (or one of no known site) the
// link finder, lint, export, the preview and the photo tray all read one as an image
// (site-reading.ts says where); other generators publish it as text. A commented-out call
// (`{{</* figure */>}}`, Hugo's way to show one as text) is none: the preview shows it as the
// page does, without the comment marks.
//
// Pure module (no Node imports): the page's preview and tray and the service's finder share it.

import type { HtmlImgTag, TagValue } from './html-img';

/** One figure call: an HtmlImgTag (src, alt, where an alt goes) so the tray reads it as it reads an `<img>`. */
export interface FigureShortcode extends HtmlImgTag {
  shortcode: true;
  /** `{{< figure` (or `{{% figure`): from `start` to here. */
  openEnd: number;
  /** Where `>}}`, `%}}`, `/>}}` or `/%}}` starts; the call ends at `end`. */
  closeStart: number;
  /** The values of its other parameters that the page shows (Hugo's figure puts them in its caption, its link around the photo). */
  title: string | null;
  caption: string | null;
  attr: string | null;
  attrlink: string | null;
  link: string | null;
  /**
   * Values an HTML reader must see written again, in double quotes: back-quoted ones (Hugo's raw
   * strings), unquoted ones, and any with a `&`, which Hugo passes on as written where HTML would
   * read an entity.
   */
  rawStrings: TagValue[];
}

const OPEN = /\{\{([<%])[ \t]*figure(?=[\s/>%])/g;
/** A call never runs over a blank line here (as an `<img>` tag does not), nor this far. */
const MAX_CALL = 4000;
const space = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/**
 * A figure call Hugo's lexer refuses, which stops the whole site's build: a double-quoted value
 * that runs onto the next line (`unterminated quoted string`), one holding a backslash before a
 * back quote (`unrecognized escape character`), or, after a `name="value"`, something that is
 * not one (`Cannot mix named and positional parameters`: most often the rest of a value whose
 * inner quote ended it, `caption="The "big" day"`). Every reader here takes such a call as text.
 */
export interface FigureFault {
  fault: 'quote-line' | 'escape' | 'mixed';
  /** The call's start, and the parameter whose value is at fault (for `mixed`, the one before what follows it). */
  start: number;
  param: string;
  /** `mixed`: what follows it, as written (at most a few words). */
  near?: string;
}

/** Where the double-quoted value opening at `open` ends (its closing quote), or why Hugo refuses it; `escaped`: it holds `\"`. */
function quotedEnd(text: string, open: number, limit: number): { end: number; escaped: boolean } | FigureFault['fault'] {
  let escaped = false;
  for (let j = open + 1; j < limit; j++) {
    const c = text[j];
    if (c === '\\' && text[j + 1] === '"') {
      escaped = true;
      j++;
    } else if (c === '\\' && text[j + 1] === '`') return 'escape';
    else if (c === '\n') return 'quote-line';
    else if (c === '"') return { end: j, escaped };
  }
  return 'quote-line';
}

/**
 * The figure call that opens at `at`, read as Hugo's shortcode lexer reads it; a fault Hugo stops
 * on; or null when it is not one this reader can follow (it is then text to every reader).
 */
function readFigure(text: string, at: number, delimiter: '<' | '%', openEnd: number): FigureShortcode | FigureFault | null {
  const blank = /\n[ \t]*(?:\n|$)/g;
  blank.lastIndex = at;
  const limit = Math.min(blank.exec(text)?.index ?? text.length, at + MAX_CALL);
  const close = delimiter === '<' ? '>}}' : '%}}';
  let src: TagValue | null = null;
  let alt: TagValue | null = null;
  const said: Pick<FigureShortcode, 'title' | 'caption' | 'attr' | 'attrlink' | 'link'> = { title: null, caption: null, attr: null, attrlink: null, link: null };
  let afterSrc = -1;
  const rawStrings: TagValue[] = [];
  /** The last named parameter read, when its value was quoted (after an unquoted one this reader stops where Hugo may not). */
  let last: string | null = null;
  let i = openEnd;
  while (i < limit) {
    while (i < limit && space(text[i])) i++;
    // `>}}`, or self-closed: `/>}}`, `/ >}}`.
    const selfClosed = text[i] === '/' ? /^\/[ \t]*/.exec(text.slice(i, i + 40))?.[0].length ?? 1 : 0;
    if (text.startsWith(close, i + selfClosed)) {
      const end = i + selfClosed + close.length;
      if (src === null) return null;
      return { name: 'img', start: at, end, src, alt, srcset: null, afterSrc, shortcode: true, openEnd, closeStart: i, ...said, rawStrings };
    }
    const nameStart = i;
    while (i < limit && /[\w-]/.test(text[i] ?? '')) i++;
    const nameEnd = i;
    // Hugo allows spaces around the `=` (`src = "…"`): read so before a quoted value; before an
    // unquoted one Hugo reads on to a quote, which this reader does not follow.
    const spaced = i > nameStart ? /^([ \t]*)=([ \t]*)/.exec(text.slice(i, Math.min(limit, i + 80))) : null;
    if (spaced && spaced[0].length > 1) {
      if (!/["`]/.test(text[i + spaced[0].length] ?? '')) return null;
      i += (spaced[1] ?? '').length;
    }
    // Positional parameters, or anything else: the built-in figure takes named ones only. After
    // a named one, Hugo stops the site's build there.
    if (i === nameStart || text[i] !== '=') {
      if (last === null) return null;
      const near = /^[^\n]*?(?=\s*(?:[>%]\}\}|\n|$))/.exec(text.slice(nameStart, nameStart + 40))?.[0] ?? '';
      return { fault: 'mixed', start: at, param: last, near };
    }
    const name = text.slice(nameStart, nameEnd);
    i++;
    while (text[i] === ' ' || text[i] === '\t') i++;
    const q = text[i];
    let value: TagValue;
    if (q === '"') {
      const read = quotedEnd(text, i, limit);
      if (typeof read === 'string') return { fault: read, start: at, param: name };
      // An escaped quote (`\"`): Hugo then drops every backslash of the value. The src of a photo holds none.
      if (read.escaped && name === 'src') return null;
      const raw = text.slice(i + 1, read.end);
      value = { raw: read.escaped ? raw.replace(/\\/g, '') : raw, start: i + 1, end: read.end, quote: q };
      if (read.escaped || raw.includes('&')) rawStrings.push(value);
      i = read.end + 1;
    } else if (q === '`') {
      // Hugo's raw string: as written, over lines too.
      const end = text.indexOf(q, i + 1);
      if (end === -1 || end >= limit) return null;
      value = { raw: text.slice(i + 1, end), start: i + 1, end, quote: q };
      rawStrings.push(value);
      i = end + 1;
    } else {
      const start = i;
      // What HTML allows unquoted (no quotes, `=`, `<`, `>` or `&`), so both readers see the same value.
      while (i < limit && !space(text[i]) && !/["'`=<>&]/.test(text[i] ?? '') && !text.startsWith(close, i) && !text.startsWith(`/${close}`, i)) i++;
      if (i === start) return null;
      value = { raw: text.slice(start, i), start, end: i, quote: '' };
      // Markdown's parser takes fewer unquoted values inside a paragraph than HTML does (`src=/a.png` is text there).
      rawStrings.push(value);
    }
    last = value.quote === '' ? null : name;
    if (name === 'src' && src === null) {
      src = value;
      afterSrc = i;
    } else if (name === 'alt' && alt === null) alt = value;
    else if (name === 'title' || name === 'caption' || name === 'attr' || name === 'attrlink' || name === 'link') said[name] = value.raw;
  }
  return null;
}

/** The figure calls that open in `[from, to)` of `text` (they may end after `to`). */
export function figureShortcodesIn(text: string, from: number, to: number): FigureShortcode[] {
  const out: FigureShortcode[] = [];
  if (!text.slice(from, to).includes('{{')) return out;
  const open = new RegExp(OPEN.source, 'g');
  open.lastIndex = from;
  for (let m = open.exec(text); m !== null && m.index < to; m = open.exec(text)) {
    const call = readFigure(text, m.index, m[1] === '%' ? '%' : '<', m.index + m[0].length);
    if (call && 'shortcode' in call) {
      out.push(call);
      open.lastIndex = call.end;
    }
  }
  return out;
}

/** The figure calls of a text that Hugo refuses to build (see FigureFault), in order. */
export function findFigureFaults(text: string): FigureFault[] {
  if (!mayHaveFigure(text)) return [];
  const out: FigureFault[] = [];
  for (const m of text.matchAll(OPEN)) {
    const read = readFigure(text, m.index, m[1] === '%' ? '%' : '<', m.index + m[0].length);
    if (read && 'fault' in read) out.push(read);
  }
  return out;
}

/**
 * The alt text Hugo's figure gives its photo: its alt, else its caption as plain text (Hugo's
 * `markdownify | plainify`: `Photo by [Ana](…)` is `Photo by Ana`), on one line as the page's
 * attribute holds it here.
 */
export function figureAlt(call: FigureShortcode): string | null {
  return call.alt?.raw ?? (call.caption === null ? null : plainInline(oneLine(call.caption)));
}

/** Inline Markdown as the text it shows: links and images by their text, emphasis, code and strikethrough marks gone. */
export function plainInline(s: string): string {
  return s
    .replace(/!?\[([^\]\n]*)\]\([^)\n]*\)/g, '$1')
    .replace(/(\*\*|__|~~)(?=\S)(.+?)\1/g, '$2')
    .replace(/\*(?=\S)([^*]+?)\*/g, '$1')
    .replace(/(^|[^\w])_(?=\S)([^_]+?)_(?![\w])/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1');
}

const oneLine = (s: string): string => s.replace(/[ \t]*\r?\n[ \t]*/g, ' ');

/** Whether a text may hold a figure call: the quick test before reading it. */
export function mayHaveFigure(text: string): boolean {
  return /\{\{[<%][ \t]*figure/.test(text);
}

/** Every figure call of a text, in order. */
export function findFigureShortcodes(text: string): FigureShortcode[] {
  return text.includes('figure') ? figureShortcodesIn(text, 0, text.length) : [];
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The attribute on a figure's `<img>` (see figureRewrites). */
export const FIGURE_MARK = 'data-hugo-figure';

/**
 * What an HTML reader reads in place of a call's pieces, each on one line (so a place in the
 * text maps back by columns, and its src and alt stay where they are written): `{{< figure` is
 * `<figure><img`, a back-quoted, unquoted or escaped value a double-quoted one (a raw string over
 * several lines line by line), and the close `/>` with the caption Hugo's figure writes (its
 * title, then its caption, as text) and `</figure>`; a call without an alt gets its caption as
 * alt text, as Hugo's figure gives it.
 */
export function figureRewrites(call: FigureShortcode, text: string, marked = true): Array<{ offset: number; written: string; resolved: string }> {
  // With a `link`, the photo is a link to it. `data-hugo-figure` tells the readers of the HTML
  // (the link finder, the preview) that Hugo also finds this src in the site's assets/; not on a
  // site whose own figure shows it as written (`marked` false).
  const img = marked ? `<img ${FIGURE_MARK}=""` : '<img';
  const open = call.link !== null ? `<figure><a href="${escapeHtml(oneLine(call.link))}">${img}` : `<figure>${img}`;
  const out: Array<{ offset: number; written: string; resolved: string }> = [{ offset: call.start, written: text.slice(call.start, call.openEnd), resolved: open }];
  for (const v of call.rawStrings) {
    const q = v.quote === '' ? 0 : 1;
    const from = v.start - q;
    const written = text.slice(from, v.end + q);
    if (!written.includes('\n')) {
      out.push({ offset: from, written, resolved: `"${escapeHtml(v.raw)}"` });
      continue;
    }
    // A raw string over lines (only a back-quoted one may be): each line of it in its place.
    const lines = v.raw.split('\n');
    let at = v.start;
    lines.forEach((line, n) => {
      const first = n === 0;
      const last = n === lines.length - 1;
      out.push({ offset: first ? from : at, written: `${first ? v.quote : ''}${line}${last ? v.quote : ''}`, resolved: `${first ? '"' : ''}${escapeHtml(line)}${last ? '"' : ''}` });
      at += line.length + 1;
    });
  }
  // Hugo's figure: its title, then its caption and credit (`attr`, a link with `attrlink`), each
  // read as Markdown by Hugo (`markdownify`): marked for the preview, which reads them so.
  const md = (s: string): string => `<span data-hugo-markdown="">${escapeHtml(oneLine(s))}</span>`;
  const credit = call.attr === null ? '' : call.attrlink !== null ? `<a href="${escapeHtml(oneLine(call.attrlink))}">${md(call.attr)}</a>` : md(call.attr);
  const said = [call.title !== null ? `<h4>${escapeHtml(oneLine(call.title))}</h4>` : '', call.caption !== null || call.attr !== null ? `<p>${call.caption !== null ? md(call.caption) : ''}${credit}</p>` : ''].join('');
  // Without an alt, Hugo's figure gives the photo its caption as alt text. The tag closes with
  // `/>` whatever the call wrote: a `>` first on its line would open a block quote for Markdown.
  const caption = call.alt === null ? figureAlt(call) : null;
  const alt = caption !== null ? ` alt="${escapeHtml(caption)}"` : '';
  out.push({ offset: call.closeStart, written: text.slice(call.closeStart, call.end), resolved: `${alt}/>${call.link !== null ? '</a>' : ''}${said ? `<figcaption>${said}</figcaption>` : ''}</figure>` });
  return out;
}

// Hugo's way to write a shortcode call as text (`{{</* figure … */>}}`, any shortcode, `%` too):
// its page shows the call without the comment marks. Each mark, read as Hugo shows it.
export function escapedCallRewrites(text: string): Array<{ offset: number; written: string; resolved: string }> {
  if (!text.includes('/*')) return [];
  const out: Array<{ offset: number; written: string; resolved: string }> = [];
  for (const m of text.matchAll(/\{\{([<%])[ \t]*\/\*|\*\/[ \t]*([>%])\}\}/g)) {
    out.push({ offset: m.index ?? 0, written: m[0], resolved: m[1] !== undefined ? `{{${m[1]}` : `${m[2] ?? ''}}}` });
  }
  return out;
}

/**
 * An alt text as a figure's parameter value: double-quoted; back-quoted when it holds a double
 * quote; with `\"` escapes when it holds back quotes too (Hugo then drops every backslash, so
 * one holding a backslash as well has its double quotes written as ”).
 */
export function figureValue(text: string): string {
  const flat = text.replace(/[\r\n]+/g, ' ');
  if (!flat.includes('"')) return `"${flat}"`;
  if (!flat.includes('`')) return `\`${flat}\``;
  if (!flat.includes('\\')) return `"${flat.replace(/"/g, '\\"')}"`;
  return `"${flat.replace(/"/g, '\u201d')}"`;
}
