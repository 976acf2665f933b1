// The hostile-recap corpus through the `recap` CLI, as a CI job would run it on a contributor's
// recap: lint and every export target refuse, naming each link with FILE:LINE and why, and
// nothing from outside the recap's folders lands in a folder, a site or a zip.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli-run';
import { filesWithSecret, HOSTILE_CASES, HOSTILE_NAME, hostileText, makeHostileSite, type HostileSite } from '../support/hostile-fixture';
import { makeHugoSite, tempDir } from '../support/site-fixture';

let dir: string;
let h: HostileSite;
const TEXT = hostileText();
const linkLine = (url: string): number => TEXT.split('\n').findIndex((l) => l.includes(`(${url})`) || l.includes(`src="${url}"`)) + 1;

beforeAll(async () => {
  dir = await tempDir('cli-hostile');
  h = await makeHostileSite(dir);
  await makeHugoSite(path.join(dir, 'target'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const env = (): NodeJS.ProcessEnv => ({ RECAP_STUDIO_HOME: path.join(dir, 'home'), XDG_CACHE_HOME: path.join(dir, 'cache') });

describe('recap lint on a hostile recap', () => {
  it('reports every link that leaves the recap\'s folders, and every file named as a photo that is none, at FILE:LINE, exit 1', async () => {
    const run = await runCli(dir, ['lint', h.recap], env());
    expect(run.code).toBe(1);
    // Every case, a file named .png that is none included: lint judges each found file as export does.
    for (const c of HOSTILE_CASES) {
      expect(run.stdout, c.url).toContain(`${HOSTILE_NAME}:${linkLine(c.url)}:`);
      expect(run.stdout).toContain(`The image ${c.url} on line ${linkLine(c.url)} ${c.why}`);
    }
    expect(run.stdout).not.toContain('no problems found');
  });
});

describe('recap export on a hostile recap', () => {
  it.each([
    ['--out', 'out'],
    ['--zip', 'hostile.zip'],
    ['--site', 'target'],
  ])('%s refuses with each link named and writes nothing', async (flag, where) => {
    const before = await filesWithSecret(dir);
    const run = await runCli(dir, ['export', h.recap, flag, where], env());
    expect(run.code).toBe(1);
    for (const c of HOSTILE_CASES) expect(run.stdout, c.url).toContain(`The image ${c.url} on line ${linkLine(c.url)} ${c.why}`);
    expect(run.stdout).toContain('nothing was exported');
    if (flag !== '--site') await expect(fs.access(path.join(dir, where))).rejects.toThrow();
    expect(await fs.readdir(path.join(dir, 'target', 'content', 'en', 'news'))).toEqual(['kubernetes-community-days-china.md']);
    // No copy of a secret anywhere: the files that hold one are the ones the fixture made.
    expect(await filesWithSecret(dir)).toEqual(before);
  });
});
