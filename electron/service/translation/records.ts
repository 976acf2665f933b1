// What the app remembers of each translation, in its own data folder (never in the site):
// the fields marked for translation when it was made, and the source's block hashes when the
// translation was last saved, so that a source paragraph changed since can be marked.
//
//   <home>/translations/<sha-256 of the translation's path>.json

import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from '../files/atomic-write';

export interface TranslationRecord {
  version: 1;
  /** The translation's absolute (real) path. */
  path: string;
  lang: string;
  source: string;
  /** Front-matter fields marked for translation. */
  fields: string[];
  /** The source's block hashes when the translation was made or last saved. */
  sourceHashes: string[];
  savedAt: string;
}

function recordFile(home: string, file: string): string {
  return path.join(home, 'translations', `${createHash('sha256').update(path.resolve(file)).digest('hex').slice(0, 32)}.json`);
}

function isStrings(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

export async function readRecord(home: string, file: string): Promise<TranslationRecord | null> {
  try {
    const data = JSON.parse(await fs.readFile(recordFile(home, file), 'utf8')) as Partial<TranslationRecord>;
    if (data.path !== path.resolve(file) || !isStrings(data.fields) || !isStrings(data.sourceHashes)) return null;
    return data as TranslationRecord;
  } catch {
    // None yet, or damaged: nothing is known of this translation's past.
    return null;
  }
}

export async function writeRecord(home: string, record: TranslationRecord): Promise<void> {
  const file = recordFile(home, record.path);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, `${JSON.stringify(record, null, 2)}\n`);
}
