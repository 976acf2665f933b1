// One measurement of service.mjs in a fresh process, so module loading and V8's compiling are
// paid as at the app's start. Options as JSON in argv[2]; answers the figures over IPC.
//
//   { task: 'list', dist, home, cacheDir, warmCalls }  the first homeData (cold) and the median
//       of the next warmCalls (warm); dist null is the floor: readdir, then every meta.json read
//       and parsed (cold) or stat'ed (warm), the least a listing that goes by the disk does.
//   { task: 'open', dist, home, cacheDir, recap, delay, warmUp }  the service made as a door makes
//       it (with the door's warm-up, service/warm-start.ts, when warmUp and the build has one),
//       then openRecap of `recap` asked `delay` ms after its modules began to load and lintRecap of its text right after.

import { existsSync, promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const require = createRequire(import.meta.url);
const opts = JSON.parse(process.argv[2]);
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
/** This process's CPU time so far (user + system, every thread), ms. */
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function floorList() {
  const drafts = path.join(opts.home, 'drafts');
  const c = cpu();
  const t = performance.now();
  const ids = (await fs.readdir(drafts)).filter((n) => /^[a-z0-9]{4,16}-[0-9a-f]{6}$/.test(n));
  await Promise.all(ids.map(async (id) => JSON.parse(await fs.readFile(path.join(drafts, id, 'meta.json'), 'utf8'))));
  const cold = performance.now() - t;
  const coldCpu = cpu() - c;
  const warm = [];
  const w0 = cpu();
  for (let i = 0; i < opts.warmCalls; i++) {
    const w = performance.now();
    const again = (await fs.readdir(drafts)).filter((n) => /^[a-z0-9]{4,16}-[0-9a-f]{6}$/.test(n));
    await Promise.all(again.map((id) => fs.stat(path.join(drafts, id, 'meta.json'))));
    warm.push(performance.now() - w);
  }
  return { load_ms: 0, cold_ms: cold, warm_ms: median(warm), cold_cpu_ms: coldCpu, warm_cpu_ms: (cpu() - w0) / opts.warmCalls, drafts: ids.length };
}

function makeService() {
  const t = performance.now();
  const { createRecapService } = require(path.join(opts.dist, 'electron', 'service', 'service.js'));
  const service = createRecapService({ home: opts.home, cacheDir: opts.cacheDir });
  return { service, load_ms: performance.now() - t };
}

async function list() {
  if (opts.dist === null) return floorList();
  const { service, load_ms } = makeService();
  const c = cpu();
  let t = performance.now();
  const first = await service.homeData({});
  const cold = performance.now() - t;
  const coldCpu = cpu() - c;
  const warm = [];
  const w0 = cpu();
  for (let i = 0; i < opts.warmCalls; i++) {
    t = performance.now();
    await service.homeData({});
    warm.push(performance.now() - t);
  }
  return { load_ms, cold_ms: cold, warm_ms: median(warm), cold_cpu_ms: coldCpu, warm_cpu_ms: (cpu() - w0) / opts.warmCalls, drafts: first.drafts.length };
}

async function open() {
  const started = performance.now();
  const made = makeService();
  const warmStart = path.join(opts.dist, 'electron', 'service', 'warm-start.js');
  const warm = opts.warmUp && existsSync(warmStart) ? require(warmStart).warmHome(made.service) : null;
  const service = warm?.service ?? made.service;
  const wait = started + opts.delay - performance.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  const asked = performance.now() - started;
  let t = performance.now();
  const opened = await service.openRecap({ path: opts.recap });
  const open_ms = performance.now() - t;
  t = performance.now();
  const problems = await service.lintRecap({ text: opened.text, path: opened.path });
  const lint_ms = performance.now() - t;
  await warm?.settled();
  return { load_ms: made.load_ms, asked_ms: asked, open_ms, lint_ms, problems: problems.length };
}

const result = opts.task === 'list' ? await list() : await open();
process.send(result, () => process.exit(0));
