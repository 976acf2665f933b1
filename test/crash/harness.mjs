// Crash harness for drafts: runs the autosave path in a child process that writes known states
// of a draft as fast as it can, SIGKILLs it at a random moment, and checks the draft: it must
// load without repair, parse, equal one of the states written (never truncated, never empty),
// and be no older than the last save the child saw complete. Repeated CRASH_KILLS times
// (default 200), one draft per kill; at the end every draft is checked again.
//
//   npm run test:crash                 against the built service (dist/, npm run build:node)
//   CRASH_KILLS=20 node --import tsx test/crash/harness.mjs   CRASH_SERVICE=electron/service/drafts/drafts.ts
//
// Last line: `crash: N kills, N drafts intact, 0 lost`; exit status 1 on any loss.

import { spawn } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stateOf, stateText } from './states.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const kills = Number(process.env.CRASH_KILLS ?? 200);
const service = path.resolve(root, process.env.CRASH_SERVICE ?? 'dist/electron/service/drafts/drafts.js');
if (!existsSync(service)) {
  console.error(`crash: ${path.relative(root, service)} not found; run npm run build:node first (npm run test:crash does).`);
  process.exit(2);
}
const { createDraftStore } = await import(pathToFileURL(service).href);
const base = await fs.mkdtemp(path.join(os.tmpdir(), 'recap-crash-'));
const keep = process.env.CRASH_KEEP === '1';
// Two children at a time on the 2-core machines this runs on, each with its own data folder
// (a session.json is one app's; two apps never share one).
const jobs = Math.max(1, Number(process.env.CRASH_JOBS ?? 2));

const rounds = [];
let lost = 0;
let midWrite = 0;
let acks = 0;
const started = Date.now();

function fail(round, why) {
  lost++;
  console.error(`crash: round ${round.index}: LOST: ${why}`);
}

/** Checks a draft against what its round wrote; returns a reason when it is not intact. */
async function check(store, round) {
  const loaded = await store.loadDraft(round.id);
  if (loaded.recovered) return `needed repair: ${loaded.recovered}`;
  const text = loaded.text;
  const st = stateOf(text);
  if (!st || st.round !== round.index) return `does not parse as a state of this round (${text.length} chars: ${JSON.stringify(text.slice(0, 60))})`;
  if (text !== stateText(round.index, st.k)) return `state ${st.k} is not whole (${Buffer.byteLength(text)} bytes)`;
  if (st.k < round.lastAck) return `holds state ${st.k} but state ${round.lastAck} had been saved`;
  if (st.k > round.lastBegin) return `holds state ${st.k}, which was never written`;
  for (const snap of await store.listHistory(round.id)) {
    const s = await store.readSnapshot(round.id, snap.id);
    const ss = stateOf(s);
    if (!ss || s !== stateText(round.index, ss.k)) return `snapshot ${snap.id} is not a whole state`;
  }
  const leftovers = (await fs.readdir(path.join(round.home, 'drafts', round.id))).filter((n) => n.endsWith('.tmp'));
  if (leftovers.length) return `temp files left after load: ${leftovers.join(', ')}`;
  round.finalK = st.k;
  return null;
}

async function runRound(index, home) {
  const store = createDraftStore({ home });
  const draft = await store.createDraft(stateText(index, 0));
  const round = { index, home, id: draft.id, lastAck: 0, lastBegin: 0, finalK: 0 };
  rounds.push(round);
  const snapshotEveryMs = index % 2 === 0 ? 0 : 60_000; // every save adds a snapshot, or few do
  // Half the kills land at any moment after start-up; half within a save chosen at random
  // (right after the child says it began it), where a non-atomic write would be caught.
  const inSave = index % 2 === 1;
  const maxDelay = inSave ? [2, 8, 25][index % 3] : [5, 50, 250][index % 3];
  const targetSave = 1 + Math.floor(Math.random() * 4);
  const child = spawn(process.execPath, [...process.execArgv, path.join(here, 'child.mjs'), service, home, draft.id, String(index), String(snapshotEveryMs)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let timer = null;
  child.stderr.on('data', (d) => (err += d));
  child.stdout.on('data', (d) => {
    out += d;
    if (timer === null && out.includes(inSave ? `begin ${targetSave}\n` : 'ready\n')) {
      timer = setTimeout(() => child.kill('SIGKILL'), Math.random() * maxDelay);
    }
  });
  const signal = await new Promise((resolve) => child.on('close', (_code, sig) => resolve(sig)));
  clearTimeout(timer);
  if (signal !== 'SIGKILL') {
    fail(round, `the child was not killed but exited: ${err.trim().split('\n').slice(-3).join(' | ')}`);
    return;
  }
  const lines = out.trim().split('\n');
  for (const line of lines) {
    const [word, n] = line.split(' ');
    if (word === 'ack') round.lastAck = Number(n);
    if (word === 'begin') round.lastBegin = Number(n);
    if (word === 'recovered') fail(round, `the child had to repair the draft: ${line}`);
  }
  acks += round.lastAck;
  if (lines.at(-1)?.startsWith('begin')) midWrite++;

  const fresh = createDraftStore({ home }); // as the app after a restart
  const recovery = await fresh.recoverSession();
  if (!recovery.crashed || !recovery.reopen.some((d) => d.id === round.id) || !/^Recovered 1 draft with changes up to \d\d:\d\d$/.test(recovery.message ?? '')) {
    fail(round, `session not recovered: ${JSON.stringify({ crashed: recovery.crashed, message: recovery.message })}`);
    return;
  }
  const why = await check(fresh, round).catch((e) => `load failed: ${e.message}`);
  if (why) fail(round, why);
}

let nextIndex = 0;
await Promise.all(
  Array.from({ length: jobs }, async (_, w) => {
    const home = path.join(base, `home-${w}`);
    while (nextIndex < kills) await runRound(nextIndex++, home);
  }),
);
rounds.sort((a, b) => a.index - b.index);

// Every draft again, from fresh stores, and the home screens list them all.
let intact = 0;
let listedCount = 0;
for (let w = 0; w < jobs; w++) {
  const home = path.join(base, `home-${w}`);
  if (!existsSync(home)) continue;
  const final = createDraftStore({ home });
  for (const round of rounds.filter((r) => r.home === home)) {
    const why = await check(final, round).catch((e) => `load failed: ${e.message}`);
    if (why === null) intact++;
    else console.error(`crash: round ${round.index}: final check: ${why}`);
  }
  listedCount += (await final.listDrafts()).length;
}
const listed = { length: listedCount };
if (listed.length !== rounds.length) console.error(`crash: the home screens list ${listed.length} drafts, not ${rounds.length}`);

const secs = ((Date.now() - started) / 1000).toFixed(1);
console.log(`crash: ${rounds.length} children killed in ${secs} s (${jobs} at a time); ${midWrite} kills landed mid-save; ${acks} saves completed before the kills; service ${path.relative(root, service)}`);
if (!keep) await fs.rm(base, { recursive: true, force: true });
else console.log(`crash: data folders kept in ${base}`);
const totalLost = Math.max(lost, rounds.length - intact) + (listed.length !== rounds.length ? 1 : 0);
console.log(`crash: ${kills} kills, ${intact} drafts intact, ${totalLost} lost`);
process.exit(totalLost === 0 && intact === kills ? 0 : 1);
