// Where a load's JavaScript CPU goes, from a DevTools CPU profile (.cpuprofile): self time by
// source module when the build is unminified (`npx vite build --config renderer/vite.config.mts
// --minify false` keeps a `// path` line above each module), else by chunk file. React, ReactDOM
// and the scheduler are one row (what the React floor pays too); ours are grouped by folder;
// V8's own work (parse, compile, GC) and the browser's native calls keep their names.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const MARK = /^\/\/ ((?:node_modules|renderer|electron)\/\S+)$/;

/** For each .js file of `assetsDir`: the line where each module starts. */
function moduleStarts(assetsDir) {
  const starts = new Map();
  if (!existsSync(assetsDir)) return starts;
  for (const f of readdirSync(assetsDir).filter((n) => n.endsWith('.js'))) {
    const marks = [];
    readFileSync(path.join(assetsDir, f), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        const m = MARK.exec(line);
        if (m) marks.push([i, m[1]]);
      });
    starts.set(f, marks);
  }
  return starts;
}

function rowOf(frame, starts) {
  const file = frame.url.split('/').pop() ?? '';
  if (!frame.url) {
    if (frame.functionName === '(program)') return 'V8 and the browser outside JS (parse, compile, native)';
    if (frame.functionName === '(garbage collector)') return 'garbage collection';
    return `native: ${frame.functionName || '(anonymous)'}`;
  }
  const marks = starts.get(file);
  if (!marks || marks.length === 0) return /^https?:/.test(frame.url) ? `chunk: ${file.replace(/-[\w-]{8}\.js$/, '.js')}` : 'injected (the harness)';
  let module = `chunk: ${file.replace(/-[\w-]{8}\.js$/, '.js')} (runtime)`;
  for (const [line, name] of marks) {
    if (line > frame.lineNumber) break;
    module = name;
  }
  if (/^node_modules\/(react|react-dom|scheduler)\//.test(module)) return 'React, ReactDOM, scheduler';
  if (module.startsWith('node_modules/')) return `npm: ${module.split('/')[1]}`;
  return module.split('/').slice(0, 2).join('/');
}

/** Self time (ms) per row, idle left out, largest first. */
export function selfTimeByModule(profile, assetsDir) {
  const starts = moduleStarts(assetsDir);
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const rows = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const frame = nodes.get(profile.samples[i])?.callFrame;
    if (!frame || frame.functionName === '(idle)') continue;
    const row = rowOf(frame, starts);
    rows.set(row, (rows.get(row) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  }
  return [...rows].sort((a, b) => b[1] - a[1]);
}
