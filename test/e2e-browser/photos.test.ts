// Event photos in the browser mode: the real renderer and service, photos made with sharp,
// drops and pastes dispatched with DataTransfer objects built in the page from real bytes.
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { JSHandle, Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceRecap, startSession, type Session } from './harness';

let session: Session;
let photosDir: string;
const savedCache = process.env['XDG_CACHE_HOME'];

beforeAll(async () => {
  // Thumbnails and the undo trash go to a temp cache, not the machine's.
  process.env['XDG_CACHE_HOME'] = await fs.mkdtemp(path.join(os.tmpdir(), 'recap-photos-cache-'));
  session = await startSession();
  photosDir = path.join(session.dir, 'camera');
  await fs.mkdir(photosDir, { recursive: true });
});
afterAll(async () => {
  await session?.close();
  const cache = process.env['XDG_CACHE_HOME'];
  if (savedCache === undefined) delete process.env['XDG_CACHE_HOME'];
  else process.env['XDG_CACHE_HOME'] = savedCache;
  if (cache) await fs.rm(cache, { recursive: true, force: true });
});

/** A camera-like JPEG (or PNG) of the given size, with a gradient so that it compresses like a photo. */
async function photo(name: string, width: number, height: number, color = '#2f6fde'): Promise<string> {
  const file = path.join(photosDir, name);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${color}"/><stop offset="1" stop-color="#fde68a"/></linearGradient></defs><rect width="${width}" height="${height}" fill="url(#g)"/><circle cx="${width / 3}" cy="${height / 2}" r="${height / 4}" fill="#ffffff55"/></svg>`;
  const image = sharp(Buffer.from(svg));
  await (name.endsWith('.png') ? image.png() : image.jpeg({ quality: 90 })).toFile(file);
  return file;
}

/** A recap outside any site: its photos go to static/images/news/<dir>/ beside it. */
async function draftRecap(name: string, extra = ''): Promise<string> {
  const dir = await fs.mkdtemp(path.join(session.dir, 'draft-'));
  const file = path.join(dir, name);
  await fs.writeFile(file, (await fs.readFile(referenceRecap, 'utf8')) + extra);
  return file;
}

/** A DataTransfer in the page holding the files' real bytes. */
async function transfer(page: Page, files: Array<{ file: string; name?: string; type?: string }>): Promise<JSHandle<DataTransfer>> {
  const payload = await Promise.all(
    files.map(async (f) => ({
      name: f.name ?? path.basename(f.file),
      type: f.type ?? (f.file.endsWith('.png') ? 'image/png' : 'image/jpeg'),
      data: (await fs.readFile(f.file)).toString('base64'),
    })),
  );
  return page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0))], f.name, { type: f.type }));
    return dt;
  }, payload);
}

const editor = (page: Page) => page.locator('.editor-pane .w-md-editor-text-input');

/** Waits until the editor's textarea is there and holds `needle` (the recap's text is on screen); its text. */
async function textShows(page: Page, needle: string): Promise<string> {
  await expect.poll(() => editor(page).inputValue()).toContain(needle);
  return editor(page).inputValue();
}

/**
 * At `needle` in the editor's text (the middle of it), measured on an independent copy of the
 * textarea: scrolls it into view and returns the viewport point, and with `drop` drops that
 * DataTransfer there in the same task of the page, so that nothing the page does meanwhile (its
 * scroll sync moving the text once the preview settles) can come between the measure and the drop.
 */
