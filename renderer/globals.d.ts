import type { RecapBridge } from '../electron/core/contract';
import type { EarlyRequest } from './api/early';

declare global {
  interface Window {
    /** Exposed by Electron's preload; absent in the browser mode. */
    recap?: RecapBridge;
    /** Set once the first document is on screen, so tests know when to start. */
    __recapReady?: boolean;
    /** The start-up's API requests made before the page's JavaScript ran (public/theme-boot.js). */
    __recapEarly?: Record<string, EarlyRequest>;
  }
}

export {};
