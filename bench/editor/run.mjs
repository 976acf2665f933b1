// `npm run bench:editor`: keystroke → textarea paint and keystroke → preview paint for Recap Studio's
// editor and, in the same run, a page that mounts the stock <MDEditor preview="live">, on the
// reference recap ×1, ×20 and ×100; plus first-paint JavaScript (KB gzipped) and time to interactive.
// Prints a table and writes bench/results/editor.json. Exits 0 whether or not targets are met;
// non-zero only when the harness itself fails.
//
// Timings are taken inside the page: t0 = the keydown event's timeStamp; "paint" = the first
// requestAnimationFrame after the textarea's input event (typing) or after a MutationObserver sees
// the preview contain the newly typed word (preview), followed by a MessageChannel task, i.e. just
// after that frame was produced.

import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { makeDataFloor, makeEditorFloor, makeReactFloor, makeShell, TEXTAREA } from '../drafts/shell.mjs';
import { keyProbeScript, typeFirstKey } from './key-probe.mjs';
import { chromiumArgs, chromiumPath } from '../../test/chromium.mjs';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');

// BENCH_LARGE=1 adds ×300 (11,000 lines; ours and the bare textarea only: the stock editor
// needs seconds per keystroke there).
const LARGE = process.env.BENCH_LARGE === '1';
const SIZES = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(',').map(Number).filter((n) => [1, 20, 100, 300].includes(n)) : LARGE ? [1, 20, 100, 300] : [1, 20, 100];
// BENCH_PROFILE=20 (a size): a JavaScript CPU profile of our keystrokes at that size, with its top functions.
const PROFILE_SIZE = Number(process.env.BENCH_PROFILE ?? 0);
// BENCH_TRACE=1: DevTools traces of our and the bare textarea's ×100 keystrokes; BENCH_TRACE_SIZE=1 (or 20, 300, or a list: 1,20,100) traces those sizes instead.
const TRACE_SIZES = (process.env.BENCH_TRACE_SIZE ?? '100').split(',').map(Number);
// BENCH_TRACE_BLINK=1 adds Blink's own finer events to the traces (editing, selection, style
// invalidation, layout, hit tests, paint invalidation), to read what nests inside a keystroke's
// text insertion; they slow the page, so compare traces taken with it only with each other.
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'v8.execute', 'blink.user_timing', 'latencyInfo'];
if (process.env.BENCH_TRACE_BLINK === '1') TRACE_CATEGORIES.push('blink', 'blink.debug', 'disabled-by-default-blink.debug', 'disabled-by-default-blink.debug.layout', 'disabled-by-default-blink.invalidation', 'disabled-by-default-devtools.timeline.invalidationTracking', 'disabled-by-default-devtools.timeline.stack', 'cc', 'disabled-by-default-cc.debug');
// BENCH_ONLY=…,snapshot: our page's DOM and CSS as they stand once it is ready, as a static page
// with no script (served on our origin, for the same fonts), typed into like the others: what
// text insertion, style, layout and paint cost for our page without any of its JavaScript.
// BENCH_SNAPSHOT_CUT='sel1;sel2' removes what matches each selector from the snapshot, and
// 'sel1|sel2;sel3' types into one snapshot per variant, one after the other (for bisection); an
// item that starts with '+' is CSS added to the snapshot instead ('+.editor-pane{will-change:transform}'). The
// first variant's snapshot is kept as bench/results/editor-snapshot.html.
const SNAPSHOT_CUTS = (process.env.BENCH_SNAPSHOT_CUT ?? '').split('|').map((v) => v.split(';').map((s) => s.trim()).filter(Boolean));
const WARMUP = 5; // ' ', 'z', 'q', 'x', 'j': builds the unique word the preview is watched for
// Keystrokes measured per side and size. A p90 of 40 rests on its 4 slowest: the same page typed
// twice in one run gave 7.5 and 10.4 ms at ×1. The small sizes, quick to type, take 120.
// BENCH_KEYS=n sets ours', the bare textarea's and the snapshot's at ×1 and ×20.
const SMALL_KEYS = Number(process.env.BENCH_KEYS ?? 120);
// Each side's keys are typed in BENCH_TYPING_ROUNDS passes (default 3), the sides alternating:
// typed one side after the other, the same page's p50 rose from 6.4 to 7.4 ms within one run.
const TYPING_ROUNDS = Math.max(1, Number(process.env.BENCH_TYPING_ROUNDS ?? 3));
const KEYS = {
  ours: { 1: SMALL_KEYS, 20: SMALL_KEYS, 100: 40, 300: 20 },
  stock: { 1: 40, 20: 40, 100: 15, 300: 0 },
  baseline: { 1: SMALL_KEYS, 20: SMALL_KEYS, 100: 40, 300: 20 },
  snapshot: { 1: SMALL_KEYS, 20: SMALL_KEYS, 100: 40, 300: 20 },
};
const PAUSE_MS = 150;
const PREVIEW_TIMEOUT_MS = 2000;
const TTI_LOADS = Number(process.env.BENCH_TTI_LOADS ?? 3);
const VIEWPORT = { width: 1280, height: 800 };
const TARGETS = { typing_p90_ms: 16, preview_p90_ms_at_x100: 50, first_paint_js_kb_gz: 300 };
const CHROMIUM_ARGS = chromiumArgs((process.env.BENCH_CHROMIUM_ARGS ?? '').split(' ').filter(Boolean));
const FIXTURE = path.join(root, 'test', 'fixtures', 'kubernetes-community-days-china.md');
const STOCK_DIST = path.join(here, '.stock-dist');
const RESULTS = path.join(root, 'bench', 'results', 'editor.json');
const KB = 1000; // kB as Vite prints them

