// `npm run bench:service` (after npm run build:node): the service's side of the home screen and
// of the first open, each measurement in a fresh process (service-child.mjs), with no browser:
//
// - homeData with 10 and 200 drafts of 40 photos (BENCH_LARGE=1 adds 2,000; BENCH_SIZES
//   overrides), in the homes bench:drafts seeds (seed.mjs, kept in the temp folder): cold (the
//   process's first call: module code compiled, sites looked up) and warm (median of the next
//   BENCH_WARM_CALLS, default 7). The floor, in the same rounds: readdir, then every meta.json
//   read and parsed (cold) or only stat'ed (warm), the least a listing that goes by the disk does.
// - the first openRecap and lintRecap of the reference recap (in a Hugo checkout with its six
//   images), asked BENCH_OPEN_DELAYS ms after the process starts loading the service's modules
//   (default 0,300: both come while the door's warm-up runs on a busy machine; 1000 comes after it),
//   with a data folder of 200 drafts for the warm-up to list. Sides: ours as a door starts it
//   (with its warm-up, service/warm-start.ts), ours without the warm-up.
//
// BENCH_BEFORE=<dist folder of an earlier build, or its dist/renderer> adds that build (as its
// doors start it) to the same rounds, the order of the sides turning each round, and prints
// ours ÷ before. BENCH_ROUNDS (default 5). Each build runs from a copy of its dist/electron
// inside this checkout (node_modules/.cache/recap-service-bench/<side>), so the service finds
// assets/ and its packages, and a rebuild of dist/ meanwhile changes nothing. Writes
// bench/results/drafts-service.json with the load average.

import { execFileSync, fork } from 'node:child_process';
import { existsSync, mkdirSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const WARM_CALLS = Number(process.env.BENCH_WARM_CALLS ?? 7);
const SIZES = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(',').map(Number) : process.env.BENCH_LARGE === '1' ? [10, 200, 2000] : [10, 200];
const DELAYS = (process.env.BENCH_OPEN_DELAYS ?? '0,300').split(',').map(Number);
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

if (!existsSync(path.join(root, 'dist', 'electron', 'service', 'service.js'))) {
  console.error('service bench: dist/electron/service/service.js not found; run npm run build:node first.');
  process.exit(2);
}

// The builds, each from a copy of its dist/electron (see the header).
const copies = path.join(root, 'node_modules', '.cache', 'recap-service-bench');
await fs.rm(copies, { recursive: true, force: true });
async function copyOf(key, dist) {
  const copy = path.join(copies, key);
  await fs.cp(path.join(dist, 'electron'), path.join(copy, 'electron'), { recursive: true });
  return copy;
}
const builds = [{ key: 'ours', dist: await copyOf('ours', path.join(root, 'dist')) }];
if (process.env.BENCH_BEFORE) {
  let dist = path.resolve(process.env.BENCH_BEFORE);
  if (!existsSync(path.join(dist, 'electron', 'service', 'service.js'))) dist = path.dirname(dist);
  if (!existsSync(path.join(dist, 'electron', 'service', 'service.js'))) throw new Error(`BENCH_BEFORE: no electron/service/service.js in ${process.env.BENCH_BEFORE} or its parent`);
  builds.push({ key: 'before', dist: await copyOf('before', dist) });
}
const before = builds.find((b) => b.key === 'before');

/** A seeded home (kept between runs, shared with bench:drafts). */
function seededHome(dir, drafts) {
  if (!existsSync(path.join(dir, 'drafts'))) {
    console.log(`seeding ${drafts} drafts × 40 photos into ${dir} …`);
    execFileSync(process.execPath, [path.join(here, 'seed.mjs'), dir], { stdio: 'inherit', env: { ...process.env, BENCH_DRAFTS: String(drafts) } });
  }
  return dir;
}

/** The reference recap in a Hugo checkout with its six images, made once per run. */
async function referenceSite() {
  const site = await fs.mkdtemp(path.join(os.tmpdir(), 'recap-bench-service-site-'));
  const text = await fs.readFile(path.join(root, 'test', 'fixtures', 'kubernetes-community-days-china.md'), 'utf8');
  const recap = path.join(site, 'content', 'en', 'news', 'kubernetes-community-days-china.md');
  await fs.mkdir(path.dirname(recap), { recursive: true });
  await fs.writeFile(path.join(site, 'hugo.toml'), 'baseURL = "https://example.org/"\ntitle = "Example"\n');
  await fs.writeFile(recap, text);
  const urls = [...new Set([...text.matchAll(/!\[[^\]]*\]\((\/images\/[^)\s]+)\)/g)].map((m) => m[1]))];
  for (const [i, url] of urls.entries()) {
    const file = path.join(site, 'static', url);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: (i * 37) % 256, g: (i * 91) % 256, b: 120 } } }).png().toFile(file);
  }
  return { site, recap };
}

