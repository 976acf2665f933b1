// `npm run bench:drafts`: time to interactive of the home screen with 10 and 200 drafts of 40
// photos each (BENCH_LARGE=1 adds 2,000; BENCH_SIZES overrides), seeded once by seed.mjs with the
// cover thumbnails cached, side by side in the same run with the home screen of an empty data
// folder and with the floor: an empty page of the same shell (same server, same HTML head and
// CSS, no application JavaScript). Loads are interleaved so a noisy neighbour slows all alike.
// Cold loads (the headline) start from a fresh browser context each; warm loads (BENCH_WARM=0
// skips them) reuse one browser profile per run that has loaded each page before, as a
// relaunched app does: its HTTP cache and V8's code cache for the build's hashed files.
// Writes bench/results/drafts.json with the machine's load average.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { interactiveAt, waitForFirstScreen } from './interactive.mjs';
import { FIRST_PAGE_CARDS, makeDataFloor, makeReactFloor, makeShell } from './shell.mjs';
import { chromiumArgs, chromiumPath } from '../../test/chromium.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const require = createRequire(import.meta.url);
const LARGE = process.env.BENCH_LARGE === '1';
const SIZES = (process.env.BENCH_SIZES ?? (LARGE ? '10,200,2000' : '10,200')).split(',').map(Number).filter((n) => n > 0);
const HEADLINE = SIZES.includes(200) ? 200 : SIZES[SIZES.length - 1];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const WARM = process.env.BENCH_WARM !== '0';
/**
 * Loads of each page in the warm profile before its measured ones: Chromium compiles a script on
 * its first load, keeps the compiled code after a later one, and uses it from then on.
 */
const WARM_UP_LOADS = 3;
const FIRST_PAGE = FIRST_PAGE_CARDS;
let chromiumExe;
try {
  chromiumExe = chromiumPath();
} catch (e) {
  console.error(`bench:drafts: ${e.message}`);
  process.exit(2);
}
const { startWebServer } = require(path.join(root, 'dist', 'electron', 'web', 'server.js'));
const rendererDir = path.join(root, 'dist', 'renderer');

