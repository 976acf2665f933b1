import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { ImageLookup, RecapApi } from '../../electron/core/contract';
import { errorMessage } from '../api/error';

export type ImageState =
  | { kind: 'pending' }
  | { kind: 'found'; src: string }
  | { kind: 'missing'; localPath: string | null }
  /** The containment rule refused the link: nothing was read. */
  | { kind: 'refused'; reason: string }
  | { kind: 'failed'; message: string };

interface ImageLookups {
  get(url: string): ImageState;
  /** Called by each mounted image; returns the release function. */
  watch(url: string): () => void;
}

const PENDING: ImageState = { kind: 'pending' };
const ImageContext = createContext<ImageLookups>({ get: () => PENDING, watch: () => () => undefined });

/** Sources the service may hand back that the page can load under its CSP. */
const SAFE_SRC = /^(?:\/(?!\/)|\.{0,2}\/|https?:|blob:|recap-asset:|data:image\/)/i;

function toState(lookup: ImageLookup): ImageState {
  if (lookup.refused !== undefined) return { kind: 'refused', reason: lookup.refused };
  if (lookup.src && SAFE_SRC.test(lookup.src)) return { kind: 'found', src: lookup.src };
  return { kind: 'missing', localPath: lookup.localPath };
}

const DEBOUNCE_MS = 200;

/** Files changed (photos imported, restored, replaced): ask again; `replaced` URLs have new content. */
export interface ImageRefresh {
  version: number;
  replaced: readonly string[];
}

/**
 * Asks the service where the draft's images are, in debounced batches, and remembers each
 * answer until the recap's path changes (which changes where relative URLs point) or
 * `refresh` says the photo folder changed.
 */
export function ImageLookupProvider({ api, recapPath, refresh, children }: { api: RecapApi; recapPath: string | null; refresh?: ImageRefresh | undefined; children: ReactNode }) {
  const [known, setKnown] = useState<ReadonlyMap<string, ImageState>>(() => new Map());
  const knownRef = useRef(known);
  const mounted = useRef(new Map<string, number>());
  const queued = useRef(new Set<string>());
  const timer = useRef<number | null>(null);
  const pathRef = useRef(recapPath);
  // A photo replaced under the same name keeps its URL: the browser would show its old pixels.
  const busted = useRef(new Map<string, number>());

  const flush = useCallback(() => {
    timer.current = null;
    if (queued.current.size === 0) return;
    // Whenever a batch goes out anyway, images still missing ride along: they may exist now.
    for (const u of mounted.current.keys()) if (knownRef.current.get(u)?.kind === 'missing') queued.current.add(u);
    const urls = [...queued.current];
    queued.current.clear();
    const forPath = pathRef.current;
    api.resolveImages({ recapPath: forPath, urls }).then(
      (lookups) => {
        if (pathRef.current !== forPath) return;
        const next = new Map(knownRef.current);
        for (const l of lookups) {
          const state = toState(l);
          const v = busted.current.get(l.url);
          next.set(l.url, state.kind === 'found' && v !== undefined ? { kind: 'found', src: `${state.src}${state.src.includes('?') ? '&' : '?'}v=${v}` } : state);
        }
        // A URL the service did not answer for would stay pending forever.
        for (const u of urls) if (!next.has(u) || next.get(u)?.kind === 'pending') next.set(u, { kind: 'missing', localPath: null });
        knownRef.current = next;
        setKnown(next);
      },
      (err: unknown) => {
        if (pathRef.current !== forPath) return;
        const next = new Map(knownRef.current);
        for (const u of urls) next.set(u, { kind: 'failed', message: errorMessage(err) });
        knownRef.current = next;
        setKnown(next);
      },
    );
  }, [api]);

  const enqueue = useCallback(
    (url: string) => {
      if (knownRef.current.has(url) || queued.current.has(url)) return;
      queued.current.add(url);
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = window.setTimeout(flush, DEBOUNCE_MS);
    },
    [flush],
  );

  useEffect(() => {
    if (pathRef.current === recapPath) return;
    pathRef.current = recapPath;
    const empty = new Map<string, ImageState>();
    knownRef.current = empty;
    setKnown(empty);
    queued.current.clear();
    for (const url of mounted.current.keys()) enqueue(url);
  }, [recapPath, enqueue]);

  const version = refresh?.version ?? 0;
  const replacedRef = useRef(refresh?.replaced ?? []);
  replacedRef.current = refresh?.replaced ?? [];
  useEffect(() => {
    if (version === 0) return;
    for (const u of replacedRef.current) busted.current.set(u, version);
    const next = new Map(knownRef.current);
    for (const [u, state] of knownRef.current) if (state.kind !== 'found' || busted.current.get(u) === version) next.delete(u);
    if (next.size === knownRef.current.size) return;
    knownRef.current = next;
    setKnown(next);
    for (const u of mounted.current.keys()) enqueue(u);
  }, [version, enqueue]);

  // The author may have copied a missing photo into the site meanwhile: coming back to the
  // window asks again for every image still shown as missing.
  useEffect(() => {
    const recheck = (): void => {
      const stale = [...mounted.current.keys()].filter((u) => knownRef.current.get(u)?.kind === 'missing');
      if (stale.length === 0) return;
      const next = new Map(knownRef.current);
      for (const u of stale) next.delete(u);
      knownRef.current = next;
      for (const u of stale) enqueue(u);
    };
    window.addEventListener('focus', recheck);
    return () => {
      window.removeEventListener('focus', recheck);
      if (timer.current !== null) window.clearTimeout(timer.current);
    };
  }, [enqueue]);

  const watch = useCallback(
    (url: string) => {
      mounted.current.set(url, (mounted.current.get(url) ?? 0) + 1);
      enqueue(url);
      return () => {
        const n = (mounted.current.get(url) ?? 1) - 1;
        if (n <= 0) mounted.current.delete(url);
        else mounted.current.set(url, n);
      };
    },
    [enqueue],
  );

  const value = useMemo<ImageLookups>(() => ({ get: (url) => known.get(url) ?? PENDING, watch }), [known, watch]);

  return <ImageContext.Provider value={value}>{children}</ImageContext.Provider>;
}

export function useImageState(url: string | null): ImageState {
  const { get, watch } = useContext(ImageContext);
  useEffect(() => (url ? watch(url) : undefined), [url, watch]);
  return url ? get(url) : PENDING;
}
