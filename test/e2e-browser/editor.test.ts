import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changedLines, holdRequests, referenceRecap, startSession, type Session } from './harness';

let session: Session;

beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

/** A Hugo site with the reference recap and all but one of its images. */
async function fixtureSite(): Promise<string> {
  const post = path.join(session.dir, 'site', 'content', 'en', 'news', 'kubernetes-community-days-china.md');
  await fs.mkdir(path.dirname(post), { recursive: true });
  await fs.copyFile(referenceRecap, post);
  const images = path.join(session.dir, 'site', 'static', 'images', 'news', 'kcd-china');
  await fs.mkdir(images, { recursive: true });
  for (const name of ['kcd-china-event', 'kcd-beijing-organizers', 'guest-speakers', 'kcd-event', 'kcd-event-2']) {
    await sharp({ create: { width: 320, height: 200, channels: 3, background: '#2f6fde' } }).png().toFile(path.join(images, `${name}.png`));
  }
  return post;
}

describe('the editor in the browser mode', () => {
  it('new → fill the form → type Markdown → Ctrl+S writes exactly what the author typed', async () => {
    const page = await session.openNew();
    await page.getByTestId('field-title').fill('KCD Hangzhou 2026 Recap');
    await page.getByTestId('field-keywords').fill('Kubernetes');
    await page.getByTestId('field-keywords').press('Enter');
    await page.getByTestId('field-keywords').fill('CNCF');
    await page.getByTestId('field-keywords').press('Enter');
    await page.getByTestId('field-description').fill('The first KCD in Hangzhou gathered 400 people.');
    await page.getByTestId('field-createTime').fill('2026-05-16');
    await page.getByTestId('field-author').fill('Lindsay');
    await page.getByTestId('field-author').press('Enter');
    const editor = page.locator('.w-md-editor-text-input');
    await editor.click();
    await editor.press('Control+End');
    await editor.pressSequentially('\nThanks to all **volunteers**!');
    await expect.poll(() => page.getByTestId('preview').innerHTML()).toContain('<strong>volunteers</strong>');
    // A recap without a file is a draft: autosaved, nothing "unsaved" to warn about.
    await expect.poll(() => page.title()).toBe('KCD Hangzhou 2026 Recap (draft) — Recap Studio');
    await expect.poll(() => page.getByTestId('draft-status').textContent()).toMatch(/^Draft saved/);

    const target = path.join(session.dir, 'kcd-hangzhou.md');
    await page.keyboard.press('Control+S');
    await page.getByTestId('picker-path').fill(target);
    await page.getByTestId('picker-ok').click();
    await expect.poll(() => fs.readFile(target, 'utf8').catch(() => '')).toContain('volunteers');
    const written = await fs.readFile(target, 'utf8');
    expect(written.split('\n').slice(0, 7)).toEqual([
      '---',
      'title: "KCD Hangzhou 2026 Recap"',
      'keywords: "Kubernetes, CNCF"',
      'description: "The first KCD in Hangzhou gathered 400 people."',
      'createTime: "2026-05-16"',
      'author: "Lindsay"',
      '---',
    ]);
    expect(written.trimEnd().endsWith('Thanks to all **volunteers**!')).toBe(true);
    await expect.poll(() => page.title()).toBe('kcd-hangzhou.md — Recap Studio');
    await page.context().close();
  });

  it('Open: a folder the author goes to while the start folder is still listing stays shown when that late answer comes', async () => {
    const folder = path.join(session.dir, 'picker-late');
    await fs.mkdir(folder, { recursive: true });
    await fs.writeFile(path.join(folder, 'late-answer.md'), '# Late\n');
    const page = await session.openHome();
    // The start folder's listing is held until the author's own folder is shown.
    const { asked, release } = await holdRequests(page, '**/api/listDirectory');
    await page.getByTestId('home-open').click();
    await expect.poll(() => asked.length).toBe(1);
    await page.getByTestId('picker-path').fill(folder);
    await page.getByTestId('picker-path').press('Enter');
    await expect.poll(() => page.locator('.picker-folder').textContent()).toContain(folder);
    const late = page.waitForResponse((r) => r.url().endsWith('/api/listDirectory') && r.request().postData() === asked[0]);
    release();
    await (await late).finished();
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    expect(await page.locator('.picker-folder').textContent()).toContain(folder);
    expect(await page.getByRole('dialog').textContent()).toContain('late-answer.md');
    await page.context().close();
  });

  it("the toolbar's heading menu opens over the text (the toolbar paints in a layer of its own) and inserts the level picked", async () => {
    const page = await session.openNew();
    const editor = page.locator('.editor-pane .w-md-editor-text-input');
    await editor.click();
    await editor.press('Control+End');
    await editor.pressSequentially('\nHallway track');
    await page.getByRole('button', { name: 'Insert a heading' }).click();
    const item = page.getByRole('button', { name: /Heading 3/ });
    await item.waitFor();
    // The item is what the pointer finds at its centre: above the text, not under it.
    const onTop = await item.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return hit !== null && el.contains(hit);
    });
    expect(onTop).toBe(true);
    await item.click();
    await expect.poll(async () => (await editor.inputValue()).split('\n').at(-1)).toBe('### Hallway track');
    await page.context().close();
  });

  it('open the reference recap → change the title → save: a one-line diff, images shown, the missing one marked', async () => {
    const post = await fixtureSite();
    const before = await fs.readFile(post, 'utf8');
    const page = await session.open({ file: post });
    await expect.poll(() => page.getByTestId('field-title').inputValue()).toBe('Kubernetes Community Days China Recap');
    const preview = page.getByTestId('preview');
    await expect.poll(() => preview.locator('img[src*="/asset?"]').count(), { timeout: 10_000 }).toBe(5);
    await expect.poll(() => preview.textContent()).toContain('Missing image');
    await expect.poll(() => preview.textContent()).toContain('/images/news/kcd-china/kcd-event-3.png');
    const widths = (): Promise<number[]> => preview.locator('img[src*="/asset?"]').evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth));
    await expect.poll(widths).toEqual([320, 320, 320, 320, 320]);

    await page.getByTestId('field-title').fill('KCD China 2021 Recap');
    await page.keyboard.press('Control+S');
    await expect.poll(() => fs.readFile(post, 'utf8')).not.toBe(before);
    expect(changedLines(before, await fs.readFile(post, 'utf8'))).toEqual([
      [2, 'title: "Kubernetes Community Days China Recap"', 'title: "KCD China 2021 Recap"'],
    ]);
    await page.context().close();
  });

  it('a recap with hostile HTML runs no script', async () => {
    const file = path.join(session.dir, 'hostile.md');
    await fs.writeFile(
      file,
      [
        '---',
        'title: "Hostile"',
        '---',
        '<script>window.__pwned = "script"</script>',
        '<img src="x" onerror="window.__pwned = \'onerror\'">',
        '<a href="javascript:window.__pwned=\'link\'" id="evil-link">click me</a>',
        '[md link](javascript:window.__pwned=1)',
        '<iframe src="https://evil.example/frame" onload="window.__pwned=\'iframe\'"></iframe>',
        '<iframe src="https://www.youtube.com/embed/abc123"></iframe>',
        '<svg><script>window.__pwned="svg"</script></svg>',
        '<div onmouseover="window.__pwned=\'hover\'">hover me</div>',
        '',
      ].join('\n'),
    );
    const page = await session.open({ file });
    const preview = page.getByTestId('preview');
    await expect.poll(() => preview.textContent()).toContain('hover me');
    await preview.getByText('hover me').hover();
    await preview.getByText('click me').click().catch(() => undefined);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    const dangerous = await preview.evaluate((root) =>
      [...root.querySelectorAll('*')].flatMap((el) => [
        ...(el.tagName === 'SCRIPT' ? ['<script>'] : []),
        ...[...el.attributes].filter((a) => /^on/i.test(a.name) || /^\s*javascript:/i.test(a.value)).map((a) => `${el.tagName} ${a.name}`),
      ]),
    );
    expect(dangerous).toEqual([]);
    expect(await preview.locator('iframe').count()).toBe(0);
    await expect.poll(() => preview.textContent()).toContain('evil.example');
    await expect.poll(() => preview.textContent()).toContain('youtube.com');
    await page.context().close();
  });

  it('unsaved file changes stay in the draft: home says so, reopening brings them back, leaving the page asks', async () => {
    const file = path.join(session.dir, 'guarded.md');
    const original = '---\ntitle: "Guarded"\n---\n\nBody.\n';
    await fs.writeFile(file, original);
    const page = await session.open({ file });
    await page.getByTestId('field-title').fill('Unsaved work');
    await expect.poll(() => page.title()).toBe('• guarded.md — Recap Studio');
    await expect.poll(() => page.getByTestId('draft-status').textContent()).toMatch(/^Draft saved/);
    // Home: no question asked, nothing lost, the file untouched.
    await page.getByTestId('btn-home').click();
    const card = page.getByTestId('draft-card').filter({ hasText: 'Unsaved work' });
    await expect.poll(() => card.textContent()).toContain('changes not saved to the file');
    expect(await fs.readFile(file, 'utf8')).toBe(original);
    await card.locator('.draft-open').click();
    await expect.poll(() => page.getByTestId('field-title').inputValue()).toBe('Unsaved work');
    await expect.poll(() => page.title()).toBe('• guarded.md — Recap Studio');
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.type());
      void d.dismiss();
    });
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => dialogs).toEqual(['beforeunload']);
  });

  it('malformed YAML opens, shows the line, and saving keeps every byte', async () => {
    const file = path.join(session.dir, 'broken.md');
    const text = '---\ntitle: "Broken\nauthor: [x\n---\n\nBody stays.\n';
    await fs.writeFile(file, text);
    const page = await session.open({ file });
    await expect.poll(() => page.getByTestId('yaml-error').textContent()).toMatch(/Line \d+/);
    await page.locator('.w-md-editor-text-input').click();
    await page.locator('.w-md-editor-text-input').press('Control+End');
    await page.locator('.w-md-editor-text-input').pressSequentially('More.');
    await page.keyboard.press('Control+S');
    await expect.poll(() => fs.readFile(file, 'utf8')).toBe(text + 'More.');
    await page.context().close();
  });
  it('opened from a bookmark (no token, or an earlier run’s token): a page that says how to get the current link', async () => {
    const base = session.server.url.replace(/\?token=.*$/, '');
    for (const url of [base, `${base}?token=from-an-earlier-run`]) {
      const context = await session.browser.newContext({ locale: 'en-US' });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (err) => errors.push(err.message));
      await page.goto(url);
      await page.getByTestId('link-needed').waitFor();
      expect(await page.getByRole('heading').textContent()).toBe('Open Recap Studio from its current link');
      expect(await page.getByTestId('link-needed').textContent()).toContain('Open the link it printed');
      expect(errors).toEqual([]);
      await context.close();
    }
  });
});
