// Which photos the text uses (the tray's counts and alt texts), kept from one edit to the next:
// a keystroke that cannot change any link reuses the last answer instead of scanning the whole
// body again (≈2.5 ms at 3,700 lines on every keystroke).
import { photoUses } from '../../electron/core/markdown/photo-text';
import type { PhotoUse } from '../../electron/core/markdown/photo-text';
import type { MarkdownReading } from '../../electron/core/markdown/site-reading';
import { changeBetween } from '../workspace/editing/editHistory';

export interface PhotoUsesOf {
  body: string;
  reading: MarkdownReading;
  uses: Map<string, PhotoUse>;
  /** The body has an indented line with a link: a list item above it decides whether it is code. */
  indentedLinks: boolean;
}

const INDENTED_LINK = /^(?: {4}|\t).*(?:!\[|<img|\{\{[<%]|\{%)/im;

// An empty body (the tray's before a recap's first painted frame, recapViews.ts) uses nothing: the Markdown reader is not run (its first run compiles it).
const scan = (body: string, reading: MarkdownReading): PhotoUsesOf =>
  body === '' ? { body, reading, uses: new Map(), indentedLinks: false } : { body, reading, uses: photoUses(body, reading), indentedLinks: INDENTED_LINK.test(body) };

/**
 * What the block around an edit (its lines up to the blank lines before and after) must hold for
 * the edit to change a use (see body-lines.ts): a Markdown image (`![`), a link definition (`]:`,
 * the URL of `![alt][label]`), a Hugo shortcode's `{{<` or `{{%` (its figure, over one line or
 * several, or a call written as text), a Liquid tag's `{%` (a Jekyll theme's figure include), an `<img` or any tag (a
 * line that opens with one starts a raw HTML block, where `![…](…)` is text; a tag over several
 * lines), a backtick or tilde (code fences and spans), an HTML comment's start or end, or an MDX
 * import (`<img src={hall}>` is its file); see LIST_MATTERS for indented lines. A fence or a comment reaches past blank lines, but only an edit of its own lines changes
 * where it ends; a blank line typed or taken out joins or cuts blocks, and the block then holds
 * both sides. So an edit whose block held none of these before it and holds none after it leaves
 * every use as it was.
 */
const MATTERS = /!\[|\]:|<[A-Za-z/!?]|\{\{[<%]|\{%|`|~~~|-->|^import\b/im;
/**
 * Where the body has an indented line with a link (code after a blank line, or a list item's
 * text): a list item or another indented line, which start or end the list it may belong to.
 */
const LIST_MATTERS = /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)|^(?: {4}|\t)/m;

/**
 * On a post read as MDX, an import or export statement is a block (see photoUses): an edit in
 * a block that opens with one, or of an import's lines (its `from '…'` may sit on a line of its
 * own), may turn a link into code or code into a link, or change the file `<img src={name}>` shows.
 */
const MDX_MATTERS = /^(?:import|export)\b|\bfrom\s*['"]/m;

const BLANK_LINE = /\n[ \t]*\n/g;

/** The block of `text` that holds [from, to): from the line after the blank line before it to the line before the blank line after it. */
function blockAround(text: string, from: number, to: number): string {
  let start = 0;
  // The last blank line that ends before `from`.
  for (let nl = text.lastIndexOf('\n', from - 1); nl > 0; nl = text.lastIndexOf('\n', nl - 1)) {
    const prev = text.lastIndexOf('\n', nl - 1);
    if (text.slice(prev + 1, nl).trim() === '') {
      start = nl + 1;
      break;
    }
  }
  BLANK_LINE.lastIndex = Math.max(0, text.lastIndexOf('\n', to - 1));
  const m = BLANK_LINE.exec(text);
  return text.slice(start, m ? m.index : text.length);
}

/** The uses of `body`, from `last` (the uses of an earlier body) when the edit between them cannot change them. */
export function nextPhotoUses(last: PhotoUsesOf | null, body: string, reading: MarkdownReading): PhotoUsesOf {
  if (last === null || last.reading !== reading) return scan(body, reading);
  if (last.body === body) return last;
  const { start, removed, inserted } = changeBetween(last.body, body);
  const before = blockAround(last.body, start, start + removed.length);
  const after = blockAround(body, start, start + inserted.length);
  if (MATTERS.test(before) || MATTERS.test(after)) return scan(body, reading);
  if (last.indentedLinks && (LIST_MATTERS.test(before) || LIST_MATTERS.test(after))) return scan(body, reading);
  if (reading.mdx && (MDX_MATTERS.test(before) || MDX_MATTERS.test(after))) return scan(body, reading);
  return { body, reading, uses: last.uses, indentedLinks: last.indentedLinks };
}
