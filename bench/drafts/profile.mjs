// `node bench/drafts/profile.mjs [empty|shell|react|data|<drafts>]` (after `npm run build`): one load of
// the home screen (after a warm-up load) with a Chromium trace, and where its time went: the
// requests (script, API call, image) with start and end, and the renderer's main thread by kind
// of work (parse HTML, compile and run script, style, layout, paint, GC). Writes the trace to
// bench/results/drafts-trace-<target>.json (open it in DevTools' Performance panel). Not a bench:
// one load, no floor beside it; run bench:drafts for the figures. BENCH_PROFILE=1 adds a load
// under V8's sampling profiler and prints the JavaScript's self time by module (js-profile.mjs).
// `data` is the third floor, React + data (shell.mjs makeDataFloor) over the 200 drafts' home.
// BENCH_WARM=1 makes every load a new tab of one browser profile that loaded the page three times
// before (bench:drafts' warm row: its HTTP cache and V8's code cache); the trace then goes to
// bench/results/drafts-trace-<target>-warm.json.

import { existsSync, mkdirSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { markFirstScreen, waitForFirstScreen } from './interactive.mjs';
import { selfTimeByModule } from './js-profile.mjs';
import { FIRST_PAGE_CARDS, makeDataFloor, makeReactFloor, makeShell } from './shell.mjs';
import { chromiumArgs, chromiumPath } from '../../test/chromium.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const require = createRequire(import.meta.url);
const which = process.argv[2] ?? '200';
const { startWebServer } = require(path.join(root, 'dist', 'electron', 'web', 'server.js'));
// BENCH_RENDERER=<dist/renderer folder of another build> profiles that build instead (same server).
const rendererDir = process.env.BENCH_RENDERER ? path.resolve(process.env.BENCH_RENDERER) : path.join(root, 'dist', 'renderer');
const empty = await fs.mkdtemp(path.join(os.tmpdir(), 'recap-bench-empty-'));
const drafts = which === 'data' ? 200 : /^\d+$/.test(which) ? Number(which) : 0;
const home = drafts ? path.join(os.tmpdir(), `recap-bench-home-${drafts}`) : empty;
if (!existsSync(home)) throw new Error(`${home} is missing: run bench:drafts once to seed it`);
const floors = { shell: makeShell, react: makeReactFloor, data: makeDataFloor };
const dir = floors[which] ? await floors[which](rendererDir) : rendererDir;
const server = await startWebServer({ rendererDir: dir, home, cacheDir: path.join(home, 'cache') });
const WARM = process.env.BENCH_WARM === '1';
const launch = { executablePath: chromiumPath(), args: chromiumArgs() };
const VIEWPORT = { width: 1440, height: 900 };
const warmProfile = WARM ? await fs.mkdtemp(path.join(os.tmpdir(), 'recap-bench-warm-')) : null;
const warmContext = warmProfile ? await chromium.launchPersistentContext(warmProfile, { ...launch, viewport: VIEWPORT }) : null;
const browser = warmContext ? null : await chromium.launch(launch);
const out = path.join(root, 'bench', 'results', `drafts-trace-${which}${WARM ? '-warm' : ''}.json`);
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'v8', 'blink.user_timing', 'loading'];

/** A trace through the page's own DevTools session (a persistent profile has no Browser to trace with). */
async function startPageTrace(cdp) {
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: TRACE_CATEGORIES.join(','), transferMode: 'ReportEvents' });
  return async () => {
    await cdp.send('Tracing.end');
    await complete;
    await fs.writeFile(out, JSON.stringify({ traceEvents: events }));
  };
}
mkdirSync(path.dirname(out), { recursive: true });

