// The files of a post's own folder that export does not carry: export copies the post and its
// photos, so a page bundle's `slides.pdf`, its `featured.svg` hero (an SVG can carry scripts:
// never copied) or the photos of a `gallery/` folder the text does not link stay where they are.
// Into the post's own place nothing is lost; anywhere else (a folder, a .zip, another checkout)
// the published page may miss them, and export's checks say which, instead of dropping them
// without a word.

import * as path from 'node:path';
import type { SiteProfile } from '../../core/contract';
import { lstatNow, listNow, realpathOrNull } from './disk';

/** A page of the site (the post itself, its translations, another page), not a file a post carries. */
const PAGE_FILE = /\.(?:md|markdown|mdown|mkd|mdx|mmark|html?|org|adoc|asciidoc|rst|pdc|ipynb)$/i;
/** How deep into a bundle's folders, and how many entries, are looked at. */
const MAX_DEPTH = 3;
const MAX_ENTRIES = 2000;

/**
 * Whether `folder` (the post's photo folder) is the post's own: a page bundle's folder (photos
 * beside an `index.md`), or a folder named for the post (`static/images/news/{imageDir}`). A
 * folder shared by posts (a flat blog's, a fixed `images.dir`) holds other posts' files.
 */
export function ownFolder(recapPath: string, profile: SiteProfile): boolean {
  if (profile.images.beside) return /^_?index\./i.test(path.basename(recapPath)) && profile.images.dir.replace(/^\.\/?/, '') === '';
  return /\{(?:imageDir|slug)\}/.test(profile.images.dir);
}

/**
 * The files under `folder` that export does not carry (paths relative to it, `/`-separated,
 * sorted): not a page, not hidden, not a symlink, not in `carried` (real paths of the files
 * copied or served in place), not in `said` (names the unused-photo check already names). A
 * subfolder that holds a page of its own is another page's bundle, and is passed over.
 */
export function filesLeftBehind(folder: string, carried: (file: string) => boolean, said: ReadonlySet<string>): string[] {
  const real = realpathOrNull(folder);
  if (real === null) return [];
  const out: string[] = [];
  let seen = 0;
  const walk = (dir: string, rel: string, depth: number): void => {
    const names = listNow(dir).filter((n) => !n.startsWith('.'));
    if (depth > 0 && names.some((n) => PAGE_FILE.test(n))) return;
    for (const name of names) {
      if (++seen > MAX_ENTRIES) return;
      const abs = path.join(dir, name);
      const at = rel === '' ? name : `${rel}/${name}`;
      const st = lstatNow(abs);
      if (st === null || st.isSymbolicLink()) continue;
      if (st.isDirectory()) {
        if (depth < MAX_DEPTH) walk(abs, at, depth + 1);
      } else if (st.isFile() && !PAGE_FILE.test(name) && !carried(abs) && !said.has(at)) out.push(at);
    }
  };
  walk(real, '', 0);
  return out.sort();
}
