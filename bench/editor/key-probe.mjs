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

/**
 * Time to interactive's one key: as soon as the editor is ready (ours: `window.__recapReady`; any
 * other page: its textarea is there), polled every 10 ms, the textarea is focused and the probe
 * armed (`window.__tti`: `detected`, `keydown`, `paint`), then one key is typed and its paint awaited.
 */
export async function typeFirstKey(page, kind) {
  await page.waitForFunction(
    (k) => {
      const ta = document.querySelector('.w-md-editor-text-input');
      if (!ta || (k === 'ours' && window.__recapReady !== true)) return false;
      if (!window.__tti) {
        window.__tti = { detected: performance.now(), keydown: null, paint: null };
        ta.focus();
        ta.setSelectionRange(ta.value.length, ta.value.length);
        window.__armKeyProbe(window.__tti, ta);
      }
      return true;
    },
    kind,
    { polling: 10, timeout: 90_000 },
  );
  await page.keyboard.type('k');
  await page.waitForFunction(() => window.__tti.paint != null, null, { polling: 10, timeout: 30_000 });
}
