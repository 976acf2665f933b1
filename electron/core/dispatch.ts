// The one place where a door's raw call becomes a validated service call and a result or
// error becomes an Envelope. Both the Electron IPC handler and the HTTP server use it.

import type { Envelope, RecapApi, RecapMethod, ResponseOf } from './contract';
import { RecapError } from './errors';
import { isRecapMethod, validateRequest } from './validate';
import { msg } from './i18n/messages';

export async function dispatch(api: RecapApi, method: unknown, raw: unknown): Promise<Envelope<unknown>> {
  try {
    if (!isRecapMethod(method)) throw new RecapError('BAD_REQUEST', msg('error.unknownRequest', { method: JSON.stringify(String(method)).slice(0, 80) }));
    const value = await call(api, method, raw);
    return { ok: true, value: value === undefined ? null : value };
  } catch (err) {
    if (err instanceof RecapError) return { ok: false, error: err.toJSON() };
    // An unexpected failure still reaches the author as a sentence, and the log keeps the stack.
    console.error(`[recap] ${String(method)} failed:`, err);
    return { ok: false, error: new RecapError('UNREADABLE', msg('error.somethingWrong', { detail: err instanceof Error ? err.message : String(err) })).toJSON() };
  }
}

async function call<M extends RecapMethod>(api: RecapApi, method: M, raw: unknown): Promise<ResponseOf<M>> {
  const req = validateRequest(method, raw);
  const fn = api[method] as (r: typeof req) => Promise<ResponseOf<M>>;
  return fn.call(api, req);
}
