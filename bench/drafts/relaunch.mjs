// `node bench/drafts/relaunch.mjs` (after npm run build; bench:drafts seeds the home it uses):
// the home screen with 200 drafts as a relaunched app shows it, every load from a server in a
// fresh process (fresh-server.mjs: the service's modules loaded and its first list made in that
// process) and a browser profile that loaded the page before (its HTTP cache and V8's code cache,
// as run.mjs's warm loads). Beside it, each process's second load (the service warmed by the
// first), the same build without the start's warm-up listing (service/warm-start.ts), and with
// BENCH_BEFORE=<dist folder of an earlier build, or its dist/renderer> that build, in the same
// rounds, the order turning each round. A server's first list is asked BENCH_RELAUNCH_DELAYS ms
// after it listens (default 0,300: a browser opening the link at once; a desktop window, whose
// page asks after its renderer started and its JavaScript ran). Prints, by side and delay, the
// median time to interactive and how long the page waited for its first `homeData` (Resource
// Timing: request sent to answer in). Writes bench/results/drafts-relaunch.json with the load.

import { fork } from 'node:child_process';
import { existsSync, mkdirSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { interactiveAt, waitForFirstScreen } from './interactive.mjs';
import { chromiumArgs, chromiumPath } from '../../test/chromium.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const DELAYS = (process.env.BENCH_RELAUNCH_DELAYS ?? '0,300').split(',').map(Number);
const DRAFTS = 200;
const CARDS = 48;
const home = path.join(os.tmpdir(), `recap-bench-home-${DRAFTS}`);
if (!existsSync(path.join(home, 'drafts'))) {
  console.error(`relaunch: ${home} is not seeded; run npm run bench:drafts (or node bench/drafts/seed.mjs ${home}) first.`);
  process.exit(2);
}
// BENCH_DIST: the build to time as ours (default dist/).
const ours = path.resolve(process.env.BENCH_DIST ?? path.join(root, 'dist'));
const sides = [
  { key: 'ours', label: 'ours (warm-up at start)', dist: ours, warmHome: true },
  { key: 'no_warm_up', label: 'ours without the warm-up', dist: ours, warmHome: false },
];
if (process.env.BENCH_BEFORE) {
  let dist = path.resolve(process.env.BENCH_BEFORE);
  if (!existsSync(path.join(dist, 'electron', 'web', 'server.js'))) dist = path.dirname(dist);
  if (!existsSync(path.join(dist, 'electron', 'web', 'server.js'))) throw new Error(`BENCH_BEFORE: no electron/web/server.js in ${process.env.BENCH_BEFORE} or its parent`);
  sides.push({ key: 'before', label: `before (${path.relative(root, dist) || dist})`, dist, warmHome: false });
}

/** A server in a fresh process: its url and when it listened (ms from its process's start). */
// Each build runs from a copy inside this checkout (node_modules/.cache/recap-relaunch/<side>):
// the service finds its site profiles (assets/) and its packages by walking up from its files, so
// an earlier build's folder elsewhere would have neither; and dist/ may be rebuilt meanwhile.
const copies = path.join(root, 'node_modules', '.cache', 'recap-relaunch');
await fs.rm(copies, { recursive: true, force: true });
for (const side of sides) {
  const copy = path.join(copies, side.key);
  await fs.cp(side.dist, copy, { recursive: true });
  side.dist = copy;
}

function startFresh(side) {
  const options = { dist: side.dist, rendererDir: path.join(side.dist, 'renderer'), home, cacheDir: path.join(home, 'cache'), warmHome: side.warmHome };
  const child = fork(path.join(here, 'fresh-server.mjs'), [JSON.stringify(options)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`fresh-server exited with ${code}`)));
    child.once('message', (m) => resolve({ ...m, stop: () => new Promise((done) => (child.removeAllListeners('exit'), child.once('exit', done), child.disconnect())) }));
  });
}

