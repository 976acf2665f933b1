// The lint findings about a recap's images on disk: each local link (Markdown, HTML <img> and
// srcset, the cover field) resolved under the containment rule. A refused link is reported
// with its line and the reason, and nothing behind it is read. A photo a plain-file Hugo post or
// a Jekyll post links beside itself is a warning: the site publishes nothing there (export into
// the site fixes it); so is a site-absolute link without the baseurl its Jekyll site is under.

import type { MarkdownReading, Problem, SiteProfile } from '../../core/contract';
import * as path from 'node:path';
import { isInside, lookedUpAs, missingImageMsg, missingMatchMsg, NOT_AN_IMAGE_ADVICE, plainHugoPost, refusedImageMsg, resolveImage, resolveRef, RootsCache, type AssetsAdvice } from '../files/containment';
import { misnamedImage, notAnImage, probeImage } from '../files/image-file';
import { WEB_IMAGE_TYPES } from '../files/image-header';
import { siteRootFor } from '../site/profile';
import { siteRootAbove } from '../site/site';
import { jekyllFolderOf } from '../site/profile';
import { msg, type Msg } from '../../core/i18n/messages';
import { problemOf, type ProblemPlace } from '../../core/recap/lint-problem';
import { addressOf, findRecapImages, type RecapImageRef } from './markdown-images';
import { readingOfPost } from '../../core/markdown/post-reading';
import { escapeAlt, linkedAs, photoInsertText, photoMarkdown } from '../../core/markdown/photo-text';
import { mediaLinkOf } from '../../core/markdown/site-reading';
import { linkedAddress, plainPageOf, publishedAddress } from './hugo-siblings';

/**
 * What to write for a link whose file is in the Hugo site's assets/, where Hugo does not look it
 * up (`inAssets`, see resolveImage), and what does look there (`readers`): a Markdown image where
 * the site's image render hook reads those at assets/<name> (a raw <img> is never read by it),
 * else Hugo's figure, unless the site's own figure shows its src as written (figureAsWritten).
 * None for the cover field, nor where nothing reads assets/<name>.
 */
export function assetsAdvice(ref: Pick<RecapImageRef, 'url' | 'alt' | 'source' | 'field'>, reading: MarkdownReading, inAssets: string | undefined): AssetsAdvice | undefined {
  if (inAssets === undefined || ref.field !== undefined) return undefined;
  // Terminal's hook looks below the page's folder (hookPageDirs), not at assets/<name>.
  const markdown = reading.imageHook === true && reading.hookPageDirs === undefined;
  const figure = reading.figureAsWritten !== true;
  if (markdown && (ref.source !== 'markdown' || !figure)) return { file: inAssets, write: photoMarkdown(ref.alt, ref.url), readers: figure ? 'hook' : 'markdown' };
  return figure ? { file: inAssets, write: photoInsertText(ref.alt, ref.url, 'figure', reading), readers: markdown ? 'hook' : 'figure' } : undefined;
}

/**
 * A post beside which its site publishes no file, so a photo its text links beside it shows here
 * and is missing on the site: a Hugo post that is a plain file (content/…/<name>.md, not a
 * bundle's index.md), or a Jekyll post in a `_posts` folder or a draft in `_drafts` (Jekyll
 * copies nothing out of either, unless the site uses the jekyll-postfiles plugin). Its folder and
 * what to say of such a photo (`file`: where the link finds it), null where it shows: on a Hugo
 * site whose image hook links a plain page's photos up one level (Hextra's), one at the address
 * Hugo publishes it (hugo-siblings.ts). Null for any other recap.
 */
function unpublishedBeside(recapPath: string, text: string, profile: SiteProfile): { dir: string; say: (url: string, file: string, field?: string) => Msg | null } | null {
  const dir = path.dirname(path.resolve(recapPath));
  const post = path.basename(recapPath);
  if (profile.generator === 'hugo') {
    if (!plainHugoPost(recapPath, profile)) return null;
    // Shown where the address the link asks for (up one level on Hextra) is where Hugo publishes the file (hugo-siblings.ts).
    const page = plainPageOf(recapPath, text, profile);
    // A field's photo: a plain page has no resources, so its theme reads it from the site's root.
    const field = (url: string, name: string): Msg => msg('lint.image.fieldBesidePlainPost', { url, post, field: name });
    if (page === null) return { dir, say: (url, _file, name) => (name !== undefined ? field(url, name) : msg('lint.image.besidePlainPost', { url, post })) };
    return {
      dir,
      say: (url, file, name) => {
        if (name !== undefined) return field(url, name);
        const linked = linkedAddress(page, url);
        const published = publishedAddress(page, file);
        if (published === linked) return null;
        return msg(page.upOneLevel ? 'lint.image.besideElsewhere' : 'lint.image.besidePlainPostAt', { url, post, page: page.page, linked, published: published ?? file });
      },
    };
  }
  // A post in `_posts/`, or a draft in `_drafts/` (whose place the site's post layout does not name).
  const folder = profile.generator === 'jekyll' ? jekyllFolderOf(recapPath) : null;
  if (folder === null || profile.postFiles === true || (siteRootFor(recapPath, profile) ?? siteRootAbove(recapPath)) === null) return null;
  return { dir, say: (url) => msg('lint.image.besideJekyllPost', { url, post, dir: folder, folder: `${profile.images.dir.split('{')[0] ?? ''}…` }) };
}

