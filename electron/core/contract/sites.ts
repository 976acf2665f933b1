import type { Msg } from '../i18n/messages';
// The contract's sites: a static site's profile (generator, layout, schema) and the website
// checkouts the app remembers. Type-only.

import type { PhotoSettings } from './photos';
import type { FieldSpec, Severity } from './problems';

export type SiteGenerator = 'hugo' | 'jekyll' | 'docusaurus';

/** Which rules a post is checked with, and why: lint and the form say it. */
export interface RulesInfo {
  /**
   * `site`: detected from the site's files (its generator, config and posts); `site-file`: the
   * site's .recap-studio.yml; `profile`: a profile given by name; `generic`: outside any site.
   */
  source: 'site' | 'site-file' | 'profile' | 'generic';
  /** One sentence: which rules and why. */
  summary: string;
  /** What was found, one finding per line (formats, folders, fields the posts use, what is required). */
  details: string[];
  /** The same in the catalogue's words, for the reader's language. */
  summaryMsg?: Msg;
  detailsMsg?: Msg[];
  /** A draft's rules taken from the site it was started for: that site's folder (export offers it first). */
  site?: string;
  /** …and that site's generator, where its config says it (a Docusaurus site's `@site/` links reach its folders). */
  siteGenerator?: SiteGenerator;
  /** Fields most of the site's posts have beyond the profile's, and the kind of value they hold: offered in the form. */
  suggested?: Array<{ key: string; kind: 'string' | 'list' | 'boolean' | 'number' | 'map' | 'null' }>;
  /** The values the site's posts give each list field (keywords, tags, authors), most used first: the form offers them. */
  known?: Record<string, string[]>;
}

/** How the site that publishes a post reads its Markdown (see core/markdown/site-reading.ts). */
export interface MarkdownReading {
  /** Liquid image links are the site paths they render to (Jekyll). */
  liquid: boolean;
  /** MDX: import/export statements are code, `<img src={hall}>` and `src={require('./a.png')}` are the files. */
  mdx: boolean;
  /** The generator that reads the post (for messages); null when no site is known. */
  generator: SiteGenerator | null;
  /**
   * The post's own front-matter switch that changed how its site reads it, as written for
   * messages (`render_with_liquid: false` on Jekyll, `format: md` or `format: mdx` on Docusaurus).
   */
  switchedBy?: string;
  /**
   * Hugo reads the post's Markdown images with its embedded image render hook: each is looked up
   * as the figure shortcode's src is (the page's resource, the site's assets/, then as written).
   */
  imageHook?: true;
  /**
   * Hugo: the site's image hook links a plain page's relative image to its section's folder (Hextra's
   * `../name`): a photo beside the page is published where its folder is a section whose address
   * is the page's parent (service/recap/hugo-siblings.ts).
   */
  siblingImages?: true;
  /**
   * Hugo: the site's image hook looks a Markdown image up in assets/ below the page's own folder
   * (Terminal's `resources.Get (path.Join .Page.File.Dir .Destination)`: `stage.png` of
   * content/posts/kcd.md is assets/posts/stage.png), never at assets/<name>: the site's content
   * folders (relative to its root, the longest first), which the page's folder is taken from.
   * Set only where the site's figure shortcode reads its src as written (figureAsWritten), so that
   * a figure lookup is the hook's alone.
   */
  hookPageDirs?: string[];
  /**
   * Hugo: the site's (or its theme's) own figure shortcode shows its src as written, looking no
   * file up (Terminal's): a figure's src is a link like any other, not a page or global resource.
   */
  figureAsWritten?: true;
  /**
   * Hugo: the site's image hook takes a relative image the page bundle does not have from the
   * site's root (Stack's: `.Resources.Get`, else `absURL` of the address): `img/crowd.jpg` is the
   * bundle's file, else static/img/crowd.jpg; a plain page, which has no resources, the root's
   * alone. Never assets/. Markdown images are links, not a figure's src (imageHook is unset).
   */
  imagesFromRoot?: true;
  /**
   * Hugo: the theme shows the cover `field`'s relative value from the page's own folder only where
   * the post's `flag` field is true, else from the site's root (PaperMod: `cover.image` with
   * `cover.relative: true`; without it `cover.jpg` is `absURL` of it, the root's /cover.jpg).
   */
  pageCover?: { field: string; flag: string };
  /**
   * Hugo: the shortcodes of the site's theme that show a bundle photo found by its name
   * (core/markdown/theme-shortcodes.ts: Congo's `screenshot`, Docsy's `imgproc`), sorted.
   */
  themeShortcodes?: string[];
  /**
   * The path its site is published under (Jekyll's `baseurl`, the path of Hugo's `baseURL`:
   * SiteProfile.baseUrlPath): a link written `/events/assets/a.png` is the site path `/assets/a.png`.
   */
  baseUrl?: string;
  /**
   * Docusaurus: the site's folder as its `@site/` alias names it, for a post of a known site.
   * `served`: its folders served at `/` (`@site/static/img/a.png` is the site path `/img/a.png`);
   * `own`: the post's folder from the site's root (`@site/blog/2024-06-01-kcd/a.png` is the post's
   * `a.png`). The service resolves such a link itself (files/containment.ts); this is how the
   * tray knows it names one of its photos.
   */
  siteAlias?: { own: string; served: string[] };
  /**
   * A Jekyll site on the Chirpy theme, which publishes every image address without a `:` through
   * its `media-url.html` (core/markdown/site-reading.ts mediaUrlOf): under the post's
   * `media_subpath`, made site-absolute, and on the site's `cdn` where its `_config.yml` names one.
   * `cdn`: that value; `subpath`: the post's own (postReading sets it from its front matter).
   */
  media?: SiteMedia & { subpath?: string };
}

