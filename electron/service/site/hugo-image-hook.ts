// Whether a Hugo site reads its posts' Markdown images through Hugo's embedded image render hook,
// read from the site's config and layouts without running Hugo. That hook (Hugo 0.123 and later)
// looks an image up as the figure shortcode looks its src up: the page's resource, then the
// site's assets/ (`resources.Get`, which publishes it), and only then takes it as written
// (static/). Hugo uses it (`markup.goldmark.renderHooks.image.useEmbedded`, before 0.148
// `enableDefault`):
// - `always`: always;
// - `fallback` (`enableDefault = true`): unless the site or its theme has its own image hook;
// - `auto`, the default: on a multilingual single-host site (two languages or more, none with a
//   baseURL of its own) that does not duplicate shared resources, unless there is such a hook;
// - `never` (`enableDefault = false`): never.
// A site's own hook (layouts/…/_markup/render-image*.html, else its theme's) may do anything:
// where each of its templates looks the image up in the site's resources (`resources.Get`, as
// Blowfish's and Congo's do after the page's own, or in a partial it calls, as the LoveIt
// family's), images are read as the embedded hook reads them, on any site; otherwise as written.
// A theme we cannot see (a Hugo module, a theme folder missing or a symlink, a `themesDir` outside
// the site) may have one: a theme whose hook we know (KNOWN_HOOKS: Hextra's, Blowfish's, FixIt's,
// DoIt's) is read as that hook reads, any other as written. Themes are looked for in `themesDir`
// (kubernetes.io keeps Docsy in node_modules/), else themes/.
// Hextra's hook also links a plain page's relative image up one level (`../name`): `siblings`
// (service/recap/hugo-siblings.ts says where that is a published file). Terminal's looks in
// assets/ below the page's own folder (`path.Join .Page.File.Dir .Destination`): `pageDir`; its
// figure shortcode, a theme's own, looks nothing up and shows its src as written
// (hugoFigureAsWritten), where Hugo's own looks as its embedded hook does. Stack's takes the
// page's resource, else the address from the site's root (`absURL`, `relURL`), never assets/: its
// Markdown images stay links, looked for beside a bundle's post and then at the root (hugoRootHook).

