// Seeds a Recap Studio data folder with many drafts of many photos, for the home-screen bench,
// and times the drafts service on it: `node bench/drafts/seed.mjs [HOME]` (after npm run build:node).
//
//   BENCH_DRAFTS (default 200), BENCH_PHOTOS (default 40 per draft), BENCH_THUMBS=0 to skip
//   making the cover thumbnails (the home screen shows cached ones).
//
// Each draft is the reference recap with its own title, event date and image folder, and its
// photos are 1200×800 JPEGs (8 distinct images, hard-linked to save disk). Prints the seed time
// and listDrafts() times: cold (a fresh store, as at app start) and warm (median of 5).
// HOME defaults to a new temp folder, printed so the UI bench can point RECAP_STUDIO_HOME at it.

import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const require = createRequire(import.meta.url);
const DRAFTS = Number(process.env.BENCH_DRAFTS ?? 200);
const PHOTOS = Number(process.env.BENCH_PHOTOS ?? 40);
const THUMBS = process.env.BENCH_THUMBS !== '0';

let drafts;
try {
  drafts = require(path.join(root, 'dist', 'electron', 'service', 'drafts', 'drafts.js'));
} catch {
  console.error('seed: dist/electron/service/drafts/drafts.js not found; run npm run build:node first.');
  process.exit(2);
}
const { imageFolderFor, loadProfile } = require(path.join(root, 'dist', 'electron', 'service', 'site', 'profile.js'));
const sharp = require('sharp');

const home = path.resolve(process.argv[2] ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'recap-home-'))));
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const ms = (t) => `${t.toFixed(1)} ms`;

const fixture = await fs.readFile(path.join(root, 'test', 'fixtures', 'kubernetes-community-days-china.md'), 'utf8');
const profile = loadProfile();

// 8 distinct photos, made once.
const sources = path.join(home, '.bench-photos');
await fs.mkdir(sources, { recursive: true });
const colours = ['#3366cc', '#cc3333', '#33aa55', '#aa8833', '#7744aa', '#22aaaa', '#555555', '#dd7711'];
const photoFiles = [];
for (const [i, colour] of colours.entries()) {
  const file = path.join(sources, `photo-${i}.jpg`);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800"><rect width="1200" height="800" fill="${colour}"/><circle cx="${300 + i * 80}" cy="400" r="220" fill="#ffffff" opacity="0.5"/></svg>`;
  await sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toFile(file);
  photoFiles.push(file);
}

const started = performance.now();
const store = drafts.createDraftStore({ home });
let thumbMs = 0;
for (let i = 0; i < DRAFTS; i++) {
  const slug = `event-${String(i).padStart(3, '0')}`;
  const date = `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
  const text = fixture
    .replace(/^title: .*$/m, `title: "Community event ${i + 1} recap"`)
    .replace(/^createTime: .*$/m, `createTime: "${date}"`)
    .replaceAll('/images/news/kcd-china/', `/images/news/${slug}/`);
  const d = await store.createDraft(text);
  const dir = imageFolderFor(d.recapPath, profile, d.imageDir).dir;
  await fs.mkdir(dir, { recursive: true });
  for (let p = 0; p < PHOTOS; p++) {
    const src = photoFiles[(i + p) % photoFiles.length];
    const dest = path.join(dir, `photo-${String(p).padStart(2, '0')}.jpg`);
    await fs.link(src, dest).catch(() => fs.copyFile(src, dest));
  }
  if (THUMBS) {
    const t = performance.now();
    await store.coverThumbnail(d.id);
    thumbMs += performance.now() - t;
  }
}
const seedMs = performance.now() - started;

const t0 = performance.now();
const cold = await drafts.createDraftStore({ home }).listDrafts();
const coldMs = performance.now() - t0;
const warmStore = drafts.createDraftStore({ home });
await warmStore.listDrafts();
const warm = [];
for (let r = 0; r < 5; r++) {
  const t = performance.now();
  await warmStore.listDrafts();
  warm.push(performance.now() - t);
}
const searchT = performance.now();
const found = await warmStore.listDrafts({ query: 'event 1' });
const searchMs = performance.now() - searchT;

const photos = cold.reduce((n, d) => n + d.photoCount, 0);
const withThumb = cold.filter((d) => d.coverThumb).length;
console.log(`seed: ${DRAFTS} drafts × ${PHOTOS} photos (${photos} photos, ${withThumb} cover thumbnails) in ${ms(seedMs)}${THUMBS ? ` (thumbnails ${ms(thumbMs)})` : ''}`);
console.log(`listDrafts: cold ${ms(coldMs)}, warm median ${ms(median(warm))}; search "event 1" ${ms(searchMs)} (${found.length} hits)`);
console.log(`home: ${home}`);
console.log(JSON.stringify({ drafts: cold.length, photos, seed_ms: Math.round(seedMs), list_cold_ms: +coldMs.toFixed(1), list_warm_ms: +median(warm).toFixed(1) }));
