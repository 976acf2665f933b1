// What the page may name: the main process reads and writes only files the author chose in a
// dialog, dropped on the window, opened from the command line, or saved to before; folders only
// when chosen in a folder dialog (or remembered as a site). File, folder and photo grants are
// kept apart: a granted folder is never usable as a file, and the reverse.

import * as path from 'node:path';
import type { ExportRequest, ExportTarget, PhotoSource } from '../core/contract';
import { RecapError } from '../core/errors';
import { isRecapFileName } from '../service/service';
import { msg } from '../core/i18n/messages';

/** Files the author granted: the only ones the page may open or save to. */
const grantedFiles = new Set<string>();
/** Folders the author chose (export targets, sites): never usable as a file, and the reverse. */
const grantedFolders = new Set<string>();
/** Photo files the author picked in a dialog or dropped on the window: the only ones imported by path. */
const grantedPhotos = new Set<string>();

export function grantPath(p: string): void {
  grantedFiles.add(path.resolve(p));
}

export function grantFolder(p: string): void {
  grantedFolders.add(path.resolve(p));
}

export function grantPhotoPath(p: string): void {
  grantedPhotos.add(path.resolve(p));
}

export function requireGranted(p: string): string {
  const full = path.resolve(p);
  if (!grantedFiles.has(full)) throw new RecapError('BAD_REQUEST', msg('error.grant.file', { path: full }));
  return full;
}

export function requireFolder(p: string): string {
  const full = path.resolve(p);
  if (!grantedFolders.has(full)) throw new RecapError('BAD_REQUEST', msg('error.grant.folder', { path: full }));
  return full;
}

export function photoSource(source: PhotoSource): PhotoSource {
  if (!('path' in source)) return source;
  const full = path.resolve(source.path);
  if (!grantedPhotos.has(full)) throw new RecapError('BAD_REQUEST', msg('error.grant.photo', { path: full }));
  return { path: full };
}

/** Photos go only beside recaps the author opened or saved. */
export function grantedRecapFolder<T extends { recapPath: string }>(req: T): T {
  return { ...req, recapPath: requireGranted(req.recapPath) };
}

/** A draft's own files and its linked file become the page's to use once the service hands it a draft. */
export function grantDraft<T extends { recapPath: string; photoRecapPath: string; linkedPath: string | null }>(d: T): T {
  grantPath(d.recapPath);
  grantPath(d.photoRecapPath);
  if (d.linkedPath) grantPath(d.linkedPath);
  return d;
}

/** An export of a granted recap into a folder the author chose. */
export function grantedExport(req: ExportRequest): ExportRequest {
  const recapPath = requireGranted(req.recapPath);
  const t = req.target;
  // A zip goes into a folder the author chose (the name is the page's suggestion).
  const target: ExportTarget =
    t.kind === 'zip' ? { kind: 'zip', file: path.join(requireFolder(path.dirname(t.file)), path.basename(t.file)) } : { kind: t.kind, dir: requireFolder(t.dir) };
  return { ...req, recapPath, target };
}

/**
 * A path the preload reports for a file the author dropped: a recap (by its name) to open, else
 * a photo to import (the service then says what is wrong with a file that is not one).
 */
export function grantDropped(p: unknown): void {
  if (typeof p !== 'string' || p.length === 0 || p.length >= 4096 || p.includes('\0') || !path.isAbsolute(p)) return;
  if (isRecapFileName(p)) grantPath(p);
  else grantPhotoPath(p);
}
