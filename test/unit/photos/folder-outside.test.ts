// A site checkout is untrusted too: a contributor's pull request can carry a symlink
// (`static/images/news/evil -> /somewhere`). The photo tools never list from, nor write into, an
// image folder that a link on the way leads out of the site's public folder and the recap's own
// folder; the folder the text suggests is not taken when it leads out.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecapService } from '../../../electron/service/service';
import { createPhotoLibrary } from '../../../electron/service/photos/photos';
import { png, tempDir, writeText } from '../support/site-fixture';
import { refusal } from '../support/refusal';

let tmp: string;
beforeEach(async () => {
  tmp = await tempDir('folder-outside');
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

const post = (link: string): string => `---\ntitle: "KCD China"\ncreateTime: "2021-11-02"\n---\n\n![stage](${link})\n`;

/** A Hugo news site whose `static/images/news/evil` leads to a folder outside it. */
async function hostileSite(): Promise<{ site: string; outside: string; recap: string; text: string }> {
  const site = path.join(tmp, 'site');
  await writeText(path.join(site, 'hugo.toml'), 'title = "Community"\n');
  const outside = path.join(tmp, 'outside');
  await fs.mkdir(outside, { recursive: true });
  await png(path.join(outside, 'secret.png'), 3);
  await fs.mkdir(path.join(site, 'static', 'images', 'news'), { recursive: true });
  await fs.symlink(outside, path.join(site, 'static', 'images', 'news', 'evil'));
  const text = post('/images/news/evil/secret.png');
  const recap = await writeText(path.join(site, 'content', 'en', 'news', 'kcd-china.md'), text);
  return { site, outside, recap, text };
}

async function photoBytes(): Promise<string> {
  const file = path.join(tmp, 'camera', 'stage.png');
  await png(file, 5);
  return (await fs.readFile(file)).toString('base64');
}

describe('an image folder a link leads out of the site', () => {
  it('is not the folder the text suggests: the recap gets a folder of its own inside the site', async () => {
    const { site, recap, text } = await hostileSite();
    const service = createRecapService();
    const folder = await service.photoFolder({ recapPath: recap, text });
    expect(folder.imageDir).toBe('kcd-china');
    expect(folder.dir).toBe(path.join(site, 'static', 'images', 'news', 'kcd-china'));
  });

  it('named by the author, is refused for listing and import, and nothing is written through it', async () => {
    const { outside, recap } = await hostileSite();
    const service = createRecapService();
    const listed = await refusal(service.listPhotos({ recapPath: recap, imageDir: 'evil' }));
    expect(listed).toMatch(/^BAD_REQUEST: The image folder \/images\/news\/evil leads to .*outside, outside the site's public folder and the recap's own folder/);
    const imported = await refusal(service.importPhoto({ recapPath: recap, imageDir: 'evil', source: { name: 'Stage.png', dataBase64: await photoBytes() } }));
    expect(imported).toMatch(/^BAD_REQUEST: The image folder \/images\/news\/evil leads to /);
    expect((await fs.readdir(outside)).sort()).toEqual(['secret.png']);
  });

  it('refuses a folder whose parent on the way leads out, and a dangling link; a folder not made yet inside the site is fine', async () => {
    const { site, outside, recap } = await hostileSite();
    const service = createRecapService();
    // static/images/news itself replaced by a link out: every folder below it is outside.
    const news = path.join(site, 'static', 'images', 'news');
    await fs.rm(news, { recursive: true });
    await fs.symlink(outside, news);
    expect(await refusal(service.listPhotos({ recapPath: recap, imageDir: 'kcd-china' }))).toMatch(/^BAD_REQUEST: The image folder \/images\/news\/kcd-china leads to /);
    // A dangling link: nothing is made through it.
    await fs.rm(news);
    await fs.mkdir(news);
    await fs.symlink(path.join(tmp, 'nowhere', 'dir'), path.join(news, 'gone'));
    expect(await refusal(service.importPhoto({ recapPath: recap, imageDir: 'gone', source: { name: 'Stage.png', dataBase64: await photoBytes() } }))).toMatch(/^BAD_REQUEST: The image folder \/images\/news\/gone leads to /);
    await expect(fs.stat(path.join(tmp, 'nowhere'))).rejects.toThrow();
    // A new folder inside the site: made and written as usual.
    const imported = await service.importPhoto({ recapPath: recap, imageDir: 'kcd-shanghai', source: { name: 'Stage.png', dataBase64: await photoBytes() } });
    expect(imported.photo.localPath).toBe(path.join(news, 'kcd-shanghai', 'stage.png'));
  });

  it("a site's static/ (or a folder its config serves, or mounts) that is itself a link out: its links are refused, no photo is listed from or written through it", async () => {
    const { site, outside, recap } = await hostileSite();
    const text = post('/secret.png');
    const service = createRecapService();
    const refusedLink = async (): Promise<string[]> => (await service.lintRecap({ path: recap, text })).map((p) => `${p.code}: ${p.message}`);
    await fs.rm(path.join(site, 'static'), { recursive: true });
    await fs.symlink(outside, path.join(site, 'static'));
    expect(await refusedLink()).toEqual([expect.stringMatching(/^image-refused: The image \/secret.png on line 6 is a link to .*outside\/secret.png, outside the site's public folder \(.*site\/static\)/)]);
    const [shown] = await service.resolveImages({ recapPath: recap, urls: ['/secret.png'] });
    expect(shown?.src).toBeNull();
    expect(await refusal(service.importPhoto({ recapPath: recap, imageDir: 'kcd-china', source: { name: 'Stage.png', dataBase64: await photoBytes() } }))).toMatch(/^BAD_REQUEST: The image folder \/images\/news\/kcd-china leads to /);
    // The folder the config names instead (staticDir), and a Hugo mount of it, linked out the same way.
    await fs.rm(path.join(site, 'static'));
    await fs.symlink(outside, path.join(site, 'shared'));
    for (const config of ['title = "Community"\nstaticDir = ["shared"]\n', 'title = "Community"\n[[module.mounts]]\nsource = "shared"\ntarget = "static"\n', 'title = "Community"\n[[module.mounts]]\nsource = "shared"\ntarget = "static/x"\n']) {
      await writeText(path.join(site, 'hugo.toml'), config);
      const [code] = (await service.lintRecap({ path: recap, text: config.includes('static/x') ? post('/x/secret.png') : text })).map((p) => p.code);
      expect([config, code]).toEqual([config, 'image-refused']);
    }
    expect((await fs.readdir(outside)).sort()).toEqual(['secret.png']);
  });

  it('a link inside the site (one folder of the site pointing at another) stays usable', async () => {
    const { site, recap } = await hostileSite();
    const shared = path.join(site, 'static', 'images', 'shared');
    await fs.mkdir(shared, { recursive: true });
    await fs.symlink(shared, path.join(site, 'static', 'images', 'news', 'alias'));
    const service = createRecapService();
    const imported = await service.importPhoto({ recapPath: recap, imageDir: 'alias', source: { name: 'Stage.png', dataBase64: await photoBytes() } });
    expect(imported.markdown).toBe('![Stage](/images/news/alias/stage.png)');
    expect((await fs.readdir(shared)).sort()).toEqual(['stage.png']);
    expect((await service.listPhotos({ recapPath: recap, imageDir: 'alias' })).map((p) => p.name)).toEqual(['stage.png']);
  });

  it('lists no file of the folder that is a link out of it (nor reads it), and lists a link to a photo beside it', async () => {
    const { site, outside, recap } = await hostileSite();
    const folder = path.join(site, 'static', 'images', 'news', 'kcd-china');
    await png(path.join(folder, 'stage.png'), 4);
    await fs.symlink(path.join(outside, 'secret.png'), path.join(folder, 'secret.png'));
    await fs.symlink(path.join(folder, 'stage.png'), path.join(folder, 'stage-again.png'));
    await writeText(path.join(folder, '.hidden.png'), 'x');
    await fs.symlink(path.join(folder, '.hidden.png'), path.join(folder, 'shown.png'));
    const service = createRecapService();
    expect((await service.listPhotos({ recapPath: recap, imageDir: 'kcd-china' })).map((p) => p.name)).toEqual(['stage-again.png', 'stage.png']);
    // The same bytes as the linked-out secret: not taken for a copy already there (never hashed), written anew.
    const imported = await service.importPhoto({ recapPath: recap, imageDir: 'kcd-china', source: { name: 'Secret.png', dataBase64: (await fs.readFile(path.join(outside, 'secret.png'))).toString('base64') } });
    expect(imported.photo.name).toBe('secret-2.png');
    expect((await fs.lstat(path.join(folder, 'secret.png'))).isSymbolicLink()).toBe(true);
    // A dangling link keeps its name too: a new photo never replaces what the site has there.
    await fs.symlink(path.join(tmp, 'nowhere.png'), path.join(folder, 'gone.png'));
    const gone = await service.importPhoto({ recapPath: recap, imageDir: 'kcd-china', source: { name: 'Gone.png', dataBase64: await photoBytes() } });
    expect(gone.photo.name).toBe('gone-2.png');
    expect((await fs.lstat(path.join(folder, 'gone.png'))).isSymbolicLink()).toBe(true);
  });

  it("reads a site's file by its real path without following a link put in its place (the tray's copy of a linked photo)", async () => {
    const { site, outside, recap } = await hostileSite();
    // What the tray resolved as static/images/shared/logo.png, swapped for a link out before the read.
    const shared = path.join(site, 'static', 'images', 'shared');
    await fs.mkdir(shared, { recursive: true });
    await fs.symlink(path.join(outside, 'secret.png'), path.join(shared, 'logo.png'));
    const library = createPhotoLibrary({ cacheDir: path.join(tmp, 'cache') });
    const swapped = await refusal(library.importPhoto({ recapPath: recap, imageDir: 'kcd-china', source: { path: path.join(shared, 'logo.png'), noFollow: true } as { path: string } }));
    expect(swapped).toBe('BAD_PHOTO: logo.png is not a regular file.');
    // The author's own pick may be a link: followed.
    const picked = await library.importPhoto({ recapPath: recap, imageDir: 'kcd-china', source: { path: path.join(shared, 'logo.png') } });
    expect(picked.photo.name).toBe('logo.png');
  });
});
