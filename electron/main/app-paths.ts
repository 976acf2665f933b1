// Where the Electron door finds its own files, from dist/electron/main/ once built (and from
// electron/main/ when the door's unit tests import the sources). One place, so that the window,
// the app:// protocol and the packaging test agree.

import * as path from 'node:path';

/** The built renderer (dist/renderer): served under app://recap/. */
export const rendererRoot = path.join(__dirname, '..', '..', 'renderer');
/** The sandboxed preload (dist/electron/main/preload.js). */
export const preloadPath = path.join(__dirname, 'preload.js');
/** The window icon (assets/icon.png at the repository or app root). */
export const iconPath = path.join(__dirname, '..', '..', '..', 'assets', 'icon.png');
