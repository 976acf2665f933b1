import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RecapMethod } from '../../../electron/core/contract';
import { createWebApi } from '../../../electron/web/web-api';
import { ANSWERED_IN_PAGE } from '../../../renderer/api/http';

const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'recap-web-no-ops-'));
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

/** A valid request for each method the page answers itself. */
const REQUESTS: Partial<Record<RecapMethod, unknown>> = {
  setDocumentState: { title: 'kcd.md', path: null, dirty: true },
  setTheme: { theme: 'dark' },
  setLocale: { locale: 'zh-CN', choice: 'zh-CN' },
  closeWindow: undefined,
  stopFindInPage: undefined,
};

describe('the calls the page answers without asking the browser door', () => {
  it('are exactly calls the browser door answers with nothing, so skipping the request changes no answer', async () => {
    const { api } = createWebApi({ token: 't', servedAssets: new Set(), home: path.join(dir, 'data'), cacheDir: path.join(dir, 'cache') });
    expect([...ANSWERED_IN_PAGE].sort()).toEqual(Object.keys(REQUESTS).sort());
    for (const method of ANSWERED_IN_PAGE) {
      const call = api[method] as (req: unknown) => Promise<unknown>;
      await expect(call(REQUESTS[method]), method).resolves.toBeUndefined();
    }
    // Nothing was written on the way: these calls touch no file in the browser mode.
    await expect(fs.readdir(dir)).resolves.toEqual([]);
  });
});
