// Templates as an author uses them: Save as template from a post in a site (asked before
// replacing one), then New recap from it on the home screen (its fields empty, its headings
// there), New recap from the site's archetype with what Recap Studio cannot evaluate left
// and said, and a Jekyll site's first recap shaped like its posts, exported where they live.
// Real server, real files, Chromium.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceRecap, shoot, startSession, type Session } from './harness';

let session: Session;
let site: string;
let post: string;

beforeAll(async () => {
  session = await startSession();
  site = path.join(session.dir, 'site');
  post = path.join(site, 'content', 'en', 'news', 'kubernetes-community-days-china.md');
  await fs.mkdir(path.dirname(post), { recursive: true });
  await fs.writeFile(path.join(site, 'hugo.toml'), 'baseURL = "https://example.org/"\ntitle = "Community"\n');
  await fs.mkdir(path.join(site, 'archetypes'), { recursive: true });
  await fs.writeFile(path.join(site, 'archetypes', 'news.md'), '---\ntitle: "{{ .Title }}"\nauthor: "{{ .Site.Params.author }}"\n---\n\n## Programme\n');
  await fs.copyFile(referenceRecap, post);
});
afterAll(async () => {
  await session?.close();
});

const editorText = (page: Page) => page.locator('.editor-pane .w-md-editor-text-input').inputValue();

/** A Jekyll site in the session's folder with one post (`extra`: more front matter for it). */
async function jekyllSite(name: string, extra = ''): Promise<string> {
  const jekyll = path.join(session.dir, name);
  await fs.mkdir(path.join(jekyll, '_posts'), { recursive: true });
  await fs.writeFile(path.join(jekyll, '_config.yml'), 'title: Meetups\n');
  await fs.writeFile(path.join(jekyll, '_posts', '2026-01-10-winter.md'), `---\nlayout: post\ntitle: Winter meetup\ndate: 2026-01-10\n${extra}---\n\nCold.\n`);
  return jekyll;
}

async function problemsText(page: Page): Promise<string> {
  await page.getByTestId('problems-button').click();
  const text = (await page.locator('.problems-panel').textContent()) ?? '';
  await page.keyboard.press('Escape');
  return text;
}

async function saveAsTemplate(page: Page, name: string): Promise<void> {
  await page.getByTestId('btn-save-template').click();
  await page.getByTestId('template-name').fill(name);
  await page.getByTestId('template-save').click();
}