async function atText(page: Page, needle: string, drop?: JSHandle<DataTransfer>): Promise<{ x: number; y: number }> {
  await textShows(page, needle);
  return editor(page).evaluate(
    (el, { needle, drop }) => {
      const ta = el as HTMLTextAreaElement;
      const i = ta.value.indexOf(needle);
      if (i < 0) throw new Error(`${needle} is not in the editor`);
      const style = getComputedStyle(ta);
      const copy = document.createElement('div');
      for (const p of ['fontFamily', 'fontSize', 'fontWeight', 'lineHeight', 'letterSpacing', 'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft', 'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth', 'boxSizing', 'whiteSpace', 'overflowWrap', 'wordBreak', 'tabSize'] as const) {
        copy.style[p] = style[p];
      }
      Object.assign(copy.style, { position: 'absolute', left: '0', top: '0', visibility: 'hidden', borderStyle: 'solid', width: `${ta.getBoundingClientRect().width}px` });
      const mark = document.createElement('span');
      mark.textContent = needle;
      copy.append(ta.value.slice(0, i), mark, ta.value.slice(i + needle.length));
      document.body.append(copy);
      const { offsetTop, offsetLeft, offsetWidth, offsetHeight } = mark;
      copy.remove();
      ta.scrollTop = Math.max(0, offsetTop - 150);
      const r = ta.getBoundingClientRect();
      const at = { x: r.left + offsetLeft + offsetWidth / 2, y: r.top + offsetTop - ta.scrollTop + offsetHeight / 2 };
      if (drop) ta.dispatchEvent(new DragEvent('drop', { dataTransfer: drop, clientX: at.x, clientY: at.y, bubbles: true, cancelable: true, composed: true }));
      return at;
    },
    { needle, drop },
  );
}

/** Scrolls `needle` into view in the editor (once its text is there) and returns the point over it. */
const pointOver = (page: Page, needle: string): Promise<{ x: number; y: number }> => atText(page, needle);

/** Drops the files onto `needle` in the editor, measured as it is dropped. */
const dropOnText = (page: Page, needle: string, dt: JSHandle<DataTransfer>): Promise<unknown> => atText(page, needle, dt);

async function batchFinished(page: Page): Promise<void> {
  await page.locator('[data-testid="photo-batch"][data-running="false"]').waitFor({ timeout: 30_000 });
}

/**
 * Ctrl+S, then the file holds what `expected` wants and the page has the save's answer (no
 * unsaved mark): the file is written before the answer comes back, and what the test does next
 * (another edit and save, closing the page) must not race the page's bookkeeping of that save.
 */
async function save(page: Page, file: string, expected: (text: string) => boolean): Promise<string> {
  await page.keyboard.press('Control+S');
  await expect.poll(async () => expected(await fs.readFile(file, 'utf8')), { timeout: 10_000 }).toBe(true);
  await expect.poll(() => page.getByTestId('dirty-marker').count()).toBe(0);
  return fs.readFile(file, 'utf8');
}

/** The loaded width of the preview's image with that alt text (scrolled to: off-screen blocks skip rendering). */
/**
 * A draft whose front matter names kcd-event-2.png in `lines` (after its author), the photo in its
 * folder (`named`: the tray shows how): removed from the tray, the toast says its link and
 * `cleared` went, the saved front matter lacks the line `gone`, and Undo gives the file back byte for byte.
 */
async function removeNamedPhoto(name: string, lines: string, gone: string, cleared: string, named: (card: Locator) => Promise<unknown>): Promise<void> {
  const recap = await draftRecap(name);
  const original = (await fs.readFile(recap, 'utf8')).replace(/^(author: .*\n)/m, `$1${lines}`);
  await fs.writeFile(recap, original);
  const folder = path.join(path.dirname(recap), 'static', 'images', 'news', 'kcd-china');
  await fs.mkdir(folder, { recursive: true });
  await sharp(await photo('x.png', 400, 300)).toFile(path.join(folder, 'kcd-event-2.png'));
  const page = await session.open({ file: recap });
  const card = page.locator('[data-testid="photo-card"][data-name="kcd-event-2.png"]');
  await named(card);
  await card.locator('.photo-thumb').click();
  await card.getByTestId('photo-remove').click();
  await page.getByTestId('photo-undo-toast').waitFor();
  expect(await page.getByTestId('photo-undo-toast').textContent()).toContain(`kcd-event-2.png, its link and ${cleared}`);
  const saved = await save(page, recap, (t) => !t.includes('kcd-event-2.png'));
  const head = (text: string): string => text.slice(0, text.indexOf('\n---\n', 4));
  expect(head(saved)).toBe(head(original).replace(`\n${gone.replace(/\n$/, '')}`, ''));

  await page.getByTestId('photo-undo').click();
  await expect.poll(() => existsSync(path.join(folder, 'kcd-event-2.png'))).toBe(true);
  // The file is back before the page puts the text back (after the service answers): save once the link shows again.
  await textShows(page, '/images/news/kcd-china/kcd-event-2.png');
  expect(await save(page, recap, (t) => t.includes(gone.trim()))).toBe(original);
  await page.context().close();
}

