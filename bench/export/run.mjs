// Export benchmark: `npm run bench:export` (builds dist/ first).
//
// A recap with 10 and 100 web-ready photos (1,000 with BENCH_LARGE=1) (synthetic 2000-px JPEGs of ≈300–600 KB, generated once into
// the temp dir) is exported by Recap Studio to a folder and to a .zip — the whole export: plan,
// preflight (image headers read for the size limits), staging, moving into place, manifest —
// side by side in the same run with `cp -r` of the same files and `zip -r` (Debian zip) of the
// exported folder. Each runs BENCH_ROUNDS times (default 9) after two warm-ups, each from a
// flushed disk (`sync` first), ours and cp in alternating order; medians are reported.
// Writes bench/results/export.json. Always exits 0: figures, not a gate.

import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const require = createRequire(import.meta.url);

// Scaling: 10 and 100 photos by default (BENCH_LARGE=1 adds 1,000; BENCH_SIZES overrides).
const LARGE = process.env.BENCH_LARGE === '1';
const SIZES = (process.env.BENCH_SIZES ?? process.env.BENCH_PHOTOS ?? (LARGE ? '10,100,1000' : '10,100')).split(',').map(Number).filter((n) => n > 0);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 9));
const TARGET_RATIO = 1.2;
/** Rounds run first and not counted: module loading and the JIT settle. */
const WARMUP = 2;
// BENCH_DURABLE=1 measures exportRecap's `durable` mode (every file fsynced before it is moved in).
const DURABLE = process.env.BENCH_DURABLE === '1';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function loadExport() {
  const file = path.join(root, 'dist', 'electron', 'service', 'export', 'export.js');
  if (!existsSync(file)) {
    console.error(`${path.relative(root, file)} is missing: run "npm run build:node" first (npm run bench:export does).`);
    process.exit(0);
  }
  return require(file);
}

/** BENCH_BEFORE=<a dist folder of an earlier build>: its exportRecap runs in the same rounds, for before/after under the same load. */
function loadBefore() {
  const dir = process.env.BENCH_BEFORE;
  if (!dir) return null;
  return require(path.join(path.resolve(dir), 'electron', 'service', 'export', 'export.js')).exportRecap;
}

function which(cmd) {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** The draft: recap.md linking 50 photos in the mirrored static/images/news/<dir>/ beside it. */
async function generateDraft(PHOTOS) {
  const dir = path.join(os.tmpdir(), `recap-studio-bench-export-v2-${PHOTOS}`);
  const marker = path.join(dir, 'complete');
  if (existsSync(marker)) return dir;
  await fs.rm(dir, { recursive: true, force: true });
  const images = path.join(dir, 'static', 'images', 'news', 'bench-event');
  await fs.mkdir(images, { recursive: true });
  const sharp = require(require.resolve('sharp', { paths: [root] }));
  const W = 2000;
  const H = 1333;
  const STEP = 12;
  const baseW = W + STEP * PHOTOS;
  process.stdout.write(`Generating ${PHOTOS} web-ready 2000-px JPEGs in ${dir} (once)…`);
  // Gradients, waves and sensor-like noise: photo-like detail, ≈300–600 KB at quality 82–91.
  const raw = Buffer.alloc(baseW * H * 3);
  let seed = 20211102;
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < baseW; x++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const n = ((seed >> 8) % 25) - 12;
      const i = (y * baseW + x) * 3;
      raw[i] = Math.max(0, Math.min(255, (x / baseW) * 230 + 12 + n));
      raw[i + 1] = Math.max(0, Math.min(255, (y / H) * 230 + 12 + n));
      raw[i + 2] = Math.max(0, Math.min(255, 128 + 100 * Math.sin(x / 90) * Math.cos(y / 70) + n));
    }
  }
  const lines = [];
  for (let k = 0; k < PHOTOS; k++) {
    const name = `photo-${String(k + 1).padStart(PHOTOS >= 100 ? 4 : 2, '0')}.jpg`;
    await sharp(raw, { raw: { width: baseW, height: H, channels: 3 } })
      .extract({ left: k * STEP, top: 0, width: W, height: H })
      .jpeg({ quality: 82 + (k % 4) * 3, mozjpeg: true })
      .toFile(path.join(images, name));
    lines.push(`![Moment ${k + 1} of the event](/images/news/bench-event/${name})`, '');
    process.stdout.write('.');
  }
  const recap = [
    '---',
    'title: "Bench Event Recap"',
    'keywords: "Community, Kubernetes"',
    `description: "${PHOTOS} photos from the bench event."`,
    'createTime: "2024-06-12"',
    'author: "Bench"',
    '---',
    '',
    '## Bench Event',
    '',
    'It was a day with many photos.',
    '',
    ...lines,
  ].join('\n');
  await fs.writeFile(path.join(dir, 'bench-event.md'), recap);
  await fs.writeFile(marker, '');
  process.stdout.write(' done\n');
  return dir;
}

