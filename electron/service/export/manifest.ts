// Manifest: what this recap exported where, to update in place and remove dropped images. It
// is kept with the draft (or in the app's data folder), never in the site.

import { createHash } from 'node:crypto';
import { promises as nodeFs, readFileSync, type Stats } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ExportTarget } from '../../core/contract';
import { writeFileAtomic } from '../files/atomic-write';
import { siteRootAbove } from '../site/site';
import { isInside, statNow } from './disk';
import { isWrite, type ExportFs, type Plan } from './types';

export interface ManifestFile {
  kind: 'post' | 'image' | 'zip';
  bytes: number;
  mtimeMs: number;
}

export interface ManifestTarget {
  kind: ExportTarget['kind'];
  profile: string;
  post: string | null;
  at: string;
  files: Record<string, ManifestFile>;
}

export interface Manifest {
  version: 1;
  recap: string;
  targets: Record<string, ManifestTarget>;
}

/** The app's data folder, as the drafts store finds it: RECAP_STUDIO_HOME, else XDG data. */
export function defaultDataDir(): string {
  const home = process.env['RECAP_STUDIO_HOME'];
  if (home) return path.resolve(home);
  const base = process.env['XDG_DATA_HOME'] || path.join(os.homedir(), '.local', 'share');
  return path.join(base, 'recap-studio');
}

/**
 * Beside the recap (`.kcd.md.recap-export.json`, so it travels with a draft) unless that is
 * inside a site checkout or the target, where it does not belong: then in the data folder.
 */
export function manifestPathFor(recapPath: string, targetRoot: string | null, dataDir?: string, recapSite: string | null = siteRootAbove(recapPath)): string {
  const recap = path.resolve(recapPath);
  const beside = path.join(path.dirname(recap), `.${path.basename(recap)}.recap-export.json`);
  const inSite = recapSite !== null || (targetRoot !== null && isInside(targetRoot, beside));
  if (!inSite) return beside;
  const id = createHash('sha256').update(recap).digest('hex').slice(0, 20);
  return path.join(dataDir ?? defaultDataDir(), 'exports', `${id}.json`);
}

export function readManifest(file: string, recap: string): Manifest {
  const empty: Manifest = { version: 1, recap, targets: {} };
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<Manifest>;
    if (data.version !== 1 || typeof data.targets !== 'object' || data.targets === null) return empty;
    return { version: 1, recap, targets: data.targets };
  } catch {
    // None yet, or damaged: then nothing counts as ours, which only makes the export more careful.
    return empty;
  }
}

export function targetKey(target: ExportTarget): string {
  return target.kind === 'zip' ? `zip:${path.resolve(target.file)}` : path.resolve(target.dir);
}

/** Whether the file at `rel` is as this recap's earlier export left it (so it may be replaced). */
export function isOurs(previous: ManifestTarget | undefined, rel: string, st: Stats): boolean {
  const m = previous?.files[rel];
  return m !== undefined && m.bytes === st.size && m.mtimeMs === st.mtimeMs;
}

/**
 * Ours: what this export wrote, and what an earlier export wrote that is still as it left it.
 * `written`: the written files' stats taken when they were staged (a rename keeps the size and
 * mtime), so only the others are looked at now.
 */
function filesOwnedAfter(plan: Plan, written: ReadonlyMap<string, Stats> | null): Record<string, ManifestFile> {
  const files: Record<string, ManifestFile> = {};
  const previous = plan.manifest.targets[plan.key];
  const statOf = (e: Plan['entries'][number]): Stats | null => (isWrite(e) ? written?.get(e.abs as string) : undefined) ?? statNow(e.abs as string);
  const stats = plan.entries.map((e) => (isWrite(e) || previous?.files[e.path] !== undefined ? statOf(e) : null));
  plan.entries.forEach((e, i) => {
    const st = stats[i];
    if (!st) return;
    const before = previous?.files[e.path];
    if (!isWrite(e) && (before?.bytes !== st.size || before.mtimeMs !== st.mtimeMs)) return;
    files[e.path] = { kind: e.kind, bytes: st.size, mtimeMs: st.mtimeMs };
  });
  return files;
}

async function writeManifestFile(file: string, json: string, durable: boolean): Promise<void> {
  await nodeFs.mkdir(path.dirname(file), { recursive: true });
  if (durable) {
    await writeFileAtomic(file, json);
    return;
  }
  // Temp + rename: never half a manifest. A lost one only makes the next export ask first.
  const tmp = `${file}.${process.pid}-${Date.now().toString(36)}.tmp`;
  try {
    await nodeFs.writeFile(tmp, json, { flag: 'wx' });
    await nodeFs.rename(tmp, file);
  } catch (err) {
    await nodeFs.unlink(tmp).catch(() => undefined);
    throw err;
  }
}

/** Records what the export just wrote, for the next export to this target. */
export async function saveManifest(plan: Plan, fs: ExportFs, durable: boolean, written: ReadonlyMap<string, Stats> | null = null): Promise<void> {
  let files: Record<string, ManifestFile>;
  if (plan.zipFile !== null) {
    const st = await fs.stat(plan.zipFile);
    files = { '': { kind: 'zip', bytes: st.size, mtimeMs: st.mtimeMs } };
  } else {
    files = filesOwnedAfter(plan, written);
  }
  const manifest: Manifest = {
    ...plan.manifest,
    targets: { ...plan.manifest.targets, [plan.key]: { kind: plan.target.kind, profile: plan.profile.name, post: plan.post, at: new Date().toISOString(), files } },
  };
  await writeManifestFile(plan.manifestFile, `${JSON.stringify(manifest, null, 2)}\n`, durable);
}