class HarnessError extends Error {}
const fail = (msg) => {
  throw new HarnessError(msg);
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (...a) => console.error('[bench]', ...a);

// ---------------------------------------------------------------------------------------------
// Documents

async function documents() {
  const text = (await fs.readFile(FIXTURE, 'utf8')).replace(/\r\n?/g, '\n');
  const m = /^---\n[\s\S]*?\n---\n/.exec(text);
  if (!m) fail(`${FIXTURE} has no front matter`);
  const front = m[0];
  let body = text.slice(front.length);
  body = body.replace(/\n*$/, '\n\n');
  return SIZES.map((n) => {
    const doc = front + body.repeat(n);
    return { n, doc, lines: doc.replace(/\n$/, '').split('\n').length };
  });
}

// ---------------------------------------------------------------------------------------------
// Servers

async function buildStock() {
  const { build } = await import('vite');
  await build({ configFile: path.join(here, 'vite.config.mts'), logLevel: 'warn' });
  if (!existsSync(path.join(STOCK_DIST, 'index.html'))) fail('the stock page did not build (bench/editor/.stock-dist/index.html missing)');
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml' };

// A bare <textarea> holding the same text: the floor for keystroke → paint in this browser.
const BASELINE_HTML = `<!doctype html><html><head><meta charset="utf-8"><title>bare textarea</title>
<style>body{margin:8px}textarea{width:620px;height:760px;font:14px/18px monospace}</style></head>
<body><textarea class="w-md-editor-text-input" spellcheck="false"></textarea>
<script>
const ta = document.querySelector('textarea');
// The same box, font and wrapping as ours' textarea (read from ours in the same run), so both lay out the same lines.
const box = window.__benchBox;
if (box) { Object.assign(ta.style, box.style); ta.spellcheck = box.spellcheck; }
ta.value = window.__benchText || '';
</script></body></html>`;

/** Ours' textarea's box, font and wrapping, read once from ours and given to the bare textarea. */
let oursTextareaBox = null;
function readTextareaBox() {
  const ta = document.querySelector('.w-md-editor-text-input');
  const cs = getComputedStyle(ta);
  const style = {};
  for (const k of ['boxSizing', 'width', 'height', 'padding', 'border', 'fontFamily', 'fontSize', 'fontWeight', 'lineHeight', 'letterSpacing', 'whiteSpace', 'overflowWrap', 'wordBreak', 'tabSize', 'fontVariantLigatures']) style[k] = cs[k];
  return { style, spellcheck: ta.spellcheck };
}

async function serveStock() {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/baseline.html') return res.writeHead(200, { 'Content-Type': TYPES['.html'], 'Cache-Control': 'no-store' }).end(BASELINE_HTML);
    const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
    const file = path.resolve(STOCK_DIST, rel);
    if (!file.startsWith(STOCK_DIST + path.sep)) return res.writeHead(404).end();
    try {
      const data = await fs.readFile(file);
      res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' }).end(data);
    } catch {
      res.writeHead(404).end('Not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => server.close(r)) };
}

/**
 * The app's server with a data folder of its own under `tmp` (never the user's: each load makes a
 * draft, and opening a file reads every draft's metadata, so a shared folder would slow every
 * later run).
 */
async function serveOurs(tmp, rendererDir = path.join(root, 'dist', 'renderer')) {
  const serverJs = path.join(root, 'dist', 'electron', 'web', 'server.js');
  if (!existsSync(serverJs)) fail('dist/electron/web/server.js is missing: run `npm run build` first (npm run bench:editor does).');
  if (!existsSync(path.join(rendererDir, 'index.html'))) fail('dist/renderer/index.html is missing: run `npm run build` first (npm run bench:editor does).');
  const { startWebServer } = require(serverJs);
  const home = await fs.mkdtemp(path.join(tmp, 'data-'));
  return startWebServer({ rendererDir, home, cacheDir: path.join(home, 'cache') });
}

/**
 * The app's server in a child process (server-child.mjs), for time to interactive: every side's
 * loads are served by a process of its own, as when the author runs the app, so that what the
 * server does while a page starts never delays the harness's keystroke (the harness and an
 * in-process server share one event loop).
 */
async function serveChild(options) {
  const { fork } = await import('node:child_process');
  const child = fork(path.join(here, 'server-child.mjs'), [JSON.stringify(options)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const url = await new Promise((resolve, reject) => {
    child.once('message', (m) => resolve(m.url));
    child.once('exit', (code) => reject(new HarnessError(`the server process exited (${code}) before answering`)));
  });
  return { url, close: () => new Promise((r) => (child.connected ? (child.once('exit', r), child.disconnect()) : r())) };
}

/** Ours (or an earlier build's renderer) for time to interactive: a data folder of its own under `tmp`, served by a child process. */
async function serveOursForTti(tmp, rendererDir = path.join(root, 'dist', 'renderer')) {
  if (!existsSync(path.join(rendererDir, 'index.html'))) fail(`${rendererDir}/index.html is missing: run \`npm run build\` first (npm run bench:editor does).`);
  const home = await fs.mkdtemp(path.join(tmp, 'data-'));
  return serveChild({ rendererDir, home, cacheDir: path.join(home, 'cache') });
}

/**
 * The start-up floor: an empty page of the same shell (same server, head and CSS; no app JS) with a
 * textarea; with `react`, the second floor: the same shell loading React and ReactDOM alone and
 * rendering the same textarea. Served by a child process, as ours is for time to interactive.
 */
async function serveShell(react = false) {
  const dir = await (react ? makeReactFloor : makeShell)(path.join(root, 'dist', 'renderer'), TEXTAREA);
  const server = await serveChild({ rendererDir: dir });
  return { url: server.url, dir, close: async () => { await server.close(); await fs.rm(dir, { recursive: true, force: true }); } };
}

// ---------------------------------------------------------------------------------------------
// Editors: how to open a document and where its textarea and preview are.

function editors({ browser, ours, oursTti, stock, shell, reactFloor, dataFloor, editorFloor, before, tmp }) {
  let seq = 0;
  const recapUrl = async (server, doc) => {
    const file = path.join(tmp, `recap-${++seq}.md`); // a fresh file per load: autosave must not leak
    await fs.writeFile(file, doc);
    return `${server.url}&file=${encodeURIComponent(file)}`;
  };
  return {
    // Time to interactive: ours served by a process of its own, like the floors.
    oursTti: {
      label: 'ours',
      preview: null,
      url: (doc) => recapUrl(oursTti, doc),
      initScript: () => null,
      ready: 'ours',
    },
    // BENCH_BEFORE: an earlier build's renderer, opened like ours (same service, same recap).
    before: {
      label: 'before',
      preview: null,
      url: (doc) => recapUrl(before, doc),
      initScript: () => null,
      ready: 'ours',
    },
    shell: {
      label: 'shell',
      preview: null,
      url: async () => shell.url,
      initScript: () => null,
      ready: 'stock',
    },
    react: {
      label: 'react',
      preview: null,
      url: async () => reactFloor.url,
      initScript: () => null,
      ready: 'stock',
    },
    // The third floor, React + data: opens the same recap through the same service (a fresh file
    // per load, as ours) and shows its body in a plain textarea.
    data: {
      label: 'data',
      preview: null,
      url: (doc) => recapUrl(dataFloor, doc),
      initScript: () => null,
      ready: 'stock',
    },
    // The fourth floor, the chosen editor component: React + data with the body in <MDEditor preview="edit">.
    editorFloor: {
      label: 'editor floor',
      preview: null,
      url: (doc) => recapUrl(editorFloor, doc),
      initScript: () => null,
      ready: 'stock',
    },
    ours: {
      label: 'ours',
      preview: '[data-testid="preview"]',
      async url(doc) {
        const file = path.join(tmp, `recap-${++seq}.md`); // a fresh file per load: autosave must not leak
        await fs.writeFile(file, doc);
        return `${ours.url}&file=${encodeURIComponent(file)}`;
      },
      initScript: () => null,
      ready: 'ours',
    },
    snapshot: {
      label: 'snapshot',
      preview: null,
      // Our page is loaded in a context of its own and serialized; the harness's page is then
      // given the snapshot at an address of our origin (the route below, set before it loads).
      async url(doc) {
        const url = await recapUrl(ours, doc);
        const html = await snapshotOf(browser, url, this.cut ?? []);
        if (this.cut === SNAPSHOT_CUTS[0]) await fs.writeFile(path.join(path.dirname(RESULTS), 'editor-snapshot.html'), html);
        this.route = { url: new URL('/__bench-snapshot.html', url).href, html };
        return this.route.url;
      },
      initScript: () => null,
      ready: 'stock',
    },
    stock: {
      label: 'stock',
      preview: '.w-md-editor-preview .wmde-markdown, .w-md-editor-preview',
      url: async () => stock.url,
      initScript: (doc) => ({ text: doc }),
      ready: 'stock',
    },
    baseline: {
      label: 'baseline',
      preview: null,
      url: async () => `${stock.url}baseline.html`,
      initScript: (doc) => ({ text: doc, box: oursTextareaBox }),
      ready: 'stock',
    },
  };
}

// Runs in the page before its own scripts: the document for the stock page, and the moment the
// renderer flips window.__recapReady (so time to interactive does not depend on polling).
function pageInit(arg) {
  if (arg && typeof arg.text === 'string') window.__benchText = arg.text;
  if (arg && arg.box) window.__benchBox = arg.box;
  let ready;
  window.__benchReadyAt = null;
  try {
    Object.defineProperty(window, '__recapReady', {
      configurable: true,
      enumerable: true,
      get: () => ready,
      set(v) {
        ready = v;
        if (v === true && window.__benchReadyAt == null) window.__benchReadyAt = performance.now();
      },
    });
  } catch {}
  window.__benchLongTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__benchLongTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
}

// Predicate for "the editor is up": ours flips __recapReady; the stock page has its textarea.
function readyPredicate(kind) {
  const ta = document.querySelector('.w-md-editor-text-input');
  if (!ta) return false;
  if (kind === 'ours' && window.__recapReady !== true) return false;
  return true;
}

async function newPage(browser, ed, doc) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  page.setDefaultTimeout(90_000);
  const errors = [];
  page.on('pageerror', (err) => errors.push(err.message));
  await page.addInitScript(pageInit, ed.initScript(doc));
  return { context, page, errors };
}

// ---------------------------------------------------------------------------------------------
// BENCH_ONLY=…,snapshot: our page without its JavaScript.

/** Our page, once ready with its preview, as static HTML: its DOM, its CSS inlined, no script. */
async function snapshotOf(browser, url, cut) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.addInitScript(pageInit, null);
    await page.goto(url);
    await page.waitForFunction(readyPredicate, 'ours', { polling: 50, timeout: 90_000 });
    await page.waitForFunction(() => (document.querySelector('[data-testid="preview"]')?.textContent ?? '').includes('Cloud-native technologies'), null, { polling: 100, timeout: 90_000 });
    await sleep(1000);
    return await page.evaluate(serializePage, cut);
  } finally {
    await context.close();
  }
}

function serializePage(cut) {
  const css = [...document.styleSheets].map((sheet) => [...sheet.cssRules].map((r) => r.cssText).join('\n')).join('\n');
  const clone = document.documentElement.cloneNode(true);
  // Form fields keep what they show: a textarea's text and an input's value as their markup.
  const live = [...document.querySelectorAll('textarea, input')];
  [...clone.querySelectorAll('textarea, input')].forEach((el, i) => {
    if (el instanceof HTMLTextAreaElement) el.textContent = live[i].value;
    else if (live[i].type !== 'file') el.setAttribute('value', live[i].value);
  });
  for (const n of clone.querySelectorAll('script, link[rel="stylesheet"], link[rel="modulepreload"], style')) n.remove();
  for (const sel of cut.filter((c) => !c.startsWith('+'))) for (const n of clone.querySelectorAll(sel)) n.remove();
  const style = document.createElement('style');
  style.textContent = [css, ...cut.filter((c) => c.startsWith('+')).map((c) => c.slice(1))].join('\n');
  clone.querySelector('head').append(style);
  return '<!doctype html>' + clone.outerHTML;
}

// ---------------------------------------------------------------------------------------------
// In-page instrumentation for the keystroke loop.

function installProbe(previewSel) {
  const ta = document.querySelector('.w-md-editor-text-input');
  const preview = previewSel ? previewSel.split(',').map((s) => document.querySelector(s.trim())).find(Boolean) : null;
  if (!ta) return 'no textarea .w-md-editor-text-input';
  if (previewSel && !preview) return `no preview element (${previewSel})`;
  const B = (window.__bench = { samples: [], cur: null, pending: [], nextPrefix: null, armed: false });
  // just after the next frame: rAF runs right before the frame, the posted task right after it
  const afterPaint = (cb) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => cb(performance.now());
      ch.port2.postMessage(null);
    });
  // On the window, in the capture phase: our editor stops a keystroke's events there (as early as
  // a page can see them), so a listener further down would never hear them.
  window.addEventListener(
    'keydown',
    (e) => {
      if (!B.armed) return;
      const s = { key: e.key, t0: e.timeStamp, prefix: B.nextPrefix, input: null, typing: null, seen: null, preview: null };
      B.samples.push(s);
      B.cur = s;
      if (s.prefix && preview) B.pending.push(s);
      else s.prefix = null;
    },
    true,
  );
  window.addEventListener('input', (e) => {
    if (e.target !== ta) return;
    const s = B.cur;
    if (!s || s.input != null) return;
    s.input = performance.now() - s.t0;
    afterPaint((t) => (s.typing = t - s.t0));
  }, true);
  if (preview)
  new MutationObserver((records) => {
    if (B.pending.length === 0) return;
    const nodes = new Set();
    for (const r of records) {
      if (r.type === 'characterData') nodes.add(r.target.parentNode ?? r.target);
      else if (r.target === preview) r.addedNodes.forEach((n) => nodes.add(n));
      else nodes.add(r.target);
    }
    const texts = [];
    for (const n of nodes) if (n.isConnected) texts.push(n.textContent ?? '');
    const now = performance.now();
    B.pending = B.pending.filter((s) => {
      if (!texts.some((t) => t.includes(s.prefix))) return true;
      s.seen = now - s.t0;
      afterPaint((t) => (s.preview = t - s.t0));
      return false;
    });
  }).observe(preview, { subtree: true, childList: true, characterData: true });
  B.wait = (i, timeout) =>
    new Promise((resolve) => {
      const start = performance.now();
      const tick = () => {
        const s = B.samples[i];
        const done = s && s.typing != null && (s.prefix == null || s.preview != null);
        if (done || performance.now() - start > timeout) resolve(!!done);
        else setTimeout(tick, 5);
      };
      tick();
    });
  return null;
}

// Caret at the end of the plain paragraph in the middle of the document (the same paragraph for
// both editors: the front matter, which only the stock textarea shows, is skipped).
function placeCaret() {
  const ta = document.querySelector('.w-md-editor-text-input');
  const v = ta.value;
  let start = 0;
  const fm = /^---\n[\s\S]*?\n---\n/.exec(v);
  if (fm) start = fm[0].length;
  const ends = [];
  let pos = start;
  for (const line of v.slice(start).split('\n')) {
    const end = pos + line.length;
    if (line.length > 80 && /^[A-Za-z0-9]/.test(line)) ends.push(end);
    pos = end + 1;
  }
  if (ends.length === 0) return -1;
  const at = ends[Math.floor((ends.length - 1) / 2)];
  ta.focus();
  ta.setSelectionRange(at, at);
  // the first warm-up keystroke scrolls the caret into view, as typing does for a user
  return at;
}

const quantile = (xs, q) => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
};
const r1 = (x) => (x == null ? null : Math.round(x * 10) / 10);
const r2 = (x) => (x == null ? null : Math.round(x * 100) / 100);

