// What a post's byline takes from its site's own files, read as the site reads them: the names
// Docusaurus' `authors.yml` gives author keys, and Jekyll's `timezone` (`_config.yml`). Each file
// is read under containment (a regular file, not a link, whose real path is inside the site),
// small, as YAML; a missing, oversized or broken one gives nothing (keys and days as written).

import { lstatSync, readFileSync, realpathSync } from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { SiteInfo, SiteProfile } from '../../core/contract';
import { isInside } from '../files/containment';

const MAX_BYTES = 512 * 1024;

/** Parsed files by path, kept while their size and mtime stay the same. */
const parsed = new Map<string, { size: number; mtimeMs: number; value: unknown }>();

/** The YAML at `file`, when it is a regular file inside `root` by its real path; null otherwise. */
function siteYaml(root: string, file: string): unknown {
  try {
    const st = lstatSync(file);
    if (!st.isFile() || st.size > MAX_BYTES) return null;
    if (!isInside(realpathSync(root), realpathSync(file))) return null;
    const hit = parsed.get(file);
    if (hit && hit.size === st.size && hit.mtimeMs === st.mtimeMs) return hit.value;
    let value: unknown = null;
    try {
      value = parseYaml(readFileSync(file, 'utf8')) as unknown;
    } catch {
      value = null;
    }
    parsed.set(file, { size: st.size, mtimeMs: st.mtimeMs, value });
    return value;
  } catch {
    return null;
  }
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The `authors.yml` a Docusaurus post's blog reads: the nearest one above the post inside the site
 * (`blog/authors.yml`; a translation's `i18n/<lang>/docusaurus-plugin-content-blog/authors.yml`),
 * falling back, for a translation, to the blog's own (`blog/authors.yml`), as Docusaurus does.
 */
function authorsFile(root: string, postPath: string): string | null {
  const candidates: string[] = [];
  for (let dir = path.dirname(path.resolve(postPath)); isInside(root, dir) && dir !== root; dir = path.dirname(dir)) candidates.push(path.join(dir, 'authors.yml'));
  if (path.relative(root, postPath).split(path.sep)[0] === 'i18n') candidates.push(path.join(root, 'blog', 'authors.yml'));
  return candidates.find((f) => siteYaml(root, f) !== null) ?? null;
}

/** Each key's `name` in the post's `authors.yml`; undefined when there is none to read. */
export function authorNames(root: string, postPath: string): Record<string, string> | undefined {
  const file = authorsFile(root, postPath);
  const data = file === null ? null : siteYaml(root, file);
  if (!isMap(data)) return undefined;
  const names: Array<[string, string]> = [];
  for (const [key, entry] of Object.entries(data)) {
    if (isMap(entry) && typeof entry['name'] === 'string' && entry['name'].trim() !== '') names.push([key, entry['name'].trim()]);
  }
  // fromEntries makes each key an own property, `__proto__` included.
  return names.length > 0 ? Object.fromEntries(names) : undefined;
}

/** Jekyll's `timezone` from `_config.yml`, when it is a zone this runtime knows. */
export function jekyllTimezone(root: string): string | undefined {
  const config = ['_config.yml', '_config.yaml'].map((n) => siteYaml(root, path.join(root, n))).find(isMap);
  const zone = config?.['timezone'];
  if (typeof zone !== 'string' || zone.trim() === '') return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone.trim() });
    return zone.trim();
  } catch {
    return undefined;
  }
}

/** What the byline of a post of `site` takes from the site's files (Docusaurus author names, Jekyll's time zone). */
export function bylineFromSite(site: Pick<SiteInfo, 'root' | 'generator'>, postPath: string): Pick<SiteProfile, 'authorNames' | 'timezone'> {
  if (site.generator === 'docusaurus') {
    const names = authorNames(site.root, postPath);
    return names ? { authorNames: names } : {};
  }
  if (site.generator === 'jekyll') {
    const timezone = jekyllTimezone(site.root);
    return timezone ? { timezone } : {};
  }
  return {};
}
