// Where the post and its images go in the target: the names (slug, language, image folder,
// date) from the request, the recap and its path, then the target profile's patterns filled
// with them. The profile is asked once, here; the rest of the plan uses the answers.

import * as path from 'node:path';
import type { ExportReport, ExportRequest, SiteProfile } from '../../core/contract';
import { RecapError } from '../../core/errors';
import { getField, readFrontMatter } from '../../core/frontmatter/frontmatter';
import { isSafeImageDir, isSafeSlug } from '../../core/markdown/photo-names';
import { dateError } from '../../core/recap/lint';
import { publishedDay } from '../../core/recap/site-day';
import { slugify } from '../../core/recap/template';
import { imageDirFromText } from '../recap/image-dir';
import { fillPattern, photoLinkPrefix, postVarsFromPath, type PatternVars } from '../site/profile';
import { msg } from '../../core/i18n/messages';
import { type Msg } from '../../core/i18n/messages';

const SAFE_SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

/** A relative path in the target: forward slashes, no empty, `.` or `..` segment. */
export function safeRel(rel: string): boolean {
  return rel !== '' && !rel.startsWith('/') && !rel.includes('\\') && rel.split('/').every((s) => s !== '' && s !== '.' && s !== '..');
}

/** The recap's path relative to the site when it is a post inside it (forward slashes), else null. */
export function postInSite(root: string, recapPath: string): string | null {
  const rel = path.relative(root, recapPath);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel) || !/\.(md|markdown|mdx)$/i.test(rel)) return null;
  const posix = rel.split(path.sep).join('/');
  return safeRel(posix) ? posix : null;
}

function defaultSlug(recapPath: string, text: string, fromPath: PatternVars): { slug: string; fromField: boolean } {
  if (fromPath.slug) return { slug: fromPath.slug, fromField: false };
  const base = path.basename(recapPath).replace(/\.(md|markdown|mdx)$/i, '');
  let stem = base;
  if (/^_?index$/i.test(base)) stem = path.basename(path.dirname(recapPath));
  if (/^recap$/i.test(base)) {
    // The drafts store names every draft recap.md: its `slug` field (the post's URL name on Hugo,
    // Jekyll and Docusaurus) names the post, else its title.
    const field = getField(text, 'slug');
    if (typeof field === 'string' && isSafeSlug(field.trim()) && /^[a-z0-9][a-z0-9._-]*$/i.test(field.trim())) return { slug: field.trim(), fromField: true };
    const title = getField(text, 'title');
    if (typeof title === 'string' && title.trim() !== '') return { slug: slugify(title), fromField: false };
  }
  return { slug: /^[a-z0-9][a-z0-9._-]*$/.test(stem) ? stem : slugify(stem), fromField: false };
}

/**
 * The YYYY-MM-DD date a front-matter value holds (`2021-11-02`, `2021-11-02 10:00:00 +0800`), or
 * null; with `timeZone` (a Jekyll site's), a time with an offset is the day it is in that zone.
 */
function dateOf(value: unknown, timeZone?: string): string | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/.exec(value.trim());
  if (!m?.[1] || dateError(m[1]) !== null) return null;
  const day = publishedDay(value, timeZone);
  return dateError(day) === null ? day : m[1];
}

/**
 * The date and slug of a post named by its date when its path does not fit its profile's
 * pattern: Docusaurus' flat `blog/2024-05-01-kcd.md` (or a folder `2024-05-01-kcd/index.md`).
 */
function datedName(recapPath: string): PatternVars {
  const base = path.basename(recapPath).replace(/\.(md|markdown|mdx)$/i, '');
  const stem = /^_?index$/i.test(base) ? path.basename(path.dirname(recapPath)) : base;
  const m = /^(\d{4}-\d{2}-\d{2})-([a-z0-9][a-z0-9._-]*)$/.exec(stem);
  const date = dateOf(m?.[1]);
  return date && m?.[2] ? { date, slug: m[2] } : {};
}

/** The recap being exported, and the profile its links are written for. */
export interface ExportSource {
  recapPath: string;
  text: string;
  sourceProfile: SiteProfile;
}

export interface LayoutInput {
  req: Pick<ExportRequest, 'slug' | 'lang' | 'imageDir' | 'section'>;
  source: ExportSource;
  /** The target's profile. */
  profile: SiteProfile;
  /** The target site's own default language, when the target is a site. */
  siteLang: string | undefined;
  /** The zone the target site publishes dates in (Jekyll's `timezone`): the day a new post is named by. */
  timeZone?: string | undefined;
  /** The recap's own path in the target site (a post exported where it lives), else null. */
  ownPath: string | null;
  /** The post's path relative to its own site, where it goes in a target laid out as that site is (see targetProfile); else null. */
  place?: string | null;
  /** Where this recap's earlier export to this target put its post (from the manifest). */
  previousPost: string | null | undefined;
  /**
   * A translation whose language the target's post pattern does not name (Docusaurus'
   * i18n/<lang>/…, Hugo's name.<lang>.md): its language, and its place beside a new post.
   */
  inLanguage?: { lang: string; place: (post: string) => string } | null;
}

