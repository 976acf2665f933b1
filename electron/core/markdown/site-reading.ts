// How the site that publishes a post reads its Markdown: Jekyll runs Liquid in a post before the
// Markdown (`{{ site.baseurl }}/a.png` is `/a.png`), Docusaurus v3 reads every post as MDX (its
// default `markdown.format: 'mdx'` takes `.md` files too), and any site's build reads a `.mdx`
// file as MDX. Hugo does neither: it publishes `{{ site.baseurl }}` and `<img src={hall} />` as
// written, a broken image; Hugo reads its figure shortcode (`{{< figure src="…" >}}`), which the
// others publish as text. The link finder, lint, the preview and the photo tray all read a post
// through one MarkdownReading, so none of them shows a photo the published page will not.
//
// Pure module (no Node imports): the page's preview and tray and the service's finder share it.

import type { MarkdownReading, SiteGenerator } from '../contract';

export type { MarkdownReading };
import { findLiquidLinks } from './liquid-links';
import { findMdxAttributeExpressions, findMdxRequires } from './mdx';
import { escapedCallRewrites, FIGURE_MARK, figureRewrites, findFigureShortcodes } from './hugo-figure';
import { findFigureIncludes, includeRewrites } from './jekyll-figure';

/** The generators by the names their users know them by. */
export const GENERATOR_NAMES: Record<SiteGenerator, string> = { hugo: 'Hugo', jekyll: 'Jekyll', docusaurus: 'Docusaurus' };

/**
 * A post of no known site (a draft, a file outside any checkout) is read as the site that
 * understands each form would read it: a Liquid link as Jekyll does, an MDX image as Docusaurus
 * does. The author writing one writes for such a site; export into a site checks again with
 * that site's reading.
 */
export const READ_ALL: MarkdownReading = { liquid: true, mdx: true, generator: null };

/** How `generator` reads the post at `postPath` (a `.mdx` file is MDX on any site). */
export function markdownReading(generator: SiteGenerator | null, postPath: string | null): MarkdownReading {
  if (generator === null) return READ_ALL;
  const mdxFile = postPath !== null && /\.mdx$/i.test(postPath);
  return { liquid: generator === 'jekyll', mdx: generator === 'docusaurus' || mdxFile, generator };
}

/**
 * A Hugo post's reading with what its site's detection decided (SiteInfo): its image render hook
 * (and whether it links a plain page's images to its section's folder) and its theme's shortcodes; `reading` itself when there is neither.
 */
export function withHugoSite(reading: MarkdownReading, site: Pick<MarkdownReading, 'imageHook' | 'siblingImages' | 'hookPageDirs' | 'figureAsWritten' | 'imagesFromRoot' | 'pageCover' | 'themeShortcodes'>): MarkdownReading {
  const shortcodes = site.themeShortcodes !== undefined && site.themeShortcodes.length > 0 ? { themeShortcodes: site.themeShortcodes } : {};
  const figure = { ...(site.figureAsWritten === true ? { figureAsWritten: true as const } : {}), ...(site.imagesFromRoot === true ? { imagesFromRoot: true as const } : {}), ...(site.pageCover !== undefined ? { pageCover: site.pageCover } : {}) };
  if (site.imageHook !== true && shortcodes.themeShortcodes === undefined && Object.keys(figure).length === 0) return reading;
  const hook = site.imageHook === true ? { imageHook: true as const, ...(site.siblingImages === true ? { siblingImages: true as const } : {}), ...(site.hookPageDirs !== undefined ? { hookPageDirs: site.hookPageDirs } : {}) } : {};
  return { ...reading, ...hook, ...figure, ...shortcodes };
}

/**
 * A site-absolute link as a path of the site on a site published under a base path (Jekyll's
 * `baseurl`, without slashes: `events`): `/events/assets/a.png` is `/assets/a.png`; any other
 * link, or on a site without one, as it is.
 */
export function pathUnderBase(url: string, base: string | undefined): string {
  if (base === undefined) return url;
  const trimmed = url.trim();
  return trimmed.startsWith(`/${base}/`) ? trimmed.slice(base.length + 1) : url;
}

/** A site's base path without its slashes (`/events/` is `events`) when it is plain path segments; null for none (or anything else). */
export function plainBasePath(base: string): string | null {
  const clean = base.trim().replace(/^\/+|\/+$/g, '');
  const segments = clean.split('/');
  return clean !== '' && segments.every((seg) => /^[A-Za-z0-9_~-][A-Za-z0-9._~-]*$/.test(seg)) ? clean : null;
}

