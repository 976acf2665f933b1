import type { RecapErrorCode, RecapErrorShape } from '../../electron/core/errors';
import { isRecapErrorShape } from '../../electron/core/errors';

/** A RecapError that crossed a door: same code and author-facing message as on the service side. */
export class ApiError extends Error implements RecapErrorShape {
  readonly code: RecapErrorCode;
  constructor(shape: RecapErrorShape) {
    super(shape.message);
    this.name = 'ApiError';
    this.code = shape.code;
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
    super('This page was opened without the private link of the running Recap Studio.');
    this.name = 'LinkNeededError';
  }
}

export function errorCode(err: unknown): RecapErrorCode | null {
  return err instanceof ApiError || isRecapErrorShape(err) ? (err as RecapErrorShape).code : null;
}

/** The one place where any thrown value becomes a sentence for a toast. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError || err instanceof UnreachableError) return err.message;
  if (isRecapErrorShape(err)) return err.message;
  if (err instanceof Error) return `Something went wrong: ${err.message}`;
  return `Something went wrong: ${String(err)}`;
}
