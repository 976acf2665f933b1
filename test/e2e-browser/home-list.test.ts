// The home screen with more drafts than one page of cards: the first render draws the cards the
// window shows, the rest of the first page right after, the next pages as the end of the list
// nears the screen (or on "Show more"), and search reaches any.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDraftStore } from '../../electron/service/drafts/drafts';
import { ready, startSession, type Session } from './harness';

let session: Session;
/** HomeScreen's CARDS_PER_PAGE. */
const CARDS_PER_PAGE = 48;
const DRAFTS = CARDS_PER_PAGE + 12;

beforeAll(async () => {
  session = await startSession();
  const store = createDraftStore({ home: session.home });
  for (let i = 1; i <= DRAFTS; i++) await store.createDraft(`---\ntitle: "Meetup number ${i}"\n---\n\nNotes of meetup ${i}.\n`);
});
afterAll(async () => {
  await session?.close();
});

describe('a long list of drafts on the home screen', () => {
  it('renders the first page of cards, then the rest as the list is scrolled, and search finds any draft', async () => {
    const page = await session.openHome();
    const cards = page.getByTestId('draft-card');
    await expect.poll(() => cards.count()).toBe(CARDS_PER_PAGE);
    const more = page.getByTestId('draft-more');
    await expect.poll(() => more.textContent()).toBe(`Show 12 more of 12 drafts`);

    // Scrolling to the end of the list brings the next page in.
    await more.scrollIntoViewIfNeeded();
    await expect.poll(() => cards.count()).toBe(DRAFTS);
    expect(await more.count()).toBe(0);
    const titles = await page.getByTestId('draft-title').allTextContents();
    expect(new Set(titles).size).toBe(DRAFTS);

    // A search shows the matching drafts, wherever they were in the list.
    await page.getByTestId('home-search').fill('Meetup number 1');
    await expect.poll(() => page.getByTestId('draft-title').allTextContents()).toEqual(expect.arrayContaining(['Meetup number 1', 'Meetup number 10']));
    await page.getByTestId('home-search').fill('');
    await expect.poll(() => cards.count()).toBe(CARDS_PER_PAGE);

    // The button works without scrolling too (a click that does not scroll the list first).
    await more.getByRole('button').dispatchEvent('click');
    await expect.poll(() => cards.count()).toBe(DRAFTS);
    await page.context().close();
  });

  it('draws the window full of cards first, the rest of the page after, and offers more only under a whole page', async () => {
    const context = await session.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    const page = await context.newPage();
    // Every DOM change is watched from the start: what the first cards drawn were, and whether
    // "Show more" ever stood under fewer cards than a page.
    await page.addInitScript(() => {
      const seen = { first: 0, firstFillsWindow: false, moreUnderPartPage: false };
      (window as unknown as { __cards: typeof seen }).__cards = seen;
      new MutationObserver(() => {
        const cards = document.querySelectorAll('[data-testid="draft-card"]');
        if (cards.length > 0 && seen.first === 0) {
          seen.first = cards.length;
          seen.firstFillsWindow = (cards[cards.length - 1]?.getBoundingClientRect().bottom ?? 0) >= window.innerHeight;
        }
        if (document.querySelector('[data-testid="draft-more"]') && cards.length < 48) seen.moreUnderPartPage = true;
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(session.server.url);
    await ready(page);
    await expect.poll(() => page.getByTestId('draft-card').count()).toBe(CARDS_PER_PAGE);
    await page.getByTestId('draft-more').waitFor({ state: 'attached' });
    const seen = await page.evaluate(() => (window as unknown as { __cards: { first: number; firstFillsWindow: boolean; moreUnderPartPage: boolean } }).__cards);
    expect(seen.first).toBeGreaterThan(0);
    expect(seen.first).toBeLessThan(CARDS_PER_PAGE);
    expect(seen.firstFillsWindow).toBe(true);
    expect(seen.moreUnderPartPage).toBe(false);
    await context.close();
  });
});
