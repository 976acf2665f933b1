// The photo tray's "Also in this recap" in the browser mode: a flat Docusaurus post links a photo
// beside it while its tray folder is static/img/blog/<slug>/; the tray lists it in its own group,
// "Copy into this recap's folder" copies it there and relinks the post (the photo moves to the
// folder's group), and one Ctrl+Z gives the text back.
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { root, sessionForFile, shoot } from './harness';

const { session, write } = sessionForFile();
const AXE_SOURCE = readFileSync(path.join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** axe-core's serious and critical findings (WCAG 2.0/2.1 A and AA) inside the photo tray. */
async function trayFindings(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Element, o: object): Promise<{ violations: Array<{ id: string; impact: string | null }> }> } }).axe;
    const tray = document.querySelector('[data-testid="photo-tray"]');
    if (!tray) return ['no tray'];
    const r = await axe.run(tray, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
  });
}

const editor = (page: Page) => page.locator('.editor-pane .w-md-editor-text-input');
const linkedCard = (page: Page, name: string) => page.locator(`[data-testid="linked-photo-card"][data-name="${name}"]`);
const folderCard = (page: Page, name: string) => page.locator(`[data-testid="photo-card"][data-name="${name}"]`);

/**
 * The photo `name` of "Also in this recap" (in `where`, with no problem in the post) copied into the
 * recap's folder from its card; the raw front matter shown, to read the field that names it.
 */
async function copyIntoFolder(page: Page, name: string, where: string): Promise<void> {
  const linked = linkedCard(page, name);
  await linked.waitFor({ state: 'visible' });
  expect(await linked.getByTestId('photo-where').textContent()).toBe(where);
  await expect.poll(() => page.getByTestId('problems-button').getAttribute('data-count')).toBe('0');
  await linked.locator('.photo-thumb').click();
  await linked.getByTestId('linked-copy').click();
  await folderCard(page, name).waitFor({ state: 'visible' });
  await page.getByTestId('raw-yaml-toggle').click();
}

describe('a photo the post links from outside its folder', () => {
  it('is in the tray\'s "Also in this recap"; Copy into this recap\'s folder relinks it and the cover, and Ctrl+Z restores the text', async () => {
    await write('docs-site/docusaurus.config.js', 'module.exports = { title: "Site" };\n');
    const text = '---\ntitle: KCD Recap\nauthors: [ann]\nimage: ./hall.png\n---\n\nThe hall before the keynote.\n\n![The hall before the keynote](./hall.png)\n';
    const post = await write('docs-site/blog/2024-05-01-kcd.md', text);
    const hall = path.join(path.dirname(post), 'hall.png');
    await sharp({ create: { width: 480, height: 320, channels: 3, background: { r: 47, g: 111, b: 222 } } })
      .png()
      .toFile(hall);

    const page = await session().open({ file: post });
    await expect.poll(() => editor(page).inputValue()).toContain('](./hall.png)');
    const card = linkedCard(page, 'hall.png');
    await card.waitFor({ state: 'visible' });
    expect(await page.getByTestId('photo-linked').locator('h3').textContent()).toContain('Also in this recap');
    expect(await card.getByTestId('photo-where').textContent()).toBe('in blog/');
    expect(await card.textContent()).toContain('480×320');
    expect(await folderCard(page, 'hall.png').count()).toBe(0);
    await page.getByTestId('photo-linked').scrollIntoViewIfNeeded();
    await shoot(page, 'tray-linked-group');

    // Its details: the alt text of its link, and what can be done with a file the recap does not own.
    await card.locator('.photo-thumb').click();
    expect(await card.getByTestId('photo-alt').inputValue()).toBe('The hall before the keynote');
    expect(await card.getByTestId('photo-remove').count()).toBe(0);
    expect(await trayFindings(page)).toEqual([]);
    await card.getByTestId('linked-show').click();
    await expect.poll(() => editor(page).evaluate((ta) => (ta as HTMLTextAreaElement).value.slice((ta as HTMLTextAreaElement).selectionStart, (ta as HTMLTextAreaElement).selectionEnd))).toBe('![The hall before the keynote](./hall.png)');
    await shoot(page, 'tray-linked');

    await card.getByTestId('linked-copy').click();
    await expect.poll(() => editor(page).inputValue()).toContain('![The hall before the keynote](/img/blog/kcd/hall.png)');
    expect(await editor(page).inputValue()).not.toContain('./hall.png');
    await folderCard(page, 'hall.png').waitFor({ state: 'visible' });
    await expect.poll(() => page.getByTestId('photo-linked').count()).toBe(0);
    expect(existsSync(path.join(path.dirname(post), '..', 'static', 'img', 'blog', 'kcd', 'hall.png'))).toBe(true);
    expect(existsSync(hall)).toBe(true);
    // The cover field (Docusaurus' image) followed its photo in the same edit.
    await page.getByTestId('raw-yaml-toggle').click();
    await expect.poll(() => page.getByTestId('raw-yaml').inputValue()).toContain('image: /img/blog/kcd/hall.png');
    await shoot(page, 'tray-linked-copied');

    // One undo step takes the relink back: the link is to the photo beside the post again.
    await editor(page).focus();
    await page.keyboard.press('Control+Z');
    await expect.poll(() => editor(page).inputValue()).toContain('![The hall before the keynote](./hall.png)');
    expect(await editor(page).inputValue()).not.toContain('/img/blog/kcd/hall.png');
    await expect.poll(() => page.getByTestId('raw-yaml').inputValue()).toContain('image: ./hall.png');
    await linkedCard(page, 'hall.png').waitFor({ state: 'visible' });
    // The copy stays in the folder, now not used.
    await expect.poll(() => folderCard(page, 'hall.png').getByTestId('photo-unused').count()).toBe(1);
    expect(await fs.readFile(post, 'utf8')).toBe(text);
    await page.context().close();
  });
});