/** How a Chirpy site addresses its media (MarkdownReading.media): its `_config.yml`'s `cdn`, where set. */
export interface SiteMedia {
  cdn?: string;
}

/** A folder a site serves below a path: its files at `/<at>/…` (`at` without slashes; '' for `/`). */
export interface StaticMount {
  dir: string;
  at: string;
}

export interface SiteProfile {
  name: string;
  label: string;
  /**
   * Post path relative to the site root, e.g. `content/{lang}/news/{slug}.md`. Also `{section}`
   * (the profile's section) and `{date}` (YYYY-MM-DD, from the `dateField` of the front matter).
   */
  post: string;
  /**
   * Where a recap's images live and the URL the Markdown links them by. Site-absolute URL
   * (`/images/news/{imageDir}`): `dir` is relative to the site root (`static/images/news/{imageDir}`).
   * Relative URL (`.`, page bundles; `beside` is true): `dir` is relative to the post's folder and
   * links are relative (`./kcd-event.jpg`; on Hugo `kcd-event.jpg`, photoLinkPrefix). Patterns may use {imageDir}, {slug}, {lang}, {section}, {date}.
   */
  images: {
    dir: string;
    url: string;
    beside: boolean;
    /** Preflight warns about an image file larger than this (bytes); photos.maxEdge bounds its pixels. */
    maxBytes: number;
  };
  /** Language folder used for `{lang}` when the site does not say otherwise. */
  defaultLang: string;
  /** Value of `{section}` in the post pattern (e.g. `news`, `posts`). */
  section: string;
  /** Front-matter field whose YYYY-MM-DD value fills `{date}`; null when the profile has none. */
  dateField: string | null;
  /** The theme prints the title as the page heading: a `# …` in the body would be a second one. */
  themePrintsTitle: boolean;
  /** The generator this profile is for; site detection picks profiles by it. */
  generator: SiteGenerator | null;
  fields: FieldSpec[];
  photos: PhotoSettings;
  /** Which rules these are and why (set when the profile was picked for a post or a site). */
  rules?: RulesInfo;
  /**
   * A post the site dates by its file or folder name (Jekyll `_posts/2021-11-02-kcd.md`,
   * Docusaurus `blog/2021-11-02-kcd/index.md`): the date it gets while its front matter has none.
   * The form's date help and the preview's byline both say it (set by `rulesForPost` alone).
   * `first`: the name's date wins over the front matter's too (a Hugo site whose config reads
   * `:filename` first). `written`: the day the name says where the site reads it as another
   * (Docusaurus' `2024-02-30-kcd.md`, dated 2024-03-01).
   */
  dateFromName?: { date: string; where: 'file' | 'folder'; first?: true; written?: string };
  /**
   * Jekyll: the day a `_posts/` file's name starts with where that day does not exist
   * (`2024-13-01-kcd.md`: `2024-13-01`). Jekyll stops its build on it unless the front matter
   * writes the post's date, so the date field is then required, and its error says why.
   */
  nameDateNotADay?: string;
  /**
   * How the post's site reads its Markdown (Liquid on Jekyll, MDX on Docusaurus and `.mdx`), set
   * by `rulesForPost` for a post of a known site; absent (read as both) for a draft or a file
   * outside any site.
   */
  markdown?: MarkdownReading;
  /**
   * Docusaurus: the names its `authors.yml` gives author keys (`slorber` → `Sébastien Lorber`), for
   * the byline and the form's author chips (the front matter keeps the key). Set by `postProfile`.
   */
  authorNames?: Record<string, string>;
  /**
   * Docusaurus: the author keys the post's blog reads when the site is built in its default
   * locale (its authors map, `blog/authors.yml` or its `authorsMapPath`, or the localized one that
   * locale's build reads in its place; for a translation, its locale's), `file` that map relative
   * to the site, `keys` null where the blog has none: a key in `authors` that is not one stops
   * the site's build. `locales`: the other locales' builds that read another map (a localized
   * one), which stop on a key their map lacks. Unset where that is not known (a map the config
   * names as code, one not read).
   */
  authorsMap?: { file: string; keys: string[] | null; locales?: Array<{ locale: string; file: string; keys: string[] | null }> };
  /**
   * Docusaurus: the tags the post's blog predefines (its `tags.yml`, or the file its `tags` option
   * names, or the localized one a locale's build reads in its place), that file relative to the
   * site, and how its build reports a tag it lacks (`onInlineTags`: `warn` by default, `throw`
   * stops the build); `locales`, the other locales' builds that read another file.
   */
  tagsMap?: { file: string; keys: string[]; severity: Severity; locales?: Array<{ locale: string; file: string; keys: string[] }> };
  /** Docusaurus: the blog's config asks every post for a truncate marker (`onUntruncatedBlogPosts`), and how its build reports a post without one. */
  truncateMarker?: Severity;
  /** Docusaurus: the blog's config says how its build reports an author written out in a post rather than in its authors map `file` (`onInlineAuthors`). */
  inlineAuthors?: { file: string; severity: Severity };
  /**
   * What the site's generator leaves out when it builds the site, as its config says: drafts
   * (Hugo's and Docusaurus' `draft: true`, Jekyll's `published: false`), posts dated after today
   * (Hugo without `buildFuture`, Jekyll without `future: true`) and expired ones (Hugo's
   * `expiryDate` without `buildExpired`). Unset outside a site.
   */
  leavesOut?: { drafts: boolean; future: boolean; expired: boolean };
  /**
   * Hugo: how its config's `[frontmatter]` has Hugo date a page, where it changes Hugo's defaults:
   * `chains`, what each of Hugo's four dates is read from, in order, as Hugo expands its lists
   * (lower-cased keys with their aliases, `:default` expanded, `:filename` and the other `:`
   * identifiers kept); `all`, every key it reads as a date; `fromName`, its date list has
   * `:filename` (a page named `2024-05-01-kcd.md` is dated by its name): `first` before any
   * front-matter key, `fallback` after them; `nameDay`, set by `rulesForPost` for a post of a
   * site whose lists read `:filename`: the day its name gives Hugo ('' for a name with none).
   * Unset: Hugo's defaults.
   */
  dateKeys?: {
    chains: Record<'date' | 'lastmod' | 'publishdate' | 'expirydate', string[]>;
    all: string[];
    fromName?: 'first' | 'fallback';
    nameDay?: string;
  };
  /** Jekyll: the site's `timezone` (IANA, from `_config.yml`), in which it publishes a date with its time. */
  timezone?: string;
  /**
   * A draft for a site (started from its template, or a copy of its post): the site's public
   * folders (absolute), where the draft's site-absolute links also find images the site already
   * serves (a logo its posts share). Set by `rulesForSiteDraft` alone.
   */
  siteImageRoots?: string[];
  /** A draft for a Hugo site whose config mounts folders below a path: those folders (absolute) and where they are served (see staticMounts). Set by `rulesForSiteDraft` alone. */
  siteImageMounts?: StaticMount[];
  /**
   * The folders (relative to the site root) whose files the site serves at `/`, in the order it
   * looks in them, where its config names them: Docusaurus' `staticDirectories`, Hugo's
   * `staticDir`. Absent: the generator's default (`static/`; Jekyll's root). Set by `detectSite`.
   */
  staticDirs?: string[];
  /**
   * Hugo: folders its config's `module.mounts` serve below a path (`source = "assets/images"`,
   * `target = "static/images"`: `{ dir: 'assets/images', at: 'images' }`, its files at
   * `/images/…`). Where a config mounts into static, Hugo serves only its mounts: `staticDirs`
   * then lists the ones served at `/`, possibly none. Set by `detectSite`.
   */
  staticMounts?: StaticMount[];
  /** Hugo: the folder its config names `assetDir` (relative to the site root), where `assets/` is not. Set by `detectSite`. */
  assetsDir?: string;
  /**
   * The path the site is published under, without slashes (`events` for a GitHub Pages project
   * site at user.github.io/events): Jekyll's `baseurl`, or the path of Hugo's `baseURL` where Hugo
   * leaves a link that starts with `/` as written (site/hugo-config.ts hugoBasePath). A link
   * `/events/assets/a.png` is the site's `assets/a.png`. Set by `detectSite`.
   */
  baseUrlPath?: string;
  /**
   * Docusaurus: the path the site is published under (its `baseUrl`, without slashes), which
   * Docusaurus puts before a Markdown image's link itself but not before an `<img>` tag's src
   * (`<img src="/img/a.png">` is missing on the published site). Set by `detectSite`.
   */
  tagBaseUrlPath?: string;
  /**
   * Jekyll: the site publishes the files beside its posts (the jekyll-postfiles plugin, named in
   * `_config.yml` or its Gemfile); Jekyll itself copies nothing out of a `_posts` folder. Set by
   * `detectSite`.
   */
  postFiles?: true;
}

