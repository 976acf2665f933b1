// Every key of the English catalogue is said somewhere: its name stands, quoted, in the source of
// electron/ or renderer/ (the catalogues themselves aside). A key built at run time instead is
// allowed by its prefix, with the reason and the code that builds it, which must still be there.

import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../../electron/core/i18n/en';

const ROOT = path.resolve(__dirname, '../../..');
const CATALOGUES = new Set([path.join(ROOT, 'electron/core/i18n/en.ts'), path.join(ROOT, 'electron/core/i18n/zh-CN.ts')]);

/** Keys made at run time: the prefix, why, and the text of the code that makes them. */
const BUILT_KEYS: { prefix: string; why: string; builtBy: string }[] = [
  { prefix: 'lint.month.', why: 'a date check names the month: lint-frontmatter.ts builds lint.month.<1-12>', builtBy: '`lint.month.${month}`' },
  { prefix: 'profileText.', why: "a built-in profile's English label or help is looked up by its text among these keys (profile-text.ts)", builtBy: "key.startsWith('profileText.')" },
];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sources(full);
    return /\.(ts|tsx)$/.test(e.name) && !CATALOGUES.has(full) ? [full] : [];
  });
}

const code = [...sources(path.join(ROOT, 'electron')), ...sources(path.join(ROOT, 'renderer'))].map((f) => readFileSync(f, 'utf8')).join('\n');
const keys = Object.keys(en);

/** The keys no source names (quoted) and no allowed prefix covers. */
function unusedKeys(names: readonly string[]): string[] {
  const quoted = (k: string): boolean => code.includes(`'${k}'`) || code.includes(`"${k}"`) || code.includes(`\`${k}\``);
  return names.filter((k) => !quoted(k) && !BUILT_KEYS.some((b) => k.startsWith(b.prefix)));
}

describe('the catalogue keys', () => {
  it('are each used by electron/ or renderer/ (or built from an allowed prefix)', () => {
    expect(unusedKeys(keys)).toEqual([]);
  });

  it('the check reports a key that nothing names, and only that', () => {
    expect(unusedKeys(['ui.cancel', 'nothing.usesThisKey', 'lint.month.3', 'profileText.title', 'lint.month'])).toEqual(['nothing.usesThisKey', 'lint.month']);
  });

  it.each(BUILT_KEYS)('$prefix: still built where the allow-list says, and names existing keys', ({ prefix, builtBy }) => {
    expect(code).toContain(builtBy);
    expect(keys.filter((k) => k.startsWith(prefix)).length).toBeGreaterThan(0);
  });
});
