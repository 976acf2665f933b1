// The home screen with more drafts than one page of cards: the first page is rendered at once,
// the rest as the end of the list nears the screen (or on "Show more"), and search reaches any.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDraftStore } from '../../electron/service/drafts/drafts';
import { startSession, type Session } from './harness';

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
});
