import type { Envelope, RecapApi, RecapBridge, RecapMethod, RequestOf, ResponseOf } from '../../electron/core/contract';
import { t } from '../ui/locale';
import { ApiError, UnreachableError } from './error';
import { apiFrom } from './methods';

function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value;
  throw new ApiError(envelope.error);
}

/** The Electron door: every call goes through the preload's single `invoke`. */
export function createIpcApi(bridge: RecapBridge): RecapApi {
  const call = async <M extends RecapMethod>(method: M, req: RequestOf<M>): Promise<ResponseOf<M>> => {
    let envelope: Envelope<ResponseOf<M>>;
    try {
      envelope = await bridge.invoke(method, req);
    } catch (err) {
      // The preload rejects only when the main process has no handler or died.
      throw new UnreachableError(t('error.api.mainGone', { detail: err instanceof Error ? err.message : String(err) }));
    }
    return unwrap(envelope);
  };
  return apiFrom(call);
}

