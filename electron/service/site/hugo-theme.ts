// Which Hugo theme shortcodes a site has (core/markdown/theme-shortcodes.ts): from the themes its
// config names, a theme folder (`theme = "congo"`, a list of them) or a module import
// (`[[module.imports]] path = "github.com/jpanther/congo/v2"`), less a shortcode of that name in
// the site's own layouts/ (Hugo takes the site's before its theme's, and it may do anything).
// Read from the config, never run.

import { lstatSync } from 'node:fs';
import * as path from 'node:path';
import { isRecord as isMap } from '../../core/is-record';
import { themeName, themeShortcodesOf, THEME_SHORTCODES } from '../../core/markdown/theme-shortcodes';
import { configValue as get, hugoConfig } from './hugo-config';

/** The theme names and module paths a config gives. */
export function themesOf(data: Record<string, unknown>): string[] {
  const theme = get(data, 'theme');
  const named = typeof theme === 'string' ? theme.split(',') : Array.isArray(theme) ? theme.filter((t): t is string => typeof t === 'string') : [];
  const imports = get(data, 'module', 'imports');
  const list: unknown[] = Array.isArray(imports) ? imports : isMap(imports) ? [imports] : [];
  const modules = list.map((i) => get(i, 'path')).filter((p): p is string => typeof p === 'string');
  return [...named, ...modules];
}

/** Whether the site's own layouts/ has the shortcode (`shortcodes/` or Hugo 0.146's `_shortcodes/`, any output format). */
function ownShortcode(root: string, name: string): boolean {
  return ['shortcodes', '_shortcodes'].some((dir) => ['html', 'md'].some((ext) => lstatSync(path.join(root, 'layouts', dir, `${name}.${ext}`), { throwIfNoEntry: false }) !== undefined));
}

/** The theme shortcodes of the Hugo site at `root` whose config is `config`; none for a site of no known theme. */
export function hugoThemeShortcodes(root: string, config: string | null): string[] {
  const data = config !== null ? hugoConfig(config) : null;
  if (data === null) return [];
  const own = Object.keys(THEME_SHORTCODES).filter((name) => ownShortcode(root, name));
  return themeShortcodesOf(themesOf(data), own);
}

/**
 * Where the site's theme takes a post's cover from the page's own folder only with a flag
 * (MarkdownReading.pageCover): PaperMod's `partials/cover.html` shows `cover.image` from the
 * page's folder where `cover.relative` is true (`path.Join .RelPermalink .Params.cover.image`),
 * else `absURL` of it, the site root's; its Open Graph and Twitter templates likewise. Null for
 * any other theme, or where the site has its own `cover.html` (it may do anything).
 */
export function hugoPageCover(root: string, config: string | null): { field: string; flag: string } | null {
  const data = config !== null ? hugoConfig(config) : null;
  if (data === null || !themesOf(data).some((t) => themeName(t) === 'papermod')) return null;
  const own = ['partials', '_partials'].some((dir) => lstatSync(path.join(root, 'layouts', dir, 'cover.html'), { throwIfNoEntry: false }) !== undefined);
  return own ? null : { field: 'cover.image', flag: 'cover.relative' };
}
