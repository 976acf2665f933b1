// The app's browser-mode server in a process of its own, for bench:editor's time to interactive:
// as when the author runs it, the server's work (opening the recap, the workspace's first
// requests) does not share an event loop with the harness that drives the browser (whose
// keystroke would otherwise wait for it, which no author's keystroke does). Started by run.mjs
// with its options as JSON in argv[2]; answers { url } over IPC; exits when run.mjs disconnects.

import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { startWebServer } = createRequire(import.meta.url)(path.join(root, 'dist', 'electron', 'web', 'server.js'));
const server = await startWebServer(JSON.parse(process.argv[2]));
process.send({ url: server.url });
process.on('disconnect', () => {
  void server.close().finally(() => process.exit(0));
});
