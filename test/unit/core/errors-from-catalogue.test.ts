// Every RecapError the app raises is built from a catalogue message (msg('error.…')), so each
// door can say it in its reader's language. A literal or template string as the message would
// reach a Chinese reader in English: this scan of electron/** fails on one.

import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const ELECTRON = path.resolve(__dirname, '../../../electron');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return sources(full);
    return /\.ts$/.test(d.name) && !/\.d\.ts$/.test(d.name) ? [full] : [];
  });
}

/** Index just past the first top-level comma of the call whose arguments start at `from`. */
function afterFirstArgument(text: string, from: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) return -1;
      depth--;
    } else if (c === ',' && depth === 0) return i + 1;
  }
  return -1;
}

/** `file:line` of each `new RecapError(code, <string literal or template>)` in `text`. */
function untranslatedErrors(name: string, text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/new RecapError\(/g)) {
    const start = (m.index ?? 0) + m[0].length;
    const second = afterFirstArgument(text, start);
    if (second < 0) continue;
    const next = text.slice(second).trimStart()[0];
    if (next === "'" || next === '"' || next === '`') found.push(`${name}:${text.slice(0, start).split('\n').length}`);
  }
  return found;
}

describe('errors come from the message catalogues', () => {
  it('finds a RecapError built from a string, over several lines and after a code with commas inside', () => {
    expect(untranslatedErrors('x.ts', "throw new RecapError('NOT_FOUND', `There is no ${x}.`);")).toEqual(['x.ts:1']);
    expect(untranslatedErrors('x.ts', "a;\nthrow new RecapError(\n  f(err, 'E') ? 'A' : 'B',\n  'Plain text.',\n);")).toEqual(['x.ts:2']);
    expect(untranslatedErrors('x.ts', "throw new RecapError(f(err, 'E') ? 'A' : 'B', msg('error.cannotOpen', { path }));")).toEqual([]);
  });

  it('every RecapError in electron/** is built from msg(…)', () => {
    const files = sources(ELECTRON);
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap((f) => untranslatedErrors(path.relative(ELECTRON, f), readFileSync(f, 'utf8')))).toEqual([]);
  });
});
