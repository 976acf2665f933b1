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
 * The updates asked for after the next painted frame, in one batch per frame: each batch is run
 * as one transition (one render and one commit for all of them) in the task after its frame.
 */
const waitingForFrame = new Set<() => void>();
const paintedBatches: Set<() => void>[] = [];
let afterPaintChannel: MessageChannel | null = null;

/** Runs `update` in a transition right after the next frame is painted, with every other update asked for before that frame; returns a cancel. */
function afterPaint(update: () => void): () => void {
  if (waitingForFrame.size === 0) {
    requestAnimationFrame(() => {
      // rAF runs right before the frame, the posted task right after it.
      paintedBatches.push(new Set(waitingForFrame));
      waitingForFrame.clear();
      if (!afterPaintChannel) {
        afterPaintChannel = new MessageChannel();
        afterPaintChannel.port1.onmessage = () => {
          const batch = paintedBatches.shift();
          if (batch && batch.size > 0) startTransition(() => batch.forEach((run) => run()));
        };
      }
      afterPaintChannel.port2.postMessage(null);
    });
  }
  waitingForFrame.add(update);
  return () => {
    waitingForFrame.delete(update);
    for (const batch of paintedBatches) batch.delete(update);
  };
}

/**
 * `value`, but updated only after the browser has painted the frame that shows the change
 * (requestAnimationFrame, then a task), and as a transition that the next keystroke can
 * interrupt. Heavy views fed by it (the preview) never delay the echo of a keystroke. The views
 * that change after one frame change in one render.
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
    return afterPaint(() => setShown(value));
  }, [value, shown, painted]);

  return painted ? value : shown;
}
