import { startTransition, useEffect, useState } from 'react';

/**
 * `value`, but updated only after the browser has painted the frame that shows the change
 * (requestAnimationFrame, then a task), and as a transition that the next keystroke can
 * interrupt. Heavy views fed by it (the preview) never delay the echo of a keystroke.
 */
export function useAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value);

  useEffect(() => {
    if (Object.is(shown, value)) return;
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
  }, [value, shown]);

  return shown;
}
