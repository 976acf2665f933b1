// A Markdown body's lines as CommonMark cuts its blocks, for the photo tray's finders
// (photo-text.ts): which lines are fenced or indented code, MDX import/export statements, or
// raw HTML blocks (where `![alt](url)` is text, while an `<img>` tag is still an image), and the
// stretches inside a line that hide a link (HTML comments, code spans). The preview and the
// service's finder read the same with a full parser; unit tests compare the two.
//
// Pure module (no Node imports).

import { splitBlocks } from './markdown-blocks';
import { isEsmBlock } from './mdx';

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

export interface Line {
  start: number;
  end: number;
  /** Inside a fenced code block, or one of its fence lines. */
  code: boolean;
  /** The fence line that closes a code block. */
  closes: boolean;
  /** In an MDX import or export statement (a post read as MDX): code for the site's build. */
  esm: boolean;
  /** In an indented code block (four spaces after a blank line, outside a list). */
  indented: boolean;
  /** In a raw HTML block: Markdown is not read there (`![alt](url)` is text), HTML is. */
  html: boolean;
}

/** CommonMark's HTML blocks of type 1–5: each runs to the line that holds its end. */
const HTML_UNTIL: Array<[RegExp, RegExp]> = [
  [/^ {0,3}<(?:pre|script|style|textarea)(?:[\s>]|$)/i, /<\/(?:pre|script|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];
/** Type 6: a block-level tag opens a block that runs to a blank line, even inside a paragraph. */
const HTML_BLOCK_TAG =
  /^ {0,3}<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:\s|\/?>|$)/i;
/** Type 7: any other whole open or closing tag alone on its line, outside a paragraph. */
const HTML_LONE_TAG = /^ {0,3}(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)[ \t]*$/;

/** The end of the HTML block that `text` opens (a pattern, or a blank line), or null when it opens none. */
function htmlBlockStart(text: string, inParagraph: boolean): RegExp | 'blank' | null {
  if (!/^ {0,3}</.test(text)) return null;
  for (const [open, close] of HTML_UNTIL) if (open.test(text)) return close;
  if (HTML_BLOCK_TAG.test(text)) return 'blank';
  return !inParagraph && HTML_LONE_TAG.test(text) ? 'blank' : null;
}

const LIST_ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])([ \t]+|$)/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/** Width of the leading whitespace, a tab reaching the next multiple of 4 as in CommonMark. */
export function indentWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    if (ch === ' ') width++;
    else if (ch === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}

/**
 * Reads lines one after another and tells which are an indented code block, as CommonMark (and
 * lint) reads them: four columns in after a blank line, a heading or the start, and not inside a
 * list item (where they continue the item); a paragraph's next line is never one.
 */
function indentedCodeReader(): { read(text: string, other: boolean): boolean; inParagraph(): boolean } {
  let previous: 'start' | 'blank' | 'block' | 'text' = 'start';
  let listIndent: number | null = null;
  let inCode = false;
  return {
    /** `other`: a line of a fence or an HTML block, which no indented code continues past. */
    read(text, other) {
      if (other) {
        previous = 'block';
        inCode = false;
        return false;
      }
      if (text.trim() === '') {
        previous = 'blank';
        return inCode;
      }
      const indent = indentWidth(text);
      if (indent >= 4 && listIndent === null && (inCode || previous !== 'text')) {
        inCode = true;
        return true;
      }
      inCode = false;
      if (indent < 4) {
        const item = THEMATIC_BREAK.test(text) ? null : LIST_ITEM.exec(text);
        if (item) {
          const gap = indentWidth(`${item[3] ?? ''}x`);
          listIndent = (item[1] ?? '').length + (item[2] ?? '').length + (gap === 0 || gap > 4 ? 1 : gap);
        } else if (listIndent !== null && previous !== 'text' && indent < listIndent) listIndent = null;
      }
      previous = /^ {0,3}#{1,6}(?:[ \t]|$)/.test(text) ? 'block' : 'text';
      return false;
    },
    inParagraph: () => previous === 'text',
  };
}

/** The body's lines (0-based) inside MDX import/export statements: blocks cut as the preview and the link finder cut them. */
function esmLines(body: string): Set<number> {
  const out = new Set<number>();
  if (!/^(?:import|export)\b/m.test(body)) return out;
  const { blocks, lines } = splitBlocks(body);
  blocks.forEach((block, i) => {
    if (!isEsmBlock(block)) return;
    const first = lines[i]! - 1;
    const count = block.split('\n').length;
    for (let l = first; l < first + count; l++) out.add(l);
  });
  return out;
}