describe("a Hugo post's relative cover (images: [images/card.png], as gohugoio's news posts write it)", () => {
  it('is the photo Hugo takes from the site root: no problem, in "Also in this recap", and copied into the folder the cover follows it', async () => {
    await write('hugo-site/hugo.toml', 'baseURL = "https://gohugo.io/"\ntitle = "Hugo"\n');
    await write('hugo-site/content/news/older.md', '---\ntitle: Older\ndate: 2017-07-01\nimages:\n- images/older.png\n---\n\nText.\n');
    const text = '---\ntitle: HTTP/2 Server Push in Hugo\ndate: 2017-07-24\nimages:\n- images/gohugoio-card-1.png\n---\n\nNetlify recently announced support for HTTP/2 server push.\n';
    const post = await write('hugo-site/content/news/http2-server-push-in-hugo.md', text);
    const card = path.join(path.dirname(post), '..', '..', 'static', 'images', 'gohugoio-card-1.png');
    await fs.mkdir(path.dirname(card), { recursive: true });
    await sharp({ create: { width: 600, height: 315, channels: 3, background: { r: 10, g: 120, b: 200 } } }).png().toFile(card);

    const page = await session().open({ file: post });
    await copyIntoFolder(page, 'gohugoio-card-1.png', 'in static/images/');
    await expect.poll(() => page.getByTestId('raw-yaml').inputValue()).toMatch(/^- \/images\/news\/[a-z0-9-]+\/gohugoio-card-1\.png$/m);
    await expect.poll(() => page.getByTestId('problems-button').getAttribute('data-count')).toBe('0');
    await page.context().close();
  });
});

describe("a photo of the site's static/ that a Docusaurus post links through @site/", () => {
  it('shows in the preview and in "Also in this recap", with no problem; a link reaching elsewhere in the site shows why it is not read', async () => {
    await write('alias-site/docusaurus.config.ts', "export default { title: 'Site' };\n");
    await write('alias-site/blog/authors.yml', 'ann:\n  name: Ann\n');
    for (const [rel, blue] of [['alias-site/static/img/kcd/stage.png', 222], ['alias-site/src/img/logo.png', 40]] as const) {
      const file = await write(rel, ''); // Its folder, made.
      await sharp({ create: { width: 320, height: 200, channels: 3, background: { r: 47, g: 111, b: blue } } })
        .png()
        .toFile(file);
    }
    const post = await write('alias-site/blog/2024-06-01-kcd/index.md', '---\ntitle: KCD Porto\nauthors: [ann]\n---\n\nThe stage.\n\n![The stage](@site/static/img/kcd/stage.png)\n');
    const page = await session().open({ file: post });
    const preview = page.getByTestId('preview');
    await expect.poll(() => preview.locator('img[alt="The stage"]').evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth)).toBe(320);
    const card = linkedCard(page, 'stage.png');
    await card.waitFor({ state: 'visible' });
    expect(await card.getByTestId('photo-where').textContent()).toBe('in static/img/kcd/');
    await expect.poll(() => page.getByTestId('problems-button').getAttribute('data-count')).toBe('0');
    await shoot(page, 'site-alias');

    // A link into the site's src/ (Docusaurus would bundle it): refused in the preview and the Problems panel, with the reason.
    await editor(page).focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('\n![Logo](@site/src/img/logo.png)\n');
    await expect.poll(() => preview.locator('.img-notice').textContent()).toContain("outside the folders a recap's @site/ links may reach");
    await expect.poll(() => page.getByTestId('problems-button').getAttribute('data-count')).toBe('1');
    await page.context().close();
  });
  it("a flat post's own photo (static/img/blog/<slug>/) linked through @site/static is used, not \"Not used\"; its alt text set from the tray", async () => {
    await write('flat-site/docusaurus.config.ts', "export default { title: 'Site' };\n");
    await write('flat-site/blog/authors.yml', 'ann:\n  name: Ann\n');
    const stage = await write('flat-site/static/img/blog/kcd/stage.png', '');
    await sharp({ create: { width: 300, height: 200, channels: 3, background: { r: 200, g: 90, b: 40 } } })
      .png()
      .toFile(stage);
    const post = await write('flat-site/blog/2024-05-01-kcd.md', '---\ntitle: KCD\nauthors: [ann]\n---\n\nThe stage.\n\n![The stage](@site/static/img/blog/kcd/stage.png)\n');
    const page = await session().open({ file: post });
    const card = folderCard(page, 'stage.png');
    await card.waitFor({ state: 'visible' });
    await expect.poll(() => page.getByTestId('problems-button').getAttribute('data-count')).toBe('0');
    expect(await card.getByTestId('photo-unused').count()).toBe(0);
    expect(await page.getByTestId('photo-linked').count()).toBe(0);
    await card.locator('.photo-thumb').click();
    expect(await card.getByTestId('photo-alt').inputValue()).toBe('The stage');
    await card.getByTestId('photo-alt').fill('The main stage');
    await expect.poll(() => editor(page).inputValue()).toContain('![The main stage](@site/static/img/blog/kcd/stage.png)');
    await page.context().close();
  });
});

