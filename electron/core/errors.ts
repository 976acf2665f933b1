// Errors are values with a stable code and a message written for the author.
// The doors map them in one place each: the renderer's toast, the CLI's exit code,
// the HTTP status of the browser mode. An error built from a catalogue message (`msg(...)`)
// carries it, so each door says it in its reader's language; `message` is its English text.

import { format } from './i18n/messages';
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

export function isRecapErrorShape(value: unknown): value is RecapErrorShape {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

/** Turns a Node fs error into a sentence an author understands. */
export function describeFsError(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'the file or folder does not exist';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EROFS':
      return 'the disk is read-only';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'EMFILE':
      return 'too many files are open';
    case 'EDQUOT':
      return 'the disk quota is exceeded';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}
