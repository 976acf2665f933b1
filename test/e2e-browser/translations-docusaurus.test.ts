// Translations on a Docusaurus site in the real page (issue 14): a folder post with its shared
// images under static/img and a co-located one beside it. "Add translation…" (the Languages
// menu) makes i18n/zh-Hans/docusaurus-plugin-content-blog/… and opens it beside its source, with
// no false problem (the co-located image is beside the translation); a source paragraph edited
// and saved in the page is marked "Source changed" on the translation; saving the translation
// clears it; Export with translations writes both at their Docusaurus paths (the shared images
// once, in static/img/). Then the
// application menu's "Add Translation…" (the command Electron's menu sends, played through a
// stand-in preload as desk.test.ts does): on the home screen it says to open a recap, on a recap
// it opens the Languages menu with the focus on the first language to add, and on a site with
// one language the menu says how to add another.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickExportKind, root, startSession, type Session } from './harness';

let session: Session;

beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

const SLUG = '2024-05-01-kcd-recap';
const ZH_DIR = ['i18n', 'zh-Hans', 'docusaurus-plugin-content-blog', SLUG];
const SHARED = ['stage', 'organizers', 'speakers'];
const CHANGED = 'Nearly 300 people signed up';
const POST = `---
title: Kubernetes Community Days China 2024 Recap
authors: [lindsay, kevin]
tags: [kcd, kubernetes, community]
slug: kcd-china-2024-recap
image: /img/kcd-china/stage.png
---

The first Kubernetes Community Days in China brought end users, contributors and maintainers of the cloud native community together in Beijing for a day of talks and conversations.

![The main stage before the opening keynote](/img/kcd-china/stage.png)

## Organizers

Ambassadors from PingCAP, DaoCloud, Huawei Cloud, KubeSphere and the Cloud Native Community organized the day with the CNCF.

![The organizers on stage after the closing panel](/img/kcd-china/organizers.png)

## The day

${CHANGED}, and more than 150 came to the Microsoft office in Beijing. Six platforms streamed the talks live to more than 5,000 viewers.

![Four keynote speakers answering questions](/img/kcd-china/speakers.png)

Between the talks, the hallway was where most questions were answered.

![Attendees talking in the hallway between sessions](./hallway.png)

Thanks to every speaker, sponsor and volunteer who made the day happen.
`;

async function picture(file: string, i: number): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await sharp({ create: { width: 480, height: 300, channels: 3, background: { r: 30 + 50 * i, g: 110, b: 190 - 30 * i } } })
    .png()
    .toFile(file);
}

/** A Docusaurus checkout: its config with i18n, the post as a folder with a co-located photo, the shared photos in static/img. */
async function docusaurusSite(dir: string, locales: string[], name = SLUG): Promise<string> {
  await fs.mkdir(dir, { recursive: true });
  const list = locales.map((l) => `'${l}'`).join(', ');
  await fs.writeFile(path.join(dir, 'docusaurus.config.js'), `// @ts-check\n/** @type {import('@docusaurus/types').Config} */\nconst config = {\n  title: 'KCD China',\n  url: 'https://kcd.example.org',\n  baseUrl: '/',\n  i18n: {\n    defaultLocale: 'en',\n    locales: [${list}],\n  },\n  presets: [['classic', { blog: { showReadingTime: true } }]],\n};\n\nmodule.exports = config;\n`);
  for (const [i, n] of SHARED.entries()) await picture(path.join(dir, 'static', 'img', 'kcd-china', `${n}.png`), i);
  await picture(path.join(dir, 'blog', name, 'hallway.png'), 3);
  // Its authors (Docusaurus stops its build on a key its blog's authors.yml lacks).
  await fs.writeFile(path.join(dir, 'blog', 'authors.yml'), 'lindsay:\n  name: Lindsay Zhang\nkevin:\n  name: Kevin Wang\n');
  const post = path.join(dir, 'blog', name, 'index.md');
  await fs.writeFile(post, POST);
  return post;
}

const editor = (page: Page) => page.locator('.editor-pane .w-md-editor-text-input');
const shots = path.join(root, 'test-results', 'screenshots');
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(shots, name) });

/** The files under `dir`, relative, sorted. */
async function filesUnder(dir: string, rel = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel === '' ? e.name : `${rel}/${e.name}`;
    if (e.isDirectory()) out.push(...(await filesUnder(dir, r)));
    else out.push(r);
  }
  return out.sort();
}

async function openLanguage(page: Page, lang: string): Promise<void> {
  await page.getByTestId('btn-languages').click();
  await page.getByTestId(`lang-${lang}`).getByRole('button').click();
}

