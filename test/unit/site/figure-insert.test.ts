// A Hugo site whose posts show their photos with Hugo's figure shortcode gets its new photos
// written that way: the site scan counts how its posts show photos, the rules say so, and every
// door that inserts a photo (the tray, a batch, `recap add-photos`) writes
// `{{< figure src="…" alt="…" >}}` on a Hugo post and a Markdown image elsewhere. Real sites in
// temp dirs.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findFigureShortcodes } from '../../../electron/core/markdown/hugo-figure';
import { photoInsertText } from '../../../electron/core/markdown/photo-text';
import { markdownReading, READ_ALL } from '../../../electron/core/markdown/site-reading';
import { createPhotoLibrary } from '../../../electron/service/photos/photos';
import { parseProfile } from '../../../electron/service/site/profile';
import { profileForRecap } from '../../../electron/service/site/site';
import { serviceInTempDir } from '../support/temp-service';
import { png, writeText } from '../support/site-fixture';

const temp = serviceInTempDir('figure-insert');

const FIGURE = (slug: string): string => `{{< figure src="/images/news/${slug}/hall.png" alt="The hall" caption="Day one" >}}`;
const MARKDOWN = (slug: string): string => `![The hall](/images/news/${slug}/hall.png)`;

/** A Hugo site whose posts show their photos as `shows` says, one post per entry. */
async function hugoSite(name: string, shows: Array<'figure' | 'markdown'>): Promise<string> {
  const root = path.join(temp.dir(), name);
  await writeText(path.join(root, 'hugo.toml'), 'baseURL = "https://example.org/"\ntitle = "Events"\n');
  for (const [i, how] of shows.entries()) {
    const slug = `kcd-${i}`;
    await writeText(path.join(root, `content/en/news/${slug}.md`), ['---', `title: KCD ${i}`, `date: 2026-0${i + 1}-01`, '---', '', 'Text.', '', how === 'figure' ? FIGURE(slug) : MARKDOWN(slug), ''].join('\n'));
  }
  return root;
}

async function hall(): Promise<string> {
  const photo = path.join(temp.dir(), 'camera', 'hall.png');
  await png(photo, 1);
  return photo;
}

describe("photos inserted as the site's posts show theirs", () => {
  it('a Hugo site whose posts mostly use figures: the rules say so, and recap add-photos writes a figure the post reads as its photo', async () => {
    const site = await hugoSite('figures', ['figure', 'figure', 'markdown']);
    const post = await writeText(path.join(site, 'content/en/news/kcd-porto.md'), ['---', 'title: KCD Porto', 'date: 2026-05-01', '---', '', 'The keynote filled the hall.', ''].join('\n'));
    // Four posts read (the new one too): two show their photos with figures, one with a Markdown image.
    const profile = profileForRecap(post);
    expect(profile.photos.insertAs).toBe('figure');
    expect(profile.rules?.details).toContain('Photos are inserted with Hugo\'s figure shortcode ({{< figure src="…" alt="…" >}}), as the site\'s posts show theirs (2 of 4; 1 with Markdown images).');

    const library = createPhotoLibrary({ cacheDir: path.join(temp.dir(), 'cache'), profileFor: (f) => profileForRecap(f) });
    const camera = await hall();
    expect((await library.addPhotosToRecap(post, [camera], { imageDir: 'kcd-porto', alts: ['The "main" hall'] })).refused).toEqual([]);
    const text = await fs.readFile(post, 'utf8');
    expect(text).toBe(['---', 'title: KCD Porto', 'date: 2026-05-01', '---', '', 'The keynote filled the hall.', '', '{{< figure src="/images/news/kcd-porto/hall.png" alt=`The "main" hall` >}}', ''].join('\n'));
    await fs.access(path.join(site, 'static/images/news/kcd-porto/hall.png'));
    // The figure is the post's photo: lint is clean, and adding the photo again adds no second one.
    expect((await temp.service().lintRecap({ path: post, text })).filter((p) => p.severity === 'error')).toEqual([]);
    await library.addPhotosToRecap(post, [camera], { imageDir: 'kcd-porto' });
    expect(findFigureShortcodes(await fs.readFile(post, 'utf8'))).toHaveLength(1);
  });

  it('a new recap started from such a site keeps the rule; a site whose posts mostly use Markdown images, and a Jekyll site, insert Markdown', async () => {
    const site = await hugoSite('figures-draft', ['figure', 'figure']);
    await temp.service().rememberSite({ dir: site });
    const made = await temp.service().newRecap({ template: { source: 'posts', name: 'event-recap', site }, title: 'KCD Lisbon' });
    expect(made.profile.photos.insertAs).toBe('figure');

    const markdown = await hugoSite('markdown', ['figure', 'markdown', 'markdown']);
    const other = await writeText(path.join(markdown, 'content/en/news/kcd-rome.md'), '---\ntitle: KCD Rome\n---\n\nText.\n');
    expect(profileForRecap(other).photos.insertAs).toBe('markdown');
    expect(profileForRecap(other).rules?.details.join('\n')).not.toContain('figure');

    const jekyll = path.join(temp.dir(), 'jekyll');
    await writeText(path.join(jekyll, '_config.yml'), 'title: Events\n');
    await writeText(path.join(jekyll, '_posts/2026-01-01-kcd.md'), `---\ntitle: KCD\n---\n\n${FIGURE('kcd')}\n`);
    const jpost = await writeText(path.join(jekyll, '_posts/2026-05-01-porto.md'), '---\ntitle: Porto\n---\n\nText.\n');
    expect(profileForRecap(jpost).photos.insertAs).toBe('markdown');
  });

  it('a figure is written only where the post is read by Hugo; a profile may ask for it, and a wrong value is named', () => {
    const hugo = markdownReading('hugo', '/site/content/news/a.md');
    expect(photoInsertText('Hall', '/images/a/hall.png', 'figure', hugo)).toBe('{{< figure src="/images/a/hall.png" alt="Hall" >}}');
    expect(photoInsertText('Hall', '/images/a/hall.png', 'figure', READ_ALL)).toBe('{{< figure src="/images/a/hall.png" alt="Hall" >}}');
    expect(photoInsertText('Hall', '/a/hall.png', 'figure', markdownReading('jekyll', '/site/_posts/2026-01-01-a.md'))).toBe('![Hall](/a/hall.png)');
    expect(photoInsertText('Hall', '/a/hall.png', 'markdown', hugo)).toBe('![Hall](/a/hall.png)');

    const yml = (insertAs: unknown): unknown => ({ name: 'mine', post: 'content/news/{slug}.md', images: { dir: 'static/images/news/{imageDir}', url: '/images/news/{imageDir}' }, fields: [], photos: { insertAs } });
    expect(parseProfile(yml('figure'), 'mine.yml').photos.insertAs).toBe('figure');
    expect(() => parseProfile(yml('shortcode'), 'mine.yml')).toThrow(/photos\.insertAs.*markdown or figure/);
  });
});
