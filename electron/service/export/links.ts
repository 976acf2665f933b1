// The Markdown with each local image link in the target's public form; untouched elsewhere:
// only links that change are edited, so the front matter and every other byte stay as the
// editor has them.

import * as path from 'node:path';
import { getField, joinRecap, replaceFieldText, setField, splitRecap } from '../../core/frontmatter/frontmatter';
import { linkPath } from '../files/containment';
import { coverUrl, writeCover } from '../../core/recap/cover';
import type { CoverReading } from '../../core/recap/cover';
import type { RecapImageRef } from '../recap/markdown-images';

interface LinkEdit {
  column: number;
  from: string;
  to: string;
}

/** Applies the edits of each body line, right to left so earlier columns stay valid. */
function applyEdits(body: string, edits: Map<number, LinkEdit[]>): string {
  const lines = body.split('\n');
  for (const [lineNo, list] of edits) {
    let line = lines[lineNo - 1] ?? '';
    for (const e of list.sort((a, b) => b.column - a.column)) {
      const at = line.indexOf(e.from, e.column - 1);
      if (at !== -1) line = line.slice(0, at) + e.to + line.slice(at + e.from.length);
    }
    lines[lineNo - 1] = line;
  }
  return lines.join('\n');
}

/** Whether a link already names the file as the target serves it: `stage.jpg` beside the post is `./stage.jpg`. */
function sameLink(url: string, want: string): boolean {
  const plain = (u: string): string => linkPath(u).replace(/^(?:\.\/)+/, '');
  return plain(url) === plain(want);
}

/**
 * `text` with every copied image linked as the target serves it (`urlFor` its name in the
 * target's image folder; a link written without Liquid as `plainLink` makes it, under a Jekyll
 * site's baseurl: see linkedAs); a query or fragment on a link is kept. The cover field is set
 * anew as `reading` names a cover (coverUrl: bare, as themes prefix the site's base to it).
 */
export function rewriteImageLinks(
  text: string,
  located: Array<{ ref: RecapImageRef; file: string }>,
  nameOf: (file: string) => string | undefined,
  urlFor: (name: string) => string,
  coverKey: string | null,
  reading: CoverReading,
  plainLink: (url: string) => string = (url) => url,
): string {
  const edits = new Map<number, LinkEdit[]>();
  let cover: string | null = null;
  // A photo another field names (a theme's header image, a gallery's): from its text to the new one.
  const named = new Map<string, string>();
  for (const { ref, file } of located) {
    // A theme shortcode names its photo by a pattern (RecapImageRef.match), which stays as written.
    if (ref.match !== undefined) continue;
    const want = urlFor(nameOf(file) ?? path.basename(file));
    if (sameLink(ref.url, want) || sameLink(ref.url, plainLink(want))) continue;
    const suffix = /[?#].*$/.exec(ref.url)?.[0] ?? '';
    if (ref.cover === true) {
      cover = want + suffix;
      continue;
    }
    if (ref.field !== undefined) {
      named.set(ref.url, coverUrl(want, reading, ref.field) + suffix);
      continue;
    }
    // A Liquid link (`{{ site.baseurl }}/a.png`) keeps its Liquid: only the path it holds changes
    // (in a link tag, `{% link assets/a.png %}`, the path from the site's folder);
    // a figure include's value is its site path (Jekyll's relative_url puts the base before it).
    const list = edits.get(ref.bodyLine) ?? [];
    const tag = ref.liquid?.includes('{%') === true;
    const from = ref.include ?? (tag ? ref.url.replace(/^\//, '') : ref.url);
    const to = tag ? want.replace(/^\//, '') : ref.liquid !== undefined || ref.include !== undefined ? want : plainLink(want);
    list.push({ column: ref.urlColumn, from, to: to + suffix });
    edits.set(ref.bodyLine, list);
  }
  let out = text;
  if (edits.size > 0) {
    const parts = splitRecap(text);
    out = joinRecap({ ...parts, body: applyEdits(parts.body, edits) });
  }
  for (const [from, to] of named) out = replaceFieldText(out, from, to);
  if (cover !== null && coverKey) {
    out = writeCover(out, coverKey, cover, reading, { getField, setField });
  }
  return out;
}