const loadBefore = os.loadavg();
const profile = await fs.mkdtemp(path.join(os.tmpdir(), 'recap-bench-relaunch-'));
const context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath(), args: chromiumArgs(), viewport: { width: 1440, height: 900 } });

/** One load in a new tab: time to interactive and the page's wait for its first homeData. */
async function load(url) {
  const page = await context.newPage();
  await page.goto(url);
  await waitForFirstScreen(page, CARDS);
  const tti = await interactiveAt(page);
  const homeData = await page.evaluate(() => {
    const e = performance.getEntriesByType('resource').find((r) => r.name.includes('/api/homeData'));
    return e ? { asked: e.startTime, waited: e.responseEnd - e.startTime } : null;
  });
  await page.close();
  return { tti, homeData };
}

const runs = {};
try {
  // The profile's first loads of each build: afterwards its files come from the HTTP cache, compiled.
  for (const side of sides) {
    const server = await startFresh(side);
    for (let i = 0; i < 3; i++) await load(server.url);
    await server.stop();
  }
  for (let r = 0; r < ROUNDS; r++) {
    const order = r % 2 === 0 ? sides : [...sides].reverse();
    for (const delay of DELAYS) {
      for (const side of order) {
        const server = await startFresh(side);
        if (delay > 0) await new Promise((done) => setTimeout(done, delay));
        const first = await load(server.url);
        const second = await load(server.url);
        await server.stop();
        ((runs[`${side.key}@${delay}`] ??= [])).push({ listened_ms: server.listenedMs, first, second });
      }
    }
  }
} finally {
  await context.close();
  await fs.rm(profile, { recursive: true, force: true });
  await fs.rm(copies, { recursive: true, force: true });
}

const loadAfter = os.loadavg();
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const round = (x) => Math.round(x);
const result = { drafts: DRAFTS, rounds: ROUNDS, delays_ms: DELAYS, sides: {} };
console.log(`relaunch: the home screen with ${DRAFTS} drafts, each load from a server in a fresh process, a browser profile that loaded the page before (median of ${ROUNDS})`);
console.log(`  ${'side'.padEnd(30)}${'asked after'.padStart(12)}${'TTI'.padStart(7)}${'first homeData'.padStart(16)}${'2nd load: TTI'.padStart(15)}${'homeData'.padStart(10)}${'listened'.padStart(10)}`);
for (const delay of DELAYS) {
  for (const side of sides) {
    const rows = runs[`${side.key}@${delay}`];
    const pick = (f) => round(median(rows.map(f).filter((x) => x !== null && x !== undefined)));
    const s = {
      tti_ms: pick((x) => x.first.tti),
      first_home_data_wait_ms: pick((x) => x.first.homeData?.waited),
      second_tti_ms: pick((x) => x.second.tti),
      second_home_data_wait_ms: pick((x) => x.second.homeData?.waited),
      listened_ms: pick((x) => x.listened_ms),
    };
    (result.sides[side.key] ??= {})[`after_${delay}_ms`] = s;
    console.log(`  ${side.label.padEnd(30)}${`${delay} ms`.padStart(12)}${String(s.tti_ms).padStart(7)}${`${s.first_home_data_wait_ms} ms`.padStart(16)}${String(s.second_tti_ms).padStart(15)}${`${s.second_home_data_wait_ms} ms`.padStart(10)}${`${s.listened_ms} ms`.padStart(10)}`);
  }
}
result.runs = runs;
result.cores = os.availableParallelism();
result.load_average_before = loadBefore.map((x) => Math.round(x * 100) / 100);
result.load_average_after = loadAfter.map((x) => Math.round(x * 100) / 100);
mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
await fs.writeFile(path.join(root, 'bench', 'results', 'drafts-relaunch.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(`load average before ${loadBefore.map((x) => x.toFixed(2)).join(' ')}, after ${loadAfter.map((x) => x.toFixed(2)).join(' ')}`);
