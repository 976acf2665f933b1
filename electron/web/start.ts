// `npm run web`: starts the browser mode and prints the link (with its token) to open.

import * as path from 'node:path';
import { existsSync } from 'node:fs';
import { startWebServer } from './server';

function usage(): never {
  console.error('Usage: node dist/electron/web/start.js [--port N] [FILE.md]');
  process.exit(2);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let port = 5179;
  let file: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--port') {
      const n = Number(args[++i]);
      if (!Number.isInteger(n) || n < 0 || n > 65535) usage();
      port = n;
    } else if (a === '--help' || a === '-h') usage();
    else if (a && !a.startsWith('-')) file = path.resolve(a);
    else usage();
  }
  const rendererDir = path.join(__dirname, '..', '..', 'renderer');
  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    console.error('recap web: the renderer is not built. Run npm run build first.');
    process.exit(2);
  }
  const server = await startWebServer({ rendererDir, port, warmHome: true }).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'EADDRINUSE') {
      console.error(`recap web: port ${port} is in use. Try --port ${port + 1} (or --port 0 for any free port).`);
      process.exit(2);
    }
    throw err;
  });
  const link = file ? `${server.url}&file=${encodeURIComponent(file)}` : server.url;
  console.log(`Recap Studio (browser mode) is running. Open this link in your browser:\n\n  ${link}\n\nThe link carries a per-launch token; the server answers only on 127.0.0.1. Press Ctrl+C to stop.`);
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