function measure(opts) {
  const child = fork(path.join(here, 'service-child.mjs'), [JSON.stringify(opts)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('message', resolve);
    child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`service-child exited with ${code}`))));
  });
}

/** The sides in the order of round `r`: turned each round, so none is always first. */
const turned = (sides, r) => sides.map((_, i) => sides[(i + r) % sides.length]);

const homes = SIZES.map((n) => ({ n, home: seededHome(path.join(os.tmpdir(), `recap-bench-home-${n}`), n) }));
// The open's own home (its shadow draft and remembered site are written there, not in bench:drafts' homes).
const openHome = seededHome(path.join(os.tmpdir(), 'recap-bench-service-home-200'), 200);
const { site, recap } = await referenceSite();

const listSides = [...builds.map((b) => ({ key: b.key, dist: b.dist })), { key: 'floor', dist: null }];
const openSides = [
  { key: 'ours', dist: builds[0].dist, warmUp: true },
  { key: 'no_warm_up', dist: builds[0].dist, warmUp: false },
  ...(before ? [{ key: 'before', dist: before.dist, warmUp: true }] : []),
];

const loadBefore = os.loadavg();
const lists = {};
const opens = {};
// The first open of a recap makes its shadow draft: made once here, so every timed open reuses it.
await measure({ task: 'open', dist: builds[0].dist, home: openHome, cacheDir: path.join(openHome, 'cache'), recap, delay: 0, warmUp: false });
for (let r = 0; r < ROUNDS; r++) {
  for (const { n, home } of homes) {
    for (const side of turned(listSides, r)) {
      const m = await measure({ task: 'list', dist: side.dist, home, cacheDir: path.join(home, 'cache'), warmCalls: WARM_CALLS });
      ((lists[n] ??= {})[side.key] ??= []).push(m);
    }
  }
  for (const delay of DELAYS) {
    for (const side of turned(openSides, r)) {
      const m = await measure({ task: 'open', dist: side.dist, home: openHome, cacheDir: path.join(openHome, 'cache'), recap, delay, warmUp: side.warmUp });
      ((opens[delay] ??= {})[side.key] ??= []).push(m);
    }
  }
  process.stdout.write(`round ${r + 1}/${ROUNDS} done (load ${os.loadavg()[0].toFixed(2)})\n`);
}
const loadAfter = os.loadavg();
await fs.rm(site, { recursive: true, force: true });

