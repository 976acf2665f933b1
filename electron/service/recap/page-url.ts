// The address a post gets on its site (its URL path), as each generator makes it: a Jekyll
// post's or collection document's from its permalink style or template, a Hugo page's from its
// config (languages, content folders, permalinks), a Docusaurus blog post's from its blog's
// folder and route; a post's own `url` or `permalink` before any of these. Read from files,
// never by running the generator. The link card shows it; Hugo's image hooks link from it.

import { getField } from '../../core/frontmatter/frontmatter';
import { publishedDay } from '../../core/recap/site-day';
import { docusaurusPathDate } from '../site/site-data';
import { hugoPageUrl, type HugoConfig } from '../site/hugo-config';

/** A front-matter value as one line of text ('' for what is not a string). */
export function text(value: unknown): string {
  return typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '';
}

/** The address the post's front matter gives itself (`url`, `permalink`); null for none. */
function ownUrl(recap: string): string | null {
  const own = text(getField(recap, 'url')) || text(getField(recap, 'permalink'));
  return own === '' ? null : own.startsWith('/') ? own : `/${own}`;
}

/** What a site's config says of its addresses: a Docusaurus blog's folder and route, a Hugo site's config, a Jekyll site's permalink style and collections folder. */
export interface SiteUrls {
  /** A Docusaurus site's blogs, each its folder and route (the main one first). */
  blogs?: Array<{ dir: string; route: string }>;
  hugo?: HugoConfig | null;
  /** A Jekyll site's permalink style or template, its collections folder and the zone it publishes dates in (`timezone`). */
  jekyll?: { permalink: string; collectionsDir: string | null; timezone?: string | undefined; collections?: Array<{ name: string; permalink: string | null }> };
}

/** Jekyll's built-in permalink styles. */
const JEKYLL_STYLES: Record<string, string> = {
  date: '/:categories/:year/:month/:day/:title:output_ext',
  pretty: '/:categories/:year/:month/:day/:title/',
  ordinal: '/:categories/:year/:y_day/:title:output_ext',
  none: '/:categories/:title:output_ext',
};

/** A front matter value as a list of words: a list's strings, or a string's words (Jekyll's `categories: events kcd`). */
function words(value: unknown, split: boolean): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string | number => typeof v === 'string' || typeof v === 'number').map(String);
  if (typeof value !== 'string' && typeof value !== 'number') return [];
  return split ? String(value).split(/\s+/).filter((w) => w !== '') : [String(value)];
}

/** The day Jekyll publishes a post or document on by its front matter's `date`, in the site's time zone when it has a time (`2021-11-02 23:30:00 -0800` is 3 November in Asia/Shanghai): year, month and day in groups 1–3; null without one. */
function frontMatterDay(recap: string, timeZone: string | undefined): RegExpExecArray | null {
  const written = String(getField(recap, 'date') ?? '');
  return /^(\d{4})-(\d{2})-(\d{2})/.exec(/^\d{4}-\d{2}-\d{2}/.test(written) ? publishedDay(written, timeZone) : '');
}

/** A Jekyll permalink template filled with `values`; null when it names a placeholder without a value. */
function fillJekyll(template: string, values: Record<string, string | undefined>): string | null {
  let unknown = false;
  const filled = template.replace(/:([a-z_]+)/g, (all, key: string) => values[key] ?? ((unknown = true), all));
  return unknown ? null : `/${filled}`.replace(/\/{2,}/g, '/');
}

/**
 * The address Jekyll gives a document of a collection it publishes (`_events/kcd-porto.md`): its
 * own `permalink`, else its collection's, else Jekyll's default `/:collection/:path:output_ext`,
 * filled with the collection's name, the document's path in it and its name, slug and title (its
 * `slug`, else its file's name without a date in front), and its date (the front matter's, else
 * its name's). Null for a template that needs what is not there; undefined for a file in no such collection.
 */
function jekyllDocUrl(rel: string, recap: string, site: NonNullable<SiteUrls['jekyll']>): string | null | undefined {
  const base = site.collectionsDir === null ? '' : `${site.collectionsDir}/`;
  const collection = site.collections?.find((c) => rel.startsWith(`${base}_${c.name}/`));
  if (collection === undefined) return undefined;
  const inner = rel.slice(`${base}_${collection.name}/`.length).replace(/\.(md|markdown|html)$/i, '');
  const name = inner.split('/').pop() ?? '';
  const dated = /^(\d{4})-(\d{2})-(\d{2})-(.+)$/.exec(name);
  const slug = (text(getField(recap, 'slug')) || (dated?.[4] ?? name)).toLowerCase();
  const day = frontMatterDay(recap, site.timezone) ?? dated;
  const own = text(getField(recap, 'permalink'));
  const template = own !== '' ? own : collection.permalink ?? '/:collection/:path:output_ext';
  return fillJekyll(template, {
    collection: collection.name, path: inner, name: name.toLowerCase(), title: text(getField(recap, 'slug')) || (dated?.[4] ?? name), slug, output_ext: '.html',
    year: day?.[1], month: day?.[2], day: day?.[3], short_year: day?.[1]?.slice(2), categories: words(getField(recap, 'categories'), true).map((c) => c.toLowerCase()).join('/'),
  });
}

