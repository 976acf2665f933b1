// The autosave path under fire: loads a draft, marks it open, then saves successive known
// states as fast as it can, printing "begin k" before and "ack k" after each save, until killed.
// Pipes are synchronous on Linux, so every line printed has reached the harness before a kill.
import { pathToFileURL } from 'node:url';
import { stateText } from './states.mjs';

const [service, home, id, round, snapshotEveryMs] = process.argv.slice(2);
const { createDraftStore } = await import(pathToFileURL(service).href);
const store = createDraftStore({ home, history: { snapshotEveryMs: Number(snapshotEveryMs), pauseMs: 1e9 } });
const loaded = await store.loadDraft(id);
if (loaded.recovered) process.stdout.write(`recovered ${loaded.recovered}\n`);
await store.setOpenDrafts([id]);
process.stdout.write('ready\n');
for (let k = 1; ; k++) {
  const text = stateText(Number(round), k);
  process.stdout.write(`begin ${k}\n`);
  await store.saveDraft(id, text);
  process.stdout.write(`ack ${k}\n`);
}
