// Walking up from a recap remembers the folders that are not a site (by the folder's mtime):
// a site made, unmade or completed on disk afterwards is seen at once by the next walk.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { siteRootAbove } from '../../../electron/service/site/site';
import { tempDir } from '../support/site-fixture';

let tmp: string;
let recap: string;

beforeEach(async () => {
  tmp = await tempDir('site-walk');
  recap = path.join(tmp, 'content', 'posts', 'day.md');
  await fs.mkdir(path.dirname(recap), { recursive: true });
  await fs.writeFile(recap, '# day\n');
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('siteRootAbove after the folders change', () => {
  it('finds a config file written after a walk found none, and forgets it once removed', async () => {
    expect(siteRootAbove(recap)).toBeNull();
    expect(siteRootAbove(recap)).toBeNull();
    await fs.writeFile(path.join(tmp, 'hugo.toml'), 'title = "x"\n');
    expect(siteRootAbove(recap)).toBe(tmp);
    await fs.rm(path.join(tmp, 'hugo.toml'));
    expect(siteRootAbove(recap)).toBeNull();
    await fs.writeFile(path.join(tmp, 'content', '.recap-studio.yml'), 'profile: hugo-bundle\n');
    expect(siteRootAbove(recap)).toBe(path.join(tmp, 'content'));
  });

  it('sees config/_default made inside a config folder that was already there', async () => {
    await fs.mkdir(path.join(tmp, 'config'));
    expect(siteRootAbove(recap)).toBeNull();
    // The site folder's own mtime does not change when config/ gets a new entry.
    await fs.mkdir(path.join(tmp, 'config', '_default'));
    expect(siteRootAbove(recap)).toBe(tmp);
  });

  it('sees the file a dangling config link points to once it is made', async () => {
    const target = path.join(tmp, 'elsewhere', '_config.yml');
    await fs.symlink(target, path.join(tmp, '_config.yml'));
    expect(siteRootAbove(recap)).toBeNull();
    await fs.mkdir(path.dirname(target));
    await fs.writeFile(target, 'title: x\n');
    expect(siteRootAbove(recap)).toBe(tmp);
  });
});
