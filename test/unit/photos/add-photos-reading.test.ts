// `recap add-photos` links each photo the post does not show yet, and what the post shows is read
// the way its site reads it (core/markdown/post-reading.ts), as lint and the preview read it: on
// Hugo, or on a Jekyll post that turns Liquid off, `{{ site.baseurl }}/…/hall.png` is published as
// written and shows no photo, so the photo gets a link of its own; on Jekyll the Liquid link is
// the photo, and no second link is added. The library is wired as the CLI wires it, on real sites.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serviceInTempDir } from '../support/temp-service';
import { createPhotoLibrary } from '../../../electron/service/photos/photos';
import { profileForRecap } from '../../../electron/service/site/site';
import { png, writeText } from '../support/site-fixture';

const temp = serviceInTempDir('add-photos-reading');

const post = (fields: string[], body: string[]): string => ['---', 'title: KCD', ...fields, '---', '', ...body, ''].join('\n');

/** Adds the photo hall.png to the recap at `file` into its image folder `kcd` (`beside`: its own folder), as `recap add-photos --image-dir kcd --alt Hall` does; the recap's text after. */
async function addHall(file: string, beside = false): Promise<string> {
  const photo = path.join(temp.dir(), 'camera', 'hall.png');
  await png(photo, 1);
  const library = createPhotoLibrary({ cacheDir: path.join(temp.dir(), 'cache'), profileFor: (f) => profileForRecap(f) });
  const result = await library.addPhotosToRecap(file, [photo], { ...(beside ? {} : { imageDir: 'kcd' }), alts: ['Hall'] });
  expect(result.refused).toEqual([]);
  return fs.readFile(file, 'utf8');
}

describe('recap add-photos: what the post already links, read as its site reads it', () => {
  it('Hugo publishes a Liquid link as written: the photo is linked', async () => {
    const root = path.join(temp.dir(), 'hugo');
    await writeText(path.join(root, 'hugo.toml'), 'baseURL = "https://example.org/"\ntitle = "Events"\n');
    const liquid = '![Hall]({{ site.baseurl }}/images/news/kcd/hall.png)';
    const file = await writeText(path.join(root, 'content/en/news/kcd.md'), post([], [liquid]));
    const after = await addHall(file);
    expect(after).toBe(post([], [liquid, '', '![Hall](/images/news/kcd/hall.png)']));
    await fs.access(path.join(root, 'static/images/news/kcd/hall.png'));
  });

  it('Jekyll reads the Liquid link as the photo (nothing added), unless the post says render_with_liquid: no', async () => {
    const root = path.join(temp.dir(), 'jekyll');
    await writeText(path.join(root, '_config.yml'), 'title: KCD\n');
    const liquid = '![Hall]({{ site.baseurl }}/assets/images/kcd/hall.png)';
    const runs = post([], [liquid]);
    const file = await writeText(path.join(root, '_posts/2024-05-01-kcd.md'), runs);
    expect(await addHall(file)).toBe(runs);
    await fs.access(path.join(root, 'assets/images/kcd/hall.png'));

    const off = post(['render_with_liquid: no'], [liquid]);
    await writeText(file, off);
    expect(await addHall(file)).toBe(post(['render_with_liquid: no'], [liquid, '', '![Hall](/assets/images/kcd/hall.png)']));
  });

  // Stack's image hook and Ananke's cover look a bundle's photo up by the name written
  // (`.Resources.GetMatch`), which `./hall.png` never matches: Hugo's photos are linked by their name.
  const beside = [
    { site: 'a Hugo bundle', config: { 'hugo.toml': 'baseURL = "https://example.org/"\n' }, post: 'content/post/kcd/index.md', link: 'hall.png' },
    {
      site: 'a Hugo bundle whose photos are in img/',
      config: { 'hugo.toml': 'baseURL = "https://example.org/"\n', '.recap-studio.yml': 'profile: hugo-bundle\nimages:\n  url: ./img\n' },
      post: 'content/news/kcd/index.md',
      link: 'img/hall.png',
    },
    { site: 'a Docusaurus blog', config: { 'docusaurus.config.js': 'module.exports = { title: "Events" };\n' }, post: 'blog/2024-05-01-kcd/index.md', link: './hall.png' },
  ];
  for (const c of beside) {
    it(`${c.site}: the photo beside the post is linked ${c.link}`, async () => {
      const root = path.join(temp.dir(), c.site.replace(/\W+/g, '-'));
      for (const [name, text] of Object.entries(c.config)) await writeText(path.join(root, name), text);
      const file = await writeText(path.join(root, c.post), post([], ['The day.']));
      expect(await addHall(file, true)).toBe(post([], ['The day.', '', `![Hall](${c.link})`]));
      await fs.access(path.join(path.dirname(file), c.link));
    });
  }
});