function wordLetters(count) {
  // a deterministic pseudo-random letter sequence; the growing word stays unique in the document
  let x = 12345;
  let out = '';
  for (let i = 0; i < count; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += 'abcdefghijklmnopqrstuvwxyz'[x % 26];
  }
  return out;
}

/**
 * One page of `ed` at `size`, `keys` keystrokes typed into it (after the warm-up): their samples
 * (keydown → textarea paint and → preview paint), the long tasks meanwhile and the loop's wall
 * time. `first`: the run's first pass for this side and size, the one that BENCH_TRACE traces
 * and BENCH_PROFILE profiles.
 */
async function typePass(browser, ed, size, keys, first) {
  const { context, page, errors } = await newPage(browser, ed, size.doc);
  try {
    const url = await ed.url(size.doc);
    if (ed.route) await page.route(ed.route.url, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: ed.route.html }));
    await page.goto(url);
    await page.waitForFunction(readyPredicate, ed.ready, { polling: 50, timeout: 90_000 });
    // let the first preview render and anything queued after load finish
    if (ed.preview) await page.waitForFunction((sel) => sel.split(',').some((s) => (document.querySelector(s.trim())?.textContent ?? '').includes('Cloud-native technologies')), ed.preview, { polling: 100, timeout: 90_000 }).catch(() => fail(`${ed.label} ×${size.n}: the preview (${ed.preview}) never showed the document`));
    if (ed.label === 'ours' && !oursTextareaBox) {
      oursTextareaBox = await page.evaluate(readTextareaBox);
      const b = oursTextareaBox.style;
      console.log(`[bench] the bare textarea takes ours' box: ${b.width} × ${b.height}, ${b.fontSize}/${b.lineHeight} ${b.fontFamily.split(',')[0]}, spellcheck ${oursTextareaBox.spellcheck}`);
    }
    const problem = await page.evaluate(installProbe, ed.preview);
    if (problem) fail(`${ed.label} ×${size.n}: ${problem}`);
    await sleep(1000);
    const caret = await page.evaluate(placeCaret);
    if (caret < 0) fail(`${ed.label} ×${size.n}: no paragraph to type into`);
    await sleep(300);
    const seq = ' zqxj' + wordLetters(keys);
    let word = '';
    const longBefore = await page.evaluate(() => window.__benchLongTasks.length);
    // BENCH_TRACE=1: a Chromium performance trace of the keystrokes (ours and the floor's), for DevTools.
    const trace = first && process.env.BENCH_TRACE && ed.label !== 'stock' && TRACE_SIZES.includes(size.n) ? path.join(path.dirname(RESULTS), `editor-trace-${ed.label}${ed.variant ?? ''}-x${size.n}.json`) : null;
    if (trace) {
      await fs.mkdir(path.dirname(trace), { recursive: true });
      await browser.startTracing(page, { path: trace, categories: TRACE_CATEGORIES });
    }
    const cdp = first && PROFILE_SIZE === size.n && ed.label === 'ours' ? await page.context().newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    const t0 = Date.now();
    for (let i = 0; i < seq.length; i++) {
      const ch = seq[i];
      if (ch !== ' ') word += ch;
      // the word is unique once "zqx" is typed; earlier prefixes are only warm-up
      await page.evaluate(({ p }) => {
        window.__bench.armed = true;
        window.__bench.nextPrefix = p;
      }, { p: word.length >= 3 ? word : null });
      await page.keyboard.type(ch);
      await page.evaluate(({ i, timeout }) => window.__bench.wait(i, timeout), { i, timeout: PREVIEW_TIMEOUT_MS });
      await sleep(PAUSE_MS);
    }
    const elapsed = Date.now() - t0;
    if (cdp) await saveProfile(cdp, size.n, seq.length);
    if (trace) {
      await browser.stopTracing();
      log(`  trace written to ${path.relative(root, trace)} (open it in DevTools › Performance)`);
      const summary = (traceSummaries[`${ed.label}${ed.variant ?? ''}_x${size.n}`] = await summarizeTrace(trace, seq.length));
      log(`  main-thread CPU per keystroke (ms): ${Object.entries(summary.cpu_ms_per_keystroke).map(([k, v]) => `${k} ${v}`).join(', ')}; wall/CPU ${summary.wall_over_cpu}`);
      log(`  main-thread CPU from keydown to the frame that shows it (ms): median ${summary.keystroke_frame_cpu_ms.median}, p90 ${summary.keystroke_frame_cpu_ms.p90}`);
    }
    const { samples, longTasks } = await page.evaluate((from) => ({ samples: window.__bench.samples, longTasks: window.__benchLongTasks.slice(from) }), longBefore);
    if (samples.length !== seq.length) fail(`${ed.label} ×${size.n}: ${samples.length} keydowns seen for ${seq.length} keystrokes`);
    if (errors.length) log(`${ed.label} ×${size.n}: page errors: ${errors.slice(0, 3).join(' | ')}`);
    return { measured: samples.slice(WARMUP), longTasks, elapsed };
  } finally {
    await context.close();
  }
}

