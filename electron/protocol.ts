// Serves the recap's local images to the preview under recap-asset://, and only the files
// the service resolved for the current recaps: the page cannot ask for arbitrary paths.

import { net, protocol } from 'electron';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

export const ASSET_SCHEME = 'recap-asset';
const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif']);
const served = new Set<string>();

/** Must run before the app is ready. */
export function registerAssetScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: ASSET_SCHEME, privileges: { standard: true, secure: true } }]);
}

export function assetUrl(absPath: string): string {
  served.add(absPath);
  return `${ASSET_SCHEME}://local/?path=${encodeURIComponent(absPath)}`;
}

export function handleAssetProtocol(): void {
  protocol.handle(ASSET_SCHEME, (request) => {
    const file = new URL(request.url).searchParams.get('path') ?? '';
    if (!served.has(file) || !IMAGE_EXTENSIONS.has(path.extname(file).toLowerCase())) {
      return new Response('Not found', { status: 404 });
    }
    return net.fetch(pathToFileURL(file).toString());
  });
}
