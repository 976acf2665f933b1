// Templates for a new recap: the built-in event-recap template, a Hugo site's archetypes (its
// section's first, then default), a site's `.recap-studio/templates/NAME.md`, and the ones saved
// in the app's data folder. A template is untrusted input from the site's checkout: it is read
// only when it is a regular .md file (no symlink) of bounded size inside its own folder, and the
// folder itself must not lead out of the site (or the data folder).

import { lstatSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import * as path from 'node:path';
import type { SiteGenerator, SiteProfile, TemplateInfo, TemplateRef, TemplateSource } from '../../core/contract';
import { RecapError } from '../../core/errors';
import { msg } from '../../core/i18n/messages';
import { templateNameError } from '../../core/recap/placeholders';
import { isInside } from '../files/containment';
import { listArchetypes, sectionOf } from '../site/archetypes';
import { hasPostShape } from './site-recap';

/** A template is a page of front matter and headings: 256 KB is far beyond any real one. */
export const MAX_TEMPLATE_BYTES = 256 * 1024;
export const BUILTIN_TEMPLATE = 'event-recap';
/** Where a site (or the app's data folder) keeps saved templates, relative to its root. */
export const SITE_TEMPLATES = ['.recap-studio', 'templates'];
export const APP_TEMPLATES = ['templates'];

export function templateInfo(source: TemplateSource, name: string, site: string | null): TemplateInfo {
  return { id: `${source}:${site ?? ''}:${name}`, source, name, site };
}

/** The real folder `root/…segments` when every segment is a real folder (no symlink) inside root; else null. */
export function containedDir(root: string, segments: readonly string[]): string | null {
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    return null;
  }
  let dir = realRoot;
  for (const seg of segments) {
    dir = path.join(dir, seg);
    const st = lstatSync(dir, { throwIfNoEntry: false });
    if (!st || st.isSymbolicLink() || !st.isDirectory()) return null;
  }
  return isInside(realRoot, dir) ? dir : null;
}

/** A regular file (not a symlink) inside `dir`, of at most MAX_TEMPLATE_BYTES; else why not. */
function checkTemplateFile(dir: string, file: string): 'ok' | 'missing' | 'refused' | 'too-large' {
  const st = lstatSync(file, { throwIfNoEntry: false });
  if (!st) return 'missing';
  if (st.isSymbolicLink() || !st.isFile() || path.dirname(file) !== dir) return 'refused';
  return st.size > MAX_TEMPLATE_BYTES ? 'too-large' : 'ok';
}

/** The saved templates' names in `root/…segments`: regular .md files with a valid name. */
function savedNames(root: string, segments: readonly string[]): string[] {
  const dir = containedDir(root, segments);
  if (dir === null) return [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.endsWith('.md'))
    .map((n) => n.slice(0, -3))
    .filter((n) => templateNameError(n) === null && checkTemplateFile(dir, path.join(dir, `${n}.md`)) === 'ok')
    .sort((a, b) => a.localeCompare(b));
}

/** A Hugo site's archetypes, the one for `section` first, then default, then the rest. */
export function orderedArchetypes(siteRoot: string, section: string | null): string[] {
  const names = listArchetypes(siteRoot).map((a) => a.name);
  const rank = (n: string): number => (n === section ? 0 : n === 'default' ? 1 : 2);
  return names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** The Hugo section new posts of a profile go to: the folder its post pattern names (`content/{lang}/news/…` → news). */
export function postSection(profile: SiteProfile, contentDir?: string): string {
  const rel = profile.post.replace(/\{lang\}/g, profile.defaultLang).replace(/\{section\}/g, profile.section);
  return sectionOf(rel, [profile.defaultLang], contentDir) ?? profile.section;
}

export interface SiteForTemplates {
  root: string;
  generator: SiteGenerator | null;
  section: string | null;
}

/** Every template for a new recap: built-in, the app's, then each site's saved templates, archetypes and the event recap shaped like its posts. */
export function listTemplates(sites: readonly SiteForTemplates[], dataDir: string): TemplateInfo[] {
  const out: TemplateInfo[] = [templateInfo('builtin', BUILTIN_TEMPLATE, null)];
  out.push(...savedNames(dataDir, APP_TEMPLATES).map((n) => templateInfo('app', n, null)));
  for (const site of sites) {
    out.push(...savedNames(site.root, SITE_TEMPLATES).map((n) => templateInfo('site', n, site.root)));
    if (site.generator === 'hugo') out.push(...orderedArchetypes(site.root, site.section).map((n) => templateInfo('archetype', n, site.root)));
    if (hasPostShape(site.root, site.generator)) out.push(templateInfo('posts', BUILTIN_TEMPLATE, site.root));
  }
  return out;
}

/** Reads a template file under the containment rule: nothing outside its folder, no symlink, bounded size. */
export function readContainedTemplate(root: string, segments: readonly string[], fileName: string, shownName: string): string {
  const dir = containedDir(root, segments);
  const file = dir === null ? null : path.join(dir, fileName);
  const state = dir === null || file === null ? 'missing' : checkTemplateFile(dir, file);
  if (state === 'missing') throw new RecapError('NOT_FOUND', msg('templates.notFound', { name: shownName }));
  if (state === 'refused') throw new RecapError('NOT_A_RECAP', msg('templates.refused', { name: shownName }));
  if (state === 'too-large') throw new RecapError('NOT_A_RECAP', msg('templates.tooLarge', { name: shownName, max: `${MAX_TEMPLATE_BYTES / 1024} KB` }));
  const text = readFileSync(file as string, 'utf8');
  if (text.includes('\0')) throw new RecapError('NOT_A_RECAP', msg('templates.refused', { name: shownName }));
  return text;
}

/** The text of a template that is not the built-in one (the caller checked that the site is one of the author's). */
export function readTemplate(ref: TemplateRef, dataDir: string): string {
  if (ref.source === 'app') return readContainedTemplate(dataDir, APP_TEMPLATES, `${ref.name}.md`, ref.name);
  if (ref.site === null) throw new RecapError('BAD_REQUEST', msg('templates.notFound', { name: ref.name }));
  if (ref.source === 'site') return readContainedTemplate(ref.site, SITE_TEMPLATES, `${ref.name}.md`, ref.name);
  const archetype = listArchetypes(ref.site).find((a) => a.name === ref.name);
  if (!archetype) throw new RecapError('NOT_FOUND', msg('templates.noArchetype', { site: ref.site, name: ref.name }));
  const rel = path.relative(ref.site, archetype.file).split(path.sep);
  return readContainedTemplate(ref.site, rel.slice(0, -1), rel[rel.length - 1] ?? '', `archetypes/${rel.slice(1).join('/')}`);
}
