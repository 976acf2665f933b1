// The link card beside the preview: the reader's card (site name, title, description, the cover
// cropped to 1.91:1) for a post in a site, and the same checks lint and the preflight make.
// Real server, real files, Chromium. SCREENSHOTS_DIR=assets/screenshots makes the README's shot.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceRecap, shoot, startSession, type Session } from './harness';

let session: Session;
let post: string;

/** A picture like an event photo (a gradient with words), 3:2 so the 1.91:1 crop shows. */
function photo(name: string, width: number, height: number): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(222,70%,52%)"/><stop offset="1" stop-color="hsl(262,75%,66%)"/></linearGradient></defs><rect width="${width}" height="${height}" fill="url(#g)"/><circle cx="${width * 0.85}" cy="${height * 0.2}" r="${height * 0.3}" fill="rgba(255,255,255,0.16)"/><text x="60" y="${height / 2}" font-family="sans-serif" font-weight="bold" font-size="72" fill="white">${name}</text></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

beforeAll(async () => {
  session = await startSession();
  const site = path.join(session.dir, 'site');
  post = path.join(site, 'content', 'en', 'news', 'kubernetes-community-days-china.md');
  await fs.mkdir(path.dirname(post), { recursive: true });
  await fs.writeFile(path.join(site, 'hugo.toml'), 'baseURL = "https://example.org/"\ntitle = "Cloud Native Community"\n');
  const text = (await fs.readFile(referenceRecap, 'utf8')).replace('author: "Lindsay"', 'author: "Lindsay"\nimage: "/images/news/kcd-china/cover.png"');
  await fs.writeFile(post, text);
  const images = path.join(site, 'static', 'images', 'news', 'kcd-china');
  await fs.mkdir(images, { recursive: true });
  await fs.writeFile(path.join(images, 'cover.png'), await photo('KCD China 2021', 1200, 800));
  await fs.writeFile(path.join(images, 'huge.png'), await photo('Too large', 2400, 1600));
});
afterAll(async () => {
  await session?.close();
});

describe('link card', () => {
  it('shows the card a reader sees: site name, title, description, the cover cropped to 1.91:1, the address', async () => {
    const page = await session.open({ file: post });
    await page.getByTestId('field-title').waitFor({ state: 'visible' });
    await page.getByTestId('link-card-toggle').click();
    const card = page.getByTestId('link-card');
    await card.waitFor({ state: 'visible' });
    expect(await page.getByTestId('link-card-site').textContent()).toBe('Cloud Native Community');
    expect(await page.getByTestId('link-card-title').textContent()).toBe('Kubernetes Community Days China Recap');
    expect(await page.getByTestId('link-card-description').textContent()).toBe('The first Kubernetes Community Days China was successfully held in Beijing');
    expect(await page.getByTestId('link-card-url').textContent()).toBe('Address on the site: /en/news/kubernetes-community-days-china/');
    await page.getByTestId('link-card-ok').waitFor();
    const image = page.getByTestId('link-card-image');
    await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth)).toBe(1200);
    const shape = await image.evaluate((img) => {
      const r = img.getBoundingClientRect();
      return { ratio: r.width / r.height, fit: getComputedStyle(img).objectFit };
    });
    expect(shape.fit).toBe('cover');
    expect(Math.abs(shape.ratio - 1.91)).toBeLessThan(0.01);
    // The preview is still there, hidden, and comes back with the switch.
    expect(await page.locator('.pv-hidden').count()).toBe(1);
    await shoot(page, 'link-card');
    await page.getByTestId('link-card-toggle').click();
    await card.waitFor({ state: 'detached' });
    await page.getByTestId('link-card-toggle').click();
    await page.context().close();
  });

  it('follows the text and shows the same problems as the Problems panel and the preflight', async () => {
    const other = path.join(path.dirname(post), 'huge-cover.md');
    await fs.writeFile(other, (await fs.readFile(post, 'utf8')).replace('/cover.png', '/huge.png'));
    const page = await session.open({ file: other });
    await page.getByTestId('field-title').waitFor({ state: 'visible' });
    await page.getByTestId('link-card-toggle').click();
    await page.getByTestId('link-card').waitFor({ state: 'visible' });
    await page.getByTestId('field-description').fill('An afternoon of talks. '.repeat(9).trim());
    const problems = page.getByTestId('link-card-problems');
    await expect.poll(() => problems.locator('li').allTextContents()).toEqual([
      expect.stringMatching(/^Description .*so link previews show it whole/),
      expect.stringMatching(/^The image huge\.png is 2400×1600 px, above the site's 2000 px long edge/),
    ]);
    expect(await page.getByTestId('link-card-description').textContent()).toBe('An afternoon of talks. '.repeat(9).trim());
    // The Problems panel says the same about the description.
    await page.getByTestId('problems-button').click();
    await expect.poll(() => page.locator('.problems-panel').textContent()).toContain('so link previews show it whole');
    await shoot(page, 'link-card-problems');
    await page.context().close();
  });
});
