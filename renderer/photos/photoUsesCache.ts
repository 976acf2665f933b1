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
}

/**
 * What a line must hold to count in `photoUses`: a Markdown image (`![`), an `<img`, a code
 * fence (which turns the lines after it into code), or an MDX import (`<img src={hall}>` is its file). Uses are found line by line and only fence
 * lines carry state from one line to the next, so an edit whose lines held none of these before
 * it and hold none after it leaves every use as it was.
 */
const MATTERS = /!\[|<img|```|~~~|^import\b/im;

/** The lines of `text` that hold [from, to): from the start of the first to the end of the last. */
function linesAround(text: string, from: number, to: number): string {
  const start = from === 0 ? 0 : text.lastIndexOf('\n', from - 1) + 1;
  const nl = text.indexOf('\n', to);
  return text.slice(start, nl === -1 ? text.length : nl);
}

/** The uses of `body`, from `last` (the uses of an earlier body) when the edit between them cannot change them. */
export function nextPhotoUses(last: PhotoUsesOf | null, body: string, reading: MarkdownReading): PhotoUsesOf {
  if (last === null || last.reading !== reading) return { body, reading, uses: photoUses(body, reading) };
  if (last.body === body) return last;
  const { start, removed, inserted } = changeBetween(last.body, body);
  const before = linesAround(last.body, start, start + removed.length);
  const after = linesAround(body, start, start + inserted.length);
  if (MATTERS.test(before) || MATTERS.test(after)) return { body, reading, uses: photoUses(body, reading) };
  return { body, reading, uses: last.uses };
}
