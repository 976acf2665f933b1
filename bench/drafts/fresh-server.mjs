// A browser-mode server in a fresh process, for relaunch.mjs: the service's modules are loaded
// and its first answers made in this process, as when the app starts. Options as JSON in argv[2]
// ({ dist, ...startWebServer's options }); answers { url, listenedMs } over IPC (listenedMs: ms
// from this process's start to the server listening); exits when relaunch.mjs disconnects.

import { createRequire } from 'node:module';
import * as path from 'node:path';

const { dist, ...options } = JSON.parse(process.argv[2]);
const { startWebServer } = createRequire(import.meta.url)(path.join(dist, 'electron', 'web', 'server.js'));
const server = await startWebServer(options);
process.send({ url: server.url, listenedMs: performance.now() });
process.on('disconnect', () => {
  void server.close().finally(() => process.exit(0));
});
