// Preflight: the checklist shown before an export writes anything. Errors block the export,
// warnings do not. Every finding points at a line of the recap when it has one, so the
// checklist can jump to it.
//
// The export planner (export.ts) gathers the facts from the disk (which images exist, their
// size, the photos of the folder, the posts already in the site) and this turns them into
// problems. The checks of the text are recap-checks.ts's, the same the Problems panel runs.

import type { Problem, SiteProfile } from '../../core/contract';
import { recapPlaceChecks, recapTextChecks } from '../recap/recap-checks';
import { baseUrlProblems } from '../recap/image-problems';
import { missingImageMsg, missingMatchMsg, NOT_AN_IMAGE_ADVICE, refusedImageMsg, type AssetsAdvice } from '../files/containment';
import { problemOf } from '../../core/recap/lint-problem';
import { isReservedName, isSafeSlug } from '../../core/markdown/photo-names';
import { msg } from '../../core/i18n/messages';
import { type Msg } from '../../core/i18n/messages';

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
  /** A field's other places looked, in order (ResolvedImage `alsoLookedFor`). */
  alsoLookedFor?: string[];
  /** The file is in the Hugo site's assets/, where Hugo does not look this link up: what to write instead (see assetsAdvice). */
  inAssets?: AssetsAdvice;
  /** A photo whose content is another image type than its name says (image-file.ts misnamedImage). */
  misnamed?: { name: string; content: string; rename: string };
  /** A Chirpy post's missing image whose link as written names a file of the site: what to write to show it (image-problems' mediaFix). */
  mediaFix?: { file: string; write: string };
  /** A cover the theme shows from the page's folder only with this flag (MarkdownReading.pageCover: PaperMod's `cover.relative`), looked for at the root without it. */
  coverFlag?: string;
  /** Why the link is refused (outside the allowed roots, not an image…): a phrase that follows the link. Nothing is copied. */
  refused?: Msg;
  /** The file is inside the allowed roots but is not an image the export copies. */
  notImage?: boolean;
  bytes?: number;
  width?: number;
  height?: number;
  /** Set when the reference is a front-matter field (the cover photo), not a Markdown link. */
  field?: string;
  /** A theme shortcode's photo, found by a pattern among the bundle's files (RecapImageRef.match). */
  match?: { shortcode: string; pattern: string; all?: true };
  /**
   * The address the site publishes for `url` where its theme makes another (Chirpy: below the
   * post's media_subpath, or on the site's cdn: ImageRef.siteUrl). An address on the site's own
   * CDN is the site's, not another website's: no warning.
   */
  address?: string;
}