async function load(trace, jsProfile = false) {
  const context = warmContext ?? (await browser.newContext({ viewport: VIEWPORT }));
  const page = await context.newPage();
  const cdp = jsProfile || (trace && WARM) ? await context.newCDPSession(page) : null;
  if (jsProfile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  const cards = Math.min(drafts, FIRST_PAGE_CARDS);
  await markFirstScreen(page, cards);
  const stopPageTrace = trace && WARM ? await startPageTrace(cdp) : null;
  if (trace && !WARM) await browser.startTracing(page, { path: out, categories: TRACE_CATEGORIES });
  await page.goto(server.url);
  await waitForFirstScreen(page, cards);
  const t = await page.evaluate(async () => {
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const tti = performance.now();
    const res = performance.getEntriesByType('resource').map((e) => ({ name: e.name.replace(location.origin, '').replace(/token=[^&]+/, 'token=…').slice(0, 70), start: Math.round(e.startTime), end: Math.round(e.responseEnd), kb: Math.round(e.transferSize / 100) / 10 }));
    const nav = performance.getEntriesByType('navigation')[0];
    const drawn = performance.getEntriesByName('first-screen')[0];
    return { tti: Math.round(tti), firstScreen: drawn ? Math.round(drawn.startTime) : null, res, html: nav ? Math.round(nav.responseEnd) : null, dcl: nav ? Math.round(nav.domContentLoadedEventEnd) : null };
  });
  if (stopPageTrace) await stopPageTrace();
  else if (trace) await browser.stopTracing();
  if (jsProfile) t.profile = (await cdp.send('Profiler.stop')).profile;
  if (warmContext) await page.close();
  else await context.close();
  return t;
}

function mainThread(raw) {
  const ev = raw.traceEvents ?? raw;
  const names = new Map();
  for (const e of ev) if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') names.set(`${e.pid}:${e.tid}`, 0);
  for (const e of ev) if (names.has(`${e.pid}:${e.tid}`)) names.set(`${e.pid}:${e.tid}`, names.get(`${e.pid}:${e.tid}`) + 1);
  const main = [...names].sort((a, b) => b[1] - a[1])[0]?.[0];
  const xs = ev.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && e.dur != null).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const kinds = [
    ['parse HTML', /^ParseHTML$/],
    ['compile script', /^(v8\.compile|v8\.compileModule|V8\.CompileCode|v8\.parseOnBackground|V8\.ParseProgram|V8\.ParseFunction|CompileScript|v8\.produceModuleCache)$/],
    ['run script', /^(EvaluateScript|v8\.evaluateModule|FunctionCall|RunMicrotasks|TimerFire|FireAnimationFrame|FireIdleCallback|EventDispatch|XHRReadyStateChange)$/],
    ['style', /^(UpdateLayoutTree|ParseAuthorStyleSheet)$/],
    ['layout', /^Layout$/],
    ['paint', /^(PrePaint|Paint|Layerize|Commit|UpdateLayer)$/],
    ['gc', /^(MinorGC|MajorGC|V8\.GC.*)$/],
    ['image decode', /^(Decode Image|ImageDecodeTask|Decode LazyPixelRef)$/],
  ];
  const sum = {};
  const stack = [];
  let total = 0;
  const t0 = xs[0]?.ts ?? 0;
  for (const e of xs) {
    while (stack.length && stack[stack.length - 1].end <= e.ts) stack.pop();
    const kind = kinds.find(([, re]) => re.test(e.name))?.[0] ?? null;
    const outer = [...stack].reverse().find((s) => s.kind)?.kind ?? null;
    const ms = (e.tdur ?? e.dur) / 1000;
    if (e.name === 'RunTask' && stack.length === 0) total += ms;
    if (kind && kind !== outer) {
      sum[kind] = (sum[kind] ?? 0) + ms;
      if (outer) sum[outer] -= ms;
    }
    stack.push({ end: e.ts + e.dur, kind: kind ?? outer });
  }
  // The main thread's CPU (thread time, so a busy neighbour weighs less) in the tasks up to and
  // including the one that drew the first screen (interactive.mjs's mark).
  const mark = ev.find((e) => e.name === 'first-screen' && String(e.cat).includes('user_timing'));
  const tasks = xs.filter((e) => e.name === 'RunTask' && !xs.some((o) => o !== e && o.name === 'RunTask' && o.ts <= e.ts && o.ts + o.dur >= e.ts + e.dur));
  const firstScreenCpu = mark ? tasks.filter((e) => e.ts <= mark.ts).reduce((a, e) => a + (e.tdur ?? e.dur) / 1000, 0) : null;
  return { total, sum, firstScreenCpu, span: xs.length ? (xs[xs.length - 1].ts - t0) / 1000 : 0 };
}

try {
  for (let i = 0; i < (WARM ? 3 : 1); i++) await load(false);
  const t = await load(true);
  const m = mainThread(JSON.parse(await fs.readFile(out, 'utf8')));
  console.log(`${which}${WARM ? ' (warm)' : ''}: interactive at ${t.tti} ms (HTML at ${t.html}, DOMContentLoaded at ${t.dcl}, first screen drawn at ${t.firstScreen})`);
  if (m.firstScreenCpu !== null) console.log(`main thread CPU until the first screen is drawn: ${m.firstScreenCpu.toFixed(0)} ms`);
  console.log('requests (ms from navigation start):');
  for (const r of t.res) console.log(`  ${String(r.start).padStart(5)} → ${String(r.end).padStart(5)}  ${String(r.kb).padStart(6)} kB  ${r.name}`);
  console.log(`renderer main thread, CPU ms over the load (${m.total.toFixed(0)} in tasks; ${Object.values(m.sum).reduce((a, b) => a + b, 0).toFixed(0)} by kind):`);
  for (const [k, v] of Object.entries(m.sum).sort((a, b) => b[1] - a[1])) console.log(`  ${v.toFixed(1).padStart(7)}  ${k}`);
  console.log(`trace: ${path.relative(root, out)}; load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  if (process.env.BENCH_PROFILE === '1') {
    // A third load with V8's sampling profiler (its overhead stays out of the traced load).
    const { profile } = await load(false, true);
    const file = path.join(root, 'bench', 'results', `drafts-profile-${which}.cpuprofile`);
    await fs.writeFile(file, JSON.stringify(profile));
    console.log(`JavaScript CPU profile, self time by module (ms, profiler on; ${path.relative(root, file)}):`);
    for (const [row, ms] of selfTimeByModule(profile, path.join(dir, 'assets')).slice(0, 24)) console.log(`  ${ms.toFixed(1).padStart(7)}  ${row}`);
  }
} finally {
  if (browser) await browser.close();
  if (warmContext) await warmContext.close();
  if (warmProfile) await fs.rm(warmProfile, { recursive: true, force: true });
  await server.close();
  await fs.rm(empty, { recursive: true, force: true });
  if (dir !== rendererDir) await fs.rm(dir, { recursive: true, force: true });
}