describe('a Docusaurus site with i18n, in the browser mode', () => {
  it('adds the zh-Hans translation from the UI beside its source, marks an edited source paragraph, and exports both', async () => {
    const site = path.join(session.dir, 'docusaurus');
    const source = await docusaurusSite(site, ['en', 'zh-Hans']);
    const zh = path.join(site, ...ZH_DIR, 'index.md');
    await fs.mkdir(shots, { recursive: true });

    // A Chinese interface: the source opens with every image found, no problem.
    const page = await session.open({ file: source }, { locale: 'zh-CN', viewport: { width: 1440, height: 860 } });
    await page.getByTestId('field-title').waitFor();
    await expect.poll(() => page.locator('.preview-pane img').count()).toBe(4);
    expect(await page.locator('.img-notice').count()).toBe(0);
    await expect.poll(() => page.getByTestId('problems-button').getAttribute('data-count')).toBe('0');
    // No date in the front matter: the form says the one the folder's name gives, in Chinese.
    expect(await page.locator('[data-field="date"] .field-help').textContent()).toBe('留空时，网站按文件夹名把文章日期定为 2024-05-01。在此填写的日期会取而代之。');

    await page.getByTestId('btn-languages').click();
    await page.getByTestId('add-translation-zh-Hans').click();
    await page.getByTestId('source-pane').waitFor();
    expect(await fs.readFile(zh, 'utf8')).toBe(POST);
    // The co-located photo is beside the translation (Docusaurus resolves it from there); the shared ones stay in static/.
    expect((await fs.readdir(path.dirname(zh))).sort()).toEqual(['hallway.png', 'index.md']);
    expect(await fs.readFile(path.join(path.dirname(zh), 'hallway.png'))).toEqual(await fs.readFile(path.join(site, 'blog', SLUG, 'hallway.png')));
    await expect.poll(() => page.getByTestId('problems-button').getAttribute('data-count')).toBe('0');
    expect(await page.getByTestId('source-changed').count()).toBe(0);

    // The source, edited and saved in the page.
    await openLanguage(page, 'en');
    await page.locator('.preview-pane').waitFor();
    const body = await editor(page).inputValue();
    await editor(page).fill(body.replace(CHANGED, 'More than 300 people signed up'));
    await page.keyboard.press('Control+S');
    await expect.poll(() => fs.readFile(source, 'utf8')).toContain('More than 300 people signed up');

    // The translation, opened again from the Languages menu, shows which paragraph changed.
    await openLanguage(page, 'zh-Hans');
    await page.getByTestId('source-pane').waitFor();
    await expect.poll(() => page.getByTestId('source-changed').count()).toBe(1);
    expect(await page.locator('.src-block.is-changed').textContent()).toContain('More than 300 people signed up');
    // The same side by side in an English interface.
    const en = await session.open({ file: zh }, { viewport: { width: 1440, height: 860 } });
    await en.getByTestId('source-pane').waitFor();
    await expect.poll(() => en.getByTestId('source-changed').count()).toBe(1);
    await en.locator('.src-block.is-changed').evaluate((b) => b.scrollIntoView({ block: 'center' }));
    await shot(en, 'translation-docusaurus-en.png');
    await en.context().close();
    await page.getByTestId('field-title').fill('Kubernetes 社区日中国站 2024 回顾');
    await expect.poll(() => page.getByTestId('problems-button').getAttribute('data-count')).toBe('0');
    await page.locator('.src-block.is-changed').evaluate((b) => b.scrollIntoView({ block: 'center' }));
    await shot(page, 'translation-docusaurus-zh.png');

    // Saved: the translation follows the source as it is now.
    await page.keyboard.press('Control+S');
    await expect.poll(() => page.getByTestId('source-changed').count()).toBe(0);
    expect(await fs.readFile(zh, 'utf8')).toContain('title: Kubernetes 社区日中国站 2024 回顾');

    // Exported together, each post at its Docusaurus path with its co-located photo beside it, the shared ones once where the site keeps them (static/img/).
    const out = path.join(session.dir, 'docusaurus-export');
    await page.keyboard.press('Control+E');
    await pickExportKind(page, 'folder');
    await page.getByTestId('export-folder').fill(out);
    await page.getByTestId('export-with-translations').check();
    await expect.poll(() => page.getByTestId('export-files').textContent()).toContain(`blog/${SLUG}/index.md`);
    expect(await page.getByTestId('export-files').textContent()).toContain(`${ZH_DIR.join('/')}/index.md`);
    await page.getByTestId('export-run').click();
    await page.getByTestId('export-done').waitFor();
    const shared = SHARED.map((n) => `static/img/kcd-china/${n}.png`);
    expect(await filesUnder(out)).toEqual([`blog/${SLUG}/hallway.png`, `blog/${SLUG}/index.md`, `${ZH_DIR.join('/')}/hallway.png`, `${ZH_DIR.join('/')}/index.md`, ...shared].sort());
    expect(await fs.readFile(path.join(out, 'blog', SLUG, 'index.md'), 'utf8')).toContain('More than 300 people signed up');
    const zhOut = await fs.readFile(path.join(out, ...ZH_DIR, 'index.md'), 'utf8');
    expect(zhOut).toContain('title: Kubernetes 社区日中国站 2024 回顾');
    expect(zhOut).toContain('![Attendees talking in the hallway between sessions](./hallway.png)');
    await page.context().close();
  }, 150_000);
});