/**
 * The figures of a side at a size from its passes (each a fresh page; the sides' passes
 * alternate, see TYPING_ROUNDS): keydown → textarea paint and → preview paint over all of them.
 */
function typingStats(ed, size, passes) {
  const measured = passes.flatMap((p) => p.measured);
  const longTasks = passes.flatMap((p) => p.longTasks);
  const elapsed = passes.reduce((sum, p) => sum + p.elapsed, 0);
  const typing = measured.map((s) => s.typing).filter((x) => x != null);
  const previews = measured.map((s) => s.preview).filter((x) => x != null);
  if (!ed.preview) {
    return { typing_median_ms: r1(quantile(typing, 0.5)), typing_p90_ms: r1(quantile(typing, 0.9)), keystrokes: measured.length, passes: passes.length };
  }
  const inputs = measured.map((s) => s.input).filter((x) => x != null);
  if (typing.length === 0) fail(`${ed.label} ×${size.n}: no keystroke reached the textarea's input event`);
  // The preview for keystrokes whose preview did not land within the wait counts as the wait.
  const previewAll = measured.map((s) => s.preview ?? PREVIEW_TIMEOUT_MS);
  return {
    typing_median_ms: r1(quantile(typing, 0.5)),
    typing_p90_ms: r1(quantile(typing, 0.9)),
    preview_median_ms: r1(quantile(previewAll, 0.5)),
    preview_p90_ms: r1(quantile(previewAll, 0.9)),
    keystrokes: measured.length,
    passes: passes.length,
    warmup_keystrokes: WARMUP,
    typing_max_ms: r1(Math.max(...typing)),
    preview_max_ms: r1(Math.max(...previewAll)),
    keydown_to_input_median_ms: r1(quantile(inputs, 0.5)),
    preview_seen_median_ms: r1(quantile(measured.map((s) => s.seen).filter((x) => x != null), 0.5)),
    preview_timeouts: measured.length - previews.length,
    long_tasks: longTasks.length,
    long_task_max_ms: longTasks.length ? r1(Math.max(...longTasks.map((t) => t.duration))) : 0,
    loop_seconds: r1(elapsed / 1000),
  };
}

