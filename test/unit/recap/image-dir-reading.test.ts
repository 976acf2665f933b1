// The image folder a recap's new photos go to is the one its links already use (imageDirFromText),
// and those links are read the way the post's site reads them: a Liquid link on a Hugo post, or on
// a Jekyll post that turns Liquid off, names no folder of its photos (the site publishes it as
// written), so the folder is the post's own slug; on Jekyll the Liquid link's folder is kept.
// Real posts in real site folders in a temp dir, each with the profile its site gives it.

import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serviceInTempDir } from '../support/temp-service';
import { imageDirFromText } from '../../../electron/service/recap/image-dir';
import { profileForRecap } from '../../../electron/service/site/site';
import { writeText } from '../support/site-fixture';

const temp = serviceInTempDir('image-dir-reading');

const post = (fields: string[], body: string[]): string => ['---', 'title: KCD', ...fields, '---', '', ...body, ''].join('\n');

/** The image folder of the post at `file` with `text`, as the tray, add-photos and export guess it. */
async function folderOf(file: string, text: string): Promise<string> {
  await writeText(file, text);
  return imageDirFromText(text, profileForRecap(file), file);
}

describe('the image folder guessed from the links, read as the site reads them', () => {
  it('Hugo: a Liquid link names no folder; a plain link to the same place does', async () => {
    const root = path.join(temp.dir(), 'hugo');
    await writeText(path.join(root, 'hugo.toml'), 'baseURL = "https://example.org/"\ntitle = "Events"\n');
    const file = path.join(root, 'content/en/news/kcd-recap.md');
    expect(await folderOf(file, post([], ['![Hall]({{ site.baseurl }}/images/news/old-folder/hall.png)']))).toBe('kcd-recap');
    expect(await folderOf(file, post([], ['![Hall](/images/news/old-folder/hall.png)']))).toBe('old-folder');
  });

  it('Jekyll: the Liquid link is its folder, unless the post says render_with_liquid: false', async () => {
    const root = path.join(temp.dir(), 'jekyll');
    await writeText(path.join(root, '_config.yml'), 'title: KCD\n');
    const file = path.join(root, '_posts/2024-05-01-kcd-recap.md');
    const body = ['![Hall]({{ site.baseurl }}/assets/images/old-folder/hall.png)'];
    expect(await folderOf(file, post([], body))).toBe('old-folder');
    expect(await folderOf(file, post(['render_with_liquid: false'], body))).toBe('kcd-recap');
  });
});
