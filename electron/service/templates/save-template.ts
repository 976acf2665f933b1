// "Save as template": the recap's front matter with its values cleared and its headings, written
// as `.recap-studio/templates/NAME.md` in the recap's site, or in the app's data folder when the
// recap has no site (then it is offered for every new recap). Nothing is written through a
// symlink, and an existing template is replaced only when the author confirmed it.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { SavedTemplate } from '../../core/contract';
import { RecapError } from '../../core/errors';
import { msg } from '../../core/i18n/messages';
import { templateFromRecap, templateNameError } from '../../core/recap/placeholders';
import { writeFileAtomic } from '../files/atomic-write';
import { APP_TEMPLATES, SITE_TEMPLATES, containedDir, templateInfo } from './templates';

/** Makes `root/…segments` (each a real folder, never a symlink: checked before anything is made in it) and answers its real path. */
async function makeContainedDir(root: string, segments: readonly string[]): Promise<string> {
  await fs.mkdir(root, { recursive: true });
  let dir = root;
  for (const seg of segments) {
    dir = path.join(dir, seg);
    const st = await fs.lstat(dir).catch(() => null);
    if (st && (st.isSymbolicLink() || !st.isDirectory())) throw new RecapError('SAVE_FAILED', msg('templates.folderRefused', { folder: dir }));
    if (!st) await fs.mkdir(dir);
  }
  const real = containedDir(root, segments);
  if (real === null) throw new RecapError('SAVE_FAILED', msg('templates.folderRefused', { folder: path.join(root, ...segments) }));
  return real;
}

export interface SaveTemplateInput {
  text: string;
  name: string;
  /** The recap's site; null: the app's data folder. */
  siteRoot: string | null;
  dataDir: string;
  overwrite: boolean;
}

export async function saveTemplate(input: SaveTemplateInput): Promise<SavedTemplate> {
  const why = templateNameError(input.name);
  if (why !== null) throw new RecapError('BAD_REQUEST', why);
  const content = templateFromRecap(input.text);
  const dir = input.siteRoot !== null ? await makeContainedDir(input.siteRoot, SITE_TEMPLATES) : await makeContainedDir(input.dataDir, APP_TEMPLATES);
  const file = path.join(dir, `${input.name}.md`);
  const existing = await fs.lstat(file).catch(() => null);
  if (existing && (existing.isSymbolicLink() || !existing.isFile())) throw new RecapError('SAVE_FAILED', msg('templates.folderRefused', { folder: file }));
  if (existing && !input.overwrite) throw new RecapError('EXISTS', msg('templates.exists', { name: input.name }));
  await writeFileAtomic(file, content);
  return { ...templateInfo(input.siteRoot !== null ? 'site' : 'app', input.name, input.siteRoot), path: file };
}
