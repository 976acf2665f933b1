// Hugo archetypes as templates for a new recap in that site: `archetypes/<section>.md` for the
// post's section, else `archetypes/default.md` (also bundle archetypes, `archetypes/<name>/index.md`).
// The archetype gives the front matter in the site's own format and fields; Hugo's usual
// template expressions are filled in (title from the file name or --title, .Date, .Name,
// .Section); a body the archetype leaves empty gets the event-recap sections.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { getField, joinRecap, splitRecap } from '../../core/frontmatter/frontmatter';
import { belowContent, HUGO_CONTENT } from '../../core/site-paths';
import { fillTemplate } from '../../core/recap/placeholders';
import { UNTITLED_HEADING } from '../../core/recap/template';

export interface Archetype {
  /** `default`, `posts`, … */
  name: string;
  file: string;
}

function isFile(p: string): boolean {
  return statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;
}

export function listArchetypes(siteRoot: string): Archetype[] {
  const dir = path.join(siteRoot, 'archetypes');
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const out: Archetype[] = [];
  for (const n of names.sort()) {
    if (n.startsWith('.')) continue;
    const file = path.join(dir, n);
    if (/\.(md|markdown)$/i.test(n) && isFile(file)) out.push({ name: n.replace(/\.(md|markdown)$/i, ''), file });
    else if (isFile(path.join(file, 'index.md'))) out.push({ name: n, file: path.join(file, 'index.md') });
  }
  return out;
}

/** The section of a post path under the site's content folder (`content/`, or its config's `contentDir`): the first folder after an optional language folder. */
export function sectionOf(postRel: string, languages: string[], contentDir: string = HUGO_CONTENT): string | null {
  const rest = belowContent(postRel.split('/'), contentDir);
  if (rest === null || rest.length < 2) return null;
  const i = languages.includes(rest[0] ?? '') ? 1 : 0;
  return rest.length > i + 1 ? (rest[i] ?? null) : null;
}

/** The archetype Hugo would use for a post in `section`: its own, else default. */
export function archetypeFor(siteRoot: string, section: string | null): Archetype | null {
  const all = listArchetypes(siteRoot);
  return all.find((a) => a.name === section) ?? all.find((a) => a.name === 'default') ?? null;
}

export interface ArchetypeVars {
  /** The file's base name without extension (a bundle's folder name). */
  name: string;
  section: string;
  /** The date as the archetype's `.Date` gives it (RFC 3339). */
  date: string;
  title?: string;
}

/**
 * Fills an archetype (core/recap/placeholders.ts): Hugo's common expressions become their
 * values, any other `{{ … }}` is listed in `unknown` and left for the author.
 */
export function fillArchetype(text: string, vars: ArchetypeVars, eventBody: string): { text: string; unknown: string[] } {
  const title = vars.title?.replace(/\s+/g, ' ').trim() ?? '';
  const filled = fillTemplate(text, { title, name: vars.name, slug: vars.name, section: vars.section, dateTime: vars.date }, UNTITLED_HEADING);
  let out = filled.text;
  const parts = splitRecap(out);
  if (parts.body.trim() === '') {
    const heading = title || (getField(out, 'title') as string | undefined) || UNTITLED_HEADING;
    out = joinRecap({ ...parts, body: (parts.body === '' ? parts.eol : parts.body) + eventBody.replace(/\r?\n/g, parts.eol).split('{{title}}').join(heading) });
  }
  return { text: out, unknown: filled.left };
}

/** The event-recap template's body (its sections), to fill an archetype that has none. */
export function templateBody(template: string): string {
  return splitRecap(template).body.replace(/^\r?\n/, '');
}

export function readArchetype(a: Archetype): string {
  return readFileSync(a.file, 'utf8');
}
