// The late panels (the photo tray, then the preview) mount once the text takes keys, each in a
// frame of its own after it, and only once their code is here: a panel that mounts before its
// chunk arrives renders its loading line, then mounts again when the chunk comes, in the same
// commit as whichever other panel was waiting too (one long task where two short ones were meant).

import { startTransition, useEffect, useState } from 'react';

/**
 * `shown`, once `code` has loaded (a failed load still shows the panel: its lazy load tries again
 * and its boundary says so) and `frames` painted frames have passed after that (each frame, then a
 * task: requestAnimationFrame, a message), as a transition that a keystroke interrupts: one render.
 */
export function useLatePanel(shown: boolean, code: () => Promise<unknown>, frames: number): boolean {
  const [later, setLater] = useState(shown);
  useEffect(() => {
    if (later === shown) return;
    let cancelled = false;
    let painted = 0;
    let frame = 0;
    const channel = new MessageChannel();
    const nextFrame = (): void => {
      if (!cancelled) frame = requestAnimationFrame(() => channel.port2.postMessage(null));
    };
    channel.port1.onmessage = () => {
      if (cancelled) return;
      if (++painted < frames) nextFrame();
      else startTransition(() => setLater(shown));
    };
    // Hiding needs no code.
    if (shown) void code().catch(() => undefined).then(nextFrame);
    else nextFrame();
    return () => {
      cancelled = true;
      cancelAnimationFrame(frame);
      channel.port1.close();
    };
  }, [shown, later, code, frames]);
  return later;
}
