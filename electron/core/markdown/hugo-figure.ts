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
  /** The values of its other parameters that the page shows (Hugo's figure puts them in its caption). */
  title: string | null;
  caption: string | null;
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

/** The figure call that opens at `at`, or null when it is not one this reader can follow (it is then text to every reader). */
function readFigure(text: string, at: number, delimiter: '<' | '%', openEnd: number): FigureShortcode | null {
  const blank = /\n[ \t]*(?:\n|$)/g;
  blank.lastIndex = at;
  const limit = Math.min(blank.exec(text)?.index ?? text.length, at + MAX_CALL);
  const close = delimiter === '<' ? '>}}' : '%}}';
  let src: TagValue | null = null;
  let alt: TagValue | null = null;
  let title: string | null = null;
  let caption: string | null = null;
  let afterSrc = -1;
  const rawStrings: TagValue[] = [];
  let i = openEnd;
  while (i < limit) {
    while (i < limit && space(text[i])) i++;
    if (text.startsWith(close, i) || (text[i] === '/' && text.startsWith(close, i + 1))) {
      const end = i + (text[i] === '/' ? 1 : 0) + close.length;
      if (src === null) return null;
      return { name: 'img', start: at, end, src, alt, srcset: null, afterSrc, shortcode: true, openEnd, closeStart: i, title, caption, rawStrings };
    }
    const nameStart = i;
    while (i < limit && /[\w-]/.test(text[i] ?? '')) i++;
    // Positional parameters, or anything else: the built-in figure takes named ones only.
    if (i === nameStart || text[i] !== '=') return null;
    const name = text.slice(nameStart, i);
    i++;
    const q = text[i];
    let value: TagValue;
    if (q === '"' || q === '`') {
      const end = text.indexOf(q, i + 1);
      if (end === -1 || end >= limit) return null;
      const raw = text.slice(i + 1, end);
      // An escaped quote (`\"`): Hugo's, not HTML's; left to Hugo, read as text here.
      if (q === '"' && raw.includes('\\')) return null;
      if (q === '`' && raw.includes('\n')) return null;
      value = { raw, start: i + 1, end, quote: q };
      if (q === '`' || raw.includes('&')) rawStrings.push(value);
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
    if (name === 'src' && src === null) {
      src = value;
      afterSrc = i;
    } else if (name === 'alt' && alt === null) alt = value;
    else if (name === 'title') title = value.raw;
    else if (name === 'caption') caption = value.raw;
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
    if (call) {
      out.push(call);
      open.lastIndex = call.end;
    }
  }
  return out;
}

/** Whether a text may hold a figure call: the quick test before reading it. */
export function mayHaveFigure(text: string): boolean {
  return /\{\{[<%][ \t]*figure/.test(text);
}

/** Every figure call of a text, in order. */
export function findFigureShortcodes(text: string): FigureShortcode[] {
  return text.includes('figure') ? figureShortcodesIn(text, 0, text.length) : [];
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * What an HTML reader reads in place of a call's pieces, each on one line (so a place in the
 * text maps back by columns, and its src and alt stay where they are written): `{{< figure` is
 * `<figure><img`, a back-quoted or unquoted value a double-quoted one, and the close `/>` with
 * the caption Hugo's figure writes (its title, then its caption, as text) and `</figure>`; a call
 * without an alt gets its caption as alt text, as Hugo's figure gives it.
 */
export function figureRewrites(call: FigureShortcode, text: string): Array<{ offset: number; written: string; resolved: string }> {
  const out: Array<{ offset: number; written: string; resolved: string }> = [{ offset: call.start, written: text.slice(call.start, call.openEnd), resolved: '<figure><img' }];
  for (const v of call.rawStrings) {
    const q = v.quote === '' ? 0 : 1;
    out.push({ offset: v.start - q, written: text.slice(v.start - q, v.end + q), resolved: `"${escapeHtml(v.raw)}"` });
  }
  const said = [call.title !== null ? `<h4>${escapeHtml(call.title)}</h4>` : '', call.caption !== null ? `<p>${escapeHtml(call.caption)}</p>` : ''].join('');
  // Without an alt, Hugo's figure gives the photo its caption as alt text. The tag closes with
  // `/>` whatever the call wrote: a `>` first on its line would open a block quote for Markdown.
  const alt = call.alt === null && call.caption !== null ? ` alt="${escapeHtml(call.caption)}"` : '';
  out.push({ offset: call.closeStart, written: text.slice(call.closeStart, call.end), resolved: `${alt}/>${said ? `<figcaption>${said}</figcaption>` : ''}</figure>` });
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

/** An alt text as a figure's parameter value: double-quoted, or back-quoted when it holds a double quote. */
export function figureValue(text: string): string {
  const flat = text.replace(/[\r\n]+/g, ' ');
  if (!flat.includes('"')) return `"${flat}"`;
  if (!flat.includes('`')) return `\`${flat}\``;
  return `"${flat.replace(/"/g, '\u201d')}"`;
}
