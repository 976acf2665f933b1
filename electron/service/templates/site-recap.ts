// "Event recap, as <site>'s posts are": the built-in event recap's sections under a front matter
// shaped like the site's own newest post — its format (YAML, TOML or JSON), its keys in its
// order, its layout (TOML tables, YAML maps) — so that a Jekyll, Docusaurus or TOML Hugo site
// gets a new post that reads like its others, not the built-in template's Hugo news fields.
// Keys fewer than half the site's posts use are left out (a one-off `redirect_from`); a value
// every post shares is kept (`layout: post`), and so is a setting of the kind of page the newest
// post says (its `layout`, `type`, `lang`); every other value is cleared as "Save as template"
// clears it. The title, its slug and the post's date field get the new recap's.

import type { SiteGenerator, SiteInfo } from '../../core/contract';
import { quoteStyleOf, readFrontMatter, removeField, setField, withBody } from '../../core/frontmatter/frontmatter';
import { NON_EMPTY_TEXT } from '../../core/recap/lint-docusaurus';
import { clearField } from '../../core/recap/placeholders';
import { newRecapText, slugify } from '../../core/recap/template';
import { DATE_FIELDS } from '../../core/recap/lint-problem';
import { scanSite } from '../site/site-rules';
import { templateBody } from '../site/archetypes';
import { docusaurusBlogChecks } from '../site/docusaurus-blog-checks';
import * as path from 'node:path';

/** Docusaurus' truncate marker, as its classic template's posts write it. */
const TRUNCATE_MARKER = '<!-- truncate -->';

/** Keys that name what kind of page a post is, not what it says: kept as the newest post has them. */
const SETTINGS = new Set(['layout', 'type', 'template', 'lang', 'language', 'locale']);
/**
 * Keys that name the post's address: emptied, they would give the post an empty one (Docusaurus'
 * `slug: ""`), so a new post gets the title's slug, or none until it has a title (the generator
 * then names it by its file, as export names the file).
 */
const ADDRESS = new Set(['slug', 'permalink', 'url']);

export interface SiteRecapVars {
  /** The new recap's title ('' leaves the title field empty and the heading "Event name"). */
  title: string;
  /** YYYY-MM-DD: the post's date field. */
  date: string;
  /** The built-in event-recap template's text: its sections are the body. */
  builtin: string;
}

/** Whether the site has a post to shape a new one after (listTemplates offers the template then). */
export function hasPostShape(root: string, generator: SiteGenerator | null): boolean {
  return scanSite(root, generator).newest !== null;
}

/** The new recap's text, shaped like the site's newest post; null when the site has no post to read. */
export function siteRecapText(site: Pick<SiteInfo, 'root' | 'generator' | 'profile'>, vars: SiteRecapVars): string | null {
  const scan = scanSite(site.root, site.generator);
  if (scan.newest === null) return null;
  const shape = scan.newest.frontMatter;
  const shared = new Set(scan.shared);
  const fields = readFrontMatter(shape).fields;
  const usedBy = (key: string): number => scan.fields.find((f) => f.key === key)?.posts ?? 0;
  const kept = (key: string): boolean => usedBy(key) * 2 >= scan.posts;
  // The post's date field: replaced in place, so that it stays a date as the post wrote it (TOML's bare date, YAML's plain one).
  const dateKey = DATE_FIELDS.find((k) => fields.some((f) => f.key === k && typeof f.value === 'string') && kept(k) && !shared.has(k));
  const title = vars.title.replace(/\s+/g, ' ').trim();
  let out = shape;
  for (const field of fields) {
    if (!kept(field.key) || (ADDRESS.has(field.key) && (field.key !== 'slug' || title === ''))) out = removeField(out, field.key);
    else if (field.key === 'slug') out = setField(out, 'slug', slugify(title), quoteStyleOf(shape, 'slug') ?? undefined);
    else if (field.key === dateKey) out = setField(out, field.key, vars.date, quoteStyleOf(shape, field.key) ?? undefined);
    else if (field.key === 'title') out = title !== '' ? setField(out, 'title', title, quoteStyleOf(shape, 'title') ?? undefined) : clearField(out, 'title', field.value);
    // Docusaurus stops its build on an empty `image`, `author`, `id`… (lint-docusaurus.ts): such a key is left out rather than emptied.
    else if (site.generator === 'docusaurus' && NON_EMPTY_TEXT.includes(field.key) && !shared.has(field.key)) out = removeField(out, field.key);
    else if (!shared.has(field.key) && !SETTINGS.has(field.key)) out = clearField(out, field.key, field.value);
  }
  // A site that names a new post by its date (Jekyll) takes it from the front matter: the newest
  // post may carry it in its file name alone, a new one cannot.
  const { dateField, post } = site.profile;
  if (dateKey === undefined && dateField !== null && /\{(date|year)\}/.test(post) && !fields.some((f) => f.key === dateField)) out = setField(out, dateField, vars.date);
  const body = templateBody(newRecapText(vars.builtin, title !== '' ? { title } : {}));
  return withBody(out, `\n${asksTruncateMarker(site) ? withTruncateMarker(body) : body}`);
}

/** A Docusaurus site whose blog asks every post for a truncate marker (`onUntruncatedBlogPosts`): a new post of its main blog. */
function asksTruncateMarker(site: Pick<SiteInfo, 'root' | 'generator' | 'profile'>): boolean {
  if (site.generator !== 'docusaurus') return false;
  const blog = site.profile.post.split('{')[0] ?? '';
  return docusaurusBlogChecks(site.root, path.join(site.root, blog, 'index.md')).truncateMarker !== undefined;
}

/** The body with Docusaurus' truncate marker after the paragraph under its first heading (the recap's opening: the blog's list shows it). */
function withTruncateMarker(body: string): string {
  const lines = body.split('\n');
  const heading = lines.findIndex((l) => /^#{1,6}\s/.test(l));
  const start = lines.findIndex((l, i) => i > heading && l.trim() !== '');
  if (heading < 0 || start < 0 || /^#{1,6}\s/.test(lines[start] ?? '')) return body;
  const end = lines.findIndex((l, i) => i > start && l.trim() === '');
  const at = end < 0 ? lines.length : end;
  return [...lines.slice(0, at), '', TRUNCATE_MARKER, ...lines.slice(at)].join('\n');
}