export interface PreflightFacts {
  text: string;
  /** The post as the export writes it (its links relinked); `text` when not given. */
  written?: string;
  /** The recap's own file: a translation is also checked against its source. */
  recapPath?: string;
  /** The target's profile: its schema, limits and H1 rule apply. */
  profile: SiteProfile;
  images: PreflightImage[];
  /** Photos in the recap's folder the text does not use (file names), and the folder. */
  unused: string[];
  unusedFolder: string | null;
  /** Files of the post's own folder the export does not carry, relative to `leftFolder` (left-behind.ts); none into the post's own place. */
  leftBehind?: string[];
  leftFolder?: string | null;
  /** The author chose to leave the unused photos out. */
  leaveOutUnused: boolean;
  /** The slug that names the post's new file; null where the post keeps its own (its file in the site: a Hugo section's `_index.md` too). */
  slug: string | null;
  /** Why the post's path cannot be made (e.g. no date for {date}); null when it can. */
  postPathError: { msg: Msg; field?: string } | null;
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

function size(bytes: number): Msg {
  return bytes >= 1024 * 1024 ? msg('lint.size.mb', { size: (bytes / (1024 * 1024)).toFixed(1) }) : msg('lint.size.kb', { size: String(Math.max(1, Math.round(bytes / 1024))) });
}

function fileName(p: string): string {
  return p.split(/[\\/]/).pop() ?? p;
}

type Where = Pick<Problem, 'line' | 'column' | 'field'>;

/** Where an image's finding points: its line and column, or the front-matter field (the cover). */
function at(img: Pick<PreflightImage, 'line' | 'column' | 'field'>): Where {
  return img.field !== undefined ? { line: img.line, field: img.field } : { line: img.line, column: img.column };
}

/** A local image over the site's limits (long edge, bytes): a warning, or null. */
function tooLarge(img: PreflightImage & { file: string }, profile: SiteProfile): Problem | null {
  const longEdge = Math.max(img.width ?? 0, img.height ?? 0);
  const edge = longEdge > profile.photos.maxEdge ? msg('lint.tooLarge.edge', { width: String(img.width), height: String(img.height), limit: String(profile.photos.maxEdge) }) : null;
  const heavy = img.bytes !== undefined && img.bytes > profile.images.maxBytes;
  const bytes = heavy ? msg('lint.tooLarge.bytes', { size: size(img.bytes ?? 0), limit: size(profile.images.maxBytes) }) : null;
  const name = fileName(img.file);
  if (edge && bytes) return problemOf('image-too-large', 'warning', msg('lint.tooLarge.both', { name, edge, bytes }), at(img));
  const over = edge ?? bytes;
  return over ? problemOf('image-too-large', 'warning', msg('lint.tooLarge.one', { name, over }), at(img)) : null;
}

/** What is wrong with one image reference: on another website, refused, missing or too large; null when nothing. */
export function imageProblem(img: PreflightImage, profile: SiteProfile): Problem | null {
  if (img.kind === 'remote') {
    if (img.address !== undefined) return null;
    return problemOf('image-remote', 'warning', msg('lint.image.remote', { url: img.url }), at(img));
  }
  if (img.kind !== 'local') return null;
  if (img.refused !== undefined) {
    return problemOf('image-refused', 'error', refusedImageMsg(img.url, img.line, img.refused, img.field, img.notImage ? NOT_AN_IMAGE_ADVICE : undefined), at(img));
  }
  if (img.file === null) {
    // Said as lint says it (missingImageMsg): where it was looked for, and what to write where that is known.
    const media = img.address !== undefined ? { address: img.address, ...(img.mediaFix ? { fix: img.mediaFix } : {}), ...(img.coverFlag !== undefined ? { flag: img.coverFlag } : {}) } : undefined;
    const m = img.match !== undefined && img.lookedFor ? missingMatchMsg(img.url, img.match, img.lookedFor) : img.lookedFor ? missingImageMsg(img.url, img.lookedFor, img.inAssets, media, img.field, img.alsoLookedFor) : msg('lint.image.missingPlain', { url: img.url });
    // A carousel's pattern that matches nothing shows nothing; Hugo builds on.
    return problemOf('image-missing', img.match?.all === true ? 'warning' : 'error', m, at(img));
  }
  return tooLarge({ ...img, file: img.file }, profile);
}

function unusedProblem(facts: PreflightFacts): Problem | null {
  const n = facts.unused.length;
  if (n === 0) return null;
  const names = n <= 6 ? facts.unused.join(', ') : msg('lint.unused.more', { names: facts.unused.slice(0, 6).join(', '), count: String(n - 6) });
  const where = facts.unusedFolder ? msg('lint.unused.in', { path: facts.unusedFolder }) : '';
  return problemOf('photos-unused', 'warning', msg(facts.leaveOutUnused ? 'lint.unused.leftOut' : 'lint.unused.exported', { count: n, where, names }));
}

/** A photo named as another type than it is: shown and exported, but named for what it is. */
export function misnamedProblem(img: Pick<PreflightImage, 'misnamed' | 'line' | 'column' | 'field'>): Problem | null {
  if (img.misnamed === undefined) return null;
  return problemOf('image-misnamed', 'warning', msg('lint.image.misnamed', img.misnamed), at(img));
}

function leftBehindProblem(facts: PreflightFacts): Problem | null {
  const files = facts.leftBehind ?? [];
  const n = files.length;
  if (n === 0) return null;
  const names = n <= 6 ? files.join(', ') : msg('lint.unused.more', { names: files.slice(0, 6).join(', '), count: String(n - 6) });
  const where = facts.leftFolder ? msg('lint.unused.in', { path: facts.leftFolder }) : '';
  return problemOf('files-left', 'warning', msg('lint.leftBehind', { count: n, where, names }));
}

function slugProblem(slug: string | null): Problem | null {
  if (slug === null || isSafeSlug(slug)) return null;
  return problemOf('slug-invalid', 'error', msg(isReservedName(slug) ? 'lint.slug.reserved' : 'lint.slug.invalid', { slug }));
}

/** Why the post's path cannot be made, unless the date field's own error (missing, not YYYY-MM-DD) already says what the path needs. */
function postPathProblem(facts: PreflightFacts, found: Problem[]): Problem | null {
  const error = facts.postPathError;
  if (!error) return null;
  if (error.field !== undefined && found.some((p) => p.severity === 'error' && p.field === error.field)) return null;
  return problemOf('post-path', 'error', error.msg, error.field !== undefined ? { line: 1, field: error.field } : { line: 1 });
}

function collisionProblem(c: PreflightFacts['collisions'][number], facts: PreflightFacts): Problem {
  if (c.caseOnly) {
    return problemOf('slug-collision', 'error', msg('lint.collision.case', { path: c.path }));
  }
  if (c.samePath) {
    // Not an error: the export refuses to replace it (EXISTS) until the author confirms.
    return problemOf('slug-collision', 'warning', msg(facts.overwrite ? 'lint.collision.replaced' : 'lint.collision.samePath', { path: c.path }));
  }
  return problemOf('slug-collision', 'warning', msg('lint.collision.name', { slug: facts.slug ?? '', path: c.path }));
}

/** What stands in the target's way: folders where files go, symlinks out of it, earlier images changed since. */
function targetProblems(facts: PreflightFacts): Problem[] {
  const problems: Problem[] = [];
  for (const f of facts.blockedByFolders) {
    problems.push(problemOf('target-is-folder', 'error', msg('lint.target.folder', { path: f })));
  }
  for (const o of facts.outsideTarget ?? []) {
    const m = o.folder !== null ? msg('lint.target.linkFolder', { folder: o.folder, path: o.file }) : msg('lint.target.linkFile', { path: o.file });
    problems.push(problemOf('target-outside', 'error', m));
  }
  for (const f of facts.keptStale) {
    problems.push(problemOf('stale-kept', 'warning', msg('lint.target.staleKept', { path: f })));
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
  problems.push(...facts.images.flatMap((img) => [imageProblem(img, facts.profile), misnamedProblem(img)]).filter(isProblem));
  // Checked as written: a link the export relinks carries the site's baseurl.
  problems.push(...baseUrlProblems(facts.written ?? facts.text, facts.profile));
  problems.push(...[unusedProblem(facts), leftBehindProblem(facts), slugProblem(facts.slug)].filter(isProblem));
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
