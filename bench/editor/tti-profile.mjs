// `node bench/editor/tti-profile.mjs` (after `npm run build`) is not a bench: it opens the editor on
// the reference recap the way bench:editor's time to interactive does (the app's server in a process
// of its own, a fresh browser context per load) and shows where the start-up's main thread goes.
//
// 1. One traced load (after a warm-up load): the main thread's CPU by kind of work up to "ready"
//    (window.__recapReady) and after it, and every task of 4 ms or more after "ready" with its
//    start (ms after ready), its length and what ran in it: a keystroke typed after "ready"
//    waits for the task it lands in, then for its own frame. The trace is kept as
//    bench/results/editor-trace-tti.json for DevTools' Performance panel. It also says when the
//    lazy chunks' requests went out, in ms after the main chunk started to run.
// 2. BENCH_LATE_KEYS=1: loads in which one key is typed 0, 20, 40, … 400 ms after "ready"
//    (BENCH_LATE_STEP, BENCH_LATE_MAX), each with its keydown → paint: what an author typing at
//    that moment waits. BENCH_BEFORE=<dist/renderer of an earlier build> alternates its loads
//    with that build's, served the same way, so both meet the same machine load.
// 3. BENCH_PROFILE=1: a load under V8's sampling profiler, its JavaScript self time by function
//    (file:line) before and after "ready" (build with `npx vite build --config
//    renderer/vite.config.mts --minify false` first to read the names).
// 4. Always: one more load in which a React DevTools hook (installed before the page's scripts, as
//    the DevTools extension installs its own; nothing in the app) counts React's commits after
//    "ready", each with the components it rendered and the topmost of them by name (build with
//    --minify false to read the names); with BENCH_BEFORE, the same for that build.
// BENCH_RENDERER=<dist/renderer folder of another build> profiles that build instead (same service).

import { existsSync, mkdirSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { keyProbeScript, typeFirstKey } from './key-probe.mjs';
import { markReady, recapServers } from './recap-servers.mjs';
import { selfTimeByModule } from '../drafts/js-profile.mjs';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../test/chromium.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const rendererDir = process.env.BENCH_RENDERER ? path.resolve(process.env.BENCH_RENDERER) : path.join(root, 'dist', 'renderer');
if (!existsSync(path.join(rendererDir, 'index.html'))) throw new Error(`${rendererDir}/index.html is missing: run \`npm run build\` first`);
const FIXTURE = path.join(root, 'test', 'fixtures', 'kubernetes-community-days-china.md');
const VIEWPORT = { width: 1280, height: 800 };
const CHROMIUM_ARGS = chromiumArgs();
// BENCH_INVALIDATIONS=1 also records what invalidated style and layout (node, reason), for the load event's task below.
// BENCH_TTI_KEY=1 with BENCH_PROFILE=1: V8's sampler in the trace too, for the JavaScript by module between the answer, "ready", the key and its paint.
const TRACE_CATEGORIES = [
  'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'v8', 'blink.user_timing', 'loading',
  ...(process.env.BENCH_INVALIDATIONS === '1' ? ['disabled-by-default-devtools.timeline.invalidationTracking'] : []),
  ...(process.env.BENCH_TTI_KEY === '1' && process.env.BENCH_PROFILE === '1' ? ['disabled-by-default-v8.cpu_profiler'] : []),
];
const out = path.join(root, 'bench', 'results', 'editor-trace-tti.json');
mkdirSync(path.dirname(out), { recursive: true });
const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'recap-tti-profile-'));
const doc = await fs.readFile(FIXTURE, 'utf8');
const { serve, children } = recapServers(tmp, doc);
const recapUrl = await serve(rendererDir);
// BENCH_BEFORE=<dist/renderer of an earlier build>: the late keys alternate with that build's.
const beforeUrl = process.env.BENCH_BEFORE ? await serve(path.resolve(process.env.BENCH_BEFORE)) : null;


