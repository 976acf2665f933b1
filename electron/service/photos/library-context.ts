// What every job of a photo library shares: where its cache is, how a file becomes a URL, the
// profile of a recap, the hashes already computed, and one writer per image folder.

import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Photo, PhotoFolderRequest, SiteProfile } from '../../core/contract';
import { imageFolderFor, loadProfile, photoLinkPrefix } from '../site/profile';
import { createKeyLock, type KeyLock } from '../files/key-lock';
import { folderOutsideRoots } from '../files/containment';
import { RecapError } from '../../core/errors';
import { msg } from '../../core/i18n/messages';
import { sha256 } from './process';

export interface PhotoLibraryOptions {
  /** Turns a local file (a thumbnail) into a URL the door's renderer can load. Default: file://. */
  assetUrl?: (absPath: string) => string;
  /** Thumbnails and the undo trash live here, never in the site. Default: ~/.cache/recap-studio. */
  cacheDir?: string;
  /** The site profile of a recap. Default: the built-in profile; tests pass tiny limits. */
  profileFor?: (recapPath: string) => SiteProfile;
}

/** A recap's image folder: where its files are, and the URL the recap links them by. */
export interface PhotoFolder {
  dir: string;
  url: string;
  /** What a link writes before a photo's name (photoLinkPrefix: `/images/news/kcd/`, or nothing beside a Hugo post). */
  link: string;
}

export interface PhotoLibraryContext {
  thumbsDir: string;
  trashDir: string;
  assetUrl: (absPath: string) => string;
  profileFor: (recapPath: string) => SiteProfile;
  /** sha256 of files already in image folders, valid while size and mtime stay the same. */
  hashes: Map<string, { size: number; mtimeMs: number; sha: string }>;
  /** Size and mtime of image-folder files as first seen (null: not a regular file); import-photo.ts says how they are trusted. */
  sizes: Map<string, { size: number; mtimeMs: number } | null>;
  /** One writer per folder: choosing a free name and writing it must not interleave. */
  locked: KeyLock;
}

export function defaultCacheDir(): string {
  const base = process.env['XDG_CACHE_HOME'] || path.join(os.homedir(), '.cache');
  return path.join(base, 'recap-studio');
}

export function createLibraryContext(options: PhotoLibraryOptions): PhotoLibraryContext {
  const cacheDir = path.resolve(options.cacheDir ?? defaultCacheDir());
  return {
    thumbsDir: path.join(cacheDir, 'thumbs'),
    trashDir: path.join(cacheDir, 'trash'),
    assetUrl: options.assetUrl ?? ((p: string): string => pathToFileURL(p).href),
    profileFor: options.profileFor ?? ((): SiteProfile => loadProfile()),
    hashes: new Map(),
    sizes: new Map(),
    locked: createKeyLock(),
  };
}

/** A recap's image folder; refused when it (or a folder on the way) is a link leading out of the recap's allowed roots. */
export function folderOf(ctx: PhotoLibraryContext, req: PhotoFolderRequest): { profile: SiteProfile; folder: PhotoFolder } {
  const profile = ctx.profileFor(req.recapPath);
  const folder = imageFolderFor(req.recapPath, profile, req.imageDir);
  const outside = folderOutsideRoots(folder.dir, req.recapPath, profile);
  if (outside !== null) throw new RecapError('BAD_REQUEST', msg('error.photo.folderOutside', { url: folder.url, path: outside }));
  return { profile, folder: { ...folder, link: photoLinkPrefix(folder.url, profile) } };
}

export function photoOf(folder: PhotoFolder, name: string, p: { bytes: number; width: number; height: number; format: string; thumbnail: string | null }): Photo {
  return { name, url: `${folder.link}${encodeURIComponent(name)}`, localPath: path.join(folder.dir, name), ...p };
}

export async function fileHash(ctx: PhotoLibraryContext, file: string, size: number, mtimeMs: number): Promise<string> {
  const hit = ctx.hashes.get(file);
  if (hit && hit.size === size && hit.mtimeMs === mtimeMs) return hit.sha;
  const sha = await sha256(await fs.readFile(file));
  ctx.hashes.set(file, { size, mtimeMs, sha });
  return sha;
}
