// Photo import benchmark: `npm run bench:photos` (builds dist/ first).
//
// Generates 24 synthetic 12-MP camera JPEGs (≈5 MB, EXIF orientation and GPS) once, then times
// the whole import of Recap Studio (decode, orient, resize, strip, encode, hash, thumbnail,
// write) through createPhotoLibrary().importPhoto, side by side in the same run with
// vipsthumbnail and ImageMagick's convert at the same quality, when they are installed.
// Each tool runs BENCH_ROUNDS times (default 3) and the median is reported.
//
// The floor, measured in the same run and interleaved with ours: a bare sharp pipeline with the
// same output settings and parallelism (decode with shrink-on-load, auto-orient, resize to 2000 px,
// encode to memory with the same JPEG options; nothing else). Ours ÷ floor is the ratio to read on
// a loaded machine. Scaling: BENCH_SIZES (default 1,10,100 photos; BENCH_LARGE=1 adds 500) prints
// ms per photo, median latency and peak RSS by batch size. vipsthumbnail and ImageMagick run at
// the size of 10 photos (one by one, so their per-photo cost does not depend on the batch size).
//
// Our import runs in a child process so that its peak RSS is the import's own; that process
// also samples its event-loop lag while the photos are processed (what the Electron main
// process would feel). Writes bench/results/photos.json. Always exits 0: figures, not a gate.

import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const require = createRequire(import.meta.url);

const LARGE = process.env.BENCH_LARGE === '1';
const SIZES = (process.env.BENCH_SIZES ?? (LARGE ? '1,10,100,500' : '1,10,100')).split(',').map(Number).filter((n) => n > 0).sort((a, b) => a - b);
const PHOTOS = Math.max(...SIZES);
const TOOL_SIZE = Math.min(10, PHOTOS);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const QUALITY = 82;
const MAX_EDGE = 2000;
const TARGETS = { msPerPhoto: 100, peakRssMb: 400, lagP99Ms: 50 };
const LAG_RESOLUTION_MS = 10;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const mb = (bytes) => bytes / (1024 * 1024);

/** BENCH_BEFORE=<a dist folder of an earlier build>: its import runs in the same rounds (mode 'before'), for before/after under one load. */
const BEFORE = process.env.BENCH_BEFORE ? path.resolve(process.env.BENCH_BEFORE) : null;

/**
 * The sharp a build's service loads (resolved from its own folder, as its require('sharp') is):
 * the child's only sharp, so the floor, the warm-up and ours share one libvips with the app's
 * settings. Sharp resolved from the checkout instead would be a second instance in a
 * BENCH_BEFORE child (another copy of sharp), with the cache on and its own thread pool.
 */
function sharpOf(dist) {
  return require(require.resolve('sharp', { paths: [path.join(dist, 'electron', 'service', 'photos')] }));
}

/** The sharp entry files this process has loaded: one, or the comparison is not fair. */
const loadedSharps = () => Object.keys(require.cache).filter((f) => /[\\/]sharp[\\/](dist|lib)[\\/]index\.c?js$/.test(f));

/** Fails the child when its sharp is not configured as the app's (cache off) or is not alone. */
function checkOneSharpCacheOff(sharp) {
  const { memory, files, items } = sharp.cache();
  const loaded = loadedSharps();
  if (memory.max !== 0 || files.max !== 0 || items.max !== 0) throw new Error(`sharp's cache is on in the measuring process (${JSON.stringify(sharp.cache())}): the app turns it off.`);
  if (loaded.length !== 1) throw new Error(`${loaded.length} sharp instances in the measuring process (${loaded.join(', ')}): one is measured, the others take memory and threads.`);
  return { sharpInstances: loaded.length, sharpCacheOff: true, sharpConcurrency: sharp.concurrency() };
}

function loadService(dist = path.join(root, 'dist')) {
  const file = path.join(dist, 'electron', 'service', 'photos', 'photos.js');
  if (!existsSync(file)) {
    console.error(`${path.relative(root, file)} is missing: run "npm run build:node" first (npm run bench:photos does).`);
    process.exit(0);
  }
  return require(file);
}

// ---------------------------------------------------------------------------------------------
// The measured run of our import (child process)

