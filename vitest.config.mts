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
      // A test's time limit only catches a hang: CLI and photo tests spawn processes and decode
      // images, which on a loaded 2-core machine can take several seconds.
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node', testTimeout: 30_000, hookTimeout: 30_000 } },
      {
        test: {
          name: 'e2e-browser',
          include: ['test/e2e-browser/**/*.test.ts'],
          testTimeout: 60_000,
          // expect.poll waits for a real condition and returns as soon as it holds; on a busy
          // machine the page may need more than the default second to get there.
          expect: { poll: { timeout: 10_000 } },
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e-electron',
          include: ['test/e2e-electron/**/*.test.ts'],
          testTimeout: 60_000,
          expect: { poll: { timeout: 10_000 } },
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
