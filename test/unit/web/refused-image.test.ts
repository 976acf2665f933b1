// The preview's reason for a refused image crosses the browser-mode door as a catalogue message
// beside its English text; the page takes the message only when it is a valid one and then says
// it in the reader's language. Real server, real hostile site on disk, real HTTP.

import { promises as fs } from 'node:fs';
import { request } from 'node:http';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImageLookup } from '../../../electron/core/contract';
import { isMsg } from '../../../electron/core/errors';
import { format, formatMsg } from '../../../electron/core/i18n/messages';
import type { Msg } from '../../../electron/core/i18n/messages';
import { startWebServer, type WebServer } from '../../../electron/web/server';
import { imageState } from '../../../renderer/preview/image-state';
import { setLocaleChoice } from '../../../renderer/ui/locale';
import { problemText } from '../../../renderer/ui/problem-text';
import { makeHostileSite, type HostileSite } from '../support/hostile-fixture';
import { tempDir } from '../support/site-fixture';

const CHINESE = /[\u4e00-\u9fff]/;

let dir: string;
let h: HostileSite;
let server: WebServer;

beforeAll(async () => {
  dir = await tempDir('refused-web');
  h = await makeHostileSite(dir);
  await fs.mkdir(path.join(dir, 'renderer'));
  await fs.writeFile(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>Recap Studio</title>');
  server = await startWebServer({ rendererDir: path.join(dir, 'renderer'), home: path.join(dir, 'data'), cacheDir: path.join(dir, 'cache') });
});
afterAll(async () => {
  await server.close();
  setLocaleChoice('en');
  await fs.rm(dir, { recursive: true, force: true });
});

function api<T>(method: string, body: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: `/api/${method}`,
        method: 'POST',
        headers: { host: `127.0.0.1:${server.port}`, 'content-type': 'application/json', 'x-recap-token': server.token },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => {
          const envelope = JSON.parse(text) as { ok: boolean; value?: T; error?: unknown };
          if (envelope.ok) resolve(envelope.value as T);
          else reject(new Error(JSON.stringify(envelope.error)));
        });
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

describe('a refused image over the browser-mode door', () => {
  it('arrives with a valid catalogue message, and the page says it in Chinese', async () => {
    await api('openRecap', { path: h.recap });
    const urls = ['../../../../secret/.ssh/id_rsa', '/images/news/hostile/link.png', 'file:///etc/passwd', '/images/news/hostile/ok.png'];
    const lookups = await api<ImageLookup[]>('resolveImages', { recapPath: h.recap, urls });
    const [outside, link, fileUrl, ok] = lookups;
    for (const refused of [outside, link, fileUrl]) {
      expect(isMsg(refused?.refusedMsg), refused?.url).toBe(true);
      // The English text is the same message said in English.
      expect(refused?.refused).toBe(format('en', refused!.refusedMsg!.key, refused!.refusedMsg!.params));
    }
    expect(outside?.refusedMsg?.key).toBe('lint.refused.outside');
    expect(ok).not.toHaveProperty('refusedMsg');

    const state = imageState(outside!);
    expect(state).toMatchObject({ kind: 'refused', reasonMsg: outside!.refusedMsg });
    if (state.kind !== 'refused') throw new Error('not refused');
    setLocaleChoice('zh-CN');
    const said = problemText({ message: state.reason, msg: state.reasonMsg });
    expect(said).toMatch(CHINESE);
    expect(said).toBe(formatMsg('zh-CN', outside!.refusedMsg!));
    expect(said).not.toContain('leads outside');
    setLocaleChoice('en');
    expect(problemText({ message: state.reason, msg: state.reasonMsg })).toContain("leads outside the recap's folder");
  });

  it('a forged or unknown message is not taken: the English reason stands', () => {
    const forged = (refusedMsg: unknown): ImageLookup => ({ url: 'x.png', src: null, localPath: null, refused: 'leads outside the recap’s folder', refusedMsg: refusedMsg as Msg });
    for (const bad of [{ key: 'no.such.key' }, { key: 'lint.refused.outside', params: { root: ['x'] } }, 'lint.refused.outside', null]) {
      const state = imageState(forged(bad));
      expect(state, JSON.stringify(bad)).toEqual({ kind: 'refused', reason: 'leads outside the recap’s folder' });
    }
  });
});
