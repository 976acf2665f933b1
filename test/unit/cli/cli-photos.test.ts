// `recap add-photos` as a user runs it: a child process on real photos in a temp site.

import { promises as fs, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import sharp from 'sharp';
import { runCli, type CliRun } from '../support/cli-run';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
const REFERENCE = readFileSync(path.join(ROOT, 'test/fixtures/kubernetes-community-days-china.md'), 'utf8');

type Run = CliRun;

let tmp: string;
let site: string;
let post: string;
let cache: string;

function recap(...args: string[]): Promise<Run> {
  // The photo trash and thumbnails go to a temp cache, not the developer's ~/.cache.
  return runCli(tmp, args, { XDG_CACHE_HOME: cache });
}

async function camera(name: string, colour: string): Promise<string> {
  const file = path.join(tmp, name);
  await sharp({ create: { width: 3000, height: 2000, channels: 3, background: colour } })
    .jpeg({ quality: 90 })
    .withExif({ IFD0: { Make: 'Canon', Model: 'EOS R6' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '39/1 54/1 0/1' } })
    .withMetadata({ orientation: 6 })
    .toFile(file);
  return file;
}

const imagesDir = (): string => path.join(site, 'static', 'images', 'news', 'kcd-china');

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'recap-cli-photos-'));
  site = path.join(tmp, 'site');
  cache = path.join(tmp, 'cache');
  post = path.join(site, 'content', 'en', 'news', 'kubernetes-community-days-china.md');
  await fs.mkdir(path.dirname(post), { recursive: true });
  await fs.writeFile(post, REFERENCE);
});

afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('recap add-photos', () => {
  it('imports web-ready photos into the site folder the recap links to and links them (exit 0)', async () => {
    const a = await camera('Stage Keynote.JPG', '#335577');
    const b = await camera('crowd.jpg', '#775533');
    const run = await recap('add-photos', post, a, b, '--alt', 'Keynote on the main stage');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('2 photos added, 0 refused');
    expect((await fs.readdir(imagesDir())).sort()).toEqual(['crowd.jpg', 'stage-keynote.jpg']);
    const meta = await sharp(path.join(imagesDir(), 'stage-keynote.jpg')).metadata();
    // Orientation 6 applied: a landscape sensor image comes out portrait, with no EXIF left.
    expect([meta.width, meta.height]).toEqual([1333, 2000]);
    expect(meta.exif).toBeUndefined();
    const text = await fs.readFile(post, 'utf8');
    expect(text.startsWith(REFERENCE.trimEnd())).toBe(true);
    expect(text).toContain('![Keynote on the main stage](/images/news/kcd-china/stage-keynote.jpg)');
    expect(text).toContain('![crowd](/images/news/kcd-china/crowd.jpg)');
    // The originals are only read.
    expect((await sharp(a).metadata()).orientation).toBe(6);
  });

  it('lists each refused file with why, imports the rest, and exits 1', async () => {
    const good = await camera('good.jpg', '#446688');
    const fake = path.join(tmp, 'notes.jpg');
    await fs.writeFile(fake, 'these are my notes, not a photo');
    const empty = path.join(tmp, 'empty.png');
    await fs.writeFile(empty, '');
    const run = await recap('add-photos', post, fake, good, empty, path.join(tmp, 'missing.jpg'));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('1 photo added, 3 refused');
    expect(run.stderr).toContain(`refused ${fake}: notes.jpg is not an image`);
    expect(run.stderr).toMatch(/refused .*empty\.png: empty\.png is empty/);
    expect(run.stderr).toMatch(/refused .*missing\.jpg: .*does not exist/);
    expect(await fs.readdir(imagesDir())).toEqual(['good.jpg']);
  });

  it('reuses a photo imported twice instead of copying or linking it again', async () => {
    const a = await camera('a.jpg', '#123456');
    expect((await recap('add-photos', post, a)).code).toBe(0);
    const once = await fs.readFile(post, 'utf8');
    const again = await recap('add-photos', post, a, '--json');
    expect(again.code).toBe(0);
    const report = JSON.parse(again.stdout) as { imported: Array<{ reused: boolean }>; refused: unknown[] };
    expect(report.imported.map((r) => r.reused)).toEqual([true]);
    expect(report.refused).toEqual([]);
    expect(await fs.readFile(post, 'utf8')).toBe(once);
    expect(await fs.readdir(imagesDir())).toEqual(['a.jpg']);
  });

  it.each([
    [['add-photos'], 'which recap'],
    [['add-photos', 'post.md'], 'which photos'],
    [['add-photos', 'missing.md', 'x.jpg'], 'does not exist'],
    [['add-photos', 'RECAP', 'x.jpg', '--image-dir', '../up'], 'is not a folder name'],
    [['add-photos', 'RECAP', 'x.jpg', '--alt', 'a', '--alt', 'b'], '2 --alts for 1 photo'],
  ])('exits 2 on %j and changes nothing', async (args, message) => {
    const run = await recap(...args.map((a) => (a === 'RECAP' ? post : a)));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(await fs.readFile(post, 'utf8')).toBe(REFERENCE);
    await expect(fs.access(imagesDir())).rejects.toThrow();
  });

  it('--image-dir on a Jekyll post is honoured: the photo and its link use that folder', async () => {
    const blog = path.join(tmp, 'blog');
    const jekyllPost = path.join(blog, '_posts', '2021-11-02-kcd-china.md');
    await fs.mkdir(path.dirname(jekyllPost), { recursive: true });
    await fs.writeFile(path.join(blog, '_config.yml'), 'title: Blog\n');
    await fs.writeFile(jekyllPost, '---\ntitle: "KCD China"\ndate: 2021-11-02\n---\n\nThe day.\n');
    const run = await recap('add-photos', jekyllPost, await camera('stage.jpg', '#224466'), '--image-dir', 'kcd-shanghai');
    expect(run.code).toBe(0);
    expect(await fs.readdir(path.join(blog, 'assets', 'images', 'kcd-shanghai'))).toEqual(['stage.jpg']);
    expect(await fs.readFile(jekyllPost, 'utf8')).toContain('![stage](/assets/images/kcd-shanghai/stage.jpg)');
  });

  it('--image-dir where the site fixes the folder (photos beside the post) exits 2 saying why, and writes nothing', async () => {
    const bundles = path.join(tmp, 'bundles');
    const bundle = path.join(bundles, 'content', 'news', 'kcd-china', 'index.md');
    await fs.mkdir(path.dirname(bundle), { recursive: true });
    await fs.writeFile(path.join(bundles, 'hugo.toml'), 'title = "Bundles"\n');
    await fs.writeFile(path.join(bundles, '.recap-studio.yml'), 'profile: hugo-bundle\n');
    const text = '---\ntitle: "KCD China"\n---\n\nThe day.\n';
    await fs.writeFile(bundle, text);
    const run = await recap('add-photos', bundle, await camera('stage.jpg', '#224466'), '--image-dir', 'elsewhere');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`recap: the image folder of ${bundle} cannot be chosen ("elsewhere"): this site keeps a post’s photos beside it, in the post’s own folder.`);
    expect(await fs.readFile(bundle, 'utf8')).toBe(text);
    expect(await fs.readdir(path.dirname(bundle))).toEqual(['index.md']);
    await expect(fs.access(path.join(bundles, 'elsewhere'))).rejects.toThrow();
  });
});
