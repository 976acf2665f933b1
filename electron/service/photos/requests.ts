// What a renderer may ask of the photo library: a recap, its image folder, a file name in it.
// Everything here is checked before any file is touched.

import * as path from 'node:path';
import type { PhotoFolderRequest } from '../../core/contract';
import { RecapError } from '../../core/errors';
import { isRecord } from '../../core/is-record';
import { isSafeImageDir } from '../../core/markdown/photo-names';
import { msg } from '../../core/i18n/messages';

export { isRecord };

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
    throw new RecapError('BAD_REQUEST', msg('error.photo.notInFolder', { name: String(name) }));
  }
  return name;
}

export function checkFolderRequest(req: unknown): PhotoFolderRequest {
  if (!isRecord(req) || typeof req['recapPath'] !== 'string' || req['recapPath'] === '' || typeof req['imageDir'] !== 'string') {
    throw new RecapError('BAD_REQUEST', msg('error.photo.requestNeeds'));
  }
  const imageDir = req['imageDir'];
  if (!isSafeImageDir(imageDir)) {
    throw new RecapError('BAD_REQUEST', msg('error.photo.badFolderName', { name: String(imageDir) }));
  }
  return { recapPath: path.resolve(req['recapPath']), imageDir };
}