/** The body's lines, with its code blocks; `mdx`: and its MDX import/export statements (see esmLines). */
export function linesOf(body: string, mdx = false): Line[] {
  const lines: Line[] = [];
  const esm = mdx ? esmLines(body) : null;
  const blocks = indentedCodeReader();
  let fence: string | null = null;
  /** The end of the HTML block the lines are in. */
  let html: RegExp | 'blank' | null = null;
  let start = 0;
  for (;;) {
    const nl = body.indexOf('\n', start);
    const end = nl === -1 ? body.length : nl;
    const text = body.slice(start, end);
    const inEsm = esm?.has(lines.length) ?? false;
    let code = fence !== null;
    let closes = false;
    let inHtml = false;
    if (html === null && fence === null && !inEsm) {
      // An indented line is code or a paragraph's, never an HTML block's start.
      const opens = /^ {0,3}</.test(text) ? htmlBlockStart(text, blocks.inParagraph()) : null;
      if (opens !== null) {
        html = opens;
        // Types 1–5 may end on the line that opens them, after the opening.
        if (opens !== 'blank' && opens.test(text.replace(/^ {0,3}<!?-?-?/, ''))) html = null;
        inHtml = true;
      }
    } else if (html !== null) {
      if (html === 'blank') {
        if (text.trim() === '') html = null;
        else inHtml = true;
      } else {
        inHtml = true;
        if (html.test(text)) html = null;
      }
    }
    const f = inHtml ? null : FENCE.exec(text);
    if (f?.[1]) {
      const mark = f[1][0] ?? '';
      if (fence === null) fence = mark;
      else if (mark === fence) {
        fence = null;
        closes = true;
      }
      code = true;
    }
    const indented = !code && !inEsm && !inHtml && blocks.read(text, false);
    if (code || inHtml) blocks.read(text, true);
    lines.push({ start, end, code, closes, esm: inEsm, indented, html: inHtml });
    if (nl === -1) return lines;
    start = nl + 1;
  }
}

/**
 * Where Markdown reads no link in the body's lines outside code blocks: HTML comments (`<!--
 * ![old](a.png) -->` is a photo taken out; one that opens a line runs over lines to its `-->`,
 * one inside a paragraph only when it closes there) and code spans (`` `<img>` ``; not in raw
 * HTML, which has none), in order.
 */
export function opaqueRanges(body: string, lines: readonly Line[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  if (body.includes('<!--') || body.includes('`')) {
    /** Where the paragraph that holds line `li` ends: before a blank line or a line of code or HTML. */
    const paragraphEnd = (li: number): number => {
      let j = li;
      while (j + 1 < lines.length) {
        const next = lines[j + 1]!;
        if (next.code || next.html || body.slice(next.start, next.end).trim() === '') break;
        j++;
      }
      return lines[j]!.end;
    };
    let pos = 0;
    for (let li = 0; li < lines.length; li++) {
      const line = lines[li]!;
      if (line.code || line.end < pos) continue;
      let i = Math.max(line.start, pos);
      while (i < line.end) {
        const c = body.indexOf('<!--', i);
        const b = line.html ? -1 : body.indexOf('`', i);
        const next = Math.min(c === -1 || c >= line.end ? Infinity : c, b === -1 || b >= line.end ? Infinity : b);
        if (next === Infinity) break;
        if (next === c) {
          const close = body.indexOf('-->', c + 4);
          const limit = line.html ? body.length : paragraphEnd(li);
          if (close === -1 || close + 3 > limit) {
            if (line.html) ranges.push([c, body.length]);
            i = line.html ? body.length : c + 4;
            continue;
          }
          ranges.push([c, close + 3]);
          i = close + 3;
          continue;
        }
        // A run of n backticks opens a code span that the next run of exactly n closes, on this line.
        let n = b;
        while (n < line.end && body[n] === '`') n++;
        const run = n - b;
        let close = -1;
        for (let j = n; j < line.end; ) {
          if (body[j] !== '`') {
            j++;
            continue;
          }
          let k = j;
          while (k < line.end && body[k] === '`') k++;
          if (k - j === run) {
            close = k;
            break;
          }
          j = k;
        }
        if (close === -1) i = n;
        else {
          ranges.push([b, close]);
          i = close;
        }
      }
      pos = Math.max(pos, i);
    }
  }
  return ranges;
}

/** Whether an offset is in one of `ranges` (opaqueRanges'); asked with offsets in ascending order. */
export function insideOf(ranges: ReadonlyArray<readonly [number, number]>): (offset: number) => boolean {
  let r = 0;
  return (offset) => {
    while (r < ranges.length && ranges[r]![1] <= offset) r++;
    const range = ranges[r];
    return range !== undefined && offset >= range[0];
  };
}

/** A body read once for the photo finders: its lines and where Markdown reads no link (see opaqueRanges). */
export interface BodyRead {
  lines: Line[];
  opaque: Array<[number, number]>;
}

export function readBody(body: string, mdx: boolean): BodyRead {
  const lines = linesOf(body, mdx);
  return { lines, opaque: opaqueRanges(body, lines) };
}
