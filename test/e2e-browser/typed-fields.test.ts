// A TOML post of a Hugo site, opened and edited through the form in the real renderer: the
// typed fields show as a switch, a number input and tags, and each edit changes its own line.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOML_POST } from '../unit/support/corpus-sites';
import { changedLines, startSession, type Session } from './harness';

let session: Session;

beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

async function tomlSite(): Promise<string> {
  const root = path.join(session.dir, 'blog');
  await fs.mkdir(path.join(root, 'content', 'en', 'blog', 'kcs-shanghai'), { recursive: true });
  await fs.writeFile(path.join(root, 'hugo.toml'), 'baseURL = "https://example.org/"\n[languages.en]\n[languages.zh]\n');
  const post = path.join(root, 'content', 'en', 'blog', 'kcs-shanghai', 'index.md');
  await fs.writeFile(post, TOML_POST);
  return post;
}

describe('typed front matter in the browser mode', () => {
  it('opens a TOML post, flips a boolean with its switch and changes a number: only those lines change', async () => {
    const post = await tomlSite();
    const before = await fs.readFile(post, 'utf8');
    const page = await session.open({ file: post });
    await expect.poll(() => page.getByTestId('field-title').inputValue()).toBe('KubeSphere Community Shanghai Meetup');
    await expect.poll(() => page.getByTestId('raw-yaml-toggle').textContent()).toBe('Raw TOML');
    await expect.poll(() => page.getByTestId('rules-note').locator('summary').textContent()).toMatch(/^Detected Hugo site \(hugo\.toml\)/);

    const draft = page.getByTestId('value-draft');
    expect(await draft.getAttribute('role')).toBe('switch');
    expect(await draft.isChecked()).toBe(true);
    await draft.click();
    await expect.poll(() => draft.isChecked()).toBe(false);

    const weight = page.getByTestId('value-weight');
    expect(await weight.getAttribute('type')).toBe('number');
    await weight.fill('3');

    // The nested [cover] table: its keys are inputs of their own.
    await page.getByTestId('value-cover.alt').fill('The hall');

    await page.keyboard.press('Control+S');
    await expect.poll(() => fs.readFile(post, 'utf8')).toContain('weight = 3');
    await expect.poll(() => fs.readFile(post, 'utf8')).toContain('alt = "The hall"');
    const after = await fs.readFile(post, 'utf8');
    expect(changedLines(before, after)).toEqual([
      [6, 'draft = true\r', 'draft = false\r'],
      [7, 'weight = 1\r', 'weight = 3\r'],
      [19, 'alt = "The main stage"\r', 'alt = "The hall"\r'],
    ]);
    await page.context().close();
  });

  it('offers a remembered Hugo site\'s archetype on the home screen: the new recap has the site\'s TOML front matter', async () => {
    const post = await tomlSite();
    const root = path.resolve(path.dirname(post), '..', '..', '..', '..');
    await fs.mkdir(path.join(root, 'archetypes'), { recursive: true });
    await fs.writeFile(path.join(root, 'archetypes', 'default.md'), '+++\ntitle = "{{ replace .File.ContentBaseName "-" " " | title }}"\ndate = {{ .Date }}\ndraft = true\n+++\n');
    // The site is remembered as an export to it would remember it.
    const res = await fetch(new URL('/api/rememberSite', session.server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-recap-token': session.server.token },
      body: JSON.stringify({ dir: root }),
    });
    expect(((await res.json()) as { ok: boolean }).ok).toBe(true);

    const page = await session.openHome();
    const select = page.getByTestId('home-template');
    await select.waitFor({ state: 'visible' });
    await select.selectOption({ label: 'blog — archetypes/default.md' });
    await page.getByTestId('home-new').click();
    await page.getByTestId('field-title').waitFor({ state: 'visible' });
    await expect.poll(() => page.getByTestId('raw-yaml-toggle').textContent()).toBe('Raw TOML');
    expect(await page.getByTestId('value-draft').isChecked()).toBe(true);
    await page.getByTestId('raw-yaml-toggle').click();
    await expect.poll(() => page.getByTestId('raw-yaml').inputValue()).toMatch(/^title = "Recap"\ndate = \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z\ndraft = true\n$/);
    await page.context().close();
  });

  it("types into fields kubernetes.io's posts write as folded blocks (`description: >`): the text alone in the form, only its line changes", async () => {
    const root = path.join(session.dir, 'folded');
    const post = path.join(root, 'content', 'en', 'blog', '_posts', '2024-03-19-kcd-porto.md');
    await fs.mkdir(path.dirname(post), { recursive: true });
    await fs.writeFile(path.join(root, 'hugo.toml'), 'title = "K"\n[languages.en]\n[languages.ja]\n');
    const before = ['---', 'layout: blog', 'title: "KCD Porto 2024"', 'date: 2024-03-19', 'author: >', '  Ana (Org)', 'description: >', '  Three hundred people.', '---', '', 'Text.', ''].join('\n');
    await fs.writeFile(post, before);
    const page = await session.open({ file: post });
    const description = page.getByTestId('field-description');
    await expect.poll(() => description.inputValue()).toBe('Three hundred people.');
    // Typed at its end and at its start: on its one line, as the author sees it.
    await description.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' And a hallway.');
    await page.keyboard.press('Home');
    await page.keyboard.type('KCD Porto: ');
    await expect.poll(() => description.inputValue()).toBe('KCD Porto: Three hundred people. And a hallway.');
    await page.keyboard.press('Control+S');
    await expect.poll(() => fs.readFile(post, 'utf8')).toContain('And a hallway.');
    expect(changedLines(before, await fs.readFile(post, 'utf8'))).toEqual([[8, '  Three hundred people.', '  KCD Porto: Three hundred people. And a hallway.']]);
    await page.context().close();
  });

  it("a field outside the profile that the site's build refuses says so under its row, and the Problems panel's item goes to its value", async () => {
    const root = path.join(session.dir, 'refused');
    const post = path.join(root, 'content', 'posts', 'kcd-porto.md');
    await fs.mkdir(path.dirname(post), { recursive: true });
    await fs.writeFile(path.join(root, 'hugo.toml'), 'title = "Meetups"\n');
    const before = ['---', 'title: KCD Porto', 'date: 2024-05-01', 'url: https://old.example.org/kcd-porto', 'published: false', 'featured: true', '---', '', 'The day.', ''].join('\n');
    await fs.writeFile(post, before);
    const page = await session.open({ file: post });
    await expect.poll(() => page.getByTestId('problems-button').getAttribute('data-count')).toBe('2');
    const url = page.getByTestId('value-url');
    await expect.poll(() => page.getByTestId('extra-msg-url').textContent()).toContain('url is a full address (https://old.example.org/kcd-porto)');
    expect(await url.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('value-published').getAttribute('aria-invalid')).toBe('true');
    // A field the build takes as it is says nothing.
    expect(await page.getByTestId('extra-msg-featured').count()).toBe(0);
    expect(await page.getByTestId('value-featured').getAttribute('aria-invalid')).toBe(null);
    // The panel's item puts the caret in the value, where the author mends it.
    await page.getByTestId('problems-button').click();
    await page.locator('.problems-panel').getByText('url is a full address').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('value-url');
    await url.fill('/news/kcd-porto/');
    await expect.poll(() => page.getByTestId('extra-msg-url').count()).toBe(0);
    expect(await url.getAttribute('aria-invalid')).toBe(null);
    await expect.poll(() => page.getByTestId('problems-button').getAttribute('data-count')).toBe('1');
    await page.keyboard.press('Control+S');
    await expect.poll(() => fs.readFile(post, 'utf8')).toContain('url: /news/kcd-porto/');
    expect(changedLines(before, await fs.readFile(post, 'utf8'))).toEqual([[4, 'url: https://old.example.org/kcd-porto', 'url: /news/kcd-porto/']]);
    await page.context().close();
  });

  it("a Hugo post whose front matter comes after a blank line (as gohugoio's news posts): the form reads it, an edit changes its line, a syntax error's item shows its line in the raw view", async () => {
    const root = path.join(session.dir, 'blank-first');
    await fs.mkdir(path.join(root, 'content', 'news'), { recursive: true });
    await fs.writeFile(path.join(root, 'hugo.toml'), 'title = "Meetups"\n');
    const post = path.join(root, 'content', 'news', 'kcd-porto.md');
    const before = ['', '---', 'title: KCD Porto', 'date: 2024-05-01', 'description: The day', '---', '', 'The day.', ''].join('\n');
    await fs.writeFile(post, before);
    const page = await session.open({ file: post });
    await expect.poll(() => page.getByTestId('field-title').inputValue()).toBe('KCD Porto');
    await expect.poll(() => page.getByTestId('problems-button').getAttribute('data-count')).toBe('0');
    await page.getByTestId('field-title').fill('KCD Porto 2024');
    await page.keyboard.press('Control+S');
    await expect.poll(() => fs.readFile(post, 'utf8')).toContain('title: KCD Porto 2024');
    expect(changedLines(before, await fs.readFile(post, 'utf8'))).toEqual([[3, 'title: KCD Porto', 'title: KCD Porto 2024']]);
    await page.context().close();

    // Line 5 of the file is line 3 of the front matter: the raw view puts the caret there.
    const broken = path.join(root, 'content', 'news', 'kcd-braga.md');
    await fs.writeFile(broken, ['', '---', 'title: KCD Braga', 'date: 2024-06-01', 'venue: Braga: the hall', '---', '', 'The day.', ''].join('\n'));
    const second = await session.open({ file: broken });
    await expect.poll(() => second.getByTestId('problems-button').getAttribute('data-count')).toBe('1');
    await second.getByTestId('problems-button').click();
    await second.locator('.problems-panel').getByText('cannot hold another').click();
    const raw = second.getByTestId('raw-yaml');
    await expect.poll(() => raw.evaluate((el: HTMLTextAreaElement) => el.value.slice(0, el.selectionStart).split('\n').length)).toBe(3);
    expect(await raw.evaluate((el: HTMLTextAreaElement) => el.value.split('\n')[2])).toBe('venue: Braga: the hall');
    await second.context().close();
  });
});
