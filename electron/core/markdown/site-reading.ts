// How the site that publishes a post reads its Markdown: Jekyll runs Liquid in a post before the
// Markdown (`{{ site.baseurl }}/a.png` is `/a.png`), Docusaurus v3 reads every post as MDX (its
// default `markdown.format: 'mdx'` takes `.md` files too), and any site's build reads a `.mdx`
// file as MDX. Hugo does neither: it publishes `{{ site.baseurl }}` and `<img src={hall} />` as
// written, a broken image. The link finder, lint, the preview and the photo tray all read a post
// through one MarkdownReading, so none of them shows a photo the published page will not.
//
// Pure module (no Node imports): the page's preview and tray and the service's finder share it.

import type { MarkdownReading, SiteGenerator } from '../contract';

export type { MarkdownReading };
import { findLiquidLinks } from './liquid-links';
import { findMdxRequires } from './mdx';

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

/** The reading a profile carries (set for a post of a known site), else READ_ALL. */
export function readingOf(profile: { markdown?: MarkdownReading } | null | undefined): MarkdownReading {
  return profile?.markdown ?? READ_ALL;
}

/** The readings a post's switches make, one object each: the same reading is the same object (React's memo, the tray's cache). */
const switched = new Map<string, MarkdownReading>();

/**
 * How the site reads this one post: `reading` (its site's) changed by the post's own switches,
 * as its front matter says them now (`valueOf`: a top-level field's value). Jekyll 4 runs no
 * Liquid in a post with `render_with_liquid: false` (its `{{ site.baseurl }}` is published as
 * written); Docusaurus reads a post with `format: md` as CommonMark and one with `format: mdx`
 * as MDX, whatever its config's `markdown.format` and the file's extension. Other generators
 * know neither switch, and a post of no known site is read both ways still. Returns `reading`
 * itself when no switch changes it.
 */
export function postReading(reading: MarkdownReading, valueOf: (key: string) => unknown): MarkdownReading {
  let { liquid, mdx } = reading;
  let switchedBy: string | undefined;
  if (reading.generator === 'jekyll' && liquid && valueOf('render_with_liquid') === false) {
    liquid = false;
    switchedBy = 'render_with_liquid: false';
  }
  if (reading.generator === 'docusaurus') {
    const format = valueOf('format');
    if ((format === 'md' || format === 'mdx') && mdx !== (format === 'mdx')) {
      mdx = format === 'mdx';
      switchedBy = `format: ${format}`;
    }
  }
  if (switchedBy === undefined) return reading;
  const key = `${String(reading.generator)} ${liquid} ${mdx} ${switchedBy}`;
  let out = switched.get(key);
  if (!out) {
    out = Object.freeze({ liquid, mdx, generator: reading.generator, switchedBy });
    switched.set(key, out);
  }
  return out;
}

/** A piece of the text read as something else before parsing (never saved). */
export interface LinkRewrite {
  /** Offset of the written text, its text, and what stands in its place for the parser. */
  offset: number;
  written: string;
  resolved: string;
  /** Liquid (Jekyll) or MDX (`src={require(…)}`). */
  via: 'liquid' | 'mdx';
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
  return out.sort((a, b) => a.offset - b.offset);
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
