// `node bench/editor/fill-in.mjs` (after `npm run build`) is not a bench with a floor: it times,
// in the wall clock, how the editor fills in as a recap opens at start, what the author sees in
// order: "ready" (the text takes keys: window.__recapReady), the form (its title field), the photo
// tray (its folder line) and the preview (its article), in ms after navigation start, with the
// start-up's requests beside them (Resource Timing): the page's HTML, theme-boot.js (asked, sent,
// in), the first chunk, the recap's answer (openRecap) and the last of the editor's chunks asked
// for before "ready". No trace and no profiler: each load as an author's, in a fresh browser
// context, the app's server in a process of its own (editor/server-child.mjs) with a fresh file
// per load; one warm-up load a side, not counted.
//
// BENCH_BEFORE=<dist/renderer of an earlier build> alternates its loads with that build's (the
// order turning each round), each side from a server process of its own, so that a change that
// moves one piece earlier can be seen to move the others later, or not. BENCH_LOADS (default 12)
// loads a side; BENCH_RENDERER=<dist/renderer> times another build as ours. Prints the medians
// and the load average; writes bench/results/editor-fill-in.json.

import { existsSync, mkdirSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { markReady, recapServers } from './recap-servers.mjs';
import { chromiumArgs, chromiumPath } from '../../test/chromium.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const ours = process.env.BENCH_RENDERER ? path.resolve(process.env.BENCH_RENDERER) : path.join(root, 'dist', 'renderer');
if (!existsSync(path.join(ours, 'index.html'))) throw new Error(`${ours}/index.html is missing: run \`npm run build\` first`);
const LOADS = Number(process.env.BENCH_LOADS ?? 12);
const FIXTURE = path.join(root, 'test', 'fixtures', 'kubernetes-community-days-china.md');
const CHROMIUM_ARGS = chromiumArgs();
const MOMENTS = ['html', 'bootAsked', 'bootSent', 'bootIn', 'firstChunkIn', 'answerAsked', 'answerIn', 'chunksIn', 'ready', 'form', 'tray', 'preview'];

const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'recap-fill-in-'));
const doc = await fs.readFile(FIXTURE, 'utf8');
const { serve, children } = recapServers(tmp, doc);

/** Before the page's scripts: when the form, the tray and the preview were first in the document ("ready": markReady). */
function watch() {
  const t = {};
  window.__fillIn = t;
  new MutationObserver(() => {
    const now = performance.now();
    if (t.form === undefined && document.querySelector('[data-testid="field-title"]')) t.form = now;
    if (t.tray === undefined && document.querySelector('[data-testid="photo-folder"]')) t.tray = now;
    if (t.preview === undefined && document.querySelector('article.pv')) t.preview = now;
  }).observe(document, { childList: true, subtree: true });
}

/** In the page, once all four are there: the moments above and the start-up's requests. */
function moments() {
  const t = { ...window.__fillIn, ready: window.__readyAt };
  const resources = performance.getEntriesByType('resource');
  const find = (test) => resources.find((e) => test.test(e.name));
  t.html = performance.getEntriesByType('navigation')[0].responseEnd;
  const boot = find(/\/theme-boot\.js$/);
  t.bootAsked = boot?.startTime;
  t.bootSent = boot?.requestStart;
  t.bootIn = boot?.responseEnd;
  t.firstChunkIn = find(/\/assets\/index-[\w-]+\.js$/)?.responseEnd;
  const answer = find(/\/api\/openRecap$/);
  t.answerAsked = answer?.startTime;
  t.answerIn = answer?.responseEnd;
  const chunks = resources.filter((e) => /\/assets\/(?!index-)[^/]+\.js$/.test(e.name) && e.startTime < t.ready);
  t.chunksIn = chunks.length ? Math.max(...chunks.map((e) => e.responseEnd)) : undefined;
  return t;
}

const sides = [['ours', await serve(ours)]];
if (process.env.BENCH_BEFORE) sides.push(['before', await serve(path.resolve(process.env.BENCH_BEFORE))]);
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const loads = Object.fromEntries(sides.map(([name]) => [name, []]));
const loadAvg = [os.loadavg()[0]];
try {
  for (let round = 0; round <= LOADS; round++) {
    for (const [name, next] of round % 2 ? [...sides].reverse() : sides) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
      try {
        const page = await context.newPage();
        await page.addInitScript(markReady);
        await page.addInitScript(watch);
        await page.goto(await next());
        await page.waitForFunction(() => window.__readyAt != null && ['form', 'tray', 'preview'].every((k) => window.__fillIn[k] !== undefined), null, { timeout: 60_000 });
        const t = await page.evaluate(moments);
        if (round > 0) loads[name].push(t);
      } finally {
        await context.close();
      }
    }
    loadAvg.push(os.loadavg()[0]);
  }
} finally {
  await browser.close();
  for (const child of children) child.kill();
}

const median = (values) => {
  const v = values.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  return v.length ? v[Math.floor(v.length / 2)] : null;
};
const result = { loads: LOADS, load_average: [Math.min(...loadAvg), Math.max(...loadAvg)].map((x) => Number(x.toFixed(2))), sides: {} };
for (const [name] of sides) {
  result.sides[name] = Object.fromEntries(MOMENTS.map((k) => [`${k}_ms`, median(loads[name].map((t) => t[k]))]));
  console.log(`${name.padEnd(7)} ${MOMENTS.map((k) => `${k} ${result.sides[name][`${k}_ms`]?.toFixed(0) ?? '—'}`).join('  ')}`);
}
console.log(`medians of ${LOADS} loads a side, ms after navigation start; load average ${result.load_average.join('–')}`);
const out = path.join(root, 'bench', 'results', 'editor-fill-in.json');
mkdirSync(path.dirname(out), { recursive: true });
await fs.writeFile(out, `${JSON.stringify(result, null, 2)}\n`);
await fs.rm(tmp, { recursive: true, force: true });
