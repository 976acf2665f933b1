// The image folder the author picks in the photo tray (Change…): honoured where the site's layout
// lets a post name it (Hugo news, Jekyll), refused with the reason where the layout fixes it
// (photos beside the post, a profile whose folder pattern has no {imageDir}).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecapService } from '../../../electron/service/service';
import { formatMsg } from '../../../electron/core/i18n/messages';
import { RecapError } from '../../../electron/core/errors';
import { png, tempDir, writeText } from '../support/site-fixture';
import { refusal } from '../support/refusal';

let tmp: string;
beforeEach(async () => {
  tmp = await tempDir('image-folder');
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

const POST = '---\ntitle: "KCD China"\ndate: 2021-11-02\n---\n\nThe day in photos.\n';

async function photoBytes(name: string): Promise<string> {
  const file = path.join(tmp, 'camera', name);
  await png(file, name.length);
  return (await fs.readFile(file)).toString('base64');
}

describe('the photo folder a Jekyll post uses', () => {
  it("is named after the post's slug, and the author's choice is honoured: the photo, its link and the export agree", async () => {
    const site = path.join(tmp, 'blog');
    await writeText(path.join(site, '_config.yml'), 'title: Blog\n');
    const post = await writeText(path.join(site, '_posts', '2021-11-02-kcd-china.md'), POST);
    const service = createRecapService();

    const first = await service.photoFolder({ recapPath: post, text: POST });
    expect(first).toEqual({ imageDir: 'kcd-china', dir: path.join(site, 'assets', 'images', 'kcd-china'), url: '/assets/images/kcd-china', fixed: null });

    const chosen = await service.photoFolder({ recapPath: post, text: POST, imageDir: 'kcd-shanghai' });
    expect(chosen).toEqual({ imageDir: 'kcd-shanghai', dir: path.join(site, 'assets', 'images', 'kcd-shanghai'), url: '/assets/images/kcd-shanghai', fixed: null });

    const imported = await service.importPhoto({ recapPath: post, imageDir: chosen.imageDir, source: { name: 'Stage.png', dataBase64: await photoBytes('stage.png') } });
    expect(imported.photo.localPath).toBe(path.join(site, 'assets', 'images', 'kcd-shanghai', 'stage.png'));
    expect(imported.markdown).toBe('![Stage](/assets/images/kcd-shanghai/stage.png)');

    // Once the text links there, the folder is that one; the export writes the photo there too.
    const text = `${POST}\n${imported.markdown}\n`;
    expect((await service.photoFolder({ recapPath: post, text })).imageDir).toBe('kcd-shanghai');
    const out = path.join(tmp, 'out');
    const report = await service.exportRecap({ recapPath: post, text, target: { kind: 'folder', dir: out } });
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(await fs.readFile(path.join(out, '_posts', '2021-11-02-kcd-china.md'), 'utf8')).toContain('](/assets/images/kcd-shanghai/stage.png)');
    expect((await fs.stat(path.join(out, 'assets', 'images', 'kcd-shanghai', 'stage.png'))).isFile()).toBe(true);
  });
});

describe('a photo folder the site fixes', () => {
  it('beside the post (a Hugo page bundle): no choice, and a choice is refused saying why', async () => {
    const site = path.join(tmp, 'bundles');
    await writeText(path.join(site, 'hugo.toml'), 'title = "Bundles"\n');
    await writeText(path.join(site, '.recap-studio.yml'), 'profile: hugo-bundle\n');
    const post = await writeText(path.join(site, 'content', 'news', 'kcd-china', 'index.md'), POST);
    const service = createRecapService();
    const folder = await service.photoFolder({ recapPath: post, text: POST });
    expect(folder).toMatchObject({ dir: path.dirname(post), fixed: 'beside' });

    const err = await service.photoFolder({ recapPath: post, text: POST, imageDir: 'elsewhere' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RecapError);
    const { code, msg } = err as RecapError;
    expect(code).toBe('BAD_REQUEST');
    expect(formatMsg('en', msg!)).toBe(`The image folder of ${post} cannot be chosen ("elsewhere"): this site keeps a post’s photos beside it, in the post’s own folder.`);
    expect(formatMsg('zh-CN', msg!)).toContain('文章自己的文件夹');
  });

  it("a site's profile whose folder pattern has no {imageDir}: no choice, and a choice is refused naming the pattern", async () => {
    const site = path.join(tmp, 'fixed');
    await writeText(path.join(site, '_config.yml'), 'title: Blog\n');
    await writeText(path.join(site, '.recap-studio.yml'), 'profile: jekyll\nimages:\n  dir: assets/img/{slug}\n  url: /assets/img/{slug}\n');
    const post = await writeText(path.join(site, '_posts', '2021-11-02-kcd-china.md'), POST);
    const service = createRecapService();
    expect(await service.photoFolder({ recapPath: post, text: POST })).toMatchObject({ dir: path.join(site, 'assets', 'img', 'kcd-china'), url: '/assets/img/kcd-china', fixed: 'profile' });
    expect(await refusal(service.photoFolder({ recapPath: post, text: POST, imageDir: 'kcd-shanghai' }))).toBe(
      `BAD_REQUEST: The image folder of ${post} cannot be chosen ("kcd-shanghai"): the site’s profile jekyll sets it (assets/img/{slug}).`,
    );
  });
});
