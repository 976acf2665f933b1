// Errors are values with a stable code and a message written for the author.
// The doors map them in one place each: the renderer's toast, the CLI's exit code,
// the HTTP status of the browser mode. An error built from a catalogue message (`msg(...)`)
// carries it, so each door says it in its reader's language; `message` is its English text.

import { format, isMessageKey, msg } from './i18n/messages';
import type { Msg } from './i18n/messages';

export type RecapErrorCode =
  | 'BAD_REQUEST' // a payload that does not fit the contract
  | 'NOT_FOUND' // a file that does not exist
  | 'NOT_A_RECAP' // a file we will not open as a recap (binary, too large, not Markdown)
  | 'UNREADABLE' // a file that exists but cannot be read
  | 'SAVE_FAILED' // the write did not complete; the previous file is intact
  | 'EXISTS' // the target exists and the caller did not confirm overwriting it
  | 'CHANGED_ON_DISK' // the file changed since it was opened
  | 'BAD_PROFILE' // a site profile that does not parse or validate
  | 'BAD_FIELD' // a front-matter edit that cannot be applied
  | 'BAD_PHOTO' // a file refused by the photo import (not an image, damaged, over a limit)
  | 'UNSUPPORTED'; // the door cannot do this (e.g. native dialogs in the browser mode)

export interface RecapErrorShape {
  code: RecapErrorCode;
  message: string;
  /** The message as a catalogue key and values, when it has one. */
  msg?: Msg;
}

export class RecapError extends Error implements RecapErrorShape {
  readonly code: RecapErrorCode;
  readonly msg?: Msg;
  constructor(code: RecapErrorCode, message: string | Msg, options?: { cause?: unknown }) {
    super(typeof message === 'string' ? message : format('en', message.key, message.params), options);
    this.name = 'RecapError';
    this.code = code;
    if (typeof message !== 'string') this.msg = message;
  }

  toJSON(): RecapErrorShape {
    return this.msg ? { code: this.code, message: this.message, msg: this.msg } : { code: this.code, message: this.message };
  }
}

/** A catalogue message as it arrives over a door: a known key, values that are strings, numbers or messages. */
export function isMsg(value: unknown, depth = 0): value is Msg {
  if (typeof value !== 'object' || value === null || depth > 4) return false;
  const { key, params } = value as { key?: unknown; params?: unknown };
  if (!isMessageKey(key)) return false;
  if (params === undefined) return true;
  if (typeof params !== 'object' || params === null || Array.isArray(params)) return false;
  return Object.values(params).every((p) => typeof p === 'string' || (typeof p === 'number' && Number.isFinite(p)) || isMsg(p, depth + 1));
}

export function isRecapErrorShape(value: unknown): value is RecapErrorShape {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

const FS_REASONS = {
  ENOENT: 'error.fs.notFound',
  EACCES: 'error.fs.permission',
  EPERM: 'error.fs.permission',
  ENOSPC: 'error.fs.diskFull',
  EROFS: 'error.fs.readOnly',
  EISDIR: 'error.fs.isFolder',
  ENOTDIR: 'error.fs.notFolder',
  EMFILE: 'error.fs.tooManyOpen',
  EDQUOT: 'error.fs.quota',
} as const;

/** Turns a Node fs error into a phrase an author understands, in any language (a reason inside an error's message). */
export function describeFsErrorMsg(err: unknown): Msg {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && Object.prototype.hasOwnProperty.call(FS_REASONS, code)) {
    return msg(FS_REASONS[code as keyof typeof FS_REASONS]);
  }
  return msg('error.fs.other', { detail: err instanceof Error ? err.message : String(err) });
}

/** Turns a Node fs error into a sentence an author understands (English). */
export function describeFsError(err: unknown): string {
  const m = describeFsErrorMsg(err);
  return format('en', m.key, m.params);
}
