// The built-in profiles' labels and help read in Chinese; a new built-in text without its
// catalogue entry fails here.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { profileText } from '../../../renderer/ui/profile-text';

const dir = path.join(__dirname, '..', '..', '..', 'assets', 'profiles');

function texts(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => texts(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if ((k === 'label' || k === 'help') && typeof v === 'string') out.push(v);
      else texts(v, out);
    }
  }
  return out;
}

describe('the built-in profiles in the interface’s language', () => {
  const all = readdirSync(dir)
    .filter((f) => f.endsWith('.yml'))
    .flatMap((f) => texts(parse(readFileSync(path.join(dir, f), 'utf8'))));

  it('has a Chinese text for every label and help of every built-in profile', () => {
    expect(all.length).toBeGreaterThan(10);
    expect(all.filter((t) => !/\p{Script=Han}/u.test(profileText('zh-CN', t)))).toEqual([]);
  });

  it('leaves English as written, and a site’s own words as they are', () => {
    for (const t of all) expect(profileText('en', t)).toBe(t);
    expect(profileText('zh-CN', 'Speaker bio')).toBe('Speaker bio');
    expect(profileText('zh-CN', 'Shown as the page title and in search results.')).toBe('显示为页面标题，并出现在搜索结果中。');
  });
});
