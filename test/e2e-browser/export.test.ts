// Export in the real renderer: the reference recap from a fixture Hugo site, exported to a new
// folder, lands exactly where the site expects it.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdRequests, pickExportKind, referenceRecap, startSession, type Session } from './harness';

let session: Session;

beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

const IMAGES = ['kcd-china-event', 'kcd-beijing-organizers', 'guest-speakers', 'kcd-event', 'kcd-event-2', 'kcd-event-3'];

async function hugoSite(root: string): Promise<string> {
  await fs.mkdir(root, { recursive: true });
  await fs.writeFile(path.join(root, 'config.toml'), 'baseURL = "https://example.org/"\n');
  const post = path.join(root, 'content', 'en', 'news', 'kubernetes-community-days-china.md');
  await fs.mkdir(path.dirname(post), { recursive: true });
  await fs.copyFile(referenceRecap, post);
  const images = path.join(root, 'static', 'images', 'news', 'kcd-china');
  await fs.mkdir(images, { recursive: true });
  for (const [i, name] of IMAGES.entries()) {
    await sharp({ create: { width: 400, height: 250, channels: 3, background: { r: 40 * i, g: 100, b: 200 } } }).png().toFile(path.join(images, `${name}.png`));
  }
  return post;
}

/**
 * Cancels the export dialog as the author does: a click on Cancel, then the dialog gone and the
 * top bar's Export ready again before the next shortcut (a Ctrl+E that comes while the dialog is
 * still there, or while another file operation runs, opens nothing).
 */
async function closeExport(page: Page): Promise<void> {
  await page.getByTestId('export-cancel').click();
  await expect.poll(() => page.locator('.modal-export').count()).toBe(0);
  await expect.poll(() => page.getByTestId('btn-export').isEnabled()).toBe(true);
}

/** `dir`, made with its parents. */
async function mkdirs(dir: string): Promise<string> {
  await fs.mkdir(dir, { recursive: true });
  return dir;
}

async function tree(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const e of await fs.readdir(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) await walk(full);
      else out.push(path.relative(dir, full).split(path.sep).join('/'));
    }
  };
  await walk(dir);
  return out.sort();
}