/**
 * Each measurement starts from the same state: the previous step's written data flushed
 * (`sync`), so that no tool pays for another's background writeback.
 */
async function timed(fn) {
  execFileSync('sync');
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

async function measure(PHOTOS) {
  const { exportRecap } = loadExport();
  const exportBefore = loadBefore();
  const draft = await generateDraft(PHOTOS);
  const recapPath = path.join(draft, 'bench-event.md');
  const imagesDir = path.join(draft, 'static', 'images', 'news', 'bench-event');
  const names = (await fs.readdir(imagesDir)).filter((n) => n.endsWith('.jpg'));
  let bytes = 0;
  for (const n of names) bytes += (await fs.stat(path.join(imagesDir, n))).size;
  const sizes = await Promise.all(names.map(async (n) => (await fs.stat(path.join(imagesDir, n))).size));
  const zipCli = which('zip');
  if (!zipCli) console.log('zip is not installed (apt-get install -y zip): the zip -r baseline is skipped.');

  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'recap-bench-export-'));
  const dataDir = path.join(work, 'data');
  const times = { folder: [], cp: [], zip: [], zipCli: [], before: [] };
  try {
    for (let round = 0; round < WARMUP + ROUNDS; round++) {
      const warm = round < WARMUP;
      const r = path.join(work, `r${round}`);
      await fs.mkdir(r);
      // Each export is a fresh one: the manifest of the previous round must not make it an update.
      await fs.rm(dataDir, { recursive: true, force: true });
      await fs.rm(path.join(draft, '.bench-event.md.recap-export.json'), { force: true });

      const out = path.join(r, 'out');
      const ours = () => timed(async () => {
        const report = await exportRecap({ recapPath, target: { kind: 'folder', dir: out } }, { dataDir, git: false, durable: DURABLE });
        if (!report.written || report.added.length !== PHOTOS + 1) throw new Error(`unexpected export: ${JSON.stringify(report.problems)}`);
      });
      // The same files, copied by cp: the recap and its image tree.
      const cpOut = path.join(r, 'cp');
      const cp = () => timed(async () => {
        execFileSync('cp', ['-r', draft, cpOut]);
      });
      // The earlier build (BENCH_BEFORE) runs first in even rounds and after ours and cp in odd ones.
      const before = async () => {
        const ms = await timed(async () => {
          await exportBefore({ recapPath, target: { kind: 'folder', dir: path.join(r, 'before') } }, { dataDir: path.join(dataDir, 'before'), git: false, durable: DURABLE });
        });
        await fs.rm(path.join(draft, '.bench-event.md.recap-export.json'), { force: true });
        return ms;
      };
      let beforeMs = NaN;
      if (exportBefore && round % 2 === 0) beforeMs = await before();
      // Alternate which goes first, so that neither always runs on a fresher cache.
      let folderMs;
      let cpMs;
      if (round % 2 === 0) {
        folderMs = await ours();
        cpMs = await cp();
      } else {
        cpMs = await cp();
        folderMs = await ours();
      }
      if (exportBefore && round % 2 === 1) beforeMs = await before();
      const zipFile = path.join(r, 'export.zip');
      const zipMs = await timed(async () => {
        await exportRecap({ recapPath, target: { kind: 'zip', file: zipFile } }, { dataDir, git: false, durable: DURABLE });
      });
      let zipCliMs = NaN;
      if (zipCli) {
        const cliFile = path.join(r, 'cli.zip');
        zipCliMs = await timed(async () => {
          execFileSync(zipCli, ['-r', '-q', cliFile, '.'], { cwd: out });
        });
      }
      if (!warm) {
        times.folder.push(folderMs);
        times.cp.push(cpMs);
        times.zip.push(zipMs);
        times.zipCli.push(zipCliMs);
        times.before.push(beforeMs);
      }
      await fs.rm(r, { recursive: true, force: true });
    }
  } finally {
    await fs.rm(work, { recursive: true, force: true });
    await fs.rm(path.join(draft, '.bench-event.md.recap-export.json'), { force: true });
  }

  if (process.env.BENCH_VERBOSE) console.log(JSON.stringify(times, (k, v) => (typeof v === 'number' ? Math.round(v) : v)));
  const m1 = (xs) => Number(median(xs).toFixed(1));
  const result = {
    photos: PHOTOS,
    bytes,
    folder_ms: m1(times.folder),
    cp_ms: m1(times.cp),
    zip_ms: m1(times.zip),
    zip_cli_ms: zipCli ? m1(times.zipCli) : null,
  };
  result.folder_over_cp = Number((result.folder_ms / result.cp_ms).toFixed(2));
  if (exportBefore) {
    result.before_ms = m1(times.before);
    result.before_over_cp = Number((result.before_ms / result.cp_ms).toFixed(2));
  }
  result.zip_over_zip_cli = result.zip_cli_ms ? Number((result.zip_ms / result.zip_cli_ms).toFixed(2)) : null;
  result.folder_ms_per_photo = Number((result.folder_ms / PHOTOS).toFixed(2));
  result.cp_ms_per_photo = Number((result.cp_ms / PHOTOS).toFixed(2));
  const mb = (bytes / (1024 * 1024)).toFixed(1);
  const kb = (n) => Math.round(n / 1024);
  console.log(`\n${PHOTOS} photos, ${mb} MB (${kb(Math.min(...sizes))}–${kb(Math.max(...sizes))} KB each), median of ${ROUNDS} rounds${DURABLE ? ', durable (fsync)' : ''}`);
  return result;
}