/**
 * The path a link names as the post's site reads it: with the site's base path written out
 * (MarkdownReading.baseUrl) the site path below it (pathUnderBase), and on Docusaurus an `@site/`
 * link into a folder the site serves its site path (`@site/static/img/a.png` is `/img/a.png`) or
 * into the post's own folder the relative link (`@site/blog/2024-06-01-kcd/a.png` is `a.png`); any
 * other link as it is.
 */
export function linkPathOf(url: string, reading: Pick<MarkdownReading, 'baseUrl' | 'siteAlias' | 'media'>): string {
  // Chirpy puts the base before the address it makes itself: a link never carries it there.
  if (reading.media !== undefined) return mediaUrlOf(url, reading);
  const alias = reading.siteAlias;
  if (alias === undefined || !url.trim().startsWith('@site/')) return pathUnderBase(url, reading.baseUrl);
  const rest = url.trim().slice('@site/'.length);
  if (alias.own !== '' && rest.startsWith(`${alias.own}/`)) return rest.slice(alias.own.length + 1);
  const served = alias.served.find((dir) => dir !== '' && rest.startsWith(`${dir}/`));
  return served === undefined ? url : rest.slice(served.length);
}

/** A path with `//` made `/` and its dot segments removed, as a browser asks for it (never above the root). */
function browserPath(p: string): string {
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return `/${out.join('/')}${/\/\.{0,2}$/.test(p) && out.length > 0 ? '/' : ''}`;
}

/**
 * The address a Chirpy site (MarkdownReading.media) publishes for an image link of a post, as
 * its `_includes/media-url.html` makes it: a link without a `:` (no scheme, no `data:`) goes under
 * the post's `media_subpath` (`room.png` with `/assets/img/htb` is `/assets/img/htb/room.png`,
 * `/a.png` is `/assets/img/htb/a.png`), a relative one without it becomes site-absolute (`a.png`
 * is `/a.png`), and on a site with a `cdn` the address is on it (`https://cdn.example/…`: no file
 * of the repository). Returned as the site path (dot segments removed, as a browser asks) with
 * its query and fragment, or the CDN's URL; a link with a `:` or `//`, or on any other site, as written.
 */
