// The contract as the browser mode serves it: the service guarded by the tab's picks (grants),
// no native dialogs, no window to title or close.

import * as os from 'node:os';
import type { RecapApi } from '../core/contract';
import { RecapError } from '../core/errors';
import { msg } from '../core/i18n/messages';
import { createGrants, guardService } from '../service/files/grants';
import { createRecapService, type RecapService } from '../service/service';
import { warmHome } from '../service/warm-start';

export interface WebApiOptions {
  token: string;
  /** Only files that resolveImages handed out can be fetched as assets: they are added here. */
  servedAssets: Set<string>;
  cacheDir?: string;
  home?: string;
  /** Lists the home screen once at start, while the page loads (service/warm-start.ts). */
  warmHome?: boolean;
}

export interface WebApi {
  service: RecapService;
  api: RecapApi;
  /** Settles once the start's warm-up listing ended (at once without one). */
  warmed(): Promise<void>;
}

export function createWebApi(options: WebApiOptions): WebApi {
  const { token, servedAssets } = options;
  const made = createRecapService({
    ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
    ...(options.home ? { home: options.home } : {}),
    assetUrl: (p) => {
      servedAssets.add(p);
      return `/asset?token=${encodeURIComponent(token)}&path=${encodeURIComponent(p)}`;
    },
  });
  const warm = options.warmHome ? warmHome(made) : null;
  const service = warm?.service ?? made;
  // The tab is the browser mode's only picker (it has no native dialogs): a path it opens, saves
  // to or exports to is the author's pick; every other path it names must be one of those.
  const api: RecapApi = {
    ...guardService(service, createGrants(), { picksPaths: true }),
    appInfo: async () => ({ door: 'web', nativeDialogs: false, homeDir: os.homedir(), version: process.env['npm_package_version'] ?? '0.1.0' }),
    showOpenDialog: async () => {
      throw new RecapError('UNSUPPORTED', msg('error.noNativeDialogs'));
    },
    showSaveDialog: async () => {
      throw new RecapError('UNSUPPORTED', msg('error.noNativeDialogs'));
    },
    showFolderDialog: async () => {
      throw new RecapError('UNSUPPORTED', msg('error.noNativeDialogs'));
    },
    showPhotoDialog: async () => {
      throw new RecapError('UNSUPPORTED', msg('error.noNativePhotoDialog'));
    },
    setDocumentState: async () => undefined,
    // A browser tab follows the page's own theme; there is no native window to recolour.
    setTheme: async () => undefined,
    closeWindow: async () => undefined,
    // The browser has its own menus, spellchecker (by its own settings) and Ctrl+F.
    setLocale: async () => undefined,
    setSpellcheckLanguages: async () => ({ languages: [], available: [] }),
    findInPage: async () => {
      throw new RecapError('UNSUPPORTED', msg('electron.findInBrowser'));
    },
    stopFindInPage: async () => undefined,
  };
  return { service, api, warmed: () => warm?.settled() ?? Promise.resolve() };
}
