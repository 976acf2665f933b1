// Checks a recap's Markdown body for mistakes that render wrongly on the site (an accidental
// code block, an unclosed fence, a second page heading, a broken image link) or hurt readers
// (images without alt text). Every message names the image or the line and says what to do.
//
// Pure module (no Node imports): the renderer runs the same checks live while the author types.

import { indentWidth } from '../markdown/body-lines';
import { liquidLinkUrl } from '../markdown/liquid-links';
import { isEsmBlock } from '../markdown/mdx';
import { readingOfPost } from '../markdown/post-reading';
import { findFigureFaults } from '../markdown/hugo-figure';
import { readsShortcodes } from '../markdown/site-reading';
import type { Problem, SiteProfile } from '../contract';
import { splitRecap } from '../frontmatter/frontmatter';
import { msg } from '../i18n/messages';
import { problemOf } from './lint-problem';


const FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const LIST_ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])([ \t]+|$)/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const ATX_H1 = /^ {0,3}#(?:[ \t]|$)/;
const SETEXT_H1 = /^ {0,3}=+[ \t]*$/;

/** Blanks out inline code spans so that `![](x)` written as code is not linted; columns stay. */
function maskCodeSpans(line: string): string {
  return line.replace(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g, (m) => ' '.repeat(m.length));
}

/** Blanks out HTML comments (which may span lines); `state.open` carries an unfinished one. */
function maskComments(line: string, state: { open: boolean }): string {
  let out = '';
  let rest = line;
  while (rest !== '') {
    if (state.open) {
      const end = rest.indexOf('-->');
      if (end === -1) return out + ' '.repeat(rest.length);
      out += ' '.repeat(end + 3);
      rest = rest.slice(end + 3);
      state.open = false;
    } else {
      const start = rest.indexOf('<!--');
      if (start === -1) return out + rest;
      out += rest.slice(0, start);
      rest = rest.slice(start);
      state.open = true;
    }
  }
  return out;
}

interface InlineImage {
  alt: string;
  /** The destination as written between the parentheses (title removed), or null for `![alt][ref]`. */
  url: string | null;
  /** The reference label of `![alt][ref]`. */
  ref: string | null;
  /** The destination is written `<…>`, which is how CommonMark allows spaces in it. */
  bracketed: boolean;
  column: number;
}

/** Index of the `]` that closes the `[` at `open`, honouring nesting and escapes. */
function closingBracket(line: string, open: number): number {
  let depth = 0;
  for (let i = open; i < line.length; i++) {
    const ch = line[i];
    if (ch === '\\') i++;
    else if (ch === '[') depth++;
    else if (ch === ']' && --depth === 0) return i;
  }
  return -1;
}

/** Index of the `)` that closes the `(` at `open`, skipping a `<…>` destination, quoted titles and nesting. */
function closingParen(line: string, open: number): number {
  let i = open + 1;
  while (line[i] === ' ' || line[i] === '\t') i++;
  if (line[i] === '<') {
    const gt = line.indexOf('>', i);
    if (gt !== -1) i = gt + 1;
  }
  let depth = 1;
  let quote: string | null = null;
  for (; i < line.length; i++) {
    const ch = line[i];
    if (ch === '\\') {
      i++;
    } else if (quote !== null) {
      if (ch === quote) quote = null;
    } else if ((ch === '"' || ch === "'") && /\s/.test(line[i - 1] ?? '')) {
      quote = ch;
    } else if (ch === '(') {
      depth++;
    } else if (ch === ')' && --depth === 0) {
      return i;
    }
  }
  return -1;
}