describe('export in the browser mode', () => {
  it('exports the reference recap and its six photos to a new folder, laid out as the Hugo site expects', async () => {
    const post = await hugoSite(path.join(session.dir, 'site'));
    const out = path.join(session.dir, 'export-out');
    const page = await session.open({ file: post });
    await page.getByTestId('field-title').waitFor();
    await page.keyboard.press('Control+E');
    await pickExportKind(page, 'folder');
    await page.getByTestId('export-folder').fill(out);
    await expect.poll(() => page.getByTestId('export-files').textContent()).toContain('content/en/news/kubernetes-community-days-china.md');
    await expect.poll(() => page.getByTestId('export-checks-ok').count()).toBe(1);
    await page.getByTestId('export-run').click();
    await page.getByTestId('export-done').waitFor();
    expect(await tree(out)).toEqual([
      'content/en/news/kubernetes-community-days-china.md',
      ...IMAGES.map((n) => `static/images/news/kcd-china/${n}.png`).sort(),
    ]);
    const exported = await fs.readFile(path.join(out, 'content/en/news/kubernetes-community-days-china.md'));
    expect(Buffer.compare(exported, await fs.readFile(referenceRecap))).toBe(0);
    await page.getByTestId('export-close').click();

    // A second export to the same folder has nothing to change; a changed title changes the post only.
    await page.getByTestId('field-title').fill('KCD China 2021 Recap');
    await page.keyboard.press('Control+E');
    await pickExportKind(page, 'folder');
    // Enter in the typed path confirms it, even before the plan has arrived.
    await page.getByTestId('export-folder').fill(out);
    await page.getByTestId('export-folder').press('Enter');
    await page.getByTestId('export-done').waitFor();
    expect(await page.getByTestId('export-done').textContent()).toContain('1 changed');
    expect(await fs.readFile(path.join(out, 'content/en/news/kubernetes-community-days-china.md'), 'utf8')).toContain('title: "KCD China 2021 Recap"');
    await page.context().close();
  });

  it('shows preflight errors with jump-to-line and refuses to export until they are fixed', async () => {
    const file = path.join(session.dir, 'broken-recap.md');
    await fs.writeFile(file, '---\ntitle: ""\ndescription: "x"\ncreateTime: "2026-13-40"\nauthor: "A"\n---\n\n![](/images/news/broken-recap/missing.png)\n');
    const page = await session.open({ file });
    await page.getByTestId('field-title').waitFor();
    await page.getByTestId('btn-export').click();
    await pickExportKind(page, 'zip');
    // A path the service could not use is explained before anything is asked of it.
    await page.getByTestId('export-zip').fill('broken.zip');
    await expect.poll(() => page.getByTestId('export-where-hint').textContent()).toMatch(/^Type the full path/);
    await page.getByTestId('export-zip').fill(path.join(session.dir, 'broken.tar'));
    await expect.poll(() => page.getByTestId('export-where-hint').textContent()).toBe('The file name must end in .zip.');
    await page.getByTestId('export-zip').fill(path.join(session.dir, 'broken.zip'));
    await expect.poll(() => page.getByTestId('export-checks').textContent()).toMatch(/Error/);
    expect(await page.getByTestId('export-run').isDisabled()).toBe(true);
    await expect(fs.access(path.join(session.dir, 'broken.zip'))).rejects.toThrow();
    await page.getByTestId('export-cancel').click();
    await page.context().close();
  });
  it('into a Docusaurus site that names posts by their date, a recap without one says what to fix and where its files go once fixed, not an empty list', async () => {
    const site = path.join(session.dir, 'docusaurus-dated');
    await fs.mkdir(path.join(site, 'blog'), { recursive: true });
    await fs.writeFile(path.join(site, 'docusaurus.config.js'), "module.exports = { title: 'Meetups' };\n");
    const file = path.join(session.dir, 'undated-recap.md');
    await fs.writeFile(file, '---\ntitle: "KCD Porto 2026"\nauthors: [jane]\n---\n\nThree hundred people came.\n');
    const page = await session.open({ file });
    await page.getByTestId('field-title').waitFor();
    await page.getByTestId('btn-export').click();
    await pickExportKind(page, 'site');
    await page.getByTestId('export-site-path').fill(site);
    await page.getByTestId('export-site-path').press('Enter');
    await expect.poll(() => page.getByTestId('export-checks').textContent()).toContain('Date is required. Add the line "date: …" to the front matter.');
    expect(await page.getByTestId('export-files-pending').textContent()).toBe('Where the post and its photos go shows once the errors above are fixed.');
    expect(await page.getByTestId('export-files').count()).toBe(0);
    // No folder to name yet: the heading says no more than it knows (no profile's name).
    expect(await page.getByTestId('export-files-heading').textContent()).toBe('Files');
    expect(await page.getByTestId('export-run').isDisabled()).toBe(true);
    await page.context().close();
  });

  it('a site path typed while the remembered sites are on their way stays: the dialog does not switch to a folder under the author', async () => {
    // A data folder of its own, whose one remembered site has gone: its list offers no site, so
    // the dialog's default becomes a folder once the list is here, unless the author chose first.
    const own = await startSession();
    try {
      const gone = path.join(own.dir, 'gone-site');
      const site = path.join(own.dir, 'website');
      for (const root of [gone, site]) {
        await fs.mkdir(path.join(root, 'content', 'en', 'news'), { recursive: true });
        await fs.writeFile(path.join(root, 'hugo.toml'), 'baseURL = "https://example.org/"\n');
      }
      const page = await own.openNew();
      await page.getByTestId('field-title').fill('KCD Hangzhou 2026');
      await page.keyboard.press('Control+E');
      await expect.poll(() => page.getByTestId('export-kind-folder').isChecked()).toBe(true);
      await pickExportKind(page, 'site');
      await page.getByTestId('export-site-path').fill(gone);
      await page.getByTestId('export-site-path').press('Enter');
      await expect.poll(() => page.getByTestId('export-site').inputValue()).toBe(gone);
      await closeExport(page);
      await fs.rm(gone, { recursive: true });

      // The list is held until the author has typed the checkout's path.
      const { asked, release } = await holdRequests(page, '**/api/listSites');
      await page.keyboard.press('Control+E');
      await expect.poll(() => asked.length).toBe(1);
      expect(await page.getByTestId('export-kind-site').isChecked()).toBe(true);
      await page.getByTestId('export-site-path').fill(site);
      release();
      // The list has been taken in once it shows (its one site, unavailable)…
      await expect.poll(() => page.getByTestId('export-site').locator('option').allTextContents()).toEqual([expect.stringContaining(gone)]);
      // …and the author's choice and path are where they were.
      expect(await page.getByTestId('export-kind-site').isChecked()).toBe(true);
      expect(await page.getByTestId('export-site-path').inputValue()).toBe(site);
      await page.getByTestId('export-site-path').press('Enter');
      await expect.poll(() => page.getByTestId('export-post').textContent()).toContain('content/en/news/kcd-hangzhou-2026.md');
      await closeExport(page);

      // A click on the kind already shown is a choice too (the journey's race: the author clicks
      // Website checkout, then the list arrives with no site there still): it is not switched to a folder.
      await fs.rm(site, { recursive: true });
      const third = path.join(own.dir, 'third-site');
      await fs.mkdir(path.join(third, 'content', 'en', 'news'), { recursive: true });
      await fs.writeFile(path.join(third, 'hugo.toml'), 'baseURL = "https://example.org/"\n');
      const again = await holdRequests(page, '**/api/listSites');
      await page.keyboard.press('Control+E');
      await expect.poll(() => again.asked.length).toBe(1);
      await pickExportKind(page, 'site');
      const listed = page.waitForResponse((r) => r.url().endsWith('/api/listSites'));
      again.release();
      await listed;
      await expect.poll(() => page.getByTestId('export-site').locator('option:disabled').count()).toBe(2);
      expect(await page.getByTestId('export-kind-site').isChecked()).toBe(true);
      await page.getByTestId('export-site-path').fill(third);
      await page.getByTestId('export-site-path').press('Enter');
      await expect.poll(() => page.getByTestId('export-post').textContent()).toContain('content/en/news/kcd-hangzhou-2026.md');
    } finally {
      await own.close();
    }
  });

  it('Folder picked while a typed site is being remembered: the dialog stays on Folder, the site is in the list', async () => {
    const site = path.join(session.dir, 'site-while-folder');
    await fs.mkdir(path.join(site, 'content', 'en', 'news'), { recursive: true });
    await fs.writeFile(path.join(site, 'hugo.toml'), 'baseURL = "https://example.org/"\n');
    const page = await session.openNew();
    await page.getByTestId('field-title').fill('KCD Chengdu 2026');
    await page.keyboard.press('Control+E');
    await pickExportKind(page, 'site');
    const { asked, release } = await holdRequests(page, '**/api/rememberSite');
    await page.getByTestId('export-site-path').fill(site);
    await page.getByTestId('export-site-path').press('Enter');
    await expect.poll(() => asked.length).toBe(1);
    await pickExportKind(page, 'folder');
    const late = page.waitForResponse((r) => r.url().endsWith('/api/rememberSite'));
    release();
    await (await late).finished();
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    expect(await page.getByTestId('export-kind-folder').isChecked()).toBe(true);
    await pickExportKind(page, 'site');
    await expect.poll(() => page.getByTestId('export-site').inputValue()).toBe(site);
    await page.context().close();
  });

  it('a recap opened from a site exports back to it by default, and the site’s other language is a choice', async () => {
    const site = path.join(session.dir, 'bilingual-site');
    const post = path.join(site, 'content', 'en', 'news', 'kubernetes-community-days-china.md');
    await fs.mkdir(path.dirname(post), { recursive: true });
    await fs.mkdir(path.join(site, 'content', 'zh', 'news'), { recursive: true });
    await fs.writeFile(path.join(site, 'hugo.toml'), 'baseURL = "https://example.org/"\ntitle = "Community"\n');
    await fs.copyFile(referenceRecap, post);
    const images = path.join(site, 'static', 'images', 'news', 'kcd-china');
    await fs.mkdir(images, { recursive: true });
    for (const n of IMAGES) await sharp({ create: { width: 64, height: 48, channels: 3, background: '#2f6fde' } }).png().toFile(path.join(images, `${n}.png`));

    const page = await session.open({ file: post });
    await page.keyboard.press('Control+E');
    // The site the recap lives in is the target, its own file the post: an update, not a conflict.
    await expect.poll(() => page.getByTestId('export-site').inputValue()).toBe(site);
    await expect.poll(() => page.getByTestId('export-post').textContent()).toContain('content/en/news/kubernetes-community-days-china.md — its own file in this site');
    // The files' heading says where the post goes, not a profile's name.
    expect(await page.getByTestId('export-files-layout').textContent()).toBe('· the post in content/en/news/');
    expect(await page.getByTestId('export-lang').locator('option').allTextContents()).toEqual(['en', 'zh']);
    await page.getByTestId('export-lang').selectOption('zh');
    await expect.poll(() => page.getByTestId('export-post').textContent()).toContain('content/zh/news/kubernetes-community-days-china.md');
    expect(await page.getByTestId('export-files-layout').textContent()).toBe('· the post in content/zh/news/');
    await page.getByTestId('export-run').click();
    await page.getByTestId('export-done').waitFor();
    expect(await fs.readFile(path.join(site, 'content', 'zh', 'news', 'kubernetes-community-days-china.md'), 'utf8')).toBe(await fs.readFile(referenceRecap, 'utf8'));
    await page.context().close();
  });
  it('into a site that keeps posts in several sections, a new recap goes where most posts are, or to the section the author picks — and stays there next time', async () => {
    const site = path.join(session.dir, 'sections-site');
    await fs.writeFile(path.join(await mkdirs(site), 'hugo.toml'), 'baseURL = "https://example.org/"\n');
    const post = (name: string): string => `---\ntitle: ${name}\n---\nText.\n`;
    for (const name of ['a', 'b', 'c']) await fs.writeFile(path.join(await mkdirs(path.join(site, 'content', 'posts')), `${name}.md`), post(name));
    await fs.writeFile(path.join(await mkdirs(path.join(site, 'content', 'events')), 'kcd.md'), post('kcd'));
    const page = await session.openNew();
    await page.getByTestId('field-title').fill('Autumn GitOps Meetup');
    await page.keyboard.press('Control+E');
    await pickExportKind(page, 'site');
    await page.getByTestId('export-site-path').fill(site);
    await page.getByTestId('export-site-path').press('Enter');
    await expect.poll(() => page.getByTestId('export-post').textContent()).toContain('content/posts/autumn-gitops-meetup.md — a new post');
    const sections = page.getByTestId('export-section');
    expect(await sections.locator('option').allTextContents()).toEqual(['posts — content/posts/', 'events — content/events/']);
    expect(await sections.inputValue()).toBe('posts');
    // The files' heading names the place picked, not the site's usual layout.
    expect(await page.getByTestId('export-files-layout').textContent()).toBe('· the post in content/posts/');
    await sections.selectOption('events');
    await expect.poll(() => page.getByTestId('export-post').textContent()).toContain('content/events/autumn-gitops-meetup.md');
    expect(await page.getByTestId('export-files-layout').textContent()).toBe('· the post in content/events/');
    await expect.poll(() => page.getByTestId('export-files').textContent()).not.toContain('content/posts/');
    // The site is named by its generator, not by a layout the section picked contradicts.
    expect(await page.getByTestId('export-site').locator('option:checked').textContent()).toBe(`${site} — Hugo site`);
    await page.getByTestId('export-run').click();
    await page.getByTestId('export-done').waitFor();
    await fs.access(path.join(site, 'content', 'events', 'autumn-gitops-meetup.md'));
    await expect(fs.access(path.join(site, 'content', 'posts', 'autumn-gitops-meetup.md'))).rejects.toThrow();
    await page.getByTestId('export-close').click();
    // Opened again, the recap is that post: its own file, no section to pick.
    await page.keyboard.press('Control+E');
    await expect.poll(() => page.getByTestId('export-post').textContent()).toContain('content/events/autumn-gitops-meetup.md — its own file in this site');
    expect(await page.getByTestId('export-section').count()).toBe(0);
    await page.context().close();
  });
});
