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

function topOf(textarea: HTMLTextAreaElement, offset: number): number {
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
  mirror.textContent = textarea.value.slice(0, offset);
  const marker = document.createElement('span');
  marker.textContent = '\u200b';
  mirror.appendChild(marker);
  document.body.appendChild(mirror);
  const top = marker.offsetTop;
  mirror.remove();
  return top;
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