export interface Layout {
  slug: string;
  /** The slug can name a file in the site. */
  slugOk: boolean;
  lang: string;
  imageDir: string;
  /** The post's path in the target; null when it cannot be made. */
  post: string | null;
  postFrom: ExportReport['postFrom'];
  /** The earlier export's post path, kept (null when the post is placed anew). */
  pinned: string | null;
  /** Why the post's path cannot be made (e.g. no date for {date}). */
  postPathError: { msg: Msg; field?: string } | null;
  /** The target's image folder, relative to the target; null when it cannot be made. */
  imagesRel: string | null;
  /** The public URL of an image of that folder, as the post links it. */
  urlFor: (name: string) => string;
}

/** Slug, language, image folder and the pattern variables (with the post's date when it has one). */
function namesFor({ req, source, profile, siteLang, inLanguage, timeZone }: LayoutInput): { slug: string; slugField: boolean; lang: string; imageDir: string; vars: PatternVars } {
  const { recapPath, text, sourceProfile } = source;
  let fromPath = postVarsFromPath(recapPath, sourceProfile);
  // A target that names its posts by date: a post named so (a flat Docusaurus post) gives both.
  if (profile.post.includes('{date}')) fromPath = { ...datedName(recapPath), ...fromPath };
  const named = req.slug === undefined ? defaultSlug(recapPath, text, fromPath) : { slug: req.slug, fromField: false };
  const slug = named.slug;
  const lang = req.lang ?? fromPath.lang ?? inLanguage?.lang ?? siteLang ?? profile.defaultLang;
  if (!SAFE_SEGMENT.test(lang)) throw new RecapError('BAD_REQUEST', msg('error.export.badLang', { lang }));
  if (req.imageDir !== undefined && !isSafeImageDir(req.imageDir)) {
    throw new RecapError('BAD_REQUEST', msg('error.badImageDir', { name: req.imageDir }));
  }
  const imageDir = req.imageDir ?? imageDirFromText(text, sourceProfile, path.join(path.dirname(recapPath), `${isSafeSlug(slug) ? slug : 'recap'}.md`));
  const frontMatter = readFrontMatter(text).fields;
  const dateField = profile.dateField;
  // The front matter's date, else the one the post's own path carries (Docusaurus and Jekyll
  // name a post's folder or file by its date and need none in the front matter); a date with its
  // time is the day the site publishes it on (Jekyll's timezone), the day its byline shows.
  const date = dateOf(dateField === null ? undefined : frontMatter.find((f) => f.key === dateField)?.value, timeZone) ?? dateOf(fromPath.date);
  return { slug, slugField: named.fromField, lang, imageDir, vars: { lang, slug, section: profile.section, imageDir, ...(date ? { date, year: date.slice(0, 4), month: date.slice(5, 7), day: date.slice(8, 10) } : {}) } };
}

/** The post's path from the profile's pattern, or why it cannot be made. */
function newPostPath(profile: SiteProfile, vars: PatternVars): { post: string | null; postPathError: Layout['postPathError'] } {
  const filled = fillPattern(profile.post, vars);
  if (/\{(date|year|month|day)\}/.test(filled)) {
    const m = msg('lint.postPath.date', { pattern: profile.post, field: String(profile.dateField) });
    return { post: null, postPathError: { msg: m, ...(profile.dateField ? { field: profile.dateField } : {}) } };
  }
  return { post: safeRel(filled) ? filled : null, postPathError: null };
}

function imagesFolder(profile: SiteProfile, vars: PatternVars, post: string | null): string | null {
  if (profile.images.beside) return post === null ? null : path.posix.normalize(path.posix.join(path.posix.dirname(post), profile.images.dir));
  const filled = fillPattern(profile.images.dir, vars);
  return filled.includes('{') || !safeRel(filled) ? null : filled;
}

function imageUrls(profile: SiteProfile, vars: PatternVars): (name: string) => string {
  // Beside the post: the profile's URL as it is (`.` makes `./name`, on Hugo `name`: photoLinkPrefix); else filled like the folder.
  const prefix = photoLinkPrefix(profile.images.beside ? profile.images.url : fillPattern(profile.images.url, vars), profile);
  return (name) => `${prefix}${encodeURIComponent(name)}`;
}

/**
 * Where the post and its images go. What this recap exported to this target before keeps its
 * post where it was written (a new title does not make a second post) unless the author
 * renames or moves it on purpose (req.slug, req.lang or req.section).
 */
export function layOut(input: LayoutInput): Layout {
  const { req, profile, ownPath, previousPost } = input;
  const { slug, slugField, lang, imageDir, vars } = namesFor(input);
  const slugOk = isSafeSlug(slug);
  const pinned = ownPath === null && req.slug === undefined && req.lang === undefined && req.section === undefined && previousPost && safeRel(previousPost) ? previousPost : null;
  const place = ownPath === null && pinned === null && input.place && safeRel(input.place) ? input.place : null;
  let post: string | null = ownPath ?? pinned ?? place;
  let postPathError: Layout['postPathError'] = null;
  if (slugOk && post === null) ({ post, postPathError } = newPostPath(profile, vars));
  if (post !== null && ownPath === null && pinned === null && place === null && input.inLanguage) post = input.inLanguage.place(post);
  const postFrom: Layout['postFrom'] = ownPath !== null ? 'own' : pinned !== null ? 'pinned' : place !== null ? 'place' : post !== null ? (slugField ? 'slugField' : 'slug') : null;
  return { slug, slugOk, lang, imageDir, post, postFrom, pinned, postPathError, imagesRel: imagesFolder(profile, vars, post), urlFor: imageUrls(profile, vars) };
}