async function measureOurs(photosDir, outRoot, count, mode) {
  const dist = mode === 'before' ? BEFORE : path.join(root, 'dist');
  const { createPhotoLibrary, PARALLEL_PHOTOS } = loadService(dist);
  const sharp = sharpOf(dist);
  const files = (await fs.readdir(photosDir)).filter((n) => n.endsWith('.jpg')).sort().slice(0, count);
  const recapPath = path.join(outRoot, 'drafts', 'bench.md');
  await fs.mkdir(path.dirname(recapPath), { recursive: true });
  await fs.writeFile(recapPath, '---\ntitle: Bench\n---\n');
  const library = createPhotoLibrary({ cacheDir: path.join(outRoot, 'cache') });

  // Warm-up (libvips start, first thread-pool use) on a tiny photo in another folder.
  const warm = path.join(outRoot, 'warm.jpg');
  await sharp({ create: { width: 64, height: 48, channels: 3, background: '#808080' } }).jpeg().toFile(warm);
  await library.importPhoto({ recapPath, imageDir: 'warm-up', source: { path: warm } });
  // The floor: what sharp needs for the same output, nothing else (same libvips settings, since
  // loading photos.js above set sharp's cache and concurrency exactly as the app runs them).
  const floorImport = async (file) => {
    const { data } = await sharp(file, { autoOrient: true })
      .resize({ width: MAX_EDGE, height: MAX_EDGE, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: QUALITY, quantisationTable: 3, optimiseCoding: true })
      .toBuffer({ resolveWithObject: true });
    return { photo: { bytes: data.length }, reused: false };
  };
  const run = mode === 'floor' ? floorImport : (file) => library.importPhoto({ recapPath, imageDir: 'bench', source: { path: file } });
  await run(warm);
  const sharpState = checkOneSharpCacheOff(sharp);

  let peakSampled = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peakSampled = Math.max(peakSampled, process.memoryUsage.rss());
  }, 50);
  const lag = monitorEventLoopDelay({ resolution: LAG_RESOLUTION_MS });
  lag.enable();
  const latencies = [];
  let next = 0;
  let bytes = 0;
  let reused = 0;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const faults0 = process.resourceUsage().minorPageFault;
  // The same batching as addPhotosToRecap and the renderer: PARALLEL_PHOTOS photos at a time.
  await Promise.all(
    Array.from({ length: PARALLEL_PHOTOS }, async () => {
      while (next < files.length) {
        const name = files[next++];
        const t = performance.now();
        const result = await run(path.join(photosDir, name));
        latencies.push(performance.now() - t);
        bytes += result.photo.bytes;
        if (result.reused) reused++;
      }
    }),
  );
  const wallMs = performance.now() - t0;
  // CPU time of the whole process (libvips' threads and libuv's pool included): the work done,
  // which a busy neighbour on a shared machine inflates far less than the wall-clock time.
  const cpu = process.cpuUsage(cpu0);
  // Pages touched for the first time (fresh memory from the kernel): what a photo's buffers cost
  // in system time when the allocator hands them out anew for every photo.
  const faults = process.resourceUsage().minorPageFault - faults0;
  lag.disable();
  clearInterval(sampler);
  // The histogram counts the timer's own resolution as delay; the lag is what comes on top.
  const lagP99 = Math.max(0, lag.percentile(99) / 1e6 - LAG_RESOLUTION_MS);
  const lagMax = Math.max(0, lag.max / 1e6 - LAG_RESOLUTION_MS);
  const result = {
    msPerPhoto: wallMs / files.length,
    cpuMsPerPhoto: (cpu.user + cpu.system) / 1000 / files.length,
    sysMsPerPhoto: cpu.system / 1000 / files.length,
    minorFaultsPerPhoto: faults / files.length,
    medianLatencyMs: median(latencies),
    outputBytes: bytes,
    reused,
    peakRssMb: Math.max(process.resourceUsage().maxRSS / 1024, mb(peakSampled)),
    lagP99Ms: lagP99,
    lagMaxMs: lagMax,
    ...sharpState,
  };
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
}

// ---------------------------------------------------------------------------------------------
// Inputs

