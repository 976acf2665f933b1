// The home screen groups a recap with its translations: on a Hugo site with en and zh, the en
// post opened, its zh translation added from Languages, the source's paragraph edited and saved,
// the home screen shows ONE card with an EN and a 中文/ZH chip, ZH marked out of date (words, and
// an accessible name saying why); the chip opens the zh draft beside its source. Screenshots in
// light and dark, with the interface in English and in Simplified Chinese.

import { promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceRecap, root, startSession, type Session } from './harness';

let session: Session;

beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

const NAME = path.basename(referenceRecap);
const CHANGED = 'On the day of the event, nearly 300 people signed up';
const EDITED = 'On the day of the event, more than 300 people signed up';
const ZH_TITLE = 'Kubernetes 社区日中国站回顾';
const shots = path.join(root, 'test-results', 'screenshots');
const AXE_SOURCE = readFileSync(path.join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** axe-core's serious and critical findings on the page as it is (as a11y.test.ts runs it), as "rule: element" lines. */
async function seriousFindings(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }, resultTypes: ['violations'] });
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  });
}

async function hugoSite(dir: string): Promise<string> {
  await fs.writeFile(path.join(await mkdir(dir), 'hugo.toml'), 'baseURL = "https://example.org/"\ndefaultContentLanguage = "en"\n[languages.en]\nweight = 1\n[languages.zh]\nweight = 2\n[languages.fr]\nweight = 3\n');
  const post = path.join(dir, 'content', 'en', 'news', NAME);
  await mkdir(path.dirname(post));
  await fs.copyFile(referenceRecap, post);
  return post;
}

async function mkdir(dir: string): Promise<string> {
  await fs.mkdir(dir, { recursive: true });
  return dir;
}

/** The home screen in a new context (light or dark, English or Chinese), photographed and audited. */
async function homeShot(name: string, options: { colorScheme: 'light' | 'dark'; locale: string }): Promise<void> {
  const page = await session.open({}, options);
  if (!(await page.getByTestId('home').isVisible())) await page.getByTestId('btn-home').click();
  await page.getByTestId('lang-chip-zh').waitFor();
  await page.screenshot({ path: path.join(shots, `${name}.png`) });
  expect(await seriousFindings(page)).toEqual([]);
  await page.context().close();
}

/** The Languages menu's "Add translation…" for `lang`: the new post opens beside its source. */
async function addFromLanguagesMenu(page: Page, lang: string): Promise<void> {
  await page.getByTestId('btn-languages').click();
  await page.getByTestId(`add-translation-${lang}`).click();
  await page.getByTestId('source-pane').waitFor();
}

/** Home, once no file operation runs (the top bar ignores a click while a save is in flight). */
async function goHome(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('btn-save').isEnabled()).toBe(true);
  await page.getByTestId('btn-home').click();
  await page.getByTestId('home').waitFor({ state: 'visible' });
}

