// `npm run bench:drafts`: time to interactive of the home screen with 200 drafts of 40 photos
// each (seeded once by seed.mjs, cover thumbnails cached), side by side in the same run with
// the home screen of an empty data folder. Writes bench/results/drafts.json.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const require = createRequire(import.meta.url);
const DRAFTS = Number(process.env.BENCH_DRAFTS ?? 200);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromiumPath)) {
  console.error(`bench:drafts: Chromium not found at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH).`);
  process.exit(2);
}
const { startWebServer } = require(path.join(root, 'dist', 'electron', 'web', 'server.js'));

// The seeded home is kept between runs (seeding 8,000 photos takes a while).
const seeded = path.join(os.tmpdir(), `recap-bench-home-${DRAFTS}`);
if (!existsSync(path.join(seeded, 'drafts'))) {
  console.log(`seeding ${DRAFTS} drafts × 40 photos into ${seeded} …`);
  execFileSync(process.execPath, [path.join(here, 'seed.mjs'), seeded], { stdio: 'inherit', env: { ...process.env, BENCH_DRAFTS: String(DRAFTS) } });
}
const empty = await fs.mkdtemp(path.join(os.tmpdir(), 'recap-bench-empty-'));

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

async function homeTti(home, expectCards) {
  const server = await startWebServer({ rendererDir: path.join(root, 'dist', 'renderer'), home, cacheDir: path.join(home, 'cache') });
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu'] });
  const times = [];
  try {
    for (let i = 0; i < ROUNDS + 1; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      await page.goto(server.url);
      // Interactive: the drafts are on screen and the search box takes a key at once.
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="draft-card"]').length >= n && !!document.querySelector('[data-testid="home-search"]'), expectCards, { timeout: 60_000 });
      const t = await page.evaluate(async () => {
        const input = document.querySelector('[data-testid="home-search"]');
        const start = performance.now();
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        const idle = performance.now() - start;
        input.focus();
        return performance.now() - idle;
      });
      if (i > 0) times.push(t); // the first load warms the disk cache and Chromium
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return median(times);
}

const full = await homeTti(seeded, DRAFTS);
const base = await homeTti(empty, 0);
const result = { drafts: DRAFTS, home_tti_ms: Math.round(full), empty_home_tti_ms: Math.round(base) };
mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
await fs.writeFile(path.join(root, 'bench', 'results', 'drafts.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log('');
console.log('home screen, time to interactive (median of', ROUNDS, 'loads)');
console.log(`  ${DRAFTS} drafts × 40 photos   ${String(result.home_tti_ms).padStart(6)} ms   (target ≤ 300)`);
console.log(`  empty data folder         ${String(result.empty_home_tti_ms).padStart(6)} ms   (baseline, same run)`);
await fs.rm(empty, { recursive: true, force: true });