/**
 * On a site published under a base path (SiteProfile.baseUrlPath: Jekyll's baseurl, Hugo's
 * baseURL), a site-absolute link written without it (`/assets/a.png`, not
 * `{{ site.baseurl }}/assets/a.png` or `/events/assets/a.png`) is missing on the published site: a
 * warning saying what to write. The cover field is left alone (themes put the base before it).
 */
export function baseUrlProblems(text: string, profile: SiteProfile, refs?: readonly RecapImageRef[]): Problem[] {
  // A draft for a site is published by that site's generator (its rules say which).
  const generator = profile.rules?.siteGenerator ?? profile.generator;
  const tagBase = generator === 'docusaurus' ? profile.tagBaseUrlPath : undefined;
  if (tagBase !== undefined) return tagBaseProblems(text, profile, tagBase, refs);
  const base = profile.baseUrlPath;
  if (base === undefined) return [];
  const hugo = generator === 'hugo';
  const reading = readingOfPost(profile, text);
  // Chirpy puts the base before every image address itself (mediaUrlOf): no link writes it.
  if (reading.media !== undefined) return [];
  const out: Problem[] = [];
  for (const ref of refs ?? findRecapImages(text, null, reading)) {
    const url = ref.url.trim();
    if (ref.field !== undefined || !url.startsWith('/') || url.startsWith('//') || url.startsWith(`/${base}/`)) continue;
    // A theme's figure include puts its value through relative_url, which writes the base.
    if (ref.include !== undefined) continue;
    if (ref.liquid !== undefined) {
      // Liquid that puts the base in (`{{ site.baseurl }}`, `relative_url`, `absolute_url`) is right;
      // `{{ site.url }}/a.png` (or `prepend: site.url`) is the site's host without it.
      if (!/\bsite\.url\b/.test(ref.liquid) || /\bsite\.baseurl\b|\b(?:relative|absolute)_url\b/.test(ref.liquid)) continue;
      out.push(problemOf('image-baseurl', 'warning', msg('lint.image.noBaseUrl', { url: ref.liquid, base: `/${base}/`, fix: `{{ "${url}" | absolute_url }}` }), { line: ref.line, column: ref.column }));
      continue;
    }
    // Hugo looks a figure's src (and a Markdown image its image render hook reads) up in its
    // assets/ first and publishes one found there at an address with the base: not warned.
    if (hugo && ref.figure === true) continue;
    const said = { url, base: `/${base}/`, fix: linkedAs(url, reading, base) };
    out.push(problemOf('image-baseurl', 'warning', hugo ? msg('lint.image.noBaseUrlHugo', said) : msg('lint.image.noBaseUrl', said), { line: ref.line, column: ref.column }));
  }
  return out;
}

/**
 * On a Docusaurus site published under its baseUrl (SiteProfile.tagBaseUrlPath), an `<img>` tag
 * (or a srcset) whose src starts with `/` but not with the base: Docusaurus bundles a Markdown
 * image and links it under the base, but leaves a tag's src as written, so the published site
 * shows it missing. A src written in code (`require`, an import, `useBaseUrl`) is no such link.
 * The other way round, a Markdown image with the base written out is looked for under it.
 */
function tagBaseProblems(text: string, profile: SiteProfile, base: string, refs?: readonly RecapImageRef[]): Problem[] {
  const out: Problem[] = [];
  for (const ref of refs ?? findRecapImages(text, null, readingOfPost(profile, text))) {
    const url = ref.url.trim();
    // Code (useBaseUrl, require) links the file as the site serves it, base and all.
    if (ref.field !== undefined || ref.code !== undefined || !url.startsWith('/') || url.startsWith('//')) continue;
    const withBase = url.startsWith(`/${base}/`);
    const at = { line: ref.line, column: ref.column };
    // A Markdown image is bundled: Docusaurus puts the base before it itself.
    if (ref.source === 'markdown' && withBase) out.push(problemOf('image-baseurl', 'warning', msg('lint.image.markdownBaseUrl', { url, base: `/${base}/`, fix: url.slice(base.length + 1) }), at));
    else if (ref.source !== 'markdown' && !withBase) out.push(problemOf('image-baseurl', 'warning', msg('lint.image.tagBaseUrl', { url, base: `/${base}/`, alt: escapeAlt(ref.alt) }), at));
  }
  return out;
}

