// Writing a .zip: to a temp file beside it, then renamed over it, so the .zip is either the
// previous one or the new one, never half of one.

import * as path from 'node:path';
import { RecapError, describeFsErrorMsg } from '../../core/errors';
import type { ExportFs, Plan } from './types';
import { writeZipFile } from './zip';
import { msg } from '../../core/i18n/messages';

export async function commitToZip(plan: Plan, fs: ExportFs, durable: boolean): Promise<{ file: string; bytes: number; entries: number }> {
  const zip = plan.zipFile as string;
  const tmp = path.join(path.dirname(zip), `.${path.basename(zip)}.${process.pid}-${Date.now().toString(36)}.tmp`);
  const now = new Date();
  try {
    const { bytes } = await writeZipFile(
      tmp,
      plan.entries.map((e) => (e.data ? { name: e.path, data: e.data, deflate: true, mtime: now } : { name: e.path, file: e.source as string, bytes: e.bytes, mtime: now })),
      { open: fs.open, sync: durable },
    );
    await fs.rename(tmp, zip);
    return { file: zip, bytes, entries: plan.entries.length };
  } catch (err) {
    await fs.unlink(tmp).catch(() => undefined);
    if (err instanceof RecapError && err.code !== 'SAVE_FAILED') throw err;
    throw new RecapError('SAVE_FAILED', msg('error.export.zipWrite', { path: zip, reason: describeFsErrorMsg(err), name: path.basename(zip) }), { cause: err });
  }
}
