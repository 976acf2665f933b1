// Every site shape of other-sites.ts walked through export as its author does: into its own
// checkout, into a second checkout of the same site (a clone without the post), to a folder and
// to a .zip. Each time the post lands at the path it has in its own site and its images where
// that site keeps them: `git status --porcelain` of the target shows exactly those files, and
// the exported post lints clean where it landed.

import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecapService, type RecapService } from '../../../electron/service/service';
import { listFiles, tempDir } from '../support/site-fixture';
import { docusaurusBlog, docusaurusDatedFolders, docusaurusFlatPosts, hugoDatedBundles, hugoLanguageFolders, hugoPlainBlogLanguages, hugoPlainNews, hugoTomlBundles, jekyllSubfolders, type OtherSite } from '../site/other-sites';
import { readZipEntries } from './read-zip';

let tmp: string;
let service: RecapService;

beforeEach(async () => {
  tmp = await tempDir('checkouts');
  service = createRecapService({ home: path.join(tmp, 'data') });
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'core.fsmonitor=false', '-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd: dir, encoding: 'utf8' });
}

/** Makes `dir` a repository with every file committed. */
function commitAll(dir: string): void {
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'site');
}

/** The target's changes since its commit, one `XY path` a line (untracked files one by one). */
function porcelain(dir: string): string[] {
  return git(dir, 'status', '--porcelain', '--untracked-files=all').split('\n').filter((l) => l !== '').sort();
}

interface Shape {
  name: string;
  make: (root: string) => Promise<OtherSite>;
  /** The post walked, when not the builder's own post. */
  post?: (site: OtherSite) => string;
  /** The post's photos, relative to the site, as its site keeps them. */
  photos: string[];
}

const SHAPES: Shape[] = [
  { name: 'Jekyll, a post in a _posts subfolder (_posts/events/)', make: jekyllSubfolders, photos: ['assets/images/kcd/keynote.jpg'] },
  { name: 'Jekyll, a post in a category folder (events/_posts/)', make: jekyllSubfolders, post: (s) => (s as OtherSite & { categoryPost: string }).categoryPost, photos: [] },
  { name: 'Hugo, a TOML page bundle', make: hugoTomlBundles, photos: ['content/posts/kcd-hangzhou/cover.jpg', 'content/posts/kcd-hangzhou/stage.jpg'] },
  { name: 'Hugo, a JSON page bundle in a language and dated folder', make: hugoDatedBundles, photos: ['content/en/blog/_posts/2023/kcs-shanghai/stage.jpg'] },
  { name: 'Hugo, a YAML news post in its language folder (content/zh/news/)', make: hugoLanguageFolders, photos: ['static/images/news/kcd-shenzhen/hall.jpg'] },
  { name: 'Hugo, a plain-file post (content/news/)', make: hugoPlainNews, photos: [] },
  { name: 'Hugo, a plain-file post in a language folder (content/zh/blog/)', make: hugoPlainBlogLanguages, photos: [] },
  { name: 'Docusaurus, a post in its dated folder', make: docusaurusBlog, photos: ['blog/2024-05-01-kcd-recap/hallway.jpg'] },
  { name: 'Docusaurus, a translation (i18n/zh-CN/…)', make: docusaurusBlog, post: (s) => (s as OtherSite & { translation: string }).translation, photos: ['i18n/zh-CN/docusaurus-plugin-content-blog/2024-05-01-kcd-recap/hallway.jpg'] },
  { name: 'Docusaurus, a post in blog/YYYY/MM/DD/<slug>/', make: docusaurusDatedFolders, photos: ['blog/2024/05/01/kcd/stage.jpg'] },
  { name: 'Docusaurus, a flat post whose site keeps images in static/img/<slug>/', make: docusaurusFlatPosts, photos: ['static/img/kcd/stage.jpg'] },
  { name: 'Docusaurus, a flat post of a site with no hint, its photo linked beside it (./pizza.jpg)', make: docusaurusDatedFolders, post: (s) => (s as OtherSite & { flat: string }).flat, photos: ['blog/pizza.jpg'] },
];

/** The site built twice: the author's checkout and a second clone without the post and its photos. */
async function checkouts(shape: Shape): Promise<{ site: OtherSite; post: string; file: string; clone: string; files: string[] }> {
  const site = await shape.make(path.join(tmp, 'site'));
  const post = shape.post?.(site) ?? site.post;
  const clone = path.join(tmp, 'clone');
  await shape.make(clone);
  const files = [post, ...shape.photos].sort();
  for (const f of files) await fs.rm(path.join(clone, f));
  commitAll(clone);
  return { site, post, file: path.join(site.root, post), clone, files };
}

describe('a post of each site shape, exported as its author does', () => {
  for (const shape of SHAPES) {
    it(shape.name, async () => {
      const { site, post, file, clone, files } = await checkouts(shape);
      const text = `${await fs.readFile(file, 'utf8')}\nOne more line.\n`;
      expect(await service.lintRecap({ text, path: file })).toEqual([]);

      // Into its own checkout: the post changes, nothing else.
      commitAll(site.root);
      const own = await service.exportRecap({ recapPath: file, text, target: { kind: 'site', dir: site.root } });
      expect(own).toMatchObject({ written: true, post, postFrom: 'own', problems: [] });
      expect(porcelain(site.root)).toEqual([` M ${post}`]);

      // Into a second checkout of the site: the same paths as in its own.
      const second = await service.exportRecap({ recapPath: file, text, target: { kind: 'site', dir: clone } });
      expect(second).toMatchObject({ written: true, post, postFrom: 'place', problems: [] });
      expect(porcelain(clone)).toEqual(files.map((f) => `?? ${f}`));
      expect(await fs.readFile(path.join(clone, post), 'utf8')).toBe(text);
      expect(await service.lintRecap({ text, path: path.join(clone, post) })).toEqual([]);

      // To a folder and to a .zip: the same layout.
      const out = path.join(tmp, 'out');
      expect(await service.exportRecap({ recapPath: file, text, target: { kind: 'folder', dir: out } })).toMatchObject({ written: true, post, problems: [] });
      expect(await listFiles(out)).toEqual(files);
      const zip = path.join(tmp, 'recap.zip');
      await service.exportRecap({ recapPath: file, text, target: { kind: 'zip', file: zip } });
      expect((await readZipEntries(zip)).map((e) => e.name).filter((n) => !n.endsWith('/')).sort()).toEqual(files);
    });
  }
});
