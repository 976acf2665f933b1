// Moving the caret of a textarea to a line, and scrolling that line into view. Browsers do
// not scroll a textarea to a caret set from script, so the line's position is measured on
// an invisible copy laid out exactly like the textarea (wrapped lines included).

const COPIED = [
  'boxSizing', 'width', 'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft',
  'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth', 'borderStyle',
  'fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'fontVariantLigatures', 'lineHeight',
  'letterSpacing', 'wordSpacing', 'tabSize', 'textIndent', 'textTransform', 'whiteSpace',
  'wordBreak', 'overflowWrap',
] as const;

function offsetOfLine(value: string, line: number): { start: number; end: number } {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const nl = value.indexOf('\n', start);
    if (nl === -1) return { start: value.length, end: value.length };
    start = nl + 1;
  }
  const nl = value.indexOf('\n', start);
  return { start, end: nl === -1 ? value.length : nl };
}

function mirrorOf(textarea: HTMLTextAreaElement): HTMLDivElement {
  const style = window.getComputedStyle(textarea);
  const mirror = document.createElement('div');
  for (const prop of COPIED) mirror.style[prop] = style[prop];
  mirror.style.position = 'absolute';
  mirror.style.visibility = 'hidden';
  mirror.style.top = '0';
  mirror.style.left = '-9999px';
  mirror.style.height = 'auto';
  mirror.style.width = `${textarea.clientWidth}px`;
  mirror.style.boxSizing = 'border-box';
  mirror.style.borderStyle = 'none';
  return mirror;
}

function topOf(textarea: HTMLTextAreaElement, offset: number): number {
  const mirror = mirrorOf(textarea);
  mirror.textContent = textarea.value.slice(0, offset);
  const marker = document.createElement('span');
  marker.textContent = '\u200b';
  mirror.appendChild(marker);
  document.body.appendChild(mirror);
  const top = marker.offsetTop;
  mirror.remove();
  return top;
}

/** A box of laid-out text, in the textarea's content coordinates (its padding box, unscrolled). */
export interface TextBox {
  top: number;
  left: number;
  width: number;
  height: number;
}

/** The boxes the characters `start..end` of the textarea fill (one per wrapped line they span). */
export function rangeBoxes(textarea: HTMLTextAreaElement, start: number, end: number): TextBox[] {
  const mirror = mirrorOf(textarea);
  mirror.textContent = textarea.value.slice(0, start);
  const span = document.createElement('span');
  span.textContent = textarea.value.slice(start, end) || '\u200b';
  mirror.appendChild(span);
  document.body.appendChild(mirror);
  const origin = mirror.getBoundingClientRect();
  const boxes = [...span.getClientRects()]
    .filter((r) => r.width > 0)
    .map((r) => ({ top: r.top - origin.top, left: r.left - origin.left, width: r.width, height: r.height }));
  mirror.remove();
  return boxes;
}

/**
 * The tops of lines (1-based, ascending) in the textarea's content coordinates, measured in
 * one layout of a copy of its text.
 */
export function lineTops(textarea: HTMLTextAreaElement, lines: readonly number[]): number[] {
  const mirror = mirrorOf(textarea);
  const value = textarea.value;
  const markers: HTMLSpanElement[] = [];
  let at = 0;
  let line = 1;
  let written = 0;
  for (const wanted of lines) {
    while (line < wanted) {
      const nl = value.indexOf('\n', at);
      if (nl === -1) break;
      at = nl + 1;
      line++;
    }
    mirror.append(value.slice(written, at));
    written = at;
    const marker = document.createElement('span');
    marker.textContent = '\u200b';
    mirror.appendChild(marker);
    markers.push(marker);
  }
  document.body.appendChild(mirror);
  const tops = markers.map((m) => m.offsetTop);
  mirror.remove();
  return tops;
}

/** Scrolls the textarea so that `top` (content coordinates) shows, to its upper third when it is out of view. */
export function scrollToTop(textarea: HTMLTextAreaElement, top: number, height: number): void {
  const scroller: Element = textarea.scrollHeight > textarea.clientHeight + 1 ? textarea : (textarea.closest('.w-md-editor-area') ?? textarea);
  const visible = scroller.scrollTop;
  if (top >= visible && top + height <= visible + scroller.clientHeight) return;
  scroller.scrollTop = Math.max(0, top - scroller.clientHeight / 3);
}

/** Selects line `line` (1-based) of the textarea, focuses it and scrolls the line to the upper third. */
export function revealLine(textarea: HTMLTextAreaElement, line: number): void {
  const { start } = offsetOfLine(textarea.value, Math.max(1, line));
  textarea.focus({ preventScroll: true });
  textarea.setSelectionRange(start, start);
  const top = topOf(textarea, start);
  const target = Math.max(0, top - textarea.clientHeight / 3);
  // The Markdown editor may scroll its wrapper rather than the textarea itself.
  if (textarea.scrollHeight > textarea.clientHeight + 1) {
    textarea.scrollTop = target;
  } else {
    const scroller = textarea.closest('.w-md-editor-area');
    if (scroller) scroller.scrollTop = target;
  }
}
