// A Jekyll site on the Chirpy theme, the most used one: its `_includes/media-url.html` publishes an
// image link without a `:` below the post's `media_subpath` (`room.png` with media_subpath
// /assets/img/htb/BoardLight is /assets/img/htb/BoardLight/room.png), makes a relative one
// site-absolute, and puts it on the site's `cdn` where `_config.yml` names one. Lint, export, the
// tray's uses and the links the app writes read a post so; a plain Jekyll site reads it as before.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { editorBody } from '../../../electron/core/frontmatter/split';
import { photoUseOf, photoUses, replacePhotoUrl } from '../../../electron/core/markdown/photo-text';
import { readingOfPost } from '../../../electron/core/markdown/post-reading';
import { mediaLinkOf, mediaUrlOf } from '../../../electron/core/markdown/site-reading';
import { coverUrl } from '../../../electron/core/recap/cover';
import { detectSite, profileForRecap } from '../../../electron/service/site/site';
import { addedWithCli } from '../support/cli-run';
import { png, treeHash, writeText } from '../support/site-fixture';
import { serviceInTempDir } from '../support/temp-service';

const temp = serviceInTempDir('chirpy-media');

const CHIRPY = 'theme: jekyll-theme-chirpy\ntitle: Notes\n';
const SUB = '/assets/img/htb/BoardLight';

/** A post as Chirpy's users write one (the front matter of a real post): its photos below its media_subpath. */
const boardLight = (subpath: string | null = SUB, body = ''): string =>
  [
    '---',
    'title: BoardLight',
    'date: 2024-09-07 15:55:45 +0200',
    'categories: [HackTheBox]',
    'render_with_liquid: false',
    ...(subpath !== null ? [`media_subpath: ${subpath}`] : []),
    'image: room.png',
    '---',
    '',
    '![Room card](room_card.png){: w="300" h="300" .center}',
    '',
    '![The login page](<Pasted image 20240907155831.png>)',
    '',
    body,
  ].join('\n');

/** A Chirpy site (or any Jekyll site, by `config`) with the post's photos in `SUB`. */
async function site(config = CHIRPY, name = 'site'): Promise<{ root: string; post: string }> {
  const root = path.join(temp.dir(), name);
  await writeText(path.join(root, '_config.yml'), config);
  for (const [i, n] of ['room.png', 'room_card.png', 'Pasted image 20240907155831.png'].entries()) await png(path.join(root, SUB, n), i + 1);
  await png(path.join(root, 'assets/img/avatar.png'), 9);
  const post = await writeText(path.join(root, '_posts/2024-09-07-BoardLight.md'), boardLight());
  return { root, post };
}

const codes = (problems: Array<{ code: string; line?: number | null }>): Array<[string, number | null | undefined]> => problems.filter((p) => p.code.startsWith('image-')).map((p) => [p.code, p.line]);