// BENCH_PROFILE: the page's JavaScript CPU profile over the keystroke loop (open the
// .cpuprofile in DevTools), and the functions with the most self time per keystroke.
async function saveProfile(cdp, n, keystrokes) {
  const { profile } = await cdp.send('Profiler.stop');
  const file = path.join(path.dirname(RESULTS), `editor-profile-ours-x${n}.cpuprofile`);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, JSON.stringify(profile));
  const self = new Map();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  profile.samples.forEach((id, i) => {
    const f = byId.get(id).callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const top = [...self].filter(([k]) => !k.startsWith('(idle)') && !k.startsWith('(program)')).sort((a, b) => b[1] - a[1]).slice(0, 15);
  log(`  profile written to ${path.relative(root, file)}; self time per keystroke (ms):`);
  for (const [k, ms] of top) log(`    ${(ms / keystrokes).toFixed(2).padStart(6)}  ${k}`);
}

// Where the renderer's main thread spent its CPU time during the traced keystrokes (thread time,
// so it holds even when other processes slow the wall clock down).
const traceSummaries = {};
async function summarizeTrace(file, keystrokes) {
  const raw = JSON.parse(await fs.readFile(file, 'utf8'));
  const ev = raw.traceEvents ?? raw;
  const threads = new Map();
  for (const e of ev) if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') threads.set(`${e.pid}:${e.tid}`, 0);
  for (const e of ev) {
    const k = `${e.pid}:${e.tid}`;
    if (threads.has(k)) threads.set(k, threads.get(k) + 1);
  }
  const main = [...threads].sort((a, b) => b[1] - a[1])[0]?.[0];
  const xs = ev.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && e.dur != null).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const cpu = (e) => (e.tdur ?? e.dur) / 1000;
  const sum = {};
  const add = (k, v) => (sum[k] = (sum[k] ?? 0) + v);
  let wall = 0;
  let cpuAll = 0;
  // walk the event tree; attribute each event's CPU to the first bucket it falls under
  const stack = [];
  for (const e of xs) {
    while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop();
    const parents = stack.map((p) => p.bucket).filter(Boolean);
    const type = e.args?.data?.type;
    let bucket = null;
    if (e.name === 'RunTask' && stack.length === 0) {
      wall += e.dur / 1000;
      cpuAll += cpu(e);
    } else if (e.name === 'EventDispatch' && (type === 'input' || type === 'keydown' || type === 'keyup' || type === 'keypress' || type === 'textInput' || type === 'selectionchange' || type === 'beforeinput')) {
      bucket = type === 'keypress' || type === 'textInput' || type === 'beforeinput' ? 'text insertion' : `${type} handlers`;
    } else if (e.name === 'TimerFire') bucket = 'timers';
    else if (e.name === 'FireAnimationFrame') bucket = 'rAF';
    else if (e.name === 'UpdateLayoutTree') bucket = 'style';
    else if (e.name === 'Layout') bucket = 'layout';
    else if (e.name === 'PrePaint' || e.name === 'Paint' || e.name === 'Layerize' || e.name === 'Commit') bucket = 'paint';
    else if ((e.name === 'FunctionCall' || e.name === 'RunMicrotasks' || e.name === 'FireIdleCallback') && parents.length === 0) bucket = 'other script (React scheduler, effects)';
    else if (/^(MinorGC|MajorGC)$/.test(e.name)) bucket = 'gc';
    else if (e.name === 'IntersectionObserverController::computeIntersections') bucket = 'intersection observers';
    const own = bucket && !parents.includes(bucket) ? bucket : null;
    // an event inside another bucket: subtract it from that one so buckets do not overlap
    if (own) {
      add(own, cpu(e));
      const outer = parents[parents.length - 1];
      if (outer && outer !== own) add(outer, -cpu(e));
    }
    stack.push({ ts: e.ts, dur: e.dur, bucket: own ?? parents[parents.length - 1] ?? null });
  }
  const frames = keystrokeFrames(xs, cpu);
  const per = {};
  for (const [k, v] of Object.entries(sum).sort((a, b) => b[1] - a[1])) per[k] = r1(v / keystrokes);
  per['unattributed'] = r1((cpuAll - Object.values(sum).reduce((a, b) => a + b, 0)) / keystrokes);
  per['total'] = r1(cpuAll / keystrokes);
  return { keystrokes, cpu_ms_per_keystroke: per, keystroke_frame_cpu_ms: frames, wall_over_cpu: r1(wall / cpuAll), note: 'includes the harness (its MutationObserver, rAF probes, 5 ms wait polling) and timers that fire in the pauses' };
}

// The main thread's CPU time from each keystroke to the frame that shows it: the tasks from the
// keydown's to the end of the first compositor commit after the textarea's input event (thread
// time, so a busy neighbour does not inflate it as it does the wall clock). Warm-up keystrokes
// are left out, as in the timings.
function keystrokeFrames(xs, cpu) {
  const tasks = xs.filter((e) => e.name === 'RunTask');
  const ms = [];
  const keydowns = xs.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown');
  for (const kd of keydowns.slice(WARMUP)) {
    const input = xs.find((e) => e.ts > kd.ts && e.name === 'EventDispatch' && e.args?.data?.type === 'input');
    const commit = input && xs.find((e) => e.ts > input.ts && e.name === 'Commit');
    if (!commit) continue;
    const start = tasks.findLast((t) => t.ts <= kd.ts)?.ts ?? kd.ts;
    const end = commit.ts + commit.dur;
    ms.push(tasks.filter((t) => t.ts >= start && t.ts < end).reduce((a, t) => a + cpu(t), 0));
  }
  return { median: r1(quantile(ms, 0.5)), p90: r1(quantile(ms, 0.9)), keystrokes: ms.length };
}

// ---------------------------------------------------------------------------------------------
// First-paint JavaScript and time to interactive

