// When the home screen counts as interactive in bench:drafts and profile.mjs: the search box is
// there and the first screen of cards is drawn, that is, every card the list will show at first
// (`cards`, at most a page) or, when fewer are drawn, cards down past the bottom of the window
// (the rest of the page may follow later, off screen). A home screen that draws its first page
// in one go meets both at the same moment, so figures from before and after staged drawing
// compare.

/** Waits (polling each frame) until the home screen's first screen is drawn. */
export async function waitForFirstScreen(page, cards) {
  await page.waitForFunction(
    (n) => {
      if (!document.querySelector('[data-testid="home-search"]')) return false;
      const drawn = document.querySelectorAll('[data-testid="draft-card"]');
      if (drawn.length >= n) return true;
      const last = drawn[drawn.length - 1];
      return !!last && last.getBoundingClientRect().bottom >= window.innerHeight;
    },
    cards,
    { timeout: 60_000, polling: 'raf' },
  );
}
