// Saves never leave a half-written recap behind: the new bytes go to a temp file in the same
// folder, are flushed to disk, and only then renamed over the target (atomic on POSIX and NTFS).
// Any failure removes the temp file and leaves the previous file exactly as it was.

import { promises as nodeFs } from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { RecapError, describeFsErrorMsg } from '../../core/errors';
import { msg } from '../../core/i18n/messages';

/** The few fs calls a save makes; tests pass a real fs with one call made to fail. */
export type AtomicFs = Pick<typeof nodeFs, 'open' | 'rename' | 'unlink' | 'stat'>;

export async function writeFileAtomic(target: string, data: string | Uint8Array, fs: AtomicFs = nodeFs): Promise<void> {
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  let mode = 0o644;
  try {
    mode = (await fs.stat(target)).mode & 0o777;
  } catch {
    // A new file gets the default mode.
  }
  try {
    const handle = await fs.open(tmp, 'wx', mode);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, target);
  } catch (err) {
    await fs.unlink(tmp).catch(() => undefined);
    throw new RecapError('SAVE_FAILED', msg('error.saveFailed', { path: target, reason: describeFsErrorMsg(err) }), { cause: err });
  }
  // Make the rename itself durable; not every platform lets a folder be opened, so best effort.
  try {
    const d = await fs.open(dir, 'r');
    await d.sync().catch(() => undefined);
    await d.close();
  } catch {
    // Ignored on purpose: the data is already safely in place.
  }
}