async function measureLoad(browser, ed, doc) {
  const { context, page, errors } = await newPage(browser, ed, doc);
  try {
    const bodies = new Map();
    // Scripts' bodies are asked for after the keystroke's paint: a body fetched over the DevTools
    // protocol while the page starts queues the harness's keystroke behind it (only the pages
    // that load scripts late, ours and the stock one, would pay that).
    const scriptResponses = [];
    page.on('response', (res) => {
      const type = res.headers()['content-type'] ?? '';
      if (res.request().resourceType() === 'script' || /javascript/.test(type) || /\.m?js(\?|$)/.test(res.url())) scriptResponses.push(res);
    });
    await page.addInitScript(keyProbeScript);
    await page.goto(await ed.url(doc), { waitUntil: 'commit' });
    await typeFirstKey(page, ed.ready);
    await page.waitForLoadState('load');
    await sleep(1500); // let lazy chunks arrive, so they can be told apart from first-paint ones
    const t = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      return {
        load: nav ? nav.loadEventStart : null,
        ready: window.__benchReadyAt ?? window.__tti.detected,
        paint: window.__tti.paint,
        keydown: window.__tti.keydown,
        resources: performance.getEntriesByType('resource').map((e) => ({ name: e.name, start: e.startTime, end: e.responseEnd, initiator: e.initiatorType })),
      };
    });
    await Promise.all(
      scriptResponses.map((res) =>
        res.body().then(
          (b) => bodies.set(res.url(), b),
          () => {},
        ),
      ),
    );
    const origin = new URL(page.url()).origin;
    const scripts = t.resources.filter((e) => e.name.startsWith(origin) && bodies.has(e.name));
    const gz = (list) => list.reduce((sum, e) => sum + gzipSync(bodies.get(e.name), { level: 9 }).length, 0);
    const firstPaint = scripts.filter((e) => t.load != null && e.start < t.load);
    const byTti = scripts.filter((e) => e.start <= t.paint);
    if (firstPaint.length === 0 && !['shell', 'react', 'data', 'editor floor'].includes(ed.label)) fail(`${ed.label}: no JavaScript seen before the load event`);
    if (errors.length) log(`${ed.label} load: page errors: ${errors.slice(0, 3).join(' | ')}`);
    // The service's answer with the recap: until it arrives the page can only load code.
    const opened = t.resources.find((e) => /\/api\/(openRecap|openDraft)$/.test(e.name));
    return {
      open_answer_ms: opened ? opened.end : null,
      after_answer_ms: opened ? t.paint - opened.end : null,
      first_paint_js_kb_gz: gz(firstPaint) / KB,
      first_paint_js_files: firstPaint.map((e) => e.name.slice(origin.length)),
      all_js_kb_gz: gz(scripts) / KB,
      js_by_tti_kb_gz: gz(byTti) / KB,
      tti_ms: t.paint,
      ready_ms: t.ready,
      keydown_ms: t.keydown,
      first_key_latency_ms: t.keydown != null ? t.paint - t.keydown : null,
      load_event_ms: t.load,
    };
  } finally {
    await context.close();
  }
}

async function measureLoads(browser, ed, doc, runs = []) {
  if (runs.length === 0) for (let i = 0; i < TTI_LOADS; i++) runs.push(await measureLoad(browser, ed, doc));
  const med = (k) => r1(quantile(runs.map((r) => r[k]), 0.5));
  return {
    first_paint_js_kb_gz: med('first_paint_js_kb_gz'),
    first_paint_js_files: runs[0].first_paint_js_files,
    js_by_tti_kb_gz: med('js_by_tti_kb_gz'),
    all_js_kb_gz: med('all_js_kb_gz'),
    tti_ms: med('tti_ms'),
    tti_runs_ms: runs.map((r) => r1(r.tti_ms)),
    open_answer_ms: runs.every((r) => r.open_answer_ms != null) ? med('open_answer_ms') : null,
    after_answer_ms: runs.every((r) => r.after_answer_ms != null) ? med('after_answer_ms') : null,
    ready_ms: med('ready_ms'),
    keydown_ms: med('keydown_ms'),
    first_key_latency_ms: med('first_key_latency_ms'),
    load_event_ms: med('load_event_ms'),
  };
}

// ---------------------------------------------------------------------------------------------
// Report

const pass = (ok, have = true) => (!have ? '' : ok ? 'PASS' : 'MISS');
const fmt = (x) => (x == null ? '—' : x >= 100 ? String(Math.round(x)) : x.toFixed(1));
const pair = (o, a, b) => (o ? `${fmt(o[a])} / ${fmt(o[b])}` : '—');

