// The checks of a recap's own text, in one place for every door: the Problems panel and
// `recap lint` (service.lintRecap) and export's preflight all call recapTextChecks, so the
// panel never says "ready" where export would refuse, nor the other way round.

import type { Problem, SiteProfile } from '../../core/contract';
import { lintText } from '../../core/recap/lint';
import { findRecapImages, unreadRecapImages } from './markdown-images';
import type { UnreadRef } from './markdown-images';
import { GENERATOR_NAMES } from '../../core/markdown/site-reading';
import type { MarkdownReading } from '../../core/markdown/site-reading';
import { readingOfPost } from '../../core/markdown/post-reading';
import { dateErrorMsg, dayOf, problemOf } from '../../core/recap/lint-problem';
import { getField } from '../../core/frontmatter/frontmatter';
import { msg } from '../../core/i18n/messages';
import { altTextProblems } from '../../core/recap/recap-content';
import { translationChecks } from '../translation/translation-checks';
import * as path from 'node:path';
import { isJekyllPostName } from '../site/site-rules';
import { jekyllFolderOf } from '../site/profile';
import { jekyllCollectionsDir } from '../site/site-data';
import { siteRootFor } from '../site/profile';
import { siteRootAbove } from '../site/site';

/**
 * lintText plus the checks that need the Markdown parser: alt text of the images it finds, and
 * the Liquid links, MDX images and Hugo figures the post's site publishes as written (a broken image there).
 */
export function recapTextChecks(text: string, profile: SiteProfile): Problem[] {
  // The post's own switches (render_with_liquid, format) as its text says them now.
  const reading = readingOfPost(profile, text);
  const images = findRecapImages(text, profile.photos.coverField, reading).filter((r) => r.field === undefined);
  return [...lintText(text, profile), ...altTextProblems(images), ...unreadRecapImages(text, reading).map((r) => unreadProblem(r, reading))];
}

function unreadProblem(ref: UnreadRef, reading: MarkdownReading): Problem {
  const { generator, switchedBy } = reading;
  const site = generator === null ? '' : GENERATOR_NAMES[generator];
  const at = { line: ref.line, column: ref.column };
  // The path the link renders to is offered as the fix only when it is a plain path: a recap is
  // untrusted, and `{{ site.baseurl }}/../../etc/hostname` must not be answered "link it as /../../etc/hostname".
  const path = plainPath(ref.url) ? ref.url : null;
  if (ref.via === 'shortcode') {
    // Jekyll's Liquid and Docusaurus' MDX both take `{{` for their own code: text at best, a failed build at worst.
    return problemOf('image-unread', 'error', path === null ? msg('lint.image.shortcodeUnreadBare', { site, url: ref.url }) : msg('lint.image.shortcodeUnread', { site, url: ref.url, markdown: `![${ref.alt.replace(/[[\]]/g, '')}](${path})` }), at);
  }
    if (ref.via === 'liquid' && switchedBy !== undefined) {
    return problemOf('image-unread', 'error', path === null ? msg('lint.image.liquidOffBare', { site, switch: switchedBy, written: ref.written }) : msg('lint.image.liquidOff', { site, switch: switchedBy, written: ref.written, path }), at);
  }
  if (ref.via === 'liquid') {
    return problemOf('image-unread', 'error', path === null ? msg('lint.image.liquidUnreadBare', { site, written: ref.written }) : msg('lint.image.liquidUnread', { site, written: ref.written, path }), at);
  }
  if (ref.url === ref.written || path === null) return problemOf('image-unread', 'error', msg('lint.image.mdxUnreadCode', { site, written: ref.written }), at);
  return problemOf('image-unread', 'error', msg('lint.image.mdxUnread', { site, written: ref.written, path }), at);
}

/** A link path with no `..` segment, no backslash, scheme or control character. */
function plainPath(url: string): boolean {
  if (url.includes('\\') || /^[a-z][a-z0-9+.-]*:/i.test(url) || [...url].some((c) => c.charCodeAt(0) < 0x20)) return false;
  return !url.split('/').some((segment) => segment === '..');
}

/**
 * The checks that need to know where the recap is: a Jekyll post's folder and file name, and
 * across languages, for a translation (its images and required fields against its source's, its
 * language folder against the site's).
 */
export function recapPlaceChecks(text: string, recapPath: string, profile: SiteProfile): Problem[] {
  return [...jekyllPlaceProblems(recapPath, profile), ...jekyllNameProblems(text, recapPath, profile), ...translationChecks(text, recapPath, profile)];
}

/**
 * A Jekyll post's file name, as Jekyll reads `_posts/`: a file is a post only where its name
 * starts with its date (YYYY-MM-DD-title.md); Jekyll passes over `kcd.md` without a word. (A
 * name whose date is no day is the date field's error: rulesForPost, lint-frontmatter.)
 */
function jekyllNameProblems(text: string, recapPath: string, profile: SiteProfile): Problem[] {
  if (profile.generator !== 'jekyll' || jekyllFolderOf(recapPath) !== '_posts') return [];
  const name = path.basename(recapPath);
  if (isJekyllPostName(name)) return [];
  const day = dayOf(getField(text, 'date'));
  const example = `${day !== null && dateErrorMsg(day) === null ? day : 'YYYY-MM-DD'}-${name}`;
  return [problemOf('post-place', 'warning', msg('lint.post.jekyllUndatedName', { post: name, example }))];
}

/**
 * A Jekyll post or draft outside the site's `collections_dir` (`_posts/` at the root of a site
 * whose config says `collections_dir: collections`): Jekyll reads its posts and drafts from that
 * folder alone, so this one is never published.
 */
function jekyllPlaceProblems(recapPath: string, profile: SiteProfile): Problem[] {
  if (profile.generator !== 'jekyll') return [];
  const folder = jekyllFolderOf(recapPath);
  const root = folder === null ? null : (siteRootFor(recapPath, profile) ?? siteRootAbove(recapPath));
  const dir = root === null ? null : jekyllCollectionsDir(root);
  if (root === null || dir === null || folder === null) return [];
  const rel = path.relative(root, path.resolve(recapPath)).split(path.sep).join('/');
  if (rel.startsWith(`${dir}/`)) return [];
  return [problemOf('post-place', 'warning', msg('lint.post.outsideCollectionsDir', { post: rel, folder, dir: `${dir}/${folder}/` }))];
}

/** Problems in file order; findings on one line keep front matter first, then columns. */
export function byPosition(a: Problem, b: Problem): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}
