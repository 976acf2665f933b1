// The app's browser-mode server for one build's renderer, in a process of its own
// (server-child.mjs) with a data folder of its own, for the start-up tools (tti-profile.mjs,
// fill-in.mjs): each load opens a fresh copy of the recap, so autosave never leaks into the next;
// and the page script both install to see when the app says the text takes keys.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Servers under `tmp` for the recap text `doc`; `serve(dir)` starts one and gives a new recap's address per call; `children` are their processes. */
export function recapServers(tmp, doc) {
  let seq = 0;
  const children = [];
  async function serve(dir) {
    const home = await fs.mkdtemp(path.join(tmp, 'data-'));
    const child = fork(path.join(here, 'server-child.mjs'), [JSON.stringify({ rendererDir: dir, home, cacheDir: path.join(home, 'cache') })], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    children.push(child);
    const url = await new Promise((resolve, reject) => {
      child.once('message', (m) => resolve(m.url));
      child.once('exit', (code) => reject(new Error(`the server process exited (${code})`)));
    });
    return async () => {
      const file = path.join(tmp, `recap-${++seq}.md`);
      await fs.writeFile(file, doc);
      return `${url}&file=${encodeURIComponent(file)}`;
    };
  }
  return { serve, children };
}

/** Before the page's scripts (`page.addInitScript`): `window.__readyAt` (and a trace mark) the moment the app announces "ready". */
export function markReady() {
  let ready;
  Object.defineProperty(window, '__recapReady', {
    configurable: true,
    get: () => ready,
    set(v) {
      ready = v;
      if (v === true && window.__readyAt == null) {
        window.__readyAt = performance.now();
        performance.mark('recap-ready');
      }
    },
  });
}