function table(result) {
  const rows = [['size', 'lines', 'ours typing p50/p90', 'bare textarea (floor) p50/p90', 'ours ÷ floor p50/p90', 'ours preview p50/p90', 'stock typing p50/p90', 'stock preview p50/p90', 'keys ours/stock']];
  for (const s of result.sizes) {
    rows.push([
      `×${s.repeat}`,
      String(s.lines),
      `${pair(s.ours, 'typing_median_ms', 'typing_p90_ms')} ${pass(s.ours?.typing_p90_ms <= TARGETS.typing_p90_ms, !!s.ours)}`,
      pair(s.baseline, 'typing_median_ms', 'typing_p90_ms'),
      s.typing_p90_over_textarea != null ? `${s.typing_median_over_textarea}× / ${s.typing_p90_over_textarea}× ${pass(s.typing_p90_over_textarea <= 1.2)}` : '—',
      `${pair(s.ours, 'preview_median_ms', 'preview_p90_ms')}${s.repeat === 100 ? ' ' + pass(s.ours?.preview_p90_ms <= TARGETS.preview_p90_ms_at_x100, !!s.ours) : ''}`,
      pair(s.stock, 'typing_median_ms', 'typing_p90_ms'),
      pair(s.stock, 'preview_median_ms', 'preview_p90_ms'),
      `${s.ours?.keystrokes ?? '—'}/${s.stock?.keystrokes ?? '—'}`,
    ]);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (r) => r.map((cell, c) => cell.padEnd(widths[c])).join(' | ');
  const out = result.sizes.length ? [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.slice(1).map(line)] : ['(BENCH_ONLY=tti: start-up only, no typing)'];
  const o = result.load.ours ?? {};
  const st = result.load.stock ?? {};
  // The second floor, on lines of its own (never in the ratio's place): what the browser spends on a
  // keystroke in our page's DOM and CSS with no script of ours; with BENCH_TRACE, the main thread's CPU too.
  const withPage = result.sizes.filter((s) => s.snapshot_0);
  if (withPage.length) {
    out.push('');
    out.push('second floor, our page without its JavaScript (its DOM, form values and CSS once ready, no script; typed into with the same harness):');
    for (const s of withPage) {
      const cpu = (label) => result[`trace_${label}_x${s.repeat}`]?.keystroke_frame_cpu_ms?.median;
      const [co, cp, cb] = [cpu('ours'), cpu('snapshot0'), cpu('baseline')];
      const cpuText = co != null && cp != null && cb != null ? `; main-thread CPU keydown → frame, median: ours ${co}, page ${cp}, textarea ${cb} ms (ours ÷ page ${r2(co / cp)}×, page ÷ textarea ${r2(cp / cb)}×)` : '';
      out.push(`  ×${s.repeat}: typing ${pair(s.snapshot_0, 'typing_median_ms', 'typing_p90_ms')} — ours ÷ it, p90 ${s.typing_p90_over_page_without_js ?? '—'}×; it ÷ the bare textarea ${s.page_without_js_p90_over_textarea ?? '—'}×${cpuText}`);
    }
  }
  out.push('');
  out.push(`first-paint JS (kB gz): ours ${fmt(result.first_paint_js_kb_gz)} ${pass(result.first_paint_js_kb_gz <= TARGETS.first_paint_js_kb_gz, result.first_paint_js_kb_gz != null)} (target ≤ ${TARGETS.first_paint_js_kb_gz}; ${fmt(o.js_by_tti_kb_gz)} by TTI, ${fmt(o.all_js_kb_gz)} in all) | stock ${fmt(result.stock_first_paint_js_kb_gz)}`);
  out.push(`time to interactive (ms, median of ${TTI_LOADS}, reference recap): ours ${fmt(result.tti_ms)} vs empty shell ${fmt(result.shell_tti_ms)} (${result.tti_over_shell ?? '—'}× ${pass(result.tti_over_shell != null && result.tti_over_shell <= 1.2, result.tti_over_shell != null)}, target ≤ 1.2×)`);
  if (result.before_tti_ms != null) out.push(`  before (BENCH_BEFORE, same alternation): ${fmt(result.before_tti_ms)} (${result.before_over_shell}× the shell; the service's answer at ${fmt(result.load.before.open_answer_ms)}, then ${fmt(result.load.before.after_answer_ms)} to the keystroke's paint)`);
  if (result.react_only_tti_ms != null) out.push(`  second floor, React alone (the shell loading React and ReactDOM, rendering the textarea): ${fmt(result.react_only_tti_ms)} (${r2(result.react_only_tti_ms / result.shell_tti_ms)}× the shell)`);
  if (result.react_data_tti_ms != null) out.push(`  third floor, React + data (the same page's scripts, React opening the same recap through the same server, its body in a plain textarea): ${fmt(result.react_data_tti_ms)} (${r2(result.react_data_tti_ms / result.shell_tti_ms)}× the shell; ours ${result.tti_over_react_data}× it${result.before_tti_ms != null ? `, before ${r2(result.before_tti_ms / result.react_data_tti_ms)}×` : ''}; the answer at ${fmt(result.load.data.open_answer_ms)})`);
  if (result.editor_floor_tti_ms != null) out.push(`  fourth floor, the chosen editor component (React + data with the body in <MDEditor preview="edit"> and its stylesheet, nothing of ours): ${fmt(result.editor_floor_tti_ms)} (${r2(result.editor_floor_tti_ms / result.shell_tti_ms)}× the shell; ours ${result.tti_over_editor_floor}× it${result.before_tti_ms != null ? `, before ${r2(result.before_tti_ms / result.editor_floor_tti_ms)}×` : ''}; the answer at ${fmt(result.load.editorFloor.open_answer_ms)}, then ${fmt(result.load.editorFloor.after_answer_ms)} to the keystroke's paint)`);
  out.push(`  ours ${fmt(result.tti_ms)} (the recap's answer from the service at ${fmt(o.open_answer_ms)}, then ${fmt(o.after_answer_ms)} of ours to the keystroke's paint; ready at ${fmt(o.ready_ms)}, first keystroke ${fmt(o.first_key_latency_ms)}) | stock ${fmt(result.stock_tti_ms)} (textarea at ${fmt(st.ready_ms)}, first keystroke ${fmt(st.first_key_latency_ms)})`);
  const busy = result.meta.loadavg_max > result.meta.cpus;
  out.push(`machine: ${result.meta.cpus} cores, load average ${result.meta.loadavg_min}–${result.meta.loadavg_max} during the run${busy ? ' — BUSY: other processes competed for the CPU, figures are inflated and noisy' : ''}`);
  out.push(`targets: typing p90 ≤ ${TARGETS.typing_p90_ms} ms at every size; preview p90 ≤ ${TARGETS.preview_p90_ms_at_x100} ms at ×100. Times are ms from keydown to the next frame; ${WARMUP} warm-up keystrokes not counted; ${PAUSE_MS} ms pause after each preview lands (or ${PREVIEW_TIMEOUT_MS} ms; a preview that never landed counts as ${PREVIEW_TIMEOUT_MS}).`);
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------

const loadSamples = [];
const sampleLoad = () => loadSamples.push(os.loadavg()[0]);

async function main() {
  const started = Date.now();
  sampleLoad();
  const loadTimer = setInterval(sampleLoad, 5000);
  loadTimer.unref();
  let chromiumExe;
  try {
    chromiumExe = chromiumPath();
  } catch (e) {
    fail(e.message);
  }
  const { chromium } = await import('playwright-core');
  const docs = await documents();
  // BENCH_ONLY=stock (or ours) runs one side only, for working on the harness itself;
  // BENCH_ONLY=tti runs only the start-up part (ours and the four floors; no typing).
  const ttiOnly = process.env.BENCH_ONLY === 'tti';
  const only = ttiOnly ? ['ours'] : (process.env.BENCH_ONLY ?? 'ours,stock,baseline,snapshot').split(',');
  if (only.includes('snapshot') && !only.includes('ours')) fail('BENCH_ONLY=…,snapshot needs ours too (its server serves the page the snapshot is taken of)');
  if (!ttiOnly) {
    log('building the stock page…');
    await buildStock();
  }
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'recap-bench-'));
  const ours = only.includes('ours') ? await serveOurs(tmp) : null;
  const stock = ttiOnly ? null : await serveStock();
  const shell = await serveShell();
  const reactFloor = await serveShell(true);
  const dataDir = await makeDataFloor(path.join(root, 'dist', 'renderer'));
  const dataFloor = await serveOursForTti(tmp, dataDir);
  const editorDir = await makeEditorFloor(path.join(root, 'dist', 'renderer'));
  const editorFloor = await serveOursForTti(tmp, editorDir);
  // BENCH_BEFORE=<an earlier build's dist/renderer>: its time to interactive too, in the same alternation.
  const oursTti = ours ? await serveOursForTti(tmp) : null;
  const before = process.env.BENCH_BEFORE ? await serveOursForTti(tmp, path.resolve(process.env.BENCH_BEFORE)) : null;
  const browser = await chromium.launch({ executablePath: chromiumExe, args: CHROMIUM_ARGS });
  try {
    const eds = editors({ browser, ours, oursTti, stock, shell, reactFloor, dataFloor, editorFloor, before, tmp });
    const result = { sizes: [], first_paint_js_kb_gz: null, tti_ms: null };
    for (const size of ttiOnly ? [] : docs) {
      const entry = { lines: size.lines, repeat: size.n, ours: null, stock: null, baseline: null };
      const sides = ['ours', 'stock', 'baseline', 'snapshot']
        .filter((w) => only.includes(w) && KEYS[w][size.n] > 0)
        .flatMap((which) => (which === 'snapshot' ? SNAPSHOT_CUTS : [null]).map((cut, i) => ({ which, cut, i, key: cut ? `snapshot_${i}` : which, passes: [] })));
      // The sides take turns, a fresh page each, one pass per round, each round starting one side
      // further on: a machine that slows down over the run slows every side alike.
      for (let r = 0; r < TYPING_ROUNDS; r++) {
        for (const side of [...sides.slice(r % sides.length), ...sides.slice(0, r % sides.length)]) {
          const { which, cut, i } = side;
          log(`${which} ×${size.n} (${size.lines} lines)${cut?.length ? `, variant ${i}: ${cut.join(', ')}` : ''}, round ${r + 1} of ${TYPING_ROUNDS}…`);
          if (cut) Object.assign(eds.snapshot, { cut, variant: i });
          side.passes.push(await typePass(browser, eds[which], size, Math.ceil(KEYS[which][size.n] / TYPING_ROUNDS), r === 0));
        }
      }
      for (const { which, key, passes } of sides) {
        const e = (entry[key] = typingStats(eds[which], size, passes));
        log(`${key} ×${size.n}: typing p50 ${e.typing_median_ms} p90 ${e.typing_p90_ms}` + (e.preview_p90_ms != null ? ` · preview p50 ${e.preview_median_ms} p90 ${e.preview_p90_ms}` : '') + ` (${e.keystrokes} keys)`);
      }
      result.sizes.push(entry);
    }
    log('first paint and time to interactive…');
    // Ours and the four floors alternate, so that a noisy neighbour slows all alike.
    const oursRuns = [];
    const shellRuns = [];
    const reactRuns = [];
    const dataRuns = [];
    const editorFloorRuns = [];
    const beforeRuns = [];
    for (let i = 0; i < TTI_LOADS && ours; i++) {
      // Ours and the earlier build take turns at going first: the load right after another one
      // pays for what that one's server and browser still do (an A/A run, this build against
      // itself, gave the second 454 ms against the first's 424 when the order was fixed).
      if (before && i % 2 === 0) beforeRuns.push(await measureLoad(browser, eds.before, docs[0].doc));
      oursRuns.push(await measureLoad(browser, eds.oursTti, docs[0].doc));
      if (before && i % 2 === 1) beforeRuns.push(await measureLoad(browser, eds.before, docs[0].doc));
      shellRuns.push(await measureLoad(browser, eds.shell, docs[0].doc));
      reactRuns.push(await measureLoad(browser, eds.react, docs[0].doc));
      dataRuns.push(await measureLoad(browser, eds.data, docs[0].doc));
      editorFloorRuns.push(await measureLoad(browser, eds.editorFloor, docs[0].doc));
    }
    const load = {
      ours: ours ? await measureLoads(browser, eds.oursTti, docs[0].doc, oursRuns) : null,
      shell: ours ? await measureLoads(browser, eds.shell, docs[0].doc, shellRuns) : null,
      react: ours ? await measureLoads(browser, eds.react, docs[0].doc, reactRuns) : null,
      data: ours ? await measureLoads(browser, eds.data, docs[0].doc, dataRuns) : null,
      editorFloor: ours ? await measureLoads(browser, eds.editorFloor, docs[0].doc, editorFloorRuns) : null,
      before: before ? await measureLoads(browser, eds.before, docs[0].doc, beforeRuns) : null,
      stock: only.includes('stock') ? await measureLoads(browser, eds.stock, docs[0].doc) : null,
    };
    result.first_paint_js_kb_gz = load.ours?.first_paint_js_kb_gz ?? null;
    result.tti_ms = load.ours?.tti_ms ?? null;
    result.shell_tti_ms = load.shell?.tti_ms ?? null;
    result.tti_over_shell = result.tti_ms != null && result.shell_tti_ms ? r2(result.tti_ms / result.shell_tti_ms) : null;
    result.react_only_tti_ms = load.react?.tti_ms ?? null;
    result.react_data_tti_ms = load.data?.tti_ms ?? null;
    result.tti_over_react_data = result.tti_ms != null && result.react_data_tti_ms ? r2(result.tti_ms / result.react_data_tti_ms) : null;
    result.editor_floor_tti_ms = load.editorFloor?.tti_ms ?? null;
    result.tti_over_editor_floor = result.tti_ms != null && result.editor_floor_tti_ms ? r2(result.tti_ms / result.editor_floor_tti_ms) : null;
    if (load.before) {
      result.before_tti_ms = load.before.tti_ms;
      result.before_over_shell = r2(load.before.tti_ms / result.shell_tti_ms);
    }
    for (const s of result.sizes) {
      if (s.ours && s.baseline) s.typing_p90_over_textarea = r2(s.ours.typing_p90_ms / s.baseline.typing_p90_ms);
      if (s.ours && s.baseline) s.typing_median_over_textarea = r2(s.ours.typing_median_ms / s.baseline.typing_median_ms);
      // The second floor: our page without its JavaScript (its first variant when bisecting).
      const page = s.snapshot_0;
      if (s.ours && page) s.typing_p90_over_page_without_js = r2(s.ours.typing_p90_ms / page.typing_p90_ms);
      if (page && s.baseline) s.page_without_js_p90_over_textarea = r2(page.typing_p90_ms / s.baseline.typing_p90_ms);
      if (s.ours?.preview_p90_ms != null && s.baseline) s.preview_p90_minus_textarea_ms = r1(s.ours.preview_p90_ms - s.baseline.typing_p90_ms);
    }
    result.stock_first_paint_js_kb_gz = load.stock?.first_paint_js_kb_gz ?? null;
    result.stock_tti_ms = load.stock?.tti_ms ?? null;
    result.load = load;
    const x100 = result.sizes.find((s) => s.repeat === 100);
    result.targets = {
      typing_p90_ms: { target: TARGETS.typing_p90_ms, pass: !!ours && result.sizes.length > 0 && result.sizes.every((s) => s.ours.typing_p90_ms <= TARGETS.typing_p90_ms) },
      preview_p90_ms_at_x100: { target: TARGETS.preview_p90_ms_at_x100, pass: !!x100?.ours && x100.ours.preview_p90_ms <= TARGETS.preview_p90_ms_at_x100 },
      first_paint_js_kb_gz: { target: TARGETS.first_paint_js_kb_gz, pass: result.first_paint_js_kb_gz != null && result.first_paint_js_kb_gz <= TARGETS.first_paint_js_kb_gz },
    };
    result.meta = {
      date: new Date().toISOString(),
      chromium: browser.version(),
      node: process.version,
      cpus: os.cpus().length,
      fixture: path.relative(root, FIXTURE),
      kb: KB,
      warmup_keystrokes: WARMUP,
      pause_ms: PAUSE_MS,
      preview_timeout_ms: PREVIEW_TIMEOUT_MS,
      seconds: Math.round((Date.now() - started) / 1000),
      loadavg_min: (sampleLoad(), r1(Math.min(...loadSamples))),
      loadavg_max: r1(Math.max(...loadSamples)),
    };
    for (const [key, summary] of Object.entries(traceSummaries)) result[`trace_${key}`] = summary;
    await fs.mkdir(path.dirname(RESULTS), { recursive: true });
    await fs.writeFile(RESULTS, JSON.stringify(result, null, 2) + '\n');
    console.log(table(result));
    console.log(`\nwritten to ${path.relative(process.cwd(), RESULTS) || RESULTS} in ${result.meta.seconds} s`);
  } finally {
    await browser.close().catch(() => {});
    await ours?.close().catch(() => {});
    await stock?.close().catch(() => {});
    await shell.close().catch(() => {});
    await reactFloor.close().catch(() => {});
    await dataFloor.close().catch(() => {});
    await fs.rm(dataDir, { recursive: true, force: true }).catch(() => {});
    await editorFloor.close().catch(() => {});
    await fs.rm(editorDir, { recursive: true, force: true }).catch(() => {});
    await before?.close().catch(() => {});
    await oursTti?.close().catch(() => {});
    await fs.rm(tmp, { recursive: true, force: true }).catch(() => {});
  }
}

main().catch((err) => {
  console.error(`bench:editor failed: ${err instanceof HarnessError ? err.message : (err?.stack ?? err)}`);
  process.exit(1);
});
