// Knowing the site: a local checkout of the website is recognised by its generator's config
// file, which picks the site profile (unless the site carries its own in .recap-studio.yml),
// and its language folders are listed for {lang}. A recap opened from inside a checkout finds
// its site by walking up. Sites the author pointed at are remembered in a small JSON file in
// the app's data folder (given by the caller: no electron import here).
//
// Detection is synchronous on purpose: a handful of stat calls, and photos/drafts ask for a
// recap's profile through a synchronous `profileFor`.

import { existsSync, lstatSync, promises as fs, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { pathUnderBase } from '../../core/markdown/site-reading';
import { belowContent, HUGO_CONTENT } from '../../core/site-paths';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { PostPlace, RememberedSite, SiteGenerator, SiteInfo, SiteMedia, SiteProfile } from '../../core/contract';
import { writeFileAtomic } from '../files/atomic-write';
import { RecapError, describeFsErrorMsg } from '../../core/errors';
import { isRecord } from '../../core/is-record';
import { builtInProfileNames, DEFAULT_PROFILE, DOCUSAURUS_CONFIGS, HUGO_CONFIGS, JEKYLL_CONFIGS, loadProfile, loadProfileData, parseProfile, publicDirs, sitePathOf, withStaticDirs } from './profile';
import { hugoAssetDir, hugoStaticMounts, siteStaticDirs } from './static-dirs';
import { hugoImageLookups, linksUpOneLevel } from './hugo-image-hook';
import { hugoPageCover, hugoThemeShortcodes } from './hugo-theme';
import { shortcodeLabel } from '../../core/markdown/theme-shortcodes';
import { configValue, disabledLanguages, enabledLanguages, hugoBasePath, hugoConfig, hugoContentDir, hugoDateKeys, hugoLanguageContentDirs } from './hugo-config';
import { DATED_NAME, fieldKind, hugoPostDateKeys, hugoSection, jekyllPostsDir, rulesForPost, rulesFromSite, rulesGeneric, scanSite, siteFormat, withDetail, type SiteScan } from './site-rules';
import type { FrontMatterFormat } from '../../core/frontmatter/frontmatter';
import { listArchetypes } from './archetypes';
import { blogOfPath, jekyllMedia, docusaurusBaseUrl, docusaurusBlogDirIn, docusaurusBlogsIn, fromSiteFiles, siteLeavesOut, type BlogPlace, jekyllBaseUrl, jekyllCollectionsDir, jekyllPublishesPostFiles, siteMarkdown } from './site-data';
import { inBlogDir, ownFolderProfile } from './post-folder';
import { docusaurusNewPost } from './docusaurus-posts';
import { docusaurusBlogChecks } from './docusaurus-blog-checks';
import { blogPlaces, datedFolders, jekyllCollectionPlaces, postPlaces } from './post-places';
import type { ValueKind } from '../../core/frontmatter/field-types';
import { msg } from '../../core/i18n/messages';

export const SITE_PROFILE_FILE = '.recap-studio.yml';

/** Looks like a language folder: en, zh, pt-br, zh-Hans. */
const LANG_DIR = /^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/;

function isFile(p: string): boolean {
  try {
    // No exception for a missing file: detection asks about ~20 names per folder.
    return statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

function isDir(p: string): boolean {
  try {
    return statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    return false;
  }
}

export function subdirs(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
      .map((d) => d.name);
  } catch {
    return [];
  }
}

/** The generator whose config file sits in `dir`, and that file; null when there is none. */
export function detectGenerator(dir: string): { generator: SiteGenerator; config: string } | null {
  // Most specific first: a Docusaurus or Jekyll site may also hold a generic config.yml.
  for (const [generator, names] of [['docusaurus', DOCUSAURUS_CONFIGS], ['jekyll', JEKYLL_CONFIGS], ['hugo', HUGO_CONFIGS]] as const) {
    for (const name of names) {
      if (isFile(path.join(dir, name))) return { generator, config: path.join(dir, name) };
    }
  }
  if (isDir(path.join(dir, 'config', '_default'))) return { generator: 'hugo', config: path.join(dir, 'config', '_default') };
  return null;
}

type Raw = Record<string, unknown>;

/** Maps merge key by key; anything else (lists included) is replaced by the override. */
function mergeProfile(base: Raw, over: Raw): Raw {
  const out: Raw = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const prev = out[key];
    if (key === 'images' && isRecord(prev) && isRecord(value) && typeof value['url'] === 'string' && value['url'].startsWith('.') && value['dir'] === undefined) {
      // Switching to images beside the post: the base's site folder no longer applies.
      const { dir: _dir, ...rest } = prev;
      out[key] = { ...rest, ...value };
    } else {
      out[key] = isRecord(prev) && isRecord(value) ? mergeProfile(prev, value) : value;
    }
  }
  return out;
}

/**
 * A site's own profile file: either `profile: NAME` and the keys it changes, or a whole
 * profile. Errors are BAD_PROFILE and name the file and the key.
 */
export function parseSiteProfileFile(text: string, file: string = SITE_PROFILE_FILE): SiteProfile {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (err) {
    const at = err instanceof YAMLParseError && err.linePos ? msg('error.profile.atLine', { line: String(err.linePos[0].line) }) : '';
    const first = err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err);
    throw new RecapError('BAD_PROFILE', msg('error.profile.badYaml', { source: file, at, detail: first }));
  }
  if (!isRecord(raw)) throw new RecapError('BAD_PROFILE', msg('error.profile.notMapExample', { source: file }));
  const { profile: base, ...rest } = raw;
  if (base === undefined) return parseProfile(raw, file);
  const names = builtInProfileNames();
  if (typeof base !== 'string' || !names.includes(base)) {
    throw new RecapError('BAD_PROFILE', msg('error.profile.badBase', { source: file, names: names.join(', '), value: JSON.stringify(base) }));
  }
  return parseProfile(mergeProfile(loadProfileData(base), rest), `${file} (based on ${base})`);
}

