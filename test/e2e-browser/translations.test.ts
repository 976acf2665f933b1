// Translations in the real page: on a Hugo site with en and zh, "Add translation…" makes the zh
// post and opens it beside its source; a source paragraph changed on disk is marked "Source
// changed" when the translation is opened again, the panes scroll together, a save of the
// translation clears the mark, and the export writes the recap and its translation together.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorTopOf, pickExportKind, referenceRecap, root, startSession, type Session } from './harness';

let session: Session;

beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

const NAME = 'kubernetes-community-days-china.md';
const IMAGES = ['kcd-china-event', 'kcd-beijing-organizers', 'guest-speakers', 'kcd-event', 'kcd-event-2', 'kcd-event-3'];
const CHANGED = 'On the day of the event, nearly 300 people signed up';

async function hugoSite(dir: string): Promise<string> {
  await fs.mkdir(dir, { recursive: true });
  await fs.writeFile(path.join(dir, 'hugo.toml'), 'baseURL = "https://example.org/"\ndefaultContentLanguage = "en"\n[languages.en]\nweight = 1\n[languages.zh]\nweight = 2\n');
  const post = path.join(dir, 'content', 'en', 'news', NAME);
  await fs.mkdir(path.dirname(post), { recursive: true });
  await fs.copyFile(referenceRecap, post);
  const images = path.join(dir, 'static', 'images', 'news', 'kcd-china');
  await fs.mkdir(images, { recursive: true });
  for (const [i, name] of IMAGES.entries()) {
    await sharp({ create: { width: 320, height: 200, channels: 3, background: { r: 40 * i, g: 120, b: 200 } } }).png().toFile(path.join(images, `${name}.png`));
  }
  return post;
}

describe('translations in the browser mode', () => {
  it('Languages is disabled, saying why, for a recap never saved to a file; enabled for a post of a site', async () => {
    const page = await session.openNew();
    const button = page.getByTestId('btn-languages');
    expect(await button.isDisabled()).toBe(true);
    expect(await button.getAttribute('title')).toBe("Save the recap in a website checkout first: its translations go in the site's language folders.");
    await page.context().close();

    const post = await hugoSite(path.join(session.dir, 'site-enabled'));
    const saved = await session.open({ file: post });
    await saved.getByTestId('field-title').waitFor();
    expect(await saved.getByTestId('btn-languages').isEnabled()).toBe(true);
    await saved.getByTestId('btn-languages').click();
    await saved.getByTestId('add-translation-zh').waitFor();
    await saved.context().close();
  });

  it('adds a translation from the UI, shows it beside its source, marks a changed source paragraph, and exports both', async () => {
    const site = path.join(session.dir, 'site');
    const source = await hugoSite(site);
    const zh = path.join(site, 'content', 'zh', 'news', NAME);
    const shots = path.join(root, 'test-results', 'screenshots');
    await fs.mkdir(shots, { recursive: true });

    const page = await session.open({ file: source });
    await page.getByTestId('field-title').waitFor();
    await page.getByTestId('btn-languages').click();
    await page.getByTestId('add-translation-zh').click();
    await page.getByTestId('source-pane').waitFor();
    expect(await fs.readFile(zh, 'utf8')).toBe(await fs.readFile(source, 'utf8'));
    expect(await page.getByTestId('source-changed').count()).toBe(0);
    expect(await page.getByTestId('needs-translation').textContent()).toContain('title, keywords, description');
    await page.context().close();

    // The source changes on disk (a colleague's commit): the translation, opened again, shows where.
    const text = await fs.readFile(source, 'utf8');
    await fs.writeFile(source, text.replace(CHANGED, 'On the day of the event, more than 300 people signed up'));
    const tr = await session.open({ file: zh });
    await tr.getByTestId('source-pane').waitFor();
    await expect.poll(() => tr.getByTestId('source-changed').count()).toBe(1);
    expect(await tr.locator('.src-block.is-changed').textContent()).toContain('more than 300 people signed up');
    await tr.getByTestId('field-title').fill('Kubernetes 社区日中国站回顾');
    await expect.poll(() => tr.getByTestId('needs-translation').textContent()).not.toContain('title');
    await tr.locator('.src-block.is-changed').evaluate((b) => b.scrollIntoView({ block: 'center' }));
    await expect.poll(() => tr.locator('.editor-pane .w-md-editor-text-input').evaluate((ta) => ta.scrollTop)).toBeGreaterThan(100);
    await tr.screenshot({ path: path.join(shots, 'translation.png') });

    // Scrolled together: the editor at its end brings the source pane down too.
    const editor = tr.locator('.editor-pane .w-md-editor-text-input');
    await editor.evaluate((ta) => (ta.scrollTop = ta.scrollHeight));
    await expect.poll(() => tr.locator('.source-blocks').evaluate((p) => p.scrollTop)).toBeGreaterThan(100);
    // Block against block, not pixel for pixel: the changed source paragraph at the top of its
    // pane brings the translation's paragraph (block for block, the same line) to the editor's top.
    await tr.locator('.src-block.is-changed').evaluate((b) => {
      const pane = b.closest<HTMLElement>('.source-blocks')!;
      pane.scrollTop += b.getBoundingClientRect().top - pane.getBoundingClientRect().top;
    });
    const top = await editorTopOf(tr, CHANGED);
    await expect.poll(async () => Math.abs((await editor.evaluate((ta) => ta.scrollTop)) - top)).toBeLessThan(3);

    // Saved: the translation now follows the source as it is; the mark goes.
    await tr.keyboard.press('Control+S');
    await expect.poll(() => tr.getByTestId('source-changed').count()).toBe(0);

    // Exported together: one plan with both posts and the shared images once.
    const out = path.join(session.dir, 'export-out');
    await tr.keyboard.press('Control+E');
    await pickExportKind(tr, 'folder');
    await tr.getByTestId('export-folder').fill(out);
    await tr.getByTestId('export-with-translations').check();
    await expect.poll(() => tr.getByTestId('export-files').textContent()).toContain(`content/en/news/${NAME}`);
    expect(await tr.getByTestId('export-files').textContent()).toContain(`content/zh/news/${NAME}`);
    await tr.getByTestId('export-run').click();
    await tr.getByTestId('export-done').waitFor();
    expect(await fs.readFile(path.join(out, 'content', 'zh', 'news', NAME), 'utf8')).toContain('title: "Kubernetes 社区日中国站回顾"');
    expect(await fs.readFile(path.join(out, 'content', 'en', 'news', NAME), 'utf8')).toContain('more than 300 people signed up');
    expect((await fs.readdir(path.join(out, 'static', 'images', 'news', 'kcd-china'))).sort()).toEqual(IMAGES.map((n) => `${n}.png`).sort());
    await tr.context().close();
  });
});
