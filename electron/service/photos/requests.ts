// What a renderer may ask of the photo library: a recap, its image folder, a file name in it.
// Everything here is checked before any file is touched.

import * as path from 'node:path';
import type { PhotoFolderRequest } from '../../core/contract';
import { RecapError } from '../../core/errors';
import { isSafeImageDir } from '../../core/markdown/photo-names';

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A plain file name of the folder: what removePhoto and replacePhoto accept from a renderer. */
export function checkFileName(name: unknown): string {
  if (
    typeof name !== 'string' ||
    name === '' ||
    name.length > 255 ||
    /[\\/\0]/.test(name) ||
    name.startsWith('.') ||
    path.basename(name) !== name
  ) {
    throw new RecapError('BAD_REQUEST', `"${String(name)}" is not the name of a photo in the image folder.`);
  }
  return name;
}

export function checkFolderRequest(req: unknown): PhotoFolderRequest {
  if (!isRecord(req) || typeof req['recapPath'] !== 'string' || req['recapPath'] === '' || typeof req['imageDir'] !== 'string') {
    throw new RecapError('BAD_REQUEST', 'A photo request needs the recap path and its image folder.');
  }
  const imageDir = req['imageDir'];
  if (!isSafeImageDir(imageDir)) {
    throw new RecapError('BAD_REQUEST', `The image folder name "${imageDir}" may only use letters, digits, dots, dashes and underscores (e.g. kcd-china).`);
  }
  return { recapPath: path.resolve(req['recapPath']), imageDir };
}