describe('templates', () => {
  it('saves a post as a template, asks before replacing it, and starts a new recap from it', async () => {
    const page = await session.open({ file: post });
    await page.getByTestId('field-title').waitFor({ state: 'visible' });

    // A name that cannot be a file name is refused as it is typed.
    await page.getByTestId('btn-save-template').click();
    await page.getByTestId('template-name').fill('../kcd');
    await expect.poll(() => page.getByTestId('template-save').isDisabled()).toBe(true);
    await page.getByTestId('template-cancel').click();

    await saveAsTemplate(page, 'kcd');
    await page.getByTestId('toast').filter({ hasText: 'Template "kcd" saved in the site' }).waitFor();
    const file = path.join(site, '.recap-studio', 'templates', 'kcd.md');
    const saved = await fs.readFile(file, 'utf8');
    expect(saved).toContain('---\ntitle: ""\nkeywords: ""\ndescription: ""\ncreateTime: ""\nauthor: ""\n---\n\n## Kubernetes Community Days China\n\n## Event Organizers\n');
    expect(saved).not.toContain('Lindsay');

    // The same name again: the dialog asks, and nothing is replaced until the author says so.
    const editor = page.locator('.editor-pane .w-md-editor-text-input');
    await editor.click();
    await editor.press('Control+End');
    await editor.pressSequentially('\n## Sponsors\n');
    await expect.poll(() => editorText(page)).toContain('## Sponsors');
    await saveAsTemplate(page, 'kcd');
    await page.getByTestId('template-exists').waitFor();
    await shoot(page, 'template-exists');
    expect(await fs.readFile(file, 'utf8')).toBe(saved);
    await page.getByTestId('template-replace').click();
    await page.getByTestId('template-exists').waitFor({ state: 'detached' });
    const replaced = await fs.readFile(file, 'utf8');
    expect(replaced).toBe(`${saved}\n## Sponsors\n`);

    // Home → New recap from the saved template.
    await page.getByTestId('btn-home').click();
    await page.getByTestId('home').waitFor({ state: 'visible' });
    const select = page.getByTestId('home-template');
    await expect.poll(() => select.locator('option').allTextContents()).toEqual(['Event recap (built-in)', 'site — template kcd', 'site — archetypes/news.md', 'Event recap for site']);
    await select.selectOption({ label: 'site — template kcd' });
    await shoot(page, 'template-home');
    await page.getByTestId('home-new').click();
    await page.getByTestId('field-title').waitFor({ state: 'visible' });
    expect(await page.getByTestId('field-title').inputValue()).toBe('');
    expect(await page.getByTestId('field-description').inputValue()).toBe('');
    const text = await editorText(page);
    await shoot(page, 'template-new');
    expect(text.startsWith('\n## Kubernetes Community Days China\n\n## Event Organizers\n\n## Event at a Glance\n')).toBe(true);
    expect(text).not.toContain('CNCF');
    await page.context().close();
  });

  it('starts a new recap from the site\'s archetype and says what it left for the author', async () => {
    const page = await session.openHome();
    const select = page.getByTestId('home-template');
    await expect.poll(() => select.locator('option').count()).toBe(4);
    await select.selectOption({ label: 'site — archetypes/news.md' });
    await page.getByTestId('home-new').click();
    await page.getByTestId('field-title').waitFor({ state: 'visible' });
    await page.getByTestId('toast').filter({ hasText: 'Left as written for you to fill in: {{ .Site.Params.author }}.' }).waitFor();
    expect(await editorText(page)).toBe('\n## Programme\n');
    await page.context().close();
  });

  it("a Jekyll site's new recap is shaped like its posts: their keys and layout in the form's fields, and exported to _posts/ as one of them", async () => {
    const jekyll = await jekyllSite('jekyll', 'tags: [k8s]\n');
    const spring = path.join(jekyll, '_posts', '2026-03-02-spring.md');
    await fs.writeFile(spring, '---\nlayout: post\ntitle: Spring meetup\ndate: 2026-03-02\ntags: [gitops]\n---\n\nWarm.\n');
    // Opening one of its posts makes the site one of the author's.
    const opened = await session.open({ file: spring });
    await opened.context().close();
    // Then a post of another site: that one is the site used last.
    const other = await session.open({ file: post });
    await other.context().close();

    const page = await session.openHome();
    const select = page.getByTestId('home-template');
    await expect.poll(() => select.locator('option').allTextContents()).toContain('Event recap for jekyll');
    await select.selectOption({ label: 'Event recap for jekyll' });
    await page.getByTestId('home-new').click();
    await page.getByTestId('field-title').waitFor({ state: 'visible' });
    await page.getByTestId('field-title').fill('Autumn GitOps meetup');
    expect(await page.getByTestId('field-date').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await page.getByTestId('field-date').fill('2026-10-20');
    expect(await editorText(page)).toContain('## Event Organizers');
    await shoot(page, 'template-jekyll-posts');

    // The tray names the folder after the title, and where export into the site puts its photos.
    await expect.poll(() => page.getByTestId('photo-folder').textContent()).toBe('autumn-gitops-meetup');
    expect(await page.getByTestId('photo-folder-site').textContent()).toBe('Exported into the site jekyll, they go to /assets/images/autumn-gitops-meetup/');

    // The author's text over the template's prompts, and a photo at its end: in the draft's own folder until export.
    await page.locator('.editor-pane .w-md-editor-text-input').fill('## Autumn GitOps meetup\n\nSixty people came to talk about GitOps.\n\n## Photos\n\n');
    const photo = path.join(session.dir, 'Keynote.jpg');
    await sharp({ create: { width: 800, height: 500, channels: 3, background: '#0f766e' } }).jpeg().toFile(photo);
    await page.locator('.editor-pane .w-md-editor-text-input').focus();
    await page.locator('.editor-pane .w-md-editor-text-input').press('Control+End');
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('btn-insert-photos').click();
    await (await chooser).setFiles(photo);
    await page.locator('[data-testid="photo-batch"][data-running="false"]').waitFor({ timeout: 30_000 });
    await page.getByTestId('photo-batch-done').click();
    await expect.poll(() => editorText(page)).toContain('keynote.jpg)');

    // Export offers the site the draft is for first (another site was remembered before it).
    await page.keyboard.press('Control+E');
    await expect.poll(() => page.getByTestId('export-site').inputValue()).toBe(jekyll);
    await expect.poll(() => page.getByTestId('export-post').textContent()).toContain('_posts/2026-10-20-autumn-gitops-meetup.md');
    await page.getByTestId('export-run').click();
    await page.getByTestId('export-done').waitFor();
    const postFile = path.join(jekyll, '_posts', '2026-10-20-autumn-gitops-meetup.md');
    const written = await fs.readFile(postFile, 'utf8');
    // Written as the site writes its posts: the title typed into the template's cleared "" is bare, as theirs are.
    expect(written.startsWith('---\nlayout: post\ntitle: Autumn GitOps meetup\ndate: 2026-10-20\ntags: []\n---\n')).toBe(true);
    expect(written).toContain('](/assets/images/autumn-gitops-meetup/keynote.jpg)');
    await page.getByTestId('export-close').click();

    // The recap is that post now, its photo linked where the site keeps it: nothing unsaved, nothing
    // missing, and the form says the post's rules (the draft's are gone with the draft).
    await expect.poll(() => editorText(page)).toContain('](/assets/images/autumn-gitops-meetup/keynote.jpg)');
    await expect.poll(() => page.getByTestId('rules-note').locator('summary').textContent()).toMatch(/^Detected Jekyll site .*: profile jekyll/);
    expect(await page.getByTestId('dirty-marker').count()).toBe(0);
    await expect.poll(() => problemsText(page)).toContain('No problems found');
    expect(await page.locator('.preview-pane .img-notice.is-missing').count()).toBe(0);

    // A new title, exported again: the same post, changed, never a second one.
    await page.getByTestId('field-title').fill('Autumn GitOps meetup: Flux and Argo CD');
    await page.keyboard.press('Control+E');
    await expect.poll(() => page.getByTestId('export-post').textContent()).toContain('its own file in this site');
    expect(await page.getByTestId('export-files').textContent()).toContain('changed _posts/2026-10-20-autumn-gitops-meetup.md');
    await page.getByTestId('export-run').click();
    await page.getByTestId('export-done').waitFor();
    expect((await fs.readdir(path.join(jekyll, '_posts'))).sort()).toEqual(['2026-01-10-winter.md', '2026-03-02-spring.md', '2026-10-20-autumn-gitops-meetup.md']);
    expect(await fs.readFile(postFile, 'utf8')).toContain('title: "Autumn GitOps meetup: Flux and Argo CD"');
    await page.context().close();
  });

  it("Save As into a site's posts: the form takes that site's rules, as the Problems panel does", async () => {
    const jekyll = await jekyllSite('jekyll-save-as');
    const page = await session.openNew();
    const rules = page.getByTestId('rules-note').locator('summary');
    await expect.poll(() => rules.textContent()).not.toMatch(/Jekyll/);
    await page.getByTestId('field-title').fill('Summer meetup');
    const file = path.join(jekyll, '_posts', '2026-07-01-summer.md');
    await page.getByTestId('btn-save-as').click();
    await page.getByTestId('picker-path').fill(file);
    await page.getByTestId('picker-ok').click();
    await expect.poll(() => fs.readFile(file, 'utf8').catch(() => '')).toContain('Summer meetup');
    await expect.poll(() => rules.textContent()).toMatch(/^Detected Jekyll site .*: profile jekyll/);
    await page.context().close();
  });
});
