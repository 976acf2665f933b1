// The browser mode: the built renderer and the same contract over HTTP, on 127.0.0.1 only.
// It exists so that the real renderer and service can be driven in Chromium by tests and for
// fast UI work. Every API call needs the per-launch token (token.ts); requests with a foreign
// Origin or a Host that is not loopback (DNS rebinding) are refused (routes.ts). The contract
// it serves is in web-api.ts, the headers every answer carries in respond.ts.

import { createServer, type Server } from 'node:http';
import * as path from 'node:path';
import { handleRequest, type Routes } from './routes';
import { send } from './respond';
import { newToken } from './token';
import { createWebApi } from './web-api';

export interface WebServer {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

export interface WebServerOptions {
  rendererDir: string;
  port?: number;
  /** Fixed token for tests that must build URLs before start; random otherwise. */
  token?: string;
  /** Thumbnails and the photo trash; default: the XDG cache folder. Tests pass a temp dir. */
  cacheDir?: string;
  /** The data folder (drafts, history); default: RECAP_STUDIO_HOME or the XDG data folder. */
  home?: string;
  /**
   * Lists the home screen once as the server starts, in parallel with the page loading, so the
   * page's first list finds the code compiled and the files cached (service/warm-start.ts). On
   * for `npm run web`; tests leave it off unless they test it.
   */
  warmHome?: boolean;
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? newToken();
  const servedAssets = new Set<string>();
  const { service, api, warmed } = createWebApi({
    token,
    servedAssets,
    ...(options.warmHome ? { warmHome: true } : {}),
    ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
    ...(options.home ? { home: options.home } : {}),
  });
  const routes: Routes = { token, rendererDir: path.resolve(options.rendererDir), servedAssets, api, port: 0 };

  const server: Server = createServer((req, res) => {
    handleRequest(routes, req, res).catch((err: unknown) => {
      console.error('[recap web]', err);
      if (!res.headersSent) send(res, 500, 'Internal error.');
      else res.end();
    });
  });
  await listen(server, options.port ?? 0);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  routes.port = port;
  return {
    url: `http://127.0.0.1:${port}/?token=${encodeURIComponent(token)}`,
    token,
    port,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      // The warm-up's reads (and a meta.json it rebuilt) end before the folder may be removed.
      await warmed();
      // Stopping the server is the browser mode's normal quit: nothing to recover next time.
      await service.markSessionClean().catch(() => undefined);
    },
  };
}
