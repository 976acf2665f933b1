// The image folder a recap uses, from the links its text already has. Service-only: it parses
// the Markdown (markdown-images), which the renderer's first paint must not load.

import type { PhotoFolderFixed, SiteProfile } from '../../core/contract';
import { RecapError } from '../../core/errors';
import { msg } from '../../core/i18n/messages';
import { getField, splitRecap } from '../../core/frontmatter/frontmatter';
import { addressOf, findImageRefs } from './markdown-images';
import { readingOfPost } from '../../core/markdown/post-reading';
import { isSafeImageDir, slugOrNull, stemOf } from '../../core/markdown/photo-names';
import { imageFolderFor, postVarsFromPath } from '../site/profile';
import { folderOutsideRoots } from '../files/containment';

/**
 * The image folder a recap uses: the one its text already links to (so that new photos join
 * the old ones) unless a link on the way leads out of the site, else one named after the recap
 * file (the post's slug where the site's layout names it: a Jekyll post `_posts/2021-11-02-kcd-china.md` is `kcd-china`, as its images folder
 * `assets/images/{slug}` is), else after its title, else 'recap'.
 */
export function imageDirFromText(text: string, profile: SiteProfile, recapPath: string | null): string {
  const [before, after = ''] = profile.images.url.split('{imageDir}');
  if (before !== undefined && profile.images.url.includes('{imageDir}')) {
    // The links the post shows as its site reads it: a Liquid link on a Hugo post is no folder of
    // its photos; a Chirpy post's `room.png` is in its media_subpath (the address, addressOf).
    for (const ref of findImageRefs(splitRecap(text).body, readingOfPost(profile, text))) {
      const url = addressOf(ref);
      if (!url.startsWith(before)) continue;
      const rest = url.slice(before.length);
      const slash = rest.indexOf('/');
      if (slash <= 0) continue;
      if (after !== '' && !rest.slice(slash).startsWith(after)) continue;
      let dir = rest.slice(0, slash);
      try {
        dir = decodeURIComponent(dir);
      } catch {
        // A malformed escape: keep the text as written; isSafeImageDir decides.
      }
      // A folder a link leads out of the site from is never the recap's: its photos go to one of their own.
      if (isSafeImageDir(dir) && (recapPath === null || folderOutsideRoots(imageFolderFor(recapPath, profile, dir).dir, recapPath, profile) === null)) return dir;
    }
  }
  if (recapPath) {
    const postSlug = slugOrNull(postVarsFromPath(recapPath, profile).slug ?? '');
    if (postSlug) return postSlug;
    const parts = recapPath.split(/[\\/]/).filter((p) => p !== '');
    let stem = stemOf(parts[parts.length - 1] ?? '');
    // A page bundle (`kcd-china/index.md`, its translation `index.zh.md`) is named by its folder, not by "index".
    if (/^_?index(?:\.[A-Za-z][A-Za-z0-9_-]*)?$/i.test(stem)) stem = parts[parts.length - 2] ?? '';
    const slug = slugOrNull(stem);
    if (slug) return slug;
  }
  const title = getField(text, 'title');
  return (typeof title === 'string' ? slugOrNull(title) : null) ?? 'recap';
}

/**
 * Why the site's layout does not let the author name the image folder: the photos sit beside
 * the post, or the profile's folder pattern has no `{imageDir}` (a site's own
 * `.recap-studio.yml` with `assets/images/{slug}`); null when the name is the author's to choose.
 */
export function imageDirFixedBy(profile: SiteProfile): PhotoFolderFixed | null {
  if (profile.images.beside) return 'beside';
  return profile.images.dir.includes('{imageDir}') && profile.images.url.includes('{imageDir}') ? null : 'profile';
}

/** An image folder the author named (the tray's Change…, `--image-dir`): refused where the layout fixes it. */
export function checkImageDirChoice(recapPath: string, profile: SiteProfile, imageDir: string): void {
  if (!isSafeImageDir(imageDir)) throw new RecapError('BAD_REQUEST', msg('error.badImageDir', { name: imageDir }));
  const fixed = imageDirFixedBy(profile);
  if (fixed === 'beside') throw new RecapError('BAD_REQUEST', msg('error.imageDirFixed.beside', { path: recapPath, name: imageDir }));
  if (fixed === 'profile') throw new RecapError('BAD_REQUEST', msg('error.imageDirFixed.profile', { path: recapPath, name: imageDir, profile: profile.name, dir: profile.images.dir }));
}
