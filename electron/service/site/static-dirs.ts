// The folders a site serves at `/` where its config names them, read without running the site:
// Docusaurus' `staticDirectories: ['public', 'static']` (docusaurus.config.*, read as text),
// Hugo's `staticDir = ['static', 'shared']` (or one name) and Hugo's module mounts into static
// (`source = "assets/images"`, `target = "static/images"`: served at `/images/`). Only folders
// inside the site count: a name that is absolute, climbs out (`..`) or is hidden is left out, so
// a config can never make a recap's links reach outside the site.

import { lstatSync, readFileSync } from 'node:fs';
import type { SiteGenerator, StaticMount } from '../../core/contract';
import { configValue, hugoConfig } from './hugo-config';

const MAX_CONFIG_BYTES = 1024 * 1024;

/** A folder name relative to the site root, inside it: `public`, `assets/static`; null for anything else. */
export function insideName(name: string): string | null {
  const clean = name.trim().replace(/^\.\//, '').replace(/\/+$/, '');
  if (clean === '' || clean.startsWith('/') || /^[a-z]:/i.test(clean) || clean.includes('\\')) return null;
  const segments = clean.split('/');
  return segments.every((s) => s !== '' && s !== '..' && !s.startsWith('.')) ? clean : null;
}

/** The names of a list, each inside the site; null when the list names none (the generator's default then). */
function inside(names: unknown[]): string[] | null {
  const dirs = [...new Set(names.filter((n): n is string => typeof n === 'string').map(insideName).filter((n): n is string => n !== null))];
  return dirs.length > 0 ? dirs : null;
}

/** Docusaurus' `staticDirectories` array, read textually from its config's text. */
export function docusaurusStaticDirs(configText: string): string[] | null {
  const list = /\bstaticDirectories\s*:\s*\[([^\]]*)\]/.exec(configText)?.[1];
  if (list === undefined) return null;
  return inside([...list.matchAll(/(['"`])([^'"`\n]{1,200})\1/g)].map((m) => m[2]));
}

/** The assets folder a Hugo site's config names (`assetDir`), inside the site; null: `assets/`. */
export function hugoAssetDir(config: string): string | null {
  const value = configValue(hugoConfig(config), 'assetDir');
  return typeof value === 'string' ? insideName(value) : null;
}

/** The folders the site at its config `config` (a file, or Hugo's config/_default/) serves at `/`, in order; null: the generator's default. */
export function siteStaticDirs(generator: SiteGenerator, config: string): string[] | null {
  if (generator === 'hugo') {
    const value = configValue(hugoConfig(config), 'staticDir');
    return typeof value === 'string' ? inside([value]) : Array.isArray(value) ? inside(value) : null;
  }
  if (generator !== 'docusaurus') return null;
  try {
    const st = lstatSync(config, { throwIfNoEntry: false });
    return st?.isFile() && st.size <= MAX_CONFIG_BYTES ? docusaurusStaticDirs(readFileSync(config, 'utf8')) : null;
  } catch {
    return null;
  }
}

/**
 * What a Hugo config's `module.mounts` serve: each mount whose `target` is `static` or a folder
 * of it, from its `source` folder inside the site (`at`: the path below `/` it is served at, ''
 * for `static` itself); a source that is absolute, climbs out or is hidden is none, never read.
 * Null where no mount targets static: the site's `staticDir`, else `static/`, is served then.
 * Where one does, Hugo serves its mounts alone (its default `static/` only where mounted too).
 * A mount's `includeFiles`/`excludeFiles` are not read: its whole folder counts.
 */
export function hugoStaticMounts(config: string): StaticMount[] | null {
  const list = configValue(hugoConfig(config), 'module', 'mounts');
  if (!Array.isArray(list)) return null;
  let declared = false;
  const mounts: StaticMount[] = [];
  for (const mount of list) {
    const target = configValue(mount, 'target');
    const into = typeof target === 'string' ? insideName(target) : null;
    if (into === null || (into !== 'static' && !into.startsWith('static/'))) continue;
    declared = true;
    const source = configValue(mount, 'source');
    const dir = typeof source === 'string' ? insideName(source) : null;
    if (dir !== null) mounts.push({ dir, at: into.slice('static/'.length) });
  }
  return declared ? mounts : null;
}
