// Where a post's translations live, read from the post's own path (relative to the site, with /):
//
//   Hugo, a folder per language   content/en/news/kcd.md        → content/zh/news/kcd.md
//   Hugo, by content directory     content/english/news/kcd.md   → content/chinese/news/kcd.md (the config's contentDir per language)
//   Hugo, the language in the name content/news/kcd.md           → content/news/kcd.zh.md
//                                  content/blog/kcd/index.md     → content/blog/kcd/index.zh.md
//   (Hugo's content folder is its config's `contentDir` where it names one: src/content/news/kcd.md → src/content/news/kcd.zh.md)
//   Docusaurus                     blog/2021-11-02-kcd/index.md  → i18n/zh/docusaurus-plugin-content-blog/2021-11-02-kcd/index.md
//
// Jekyll has no convention of its own for translations (each plugin has its own): refused, with
// a sentence naming what is supported. Pure module: the page and the service both run it.

import type { SiteGenerator } from '../contract';
import { RecapError } from '../errors';
import { msg } from '../i18n/messages';
import { belowContent, HUGO_CONTENT } from '../site-paths';

export type LangLayout = 'folder' | 'suffix' | 'docusaurus';

/** What the layout needs to know of the site. */
export interface LangSite {
  generator: SiteGenerator | null;
  defaultLang: string;
  /** Languages the site declares or has folders for. */
  languages: readonly string[];
  /**
   * A Docusaurus site's blogs, the main one first: each its folder (`blog`, or its config's
   * `path: 'events'`) and the folder of `i18n/<lang>/` its translations are in
   * (`docusaurus-plugin-content-blog`, `…-blog-<id>` for another instance); one `blog/` otherwise.
   */
  blogs?: ReadonlyArray<{ dir: string; i18n: string }>;
  /**
   * Hugo's translation by content directory: each language's own content folder
   * (`[languages.fr] contentDir = 'content/french'`), where the config gives every language one.
   */
  contentDirs?: Readonly<Record<string, string>>;
  /** Hugo: the site's content folder where its config names another than `content` (`contentDir = "src/content"`). */
  contentDir?: string;
}

/** A post's place among its languages. */
export interface LangPlace {
  layout: LangLayout;
  /** The post's language. */
  lang: string;
  /** The source post (the default language's), relative to the site. */
  source: string;
  /** Hugo by content directory (LangSite.contentDirs): each language's content folder. */
  contentDirs?: Readonly<Record<string, string>>;
  /** Hugo, a folder per language in a content folder other than `content` (LangSite.contentDir): that folder. */
  contentDir?: string;
  /** Docusaurus: the plugin the post is of (a blog, the docs): its folder, and the folders under `i18n/<lang>/` it keeps translations in. */
  plugin?: { dir: string; i18n: string[] };
}

/** A language code as sites name their folders and files: en, zh, pt-br, zh-Hans. */
export const LANG_CODE = /^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/;

export function isLangCode(code: string): boolean {
  return LANG_CODE.test(code);
}

const BLOG_I18N = ['docusaurus-plugin-content-blog'];

const DOCUSAURUS_PLUGINS: ReadonlyArray<{ dir: string; i18n: string[] }> = [
  { dir: 'blog', i18n: BLOG_I18N },
  { dir: 'docs', i18n: ['docusaurus-plugin-content-docs', 'current'] },
];

/** The site's Docusaurus plugins with their folders: its blogs' where its config names them, and the docs. */
function pluginsOf(site: LangSite): ReadonlyArray<{ dir: string; i18n: string[] }> {
  if (site.blogs === undefined || site.blogs.length === 0) return DOCUSAURUS_PLUGINS;
  return [...site.blogs.map((b) => ({ dir: b.dir, i18n: [b.i18n] })), ...DOCUSAURUS_PLUGINS.filter((p) => p.i18n !== BLOG_I18N)];
}

function refuse(rel: string, generator: SiteGenerator | null): never {
  if (generator === 'jekyll') throw new RecapError('UNSUPPORTED', msg('translation.jekyllUnsupported', { path: rel }));
  throw new RecapError('UNSUPPORTED', msg('translation.placeUnsupported', { path: rel }));
}