/**
 * A Chirpy post's site-absolute link that its theme publishes below the post's media_subpath,
 * where nothing is, while the link as written names a file of the site: what to write to show it
 * (mediaLinkOf, the way up out of the media_subpath). PaperMod's cover (MarkdownReading.pageCover),
 * looked for at the root without its flag: the flag (`flag`), and to set it where the photo is
 * beside a bundle's post. Empty where there is none.
 */
export function mediaFix(ref: RecapImageRef, recapPath: string, profile: SiteProfile, roots: RootsCache, reading: MarkdownReading): { fix?: { file: string; write: string }; flag?: string } {
  const url = ref.url.trim();
  // PaperMod's cover without `cover.relative: true` is the root's: the flag shows a bundle's own photo.
  const page = reading.pageCover;
  if (page !== undefined && ref.field === page.field) {
    const hit = plainHugoPost(recapPath, profile) ? null : resolveImage(url, recapPath, [profile], roots, 'cover');
    const own = hit?.kind === 'found' && isInside(path.dirname(path.resolve(recapPath)), hit.file) ? hit.file : null;
    return { flag: page.flag, ...(own !== null ? { fix: { file: own, write: `${page.flag}: true` } } : {}) };
  }
  if (!url.startsWith('/') || url.startsWith('//')) return {};
  const hit = resolveImage(url, recapPath, [profile], roots, lookedUpAs(ref));
  return hit.kind === 'found' ? { fix: { file: hit.file, write: mediaLinkOf(url, reading) } } : {};
}

/**
 * What the file a link finds is, as export judges it (image-file.ts): named as a photo but not
 * one (text, an empty file, a photo over the limit) is an error, as export refuses to copy it
 * and the page shows no image; a photo of another type than its name says, a warning. A file of
 * another kind (the site's own logo.svg) is no photo to judge.
 */
function fileProblems(ref: RecapImageRef, file: string, profile: SiteProfile, at: ProblemPlace): Problem[] {
  if (WEB_IMAGE_TYPES[path.extname(file).toLowerCase()] === undefined) return [];
  const probed = probeImage(file);
  if (probed === null) return [];
  const notImage = notAnImage(probed, file, profile);
  if (notImage !== null) return [problemOf('image-refused', 'error', refusedImageMsg(ref.url, ref.line, notImage, ref.field, NOT_AN_IMAGE_ADVICE), at)];
  const misnamed = misnamedImage(probed, file);
  return misnamed ? [problemOf('image-misnamed', 'warning', msg('lint.image.misnamed', misnamed), at)] : [];
}

export function imageProblems(text: string, recapPath: string, profile: SiteProfile): Problem[] {
  const problems: Problem[] = [];
  const roots = new RootsCache();
  const reading = readingOfPost(profile, text);
  const unpublished = unpublishedBeside(recapPath, text, profile);
  const refs = findRecapImages(text, profile.photos.coverField, reading);
  for (const ref of refs) for (const hit of resolveRef(ref, recapPath, [profile], roots)) {
    const at = ref.field !== undefined ? { line: ref.line, field: ref.field } : { line: ref.line, column: ref.column };
    const address = addressOf(ref);
    // A field's photo too: it is looked for at the site's root first (containment's coverRootFirst).
    const beside = hit.kind === 'found' && unpublished !== null && !address.startsWith('/') && isInside(unpublished.dir, hit.file) ? unpublished.say(ref.url, hit.file, ref.field) : null;
    if (beside !== null) {
      problems.push(problemOf('image-unpublished', 'warning', beside, at));
    } else if (hit.kind === 'refused') {
      problems.push(problemOf('image-refused', 'error', refusedImageMsg(ref.url, ref.line, hit.reason, ref.field), at));
    } else if (hit.kind === 'missing' && hit.lookedFor !== null && ref.match !== undefined) {
      // A carousel's pattern that matches nothing shows nothing; Hugo builds on.
      problems.push(problemOf('image-missing', ref.match.all === true ? 'warning' : 'error', missingMatchMsg(ref.url, ref.match, hit.lookedFor), at));
    } else if (hit.kind === 'missing' && hit.lookedFor !== null) {
      const media = ref.siteUrl === undefined ? undefined : { address: ref.siteUrl, ...mediaFix(ref, recapPath, profile, roots, reading) };
      problems.push(problemOf('image-missing', 'error', missingImageMsg(ref.url, hit.lookedFor, assetsAdvice(ref, reading, hit.inAssets), media, ref.field, hit.alsoLookedFor), at));
    } else if (hit.kind === 'missing') {
      // No place of the site serves it (a site whose mounts serve no folder at `/`): missing, as export's preflight says.
      problems.push(problemOf('image-missing', 'error', msg('lint.image.missingPlain', { url: ref.url }), at));
    } else if (hit.kind === 'found') {
      problems.push(...fileProblems(ref, hit.file, profile, at));
    }
  }
  problems.push(...baseUrlProblems(text, profile, refs));
  return problems;
}