async function generatePhotos() {
  const dir = path.join(os.tmpdir(), `recap-studio-bench-photos-v1-${PHOTOS}`);
  const marker = path.join(dir, 'complete');
  if (existsSync(marker)) return dir;
  await fs.rm(dir, { recursive: true, force: true });
  await fs.mkdir(dir, { recursive: true });
  const sharp = require(require.resolve('sharp', { paths: [root] }));
  const W = 4000;
  const H = 3000;
  const STEP = 8;
  const baseW = W + STEP * PHOTOS;
  process.stdout.write(`Generating ${PHOTOS} synthetic 12-MP JPEGs in ${dir} (once)…`);
  // Gradients, waves and per-pixel noise: sensor-like detail, so that quality 95 gives ≈5 MB.
  const raw = Buffer.alloc(baseW * H * 3);
  let seed = 20211102;
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < baseW; x++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const n = ((seed >> 8) % 27) - 13;
      const i = (y * baseW + x) * 3;
      raw[i] = Math.max(0, Math.min(255, (x / baseW) * 230 + 12 + n));
      raw[i + 1] = Math.max(0, Math.min(255, (y / H) * 230 + 12 + n));
      raw[i + 2] = Math.max(0, Math.min(255, 128 + 100 * Math.sin(x / 190) * Math.cos(y / 140) + n));
    }
  }
  const orientations = [1, 6, 1, 8, 1, 3];
  for (let k = 0; k < PHOTOS; k++) {
    // A different window of the canvas per photo: no two photos have the same content.
    await sharp(raw, { raw: { width: baseW, height: H, channels: 3 } })
      .extract({ left: k * STEP, top: 0, width: W, height: H })
      .withExif({
        IFD0: { Make: 'Canon', Model: 'EOS R5' },
        IFD2: { BodySerialNumber: `SN-${100000 + k}` },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: `39/1 54/1 ${k}/1`, GPSLongitudeRef: 'E', GPSLongitude: '116/1 23/1 30/1' },
      })
      .withMetadata({ orientation: orientations[k % orientations.length] })
      .jpeg({ quality: 95 })
      .toFile(path.join(dir, `IMG_${String(2001 + k)}.jpg`));
    process.stdout.write('.');
  }
  await fs.writeFile(marker, '');
  process.stdout.write(' done\n');
  return dir;
}

// ---------------------------------------------------------------------------------------------
// Baselines

