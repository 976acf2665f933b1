// Preflight: the checklist shown before an export writes anything. Errors block the export,
// warnings do not. Every finding points at a line of the recap when it has one, so the
// checklist can jump to it.
//
// The export planner (export.ts) gathers the facts from the disk (which images exist, their
// size, the photos of the folder, the posts already in the site) and this turns them into
// problems. The checks of the text are recap-checks.ts's, the same the Problems panel runs.

import type { Problem, SiteProfile } from '../../core/contract';
import { recapPlaceChecks, recapTextChecks } from '../recap/recap-checks';
import { NOT_AN_IMAGE_ADVICE, refusedImageMessage } from '../files/containment';
import { isReservedName, isSafeSlug } from '../../core/markdown/photo-names';

/** An image the recap refers to, as the planner found it. */
export interface PreflightImage {
  /** The URL as written. */
  url: string;
  alt: string;
  /** 1-based line and column in the whole file. */
  line: number;
  column: number;
  /** 'inline' is a data: URL, bundled in the text itself. */
  kind: 'local' | 'remote' | 'inline';
  /** The local file, when it exists. */
  file: string | null;
  /** Where the local file was looked for (first candidate), for the message. */
  lookedFor: string | null;
  /** Why the link is refused (outside the allowed roots, not an image…): a phrase that follows the link. Nothing is copied. */
  refused?: string;
  /** The file is inside the allowed roots but is not an image the export copies. */
  notImage?: boolean;
  bytes?: number;
  width?: number;
  height?: number;
  /** Set when the reference is a front-matter field (the cover photo), not a Markdown link. */
  field?: string;
}

export interface PreflightFacts {
  text: string;
  /** The recap's own file: a translation is also checked against its source. */
  recapPath?: string;
  /** The target's profile: its schema, limits and H1 rule apply. */
  profile: SiteProfile;
  images: PreflightImage[];
  /** Photos in the recap's folder the text does not use (file names), and the folder. */
  unused: string[];
  unusedFolder: string | null;
  /** The author chose to leave the unused photos out. */
  leaveOutUnused: boolean;
  slug: string;
  /** Why the post's path cannot be made (e.g. no date for {date}); null when it can. */
  postPathError: { message: string; field?: string } | null;
  /** Posts already in the target that use the slug: `samePath` ones would be replaced. */
  collisions: Array<{ path: string; samePath: boolean; caseOnly?: boolean }>;
  overwrite: boolean;
  /** Files the export would put where a folder is. */
  blockedByFolders: string[];
  /** Files the export would write through a symlink out of the target: the folder that leads out (null: the file itself is a link). */
  outsideTarget?: Array<{ file: string; folder: string | null }>;
  /** Images this recap exported before, no longer uses, but that were changed since: left in place. */
  keptStale: string[];
}

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function fileName(p: string): string {
  return p.split(/[\\/]/).pop() ?? p;
}

type Where = Pick<Problem, 'line' | 'column' | 'field'>;

/** Where an image's finding points: its line and column, or the front-matter field (the cover). */
function at(img: PreflightImage): Where {
  return img.field !== undefined ? { line: img.line, field: img.field } : { line: img.line, column: img.column };
}

/** A local image over the site's limits (long edge, bytes): a warning, or null. */
function tooLarge(img: PreflightImage & { file: string }, profile: SiteProfile): Problem | null {
  const over: string[] = [];
  const edge = Math.max(img.width ?? 0, img.height ?? 0);
  if (edge > profile.photos.maxEdge) over.push(`${img.width}×${img.height} px, above the site's ${profile.photos.maxEdge} px long edge`);
  if (img.bytes !== undefined && img.bytes > profile.images.maxBytes) over.push(`${size(img.bytes)}, above the site's ${size(profile.images.maxBytes)} per image`);
  if (over.length === 0) return null;
  return {
    code: 'image-too-large',
    severity: 'warning',
    message: `The image ${fileName(img.file)} is ${over.join(' and ')}: it makes the page slow to load. Replace it with a web-ready copy (import the photo again, or use Replace in the photo tray).`,
    ...at(img),
  };
}

/** What is wrong with one image reference: on another website, refused, missing or too large; null when nothing. */
export function imageProblem(img: PreflightImage, profile: SiteProfile): Problem | null {
  if (img.kind === 'remote') {
    return {
      code: 'image-remote',
      severity: 'warning',
      message: `The image ${img.url} is on another website: the export does not include it, and the post loses it if that site moves or removes it. Download it and add it as a photo to keep it with the post.`,
      ...at(img),
    };
  }
  if (img.kind !== 'local') return null;
  if (img.refused !== undefined) {
    return {
      code: 'image-refused',
      severity: 'error',
      message: refusedImageMessage(img.url, img.line, img.refused, img.field, img.notImage ? NOT_AN_IMAGE_ADVICE : undefined),
      ...at(img),
    };
  }
  if (img.file === null) {
    return {
      code: 'image-missing',
      severity: 'error',
      message: `The image ${img.url} does not exist${img.lookedFor ? ` (looked for ${img.lookedFor})` : ''}. Add the photo, or fix or remove the link.`,
      ...at(img),
    };
  }
  return tooLarge({ ...img, file: img.file }, profile);
}

