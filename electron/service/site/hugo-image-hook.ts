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
// A site's own hook (layouts/…/_markup/render-image*.html, its theme's too) may do anything, and
// a theme we cannot see (a Hugo module, a theme folder missing or a symlink, a `themesDir` outside
// the site) may have one: then the images are read as written, as before. Themes are looked for
// in `themesDir` (kubernetes.io keeps Docsy in node_modules/), else themes/.

import { lstatSync, readdirSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { configValue as get, enabledLanguages, hugoConfig, type HugoConfig as Data } from './hugo-config';

const isMap = (v: unknown): v is Data => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The entries of a folder (none when it is not one, or is a symlink's). */
function entriesOf(dir: string): Dirent[] {
  try {
    return lstatSync(dir, { throwIfNoEntry: false })?.isDirectory() ? readdirSync(dir, { withFileTypes: true }) : [];
  } catch {
    return [];
  }
}

/**
 * Whether a layouts folder holds an image render hook where Hugo looks for one: `_markup/` at its
 * top (Hugo 0.146 and later) or in a folder of it (`_default/_markup/`, a type's or section's),
 * `render-image.html` or a variant of it (`render-image.en.html`, `render-image.rss.xml` aside).
 */
function hasImageHook(layouts: string): boolean {
  const folders = ['', ...entriesOf(layouts).filter((e) => e.isDirectory() && !e.name.startsWith('.') && e.name !== '_markup').map((e) => e.name)];
  return folders.some((f) => entriesOf(path.join(layouts, f, '_markup')).some((e) => e.isFile() && /^render-image\b.*\.html$/i.test(e.name)));
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

/** Whether the site or its theme has an image render hook of its own: true, false, or null when a theme cannot be looked into. */
function ownImageHook(root: string, data: Data): boolean | null {
  if (hasImageHook(path.join(root, 'layouts'))) return true;
  const imports = get(data, 'module', 'imports');
  if (Array.isArray(imports) ? imports.length > 0 : isMap(imports)) return null;
  const theme = get(data, 'theme');
  const themes = typeof theme === 'string' ? [theme] : Array.isArray(theme) ? theme : [];
  if (themes.length === 0) return false;
  const themesDir = themesDirOf(data);
  // Each folder on the way a folder of the site's own, never a symlink out of it.
  if (themesDir === null || themesDir.split('/').some((_, i, all) => !lstatSync(path.join(root, ...all.slice(0, i + 1)), { throwIfNoEntry: false })?.isDirectory())) return null;
  for (const name of themes) {
    if (typeof name !== 'string' || !/^[\w.-]+$/.test(name) || name.startsWith('.')) return null;
    const dir = path.join(root, themesDir, name);
    if (!lstatSync(dir, { throwIfNoEntry: false })?.isDirectory()) return null;
    if (hasImageHook(path.join(dir, 'layouts'))) return true;
  }
  return false;
}

/** Two languages or more (those not disabled), none with a baseURL of its own. */
function multilingualSingleHost(data: Data): boolean {
  const on = enabledLanguages(data);
  return on.length >= 2 && on.every((l) => get(data, 'languages', l, 'baseURL') === undefined);
}

/** Whether Hugo reads the Markdown images of the site at `root` (config file or config/_default/ `config`) with its embedded image render hook. */
export function hugoImageHook(root: string, config: string | null): boolean {
  const data = config !== null ? hugoConfig(config) : null;
  if (data === null) return false;
  const hook = get(data, 'markup', 'goldmark', 'renderHooks', 'image');
  const enableDefault = get(hook, 'enableDefault');
  const said = get(hook, 'useEmbedded');
  const mode = typeof said === 'string' ? said.toLowerCase() : enableDefault === true ? 'fallback' : enableDefault === false ? 'never' : 'auto';
  if (mode === 'always') return true;
  if (mode !== 'fallback' && mode !== 'auto') return false;
  if (ownImageHook(root, data) !== false) return false;
  if (mode === 'fallback') return true;
  return get(data, 'markup', 'goldmark', 'duplicateResourceFiles') !== true && multilingualSingleHost(data);
}