async function main() {
  const loadBefore = os.loadavg();
  const bySize = [];
  for (const n of SIZES) bySize.push(await measure(n));
  const loadAfter = os.loadavg();
  const head = bySize.find((r) => r.photos === 100) ?? bySize[bySize.length - 1];
  const r2 = (x) => Math.round(x * 100) / 100;
  const result = {
    ...head,
    sizes: bySize,
    rounds: ROUNDS,
    cores: os.availableParallelism(),
    load_average_before: loadBefore.map(r2),
    load_average_after: loadAfter.map(r2),
  };
  await fs.mkdir(path.join(root, 'bench', 'results'), { recursive: true });
  await fs.writeFile(path.join(root, 'bench', 'results', 'export.json'), `${JSON.stringify(result, null, 2)}\n`);

  const fmt = (x) => (x == null ? '—' : x.toFixed(1));
  console.log(`\n| Photos | Folder (ms) | cp -r (ms) | Folder ÷ cp | ms/photo ours / cp | Zip (ms) | zip -r (ms) | Zip ÷ zip -r |`);
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of bySize) {
    const ok = r.folder_over_cp <= TARGET_RATIO ? 'ok' : 'over';
    console.log(`| ${r.photos} | ${fmt(r.folder_ms)} | ${fmt(r.cp_ms)} | ${r.folder_over_cp}× ${ok} (≤ ${TARGET_RATIO}×) | ${r.folder_ms_per_photo} / ${r.cp_ms_per_photo} | ${fmt(r.zip_ms)} | ${fmt(r.zip_cli_ms)} | ${r.zip_over_zip_cli ?? '—'}× |`);
  }
  for (const r of bySize.filter((x) => x.before_ms !== undefined)) console.log(`${r.photos} photos, the BENCH_BEFORE build in the same rounds: ${fmt(r.before_ms)} ms, ${r.before_over_cp}× cp -r (this build ${r.folder_over_cp}×)`);
  console.log(`load average before ${loadBefore.map((x) => x.toFixed(2)).join(' ')}, after ${loadAfter.map((x) => x.toFixed(2)).join(' ')}; ${os.availableParallelism()} cores`);
  console.log(`\nWrote ${path.relative(root, path.join(root, 'bench', 'results', 'export.json'))}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(0);
});
