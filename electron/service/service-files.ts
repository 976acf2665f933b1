// The service's plain file methods: Save (with the checks that keep another program's changes)
// and the folder listing of the browser mode's file picker.

import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { DirListing, SaveResult } from '../core/contract';
import { RecapError, describeFsError } from '../core/errors';
import { writeFileAtomic } from './files/atomic-write';
import { isRecapFileName, RECAP_EXTENSIONS } from './files/recap-file';
import type { ServiceContext } from './service-context';
import type { RecapService } from './service';

export type FileMethodName = 'saveRecap' | 'listDirectory';
type FileMethods = Pick<RecapService, FileMethodName>;

async function exists(p: string): Promise<boolean> {
  try {
    await fs.access(p);
    return true;
  } catch {
    return false;
  }
}

export function fileMethods(ctx: ServiceContext): FileMethods {
  return {
    async saveRecap(req): Promise<SaveResult> {
      const file = path.resolve(req.path);
      if (!isRecapFileName(file)) throw new RecapError('SAVE_FAILED', `Cannot save as ${file}: a recap is saved as a Markdown file (${RECAP_EXTENSIONS.join(', ')}).`);
      let current: { mtimeMs: number; isDirectory(): boolean } | null = null;
      try {
        current = await fs.stat(file);
      } catch {
        current = null;
      }
      if (current?.isDirectory()) throw new RecapError('SAVE_FAILED', `Cannot save ${file}: it is a folder.`);
      if (current && req.createOnly) throw new RecapError('EXISTS', `${file} already exists. Choose another name or confirm that it should be replaced.`);
      if (current && req.expectMtimeMs != null && Math.abs(current.mtimeMs - req.expectMtimeMs) > 1) {
        throw new RecapError('CHANGED_ON_DISK', `${path.basename(file)} was changed on disk by another program since you opened it. Saving would overwrite those changes.`);
      }
      if (!current && req.expectMtimeMs != null) {
        throw new RecapError('CHANGED_ON_DISK', `${path.basename(file)} was moved or deleted on disk since you opened it. Save again to write it back, or use Save As.`);
      }
      if (!(await exists(path.dirname(file)))) throw new RecapError('SAVE_FAILED', `Cannot save ${file}: the folder ${path.dirname(file)} does not exist.`);
      const bytes = Buffer.from(req.text, 'utf8');
      await writeFileAtomic(file, bytes, ctx.options.fs);
      const after = await fs.stat(file);
      return { path: file, bytes: bytes.length, mtimeMs: after.mtimeMs };
    },

    async listDirectory(req): Promise<DirListing> {
      const dir = path.resolve(req.path ?? os.homedir());
      let names;
      try {
        names = await fs.readdir(dir, { withFileTypes: true });
      } catch (err) {
        throw new RecapError(((err as { code?: string }).code === 'ENOENT' ? 'NOT_FOUND' : 'UNREADABLE'), `Cannot list ${dir}: ${describeFsError(err)}.`);
      }
      const entries = names
        .filter((d) => !d.name.startsWith('.'))
        .filter((d) => d.isDirectory() || (d.isFile() && isRecapFileName(d.name)))
        .map((d) => ({ name: d.name, path: path.join(dir, d.name), kind: d.isDirectory() ? ('dir' as const) : ('file' as const) }))
        .sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'dir' ? -1 : 1));
      const parent = path.dirname(dir);
      return { path: dir, parent: parent === dir ? null : parent, entries };
    },
  };
}
