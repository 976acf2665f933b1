// Seeded random edits of a text, for tests that check a kept-across-edits answer against a
// fresh one after every edit: a failure names its seed and replays.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { editorBody } from '../../../electron/core/frontmatter/frontmatter';

/** The reference recap's body (`\n` line endings), as the editor and the preview see it. */
export const referenceBody = editorBody(readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'kubernetes-community-days-china.md'), 'utf8').replace(/\r\n?/g, '\n'));

/** A small deterministic generator of numbers in [0, 1). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * `count` bodies, each `start` with one more edit: a deletion of up to `maxDelete` characters
 * (three times in ten) or one of `pieces` inserted, at random places.
 */
export function* randomEdits(start: string, seed: number, count: number, pieces: readonly string[], maxDelete: number): Generator<string> {
  const next = random(seed);
  let body = start;
  for (let i = 0; i < count; i++) {
    const at = Math.floor(next() * (body.length + 1));
    if (next() < 0.3) body = body.slice(0, at) + body.slice(Math.min(body.length, at + 1 + Math.floor(next() * maxDelete)));
    else body = body.slice(0, at) + pieces[Math.floor(next() * pieces.length)]! + body.slice(at);
    yield body;
  }
}