describe("Chirpy's image addresses", () => {
  it('are made as its media-url.html makes them, and written back so', () => {
    const at = { media: { subpath: SUB } };
    expect(mediaUrlOf('room.png', at)).toBe(`${SUB}/room.png`);
    expect(mediaUrlOf('./shots/a.png?v=2#x', at)).toBe(`${SUB}/shots/a.png?v=2#x`);
    // A site-absolute link goes below it too, as Chirpy publishes it; dot segments as a browser reads them.
    expect(mediaUrlOf('/logo.png', at)).toBe(`${SUB}/logo.png`);
    expect(mediaUrlOf('../../../../logo.png', at)).toBe('/logo.png');
    expect(mediaUrlOf('../../../../../../../etc/passwd', at)).toBe('/etc/passwd');
    // No media_subpath: from the site's root.
    expect(mediaUrlOf('room.png', { media: {} })).toBe('/room.png');
    // A scheme, data: or `//` is left as written; so is every link on another site.
    for (const url of ['https://example.org/a.png', 'data:image/png;base64,AAAA', '//cdn.example/a.png']) expect(mediaUrlOf(url, at)).toBe(url);
    expect(mediaUrlOf('room.png', {})).toBe('room.png');
    // The site's cdn: a URL on it (no file of the repository), or a path of the site.
    expect(mediaUrlOf('room.png', { media: { cdn: 'https://cdn.example/', subpath: SUB } })).toBe(`https://cdn.example${SUB}/room.png`);
    expect(mediaUrlOf('room.png', { media: { cdn: 'media', subpath: 'shots' } })).toBe('/media/shots/room.png');
    // A media_subpath that is a URL: every such link is there.
    expect(mediaUrlOf('/room.png', { media: { subpath: 'https://img.example/htb/' } })).toBe('https://img.example/htb/room.png');

    expect(mediaLinkOf(`${SUB}/room.png`, at)).toBe('room.png');
    expect(mediaLinkOf('/assets/img/avatar.png', at)).toBe('../../../../assets/img/avatar.png');
    expect(mediaLinkOf('/assets/img/avatar.png', { media: {} })).toBe('/assets/img/avatar.png');
    expect(mediaLinkOf('https://example.org/a.png', at)).toBe('https://example.org/a.png');
    for (const url of [`${SUB}/room.png`, '/assets/img/avatar.png', '/a b.png']) expect(mediaUrlOf(mediaLinkOf(url, at), at)).toBe(url);
  });

  it('are read from the site: its theme (or remote_theme) and cdn; a plain Jekyll site has none, and Chirpy puts its baseurl in itself', async () => {
    const chirpy = detectSite((await site()).root);
    expect(chirpy.media).toEqual({});
    expect(detectSite((await site('remote_theme: cotes2020/jekyll-theme-chirpy@v7.1.1\n', 'remote')).root).media).toEqual({});
    expect(detectSite((await site(`${CHIRPY}cdn: "https://chirpy-img.netlify.app"\n`, 'cdn')).root).media).toEqual({ cdn: 'https://chirpy-img.netlify.app' });
    expect(detectSite((await site('theme: minima\n', 'minima')).root).media).toBeUndefined();
    expect(detectSite((await site(`${CHIRPY}baseurl: /notes\n`, 'base')).root).profile.baseUrlPath).toBeUndefined();
    // Its posts' media_subpath shows where a post keeps its photos: a new one goes to such a folder.
    expect(chirpy.profile.images).toMatchObject({ dir: 'assets/img/htb/{imageDir}', url: '/assets/img/htb/{imageDir}' });
    expect(chirpy.profile.rules?.detailsMsg?.map((d) => d.key)).toEqual(expect.arrayContaining(['rules.chirpyMedia', 'rules.chirpyFolder']));
  });

  it('lint finds the photos below the post\'s media_subpath, cover too, and says where it looked for one that is not there; a plain Jekyll site does not', async () => {
    const { root, post } = await site();
    const text = boardLight(SUB, '![Logo](/logo.png)\n\n<img src="room.png" srcset="room.png 2x" alt="Room">\n');
    const { problems } = await temp.lintWritten(post, text);
    // `/logo.png` is /assets/img/htb/BoardLight/logo.png on the published site; a srcset's address Chirpy leaves as written.
    expect(codes(problems)).toEqual([
      ['image-missing', 14],
      ['image-missing', 16],
    ]);
    expect(problems.find((p) => p.line === 14)?.message).toBe(`Image /logo.png does not exist: the Chirpy theme publishes it at ${SUB}/logo.png (looked for ${path.join(root, SUB, 'logo.png')}).`);
    expect(problems.find((p) => p.line === 16)?.message).toContain('room.png');
    expect(codes(await temp.service().lintRecap({ text: boardLight(), path: post }))).toEqual([]);
    // Without a media_subpath: from the site's root.
    const rooted = boardLight(null, '![Avatar](assets/img/avatar.png)\n');
    expect(codes(await temp.service().lintRecap({ text: rooted, path: post }))).toEqual([
      ['image-missing', 6],
      ['image-missing', 9],
      ['image-missing', 11],
    ]);
    // A site-absolute link to a file of the site: the message says what to write to show it, and that is lint clean.
    const avatar = boardLight(SUB, '![Avatar](/assets/img/avatar.png)\n');
    const said = (await temp.service().lintRecap({ text: avatar, path: post })).filter((p) => p.code === 'image-missing');
    expect(said.map((p) => p.message)).toEqual([expect.stringContaining(`To show ${path.join(root, 'assets/img/avatar.png')}, write ../../../../assets/img/avatar.png.`)]);
    // Export's checks say the very same.
    const checked = await temp.service().exportRecap({ recapPath: post, text: avatar, target: { kind: 'folder', dir: path.join(temp.dir(), 'avatar-out') }, dryRun: true });
    expect(checked.problems.filter((p) => p.code === 'image-missing').map((p) => p.message)).toEqual(said.map((p) => p.message));
    expect(codes(await temp.service().lintRecap({ text: avatar.replace('(/assets/img/avatar.png)', '(../../../../assets/img/avatar.png)'), path: post }))).toEqual([]);
    // The same post on a Jekyll site of another theme: its links are beside the post, where nothing is.
    const plain = await site('theme: minima\n', 'minima');
    expect(codes(await temp.service().lintRecap({ text: boardLight(), path: plain.post })).map(([c]) => c)).toEqual(['image-missing', 'image-missing', 'image-missing']);
  });

  it('a hostile media_subpath reads nothing outside the site: `..` stays at its root, a folder linked out is refused', async () => {
    const { root, post } = await site();
    const outside = path.join(temp.dir(), 'outside');
    await png(path.join(outside, 'secret.png'), 4);
    const up = boardLight('/../../../../..' + outside, '![Secret](secret.png)\n');
    const missing = (await temp.service().lintRecap({ text: up, path: post })).filter((p) => p.code === 'image-missing');
    expect(missing.map((p) => p.line)).toEqual([7, 10, 12, 14]);
    for (const p of missing) expect(p.message).toContain(root);
    await fs.symlink(outside, path.join(root, 'assets/img/out'));
    const linked = (await temp.service().lintRecap({ text: boardLight('/assets/img/out', '![Secret](secret.png)\n'), path: post })).filter((p) => p.line === 14);
    expect(linked.map((p) => p.code)).toEqual(['image-refused']);
  });

  it('export into its site changes nothing; to a folder it keeps the photos where the site keeps them and the post as written', async () => {
    const { root, post } = await site();
    const text = boardLight();
    const before = await treeHash(root);
    const inSite = await temp.service().exportRecap({ recapPath: post, text, target: { kind: 'site', dir: root } });
    expect([inSite.written, inSite.problems.filter((p) => p.severity === 'error')]).toEqual([false, []]);
    expect(await treeHash(root)).toBe(before);

    const out = path.join(temp.dir(), 'out');
    const toFolder = await temp.service().exportRecap({ recapPath: post, text, target: { kind: 'folder', dir: out } });
    expect(toFolder.files.map((f) => [f.path, f.status])).toEqual([
      ['_posts/2024-09-07-BoardLight.md', 'added'],
      [`${SUB.slice(1)}/Pasted image 20240907155831.png`, 'added'],
      [`${SUB.slice(1)}/room_card.png`, 'added'],
      [`${SUB.slice(1)}/room.png`, 'added'],
    ]);
    expect(await fs.readFile(path.join(out, '_posts/2024-09-07-BoardLight.md'), 'utf8')).toBe(text);
  });

  it("on a site with a cdn the photos are the CDN's: nothing to check or copy", async () => {
    const { root, post } = await site(`${CHIRPY}cdn: https://cdn.example\n`, 'cdn');
    const text = boardLight(SUB, '![Gone](gone.png)\n');
    expect(codes(await temp.service().lintRecap({ text, path: post }))).toEqual([]);
    const out = path.join(temp.dir(), 'out');
    const report = await temp.service().exportRecap({ recapPath: post, text, target: { kind: 'folder', dir: out } });
    expect(report.files.map((f) => f.path)).toEqual(['_posts/2024-09-07-BoardLight.md']);
    // The site's own CDN is no other website: no "remote image" warning for its photos.
    expect(report.problems.filter((p) => p.code.startsWith('image-'))).toEqual([]);
    expect(await fs.readdir(root)).toContain('_posts');
  });

  it('a photo added goes to the media_subpath folder, linked by its name; a new post without one links its folder site-absolute', async () => {
    const { root, post } = await site();
    const camera = path.join(temp.dir(), 'camera', 'hall.png');
    await png(camera, 6);
    const text = await addedWithCli(post, camera);
    expect(text).toContain('![hall](hall.png)');
    expect(await fs.readdir(path.join(root, SUB))).toContain('hall.png');
    expect(codes(await temp.service().lintRecap({ text, path: post }))).toEqual([]);
    // The tray's folder is the same one, and it counts the links as the photos' uses.
    const folder = await temp.service().photoFolder({ recapPath: post, text });
    expect([folder.imageDir, folder.dir]).toEqual(['BoardLight', path.join(root, SUB)]);
    const uses = photoUses(editorBody(text), readingOfPost(profileForRecap(post), text));
    for (const name of ['hall.png', 'room_card.png', 'Pasted%20image%2020240907155831.png']) expect(photoUseOf(uses, `${SUB}/${name}`), name).toBeDefined();

    const fresh = await writeText(path.join(root, '_posts/2024-10-01-kcd-porto.md'), '---\ntitle: KCD Porto\ndate: 2024-10-01\n---\n\nThe day.\n');
    const added = await addedWithCli(fresh, camera);
    expect(added).toContain('![hall](/assets/img/htb/kcd-porto/hall.png)');
    expect(codes(await temp.service().lintRecap({ text: added, path: fresh }))).toEqual([]);
  });

  it("a cover named in Chirpy's `image:` map (`path`) is the post's cover: checked below the media_subpath, exported, and set by its name", async () => {
    const { root, post } = await site();
    const mapped = boardLight().replace('image: room.png', 'image:\n  path: room.png\n  alt: The room');
    await writeText(post, mapped);
    const profile = profileForRecap(post);
    expect(profile.photos.coverField).toBe('image.path');
    expect(codes(await temp.service().lintRecap({ text: mapped, path: post }))).toEqual([]);
    const gone = mapped.replace('path: room.png', 'path: gone.png');
    const missing = (await temp.service().lintRecap({ text: gone, path: post })).filter((p) => p.code === 'image-missing');
    expect(missing.map((p) => p.message)).toEqual([expect.stringContaining(`looked for ${path.join(root, SUB, 'gone.png')}`)]);
    // Export's checks say the same.
    const refused = await temp.service().exportRecap({ recapPath: post, text: gone, target: { kind: 'folder', dir: path.join(temp.dir(), 'refused') } });
    expect(refused.problems.filter((p) => p.code === 'image-missing').map((p) => p.message)).toEqual([`Image gone.png does not exist: the Chirpy theme publishes it at ${SUB}/gone.png (looked for ${path.join(root, SUB, 'gone.png')}).`]);
    const out = path.join(temp.dir(), 'out');
    const report = await temp.service().exportRecap({ recapPath: post, text: mapped, target: { kind: 'folder', dir: out } });
    expect(report.files.map((f) => f.path)).toContain(`${SUB.slice(1)}/room.png`);
    expect(coverUrl(`${SUB}/room_card.png`, readingOfPost(profile, mapped))).toBe('room_card.png');
  });

  it('the tray writes a replaced photo and the cover below the media_subpath', async () => {
    const { post } = await site();
    const text = boardLight();
    const reading = readingOfPost(profileForRecap(post), text);
    const body = replacePhotoUrl(editorBody(text), `${SUB}/room_card.png`, `${SUB}/room_card.jpg`, reading, mediaLinkOf(`${SUB}/room_card.jpg`, reading));
    expect(body).toContain('![Room card](room_card.jpg){: w="300" h="300" .center}');
    expect(coverUrl(`${SUB}/room.png`, reading)).toBe('room.png');
    expect(coverUrl('/assets/img/avatar.png', readingOfPost(profileForRecap(post), boardLight(null)))).toBe('/assets/img/avatar.png');
  });
});
