// Enter inside a Markdown list, as writers expect from any Markdown editor: a new item with
// the same marker (the next number, an unchecked box), and Enter on an empty item ends the
// list instead of adding yet another marker. Pure, so it is tested without a browser.

/** Replace `from..to` of the text with `insert`; the caret then stands at `caret`. */
export interface ListEdit {
  from: number;
  to: number;
  insert: string;
  caret: number;
}

const ITEM = /^(\s*)(?:([-*+])|(\d{1,9})([.)]))(\s+)(\[[ xX]\]\s+)?/;

/** What Enter does at `caret` (a collapsed selection), or null when it is a plain new line. */
export function enterInList(text: string, caret: number): ListEdit | null {
  const lineStart = text.lastIndexOf('\n', caret - 1) + 1;
  const nextBreak = text.indexOf('\n', caret);
  const lineEnd = nextBreak === -1 ? text.length : nextBreak;
  const line = text.slice(lineStart, lineEnd);
  const m = ITEM.exec(line);
  if (!m) return null;
  const [marker, indent = '', bullet, number, delimiter, gap = ' ', box] = m;
  // The caret inside the marker itself: an ordinary new line.
  if (caret - lineStart < marker.length) return null;
  if (line.slice(marker.length).trim() === '') {
    // An empty item ends the list: its marker goes and that line becomes the blank line that
    // separates the list from what follows, so the next words are a paragraph of their own.
    if (caret !== lineEnd) return null;
    const nextLineBlank = nextBreak !== -1 && /^[ \t]*(?:\n|$)/.test(text.slice(nextBreak + 1));
    if (nextLineBlank) return { from: lineStart, to: lineEnd, insert: '', caret: lineStart + 1 };
    return { from: lineStart, to: lineEnd, insert: '\n', caret: lineStart + 1 };
  }
  const next = bullet ?? `${Number(number) + 1}${delimiter ?? '.'}`;
  const insert = `\n${indent}${next}${gap}${box ? '[ ] ' : ''}`;
  return { from: caret, to: caret, insert, caret: caret + insert.length };
}
