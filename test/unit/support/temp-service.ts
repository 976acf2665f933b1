// A recap service over a fresh temp folder for each test (its data and cache folders inside it),
// removed after the test (`options.assetUrl`: how the service names a local image's address): `dir()` is the folder to build sites in, `service()` the service,
// `lintWritten(file, text)` writes a post and lints it as the Problems panel does.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { createRecapService, type RecapService } from '../../../electron/service/service';
import type { Problem } from '../../../electron/core/contract';
import { tempDir, writeText } from './site-fixture';

export function serviceInTempDir(prefix: string, options: { assetUrl?: (file: string) => string } = {}): { dir(): string; service(): RecapService; lintWritten(file: string, text: string): Promise<{ post: string; problems: Problem[] }> } {
  let dir: string | null = null;
  let service: RecapService | null = null;
  beforeEach(async () => {
    dir = await tempDir(prefix);
    service = createRecapService({ home: path.join(dir, 'home'), cacheDir: path.join(dir, 'cache'), ...options });
  });
  afterEach(async () => {
    if (dir !== null) await fs.rm(dir, { recursive: true, force: true });
    dir = null;
    service = null;
  });
  const need = <T>(v: T | null): T => {
    if (v === null) throw new Error('no test is running');
    return v;
  };
  const lintWritten = async (file: string, text: string): Promise<{ post: string; problems: Problem[] }> => {
    const post = await writeText(file, text);
    return { post, problems: await need(service).lintRecap({ text, path: post }) };
  };
  return { dir: () => need(dir), service: () => need(service), lintWritten };
}
