import { RecapError } from '../../../electron/core/errors';

/** "CODE: message" of the RecapError a promise rejects with, or "no error"; other errors rethrow. */
export async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (err instanceof RecapError) return `${err.code}: ${err.message}`;
    throw err;
  }
  return 'no error';
}
