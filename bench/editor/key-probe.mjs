// The one-key probe of time to interactive, run in the page (installed with addInitScript as
// `window.__armKeyProbe`): `box.keydown` gets the next keystroke's time and `box.paint` the moment
// just after the frame that shows it. Both listen on the window in the capture phase: our editor
// stops a keystroke's events there, so a listener further down would never hear them.
export function armKeyProbe(box, ta) {
  window.addEventListener('keydown', (e) => (box.keydown ??= e.timeStamp), { capture: true, once: true });
  const onInput = (e) => {
    if (e.target !== ta) return;
    window.removeEventListener('input', onInput, true);
    // rAF runs right before the frame, the posted task right after it.
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => (box.paint = performance.now());
      ch.port2.postMessage(null);
    });
  };
  window.addEventListener('input', onInput, true);
}

/** The script that defines `window.__armKeyProbe`, for `page.addInitScript`. */
export const keyProbeScript = `window.__armKeyProbe = ${armKeyProbe.toString()};`;
