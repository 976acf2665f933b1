// Jekyll posts link their images through Liquid: `![x]({{ site.baseurl }}/assets/a.png)`,
// `![x]({{ "/assets/a.png" | relative_url }})` or `![x]({% link assets/a.png %})` (Jekyll's link
// tag: the file's URL; the build stops when there is no such file). Jekyll renders the Liquid
// before the Markdown, so the image is the site path inside. On a Jekyll post the link finder and the preview read
// such a link as that site path (a link with spaces is no link to a Markdown parser; see
// site-reading.ts, which says where Liquid is read), so the preview, the Problems panel and
// export's preflight agree; the file keeps the Liquid as written.
//
// Pure module (no Node imports): the page's preview and the service's finder share it.

/** `{{ site.baseurl }}`, `{{ site.url }}`, or both in a row (`{{ site.url }}{{ site.baseurl }}`), then a path. */
const SITE_PREFIX = String.raw`(?:\{\{-?[ \t]*site\.(?:url|baseurl)[ \t]*-?\}\})+(\/[^\s()<>"'{}]*)`;
/** `{{ "/assets/a.png" | relative_url }}` (or `absolute_url`, `prepend: site.baseurl`, single quotes). */
const URL_FILTER = String.raw`\{\{-?[ \t]*(?:"([^"\n{}]*)"|'([^'\n{}]*)')[ \t]*\|[ \t]*(?:relative_url|absolute_url|prepend:[ \t]*site\.(?:baseurl|url))[ \t]*-?\}\}`;
/**
 * `{% link assets/a.png %}` (the path from the site's folder, its first `/` optional), after
 * `{{ site.baseurl }}` or not (Jekyll 3 put no base in it).
 */
const LINK_TAG = String.raw`(?:\{\{-?[ \t]*site\.(?:url|baseurl)[ \t]*-?\}\})*\{%-?[ \t]*link[ \t]+\/?([^\s%{}"'()<>]+)[ \t]*-?%\}`;
/** A Markdown destination `](` or `]: ` (a definition), or an HTML `src="`/`srcset="` before the Liquid. */
const LEAD = String.raw`(\]\([ \t]*<?|^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*<?|\bsrc(?:set)?[ \t]*=[ \t]*["']?)`;

const FORMS = `${SITE_PREFIX}|${URL_FILTER}|${LINK_TAG}`;
const LINK = new RegExp(`${LEAD}(?:${FORMS})`, 'gim');

export interface LiquidLink {
  /** Offset of the Liquid text in the text given. */
  offset: number;
  /** The Liquid text as written (`{{ site.baseurl }}/assets/a.png`). */
  written: string;
  /** The site path it renders to (`/assets/a.png`). */
  resolved: string;
}

/** The Liquid image links of a Markdown text, in order. */
export function findLiquidLinks(text: string): LiquidLink[] {
  if (!text.includes('{{') && !text.includes('{%')) return [];
  const out: LiquidLink[] = [];
  for (const m of text.matchAll(LINK)) {
    const lead = m[1] ?? '';
    const path = m[2] ?? `/${(m[3] ?? m[4] ?? m[5] ?? '').replace(/^\/+/, '')}`;
    out.push({ offset: (m.index ?? 0) + lead.length, written: m[0].slice(lead.length), resolved: path });
  }
  return out;
}

/** A link's destination as Jekyll renders it: the site path of a Liquid link, else the URL as given. */
export function liquidLinkUrl(url: string): string {
  const m = new RegExp(`^(?:${FORMS})$`, 'i').exec(url.trim());
  if (!m) return url;
  return m[1] ?? `/${(m[2] ?? m[3] ?? m[4] ?? '').replace(/^\/+/, '')}`;
}
