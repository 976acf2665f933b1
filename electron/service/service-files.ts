// The service's plain file methods: Save (with the checks that keep another program's changes)
// and the folder listing of the browser mode's file picker.

import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { DirListing, SaveResult } from '../core/contract';
import { RecapError, describeFsErrorMsg } from '../core/errors';
import { writeFileAtomic } from './files/atomic-write';
import { isRecapFileName, RECAP_EXTENSIONS } from './files/recap-file';
import type { ServiceContext } from './service-context';
import type { RecapService } from './service';
import { msg } from '../core/i18n/messages';

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
      if (!isRecapFileName(file)) throw new RecapError('SAVE_FAILED', msg('error.saveAs.notMarkdown', { path: file, extensions: RECAP_EXTENSIONS.join(', ') }));
      let current: { mtimeMs: number; isDirectory(): boolean } | null = null;
      try {
        current = await fs.stat(file);
      } catch {
        current = null;
      }
      if (current?.isDirectory()) throw new RecapError('SAVE_FAILED', msg('error.save.isFolder', { path: file }));
      if (current && req.createOnly) throw new RecapError('EXISTS', msg('error.save.exists', { path: file }));
      if (current && req.expectMtimeMs != null && Math.abs(current.mtimeMs - req.expectMtimeMs) > 1) {
        throw new RecapError('CHANGED_ON_DISK', msg('error.save.changedOnDisk', { name: path.basename(file) }));
      }
      if (!current && req.expectMtimeMs != null) {
        throw new RecapError('CHANGED_ON_DISK', msg('error.save.movedOnDisk', { name: path.basename(file) }));
      }
      if (!(await exists(path.dirname(file)))) throw new RecapError('SAVE_FAILED', msg('error.save.noFolder', { path: file, folder: path.dirname(file) }));
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
        throw new RecapError(((err as { code?: string }).code === 'ENOENT' ? 'NOT_FOUND' : 'UNREADABLE'), msg('error.cannotList', { path: dir, reason: describeFsErrorMsg(err) }));
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
