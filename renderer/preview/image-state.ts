// What the preview knows about one local image, from a door's answer: found, missing, refused by
// the containment rule (with its reason) or not yet known. Pure: the unit tests check it.

import type { ImageLookup } from '../../electron/core/contract';
import { isMsg } from '../../electron/core/errors';
import type { Msg } from '../../electron/core/i18n/messages';

export type ImageState =
  | { kind: 'pending' }
  | { kind: 'found'; src: string }
  | { kind: 'missing'; localPath: string | null }
  /** The containment rule refused the link: nothing was read. Why: in English, and its catalogue message when a valid one came. */
  | { kind: 'refused'; reason: string; reasonMsg?: Msg }
  | { kind: 'failed'; message: string };

/** Sources the service may hand back that the page can load under its CSP. */
const SAFE_SRC = /^(?:\/(?!\/)|\.{0,2}\/|https?:|blob:|recap-asset:|data:image\/)/i;

/** A door's answer as the preview's state; a refusal's message only when it is a valid one (a known key, plain values). */
export function imageState(lookup: ImageLookup): ImageState {
  if (lookup.refused !== undefined) return isMsg(lookup.refusedMsg) ? { kind: 'refused', reason: lookup.refused, reasonMsg: lookup.refusedMsg } : { kind: 'refused', reason: lookup.refused };
  if (lookup.src && SAFE_SRC.test(lookup.src)) return { kind: 'found', src: lookup.src };
  return { kind: 'missing', localPath: lookup.localPath };
}
