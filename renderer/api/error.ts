import type { RecapErrorCode, RecapErrorShape } from '../../electron/core/errors';
import { isMsg, isRecapErrorShape } from '../../electron/core/errors';
import type { Msg } from '../../electron/core/i18n/messages';
import { t, tMsg } from '../ui/locale';

/**
 * A RecapError that crossed a door: same code and author-facing message as on the service side,
 * and its catalogue message when it came with a valid one (a known key, plain values).
 */
export class ApiError extends Error implements RecapErrorShape {
  readonly code: RecapErrorCode;
  readonly msg?: Msg;
  constructor(shape: RecapErrorShape) {
    super(shape.message);
    this.name = 'ApiError';
    this.code = shape.code;
    if (isMsg(shape.msg)) this.msg = shape.msg;
  }
}

/** Failures of the door itself (server gone, token refused), shown on the error screen. */
export class UnreachableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreachableError';
  }
}

/**
 * The browser mode was opened without its private link (a bookmark, a link from an earlier
 * run): the author needs the link the running Recap Studio printed, nothing else helps.
 */
export class LinkNeededError extends UnreachableError {
  constructor() {
    super(t('error.api.linkNeeded'));
    this.name = 'LinkNeededError';
  }
}

export function errorCode(err: unknown): RecapErrorCode | null {
  return err instanceof ApiError || isRecapErrorShape(err) ? (err as RecapErrorShape).code : null;
}

/** The one place where any thrown value becomes a sentence for a toast. */
export function errorMessage(err: unknown): string {
  if (err instanceof LinkNeededError) return t('error.api.linkNeeded');
  if (err instanceof ApiError) return err.msg ? tMsg(err.msg) : err.message;
  if (err instanceof UnreachableError) return err.message;
  if (isRecapErrorShape(err)) return isMsg(err.msg) ? tMsg(err.msg) : err.message;
  return t('error.somethingWrong', { detail: err instanceof Error ? err.message : String(err) });
}