function which(cmd) {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** A real ImageMagick convert: /usr/local/bin/convert may be a stand-in that only makes PNGs. */
function findImageMagick() {
  for (const candidate of ['/usr/bin/convert', which('convert')]) {
    if (!candidate || !existsSync(candidate)) continue;
    try {
      const version = execFileSync(candidate, ['-version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      if (/ImageMagick/.test(version) && !/stand-in|Stands in/i.test(version)) return candidate;
    } catch {
      // Not runnable: try the next one.
    }
  }
  return null;
}

async function runOneByOne(files, outDir, argsFor) {
  await fs.rm(outDir, { recursive: true, force: true });
  await fs.mkdir(outDir, { recursive: true });
  const t0 = performance.now();
  for (const file of files) {
    const [cmd, args] = argsFor(file, path.join(outDir, path.basename(file)));
    const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    if (r.status !== 0) throw new Error(`${cmd} failed on ${path.basename(file)}: ${r.stderr}`);
  }
  const ms = (performance.now() - t0) / files.length;
  let bytes = 0;
  for (const name of await fs.readdir(outDir)) bytes += (await fs.stat(path.join(outDir, name))).size;
  return { ms, bytes };
}

// ---------------------------------------------------------------------------------------------

function child(photosDir, outDir, count, mode) {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--measure', photosDir, outDir, String(count), mode], { encoding: 'utf8' });
  const line = r.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) throw new Error(`The ${mode} import failed:\n${r.stdout}\n${r.stderr}`);
  return JSON.parse(line.slice('RESULT '.length));
}

/**
 * The inputs, made in a process of their own: Linux carries a process's peak RSS over into the
 * children it starts (exec saves it), so a parent that had held the 400 MB canvas made every
 * measured child report at least that as its own peak.
 */
function photosFromChild() {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--generate'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const line = r.stdout.split('\n').find((l) => l.startsWith('PHOTOS '));
  process.stdout.write(r.stdout.split('\n').filter((l) => !l.startsWith('PHOTOS ')).join('\n'));
  if (!line) throw new Error('Could not make the bench\'s photos.');
  return line.slice('PHOTOS '.length);
}

async function main() {
  const photosDir = photosFromChild();
  const all = (await fs.readdir(photosDir)).filter((n) => n.endsWith('.jpg')).sort().map((n) => path.join(photosDir, n));
  let inputBytes = 0;
  for (const f of all) inputBytes += (await fs.stat(f)).size;
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'recap-bench-photos-'));
  const loadBefore = os.loadavg();
  try {
    const cores = os.availableParallelism();
    console.log(`sizes ${SIZES.join(', ')} photos, ${mb(inputBytes / all.length).toFixed(1)} MB each on average, ${cores} cores, ${ROUNDS} round(s), load average ${loadBefore.map((x) => x.toFixed(2)).join(' ')}`);

    const vips = which('vipsthumbnail');
    const magick = findImageMagick();
    if (!vips) console.log('vipsthumbnail is not installed (Debian package libvips-tools): its column is empty.');
    if (!magick) console.log('ImageMagick is not installed (Debian package imagemagick): its column is empty.');
    const vipsArgs = (input, out) => [vips, [input, '-s', `${MAX_EDGE}x${MAX_EDGE}`, '-o', `${out}[Q=${QUALITY},strip]`]];
    const magickArgs = (input, out) => [magick, [input, '-auto-orient', '-resize', `${MAX_EDGE}x${MAX_EDGE}`, '-strip', '-quality', String(QUALITY), out]];

    // Rounds are interleaved (ours, floor, ours, floor, …) so that a noisy neighbour on a shared
    // machine slows both alike and the ratio stays meaningful.
    const bySize = [];
    const vipsRounds = [];
    const magickRounds = [];
    for (const size of SIZES) {
      const ours = [];
      const floor = [];
      const before = [];
      const runs = { ours, floor, before };
      for (let r = 0; r < ROUNDS; r++) {
        const order = r % 2 ? ['floor', 'ours'] : ['ours', 'floor'];
        // The earlier build (BENCH_BEFORE) runs first in even rounds and last in odd ones.
        if (BEFORE) order[r % 2 ? 'push' : 'unshift']('before');
        for (const mode of order) {
          const res = child(photosDir, path.join(work, `${mode}-${size}-${r}`), size, mode);
          runs[mode].push(res);
          await fs.rm(path.join(work, `${mode}-${size}-${r}`), { recursive: true, force: true });
        }
        if (size === TOOL_SIZE) {
          const files = all.slice(0, size);
          if (vips) vipsRounds.push(await runOneByOne(files, path.join(work, `vips-${r}`), vipsArgs));
          if (magick) magickRounds.push(await runOneByOne(files, path.join(work, `magick-${r}`), magickArgs));
        }
      }
      const m = (xs, k) => median(xs.map((o) => o[k]));
      const row = {
        photos: size,
        ours_ms_per_photo: round1(m(ours, 'msPerPhoto')),
        floor_ms_per_photo: round1(m(floor, 'msPerPhoto')),
        ratio: Math.round((m(ours, 'msPerPhoto') / m(floor, 'msPerPhoto')) * 100) / 100,
        ours_cpu_ms_per_photo: round1(m(ours, 'cpuMsPerPhoto')),
        floor_cpu_ms_per_photo: round1(m(floor, 'cpuMsPerPhoto')),
        cpu_ratio: Math.round((m(ours, 'cpuMsPerPhoto') / m(floor, 'cpuMsPerPhoto')) * 100) / 100,
        ours_sys_ms_per_photo: round1(m(ours, 'sysMsPerPhoto')),
        floor_sys_ms_per_photo: round1(m(floor, 'sysMsPerPhoto')),
        ours_minor_faults_per_photo: Math.round(m(ours, 'minorFaultsPerPhoto')),
        floor_minor_faults_per_photo: Math.round(m(floor, 'minorFaultsPerPhoto')),
        ours_median_latency_ms: round1(m(ours, 'medianLatencyMs')),
        floor_median_latency_ms: round1(m(floor, 'medianLatencyMs')),
        ours_peak_rss_mb: round1(Math.max(...ours.map((o) => o.peakRssMb))),
        floor_peak_rss_mb: round1(Math.max(...floor.map((o) => o.peakRssMb))),
        event_loop_lag_p99_ms: round1(m(ours, 'lagP99Ms')),
        event_loop_lag_max_ms: round1(m(ours, 'lagMaxMs')),
        floor_event_loop_lag_p99_ms: round1(m(floor, 'lagP99Ms')),
        ours_output_bytes: ours[0].outputBytes,
        floor_output_bytes: floor[0].outputBytes,
        ours_rounds_ms_per_photo: ours.map((o) => round1(o.msPerPhoto)),
        floor_rounds_ms_per_photo: floor.map((o) => round1(o.msPerPhoto)),
      };
      if (BEFORE) {
        row.before_ms_per_photo = round1(m(before, 'msPerPhoto'));
        row.before_over_floor = Math.round((m(before, 'msPerPhoto') / m(floor, 'msPerPhoto')) * 100) / 100;
        row.before_cpu_ms_per_photo = round1(m(before, 'cpuMsPerPhoto'));
        row.before_cpu_over_floor = Math.round((m(before, 'cpuMsPerPhoto') / m(floor, 'cpuMsPerPhoto')) * 100) / 100;
        row.before_minor_faults_per_photo = Math.round(m(before, 'minorFaultsPerPhoto'));
      }
      bySize.push(row);
      console.log(`${String(size).padStart(4)} photos: ours ${row.ours_ms_per_photo} ms/photo, floor ${row.floor_ms_per_photo} (×${row.ratio.toFixed(2)}), CPU ${row.ours_cpu_ms_per_photo} vs ${row.floor_cpu_ms_per_photo} ms/photo (×${row.cpu_ratio.toFixed(2)}; system ${row.ours_sys_ms_per_photo} vs ${row.floor_sys_ms_per_photo}, page faults ${row.ours_minor_faults_per_photo} vs ${row.floor_minor_faults_per_photo} a photo), latency ${row.ours_median_latency_ms} vs ${row.floor_median_latency_ms} ms, peak RSS ${row.ours_peak_rss_mb} vs ${row.floor_peak_rss_mb} MB`);
    }
    const summary = (rounds) => (rounds.length ? { ms: median(rounds.map((x) => x.ms)), bytes: rounds[0].bytes } : null);
    const vipsResult = summary(vipsRounds);
    const magickResult = summary(magickRounds);
    const head = bySize[bySize.length - 1];
    const loadAfter = os.loadavg();

    console.log('');
    console.log(`${'photos'.padStart(6)}${'ours ms/photo'.padStart(15)}${'floor ms/photo'.padStart(16)}${'ours/floor'.padStart(12)}${'CPU ours/floor'.padStart(16)}${'ours RSS MB'.padStart(13)}${'lag p99'.padStart(9)}${'floor lag p99'.padStart(15)}`);
    for (const r of bySize) {
      console.log(`${String(r.photos).padStart(6)}${r.ours_ms_per_photo.toFixed(1).padStart(15)}${r.floor_ms_per_photo.toFixed(1).padStart(16)}${(r.ratio.toFixed(2) + '×').padStart(12)}${(r.cpu_ratio.toFixed(2) + '×').padStart(16)}${r.ours_peak_rss_mb.toFixed(0).padStart(13)}${r.event_loop_lag_p99_ms.toFixed(1).padStart(9)}${r.floor_event_loop_lag_p99_ms.toFixed(1).padStart(15)}`);
    }
    for (const r of bySize.filter((x) => x.before_ms_per_photo !== undefined)) {
      console.log(`${r.photos} photos, the BENCH_BEFORE build in the same rounds: ${r.before_ms_per_photo} ms/photo, ${r.before_over_floor.toFixed(2)}× the floor, CPU ${r.before_cpu_over_floor.toFixed(2)}×, ${r.before_minor_faults_per_photo} page faults a photo (this build ${r.ratio.toFixed(2)}×, CPU ${r.cpu_ratio.toFixed(2)}×, ${r.ours_minor_faults_per_photo})`);
    }
    if (vipsResult) console.log(`vipsthumbnail, one by one (${TOOL_SIZE} photos): ${vipsResult.ms.toFixed(1)} ms/photo, ${mb(vipsResult.bytes / TOOL_SIZE).toFixed(2)} MB/photo`);
    if (magickResult) console.log(`ImageMagick convert, one by one (${TOOL_SIZE} photos): ${magickResult.ms.toFixed(1)} ms/photo, ${mb(magickResult.bytes / TOOL_SIZE).toFixed(2)} MB/photo`);
    console.log('');
    const verdict = (ok) => (ok ? 'PASS' : 'MISS');
    console.log(`${verdict(head.ratio <= 1.15)}  ours ÷ floor at ${head.photos} photos ${head.ratio.toFixed(2)}× (target ≤ 1.15)`);
    console.log(`${verdict(head.ours_ms_per_photo <= TARGETS.msPerPhoto)}  time per photo ${head.ours_ms_per_photo} ms (target ≤ ${TARGETS.msPerPhoto}; the floor itself: ${head.floor_ms_per_photo})`);
    const peakRss = Math.max(...bySize.map((r) => r.ours_peak_rss_mb));
    console.log(`${verdict(peakRss <= TARGETS.peakRssMb)}  peak RSS ${peakRss.toFixed(0)} MB at any size (target ≤ ${TARGETS.peakRssMb})`);
    console.log(`${verdict(head.event_loop_lag_p99_ms <= TARGETS.lagP99Ms)}  event-loop lag p99 ${head.event_loop_lag_p99_ms} ms (target ≤ ${TARGETS.lagP99Ms}; the floor's process: ${head.floor_event_loop_lag_p99_ms})`);
    console.log(`load average before ${loadBefore.map((x) => x.toFixed(2)).join(' ')}, after ${loadAfter.map((x) => x.toFixed(2)).join(' ')}`);

    const json = {
      photos: head.photos,
      ours_ms_per_photo: head.ours_ms_per_photo,
      floor_ms_per_photo: head.floor_ms_per_photo,
      ours_over_floor: head.ratio,
      ours_cpu_ms_per_photo: head.ours_cpu_ms_per_photo,
      floor_cpu_ms_per_photo: head.floor_cpu_ms_per_photo,
      cpu_ours_over_floor: head.cpu_ratio,
      vipsthumbnail_ms_per_photo: vipsResult ? round1(vipsResult.ms) : null,
      imagemagick_ms_per_photo: magickResult ? round1(magickResult.ms) : null,
      tools_photos: TOOL_SIZE,
      peak_rss_mb: peakRss,
      event_loop_lag_p99_ms: head.event_loop_lag_p99_ms,
      event_loop_lag_max_ms: head.event_loop_lag_max_ms,
      input_bytes_per_photo: Math.round(inputBytes / all.length),
      ours_output_bytes: head.ours_output_bytes,
      floor_output_bytes: head.floor_output_bytes,
      vipsthumbnail_output_bytes: vipsResult?.bytes ?? null,
      imagemagick_output_bytes: magickResult?.bytes ?? null,
      sizes: bySize,
      rounds: ROUNDS,
      cores,
      load_average_before: loadBefore.map(round2),
      load_average_after: loadAfter.map(round2),
      quality: QUALITY,
      max_edge: MAX_EDGE,
    };
    const out = path.join(root, 'bench', 'results', 'photos.json');
    await fs.mkdir(path.dirname(out), { recursive: true });
    await fs.writeFile(out, `${JSON.stringify(json, null, 2)}\n`);
    console.log(`\nWrote ${path.relative(root, out)}`);
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}

function round2(x) {
  return Math.round(x * 100) / 100;
}

function round1(x) {
  return Math.round(x * 10) / 10;
}

const argv = process.argv.slice(2);
if (argv[0] === '--measure') {
  await measureOurs(argv[1], argv[2], Number(argv[3]), argv[4]);
} else if (argv[0] === '--generate') {
  console.log(`\nPHOTOS ${await generatePhotos()}`);
} else {
  await main().catch((err) => {
    console.error(err);
  });
  process.exitCode = 0;
}
