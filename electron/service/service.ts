// The service: every real job of Recap Studio, in plain Node. The doors (Electron IPC, the
// browser-mode server, the CLI) translate calls to these methods and nothing else.

import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { DirListing, ImageLookup, OpenedRecap, Problem, RecapApi, SaveResult, SiteProfile } from './contract';
import { RecapError, describeFsError } from './errors';
import { splitRecap } from './frontmatter';
import { lintText } from './lint';
import { assetPath, imageFolderFor, loadProfile, localCandidates } from './profile';
import { newRecapText } from './template';
import { writeFileAtomic, type AtomicFs } from './atomic-write';
import { findImageRefs } from './markdown-images';
import { createPhotoLibrary } from './photos';
import { imageDirFromText, isSafeImageDir } from './photo-names';
import { isRecapFileName, readRecapFile, RECAP_EXTENSIONS } from './recap-file';

export { isRecapFileName, readRecapFile, MAX_RECAP_BYTES, RECAP_EXTENSIONS } from './recap-file';

export type RecapService = Pick<
  RecapApi,
  | 'newRecap'
  | 'openRecap'
  | 'saveRecap'
  | 'lintRecap'
  | 'resolveImages'
  | 'listDirectory'
  | 'photoFolder'
  | 'importPhoto'
  | 'listPhotos'
  | 'removePhoto'
  | 'restorePhoto'
  | 'replacePhoto'
>;

export interface ServiceOptions {
  /** Turns a local image path into a URL the door's renderer can load. */
  assetUrl?: (absPath: string) => string;
  /** Injected by tests to make one fs call fail. */
  fs?: AtomicFs;
  /** Thumbnails and the photo trash (never in the site). Default: the XDG cache folder. */
  cacheDir?: string;
}