function findImages(line: string): InlineImage[] {
  const images: InlineImage[] = [];
  let from = 0;
  for (;;) {
    const bang = line.indexOf('![', from);
    if (bang === -1) return images;
    from = bang + 2;
    if (bang > 0 && line[bang - 1] === '\\') continue;
    const close = closingBracket(line, bang + 1);
    if (close === -1) return images;
    const alt = line.slice(bang + 2, close);
    const next = line[close + 1];
    if (next === '[') {
      const refEnd = line.indexOf(']', close + 2);
      const label = refEnd === -1 ? '' : line.slice(close + 2, refEnd);
      images.push({ alt, url: null, ref: label === '' ? alt : label, bracketed: false, column: bang + 1 });
      from = close + 1;
      continue;
    }
    if (next !== '(') continue;
    const end = closingParen(line, close + 1);
    if (end === -1) continue;
    let inside = line.slice(close + 2, end).trim();
    const bracketed = inside.startsWith('<');
    if (bracketed) {
      const gt = inside.indexOf('>');
      inside = inside.slice(1, gt === -1 ? undefined : gt);
    } else {
      // A title is `"…"`, `'…'` or `(…)` after whitespace; what stays is the destination.
      inside = inside.replace(/\s+("[^"]*"|'[^']*'|\([^)]*\))$/, '');
    }
    images.push({ alt, url: inside, ref: null, bracketed, column: bang + 1 });
    from = end + 1;
  }
}

function imageProblems(line: string, lineNo: number): Problem[] {
  const problems: Problem[] = [];
  for (const image of findImages(line)) {
    const shown = image.url ?? `![${image.alt}][${image.ref ?? ''}]`;
    if (image.alt.trim() === '') {
      problems.push(problemOf('alt-missing', 'warning', msg('lint.alt.missing', { image: shown, url: image.url ?? '…' }), { line: lineNo, column: image.column }));
    }
    if (image.url === null) continue;
    // A Jekyll Liquid link (`{{ site.baseurl }}/a.png`) has spaces in its Liquid, not in the path it renders to.
    if (!image.bracketed && /\s/.test(liquidLinkUrl(image.url))) {
      const m = msg('lint.image.space', { url: image.url, renamed: image.url.replace(/\s+/g, '-') });
      problems.push(problemOf('image-url-space', 'error', m, { line: lineNo, column: image.column }));
    }
    if (/^http:\/\//i.test(image.url)) {
      problems.push(problemOf('image-http', 'warning', msg('lint.image.http', { url: image.url }), { line: lineNo, column: image.column }));
    }
  }
  return problems;
}

/** Lines before the body: the front matter block with its delimiters. */
function bodyLineOffset(text: string): number {
  const parts = splitRecap(text);
  if (!parts.hasFrontMatter) return 0;
  const head = parts.lead + parts.open + parts.yaml + parts.close;
  let n = 0;
  for (let i = 0; i < head.length; i++) if (head.charCodeAt(i) === 10) n++;
  return n;
}

/**
 * What the previous non-code line was. An indented line after a blank line, at the start of
 * the body, or after a one-line block (heading, rule, comment, closed fence) opens a code
 * block; after paragraph text it only continues the paragraph.
 */
type Previous = 'start' | 'blank' | 'block' | 'text';

/** Where the scan of the body stands between lines. */
interface BodyScan {
  /** A theme that does not print the title lets the body's # heading be the page heading. */
  titlePrinted: boolean;
  problems: Problem[];
  comment: { open: boolean };
  fence: { char: string; length: number; line: number } | null;
  // The content column of the list item we are in, or null outside lists.
  listIndent: number | null;
  inIndentedCode: boolean;
  previous: Previous;
  /** The post is read as MDX: its import and export statements are code for the build, shown as nothing. */
  mdx: boolean;
  /** Inside an MDX import or export statement (up to the next blank line): code, not the post's text. */
  esm: boolean;
}

/** Inside a fenced code block: only its closing fence matters. */
function scanFencedLine(scan: BodyScan, raw: string): void {
  const fence = scan.fence;
  if (!fence) return;
  const close = new RegExp(`^ {0,3}${fence.char === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`);
  if (close.test(raw)) {
    scan.fence = null;
    scan.previous = 'block';
  }
}

/** Characters of code and markup, not of a sentence: braces, tags, assignments, shell prompts and pipes, arrows and box drawing. */
const CODE_LIKE = /[{}<>=;$\\|\u2190-\u21ff\u2500-\u25ff]/;

/** A line indented by four or more: a list item's continuation, a paragraph's, or a code block. */
function scanIndentedLine(scan: BodyScan, line: string, indent: number, lineNo: number): void {
  if (scan.listIndent !== null) {
    // A list item's continuation paragraph: renders as part of the item.
    scan.problems.push(...imageProblems(maskCodeSpans(line), lineNo));
    scan.previous = 'text';
    return;
  }
  if (scan.inIndentedCode) return; // further lines of a block already reported
  if (scan.previous !== 'text') {
    // Said where the block reads as text indented by mistake; one that starts with code or
    // markup (`{{ … }}`, `<figure>`, `a = b;`, a folder tree's `▾ images/`) is meant as code.
    if (!CODE_LIKE.test(line)) scan.problems.push(problemOf('indented-code', 'warning', msg('lint.indentedCode', { count: String(indent) }), { line: lineNo, column: 1 }));
    scan.inIndentedCode = true;
    return;
  }
  // Four spaces inside a paragraph only continue it; nothing renders differently.
  scan.problems.push(...imageProblems(maskCodeSpans(line), lineNo));
}

/** A fence that opens a code block here, if the line is one. */
function openingFence(line: string, lineNo: number): BodyScan['fence'] {
  const opening = FENCE.exec(line);
  // A backtick fence's info string cannot hold backticks: ```a``` is inline code.
  if (!opening || (opening[2]?.startsWith('`') && (opening[3] ?? '').includes('`'))) return null;
  const marks = opening[2] ?? '```';
  return { char: marks[0] ?? '`', length: marks.length, line: lineNo };
}

/** A list item sets the column its content continues at; a line left of it ends the list. */
function trackList(scan: BodyScan, line: string, indent: number): void {
  const item = THEMATIC_BREAK.test(line) ? null : LIST_ITEM.exec(line);
  if (item) {
    const marker = (item[1] ?? '').length + (item[2] ?? '').length;
    const gap = indentWidth((item[3] ?? '') + 'x');
    // With 5+ spaces after the marker the text is an indented block and the item's column is marker + 1.
    scan.listIndent = marker + (gap === 0 || gap > 4 ? 1 : gap);
  } else if (scan.listIndent !== null && scan.previous !== 'text' && indent < scan.listIndent) {
    scan.listIndent = null;
  }
}

/** A level-1 heading (# … or text over ===) where the site already prints the title as one. */
function headingProblem(scan: BodyScan, line: string, indent: number, lineNo: number): Problem | null {
  if (!scan.titlePrinted) return null;
  if (ATX_H1.test(line)) {
    return problemOf('body-h1', 'warning', msg('lint.h1.atx'), { line: lineNo, column: indent + 1 });
  }
  if (SETEXT_H1.test(line) && scan.previous === 'text' && scan.listIndent === null) {
    return problemOf('body-h1', 'warning', msg('lint.h1.setext'), { line: lineNo - 1, column: 1 });
  }
  return null;
}

function scanLine(scan: BodyScan, raw: string, lineNo: number): void {
  if (scan.fence) {
    scanFencedLine(scan, raw);
    return;
  }
  const line = maskComments(raw, scan.comment);
  if (line.trim() === '') {
    scan.previous = raw.trim() === '' ? 'blank' : 'block';
    scan.esm = false;
    return;
  }
  // Where the site reads the post as plain Markdown (Hugo, Jekyll, Docusaurus' `format: md`), such a line is a paragraph it publishes.
  if (scan.esm || (scan.mdx && scan.previous !== 'text' && isEsmBlock(line))) {
    scan.esm = true;
    return;
  }
  const indent = indentWidth(line);
  if (indent >= 4) {
    scanIndentedLine(scan, line, indent, lineNo);
    return;
  }
  scan.inIndentedCode = false;

  const fence = openingFence(line, lineNo);
  if (fence) {
    scan.fence = fence;
    return;
  }
  trackList(scan, line, indent);
  const heading = headingProblem(scan, line, indent, lineNo);
  if (heading) scan.problems.push(heading);

  scan.problems.push(...imageProblems(maskCodeSpans(line), lineNo));
  scan.previous = ATX_HEADING.test(line) || SETEXT_H1.test(line) || THEMATIC_BREAK.test(line) ? 'block' : 'text';
}

export function lintMarkdown(text: string, profile: SiteProfile): Problem[] {
  const offset = bodyLineOffset(text);
  const body = splitRecap(text).body;
  const lines = body.split(/\r?\n/);
  const reading = readingOfPost(profile, text);
  const mdx = reading.mdx;
  const scan: BodyScan = { titlePrinted: profile.themePrintsTitle !== false, problems: [], comment: { open: false }, fence: null, listIndent: null, inIndentedCode: false, previous: 'start', mdx, esm: false };
  for (let i = 0; i < lines.length; i++) scanLine(scan, lines[i] ?? '', offset + i + 1);

  const { fence, problems } = scan;
  if (fence) {
    const marks = fence.char.repeat(3);
    problems.push(problemOf('fence-unclosed', 'error', msg('lint.fence.unclosed', { marks }), { line: fence.line, column: 1 }));
  }
  if (readsShortcodes(reading)) problems.push(...figureFaultProblems(body, offset));
  return problems;
}

/**
 * Hugo's figure calls that stop the site's build (hugo-figure.ts FigureFault): Hugo runs
 * shortcodes before the Markdown, in code blocks and comments too, so wherever one is written.
 */
function figureFaultProblems(body: string, offset: number): Problem[] {
  return findFigureFaults(body).map((f) => {
    const before = body.slice(0, f.start);
    const line = offset + before.split('\n').length;
    const column = f.start - (before.lastIndexOf('\n') + 1) + 1;
    const key = f.fault === 'escape' ? 'lint.figure.escape' : f.fault === 'mixed' ? 'lint.figure.mixed' : 'lint.figure.quoteLine';
    return problemOf('figure-unbuildable', 'error', msg(key, { param: f.param, near: f.near ?? '' }), { line, column });
  });
}