/**
 * A folder a site keeps posts in, where it has several (Hugo's sections, Jekyll's `_posts` and
 * category folders, published collections; a Docusaurus site's blogs): a new post may go to any
 * of them (the service's `sitePlaces`, ExportRequest.section).
 */
export interface PostPlace {
  /** What the author picks it by: the Hugo section (`events`), the Jekyll category folder (`events`, or `_posts` for the site's own). */
  name: string;
  /** The folder as shown (`content/<lang>/events/`, `events/_posts/`). */
  folder: string;
  /** The post pattern a new post there gets (the site's usual one, in that folder). */
  post: string;
}

/** A local checkout of a website, as detected from its files. */
export interface SiteInfo {
  /** Absolute folder of the checkout. */
  root: string;
  generator: SiteGenerator | null;
  profile: SiteProfile;
  /** Where the profile came from: `built-in` or the site's `.recap-studio.yml`. */
  profileSource: 'built-in' | '.recap-studio.yml';
  /** Language folders for `{lang}` (e.g. `en`, `zh`), the profile's default first; [] when the pattern has none. */
  languages: string[];
  /** The site's Hugo archetypes (`default`, `posts`, …), offered as templates for a new recap. */
  archetypes: string[];
  /** A Hugo site's content folder where its config names another than `content` (`contentDir = "src/content"`), relative to the root: its sections, archetypes and translations are found there. */
  contentDir?: string;
  /** Hugo reads its posts' Markdown images with its embedded image render hook (MarkdownReading.imageHook). Set by `detectSite`. */
  imageHook?: true;
  /** Hugo: its image hook links a plain page's relative image to its section's folder (MarkdownReading.siblingImages). Set by `detectSite`. */
  siblingImages?: true;
  /** Hugo: its image hook looks an image up below the page's folder in assets/ (MarkdownReading.hookPageDirs). Set by `detectSite`. */
  hookPageDirs?: string[];
  /** Hugo: its figure shortcode shows its src as written (MarkdownReading.figureAsWritten). Set by `detectSite`. */
  figureAsWritten?: true;
  /** Hugo: its image hook takes an image the page's resources lack from the site's root (MarkdownReading.imagesFromRoot). Set by `detectSite`. */
  imagesFromRoot?: true;
  /** Hugo: its theme takes the cover from the page's folder only where a flag says so (MarkdownReading.pageCover). Set by `detectSite`. */
  pageCover?: { field: string; flag: string };
  /** Hugo: its theme's shortcodes that show a bundle photo by its name (MarkdownReading.themeShortcodes). Set by `detectSite`. */
  themeShortcodes?: string[];
  /** A Jekyll site on the Chirpy theme: image addresses go through its media_subpath and cdn (MarkdownReading.media). Set by `detectSite`. */
  media?: SiteMedia;
}

export interface RememberedSite extends SiteInfo {
  /** The folder is still there and its profile loads. */
  available: boolean;
  /** Why it is not available (folder gone, broken .recap-studio.yml); null when it is. */
  error: string | null;
  lastUsedAt: string;
}