/** Hugo's languages (less those it turns off: `disabled`) and default language from its config, as far as we can read them. */
export function hugoLanguages(config: string): { languages: string[]; defaultLang: string | null; disabled: Set<string> } {
  const data = hugoConfig(config);
  const def = configValue(data, 'defaultContentLanguage');
  return { languages: enabledLanguages(data), defaultLang: typeof def === 'string' ? def : null, disabled: disabledLanguages(data) };
}

/** The language folders a post pattern with {lang} can use in this site (not those its config turns off), the default first. */
function siteLanguages(root: string, profile: SiteProfile, declared: string[], disabled: Set<string>): string[] {
  const segments = profile.post.split('/');
  const at = segments.indexOf('{lang}');
  if (at === -1) return [];
  const parent = path.join(root, ...segments.slice(0, at));
  const next = segments[at + 1];
  const literalNext = next !== undefined && at + 1 < segments.length - 1 && !next.includes('{') ? next : null;
  const candidates = subdirs(parent).filter((d) => LANG_DIR.test(d) && !disabled.has(d.toLowerCase()));
  const withSection = literalNext ? candidates.filter((d) => isDir(path.join(parent, d, literalNext))) : candidates;
  const found = new Set([...(withSection.length > 0 ? withSection : candidates), ...declared]);
  if (found.size === 0) found.add(profile.defaultLang);
  return [...found].sort((a, b) => (a === profile.defaultLang ? -1 : b === profile.defaultLang ? 1 : a.localeCompare(b)));
}

/**
 * Hugo: news posts in content/<lang>/news → hugo-news; otherwise page bundles (or plain files,
 * as most posts are), in the section where most of the site's posts live, under language folders
 * when the posts are, and below the section where they are (content/en/blog/_posts/2023/… →
 * content/{lang}/blog/_posts/{year}/{slug}/index.md for a new post). All of it in the content
 * folder the config names where it names one (`contentDir = "src/content"`): the posts are read
 * there, and a new one goes there.
 */
