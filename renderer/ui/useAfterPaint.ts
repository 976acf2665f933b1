import { startTransition, useEffect, useState } from 'react';

/**
 * Runs `work` in the first idle moment after the frame that shows the current render (at most a
 * second later): for calls that need not delay what the author sees first, such as a request
 * whose answer nothing on screen waits for.
 */
export function whenIdle(work: () => void): void {
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(work, { timeout: 1000 });
  else window.setTimeout(work, 0);
}

/**
 * `value`, but updated only after the browser has painted the frame that shows the change
 * (requestAnimationFrame, then a task), and as a transition that the next keystroke can
 * interrupt. Heavy views fed by it (the preview) never delay the echo of a keystroke.
 */
export function useAfterPaint<T>(value: T, painted = false, first: T = value): T {
  // `first`: what the first render shows, when less than `value` paints sooner (the home
  // screen's first screenful of cards, the rest of the page after that paint).
  const [shown, setShown] = useState(first);
  // `painted`: this render already comes after the paint (typing's own deferred commit), so
  // waiting for another frame would only make the view lag one more.
  if (painted && !Object.is(shown, value)) setShown(value);

  useEffect(() => {
    if (painted || Object.is(shown, value)) return;
    let cancelled = false;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      if (!cancelled) startTransition(() => setShown(value));
    };
    const frame = requestAnimationFrame(() => channel.port2.postMessage(null));
    return () => {
      cancelled = true;
      cancelAnimationFrame(frame);
      channel.port1.close();
    };
  }, [value, shown, painted]);

  return painted ? value : shown;
}