interface Commands {
  send(command: string): void;
}

/** Electron's preload, played in the page: the real server answers every call; the menu's commands are sent with __commands.send. */
function fakePreload(): void {
  const token = new URL(window.location.href).searchParams.get('token') ?? '';
  const listeners = new Set<(c: unknown) => void>();
  const own: Record<string, unknown> = { setSpellcheckLanguages: { languages: ['en-US'], available: ['en-US'] }, setLocale: null, setTheme: null, stopFindInPage: null };
  const invoke = async (method: string, req: unknown): Promise<unknown> => {
    if (method in own) return { ok: true, value: own[method] };
    const r = await fetch(`/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-recap-token': token }, body: JSON.stringify(req ?? {}) });
    return r.json();
  };
  (window as unknown as { recap: unknown }).recap = {
    invoke,
    onCommand: (listener: (c: unknown) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    pathForFile: () => '',
    findInPage: () => invoke('findInPage', {}),
    stopFindInPage: () => invoke('stopFindInPage', undefined),
    onFoundInPage: () => () => undefined,
    onViewChoice: () => () => undefined,
  };
  (window as unknown as { __commands: Commands }).__commands = { send: (c) => listeners.forEach((l) => l(c)) };
}

async function openInElectron(file: string | null): Promise<Page> {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  await context.addInitScript(fakePreload);
  const page = await context.newPage();
  await page.goto(file ? `${session.server.url}&file=${encodeURIComponent(file)}` : session.server.url);
  await page.waitForFunction(() => (window as unknown as { __recapReady?: boolean }).__recapReady === true, null, { timeout: 20_000 });
  return page;
}

const sendCommand = (page: Page, command: string) => page.evaluate((c) => (window as unknown as { __commands: Commands }).__commands.send(c), command);

describe('the application menu\'s "Add Translation…" (the page\'s side, with Electron\'s preload played in the page)', () => {
  it('says to open a recap on the home screen, opens the Languages menu on a recap, and says when the site has one language', async () => {
    const home = await openInElectron(null);
    if (!(await home.getByTestId('home').isVisible())) await home.getByTestId('btn-home').click();
    await home.getByTestId('home').waitFor();
    await sendCommand(home, 'add-translation');
    await expect.poll(() => home.getByTestId('toast').textContent()).toContain('Open a recap first');
    await home.context().close();

    const site = path.join(session.dir, 'docusaurus-three');
    const source = await docusaurusSite(site, ['en', 'zh-Hans', 'fr'], '2024-06-01-meetup');
    const page = await openInElectron(source);
    await page.getByTestId('field-title').waitFor();
    expect(await page.getByTestId('languages-menu').count()).toBe(0);
    await sendCommand(page, 'add-translation');
    await page.getByTestId('languages-menu').waitFor();
    // The focus is on the first language to add: Enter adds it, as a click would.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('add-translation-fr');
    await shot(page, 'translation-menu-command.png');
    await page.keyboard.press('Enter');
    await page.getByTestId('source-pane').waitFor();
    const fr = path.join(site, 'i18n', 'fr', 'docusaurus-plugin-content-blog', '2024-06-01-meetup', 'index.md');
    expect(await fs.readFile(fr, 'utf8')).toBe(POST);
    await page.context().close();

    const single = path.join(session.dir, 'docusaurus-single');
    const lone = await docusaurusSite(single, ['en']);
    const one = await openInElectron(lone);
    await one.getByTestId('field-title').waitFor();
    await sendCommand(one, 'add-translation');
    await expect.poll(() => one.getByTestId('only-one-language').textContent()).toContain('The site has only en');
    expect(await one.locator('[data-testid^="add-translation-"]').count()).toBe(0);
    await one.context().close();
  }, 120_000);
});
