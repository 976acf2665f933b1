import type { AppCommand, RecapApi, RecapBridge } from '../../electron/core/contract';
import { createHttpApi, takeToken } from './http';
import { createIpcApi } from './ipc';

export { ApiError, LinkNeededError, UnreachableError, errorCode, errorMessage } from './error';

export interface Transport {
  api: RecapApi;
  /** Commands from outside the page (Electron menu and close guard); a no-op in the browser. */
  onCommand(listener: (command: AppCommand) => void): () => void;
  /** Absolute path of a dropped file when the door can tell (Electron only). */
  pathForFile(file: File): string | null;
}

/** Picks the door once at start-up; the rest of the renderer only sees `RecapApi`. */
export function createTransport(): Transport {
  const bridge: RecapBridge | undefined = window.recap;
  if (bridge) {
    return {
      api: createIpcApi(bridge),
      onCommand: (listener) => bridge.onCommand(listener),
      pathForFile: (file) => {
        try {
          return bridge.pathForFile(file) || null;
        } catch {
          return null;
        }
      },
    };
  }
  return {
    api: createHttpApi(takeToken()),
    onCommand: () => () => undefined,
    pathForFile: () => null,
  };
}
