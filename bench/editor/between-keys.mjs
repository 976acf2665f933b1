// `node bench/editor/between-keys.mjs bench/results/editor-trace-ours-x100.json` (a trace that
// `BENCH_TRACE=1 npm run bench:editor` wrote): the page's own script after each keystroke's frame,
// which is the work between keystrokes (the transition that applies the edit: the document, undo,
// preview, photo uses, word count, effects). Per measured keystroke: the main thread's CPU time
// of the page's script (functions from /assets/; the harness's probes are not) from the commit
// of the frame that shows the keystroke to the next keydown, the number of such calls, and the
// wall time from keydown to the end of the last one. Thread time, so a busy machine inflates it
// far less than the wall clock; compare two builds' traces taken back to back.
import { readFileSync } from 'node:fs';

const WARMUP = 5; // as in run.mjs: the first keystrokes build the watched word
const file = process.argv[2];
if (!file) {
  console.error('usage: node bench/editor/between-keys.mjs <trace.json>');
  process.exit(2);
}
const raw = JSON.parse(readFileSync(file, 'utf8'));
const events = raw.traceEvents ?? raw;
// The page's main thread: the one that dispatched the keydowns.
const thread = (e) => `${e.pid}:${e.tid}`;
const first = events.find((e) => e.ph === 'X' && e.name === 'EventDispatch' && e.args?.data?.type === 'keydown');
const xs = first ? events.filter((e) => thread(e) === thread(first) && e.ph === 'X' && e.dur != null).sort((a, b) => a.ts - b.ts) : [];
const keydowns = xs.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown');
const cpu = (e) => (e.tdur ?? e.dur) / 1000;
const quantile = (a, p) => [...a].sort((x, y) => x - y)[Math.min(a.length - 1, Math.floor(p * a.length))];
const script = [];
const calls = [];
const wall = [];
for (let k = WARMUP; k < keydowns.length; k++) {
  const t0 = keydowns[k].ts;
  const t1 = Math.min(keydowns[k + 1]?.ts ?? Infinity, t0 + 120_000);
  const input = xs.find((e) => e.ts > t0 && e.name === 'EventDispatch' && e.args?.data?.type === 'input');
  const commit = input && xs.find((e) => e.ts > input.ts && e.name === 'Commit');
  if (!commit) continue;
  const ours = xs.filter((e) => e.ts > commit.ts && e.ts < t1 && e.name === 'FunctionCall' && /\/assets\//.test(e.args?.data?.url ?? ''));
  script.push(ours.reduce((a, e) => a + cpu(e), 0));
  calls.push(ours.length);
  const last = ours.at(-1);
  if (last) wall.push((last.ts + last.dur - t0) / 1000);
}
if (script.length === 0) {
  console.error(`${file}: no keystroke with a frame after it`);
  process.exit(1);
}
const fmt = (a) => `median ${quantile(a, 0.5).toFixed(1)}, p90 ${quantile(a, 0.9).toFixed(1)}`;
console.log(`${script.length} keystrokes: our script's CPU after the keystroke's frame (ms) ${fmt(script)}; calls ${fmt(calls)}; keydown to the end of the last (ms, wall) ${fmt(wall)}`);
