// The `<img>` tags a Markdown body writes as raw HTML (or MDX's JSX), read attribute by attribute
// so that the photo tray can count, re-alt, relink and remove them as it does `![alt](url)`
// links: a tag may run over several lines, its values may be quoted either way, unquoted, or an
// MDX expression in braces (`src={hall}`), and a `>` inside a quoted value does not end it.
//
// Pure module (no Node imports): the renderer, the CLI and lint share it.

/** A value of an attribute, without its quotes, and where it sits in the body. */
export interface TagValue {
  raw: string;
  start: number;
  end: number;
  /** The quote around it: `"`, `'`, or '' (unquoted, or an expression in braces); a back quote in a Hugo shortcode's raw string. */
  quote: '"' | "'" | '`' | '';
}

/** One `<img …>` tag of a body, or a `<source …>` of a `<picture>` (its `srcset` only). */
export interface HtmlImgTag {
  name: 'img' | 'source';
  /** From `<img` to just after its `>`. */
  start: number;
  end: number;
  src: TagValue | null;
  alt: TagValue | null;
  srcset: TagValue | null;
  /** Just after the src attribute (its closing quote included): where an alt attribute is added. */
  afterSrc: number;
}

const OPEN = /<(img|source)(?=[\s/>])/gi;
/** A tag never runs over a blank line (Markdown ends raw HTML there), nor this far. */
const MAX_TAG = 4000;

const space = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';

/** The end (exclusive) of a braced expression starting at `at` (`{`), quotes inside skipped; -1 when it never closes. */
function braceEnd(text: string, at: number, limit: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = at; i < limit; i++) {
    const c = text[i];
    if (quote !== null) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

/** Where the tag that opens at `at` may reach: the next blank line, the end of the body, or MAX_TAG. */
function tagLimit(text: string, at: number): number {
  const blank = /\n[ \t]*(?:\n|$)/g;
  blank.lastIndex = at;
  const m = blank.exec(text);
  return Math.min(m ? m.index : text.length, at + MAX_TAG);
}

/** The tag that opens at `at` (`<img`), or null when it does not end before its limit. */
export function readImgTag(text: string, at: number): HtmlImgTag | null {
  const limit = tagLimit(text, at);
  const name: HtmlImgTag['name'] = /^<source/i.test(text.slice(at, at + 7)) ? 'source' : 'img';
  let src: TagValue | null = null;
  let alt: TagValue | null = null;
  let srcset: TagValue | null = null;
  let afterSrc = -1;
  let i = at + name.length + 1;
  while (i < limit) {
    const c = text[i];
    if (space(c) || c === '/') {
      i++;
      continue;
    }
    if (c === '>') return { name, start: at, end: i + 1, src, alt, srcset, afterSrc };
    const nameStart = i;
    while (i < limit && !space(text[i]) && text[i] !== '=' && text[i] !== '>' && text[i] !== '/') i++;
    if (i === nameStart) {
      i++;
      continue;
    }
    const attr = text.slice(nameStart, i).toLowerCase();
    let j = i;
    while (j < limit && space(text[j])) j++;
    if (text[j] !== '=') continue; // An attribute without a value.
    j++;
    while (j < limit && space(text[j])) j++;
    const q = text[j];
    let value: TagValue;
    if (q === '"' || q === "'") {
      const close = text.indexOf(q, j + 1);
      if (close === -1 || close >= limit) return null;
      value = { raw: text.slice(j + 1, close), start: j + 1, end: close, quote: q };
      i = close + 1;
    } else {
      // Unquoted: up to a space or `>`; braces (MDX's `{hall}`, Liquid's `{{ site.baseurl }}/a.png`) hold spaces.
      let k = j;
      while (k < limit && !space(text[k]) && text[k] !== '>') {
        if (text[k] === '{') {
          const e = braceEnd(text, k, limit);
          if (e === -1) return null;
          k = e;
        } else k++;
      }
      if (k === j) continue;
      value = { raw: text.slice(j, k), start: j, end: k, quote: '' };
      i = k;
    }
    if (attr === 'src' && src === null) {
      src = value;
      afterSrc = i;
    } else if (attr === 'alt' && alt === null) alt = value;
    else if (attr === 'srcset' && srcset === null) srcset = value;
  }
  return null;
}

/** The `<img>` and `<source>` tags that open in `[from, to)` of `text` (they may end after `to`). */
export function imgTagsIn(text: string, from: number, to: number): HtmlImgTag[] {
  const tags: HtmlImgTag[] = [];
  if (!/<(?:img|source)/i.test(text.slice(from, to))) return tags;
  // On the whole text: what follows `<img` at the end of the line is the next line's first character.
  const open = new RegExp(OPEN.source, 'gi');
  open.lastIndex = from;
  for (let m = open.exec(text); m !== null && m.index < to; m = open.exec(text)) {
    const tag = readImgTag(text, m.index);
    if (tag) {
      tags.push(tag);
      open.lastIndex = tag.end;
    }
  }
  return tags;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** An attribute's text as a reader sees it: `Stage &amp; crowd` → `Stage & crowd`. */
export function attributeText(raw: string): string {
  return raw.replace(/&(?:#(\d{1,7})|#x([\da-f]{1,6})|(\w+));/gi, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    const code = dec !== undefined ? Number(dec) : hex !== undefined ? parseInt(hex, 16) : null;
    if (code !== null) return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    return ENTITIES[(name ?? '').toLowerCase()] ?? whole;
  });
}

/**
 * `text` as a double-quoted attribute value, `&` and `"` escaped: HTML and MDX's JSX both read
 * character references in a quoted value, so both show `Stage & "crowd"` as written.
 */
export function quotedAttribute(text: string): string {
  return `"${text.replace(/[\r\n]+/g, ' ').replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`;
}

/** The candidates of a `srcset` value (`a.png 1x, b.png 2x`): each URL and where it sits, and the whole candidate with its comma. */
export function srcsetCandidates(value: TagValue): Array<{ url: string; start: number; end: number; entryStart: number; entryEnd: number }> {
  const out: Array<{ url: string; start: number; end: number; entryStart: number; entryEnd: number }> = [];
  const re = /[^,]+/g;
  for (const m of value.raw.matchAll(re)) {
    const lead = /^\s*/.exec(m[0])?.[0].length ?? 0;
    const url = /^\S*/.exec(m[0].slice(lead))?.[0] ?? '';
    if (url === '') continue;
    const at = value.start + (m.index ?? 0);
    out.push({ url, start: at + lead, end: at + lead + url.length, entryStart: at, entryEnd: at + m[0].length });
  }
  return out;
}