describe('the home screen groups a recap with its translations', () => {
  it('one card for the en post and its zh translation, ZH out of date after a source edit; the chip opens the zh draft beside its source', async () => {
    const site = path.join(session.dir, 'site');
    const source = await hugoSite(site);
    const zh = path.join(site, 'content', 'zh', 'news', NAME);
    await mkdir(shots);

    // The en post, its zh translation added from the Languages menu (it opens beside its source).
    const page = await session.open({ file: source });
    await page.getByTestId('field-title').waitFor();
    await addFromLanguagesMenu(page, 'zh');
    expect(await fs.readFile(zh, 'utf8')).toBe(await fs.readFile(source, 'utf8'));
    // The translation's draft gets its own title (autosaved, not yet saved to its file).
    await page.getByTestId('field-title').fill(ZH_TITLE);

    // Home: already one card (the source's draft) with both languages, nothing out of date yet but the fields.
    await goHome(page);
    const cards = page.getByTestId('draft-card');
    await expect.poll(() => cards.count()).toBe(1);
    const zhChip = page.getByTestId('lang-chip-zh');
    await expect.poll(() => page.getByTestId('lang-chip-en').textContent()).toBe('English/EN: source');
    await expect.poll(() => zhChip.textContent()).toMatch(/^中文\/ZH out of date: \d+ fields to translate$/);

    // The source's paragraph edited and saved.
    await page.getByTestId('lang-chip-en').click();
    await page.getByTestId('field-title').waitFor();
    expect(await page.getByTestId('source-pane').count()).toBe(0);
    const editor = page.locator('.editor-pane .w-md-editor-text-input');
    const text = await editor.inputValue();
    expect(text).toContain(CHANGED);
    await editor.fill(text.replace(CHANGED, EDITED));
    await page.keyboard.press('Control+S');
    await expect.poll(() => fs.readFile(source, 'utf8')).toContain(EDITED);

    // Home: one card, EN and 中文/ZH, ZH out of date in words and in its accessible name.
    await goHome(page);
    await expect.poll(() => zhChip.textContent()).toMatch(/^中文\/ZH out of date: source changed in 1 paragraph; \d+ fields to translate$/);
    expect(await cards.count()).toBe(1);
    expect(await page.getByTestId('draft-title').textContent()).toBe('Kubernetes Community Days China Recap');
    expect(await zhChip.locator('.lang-badge').isVisible()).toBe(true);
    expect(await page.getByTestId('lang-chip-en').textContent()).toBe('English/EN: source');
    // French has no translation: a muted chip that offers nothing, its state said to screen readers.
    const frMissing = page.getByTestId('lang-chip-fr');
    expect(await frMissing.evaluate((el) => [el.tagName, el.textContent])).toEqual(['SPAN', 'français/FR: not translated']);
    // Its accessible name says why it is out of date.
    expect(await page.getByRole('button', { name: /^中文\/ZH out of date ?: source changed in 1 paragraph; \d+ fields to translate$/ }).count()).toBe(1);
    await page.screenshot({ path: path.join(shots, 'home-translations.png') });
    expect(await seriousFindings(page)).toEqual([]);

    // Search by the translation's own title finds the group: the same one card, under the source's title.
    await page.getByTestId('home-search').fill('社区日');
    await expect.poll(() => page.getByTestId('draft-title').allTextContents()).toEqual(['Kubernetes Community Days China Recap']);
    expect(await zhChip.count()).toBe(1);
    await page.getByTestId('home-search').fill('no such recap');
    await expect.poll(() => page.getByTestId('home-empty').count()).toBe(1);
    await page.getByTestId('home-search').fill('');
    await expect.poll(() => cards.count()).toBe(1);

    // The chip opens the zh draft beside its source, the changed paragraph marked.
    await zhChip.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('source-pane').waitFor();
    await expect.poll(() => page.getByTestId('field-title').inputValue()).toBe(ZH_TITLE);
    await expect.poll(() => page.getByTestId('source-changed').count()).toBe(1);
    await page.context().close();

    await homeShot('home-translations-dark', { colorScheme: 'dark', locale: 'en-US' });
    await homeShot('home-translations-zh', { colorScheme: 'light', locale: 'zh-CN' });
    await homeShot('home-translations-zh-dark', { colorScheme: 'dark', locale: 'zh-CN' });

    // A translation made outside the app (no draft yet): its chip opens the file, beside its source.
    const fr = path.join(site, 'content', 'fr', 'news', NAME);
    await mkdir(path.dirname(fr));
    await fs.copyFile(source, fr);
    const again = await session.openHome();
    const frChip = again.getByTestId('lang-chip-fr');
    await expect.poll(() => frChip.evaluate((el) => el.tagName)).toBe('BUTTON');
    expect(await frChip.getAttribute('title')).toBe(`Open ${fr}`);
    await frChip.click();
    await again.getByTestId('source-pane').waitFor();
    await expect.poll(() => again.getByTestId('draft-card').count()).toBe(0);
    await goHome(again);
    await expect.poll(() => again.getByTestId('lang-chip-fr').getAttribute('title')).toBe('Open the français draft');
    expect(await again.getByTestId('draft-card').count()).toBe(1);
    await again.context().close();
  }, 90_000);
});