/**
 * The address Jekyll gives the post at `rel`: the post's `permalink`, else the site's (a style or a
 * template), filled with its categories (the folders above its `_posts`, below the collections
 * folder, then its front matter's `category` and `categories`, lower-cased, each once), its
 * date (the front matter's day, in the site's `timezone` when it has a time, else its file name's) and its title (`slug`, else its file name's).
 * A document of a collection the site publishes: jekyllDocUrl. Null for a page outside `_posts`
 * without a permalink, or a template with a placeholder not read here.
 */
function jekyllPostUrl(rel: string, recap: string, site: NonNullable<SiteUrls['jekyll']>): string | null {
  const segs = rel.split('/');
  const name = (segs.pop() ?? '').replace(/\.(md|markdown|html)$/i, '');
  const own = text(getField(recap, 'permalink'));
  const at = segs.lastIndexOf('_posts');
  const dated = /^(\d{4})-(\d{2})-(\d{2})-(.+)$/.exec(name);
  const doc = at < 0 ? jekyllDocUrl(rel, recap, site) : undefined;
  if (doc !== undefined) return doc;
  if (at < 0 || dated === null) return own === '' || own.includes(':') ? null : own.startsWith('/') ? own : `/${own}`;
  const skip = site.collectionsDir !== null && rel.startsWith(`${site.collectionsDir}/`) ? site.collectionsDir.split('/').length : 0;
  const categories = [...new Set([...segs.slice(skip, at), ...words(getField(recap, 'category'), false), ...words(getField(recap, 'categories'), true)].map((c) => c.toLowerCase()))];
  const day = frontMatterDay(recap, site.timezone) ?? dated;
  const [year, month, dayOfMonth] = [day[1] ?? '', day[2] ?? '', day[3] ?? ''];
  const yDay = Math.round((Date.UTC(+year, +month - 1, +dayOfMonth) - Date.UTC(+year, 0, 1)) / 86_400_000) + 1;
  const title = text(getField(recap, 'slug')) || (dated[4] ?? '');
  const values: Record<string, string> = {
    categories: categories.join('/'), year, month, day: dayOfMonth, i_month: String(+month), i_day: String(+dayOfMonth), short_year: year.slice(2),
    y_day: String(yDay).padStart(3, '0'), title, slug: title, output_ext: '.html',
  };
  return fillJekyll(own !== '' ? own : JEKYLL_STYLES[site.permalink] ?? site.permalink, values);
}

/**
 * The URL path a post at `rel` (relative to the site) gets under the generator's default
 * permalinks: a Hugo page's as hugoPageUrl reads its config (languages, content folders); a
 * Docusaurus blog's from the folder and route of the blog that holds it (`blog` and `blog` unless its config names others:
 * `routeBasePath: '/'` publishes the blog at the site's root).
 */
export function urlPathFor(generator: string | null, rel: string, recap: string, site: SiteUrls = {}): string | null {
  // A Jekyll post's permalink may be a template of its own (`/:categories/:title/`).
  if (generator === 'jekyll') return jekyllPostUrl(rel, recap, site.jekyll ?? { permalink: 'date', collectionsDir: null });
  const own = ownUrl(recap);
  if (own !== null) return own;
  const slug = text(getField(recap, 'slug'));
  if (generator === 'hugo') {
    const date = ['date', 'publishDate', 'pubdate', 'published'].map((k) => getField(recap, k)).find((v) => v !== undefined && v !== null && v !== '');
    return hugoPageUrl(rel, site.hugo ?? null, { slug, title: text(getField(recap, 'title')), date: date instanceof Date ? date.toISOString() : String(date ?? '') });
  }
  // The blog whose folder holds the post (a site may have several: `blog/`, `events/`).
  const blog = (site.blogs ?? [{ dir: 'blog', route: 'blog' }]).find((b) => rel.startsWith(`${b.dir}/`));
  if (generator === 'docusaurus' && blog !== undefined) {
    // A slug is under the blog's route, written with its slash or without (`slug: /kcd`); else
    // the post's path below the blog, its date made folders (`2024-08-09-kcd.md`: `2024/08/09/kcd`).
    const inBlog = rel.slice(blog.dir.length + 1);
    const name = slug.replace(/^\/+/, '') || (docusaurusPathDate(inBlog)?.slug ?? inBlog.replace(/(?:\/index)?\.(md|markdown|mdx)$/i, ''));
    return blog.route === '' ? `/${name}` : `/${blog.route}/${name}`;
  }
  return null;
}
