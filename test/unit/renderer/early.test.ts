// The start-up's early API answers (public/theme-boot.js asks them before the page's JavaScript
// runs): each is taken once, and only by the same method with the same request body.

import { afterEach, describe, expect, it } from 'vitest';
import { takeEarly } from '../../../renderer/api/early';

const g = globalThis as unknown as { window?: { __recapEarly?: Record<string, { body: string; response: Promise<Response> }> } };

afterEach(() => {
  delete g.window;
});

describe('takeEarly', () => {
  it('gives the early response once, for the same method and body only', async () => {
    const response = Promise.resolve(new Response('{"ok":true,"value":1}'));
    g.window = { __recapEarly: { homeData: { body: '{}', response }, openRecap: { body: '{"path":"/a.md"}', response } } };
    expect(takeEarly('homeData', '{"query":"x"}')).toBeNull();
    expect(takeEarly('appInfo', '{}')).toBeNull();
    expect(takeEarly('openRecap', '{"path":"/b.md"}')).toBeNull();
    expect(takeEarly('homeData', '{}')).toBe(response);
    expect(takeEarly('homeData', '{}')).toBeNull();
    expect(takeEarly('openRecap', '{"path":"/a.md"}')).toBe(response);
    expect(await (await response).json()).toEqual({ ok: true, value: 1 });
  });

  it('is null when nothing was asked early (Electron, or no token)', () => {
    g.window = {};
    expect(takeEarly('homeData', '{}')).toBeNull();
  });
});