import { lstatSync, readdirSync, readFileSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { isRecord as isMap } from '../../core/is-record';
import { configValue as get, enabledLanguages, hugoConfig, hugoContentRoots, type HugoConfig as Data } from './hugo-config';
import { themesOf } from './hugo-theme';
import { themeName } from '../../core/markdown/theme-shortcodes';
import { msg, type Msg } from '../../core/i18n/messages';


/** The entries of a folder (none when it is not one, or is a symlink's). */
function entriesOf(dir: string): Dirent[] {
  try {
    return lstatSync(dir, { throwIfNoEntry: false })?.isDirectory() ? readdirSync(dir, { withFileTypes: true }) : [];
  } catch {
    return [];
  }
}

/**
 * The image render hooks of a layouts folder where Hugo looks for them: `_markup/` at its top
 * (Hugo 0.146 and later) or in a folder of it (`_default/_markup/`, a type's or section's),
 * `render-image.html` or a variant of it (`render-image.en.html`, `render-image.rss.xml` aside).
 */
function imageHooks(layouts: string): string[] {
  const folders = ['', ...entriesOf(layouts).filter((e) => e.isDirectory() && !e.name.startsWith('.') && e.name !== '_markup').map((e) => e.name)];
  return folders.flatMap((f) => {
    const dir = path.join(layouts, f, '_markup');
    return entriesOf(dir).filter((e) => e.isFile() && /^render-image\b.*\.html$/i.test(e.name)).map((e) => path.join(dir, e.name));
  });
}

const MAX_HOOK_BYTES = 64 * 1024;

/** A hook's template as text (never run); null for what is no file of a hook's size. */
function hookText(file: string): string | null {
  try {
    const st = lstatSync(file, { throwIfNoEntry: false });
    return st?.isFile() === true && st.size <= MAX_HOOK_BYTES ? readFileSync(file, 'utf8') : null;
  } catch {
    return null;
  }
}

/** The layouts folder a template is in (`…/themes/doit/layouts`); null for none. */
function layoutsOf(file: string): string | null {
  for (let dir = path.dirname(file); dir !== path.dirname(dir); dir = path.dirname(dir)) if (path.basename(dir) === 'layouts') return dir;
  return null;
}

const MAX_PARTIALS = 12;

/**
 * The texts of a hook's template and of the partials it calls (`partial "plugin/image.html"`,
 * then `function/resource.html`), looked for where Hugo looks: the site's layouts/, then the
 * hook's own (`partials/`, or `_partials/` since Hugo 0.146); at most MAX_PARTIALS of them.
 */
function hookTexts(file: string, siteLayouts: string): string[] {
  const folders = [...new Set([siteLayouts, layoutsOf(file) ?? siteLayouts])];
  const seen = new Set<string>([file]);
  const queue = [file];
  const texts: string[] = [];
  while (queue.length > 0 && seen.size <= MAX_PARTIALS) {
    const text = hookText(queue.shift() ?? '') ?? '';
    texts.push(text);
    for (const m of text.matchAll(/\bpartial(?:Cached)?\s+"([\w./-]+)"/g)) {
      const name = (m[1] ?? '').replace(/^\/+/, '');
      if (name.split('/').includes('..')) continue;
      const called = folders.flatMap((dir) => ['partials', '_partials'].map((p) => path.join(dir, p, /\.\w+$/.test(name) ? name : `${name}.html`))).find((f) => hookText(f) !== null);
      if (called !== undefined && !seen.has(called)) {
        seen.add(called);
        queue.push(called);
      }
    }
  }
  return texts;
}

/**
 * Whether a hook's texts (hookTexts) look its image up among the site's global resources
 * (`resources.Get` or `resources.GetMatch` of a value, not of a fixed file such as
 * `resources.Get "svg/loading.svg"`: the assets/ folder), as Hugo's embedded hook does after the
 * page's own resources: Blowfish's and Congo's do, LoveIt's family through the partials it calls.
 */
const readsAssets = (texts: readonly string[]): boolean => texts.some((t) => /(?<![.\w$])resources\.(Get|GetMatch)\s+(?!["`])/.test(t));

/**
 * Whether a hook's texts (hookTexts) take the page's resource by the image's address
 * (`.Resources.Get`, `.Resources.GetMatch`) and else makes the address one of the site's root
 * (`.Destination | relURL`, `.Image | absURL` in a partial it calls): Stack's. A relative image
 * the page bundle does not have is the file the site serves at its root (static/), never assets/.
 */
function takesFromRoot(texts: readonly string[]): boolean {
  return texts.some((t) => /\.Resources\.(?:Get|GetMatch)\b/.test(t)) && texts.some((t) => /\.(?:Destination|Image)\s*\|\s*(?:abs|rel)URL\b|\b(?:abs|rel)URL\s+\$?\.(?:Destination|Image)\b/.test(t));
}

/**
 * Whether a hook's template links a plain page's relative image up to its section's folder, as
 * Hextra's does for a page that is no bundle (`printf "../%s" $dest`).
 */
const linksSiblings = (file: string): boolean => /\bprintf\s+"\.\.\/%s"/.test(hookText(file) ?? '');

/**
 * Themes whose image hook is known, for a site that uses one we cannot see (a Hugo module fetched
 * at build time, a theme folder not checked out). Read from the themes' current
 * `layouts/_markup/render-image.html` (Hextra) and `layouts/_default/_markup/render-image.html`
 * (Blowfish; FixIt and DoIt through their `partials/function/resource.html`): each takes the
 * page's resource, then `resources.Get` (the site's assets/), then the address as written; Hextra
 * links a plain page's relative image as `../name`.
 */
interface KnownHook {
  name: string;
  siblings: boolean;
  /** It looks an image up below the page's folder in assets/ (Terminal's). */
  pageDir?: true;
  /** The theme's figure shortcode shows its src as written (Terminal's). */
  figureAsWritten?: true;
  /** It takes an image the page's resources lack from the site's root, never from assets/ (Stack's: takesFromRoot). */
  fromRoot?: true;
}

const KNOWN_HOOKS: Readonly<Record<string, KnownHook>> = {
  hextra: { name: 'Hextra', siblings: true },
  blowfish: { name: 'Blowfish', siblings: false },
  fixit: { name: 'FixIt', siblings: false },
  doit: { name: 'DoIt', siblings: false },
  terminal: { name: 'Terminal', siblings: false, pageDir: true, figureAsWritten: true },
  stack: { name: 'Stack', siblings: false, fromRoot: true },
};

/** The known hook of the first theme or module the config names that has one; null for none. */
function knownHook(data: Data): KnownHook | null {
  for (const said of themesOf(data)) {
    const known = KNOWN_HOOKS[themeName(said)];
    if (known !== undefined) return known;
  }
  return null;
}

/** The folder the site keeps its themes in (`themesDir`, relative to the site and inside it), else themes/; null for one outside the site. */
function themesDirOf(data: Data): string | null {
  const said = get(data, 'themesDir');
  if (said === undefined) return 'themes';
  if (typeof said !== 'string') return null;
  const clean = said.trim().replace(/^\.\//, '').replace(/\/+$/, '');
  const segments = clean.split('/');
  return clean !== '' && !clean.startsWith('/') && !clean.includes('\\') && !/^[a-z]:/i.test(clean) && segments.every((s) => s !== '' && s !== '.' && s !== '..') ? clean : null;
}

/**
 * The image render hooks Hugo uses for the site: its own (layouts/), else those of the first of
 * its themes that has any; none ([]) when neither has one; null when a theme cannot be looked into.
 */
function ownImageHooks(root: string, data: Data): string[] | null {
  return firstTemplates(root, data, imageHooks);
}

/**
 * The templates `find` finds in the site's layouts/, else in those of the first of its themes
 * that has any; none ([]) when neither has one; null when a theme cannot be looked into (a Hugo
 * module, a theme folder missing or a symlink, a `themesDir` outside the site).
 */
function firstTemplates(root: string, data: Data, find: (layouts: string) => string[]): string[] | null {
  const own = find(path.join(root, 'layouts'));
  if (own.length > 0) return own;
  const imports = get(data, 'module', 'imports');
  if (Array.isArray(imports) ? imports.length > 0 : isMap(imports)) return null;
  const theme = get(data, 'theme');
  const themes = typeof theme === 'string' ? [theme] : Array.isArray(theme) ? theme : [];
  if (themes.length === 0) return [];
  const themesDir = themesDirOf(data);
  // Each folder on the way a folder of the site's own, never a symlink out of it.
  if (themesDir === null || themesDir.split('/').some((_, i, all) => !lstatSync(path.join(root, ...all.slice(0, i + 1)), { throwIfNoEntry: false })?.isDirectory())) return null;
  for (const name of themes) {
    if (typeof name !== 'string' || !/^[\w.-]+$/.test(name) || name.startsWith('.')) return null;
    const dir = path.join(root, themesDir, name);
    if (!lstatSync(dir, { throwIfNoEntry: false })?.isDirectory()) return null;
    const found = find(path.join(dir, 'layouts'));
    if (found.length > 0) return found;
  }
  return [];
}

/** The figure shortcode's template of a layouts folder (`shortcodes/figure.html`, or `_shortcodes/` since Hugo 0.146). */
function figureTemplates(layouts: string): string[] {
  return ['shortcodes', '_shortcodes'].map((dir) => path.join(layouts, dir, 'figure.html')).filter((f) => hookText(f) !== null).slice(0, 1);
}

/**
 * Whether the site's figure shortcode shows its src as written: its own (or its theme's)
 * `figure.html` writes the src parameter itself in each `<img>` (Terminal's, Docsy's to 0.11), or
 * looks no file up (no `.Resources` nor a `resources.Get` of a value, and calls no partial that
 * might: Beautiful Hugo's takes only a fixed stylesheet from assets/), or a theme we
 * cannot see whose figure is known to (KNOWN_HOOKS `figureAsWritten`). Hugo's embedded figure
 * looks the src up as a page resource, then in the site's assets/.
 */
export function hugoFigureAsWritten(root: string, config: string | null): boolean {
  const data = config !== null ? hugoConfig(config) : null;
  if (data === null) return false;
  const own = firstTemplates(root, data, figureTemplates);
  if (own === null) return knownHook(data)?.figureAsWritten === true;
  const text = own.length > 0 ? hookText(own[0] ?? '') : null;
  if (text === null) return false;
  // Every <img> it writes shows the src parameter itself (Docsy's to 0.11 looks the resource up and
  // never uses it): as written, whatever else it looks up.
  const imgs = text.match(/<img\b/g)?.length ?? 0;
  if (imgs > 0 && text.match(SRC_AS_WRITTEN)?.length === imgs) return true;
  // A partial it calls may look the file up: not known to show it as written. A fixed file it
  // takes from assets/ (Beautiful Hugo's `resources.Get "css/hugo-easy-gallery.css"`) is no lookup of the src.
  return !/\.Resources\b|(?<![.\w$])resources\.(?:Get|GetMatch|Match|ByType)\s+(?!["`])|\bpartial(?:Cached)?\s/.test(text);
}

/** An `<img>` whose src is the call's own `src` (`src="{{ .Get "src" }}"`, or through `safeURL`, which changes nothing). */
const SRC_AS_WRITTEN = /<img\b[^>]*?\bsrc\s*=\s*"\{\{-?\s*\.Get\s+"src"\s*(?:\|\s*safeURL\s*)?-?\}\}"/g;

/** Whether a hook's template looks its image up below the page's own folder in assets/ (`path.Join .Page.File.Dir .Destination`: Terminal's). */
const looksInPageDir = (file: string): boolean => /\bpath\.Join\s+\$?\.Page\.File\.Dir\s+\$?\.Destination\b/.test(hookText(file) ?? '');

/** Two languages or more (those not disabled), none with a baseURL of its own. */
function multilingualSingleHost(data: Data): boolean {
  const on = enabledLanguages(data);
  return on.length >= 2 && on.every((l) => get(data, 'languages', l, 'baseURL') === undefined);
}

/**
 * What looks up a Hugo site's Markdown images as a figure's src is looked up: Hugo's embedded
 * hook, the site's or theme's own hook (its file, relative to the site), or the known hook of a
 * theme we cannot see (its name). `siblings`: it links a plain page's relative image to its
 * section's folder (Hextra's).
 */
export type ImageHook = { by: 'embedded' } | { by: 'own'; file: string; siblings?: true; pageDir?: true } | { by: 'theme'; theme: string; siblings?: true; pageDir?: true };

/** A site's own image hook or its theme's, named for the rules' details; null for Hugo's embedded one or none. */
export function hookNamed(hook: ImageHook | null): Msg | null {
  return hook?.by === 'own' ? msg('rules.hookOwn', { file: hook.file }) : hook?.by === 'theme' ? msg('rules.hookTheme', { theme: hook.theme }) : null;
}

/** Whether the hook looks an image up below the page's folder in assets/ (ImageHook `pageDir`). */
export function looksUpInPageDir(hook: ImageHook | null): boolean {
  return hook !== null && hook.by !== 'embedded' && hook.pageDir === true;
}

/** Whether the hook links a plain page's relative image up one level (ImageHook `siblings`). */
export function linksUpOneLevel(hook: ImageHook | null): boolean {
  return hook !== null && hook.by !== 'embedded' && hook.siblings === true;
}

/** When Hugo uses its embedded image hook (`useEmbedded`, before 0.148 `enableDefault`): `always`, `fallback`, `auto` or `never`. */
function embeddedHookMode(data: Data): string {
  const hook = get(data, 'markup', 'goldmark', 'renderHooks', 'image');
  const enableDefault = get(hook, 'enableDefault');
  const said = get(hook, 'useEmbedded');
  return typeof said === 'string' ? said.toLowerCase() : enableDefault === true ? 'fallback' : enableDefault === false ? 'never' : 'auto';
}

/**
 * The image hook of the site at `root` that takes a relative image the page's resources lack
 * from the site's root (takesFromRoot: Stack's, its own file or a theme we cannot see that is
 * known to), where Hugo uses it: null for none, or where Hugo's embedded hook always reads them.
 */
export function hugoRootHook(root: string, config: string | null): Exclude<ImageHook, { by: 'embedded' }> | null {
  const data = config !== null ? hugoConfig(config) : null;
  if (data === null || embeddedHookMode(data) === 'always') return null;
  const own = ownImageHooks(root, data);
  if (own === null) {
    const known = knownHook(data);
    return known?.fromRoot === true ? { by: 'theme', theme: known.name } : null;
  }
  const layouts = path.join(root, 'layouts');
  // Each hook's texts (it and the partials it calls) are read once for both questions.
  const fromRoot = (file: string): boolean => {
    const texts = hookTexts(file, layouts);
    return !readsAssets(texts) && takesFromRoot(texts);
  };
  if (own.length === 0 || !own.every(fromRoot)) return null;
  return { by: 'own', file: path.relative(root, own[0] ?? '').split(path.sep).join('/') };
}

/**
 * Whether Hugo reads the Markdown images of the site at `root` (config file or config/_default/
 * `config`) as a figure's src: with its embedded image render hook, or with a hook of the site's
 * or its theme's whose every template looks the image up in the site's resources; null when not.
 */
export function hugoImageHook(root: string, config: string | null): ImageHook | null {
  const data = config !== null ? hugoConfig(config) : null;
  if (data === null) return null;
  const mode = embeddedHookMode(data);
  if (mode === 'always') return { by: 'embedded' };
  const own = ownImageHooks(root, data);
  if (own === null) {
    const known = knownHook(data);
    return known === null || known.fromRoot === true ? null : { by: 'theme', theme: known.name, ...(known.siblings ? { siblings: true as const } : {}), ...(known.pageDir === true ? { pageDir: true as const } : {}) };
  }
  if (own.length > 0) {
    if (!own.every((f) => readsAssets(hookTexts(f, path.join(root, 'layouts'))))) return null;
    return { by: 'own', file: path.relative(root, own[0] ?? '').split(path.sep).join('/'), ...(own.every(linksSiblings) ? { siblings: true as const } : {}), ...(own.every(looksInPageDir) ? { pageDir: true as const } : {}) };
  }
  if (mode === 'fallback') return { by: 'embedded' };
  if (mode !== 'auto') return null;
  return get(data, 'markup', 'goldmark', 'duplicateResourceFiles') !== true && multilingualSingleHost(data) ? { by: 'embedded' } : null;
}

/**
 * How a Hugo site looks its posts' images up, decided once per detection: its image hook
 * (hugoImageHook), whether its figure shows its src as written (hugoFigureAsWritten), and where a
 * hook that looks below the page's folder in assets/ (Terminal's) takes that folder from: the
 * site's content folders, the longest first. Such a hook is read so only where the site's figure
 * shows its src as written, so that a figure lookup (containment.ts `figure`) is the hook's alone;
 * beside Hugo's own figure, which looks in assets/ itself, it is read as the embedded one. And,
 * where no hook reads them as a figure's src, one that takes them from the root (hugoRootHook).
 */
export function hugoImageLookups(root: string, config: string | null): { imageHook: ImageHook | null; figureAsWritten: boolean; hookPageDirs: string[] | null; rootHook: Exclude<ImageHook, { by: 'embedded' }> | null } {
  const figureAsWritten = hugoFigureAsWritten(root, config);
  let imageHook = hugoImageHook(root, config);
  if (imageHook !== null && imageHook.by !== 'embedded' && imageHook.pageDir === true && !figureAsWritten) {
    const { pageDir: _, ...rest } = imageHook;
    imageHook = rest;
  }
  const data = config !== null ? hugoConfig(config) : null;
  const hookPageDirs = looksUpInPageDir(imageHook) ? [...new Set(hugoContentRoots(data))].sort((a, b) => b.length - a.length) : null;
  return { imageHook, figureAsWritten, hookPageDirs, rootHook: imageHook === null ? hugoRootHook(root, config) : null };
}
