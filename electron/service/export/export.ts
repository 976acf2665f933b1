// Ready-to-commit export: the recap and its photos laid out exactly as the site repository
// expects, so that `git add` is the only step left.
//
// 1. Plan: where the post and each image go under the target's profile, the Markdown with
//    image links in the profile's public form (only links that change are touched, so the
//    front matter and every other byte stay as the editor has them), the state of each target
//    file (added, changed, unchanged, in conflict) and the preflight checklist.
// 2. Never clobber: a target file that differs is replaced only when it is this recap's own
//    earlier export (recorded in a manifest kept with the draft, never in the site) or the
//    author confirmed the list (overwrite).
// 3. Atomic: everything is staged in a temp folder inside the target (same filesystem), then
//    renamed into place — a folder the target lacks as a whole, a file into an existing folder
//    by itself, after the file it replaces was renamed aside. Any failure undoes the renames
//    done so far, so the target is exactly as before. A zip is written to a temp file, renamed.

import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, constants as fsConstants, fstatSync, lstatSync, openSync, promises as nodeFs, readdirSync, readFileSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import sharp from 'sharp';
import type { ExportFile, ExportReport, ExportRequest, ExportTarget, SiteInfo, SiteProfile } from '../../core/contract';
import { writeFileAtomic } from '../files/atomic-write';
import { RecapError, describeFsError } from '../../core/errors';
import { getField, joinRecap, readFrontMatter, setField, splitRecap } from '../../core/frontmatter/frontmatter';
import { dateError } from '../../core/recap/lint';
import { HEADER_BYTES, imageSizeFromHeader, sniffImageType, WEB_IMAGE_TYPES, type PixelSize, type SniffedType } from '../files/image-header';
import { findRecapImages } from '../recap/markdown-images';
import { insideAllowedRoots, linkPath, resolveImage } from '../files/containment';
import { isSafeImageDir, isSafeSlug, safeFileName, uniqueName } from '../../core/markdown/photo-names';
import { imageDirFromText } from '../recap/image-dir';
import { hasErrors, preflight, type PreflightImage } from './preflight';
import { fillPattern, imageFolderFor, loadProfile, matchPostPath, postVarsFromPath, servedBySite, type PatternVars } from '../site/profile';
import { rulesForPost } from '../site/site-rules';
import { readRecapFile } from '../files/recap-file';
import { detectSite, siteRootAbove } from '../site/site';
import { slugify } from '../../core/recap/template';
import { writeZipFile } from './zip-writer';

/** The fs calls an export makes; tests pass a real fs with one call made to fail. */
export type ExportFs = Pick<typeof nodeFs, 'mkdtemp' | 'mkdir' | 'copyFile' | 'writeFile' | 'rename' | 'unlink' | 'rm' | 'rmdir' | 'stat' | 'readFile' | 'readdir' | 'open'>;

export interface ExportOptions {
  fs?: ExportFs;
  /** The app's data folder: export manifests go to <dataDir>/exports/ when they cannot sit beside the recap. */
  dataDir?: string;
  /** The profile the recap's links are written for. Default: its site's, else the built-in default. */
  sourceProfile?: SiteProfile;
  /** The target's profile, overriding detection (a request's `profile` name still wins). */
  targetProfile?: SiteProfile;
  /** The git executable for the status report; false skips it. Default: `git` on the PATH. */
  git?: string | false;
  /**
   * Flush every exported file to the disk before moving it into place (fsync), so that a power
   * cut right after the export cannot leave an empty file behind. Off by default, like cp and
   * git checkout: the draft and its photos stay where they are, so an export can always be
   * made again, and one fsync costs as much as copying fifty photos.
   */
  durable?: boolean;
}

/** An export refused because existing files differ: `files` lists them (relative to the target). */
export class ExportConflictError extends RecapError {
  constructor(readonly files: string[], where: string) {
    const shown = files.length <= 10 ? files.join(', ') : `${files.slice(0, 10).join(', ')} and ${files.length - 10} more`;
    super('EXISTS', `${where} already has ${files.length === 1 ? 'a different file' : `${files.length} different files`} where the export goes: ${shown}. Nothing was written; confirm to replace ${files.length === 1 ? 'it' : 'them'}.`);
    this.name = 'ExportConflictError';
  }
}

const IMAGE_EXT = /\.(jpe?g|png|gif|webp|avif|svg)$/i;
const SAFE_SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

/** The app's data folder, as the drafts store finds it: RECAP_STUDIO_HOME, else XDG data. */
export function defaultDataDir(): string {
  const home = process.env['RECAP_STUDIO_HOME'];
  if (home) return path.resolve(home);
  const base = process.env['XDG_DATA_HOME'] || path.join(os.homedir(), '.local', 'share');
  return path.join(base, 'recap-studio');
}

// ---------------------------------------------------------------------------------------
// Manifest: what this recap exported where, to update in place and remove dropped images.

interface ManifestFile {
  kind: 'post' | 'image' | 'zip';
  bytes: number;
  mtimeMs: number;
}

interface ManifestTarget {
  kind: ExportTarget['kind'];
  profile: string;
  post: string | null;
  at: string;
  files: Record<string, ManifestFile>;
}

interface Manifest {
  version: 1;
  recap: string;
  targets: Record<string, ManifestTarget>;
}

function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Beside the recap (`.kcd.md.recap-export.json`, so it travels with a draft) unless that is
 * inside a site checkout or the target, where it does not belong: then in the data folder.
 */
export function manifestPathFor(recapPath: string, targetRoot: string | null, dataDir?: string, recapSite: string | null = siteRootAbove(recapPath)): string {
  const recap = path.resolve(recapPath);
  const beside = path.join(path.dirname(recap), `.${path.basename(recap)}.recap-export.json`);
  const inSite = recapSite !== null || (targetRoot !== null && isInside(targetRoot, beside));
  if (!inSite) return beside;
  const id = createHash('sha256').update(recap).digest('hex').slice(0, 20);
  return path.join(dataDir ?? defaultDataDir(), 'exports', `${id}.json`);
}