const med = (runs, key) => median(runs.map((m) => m[key]));
const sizes = {};
console.log(`\nhomeData, ms (median of ${ROUNDS} fresh processes; warm: median of ${WARM_CALLS} calls after the first)`);
console.log(`drafts | ours cold / warm | floor cold / warm | ours ÷ floor warm${before ? ' | before cold / warm | ours ÷ before cold / warm' : ''}`);
for (const { n } of homes) {
  const by = lists[n];
  const row = {
    drafts: by.ours[0].drafts,
    cold_ms: med(by.ours, 'cold_ms'),
    warm_ms: med(by.ours, 'warm_ms'),
    load_modules_ms: med(by.ours, 'load_ms'),
    floor_cold_ms: med(by.floor, 'cold_ms'),
    floor_warm_ms: med(by.floor, 'warm_ms'),
    cold_cpu_ms: med(by.ours, 'cold_cpu_ms'),
    warm_cpu_ms: med(by.ours, 'warm_cpu_ms'),
    floor_warm_cpu_ms: med(by.floor, 'warm_cpu_ms'),
  };
  row.warm_over_floor = row.warm_ms / row.floor_warm_ms;
  if (before) {
    Object.assign(row, { before_cold_ms: med(by.before, 'cold_ms'), before_warm_ms: med(by.before, 'warm_ms'), before_cold_cpu_ms: med(by.before, 'cold_cpu_ms'), before_warm_cpu_ms: med(by.before, 'warm_cpu_ms') });
    Object.assign(row, { cold_over_before: row.cold_ms / row.before_cold_ms, warm_over_before: row.warm_ms / row.before_warm_ms });
  }
  sizes[n] = row;
  const vsBefore = before ? ` | ${fmt(row.before_cold_ms)} / ${fmt(row.before_warm_ms)} | ${row.cold_over_before.toFixed(2)}× / ${row.warm_over_before.toFixed(2)}×` : '';
  console.log(`${String(n).padStart(6)} | ${fmt(row.cold_ms)} / ${fmt(row.warm_ms)} | ${fmt(row.floor_cold_ms)} / ${fmt(row.floor_warm_ms)} | ${row.warm_over_floor.toFixed(2)}×${vsBefore}`);
}

// CPU time is steadier than the wall clock on a shared machine: what the work costs, not the wait for a core.
console.log(`\nhomeData, CPU ms of the process (user + system) per call: ours cold / warm | floor warm${before ? ' | before cold / warm | ours ÷ before warm' : ''}`);
for (const { n } of homes) {
  const row = sizes[n];
  const vsBefore = before ? ` | ${fmt(row.before_cold_cpu_ms)} / ${fmt(row.before_warm_cpu_ms)} | ${(row.warm_cpu_ms / row.before_warm_cpu_ms).toFixed(2)}×` : '';
  console.log(`${String(n).padStart(6)} | ${fmt(row.cold_cpu_ms)} / ${fmt(row.warm_cpu_ms)} | ${fmt(row.floor_warm_cpu_ms)}${vsBefore}`);
}

const open = {};
console.log(`\nfirst openRecap + lintRecap of the reference recap, ms (median of ${ROUNDS} fresh processes, a data folder of 200 drafts)`);
for (const delay of DELAYS) {
  open[delay] = {};
  for (const side of openSides) {
    const runs = opens[delay][side.key];
    const o = { open_ms: med(runs, 'open_ms'), lint_ms: med(runs, 'lint_ms'), both_ms: median(runs.map((m) => m.open_ms + m.lint_ms)), problems: runs[0].problems };
    open[delay][side.key] = o;
    console.log(`asked at ${delay} ms, ${side.key.padEnd(10)}: open ${fmt(o.open_ms)} + lint ${fmt(o.lint_ms)} = ${fmt(o.both_ms)}`);
  }
  if (before) console.log(`asked at ${delay} ms, ours ÷ before: ${(open[delay].ours.both_ms / open[delay].before.both_ms).toFixed(2)}×`);
}
console.log(`load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')} → ${loadAfter.map((l) => l.toFixed(2)).join(' ')}`);

const result = { rounds: ROUNDS, warm_calls: WARM_CALLS, sizes, open, before: process.env.BENCH_BEFORE ?? null, load_before: loadBefore, load_after: loadAfter, cpus: os.cpus().length, at: new Date().toISOString() };
mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
await fs.writeFile(path.join(root, 'bench', 'results', 'drafts-service.json'), `${JSON.stringify(result, null, 2)}\n`);