function hugoProfile(root: string, contentDir: string): SiteProfile {
  const content = path.join(root, contentDir);
  // A built-in profile's pattern (and label) in the site's content folder.
  const inContentDir = (p: SiteProfile): SiteProfile => (contentDir === HUGO_CONTENT ? p : { ...p, post: p.post.replace(/^content\//, `${contentDir}/`), label: p.label.replace(/\(content\//, `(${contentDir}/`) });
  if (subdirs(content).some((d) => LANG_DIR.test(d) && isDir(path.join(content, d, 'news')))) return inContentDir(loadProfile('hugo-news'));
  const bundle = inContentDir(loadProfile('hugo-bundle'));
  const scan = scanSite(root, 'hugo');
  const [top] = scan.sections;
  // The folders of the section most posts are in, below the content folder.
  const full = top === undefined ? [] : top.dir.split('/');
  const segs = belowContent(full, contentDir) ?? [];
  const [lang, langSection] = segs;
  // Most posts plain files (content/news/x.md): new ones too, their images under static/ (a bundle's photos beside it are published, a plain post's are not).
  const plain = scan.posts - scan.bundles > scan.bundles;
  // Plain posts named `.markdown` where most of them are (a site brought over from Jekyll): new ones too.
  const ext = scan.sections.reduce((n, s) => n + s.markdownNames, 0) * 2 > scan.posts - scan.bundles ? '.markdown' : '.md';
  const asPlain = (post: string, section: string): SiteProfile => ({ ...bundle, post, section, images: staticImages(bundle, scan), label: `Hugo site — posts as files (${post.replace('{section}', section).replace(/\{(\w+)\}/g, '<$1>')}, images in static/)` });
  // New posts go where most of the site's posts are: below the section too (kubernetes.io's
  // content/en/blog/_posts/), in the year's (and month's) folder of their date where the posts
  // are in such folders (_posts/2024/, posts/2024/05/); named by their date when most posts are.
  const name = `${scan.datedNames * 2 > scan.posts ? '{date}-' : ''}{slug}`;
  const folderName = (d: string): boolean => /^[A-Za-z_][A-Za-z0-9._-]*$/.test(d);
  const below = (from: number, of: string[] = segs): string => (datedFolders(of.slice(from)) ?? []).map((d) => `${d}/`).join('');
  const shaped = (dir: string, section: string): SiteProfile =>
    plain ? asPlain(`${dir}${name}${ext}`, section) : { ...bundle, post: `${dir}${name}/index.md`, section, label: `Hugo site — page bundles (${`${dir}${name}`.replace('{section}', section).replace(/\{(\w+)\}/g, '<$1>')}/index.md)` };
  if (lang !== undefined && langSection !== undefined && LANG_DIR.test(lang) && isDir(path.join(content, lang, langSection))) {
    return shaped(`${contentDir}/{lang}/{section}/${below(2)}`, langSection);
  }
  // Languages with content folders of their own (`[languages.en] contentDir = 'content/english'`):
  // a new post goes to the default language's, in the section most of its posts are in.
  const config = detectGenerator(root)?.config;
  const data = config === undefined ? null : hugoConfig(config);
  const langDirs = hugoLanguageContentDirs(data).map((d) => ({ ...d, segs: d.dir.split('/') }));
  const inside = (d: { segs: string[] }, of: string[]): boolean => of.length > d.segs.length && d.segs.every((x, i) => of[i] === x);
  const home = langDirs.find((d) => d.lang === String(configValue(data, 'defaultContentLanguage') ?? 'en'));
  if (home !== undefined && home.segs.length >= 2 && home.segs.every(folderName) && langDirs.some((d) => inside(d, full))) {
    const mostAtHome = scan.sections.map((sec) => sec.dir.split('/')).find((of) => inside(home, of)) ?? [];
    const section = mostAtHome[home.segs.length];
    if (section !== undefined && folderName(section)) return shaped(`${home.dir}/{section}/${below(home.segs.length + 1, mostAtHome)}`, section);
  }
  // No language folders: the section most posts are in, below it too (content/posts/2024/).
  const topSection = segs[0];
  if (topSection !== undefined && !LANG_DIR.test(topSection) && folderName(topSection) && isDir(path.join(content, topSection))) {
    return shaped(`${contentDir}/{section}/${below(1)}`, topSection);
  }
  const section = ['news', 'posts', 'blog'].find((s) => isDir(path.join(content, s)));
  if (plain) return asPlain(`${contentDir}/{section}/{slug}${ext}`, section ?? bundle.section);
  return section && section !== bundle.section ? { ...bundle, section } : bundle;
}

/**
 * Jekyll: posts in `_posts/` (in `<collections_dir>/_posts/` where the config names one: Jekyll
 * then reads none at the root), or in its years' folders (`_posts/2024/2024-03-01-kcd.md`) where
 * most of the site's posts are, so that a new post goes where the others are (Jekyll reads a
 * post anywhere below `_posts/`), and named `.markdown` where most of them are (as `jekyll new`
 * names its first post).
 */
function jekyllProfile(root: string): SiteProfile {
  const base = loadProfile('jekyll');
  const posts = jekyllPostsDir(root);
  const sections = scanSite(root, 'jekyll').sections.filter((s) => s.dir === posts || s.dir.startsWith(`${posts}/`));
  const all = sections.reduce((n, s) => n + s.posts, 0);
  const inYears = sections.filter((s) => /^\/(19|20)\d\d$/.test(s.dir.slice(posts.length))).reduce((n, s) => n + s.posts, 0);
  const years = inYears * 2 > all;
  const ext = sections.reduce((n, s) => n + s.markdownNames, 0) * 2 > all ? '.markdown' : '.md';
  if (!years && posts === '_posts' && ext === '.md') return base;
  const post = base.post.replace(/^_posts\//, `${posts}/${years ? '{year}/' : ''}`).replace(/\.md$/, ext);
  return { ...base, post, label: `Jekyll blog (${posts}/${years ? 'YYYY/' : ''}YYYY-MM-DD-<slug>${ext})` };
}

/** Docusaurus: posts in `blog/`, or in the folder its config gives the blog (`blog: { path: 'events' }`), dated as most of its posts are (docusaurusNewPost). */
function docusaurusProfile(root: string): SiteProfile {
  const base = loadProfile('docusaurus');
  const dir = docusaurusBlogDirIn(root) ?? 'blog';
  const post = docusaurusNewPost(root, dir);
  if (post === base.post) return base;
  const shown = post.replace('{year}', 'YYYY').replace('{month}', 'MM').replace('{day}', 'DD').replace('{date}', 'YYYY-MM-DD').replace('{slug}', '<slug>');
  return { ...base, post, label: `Docusaurus blog (${shown})` };
}

/**
 * What `dir` is as a site: its generator, the profile that fits it (its .recap-studio.yml
 * first) and its language folders. A folder with no generator config gets the default
 * profile and `generator: null`, so that exporting into a new, empty folder still works.
 */
export function detectSite(dir: string): SiteInfo {
  const root = path.resolve(dir);
  if (!isDir(root)) throw new RecapError('NOT_FOUND', msg('error.notAFolder', { path: root }));
  const found = detectGenerator(root);
  const own = path.join(root, SITE_PROFILE_FILE);
  // A Hugo site's content folder: `content/`, or the one its config names (`contentDir`).
  const contentDir = found?.generator === 'hugo' ? hugoContentDir(root) : HUGO_CONTENT;
  let profile: SiteProfile;
  let profileSource: SiteInfo['profileSource'] = 'built-in';
  if (isFile(own)) {
    let text: string;
    try {
      text = readFileSync(own, 'utf8');
    } catch (err) {
      throw new RecapError('BAD_PROFILE', msg('error.cannotRead', { path: own, reason: describeFsErrorMsg(err) }), { cause: err });
    }
    profile = parseSiteProfileFile(text, own);
    profileSource = SITE_PROFILE_FILE;
  } else if (found?.generator === 'hugo') {
    profile = hugoProfile(root, contentDir);
  } else if (found?.generator === 'jekyll') {
    profile = jekyllProfile(root);
  } else if (found?.generator === 'docusaurus') {
    profile = docusaurusProfile(root);
  } else if (found) {
    profile = loadProfile(found.generator);
  } else {
    profile = loadProfile(DEFAULT_PROFILE);
  }
  let declared: string[] = [];
  let disabled = new Set<string>();
  if (found?.generator === 'hugo') {
    const langs = hugoLanguages(found.config);
    declared = langs.languages;
    disabled = langs.disabled;
    if (profileSource === 'built-in' && langs.defaultLang && LANG_DIR.test(langs.defaultLang) && profile.post.includes('{lang}')) {
      profile = { ...profile, defaultLang: langs.defaultLang };
    }
  }
  // Without a config file, only a site's own profile file says which generator it is for.
  const generator = found?.generator ?? (profileSource === SITE_PROFILE_FILE ? profile.generator : null);
  const languages = siteLanguages(root, profile, declared, disabled);
  // Decided once per detection (site/hugo-image-hook.ts): the rules say it, every post's reading carries it.
  const { imageHook, figureAsWritten, hookPageDirs, rootHook } = found?.generator === 'hugo' ? hugoImageLookups(root, found.config) : { imageHook: null, figureAsWritten: false, hookPageDirs: null, rootHook: null };
  const themeShortcodes = found?.generator === 'hugo' ? hugoThemeShortcodes(root, found.config) : [];
  const pageCover = found?.generator === 'hugo' ? hugoPageCover(root, found.config) : null;
  profile = rulesFromSite(profile, { root, generator, config: found?.config ?? null, languages, fromFile: profileSource === SITE_PROFILE_FILE, imageHook, figureAsWritten, rootHook });
  if (themeShortcodes.length > 0 && profile.rules) profile = { ...profile, rules: withDetail(profile.rules, msg('rules.themeShortcodes', { calls: themeShortcodes.map(shortcodeLabel).join(', ') })) };
  if (pageCover !== null && profile.rules) profile = { ...profile, rules: withDetail(profile.rules, msg('rules.pageCover', pageCover)) };
  // The folders the site's config says it serves at `/` (Docusaurus' staticDirectories, Hugo's
  // staticDir), or Hugo's module mounts into static, which replace them (some below a path).
  const mounts = found?.generator === 'hugo' ? hugoStaticMounts(found.config) : null;
  const staticDirs = mounts !== null ? mounts.filter((m) => m.at === '').map((m) => m.dir) : found ? siteStaticDirs(found.generator, found.config) : null;
  const below = (mounts ?? []).filter((m) => m.at !== '');
  const assetDir = found?.generator === 'hugo' ? hugoAssetDir(found.config) : null;
  if (assetDir !== null) profile = { ...profile, assetsDir: assetDir };
  if (staticDirs !== null) {
    profile = withStaticDirs(profile, staticDirs, below);
    const said = [...staticDirs.map((d) => `${d}/`), ...below.map((m) => `${m.dir}/ → /${m.at}/`)].join(', ');
    if (profile.rules && said !== '') profile = { ...profile, rules: withDetail(profile.rules, msg('rules.staticDirs', { dirs: said })) };
  }
  // A Jekyll site on the Chirpy theme makes its images' addresses itself (mediaUrlOf): under a
  // post's media_subpath, on its cdn, and with its baseurl put in by the theme.
  const media = found?.generator === 'jekyll' ? jekyllMedia(root) : null;
  if (media !== null) profile = chirpyProfile(profile, root, media, profileSource === SITE_PROFILE_FILE);
  // A site published under a path (a GitHub Pages project site: Jekyll's baseurl, the path of
  // Hugo's baseURL where Hugo leaves links as written): its site-absolute links carry it (not Chirpy's).
  const baseUrlPath = found?.generator === 'jekyll' ? (media === null ? jekyllBaseUrl(root) : null) : found?.generator === 'hugo' ? hugoBasePath(hugoConfig(found.config)) : null;
  if (baseUrlPath !== null) {
    profile = { ...profile, baseUrlPath, images: imagesUnderBase(profile.images, baseUrlPath) };
    const said = found?.generator === 'hugo' ? msg('rules.baseUrlHugo', { base: `/${baseUrlPath}/`, dir: publicDirs(profile)[0] ?? 'static' }) : msg('rules.baseUrl', { base: `/${baseUrlPath}/` });
    if (profile.rules) profile = { ...profile, rules: withDetail(profile.rules, said) };
  }
  if (found?.generator === 'jekyll' && jekyllPublishesPostFiles(root)) profile = { ...profile, postFiles: true };
  const collections = found?.generator === 'jekyll' && profileSource === 'built-in' ? jekyllCollectionsDir(root) : null;
  if (collections !== null && profile.rules) profile = { ...profile, rules: withDetail(profile.rules, msg('rules.jekyllCollectionsDir', { dir: `${collections}/` })) };
  const blogDir = found?.generator === 'docusaurus' && profileSource === 'built-in' ? docusaurusBlogDirIn(root) : null;
  if (blogDir !== null && profile.rules) profile = { ...profile, rules: withDetail(profile.rules, msg('rules.docusaurusBlogDir', { dir: `${blogDir}/` })) };
  // Docusaurus links a Markdown image under its baseUrl itself, never an <img> tag's src.
  const tagBase = found?.generator === 'docusaurus' ? docusaurusBaseUrl(found.config) : null;
  if (tagBase !== null) {
    profile = { ...profile, tagBaseUrlPath: tagBase };
    if (profile.rules) profile = { ...profile, rules: withDetail(profile.rules, msg('rules.baseUrlDocusaurus', { base: `/${tagBase}/` })) };
  }
  // What its build leaves out (a draft, a post dated after today), as its config says: every post's profile carries it.
  const leavesOut = siteLeavesOut({ root, generator }, found?.config ?? null);
  if (leavesOut !== undefined) profile = { ...profile, leavesOut };
  // The keys it reads as dates, where its config's [frontmatter] changes Hugo's.
  const dateKeys = generator === 'hugo' && found?.config !== undefined ? hugoDateKeys(hugoConfig(found.config)) : undefined;
  if (dateKeys !== undefined) profile = { ...profile, dateKeys };
  return { root, generator, profile, profileSource, languages, archetypes: generator === 'hugo' ? listArchetypes(root).map((a) => a.name) : [], ...(contentDir !== HUGO_CONTENT ? { contentDir } : {}), ...(imageHook !== null ? { imageHook: true as const } : {}), ...(linksUpOneLevel(imageHook) ? { siblingImages: true as const } : {}), ...(hookPageDirs !== null ? { hookPageDirs } : {}), ...(figureAsWritten ? { figureAsWritten: true as const } : {}), ...(rootHook !== null ? { imagesFromRoot: true as const } : {}), ...(pageCover !== null ? { pageCover } : {}), ...(themeShortcodes.length > 0 ? { themeShortcodes } : {}), ...(media !== null ? { media } : {}) };
}

/**
 * The folders a site keeps its posts in, where it has several (post-places.ts), its usual one
 * first: a new post may go to any. Undefined for one, or where the site's own .recap-studio.yml
 * says where posts go. Asked by export (and for a Docusaurus post, by its profile), not by every
 * detection: a Hugo or Jekyll site's answer reads its scan of the posts.
 */
export function sitePlaces(site: SiteInfo): PostPlace[] | undefined {
  const { root, generator, profile } = site;
  if (site.profileSource !== 'built-in') return undefined;
  if (generator === 'docusaurus') return blogPlaces(profile, docusaurusBlogsIn(root).map((b) => ({ dir: b.dir, post: docusaurusNewPost(root, b.dir) })));
  if (generator === 'hugo') {
    const config = detectGenerator(root)?.config;
    const langDirs = config === undefined ? [] : hugoLanguageContentDirs(hugoConfig(config)).map((d) => d.dir);
    return postPlaces(generator, profile, scanSite(root, generator), [], langDirs, site.contentDir);
  }
  if (generator === 'jekyll') return postPlaces(generator, profile, scanSite(root, generator), jekyllCollectionPlaces(root));
  return undefined;
}

/**
 * The site's rules for a new post in `place` (a section picked at export): its pattern, its Hugo
 * section (for `{section}` in the image folder too), and on Hugo its photos where a post of its
 * shape has them published — beside a page bundle, under static/ for a plain file (as a post of
 * that shape already in the site keeps them: plainHugoPost).
 */
export function profileInPlace(site: SiteInfo, place: PostPlace): SiteProfile {
  const { profile } = site;
  if (profile.generator !== 'hugo') return { ...profile, post: place.post };
  const moved = { ...profile, post: place.post, section: place.name };
  const bundle = /\/index\.(md|markdown)$/i.test(place.post);
  if (bundle && !profile.images.beside) return { ...moved, images: { ...profile.images, dir: '.', url: '.', beside: true } };
  if (!bundle && profile.images.beside) return servedBySiteConfig({ ...moved, images: staticImages(moved, scanSite(site.root, 'hugo')) }, site);
  return moved;
}

/** Every name whose presence in a folder can make it a site (config files, config/_default, .recap-studio.yml). */
const SITE_NAMES = [...DOCUSAURUS_CONFIGS, ...JEKYLL_CONFIGS, ...HUGO_CONFIGS, 'config', SITE_PROFILE_FILE];

/**
 * Folders found not to be a site, with their inode and mtime then. A walk up from a recap asks
 * every folder about ~20 names; adding, removing or renaming any entry changes the folder's
 * mtime, so while it is unchanged one stat of the folder stands for them all (the home screen
 * walks up from every draft). Only "not a site" is kept, and only when none of the names is
 * there at all (not even a dangling link, or a config/ folder whose _default may come later).
 */
const notSites = new Map<string, string>();

function folderStamp(dir: string): string | null {
  try {
    const st = statSync(dir, { throwIfNoEntry: false });
    return st?.isDirectory() ? `${st.ino}:${st.mtimeMs}` : null;
  } catch {
    return null;
  }
}

function noSiteNames(dir: string): boolean {
  try {
    return SITE_NAMES.every((name) => lstatSync(path.join(dir, name), { throwIfNoEntry: false }) === undefined);
  } catch {
    return false;
  }
}

/** Whether `dir` has a generator config or a .recap-studio.yml. */
export function looksLikeSite(dir: string): boolean {
  const stamp = folderStamp(dir);
  if (stamp !== null && notSites.get(dir) === stamp) return false;
  const yes = detectGenerator(dir) !== null || isFile(path.join(dir, SITE_PROFILE_FILE));
  if (yes || stamp === null || !noSiteNames(dir)) notSites.delete(dir);
  else {
    if (notSites.size >= 10_000) notSites.clear();
    notSites.set(dir, stamp);
  }
  return yes;
}

/** The folder of the site checkout above `file` (generator config or .recap-studio.yml), without loading its profile. */
export function siteRootAbove(file: string): string | null {
  let dir = path.dirname(path.resolve(file));
  for (;;) {
    if (looksLikeSite(dir)) return dir;
    const up = path.dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

/** The site checkout a recap sits in, found by walking up from its folder; null outside any site. */
export function findSiteFor(recapPath: string): SiteInfo | null {
  const root = siteRootAbove(recapPath);
  return root === null ? null : detectSite(root);
}

/**
 * The profile of a Jekyll site on the Chirpy theme (`media`: jekyllMedia): its rules say how its
 * image addresses are read, and its posts' photos are where their media_subpath says
 * (`/assets/img/htb/{imageDir}`), so a post's new ones go there too, unless its own
 * `.recap-studio.yml` (`fromFile`) names the folder.
 */
function chirpyProfile(profile: SiteProfile, root: string, media: SiteMedia, fromFile: boolean): SiteProfile {
  let out = profile.rules ? { ...profile, rules: withDetail(profile.rules, msg(media.cdn !== undefined ? 'rules.chirpyMediaCdn' : 'rules.chirpyMedia', { cdn: media.cdn ?? '' })) } : profile;
  const folder = fromFile ? undefined : scanSite(root, 'jekyll').imageFolders[0]?.url;
  if (folder === undefined || folder.includes('{section}')) return out;
  out = { ...out, images: { ...out.images, dir: folder.slice(1), url: folder } };
  return out.rules ? { ...out, rules: withDetail(out.rules, msg('rules.chirpyFolder', { dir: `${folder.slice(1)}/` })) } : out;
}

/**
 * A profile's image folder on a site published under `base`, where the site's posts' links (which
 * the folder was found from) carry it: `/meetups/images/{imageDir}` in `static/meetups/…` is the
 * folder `/images/{imageDir}` in `static/images/…`.
 */
function imagesUnderBase(images: SiteProfile['images'], base: string): SiteProfile['images'] {
  const url = pathUnderBase(images.url, base);
  const rest = images.url.slice(1);
  if (url === images.url || !images.dir.endsWith(rest)) return images;
  return { ...images, url, dir: images.dir.slice(0, images.dir.length - rest.length) + url.slice(1) };
}

/**
 * Where a Hugo site's plain-file posts keep their images: their links' folder under static/ (on a
 * site published under a base path, the folder its links name below the base), else
 * /images/{section}/{imageDir}.
 */
function staticImages(profile: SiteProfile, scan: SiteScan): SiteProfile['images'] {
  const found = scan.imageFolders[0]?.url;
  const url = found === undefined ? '/images/{section}/{imageDir}' : sitePathOf(found, profile);
  return { ...profile.images, dir: `static${url}`, url, beside: false };
}

/**
 * A plain-file post of a Hugo site (`content/news/x.md`, not a bundle's index.md): Hugo
 * publishes the files beside it nowhere, so where its site's profile keeps images beside the
 * post (page bundles), its photos go under static/ instead (staticImages). The post's pattern
 * becomes its own folder's (its language folder {lang}, its section folder filled in), so its
 * slug, language, section and site are found from its path wherever it sits. A page bundle on a
 * site of plain-file posts keeps its photos beside it. Any other post keeps the profile as it is.
 */
function plainHugoPost(site: SiteInfo, recapPath: string): SiteProfile {
  const { profile } = site;
  if (site.generator !== 'hugo') return profile;
  const rel = path.relative(site.root, path.resolve(recapPath)).split(path.sep);
  const name = rel.pop() ?? '';
  const contentDir = site.contentDir ?? HUGO_CONTENT;
  const inContent = belowContent([...rel, name], contentDir);
  const at = contentDir.split('/').length;
  const section = hugoSection(rel, contentDir);
  // A page bundle (content/…/<slug>/index.md) where the site's posts are mostly plain files: its
  // photos are its own resources, kept and linked beside it, as Hugo publishes them.
  if (inContent !== null && inContent.length >= 3 && /^index\.(md|markdown)$/i.test(name) && !profile.images.beside) return { ...profile, images: { ...profile.images, dir: '.', url: '.', beside: true } };
  if (inContent === null || section === undefined || inContent.length < 2 || /^_?index\./i.test(name) || !/\.(md|markdown)$/i.test(name)) return profile;
  if (!rel.every((d) => /^[A-Za-z0-9_][A-Za-z0-9._-]*$/.test(d))) return profile;
  const config = inContent.length >= 3 ? detectGenerator(site.root)?.config : undefined;
  const languages = config ? [...site.languages, ...hugoLanguages(config).languages] : site.languages;
  // content/zh/news/x.md: the language folder is the post's language (its export goes to that language's folder).
  const dirs = rel.map((d, i) => (i === at && inContent.length >= 3 && languages.includes(d) ? '{lang}' : d));
  const images = profile.images.beside ? staticImages(profile, scanSite(site.root, 'hugo')) : profile.images;
  const fill = (p: string): string => p.replaceAll('{section}', section);
  // Named by its date where the site names its posts so (`2024-05-01-kcd-porto.md`): its slug, and its photo folder, is the rest.
  const dated = DATED_NAME.test(name) && profile.post.includes('{date}') ? '{date}-' : '';
  return { ...profile, post: `${dirs.join('/')}/${dated}{slug}${path.extname(name)}`, section, images: { ...images, dir: fill(images.dir), url: fill(images.url) } };
}

/** Where a flat Docusaurus post's photos go when the site's flat posts give no hint: under static/, by the post's slug. */
const DOCUSAURUS_FLAT_IMAGES = '/img/blog/{imageDir}';

/**
 * A flat Docusaurus post (`blog/2024-05-01-kcd.md`, or a translation's
 * `i18n/<lang>/docusaurus-plugin-content-blog/2024-05-01-kcd.md`; not a folder's index.md): its
 * photos go under static/, where the site's flat posts keep theirs (`/img/<slug>/…`), else in
 * `static/img/blog/<slug>/` linked `/img/blog/<slug>/…` — never loose in blog/ among every other
 * post's (the folder `blog/<date>-<slug>/index.md` that would keep them beside it is a new
 * post's layout, not ours to choose for an existing file). Its existing relative links keep
 * working: Docusaurus reads them from the file, and an export keeps their photos beside it.
 */
function flatDocusaurusPost(site: SiteInfo, recapPath: string): SiteProfile {
  const { profile } = site;
  if (site.generator !== 'docusaurus' || !profile.images.beside) return profile;
  const rel = path.relative(site.root, path.resolve(recapPath)).split(path.sep);
  const name = rel.pop() ?? '';
  const blog = inBlogDir(rel, profile) || (rel[0] === 'i18n' && /^docusaurus-plugin-content-blog(?:-[A-Za-z0-9_-]+)?$/.test(rel[2] ?? ''));
  if (!blog || /^index\./i.test(name) || !/\.(md|mdx)$/i.test(name) || !rel.every((d) => /^[A-Za-z0-9_][A-Za-z0-9._-]*$/.test(d))) return profile;
  const hint = scanSite(site.root, 'docusaurus').imageFolders[0]?.url;
  const url = hint === undefined || hint.includes('{section}') ? DOCUSAURUS_FLAT_IMAGES : hint;
  const file = `${DATED_NAME.test(name) ? '{date}-' : ''}{slug}${path.extname(name)}`;
  return { ...profile, post: `${rel.join('/')}/${file}`, images: { ...profile.images, dir: `static${url}`, url, beside: false } };
}

/**
 * A Docusaurus site as a post of one of its other blogs (`events/…` beside the main `blog/`) is
 * read: with that blog's post pattern, so that its folder names its date and slug as the main
 * blog's do. The site as it is for any other post.
 */
function blogOfPost(site: SiteInfo, blog: BlogPlace | null): SiteInfo {
  const places = blog !== null && blog.lang === null ? sitePlaces(site) : undefined;
  const place = places?.find((p) => p.folder.replace(/\/$/, '') === blog?.blog.dir);
  return place === undefined || place.post === site.profile.post ? site : { ...site, profile: { ...site.profile, post: place.post } };
}

/** `profile` (one post's, or a new post's) with its photos where `site`'s config says it serves them (withStaticDirs). */
function servedBySiteConfig(profile: SiteProfile, site: SiteInfo): SiteProfile {
  return withStaticDirs(profile, site.profile.staticDirs ?? [], site.profile.staticMounts ?? []);
}

/** The profile one post of a site is read, checked and exported by (see plainHugoPost, flatDocusaurusPost, ownFolderProfile and rulesForPost). */
export function postProfile(of: SiteInfo, recapPath: string): SiteProfile {
  const rel = path.relative(of.root, path.resolve(recapPath)).split(path.sep).join('/');
  // The blog of a Docusaurus post (its own posts or its translations'): its pattern, its date from the path below it.
  const blog = of.generator === 'docusaurus' ? blogOfPath(docusaurusBlogsIn(of.root), rel.split('/')) : null;
  const site = blogOfPost(of, blog);
  const own = site.generator === 'docusaurus' ? flatDocusaurusPost(site, recapPath) : plainHugoPost(site, recapPath);
  // A plain Hugo post's or a flat Docusaurus post's photos go under static/: where the site serves it.
  const served = servedBySiteConfig(ownFolderProfile(own, rel, site.generator, site.languages, site.contentDir), site);
  const rules = rulesForPost(served, recapPath, blog?.inBlog);
  return { ...rules, ...fromSiteFiles(site, detectGenerator(site.root)?.config ?? null, recapPath, rules), ...blogChecksOf(site, recapPath) };
}

/**
 * The rules for a post not yet in `site`, to be written at `postPath` (export's new post):
 * `profile`'s, dated by the post's name as the site's own posts are, and its Markdown read as
 * the site reads a post there (Docusaurus' `markdown.format`).
 */
export function newPostProfile(site: SiteInfo, profile: SiteProfile, postPath: string): SiteProfile {
  const rules = rulesForPost(profile, postPath);
  return { ...rules, markdown: siteMarkdown(site, detectGenerator(site.root)?.config ?? null, postPath, rules), ...blogChecksOf(site, postPath) };
}

/** What the site leaves out of its build and the keys it reads as dates (read at detection), and what a Docusaurus post's blog checks in it (docusaurus-blog-checks.ts), as a profile's part. */
function blogChecksOf(site: Pick<SiteInfo, 'root' | 'generator' | 'profile'>, postPath: string): Pick<SiteProfile, 'authorsMap' | 'tagsMap' | 'truncateMarker' | 'inlineAuthors' | 'leavesOut' | 'dateKeys'> {
  const { leavesOut, dateKeys } = site.profile;
  return {
    ...(site.generator === 'docusaurus' ? docusaurusBlogChecks(site.root, postPath) : {}),
    ...(leavesOut !== undefined ? { leavesOut } : {}),
    ...(dateKeys !== undefined ? { dateKeys: hugoPostDateKeys(dateKeys, postPath) } : {}),
  };
}

/** The profile for a recap: its site's when it sits in one, else `fallback` (the default profile). */
export function profileForRecap(recapPath: string | null, fallback: () => SiteProfile = () => rulesGeneric(loadProfile())): SiteProfile {
  if (recapPath === null) return fallback();
  const site = findSiteFor(recapPath);
  return site ? postProfile(site, recapPath) : fallback();
}

function scanAbove(recapPath: string): SiteScan | null {
  const root = siteRootAbove(recapPath);
  return root === null ? null : scanSite(root, detectGenerator(root)?.generator ?? null);
}

/** The kind of value the other posts of the recap's site give a field (null outside a site, or when none has it). */
export function siteFieldKind(recapPath: string, key: string): ValueKind | null {
  return fieldKind(scanAbove(recapPath), key);
}

/** The front-matter format the posts (else the archetypes) of the recap's site use; null outside a site. */
export function siteFrontMatterFormat(recapPath: string): FrontMatterFormat | null {
  const scan = scanAbove(recapPath);
  return scan === null ? null : siteFormat(scan);
}

// ---------------------------------------------------------------------------------------
// Remembered sites

interface StoredSite {
  root: string;
  generator: SiteGenerator | null;
  profile: string;
  languages: string[];
  lastUsedAt: string;
}

export interface SiteRegistry {
  /** The remembered sites, most recently used first, each detected afresh. */
  list(): Promise<RememberedSite[]>;
  /** Detects the site in `dir` and remembers it (or marks it used now). */
  remember(dir: string): Promise<RememberedSite>;
  forget(root: string): Promise<void>;
  /** The remembered site a recap sits in, if any. */
  siteFor(recapPath: string): Promise<RememberedSite | null>;
}

export function createSiteRegistry(dataDir: string, now: () => number = Date.now): SiteRegistry {
  const file = path.join(path.resolve(dataDir), 'sites.json');
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const run = queue.then(job, job);
    queue = run.catch(() => undefined);
    return run;
  };

  async function read(): Promise<StoredSite[]> {
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch {
      return [];
    }
    try {
      const data = JSON.parse(text) as { sites?: unknown };
      if (!Array.isArray(data.sites)) return [];
      return data.sites.filter((s): s is StoredSite => isRecord(s) && typeof s['root'] === 'string' && typeof s['lastUsedAt'] === 'string');
    } catch {
      // A damaged list is not worth failing over: the author points at the site again.
      return [];
    }
  }

  async function write(sites: StoredSite[]): Promise<void> {
    await fs.mkdir(path.dirname(file), { recursive: true });
    await writeFileAtomic(file, `${JSON.stringify({ version: 1, sites }, null, 2)}\n`);
  }

  function describe(stored: StoredSite): RememberedSite {
    try {
      const info = detectSite(stored.root);
      return { ...info, available: true, error: null, lastUsedAt: stored.lastUsedAt };
    } catch (err) {
      let profile: SiteProfile;
      try {
        profile = loadProfile(stored.profile);
      } catch {
        profile = loadProfile();
      }
      return {
        root: stored.root,
        generator: stored.generator,
        profile,
        profileSource: 'built-in',
        languages: stored.languages,
        archetypes: [],
        available: false,
        error: err instanceof Error ? err.message : String(err),
        lastUsedAt: stored.lastUsedAt,
      };
    }
  }

  return {
    list: () => serial(async () => (await read()).sort((a, b) => b.lastUsedAt.localeCompare(a.lastUsedAt)).map(describe)),

    remember: (dir) =>
      serial(async () => {
        const info = detectSite(dir);
        const lastUsedAt = new Date(now()).toISOString();
        const sites = (await read()).filter((s) => s.root !== info.root);
        sites.unshift({ root: info.root, generator: info.generator, profile: info.profile.name, languages: info.languages, lastUsedAt });
        await write(sites);
        return { ...info, available: true, error: null, lastUsedAt };
      }),

    forget: (root) =>
      serial(async () => {
        const sites = await read();
        const keep = sites.filter((s) => s.root !== path.resolve(root));
        if (keep.length !== sites.length) await write(keep);
      }),

    siteFor: (recapPath) =>
      serial(async () => {
        const full = path.resolve(recapPath);
        const hit = (await read())
          .filter((s) => full.startsWith(s.root.endsWith(path.sep) ? s.root : s.root + path.sep))
          .sort((a, b) => b.root.length - a.root.length)[0];
        return hit && existsSync(hit.root) ? describe(hit) : null;
      }),
  };
}