function readManifest(file: string, recap: string): Manifest {
  const empty: Manifest = { version: 1, recap, targets: {} };
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<Manifest>;
    if (data.version !== 1 || typeof data.targets !== 'object' || data.targets === null) return empty;
    return { version: 1, recap, targets: data.targets };
  } catch {
    // None yet, or damaged: then nothing counts as ours, which only makes the export more careful.
    return empty;
  }
}

function targetKey(target: ExportTarget): string {
  return target.kind === 'zip' ? `zip:${path.resolve(target.file)}` : path.resolve(target.dir);
}

// ---------------------------------------------------------------------------------------
// Planning

interface PlannedFile {
  path: string;
  kind: 'post' | 'image';
  status: ExportFile['status'];
  bytes: number;
  source: string | null;
  /** Absolute target path (site and folder targets). */
  abs: string | null;
  /** The post's bytes. */
  data: Buffer | null;
  /** Exists in the target, differs, and is neither ours nor confirmed. */
  conflict: boolean;
}

interface Plan {
  target: ExportTarget;
  profile: SiteProfile;
  slug: string;
  lang: string;
  imageDir: string;
  post: string | null;
  postFrom: ExportReport['postFrom'];
  root: string | null;
  zipFile: string | null;
  /** The .zip exists and is not ours. */
  zipConflict: boolean;
  entries: PlannedFile[];
  removals: PlannedFile[];
  unused: string[];
  problems: ExportReport['problems'];
  manifestFile: string;
  manifest: Manifest;
  key: string;
}

/**
 * Planning looks at a few hundred paths (each image, where it goes, the manifest's files). A
 * synchronous stat answers from the inode cache in microseconds, where the thread-pool round
 * trip of an async one costs ten times that on a 2-core machine; the event loop waits ~1 ms
 * for 50 photos. Every write stays asynchronous.
 */
function statNow(p: string): Stats | null {
  try {
    return statSync(p, { throwIfNoEntry: false }) ?? null;
  } catch {
    return null;
  }
}

function lstatNow(p: string): Stats | null {
  try {
    return lstatSync(p, { throwIfNoEntry: false }) ?? null;
  } catch {
    return null;
  }
}

function realpathOrNull(p: string): string | null {
  try {
    return realpathSync(p);
  } catch {
    return null;
  }
}

/**
 * The folder of the target (relative to it) whose real path leads outside the target, or
 * null: the deepest existing folder on the way to `dir` is resolved with realpath and must
 * stay inside the target's real path. Answers are kept per folder for the plan.
 */
function escapingFolder(dir: string, root: string, realRoot: string, cache: Map<string, string | null>): string | null {
  if (cache.has(dir)) return cache.get(dir) ?? null;
  let answer: string | null = null;
  if (dir !== root && isInside(root, dir)) {
    const real = realpathOrNull(dir);
    if (real === null) answer = escapingFolder(path.dirname(dir), root, realRoot, cache);
    else if (!isInside(realRoot, real)) answer = path.relative(root, dir).split(path.sep).join('/');
  }
  cache.set(dir, answer);
  return answer;
}

/** One buffer for every header read: the reads are synchronous, so never two at once. */
const probeBuffer = Buffer.allocUnsafe(HEADER_BYTES);

/**
 * An image file, opened once: its stat and its pixel size from the header (null when the
 * header is not one we parse). Null when there is no file there.
 */
function probeImage(file: string): { stat: Stats; size: PixelSize | null; type: SniffedType } | null {
  let fd: number;
  try {
    // O_NONBLOCK: a FIFO where an image should be must not hang the export.
    fd = openSync(file, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
  } catch {
    return null;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return null;
    let size: PixelSize | null = null;
    let type: SniffedType = 'unknown';
    // Web-ready photos have their frame header in the first KB; camera files after their EXIF.
    for (const want of [4096, HEADER_BYTES]) {
      const bytesRead = readSync(fd, probeBuffer, 0, want, 0);
      if (want === 4096) type = sniffImageType(probeBuffer.subarray(0, bytesRead));
      size = imageSizeFromHeader(probeBuffer.subarray(0, bytesRead));
      if (size || bytesRead < want) break;
    }
    return { stat, size, type };
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/**
 * Why a file found for a link is not exported (a phrase that follows the link), or null: an
 * export copies images only — an allowed extension, a header of that type, not empty, and no
 * larger than the profile's photo limit.
 */
function notAnImage(probed: { stat: Stats; type: SniffedType }, file: string, profile: SiteProfile): string | null {
  const ext = path.extname(file).toLowerCase();
  const want = WEB_IMAGE_TYPES[ext];
  if (want === undefined) return `is not an image file the export copies (${path.basename(file)}; allowed: ${Object.keys(WEB_IMAGE_TYPES).join(', ')})`;
  if (probed.stat.size === 0) return `is an empty file (${path.basename(file)})`;
  if (probed.type !== want) return `is named ${ext} but is not a ${ext.slice(1).toUpperCase()} image (${probed.type === 'text' ? 'it is text' : `its content is ${probed.type}`})`;
  const limit = profile.photos.maxInputBytes;
  if (probed.stat.size > limit) return `is ${Math.round(probed.stat.size / (1024 * 1024))} MB, above the ${Math.round(limit / (1024 * 1024))} MB an image may have`;
  return null;
}

/**
 * Whether a folder may hold `name`, from one listing per folder instead of a stat per file.
 * Compared without case: on macOS and Windows `KCD.png` is the file `kcd.png` would replace.
 */
function mayExist(file: string, cache: Map<string, Set<string>>): boolean {
  const dir = path.dirname(file);
  let names = cache.get(dir);
  if (!names) {
    try {
      names = new Set(readdirSync(dir).map((n) => n.toLowerCase()));
    } catch {
      names = new Set();
    }
    cache.set(dir, names);
  }
  return names.has(path.basename(file).toLowerCase());
}

/**
 * Runs `job` over `items`, `limit` at a time. On the first failure no new job starts, and the
 * error is thrown only once every running job has settled: a rollback never races a write.
 */
async function pool<T>(items: T[], limit: number, job: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { err: unknown } | null = null;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (failure === null && next < items.length) {
      const i = next++;
      try {
        await job(items[i] as T, i);
      } catch (err) {
        failure ??= { err };
      }
    }
  });
  await Promise.all(workers);
  if (failure !== null) throw (failure as { err: unknown }).err;
}


function defaultSlug(recapPath: string, text: string, fromPath: PatternVars): string {
  if (fromPath.slug) return fromPath.slug;
  const base = path.basename(recapPath).replace(/\.(md|markdown|mdx)$/i, '');
  let stem = base;
  if (/^_?index$/i.test(base)) stem = path.basename(path.dirname(recapPath));
  if (/^recap$/i.test(base)) {
    // The drafts store names every draft recap.md: the title names the post.
    const title = getField(text, 'title');
    if (typeof title === 'string' && title.trim() !== '') return slugify(title);
  }
  return /^[a-z0-9][a-z0-9._-]*$/.test(stem) ? stem : slugify(stem);
}

/** The YYYY-MM-DD date a front-matter value holds (`2021-11-02`, `2021-11-02 10:00:00 +0800`), or null. */
function dateOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/.exec(value.trim());
  return m?.[1] && dateError(m[1]) === null ? m[1] : null;
}