function todayLocal(): string {
  const d = new Date();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function createRecapService(options: ServiceOptions = {}): RecapService {
  const assetUrl = options.assetUrl ?? ((p: string) => `file://${p.split(path.sep).map(encodeURIComponent).join('/')}`);
  const profileFor = (_recapPath: string | null): SiteProfile => loadProfile();
  const photos = createPhotoLibrary({ assetUrl, ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}), profileFor });

  async function exists(p: string): Promise<boolean> {
    try {
      await fs.access(p);
      return true;
    } catch {
      return false;
    }
  }

  async function lookup(recapPath: string | null, urls: string[]): Promise<ImageLookup[]> {
    const profile = profileFor(recapPath);
    return Promise.all(
      urls.map(async (url): Promise<ImageLookup> => {
        if (/^(https?:|data:image\/)/i.test(url)) return { url, src: url, localPath: null };
        const candidates = localCandidates(url, recapPath, profile);
        for (const c of candidates) {
          try {
            if ((await fs.stat(c)).isFile()) return { url, src: assetUrl(c), localPath: c };
          } catch {
            // Not there; try the next place.
          }
        }
        return { url, src: null, localPath: candidates[0] ?? null };
      }),
    );
  }

  return {
    async newRecap(req) {
      const profile = profileFor(null);
      const template = await fs.readFile(assetPath('templates', 'event-recap.md'), 'utf8');
      const opts: { title?: string; date: string } = { date: todayLocal() };
      if (req.title !== undefined) opts.title = req.title;
      return { path: null, text: newRecapText(template, opts), profile, mtimeMs: null };
    },

    async openRecap(req): Promise<OpenedRecap> {
      const file = path.resolve(req.path);
      const { text, mtimeMs } = await readRecapFile(file);
      return { path: file, text, profile: profileFor(file), mtimeMs };
    },

    async saveRecap(req): Promise<SaveResult> {
      const file = path.resolve(req.path);
      if (!isRecapFileName(file)) throw new RecapError('SAVE_FAILED', `Cannot save as ${file}: a recap is saved as a Markdown file (${RECAP_EXTENSIONS.join(', ')}).`);
      let current: { mtimeMs: number; isDirectory(): boolean } | null = null;
      try {
        current = await fs.stat(file);
      } catch {
        current = null;
      }
      if (current?.isDirectory()) throw new RecapError('SAVE_FAILED', `Cannot save ${file}: it is a folder.`);
      if (current && req.createOnly) throw new RecapError('EXISTS', `${file} already exists. Choose another name or confirm that it should be replaced.`);
      if (current && req.expectMtimeMs != null && Math.abs(current.mtimeMs - req.expectMtimeMs) > 1) {
        throw new RecapError('CHANGED_ON_DISK', `${path.basename(file)} was changed on disk by another program since you opened it. Saving would overwrite those changes.`);
      }
      if (!current && req.expectMtimeMs != null) {
        throw new RecapError('CHANGED_ON_DISK', `${path.basename(file)} was moved or deleted on disk since you opened it. Save again to write it back, or use Save As.`);
      }
      if (!(await exists(path.dirname(file)))) throw new RecapError('SAVE_FAILED', `Cannot save ${file}: the folder ${path.dirname(file)} does not exist.`);
      const bytes = Buffer.from(req.text, 'utf8');
      await writeFileAtomic(file, bytes, options.fs);
      const after = await fs.stat(file);
      return { path: file, bytes: bytes.length, mtimeMs: after.mtimeMs };
    },

    async lintRecap(req): Promise<Problem[]> {
      const profile = profileFor(req.path);
      const problems = lintText(req.text, profile);
      const parts = splitRecap(req.text);
      const bodyStart = (parts.bom + parts.open + parts.yaml + parts.close).split('\n').length - 1;
      const refs = findImageRefs(parts.body);
      if (refs.length > 0 && req.path) {
        const found = await lookup(req.path, refs.map((r) => r.url));
        found.forEach((f, i) => {
          const ref = refs[i];
          if (!ref || f.src !== null || f.localPath === null) return;
          problems.push({
            code: 'image-missing',
            severity: 'error',
            message: `Image ${f.url} does not exist (looked for ${f.localPath}).`,
            line: ref.line + bodyStart,
            column: ref.column,
          });
        });
      }
      return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    },

    resolveImages: (req) => lookup(req.recapPath, req.urls),

    async photoFolder(req) {
      const file = path.resolve(req.recapPath);
      const profile = profileFor(file);
      const imageDir = req.imageDir ?? imageDirFromText(req.text, profile, file);
      if (!isSafeImageDir(imageDir)) {
        throw new RecapError('BAD_REQUEST', `"${imageDir}" cannot be an image folder name: use one word of letters, digits, dashes, dots or underscores (e.g. kcd-china).`);
      }
      return { imageDir, ...imageFolderFor(file, profile, imageDir) };
    },
    importPhoto: (req) => photos.importPhoto(req),
    listPhotos: (req) => photos.listPhotos(req),
    removePhoto: (req) => photos.removePhoto(req),
    restorePhoto: (req) => photos.restorePhoto(req),
    replacePhoto: (req) => photos.replacePhoto(req),

    async listDirectory(req): Promise<DirListing> {
      const dir = path.resolve(req.path ?? os.homedir());
      let names;
      try {
        names = await fs.readdir(dir, { withFileTypes: true });
      } catch (err) {
        throw new RecapError(((err as { code?: string }).code === 'ENOENT' ? 'NOT_FOUND' : 'UNREADABLE'), `Cannot list ${dir}: ${describeFsError(err)}.`);
      }
      const entries = names
        .filter((d) => !d.name.startsWith('.'))
        .filter((d) => d.isDirectory() || (d.isFile() && isRecapFileName(d.name)))
        .map((d) => ({ name: d.name, path: path.join(dir, d.name), kind: d.isDirectory() ? ('dir' as const) : ('file' as const) }))
        .sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'dir' ? -1 : 1));
      const parent = path.dirname(dir);
      return { path: dir, parent: parent === dir ? null : parent, entries };
    },
  };
}
