// Where in a textarea a point of the screen falls. Browsers answer caretPositionFromPoint only
// for ordinary text, never inside a textarea, so the question is asked of an invisible copy
// of the textarea laid over it: same box, same font and wrapping, same scroll position.

const COPIED = [
  'boxSizing', 'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft',
  'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth',
  'fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'fontVariantLigatures', 'fontFeatureSettings', 'lineHeight',
  'letterSpacing', 'wordSpacing', 'tabSize', 'textIndent', 'textTransform', 'whiteSpace',
  'wordBreak', 'overflowWrap', 'direction',
] as const;

function mirrorOf(textarea: HTMLTextAreaElement): HTMLDivElement {
  const style = window.getComputedStyle(textarea);
  const rect = textarea.getBoundingClientRect();
  const mirror = document.createElement('div');
  for (const prop of COPIED) mirror.style[prop] = style[prop];
  Object.assign(mirror.style, {
    position: 'fixed',
    left: `${rect.left}px`,
    top: `${rect.top}px`,
    width: `${rect.width}px`,
    height: `${rect.height}px`,
    margin: '0',
    borderStyle: 'solid',
    borderColor: 'transparent',
    overflow: 'hidden',
    opacity: '0',
    zIndex: '2147483647',
    pointerEvents: 'auto',
  });
  // A textarea always wraps (pre-wrap) unless told otherwise.
  if (style.whiteSpace === 'normal') mirror.style.whiteSpace = 'pre-wrap';
  return mirror;
}

function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  const doc = document as Document & { caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null };
  if (typeof doc.caretPositionFromPoint === 'function') {
    const p = doc.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = document.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

export interface DropPoint {
  /** The character offset in the textarea's value under the point. */
  offset: number;
  /** Viewport y of the top and bottom of the line at `at` (an offset the caller picks, e.g. where photos go). */
  lineTop: number;
  lineBottom: number;
}

/**
 * The offset of `textarea.value` under the viewport point (x, y); with `placeAt`, also where
 * the line of the offset that function returns sits on screen (for a drop indicator).
 */
export function dropPoint(textarea: HTMLTextAreaElement, x: number, y: number, placeAt?: (offset: number) => number): DropPoint {
  const value = textarea.value;
  const mirror = mirrorOf(textarea);
  const text = document.createTextNode(value);
  mirror.appendChild(text);
  // A last empty line needs a character to have a height.
  mirror.appendChild(document.createTextNode('\u200b'));
  document.body.appendChild(mirror);
  try {
    mirror.scrollTop = textarea.scrollTop;
    mirror.scrollLeft = textarea.scrollLeft;
    const hit = caretAt(x, y);
    let offset = value.length;
    if (hit && hit.node === text) offset = hit.offset;
    else if (hit && hit.node === mirror) offset = hit.offset === 0 ? 0 : value.length;
    offset = Math.max(0, Math.min(offset, value.length));
    if (!placeAt) return { offset, lineTop: y, lineBottom: y };
    const at = placeAt(offset);
    const marker = document.createElement('span');
    marker.textContent = '\u200b';
    const tail = text.splitText(at);
    mirror.insertBefore(marker, tail);
    const r = marker.getBoundingClientRect();
    return { offset, lineTop: r.top, lineBottom: r.bottom };
  } finally {
    mirror.remove();
  }
}