/** Posts already in the target whose path the pattern makes with this slug (any date). */
async function findPosts(fs: ExportFs, root: string, profile: SiteProfile, fixed: PatternVars): Promise<string[]> {
  let rels = [''];
  const segments = profile.post.split('/');
  for (const seg of segments) {
    const filled = fillPattern(seg, fixed);
    const next: string[] = [];
    for (const rel of rels) {
      let names: string[] = [];
      try {
        names = await fs.readdir(path.join(root, ...rel.split('/').filter(Boolean)));
      } catch {
        names = [];
      }
      // A fixed name is looked for without case too: Post.md is post.md on macOS and Windows.
      const fitting = filled.includes('{') ? names : names.filter((n) => n.toLowerCase() === filled.toLowerCase());
      for (const n of fitting) next.push(rel === '' ? n : `${rel}/${n}`);
    }
    rels = next;
  }
  const out: string[] = [];
  for (const rel of rels) {
    if (matchPostPath(rel, profile, fixed, true) === null) continue;
    if (statNow(path.join(root, ...rel.split('/')))?.isFile()) out.push(rel);
  }
  return out;
}

async function sameBytes(fs: ExportFs, file: string, size: number, entry: { data: Buffer | null; source: string | null; sourceStat: Stats | null }, target: Stats): Promise<boolean> {
  if (entry.data) {
    if (entry.data.length !== size) return false;
    return entry.data.equals(await fs.readFile(file));
  }
  const src = entry.sourceStat;
  if (!src || src.size !== size) return false;
  if (src.dev === target.dev && src.ino === target.ino) return true; // the very same file (exported from inside the site)
  const [a, b] = await Promise.all([fs.readFile(file), fs.readFile(entry.source ?? '')]);
  return a.equals(b);
}

/** The recap's path relative to the site when it is a post inside it (forward slashes), else null. */
function postInSite(root: string, recapPath: string): string | null {
  const rel = path.relative(root, recapPath);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel) || !/\.(md|markdown|mdx)$/i.test(rel)) return null;
  const posix = rel.split(path.sep).join('/');
  return safeRel(posix) ? posix : null;
}

function safeRel(rel: string): boolean {
  return rel !== '' && !rel.startsWith('/') && !rel.includes('\\') && rel.split('/').every((s) => s !== '' && s !== '.' && s !== '..');
}

