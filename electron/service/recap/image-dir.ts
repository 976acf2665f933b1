// The image folder a recap uses, from the links its text already has. Service-only: it parses
// the Markdown (markdown-images), which the renderer's first paint must not load.

import type { SiteProfile } from '../../core/contract';
import { getField, splitRecap } from '../../core/frontmatter/frontmatter';
import { findImageRefs } from './markdown-images';
import { isSafeImageDir, slugOrNull, stemOf } from '../../core/markdown/photo-names';
import { postVarsFromPath } from '../site/profile';

/**
 * The image folder a recap uses: the one its text already links to (so that new photos join
 * the old ones), else one named after the recap file (the post's slug where the site's layout
 * names it: a Jekyll post `_posts/2021-11-02-kcd-china.md` is `kcd-china`, as its images folder
 * `assets/images/{slug}` is), else after its title, else 'recap'.
 */
export function imageDirFromText(text: string, profile: SiteProfile, recapPath: string | null): string {
  const [before, after = ''] = profile.images.url.split('{imageDir}');
  if (before !== undefined && profile.images.url.includes('{imageDir}')) {
    for (const ref of findImageRefs(splitRecap(text).body)) {
      if (!ref.url.startsWith(before)) continue;
      const rest = ref.url.slice(before.length);
      const slash = rest.indexOf('/');
      if (slash <= 0) continue;
      if (after !== '' && !rest.slice(slash).startsWith(after)) continue;
      let dir = rest.slice(0, slash);
      try {
        dir = decodeURIComponent(dir);
      } catch {
        // A malformed escape: keep the text as written; isSafeImageDir decides.
      }
      if (isSafeImageDir(dir)) return dir;
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
