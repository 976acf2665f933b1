// Serves the recap's local images to the preview under recap-asset://, and only the files
// the service resolved for the current recaps: the page cannot ask for arbitrary paths.

import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { resolveAssetForServe } from './service/containment';

export const ASSET_SCHEME = 'recap-asset';
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
    // The service's containment rule: a handed-out regular image file, never a symlink out.
    const file = resolveAssetForServe(new URL(request.url).searchParams.get('path') ?? '', served);
    if (file === null) return new Response('Not found', { status: 404 });
    return net.fetch(pathToFileURL(file).toString());
  });
}