async function loadedWidth(page: Page, alt: string): Promise<number> {
  return page
    .getByTestId('preview')
    .locator(`img[alt="${alt}"]`)
    .evaluate((img) => {
      img.scrollIntoView({ block: 'center' });
      return (img as HTMLImageElement).complete ? (img as HTMLImageElement).naturalWidth : 0;
    })
    .catch(() => 0);
}

describe('event photos in the browser mode', () => {
  it('drop two photos onto the text: links where they were dropped, files in the folder, shown in the preview', async () => {
    const recap = await draftRecap('kcd-china.md');
    const before = await fs.readFile(recap, 'utf8');
    const stage = await photo('Stage Keynote.jpg', 3000, 2000);
    const panel = await photo('IMG_2041 panel.png', 900, 600, '#0f766e');
    const page = await session.open({ file: recap });

    // Onto the words of the "## Event Organizers" heading: the photos go right after that line.
    const at = await pointOver(page, 'Event Organizers');
    const dt = await transfer(page, [{ file: stage }, { file: panel }]);
    await editor(page).dispatchEvent('dragover', { dataTransfer: dt, clientX: at.x, clientY: at.y });
    await expect.poll(() => page.locator('.drop-line').count()).toBe(1);
    // Measured again as it drops: the page may have scrolled the text since the drag began.
    await dropOnText(page, 'Event Organizers', dt);
    await batchFinished(page);
    expect(await page.getByTestId('photo-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')))).toEqual(['done', 'done']);

    const links = '![Stage Keynote](/images/news/kcd-china/stage-keynote.jpg)\n\n![panel](/images/news/kcd-china/img-2041-panel.png)';
    const written = await save(page, recap, (t) => t.includes('stage-keynote.jpg'));
    const cut = before.indexOf('## Event Organizers\n') + '## Event Organizers\n'.length;
    expect(written).toBe(`${before.slice(0, cut)}\n${links}\n${before.slice(cut)}`);

    // The folder mirrors the site's layout beside the draft, with web-ready files.
    const folder = path.join(path.dirname(recap), 'static', 'images', 'news', 'kcd-china');
    expect((await fs.readdir(folder)).sort()).toEqual(['img-2041-panel.png', 'stage-keynote.jpg']);
    const meta = await sharp(path.join(folder, 'stage-keynote.jpg')).metadata();
    expect([meta.width, meta.height]).toEqual([2000, 1333]);

    await expect.poll(() => loadedWidth(page, 'Stage Keynote'), { timeout: 10_000 }).toBe(2000);
    await expect.poll(() => loadedWidth(page, 'panel'), { timeout: 10_000 }).toBe(900);
    // The tray lists them, both used by the text.
    await expect.poll(() => page.getByTestId('photo-card').count()).toBe(2);
    expect(await page.getByTestId('photo-unused').count()).toBe(0);
    await page.context().close();
  });

  it('paste a screenshot: its link goes to the caret', async () => {
    const recap = await draftRecap('kcd-paste.md');
    const shot = await photo('screen.png', 640, 400, '#9333ea');
    const page = await session.open({ file: recap });
    const text = await textShows(page, '## Event at a Glance');
    const caret = text.indexOf('## Event at a Glance');
    await editor(page).focus();
    await editor(page).evaluate((ta, at) => (ta as HTMLTextAreaElement).setSelectionRange(at, at), caret);
    const dt = await transfer(page, [{ file: shot, name: 'image.png' }]);
    await editor(page).evaluate((ta, data) => {
      ta.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, dt);
    await batchFinished(page);

    await expect.poll(() => editor(page).inputValue()).toContain('![pasted](');
    const after = await editor(page).inputValue();
    const link = /!\[pasted\]\(\/images\/news\/kcd-china\/(pasted-\d{4}-\d{2}-\d{2}-\d{4}\.png)\)/.exec(after);
    expect(link).not.toBeNull();
    expect(after).toBe(`${text.slice(0, caret)}${link![0]}\n\n${text.slice(caret)}`);
    // The caret waits after the new link, so typing goes on from there.
    await expect.poll(() => editor(page).evaluate((ta) => (ta as HTMLTextAreaElement).selectionStart)).toBe(caret + link![0].length);
    expect(existsSync(path.join(path.dirname(recap), 'static', 'images', 'news', 'kcd-china', link![1]!))).toBe(true);
    await expect.poll(() => loadedWidth(page, 'pasted'), { timeout: 10_000 }).toBe(640);
    await page.context().close();
  });

  it('a recap never saved takes photos at once: they go to its draft folder, named after the title as the tray says, ready for export', async () => {
    const shot = await photo('whiteboard.jpg', 800, 600);
    const page = await session.openNew();
    await page.getByTestId('field-title').fill('KCD Hangzhou');
    // The folder follows the title until a photo is in it: the tray says so before the first import.
    await expect.poll(() => page.getByTestId('photo-folder').textContent()).toBe('kcd-hangzhou');
    await editor(page).click();
    await editor(page).press('Control+End');
    const dt = await transfer(page, [{ file: shot }]);
    await editor(page).evaluate((ta, data) => {
      ta.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, dt);
    await batchFinished(page);
    await expect.poll(() => editor(page).inputValue()).toContain('![whiteboard](/images/news/kcd-hangzhou/whiteboard.jpg)');
    const drafts = path.join(session.home, 'drafts');
    const folders = await fs.readdir(drafts);
    const found = folders.filter((d) => existsSync(path.join(drafts, d, 'static', 'images', 'news', 'kcd-hangzhou', 'whiteboard.jpg')));
    expect(found).toHaveLength(1);
    await page.context().close();
  });

  it('the tray edits the alt text of every link to a photo, and marks photos the text does not use', async () => {
    const second = '\nThe venue again:\n\n![kcd-event](/images/news/kcd-china/kcd-event.png)\n';
    const recap = await draftRecap('kcd-alt.md', second);
    const folder = path.join(path.dirname(recap), 'static', 'images', 'news', 'kcd-china');
    await fs.mkdir(folder, { recursive: true });
    for (const name of ['kcd-event.png', 'kcd-event-2.png', 'spare.png']) await sharp(await photo(name, 400, 300)).toFile(path.join(folder, name));
    const page = await session.open({ file: recap });
    const card = (name: string) => page.locator(`[data-testid="photo-card"][data-name="${name}"]`);
    // The tray lists the folder once its thumbnails are made: wait for that, not for a fixed second.
    await card('spare.png').waitFor();
    expect(await page.getByTestId('photo-card').count()).toBe(3);
    expect(await card('spare.png').getByTestId('photo-unused').count()).toBe(1);
    expect(await card('kcd-event.png').getByTestId('photo-unused').count()).toBe(0);
    expect(await card('kcd-event.png').getAttribute('data-used')).toBe('2');

    await card('kcd-event.png').locator('.photo-thumb').click();
    await card('kcd-event.png').getByTestId('photo-alt').fill('Attendees [day 1] in the main hall');
    const written = await save(page, recap, (t) => t.includes('main hall'));
    expect(written.match(/!\[Attendees \\\[day 1\\\] in the main hall\]\(\/images\/news\/kcd-china\/kcd-event\.png\)/g)).toHaveLength(2);
    expect(written).toContain('![kcd-event-2](/images/news/kcd-china/kcd-event-2.png)');
    expect(written).not.toContain('![kcd-event](');

    // Insert at the caret, and choose as cover (the profile's `image` field).
    await card('spare.png').locator('.photo-thumb').click();
    await card('spare.png').getByTestId('photo-cover').click();
    await editor(page).evaluate((ta) => {
      const t = ta as HTMLTextAreaElement;
      t.focus();
      const at = t.value.indexOf('## Event Organizers');
      t.setSelectionRange(at, at);
    });
    await card('spare.png').getByTestId('photo-insert').click();
    const withSpare = await save(page, recap, (t) => t.includes('![spare](/images/news/kcd-china/spare.png)\n\n## Event Organizers'));
    expect(withSpare).toMatch(/\nimage: "?\/images\/news\/kcd-china\/spare\.png"?\n---\n/);
    await page.context().close();
  });

  it('remove a photo with its links, then undo: the file and the text come back', async () => {
    const recap = await draftRecap('kcd-remove.md');
    const folder = path.join(path.dirname(recap), 'static', 'images', 'news', 'kcd-china');
    await fs.mkdir(folder, { recursive: true });
    await sharp(await photo('x.png', 400, 300)).toFile(path.join(folder, 'kcd-event-2.png'));
    const bytes = await fs.readFile(path.join(folder, 'kcd-event-2.png'));
    const page = await session.open({ file: recap });
    const original = await textShows(page, '/images/news/kcd-china/kcd-event-2.png');
    const card = page.locator('[data-testid="photo-card"][data-name="kcd-event-2.png"]');
    await card.locator('.photo-thumb').click();
    await card.getByTestId('photo-remove').click();
    await page.getByTestId('photo-undo-toast').waitFor();
    expect(await page.getByTestId('photo-undo-toast').textContent()).toContain('kcd-event-2.png and its link');
    expect(existsSync(path.join(folder, 'kcd-event-2.png'))).toBe(false);
    expect(await editor(page).inputValue()).not.toContain('kcd-event-2.png');
    expect(await page.getByTestId('photo-card').count()).toBe(0);

    await page.getByTestId('photo-undo').click();
    await expect.poll(() => existsSync(path.join(folder, 'kcd-event-2.png'))).toBe(true);
    expect((await fs.readFile(path.join(folder, 'kcd-event-2.png'))).equals(bytes)).toBe(true);
    await expect.poll(() => editor(page).inputValue()).toBe(original);
    await expect.poll(() => page.getByTestId('photo-card').count()).toBe(1);
    await expect.poll(() => loadedWidth(page, 'kcd-event-2'), { timeout: 10_000 }).toBe(400);
    await page.context().close();
  });

  it('remove the cover photo: the cover field goes with it, and undo puts the front matter back byte for byte', async () => {
    await removeNamedPhoto('kcd-remove-cover.md', 'image: "/images/news/kcd-china/kcd-event-2.png" # the card\n', 'image: "/images/news/kcd-china/kcd-event-2.png" # the card\n', 'the cover (image)', (card) => expect.poll(() => card.locator('.photo-badge.is-cover').count()).toBe(1));
  });

  it("remove a photo a theme's header field names: that field goes with it (a map keeps its other keys), and undo puts the front matter back byte for byte", async () => {
    const lines = 'header:\n  teaser: "/images/news/kcd-china/kcd-event-2.png" # the list card\n  caption: "Day one"\n';
    await removeNamedPhoto('kcd-remove-header.md', lines, '  teaser: "/images/news/kcd-china/kcd-event-2.png" # the list card\n', 'header.teaser in the front matter', (card) => expect.poll(() => card.textContent()).toContain('header.teaser'));
  });

  it('replace keeps the name (the preview shows the new pixels) or renames and relinks; the folder name and tray drops', async () => {
    const recap = await draftRecap('kcd-replace.md');
    const folder = path.join(path.dirname(recap), 'static', 'images', 'news', 'kcd-china');
    await fs.mkdir(folder, { recursive: true });
    await fs.copyFile(await photo('old-a.png', 400, 300), path.join(folder, 'kcd-event.png'));
    await fs.copyFile(await photo('old-b.png', 400, 300), path.join(folder, 'kcd-event-2.png'));
    const page = await session.open({ file: recap });
    const card = (name: string) => page.locator(`[data-testid="photo-card"][data-name="${name}"]`);
    await expect.poll(() => loadedWidth(page, 'kcd-event'), { timeout: 10_000 }).toBe(400);

    // PNG for PNG: same file name, the preview reloads it.
    await card('kcd-event.png').locator('.photo-thumb').click();
    let chooser = page.waitForEvent('filechooser');
    await card('kcd-event.png').getByTestId('photo-replace').click();
    await (await chooser).setFiles(await photo('new-a.png', 640, 480));
    await expect.poll(() => loadedWidth(page, 'kcd-event'), { timeout: 10_000 }).toBe(640);
    expect((await sharp(path.join(folder, 'kcd-event.png')).metadata()).width).toBe(640);

    // A JPEG for a PNG: a new name, the links follow, the old file goes.
    await card('kcd-event-2.png').locator('.photo-thumb').click();
    chooser = page.waitForEvent('filechooser');
    await card('kcd-event-2.png').getByTestId('photo-replace').click();
    await (await chooser).setFiles(await photo('new-b.jpg', 800, 600));
    await expect.poll(() => editor(page).inputValue()).toContain('![kcd-event-2](/images/news/kcd-china/kcd-event-2.jpg)');
    await expect.poll(() => existsSync(path.join(folder, 'kcd-event-2.png'))).toBe(false);
    expect(existsSync(path.join(folder, 'kcd-event-2.jpg'))).toBe(true);

    // Another folder name: new photos go there; dropped on the tray they get no link.
    await page.getByTestId('photo-folder-edit').click();
    await page.getByTestId('photo-folder-input').fill('kcd-beijing-2021');
    await page.getByTestId('photo-folder-input').press('Enter');
    await expect.poll(() => page.getByTestId('photo-folder').textContent()).toBe('kcd-beijing-2021');
    const before = await editor(page).inputValue();
    const dt = await transfer(page, [{ file: await photo('Group photo.jpg', 900, 600) }]);
    await page.getByTestId('photo-tray').dispatchEvent('drop', { dataTransfer: dt });
    await batchFinished(page);
    expect(existsSync(path.join(path.dirname(recap), 'static', 'images', 'news', 'kcd-beijing-2021', 'group-photo.jpg'))).toBe(true);
    expect(await editor(page).inputValue()).toBe(before);
    await expect.poll(() => card('group-photo.jpg').getByTestId('photo-unused').count()).toBe(1);
    await page.context().close();
  });

  it("a Jekyll post's folder can be changed (the photo and its link go there); a page bundle's cannot, and the tray says why", async () => {
    const site = path.join(session.dir, 'jekyll-blog');
    await fs.mkdir(path.join(site, '_posts'), { recursive: true });
    await fs.writeFile(path.join(site, '_config.yml'), 'title: Blog\n');
    const post = path.join(site, '_posts', '2021-11-02-kcd-china.md');
    await fs.writeFile(post, '---\ntitle: "KCD China"\ndate: 2021-11-02\n---\n\n## Photos\n\nThe day in photos.\n');
    const page = await session.open({ file: post });
    await expect.poll(() => page.getByTestId('photo-folder').textContent()).toBe('kcd-china');
    await page.getByTestId('photo-folder-edit').click();
    await page.getByTestId('photo-folder-input').fill('kcd-shanghai');
    await page.getByTestId('photo-folder-input').press('Enter');
    await expect.poll(() => page.getByTestId('photo-folder').textContent()).toBe('kcd-shanghai');
    await dropOnText(page, 'The day in photos.', await transfer(page, [{ file: await photo('Stage.jpg', 900, 600) }]));
    await batchFinished(page);
    expect(existsSync(path.join(site, 'assets', 'images', 'kcd-shanghai', 'stage.jpg'))).toBe(true);
    expect(existsSync(path.join(site, 'assets', 'images', 'kcd-china'))).toBe(false);
    await expect.poll(() => editor(page).inputValue()).toContain('![Stage](/assets/images/kcd-shanghai/stage.jpg)');
    await expect.poll(() => loadedWidth(page, 'Stage'), { timeout: 10_000 }).toBe(900);
    await page.context().close();

    const bundles = path.join(session.dir, 'bundles');
    const bundle = path.join(bundles, 'content', 'news', 'kcd-china', 'index.md');
    await fs.mkdir(path.dirname(bundle), { recursive: true });
    await fs.writeFile(path.join(bundles, 'hugo.toml'), 'title = "Bundles"\n');
    await fs.writeFile(path.join(bundles, '.recap-studio.yml'), 'profile: hugo-bundle\n');
    await fs.writeFile(bundle, '---\ntitle: "KCD China"\n---\n\nThe day in photos.\n');
    const other = await session.open({ file: bundle });
    await expect.poll(() => other.getByTestId('photo-folder-fixed').textContent()).toBe('This site keeps a post’s photos beside it, in the post’s own folder: that folder cannot be changed.');
    expect(await other.getByTestId('photo-folder-edit').count()).toBe(0);
    await other.context().close();
  });

  it('a bad file in a batch gets its own message; the others are imported', async () => {
    const recap = await draftRecap('kcd-bad.md');
    const good = await photo('Hallway track.jpg', 1200, 800);
    const bad = path.join(photosDir, 'notes.jpg');
    await fs.writeFile(bad, 'These are my notes, not a photo.\n');
    const page = await session.open({ file: recap });
    await editor(page).focus();
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('btn-insert-photos').click();
    await (await chooser).setFiles([bad, good]);
    await batchFinished(page);
    const rows = page.getByTestId('photo-row');
    expect(await rows.evaluateAll((r) => r.map((x) => x.getAttribute('data-status')))).toEqual(['refused', 'done']);
    expect(await rows.nth(0).getByTestId('photo-row-message').textContent()).toMatch(/notes\.jpg is not an image/);
    expect(await page.getByTestId('photo-batch').textContent()).toContain('1 imported · 1 refused');
    await expect.poll(() => editor(page).inputValue()).toContain('![Hallway track](/images/news/kcd-china/hallway-track.jpg)');
    expect(await fs.readdir(path.join(path.dirname(recap), 'static', 'images', 'news', 'kcd-china'))).toEqual(['hallway-track.jpg']);

    // The alt text typed in the batch goes into the link.
    await page.getByTestId('photo-row-alt').fill('Hallway conversations');
    await expect.poll(() => editor(page).inputValue()).toContain('![Hallway conversations](/images/news/kcd-china/hallway-track.jpg)');
    await page.getByTestId('photo-batch-done').click();
    expect(await page.getByTestId('photo-batch').count()).toBe(0);
    await page.context().close();
  });

  it('cancel stops the batch: files already imported stay and are linked, the rest are not written', async () => {
    const recap = await draftRecap('kcd-cancel.md');
    const files = await Promise.all([1, 2, 3, 4, 5, 6].map((i) => photo(`big-${i}.jpg`, 6000, 4000, ['#2f6fde', '#be123c', '#0f766e', '#9333ea', '#b45309', '#1e3a8a'][i - 1])));
    const page = await session.open({ file: recap });
    const dt = await transfer(page, files.map((file) => ({ file })));
    // Cancel as soon as the batch shows, as an author would right after a wrong drop.
    const cancelled = page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const observer = new MutationObserver(() => {
            const button = document.querySelector<HTMLButtonElement>('[data-testid="photo-batch-cancel"]');
            if (!button) return;
            observer.disconnect();
            const seen = Array.from(document.querySelectorAll('[data-testid="photo-row"]')).map((r) => r.getAttribute('data-status') ?? '');
            button.click();
            resolve(seen);
          });
          observer.observe(document.body, { childList: true, subtree: true, attributes: true });
        }),
    );
    await dropOnText(page, 'Event Organizers', dt);
    // At most two files are imported at once: the others wait their turn.
    const seen = await cancelled;
    expect(seen.filter((s) => s === 'importing').length).toBeLessThanOrEqual(2);
    await batchFinished(page);
    const statuses = await page.getByTestId('photo-row').evaluateAll((r) => r.map((x) => x.getAttribute('data-status')));
    const done = statuses.filter((s) => s === 'done').length;
    expect(statuses.filter((s) => s === 'cancelled').length).toBeGreaterThanOrEqual(3);
    expect(done).toBeGreaterThanOrEqual(1);
    expect(done + statuses.filter((s) => s === 'cancelled').length).toBe(6);
    const folder = path.join(path.dirname(recap), 'static', 'images', 'news', 'kcd-china');
    expect((await fs.readdir(folder)).length).toBe(done);
    const text = await editor(page).inputValue();
    expect(text.match(/!\[big\]\(\/images\/news\/kcd-china\/big-\d\.jpg\)/g)).toHaveLength(done);
    await page.context().close();
  });
});