// The seeded homes are kept between runs (seeding 8,000 photos takes a while).
function seededHome(drafts) {
  const dir = path.join(os.tmpdir(), `recap-bench-home-${drafts}`);
  if (!existsSync(path.join(dir, 'drafts'))) {
    console.log(`seeding ${drafts} drafts × 40 photos into ${dir} …`);
    execFileSync(process.execPath, [path.join(here, 'seed.mjs'), dir], { stdio: 'inherit', env: { ...process.env, BENCH_DRAFTS: String(drafts) } });
  }
  return dir;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const loadBefore = os.loadavg();
const empty = await fs.mkdtemp(path.join(os.tmpdir(), 'recap-bench-empty-'));
const shellDir = await makeShell(rendererDir);
// A second floor, printed apart and never in a ratio's place: the same shell loading React alone.
const reactDir = await makeReactFloor(rendererDir);
// The third floor, React + data: the same page with React fetching the headline's list through the
// same server and drawing its first page of cards as plain elements.
const dataDir = await makeDataFloor(rendererDir);

const targets = [
  { key: 'shell', label: 'empty shell (floor)', home: empty, rendererDir: shellDir, cards: 0 },
  { key: 'react', label: 'React alone (second floor)', home: empty, rendererDir: reactDir, cards: 0 },
  { key: 'data', label: `React + data (3rd floor), ${HEADLINE} drafts`, home: seededHome(HEADLINE), rendererDir: dataDir, cards: Math.min(HEADLINE, FIRST_PAGE) },
  { key: 'empty', label: 'home, empty data folder', home: empty, rendererDir, cards: 0 },
  ...SIZES.map((n) => ({ key: `d${n}`, drafts: n, label: `home, ${n} drafts`, home: seededHome(n), rendererDir, cards: Math.min(n, FIRST_PAGE) })),
];
// BENCH_BEFORE=<dist/renderer folder of an earlier build>: that build's home screen with the
// headline's drafts joins the same interleaved rounds (same server, same data), so a before/after
// comparison shares one machine load instead of two runs minutes apart.
const BEFORE = process.env.BENCH_BEFORE ? path.resolve(process.env.BENCH_BEFORE) : null;
if (BEFORE) {
  if (!existsSync(path.join(BEFORE, 'index.html'))) throw new Error(`BENCH_BEFORE: ${BEFORE} has no index.html`);
  targets.push({ key: 'before', label: `before, ${HEADLINE} drafts`, home: seededHome(HEADLINE), rendererDir: BEFORE, cards: Math.min(HEADLINE, FIRST_PAGE) });
}

const VIEWPORT = { width: 1440, height: 900 };
const browserArgs = chromiumArgs();
const browser = await chromium.launch({ executablePath: chromiumExe, args: browserArgs });
// The warm side: one browser profile on disk for the run (a relaunched app keeps its profile).
const warmProfile = WARM ? await fs.mkdtemp(path.join(os.tmpdir(), 'recap-bench-warm-')) : null;
const warmContext = warmProfile ? await chromium.launchPersistentContext(warmProfile, { executablePath: chromiumExe, args: browserArgs, viewport: VIEWPORT }) : null;
for (const t of targets) {
  t.server = await startWebServer({ rendererDir: t.rendererDir, home: t.home, cacheDir: path.join(t.home, 'cache') });
  t.times = [];
  t.warmTimes = [];
}

/** Time to interactive of one load: a fresh context (cold), or a new tab of the warm profile. */
async function tti(t, warm = false) {
  const context = warm ? warmContext : await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.goto(t.server.url);
  // Interactive: the first cards are on screen and the search box takes a key at once.
  await waitForFirstScreen(page, t.cards);
  const ms = await interactiveAt(page);
  if (warm) await page.close();
  else await context.close();
  return ms;
}

try {
  // One warm-up load each (disk cache, Chromium), the warm profile's first loads, then ROUNDS
  // interleaved rounds: each target's cold load, then its warm one, in turn.
  for (const t of targets) await tti(t);
  if (WARM) for (let i = 0; i < WARM_UP_LOADS; i++) for (const t of targets) await tti(t, true);
  for (let r = 0; r < ROUNDS; r++) {
    // Each round starts one target further on, so that no page is always loaded right after the
    // same other one (bench:editor's A/A run found the second of a pair paying for the first).
    for (const t of [...targets.slice(r % targets.length), ...targets.slice(0, r % targets.length)]) {
      t.times.push(await tti(t));
      if (WARM) t.warmTimes.push(await tti(t, true));
    }
  }
} finally {
  await browser.close();
  if (warmContext) await warmContext.close();
  for (const t of targets) await t.server.close();
}

const loadAfter = os.loadavg();
const med = (key) => Math.round(median(targets.find((t) => t.key === key).times));
const warmMed = (key) => Math.round(median(targets.find((t) => t.key === key).warmTimes));
const ratio = (a, b) => Math.round((a / b) * 100) / 100;
const shell = med('shell');
const bySize = SIZES.map((n) => ({ drafts: n, home_tti_ms: med(`d${n}`), ratio_to_shell: Math.round((med(`d${n}`) / shell) * 100) / 100, per_draft_ms_over_empty: Math.round(((med(`d${n}`) - med('empty')) / n) * 100) / 100 }));
// Warm loads, each beside the warm shell: the same floors, loaded again from the same profile.
const warm = WARM
  ? {
      drafts: HEADLINE,
      home_tti_ms: warmMed(`d${HEADLINE}`),
      empty_home_tti_ms: warmMed('empty'),
      shell_tti_ms: warmMed('shell'),
      react_only_tti_ms: warmMed('react'),
      react_data_tti_ms: warmMed('data'),
      home_over_react_data: ratio(warmMed(`d${HEADLINE}`), warmMed('data')),
      home_over_shell: ratio(warmMed(`d${HEADLINE}`), warmMed('shell')),
      sizes: SIZES.map((n) => ({ drafts: n, home_tti_ms: warmMed(`d${n}`), ratio_to_shell: ratio(warmMed(`d${n}`), warmMed('shell')) })),
      ...(BEFORE ? { before_home_tti_ms: warmMed('before'), before_over_shell: ratio(warmMed('before'), warmMed('shell')) } : {}),
      warm_up_loads: WARM_UP_LOADS,
      runs_ms: Object.fromEntries(targets.map((t) => [t.key, t.warmTimes.map(Math.round)])),
    }
  : null;
const result = {
  drafts: HEADLINE,
  home_tti_ms: med(`d${HEADLINE}`),
  empty_home_tti_ms: med('empty'),
  shell_tti_ms: shell,
  react_only_tti_ms: med('react'),
  react_data_tti_ms: med('data'),
  home_over_react_data: ratio(med(`d${HEADLINE}`), med('data')),
  home_over_shell: Math.round((med(`d${HEADLINE}`) / shell) * 100) / 100,
  sizes: bySize,
  ...(BEFORE ? { before_home_tti_ms: med('before'), before_over_shell: Math.round((med('before') / shell) * 100) / 100 } : {}),
  runs_ms: Object.fromEntries(targets.map((t) => [t.key, t.times.map(Math.round)])),
  ...(warm ? { warm } : {}),
  rounds: ROUNDS,
  cores: os.availableParallelism(),
  load_average_before: loadBefore.map((x) => Math.round(x * 100) / 100),
  load_average_after: loadAfter.map((x) => Math.round(x * 100) / 100),
};
mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
await fs.writeFile(path.join(root, 'bench', 'results', 'drafts.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log('');
console.log(`time to interactive (median of ${ROUNDS} interleaved loads), ms and ÷ the empty shell of the same kind of load`);
console.log(`  ${''.padEnd(42)}${'cold'.padStart(6)}${''.padStart(9)}${warm ? `${'warm'.padStart(8)}` : ''}`);
const row = (label, key, note = '') => {
  const cold = `${String(med(key)).padStart(6)}   ${(med(key) / shell).toFixed(2)}×`;
  const hot = warm ? `${String(warmMed(key)).padStart(8)}   ${(warmMed(key) / warm.shell_tti_ms).toFixed(2)}×` : '';
  console.log(`  ${label.padEnd(42)}${cold}${hot}${note ? `   ${note}` : ''}`);
};
row('empty shell (floor)', 'shell');
row('React alone (2nd floor)', 'react', '(react + react-dom and one field: what any React page pays)');
row(`React + data (3rd floor), ${HEADLINE} drafts`, 'data', '(React fetching the same list, plain cards, scripts placed as ours)');
row('home, empty data folder', 'empty');
for (const r of bySize) row(`home, ${r.drafts} drafts × 40 photos`, `d${r.drafts}`, `(${r.per_draft_ms_over_empty} ms per draft over the empty home, cold)`);
if (BEFORE) row(`before (BENCH_BEFORE), ${HEADLINE} drafts`, 'before', `(${path.relative(root, BEFORE) || BEFORE})`);
if (warm) console.log(`  warm: a new tab of one browser profile that loaded each page ${WARM_UP_LOADS} times before (its HTTP cache and V8's code cache)`);
console.log(`home with ${HEADLINE} drafts ÷ React + data: ${result.home_over_react_data}× cold${warm ? `, ${warm.home_over_react_data}× warm` : ''}`);
console.log(`target: home with 200 drafts ≤ 1.2× the empty shell — ${result.home_over_shell <= 1.2 ? 'PASS' : 'MISS'} (${result.home_over_shell}× cold${warm ? `, ${warm.home_over_shell}× warm` : ''})`);
console.log(`load average before ${loadBefore.map((x) => x.toFixed(2)).join(' ')}, after ${loadAfter.map((x) => x.toFixed(2)).join(' ')}`);
await fs.rm(empty, { recursive: true, force: true });
await fs.rm(shellDir, { recursive: true, force: true });
await fs.rm(reactDir, { recursive: true, force: true });
await fs.rm(dataDir, { recursive: true, force: true });
if (warmProfile) await fs.rm(warmProfile, { recursive: true, force: true });
