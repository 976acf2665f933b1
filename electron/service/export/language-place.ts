// A translation exported on its own keeps its language: Docusaurus'
// i18n/<lang>/docusaurus-plugin-content-blog/… post (or Hugo's name.<lang>.md) goes to that
// language's place in the target, beside where the source's post goes, not to the default
// language's. A target whose post pattern names the language ({lang}) places it by itself.

import * as path from 'node:path';
import type { SiteProfile } from '../../core/contract';
import { translationRel } from '../../core/translation/layout';
import { locate } from '../translation/translation';

/**
 * The recap's language, where its post goes beside a new post of the default language, and
 * its source post's path (a translation is named by its source: `index.zh.md` is the bundle
 * `kcd`); null for a post of the default language.
 */
export function translationPlace(recapPath: string, profile: SiteProfile): { lang: string; place: (post: string) => string; sourcePath: string } | null {
  if (profile.post.includes('{lang}')) return null;
  try {
    const { place, site, root } = locate(recapPath, true);
    // Language folders the post pattern names ({lang}) place themselves; content folders of the config's are named here.
    if ((place.layout === 'folder' && place.contentDirs === undefined) || place.lang === site.defaultLang) return null;
    return { lang: place.lang, place: (post) => translationRel({ ...place, source: post }, place.lang, site.defaultLang), sourcePath: path.join(root, ...place.source.split('/')) };
  } catch {
    // Outside a site, or a layout without languages (Jekyll): the post is placed as any other.
    return null;
  }
}