export function mediaUrlOf(url: string, reading: Pick<MarkdownReading, 'media'>): string {
  const media = reading.media;
  const written = url.trim();
  if (media === undefined || written === '' || written.includes(':') || written.startsWith('//')) return url;
  const cut = written.search(/[?#]/);
  const [bare, suffix] = cut === -1 ? [written, ''] : [written.slice(0, cut), written.slice(cut)];
  // A media_subpath that is a URL (`https://img.example/htb`) puts every such link there.
  if (media.subpath?.includes('://') === true) return `${media.subpath.replace(/\/+$/, '')}/${bare.replace(/^\/+/, '')}${suffix}`;
  const site = browserPath(`/${media.subpath ?? ''}/${bare}`);
  const cdn = media.cdn?.trim().replace(/\/+$/, '') ?? '';
  if (cdn === '') return site + suffix;
  return cdn.includes('://') ? `${cdn}${site}${suffix}` : browserPath(`/${cdn}${site}`) + suffix;
}

/**
 * How a post on a Chirpy site (MarkdownReading.media) links the image at site path `url` so that
 * mediaUrlOf makes it that path again: its name below the post's `media_subpath`
 * (`/assets/img/htb/a.png` is `a.png`), else the way up out of it (`../../posts/a.png`). Any other
 * URL, or a post with no `media_subpath`, as it is.
 */
export function mediaLinkOf(url: string, reading: Pick<MarkdownReading, 'media'>): string {
  const subpath = reading.media?.subpath;
  const sub = subpath === undefined || subpath.includes(':') ? '' : browserPath(`/${subpath}`).replace(/\/$/, '');
  if (sub === '' || sub === '/' || !url.startsWith('/') || url.startsWith('//')) return url;
  if (url.startsWith(`${sub}/`)) return url.slice(sub.length + 1);
  const depth = sub.split('/').length - 1;
  return `${'../'.repeat(depth)}${url.slice(1)}`;
}

/**
 * The prefix that linkPathOf read off a link whose path follows `before` (`/events`,
 * `@site/static`, `@site/blog/2024-06-01-kcd/`), with its length; null for none.
 */
export function linkPrefixAt(before: string, reading: Pick<MarkdownReading, 'baseUrl' | 'siteAlias'>): { kind: 'base' | 'served' | 'own'; length: number } | null {
  if (reading.baseUrl !== undefined && before.endsWith(`/${reading.baseUrl}`)) return { kind: 'base', length: reading.baseUrl.length + 1 };
  const alias = reading.siteAlias;
  if (alias === undefined) return null;
  if (alias.own !== '' && before.endsWith(`@site/${alias.own}/`)) return { kind: 'own', length: `@site/${alias.own}/`.length };
  const dir = alias.served.find((d) => d !== '' && before.endsWith(`@site/${d}`));
  return dir === undefined ? null : { kind: 'served', length: `@site/${dir}`.length };
}

/** The reading a profile carries (set for a post of a known site), else READ_ALL. */
export function readingOf(profile: { markdown?: MarkdownReading } | null | undefined): MarkdownReading {
  return profile?.markdown ?? READ_ALL;
}

/** Whether the post's site renders Hugo shortcodes: Hugo's posts, and a post of no known site (read as every site would). */
export function readsShortcodes(reading: MarkdownReading): boolean {
  return reading.generator === 'hugo' || reading.generator === null;
}

/** The readings a post's switches make, one object each: the same reading is the same object (React's memo, the tray's cache). */
const switched = new Map<string, MarkdownReading>();

/**
 * Jekyll reads front matter with Ruby's Psych, a YAML 1.1 parser: a plain (unquoted) `no`, `off`
 * or `false`, in any case (`No`, `OFF`, `False`…), is false there, where our YAML 1.2 parser reads
 * `no` and `off` as strings. A quoted value (`'no'`, `"false"`) is a string to both, and Jekyll
 * takes only false for false (`data["render_with_liquid"] == false`).
 */
const PSYCH_FALSE = /^(?:no|false|off)$/i;

/** How a field's value is written (core/frontmatter quoteStyleOf): 'plain' unquoted, null for none. */
export type WrittenStyle = (key: string) => 'plain' | 'double' | 'single' | null;

/** `value` is false to Psych: false, or a string such as `no` that `plain` says is written unquoted. */
function psychFalse(value: unknown, plain: () => boolean): boolean {
  return value === false || (typeof value === 'string' && PSYCH_FALSE.test(value) && plain());
}

/**
 * How the site reads this one post: `reading` (its site's) changed by the post's own switches,
 * as its front matter says them now (`valueOf`: a top-level field's value). Jekyll 4 runs no
 * Liquid in a post with `render_with_liquid: false` (its `{{ site.baseurl }}` is published as
 * written); Docusaurus reads a post with `format: md` as CommonMark and one with `format: mdx`
 * as MDX, whatever its config's `markdown.format` and the file's extension. Other generators
 * know neither switch, and a post of no known site is read both ways still. Returns `reading`
 * itself when no switch changes it. Jekyll's false is Psych's (see PSYCH_FALSE): `styleOf` says
 * whether a `no` is written plain (false) or quoted (a string: Liquid stays on).
 */
export function postReading(reading: MarkdownReading, valueOf: (key: string) => unknown, styleOf?: WrittenStyle): MarkdownReading {
  let { liquid, mdx } = reading;
  let switchedBy: string | undefined;
  if (reading.generator === 'jekyll' && liquid) {
    const value = valueOf('render_with_liquid');
    // Without styleOf, a string is taken as written plain.
    if (psychFalse(value, () => styleOf === undefined || styleOf('render_with_liquid') === 'plain')) {
      liquid = false;
      switchedBy = `render_with_liquid: ${String(value)}`;
    }
  }
  if (reading.generator === 'docusaurus') {
    const format = valueOf('format');
    if ((format === 'md' || format === 'mdx') && mdx !== (format === 'mdx')) {
      mdx = format === 'mdx';
      switchedBy = `format: ${format}`;
    }
  }
  const subpath = reading.media === undefined ? undefined : postSubpath(valueOf);
  if (switchedBy === undefined && subpath === undefined) return reading;
  const alias = reading.siteAlias;
  const media = reading.media === undefined ? undefined : { ...(reading.media.cdn !== undefined ? { cdn: reading.media.cdn } : {}), ...(subpath !== undefined ? { subpath } : {}) };
  const key = JSON.stringify([reading.generator, liquid, mdx, switchedBy ?? null, reading.baseUrl ?? null, alias ?? null, media ?? null]);
  let out = switched.get(key);
  if (!out) {
    out = Object.freeze({
      liquid,
      mdx,
      generator: reading.generator,
      ...(switchedBy !== undefined ? { switchedBy } : {}),
      ...(reading.baseUrl !== undefined ? { baseUrl: reading.baseUrl } : {}),
      ...(alias !== undefined ? { siteAlias: alias } : {}),
      ...(media !== undefined ? { media } : {}),
    });
    switched.set(key, out);
  }
  return out;
}

/**
 * A Chirpy post's `media_subpath` (`img_path` before Chirpy 7 named it so), where its images are
 * (`valueOf`: a top-level field's value): a text of a path, trimmed; undefined for none.
 */
export function postSubpath(valueOf: (key: string) => unknown): string | undefined {
  const value = valueOf('media_subpath') ?? valueOf('img_path');
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  return v === '' || v.includes('\0') ? undefined : v;
}

/** A piece of the text read as something else before parsing (never saved). */
export interface LinkRewrite {
  /** Offset of the written text, its text, and what stands in its place for the parser. */
  offset: number;
  written: string;
  resolved: string;
  /** Liquid (Jekyll), MDX (`src={require(…)}`), a piece of Hugo's figure shortcode or of a Jekyll theme's figure include. */
  via: 'liquid' | 'mdx' | 'shortcode' | 'include';
  /** The site reads it (`resolved` is the path it renders to), or publishes it as written. */
  read: boolean;
}

/** `written` as one quoted attribute value, with the quote it does not hold. */
function quoted(written: string): string {
  return written.includes('"') ? `'${written}'` : `"${written}"`;
}

/**
 * The Liquid links and MDX `require` images of a text, each as `reading` takes it: the path it
 * renders to where the site reads it; where it does not, still one link to the parser (Liquid
 * without its spaces, a require quoted), whose URL is the Liquid or the code as written, so the
 * preview shows it broken and lint names it.
 */
export function linkRewrites(text: string, reading: MarkdownReading): LinkRewrite[] {
  const out: LinkRewrite[] = [];
  for (const l of findLiquidLinks(text)) {
    out.push({ ...l, resolved: reading.liquid ? l.resolved : l.written.replace(/\s+/g, ''), via: 'liquid', read: reading.liquid });
  }
  for (const r of findMdxRequires(text)) {
    out.push({ ...r, resolved: quoted(reading.mdx ? r.resolved : r.written), via: 'mdx', read: reading.mdx });
  }
  // An MDX tag's attribute written as code (`style={{ width: 200 }}`): still the tag its site shows.
  if (reading.mdx) for (const r of findMdxAttributeExpressions(text)) out.push({ ...r, via: 'mdx', read: true });
  // A figure shortcode is an image where the site renders it; elsewhere it stays text, as published.
  if (readsShortcodes(reading)) {
    // A figure that shows its src as written (the site's own: figureAsWritten) is an <img> like any other.
    for (const call of findFigureShortcodes(text)) for (const r of figureRewrites(call, text, reading.figureAsWritten !== true)) out.push({ ...r, via: 'shortcode', read: true });
    for (const r of escapedCallRewrites(text)) out.push({ ...r, via: 'shortcode', read: true });
  }
  // A theme's figure include (jekyll-figure.ts) is an image where the site runs Liquid; elsewhere text, as published.
  if (reading.liquid) for (const call of findFigureIncludes(text)) for (const r of includeRewrites(call, text)) out.push({ ...r, via: 'include', read: true });
  out.push(...writtenMarks(text, out));
  return out.sort((a, b) => a.offset - b.offset);
}

const MARK_WRITTEN = new RegExp(FIGURE_MARK, 'gi');

/**
 * The figure's mark (`data-hugo-figure`, which only figureRewrites may put on an `<img>`) where
 * the text itself writes it, outside the rewrites: read as another attribute, so that a raw
 * `<img data-hugo-figure>` is the plain `<img>` its site publishes to every reader (the tray's
 * reads the text as written, and sees no figure there either).
 */
function writtenMarks(text: string, rewrites: LinkRewrite[]): LinkRewrite[] {
  const out: LinkRewrite[] = [];
  for (const m of text.matchAll(MARK_WRITTEN)) {
    const at = m.index;
    if (rewrites.some((r) => at < r.offset + r.written.length && r.offset < at + m[0].length)) continue;
    out.push({ offset: at, written: m[0], resolved: 'data-written-img', via: 'shortcode', read: true });
  }
  return out;
}

/** The text with each rewrite's `resolved` in place of what is written (for parsing; never saved). */
export function applyRewrites(text: string, rewrites: ReadonlyArray<Pick<LinkRewrite, 'offset' | 'written' | 'resolved'>>): string {
  let out = '';
  let at = 0;
  for (const r of rewrites) {
    out += text.slice(at, r.offset) + r.resolved;
    at = r.offset + r.written.length;
  }
  return out + text.slice(at);
}

/** The Liquid (`{{ … }}`) or MDX expression (`{…}`) a URL is written with, where it is one. */
export function unreadForm(url: string): 'liquid' | 'mdx' | null {
  const u = url.trim();
  if (u.startsWith('{{')) return 'liquid';
  if (/^\{[\s\S]*\}$/.test(u)) return 'mdx';
  return null;
}
