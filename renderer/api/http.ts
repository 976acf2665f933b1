import type { Envelope, RecapApi, RecapMethod, RequestOf, ResponseOf } from '../../electron/core/contract';
import { isRecapErrorShape } from '../../electron/core/errors';
import { t } from '../ui/locale';
import { whenIdle } from '../ui/useAfterPaint';
import { ApiError, LinkNeededError, UnreachableError } from './error';
import { apiFrom } from './methods';
import { takeEarly } from './early';

const TOKEN_KEY = 'recap-studio-token';

/**
 * Moves the token from the address to sessionStorage: the page's first sessionStorage access and
 * `history.replaceState` are each a synchronous round trip to the browser process, 2–25 ms while
 * it is busy loading the page, so they wait for the first idle moment after the start-up's work
 * (at most a second). Until then the address keeps the token, so a reload in between still works.
 */
function keepTokenLater(token: string): void {
  const keep = (): void => {
    try {
      sessionStorage.setItem(TOKEN_KEY, token);
    } catch {
      // Storage can be disabled; the token then lives for this page load only.
    }
    const url = new URL(window.location.href);
    if (url.searchParams.get('token') !== token) return;
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  };
  whenIdle(keep);
}

/**
 * The token arrives once in `?token=`; it is moved to sessionStorage and out of the address
 * bar so that it does not end up in bookmarks, screenshots or the history.
 */
export function takeToken(): string | null {
  const fromUrl = new URL(window.location.href).searchParams.get('token');
  if (fromUrl) {
    keepTokenLater(fromUrl);
    return fromUrl;
  }
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

/**
 * What the browser door answers with nothing (electron/web/web-api.ts: a tab has no native
 * window to title, recolour or close, no native menus, no find bar to stop): answered here
 * without a request. The page sends the first three at every start, beside the home screen's
 * list, and the document state again as the recap's title or saved state changes.
 * test/unit/web/web-no-ops.test.ts holds the two sides together.
 */
export const ANSWERED_IN_PAGE: readonly RecapMethod[] = ['setDocumentState', 'setTheme', 'setLocale', 'closeWindow', 'stopFindInPage'];

function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { ok?: unknown; error?: unknown };
  return v.ok === true ? 'value' in v : v.ok === false && isRecapErrorShape(v.error);
}

/** The browser door: `POST /api/<method>` with the request as JSON and the token in a header. */
export function createHttpApi(token: string | null): RecapApi {
  const call = async <M extends RecapMethod>(method: M, req: RequestOf<M>): Promise<ResponseOf<M>> => {
    if (!token) throw new LinkNeededError();
    if (ANSWERED_IN_PAGE.includes(method)) return undefined as ResponseOf<M>;
    let response: Response;
    try {
      const body = JSON.stringify(req ?? {});
      response = await (takeEarly(method, body) ?? fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Recap-Token': token },
        body,
        cache: 'no-store',
        // An autosave sent as the tab closes must still arrive (browsers cap keepalive at 64 KB).
        keepalive: method === 'autosave' && body.length < 60_000,
      }));
    } catch {
      throw new UnreachableError(t('error.api.notAnswering'));
    }
    let body: unknown = null;
    try {
      body = await response.json();
    } catch {
      body = null;
    }
    // The server maps error codes to HTTP statuses but always sends an envelope with them.
    if (isEnvelope(body)) {
      if (body.ok) return body.value as ResponseOf<M>;
      throw new ApiError(body.error);
    }
    if (response.status === 401 || response.status === 403) throw new LinkNeededError();
    throw new UnreachableError(t('error.api.unexpected', { method, status: String(response.status) }));
  };
  return apiFrom(call);
}
