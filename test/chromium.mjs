// The Chromium that the browser tests and the benchmarks drive: Debian's, started by Playwright,
// with the same switches everywhere (test/e2e-browser/harness.ts and bench/*).
//
// Debian's Chromium is the whole browser run headless, not Playwright's headless shell: every
// new browser context opens a window, and every window loaded Chromium's own omnibox popup
// (chrome://omnibox-popup.top-chrome/omnibox_popup_aim.html) in a renderer of its own, 430–800 ms
// of CPU beside the page under test, on a 2-core machine while that page starts (measured through
// Chromium's trace; the browser process itself spent 180 ms more a window). An Electron window has
// no omnibox, and a test or a bench measures our page, not Chromium's address bar: the two
// features that make that popup are turned off.
import { existsSync } from 'node:fs';

/**
 * Playwright 1.65's own `--disable-features` list (its chromiumSwitches.ts). Chromium keeps only
 * the last `--disable-features` of a command line, and Playwright puts ours after its own, so ours
 * carries its list too (test/unit/lint/chromium-args.test.ts checks that it still does).
 */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/** Chromium's omnibox popup pages (the plain one and the "AI mode" one): each window loaded one. */
export const BROWSER_UI_FEATURES_OFF = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

const BASE_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

const DISABLE = '--disable-features=';

/**
 * The switches to launch Chromium with, `extra` added (e.g. a bench's BENCH_CHROMIUM_ARGS): one
 * `--disable-features` holding Playwright's, ours and any that `extra` names.
 * @param {readonly string[]} [extra]
 * @returns {string[]}
 */
export function chromiumArgs(extra = []) {
  const named = extra.filter((a) => a.startsWith(DISABLE)).flatMap((a) => a.slice(DISABLE.length).split(',').filter(Boolean));
  const features = [...new Set([...PLAYWRIGHT_DISABLED_FEATURES, ...BROWSER_UI_FEATURES_OFF, ...named])];
  return [...BASE_ARGS, ...extra.filter((a) => !a.startsWith(DISABLE)), DISABLE + features.join(',')];
}

/**
 * Debian's Chromium, or CHROMIUM_PATH; a clear error when it is not there.
 * @returns {string}
 */
export function chromiumPath() {
  const p = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
  if (!existsSync(p)) throw new Error(`Chromium not found at ${p}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.`);
  return p;
}