/**
 * Before the page's scripts: a React DevTools hook that records each commit (when, how many
 * components rendered in it, the topmost of them). A component rendered when it is new or React
 * marked it as having done work; a subtree whose children are the same fibers as before was not
 * rendered at all, so the walk does not go into it (as React DevTools' own walk).
 */
function commitHook() {
  const commits = [];
  window.__commits = commits;
  const COMPONENT = new Set([0, 1, 11, 14, 15]); // function, class, forwardRef, memo, simple memo
  const PERFORMED_WORK = 1;
  const nameOf = (type) => type?.displayName || type?.name || type?.type?.displayName || type?.type?.name || type?.render?.name || '?';
  // Why a component that was there before rendered again: the props that are not the same.
  function changedProps(f, prev) {
    if (prev === null) return '+';
    const a = prev.memoizedProps ?? {};
    const b = f.memoizedProps ?? {};
    if (a === b) return '';
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !Object.is(a[k], b[k]));
    return keys.length ? `(${keys.join(',')})` : '';
  }
  function walk(fiber, counted, tops, names) {
    let n = 0;
    for (let f = fiber; f; f = f.sibling) {
      const prev = f.alternate;
      const rendered = COMPONENT.has(f.tag) && (prev === null || (f.flags & PERFORMED_WORK) !== 0);
      if (rendered) {
        n++;
        if (!counted && tops.length < 4) tops.push(nameOf(f.type));
        if (window.__commitNames) names.push(nameOf(f.type) + changedProps(f, prev));
      }
      if (prev === null || f.child !== prev.child) n += walk(f.child, counted || rendered, tops, names);
    }
    return n;
  }
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    isDisabled: false,
    renderers: new Map(),
    inject(internals) {
      const id = this.renderers.size + 1;
      this.renderers.set(id, internals);
      return id;
    },
    onCommitFiberRoot(_id, root) {
      const at = performance.now();
      const tops = [];
      const names = [];
      const current = root.current;
      const prev = current.alternate;
      const components = prev === null || current.child !== prev.child ? walk(current.child, false, tops, names) : 0;
      commits.push({ at, components, tops, names });
    },
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    onScheduleFiberRoot() {},
    setStrictMode() {},
    checkDCE() {},
  };
}

async function open(browser, { commits = false } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  await page.addInitScript(markReady);
  await page.addInitScript(keyProbeScript);
  if (commits) await page.addInitScript(commitHook);
  // BENCH_COMMIT_NAMES=1: every component each commit rendered, by name, not only the topmost, with
  // the props that changed since its last render (`+`: new; nothing: its own state or a context).
  if (commits && process.env.BENCH_COMMIT_NAMES === '1') await page.addInitScript(() => (window.__commitNames = true));
  return { context, page };
}

