import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

// The crash harness (test/crash/harness.mjs, `npm run test:crash` with 200 kills against the
// built service) run with 20 kills against the TypeScript source through tsx, so this spec
// does not depend on a fresh build.
describe('crash harness', () => {
  it('20 SIGKILLs during autosave lose nothing', () => {
    const root = path.resolve(__dirname, '..', '..', '..');
    const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'test', 'crash', 'harness.mjs')], {
      cwd: root,
      env: { ...process.env, CRASH_KILLS: '20', CRASH_SERVICE: 'electron/service/drafts/drafts.ts' },
      encoding: 'utf8',
      timeout: 170_000,
    });
    const lines = run.stdout.trim().split('\n');
    expect(lines.at(-1), `${run.stdout}\n${run.stderr}`).toBe('crash: 20 kills, 20 drafts intact, 0 lost');
    expect(run.status).toBe(0);
  }, 180_000);
});