describe("a Jekyll post's header photo written from the site's root without its first `/` (Hux Blog's header-img: img/bg.png)", () => {
  it("is the site root's photo in \"Also in this recap\"; copied into the folder, the field names the copy as the site's posts write it", async () => {
    await write('hux-site/_config.yml', 'title: Hux\n');
    await write('hux-site/_posts/2024-04-01-older.md', '---\nlayout: post\ntitle: Older\nheader-img: "img/older.png"\n---\n\nText.\n');
    const text = '---\nlayout: post\ntitle: KCD Porto\ndate: 2024-05-01\nheader-img: "img/bg.png"\n---\n\nThe day.\n';
    const post = await write('hux-site/_posts/2024-05-01-kcd-porto.md', text);
    for (const rel of ['hux-site/img/bg.png', 'hux-site/img/older.png']) {
      await sharp({ create: { width: 400, height: 200, channels: 3, background: { r: 60, g: 90, b: 160 } } })
        .png()
        .toFile(await write(rel, ''));
    }
    const page = await session().open({ file: post });
    await copyIntoFolder(page, 'bg.png', 'in img/');
    // Not "/assets/…": the theme writes {{ site.baseurl }}/{{ page.header-img }}.
    await expect.poll(() => page.getByTestId('raw-yaml').inputValue()).toContain('header-img: "assets/images/kcd-porto/bg.png"');
    await expect.poll(() => page.getByTestId('problems-button').getAttribute('data-count')).toBe('0');
    // The folder's photo is the one the field names (from the root): used, not "Not used".
    await expect.poll(() => page.getByTestId('photo-count').textContent()).toBe('1');
    expect(await folderCard(page, 'bg.png').getByTestId('photo-unused').count()).toBe(0);
    expect(await page.getByTestId('photo-linked').count()).toBe(0);
    await shoot(page, 'hux-header-copied');
    await page.context().close();
  });
});

describe("a Terminal site's photos (its image hook looks in assets/ below the page's folder; its figure shows its src as written)", () => {
  it("the preview shows both, the tray lists each in its folder, and there is no problem", async () => {
    await write('terminal-site/hugo.toml', 'title = "Events"\ntheme = "terminal"\n');
    await write('terminal-site/themes/terminal/layouts/_default/_markup/render-image.html', '{{- $img := .Page.Resources.GetMatch .Destination -}}\n{{- if not $img }}{{ $img = resources.Get (path.Join .Page.File.Dir .Destination) }}{{ end -}}\n{{- with $img }}<img src="{{ .RelPermalink }}">{{ else }}<img src="{{ $.Destination }}">{{ end -}}\n');
    await write('terminal-site/themes/terminal/layouts/shortcodes/figure.html', '<figure><img src="{{ .Get "src" }}"></figure>\n');
    for (const [rel, blue] of [['terminal-site/assets/posts/stage.png', 200], ['terminal-site/static/img/hall.png', 90]] as const) {
      await sharp({ create: { width: 360, height: 240, channels: 3, background: { r: 40, g: 120, b: blue } } })
        .png()
        .toFile(await write(rel, ''));
    }
    const post = await write('terminal-site/content/posts/kcd.md', '---\ntitle: KCD Porto\ndate: 2026-05-01\n---\n\nThe day.\n\n![The stage](stage.png)\n\n{{< figure src="/img/hall.png" alt="The hall" >}}\n');
    const page = await session().open({ file: post });
    const preview = page.getByTestId('preview');
    for (const alt of ['The stage', 'The hall']) {
      await expect.poll(() => preview.locator(`img[alt="${alt}"]`).evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth)).toBe(360);
    }
    await linkedCard(page, 'stage.png').waitFor({ state: 'visible' });
    expect(await linkedCard(page, 'stage.png').getByTestId('photo-where').textContent()).toBe('in assets/posts/');
    expect(await linkedCard(page, 'hall.png').getByTestId('photo-where').textContent()).toBe('in static/img/');
    await expect.poll(() => page.getByTestId('problems-button').getAttribute('data-count')).toBe('0');
    await page.getByTestId('photo-linked').scrollIntoViewIfNeeded();
    await shoot(page, 'terminal-photos');
    await page.context().close();
  });
});