/** React's commits in the 1.5 s after "ready", in one load (commitHook), and how many came within 650 ms. */
async function commitsAfterReady(browser, url, label) {
  const { context, page } = await open(browser, { commits: true });
  try {
    await page.goto(await url(), { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__readyAt != null, null, { polling: 5 });
    await new Promise((r) => setTimeout(r, 1500));
    const { readyAt, commits } = await page.evaluate(() => ({ readyAt: window.__readyAt, commits: window.__commits }));
    const after = commits.filter((c) => c.at > readyAt && c.at <= readyAt + 1500);
    const within = after.filter((c) => c.at <= readyAt + 650);
    const rendered = (xs) => xs.reduce((a, c) => a + c.components, 0);
    console.log(`React commits after ready, ${label}: ${within.length} in 650 ms (${rendered(within)} components rendered), ${after.length} in 1.5 s (${rendered(after)}); ${commits.length - after.length} up to ready`);
    for (const c of after) {
      console.log(`  +${(c.at - readyAt).toFixed(0).padStart(5)}  ${String(c.components).padStart(4)}  ${c.tops.join(', ')}`);
      if (c.names.length) console.log(`          ${c.names.join(' ')}`);
    }
    return { within: within.length, after: after.length, components: rendered(within) };
  } finally {
    await context.close();
  }
}

/** Types one key `delay` ms after "ready" and answers keydown → the frame that shows it. */
async function lateKey(browser, delay, url = recapUrl) {
  const { context, page } = await open(browser);
  try {
    await page.goto(await url(), { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__readyAt != null, null, { polling: 5 });
    await page.evaluate((d) => {
      const ta = document.querySelector('.w-md-editor-text-input');
      ta.focus();
      ta.setSelectionRange(ta.value.length, ta.value.length);
      window.__late = { keydown: null, paint: null };
      window.__armKeyProbe(window.__late, ta);
      return new Promise((r) => setTimeout(r, Math.max(0, window.__readyAt + d - performance.now())));
    }, delay);
    await page.keyboard.type('k');
    await page.waitForFunction(() => window.__late.paint != null, null, { polling: 5 });
    return page.evaluate(() => ({ at: window.__late.keydown - window.__readyAt, latency: window.__late.paint - window.__late.keydown }));
  } finally {
    await context.close();
  }
}

const KINDS = [
  ['parse HTML', /^ParseHTML$/],
  ['compile script', /^(v8\.compile|v8\.compileModule|V8\.CompileCode|v8\.parseOnBackground|V8\.ParseProgram|V8\.ParseFunction|CompileScript|v8\.produceModuleCache)$/],
  ['run script', /^(EvaluateScript|v8\.evaluateModule|FunctionCall|RunMicrotasks|TimerFire|FireAnimationFrame|FireIdleCallback|EventDispatch|XHRReadyStateChange|HandlePostMessage)$/],
  ['style', /^(UpdateLayoutTree|ParseAuthorStyleSheet)$/],
  ['layout', /^Layout$/],
  ['paint', /^(PrePaint|Paint|Layerize|Commit|UpdateLayer)$/],
  ['gc', /^(MinorGC|MajorGC|V8\.GC.*)$/],
];

/**
 * The page's main thread (the one that marked "ready": Chromium's own pages, such as the omnibox's,
 * run renderers of their own in the same trace): its top-level tasks, each with its CPU by kind of work.
 */
function mainTasks(events, mark) {
  const main = `${mark.pid}:${mark.tid}`;
  const xs = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && e.dur != null).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const tasks = [];
  const stack = [];
  for (const e of xs) {
    while (stack.length && stack[stack.length - 1].end <= e.ts) stack.pop();
    if (stack.length === 0) {
      if (e.name !== 'RunTask') continue;
      tasks.push({ ts: e.ts, dur: e.dur / 1000, cpu: (e.tdur ?? e.dur) / 1000, kinds: {}, what: new Map() });
    }
    const task = tasks[tasks.length - 1];
    const kind = KINDS.find(([, re]) => re.test(e.name))?.[0] ?? null;
    const outer = [...stack].reverse().find((s) => s.kind)?.kind ?? null;
    const ms = (e.tdur ?? e.dur) / 1000;
    if (kind && kind !== outer) {
      task.kinds[kind] = (task.kinds[kind] ?? 0) + ms;
      if (outer) task.kinds[outer] -= ms;
    }
    // What the task's script was: the first script URL or event type found in it.
    const detail = e.args?.data?.url?.replace(/^.*\//, '') || e.args?.data?.type || e.args?.data?.functionName || null;
    if (stack.length > 0 && detail && task.what.size < 3 && !task.what.has(detail)) task.what.set(detail, e.name);
    stack.push({ end: e.ts + e.dur, kind: kind ?? outer });
  }
  return tasks;
}

/**
 * When the page's requests for its lazy chunks went out, in ms after the main chunk started to run
 * (its module evaluation): a recap named in the address has its editor's chunks asked for as the
 * first module runs (renderer/earlyStart.ts), so they go out near +0, not as the chunk ends.
 */
function chunkRequests(events) {
  const main = events.find((e) => e.name === 'v8.compileModule' && /\/assets\/index-[^/]+\.js$/.test(e.args?.data?.url ?? ''));
  const run = main && events.find((e) => e.name === 'v8.evaluateModule' && e.pid === main.pid && e.tid === main.tid && e.ts >= main.ts);
  if (!run) return null;
  const sent = events.filter((e) => e.name === 'ResourceSendRequest' && /\/assets\/(?!index-)[^/]+\.(js|css)$/.test(e.args?.data?.url ?? ''));
  return { runMs: run.dur / 1000, requests: sent.map((e) => ({ file: e.args.data.url.replace(/^.*\//, ''), at: (e.ts - run.ts) / 1000 })) };
}

// BENCH_TTI_KEY=1: the traced load types one key as bench:editor's time to interactive does
// (key-probe.mjs typeFirstKey: its 10 ms poll for "ready" focuses the textarea, then the key), and the main thread's every task
// from the service's answer to that key's paint is printed, with the harness's moments.
const TTI_KEY = process.env.BENCH_TTI_KEY === '1';

/** Every task from the service's answer with the recap to the key's paint (ms after navigation start). */
function ttiTimeline(events, mark, readyAt, tti, tasks) {
  const origin = mark.ts / 1000 - readyAt; // the page's performance.now() 0 on the trace's clock, in ms
  const at = (ts) => ts / 1000 - origin;
  const urls = new Map(events.filter((e) => e.name === 'ResourceSendRequest').map((e) => [e.args?.data?.requestId, e.args?.data?.url ?? '']));
  const answer = events.find((e) => e.name === 'ResourceFinish' && /\/api\/openRecap$/.test(urls.get(e.args?.data?.requestId) ?? ''));
  const from = answer ? at(answer.ts) : readyAt - 150;
  console.log(`the key as time to interactive types it: the answer at ${fmt1(from)} ms, ready ${fmt1(readyAt)}, the harness saw it at ${fmt1(tti.detected)}, keydown ${fmt1(tti.keydown)}, painted ${fmt1(tti.paint)}`);
  const finished = events.filter((e) => e.name === 'ResourceFinish' && at(e.ts) >= from - 100 && at(e.ts) <= tti.paint).map((e) => `${(urls.get(e.args?.data?.requestId) ?? '?').replace(/^.*\//, '').replace(/\?.*$/, '').slice(0, 30)} ${fmt1(at(e.ts))}`);
  console.log(`  resources finished meanwhile: ${finished.join(', ')}`);
  let cpu = 0;
  for (const t of tasks) {
    if (at(t.ts) + t.dur < from || at(t.ts) > tti.paint) continue;
    cpu += t.cpu;
    if (t.cpu < 0.5) continue;
    const what = [...t.what].map(([d, n]) => `${n} ${d}`).join('; ');
    console.log(`  ${fmt1(at(t.ts)).padStart(6)}  ${t.dur.toFixed(1).padStart(6)}  ${t.cpu.toFixed(1).padStart(6)}  ${fmtKinds(t.kinds)}${what ? ` [${what}]` : ''}`);
  }
  console.log(`  main-thread CPU from the answer to the key's paint: ${cpu.toFixed(0)} ms over ${fmt1(tti.paint - from)} ms`);
  const windows = [['the answer → ready', from, readyAt], ['ready → keydown', readyAt, tti.keydown], ['keydown → paint', tti.keydown, tti.paint]];
  for (const [label, a, b] of windows) {
    const profile = sampledBetween(events, mark.pid, (a + origin) * 1000, (b + origin) * 1000);
    if (!profile) break;
    const rows = selfTimeByModule(profile, path.join(rendererDir, 'assets'));
    console.log(`  JavaScript (V8's samples) ${label}, ${fmt1(b - a)} ms: ${rows.reduce((x, r) => x + r[1], 0).toFixed(1)} ms; ${rows.filter(([, ms]) => ms >= 0.3).map(([k, ms]) => `${k} ${ms.toFixed(1)}`).join(', ')}`);
  }
}

/**
 * V8's samples of the page's renderer process (the trace's `ProfileChunk`s) between two trace
 * times, as a .cpuprofile's nodes, samples and time deltas (each sample's weight the time to the
 * next one), for `selfTimeByModule`; null when the trace has no samples.
 */
function sampledBetween(events, pid, from, to) {
  const chunks = events.filter((e) => e.name === 'ProfileChunk' && e.pid === pid);
  const starts = new Map(events.filter((e) => e.name === 'Profile' && e.pid === pid).map((e) => [e.id, e.args?.data?.startTime]));
  if (chunks.length === 0) return null;
  const nodes = new Map();
  const timed = [];
  const clock = new Map();
  for (const c of chunks) {
    const data = c.args?.data ?? {};
    for (const n of data.cpuProfile?.nodes ?? []) {
      const f = n.callFrame ?? {};
      nodes.set(`${c.id}:${n.id}`, { id: `${c.id}:${n.id}`, callFrame: { functionName: f.functionName ?? '', url: f.url ?? '', lineNumber: f.lineNumber ?? 0 } });
    }
    let t = clock.get(c.id) ?? starts.get(c.id) ?? 0;
    (data.cpuProfile?.samples ?? []).forEach((id, i) => {
      t += data.timeDeltas?.[i] ?? 0;
      timed.push([t, `${c.id}:${id}`]);
    });
    clock.set(c.id, t);
  }
  timed.sort((x, y) => x[0] - y[0]);
  const samples = [];
  const timeDeltas = [0];
  timed.forEach(([t, id], i) => {
    if (t < from || t >= to) return;
    samples.push(id);
    timeDeltas.push(Math.min((timed[i + 1]?.[0] ?? t) - t, 1000)); // a gap over 1 ms is idle, not this sample's
  });
  return { nodes: [...nodes.values()], samples, timeDeltas };
}
const fmt1 = (x) => (x == null ? '—' : x.toFixed(0));

/**
 * The page's `load` event and the tasks around it: each with its style recalc's element count and
 * its layout's dirty and total objects; the resources that finished in the 50 ms before (a late
 * stylesheet or chunk, an image, a font); and, with BENCH_INVALIDATIONS=1, what invalidated style
 * and layout since the task before (reason and node, counted).
 */
function loadEventTasks(events, mark, tasks) {
  const main = (e) => e.pid === mark.pid && e.tid === mark.tid;
  // The window's load event: `pageshow` follows it in the same task (a script's or stylesheet's own `load` events do not).
  const load = events.find((e) => main(e) && e.name === 'EventDispatch' && e.args?.data?.type === 'pageshow');
  if (!load) return console.log('no load event found on the page\'s main thread');
  const i = tasks.findLastIndex((t) => t.ts <= load.ts);
  console.log(`the load event at +${((load.ts - mark.ts) / 1000).toFixed(0)} ms after ready; its task and the next three (start ms after ready, wall, CPU, what):`);
  const finished = events.filter((e) => e.name === 'ResourceFinish' && e.ts <= load.ts && e.ts > load.ts - 50_000);
  const urls = new Map(events.filter((e) => e.name === 'ResourceSendRequest').map((e) => [e.args?.data?.requestId, e.args?.data?.url]));
  if (finished.length) console.log(`  finished in the 50 ms before it: ${finished.map((e) => `${(urls.get(e.args?.data?.requestId) ?? '?').replace(/^.*\//, '').replace(/\?.*$/, '')} +${((e.ts - mark.ts) / 1000).toFixed(0)}`).join(', ')}`);
  for (const t of tasks.slice(Math.max(0, i), i + 4)) {
    const end = t.ts + t.dur * 1000;
    const inTask = events.filter((e) => main(e) && e.ts >= t.ts && e.ts < end);
    const styles = inTask.filter((e) => e.name === 'UpdateLayoutTree').map((e) => `style ${((e.tdur ?? e.dur) / 1000).toFixed(1)} ms (${e.args?.elementCount ?? '?'} elements)`);
    const layouts = inTask.filter((e) => e.name === 'Layout').map((e) => `layout ${((e.tdur ?? e.dur) / 1000).toFixed(1)} ms (${e.args?.beginData?.dirtyObjects ?? '?'} of ${e.args?.beginData?.totalObjects ?? '?'} objects)`);
    const what = [...t.what].map(([d, n]) => `${n} ${d}`).join('; ');
    console.log(`  +${((t.ts - mark.ts) / 1000).toFixed(0).padStart(5)}  ${t.dur.toFixed(1).padStart(6)}  ${t.cpu.toFixed(1).padStart(6)}  ${fmtKinds(t.kinds)}${what ? ` [${what}]` : ''}${styles.length || layouts.length ? `\n          ${[...styles, ...layouts].join('; ')}` : ''}`);
    const prevEnd = tasks[tasks.indexOf(t) - 1] ? tasks[tasks.indexOf(t) - 1].ts : t.ts - 50_000;
    const why = new Map();
    for (const e of events) {
      if (!main(e) || e.ts < prevEnd || e.ts >= end || !/InvalidationTracking$/.test(e.name)) continue;
      const d = e.args?.data ?? {};
      const key = `${e.name.replace('InvalidationTracking', '')}: ${d.reason ?? d.invalidationSet?.id ?? d.changedClass ?? d.changedAttribute ?? d.changedPseudo ?? '?'} ${d.nodeName ?? ''}`.trim();
      why.set(key, (why.get(key) ?? 0) + 1);
    }
    if (why.size) console.log(`          invalidated by: ${[...why].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, n]) => `${k} ×${n}`).join('; ')}`);
  }
}

const add = (into, kinds) => {
  for (const [k, v] of Object.entries(kinds)) into[k] = (into[k] ?? 0) + v;
};
const fmtKinds = (kinds) =>
  Object.entries(kinds)
    .filter(([, v]) => v >= 0.5)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v.toFixed(1)}`)
    .join(', ');

/** One load under the sampling profiler: the top functions by self time, before and after "ready". */
async function jsProfile(browser) {
  const { context, page } = await open(browser);
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await page.goto(await recapUrl(), { waitUntil: 'commit' });
    // Two profiles: up to the moment the harness sees "ready" (polled every 5 ms), then 1.5 s.
    await page.waitForFunction(() => window.__readyAt != null, null, { polling: 5 });
    const upToReady = (await cdp.send('Profiler.stop')).profile;
    await cdp.send('Profiler.start');
    await new Promise((r) => setTimeout(r, 1500));
    const afterReady = (await cdp.send('Profiler.stop')).profile;
    const sides = [upToReady, afterReady].map((profile) => {
      const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
      const side = new Map();
      for (let i = 0; i < profile.samples.length; i++) {
        const f = nodes.get(profile.samples[i])?.callFrame;
        if (!f || f.functionName === '(idle)') continue;
        const key = `${f.functionName || '(anonymous)'} ${f.url ? `${f.url.split('/').pop()}:${f.lineNumber + 1}` : ''}`;
        side.set(key, (side.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
      }
      return side;
    });
    for (const [i, label] of ['up to ready', 'after ready'].entries()) {
      const rows = [...sides[i]].sort((a, b) => b[1] - a[1]);
      console.log(`JavaScript self time ${label}: ${rows.reduce((a, r) => a + r[1], 0).toFixed(0)} ms; top functions:`);
      for (const [k, ms] of rows.slice(0, 25)) console.log(`  ${ms.toFixed(1).padStart(6)}  ${k}`);
    }
  } finally {
    await context.close();
  }
}

const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
try {
  await lateKey(browser, 0); // warm-up: the service's modules, the OS's file cache
  const { context, page } = await open(browser);
  await browser.startTracing(page, { path: out, categories: TRACE_CATEGORIES });
  await page.goto(await recapUrl(), { waitUntil: 'commit' });
  if (TTI_KEY) await typeFirstKey(page, 'ours');
  await page.waitForFunction(() => window.__readyAt != null, null, { polling: 5 });
  await new Promise((r) => setTimeout(r, 1500));
  const readyAt = await page.evaluate(() => window.__readyAt);
  const tti = TTI_KEY ? await page.evaluate(() => window.__tti) : null;
  await browser.stopTracing();
  await context.close();
  const events = JSON.parse(await fs.readFile(out, 'utf8')).traceEvents;
  const mark = events.find((e) => e.name === 'recap-ready' && String(e.cat).includes('user_timing'));
  if (!mark) throw new Error('no recap-ready mark in the trace');
  const tasks = mainTasks(events, mark);
  const before = {};
  const after = {};
  let cpuBefore = 0;
  let cpuAfter = 0;
  for (const t of tasks) {
    if (t.ts <= mark.ts) {
      add(before, t.kinds);
      cpuBefore += t.cpu;
    } else {
      add(after, t.kinds);
      cpuAfter += t.cpu;
    }
  }
  console.log(`ready at ${readyAt.toFixed(0)} ms after navigation start`);
  const chunks = chunkRequests(events);
  if (chunks) console.log(`the main chunk ran for ${chunks.runMs.toFixed(1)} ms; its lazy chunks were asked for at (ms after it started to run): ${chunks.requests.map((r) => `${r.file} ${r.at >= 0 ? '+' : ''}${r.at.toFixed(1)}`).join(', ')}`);
  console.log(`main thread CPU up to ready: ${cpuBefore.toFixed(0)} ms (${fmtKinds(before)})`);
  console.log(`main thread CPU in the 1.5 s after ready: ${cpuAfter.toFixed(0)} ms (${fmtKinds(after)})`);
  console.log('tasks of 4 ms or more after ready (start ms after ready, wall, CPU, what):');
  let longest = 0;
  for (const t of tasks) {
    if (t.ts <= mark.ts || t.dur < 4) continue;
    longest = Math.max(longest, t.dur);
    const what = [...t.what].map(([d, n]) => `${n} ${d}`).join('; ');
    console.log(`  +${((t.ts - mark.ts) / 1000).toFixed(0).padStart(5)}  ${t.dur.toFixed(1).padStart(6)}  ${t.cpu.toFixed(1).padStart(6)}  ${fmtKinds(t.kinds)}${what ? ` [${what}]` : ''}`);
  }
  console.log(`longest task after ready: ${longest.toFixed(1)} ms; trace: ${path.relative(root, out)}`);
  loadEventTasks(events, mark, tasks);
  if (tti) ttiTimeline(events, mark, readyAt, tti, tasks);
  await commitsAfterReady(browser, recapUrl, 'ours');
  if (beforeUrl) await commitsAfterReady(browser, beforeUrl, 'before');
  if (process.env.BENCH_PROFILE === '1') await jsProfile(browser);
  if (process.env.BENCH_LATE_KEYS === '1') {
    const step = Number(process.env.BENCH_LATE_STEP ?? 20);
    const max = Number(process.env.BENCH_LATE_MAX ?? 400);
    const sides = beforeUrl ? [['ours', recapUrl], ['before', beforeUrl]] : [['ours', recapUrl]];
    const rows = [];
    for (let d = 0; d <= max; d += step) {
      const row = { d };
      // Alternating which side goes first, so that neither always meets the same moment of the machine's load.
      for (const [label, url] of d / step % 2 ? [...sides].reverse() : sides) row[label] = await lateKey(browser, d, url);
      rows.push(row);
    }
    console.log('one key typed after ready (asked at +ms: typed at +ms → keydown to paint, ms):');
    for (const r of rows) console.log(`  +${r.d}: ${sides.map(([l]) => `${l} at +${r[l].at.toFixed(0)} → ${r[l].latency.toFixed(1)}`).join('; ')}`);
    for (const [label] of sides) {
      const lat = rows.map((r) => r[label].latency).sort((a, b) => a - b);
      console.log(`late keys, ${label}: median ${lat[Math.floor(lat.length / 2)].toFixed(1)} ms, p90 ${lat[Math.floor(lat.length * 0.9)].toFixed(1)}, max ${lat[lat.length - 1].toFixed(1)} ms over ${lat.length} loads`);
    }
  }
  console.log(`load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
} finally {
  await browser.close();
  for (const child of children) await new Promise((r) => (child.connected ? (child.once('exit', r), child.disconnect()) : r()));
  await fs.rm(tmp, { recursive: true, force: true });
}
