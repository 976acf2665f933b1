import type { RecapBridge } from '../electron/core/contract';

declare global {
  interface Window {
    /** Exposed by Electron's preload; absent in the browser mode. */
    recap?: RecapBridge;
    /** Set once the first document is on screen, so tests know when to start. */
    __recapReady?: boolean;
  }
}

export {};