function hugoPlace(segs: string[], site: LangSite, rel: string): LangPlace {
  // Translation by content directory: the language whose folder holds the post, its source the same path in the default language's.
  const dirs = site.contentDirs;
  const home = dirs?.[site.defaultLang];
  if (dirs !== undefined && home !== undefined) {
    const [lang, dir] = Object.entries(dirs).filter(([, d]) => rel.startsWith(`${d}/`)).sort((a, b) => b[1].length - a[1].length)[0] ?? [];
    if (lang !== undefined && dir !== undefined) return { layout: 'folder', lang, source: `${home}/${rel.slice(dir.length + 1)}`, contentDirs: dirs };
  }
  const content = site.contentDir ?? HUGO_CONTENT;
  const inContent = belowContent(segs, content);
  if (inContent === null) return refuse(rel, site.generator);
  const dir = inContent[0] ?? '';
  if (inContent.length >= 2 && isLangCode(dir) && (site.languages.includes(dir) || dir === site.defaultLang)) {
    return { layout: 'folder', lang: dir, source: [content, site.defaultLang, ...inContent.slice(1)].join('/'), ...(content !== HUGO_CONTENT ? { contentDir: content } : {}) };
  }
  const name = segs[segs.length - 1] ?? '';
  const m = /^(.+)\.([^.]+)(\.(?:md|markdown|mdx))$/.exec(name);
  if (m && isLangCode(m[2] ?? '') && site.languages.includes(m[2] ?? '')) {
    const sourceName = m[2] === site.defaultLang ? name : `${m[1]}${m[3]}`;
    return { layout: 'suffix', lang: m[2] ?? '', source: [...segs.slice(0, -1), sourceName].join('/') };
  }
  return { layout: 'suffix', lang: site.defaultLang, source: rel };
}

function docusaurusPlace(segs: string[], site: LangSite, rel: string): LangPlace {
  const plugins = pluginsOf(site);
  if (segs[0] === 'i18n' && segs.length >= 4) {
    const lang = segs[1] ?? '';
    for (const p of plugins) {
      const inner = segs.slice(2, 2 + p.i18n.length);
      if (inner.join('/') === p.i18n.join('/') && segs.length > 2 + p.i18n.length && isLangCode(lang)) {
        return { layout: 'docusaurus', lang, source: [p.dir, ...segs.slice(2 + p.i18n.length)].join('/'), plugin: p };
      }
    }
  }
  // The plugin whose folder holds the post (a blog's folder may have several segments: `news/posts`).
  const own = plugins.find((p) => segs.length > p.dir.split('/').length && segs.slice(0, p.dir.split('/').length).join('/') === p.dir);
  if (own !== undefined) return { layout: 'docusaurus', lang: site.defaultLang, source: rel, plugin: own };
  return refuse(rel, site.generator);
}

/** The place of the post at `rel` (relative to the site, / between folders) among its languages. */
export function langPlace(rel: string, site: LangSite): LangPlace {
  const segs = rel.split('/').filter((s) => s !== '' && s !== '.');
  if (segs.includes('..')) refuse(rel, site.generator);
  if (site.generator === 'hugo') return hugoPlace(segs, site, rel);
  if (site.generator === 'docusaurus') return docusaurusPlace(segs, site, rel);
  return refuse(rel, site.generator);
}

/** Where the post of `place` is in `lang` (relative to the site): the same file name, the language's place. */
export function translationRel(place: LangPlace, lang: string, defaultLang: string): string {
  if (!isLangCode(lang)) throw new RecapError('BAD_REQUEST', msg('translation.badLang', { lang }));
  const segs = place.source.split('/');
  if (place.layout === 'folder' && place.contentDirs !== undefined) {
    const from = place.contentDirs[defaultLang];
    const to = place.contentDirs[lang];
    if (!isLangCode(lang)) throw new RecapError('BAD_REQUEST', msg('translation.badLang', { lang }));
    if (from === undefined || to === undefined || !place.source.startsWith(`${from}/`)) throw new RecapError('BAD_REQUEST', msg('translation.noContentDir', { lang, folders: Object.entries(place.contentDirs).map(([l, d]) => `${l}: ${d}/`).join(', ') }));
    return `${to}/${place.source.slice(from.length + 1)}`;
  }
  if (place.layout === 'folder') {
    const content = place.contentDir ?? HUGO_CONTENT;
    return [content, lang, ...segs.slice(content.split('/').length + 1)].join('/');
  }
  if (place.layout === 'suffix') {
    if (lang === defaultLang) return place.source;
    const name = segs[segs.length - 1] ?? '';
    const m = /^(.+?)(\.(?:md|markdown|mdx))$/.exec(name);
    return [...segs.slice(0, -1), `${m?.[1] ?? name}.${lang}${m?.[2] ?? ''}`].join('/');
  }
  if (lang === defaultLang) return place.source;
  // The plugin's folder the post's place names (its blog's, its docs'), the rest of the path below the plugin's own folder.
  const plugin = place.plugin ?? DOCUSAURUS_PLUGINS.find((p) => p.dir === segs[0] && p.i18n !== BLOG_I18N) ?? DOCUSAURUS_PLUGINS[0]!;
  return ['i18n', lang, ...plugin.i18n, ...segs.slice(plugin.dir.split('/').length)].join('/');
}

/** The folder a language's posts go under in this layout (for "a language folder the site does not declare"). */
export function languageFolder(place: LangPlace): string | null {
  if (place.layout === 'folder') return place.contentDirs?.[place.lang] ?? `${place.contentDir ?? HUGO_CONTENT}/${place.lang}`;
  if (place.layout === 'docusaurus') return `i18n/${place.lang}`;
  return null;
}
