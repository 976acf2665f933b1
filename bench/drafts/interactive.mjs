// When the home screen counts as interactive in bench:drafts and profile.mjs: the search box is
// there and the first screen of cards is drawn, that is, every card the list will show at first
// (`cards`, at most a page) or, when fewer are drawn, cards down past the bottom of the window
// (the rest of the page may follow later, off screen). A home screen that draws its first page
// in one go meets both at the same moment, so figures from before and after staged drawing
// compare.

/** In the page: whether the first screen is drawn (`n`: the cards the first page shows). */
function firstScreenDrawn(n) {
  if (!document.querySelector('[data-testid="home-search"]')) return false;
  const drawn = document.querySelectorAll('[data-testid="draft-card"]');
  if (drawn.length >= n) return true;
  const last = drawn[drawn.length - 1];
  return !!last && last.getBoundingClientRect().bottom >= window.innerHeight;
}

/** Waits (polling each frame) until the home screen's first screen is drawn. */
export async function waitForFirstScreen(page, cards) {
  await page.waitForFunction(firstScreenDrawn, cards, { timeout: 60_000, polling: 'raf' });
}

/**
 * Once the first screen is drawn: when, in ms from navigation start, the page was interactive,
 * that is, the next frame and a task after it ran and the search box took the focus.
 */
export async function interactiveAt(page) {
  return page.evaluate(async () => {
    const input = document.querySelector('[data-testid="home-search"]');
    const start = performance.now();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const idle = performance.now() - start;
    input.focus();
    return performance.now() - idle;
  });
}

/**
 * Before the page loads: a `first-screen` performance mark at the first DOM change that draws the
 * first screen (for traces: the main thread's CPU up to that moment).
 */
export async function markFirstScreen(page, cards) {
  const watch = (drawn, n) => {
    const observer = new MutationObserver(() => {
      if (!drawn(n)) return;
      performance.mark('first-screen');
      observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true });
  };
  // One injected script (the page's CSP allows no eval inside it).
  await page.addInitScript({ content: `(${watch.toString()})(${firstScreenDrawn.toString()}, ${Number(cards)});` });
}
