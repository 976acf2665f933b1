// Reading a recap file: UTF-8 Markdown under a size limit, with a message that says why not.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { RecapError, describeFsErrorMsg } from '../../core/errors';
import { msg } from '../../core/i18n/messages';

export const MAX_RECAP_BYTES = 10 * 1024 * 1024;
export const RECAP_EXTENSIONS = ['.md', '.markdown', '.mdx'];

export function isRecapFileName(p: string): boolean {
  return RECAP_EXTENSIONS.includes(path.extname(p).toLowerCase());
}

/** Reads a recap, refusing what is not a UTF-8 Markdown text with a message that says why. */
export async function readRecapFile(file: string): Promise<{ text: string; mtimeMs: number }> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (err) {
    const code = (err as { code?: string }).code === 'ENOENT' ? 'NOT_FOUND' : 'UNREADABLE';
    throw new RecapError(code, msg('error.cannotOpen', { path: file, reason: describeFsErrorMsg(err) }), { cause: err });
  }
  if (stat.isDirectory()) throw new RecapError('NOT_A_RECAP', msg('error.open.folder', { path: file }));
  if (!isRecapFileName(file)) throw new RecapError('NOT_A_RECAP', msg('error.open.notMarkdown', { path: file, extensions: RECAP_EXTENSIONS.join(', ') }));
  if (stat.size > MAX_RECAP_BYTES) {
    throw new RecapError('NOT_A_RECAP', msg('error.open.tooLarge', { path: file, size: (stat.size / 1048576).toFixed(1), limit: String(MAX_RECAP_BYTES / 1048576) }));
  }
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (err) {
    throw new RecapError('UNREADABLE', msg('error.cannotOpen', { path: file, reason: describeFsErrorMsg(err) }), { cause: err });
  }
  if (bytes.subarray(0, 8192).includes(0)) throw new RecapError('NOT_A_RECAP', msg('error.open.binary', { path: file }));
  let text: string;
  try {
    // ignoreBOM keeps a BOM in the text, so that saving writes it back.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new RecapError('NOT_A_RECAP', msg('error.open.notUtf8', { path: file }));
  }
  return { text, mtimeMs: stat.mtimeMs };
}
