// Which photos the text uses (the tray's counts and alt texts), kept from one edit to the next:
// a keystroke that cannot change any link reuses the last answer instead of scanning the whole
// body again (≈2.5 ms at 3,700 lines on every keystroke).
import { photoUsesAndSpans } from '../../electron/core/markdown/photo-text';
import type { PhotoUse } from '../../electron/core/markdown/photo-text';
import type { MarkdownReading } from '../../electron/core/markdown/site-reading';
import { changeBetween } from '../workspace/editing/editHistory';

export interface PhotoUsesOf {
  body: string;
  reading: MarkdownReading;
  uses: Map<string, PhotoUse>;
  /** Where each `<img` of the body was read (see findPhotoTags): an edit there may change a tag over several lines. */
  spans: Array<[number, number]>;
}

const scan = (body: string, reading: MarkdownReading): PhotoUsesOf => ({ body, reading, ...photoUsesAndSpans(body, reading) });

/**
 * What a line must hold to count in `photoUses`: a Markdown image (`![`), an `<img`, a code
 * fence (which turns the lines after it into code), or an MDX import (`<img src={hall}>` is its file). Uses are found line by line and only fence
 * lines carry state from one line to the next, so an edit whose lines held none of these before
 * it and hold none after it leaves every use as it was.
 */
const MATTERS = /!\[|<img|```|~~~|^import\b/im;

/**
 * On a post read as MDX, an import or export statement is a block (see photoUses): an edit that
 * may start, end or join blocks (a line break, a blank line, raw HTML) or touches a statement's
 * first line may turn a link into code or code into a link, and one of an import's lines (its
 * `from '…'` may sit on a line of its own) changes the file `<img src={name}>` shows.
 */
const MDX_MATTERS = /^[ \t]*$|<|^(?:import|export)\b|\bfrom\s*['"]/m;

/** The lines of `text` that hold [from, to): from the start of the first to the end of the last. */
function linesAround(text: string, from: number, to: number): string {
  const start = from === 0 ? 0 : text.lastIndexOf('\n', from - 1) + 1;
  const nl = text.indexOf('\n', to);
  return text.slice(start, nl === -1 ? text.length : nl);
}

/** The uses of `body`, from `last` (the uses of an earlier body) when the edit between them cannot change them. */
export function nextPhotoUses(last: PhotoUsesOf | null, body: string, reading: MarkdownReading): PhotoUsesOf {
  if (last === null || last.reading !== reading) return scan(body, reading);
  if (last.body === body) return last;
  const { start, removed, inserted } = changeBetween(last.body, body);
  const before = linesAround(last.body, start, start + removed.length);
  const after = linesAround(body, start, start + inserted.length);
  if (MATTERS.test(before) || MATTERS.test(after)) return scan(body, reading);
  if (reading.mdx && (removed.includes('\n') || inserted.includes('\n') || MDX_MATTERS.test(before) || MDX_MATTERS.test(after))) return scan(body, reading);
  const end = start + removed.length;
  if (last.spans.some(([from, to]) => start <= to && end >= from)) return scan(body, reading);
  // Unchanged uses; the spans after the edit move with it.
  const shift = inserted.length - removed.length;
  const spans = shift === 0 ? last.spans : last.spans.map(([from, to]): [number, number] => (from > end ? [from + shift, to + shift] : [from, to]));
  return { body, reading, uses: last.uses, spans };
}
