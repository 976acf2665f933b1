// The current match, marked over the text while the focus is in the find bar (a textarea
// shows its selection only while it has the focus). Laid out on a copy of the textarea's
// text, clipped to the textarea and moved with its scrolling.
import { useLayoutEffect, useRef, useState } from 'react';
import type { FindMatch } from '../../../electron/core/markdown/find';
import { rangeBoxes } from '../editing/caret';
import type { TextBox } from '../editing/caret';
import { editorTextarea } from './useFind';

export function FindHighlight({ match, text }: { match: FindMatch | null; text: string }) {
  const layer = useRef<HTMLDivElement>(null);
  const [boxes, setBoxes] = useState<TextBox[]>([]);
  const start = match?.start ?? -1;
  const end = match?.end ?? -1;

  useLayoutEffect(() => {
    const textarea = editorTextarea();
    // The match belongs to the text the search ran on; the textarea may be a keystroke ahead.
    setBoxes(textarea && start >= 0 && textarea.value === text ? rangeBoxes(textarea, start, end) : []);
  }, [start, end, text]);

  useLayoutEffect(() => {
    const textarea = editorTextarea();
    const el = layer.current;
    if (!textarea || !el || !el.parentElement) return;
    const parent = el.parentElement;
    const place = (): void => {
      const origin = parent.getBoundingClientRect();
      const r = textarea.getBoundingClientRect();
      el.style.top = `${r.top - origin.top + textarea.clientTop}px`;
      el.style.left = `${r.left - origin.left + textarea.clientLeft}px`;
      el.style.width = `${textarea.clientWidth}px`;
      el.style.height = `${textarea.clientHeight}px`;
      const inner = el.firstElementChild;
      if (inner instanceof HTMLElement) inner.style.transform = `translateY(${-textarea.scrollTop}px)`;
    };
    place();
    textarea.addEventListener('scroll', place, { passive: true });
    window.addEventListener('resize', place);
    return () => {
      textarea.removeEventListener('scroll', place);
      window.removeEventListener('resize', place);
    };
  }, [boxes]);

  return (
    <div className="find-highlight" ref={layer} aria-hidden>
      <div>
        {boxes.map((b, i) => (
          <span key={i} className="find-highlight-box" data-testid="find-highlight" style={{ top: b.top, left: b.left, width: b.width, height: b.height }} />
        ))}
      </div>
    </div>
  );
}
