import * as os from 'node:os';
import * as path from 'node:path';
import { defineConfig } from 'vitest/config';

// Drafts, thumbnails and the photo trash of a test run go to a temp folder, never to the
// developer's own ~/.local/share/recap-studio or ~/.cache/recap-studio.
const scratch = path.join(os.tmpdir(), `recap-studio-tests-${process.pid}`);
const env = { RECAP_STUDIO_HOME: path.join(scratch, 'home'), XDG_CACHE_HOME: path.join(scratch, 'cache') };

export default defineConfig({
  test: {
    env,
    projects: [
      // Several unit specs run the CLI as a child process (tsx compiles it on start): on a shared
      // 2-core machine one start can take longer than vitest's default 5 s.
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node', testTimeout: 30_000 } },
      {
        test: {
          name: 'e2e-browser',
          include: ['test/e2e-browser/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e-electron',
          include: ['test/e2e-electron/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