async function makePlan(req: ExportRequest, options: ExportOptions): Promise<Plan> {
  const fs = options.fs ?? nodeFs;
  const recapPath = path.resolve(req.recapPath);
  const text = req.text ?? (await readRecapFile(recapPath)).text;
  const recapSite = siteRootAbove(recapPath);
  const sourceProfile = options.sourceProfile ?? (recapSite !== null ? detectSite(recapSite).profile : loadProfile());
  const target = req.target;

  let root: string | null = null;
  let zipFile: string | null = null;
  let site: SiteInfo | null = null;
  if (target.kind === 'site') {
    root = path.resolve(target.dir);
    if (!statNow(root)?.isDirectory()) throw new RecapError('NOT_FOUND', `The site folder ${root} does not exist.`);
    site = detectSite(root);
  } else if (target.kind === 'folder') {
    root = path.resolve(target.dir);
    const st = statNow(root);
    if (st && !st.isDirectory()) throw new RecapError('BAD_REQUEST', `${root} is a file, not a folder to export into.`);
  } else {
    zipFile = path.resolve(target.file);
    if (!/\.zip$/i.test(zipFile)) throw new RecapError('BAD_REQUEST', `${zipFile} should end in .zip.`);
    if (!statNow(path.dirname(zipFile))?.isDirectory()) throw new RecapError('NOT_FOUND', `Cannot write ${zipFile}: the folder ${path.dirname(zipFile)} does not exist.`);
    if (statNow(zipFile)?.isDirectory()) throw new RecapError('BAD_REQUEST', `${zipFile} is a folder.`);
  }
  // A post already in the target site is exported where it lives: its own path, file name and case.
  const ownPath = target.kind === 'site' && root !== null && req.slug === undefined && req.lang === undefined ? postInSite(root, recapPath) : null;
  const layout = req.profile ? loadProfile(req.profile) : options.targetProfile ?? site?.profile ?? sourceProfile;
  const profile = ownPath !== null && !req.profile ? rulesForPost(layout, recapPath) : layout;

  // Names: slug, language, image folder, date.
  const fromPath = postVarsFromPath(recapPath, sourceProfile);
  const slug = req.slug ?? defaultSlug(recapPath, text, fromPath);
  const lang = req.lang ?? fromPath.lang ?? site?.profile.defaultLang ?? profile.defaultLang;
  if (!SAFE_SEGMENT.test(lang)) throw new RecapError('BAD_REQUEST', `"${lang}" is not a language folder name (e.g. en, zh-cn).`);
  if (req.imageDir !== undefined && !isSafeImageDir(req.imageDir)) {
    throw new RecapError('BAD_REQUEST', `"${req.imageDir}" cannot be an image folder name: use one word of letters, digits, dashes, dots or underscores (e.g. kcd-china).`);
  }
  const slugOk = isSafeSlug(slug);
  const imageDir = req.imageDir ?? imageDirFromText(text, sourceProfile, path.join(path.dirname(recapPath), `${slugOk ? slug : 'recap'}.md`));
  const frontMatter = readFrontMatter(text).fields;
  const fieldValue = (key: string | null): unknown => (key === null ? undefined : frontMatter.find((f) => f.key === key)?.value);
  const date = dateOf(fieldValue(profile.dateField));
  const vars: PatternVars = { lang, slug, section: profile.section, imageDir, ...(date ? { date } : {}) };

  // What this recap exported to this target before: its post stays where it was written (a new
  // title does not make a second post) unless the author renames it on purpose (req.slug).
  const key = targetKey(target);
  const manifestFile = manifestPathFor(recapPath, root, options.dataDir, recapSite);
  const manifest = readManifest(manifestFile, recapPath);
  const previous = manifest.targets[key];
  const pinned = ownPath === null && req.slug === undefined && req.lang === undefined && previous?.post && safeRel(previous.post) ? previous.post : null;

  let postPathError: { message: string; field?: string } | null = null;
  let post: string | null = ownPath ?? pinned;
  if (slugOk && post === null) {
    const filled = fillPattern(profile.post, vars);
    if (filled.includes('{date}')) {
      postPathError = { message: `The post's path (${profile.post}) starts with the date: write "${profile.dateField}" in the front matter as YYYY-MM-DD, e.g. 2021-11-02.`, ...(profile.dateField ? { field: profile.dateField } : {}) };
    } else if (safeRel(filled)) {
      post = filled;
    }
  }
  const postDir = post === null ? null : path.posix.dirname(post);
  let imagesRel: string | null;
  if (profile.images.beside) imagesRel = postDir === null ? null : path.posix.normalize(path.posix.join(postDir, profile.images.dir));
  else {
    const filled = fillPattern(profile.images.dir, vars);
    imagesRel = filled.includes('{') || !safeRel(filled) ? null : filled;
  }
  const urlFor = (name: string): string => {
    const enc = encodeURIComponent(name);
    if (profile.images.beside) return profile.images.url === '.' ? `./${enc}` : `${profile.images.url}/${enc}`;
    return `${fillPattern(profile.images.url, vars)}/${enc}`;
  };

  // The images the text refers to (Markdown, <img> and srcset, the cover field), found on disk
  // under the containment rule: a refused link is reported and nothing behind it is read.
  const parts = splitRecap(text);
  const coverKey = sourceProfile.photos.coverField;
  const refs = findRecapImages(text, coverKey);
  const images: PreflightImage[] = [];
  const byFile = new Map<string, { name: string; stat: Stats }>();
  // Names in the target folder, compared without case as photo-names' uniqueName does (macOS, Windows).
  const taken = new Set<string>();
  const claim = (wanted: string): string => {
    const safe = safeFileName(wanted);
    const name = taken.has(safe.toLowerCase()) ? uniqueName(safe, taken) : safe;
    taken.add(name.toLowerCase());
    return name;
  };
  const located: Array<{ ref: (typeof refs)[number]; file: string }> = [];
  /** Images the target site already serves where the text links them: used, left in place. */
  const servedInPlace = new Set<string>();
  // Every place an image may be, opened once (an image linked twice is one file): its size in
  // bytes and pixels come with it. Synchronous for the reason given at statNow.
  const probes = new Map<string, ReturnType<typeof probeImage>>();
  const probe = (p: string): ReturnType<typeof probeImage> => {
    if (!probes.has(p)) probes.set(p, probeImage(p));
    return probes.get(p) ?? null;
  };
  const profiles = profile === sourceProfile ? [sourceProfile] : [sourceProfile, profile];
  for (const ref of refs) {
    const base: PreflightImage = { url: ref.url, alt: ref.alt, line: ref.line, column: ref.column, kind: 'local', file: null, lookedFor: null, ...(ref.field ? { field: ref.field } : {}) };
    const hit = resolveImage(ref.url, recapPath, profiles);
    if (hit.kind === 'inline' || hit.kind === 'remote') {
      images.push({ ...base, kind: hit.kind });
      continue;
    }
    if (hit.kind === 'refused') {
      images.push({ ...base, refused: hit.reason });
      continue;
    }
    if (hit.kind === 'missing') {
      // A site-absolute image the target site already serves is there: it stays where it is.
      const inTarget = site !== null && root !== null ? servedBySite(root, profile, ref.url) : [];
      const served = inTarget.map((file) => ({ file, hit: probe(file) })).find((x) => x.hit !== null);
      images.push(served?.hit ? { ...base, file: served.file, bytes: served.hit.stat.size } : { ...base, lookedFor: hit.lookedFor });
      continue;
    }
    const probed = probe(hit.file);
    if (!probed) {
      images.push({ ...base, lookedFor: hit.file });
      continue;
    }
    const notImage = notAnImage(probed, hit.file, profile);
    if (notImage !== null) {
      images.push({ ...base, file: hit.file, refused: notImage, notImage: true });
      continue;
    }
    // A site-absolute image that the target site itself already serves stays where it is.
    // (Unless it already is where the layout puts it: then it is listed as unchanged.)
    const inLayout = root !== null && imagesRel !== null && path.join(root, ...imagesRel.split('/'), path.basename(hit.file)) === hit.file;
    if (site !== null && root !== null && !inLayout && ref.url.trim().startsWith('/') && servedBySite(root, profile, ref.url.trim()).includes(hit.file)) {
      images.push({ ...base, file: hit.file, bytes: probed.stat.size });
      servedInPlace.add(hit.file);
      continue;
    }
    if (!byFile.has(hit.file)) byFile.set(hit.file, { name: claim(path.basename(hit.file)), stat: probed.stat });
    images.push({ ...base, file: hit.file, bytes: probed.stat.size });
    located.push({ ref, file: hit.file });
  }

  // Photos of the recap's folder that the text does not use.
  const folder = imageFolderFor(recapPath, sourceProfile, imageDir).dir;
  let folderNames: string[] = [];
  try {
    folderNames = readdirSync(folder).filter((n) => !n.startsWith('.') && IMAGE_EXT.test(n)).sort();
  } catch {
    folderNames = [];
  }
  const unused: string[] = [];
  for (const n of folderNames) {
    const file = path.join(folder, n);
    if (byFile.has(file) || servedInPlace.has(file)) continue;
    // The folder's photos obey the same rule as links: a symlink out, or a file that is not
    // an image, is never exported.
    if (!insideAllowedRoots(file, recapPath, sourceProfile)) continue;
    const probed = probe(file);
    if (!probed || notAnImage(probed, file, profile) !== null) continue;
    const st = probed.stat;
    unused.push(n);
    if (req.leaveOutUnused) continue;
    const name = claim(n);
    byFile.set(file, { name, stat: st });
  }

  // Pixel sizes for the limits: from the headers read above, libvips for formats we do not parse.
  const dims = new Map<string, PixelSize>();
  const unparsed: string[] = [];
  for (const file of byFile.keys()) {
    const size = probes.get(file)?.size;
    if (size) dims.set(file, size);
    else unparsed.push(file);
  }
  await pool(unparsed, 4, async (file) => {
    try {
      const meta = await sharp(file, { limitInputPixels: false }).metadata();
      dims.set(file, { width: meta.autoOrient?.width ?? meta.width ?? 0, height: meta.autoOrient?.height ?? meta.height ?? 0 });
    } catch {
      // Not an image we can read (e.g. a damaged file): no size check, the link check still applies.
    }
  });
  for (const img of images) {
    const d = img.file ? dims.get(img.file) : undefined;
    if (d) Object.assign(img, d);
  }

  // The Markdown with each local image link in the target's public form; untouched elsewhere.
  let out = text;
  if (imagesRel !== null) {
    const lines = parts.body.split('\n');
    const edits = new Map<number, Array<{ column: number; from: string; to: string }>>();
    let cover: string | null = null;
    for (const { ref, file } of located) {
      const name = byFile.get(file)?.name ?? path.basename(file);
      const want = urlFor(name);
      if (linkPath(ref.url) === linkPath(want)) continue;
      const suffix = /[?#].*$/.exec(ref.url)?.[0] ?? '';
      if (ref.field) {
        cover = want + suffix;
        continue;
      }
      const list = edits.get(ref.bodyLine) ?? [];
      list.push({ column: ref.urlColumn, from: ref.url, to: want + suffix });
      edits.set(ref.bodyLine, list);
    }
    if (edits.size > 0) {
      for (const [lineNo, list] of edits) {
        let line = lines[lineNo - 1] ?? '';
        for (const e of list.sort((a, b) => b.column - a.column)) {
          const at = line.indexOf(e.from, e.column - 1);
          if (at !== -1) line = line.slice(0, at) + e.to + line.slice(at + e.from.length);
        }
        lines[lineNo - 1] = line;
      }
      out = joinRecap({ ...parts, body: lines.join('\n') });
    }
    if (cover !== null && coverKey) out = setField(out, coverKey, cover);
  }

  // The files, and what the target holds at each place.
  const entries: PlannedFile[] = [];
  const postData = Buffer.from(out, 'utf8');
  const sourceStats = new Map<PlannedFile, Stats | null>();
  if (post !== null) entries.push({ path: post, kind: 'post', status: 'added', bytes: postData.length, source: null, abs: null, data: postData, conflict: false });
  if (imagesRel !== null) {
    for (const [file, { name, stat }] of byFile) {
      const entry: PlannedFile = { path: `${imagesRel}/${name}`, kind: 'image', status: 'added', bytes: stat.size, source: file, abs: null, data: null, conflict: false };
      sourceStats.set(entry, stat);
      entries.push(entry);
    }
  }

  const ours = (rel: string, st: Stats): boolean => {
    const m = previous?.files[rel];
    return m !== undefined && m.bytes === st.size && m.mtimeMs === st.mtimeMs;
  };

  const blockedByFolders: string[] = [];
  const outsideTarget: Array<{ file: string; folder: string | null }> = [];
  const removals: PlannedFile[] = [];
  const keptStale: string[] = [];
  let zipConflict = false;
  if (root !== null) {
    const listings = new Map<string, Set<string>>();
    const realRoot = realpathOrNull(root) ?? root;
    const escapes = new Map<string, string | null>();
    await pool(entries, 8, async (e) => {
      e.abs = path.join(root, ...e.path.split('/'));
      // A folder of the target that is a symlink out of it (content/en/news -> elsewhere) would
      // put the post there: every folder is checked on its real path.
      const out = escapingFolder(path.dirname(e.abs), root, realRoot, escapes);
      if (out !== null) {
        outsideTarget.push({ file: e.path, folder: out });
        return;
      }
      if (!mayExist(e.abs, listings)) return;
      if (lstatNow(e.abs)?.isSymbolicLink()) {
        outsideTarget.push({ file: e.path, folder: null });
        return;
      }
      const st = statNow(e.abs);
      if (!st) return;
      if (!st.isFile()) {
        blockedByFolders.push(e.path);
        return;
      }
      if (await sameBytes(fs, e.abs, st.size, { data: e.data, source: e.source, sourceStat: sourceStats.get(e) ?? null }, st)) {
        e.status = 'unchanged';
      } else {
        e.status = 'changed';
        // The recap's own file in the site (opened from there) is updated like a save, never a
        // conflict: the editor holds that very post.
        e.conflict = !ours(e.path, st) && !(e.kind === 'post' && e.path === ownPath);
      }
    });
    const current = new Set(entries.map((e) => e.path));
    for (const [rel, m] of Object.entries(previous?.files ?? {})) {
      // Images this recap no longer uses, and its own earlier post when it was renamed.
      if ((m.kind !== 'image' && m.kind !== 'post') || current.has(rel) || !safeRel(rel)) continue;
      const abs = path.join(root, ...rel.split('/'));
      if (escapingFolder(path.dirname(abs), root, realRoot, escapes) !== null || lstatNow(abs)?.isSymbolicLink()) continue;
      const st = statNow(abs);
      if (!st?.isFile()) continue;
      if (ours(rel, st)) removals.push({ path: rel, kind: m.kind, status: 'removed', bytes: st.size, source: null, abs, data: null, conflict: false });
      else keptStale.push(rel);
    }
  } else if (zipFile !== null) {
    const st = statNow(zipFile);
    zipConflict = st !== null && !ours('', st);
  }

  const collisions: Array<{ path: string; samePath: boolean; caseOnly?: boolean }> = [];
  if (root !== null && slugOk && ownPath === null && pinned === null) {
    const fixed: PatternVars = { slug, lang, section: profile.section };
    for (const rel of await findPosts(fs, root, profile, fixed)) {
      if (rel === post) {
        const e = entries.find((x) => x.path === rel);
        if (e?.conflict) collisions.push({ path: rel, samePath: true });
      } else if (post !== null && rel.toLowerCase() === post.toLowerCase()) {
        collisions.push({ path: rel, samePath: false, caseOnly: true });
      } else if (rel !== previous?.post) {
        collisions.push({ path: rel, samePath: false });
      }
    }
  }

  entries.sort((a, b) => (a.kind === b.kind ? a.path.localeCompare(b.path) : a.kind === 'post' ? -1 : 1));
  const problems = preflight({
    text,
    profile,
    images,
    unused,
    unusedFolder: unused.length > 0 ? folder : null,
    leaveOutUnused: req.leaveOutUnused === true,
    slug,
    postPathError,
    collisions,
    overwrite: req.overwrite === true,
    blockedByFolders,
    outsideTarget,
    keptStale,
  });

  return {
    target,
    profile,
    slug,
    lang,
    imageDir,
    post,
    postFrom: ownPath !== null ? 'own' : pinned !== null ? 'pinned' : post !== null ? 'slug' : null,
    root,
    zipFile,
    zipConflict,
    entries,
    removals,
    unused,
    problems,
    manifestFile,
    manifest,
    key,
  };
}

function conflictsOf(plan: Plan): string[] {
  if (plan.zipFile !== null) return plan.zipConflict ? [path.basename(plan.zipFile)] : [];
  return plan.entries.filter((e) => e.conflict).map((e) => e.path);
}

function reportOf(plan: Plan, extra: { dryRun: boolean; written: boolean; gitStatus: string | null; zip: ExportReport['zip'] }): ExportReport {
  const isZip = plan.zipFile !== null;
  const files: ExportFile[] = [...plan.entries, ...plan.removals].map((e) => ({
    path: e.path,
    kind: e.kind,
    status: isZip ? 'added' : e.status,
    bytes: e.bytes,
    source: e.source,
  }));
  const having = (s: ExportFile['status']): string[] => files.filter((f) => f.status === s).map((f) => f.path);
  return {
    target: plan.target,
    profile: plan.profile.name,
    slug: plan.slug,
    lang: plan.lang,
    imageDir: plan.imageDir,
    post: plan.post,
    postFrom: plan.postFrom,
    dryRun: extra.dryRun,
    written: extra.written,
    files,
    added: having('added'),
    changed: having('changed'),
    unchanged: having('unchanged'),
    removed: having('removed'),
    conflicts: conflictsOf(plan),
    unused: plan.unused,
    problems: plan.problems,
    gitStatus: extra.gitStatus,
    zip: extra.zip,
  };
}

/** The export as it would happen: files and their state, conflicts, the preflight checklist. Writes nothing. */
export async function planExport(req: ExportRequest, options: ExportOptions = {}): Promise<ExportReport> {
  return reportOf(await makePlan(req, options), { dryRun: true, written: false, gitStatus: null, zip: null });
}

// ---------------------------------------------------------------------------------------
// Writing

type JournalEntry =
  | { kind: 'placed'; target: string }
  | { kind: 'placed-folder'; target: string }
  | { kind: 'moved-aside'; target: string; aside: string };

async function commitToFolder(plan: Plan, fs: ExportFs, durable: boolean): Promise<void> {
  const root = plan.root as string;
  const created: string[] = [];
  const writes = plan.entries.filter((e) => e.status === 'added' || e.status === 'changed');
  const journal: JournalEntry[] = [];
  let stage: string | null = null;
  let doing = `creating ${root}`;
  /** Names the step of a parallel job that failed first, for the message. */
  const step = async (what: string, job: () => Promise<unknown>): Promise<void> => {
    try {
      await job();
    } catch (err) {
      doing = what;
      throw err;
    }
  };
  try {
    // The target folder itself, when it is new (removed again on failure).
    const missing: string[] = [];
    for (let d = root; !statNow(d); d = path.dirname(d)) {
      missing.push(d);
      if (path.dirname(d) === d) break;
    }
    for (const d of missing.reverse()) {
      await fs.mkdir(d);
      created.push(d);
    }
    doing = `creating a staging folder in ${root}`;
    stage = await fs.mkdtemp(path.join(root, '.recap-export-'));
    const stageDir = stage;

    // A file whose folder the target lacks is staged inside a copy of that folder, and the whole
    // folder is moved in with one rename (a new export: two renames, content/ and static/).
    // A file whose folder exists is staged alone and moved in by itself.
    const isDir = new Map<string, boolean>();
    const dirExists = (d: string): boolean => {
      let hit = isDir.get(d);
      if (hit === undefined) isDir.set(d, (hit = statNow(d)?.isDirectory() ?? false));
      return hit;
    };
    const topMissing = (dir: string): string | null => {
      let top: string | null = null;
      for (let d = dir; d !== root && isInside(root, d) && !dirExists(d); d = path.dirname(d)) top = d;
      return top;
    };
    const stagedAt = new Map<PlannedFile, string>();
    const tops = new Set<string>();
    const stageDirs = new Set<string>();
    writes.forEach((e, i) => {
      const top = topMissing(path.dirname(e.abs as string));
      if (top === null) {
        stagedAt.set(e, path.join(stageDir, `new-${i}`));
      } else {
        tops.add(top);
        const to = path.join(stageDir, 'tree', path.relative(root, e.abs as string));
        stagedAt.set(e, to);
        stageDirs.add(path.dirname(to));
      }
    });
    // Only the deepest folders: mkdir -p makes their parents.
    const leaves = [...stageDirs].filter((d) => ![...stageDirs].some((o) => o !== d && o.startsWith(d + path.sep)));
    await pool(leaves, 4, (d) => step(`creating the folder of ${path.relative(path.join(stageDir, 'tree'), d)}`, () => fs.mkdir(d, { recursive: true })));
    await pool(writes, 4, (e) => step(`copying ${e.path}`, async () => {
      const to = stagedAt.get(e) as string;
      if (e.data) {
        const handle = await fs.open(to, 'wx', 0o644);
        try {
          await handle.writeFile(e.data);
          if (durable) await handle.sync();
        } finally {
          await handle.close();
        }
      } else {
        await fs.copyFile(e.source as string, to, fsConstants.COPYFILE_FICLONE);
        if (durable) {
          const handle = await fs.open(to, 'r');
          try {
            await handle.sync();
          } finally {
            await handle.close();
          }
        }
      }
    }));

    // Into place. The journal records every rename that happened, in whatever order, so that
    // the rollback undoes exactly those.
    await pool([...tops], 8, async (top) => {
      const rel = path.relative(root, top);
      await step(`moving ${rel.split(path.sep).join('/')}/ into place`, () => fs.rename(path.join(stageDir, 'tree', rel), top));
      journal.push({ kind: 'placed-folder', target: top });
    });
    const alone = writes.filter((e) => !(stagedAt.get(e) as string).startsWith(path.join(stageDir, 'tree') + path.sep));
    await pool(alone, 8, async (e, i) => {
      const dest = e.abs as string;
      if (e.status === 'changed') {
        const aside = path.join(stageDir, `old-${i}`);
        await step(`setting aside the previous ${e.path}`, () => fs.rename(dest, aside));
        journal.push({ kind: 'moved-aside', target: dest, aside });
      }
      await step(`moving ${e.path} into place`, () => fs.rename(stagedAt.get(e) as string, dest));
      journal.push({ kind: 'placed', target: dest });
    });
    await pool(plan.removals, 8, async (r, i) => {
      const aside = path.join(stageDir, `removed-${i}`);
      await step(`removing ${r.path}`, () => fs.rename(r.abs as string, aside));
      journal.push({ kind: 'moved-aside', target: r.abs as string, aside });
    });
  } catch (err) {
    const left = await rollback(fs, journal, stage, created);
    const why = `${describeFsError(err)} (while ${doing})`;
    const after = left.length === 0 ? `Nothing in ${root} was changed.` : `These could not be put back: ${left.join(', ')}; their previous versions are in ${stage ?? root}.`;
    throw new RecapError('SAVE_FAILED', `The export to ${root} failed: ${why}. ${after}`, { cause: err });
  }
  // Usually empty by now (the staged folders moved out): two rmdirs, else the set-aside files go too.
  const tree = path.join(stage, 'tree');
  const emptied = await fs.rmdir(tree).then(() => true, (err: { code?: string }) => err.code === 'ENOENT');
  if (!(emptied && (await fs.rmdir(stage).then(() => true, () => false)))) await fs.rm(stage, { recursive: true, force: true }).catch(() => undefined);
  // An image folder a removal emptied goes too (git does not keep empty folders anyway).
  for (const dir of new Set(plan.removals.map((r) => path.dirname(r.abs as string)))) {
    if (dir !== root) await fs.rmdir(dir).catch(() => undefined);
  }
}

/** Undoes a partial export in reverse order; returns what could not be restored. */
async function rollback(fs: ExportFs, journal: JournalEntry[], stage: string | null, created: string[]): Promise<string[]> {
  const left: string[] = [];
  for (const j of [...journal].reverse()) {
    try {
      if (j.kind === 'placed') await fs.unlink(j.target);
      else if (j.kind === 'placed-folder') await fs.rm(j.target, { recursive: true });
      else await fs.rename(j.aside, j.target);
    } catch {
      left.push(j.target);
    }
  }
  if (stage !== null && left.length === 0) await fs.rm(stage, { recursive: true, force: true }).catch(() => undefined);
  for (const d of [...created].reverse()) await fs.rmdir(d).catch(() => undefined);
  return left;
}

async function commitToZip(plan: Plan, fs: ExportFs, durable: boolean): Promise<{ file: string; bytes: number; entries: number }> {
  const zip = plan.zipFile as string;
  const tmp = path.join(path.dirname(zip), `.${path.basename(zip)}.${process.pid}-${Date.now().toString(36)}.tmp`);
  const now = new Date();
  try {
    const { bytes } = await writeZipFile(
      tmp,
      plan.entries.map((e) => (e.data ? { name: e.path, data: e.data, deflate: true, mtime: now } : { name: e.path, file: e.source as string, mtime: now })),
      { open: fs.open, sync: durable },
    );
    await fs.rename(tmp, zip);
    return { file: zip, bytes, entries: plan.entries.length };
  } catch (err) {
    await fs.unlink(tmp).catch(() => undefined);
    if (err instanceof RecapError && err.code !== 'SAVE_FAILED') throw err;
    throw new RecapError('SAVE_FAILED', `Could not write ${zip}: ${describeFsError(err)}. ${path.basename(zip)} is as it was.`, { cause: err });
  }
}

/**
 * A target site may come from anyone (an archive with its .git): git must not run commands the
 * repository configures. No fsmonitor, no hooks, no pager, no external diff or textconv.
 */
export const GIT_SAFE = ['--no-pager', '-c', 'core.fsmonitor=false', '-c', 'core.hooksPath=/dev/null', '-c', 'core.untrackedCache=false', '-c', 'diff.external=', '--no-optional-locks'];

function gitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_PAGER: 'cat', PAGER: 'cat', GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' };
  // A variable that points git at another repository or config would defeat the flags above.
  for (const k of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_CONFIG', 'GIT_CONFIG_PARAMETERS', 'GIT_CONFIG_COUNT', 'GIT_EXTERNAL_DIFF']) delete env[k];
  return env;
}

function gitStatus(git: string, root: string, paths: string[]): Promise<string | null> {
  if (paths.length === 0) return Promise.resolve(null);
  return new Promise((resolve) => {
    execFile(git, [...GIT_SAFE, '-C', root, 'status', '--short', '--untracked-files=all', '--', ...paths], { timeout: 15_000, maxBuffer: 4 * 1024 * 1024, env: gitEnv() }, (err, stdout) => {
      // No git, or not a checkout: the report simply has no git section.
      resolve(err ? null : stdout);
    });
  });
}

async function saveManifest(plan: Plan, fs: ExportFs, durable: boolean): Promise<void> {
  const files: Record<string, ManifestFile> = {};
  const previous = plan.manifest.targets[plan.key];
  if (plan.zipFile !== null) {
    const st = await fs.stat(plan.zipFile);
    files[''] = { kind: 'zip', bytes: st.size, mtimeMs: st.mtimeMs };
  } else {
    // Ours: what this export wrote, and what an earlier export wrote that is still as it left it.
    const stats = plan.entries.map((e) => {
      const wrote = e.status === 'added' || e.status === 'changed';
      return wrote || previous?.files[e.path] !== undefined ? statNow(e.abs as string) : null;
    });
    plan.entries.forEach((e, i) => {
      const st = stats[i];
      if (!st) return;
      const wrote = e.status === 'added' || e.status === 'changed';
      const before = previous?.files[e.path];
      if (!wrote && (before?.bytes !== st.size || before.mtimeMs !== st.mtimeMs)) return;
      files[e.path] = { kind: e.kind, bytes: st.size, mtimeMs: st.mtimeMs };
    });
  }
  const manifest: Manifest = {
    ...plan.manifest,
    targets: { ...plan.manifest.targets, [plan.key]: { kind: plan.target.kind, profile: plan.profile.name, post: plan.post, at: new Date().toISOString(), files } },
  };
  const json = `${JSON.stringify(manifest, null, 2)}\n`;
  await nodeFs.mkdir(path.dirname(plan.manifestFile), { recursive: true });
  if (durable) {
    await writeFileAtomic(plan.manifestFile, json);
  } else {
    // Temp + rename: never half a manifest. A lost one only makes the next export ask first.
    const tmp = `${plan.manifestFile}.${process.pid}-${Date.now().toString(36)}.tmp`;
    try {
      await nodeFs.writeFile(tmp, json, { flag: 'wx' });
      await nodeFs.rename(tmp, plan.manifestFile);
    } catch (err) {
      await nodeFs.unlink(tmp).catch(() => undefined);
      throw err;
    }
  }
}

/**
 * Exports a recap: plans, checks, refuses on preflight errors (the report says why) or on
 * existing files that differ (ExportConflictError, code EXISTS, unless overwrite), then writes
 * atomically and reports the files added, changed, unchanged and removed.
 */
export async function exportRecap(req: ExportRequest, options: ExportOptions = {}): Promise<ExportReport> {
  const fs = options.fs ?? nodeFs;
  const plan = await makePlan(req, options);
  if (req.dryRun) return reportOf(plan, { dryRun: true, written: false, gitStatus: null, zip: null });
  if (hasErrors(plan.problems)) return reportOf(plan, { dryRun: false, written: false, gitStatus: null, zip: null });
  const conflicts = conflictsOf(plan);
  if (conflicts.length > 0 && !req.overwrite) {
    throw new ExportConflictError(conflicts, plan.zipFile ?? plan.root ?? 'The target');
  }
  let zip: ExportReport['zip'] = null;
  let written = false;
  if (plan.zipFile !== null) {
    zip = await commitToZip(plan, fs, options.durable === true);
    written = true;
  } else {
    written = plan.entries.some((e) => e.status === 'added' || e.status === 'changed') || plan.removals.length > 0;
    if (written) await commitToFolder(plan, fs, options.durable === true);
  }
  try {
    await saveManifest(plan, fs, options.durable === true);
  } catch (err) {
    plan.problems.push({
      code: 'manifest-not-saved',
      severity: 'warning',
      message: `The export is written, but its record (${plan.manifestFile}) could not be saved: ${describeFsError(err)}. A later export will ask before replacing these files.`,
    });
  }
  let status: string | null = null;
  if (plan.target.kind === 'site' && options.git !== false && plan.root !== null) {
    const paths = [...plan.entries.map((e) => e.path), ...plan.removals.map((r) => r.path)];
    status = await gitStatus(options.git ?? 'git', plan.root, paths);
  }
  return reportOf(plan, { dryRun: false, written, gitStatus: status, zip });
}