function unusedProblem(facts: PreflightFacts): Problem | null {
  const n = facts.unused.length;
  if (n === 0) return null;
  const names = n <= 6 ? facts.unused.join(', ') : `${facts.unused.slice(0, 6).join(', ')} and ${n - 6} more`;
  const where = facts.unusedFolder ? ` in ${facts.unusedFolder}` : '';
  return {
    code: 'photos-unused',
    severity: 'warning',
    message: facts.leaveOutUnused
      ? `${n} photo${n === 1 ? '' : 's'}${where} the text does not use will be left out: ${names}.`
      : `${n} photo${n === 1 ? '' : 's'}${where} ${n === 1 ? 'is' : 'are'} not used by the text but will be exported: ${names}. Link ${n === 1 ? 'it' : 'them'}, or leave ${n === 1 ? 'it' : 'them'} out of the export.`,
  };
}

function slugProblem(slug: string): Problem | null {
  if (isSafeSlug(slug)) return null;
  return {
    code: 'slug-invalid',
    severity: 'error',
    message: isReservedName(slug)
      ? `"${slug}" cannot be the post's name in the site: Windows reserves it for a device, so the site could not be checked out there. Choose another name (slug), e.g. ${slug}-recap.`
      : `"${slug}" cannot be the post's name in the site: use letters, digits and dashes (e.g. kcd-china-2021).`,
  };
}

/** Why the post's path cannot be made, unless the date field's own error (missing, not YYYY-MM-DD) already says what the path needs. */
function postPathProblem(facts: PreflightFacts, found: Problem[]): Problem | null {
  const error = facts.postPathError;
  if (!error) return null;
  if (error.field !== undefined && found.some((p) => p.severity === 'error' && p.field === error.field)) return null;
  const p: Problem = { code: 'post-path', severity: 'error', message: error.message, line: 1 };
  if (error.field !== undefined) p.field = error.field;
  return p;
}

function collisionProblem(c: PreflightFacts['collisions'][number], facts: PreflightFacts): Problem {
  if (c.caseOnly) {
    return {
      code: 'slug-collision',
      severity: 'error',
      message: `The site already has ${c.path}, whose name differs from this post's only in upper and lower case: on macOS and Windows they are the same file. Export the existing post from where it is (open ${c.path}), or give this recap another name (slug).`,
    };
  }
  if (c.samePath) {
    // Not an error: the export refuses to replace it (EXISTS) until the author confirms.
    return {
      code: 'slug-collision',
      severity: 'warning',
      message: facts.overwrite
        ? `The site already has a different post at ${c.path}; the export replaces it, as confirmed.`
        : `The site already has a different post at ${c.path}. Give this recap another name (slug), or confirm that the existing post should be replaced.`,
    };
  }
  return {
    code: 'slug-collision',
    severity: 'warning',
    message: `Another post in the site uses the name "${facts.slug}": ${c.path}. Depending on the site's permalinks both may get the same address; consider another name (slug).`,
  };
}

/** What stands in the target's way: folders where files go, symlinks out of it, earlier images changed since. */
function targetProblems(facts: PreflightFacts): Problem[] {
  const problems: Problem[] = [];
  for (const f of facts.blockedByFolders) {
    problems.push({ code: 'target-is-folder', severity: 'error', message: `The target has a folder where the export must write the file ${f}. Move or rename that folder first.` });
  }
  for (const o of facts.outsideTarget ?? []) {
    problems.push({
      code: 'target-outside',
      severity: 'error',
      message:
        o.folder !== null
          ? `The target's folder ${o.folder} is a symbolic link to a place outside the target, so ${o.file} would be written there. Nothing is written through it; replace the link with a real folder.`
          : `The target already has ${o.file} as a symbolic link. Nothing is written through it; remove the link first.`,
    });
  }
  for (const f of facts.keptStale) {
    problems.push({
      code: 'stale-kept',
      severity: 'warning',
      message: `${f} was exported by this recap before and is no longer used, but it was changed since, so it is left in place. Remove it yourself if the site does not need it.`,
    });
  }
  return problems;
}

function isProblem(p: Problem | null): p is Problem {
  return p !== null;
}

export function preflight(facts: PreflightFacts): Problem[] {
  // Required fields, formats, lengths (description), alt text, body H1, accidental code blocks…
  const problems: Problem[] = recapTextChecks(facts.text, facts.profile);
  if (facts.recapPath !== undefined) problems.push(...recapPlaceChecks(facts.text, facts.recapPath, facts.profile));
  problems.push(...facts.images.map((img) => imageProblem(img, facts.profile)).filter(isProblem));
  problems.push(...[unusedProblem(facts), slugProblem(facts.slug)].filter(isProblem));
  const postPath = postPathProblem(facts, problems);
  if (postPath) problems.push(postPath);
  problems.push(...facts.collisions.map((c) => collisionProblem(c, facts)));
  problems.push(...targetProblems(facts));
  // File order for the checklist; findings without a line (folder-wide) come last.
  const line = (p: Problem): number => p.line ?? Number.MAX_SAFE_INTEGER;
  return problems.sort((a, b) => line(a) - line(b) || (a.column ?? 0) - (b.column ?? 0));
}

export function hasErrors(problems: Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
